/**
 * The agent's Datapath over src/datapath (bpf/datapath/bpf_lxc.c): maps pinned under
 * <bpffs>/tc/globals, where `cilium bpf ...` finds them, endpoint config/policy/ipcache written
 * through it, notifications read from its ring buffer. What outlives the agent: the pinned maps
 * and the tc filters, so traffic is enforced while the agent is down; a restarted agent
 * attaches fresh programs and only then removes the filters its predecessor left.
 */
import {execFile} from 'node:child_process'
import {mkdirSync, readdirSync, rmdirSync, rmSync} from 'node:fs'
import {dirname, join} from 'node:path'
import type {RingBuffer} from '../bpf/index.js'
import {Datapath as BpfDatapath, DatapathMaps, type DatapathEvent, type EndpointOptionName, policyMapName} from '../datapath/index.js'
import type {IpcacheEntry} from '../identity/ipcache.js'
import type {EndpointPolicy} from '../policy/entries.js'
import type {AgentConfig} from './config.js'
import type {Datapath, DatapathEndpoint, DatapathStatus} from './datapath.js'
import type {Logger} from './log.js'
import {type KeyedMapCache, MapRegistry, endpointCacheEntry, ipcacheCacheValue} from './map-cache.js'

/** Events read from the ring buffer but not yet taken by the flow pipeline; beyond it they count as lost. */
const maxQueuedEvents = 65_536

/** API option names (Enabled/Disabled) -> the datapath's option bits. */
const optionBits: Partial<Record<string, EndpointOptionName>> = {
  PolicyAuditMode: 'PolicyAuditMode', DropNotification: 'DropNotification', TraceNotification: 'TraceNotification',
  PolicyVerdictNotification: 'PolicyVerdictNotification', Debug: 'Debug', ConntrackAccounting: 'ConntrackAccounting',
}
const aggregationLevels: Record<string, 0 | 1 | 2 | 3 | 4> = {None: 0, Lowest: 1, Low: 2, Medium: 3, Max: 4}

function tc(args: readonly string[]): Promise<string> {
  return new Promise((resolve, reject) => {
    execFile('tc', [...args], {encoding: 'utf8', timeout: 10_000}, (err, stdout, stderr) =>
      err ? reject(new Error(`tc ${args.join(' ')}: ${String(stderr).trim() || err.message}`)) : resolve(String(stdout)))
  })
}

/** Preferences of the BPF filters on one hook of an interface. */
async function filterPrefs(dev: string, hook: 'ingress' | 'egress'): Promise<number[]> {
  try {
    const list = JSON.parse(await tc(['-j', 'filter', 'show', 'dev', dev, hook])) as {pref?: number; kind?: string}[]
    return [...new Set(list.filter((f) => f.kind === 'bpf' && f.pref !== undefined).map((f) => f.pref!))]
  } catch {
    return []  // no clsact qdisc yet
  }
}

/** Whether one hook of the interface's clsact qdisc holds any filter, of any kind (true when tc cannot tell). */
async function hasFilters(dev: string, hook: 'ingress' | 'egress'): Promise<boolean> {
  try {
    return (JSON.parse(await tc(['-j', 'filter', 'show', 'dev', dev, hook])) as unknown[]).length > 0
  } catch {
    return true
  }
}

export class BpfAgentDatapath implements Datapath {
  readonly maps: MapRegistry
  private readonly lxcCache: KeyedMapCache
  private readonly ipcacheCache: KeyedMapCache
  private readonly endpoints = new Map<number, DatapathEndpoint>()
  private readonly ipcache = new Set<string>()
  private ring?: RingBuffer
  private queue: DatapathEvent[] = []
  private wake?: () => void
  private droppedInQueue = 0

  private constructor(private readonly dp: BpfDatapath, private readonly config: AgentConfig, private readonly log: Logger,
    private readonly made: {pins: Set<string>; firstDir?: string}) {
    this.maps = new MapRegistry(dp.pinDir)
    for (const name of Object.values(DatapathMaps)) this.maps.open(name)
    // The maps the agent writes key by key carry a cache of what it wrote, as Cilium's do.
    this.lxcCache = this.maps.keyed(DatapathMaps.lxc)
    this.ipcacheCache = this.maps.keyed(DatapathMaps.ipcache)
  }

  /**
   * Loads the datapath with its maps pinned under <bpffs>/tc/globals (reusing the pins a
   * previous agent left). Remembers what this load created, for discard(). Throws what
   * src/datapath throws, having removed what it pinned.
   */
  static async load(config: AgentConfig, log: Logger): Promise<BpfAgentDatapath> {
    const pinDir = join(config.bpffs, 'tc', 'globals')
    const firstDir = mkdirSync(pinDir, {recursive: true})
    const before = new Set(readdirSync(pinDir))
    const made = () => ({pins: new Set(readdirSync(pinDir).filter((n) => !before.has(n))), firstDir})
    let dp: BpfDatapath
    try {
      dp = BpfDatapath.load({pinDir})
    } catch (err) {
      removeMade(pinDir, made())
      throw err
    }
    return new BpfAgentDatapath(dp, config, log, made())
  }

  status(): DatapathStatus {
    return {state: 'Ok', msg: `bpf_lxc loaded, maps pinned under ${join(this.config.bpffs, 'tc', 'globals')}`}
  }

  private endpointConfig(ep: DatapathEndpoint) {
    const options: Partial<Record<EndpointOptionName, boolean>> = {}
    for (const [name, value] of Object.entries(ep.options)) {
      const bit = optionBits[name]
      if (bit) options[bit] = value === 'Enabled'
    }
    return {options: options as Record<EndpointOptionName, boolean>, policyEnforcement: this.config.enablePolicy,
      monitorAggregation: aggregationLevels[ep.options.MonitorAggregationLevel ?? 'Medium'] ?? 3}
  }

  async attach(ep: DatapathEndpoint): Promise<void> {
    this.endpoints.set(ep.id, ep)
    const stale = {ingress: await filterPrefs(ep.hostInterface, 'ingress'), egress: await filterPrefs(ep.hostInterface, 'egress')}
    // What upsertEndpoint writes for the address: its cilium_lxc entry and its host prefix in the ipcache.
    const [lxcKey, lxcValue] = endpointCacheEntry({ip: Buffer.from(ep.ipv4.split('.').map(Number)), key: 0, clusterId: 0,
      ifindex: ep.hostIfindex, lxcId: ep.id, flags: 0, mac: ep.mac, nodeMac: '00:00:00:00:00:00', secId: ep.identity, parentIfindex: 0})
    const written = (error?: unknown) => {
      this.lxcCache.updated(lxcKey, lxcValue, error)
      this.ipcacheCache.updated(`${ep.ipv4}/32`, ipcacheCacheValue(ep.identity), error)
    }
    try {
      this.dp.upsertEndpoint({id: ep.id, ifindex: ep.hostIfindex, identity: ep.identity, ips: [ep.ipv4], mac: ep.mac,
        config: this.endpointConfig(ep)})
    } catch (err) {
      written(err)
      throw err
    }
    written()
    this.maps.policy(policyMapName(ep.id))
    this.dp.attach(ep.id)
    // Filters of an agent that died: ours now run behind them, so removing them leaves no gap.
    for (const hook of ['ingress', 'egress'] as const) {
      for (const pref of stale[hook]) await tc(['filter', 'del', 'dev', ep.hostInterface, hook, 'pref', String(pref)]).catch(() => undefined)
    }
    if (stale.ingress.length + stale.egress.length > 0) {
      // An upgrade from clsact to tcx leaves the qdisc empty: it goes, unless it holds someone else's filters.
      if (!(await hasFilters(ep.hostInterface, 'ingress')) && !(await hasFilters(ep.hostInterface, 'egress'))) {
        await tc(['qdisc', 'del', 'dev', ep.hostInterface, 'clsact']).catch(() => undefined)
      }
      this.log.info('Replaced the filters of a previous agent', {endpointID: ep.id, interface: ep.hostInterface})
    }
  }

  async detach(endpointId: number): Promise<void> {
    const ep = this.endpoints.get(endpointId)
    const removed = (error?: unknown) => {
      if (!ep) return
      for (const key of this.lxcCache.keys()) if (key.startsWith(`${ep.ipv4}:`)) this.lxcCache.deleted(key, error)
      this.ipcacheCache.deleted(`${ep.ipv4}/32`, error)
    }
    try {
      this.dp.removeEndpoint(endpointId)
    } catch (err) {
      removed(err)
      throw err
    }
    removed()
    this.maps.close(policyMapName(endpointId))
    this.endpoints.delete(endpointId)
  }

  async applyPolicy(endpointId: number, policy: EndpointPolicy): Promise<void> {
    const ep = this.endpoints.get(endpointId)
    if (!ep) return
    // Entries first, then the switch to default deny: a direction never enforces an empty map.
    await this.dp.setPolicy(endpointId, policy.entries)
    // From the first regeneration on, `selected` carries the enforcement mode as it is now (a
    // `cilium config PolicyEnforcement=...` after start included); --enable-policy only covers
    // the time between attach and that regeneration.
    this.dp.updateEndpointConfig(ep.hostIfindex, {policyEnforcement: 'default',
      selected: {ingress: policy.ingressEnforced, egress: policy.egressEnforced},
      options: {HttpVisibility: policy.entries.some((e) => e.proxyPort > 0)} as Record<EndpointOptionName, boolean>})
  }

  async setOptions(endpointId: number, options: Readonly<Record<string, string>>): Promise<void> {
    const ep = this.endpoints.get(endpointId)
    if (!ep) return
    ep.options = options
    const c = this.endpointConfig(ep)
    this.dp.updateEndpointConfig(ep.hostIfindex, {options: c.options, monitorAggregation: c.monitorAggregation})
  }

  /** Writes every row and deletes every stale one, even past a failure; throws the first error after. */
  async syncIpcache(rows: readonly IpcacheEntry[]): Promise<void> {
    const wanted = new Set(rows.map((r) => r.cidr))
    let firstError: unknown
    const attempt = (write: () => void): unknown => {
      try {
        write()
        return undefined
      } catch (err) {
        firstError ??= err
        return err
      }
    }
    for (const r of rows) {
      this.ipcacheCache.updated(r.cidr, ipcacheCacheValue(r.identity), attempt(() => this.dp.upsertIpcache(r.cidr, r.identity)))
    }
    const undeleted: string[] = []
    for (const cidr of this.ipcache) {
      if (wanted.has(cidr)) continue
      const error = attempt(() => this.dp.deleteIpcache(cidr))
      this.ipcacheCache.deleted(cidr, error)
      if (error !== undefined) undeleted.push(cidr)  // the next sync tries again
    }
    this.ipcache.clear()
    for (const cidr of [...wanted, ...undeleted]) this.ipcache.add(cidr)
    if (firstError !== undefined) throw firstError
  }

  events(signal: AbortSignal): AsyncIterable<DatapathEvent> {
    this.ring ??= this.dp.events((batch) => {
      for (const ev of batch) {
        if (this.queue.length >= maxQueuedEvents) this.droppedInQueue++
        else this.queue.push(ev)
      }
      this.wake?.()
    })
    return {[Symbol.asyncIterator]: () => this.drain(signal)}
  }

  private async* drain(signal: AbortSignal): AsyncGenerator<DatapathEvent> {
    const onAbort = () => this.wake?.()
    signal.addEventListener('abort', onAbort, {once: true})
    try {
      while (!signal.aborted) {
        if (this.queue.length === 0) {
          await new Promise<void>((resolve) => { this.wake = resolve })
          this.wake = undefined
          continue
        }
        const batch = this.queue
        this.queue = []
        yield* batch
      }
    } finally {
      signal.removeEventListener('abort', onAbort)
    }
  }

  lostEvents(): number {
    let suppressed = 0
    for (const ep of this.endpoints.values()) suppressed += this.dp.suppressedEvents(ep.hostIfindex)
    return suppressed + (this.ring?.lost ?? 0) + this.droppedInQueue
  }

  /**
   * Stops reading events and releases descriptors without detaching: the programs stay on the
   * endpoints and keep enforcing until the next agent replaces them.
   */
  async close(): Promise<void> {
    await this.ring?.close()
    this.ring = undefined
    this.dp.close({detach: false})
  }

  /**
   * Undoes load() for a start that failed: closes, and removes the pins (and directories) this
   * load created. Pins a previous agent left stay, and so does everything once an endpoint is
   * attached (its programs use the maps).
   */
  async discard(): Promise<void> {
    await this.close()
    if (this.endpoints.size === 0) removeMade(this.dp.pinDir, this.made)
  }
}

function removeMade(pinDir: string, made: {pins: Set<string>; firstDir?: string}): void {
  for (const name of made.pins) rmSync(join(pinDir, name), {force: true})
  if (!made.firstDir) return
  // mkdir -p made firstDir and everything below it down to pinDir: remove them deepest first, while empty.
  for (let d = pinDir; ; d = dirname(d)) {
    try {
      rmdirSync(d)
    } catch {
      return  // not empty
    }
    if (d === made.firstDir || dirname(d) === d) return
  }
}
