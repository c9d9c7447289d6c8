/**
 * Datapath notifications from the ck_events ring buffer, decoded into typed objects.
 * Layouts mirror bpf/include/ck/events.h, which follows Cilium's monitor records
 * (research/cilium.md §2.10): a common header, a capture header, the record, then the
 * first bytes of the packet. All integers are host order (little-endian here).
 */
import {dropReasonText} from '../maps/drop-reasons.js'

export const NOTIFY_HDR = {size: 16, type: 0, subtype: 1, source: 2, hash: 4, len_orig: 8, len_cap: 12, version: 14, ext_version: 15} as const
export const TRACE_NOTIFY = {size: 56, src_label: 16, dst_label: 20, dst_id: 24, reason: 26, flags: 27, ifindex: 28, orig_ip: 32, ip_trace_id: 48} as const
export const DROP_NOTIFY = {size: 48, src_label: 16, dst_label: 20, dst_id: 24, line: 28, file: 30, ext_error: 31, ifindex: 32, flags: 36, ip_trace_id: 40} as const
export const POLICY_VERDICT = {size: 40, remote_label: 16, verdict: 20, dst_port: 24, proto: 26, flags: 27, auth_type: 28, cookie: 32} as const
export const L7_NOTIFY = {size: 120, src_label: 16, dst_label: 20, dst_id: 24, flags: 26, http_minor: 27, ifindex: 28, latency_ns: 32,
  status: 40, method_len: 42, path_len: 43, method: 48, path: 56} as const
export const DEBUG_MSG = {size: 24, type: 0, subtype: 1, source: 2, hash: 4, arg1: 8, arg2: 12, arg3: 16} as const

export const NotifyType = {drop: 1, debug: 2, trace: 4, policyVerdict: 5, l7: 129} as const

/** Observation points by number (Cilium's TRACE_* and the monitor's names). */
export const observationPoints = ['to-endpoint', 'to-proxy', 'to-host', 'to-stack', 'to-overlay', 'from-endpoint', 'from-proxy',
  'from-host', 'from-stack', 'from-overlay', 'from-network', 'to-network', 'from-crypto', 'to-crypto'] as const
/** Trace reasons: the conntrack state of the packet. */
export const traceReasons = ['new', 'established', 'reply', 'related', 'reopened', 'unknown', 'srv6-encap', 'srv6-decap', 'encrypt-overlay'] as const
/** Policy match types as the monitor prints them. */
export const matchTypes = ['none', 'L3-Only', 'L3-L4', 'L4-Only', 'all', 'L3-Proto', 'Proto-Only'] as const

/** The first headers of the captured packet. */
export interface PacketSummary {
  ipv6: boolean
  src: string
  dst: string
  protocol: number
  sport?: number
  dport?: number
  /** TCP flags byte. */
  tcpFlags?: number
  icmpType?: number
  icmpCode?: number
}

interface EventBase {
  /** Endpoint ID of the program that sent it. */
  source: number
  hash: number
  /** Length of the packet on the wire. */
  lenOrig: number
  /** The captured first bytes of the packet (from the Ethernet header). */
  packet: Buffer
  summary?: PacketSummary
}

export interface TraceEvent extends EventBase {
  type: 'trace'
  observationPoint: number
  observationPointName: string
  srcIdentity: number
  dstIdentity: number
  dstEndpoint: number
  reason: number
  reasonName: string
  ipv6: boolean
  ifindex: number
}

export interface DropEvent extends EventBase {
  type: 'drop'
  /** Cilium drop reason (absolute DROP_* value) and its text. */
  reason: number
  reasonText: string
  srcIdentity: number
  dstIdentity: number
  dstEndpoint: number
  line: number
  file: number
  extError: number
  ifindex: number
  ipv6: boolean
}

export interface PolicyVerdictEvent extends EventBase {
  type: 'policy-verdict'
  remoteIdentity: number
  /** 0 allowed, > 0 proxy port, < 0 the drop reason negated. */
  verdict: number
  /** The monitor's action word: allow, deny, redirect, or audit for a drop that audit mode let pass. */
  action: 'allow' | 'deny' | 'redirect' | 'audit'
  direction: 'ingress' | 'egress'
  /** Destination port (host order); the ICMP type for ICMP. */
  dstPort: number
  protocol: number
  ipv6: boolean
  matchType: number
  matchTypeName: string
  audited: boolean
  authType: number
  cookie: number
}

export interface L7Event extends EventBase {
  type: 'l7'
  kind: 'request' | 'response'
  method: string
  path: string
  status: number
  /** Response: time since its request on the same connection; 0n when it had none. */
  latencyNs: bigint
  httpVersion: string
  srcIdentity: number
  dstIdentity: number
  dstEndpoint: number
  ifindex: number
  ipv6: boolean
}

export interface DebugEvent {
  type: 'debug'
  subtype: number
  source: number
  hash: number
  args: [number, number, number]
}

export interface UnknownEvent {
  type: 'unknown'
  messageType: number
  raw: Buffer
}

export type DatapathEvent = TraceEvent | DropEvent | PolicyVerdictEvent | L7Event | DebugEvent | UnknownEvent

function base(b: Buffer, recordSize: number): EventBase {
  const lenCap = b.readUInt16LE(NOTIFY_HDR.len_cap)
  const packet = Buffer.from(b.subarray(recordSize, recordSize + lenCap))
  return {source: b.readUInt16LE(NOTIFY_HDR.source), hash: b.readUInt32LE(NOTIFY_HDR.hash),
    lenOrig: b.readUInt32LE(NOTIFY_HDR.len_orig), packet, summary: summarizePacket(packet)}
}

/** Decodes one ring buffer record (copying what it keeps: the record's memory is reused). Short records decode as unknown. */
export function decodeEvent(b: Buffer): DatapathEvent {
  const t = b.length > 0 ? b[0] : -1
  const sizes: Record<number, number> = {[NotifyType.trace]: TRACE_NOTIFY.size, [NotifyType.drop]: DROP_NOTIFY.size,
    [NotifyType.policyVerdict]: POLICY_VERDICT.size, [NotifyType.l7]: L7_NOTIFY.size, [NotifyType.debug]: DEBUG_MSG.size}
  if (sizes[t] === undefined || b.length < sizes[t]) return {type: 'unknown', messageType: t, raw: Buffer.from(b)}
  const subtype = b[NOTIFY_HDR.subtype]
  switch (t) {
    case NotifyType.trace: {
      const flags = b[TRACE_NOTIFY.flags], ipv6 = (flags & 1) !== 0, reason = b[TRACE_NOTIFY.reason]
      return {type: 'trace', ...base(b, TRACE_NOTIFY.size), observationPoint: subtype,
        observationPointName: observationPoints[subtype] ?? String(subtype),
        srcIdentity: b.readUInt32LE(TRACE_NOTIFY.src_label), dstIdentity: b.readUInt32LE(TRACE_NOTIFY.dst_label),
        dstEndpoint: b.readUInt16LE(TRACE_NOTIFY.dst_id), reason, reasonName: traceReasons[reason & 0x7f] ?? String(reason),
        ipv6, ifindex: b.readUInt32LE(TRACE_NOTIFY.ifindex)}
    }
    case NotifyType.drop:
      return {type: 'drop', ...base(b, DROP_NOTIFY.size), reason: subtype, reasonText: dropReasonText(subtype),
        srcIdentity: b.readUInt32LE(DROP_NOTIFY.src_label), dstIdentity: b.readUInt32LE(DROP_NOTIFY.dst_label),
        dstEndpoint: b.readUInt32LE(DROP_NOTIFY.dst_id), line: b.readUInt16LE(DROP_NOTIFY.line), file: b[DROP_NOTIFY.file],
        extError: b.readInt8(DROP_NOTIFY.ext_error), ifindex: b.readUInt32LE(DROP_NOTIFY.ifindex), ipv6: (b[DROP_NOTIFY.flags] & 1) !== 0}
    case NotifyType.policyVerdict: {
      const flags = b[POLICY_VERDICT.flags], verdict = b.readInt32LE(POLICY_VERDICT.verdict), audited = (flags & 0x40) !== 0
      const matchType = (flags >> 3) & 0x07
      return {type: 'policy-verdict', ...base(b, POLICY_VERDICT.size), remoteIdentity: b.readUInt32LE(POLICY_VERDICT.remote_label),
        verdict, action: audited ? 'audit' : verdict < 0 ? 'deny' : verdict > 0 ? 'redirect' : 'allow',
        direction: (flags & 0x03) === 2 ? 'egress' : 'ingress', dstPort: b.readUInt16LE(POLICY_VERDICT.dst_port),
        protocol: b[POLICY_VERDICT.proto], ipv6: (flags & 0x04) !== 0, matchType, matchTypeName: matchTypes[matchType] ?? String(matchType),
        audited, authType: b[POLICY_VERDICT.auth_type], cookie: b.readUInt32LE(POLICY_VERDICT.cookie)}
    }
    case NotifyType.l7: {
      const methodLen = Math.min(b[L7_NOTIFY.method_len], 8), pathLen = Math.min(b[L7_NOTIFY.path_len], 64)
      return {type: 'l7', ...base(b, L7_NOTIFY.size), kind: subtype === 2 ? 'response' : 'request',
        method: b.toString('latin1', L7_NOTIFY.method, L7_NOTIFY.method + methodLen),
        path: b.toString('latin1', L7_NOTIFY.path, L7_NOTIFY.path + pathLen), status: b.readUInt16LE(L7_NOTIFY.status),
        latencyNs: b.readBigUInt64LE(L7_NOTIFY.latency_ns), httpVersion: `1.${b[L7_NOTIFY.http_minor]}`,
        srcIdentity: b.readUInt32LE(L7_NOTIFY.src_label), dstIdentity: b.readUInt32LE(L7_NOTIFY.dst_label),
        dstEndpoint: b.readUInt16LE(L7_NOTIFY.dst_id), ifindex: b.readUInt32LE(L7_NOTIFY.ifindex), ipv6: (b[L7_NOTIFY.flags] & 1) !== 0}
    }
    default:
      return {type: 'debug', subtype, source: b.readUInt16LE(DEBUG_MSG.source), hash: b.readUInt32LE(DEBUG_MSG.hash),
        args: [b.readUInt32LE(DEBUG_MSG.arg1), b.readUInt32LE(DEBUG_MSG.arg2), b.readUInt32LE(DEBUG_MSG.arg3)]}
  }
}

/** Ethernet, IPv4 or IPv6 (extension headers skipped), then ports, TCP flags or ICMP type; undefined for anything else or a short capture. */
export function summarizePacket(p: Buffer): PacketSummary | undefined {
  if (p.length < 14) return undefined
  const ethertype = p.readUInt16BE(12)
  let off = 14, protocol: number, src: string, dst: string, ipv6 = false
  if (ethertype === 0x0800 && p.length >= off + 20) {
    protocol = p[off + 9]
    src = [...p.subarray(off + 12, off + 16)].join('.')
    dst = [...p.subarray(off + 16, off + 20)].join('.')
    if ((p.readUInt16BE(off + 6) & 0x1fff) !== 0) return {ipv6, src, dst, protocol}
    off += (p[off] & 0x0f) * 4
  } else if (ethertype === 0x86dd && p.length >= off + 40) {
    ipv6 = true
    protocol = p[off + 6]
    src = ipv6Text(p.subarray(off + 8, off + 24))
    dst = ipv6Text(p.subarray(off + 24, off + 40))
    off += 40
    for (let i = 0; i < 6 && [0, 43, 60, 44, 51].includes(protocol) && p.length >= off + 2; i++) {
      const next = p[off]
      off += protocol === 44 ? 8 : protocol === 51 ? (p[off + 1] + 2) * 4 : (p[off + 1] + 1) * 8
      protocol = next
    }
  } else {
    return undefined
  }
  const s: PacketSummary = {ipv6, src, dst, protocol}
  if ((protocol === 6 || protocol === 17 || protocol === 132) && p.length >= off + 4) {
    s.sport = p.readUInt16BE(off)
    s.dport = p.readUInt16BE(off + 2)
    if (protocol === 6 && p.length >= off + 14) s.tcpFlags = p[off + 13]
  } else if ((protocol === 1 || protocol === 58) && p.length >= off + 2) {
    s.icmpType = p[off]
    s.icmpCode = p[off + 1]
  }
  return s
}

function ipv6Text(b: Buffer): string {
  const groups: string[] = []
  for (let i = 0; i < 16; i += 2) groups.push(b.readUInt16BE(i).toString(16))
  // Compress the longest run of zero groups, as RFC 5952 prints it.
  let best = -1, bestLen = 1
  for (let i = 0; i < 8;) {
    let j = i
    while (j < 8 && groups[j] === '0') j++
    if (j - i > bestLen) { best = i; bestLen = j - i }
    i = j === i ? i + 1 : j
  }
  if (best < 0) return groups.join(':')
  return `${groups.slice(0, best).join(':')}::${groups.slice(best + bestLen).join(':')}`
}
