/**
 * `-o json` / `-o jsonpb`: one compact JSON GetFlowsResponse per line, encoded by the
 * codec exactly as hubble prints it. Node status events go to stderr as JSON (jsonpb);
 * with HUBBLE_COMPAT=legacy-json-output `-o json` prints only the inner object.
 */
import {encodeFlowsResponseJson, encodeLegacyResponseJson} from '../codec/index.js'
import type {GetFlowsResponse} from '../proto/index.js'
import type {Printer, PrinterOptions} from './options.js'
import {BatchedOutput} from './output.js'

export class JsonPrinter implements Printer {
  private readonly out: BatchedOutput
  private readonly legacy: boolean
  readonly writeRaw?: (line: string) => Promise<void> | undefined

  constructor(private readonly opts: PrinterOptions) {
    this.out = new BatchedOutput(opts.out)
    this.legacy = opts.mode === 'json' && opts.legacyJson
    // Legacy JSON prints only the inner object: no saved line is its output as it is.
    if (!this.legacy) this.writeRaw = (line) => this.out.push(line + '\n')
  }

  write(res: GetFlowsResponse): Promise<void> | undefined {
    if (res.flow || res.lostEvents) return this.out.push(this.legacy ? encodeLegacyResponseJson(res) : encodeFlowsResponseJson(res))
    if (res.nodeStatus) {
      const state = res.nodeStatus.stateChange ?? 0
      // Legacy JSON prints no node status events at all, as the real CLI.
      if (this.legacy || this.opts.silentErrors || (!this.opts.debug && state !== 2 && state !== 4)) return undefined
      const pending = this.out.flush()
      this.opts.err.write(encodeFlowsResponseJson(res))
      return pending
    }
    return undefined
  }

  async close(): Promise<void> {
    await this.out.flush()
  }
}
