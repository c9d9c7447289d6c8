/**
 * `hubble serve`: a saved flow log (the lines of `hubble observe -o jsonpb`, e.g. exported from
 * a real cluster) fed into a Hubble server, so every hubble command can query it. With
 * `follow`, the file is tailed like `tail -f`: lines appended later are served as they come.
 */
import {open, type FileHandle} from 'node:fs/promises'
import {FlowJsonReader, type FlowJsonWarning} from './codec/index.js'
import type {FlowObserver} from './server/index.js'
import {sleep} from '../lib/sleep.js'

export interface FeedOptions {
  /** keep reading what is appended after the end of the file */
  follow?: boolean
  /** how often a followed file is checked for new data */
  pollMs?: number
  signal?: AbortSignal
  onWarning?: (w: FlowJsonWarning) => void
  /** called once, with the number of flows so far, when the end of the file is first reached */
  onEndOfFile?: (flows: number) => void | Promise<void>
}

const chunkSize = 1 << 20

/**
 * Adds every flow of the file to the observer, in file order; returns how many. Lines that are
 * not flows (node status, lost events) and bad lines (with a warning) are skipped. Resolves at
 * the end of the file, or, with `follow`, when the signal aborts.
 */
export async function feedFlowLog(observer: FlowObserver, path: string, opts: FeedOptions = {}): Promise<number> {
  const reader = new FlowJsonReader()
  let added = 0
  const take = (line: string) => {
    const {response, warnings} = reader.parse(line)
    for (const w of warnings) opts.onWarning?.(w)
    if (response?.flow) {
      observer.addFlow(response.flow)
      added++
    }
  }
  const fh: FileHandle = await open(path, 'r')
  try {
    const buf = Buffer.allocUnsafe(chunkSize)
    let position = 0
    let reachedEnd = false
    let partial = Buffer.alloc(0)  // bytes after the last newline, kept as bytes: a chunk may end inside a UTF-8 sequence
    for (;;) {
      if (opts.signal?.aborted) break
      const {bytesRead} = await fh.read(buf, 0, chunkSize, position)
      if (bytesRead === 0) {
        if (!reachedEnd) {
          reachedEnd = true
          await opts.onEndOfFile?.(added)
        }
        if (!opts.follow) break
        const {size} = await fh.stat()
        if (size < position) position = 0  // truncated or rotated in place: start over
        else await sleep(opts.pollMs ?? 200, opts.signal)
        continue
      }
      position += bytesRead
      const lastNewline = buf.lastIndexOf(10, bytesRead - 1)
      if (lastNewline < 0) {
        partial = Buffer.concat([partial, buf.subarray(0, bytesRead)])
        continue
      }
      const text = partial.length > 0 ? Buffer.concat([partial, buf.subarray(0, lastNewline)]).toString('utf8') : buf.toString('utf8', 0, lastNewline)
      partial = Buffer.from(buf.subarray(lastNewline + 1, bytesRead))
      let start = 0
      for (let nl = text.indexOf('\n'); nl >= 0; nl = text.indexOf('\n', start)) {
        take(text.slice(start, nl))
        start = nl + 1
      }
      take(text.slice(start))
    }
    // A last line without a newline still counts (the real CLI reads it too).
    if (partial.length > 0) take(partial.toString('utf8'))
  } finally {
    await fh.close()
  }
  return added
}

