import {addressStruct} from './address.js'
import {ipv4String, ipv6String, joinHostPort, macString} from './text.js'

/*
 * cilium_lxc (cilium.md §1.4, §2.8): local endpoints and host addresses. Same sizes
 * since 1.9; sec_id (1.14) and parent_ifindex (newest) took bytes that were zero
 * padding, so the newest decoder reads every generation.
 */

/** Mirrors struct endpoint_key in bpf/include/ck/endpoint.h (packed). */
export const ENDPOINT_KEY = {size: 20, ip: 0, family: 16, key: 17, cluster_id: 18} as const
/** Mirrors struct endpoint_info. */
export const ENDPOINT_INFO = {size: 48, ifindex: 0, unused: 4, lxc_id: 6, flags: 8, pad0: 12, mac: 16, node_mac: 24,
  sec_id: 32, parent_ifindex: 36, pad: 40} as const

export const ENDPOINT_F_HOST = 0x01

export interface EndpointEntry {
  ip: Buffer
  key: number
  clusterId: number
  ifindex: number
  lxcId: number
  flags: number
  mac: string
  nodeMac: string
  secId: number
  parentIfindex: number
}

export function decodeEndpoint(key: Buffer, k: number, value: Buffer, v: number): EndpointEntry {
  const ipv6 = key[k + ENDPOINT_KEY.family] === 2
  return {ip: Buffer.from(key.subarray(k, k + (ipv6 ? 16 : 4))), key: key[k + ENDPOINT_KEY.key],
    clusterId: key.readUInt16LE(k + ENDPOINT_KEY.cluster_id), ifindex: value.readUInt32LE(v + ENDPOINT_INFO.ifindex),
    lxcId: value.readUInt16LE(v + ENDPOINT_INFO.lxc_id), flags: value.readUInt32LE(v + ENDPOINT_INFO.flags),
    mac: macString(value, v + ENDPOINT_INFO.mac), nodeMac: macString(value, v + ENDPOINT_INFO.node_mac),
    secId: value.readUInt32LE(v + ENDPOINT_INFO.sec_id), parentIfindex: value.readUInt32LE(v + ENDPOINT_INFO.parent_ifindex)}
}

/** `10.0.1.184:0`, `[f00d::1]:0`: the address joined with the IPsec key index. */
export function endpointKeyString(e: EndpointEntry): string {
  return joinHostPort(e.ip.length === 16 ? ipv6String(e.ip, 0) : ipv4String(e.ip, 0), e.key)
}

const padRight = (n: number, w: number) => String(n).padEnd(w)

/** The newest value string: `id=%-5d sec_id=%-5d flags=0x%04X ifindex=%-3d mac=… nodemac=… parent_ifindex=%-3d`. */
export function endpointValueString(e: EndpointEntry): string {
  if (e.flags & ENDPOINT_F_HOST) return '(localhost)'
  return `id=${padRight(e.lxcId, 5)} sec_id=${padRight(e.secId, 5)} flags=0x${e.flags.toString(16).toUpperCase().padStart(4, '0')}` +
    ` ifindex=${padRight(e.ifindex, 3)} mac=${e.mac} nodemac=${e.nodeMac} parent_ifindex=${padRight(e.parentIfindex, 3)}`
}

/** The key of an address as `bpf endpoint delete` builds it (key index 0, local cluster). */
export function encodeEndpointKey(ip: Buffer, keyIndex = 0, clusterId = 0): Buffer {
  const b = addressStruct(ENDPOINT_KEY.size, ENDPOINT_KEY.family, ip)
  b[ENDPOINT_KEY.key] = keyIndex
  b.writeUInt16LE(clusterId, ENDPOINT_KEY.cluster_id)
  return b
}

export function encodeEndpointInfo(e: Omit<EndpointEntry, 'ip' | 'key' | 'clusterId'>): Buffer {
  const b = Buffer.alloc(ENDPOINT_INFO.size)
  b.writeUInt32LE(e.ifindex, ENDPOINT_INFO.ifindex)
  b.writeUInt16LE(e.lxcId, ENDPOINT_INFO.lxc_id)
  b.writeUInt32LE(e.flags, ENDPOINT_INFO.flags)
  Buffer.from(e.mac.split(':').map((x) => parseInt(x, 16))).copy(b, ENDPOINT_INFO.mac)
  Buffer.from(e.nodeMac.split(':').map((x) => parseInt(x, 16))).copy(b, ENDPOINT_INFO.node_mac)
  b.writeUInt32LE(e.secId, ENDPOINT_INFO.sec_id)
  b.writeUInt32LE(e.parentIfindex, ENDPOINT_INFO.parent_ifindex)
  return b
}
