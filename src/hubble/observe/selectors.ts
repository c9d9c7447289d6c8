/**
 * The selector flags of `hubble observe` (--last, --first, --all, --follow, --since,
 * --until) → the number/first/follow/since/until of a GetFlowsRequest, with the real
 * CLI's defaults, conflicts and time formats.
 */
import {ValidationError} from '../../errors.js'
import {parseGoDurationMs} from '../config.js'

/** A protobuf Timestamp. */
export interface Time {
  seconds: number
  nanos: number
}

export interface SelectorFlags {
  last?: string
  first?: string
  all?: boolean
  follow?: boolean
  since?: string
  until?: string
  /** Reading a file: no default --last. */
  inputFile?: string
}

export interface Selector {
  /** uint64; 2^64-1 for --all. */
  number: bigint
  first: boolean
  follow: boolean
  since?: Time
  until?: Time
}

/** Flows printed by a bare `hubble observe` (defaults.FlowPrintCount). */
export const defaultFlowCount = 20n
const maxUint64 = 0xffffffffffffffffn

function parseUint64(flag: string, text: string): bigint {
  const syntax = /^[0-9]+$/.test(text)
  const err = (why: string): ValidationError =>
    new ValidationError(`invalid argument ${JSON.stringify(text)} for "--${flag}" flag: strconv.ParseUint: parsing ${JSON.stringify(text)}: ${why}`)
  if (!syntax) throw err('invalid syntax')
  const n = BigInt(text)
  if (n > maxUint64) throw err('value out of range')
  return n
}

const daysIn = (y: number, m: number): number => new Date(Date.UTC(y, m, 0)).getUTCDate()

/** Date and time fields to a Timestamp, or undefined when a field is out of range (Go rejects it). */
function toTime(y: number, mo: number, d: number, h: number, mi: number, s: number, frac: string, zone: string): Time | undefined {
  if (mo < 1 || mo > 12 || d < 1 || d > daysIn(y, mo) || h > 23 || mi > 59 || s > 59) return undefined
  let offsetSec = 0
  if (zone !== 'Z') {
    const m = /^([+-])(\d{2}):?(\d{2})$/.exec(zone)
    if (!m) return undefined
    offsetSec = (m[1] === '-' ? -1 : 1) * (Number(m[2]) * 3600 + Number(m[3]) * 60)
  }
  const seconds = Date.UTC(y, mo - 1, d, h, mi, s) / 1000 - offsetSec
  const nanos = frac ? Number(frac.slice(0, 9).padEnd(9, '0')) : 0
  return {seconds, nanos}
}

const months = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec']
const days = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun']

// The layouts the real CLI tries after a relative duration, in its order (hubble/pkg/time):
// 2006-01-02, 2006-01-02T15Z07:00, 2006-01-02T15:04Z07:00, RFC3339 (with any fraction,
// which also covers RFC3339Nano/Milli/Micro) and RFC1123Z. Go's "15" takes one or two digits.
const absolute: Array<(s: string) => Time | undefined> = [
  (s) => {
    const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s)
    return m ? toTime(+m[1], +m[2], +m[3], 0, 0, 0, '', 'Z') : undefined
  },
  (s) => {
    const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{1,2})(Z|[+-]\d{2}:\d{2})$/.exec(s)
    return m ? toTime(+m[1], +m[2], +m[3], +m[4], 0, 0, '', m[5]) : undefined
  },
  (s) => {
    const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{1,2}):(\d{2})(Z|[+-]\d{2}:\d{2})$/.exec(s)
    return m ? toTime(+m[1], +m[2], +m[3], +m[4], +m[5], 0, '', m[6]) : undefined
  },
  (s) => {
    const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(?:[.,](\d+))?(Z|[+-]\d{2}:\d{2})$/.exec(s)
    return m ? toTime(+m[1], +m[2], +m[3], +m[4], +m[5], +m[6], m[7] ?? '', m[8]) : undefined
  },
  (s) => {
    const m = /^([A-Z][a-z]{2}), (\d{2}) ([A-Z][a-z]{2}) (\d{4}) (\d{1,2}):(\d{2}):(\d{2})(?:[.,](\d+))? ([+-]\d{4})$/.exec(s)
    if (!m || !days.includes(m[1]) || !months.includes(m[3])) return undefined
    return toTime(+m[4], months.indexOf(m[3]) + 1, +m[2], +m[5], +m[6], +m[7], m[8] ?? '', m[9])
  },
]

/**
 * `--since`/`--until` text → a Timestamp: a Go duration before `now` (`3s`, `1h43m`),
 * else one of the absolute layouts. Throws the real CLI's message.
 */
export function parseHubbleTime(which: 'since' | 'until', input: string, now: Date): Time {
  let ms: number | undefined
  try {
    ms = parseGoDurationMs(input)
  } catch {
    ms = undefined
  }
  if (ms !== undefined) {
    const at = now.getTime() - ms
    return {seconds: Math.floor(at / 1000), nanos: Math.round((at - Math.floor(at / 1000) * 1000) * 1e6)}
  }
  for (const parse of absolute) {
    const t = parse(input)
    if (t) return t
  }
  throw new ValidationError(`failed to parse the ${which} time: failed to convert ${input} to time`)
}

/** The request's selector part, with the real CLI's conflicts and its default of the last 20 flows. */
export function buildSelector(flags: SelectorFlags, now: Date = new Date()): Selector {
  let last = flags.last === undefined ? 0n : parseUint64('last', flags.last)
  const first = flags.first === undefined ? 0n : parseUint64('first', flags.first)
  const isFirst = first > 0n
  if (isFirst && last > 0n) throw new ValidationError('cannot set both --first and --last')
  if (isFirst && flags.all) throw new ValidationError('cannot set both --first and --all')
  if (isFirst && flags.follow) throw new ValidationError('cannot set both --first and --follow')
  if (last > 0n && flags.all) throw new ValidationError('cannot set both --last and --all')
  const since = flags.since ? parseHubbleTime('since', flags.since, now) : undefined
  // --until means nothing while following: the stream has no end.
  const until = flags.until && !flags.follow ? parseHubbleTime('until', flags.until, now) : undefined
  if (!since && !until && !isFirst) {
    if (flags.all) last = maxUint64
    else if (last === 0n && !flags.follow && !flags.inputFile) last = defaultFlowCount
  }
  return {number: isFirst ? first : last, first: isFirst, follow: flags.follow ?? false, since, until}
}

/** --all as a number: every flow. */
export function isAll(n: bigint): boolean {
  return n === maxUint64
}
