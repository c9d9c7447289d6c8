/**
 * What the compact, dict and table printers share: options turned into formatters once,
 * the record counter (`line`: the table header and the dict separators depend on it),
 * and node status events, which go to stderr.
 */
import type {flow, GetFlowsResponse, relay} from '../proto/index.js'
import {colors, escapeTerminal, goQuote, hostNames, joinNodeNames, timestampFormatter, type Colors, type HostOptions} from './format.js'
import type {Printer, PrinterOptions} from './options.js'
import {BatchedOutput} from './output.js'

const nodeStates = ['UNKNOWN_NODE_STATE', 'NODE_CONNECTED', 'NODE_UNAVAILABLE', 'NODE_GONE', 'NODE_ERROR']
const lostEventSources = ['UNKNOWN_LOST_EVENT_SOURCE', 'PERF_EVENT_RING_BUFFER', 'OBSERVER_EVENTS_QUEUE', 'HUBBLE_RING_BUFFER']

export const enumName = (names: readonly string[], n: number | null | undefined): string => names[n ?? 0] ?? String(n)

export abstract class TextPrinter implements Printer {
  protected line = 0
  protected readonly out: BatchedOutput
  protected readonly c: Colors
  protected readonly time: ReturnType<typeof timestampFormatter>
  protected readonly hosts: HostOptions
  private readonly colorEnabled: boolean

  constructor(protected readonly opts: PrinterOptions, colorEnabled: boolean) {
    // Records end with a newline and no kept colour sequence holds one, so escaping a chunk of
    // records is escaping each; and escaping is idempotent (the table escapes its cells first).
    this.out = new BatchedOutput(opts.out, (chunk) => this.escape(chunk))
    this.c = colors(colorEnabled)
    this.time = timestampFormatter(opts.timeFormat)
    this.colorEnabled = colorEnabled
    this.hosts = {ipTranslation: opts.ipTranslation, colors: this.c}
  }

  write(res: GetFlowsResponse): Promise<void> | undefined {
    if (res.flow) {
      const p = this.writeFlow(res.flow)
      this.line++
      return p
    }
    if (res.nodeStatus) return this.writeNodeStatus(res, res.nodeStatus)
    if (res.lostEvents) {
      const p = this.writeLostEvent(res, res.lostEvents)
      this.line++
      return p
    }
    return undefined
  }

  async close(): Promise<void> {
    await this.out.flush()
  }

  /** The terminal-escaped form of printed text (network data may carry escape sequences). */
  protected escape(text: string): string {
    return escapeTerminal(text, this.colorEnabled)
  }

  /** Appends a record (ending with a newline) to stdout; escaped when the chunk is written. */
  protected emit(text: string): Promise<void> | undefined {
    return this.out.push(text)
  }

  protected abstract writeFlow(f: flow.IFlow): Promise<void> | undefined
  protected abstract writeLostEvent(res: GetFlowsResponse, e: flow.ILostEvent): Promise<void> | undefined

  protected hostNames(f: flow.IFlow): [string, string] {
    return hostNames(f, this.hosts)
  }

  protected lostSource(e: flow.ILostEvent): string {
    return enumName(lostEventSources, e.source)
  }

  /** `CPU(<cpu>)<sep><n>[ (first: <ts>, last: <ts>)]`, the summary of a lost event. */
  protected lostSummary(e: flow.ILostEvent, sep: string): string {
    let s = `CPU(${e.cpu?.value ?? 0})${sep}${String(e.numEventsLost ?? 0)}`
    if (e.first != null && e.last != null) s += ` (first: ${this.time(e.first)}, last: ${this.time(e.last)})`
    return s
  }

  /** Node status events go to stderr: only unavailable and error ones, unless debugging. */
  private writeNodeStatus(res: GetFlowsResponse, s: relay.INodeStatusEvent): Promise<void> | undefined {
    const state = s.stateChange ?? 0
    if (!this.opts.debug && state !== 2 && state !== 4) return undefined
    if (this.opts.silentErrors) return undefined
    const names = s.nodeNames ?? []
    const joined = joinNodeNames(names)
    let text: string
    if (this.opts.mode === 'dict') {
      // The separator goes to stderr with the record, and only the first record counts as a line.
      const sep = this.line !== 0 ? '------------\n' : ''
      if (this.line === 0) this.line++
      const message = s.message ? goQuote(s.message) : 'N/A'
      text = `${sep}  TIMESTAMP: ${this.time(res.time)}\n      STATE: ${enumName(nodeStates, state)}\n      NODES: ${joined}\n    MESSAGE: ${message}\n`
    } else {
      const prefix = `${this.time(res.time)} [${res.nodeName ?? ''}]`
      const n = names.length
      switch (state) {
        case 1: text = `${prefix}: Receiving flows from ${n} nodes: ${joined}`; break
        case 2: text = `${prefix}: ${n} nodes are unavailable: ${joined}`; break
        case 3: text = `${prefix}: ${n} nodes removed from cluster: ${joined}`; break
        case 4: text = `${prefix}: Error ${goQuote(s.message ?? '')} on ${n} nodes: ${joined}`; break
        default: text = `${prefix}: unknown node status event: state_change:${enumName(nodeStates, state)} node_names:${JSON.stringify(names)}`
      }
      text += '\n'
    }
    // Keep the order a reader sees on a terminal: flows printed so far come first.
    const pending = this.out.flush()
    this.opts.err.write(this.escape(text))
    return pending
  }
}
