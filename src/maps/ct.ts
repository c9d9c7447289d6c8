import type {EntryBatch} from './batch.js'
import {ascii, put, putHexByte, putIpv4, putIpv6, putU64, putUint} from './ascii.js'
import {protoName} from './proto.js'
import {hex} from './text.js'

/*
 * Conntrack maps (cilium.md §1.2, §2.4): cilium_ct{4,6}_global and cilium_ct_any{4,6}_global.
 * Both entry generations are 56 bytes, so sizes cannot tell them apart: `v1` (≤1.15,
 * rx/tx counters and ifindex) and `v2` (1.16+, one packets/bytes pair and backend_id).
 * The caller picks one from a sibling map (see ctGenerationHint in ./open.ts).
 */

export type CtEntryGeneration = 'v1' | 'v2'

/** Mirrors struct ipv4_ct_tuple in bpf/include/ck/ct.h (packed, network-order addresses and ports). */
export const CT4_TUPLE = {size: 14, daddr: 0, saddr: 4, dport: 8, sport: 10, nexthdr: 12, flags: 13} as const
/** Mirrors struct ipv6_ct_tuple. */
export const CT6_TUPLE = {size: 38, daddr: 0, saddr: 16, dport: 32, sport: 34, nexthdr: 36, flags: 37} as const
/** Mirrors struct ct_entry (1.16+; newest Cilium names the u16 after rev_nat_index nat_port, network order). */
export const CT_ENTRY_V2 = {size: 56, reserved0: 0, backend_id: 8, packets: 16, bytes: 24, lifetime: 32, flags: 36,
  rev_nat_index: 38, nat_port: 40, tx_flags_seen: 42, rx_flags_seen: 43, src_sec_id: 44, last_tx_report: 48,
  last_rx_report: 52} as const
/** struct ct_entry up to 1.15. */
export const CT_ENTRY_V1 = {size: 56, rx_packets: 0, rx_bytes: 8, tx_packets: 16, tx_bytes: 24, lifetime: 32, flags: 36,
  rev_nat_index: 38, ifindex: 40, tx_flags_seen: 42, rx_flags_seen: 43, src_sec_id: 44, last_tx_report: 48,
  last_rx_report: 52} as const

export const TUPLE_F_IN = 0x01
export const TUPLE_F_RELATED = 0x02
export const TUPLE_F_SERVICE = 0x04

/**
 * Flag names by bit, as the CLI prints them inside `[ … ]`, and the bits it counts as known
 * (newest pkg/maps/ctmap types.go: bit 7 is DSRInternal, bit 9 Reserved1 is known but never
 * named, so only bits 11+ show as `Unknown=`). ≤1.15 named bit 7 DSR and bit 9 AuthRequired.
 */
interface FlagNames {
  names: ReadonlyArray<readonly [number, string]>
  known: number
}
const flagNamesV2: FlagNames = {known: 0x07ff, names: [[0, 'RxClosing'], [1, 'TxClosing'], [2, 'Nat64'],
  [3, 'LBLoopback'], [4, 'SeenNonSyn'], [5, 'NodePort'], [6, 'ProxyRedirect'], [7, 'DSRInternal'], [8, 'FromL7LB'],
  [10, 'FromTunnel']]}
const flagNamesV1: FlagNames = {known: 0x07ff, names: [...flagNamesV2.names.slice(0, 7), [7, 'DSR'], [8, 'FromL7LB'],
  [9, 'AuthRequired'], [10, 'FromTunnel']]}

const octet = Array.from({length: 256}, (_, i) => String(i))

/** A u64 counter as decimal text without allocating a BigInt while it fits in 32 bits (almost always). */
function u64(b: Buffer, at: number): string {
  const hi = b.readUInt32LE(at + 4)
  return hi === 0 ? String(b.readUInt32LE(at)) : b.readBigUInt64LE(at).toString()
}

const flagsCache = [new Map<number, Uint8Array>(), new Map<number, Uint8Array>()]

/** `Flags=0x0013 [ RxClosing TxClosing SeenNonSyn ]`; a dump holds few distinct values, so each is built once. */
function flagsBytes(flags: number, names: FlagNames): Uint8Array {
  const cache = flagsCache[names === flagNamesV2 ? 0 : 1]
  let bytes = cache.get(flags)
  if (bytes === undefined) cache.set(flags, bytes = ascii(flagsText(flags, names)))
  return bytes
}

function flagsText(flags: number, {names, known}: FlagNames): string {
  let s = `Flags=${hex(flags, 4)} [ `
  for (const [bit, name] of names) if (flags & (1 << bit)) s += name + ' '
  if (flags & ~known) s += `Unknown=${hex(flags & ~known, 4)} `
  return s + ']'
}

const protoBytes = Array.from({length: 256}, (_, i) => ascii(protoName(i)))
const word = {
  svc: ascii(' SVC '), in: ascii(' IN '), out: ascii(' OUT '), arrow: ascii(' -> '), related: ascii('related '),
  service: ascii('service '), expires: ascii('expires='), packets: ascii(' Packets='), bytes: ascii(' Bytes='),
  rxPackets: ascii(' RxPackets='), rxBytes: ascii(' RxBytes='), txPackets: ascii(' TxPackets='), txBytes: ascii(' TxBytes='),
  rxSeen: ascii(' RxFlagsSeen='), lastRx: ascii(' LastRxReport='), txSeen: ascii(' TxFlagsSeen='), lastTx: ascii(' LastTxReport='),
  revNat: ascii(' RevNAT='), srcId: ascii(' SourceSecurityID='), backend: ascii(' BackendID='), ifindex: ascii(' IfIndex='),
  natPort: ascii(' NatPort='),
}
/** Room for the longest line: an IPv6 tuple, every flag name, u64 counters of 20 digits. */
const MAX_LINE = 640

/** Options of one dump: the family of the map, its entry generation, and whether it is a global map. */
export interface CtFormat {
  ipv6: boolean
  gen: CtEntryGeneration
  /** Global maps print both addresses, swapped back to the original direction; per-endpoint maps print one. */
  global: boolean
}

/**
 * The CLI's lines for every entry of a batch, written as ASCII into one Buffer (each line ends
 * in a newline). Keys with nexthdr 0 are skipped as the real CLI does.
 */
export function formatCtBatch(batch: EntryBatch, f: CtFormat): Buffer {
  const T = f.ipv6 ? CT6_TUPLE : CT4_TUPLE
  const putAddr = f.ipv6 ? putIpv6 : putIpv4
  const {keys, values, count, keySize, valueStride} = batch
  const out = Buffer.allocUnsafe(count * MAX_LINE)
  let o = 0
  for (let i = 0; i < count; i++) {
    const k = i * keySize, v = i * valueStride
    const nexthdr = keys[k + T.nexthdr]
    if (nexthdr === 0) continue
    const tflags = keys[k + T.flags]
    const sport = (keys[k + T.sport] << 8) | keys[k + T.sport + 1], dport = (keys[k + T.dport] << 8) | keys[k + T.dport + 1]
    const svc = f.gen === 'v2' && (tflags & TUPLE_F_SERVICE) !== 0
    o = put(out, o, protoBytes[nexthdr])
    o = put(out, o, svc ? word.svc : tflags & TUPLE_F_IN ? word.in : word.out)
    if (f.global) {
      // Other entries are printed swapped back to the original direction; a service entry is not
      // (its ports are stored swapped): `<saddr>:<dport> -> <daddr>:<sport>`.
      const [first, second] = svc ? [T.saddr, T.daddr] : [T.daddr, T.saddr]
      o = putAddr(out, o, keys, k + first)
      out[o++] = 58
      o = putUint(out, o, svc ? dport : sport)
      o = put(out, o, word.arrow)
      o = putAddr(out, o, keys, k + second)
      out[o++] = 58
      o = putUint(out, o, svc ? sport : dport)
    } else {
      o = putAddr(out, o, keys, k + T.daddr)
      out[o++] = 32
      o = putUint(out, o, tflags & TUPLE_F_IN ? sport : dport)
      out[o++] = 58
      o = putUint(out, o, tflags & TUPLE_F_IN ? dport : sport)
    }
    out[o++] = 32
    if (tflags & TUPLE_F_RELATED) o = put(out, o, word.related)
    if (f.gen === 'v1' && tflags & TUPLE_F_SERVICE) o = put(out, o, word.service)
    o = put(out, o, word.expires)
    o = putUint(out, o, values.readUInt32LE(v + 32))
    if (f.gen === 'v2') {
      const E = CT_ENTRY_V2
      o = putU64(out, put(out, o, word.packets), values, v + E.packets)
      o = putU64(out, put(out, o, word.bytes), values, v + E.bytes)
      o = putTxReport(out, putRxReport(out, o, values, v), values, v)
      o = putFlagsRevNatSource(out, o, values, v, flagNamesV2)
      o = putU64(out, put(out, o, word.backend), values, v + E.backend_id)
      // Newest CtEntry.String() ends in NatPort (network order) and a space.
      o = putUint(out, put(out, o, word.natPort), (values[v + E.nat_port] << 8) | values[v + E.nat_port + 1])
      out[o++] = 32
    } else {
      const E = CT_ENTRY_V1
      o = putU64(out, put(out, o, word.rxPackets), values, v + E.rx_packets)
      o = putU64(out, put(out, o, word.rxBytes), values, v + E.rx_bytes)
      o = putRxReport(out, o, values, v)
      o = putU64(out, put(out, o, word.txPackets), values, v + E.tx_packets)
      o = putU64(out, put(out, o, word.txBytes), values, v + E.tx_bytes)
      o = putTxReport(out, o, values, v)
      o = putFlagsRevNatSource(out, o, values, v, flagNamesV1)
      o = putUint(out, put(out, o, word.ifindex), values.readUInt16LE(v + E.ifindex))
      out[o++] = 32
    }
    out[o++] = 10
  }
  return out.subarray(0, o)
}

// The fields both entry generations hold at the same offsets (CT_ENTRY_V1 and CT_ENTRY_V2 agree from byte 32 on).

/** ` RxFlagsSeen=0x12 LastRxReport=9998` */
function putRxReport(out: Buffer, o: number, values: Buffer, v: number): number {
  o = putHexByte(out, put(out, o, word.rxSeen), values[v + CT_ENTRY_V2.rx_flags_seen])
  return putUint(out, put(out, o, word.lastRx), values.readUInt32LE(v + CT_ENTRY_V2.last_rx_report))
}

/** ` TxFlagsSeen=0x1b LastTxReport=9999` */
function putTxReport(out: Buffer, o: number, values: Buffer, v: number): number {
  o = putHexByte(out, put(out, o, word.txSeen), values[v + CT_ENTRY_V2.tx_flags_seen])
  return putUint(out, put(out, o, word.lastTx), values.readUInt32LE(v + CT_ENTRY_V2.last_tx_report))
}

/** ` Flags=0x0013 [ … ] RevNAT=258 SourceSecurityID=257` (rev_nat_index is network order). */
function putFlagsRevNatSource(out: Buffer, o: number, values: Buffer, v: number,
  names: FlagNames): number {
  const E = CT_ENTRY_V2
  out[o++] = 32
  o = put(out, o, flagsBytes(values.readUInt16LE(v + E.flags), names))
  o = putUint(out, put(out, o, word.revNat), (values[v + E.rev_nat_index] << 8) | values[v + E.rev_nat_index + 1])
  return putUint(out, put(out, o, word.srcId), values.readUInt32LE(v + E.src_sec_id))
}

/**
 * The JSON element of one entry, already indented as the second level of Go's MarshalIndent
 * output (`  {` … `  }`): {Key, Value} with Go's field names, addresses as byte arrays, ports,
 * rev-NAT and NatPort as stored (network order read as a host u16). Written out by hand because it
 * runs once per entry of a million-entry dump; a unit test holds it equal to goJson.
 */
export function ctEntryJsonText(keys: Buffer, k: number, values: Buffer, v: number, f: Omit<CtFormat, 'global'>): string {
  const T = f.ipv6 ? CT6_TUPLE : CT4_TUPLE
  const alen = f.ipv6 ? 16 : 4
  const addr = (at: number) => {
    let s = '[\n'
    for (let i = 0; i < alen; i++) s += `        ${octet[keys[at + i]]}${i < alen - 1 ? ',' : ''}\n`
    return s + '      ]'
  }
  const u64At = (o: number) => u64(values, v + o)
  const tail = `      "Lifetime": ${values.readUInt32LE(v + 32)},\n      "Flags": ${values.readUInt16LE(v + 36)},\n` +
    `      "RevNAT": ${values.readUInt16LE(v + 38)},\n`
  const end = `      "TxFlagsSeen": ${values[v + 42]},\n      "RxFlagsSeen": ${values[v + 43]},\n` +
    `      "SourceSecurityID": ${values.readUInt32LE(v + 44)},\n      "LastTxReport": ${values.readUInt32LE(v + 48)},\n` +
    `      "LastRxReport": ${values.readUInt32LE(v + 52)}\n`
  // The newest CtEntry: Union0 [2]uint64 (reserved, backend id), NatPort as stored.
  const value = f.gen === 'v2'
    ? `      "Union0": [\n        ${u64At(0)},\n        ${u64At(8)}\n      ],\n      "Packets": ${u64At(16)},\n      "Bytes": ${u64At(24)},\n` +
      tail + `      "NatPort": ${values.readUInt16LE(v + 40)},\n` + end
    : `      "RxPackets": ${u64At(0)},\n      "RxBytes": ${u64At(8)},\n      "TxPackets": ${u64At(16)},\n      "TxBytes": ${u64At(24)},\n` +
      tail + `      "IfIndex": ${values.readUInt16LE(v + 40)},\n` + end
  return `  {\n    "Key": {\n      "DestAddr": ${addr(k + T.daddr)},\n      "SourceAddr": ${addr(k + T.saddr)},\n` +
    `      "DestPort": ${keys.readUInt16LE(k + T.dport)},\n      "SourcePort": ${keys.readUInt16LE(k + T.sport)},\n` +
    `      "NextHeader": ${keys[k + T.nexthdr]},\n      "Flags": ${keys[k + T.flags]}\n    },\n    "Value": {\n${value}    }\n  }`
}

/** A conntrack tuple in host-order numbers (the key of the CT and NAT maps). */
export interface CtTuple {
  ipv6: boolean
  daddr: Buffer
  saddr: Buffer
  dport: number
  sport: number
  nexthdr: number
  tupleFlags: number
}

/** The key bytes of a tuple: ipv4_ct_tuple or ipv6_ct_tuple, ports in network order. */
export function encodeCtTuple(t: CtTuple): Buffer {
  const T = t.ipv6 ? CT6_TUPLE : CT4_TUPLE
  const k = Buffer.alloc(T.size)
  t.daddr.copy(k, T.daddr)
  t.saddr.copy(k, T.saddr)
  k.writeUInt16BE(t.dport, T.dport)
  k.writeUInt16BE(t.sport, T.sport)
  k[T.nexthdr] = t.nexthdr
  k[T.flags] = t.tupleFlags
  return k
}

/** A conntrack entry in host-order numbers: what encodeCt writes. The tuple as stored: daddr first
 * (reply direction), ports of the original direction. */
export interface CtEntry extends CtTuple {
  backendId: bigint
  packets: bigint
  bytes: bigint
  lifetime: number
  flags: number
  revNat: number
  txFlagsSeen: number
  rxFlagsSeen: number
  srcSecId: number
  lastTxReport: number
  lastRxReport: number
}

/** Key and value bytes of a v2 (1.16+) entry, the layout our datapath writes. */
export function encodeCt(e: CtEntry): [Buffer, Buffer] {
  const E = CT_ENTRY_V2
  const v = Buffer.alloc(E.size)
  v.writeBigUInt64LE(e.backendId, E.backend_id)
  v.writeBigUInt64LE(e.packets, E.packets)
  v.writeBigUInt64LE(e.bytes, E.bytes)
  v.writeUInt32LE(e.lifetime, E.lifetime)
  v.writeUInt16LE(e.flags, E.flags)
  v.writeUInt16BE(e.revNat, E.rev_nat_index)
  v[E.tx_flags_seen] = e.txFlagsSeen
  v[E.rx_flags_seen] = e.rxFlagsSeen
  v.writeUInt32LE(e.srcSecId, E.src_sec_id)
  v.writeUInt32LE(e.lastTxReport, E.last_tx_report)
  v.writeUInt32LE(e.lastRxReport, E.last_rx_report)
  return [encodeCtTuple(e), v]
}
