/**
 * What the agent serves at GET /v1/map and /v1/map/{name}: the maps it has open and, for the
 * maps it writes, a userspace cache of the entries it wrote, as Cilium's pkg/bpf keeps one for
 * its cached maps. An entry written is `sync`; a write that failed stays `to-be-inserted` with
 * the error, a delete that failed `to-be-deleted`; a delete that worked drops the entry. Maps
 * the agent only reads (conntrack, metrics, the event ring) are listed without a cache.
 * Keys and values are the text Cilium's key and value types print (research/cilium.md §1.4, §2).
 *
 * The maps written key by key also keep their last writes as events (GET /v1/map/{name}/events,
 * what Cilium keeps for a map with --bpf-map-event-buffers): a bounded ring per map, each
 * update or delete with its time, key, value, the desired action after it and its error.
 */
import {join, isAbsolute} from 'node:path'
import type {BPFMap, BPFMapEntry, MapEvent} from '../api/models.js'
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

/** Events a map keeps before the oldest is dropped. */
export const mapEventCapacity = 1024

/** A map's last writes, oldest first, bounded; followers get each new one as it happens. */
export class MapEventLog {
  private readonly ring: MapEvent[] = []
  /** Where the oldest event is once the ring is full. */
  private start = 0
  private readonly followers = new Set<(e: MapEvent) => void>()

  constructor(readonly capacity = mapEventCapacity) {}

  add(e: MapEvent): void {
    if (this.ring.length < this.capacity) {
      this.ring.push(e)
    } else {
      this.ring[this.start] = e
      this.start = (this.start + 1) % this.capacity
    }
    for (const f of this.followers) f(e)
  }

  /** The events kept, oldest first. */
  list(): MapEvent[] {
    return [...this.ring.slice(this.start), ...this.ring.slice(0, this.start)]
  }

  /** Calls `onEvent` with each event from now on, until the returned function is called. */
  follow(onEvent: (e: MapEvent) => void): () => void {
    this.followers.add(onEvent)
    return () => this.followers.delete(onEvent)
  }
}

/**
 * A MapEvent as Cilium's map records and its handler writes it (pkg/bpf Map.Update and
 * deleteMapEvent): an update carries the value and `sync`, or `to-be-inserted` when it failed;
 * a delete carries no value and is always `to-be-deleted`; the error is `<nil>` when there is none.
 */
function mapEvent(action: 'update' | 'delete', key: string, error: string | undefined, now: Date, desired: DesiredAction = 'to-be-deleted',
  value = ''): MapEvent {
  return {action, 'desired-action': desired, key, 'last-error': error ?? '<nil>', timestamp: now.toISOString(), ...(value ? {value} : {})}
}

/** The cache of a map written key by key (cilium_lxc, cilium_ipcache_v2), with its events. */
export class KeyedMapCache {
  private readonly entries = new Map<string, CacheEntry>()
  readonly events = new MapEventLog()

  /** Records an update of `key` to `value`; with `error` the update failed and waits to be retried. */
  updated(key: string, value: string, error?: unknown, now = new Date()): void {
    const e: CacheEntry = error === undefined ? {value, action: 'sync'} : {value, action: 'to-be-inserted', lastError: errorText(error)}
    this.entries.set(key, e)
    this.events.add(mapEvent('update', key, e.lastError, now, e.action, value))
  }

  /** Records a delete of `key`: gone when it worked, `to-be-deleted` with the error when not. */
  deleted(key: string, error?: unknown, now = new Date()): void {
    if (error === undefined) {
      this.entries.delete(key)
      this.events.add(mapEvent('delete', key, undefined, now))
      return
    }
    const lastError = errorText(error)
    this.entries.set(key, {value: this.entries.get(key)?.value ?? '', action: 'to-be-deleted', lastError})
    this.events.add(mapEvent('delete', key, lastError, now))
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

/**
 * `<proxy port> <prefix length>`: Cilium's PolicyEntry.String(), the text its map model gives a
 * policy map's value. Unchanged from the 8-byte value (cilium_policy_v2_) to the newest 12-byte
 * one (cilium_policy_v3_: precedence and cookie are not part of the text); the 24-byte
 * generations before printed `<proxy port> <packets> <bytes>`, which no longer exist there.
 */
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
    const name = this.nameOf(nameOrPath)
    const m = name === undefined ? undefined : this.maps.get(name)
    return m && name !== undefined ? this.model(name, m) : undefined
  }

  /** GET /map/{name}/events: the map's event log, or undefined when it has none (not open, or not written key by key). */
  events(nameOrPath: string): MapEventLog | undefined {
    const name = this.nameOf(nameOrPath)
    const cache = name === undefined ? undefined : this.maps.get(name)?.cache
    return cache instanceof KeyedMapCache ? cache.events : undefined
  }

  private nameOf(nameOrPath: string): string | undefined {
    return isAbsolute(nameOrPath) ? [...this.maps.keys()].find((n) => join(this.pinDir, n) === nameOrPath) : nameOrPath
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
