import type {EntryBatch} from './batch.js'
import {CT4_TUPLE, CT6_TUPLE, encodeCtTuple, TUPLE_F_IN, type CtTuple} from './ct.js'
import {protoName} from './proto.js'
import {ipv4String, ipv6String, joinHostPort} from './text.js'

/*
 * SNAT maps cilium_snat_v4_external / cilium_snat_v6_external (cilium.md §1.5, §2.5).
 * The key is a conntrack tuple in the original direction (saddr is the real source).
 */

/** Mirrors struct ipv4_nat_entry in bpf/include/ck/nat.h. */
export const NAT4_ENTRY = {size: 40, created: 0, needs_ct: 8, pad1: 16, pad2: 24, to_addr: 32, to_port: 36, pad3: 38} as const
/** Mirrors struct ipv6_nat_entry. */
export const NAT6_ENTRY = {size: 56, created: 0, needs_ct: 8, pad1: 16, pad2: 24, to_addr: 32, to_port: 48, pad3: 50, pad4: 52} as const

/**
 * One line per entry: `TCP OUT 10.0.1.5:33388 -> 1.1.1.1:80 XLATE_SRC 192.168.64.2:33388 Created=155sec ago NeedsCT=0`.
 * `nowSec` is the datapath clock (CLOCK_MONOTONIC seconds) the `created` stamps count in.
 */
export function formatNatBatch(batch: EntryBatch, ipv6: boolean, nowSec: number): string {
  const T = ipv6 ? CT6_TUPLE : CT4_TUPLE
  const E = ipv6 ? NAT6_ENTRY : NAT4_ENTRY
  const addr = ipv6 ? ipv6String : ipv4String
  const {keys, values, count, keySize, valueStride} = batch
  let out = ''
  for (let i = 0; i < count; i++) {
    const k = i * keySize, v = i * valueStride
    const dirIn = (keys[k + T.flags] & TUPLE_F_IN) !== 0
    const created = Number(values.readBigUInt64LE(v + E.created))
    out += `${protoName(keys[k + T.nexthdr])} ${dirIn ? 'IN' : 'OUT'} ` +
      `${joinHostPort(addr(keys, k + T.saddr), keys.readUInt16BE(k + T.sport))} -> ` +
      `${joinHostPort(addr(keys, k + T.daddr), keys.readUInt16BE(k + T.dport))} ` +
      `${dirIn ? 'XLATE_DST' : 'XLATE_SRC'} ${joinHostPort(addr(values, v + E.to_addr), values.readUInt16BE(v + E.to_port))} ` +
      `Created=${nowSec - created}sec ago NeedsCT=${Number(values.readBigUInt64LE(v + E.needs_ct) & 1n)}\n`
  }
  return out
}

/** The JSON element of one entry: {Key, Value} with Go's field names. */
export function natEntryJson(keys: Buffer, k: number, values: Buffer, v: number, ipv6: boolean): Record<string, unknown> {
  const T = ipv6 ? CT6_TUPLE : CT4_TUPLE
  const E = ipv6 ? NAT6_ENTRY : NAT4_ENTRY
  const alen = ipv6 ? 16 : 4
  return {
    Key: {DestAddr: [...keys.subarray(k + T.daddr, k + T.daddr + alen)], SourceAddr: [...keys.subarray(k + T.saddr, k + T.saddr + alen)],
      DestPort: keys.readUInt16LE(k + T.dport), SourcePort: keys.readUInt16LE(k + T.sport), NextHeader: keys[k + T.nexthdr],
      Flags: keys[k + T.flags]},
    Value: {Created: values.readBigUInt64LE(v + E.created), NeedsCT: values.readBigUInt64LE(v + E.needs_ct),
      Addr: [...values.subarray(v + E.to_addr, v + E.to_addr + alen)], Port: values.readUInt16LE(v + E.to_port)},
  }
}

/** A SNAT entry; its tuple's flags hold TUPLE_F_IN for reverse (XLATE_DST) entries. */
export interface NatEntry extends CtTuple {
  created: bigint
  needsCt: boolean
  toAddr: Buffer
  toPort: number
}

export function encodeNat(e: NatEntry): [Buffer, Buffer] {
  const E = e.ipv6 ? NAT6_ENTRY : NAT4_ENTRY
  const v = Buffer.alloc(E.size)
  v.writeBigUInt64LE(e.created, E.created)
  v.writeBigUInt64LE(e.needsCt ? 1n : 0n, E.needs_ct)
  e.toAddr.copy(v, E.to_addr)
  v.writeUInt16BE(e.toPort, E.to_port)
  return [encodeCtTuple(e), v]
}
