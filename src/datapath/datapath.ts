/**
 * The loader of our endpoint datapath (bpf/datapath/bpf_lxc.c): loads the object through
 * src/bpf with every map pinned by name under a bpffs directory the caller names, writes
 * endpoints, policy, ipcache and options through the src/maps encoders, attaches the two
 * tc programs to an endpoint's host-side veth, and reads the ring buffer of notifications.
 */
import {execFileSync} from 'node:child_process'
import {accessSync, constants, existsSync, rmSync} from 'node:fs'
import {release} from 'node:os'
import {join} from 'node:path'
import {BpfError, BpfMap, BpfObject, ENODEV, ENOENT, KeyNotFoundError, RingBuffer, type TcLink, TcxLink} from '../bpf/index.js'
import {CiliumkitError} from '../errors.js'
import {parsePrefix} from '../identity/cidr.js'
import {encodeEndpointInfo, encodeEndpointKey} from '../maps/endpoint.js'
import {encodeIpcacheKey, encodeIpcacheValue} from '../maps/ipcache.js'
import {POLICY_ENTRY_V3, POLICY_KEY} from '../maps/policy.js'
import {packagePath} from '../paths.js'
import type {PolicyEntry} from '../policy/entries.js'
import {PolicyMapSync} from '../policy/map-sync.js'
import {decodeEndpointConfig, defaultEndpointConfig, encodeEndpointConfig, EP_CONFIG, EP_CONFIG_SLOTS, EVENT_BUDGET,
  type EndpointConfig} from './config.js'
import {decodeEvent, type DatapathEvent} from './events.js'

/** The object `make datapath` builds from bpf/datapath/bpf_lxc.c. */
export const datapathObject = (): string => packagePath('bpf', 'build', 'bpf_lxc.o')

/** Map names in the object: Cilium's where Cilium has the map, ck_ for ours. */
export const DatapathMaps = {
  policyMaps: 'ck_policy_maps', policyStats: 'cilium_policystats', ct4: 'cilium_ct4_global', ctAny4: 'cilium_ct_any4_global',
  ct6: 'cilium_ct6_global', ctAny6: 'cilium_ct_any6_global', ipcache: 'cilium_ipcache_v2', lxc: 'cilium_lxc',
  metrics: 'cilium_metrics', config: 'ck_ep_config', eventBudget: 'ck_event_budget', events: 'ck_events',
  l7Pending: 'ck_l7_pending',
} as const

/** Per-endpoint policy maps are pinned as cilium_policy_v3_<EP5>, as Cilium names them. */
export function policyMapName(endpointId: number): string {
  return `cilium_policy_v3_${String(endpointId).padStart(5, '0')}`
}

const POLICY_MAP_MAX_ENTRIES = 16384

export interface DatapathOptions {
  /** A directory on bpffs where the maps are pinned by name (Cilium's is /sys/fs/bpf/tc/globals). */
  pinDir: string
  /** The ELF object; default bpf/build/bpf_lxc.o, built with `make -C bpf` when missing. */
  objectPath?: string
  /**
   * The files libbpf reads the running kernel's config from (CONFIG_HZ for the conntrack clock);
   * default libbpfKernelConfigFiles(). When none is readable the loader sets CONFIG_HZ=0 itself.
   */
  kernelConfigFiles?: string[]
}

/** Where libbpf looks for the kernel config when an object has CONFIG_ externs, in its order. */
const libbpfKernelConfigFiles = (): string[] => [`/boot/config-${release()}`, '/proc/config.gz']

/**
 * libbpf fails the whole load (EINVAL, "failed to open system Kconfig") when an object has a
 * CONFIG_ extern and no config file exists, even for a __weak extern. CONFIG_HZ=0 given at open
 * spares it the file, and the datapath's conntrack clock falls back to coarse ktime.
 */
function kconfigWithoutConfigFile(files: string[]): string | undefined {
  const readable = (file: string): boolean => {
    try {
      accessSync(file, constants.R_OK)
      return true
    } catch {
      return false
    }
  }
  return files.some(readable) ? undefined : 'CONFIG_HZ=0\n'
}

/** An endpoint: the network namespace end of a veth whose host side carries our programs. */
export interface EndpointSpec {
  /** Endpoint ID, 1..65535. */
  id: number
  /** ifindex of the host-side veth (in the namespace given by `netns`). */
  ifindex: number
  identity: number
  /** The endpoint's addresses (IPv4 and/or IPv6); written to cilium_lxc and cilium_ipcache_v2. */
  ips: string[]
  /** The host-side veth's namespace file, when it is not ours (tests use a node namespace). */
  netns?: string
  mac?: string
  config?: Partial<Omit<EndpointConfig, 'endpointId' | 'identity'>>
}

interface Attached {
  spec: EndpointSpec
  links: Array<TcLink | TcxLink>
}

/** The program each tc hook of an endpoint's host veth runs. */
const hookPrograms = {ingress: 'cil_from_container', egress: 'cil_to_container'} as const

/**
 * A loaded datapath. Maps stay pinned under pinDir after close(): a later load reuses them,
 * so state (conntrack, policy) survives an agent restart. unpinAll() removes them.
 */
export class Datapath {
  private readonly maps = new Map<string, BpfMap>()
  private readonly policyMaps = new Map<number, BpfMap>()
  private readonly policySyncs = new Map<number, PolicyMapSync>()
  private readonly endpoints = new Map<number, Attached>()

  private constructor(private readonly object: BpfObject, readonly pinDir: string) {}

  /**
   * Opens, pins and loads the datapath. Throws ProgramLoadError with the verifier log when the
   * kernel rejects a program, PermissionError without CAP_BPF, CiliumkitError when the object
   * is missing and cannot be built.
   */
  static load(options: DatapathOptions): Datapath {
    const path = options.objectPath ?? datapathObject()
    if (!existsSync(path)) buildObject(path)
    const object = BpfObject.open(path, {kconfig: kconfigWithoutConfigFile(options.kernelConfigFiles ?? libbpfKernelConfigFiles())})
    try {
      replaceOutdatedConfigPin(object, options.pinDir)
      object.pinMapsUnder(options.pinDir)
      object.load()
    } catch (err) {
      object.close()
      throw err
    }
    return new Datapath(object, options.pinDir)
  }

  /** A map of the object by name (DatapathMaps); owned by the Datapath, closed with it. */
  map(name: string): BpfMap {
    let m = this.maps.get(name)
    if (!m) {
      m = this.object.map(name)
      this.maps.set(name, m)
    }
    return m
  }

  /**
   * Writes an endpoint: its config (keyed by ifindex), its addresses in cilium_lxc and
   * cilium_ipcache_v2, and an empty policy map (cilium_policy_v3_<EP5>) if it has none.
   * Nothing reaches packets until attach().
   */
  upsertEndpoint(spec: EndpointSpec): void {
    if (!Number.isInteger(spec.ifindex) || spec.ifindex < 1 || spec.ifindex >= EP_CONFIG_SLOTS) {
      throw new CiliumkitError(`endpoint ${spec.id}: host interface index ${spec.ifindex} is outside the datapath's config slots 1..${EP_CONFIG_SLOTS - 1}`,
        'interface indexes grow with every interface created in a namespace: recreate the veth in a fresh node namespace')
    }
    const config: EndpointConfig = {...defaultEndpointConfig(spec.id, spec.identity), ...spec.config}
    config.options = {...defaultEndpointConfig(spec.id, spec.identity).options, ...spec.config?.options}
    // An array value is copied in place, not swapped: a packet running meanwhile may read a half-written config.
    this.map(DatapathMaps.config).update(u32(spec.ifindex), encodeEndpointConfig(config))
    for (const ip of spec.ips) {
      const bytes = ipBytes(ip)
      this.map(DatapathMaps.lxc).update(encodeEndpointKey(bytes), encodeEndpointInfo({ifindex: spec.ifindex, lxcId: spec.id,
        flags: 0, mac: spec.mac ?? '00:00:00:00:00:00', nodeMac: '00:00:00:00:00:00', secId: spec.identity, parentIfindex: 0}))
      this.upsertIpcache(ip, spec.identity)
    }
    this.ensurePolicyMap(spec.id)
    const attached = this.endpoints.get(spec.id)
    this.endpoints.set(spec.id, {spec, links: attached?.links ?? []})
  }

  /** The endpoint's current config as the datapath reads it. Throws KeyNotFoundError for an unknown ifindex. */
  endpointConfig(ifindex: number): EndpointConfig {
    const value = this.map(DatapathMaps.config).lookup(u32(ifindex))
    // An array slot always exists: endpoint ID 0 (IDs start at 1) marks a slot without an endpoint.
    if (value.readUInt16LE(EP_CONFIG.endpoint_id) === 0) throw new KeyNotFoundError('lookup', {map: DatapathMaps.config})
    return decodeEndpointConfig(value)
  }

  /** Changes options of an endpoint in place: the next packet sees them. */
  updateEndpointConfig(ifindex: number, change: Partial<Omit<EndpointConfig, 'endpointId' | 'identity'>>): EndpointConfig {
    const current = this.endpointConfig(ifindex)
    const next: EndpointConfig = {...current, ...change, options: {...current.options, ...change.options},
      selected: {...current.selected, ...change.selected}}
    // Copied in place (an array value): a packet running meanwhile may see part old, part new options.
    this.map(DatapathMaps.config).update(u32(ifindex), encodeEndpointConfig(next))
    return next
  }

  /** Notifications the endpoint's rate limit or a full ring buffer suppressed so far. */
  suppressedEvents(ifindex: number): number {
    try {
      return this.map(DatapathMaps.eventBudget).lookup(u32(ifindex)).readUInt32LE(EVENT_BUDGET.suppressed)
    } catch (err) {
      if (err instanceof KeyNotFoundError) return 0
      throw err
    }
  }

  /**
   * Attaches cil_from_container (tc ingress) and cil_to_container (tc egress) to the endpoint's host
   * veth: on the tcx hooks where the kernel has them (6.6+; no qdisc and classifier layer in front
   * of the programs, ~30% of their own cost under traffic here), through a clsact qdisc otherwise.
   * Either way they stay attached when this process exits. Our programs that a previous agent left
   * on the tcx hooks are removed once these run behind them (the agent does the same for clsact).
   */
  attach(endpointId: number): void {
    const ep = this.endpoints.get(endpointId)
    if (!ep) throw new CiliumkitError(`endpoint ${endpointId} is not in the datapath`, 'write it with upsertEndpoint first')
    if (ep.links.length) return
    const netns = ep.spec.netns
    try {
      for (const point of ['ingress', 'egress'] as const) ep.links.push(this.object.attachTcHook(ep.spec.ifindex, point, hookPrograms[point], {netns}))
    } catch (err) {
      this.detach(endpointId)
      throw err
    }
    for (const link of ep.links) {
      if (!(link instanceof TcxLink)) continue
      const name = hookPrograms[link.attachPoint].slice(0, 15)  // the kernel keeps 15 characters of a program name
      for (const p of TcxLink.programs(link.ifindex, link.attachPoint, {netns})) {
        if (p.name === name && p.id !== link.programId) gone(() => TcxLink.detachProgram(link.ifindex, link.attachPoint, p.id, {netns}))
      }
    }
  }

  /** The programs attached for an endpoint (empty when detached): kernel program IDs, e.g. for run-time stats. */
  attachedPrograms(endpointId: number): Array<{program: string; attachPoint: string; programId: number; hook: 'tcx' | 'clsact'}> {
    return (this.endpoints.get(endpointId)?.links ?? []).map((l) => ({
      program: hookPrograms[l.attachPoint], attachPoint: l.attachPoint, programId: l.programId, hook: l instanceof TcxLink ? 'tcx' : 'clsact'}))
  }

  /** Removes both programs from the endpoint's veth, and the clsact qdisc when attach created one. */
  detach(endpointId: number): void {
    const ep = this.endpoints.get(endpointId)
    if (!ep) return
    const links = ep.links.splice(0)
    for (const link of links) gone(() => link.detach())
    const created = links.find((l): l is TcLink => l.createdQdisc)
    if (created) gone(() => created.removeQdisc())
  }

  /** Detaches the endpoint and deletes its config, addresses and policy map. */
  removeEndpoint(endpointId: number): void {
    const ep = this.endpoints.get(endpointId)
    if (!ep) return
    this.detach(endpointId)
    this.map(DatapathMaps.config).update(u32(ep.spec.ifindex), Buffer.alloc(EP_CONFIG.size))
    // A later endpoint on a reused ifindex must start with a fresh budget, not this one's suppressed count.
    deleteIfPresent(this.map(DatapathMaps.eventBudget), u32(ep.spec.ifindex))
    for (const ip of ep.spec.ips) {
      deleteIfPresent(this.map(DatapathMaps.lxc), encodeEndpointKey(ipBytes(ip)))
      this.deleteIpcache(ip)
    }
    deleteIfPresent(this.map(DatapathMaps.policyMaps), u32(endpointId))
    this.policyMaps.get(endpointId)?.close()
    this.policyMaps.delete(endpointId)
    this.policySyncs.delete(endpointId)
    rmSync(join(this.pinDir, policyMapName(endpointId)), {force: true})
    this.endpoints.delete(endpointId)
  }

  /** Maps an address or prefix (`10.0.0.0/8`, `fd00::1`) to a security identity. */
  upsertIpcache(prefix: string, identity: number): void {
    const [bytes, bits] = prefixBytes(prefix)
    this.map(DatapathMaps.ipcache).update(encodeIpcacheKey('v2', bytes, bits),
      encodeIpcacheValue('v2', {identity, tunnelEndpoint: Buffer.alloc(16), encryptKey: 0, nodeId: 0, flags: 0}))
  }

  deleteIpcache(prefix: string): void {
    const [bytes, bits] = prefixBytes(prefix)
    deleteIfPresent(this.map(DatapathMaps.ipcache), encodeIpcacheKey('v2', bytes, bits))
  }

  /** The endpoint's policy map (cilium_policy_v3 layout), created and pinned on first use. */
  policyMap(endpointId: number): BpfMap {
    return this.ensurePolicyMap(endpointId)
  }

  /**
   * Makes the endpoint's policy map hold exactly `entries` (the agent's computed policy):
   * writes new and changed keys first, then deletes stale ones, so no packet sees a
   * half-empty map. Only what changed since the last call touches the map (PolicyMapSync).
   */
  async setPolicy(endpointId: number, entries: readonly PolicyEntry[]): Promise<void> {
    let s = this.policySyncs.get(endpointId)
    if (!s) {
      s = new PolicyMapSync(this.ensurePolicyMap(endpointId))
      this.policySyncs.set(endpointId, s)
    }
    await s.sync(entries)
  }

  /**
   * Runs one of the two programs `repeat` times on an Ethernet frame (BPF_PROG_TEST_RUN) in this
   * process's network namespace, where the kernel hands it in as received on loopback (ifindex 1):
   * its tc verdict (TC_ACT_OK 0, TC_ACT_SHOT 2) and the mean run time in ns.
   */
  testRun(program: 'cil_from_container' | 'cil_to_container', frame: Uint8Array, repeat = 1): {verdict: number; nsPerRun: number} {
    const r = this.object.testRun(program, frame, repeat)
    return {verdict: r.retval, nsPerRun: r.durationNs}
  }

  /**
   * Calls `onEvents` with each batch of decoded notifications until the returned handle is
   * closed. Records are decoded (and copied) before the batch's memory is reused.
   */
  events(onEvents: (events: DatapathEvent[]) => void): RingBuffer {
    return RingBuffer.open(this.map(DatapathMaps.events), (batch) => onEvents(batch.map(decodeEvent)), {pollTimeoutMs: 20})
  }

  /**
   * Closes the fds; pins stay. By default it first detaches every endpoint this Datapath
   * attached; with `{detach: false}` the programs stay on the veths and keep enforcing (an
   * agent that exits and leaves the node protected until its successor attaches). Idempotent.
   */
  close(options: {detach?: boolean} = {}): void {
    if (options.detach !== false) for (const id of this.endpoints.keys()) this.detach(id)
    for (const m of [...this.maps.values(), ...this.policyMaps.values()]) if (!m.isClosed) m.close()
    this.maps.clear()
    this.policyMaps.clear()
    this.policySyncs.clear()
    this.object.close()
  }

  private ensurePolicyMap(endpointId: number): BpfMap {
    let m = this.policyMaps.get(endpointId)
    if (m) return m
    const pin = join(this.pinDir, policyMapName(endpointId))
    if (existsSync(pin)) {
      m = BpfMap.openPinned(pin)
    } else {
      m = BpfMap.create({type: 'lpm_trie', keySize: POLICY_KEY.size, valueSize: POLICY_ENTRY_V3.size,
        maxEntries: POLICY_MAP_MAX_ENTRIES, name: policyMapName(endpointId).slice(0, 15)})
      m.pin(pin)
    }
    this.policyMaps.set(endpointId, m)
    this.map(DatapathMaps.policyMaps).update(u32(endpointId), u32(m.fd))  // map-in-map values are inner map fds
    return m
  }
}

/**
 * ck_ep_config was a hash map before it became an array indexed by ifindex: a pin of the old
 * kind (left by an older ciliumkit) would fail the load, and its content is what upsertEndpoint
 * writes again anyway, so it is unpinned. Programs still attached keep their own reference.
 */
function replaceOutdatedConfigPin(object: BpfObject, pinDir: string): void {
  const pin = join(pinDir, DatapathMaps.config)
  const spec = object.maps().find((m) => m.name === DatapathMaps.config)
  if (!spec || !existsSync(pin)) return
  const pinned = BpfMap.openPinned(pin)
  const info = pinned.info()
  pinned.close()
  if (info.type !== spec.type || info.maxEntries !== spec.maxEntries) rmSync(pin)
}

/** Builds the object with bpf/Makefile (clang -target bpf). Throws CiliumkitError naming the make output on failure. */
function buildObject(path: string): void {
  try {
    execFileSync('make', ['-C', packagePath('bpf'), `build/${path.split('/').pop()}`], {stdio: 'pipe'})
  } catch (err) {
    const out = (err as {stderr?: Buffer}).stderr?.toString().trim().split('\n').slice(-3).join(' ') ?? ''
    throw new CiliumkitError(`cannot build the datapath object ${path}`, out || 'run `make datapath` (needs clang and libbpf-dev)')
  }
  if (!existsSync(path)) throw new CiliumkitError(`the datapath object ${path} is missing`, 'run `make datapath`')
}

/** Runs a detach; an interface or namespace that is already gone took its filters with it. */
function gone(detach: () => void): void {
  try {
    detach()
  } catch (err) {
    if (!(err instanceof BpfError && (err.errno === ENOENT || err.errno === ENODEV))) throw err
  }
}

function deleteIfPresent(m: BpfMap, key: Buffer): void {
  try {
    m.delete(key)
  } catch (err) {
    if (!(err instanceof KeyNotFoundError)) throw err
  }
}

function u32(n: number): Buffer {
  const b = Buffer.alloc(4)
  b.writeUInt32LE(n)
  return b
}

/** An address or prefix as 16 bytes (IPv4 in the first 4) and its prefix length. */
function prefixBytes(text: string): [Buffer, number] {
  const p = parsePrefix(text, true)
  if (typeof p === 'string') throw new CiliumkitError(`invalid address or prefix ${JSON.stringify(text)}: ${p}`)
  const len = p.family === 4 ? 4 : 16
  const b = Buffer.alloc(16)
  let a = p.addr
  for (let i = len - 1; i >= 0; i--) {
    b[i] = Number(a & 0xffn)
    a >>= 8n
  }
  return [p.family === 4 ? b.subarray(0, 4) : b, p.bits]
}

function ipBytes(ip: string): Buffer {
  return prefixBytes(ip)[0]
}
