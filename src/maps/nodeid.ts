import type {EntryBatch} from './batch.js'
import {familyAddressString} from './address.js'
import {tabwrite} from './text.js'

/*
 * cilium_node_map_v2 (value {u16 id, u8 spi, u8 pad}, 1.16+) and cilium_node_map
 * (value u16 id, 1.14-1.15): node IPs to the node IDs the datapath carries.
 */

/** Mirrors struct node_key in bpf/include/ck/node.h. */
export const NODE_KEY = {size: 20, pad1: 0, pad2: 2, family: 3, ip: 4} as const
/** Mirrors struct node_value (v2). */
export const NODE_VALUE_V2 = {size: 4, id: 0, spi: 2, pad: 3} as const
export const NODE_VALUE_V1 = {size: 2, id: 0} as const

/** One entry as cilium-dbg's nodeID struct holds it (its JSON field names). */
export interface NodeIdRow {
  ID: number
  Address: string
  SPI: number
}

/** One row per entry (the real CLI does not group addresses), by node ID then address for a stable order. */
export function nodeIdRows(batches: Iterable<EntryBatch>): NodeIdRow[] {
  const rows: NodeIdRow[] = []
  for (const b of batches) {
    for (let i = 0; i < b.count; i++) {
      const k = i * b.keySize, v = i * b.valueStride
      rows.push({ID: b.values.readUInt16LE(v + NODE_VALUE_V2.id),
        Address: familyAddressString(b.keys, k + NODE_KEY.ip, b.keys[k + NODE_KEY.family]),
        SPI: b.valueStride >= NODE_VALUE_V2.size ? b.values[v + NODE_VALUE_V2.spi] : 0})
    }
  }
  return rows.sort((a, b) => a.ID - b.ID || (a.Address < b.Address ? -1 : a.Address > b.Address ? 1 : 0))
}

/** `NODE ID  IP ADDRESSES  SPI`: `0x%x`, the address, the SPI. */
export function nodeIdTable(rows: readonly NodeIdRow[]): string {
  let text = 'NODE ID\tIP ADDRESSES\tSPI\n'
  for (const r of rows) text += `0x${r.ID.toString(16)}\t${r.Address}\t${r.SPI}\n`
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
