import type {EntryBatch} from './batch.js'
import {ipv4String, ipv6String, tabwrite} from './text.js'

/*
 * Egress gateway policy maps (cilium.md §1.6, §2.9): LPM tries keyed by the source IP (always
 * matched whole) and the destination CIDR; prefixlen counts both. The gateway is an IPv4
 * address in both maps, with two special values the agent writes.
 */

/** Mirrors struct egress_gw_policy_key (cilium_egress_gw_policy_v4). */
export const EGRESS_KEY4 = {size: 12, prefixlen: 0, saddr: 4, daddr: 8} as const
/** Mirrors struct egress_gw_policy_entry. */
export const EGRESS_VALUE4 = {size: 8, egress_ip: 0, gateway_ip: 4} as const
/** Mirrors struct egress_gw_policy_key6 (cilium_egress_gw_policy_v6). */
export const EGRESS_KEY6 = {size: 36, prefixlen: 0, saddr: 4, daddr: 20} as const
/** Mirrors struct egress_gw_policy_entry6. */
export const EGRESS_VALUE6 = {size: 32, egress_ip: 0, gateway_ip: 16, reserved: 20} as const

/** One row as cilium-dbg's egressPolicy holds it (its JSON field names). */
export interface EgressPolicyRow {
  SourceIP: string
  DestCIDR: string
  EgressIP: string
  GatewayIP: string
}

/** The gateway cell: 0.0.0.0 means no gateway was found, 0.0.0.1 an excluded CIDR. */
function gatewayString(b: Buffer, at: number): string {
  const ip = ipv4String(b, at)
  return ip === '0.0.0.0' ? 'Not Found' : ip === '0.0.0.1' ? 'Excluded CIDR' : ip
}

export function egressRows(b: EntryBatch, ipv6: boolean): EgressPolicyRow[] {
  const [K, V, addr, bits] = ipv6 ? [EGRESS_KEY6, EGRESS_VALUE6, ipv6String, 128] as const
    : [EGRESS_KEY4, EGRESS_VALUE4, ipv4String, 32] as const
  const rows: EgressPolicyRow[] = []
  for (let i = 0; i < b.count; i++) {
    const k = i * b.keySize, v = i * b.valueStride
    rows.push({SourceIP: addr(b.keys, k + K.saddr),
      DestCIDR: `${addr(b.keys, k + K.daddr)}/${b.keys.readUInt32LE(k + K.prefixlen) - bits}`,
      EgressIP: addr(b.values, v + V.egress_ip), GatewayIP: gatewayString(b.values, v + V.gateway_ip)})
  }
  return rows
}

export function egressTable(rows: readonly EgressPolicyRow[]): string {
  let text = 'Source IP\tDestination CIDR\tEgress IP\tGateway IP\n'
  for (const r of rows) text += `${r.SourceIP}\t${r.DestCIDR}\t${r.EgressIP}\t${r.GatewayIP}\n`
  return tabwrite(text)
}

/** An IPv4 policy entry: the source IP, the destination CIDR, the egress and gateway IPs. */
export function encodeEgress4(source: Buffer, dest: Buffer, destBits: number, egressIp: Buffer, gatewayIp: Buffer): [Buffer, Buffer] {
  const k = Buffer.alloc(EGRESS_KEY4.size)
  k.writeUInt32LE(32 + destBits, EGRESS_KEY4.prefixlen)
  source.copy(k, EGRESS_KEY4.saddr)
  dest.copy(k, EGRESS_KEY4.daddr)
  const v = Buffer.alloc(EGRESS_VALUE4.size)
  egressIp.copy(v, EGRESS_VALUE4.egress_ip)
  gatewayIp.copy(v, EGRESS_VALUE4.gateway_ip)
  return [k, v]
}
