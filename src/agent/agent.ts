/**
 * The node-local agent: restores its state, loads the datapath (or runs without one and says
 * so), serves the Cilium REST API and Hubble's gRPC API, manages endpoints, and feeds datapath
 * events into the flow ring as flow.Flow. Library code: `cilium agent` runs it in the
 * foreground, tests and scripts can run it in-process.
 */
import {mkdirSync, readFileSync, rmdirSync, rmSync} from 'node:fs'
import {dirname} from 'node:path'
import type {Endpoint, StatusResponse} from '../api/models.js'
import {claimSocketPath} from '../lib/unix-socket.js'
import {FileIdentityStore, IdentityAllocator} from '../identity/allocator.js'
import type {Rule} from '../policy/types.js'
import type {FlowObserver, HubbleServer} from '../hubble/server/index.js'
import type {AgentConfig} from './config.js'
import {type Datapath, absentDatapath} from './datapath.js'
import {type EndpointRecord, EndpointManager} from './endpoint-manager.js'
import {type ApiServer, startApiServer} from './api-server.js'
import {FlowPipeline} from './flows.js'
import {MonitorServer, type MonitorSocketConfig, nodeMonitorFigures} from './monitor-socket.js'
import {boundSocketCheck, healthz, type NodeMonitorFigures} from './health.js'
import {assertNoForeignCilium} from './node-guard.js'
import {Logger} from './log.js'
import {AddressPool} from './pool.js'
import {type AgentState, type SavedDaemonConfig, createAgentState, flowAgentEventType, regenerate, restoreDaemonConfig,
  saveDaemonConfig} from './rest/state.js'
import {StateStore} from './state-store.js'
import {packageVersion} from '../paths.js'

/** The document the agent keeps in its state dir (`agent.json`); identities live in `identities.json`. */
interface SavedState {
  version: 1
  revision: number
  rules: Rule[]
  /** Daemon options, in documents of agents before daemonConfig. */
  options?: Record<string, string>
  daemonConfig?: SavedDaemonConfig
  endpoints: Endpoint[]
  records: EndpointRecord[]
  cidrIdentities: [string, number][]
}

const stateFile = 'agent.json'

export interface AgentDeps {
  /** Loads the datapath; rejects (or is absent) when it cannot, and the agent runs without one. */
  loadDatapath?: (config: AgentConfig, log: Logger) => Promise<Datapath>
  /** Where log records go (stderr by default). */
  logStream?: {write(line: string): unknown}
}

export class Agent {
  readonly log: Logger
  state!: AgentState
  endpoints!: EndpointManager
  datapath!: Datapath
  observer!: FlowObserver
  private hubble: HubbleServer[] = []
  /** Whether the Hubble socket path still leads to our server (false before it listens). */
  private hubbleReachable: () => boolean = () => false
  private api?: ApiServer
  private store!: StateStore
  private pool!: AddressPool
  private flows?: FlowPipeline
  private monitor?: MonitorServer
  /** The event ring's figures for /healthz; undefined while no datapath ring is read. */
  private nodeMonitor?: NodeMonitorFigures
  private readonly startedMs = Date.now()
  private readonly version = packageVersion()
  private restoring = true

  constructor(readonly config: AgentConfig & MonitorSocketConfig, private readonly deps: AgentDeps = {}) {
    this.log = new Logger(deps.logStream ?? process.stderr, config.logLevel, {subsys: 'daemon'})
  }

  /**
   * Starts everything; resolves when both APIs listen. A start is all or nothing: when a step
   * fails, the steps before it are undone in reverse order (servers closed, sockets removed,
   * pins this start made removed, a state dir it made deleted) and the error is thrown.
   * Throws ForeignCiliumError on a node with a real Cilium, SocketInUseError when a server
   * answers on a socket path, ValidationError for a bad pool, CiliumkitError for a corrupt
   * state file, and the listen error when a socket cannot be bound.
   */
  async start(): Promise<void> {
    const undo: Array<{step: string; run: () => unknown}> = []
    try {
      await this.startSteps((step, run) => undo.push({step, run}))
    } catch (err) {
      this.log.error('Start failed; undoing the steps that were done', {error: (err as Error).message})
      for (const u of undo.reverse()) {
        try {
          await u.run()
        } catch (e) {
          this.log.warn('Undo failed', {step: u.step, error: (e as Error).message})
        }
      }
      throw err
    }
  }

  private async startSteps(done: (step: string, undo: () => unknown) => void): Promise<void> {
    const c = this.config
    this.log.info('Starting ciliumkit agent', {version: this.version, stateDir: c.stateDir, socket: c.socket,
      hubbleSocket: c.hubbleSocket, pool: c.pool, enablePolicy: c.enablePolicy, nodeName: c.nodeName})
    // Refuse a node that is not ours before touching anything of it.
    if (this.deps.loadDatapath) assertNoForeignCilium(c.bpffs)
    await claimSocketPath(c.socket, 'the agent API socket')
    await claimSocketPath(c.hubbleSocket, 'the Hubble API socket')
    this.pool = new AddressPool(c.pool)

    const madeStateDir = mkdirSync(c.stateDir, {recursive: true, mode: 0o700})
    if (madeStateDir) done('state dir', () => removeMadeStateDir(c.stateDir, madeStateDir))
    this.store = new StateStore(c.stateDir)
    const identities = new IdentityAllocator(new FileIdentityStore(this.store.path('identities.json')))
    this.state = createAgentState({identities, enforcement: c.enablePolicy, clusterName: c.clusterName,
      hostIps: [this.pool.router], onRegenerate: () => this.changed()})
    this.datapath = await this.loadDatapath()
    done('datapath', () => this.datapath.discard())
    this.endpoints = new EndpointManager(this.state, this.datapath, this.pool, this.log, () => this.save())

    const saved = this.store.read<SavedState>(stateFile)
    if (saved) {
      this.state.repository.restore(saved.rules, saved.revision)
      restoreDaemonConfig(this.state, saved.daemonConfig ?? {options: saved.options ?? {}, policyEnforcement: c.enablePolicy,
        enablePolicyFlag: c.enablePolicy}, c.enablePolicy)
      for (const ep of saved.endpoints) this.state.endpoints.set(ep.id, ep)
      for (const [text, id] of saved.cidrIdentities) this.state.cidrIdentities.set(text, id)
      const restored = await this.endpoints.restore(saved.records)
      this.log.info('Restored state', {endpoints: restored.length, rules: saved.rules.length, revision: saved.revision})
    }
    this.restoring = false
    regenerate(this.state)
    await this.endpoints.sync()

    const {createHubbleServer} = await import('../hubble/server/index.js')
    const tls = c.hubbleTls && {cert: readFileSync(c.hubbleTls.certFile), key: readFileSync(c.hubbleTls.keyFile),
      clientCa: c.hubbleTls.clientCaFile ? readFileSync(c.hubbleTls.clientCaFile) : undefined}
    const local = createHubbleServer({nodeName: c.nodeName, version: `ciliumkit ${this.version}`, capacity: c.flowCapacity})
    this.observer = local.observer
    if (c.monitorSocket) {
      this.monitor = await MonitorServer.listen(c.monitorSocket)
      done('monitor socket', () => this.monitor?.close())
    }
    this.state.onAgentEvent = (event) => {
      this.observer.addAgentEvent(event)
      this.monitor?.publishAgentEvent(event)
    }
    await local.server.listen(`unix://${c.hubbleSocket}`)
    this.hubble.push(local.server)
    this.hubbleReachable = boundSocketCheck(c.hubbleSocket)
    done('hubble socket', () => this.closeHubble())
    if (c.hubbleListenAddress) {
      const {HubbleServer} = await import('../hubble/server/index.js')
      const remote = new HubbleServer({observer: this.observer, tls})
      const addr = await remote.listen(c.hubbleListenAddress)
      this.hubble.push(remote)
      this.log.info('Hubble listening on TCP', {subsys: 'hubble', address: addr, tls: Boolean(tls)})
    }
    this.flows = new FlowPipeline({datapath: this.monitor?.tap(this.datapath) ?? this.datapath,
      observer: this.monitor?.tapFlows(this.observer) ?? this.observer, state: this.state,
      nodeName: c.nodeName, clusterName: c.clusterName, log: this.log.with({subsys: 'hubble'})})
    this.flows.start()
    this.nodeMonitor = await nodeMonitorFigures(this.datapath.maps.pinDir)
    done('flow pipeline', () => this.flows?.stop())

    this.api = await startApiServer({state: this.state, endpoints: this.endpoints, status: () => this.status(),
      maps: this.datapath.maps, log: this.log}, c.socket)
    const started = Date.now()
    this.state.onAgentEvent({type: flowAgentEventType.AGENT_STARTED,
      agentStart: {time: {seconds: Math.floor(started / 1000), nanos: (started % 1000) * 1e6}}})
    this.log.info('Agent started', {datapath: this.datapath.status().state, endpoints: this.state.endpoints.size,
      revision: this.state.repository.revision})
  }

  private async closeHubble(): Promise<void> {
    const servers = this.hubble
    this.hubble = []
    await Promise.all(servers.map((s) => s.close(500)))
  }

  /**
   * Stops serving and releases descriptors (the datapath's with detach: false). Pinned maps and
   * attached programs stay and keep enforcing.
   */
  async stop(): Promise<void> {
    this.log.info('Stopping agent')
    await this.api?.close()
    await this.flows?.stop()
    await this.monitor?.close()
    await this.closeHubble()
    await this.endpoints?.queue.idle()
    await this.datapath?.close()
    this.log.info('Agent stopped')
  }

  private async loadDatapath(): Promise<Datapath> {
    if (!this.deps.loadDatapath) return absentDatapath('no datapath in this build')
    try {
      const dp = await this.deps.loadDatapath(this.config, this.log.with({subsys: 'datapath'}))
      this.log.info('Datapath loaded', {subsys: 'datapath', bpffs: this.config.bpffs})
      return dp
    } catch (err) {
      this.log.warn('Running without a datapath: nothing is enforced and no flows are observed', {subsys: 'datapath',
        error: (err as Error).message})
      return absentDatapath((err as Error).message)
    }
  }

  // Every state change ends in a regeneration: store it, then bring the datapath in step.
  private changed(): void {
    if (this.restoring) return
    this.save()
    void this.endpoints.sync()
  }

  private save(): void {
    const doc: SavedState = {
      version: 1,
      revision: this.state.repository.revision,
      rules: [...this.state.repository.list()],
      daemonConfig: saveDaemonConfig(this.state, this.config.enablePolicy),
      endpoints: [...this.state.endpoints.values()],
      records: [...this.endpoints.records.values()],
      cidrIdentities: [...this.state.cidrIdentities],
    }
    this.store.write(stateFile, doc)
  }

  /** GET /healthz, from the datapath, the endpoints, the datapath syncs and the Hubble server as they are now. */
  status(): StatusResponse {
    const s = this.observer?.serverStatus()
    const allocations: Record<string, string> = {}
    for (const r of this.endpoints.records.values()) allocations[r.link.ipv4] = `${r.namespace}/${r.name}`
    return healthz({
      version: this.version,
      datapath: this.datapath.status(),
      endpoints: [...this.state.endpoints.values()],
      controllers: [...this.endpoints.controllers.values()].map((c) => c.toJSON()),
      hubble: s && {listening: this.hubble.length > 0 && this.hubbleReachable(), maxFlows: Number(s.maxFlows), currentFlows: Number(s.numFlows),
        seenFlows: Number(s.seenFlows), uptimeMs: Date.now() - this.startedMs},
      lostEvents: this.datapath.lostEvents(),
      nodeMonitor: this.nodeMonitor,
      config: this.state.config,
      revision: this.state.repository.revision,
      ipam: {cidr: this.pool.cidr, allocated: this.pool.allocated, capacity: this.pool.capacity, allocations, router: this.pool.router},
    })
  }
}

/**
 * Undoes `mkdir -p stateDir` whose first new directory was `made`: the state dir (new, so all
 * of it is ours), then each parent this start made, deepest first, only while it is empty
 * (another process may have put something there meanwhile).
 */
function removeMadeStateDir(stateDir: string, made: string): void {
  rmSync(stateDir, {recursive: true, force: true})
  for (let dir = dirname(stateDir); dir.length >= made.length && dir.startsWith(made); dir = dirname(dir)) {
    try {
      rmdirSync(dir)
    } catch {
      return
    }
  }
}
