/**
 * L7 access-log records on the monitor socket (message type 129, MessageTypeAccessLog): the
 * type byte, then a gob stream of one Cilium `accesslog.LogRecord` (pkg/proxy/accesslog
 * record.go), which cilium-dbg decodes into its LogRecordNotify and prints with DumpInfo or
 * DumpJSON (pkg/monitor/logrecord.go). Go's gob matches fields by name, so the wire type holds
 * the fields we fill, in LogRecord's order: the HTTP part only (no Kafka, DNS or generic L7),
 * and no headers (the datapath does not capture them). A real agent's records with a Kafka, DNS
 * or generic L7 part are read and printed too.
 *
 * Endpoints are in the request's orientation for both halves (SourceEndpoint the client,
 * DestinationEndpoint the server), as Hubble's parser expects: it swaps them for a response.
 */
import {asStruct, decodeAll, GobEncoder, GobError, type GobMarshalerSpec, type GobSliceSpec, type GobStructSpec, type GobValue, wasSent} from './gob.js'
import {ipv4String, ipv6String} from '../maps/text.js'
import {MessageType} from './payload.js'

export interface LogRecordEndpoint {
  id: number
  ipv4?: string
  ipv6?: string
  port: number
  identity: number
  labels: string[]
}

export interface LogRecordHttp {
  code: number
  method: string
  /** The URL as url.URL's String() gives it (what its MarshalBinary sends). */
  url: string
  protocol: string
}

/** LogRecordKafka, as a real agent sends it. */
export interface LogRecordKafka {
  errorCode: number
  apiVersion: number
  apiKey: string
  correlationId: number
  topic: string
}

/** LogRecordDNS, as a real agent's DNS proxy sends it. */
export interface LogRecordDns {
  query: string
  ips: string[]
  ttl: number
  cnames: string[]
  observationSource: string
  rcode: number
  qtypes: number[]
  answerTypes: number[]
}

/** LogRecordL7, a generic L7 protocol's fields. */
export interface LogRecordL7 {
  proto: string
  fields: Record<string, string>
}

export interface LogRecord {
  /** FlowType: Request, Response (or Sample). */
  type: string
  /** RFC 3339 with nanoseconds, UTC. */
  timestamp: string
  /** Ingress or Egress. */
  observationPoint: string
  source: LogRecordEndpoint
  destination: LogRecordEndpoint
  /** 0 IPv4, 1 IPv6. */
  ipVersion: number
  /** FlowVerdict: Forwarded, Denied, Error, Redirected. */
  verdict: string
  info?: string
  transportProtocol: number
  http?: LogRecordHttp
  kafka?: LogRecordKafka
  dns?: LogRecordDns
  l7?: LogRecordL7
}

const stringSlice: GobSliceSpec = {name: '[]string', slice: 'string'}
const urlType: GobMarshalerSpec = {name: 'URL', marshaler: 'binary'}
const endpointInfo: GobStructSpec = {name: 'EndpointInfo', fields: [{name: 'ID', kind: 'uint'}, {name: 'IPv4', kind: 'string'},
  {name: 'IPv6', kind: 'string'}, {name: 'Port', kind: 'uint'}, {name: 'Identity', kind: 'uint'}, {name: 'Labels', kind: stringSlice}]}
const logRecordHttp: GobStructSpec = {name: 'LogRecordHTTP', fields: [{name: 'Code', kind: 'int'}, {name: 'Method', kind: 'string'},
  {name: 'URL', kind: urlType}, {name: 'Protocol', kind: 'string'}]}
const logRecordSpec: GobStructSpec = {name: 'LogRecord', fields: [{name: 'Type', kind: 'string'}, {name: 'Timestamp', kind: 'string'},
  {name: 'ObservationPoint', kind: 'string'}, {name: 'SourceEndpoint', kind: endpointInfo},
  {name: 'DestinationEndpoint', kind: endpointInfo}, {name: 'IPVersion', kind: 'uint'}, {name: 'Verdict', kind: 'string'},
  {name: 'Info', kind: 'string'}, {name: 'TransportProtocol', kind: 'uint'}, {name: 'HTTP', kind: logRecordHttp}]}

const goEndpoint = (e: LogRecordEndpoint) => ({ID: e.id, IPv4: e.ipv4, IPv6: e.ipv6, Port: e.port, Identity: e.identity, Labels: e.labels})

/** A sample's data for an access-log record: the type byte, then its own gob stream (as the agent's SendEvent writes it). */
export function encodeLogRecord(r: LogRecord): Buffer {
  const h = r.http
  const value = {Type: r.type, Timestamp: r.timestamp, ObservationPoint: r.observationPoint, SourceEndpoint: goEndpoint(r.source),
    DestinationEndpoint: goEndpoint(r.destination), IPVersion: r.ipVersion, Verdict: r.verdict, Info: r.info,
    TransportProtocol: r.transportProtocol, HTTP: h && {Code: h.code, Method: h.method, URL: h.url, Protocol: h.protocol}}
  return Buffer.concat([Buffer.from([MessageType.accessLog]), new GobEncoder().encode(logRecordSpec, value)])
}

const num = (v: GobValue | undefined): number => (typeof v === 'number' ? v : typeof v === 'bigint' ? Number(v) : 0)
const str = (v: GobValue | undefined): string => (typeof v === 'string' ? v : Buffer.isBuffer(v) ? v.toString('utf8') : '')

function endpointOf(v: GobValue | undefined): LogRecordEndpoint {
  const e = asStruct(v) ?? {}
  return {id: num(e.ID), ...(str(e.IPv4) ? {ipv4: str(e.IPv4)} : {}), ...(str(e.IPv6) ? {ipv6: str(e.IPv6)} : {}), port: num(e.Port),
    identity: num(e.Identity), labels: Array.isArray(e.Labels) ? e.Labels.map((l) => str(l)) : []}
}

/** Go's net.IP String(): 4 bytes or an IPv4-mapped 16 as a dotted quad, other 16 as IPv6. */
function ipText(v: GobValue): string {
  const b = Buffer.isBuffer(v) ? v : Buffer.alloc(0)
  if (b.length === 4) return ipv4String(b, 0)
  if (b.length !== 16) return b.length === 0 ? '<nil>' : `?${b.toString('hex')}`
  return b.subarray(0, 10).every((x) => x === 0) && b[10] === 0xff && b[11] === 0xff ? ipv4String(b, 12) : ipv6String(b, 0)
}

const list = (v: GobValue | undefined): GobValue[] => (Array.isArray(v) ? v : [])

/** Reads an access-log record (a real agent's or ours); throws GobError when it is not one. */
export function decodeLogRecord(data: Buffer): LogRecord {
  const r = asStruct(decodeAll(data.subarray(1))[0]?.value)
  if (!r) throw new GobError('monitor: access-log record is not a struct')
  // A pointer part is non-nil when the stream carried it, even with every field zero (as Go decodes it).
  const part = (field: string) => (wasSent(r, field) ? asStruct(r[field]) : undefined)
  const h = part('HTTP'), k = part('Kafka'), d = part('DNS'), g = part('L7')
  const http = h ? {code: num(h.Code), method: str(h.Method), url: str(h.URL), protocol: str(h.Protocol)} : undefined
  // url.URL's UnmarshalBinary parses the text: a URL Go cannot parse fails the record's decoding.
  if (http) parseGoUrl(http.url)
  const kafka = k ? {errorCode: num(k.ErrorCode), apiVersion: num(k.APIVersion), apiKey: str(k.APIKey),
    correlationId: num(k.CorrelationID), topic: str(asStruct(k.Topic)?.Topic)} : undefined
  const dns = d ? {query: str(d.Query), ips: list(d.IPs).map(ipText), ttl: num(d.TTL), cnames: list(d.CNAMEs).map((c) => str(c)),
    observationSource: str(d.ObservationSource), rcode: num(d.RCode), qtypes: list(d.QTypes).map((q) => num(q)),
    answerTypes: list(d.AnswerTypes).map((q) => num(q))} : undefined
  // Sorted by key, as encoding/json writes a map.
  const fields = g?.Fields instanceof Map
    ? Object.fromEntries([...g.Fields].map(([key, v]) => [str(key), str(v)]).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) : {}
  const l7 = g ? {proto: str(g.Proto), fields} : undefined
  return {type: str(r.Type), timestamp: str(r.Timestamp), observationPoint: str(r.ObservationPoint), source: endpointOf(r.SourceEndpoint),
    destination: endpointOf(r.DestinationEndpoint), ipVersion: num(r.IPVersion), verdict: str(r.Verdict),
    ...(str(r.Info) ? {info: str(r.Info)} : {}), transportProtocol: num(r.TransportProtocol), ...(http ? {http} : {}),
    ...(kafka ? {kafka} : {}), ...(dns ? {dns} : {}), ...(l7 ? {l7} : {})}
}

/** miekg/dns TypeToString for the common record types; Go's map gives "" for the others. */
const dnsTypes: Record<number, string> = {1: 'A', 2: 'NS', 5: 'CNAME', 6: 'SOA', 12: 'PTR', 13: 'HINFO', 15: 'MX', 16: 'TXT', 28: 'AAAA',
  33: 'SRV', 35: 'NAPTR', 39: 'DNAME', 41: 'OPT', 43: 'DS', 46: 'RRSIG', 47: 'NSEC', 48: 'DNSKEY', 50: 'NSEC3', 52: 'TLSA', 64: 'SVCB',
  65: 'HTTPS', 99: 'SPF', 251: 'IXFR', 252: 'AXFR', 255: 'ANY', 257: 'CAA'}

function l7Proto(r: LogRecord): string {
  return r.http ? 'http' : r.kafka ? 'kafka' : r.dns ? 'dns' : r.l7 ? r.l7.proto : 'unknown-l7'
}

/** Go's %s of a []string: `[a b c]`. */
const goStrings = (l: readonly string[]): string => `[${l.join(' ')}]`

/** LogRecordNotify.DumpInfo: one line per protocol part (the HTTP, Kafka, DNS or generic L7 part ends it). */
export function logRecordText(r: LogRecord): string {
  const arrow = r.observationPoint === 'Ingress' ? '<-' : r.observationPoint === 'Egress' ? '->' : '??'
  const proto = l7Proto(r)
  const s = r.source, d = r.destination
  const ids = `identity ${s.identity}->${d.identity}, verdict ${r.verdict}`
  let line = r.type === 'Request' ? `${arrow} ${r.type} ${proto} from ${s.id} (${goStrings(s.labels)}) to ${d.id} (${goStrings(d.labels)}), ${ids}`
    : r.type === 'Response' ? `${arrow} ${r.type} ${proto} to ${d.id} (${goStrings(d.labels)}) from ${s.id} (${goStrings(s.labels)}), ${ids}` : ''
  if (r.http) line += ` ${r.http.method} ${r.http.url} => ${r.http.code}\n`
  if (r.kafka) line += ` ${r.kafka.apiKey} topic ${r.kafka.topic} => ${r.kafka.errorCode}\n`
  if (r.dns) {
    const dns = r.dns
    const types = dns.qtypes.map((q) => dnsTypes[q] ?? '').join(',')
    if (r.type === 'Request' || r.type === 'Response') line += ` DNS ${dns.observationSource}: ${dns.query} ${types}`
    if (r.type === 'Response') {
      line += ` TTL: ${dns.ttl} Answer: '${dns.ips.join(',')}'`
      if (dns.cnames.length > 0) line += ` CNAMEs: ${dns.cnames.join(',')}`
    }
    line += '\n'
  }
  if (r.l7) {
    // Go ranges over the map in no set order; here in key order, the status last as there.
    for (const [k, v] of Object.entries(r.l7.fields)) if (k !== 'status') line += ` ${k}:${v}`
    if (r.l7.fields.status) line += ` => status:${r.l7.fields.status}`
    line += '\n'
  }
  return line
}

/** url.URL's fields as Go's url.Parse sets them, in the struct's order (User: whether userinfo was given). */
export interface GoUrl {
  Scheme: string
  Opaque: string
  User: boolean
  Host: string
  Path: string
  RawPath: string
  OmitHost: boolean
  ForceQuery: boolean
  RawQuery: string
  Fragment: string
  RawFragment: string
}

/** What net/url's unescape and escape are applied to: each has its own rules for what may stay unescaped. */
type UrlPart = 'path' | 'fragment' | 'host' | 'zone' | 'userinfo'

const isAlnum = (c: number): boolean => (c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a)

/** net/url's shouldEscape for the parts url.Parse unescapes. */
function shouldEscape(c: number, part: UrlPart): boolean {
  if (isAlnum(c)) return false
  const ch = String.fromCharCode(c)
  if ((part === 'host' || part === 'zone') && '!$&\'()*+,;=:[]<>"'.includes(ch)) return false
  if ('-_.~'.includes(ch)) return false
  if ('$&+,/:;=?@'.includes(ch)) {
    if (part === 'path') return ch === '?'
    if (part === 'fragment') return false
    if (part === 'userinfo') return '@/?:'.includes(ch)
  }
  return !(part === 'fragment' && '!()*'.includes(ch))
}

const hexValue = (c: number | undefined): number => (c === undefined ? -1 : c >= 0x30 && c <= 0x39 ? c - 0x30
  : (c | 0x20) >= 0x61 && (c | 0x20) <= 0x66 ? (c | 0x20) - 0x57 : -1)

/** net/url's unescape (%XX to its byte, with the host's and zone's limits); throws Go's error text for a bad escape or host byte. */
function urlUnescape(s: string, part: UrlPart): string {
  const b = Buffer.from(s, 'utf8')
  const out: number[] = []
  for (let i = 0; i < b.length; i++) {
    const c = b[i]
    if (c === 0x25) {
      const hi = hexValue(b[i + 1]), lo = hexValue(b[i + 2]), esc = b.subarray(i, i + 3).toString('latin1')
      if (hi < 0 || lo < 0) throw new Error(`invalid URL escape ${JSON.stringify(esc)}`)
      const v = hi << 4 | lo
      // RFC 3986: in a host, %-escapes only for non-ASCII bytes (and %25 in an IPv6 zone, RFC 6874).
      if (part === 'host' && hi < 8 && esc !== '%25') throw new Error(`invalid URL escape ${JSON.stringify(esc)}`)
      if (part === 'zone' && esc !== '%25' && v !== 0x20 && shouldEscape(v, 'host')) throw new Error(`invalid URL escape ${JSON.stringify(esc)}`)
      out.push(v)
      i += 2
      continue
    }
    if ((part === 'host' || part === 'zone') && c < 0x80 && shouldEscape(c, part)) {
      throw new Error(`invalid character ${JSON.stringify(String.fromCharCode(c))} in host name`)
    }
    out.push(c)
  }
  return Buffer.from(out).toString('utf8')
}

/** net/url's escape of a path or fragment: what its EscapedPath/EscapedFragment give when no raw form is kept. */
function urlEscape(s: string, part: UrlPart): string {
  let out = ''
  for (const c of Buffer.from(s, 'utf8')) out += shouldEscape(c, part) ? `%${c.toString(16).toUpperCase().padStart(2, '0')}` : String.fromCharCode(c)
  return out
}

/** Its decoded form, and the raw form when that is not what the default escaping gives (setPath, setFragment). */
function decodedAndRaw(raw: string, part: 'path' | 'fragment'): [string, string] {
  const decoded = urlUnescape(raw, part)
  return [decoded, urlEscape(decoded, part) === raw ? '' : raw]
}

const validPort = (colonPort: string): boolean => colonPort === '' || /^:\d*$/.test(colonPort)

/** net/url's parseHost: a bracketed IPv6 address (with a %25 zone) or a name, an optional numeric port. */
function parseHost(host: string): string {
  if (host.startsWith('[')) {
    const end = host.lastIndexOf(']')
    if (end < 0) throw new Error('missing \']\' in host')
    const colonPort = host.slice(end + 1)
    if (!validPort(colonPort)) throw new Error(`invalid port ${JSON.stringify(colonPort)} after host`)
    const zone = host.slice(0, end).indexOf('%25')
    if (zone >= 0) return urlUnescape(host.slice(0, zone), 'host') + urlUnescape(host.slice(zone, end), 'zone') + urlUnescape(host.slice(end), 'host')
  } else {
    const colon = host.lastIndexOf(':')
    if (colon >= 0 && !validPort(host.slice(colon))) throw new Error(`invalid port ${JSON.stringify(host.slice(colon))} after host`)
  }
  return urlUnescape(host, 'host')
}

/** net/url's scheme: letters, then letters, digits, + - or ., before a colon; none when another byte comes first. */
function splitScheme(raw: string): [string, string] {
  for (let i = 0; i < raw.length; i++) {
    const c = raw.charCodeAt(i)
    if ((c | 0x20) >= 0x61 && (c | 0x20) <= 0x7a) continue
    if ((c >= 0x30 && c <= 0x39) || c === 0x2b || c === 0x2d || c === 0x2e) {
      if (i === 0) return ['', raw]
      continue
    }
    if (c === 0x3a) {
      if (i === 0) throw new Error('missing protocol scheme')
      return [raw.slice(0, i), raw.slice(i + 1)]
    }
    return ['', raw]
  }
  return ['', raw]
}

/**
 * Go's url.Parse (what url.URL's UnmarshalBinary does with the agent's text): the fields as it
 * sets them, the path and fragment decoded with their raw forms kept only when not the default
 * escaping, the host as written (case and port kept). Throws Go's error text when it fails.
 */
export function parseGoUrl(text: string): GoUrl {
  const hash = text.indexOf('#')
  const before = hash < 0 ? text : text.slice(0, hash)
  const u: GoUrl = {Scheme: '', Opaque: '', User: false, Host: '', Path: '', RawPath: '', OmitHost: false, ForceQuery: false, RawQuery: '',
    Fragment: '', RawFragment: ''}
  const fail = (input: string, why: string): never => {
    throw new GobError(`parse ${JSON.stringify(input)}: ${why}`)
  }
  try {
    // eslint-disable-next-line no-control-regex
    if (/[\x00-\x1f\x7f]/.test(before)) throw new Error('net/url: invalid control character in URL')
    if (before === '*') u.Path = '*'
    else parseBeforeFragment(before, u)
  } catch (err) {
    fail(before, (err as Error).message)
  }
  if (hash >= 0) {
    try {
      [u.Fragment, u.RawFragment] = decodedAndRaw(text.slice(hash + 1), 'fragment')
    } catch (err) {
      fail(text, (err as Error).message)
    }
  }
  return u
}

function parseBeforeFragment(raw: string, u: GoUrl): void {
  let rest: string
  [u.Scheme, rest] = splitScheme(raw)
  u.Scheme = u.Scheme.toLowerCase()
  const question = rest.indexOf('?')
  if (question >= 0 && question === rest.length - 1) {
    u.ForceQuery = true
    rest = rest.slice(0, -1)
  } else if (question >= 0) {
    u.RawQuery = rest.slice(question + 1)
    rest = rest.slice(0, question)
  }
  if (!rest.startsWith('/')) {
    // A rootless path after a scheme is opaque (RFC 3986).
    if (u.Scheme !== '') {
      u.Opaque = rest
      return
    }
    if (rest.split('/', 1)[0].includes(':')) throw new Error('first path segment in URL cannot contain colon')
  }
  if ((u.Scheme !== '' || !rest.startsWith('///')) && rest.startsWith('//')) {
    const slash = rest.indexOf('/', 2)
    const authority = slash < 0 ? rest.slice(2) : rest.slice(2, slash)
    rest = slash < 0 ? '' : rest.slice(slash)
    const at = authority.lastIndexOf('@')
    u.Host = parseHost(authority.slice(at + 1))
    if (at >= 0) {
      const userinfo = authority.slice(0, at)
      if (!/^[A-Za-z0-9\-._:~!$&'()*+,;=%@]*$/.test(userinfo)) throw new Error('net/url: invalid userinfo')
      const colon = userinfo.indexOf(':')
      for (const part of colon < 0 ? [userinfo] : [userinfo.slice(0, colon), userinfo.slice(colon + 1)]) urlUnescape(part, 'userinfo')
      u.User = true
    }
  } else if (u.Scheme !== '' && rest.startsWith('/')) {
    u.OmitHost = true
  }
  [u.Path, u.RawPath] = decodedAndRaw(rest, 'path')
}

/** url.URL as encoding/json writes it: Userinfo's fields are unexported, so a given User is `{}`. */
function goUrlJson(u: GoUrl): Record<string, unknown> {
  return {...u, User: u.User ? {} : null}
}

/** LogRecordNotify.DumpJSON: LogRecordNotifyVerbose, one object per line (the protocol parts with their json tags' omitempty). */
export function logRecordJson(r: LogRecord): string {
  const h = r.http, k = r.kafka, d = r.dns
  const some = <T>(v: T, keep: boolean) => (keep ? v : undefined)
  return `${JSON.stringify({type: 'logRecord', observationPoint: r.observationPoint, flowType: r.type, l7Proto: l7Proto(r),
    srcEpID: r.source.id, srcEpLabels: r.source.labels.length ? r.source.labels : null, srcIdentity: r.source.identity,
    dstEpID: r.destination.id, dstEpLabels: r.destination.labels.length ? r.destination.labels : null, dstIdentity: r.destination.identity,
    verdict: r.verdict, ...(h ? {http: {Code: h.code, Method: h.method, URL: goUrlJson(parseGoUrl(h.url)), Protocol: h.protocol, Headers: null,
      MissingHeaders: null, RejectedHeaders: null}} : {}),
    ...(k ? {kafka: {ErrorCode: k.errorCode, APIVersion: k.apiVersion, APIKey: k.apiKey, CorrelationID: k.correlationId,
      Topic: k.topic ? {Topic: k.topic} : {}}} : {}),
    ...(d ? {dns: {Query: some(d.query, d.query !== ''), IPs: some(d.ips, d.ips.length > 0), TTL: some(d.ttl, d.ttl !== 0),
      CNAMEs: some(d.cnames, d.cnames.length > 0), ObservationSource: some(d.observationSource, d.observationSource !== ''),
      RCode: some(d.rcode, d.rcode !== 0), QTypes: some(d.qtypes, d.qtypes.length > 0), AnswerTypes: some(d.answerTypes, d.answerTypes.length > 0)}} : {}),
    ...(r.l7 ? {l7: {Proto: some(r.l7.proto, r.l7.proto !== ''), Fields: Object.keys(r.l7.fields).length ? r.l7.fields : null}} : {})})}\n`
}
