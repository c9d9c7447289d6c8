import type {GenerationOf} from './generations.js'
import {ipv4String, ipv6String} from './text.js'

/*
 * ipcache (cilium.md §1.4, §2.7): `v1` is cilium_ipcache (1.13-1.18, 12-byte value with
 * an IPv4 tunnel endpoint), `v2` is cilium_ipcache_v2 (newest, 24-byte value with room
 * for an IPv6 tunnel endpoint). Both are LPM tries with the same 24-byte key, whose
 * cluster ID moved from byte 6 (u8) to bytes 4-5 (u16).
 */

export type IpcacheGeneration = GenerationOf<'ipcache'>

/** Mirrors struct ipcache_key in bpf/include/ck/ipcache.h (v2). */
export const IPCACHE_KEY_V2 = {size: 24, prefixlen: 0, cluster_id: 4, pad1: 6, family: 7, ip: 8} as const
/** The v1 key: u16 pad, u8 cluster_id, u8 family. */
export const IPCACHE_KEY_V1 = {size: 24, prefixlen: 0, pad1: 4, cluster_id: 6, family: 7, ip: 8} as const
/** Mirrors struct remote_endpoint_info (v2). */
export const IPCACHE_VALUE_V2 = {size: 24, sec_identity: 0, tunnel_endpoint: 4, pad: 20, key: 22, flags: 23} as const
/** The v1 value. */
export const IPCACHE_VALUE_V1 = {size: 12, sec_identity: 0, tunnel_endpoint: 4, node_id: 8, key: 10, flags: 11} as const

export const IPCACHE_STATIC_PREFIX_BITS = 32
export const FAMILY_IPV4 = 1
export const FAMILY_IPV6 = 2
export const REMOTE_EP_F = {skipTunnel: 0x01, hasTunnelEp: 0x02, ipv6TunnelEp: 0x04, remoteCluster: 0x08} as const

export interface IpcacheEntry {
  ipv6: boolean
  /** Address bytes (4 or 16) and the prefix length in address bits. */
  ip: Buffer
  prefixLen: number
  clusterId: number
  identity: number
  tunnelEndpoint: Buffer
  encryptKey: number
  nodeId: number
  flags: number
}

export function decodeIpcache(gen: IpcacheGeneration, key: Buffer, k: number, value: Buffer, v: number): IpcacheEntry {
  const K = gen === 'v2' ? IPCACHE_KEY_V2 : IPCACHE_KEY_V1
  const ipv6 = key[k + K.family] === FAMILY_IPV6
  const e: IpcacheEntry = {ipv6, ip: Buffer.from(key.subarray(k + K.ip, k + K.ip + (ipv6 ? 16 : 4))),
    prefixLen: key.readUInt32LE(k + K.prefixlen) - IPCACHE_STATIC_PREFIX_BITS,
    clusterId: gen === 'v2' ? key.readUInt16LE(k + IPCACHE_KEY_V2.cluster_id) : key[k + IPCACHE_KEY_V1.cluster_id],
    identity: value.readUInt32LE(v), tunnelEndpoint: Buffer.alloc(4), encryptKey: 0, nodeId: 0, flags: 0}
  if (gen === 'v2') {
    e.flags = value[v + IPCACHE_VALUE_V2.flags]
    const len = e.flags & REMOTE_EP_F.ipv6TunnelEp ? 16 : 4
    e.tunnelEndpoint = Buffer.from(value.subarray(v + IPCACHE_VALUE_V2.tunnel_endpoint, v + IPCACHE_VALUE_V2.tunnel_endpoint + len))
    e.encryptKey = value[v + IPCACHE_VALUE_V2.key]
  } else {
    e.tunnelEndpoint = Buffer.from(value.subarray(v + IPCACHE_VALUE_V1.tunnel_endpoint, v + IPCACHE_VALUE_V1.tunnel_endpoint + 4))
    e.nodeId = value.readUInt16LE(v + IPCACHE_VALUE_V1.node_id)
    e.encryptKey = value[v + IPCACHE_VALUE_V1.key]
    e.flags = value[v + IPCACHE_VALUE_V1.flags]
  }
  return e
}

function addr(b: Buffer): string {
  return b.length === 16 ? ipv6String(b, 0) : ipv4String(b, 0)
}

/** `10.0.1.184/32`, with `@<cluster>` for remote-cluster keys. */
export function ipcacheKeyString(e: IpcacheEntry): string {
  return `${addr(e.ip)}/${e.prefixLen}${e.clusterId !== 0 ? `@${e.clusterId}` : ''}`
}

/** The value cell as the CLI of that generation prints it. */
export function ipcacheValueString(gen: IpcacheGeneration, e: IpcacheEntry): string {
  const base = `identity=${e.identity} encryptkey=${e.encryptKey} tunnelendpoint=${addr(e.tunnelEndpoint)}`
  if (gen === 'v1') return `${base} nodeid=${e.nodeId}`
  const names: string[] = []
  if (e.flags & REMOTE_EP_F.skipTunnel) names.push('skiptunnel')
  if (e.flags & REMOTE_EP_F.hasTunnelEp) names.push('hastunnel')
  if (e.flags & REMOTE_EP_F.ipv6TunnelEp) names.push('ipv6tunnel')
  if (e.flags & REMOTE_EP_F.remoteCluster) names.push('remotecluster')
  return `${base} flags=${names.length ? names.join(',') : '<none>'}`
}

/** Whether `ip` (4 or 16 bytes) lies inside the entry's prefix. */
export function ipcacheContains(e: IpcacheEntry, ip: Buffer): boolean {
  if (ip.length !== e.ip.length) return false
  let bits = e.prefixLen
  for (let i = 0; bits > 0; i++, bits -= 8) {
    const mask = bits >= 8 ? 0xff : (0xff << (8 - bits)) & 0xff
    if ((ip[i] & mask) !== (e.ip[i] & mask)) return false
  }
  return true
}

export function encodeIpcacheKey(gen: IpcacheGeneration, ip: Buffer, prefixLen: number, clusterId = 0): Buffer {
  const K = gen === 'v2' ? IPCACHE_KEY_V2 : IPCACHE_KEY_V1
  const b = Buffer.alloc(K.size)
  b.writeUInt32LE(IPCACHE_STATIC_PREFIX_BITS + prefixLen, K.prefixlen)
  if (gen === 'v2') b.writeUInt16LE(clusterId, IPCACHE_KEY_V2.cluster_id)
  else b[IPCACHE_KEY_V1.cluster_id] = clusterId
  b[K.family] = ip.length === 16 ? FAMILY_IPV6 : FAMILY_IPV4
  ip.copy(b, K.ip)
  return b
}

export function encodeIpcacheValue(gen: IpcacheGeneration, e: Pick<IpcacheEntry, 'identity' | 'tunnelEndpoint' | 'encryptKey' | 'nodeId' | 'flags'>): Buffer {
  if (gen === 'v2') {
    const b = Buffer.alloc(IPCACHE_VALUE_V2.size)
    b.writeUInt32LE(e.identity, IPCACHE_VALUE_V2.sec_identity)
    e.tunnelEndpoint.copy(b, IPCACHE_VALUE_V2.tunnel_endpoint)
    b[IPCACHE_VALUE_V2.key] = e.encryptKey
    b[IPCACHE_VALUE_V2.flags] = e.flags
    return b
  }
  const b = Buffer.alloc(IPCACHE_VALUE_V1.size)
  b.writeUInt32LE(e.identity, IPCACHE_VALUE_V1.sec_identity)
  e.tunnelEndpoint.copy(b, IPCACHE_VALUE_V1.tunnel_endpoint)
  b.writeUInt16LE(e.nodeId, IPCACHE_VALUE_V1.node_id)
  b[IPCACHE_VALUE_V1.key] = e.encryptKey
  b[IPCACHE_VALUE_V1.flags] = e.flags
  return b
}
