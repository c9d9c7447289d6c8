import {ipv4String, ipv6String} from './text.js'

/*
 * The address-with-family shape several Cilium keys share (endpoint_key, tunnel_key,
 * tunnel_value, node_key): 16 address bytes (IPv4 in the first 4) and a family byte.
 */

/**
 * A zeroed struct of `size` bytes holding an address (4 or 16 bytes) at 0 and its family
 * byte (1 IPv4, 2 IPv6) at `familyAt`: the start of endpoint_key, tunnel_key and tunnel_value.
 */
export function addressStruct(size: number, familyAt: number, ip: Buffer): Buffer {
  const b = Buffer.alloc(size)
  ip.copy(b, 0)
  b[familyAt] = ip.length === 16 ? 2 : 1
  return b
}

/** The address of an addressStruct-style field: IPv6 when the family byte says 2. */
export function familyAddressString(b: Buffer, at: number, family: number): string {
  return family === 2 ? ipv6String(b, at) : ipv4String(b, at)
}
