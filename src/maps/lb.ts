import type {EntryBatch} from './batch.js'
import {protoName} from './proto.js'
import {ipv4String, ipv6String, joinHostPort} from './text.js'

/*
 * Load-balancer maps (cilium.md §1.3, §2.6). Services: cilium_lb{4,6}_services_v2 (same
 * name and sizes since 1.9; proto and scope were zero before 1.16). Backends: _v3
 * (1.14+, 12/24-byte value; 1.14-1.15 had a u8 cluster_id and zero padding where the
 * newest has a u16 and a zone, so one decoder reads both), _v2 (1.10-1.13, u32 key,
 * 8/20-byte value) and the unversioned 1.9 map (u16 key).
 */

/** Mirrors struct lb4_key in bpf/include/ck/lb.h. */
export const LB4_KEY = {size: 12, address: 0, dport: 4, backend_slot: 6, proto: 8, scope: 9, pad: 10} as const
/** Mirrors struct lb6_key. */
export const LB6_KEY = {size: 24, address: 0, dport: 16, backend_slot: 18, proto: 20, scope: 21, pad: 22} as const
/** Mirrors struct lb_service (both families). */
export const LB_SERVICE = {size: 12, backend_id: 0, count: 4, rev_nat_index: 6, flags: 8, flags2: 9, qcount: 10} as const
/** Mirrors struct lb4_backend (v3). */
export const LB4_BACKEND_V3 = {size: 12, address: 0, port: 4, proto: 6, flags: 7, cluster_id: 8, zone: 10, pad: 11} as const
/** Mirrors struct lb6_backend (v3). */
export const LB6_BACKEND_V3 = {size: 24, address: 0, port: 16, proto: 18, flags: 19, cluster_id: 20, zone: 22, pad: 23} as const
/** v1/v2 backends: address, port, proto, flags (8 / 20 bytes). */
export const LB4_BACKEND_V2 = {size: 8, address: 0, port: 4, proto: 6, flags: 7} as const
export const LB6_BACKEND_V2 = {size: 20, address: 0, port: 16, proto: 18, flags: 19} as const
/** Mirrors struct lb4_reverse_nat (packed); the key is the rev-NAT index as a __be16. */
export const LB4_REVNAT = {size: 6, address: 0, port: 4} as const
export const LB6_REVNAT = {size: 18, address: 0, port: 16} as const

export const LB_SCOPE_INTERNAL = 1

export interface ServiceKey {
  ipv6: boolean
  address: string
  port: number
  slot: number
  proto: number
  scope: number
}

export interface ServiceValue {
  backendId: number
  count: number
  revNat: number
  flags: number
  flags2: number
  qcount: number
}

export interface Backend {
  ipv6: boolean
  address: string
  port: number
  proto: number
  flags: number
  clusterId: number
  zone: number
}

export function decodeServiceKey(b: Buffer, at: number, ipv6: boolean): ServiceKey {
  const K = ipv6 ? LB6_KEY : LB4_KEY
  return {ipv6, address: ipv6 ? ipv6String(b, at) : ipv4String(b, at), port: b.readUInt16BE(at + K.dport),
    slot: b.readUInt16LE(at + K.backend_slot), proto: b[at + K.proto], scope: b[at + K.scope]}
}

export function decodeServiceValue(b: Buffer, at: number): ServiceValue {
  return {backendId: b.readUInt32LE(at), count: b.readUInt16LE(at + LB_SERVICE.count),
    revNat: b.readUInt16BE(at + LB_SERVICE.rev_nat_index), flags: b[at + LB_SERVICE.flags], flags2: b[at + LB_SERVICE.flags2],
    qcount: b.readUInt16LE(at + LB_SERVICE.qcount)}
}

/** Backend value of any generation, told apart by its size (and the family). */
export function decodeBackend(b: Buffer, at: number, ipv6: boolean, valueSize: number): Backend {
  const B = ipv6 ? LB6_BACKEND_V3 : LB4_BACKEND_V3
  const v3 = valueSize === B.size
  return {ipv6, address: ipv6 ? ipv6String(b, at) : ipv4String(b, at), port: b.readUInt16BE(at + B.port),
    proto: b[at + B.proto], flags: b[at + B.flags], clusterId: v3 ? b.readUInt16LE(at + B.cluster_id) : 0,
    zone: v3 ? b[at + B.zone] : 0}
}

/** Backend IDs are u32 since 1.10 and u16 in 1.9. */
export function decodeBackendId(b: Buffer, at: number, keySize: number): number {
  return keySize === 2 ? b.readUInt16LE(at) : b.readUInt32LE(at)
}

/** `10.96.0.1:443/TCP`, `[fd00::1]:80/ANY`, with `/i` for the internal scope of a two-scope service. */
export function serviceKeyString(k: ServiceKey): string {
  return `${joinHostPort(k.address, k.port)}/${protoName(k.proto)}${k.scope === LB_SCOPE_INTERNAL ? '/i' : ''}`
}

/** Go's ServiceFlags.String(): the service type, then the attributes, comma separated. */
export function serviceFlagsString(flags: number, flags2: number): string {
  const type = flags & 0x01 ? 'ExternalIPs' : flags & 0x02 ? 'NodePort' : flags & 0x20 ? 'LoadBalancer'
    : flags & 0x08 ? 'HostPort' : flags2 & 0x01 ? 'LocalRedirect' : 'ClusterIP'
  const out = [type]
  if (flags & 0x04) out.push('Local')
  if (flags2 & 0x10) out.push('InternalLocal')
  if (flags2 & 0x20) out.push('two-scopes')
  if (flags & 0x10) out.push('sessionAffinity')
  if (flags & 0x80) out.push('check source-range')
  if (flags2 & 0x02) out.push('46x64')
  if (flags2 & 0x04) out.push('l7-load-balancer')
  if (flags2 & 0x08) out.push('loopback')
  if (flags2 & 0x80) out.push('dsr')
  if (!(flags & 0x40)) out.push('non-routable')
  return out.join(', ')
}

/** The default `bpf lb list` cell of one service slot. */
export function serviceSlotString(k: ServiceKey, v: ServiceValue, backends: ReadonlyMap<number, Backend>): string {
  if (k.slot === 0) {
    const any = k.ipv6 ? '[::]:0' : '0.0.0.0:0'
    const l7 = v.flags2 & 0x04 ? ` (L7LB Proxy Port: ${v.backendId})` : ''
    return `${any} (${v.revNat}) (0) [${serviceFlagsString(v.flags, v.flags2)}]${l7}`
  }
  const be = backends.get(v.backendId)
  if (!be) return `backend ${v.backendId} not found`
  return `${joinHostPort(be.address, be.port)}/${protoName(be.proto)} (${v.revNat}) (${k.slot})`
}

/** `--backends` value: `TCP://10.0.0.1:8080`, plus the state when it is not active. */
export function backendString(be: Backend): string {
  const states = ['active', 'terminating', 'quarantined', 'maintenance']
  const state = be.flags === 0 ? '' : ` [${states[be.flags] ?? `state ${be.flags}`}]`
  return `${protoName(be.proto)}://${joinHostPort(be.address, be.port)}${state}`
}

/** `--revnat` value: the service frontend the index maps back to. */
export function revNatString(b: Buffer, at: number, ipv6: boolean): string {
  const R = ipv6 ? LB6_REVNAT : LB4_REVNAT
  return joinHostPort(ipv6 ? ipv6String(b, at) : ipv4String(b, at), b.readUInt16BE(at + R.port))
}

/** Every entry of a services batch, decoded. */
export function* serviceEntries(batch: EntryBatch, ipv6: boolean): Generator<[ServiceKey, ServiceValue]> {
  for (let i = 0; i < batch.count; i++) {
    yield [decodeServiceKey(batch.keys, i * batch.keySize, ipv6), decodeServiceValue(batch.values, i * batch.valueStride)]
  }
}

export function encodeServiceKey(k: Omit<ServiceKey, 'address'> & {address: Buffer}): Buffer {
  const K = k.ipv6 ? LB6_KEY : LB4_KEY
  const b = Buffer.alloc(K.size)
  k.address.copy(b, K.address)
  b.writeUInt16BE(k.port, K.dport)
  b.writeUInt16LE(k.slot, K.backend_slot)
  b[K.proto] = k.proto
  b[K.scope] = k.scope
  return b
}

export function encodeServiceValue(v: ServiceValue): Buffer {
  const b = Buffer.alloc(LB_SERVICE.size)
  b.writeUInt32LE(v.backendId, LB_SERVICE.backend_id)
  b.writeUInt16LE(v.count, LB_SERVICE.count)
  b.writeUInt16BE(v.revNat, LB_SERVICE.rev_nat_index)
  b[LB_SERVICE.flags] = v.flags
  b[LB_SERVICE.flags2] = v.flags2
  b.writeUInt16LE(v.qcount, LB_SERVICE.qcount)
  return b
}

/** A v3 backend value (the layout our datapath writes). */
export function encodeBackend(be: Omit<Backend, 'address'> & {address: Buffer}): Buffer {
  const B = be.ipv6 ? LB6_BACKEND_V3 : LB4_BACKEND_V3
  const b = Buffer.alloc(B.size)
  be.address.copy(b, B.address)
  b.writeUInt16BE(be.port, B.port)
  b[B.proto] = be.proto
  b[B.flags] = be.flags
  b.writeUInt16LE(be.clusterId, B.cluster_id)
  b[B.zone] = be.zone
  return b
}

export function encodeRevNat(address: Buffer, port: number): Buffer {
  const b = Buffer.alloc(address.length === 16 ? LB6_REVNAT.size : LB4_REVNAT.size)
  address.copy(b, 0)
  b.writeUInt16BE(port, address.length)
  return b
}
