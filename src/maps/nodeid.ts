import type {EntryBatch} from './batch.js'
import {ipv4String, ipv6String, tabwrite} from './text.js'

/*
 * cilium_node_map_v2 (value {u16 id, u8 spi, u8 pad}, 1.16+) and cilium_node_map
 * (value u16 id, 1.14-1.15): node IPs to the node IDs the datapath carries.
 */

/** Mirrors struct node_key in bpf/include/ck/node.h. */
export const NODE_KEY = {size: 20, pad1: 0, pad2: 2, family: 3, ip: 4} as const
/** Mirrors struct node_value (v2). */
export const NODE_VALUE_V2 = {size: 4, id: 0, spi: 2, pad: 3} as const
export const NODE_VALUE_V1 = {size: 2, id: 0} as const

export interface NodeIdRow {
  id: number
  ips: string[]
  spi: number
}

/** One row per node ID with its addresses (sorted), as `bpf nodeid list` groups them. */
export function nodeIdRows(batches: Iterable<EntryBatch>): NodeIdRow[] {
  const byId = new Map<number, NodeIdRow>()
  for (const b of batches) {
    for (let i = 0; i < b.count; i++) {
      const k = i * b.keySize, v = i * b.valueStride
      const ip = b.keys[k + NODE_KEY.family] === 2 ? ipv6String(b.keys, k + NODE_KEY.ip) : ipv4String(b.keys, k + NODE_KEY.ip)
      const id = b.values.readUInt16LE(v + NODE_VALUE_V2.id)
      const spi = b.valueStride >= NODE_VALUE_V2.size ? b.values[v + NODE_VALUE_V2.spi] : 0
      const row = byId.get(id)
      if (row) row.ips.push(ip)
      else byId.set(id, {id, ips: [ip], spi})
    }
  }
  const rows = [...byId.values()].sort((a, b) => a.id - b.id)
  for (const r of rows) r.ips.sort()
  return rows
}

export function nodeIdTable(rows: readonly NodeIdRow[]): string {
  let text = 'NODE ID\tIP ADDRESSES\tSPI\n'
  for (const r of rows) text += `0x${r.id.toString(16)}\t${r.ips.join(',')}\t${r.spi}\n`
  return tabwrite(text)
}

export function encodeNodeKey(ip: Buffer): Buffer {
  const b = Buffer.alloc(NODE_KEY.size)
  b[NODE_KEY.family] = ip.length === 16 ? 2 : 1
  ip.copy(b, NODE_KEY.ip)
  return b
}

export function encodeNodeValue(id: number, spi: number): Buffer {
  const b = Buffer.alloc(NODE_VALUE_V2.size)
  b.writeUInt16LE(id, NODE_VALUE_V2.id)
  b[NODE_VALUE_V2.spi] = spi
  return b
}
