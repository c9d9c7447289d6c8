import {ipv4String, macString} from './text.js'

/*
 * cilium_vtep_map (cilium.md §1.4, §2.9): VTEP CIDRs (masked IPv4 addresses) to the VTEP's
 * MAC and tunnel endpoint. Printed through the two-column TablePrinter.
 */

/** Mirrors struct vtep_key. */
export const VTEP_KEY = {size: 4, vtep_ip: 0} as const
/** Mirrors struct vtep_value: mac_t (a u64 whose first 6 bytes are the MAC) · be32 tunnel endpoint · pad. */
export const VTEP_VALUE = {size: 16, vtep_mac: 0, tunnel_endpoint: 8, pad: 12} as const

export function vtepKeyString(b: Buffer, at: number): string {
  return ipv4String(b, at + VTEP_KEY.vtep_ip)
}

/** `vtepmac=AA:BB:… tunnelendpoint=a.b.c.d`: Cilium's Uint64MAC prints upper-case hex. */
export function vtepValueString(b: Buffer, at: number): string {
  return `vtepmac=${macString(b, at + VTEP_VALUE.vtep_mac).toUpperCase()} tunnelendpoint=${ipv4String(b, at + VTEP_VALUE.tunnel_endpoint)}`
}

export function encodeVtep(ip: Buffer, mac: string, tunnelEndpoint: Buffer): [Buffer, Buffer] {
  const k = Buffer.alloc(VTEP_KEY.size)
  ip.copy(k, VTEP_KEY.vtep_ip)
  const v = Buffer.alloc(VTEP_VALUE.size)
  Buffer.from(mac.split(':').map((x) => parseInt(x, 16))).copy(v, VTEP_VALUE.vtep_mac)
  tunnelEndpoint.copy(v, VTEP_VALUE.tunnel_endpoint)
  return [k, v]
}
