import {ipv4String, ipv6String} from './text.js'

/*
 * cilium_ipmasq_v4 / cilium_ipmasq_v6 (cilium.md §1.4, §2.2): the ip-masq-agent's
 * non-masquerade CIDRs, an LPM trie whose value byte is unused.
 */

/** Mirrors struct lpm_v4_key. */
export const IPMASQ_KEY4 = {size: 8, prefixlen: 0, addr: 4} as const
/** Mirrors struct lpm_v6_key. */
export const IPMASQ_KEY6 = {size: 20, prefixlen: 0, addr: 4} as const
export const IPMASQ_VALUE = {size: 1} as const

export interface IpMasqCidr {
  ip: string
  bits: number
}

export function decodeIpMasqKey(b: Buffer, at: number, ipv6: boolean): IpMasqCidr {
  return {ip: (ipv6 ? ipv6String : ipv4String)(b, at + IPMASQ_KEY4.addr), bits: b.readUInt32LE(at + IPMASQ_KEY4.prefixlen)}
}

/** Go's netip.Prefix.String(), also its JSON (a text marshaler): `10.0.0.0/8`. */
export function ipMasqCidrString(c: IpMasqCidr): string {
  return `${c.ip}/${c.bits}`
}

export function encodeIpMasqKey(ip: Buffer, bits: number): Buffer {
  const k = Buffer.alloc(ip.length === 16 ? IPMASQ_KEY6.size : IPMASQ_KEY4.size)
  k.writeUInt32LE(bits, IPMASQ_KEY4.prefixlen)
  ip.copy(k, IPMASQ_KEY4.addr)
  return k
}
