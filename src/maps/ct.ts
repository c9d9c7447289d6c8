import type {EntryBatch} from './batch.js'
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
/** Mirrors struct ct_entry (1.16+). */
export const CT_ENTRY_V2 = {size: 56, reserved0: 0, backend_id: 8, packets: 16, bytes: 24, lifetime: 32, flags: 36,
  rev_nat_index: 38, reserved4: 40, tx_flags_seen: 42, rx_flags_seen: 43, src_sec_id: 44, last_tx_report: 48,
  last_rx_report: 52} as const
/** struct ct_entry up to 1.15. */
export const CT_ENTRY_V1 = {size: 56, rx_packets: 0, rx_bytes: 8, tx_packets: 16, tx_bytes: 24, lifetime: 32, flags: 36,
  rev_nat_index: 38, ifindex: 40, tx_flags_seen: 42, rx_flags_seen: 43, src_sec_id: 44, last_tx_report: 48,
  last_rx_report: 52} as const

export const TUPLE_F_IN = 0x01
export const TUPLE_F_RELATED = 0x02
export const TUPLE_F_SERVICE = 0x04

/** Flag names by bit, as the CLI prints them inside `[ … ]`. */
const flagNamesV2: ReadonlyArray<readonly [number, string]> = [[0, 'RxClosing'], [1, 'TxClosing'], [2, 'Nat64'],
  [3, 'LBLoopback'], [4, 'SeenNonSyn'], [5, 'NodePort'], [6, 'ProxyRedirect'], [7, 'DSR'], [8, 'FromL7LB'], [10, 'FromTunnel']]
const flagNamesV1: ReadonlyArray<readonly [number, string]> = [...flagNamesV2.slice(0, 9), [9, 'AuthRequired'], [10, 'FromTunnel']]

const octet = Array.from({length: 256}, (_, i) => String(i))

function ip4(b: Buffer, at: number): string {
  return `${octet[b[at]]}.${octet[b[at + 1]]}.${octet[b[at + 2]]}.${octet[b[at + 3]]}`
}

/** netip.Addr.String for 16 bytes, inlined here because it runs once per entry of a million-entry dump. */
function ip6(b: Buffer, at: number): string {
  let bestStart = -1, bestLen = 1, runStart = -1
  for (let i = 0; i <= 8; i++) {
    const zero = i < 8 && b[at + 2 * i] === 0 && b[at + 2 * i + 1] === 0
    if (zero) { if (runStart < 0) runStart = i } else if (runStart >= 0) {
      if (i - runStart > bestLen) { bestStart = runStart; bestLen = i - runStart }
      runStart = -1
    }
  }
  if (bestStart === 0 && bestLen === 5 && b[at + 10] === 0xff && b[at + 11] === 0xff) return `::ffff:${ip4(b, at + 12)}`
  let s = ''
  for (let i = 0; i < 8; i++) {
    if (i === bestStart) { s += i === 0 ? '::' : ':'; i += bestLen - 1; continue }
    s += ((b[at + 2 * i] << 8) | b[at + 2 * i + 1]).toString(16)
    if (i < 7) s += ':'
  }
  return s
}

const hex2 = Array.from({length: 256}, (_, i) => hex(i, 2))

/** A u64 counter as decimal text without allocating a BigInt while it fits in 32 bits (almost always). */
function u64(b: Buffer, at: number): string {
  const hi = b.readUInt32LE(at + 4)
  return hi === 0 ? String(b.readUInt32LE(at)) : b.readBigUInt64LE(at).toString()
}

const flagsCache = [new Map<number, string>(), new Map<number, string>()]

/** `Flags=0x0013 [ RxClosing TxClosing SeenNonSyn ]`; a dump holds few distinct values, so each is built once. */
function flagsText(flags: number, names: ReadonlyArray<readonly [number, string]>): string {
  const cache = flagsCache[names === flagNamesV2 ? 0 : 1]
  let text = cache.get(flags)
  if (text === undefined) cache.set(flags, text = buildFlagsText(flags, names))
  return text
}

function buildFlagsText(flags: number, names: ReadonlyArray<readonly [number, string]>): string {
  let s = `Flags=${hex(flags, 4)} [ `
  let known = 0
  for (const [bit, name] of names) {
    known |= 1 << bit
    if (flags & (1 << bit)) s += name + ' '
  }
  if (flags & ~known) s += `Unknown=${hex(flags & ~known, 4)} `
  return s + ']'
}

/** Options of one dump: the family of the map, its entry generation, and whether it is a global map. */
export interface CtFormat {
  ipv6: boolean
  gen: CtEntryGeneration
  /** Global maps print both addresses, swapped back to the original direction; per-endpoint maps print one. */
  global: boolean
}

/**
 * The CLI's lines for every entry of a batch, joined (each ends in a newline). Keys with
 * nexthdr 0 are skipped as the real CLI does.
 */
export function formatCtBatch(batch: EntryBatch, f: CtFormat): string {
  const T = f.ipv6 ? CT6_TUPLE : CT4_TUPLE
  const addr = f.ipv6 ? ip6 : ip4
  const {keys, values, count, keySize, valueStride} = batch
  let text = ''
  for (let i = 0; i < count; i++) {
    const k = i * keySize, v = i * valueStride
    const nexthdr = keys[k + T.nexthdr]
    if (nexthdr === 0) continue
    const tflags = keys[k + T.flags]
    const sport = keys.readUInt16BE(k + T.sport), dport = keys.readUInt16BE(k + T.dport)
    let line = protoName(nexthdr)
    if (f.gen === 'v2') line += tflags & TUPLE_F_SERVICE ? ' SVC ' : tflags & TUPLE_F_IN ? ' IN ' : ' OUT '
    else line += tflags & TUPLE_F_IN ? ' IN ' : ' OUT '
    if (f.global) {
      line += `${addr(keys, k + T.daddr)}:${sport} -> ${addr(keys, k + T.saddr)}:${dport} `
    } else {
      const [a, b] = tflags & TUPLE_F_IN ? [sport, dport] : [dport, sport]
      line += `${addr(keys, k + T.daddr)} ${a}:${b} `
    }
    if (tflags & TUPLE_F_RELATED) line += 'related '
    if (f.gen === 'v1' && tflags & TUPLE_F_SERVICE) line += 'service '
    const flags = values.readUInt16LE(v + 36)
    const revNat = values.readUInt16BE(v + 38)
    line += `expires=${values.readUInt32LE(v + 32)} `
    if (f.gen === 'v2') {
      const E = CT_ENTRY_V2
      line += `Packets=${u64(values, v + E.packets)} Bytes=${u64(values, v + E.bytes)}` +
        ` RxFlagsSeen=${hex2[values[v + E.rx_flags_seen]]} LastRxReport=${values.readUInt32LE(v + E.last_rx_report)}` +
        ` TxFlagsSeen=${hex2[values[v + E.tx_flags_seen]]} LastTxReport=${values.readUInt32LE(v + E.last_tx_report)}` +
        ` ${flagsText(flags, flagNamesV2)} RevNAT=${revNat} SourceSecurityID=${values.readUInt32LE(v + E.src_sec_id)}` +
        ` BackendID=${u64(values, v + E.backend_id)}\n`
    } else {
      const E = CT_ENTRY_V1
      line += `RxPackets=${u64(values, v + E.rx_packets)} RxBytes=${u64(values, v + E.rx_bytes)}` +
        ` RxFlagsSeen=${hex2[values[v + E.rx_flags_seen]]} LastRxReport=${values.readUInt32LE(v + E.last_rx_report)}` +
        ` TxPackets=${u64(values, v + E.tx_packets)} TxBytes=${u64(values, v + E.tx_bytes)}` +
        ` TxFlagsSeen=${hex2[values[v + E.tx_flags_seen]]} LastTxReport=${values.readUInt32LE(v + E.last_tx_report)}` +
        ` ${flagsText(flags, flagNamesV1)} RevNAT=${revNat} SourceSecurityID=${values.readUInt32LE(v + E.src_sec_id)}` +
        ` IfIndex=${values.readUInt16LE(v + E.ifindex)} \n`
    }
    text += line
  }
  return text
}

/**
 * The JSON element of one entry, already indented as the second level of Go's MarshalIndent
 * output (`  {` … `  }`): {Key, Value} with Go's field names, addresses as byte arrays, ports
 * and rev-NAT as stored (network order read as a host u16). Written out by hand because it
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
  const value = f.gen === 'v2'
    ? `      "Reserved0": ${u64At(0)},\n      "BackendID": ${u64At(8)},\n      "Packets": ${u64At(16)},\n      "Bytes": ${u64At(24)},\n` +
      tail + `      "Reserved4": ${values.readUInt16LE(v + 40)},\n` + end
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
