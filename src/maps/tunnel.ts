import {addressStruct, familyAddressString} from './address.js'
import {joinHostPort} from './text.js'

/*
 * cilium_tunnel_map (cilium.md §1.4, §2.8): remote node prefixes to tunnel endpoints.
 * ≤1.12 used endpoint_key for both key and value; its byte 17 (IPsec key) is the
 * cluster ID's place in the newer key, and was zero in keys, so one decoder reads both.
 */

/** Mirrors struct tunnel_key in bpf/include/ck/endpoint.h (packed). */
export const TUNNEL_KEY = {size: 20, ip: 0, family: 16, cluster_id: 17, pad: 18} as const
/** Mirrors struct tunnel_value (packed). */
export const TUNNEL_VALUE = {size: 20, ip: 0, family: 16, key: 17, node_id: 18} as const

/** TUNNEL cell: `10.0.2.0:0` (prefix address and cluster ID). */
export function tunnelKeyString(b: Buffer, at: number): string {
  return joinHostPort(familyAddressString(b, at, b[at + TUNNEL_KEY.family]), b[at + TUNNEL_KEY.cluster_id])
}

/** VALUE cell: `192.168.1.2:0` (tunnel endpoint and IPsec key index). */
export function tunnelValueString(b: Buffer, at: number): string {
  return joinHostPort(familyAddressString(b, at, b[at + TUNNEL_VALUE.family]), b[at + TUNNEL_VALUE.key])
}

export function encodeTunnelKey(ip: Buffer, clusterId = 0): Buffer {
  const b = addressStruct(TUNNEL_KEY.size, TUNNEL_KEY.family, ip)
  b[TUNNEL_KEY.cluster_id] = clusterId
  return b
}

export function encodeTunnelValue(ip: Buffer, key = 0, nodeId = 0): Buffer {
  const b = addressStruct(TUNNEL_VALUE.size, TUNNEL_VALUE.family, ip)
  b[TUNNEL_VALUE.key] = key
  b.writeUInt16LE(nodeId, TUNNEL_VALUE.node_id)
  return b
}
