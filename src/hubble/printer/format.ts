/**
 * The building blocks every text printer shares (hubble.md §4.6): timestamps in UTC in
 * the chosen layout, host names, identities, the TYPE and VERDICT texts, the summary,
 * colours, and the terminal escaping of untrusted text.
 */
import type {flow, Int64, Timestamp} from '../proto/index.js'
import {dropReasonTexts, policyMatchTypes, reservedIdentityNames, traceObservationPoints} from './monitor-texts.js'
import type {TimeFormat} from './options.js'

const months = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec']
const weekdays = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat']
const pad2 = (n: number): string => (n < 10 ? '0' + n : String(n))

function toNumber(v: Int64 | null | undefined): number {
  if (v == null) return 0
  return typeof v === 'number' ? v : v.toNumber()
}

// Timestamp.IsValid: from 0001-01-01 to 9999-12-31, nanos within a second.
const minSeconds = -62135596800
const maxSeconds = 253402300799

/** Fraction digits as Go's `.999…` layouts print them: truncated to `digits`, trailing zeros dropped. */
function trimmedFraction(nanos: number, digits: number): string {
  if (nanos === 0) return ''
  let f = String(nanos).padStart(9, '0').slice(0, digits)
  let end = f.length
  while (end > 0 && f.charCodeAt(end - 1) === 48) end--
  f = f.slice(0, end)
  return f ? '.' + f : ''
}

/**
 * A timestamp formatter for one layout. It caches the text of the last whole second,
 * since consecutive flows mostly share it.
 */
export function timestampFormatter(format: TimeFormat): (t: Timestamp | null | undefined) => string {
  let lastSeconds = NaN
  let lastText = ''
  const secondText = (d: Date): string => {
    const y = d.getUTCFullYear(), mo = d.getUTCMonth(), day = d.getUTCDate()
    const hms = `${pad2(d.getUTCHours())}:${pad2(d.getUTCMinutes())}:${pad2(d.getUTCSeconds())}`
    const ymd = `${String(y).padStart(4, '0')}-${pad2(mo + 1)}-${pad2(day)}`
    switch (format) {
      case 'StampMilli': return `${months[mo]} ${day < 10 ? ' ' + day : day} ${hms}`
      case 'YearMonthDay': return ymd
      case 'YearMonthDayHour': return `${ymd}T${pad2(d.getUTCHours())}Z`
      case 'YearMonthDayHourMinute': return `${ymd}T${pad2(d.getUTCHours())}:${pad2(d.getUTCMinutes())}Z`
      case 'RFC1123Z': return `${weekdays[d.getUTCDay()]}, ${pad2(day)} ${months[mo]} ${String(y).padStart(4, '0')} ${hms} +0000`
      default: return `${ymd}T${hms}`
    }
  }
  return (t) => {
    if (t == null) return 'N/A'
    const seconds = toNumber(t.seconds)
    const nanos = t.nanos ?? 0
    if (seconds < minSeconds || seconds > maxSeconds || nanos < 0 || nanos >= 1e9) return 'N/A'
    if (seconds !== lastSeconds) {
      lastText = secondText(new Date(seconds * 1000))
      lastSeconds = seconds
    }
    switch (format) {
      case 'StampMilli': return `${lastText}.${String(Math.floor(nanos / 1e6)).padStart(3, '0')}`
      case 'RFC3339': return lastText + 'Z'
      case 'RFC3339Milli': return lastText + trimmedFraction(nanos, 3) + 'Z'
      case 'RFC3339Micro': return lastText + trimmedFraction(nanos, 6) + 'Z'
      case 'RFC3339Nano': return lastText + trimmedFraction(nanos, 9) + 'Z'
      default: return lastText
    }
  }
}

/** ANSI colours as the real CLI's colorer prints them (fatih/color SGR codes). */
export interface Colors {
  enabled: boolean
  host(s: string): string
  port(s: string): string
  identity(s: string): string
  green(s: string): string
  red(s: string): string
  yellow(s: string): string
}

const sgr = (code: number) => (s: string): string => `\x1b[${code}m${s}\x1b[0m`
const plain = (s: string): string => s

export function colors(enabled: boolean): Colors {
  if (!enabled) return {enabled, host: plain, port: plain, identity: plain, green: plain, red: plain, yellow: plain}
  return {enabled, host: sgr(36), port: sgr(33), identity: sgr(35), green: sgr(32), red: sgr(31), yellow: sgr(33)}
}

// The colour sequences the escaper keeps when colour is on (red, green, blue, cyan, magenta, yellow, reset).
const keptSequences = ['\x1b[31m', '\x1b[32m', '\x1b[34m', '\x1b[36m', '\x1b[35m', '\x1b[33m', '\x1b[0m']

/**
 * Terminal escaping of everything the text printers write (v1.17.2+), as the real CLI
 * filters its output: ESC becomes `^[` and CR the two characters `\r`, except the CLI's
 * own colour sequences while colour is on.
 */
export function escapeTerminal(s: string, keepColors: boolean): string {
  // Two indexOf scans beat one /[\x1b\r]/ test several times over on a long chunk.
  if (s.indexOf('\x1b') < 0 && s.indexOf('\r') < 0) return s
  // Copies the text between the characters to replace in slices (a chunk holds many records).
  let out = ''
  let from = 0
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i)
    if (c !== 13 && c !== 27) continue
    out += s.slice(from, i)
    if (c === 13) out += '\\r'
    else {
      const kept = keepColors ? keptSequences.find((k) => s.startsWith(k, i)) : undefined
      if (kept) {
        out += kept
        i += kept.length - 1
      } else out += '^['
    }
    from = i + 1
  }
  return out + s.slice(from)
}

/** Go's net.JoinHostPort: IPv6 literals (anything with a colon) in brackets. */
function joinHostPort(host: string, port: string): string {
  return host.includes(':') ? `[${host}]:${port}` : `${host}:${port}`
}

/** Go's path.Join for a namespace and a name: an empty namespace is dropped, no doubled slash. */
function joinName(ns: string | null | undefined, name: string): string {
  if (!ns) return name
  return ns.endsWith('/') || name.startsWith('/') ? `${ns}/${name}`.replace(/\/{2,}/g, '/') : `${ns}/${name}`
}

export interface HostOptions {
  ipTranslation: boolean
  colors: Colors
}

function ports(l4: flow.ILayer4 | null | undefined): [string, string] {
  if (l4 == null) return ['', '']
  const p = l4.TCP ?? l4.UDP ?? l4.SCTP
  if (p == null) return ['', '']
  return [String(p.sourcePort ?? 0), String(p.destinationPort ?? 0)]
}

function hostname(ip: string, port: string, ns: string | null | undefined, pod: string | null | undefined,
  svc: string | null | undefined, names: string[] | null | undefined, o: HostOptions): string {
  let host = ip
  if (o.ipTranslation) {
    if (pod) host = joinName(ns, pod)
    else if (svc) host = joinName(ns, svc)
    else if (names && names.length > 0) host = names.join(',')
  }
  if (port !== '' && port !== '0') host = joinHostPort(host, o.colors.port(port))
  return o.colors.host(host)
}

/** Source and destination as the printers show them (pod > service > DNS names > IP, then :port). */
export function hostNames(f: flow.IFlow, o: HostOptions): [string, string] {
  const ip = f.IP
  if (ip == null) {
    const eth = f.ethernet
    if (eth == null) return ['', '']
    return [o.colors.host(eth.source ?? ''), o.colors.host(eth.destination ?? '')]
  }
  let srcNs = f.source?.namespace, dstNs = f.destination?.namespace
  let srcSvc: string | undefined, dstSvc: string | undefined
  if (f.sourceService != null) {
    srcNs = f.sourceService.namespace
    srcSvc = f.sourceService.name ?? ''
  }
  if (f.destinationService != null) {
    dstNs = f.destinationService.namespace
    dstSvc = f.destinationService.name ?? ''
  }
  const [sp, dp] = ports(f.l4)
  return [
    hostname(ip.source ?? '', sp, srcNs, f.source?.podName, srcSvc, f.sourceNames, o),
    hostname(ip.destination ?? '', dp, dstNs, f.destination?.podName, dstSvc, f.destinationNames, o),
  ]
}

/** `(world)` for reserved identities, `(ID:1234)` otherwise; a missing endpoint is identity 0. */
export function identityText(id: number | null | undefined, c: Colors): string {
  const name = reservedIdentityNames[id ?? 0]
  return c.identity(name === undefined ? `(ID:${id})` : `(${name})`)
}

// flow.proto enum names, by number, for the texts the printers show.
const l7Types = ['UNKNOWN_L7_TYPE', 'REQUEST', 'RESPONSE', 'SAMPLE']
const trafficDirections = ['TRAFFIC_DIRECTION_UNKNOWN', 'INGRESS', 'EGRESS']
const debugCapturePoints: Record<number, string> = {
  0: 'DBG_CAPTURE_POINT_UNKNOWN', 4: 'DBG_CAPTURE_DELIVERY', 5: 'DBG_CAPTURE_FROM_LB', 6: 'DBG_CAPTURE_AFTER_V46',
  7: 'DBG_CAPTURE_AFTER_V64', 8: 'DBG_CAPTURE_PROXY_PRE', 9: 'DBG_CAPTURE_PROXY_POST', 10: 'DBG_CAPTURE_SNAT_PRE',
  11: 'DBG_CAPTURE_SNAT_POST',
}
const sockXlatePoints = ['SOCK_XLATE_POINT_UNKNOWN', 'pre-xlate-fwd', 'post-xlate-fwd', 'pre-xlate-rev', 'post-xlate-rev']
export const verdictNames = ['VERDICT_UNKNOWN', 'FORWARDED', 'DROPPED', 'ERROR', 'AUDIT', 'REDIRECTED', 'TRACED', 'TRANSLATED']
const authTypes = ['DISABLED', 'SPIRE', 'TEST_ALWAYS_FAIL']

/** Go's %s of an enum: its name, or the number when unknown. */
const enumText = (names: readonly string[] | Record<number, string>, n: number): string =>
  (names as Record<number, string>)[n] ?? String(n)

/** The TYPE column: L7 protocol and type, else a text per monitor event type. */
export function flowType(f: flow.IFlow): string {
  const l7 = f.l7
  if (l7 != null) {
    const type = enumText(l7Types, l7.type ?? 0).toLowerCase()
    if (l7.http != null) return 'http-' + type
    if (l7.dns != null) return `dns-${type} ${l7.dns.observationSource ?? ''}`
    if (l7.kafka != null) return 'kafka-' + type
    return 'l7-' + type
  }
  const et = f.eventType
  const sub = (et?.subType ?? 0) & 0xff
  switch (et?.type ?? 0) {
    case 4: return traceObservationPoints[sub] ?? String(sub)
    case 1: return dropReasonTexts[sub] ?? `${sub}, 0`
    case 5: return `policy-verdict:${policyMatchTypes[f.policyMatchType ?? 0] ?? 'unknown'} ${enumText(trafficDirections, f.trafficDirection ?? 0)}`
    case 3: return enumText(debugCapturePoints, f.debugCapturePoint ?? 0)
    case 7: return enumText(sockXlatePoints, f.sockXlatePoint ?? 0)
  }
  return 'UNKNOWN'
}

function policyNames(policies: flow.IPolicy[] | null | undefined): string {
  let out = ''
  for (const p of policies ?? []) {
    if (!p.kind || !p.name) continue
    out += (out === '' ? ' BY ' : ', ') + `${p.name} (${p.kind})`
  }
  return out
}

/** The VERDICT column: the enum name, or ALLOWED/DENIED/AUDITED for policy verdicts; coloured. */
export function verdictText(f: flow.IFlow, c: Colors, withPolicyNames: boolean): string {
  const v = f.verdict ?? 0
  const isPolicyVerdict = f.eventType?.type === 5
  let msg = enumText(verdictNames, v)
  switch (v) {
    case 1: case 5:
      if (isPolicyVerdict) {
        msg = 'ALLOWED'
        if (withPolicyNames) {
          if (f.trafficDirection === 2) msg += policyNames(f.egressAllowedBy)
          else if (f.trafficDirection === 1) msg += policyNames(f.ingressAllowedBy)
        }
      }
      return c.green(msg)
    case 2: case 3:
      if (isPolicyVerdict) {
        msg = 'DENIED'
        if (withPolicyNames) {
          if (f.trafficDirection === 2) msg += policyNames(f.egressDeniedBy)
          else if (f.trafficDirection === 1) msg += policyNames(f.ingressDeniedBy)
        }
      }
      return c.red(msg)
    case 4: return c.yellow(isPolicyVerdict ? 'AUDITED' : msg)
    case 6: case 7: return c.yellow(msg)
  }
  return msg
}

/** The SUMMARY column: IP trace id, the server's Summary, and the auth type when not disabled. */
export function summaryText(f: flow.IFlow, c: Colors): string {
  let s = f.Summary ?? ''
  const traceId = f.ipTraceId?.traceId
  if (traceId != null && String(traceId) !== '0') s = `IP Trace ID: ${String(traceId)}; ${s}`
  const auth = f.authType ?? 0
  if (auth !== 0) {
    const name = enumText(authTypes, auth)
    s += '; Auth: ' + (auth === 2 ? c.red(name) : c.green(name))
  }
  return s
}

/** Node names joined with ", ", cut once past 50 characters, with ` (and N more)`. */
export function joinNodeNames(names: readonly string[]): string {
  let len = 0
  let end = names.length
  for (let i = 0; i < names.length; i++) {
    len += names[i].length + 2
    if (len > 50 && i > 0) {
      end = i
      break
    }
  }
  const joined = names.slice(0, end).join(', ')
  return end === names.length ? joined : `${joined} (and ${names.length - end} more)`
}

/** Go's strconv.Quote: \x escapes for ASCII controls and DEL, \u for other non-printables such as NBSP. */
export function goQuote(s: string): string {
  const named: Record<string, string> = {'07': '\\a', '0b': '\\v'}
  return JSON.stringify(s)
    .replace(/\\u00([01][0-9a-f])/g, (_m, hex: string) => named[hex] ?? `\\x${hex}`)
    .replace(/[\u007f-\u00a0\u2028\u2029]/g, (c) => (c === '\u007f' ? '\\x7f' : `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`))
}
