/**
 * What the agent serves at GET /v1/map and /v1/map/{name}: the maps it has open and, for the
 * maps it writes, a userspace cache of the entries it wrote, as Cilium's pkg/bpf keeps one for
 * its cached maps. An entry written is `sync`; a write that failed stays `to-be-inserted` with
 * the error, a delete that failed `to-be-deleted`; a delete that worked drops the entry. Maps
 * the agent only reads (conntrack, metrics, the event ring) are listed without a cache.
 * Keys and values are the text Cilium's key and value types print (research/cilium.md §1.4, §2).
 */
import {join, isAbsolute} from 'node:path'
import type {BPFMap, BPFMapEntry} from '../api/models.js'
import {type EndpointEntry, endpointKeyString, endpointValueString} from '../maps/endpoint.js'
import {type IpcacheEntry as IpcacheMapEntry, ipcacheValueString} from '../maps/ipcache.js'
import {type PolicyEntry as PolicyMapEntry, portProtoString} from '../maps/policy.js'
import type {PolicyEntry} from '../policy/entries.js'

export type DesiredAction = 'sync' | 'to-be-inserted' | 'to-be-deleted'

interface CacheEntry {
  value: string
  action: DesiredAction
  lastError?: string
}

const errorText = (err: unknown): string => (err instanceof Error ? err.message : String(err))

/** The model of one map: entries sorted by key, so the same cache always reads the same. */
function mapModel(path: string, entries: Iterable<[string, CacheEntry]> | null): BPFMap {
  if (!entries) return {cache: null, path}
  const cache: BPFMapEntry[] = [...entries].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([key, e]) => ({
    'desired-action': e.action, key, ...(e.lastError ? {'last-error': e.lastError} : {}), value: e.value}))
  return {cache, path}
}

/** The cache of a map written key by key (cilium_lxc, cilium_ipcache_v2). */
export class KeyedMapCache {
  private readonly entries = new Map<string, CacheEntry>()

  /** Records an update of `key` to `value`; with `error` the update failed and waits to be retried. */
  updated(key: string, value: string, error?: unknown): void {
    this.entries.set(key, error === undefined ? {value, action: 'sync'} : {value, action: 'to-be-inserted', lastError: errorText(error)})
  }

  /** Records a delete of `key`: gone when it worked, `to-be-deleted` with the error when not. */
  deleted(key: string, error?: unknown): void {
    if (error === undefined) {
      this.entries.delete(key)
      return
    }
    const old = this.entries.get(key)
    this.entries.set(key, {value: old?.value ?? '', action: 'to-be-deleted', lastError: errorText(error)})
  }

  keys(): string[] {
    return [...this.entries.keys()]
  }

  model(path: string): BPFMap {
    return mapModel(path, this.entries)
  }
}

/** `Ingress: 42 80/TCP`, `Egress: 0 ANY`: Cilium's PolicyKey.String() of a cilium_policy_v3 key. */
export function policyKeyString(e: PolicyEntry): string {
  const asMapEntry: PolicyMapEntry = {...e, proxyPortPriority: 0, packets: 0n, bytes: 0n}
  return `${e.egress ? 'Egress' : 'Ingress'}: ${e.identity} ${portProtoString('v3', asMapEntry)}`
}

/** `<proxy port> <prefix length>`: Cilium's PolicyEntry.String() of the LPM generations. */
export function policyValueString(e: PolicyEntry): string {
  return `${e.proxyPort} ${e.prefixLen}`
}

/**
 * The cache of an endpoint's policy map, written whole by each regeneration: the entries of the
 * last sync that worked and, after one that failed, the entries it wanted. Its text is made
 * only when asked for (a map can hold thousands of entries and regenerations are frequent).
 */
export class PolicyMapCache {
  private synced: readonly PolicyEntry[] = []
  private failed?: {entries: readonly PolicyEntry[]; error: string}

  /** Records a sync to `entries`; with `error` it failed (the map may hold some of them). */
  written(entries: readonly PolicyEntry[], error?: unknown): void {
    if (error === undefined) {
      this.synced = entries
      this.failed = undefined
    } else {
      this.failed = {entries, error: errorText(error)}
    }
  }

  model(path: string): BPFMap {
    const synced = new Map(this.synced.map((e) => [policyKeyString(e), policyValueString(e)]))
    const out = new Map<string, CacheEntry>()
    if (!this.failed) {
      for (const [k, value] of synced) out.set(k, {value, action: 'sync'})
      return mapModel(path, out)
    }
    const lastError = this.failed.error
    for (const e of this.failed.entries) {
      const k = policyKeyString(e)
      const value = policyValueString(e)
      out.set(k, synced.get(k) === value ? {value, action: 'sync'} : {value, action: 'to-be-inserted', lastError})
    }
    for (const [k, value] of synced) if (!out.has(k)) out.set(k, {value, action: 'to-be-deleted', lastError})
    return mapModel(path, out)
  }
}

/** cilium_lxc's key and value text for an endpoint address. */
export function endpointCacheEntry(e: EndpointEntry): [string, string] {
  return [endpointKeyString(e), endpointValueString(e)]
}

/** cilium_ipcache_v2's value text for an identity written without tunnel, key or flags. */
export function ipcacheCacheValue(identity: number, encryptKey = 0): string {
  const e: IpcacheMapEntry = {ipv6: false, ip: Buffer.alloc(4), prefixLen: 0, clusterId: 0, identity,
    tunnelEndpoint: Buffer.alloc(4), encryptKey, nodeId: 0, flags: 0}
  return ipcacheValueString('v2', e)
}

type OpenMap = {cache: KeyedMapCache | PolicyMapCache | null}

/**
 * The maps the agent has open, by name under one pin directory. A name looks up
 * `<pinDir>/<name>`; an absolute path is taken as it is (Cilium's GetMap).
 */
export class MapRegistry {
  private readonly maps = new Map<string, OpenMap>()

  constructor(readonly pinDir: string) {}

  /** Registers a map without a cache. */
  open(name: string): void {
    if (!this.maps.has(name)) this.maps.set(name, {cache: null})
  }

  /** Registers a map the agent writes key by key; the same cache on a second call. */
  keyed(name: string): KeyedMapCache {
    const m = this.maps.get(name)
    if (m?.cache instanceof KeyedMapCache) return m.cache
    const cache = new KeyedMapCache()
    this.maps.set(name, {cache})
    return cache
  }

  /** Registers an endpoint policy map; the same cache on a second call. */
  policy(name: string): PolicyMapCache {
    const m = this.maps.get(name)
    if (m?.cache instanceof PolicyMapCache) return m.cache
    const cache = new PolicyMapCache()
    this.maps.set(name, {cache})
    return cache
  }

  close(name: string): void {
    this.maps.delete(name)
  }

  /** GET /map/{name}: the map, or undefined when the agent has none of that name or path. */
  get(nameOrPath: string): BPFMap | undefined {
    const name = isAbsolute(nameOrPath) ? [...this.maps.keys()].find((n) => join(this.pinDir, n) === nameOrPath) : nameOrPath
    const m = name === undefined ? undefined : this.maps.get(name)
    return m && name !== undefined ? this.model(name, m) : undefined
  }

  /** GET /map: every open map, by name. */
  list(): BPFMap[] {
    return [...this.maps].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([name, m]) => this.model(name, m))
  }

  private model(name: string, m: OpenMap): BPFMap {
    const path = join(this.pinDir, name)
    return m.cache ? m.cache.model(path) : {cache: null, path}
  }
}
