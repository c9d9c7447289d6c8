/**
 * The texts of `cilium monitor` (cilium-dbg pkg/monitor/format and the Dump* methods of each
 * record, research/cilium.md §2.10): one line per event at the default verbosity, the
 * separator + `MARK` header + packet dissection at -vv, one JSON object per line with -j.
 * Filters: --type, --from (source endpoint), --to (destination endpoint), --related-to.
 */
import {dropReasonText} from '../maps/drop-reasons.js'
import {reservedIdentityNames, traceObservationPoints, policyMatchTypes} from '../hubble/printer/monitor-texts.js'
import {connectionSummary, dissectLayers, hexDump, packetFlows, type DecodeOpts} from './dissect.js'
import {decodeLogRecord, logRecordJson, logRecordText} from './logrecord.js'
import {decodeAgentNotify, agentNotifyTypes, MessageType, type Payload, PayloadType} from './payload.js'
import {type CaptureRecord, type DebugRecord, decodeRecord, type DropRecord, NotifyFlag, type PolicyVerdictRecord,
  RecordError, type TraceRecord} from './records.js'

/** api verbosity: INFO (default), DEBUG (-v), VERBOSE (-vv), JSON (-j). */
export type Verbosity = 'info' | 'debug' | 'verbose' | 'json'

export interface FormatOptions {
  verbosity: Verbosity
  /** Print identities as numbers, not reserved names. */
  numeric: boolean
  /** -vv: hex dump instead of the layer dissection. */
  hex: boolean
  /** Message types to show; empty shows all. */
  types: ReadonlySet<number>
  from: ReadonlySet<number>
  to: ReadonlySet<number>
  related: ReadonlySet<number>
  /** Interface name of an ifindex; the number when unknown. */
  linkName: (ifindex: number) => string
}

export const separator = '------------------------------------------------------------------------------'

const traceReasonNames = ['new', 'established', 'reply', 'related', 'reopened', 'unknown', 'srv6-encap', 'srv6-decap', 'encrypt-overlay']
const authTypes: Record<number, string> = {0: 'disabled', 1: 'spire', 2: 'test-always-fail'}
/** bpf/ source files by the id drop records carry (newest source_info.h). */
const bpfFiles: Record<number, string> = {1: 'bpf_host.c', 2: 'bpf_lxc.c', 3: 'bpf_overlay.c', 4: 'bpf_xdp.c', 5: 'bpf_sock.c',
  6: 'bpf_network.c', 7: 'bpf_wireguard.c', 101: 'drop.h', 102: 'srv6.h', 103: 'icmp6.h', 104: 'nodeport.h', 105: 'lb.h',
  106: 'mcast.h', 107: 'ipv4.h', 108: 'conntrack.h', 109: 'local_delivery.h', 110: 'trace.h', 111: 'encap.h',
  112: 'host_firewall.h', 113: 'nodeport_egress.h', 114: 'ipv6.h', 115: 'classifiers.h'}

const TRACE_TO_LXC = 0, TRACE_TO_PROXY = 1, TRACE_FROM_LXC = 5
const traceSummaries: Record<number, string> = {2: '-> host from', 3: '-> stack', 4: '-> overlay', 11: '-> network',
  6: '<- proxy', 7: '<- host', 8: '<- stack', 9: '<- overlay', 10: '<- network', 12: '<- crypto', 13: '-> crypto'}

function hex(n: number | bigint): string {
  return `0x${n.toString(16)}`
}

function identity(id: number, numeric: boolean): string {
  return numeric ? String(id) : reservedIdentityNames[id] ?? String(id)
}

/** api.DropReasonExt: the reason's text, with the extended error after a comma when there is one. */
export function dropReasonExt(reason: number, extError: number): string {
  const text = dropReasonText(reason)
  if (text === String(reason)) return `${reason}, ${extError}`
  return extError !== 0 ? `${text}, ${extError}` : text
}

function traceReason(reason: number): string {
  return traceReasonNames[reason & 0x7f] ?? String(reason)
}

function traceSummary(r: TraceRecord): string {
  switch (r.obsPoint) {
    case TRACE_TO_LXC: return `-> endpoint ${r.dstId}`
    case TRACE_TO_PROXY: return r.dstId !== 0 ? `-> proxy port ${r.dstId}` : '-> proxy'
    case TRACE_FROM_LXC: return `<- endpoint ${r.source}`
    default: return traceSummaries[r.obsPoint] ?? 'unknown trace'
  }
}

function decodeOpts(flags: number): DecodeOpts {
  return {l3Device: (flags & NotifyFlag.l3Device) !== 0, ipv6: (flags & NotifyFlag.ipv6) !== 0}
}

/** Capture sub-types (dbg.h DBG_CAPTURE_*; 1-3 are reserved). */
const CaptureType = {delivery: 4, fromLb: 5, afterV46: 6, afterV64: 7, proxyPre: 8, proxyPost: 9, snatPre: 10, snatPost: 11} as const

/** A proxy port as the datapath stores it: network order in the low 16 bits. */
const proxyPort = (arg: number): number => ((arg & 0xff) << 8) | ((arg >> 8) & 0xff)

/** The one-line form's head of a capture; empty for the kinds that form does not show. */
function captureHead(r: CaptureRecord, linkName: (ifindex: number) => string): string {
  switch (r.subtype) {
    case CaptureType.delivery: return `-> ${linkName(r.arg1)}`
    case CaptureType.fromLb: return `<- load-balancer ${linkName(r.arg1)}`
    case CaptureType.afterV46: return `== v4->v6 ${r.arg1}`
    case CaptureType.afterV64: return `== v6->v4 ${r.arg1}`
    case CaptureType.proxyPost: return `-> proxy port ${proxyPort(r.arg1)}`
    default: return ''
  }
}

function captureMessage(r: CaptureRecord): string {
  switch (r.subtype) {
    case CaptureType.delivery: return `Delivery to ifindex ${r.arg1}`
    case CaptureType.fromLb: return `Incoming packet to load balancer on ifindex ${r.arg1}`
    case CaptureType.afterV46: return `Packet after nat46 ifindex ${r.arg1}`
    case CaptureType.afterV64: return `Packet after nat64 ifindex ${r.arg1}`
    case CaptureType.proxyPre: return `Packet to proxy port ${proxyPort(r.arg1)} (Pre)`
    case CaptureType.proxyPost: return `Packet to proxy port ${proxyPort(r.arg1)} (Post)`
    case CaptureType.snatPre: return `Packet going into snat engine on ifindex ${r.arg1}`
    case CaptureType.snatPost: return `Packet coming from snat engine on ifindex ${r.arg1}`
    default: return `Unknown message type=${r.subtype} arg1=${r.arg1}`
  }
}

/** Formats payloads as `cilium monitor` prints them; one instance per stream. */
export class MonitorFormatter {
  constructor(readonly opts: FormatOptions) {}

  private match(type: number, src: number, dst: number): boolean {
    const o = this.opts
    if (o.types.size > 0 && !o.types.has(type)) return false
    if (o.from.size > 0 && !o.from.has(src)) return false
    if (o.to.size > 0 && !o.to.has(dst)) return false
    if (o.related.size > 0 && !o.related.has(src) && !o.related.has(dst)) return false
    return true
  }

  /** The text for one payload (possibly empty: filtered out, or a type shown only at other verbosities). */
  format(p: Payload): string {
    if (p.type === PayloadType.lost) return `CPU ${String(p.cpu).padStart(2, '0')}: Lost ${p.lost} events\n`
    if (p.type !== PayloadType.sample) return ''
    if (p.data.length === 0) return ''
    const prefix = `CPU ${String(p.cpu).padStart(2, '0')}:`
    const type = p.data[0]
    try {
      switch (type) {
        case MessageType.agent: return this.agent(p.data)
        case MessageType.accessLog: return this.logRecord(p.data)
        case MessageType.drop: case MessageType.trace: case MessageType.policyVerdict: case MessageType.debug: case MessageType.capture: {
          const r = decodeRecord(p.data)
          switch (r.kind) {
            case 'drop': return this.match(type, r.source, r.dstId & 0xffff) ? this.drop(r, prefix) : ''
            case 'trace': return this.match(type, r.source, r.dstId) ? this.trace(r, prefix) : ''
            case 'policy-verdict': return this.match(type, r.source, r.remoteLabel & 0xffff) ? this.policyVerdict(r) : ''
            case 'debug': return this.match(type, r.source, 0) ? this.debug(r, prefix) : ''
            case 'capture': return this.match(type, r.source, 0) ? this.capture(r, prefix) : ''
          }
          return ''
        }
        case MessageType.recorder: case MessageType.traceSock:
          return ''
        default:
          return `${prefix} Unknown event: [${[...p.data].join(' ')}]\n`
      }
    } catch (err) {
      if (!(err instanceof RecordError) && !(err instanceof Error)) throw err
      const what = {[MessageType.drop]: 'parsing drop notification', [MessageType.trace]: 'parsing trace notification',
        [MessageType.policyVerdict]: 'parsing policy notification', [MessageType.debug]: 'parsing debug', [MessageType.capture]: 'parsing debug capture',
        [MessageType.agent]: 'decoding agent notification', [MessageType.accessLog]: 'decoding LogRecord notification'}[type] ?? 'parsing monitor'
      return `Error while ${what} message: ${(err as Error).message}\n`
    }
  }

  private packetDump(packet: Buffer, lenCap: number, flags: number): string {
    if (lenCap === 0 || packet.length === 0) return ''
    return this.opts.hex ? hexDump(packet) : dissectLayers(packet, decodeOpts(flags))
  }

  private drop(r: DropRecord, prefix: string): string {
    const o = this.opts
    const ids = `, identity ${identity(r.srcLabel, o.numeric)}->${identity(r.dstLabel, o.numeric)}`
    const reason = dropReasonExt(r.reason, r.extError)
    switch (o.verbosity) {
      case 'info': case 'debug': {
        const file = bpfFiles[r.file] ?? `<unknown-id-${r.file}>`
        const trace = r.ipTraceId > 0n ? ` [ ip-trace-id = ${r.ipTraceId} ]` : ''
        return `xx drop (${reason}) flow ${hex(r.hash)} to endpoint ${r.dstId}, ifindex ${r.ifindex}, file ${file}:${r.line}, ${trace}${ids}: ${connectionSummary(r.packet, decodeOpts(r.flags))}\n`
      }
      case 'json':
        return `${JSON.stringify({cpu: prefix, type: 'drop', mark: hex(r.hash), reason, source: r.source, bytes: r.lenOrig,
          srcLabel: r.srcLabel, dstLabel: r.dstLabel, dstID: r.dstId, Line: r.line, File: r.file, ExtError: r.extError, Ifindex: r.ifindex,
          ...(r.ipTraceId > 0n ? {IPTraceID: Number(r.ipTraceId)} : {}), summary: packetFlows(r.packet, decodeOpts(r.flags))})}\n`
      case 'verbose': {
        let s = `${separator}\n${prefix} MARK ${hex(r.hash)} FROM ${r.source} DROP: ${r.lenOrig} bytes, reason ${reason}`
        if (r.srcLabel !== 0 || r.dstLabel !== 0) s += ids
        s += r.dstId !== 0 ? `, to endpoint ${r.dstId}\n` : '\n'
        if (r.ipTraceId > 0n) s += ` [ IP-TRACE-ID=${r.ipTraceId}`
        return s + this.packetDump(r.packet, r.lenCap, r.flags)
      }
    }
  }

  private trace(r: TraceRecord, prefix: string): string {
    const o = this.opts
    const ids = `, identity ${identity(r.srcLabel, o.numeric)}->${identity(r.dstLabel, o.numeric)}`
    const ifname = o.linkName(r.ifindex)
    const origIp = r.origIp ?? '<nil>'
    const opts = decodeOpts(r.flags)
    switch (o.verbosity) {
      case 'info': case 'debug': {
        const enc = (r.reason & 0x80) !== 0 ? ' encrypted ' : ' '
        const trace = r.ipTraceId > 0n ? ` [ ip-trace-id = ${r.ipTraceId} ]` : ''
        return `${traceSummary(r)}${enc}flow ${hex(r.hash)} ${ids}${trace} state ${traceReason(r.reason)} ifindex ${ifname} orig-ip ${origIp}: ${connectionSummary(r.packet, opts)}\n`
      }
      case 'json':
        return `${JSON.stringify({cpu: prefix, type: 'trace', mark: hex(r.hash), ifindex: ifname || undefined, state: traceReason(r.reason),
          observationPoint: traceObservationPoints[r.obsPoint] ?? String(r.obsPoint), traceSummary: traceSummary(r), source: r.source,
          bytes: r.lenOrig, srcLabel: r.srcLabel, dstLabel: r.dstLabel, dstID: r.dstId, IpTraceID: Number(r.ipTraceId),
          summary: packetFlows(r.packet, opts)})}\n`
      case 'verbose': {
        let s = `${separator}\n${prefix} MARK ${hex(r.hash)}`
        if (r.ipTraceId > 0n) s += ` [ IP-TRACE-ID = ${r.ipTraceId} ]`
        s += ` FROM ${r.source} ${traceObservationPoints[r.obsPoint] ?? String(r.obsPoint)}: ${r.lenOrig} bytes (${r.lenCap} captured), state ${traceReason(r.reason)}`
        if (r.ifindex !== 0) s += `, interface ${ifname}`
        if (r.srcLabel !== 0 || r.dstLabel !== 0) s += `, ${ids}`
        s += `, orig-ip ${origIp}`
        s += r.dstId !== 0 ? `, to ${r.obsPoint === TRACE_TO_PROXY ? 'proxy-port' : 'endpoint'} ${r.dstId}\n` : '\n'
        return s + this.packetDump(r.packet, r.lenCap, r.flags)
      }
    }
  }

  private policyVerdict(r: PolicyVerdictRecord): string {
    const o = this.opts
    const dir = (r.flags & 0x03) === 1 ? 'ingress' : 'egress'
    const audited = (r.flags & 0x40) !== 0
    const action = audited ? 'audit' : r.verdict < 0 ? 'deny' : r.verdict > 0 ? 'redirect' : 'allow'
    const match = policyMatchTypes[(r.flags >> 3) & 0x07] ?? 'unknown'
    const auth = authTypes[r.authType] ?? `Unknown-auth-type-${r.authType}`
    const packet = connectionSummary(r.packet, {l3Device: (r.flags & 0x80) !== 0, ipv6: (r.flags & 0x04) !== 0})
    return `Policy verdict log: flow ${hex(r.hash)} local EP ID ${r.source}, remote ID ${identity(r.remoteLabel, o.numeric)}, proto ${r.proto}, ${dir}, action ${action}, auth: ${auth}, match ${match}, ${packet}\n`
  }

  private debug(r: DebugRecord, prefix: string): string {
    const message = r.subtype === 1
      ? `No message, arg1=${r.arg1} (${hex(r.arg1)}) arg2=${r.arg2} (${hex(r.arg2)})`
      : `Unknown message type=${r.subtype} arg1=${r.arg1} arg2=${r.arg2}`
    switch (this.opts.verbosity) {
      case 'info': return ''
      case 'json': return `${JSON.stringify({cpu: prefix, type: 'debug', message})}\n`
      default: return `${prefix} MARK ${hex(r.hash)} FROM ${r.source} DEBUG: ${message}\n`
    }
  }

  private capture(r: CaptureRecord, prefix: string): string {
    const o = this.opts
    switch (o.verbosity) {
      case 'info': case 'debug': {
        const head = captureHead(r, o.linkName)
        return head ? `${head}: ${connectionSummary(r.packet)}\n` : ''
      }
      case 'json':
        return `${JSON.stringify({cpu: prefix, type: 'capture', mark: hex(r.hash), message: captureMessage(r),
          prefix: captureHead(r, o.linkName) || undefined, source: r.source, bytes: r.lenCap, summary: connectionSummary(r.packet)})}\n`
      case 'verbose':
        return `${separator}\n${prefix} MARK ${hex(r.hash)} FROM ${r.source} DEBUG: ${r.lenCap} bytes, ${captureMessage(r)}\n${this.packetDump(r.packet, r.lenCap, 0)}`
    }
  }

  /** An access-log record (L7): filtered by its endpoints' IDs, printed on one line at every verbosity but JSON. */
  private logRecord(data: Buffer): string {
    if (this.opts.types.size > 0 && !this.opts.types.has(MessageType.accessLog)) return ''
    const r = decodeLogRecord(data)
    if (!this.match(MessageType.accessLog, r.source.id & 0xffff, r.destination.id & 0xffff)) return ''
    return this.opts.verbosity === 'json' ? logRecordJson(r) : logRecordText(r)
  }

  private agent(data: Buffer): string {
    if (!this.match(MessageType.agent, 0, 0)) return ''
    const n = decodeAgentNotify(data)
    const name = agentNotifyTypes[n.type] ?? String(n.type)
    return this.opts.verbosity === 'json' ? `{"type":"agent","subtype":"${name}","message":${n.text}}\n` : `>> ${name}: ${n.text}\n`
  }
}
