import type {EntryBatch} from './batch.js'
import {protoName} from './proto.js'
import {ipv4String, ipv6String, tabwrite} from './text.js'

/*
 * cilium_ipv4_frag_datagrams / cilium_ipv6_frag_datagrams (cilium.md §2.2): the L4 ports of a
 * fragmented datagram, keyed by its fragment ID. The ID is network order and cilium-dbg turns
 * it to host order; the ports are __be16 too, but cilium-dbg prints them as read in host order
 * (its FragmentValue fields are plain uint16s), and so do we, to print what it prints.
 */

/** Mirrors struct ipv4_frag_id. */
export const FRAG4_KEY = {size: 12, daddr: 0, saddr: 4, id: 8, proto: 10, pad: 11} as const
/** Mirrors struct ipv6_frag_id. */
export const FRAG6_KEY = {size: 40, id: 0, proto: 4, pad: 5, saddr: 8, daddr: 24} as const
/** Mirrors struct ipv4_frag_l4ports (and ipv6_frag_l4ports). */
export const FRAG_PORTS = {size: 4, sport: 0, dport: 2} as const

/** One row as cilium-dbg's bpfFragmentEntry holds it (its JSON field names). */
export interface FragRow {
  ID: number
  Proto: number
  SourceAddress: string
  DestAddress: string
}

export function fragRows(b: EntryBatch, ipv6: boolean): FragRow[] {
  const rows: FragRow[] = []
  for (let i = 0; i < b.count; i++) {
    const k = i * b.keySize, v = i * b.valueStride
    const sport = b.values.readUInt16LE(v + FRAG_PORTS.sport), dport = b.values.readUInt16LE(v + FRAG_PORTS.dport)
    rows.push(ipv6
      ? {ID: b.keys.readUInt32BE(k + FRAG6_KEY.id), Proto: b.keys[k + FRAG6_KEY.proto],
        // The real CLI brackets the IPv6 destination only.
        SourceAddress: `${ipv6String(b.keys, k + FRAG6_KEY.saddr)}:${sport}`, DestAddress: `[${ipv6String(b.keys, k + FRAG6_KEY.daddr)}]:${dport}`}
      : {ID: b.keys.readUInt16BE(k + FRAG4_KEY.id), Proto: b.keys[k + FRAG4_KEY.proto],
        SourceAddress: `${ipv4String(b.keys, k + FRAG4_KEY.saddr)}:${sport}`, DestAddress: `${ipv4String(b.keys, k + FRAG4_KEY.daddr)}:${dport}`})
  }
  return rows
}

export function fragTable(rows: readonly FragRow[]): string {
  let text = 'ID\tPROTO\tSOURCE ADDRESS:PORT\tDEST ADDRESS:PORT\n'
  for (const r of rows) text += `${r.ID}\t${protoName(r.Proto)}\t${r.SourceAddress}\t${r.DestAddress}\n`
  return tabwrite(text)
}

/** An IPv4 fragment entry; the ports go into the map as the datapath writes them, in network order. */
export function encodeFrag4(saddr: Buffer, daddr: Buffer, id: number, proto: number, sport: number, dport: number): [Buffer, Buffer] {
  const k = Buffer.alloc(FRAG4_KEY.size)
  daddr.copy(k, FRAG4_KEY.daddr)
  saddr.copy(k, FRAG4_KEY.saddr)
  k.writeUInt16BE(id, FRAG4_KEY.id)
  k[FRAG4_KEY.proto] = proto
  const v = Buffer.alloc(FRAG_PORTS.size)
  v.writeUInt16BE(sport, FRAG_PORTS.sport)
  v.writeUInt16BE(dport, FRAG_PORTS.dport)
  return [k, v]
}
