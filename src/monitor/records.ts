/**
 * Cilium's notification records as the monitor reads them (research/cilium.md §2.10): each
 * generation's length by its version byte, so records of any Cilium release and ours decode.
 * Field offsets are the ones src/datapath/events.ts declares for our datapath (the newest
 * layouts); what differs between releases is only where the packet starts. The other way,
 * `encodeRecord` writes a decoded datapath event back in the newest layout for the monitor
 * socket (our datapath's L7 record, which Cilium has no BPF record for, goes out as the access-log
 * record Cilium's proxy would send instead: logrecord.ts).
 */
import {DEBUG_MSG, DROP_NOTIFY, type DatapathEvent, NOTIFY_HDR, POLICY_VERDICT, TRACE_NOTIFY} from '../datapath/events.js'
import {MessageType} from './payload.js'

/** Where the packet starts after a trace record, by version. */
const traceLength: Record<number, number> = {0: 32, 1: 48, 2: 56}
/** Where the packet starts after a drop record, by version (v0 and v1 share a layout). */
const dropLength: Record<number, number> = {0: 36, 1: 36, 2: 40, 3: 48}
/** The newest record versions, which encodeRecord writes. */
const TRACE_VERSION = 2, DROP_VERSION = 3
/** Bytes of a debug capture record before the packet (header, capture header, arg1, arg2). */
const CAPTURE_LENGTH = 24
/** flags bits of trace and drop records. */
export const NotifyFlag = {ipv6: 1, l3Device: 2, vxlan: 4, geneve: 8} as const

interface RecordBase {
  source: number
  hash: number
  lenOrig: number
  lenCap: number
  version: number
  /** The captured packet bytes. */
  packet: Buffer
}

export interface TraceRecord extends RecordBase {
  kind: 'trace'
  obsPoint: number
  srcLabel: number
  dstLabel: number
  dstId: number
  reason: number
  flags: number
  ifindex: number
  /** Original source address (v1+), as text; undefined for v0. */
  origIp?: string
  ipTraceId: bigint
}

export interface DropRecord extends RecordBase {
  kind: 'drop'
  reason: number
  srcLabel: number
  dstLabel: number
  dstId: number
  line: number
  file: number
  extError: number
  ifindex: number
  flags: number
  ipTraceId: bigint
}

export interface PolicyVerdictRecord extends RecordBase {
  kind: 'policy-verdict'
  remoteLabel: number
  verdict: number
  dstPort: number
  proto: number
  flags: number
  authType: number
}

export interface DebugRecord {
  kind: 'debug'
  subtype: number
  source: number
  hash: number
  arg1: number
  arg2: number
  arg3: number
}

export interface CaptureRecord extends RecordBase {
  kind: 'capture'
  subtype: number
  arg1: number
  arg2: number
}

export type MonitorRecord = TraceRecord | DropRecord | PolicyVerdictRecord | DebugRecord | CaptureRecord

export class RecordError extends Error {}

function base(b: Buffer, length: number): RecordBase {
  return {source: b.readUInt16LE(NOTIFY_HDR.source), hash: b.readUInt32LE(NOTIFY_HDR.hash), lenOrig: b.readUInt32LE(NOTIFY_HDR.len_orig),
    lenCap: b.readUInt16LE(NOTIFY_HDR.len_cap), version: b[NOTIFY_HDR.version], packet: b.subarray(length)}
}

function need(b: Buffer, n: number, what: string): void {
  if (b.length < n) throw new RecordError(`unexpected ${what} data length, expected at least ${n} but got ${b.length}`)
}

function ipText(b: Buffer, ipv6: boolean): string {
  if (!ipv6) return [...b.subarray(0, 4)].join('.')
  const groups: string[] = []
  for (let i = 0; i < 16; i += 2) groups.push(b.readUInt16BE(i).toString(16))
  // The URL parser prints an IPv6 host in its RFC 5952 form.
  return new URL(`http://[${groups.join(':')}]/`).hostname.slice(1, -1)
}

/** The version of a record whose length depends on it, and that length; throws for a short record or an unknown version. */
function versioned(b: Buffer, lengths: Record<number, number>, struct: string, what: string): {version: number; length: number} {
  need(b, lengths[0], struct)
  const version = b[NOTIFY_HDR.version]
  const length = lengths[version]
  if (length === undefined) throw new RecordError(`Unrecognized ${what} event (version ${version})`)
  need(b, length, struct)
  return {version, length}
}

/** Decodes a sample's data (not agent or access-log messages); throws RecordError for a short or unknown-version record. */
export function decodeRecord(b: Buffer): MonitorRecord {
  need(b, 1, 'notification')
  switch (b[0]) {
    case MessageType.trace: {
      const {version, length} = versioned(b, traceLength, 'TraceNotify', 'trace')
      const flags = b[TRACE_NOTIFY.flags]
      return {kind: 'trace', ...base(b, length), obsPoint: b[NOTIFY_HDR.subtype], srcLabel: b.readUInt32LE(TRACE_NOTIFY.src_label),
        dstLabel: b.readUInt32LE(TRACE_NOTIFY.dst_label), dstId: b.readUInt16LE(TRACE_NOTIFY.dst_id), reason: b[TRACE_NOTIFY.reason],
        flags, ifindex: b.readUInt32LE(TRACE_NOTIFY.ifindex),
        origIp: version >= 1 ? ipText(b.subarray(TRACE_NOTIFY.orig_ip, TRACE_NOTIFY.orig_ip + 16), (flags & NotifyFlag.ipv6) !== 0) : undefined,
        ipTraceId: version >= 2 ? b.readBigUInt64LE(TRACE_NOTIFY.ip_trace_id) : 0n}
    }
    case MessageType.drop: {
      const {version, length} = versioned(b, dropLength, 'DropNotify', 'drop')
      return {kind: 'drop', ...base(b, length), reason: b[NOTIFY_HDR.subtype], srcLabel: b.readUInt32LE(DROP_NOTIFY.src_label),
        dstLabel: b.readUInt32LE(DROP_NOTIFY.dst_label), dstId: b.readUInt32LE(DROP_NOTIFY.dst_id), line: b.readUInt16LE(DROP_NOTIFY.line),
        file: b[DROP_NOTIFY.file], extError: b.readInt8(DROP_NOTIFY.ext_error), ifindex: b.readUInt32LE(DROP_NOTIFY.ifindex),
        flags: version >= 2 ? b[DROP_NOTIFY.flags] : 0, ipTraceId: version >= 3 ? b.readBigUInt64LE(DROP_NOTIFY.ip_trace_id) : 0n}
    }
    case MessageType.policyVerdict:
      need(b, POLICY_VERDICT.size, 'PolicyVerdictNotify')
      return {kind: 'policy-verdict', ...base(b, POLICY_VERDICT.size), remoteLabel: b.readUInt32LE(POLICY_VERDICT.remote_label),
        verdict: b.readInt32LE(POLICY_VERDICT.verdict), dstPort: b.readUInt16LE(POLICY_VERDICT.dst_port), proto: b[POLICY_VERDICT.proto],
        flags: b[POLICY_VERDICT.flags], authType: b[POLICY_VERDICT.auth_type]}
    case MessageType.debug:
      need(b, DEBUG_MSG.size, 'DebugMsg')
      return {kind: 'debug', subtype: b[DEBUG_MSG.subtype], source: b.readUInt16LE(DEBUG_MSG.source), hash: b.readUInt32LE(DEBUG_MSG.hash),
        arg1: b.readUInt32LE(DEBUG_MSG.arg1), arg2: b.readUInt32LE(DEBUG_MSG.arg2), arg3: b.readUInt32LE(DEBUG_MSG.arg3)}
    case MessageType.capture:
      need(b, CAPTURE_LENGTH, 'DebugCapture')
      // debug_capture_msg: after type/subtype/source/hash come u32 len (captured) and u32 len_orig, then arg1, arg2.
      return {kind: 'capture', source: b.readUInt16LE(NOTIFY_HDR.source), hash: b.readUInt32LE(NOTIFY_HDR.hash), lenCap: b.readUInt32LE(8),
        lenOrig: b.readUInt32LE(12), version: 0, packet: b.subarray(CAPTURE_LENGTH), subtype: b[NOTIFY_HDR.subtype],
        arg1: b.readUInt32LE(16), arg2: b.readUInt32LE(20)}
    default:
      throw new RecordError(`unknown message type ${b[0]}`)
  }
}

function header(size: number, type: number, subtype: number, source: number, hash: number, lenOrig: number, packet: Buffer, version: number): Buffer {
  const b = Buffer.alloc(size + packet.length)
  b[NOTIFY_HDR.type] = type
  b[NOTIFY_HDR.subtype] = subtype
  b.writeUInt16LE(source, NOTIFY_HDR.source)
  b.writeUInt32LE(hash >>> 0, NOTIFY_HDR.hash)
  b.writeUInt32LE(lenOrig >>> 0, NOTIFY_HDR.len_orig)
  b.writeUInt16LE(packet.length, NOTIFY_HDR.len_cap)
  b[NOTIFY_HDR.version] = version
  packet.copy(b, size)
  return b
}

function writeIp(b: Buffer, at: number, ip: string | undefined, ipv6: boolean): void {
  if (!ip) return
  if (!ipv6) {
    ip.split('.').forEach((x, i) => { b[at + i] = Number(x) & 0xff })
    return
  }
  const [head, tail = ''] = ip.split('::')
  const h = head ? head.split(':') : []
  const t = tail ? tail.split(':') : []
  const groups = ip.includes('::') ? [...h, ...Array<string>(8 - h.length - t.length).fill('0'), ...t] : h
  groups.forEach((g, i) => b.writeUInt16BE(parseInt(g, 16) & 0xffff, at + i * 2))
}

/**
 * A datapath event in Cilium's newest record layout (trace v2, drop v3, policy verdict 40
 * bytes, debug), ready to be a sample's data; undefined for what Cilium has no record for.
 */
export function encodeRecord(ev: DatapathEvent): Buffer | undefined {
  switch (ev.type) {
    case 'trace': {
      const b = header(TRACE_NOTIFY.size, MessageType.trace, ev.observationPoint, ev.source, ev.hash, ev.lenOrig, ev.packet, TRACE_VERSION)
      b.writeUInt32LE(ev.srcIdentity >>> 0, TRACE_NOTIFY.src_label)
      b.writeUInt32LE(ev.dstIdentity >>> 0, TRACE_NOTIFY.dst_label)
      b.writeUInt16LE(ev.dstEndpoint & 0xffff, TRACE_NOTIFY.dst_id)
      b[TRACE_NOTIFY.reason] = ev.reason
      b[TRACE_NOTIFY.flags] = ev.ipv6 ? NotifyFlag.ipv6 : 0
      b.writeUInt32LE(ev.ifindex >>> 0, TRACE_NOTIFY.ifindex)
      // Our datapath reports the packet's own source as the original one (no SNAT or proxy here).
      writeIp(b, TRACE_NOTIFY.orig_ip, ev.summary?.src, ev.ipv6)
      return b
    }
    case 'drop': {
      const b = header(DROP_NOTIFY.size, MessageType.drop, ev.reason, ev.source, ev.hash, ev.lenOrig, ev.packet, DROP_VERSION)
      b.writeUInt32LE(ev.srcIdentity >>> 0, DROP_NOTIFY.src_label)
      b.writeUInt32LE(ev.dstIdentity >>> 0, DROP_NOTIFY.dst_label)
      b.writeUInt32LE(ev.dstEndpoint >>> 0, DROP_NOTIFY.dst_id)
      b.writeUInt16LE(ev.line & 0xffff, DROP_NOTIFY.line)
      b[DROP_NOTIFY.file] = ev.file
      b.writeInt8(ev.extError, DROP_NOTIFY.ext_error)
      b.writeUInt32LE(ev.ifindex >>> 0, DROP_NOTIFY.ifindex)
      b[DROP_NOTIFY.flags] = ev.ipv6 ? NotifyFlag.ipv6 : 0
      return b
    }
    case 'policy-verdict': {
      const b = header(POLICY_VERDICT.size, MessageType.policyVerdict, 0, ev.source, ev.hash, ev.lenOrig, ev.packet, 0)
      b.writeUInt32LE(ev.remoteIdentity >>> 0, POLICY_VERDICT.remote_label)
      b.writeInt32LE(ev.verdict, POLICY_VERDICT.verdict)
      b.writeUInt16LE(ev.dstPort & 0xffff, POLICY_VERDICT.dst_port)
      b[POLICY_VERDICT.proto] = ev.protocol
      b[POLICY_VERDICT.flags] = (ev.direction === 'egress' ? 2 : 1) | (ev.ipv6 ? 0x04 : 0) | ((ev.matchType & 7) << 3) | (ev.audited ? 0x40 : 0)
      b[POLICY_VERDICT.auth_type] = ev.authType
      b.writeUInt32LE(ev.cookie >>> 0, POLICY_VERDICT.cookie)
      return b
    }
    case 'debug': {
      const b = Buffer.alloc(DEBUG_MSG.size)
      b[DEBUG_MSG.type] = MessageType.debug
      b[DEBUG_MSG.subtype] = ev.subtype
      b.writeUInt16LE(ev.source, DEBUG_MSG.source)
      b.writeUInt32LE(ev.hash >>> 0, DEBUG_MSG.hash)
      ev.args.forEach((a, i) => b.writeUInt32LE(a >>> 0, DEBUG_MSG.arg1 + 4 * i))
      return b
    }
    default:
      return undefined
  }
}
