/**
 * `hubble observe --input-file FILE|-`: the Observer semantics over saved `-o jsonpb`
 * lines, as the real CLI's io reader applies them: bad lines are skipped with a
 * warning, `--since`/`--until` look at the response time, the allow/deny filters at
 * the flow, and `--first N` / `--last N` (a ring of the last N matches) / everything.
 */
import {FlowJsonReader, isCanonicalFlowsResponseJson, type FlowJsonWarning} from '../codec/index.js'
import {ValidationError} from '../../errors.js'
import {compileFlowFilters} from '../filters/index.js'
import type {flow, GetFlowsResponse, Timestamp} from '../proto/index.js'
import type {Printer} from '../printer/index.js'
import {goQuote} from '../printer/format.js'
import {isAll, type Selector, type Time} from './selectors.js'

export interface FlowsQuery {
  selector: Selector
  allow: flow.IFlowFilter[]
  deny: flow.IFlowFilter[]
}

/** Go's bufio.Scanner refuses a line that does not fit its 64 KiB buffer (newline included). */
const maxLineBytes = 64 * 1024 - 1

export class LineTooLongError extends ValidationError {
  constructor() {
    super('bufio.Scanner: token too long')
  }
}

const maxLast = 1_000_000n

function seconds(t: Timestamp | Time | null | undefined): number {
  if (t == null) return 0
  const s = t.seconds ?? 0
  return (typeof s === 'number' ? s : s.toNumber()) + (t.nanos ?? 0) / 1e9
}

/**
 * Reads the stream to its end (or until `signal` aborts), printing what matches. Throws
 * ValidationError for a bad filter or --last above 1,000,000, LineTooLongError for a
 * line over 64 KiB (what came before it is printed). Warnings go to `warn`.
 */
export async function observeFile(input: AsyncIterable<string | Buffer>, query: FlowsQuery, printer: Printer,
  warn: (w: FlowJsonWarning) => void, signal?: AbortSignal): Promise<void> {
  const pass = compileFlowFilters(query.allow, query.deny)
  const {number, first} = query.selector
  const since = query.selector.since ? seconds(query.selector.since) : undefined
  const until = query.selector.until ? seconds(query.selector.until) : undefined
  const useFirst = first && number !== 0n && !isAll(number)
  const useLast = !first && number !== 0n && !isAll(number)
  if (useLast && number > maxLast) throw new ValidationError(`--last must be <= 1_000_000, got ${number}`)
  const ringSize = useLast ? Number(number) : 0
  // Counted in a number: a bigint per flow costs, and --first beyond 2^53 flows is not a case.
  const firstN = useFirst ? Number(number) : Infinity
  // A saved line is a response or, when the printer would print it unchanged, the line itself.
  const ring: Array<GetFlowsResponse | string> = []
  let ringStart = 0
  let printed = 0
  const reader = new FlowJsonReader()
  // Without filters and times no field decides anything: a line that is already the JSON
  // printer's output for itself is printed as it is (no JSON.parse, conversion or encoding).
  const writeRaw = query.allow.length === 0 && query.deny.length === 0 && since === undefined && until === undefined
    ? printer.writeRaw : undefined

  // Returns a promise only when the printer asks to wait for the output to drain.
  const handle = (line: string): Promise<void> | undefined => {
    let res: GetFlowsResponse | string | undefined
    if (writeRaw && isCanonicalFlowsResponseJson(line)) res = line
    else {
      const parsed = reader.parse(line)
      for (const w of parsed.warnings) warn(w)
      res = parsed.response
      if (!res) return undefined
      if (since !== undefined && since > seconds(res.time)) return undefined
      if (until !== undefined && until < seconds(res.time)) return undefined
      if (!pass(res.flow ?? null)) return undefined
    }
    if (useLast) {
      if (ring.length < ringSize) ring.push(res)
      else {
        ring[ringStart] = res
        ringStart = (ringStart + 1) % ringSize
      }
      return undefined
    }
    printed++
    return typeof res === 'string' ? writeRaw!(res) : printer.write(res)
  }

  let rest = ''
  const lineOf = (raw: string): string => {
    if (raw.length > maxLineBytes / 3 && Buffer.byteLength(raw) > maxLineBytes) throw new LineTooLongError()
    return raw.endsWith('\r') ? raw.slice(0, -1) : raw
  }
  const readLines = async (): Promise<void> => {
    for await (const chunk of input) {
      const text = rest + (typeof chunk === 'string' ? chunk : chunk.toString('utf8'))
      let start = 0
      for (let nl = text.indexOf('\n'); nl >= 0; nl = text.indexOf('\n', start)) {
        const p = handle(lineOf(text.slice(start, nl)))
        start = nl + 1
        if (p) await p
        if (printed >= firstN || signal?.aborted) return
      }
      rest = text.slice(start)
      if (rest.length > maxLineBytes && Buffer.byteLength(rest) > maxLineBytes) throw new LineTooLongError()
    }
    if (rest !== '') {
      const p = handle(lineOf(rest))
      if (p) await p
    }
  }
  try {
    await readLines()
  } catch (error) {
    // Ctrl-C destroys the input under a pending read: that ends the input, it is no failure.
    if (!signal?.aborted) throw error
  }
  for (let i = 0; i < ring.length; i++) {
    const res = ring[(ringStart + i) % ring.length]!
    const p = typeof res === 'string' ? writeRaw!(res) : printer.write(res)
    if (p) await p
  }
}

/** Go's slog text handler: a value is quoted when empty or when it holds a space, `"`, `=` or a non-printable. */
function slogValue(s: string): string {
  // eslint-disable-next-line no-control-regex -- control characters are what forces quoting
  return s === '' || /[\s"=\x00-\x1f\x7f-\x9f\u00a0]/.test(s) ? goQuote(s) : s
}

/** Go's RFC 3339 with milliseconds and the local offset, as slog stamps a record. */
function slogTime(now: Date): string {
  const offMin = -now.getTimezoneOffset()
  const local = new Date(now.getTime() + offMin * 60_000).toISOString().slice(0, 23)
  if (offMin === 0) return local + 'Z'
  const a = Math.abs(offMin)
  return `${local}${offMin < 0 ? '-' : '+'}${String(Math.floor(a / 60)).padStart(2, '0')}:${String(a % 60).padStart(2, '0')}`
}

/** A warning line as the real CLI logs it (slog text handler on stderr). */
export function formatWarning(w: FlowJsonWarning, now: Date = new Date()): string {
  let s = `time=${slogTime(now)} level=WARN msg=${slogValue(w.message)} error=${slogValue(w.error)}`
  if (w.line !== undefined) s += ` line=${slogValue(w.line)}`
  return s + '\n'
}
