/**
 * What the agent serves at GET /v1/map and /v1/map/{name}, as the newest Cilium does
 * (pkg/bpf Map.GetModel, pkg/maps/api.go): for the maps it writes key by key (cilium_lxc,
 * cilium_ipcache_v2) a userspace cache of the entries it wrote, as Cilium's maps opened
 * WithCache keep one. An entry written is `sync`; a write that failed stays `to-be-inserted`
 * with the error, a delete that failed `to-be-deleted`; a delete that worked drops the entry.
 * A map without a cache in Cilium (endpoint policy maps, conntrack) is dumped from the kernel on each
 * request: key and value text, no desired action. Maps Cilium opens through pkg/ebpf
 * (cilium_metrics) and our own ck_* maps are only listed, with `cache: null`.
 * Keys and values are the text Cilium's key and value types print (research/cilium.md §1.4, §2).
 *
 * The maps written key by key also keep their last writes as events (GET /v1/map/{name}/events,
 * what Cilium keeps for a map with --bpf-map-event-buffers): a bounded ring per map, each
 * update or delete with its time, key, value, the desired action after it and its error.
 */
import {join, isAbsolute} from 'node:path'
import type {BPFMap, BPFMapEntry, MapEvent} from '../api/models.js'
import type {BpfMap} from '../bpf/index.js'
import {type EndpointEntry, endpointKeyString, endpointValueString} from '../maps/endpoint.js'
import {type IpcacheEntry as IpcacheMapEntry, ipcacheValueString} from '../maps/ipcache.js'
import {putIpv4, putIpv6} from '../maps/ascii.js'
import {CT4_TUPLE, CT6_TUPLE, CT_ENTRY_V2, formatCtBatch} from '../maps/ct.js'
import {openPinned, readAll, shapeOf} from '../maps/pinned.js'
import {decodePolicyEntry, POLICY_ENTRY_PREFIX_SHIFT, POLICY_ENTRY_V3, type PolicyGeneration, policyGeneration,
  portProtoString} from '../maps/policy.js'

export type DesiredAction = 'sync' | 'to-be-inserted' | 'to-be-deleted'

interface CacheEntry {
  value: string
  action: DesiredAction
  lastError?: string
}

const errorText = (err: unknown): string => (err instanceof Error ? err.message : String(err))

/** The model of one map: entries sorted by key, so the same cache always reads the same. */
function mapModel(path: string, entries: Iterable<[string, CacheEntry]>): BPFMap {
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

/**
 * A cilium_policy_v3_ entry as Cilium's GetModel dumps it from the kernel: PolicyKey.String()
 * (`Ingress: 42 80/TCP`, `Egress: 0 ANY`, `Ingress: 2 8080-8087/TCP`) and PolicyEntry.String(),
 * `<proxy port> <prefix length>` with the prefix length of the value's flags (pkg/maps/policymap;
 * the same text since the 8-byte cilium_policy_v2_ value: precedence, cookie, deny and auth
 * are not part of it).
 */
export function policyMapEntryText(gen: PolicyGeneration, key: Buffer, k: number, value: Buffer, v: number): BPFMapEntry {
  const e = decodePolicyEntry(gen, key, k, value, v)
  return {key: `${e.egress ? 'Egress' : 'Ingress'}: ${e.identity} ${portProtoString(gen, e)}`,
    value: `${e.proxyPort} ${value[v + POLICY_ENTRY_V3.flags] >> POLICY_ENTRY_PREFIX_SHIFT}`}
}

/** The text of one entry at offsets into a batch's keys and values. */
type EntryText = (keys: Buffer, k: number, values: Buffer, v: number) => BPFMapEntry

/** Every entry of the map pinned at `path`, in the kernel's order, as GetModel dumps a map without a cache. */
async function dumpPinned(path: string, textOf: (map: BpfMap) => EntryText): Promise<BPFMapEntry[]> {
  const map = await openPinned(path)
  try {
    const text = textOf(map)
    const out: BPFMapEntry[] = []
    for (const b of await readAll(map)) {
      for (let i = 0; i < b.count; i++) out.push(text(b.keys, i * b.keySize, b.values, i * b.valueStride))
    }
    return out
  } finally {
    map.close()
  }
}

const dumpPolicyMap = (path: string) => dumpPinned(path, (map) => {
  const gen = policyGeneration(shapeOf(map), path)
  return (keys, k, values, v) => policyMapEntryText(gen, keys, k, values, v)
})

/** An address of a key as text (the CLI's own writers). */
function addressText(ipv6: boolean, b: Buffer, at: number): string {
  const out = Buffer.allocUnsafe(48)
  return out.toString('latin1', 0, (ipv6 ? putIpv6 : putIpv4)(out, 0, b, at))
}

/**
 * A global conntrack entry as Cilium's GetModel dumps it (pkg/maps/ctmap types.go, newest):
 * CtKey4Global.String() `<saddr>:<sport> --> <daddr>:<dport>, <nexthdr>, <flags>` (IPv6
 * addresses in brackets) with the ports as stored, network order read as a host u16, since
 * GetModel does not convert the key; and CtEntry.String(), which is the CLI's entry text
 * (`expires=… Packets=… … BackendID=… NatPort=… \n`, the one formatter of `bpf ct list`).
 */
export function ctMapEntryText(ipv6: boolean, keys: Buffer, k: number, values: Buffer, v: number): BPFMapEntry {
  const T = ipv6 ? CT6_TUPLE : CT4_TUPLE
  const addr = (at: number) => (ipv6 ? `[${addressText(true, keys, k + at)}]` : addressText(false, keys, k + at))
  const key = `${addr(T.saddr)}:${keys.readUInt16LE(k + T.sport)} --> ${addr(T.daddr)}:${keys.readUInt16LE(k + T.dport)}, `
    + `${keys[k + T.nexthdr]}, ${keys[k + T.flags]}`
  // The CLI's line skips a key without a protocol; its entry text does not depend on the key.
  const lineKey = Buffer.from(keys.subarray(k, k + T.size))
  lineKey[T.nexthdr] ||= 6
  const line = formatCtBatch({keys: lineKey, values: values.subarray(v, v + CT_ENTRY_V2.size), count: 1, keySize: T.size,
    valueStride: CT_ENTRY_V2.size}, {ipv6, gen: 'v2', global: true}).toString('latin1')
  return {key, value: line.slice(line.indexOf('expires='))}
}

/** Every entry of a global conntrack map. */
const dumpCtMap = (ipv6: boolean) => (path: string) => dumpPinned(path, () => (keys, k, values, v) => ctMapEntryText(ipv6, keys, k, values, v))

/** The maps opened by name that Cilium holds as pkg/bpf maps without a cache, so GetModel dumps them. */
const dumpedByName: Readonly<Partial<Record<string, (path: string) => Promise<BPFMapEntry[]>>>> = {
  cilium_ct4_global: dumpCtMap(false), cilium_ct_any4_global: dumpCtMap(false),
  cilium_ct6_global: dumpCtMap(true), cilium_ct_any6_global: dumpCtMap(true),
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

/**
 * How Cilium answers for a map (pkg/bpf Map.GetModel, pkg/ebpf Map.GetModel, pkg/maps/api.go):
 * `cached`, a pkg/bpf map with a value cache: the cache with desired actions and errors;
 * `dumped`, a pkg/bpf map without one (policy, conntrack): the kernel's entries, key and value
 * text only; `listed`, a map opened through pkg/ebpf (cilium_metrics) or one Cilium has no Go
 * type for (our ck_* maps): in GET /map with `cache: null`, unknown to GET /map/{name}.
 */
type OpenMap = {kind: 'cached'; cache: KeyedMapCache} | {kind: 'dumped'; dump: (path: string) => Promise<BPFMapEntry[]>} | {kind: 'listed'}

/**
 * The maps the agent has open, by name under one pin directory. A name looks up
 * `<pinDir>/<name>`; an absolute path is taken as it is (Cilium's GetMap).
 */
export class MapRegistry {
  private readonly maps = new Map<string, OpenMap>()

  constructor(readonly pinDir: string) {}

  /** Registers a map the agent has open: dumped when Cilium dumps it (conntrack), else only listed (see OpenMap). */
  open(name: string): void {
    if (this.maps.has(name)) return
    const dump = dumpedByName[name]
    this.maps.set(name, dump ? {kind: 'dumped', dump} : {kind: 'listed'})
  }

  /** Registers a map the agent writes key by key; the same cache on a second call. */
  keyed(name: string): KeyedMapCache {
    const m = this.maps.get(name)
    if (m?.kind === 'cached') return m.cache
    const cache = new KeyedMapCache()
    this.maps.set(name, {kind: 'cached', cache})
    return cache
  }

  /** Registers an endpoint policy map: without a cache in Cilium, so its model is the kernel's entries. */
  policy(name: string): void {
    this.maps.set(name, {kind: 'dumped', dump: dumpPolicyMap})
  }

  close(name: string): void {
    this.maps.delete(name)
  }

  /** GET /map/{name}: the map, or undefined when the agent has none of that name or path (or only lists it). */
  async get(nameOrPath: string): Promise<BPFMap | undefined> {
    const name = this.nameOf(nameOrPath)
    const m = name === undefined ? undefined : this.maps.get(name)
    return m && m.kind !== 'listed' && name !== undefined ? this.model(name, m) : undefined
  }

  /** GET /map/{name}/events: the map's event log, or undefined when it has none (not open, or not written key by key). */
  events(nameOrPath: string): MapEventLog | undefined {
    const name = this.nameOf(nameOrPath)
    const m = name === undefined ? undefined : this.maps.get(name)
    return m?.kind === 'cached' ? m.cache.events : undefined
  }

  private nameOf(nameOrPath: string): string | undefined {
    return isAbsolute(nameOrPath) ? [...this.maps.keys()].find((n) => join(this.pinDir, n) === nameOrPath) : nameOrPath
  }

  /** GET /map: every open map, by name; as Cilium's GetOpenMaps, the maps without a cache dumped. */
  async list(): Promise<BPFMap[]> {
    const out: BPFMap[] = []
    for (const [name, m] of [...this.maps].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) out.push(await this.model(name, m))
    return out
  }

  /**
   * One map's model. A dump that fails (the pin gone under us) is an empty cache, as Cilium's
   * GetModel ignores DumpReliablyWithCallback's error and returns what it collected.
   */
  private async model(name: string, m: OpenMap): Promise<BPFMap> {
    const path = join(this.pinDir, name)
    if (m.kind === 'cached') return m.cache.model(path)
    if (m.kind === 'listed') return {cache: null, path}
    return {cache: await m.dump(path).catch(() => []), path}
  }
}
