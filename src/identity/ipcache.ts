/**
 * The ipcache as data: which identity a packet's peer address has. The datapath engineer
 * writes these rows into `cilium_ipcache_v2`; the agent API serves them at GET /v1/ip.
 * Endpoints contribute host prefixes, CIDR identities their prefix, the node its own IPs.
 */
import {type Prefix, parsePrefix, prefixString} from './cidr.js'
import {ReservedIdentity} from './reserved.js'

/** One ipcache row, with the fields of the API's IPListEntry. */
export interface IpcacheEntry {
  /** The prefix, e.g. `10.200.0.12/32`. */
  cidr: string
  identity: number
  /** Tunnel endpoint; on one node always empty. */
  hostIP: string
  encryptKey: number
  metadata: {source: 'custom-resource' | 'generated' | 'local'; namespace?: string; name?: string}
  /** For the map writer: address family and prefix length of the key. */
  family: 4 | 6
  prefixLen: number
}

export interface IpcacheSources {
  endpoints: readonly {ips: readonly string[]; identity: number; namespace?: string; name?: string}[]
  /** CIDR identities (from the allocator): prefix -> identity. */
  cidrIdentities: readonly {prefix: Prefix; identity: number}[]
  /** This node's own addresses: they map to the host identity. */
  hostIps?: readonly string[]
}

/**
 * Builds the rows, sorted by family, prefix length (longest first) and address, so the same
 * state always gives the same rows. An endpoint address wins over a CIDR prefix of the same text.
 * Throws RangeError on an address that does not parse (our caller's bug, not user input).
 */
export function buildIpcache(src: IpcacheSources): IpcacheEntry[] {
  const rows = new Map<string, IpcacheEntry & {p: Prefix}>()
  const add = (p: Prefix, identity: number, metadata: IpcacheEntry['metadata']): void => {
    const cidr = prefixString(p)
    rows.set(cidr, {cidr, identity, hostIP: '', encryptKey: 0, metadata, family: p.family, prefixLen: p.bits, p})
  }
  const host = (ip: string): Prefix => {
    const p = parsePrefix(ip, true)
    if (typeof p === 'string') throw new RangeError(p)
    return p
  }
  for (const c of src.cidrIdentities) add(c.prefix, c.identity, {source: 'generated'})
  for (const ip of src.hostIps ?? []) add(host(ip), ReservedIdentity.host, {source: 'local'})
  for (const ep of src.endpoints) {
    for (const ip of ep.ips) {
      add(host(ip), ep.identity, {source: 'custom-resource', ...(ep.namespace ? {namespace: ep.namespace} : {}),
        ...(ep.name ? {name: ep.name} : {})})
    }
  }
  return [...rows.values()]
    .sort((a, b) => a.p.family - b.p.family || b.p.bits - a.p.bits || (a.p.addr < b.p.addr ? -1 : a.p.addr > b.p.addr ? 1 : 0))
    .map(({p: _p, ...row}) => row)
}

/** The identity of an address by longest-prefix match, as the datapath looks it up (world when nothing matches). */
export function lookupIpcache(rows: readonly IpcacheEntry[], ip: string): number {
  const addr = parsePrefix(ip, true)
  if (typeof addr === 'string') throw new RangeError(addr)
  let best: {bits: number; identity: number} | undefined
  for (const r of rows) {
    const p = parsePrefix(r.cidr)
    if (typeof p === 'string' || p.family !== addr.family) continue
    const shift = BigInt((p.family === 4 ? 32 : 128) - p.bits)
    if ((addr.addr >> shift) === (p.addr >> shift) && (!best || p.bits > best.bits)) best = {bits: p.bits, identity: r.identity}
  }
  return best?.identity ?? ReservedIdentity.world
}
