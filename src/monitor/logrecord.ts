/**
 * L7 access-log records on the monitor socket (message type 129, MessageTypeAccessLog): the
 * type byte, then a gob stream of one Cilium `accesslog.LogRecord` (pkg/proxy/accesslog
 * record.go), which cilium-dbg decodes into its LogRecordNotify and prints with DumpInfo or
 * DumpJSON (pkg/monitor/logrecord.go). Go's gob matches fields by name, so the wire type holds
 * the fields we fill, in LogRecord's order: the HTTP part only (no Kafka, DNS or generic L7),
 * and no headers (the datapath does not capture them).
 *
 * Endpoints are in the request's orientation for both halves (SourceEndpoint the client,
 * DestinationEndpoint the server), as Hubble's parser expects: it swaps them for a response.
 */
import {asStruct, decodeAll, GobEncoder, GobError, type GobMarshalerSpec, type GobSliceSpec, type GobStructSpec, type GobValue} from './gob.js'
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

/** Reads an access-log record (a real agent's or ours); throws GobError when it is not one. */
export function decodeLogRecord(data: Buffer): LogRecord {
  const r = asStruct(decodeAll(data.subarray(1))[0]?.value)
  if (!r) throw new GobError('monitor: access-log record is not a struct')
  const h = asStruct(r.HTTP)
  // A nil *LogRecordHTTP is left out of the stream, and the decoder fills a zero struct: a record's HTTP part has a method or a code.
  const http = h && (str(h.Method) || num(h.Code) || str(h.URL)) ? {code: num(h.Code), method: str(h.Method), url: str(h.URL), protocol: str(h.Protocol)} : undefined
  return {type: str(r.Type), timestamp: str(r.Timestamp), observationPoint: str(r.ObservationPoint), source: endpointOf(r.SourceEndpoint),
    destination: endpointOf(r.DestinationEndpoint), ipVersion: num(r.IPVersion), verdict: str(r.Verdict),
    ...(str(r.Info) ? {info: str(r.Info)} : {}), transportProtocol: num(r.TransportProtocol), ...(http ? {http} : {})}
}

/** Go's %s of a []string: `[a b c]`. */
const goStrings = (l: readonly string[]): string => `[${l.join(' ')}]`

/** LogRecordNotify.DumpInfo: one line (the HTTP part ends it). */
export function logRecordText(r: LogRecord): string {
  const arrow = r.observationPoint === 'Ingress' ? '<-' : r.observationPoint === 'Egress' ? '->' : '??'
  const proto = r.http ? 'http' : 'unknown-l7'
  const s = r.source, d = r.destination
  const ids = `identity ${s.identity}->${d.identity}, verdict ${r.verdict}`
  let line = r.type === 'Request' ? `${arrow} ${r.type} ${proto} from ${s.id} (${goStrings(s.labels)}) to ${d.id} (${goStrings(d.labels)}), ${ids}`
    : r.type === 'Response' ? `${arrow} ${r.type} ${proto} to ${d.id} (${goStrings(d.labels)}) from ${s.id} (${goStrings(s.labels)}), ${ids}` : ''
  if (r.http) line += ` ${r.http.method} ${r.http.url} => ${r.http.code}\n`
  return line
}

/** url.URL as encoding/json writes it (the struct's exported fields; User is a nil pointer). */
function goUrlJson(text: string): Record<string, unknown> {
  let u: URL | undefined
  try {
    u = new URL(text)
  } catch {
    u = undefined
  }
  let path = u?.pathname ?? text
  try {
    path = decodeURIComponent(path)
  } catch {
    // kept escaped
  }
  return {Scheme: u?.protocol.replace(/:$/, '') ?? '', Opaque: '', User: null, Host: u?.host ?? '', Path: path, RawPath: '', OmitHost: false,
    ForceQuery: false, RawQuery: u?.search.replace(/^\?/, '') ?? '', Fragment: u?.hash.replace(/^#/, '') ?? '', RawFragment: ''}
}

/** LogRecordNotify.DumpJSON: LogRecordNotifyVerbose, one object per line. */
export function logRecordJson(r: LogRecord): string {
  const h = r.http
  return `${JSON.stringify({type: 'logRecord', observationPoint: r.observationPoint, flowType: r.type, l7Proto: h ? 'http' : 'unknown-l7',
    srcEpID: r.source.id, srcEpLabels: r.source.labels.length ? r.source.labels : null, srcIdentity: r.source.identity,
    dstEpID: r.destination.id, dstEpLabels: r.destination.labels.length ? r.destination.labels : null, dstIdentity: r.destination.identity,
    verdict: r.verdict, ...(h ? {http: {Code: h.code, Method: h.method, URL: goUrlJson(h.url), Protocol: h.protocol, Headers: null,
      MissingHeaders: null, RejectedHeaders: null}} : {})})}\n`
}
