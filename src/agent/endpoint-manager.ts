/**
 * The endpoints this agent made: namespace + veth + pool address per endpoint, the endpoint in
 * the REST state (identity from its labels), the datapath attached to it, and the sync that
 * keeps every endpoint's policy map, options and the ipcache equal to the state after each
 * regeneration. All datapath writes run through one serial queue.
 */
import type {Endpoint} from '../api/models.js'
import {type AgentState, StateError, createEndpoint, deleteEndpoint, ipcacheRows, logStatus, statusChange} from './rest/state.js'
import type {Datapath, DatapathEndpoint} from './datapath.js'
import {type EndpointLink, createEndpointLink, deleteEndpointLink, hostIfindex, netnsExists} from './netns.js'
import type {Logger} from './log.js'
import type {AddressPool} from './pool.js'
import {SerialQueue} from './serial.js'
import {Controller} from './health.js'

/** What the agent stores per endpoint it made, beside the endpoint's API model. */
export interface EndpointRecord {
  id: number
  name: string
  namespace: string
  link: EndpointLink
}

export interface CreateEndpointRequest {
  name: string
  /** Kubernetes-style namespace of the endpoint (label k8s:io.kubernetes.pod.namespace). */
  namespace: string
  /** `source:key=value` labels; the pod namespace label is added. */
  labels: string[]
}

/** The highest endpoint ID (Cilium's endpoint IDs are 16-bit; the policy map name carries it). */
const maxEndpointId = 4095
const namePattern = /^[a-z0-9]([-a-z0-9.]{0,30}[a-z0-9])?$/

export class EndpointManager {
  readonly records = new Map<number, EndpointRecord>()
  readonly queue = new SerialQueue()
  private readonly attached = new Set<number>()
  private readonly appliedPolicy = new Map<number, string>()
  private readonly appliedOptions = new Map<number, string>()
  private appliedIpcache = ''
  private syncQueued: Promise<void> | undefined
  /** The datapath syncs as controllers (`sync-ipcache`, `sync-policymap-<id>`): /healthz reports their failures. */
  readonly controllers = new Map<string, Controller>()

  /** `persist` saves the agent's state; called whenever the records change outside a regeneration. */
  constructor(private readonly state: AgentState, private readonly datapath: Datapath, private readonly pool: AddressPool,
    private readonly log: Logger, private readonly persist: () => void) {}

  /** Network namespace name of an endpoint called `name`. */
  static netnsName(name: string): string {
    return `ck-${name}`
  }

  /**
   * Makes an endpoint: namespace, veth, address, routes, identity, datapath. Throws StateError
   * 400 for a bad name, 409 when the name is taken, and KernelError when plumbing fails (then
   * nothing of it is left behind).
   */
  async create(req: CreateEndpointRequest): Promise<Endpoint> {
    if (!namePattern.test(req.name)) {
      throw new StateError(400, `invalid endpoint name "${req.name}": use 1-32 lower-case letters, digits, '-' or '.'`)
    }
    const netns = EndpointManager.netnsName(req.name)
    if ([...this.records.values()].some((r) => r.name === req.name) || netnsExists(netns)) {
      throw new StateError(409, `endpoint ${req.name} exists (network namespace ${netns})`)
    }
    const id = this.freeId()
    const ipv4 = this.pool.allocate()
    // Reserve the ID while the plumbing runs, so a concurrent create takes another one.
    const record: EndpointRecord = {id, name: req.name, namespace: req.namespace,
      link: {netns, hostInterface: '', hostIfindex: 0, hostMac: '', containerInterface: 'eth0', mac: '', ipv4, router: this.pool.router}}
    this.records.set(id, record)
    try {
      record.link = await createEndpointLink(netns, ipv4, this.pool.router)
    } catch (err) {
      this.records.delete(id)
      this.pool.release(ipv4)
      throw err
    }
    const labels = [...new Set([...req.labels, `k8s:io.kubernetes.pod.namespace=${req.namespace}`])]
    let ep: Endpoint
    try {
      ep = createEndpoint(this.state, id, {state: 'waiting-for-identity', labels, 'container-name': req.name,
        'k8s-pod-name': req.name, 'k8s-namespace': req.namespace, 'interface-name': record.link.hostInterface,
        'interface-index': record.link.hostIfindex, mac: record.link.mac, 'host-mac': record.link.hostMac,
        addressing: {ipv4}})
    } catch (err) {
      this.records.delete(id)
      this.pool.release(ipv4)
      await deleteEndpointLink(netns, record.link.hostInterface)
      throw err
    }
    this.log.info('Created endpoint', {subsys: 'endpoint', endpointID: id, name: req.name, ipv4, identity: ep.status?.identity?.id,
      netns, interface: record.link.hostInterface})
    await this.queue.run(() => this.attach(id, 'Initial build'))
    await this.sync()
    return ep
  }

  /** Removes an endpoint this agent made: datapath, namespace, veth, address, identity reference. */
  async remove(id: number): Promise<void> {
    const record = this.records.get(id)
    if (!record) throw new StateError(404, `endpoint ${id} not found`)
    deleteEndpoint(this.state, id)
    await this.queue.run(async () => {
      await this.datapath.detach(id)
      this.attached.delete(id)
      this.appliedPolicy.delete(id)
      this.appliedOptions.delete(id)
    })
    await deleteEndpointLink(record.link.netns, record.link.hostInterface)
    this.pool.release(record.link.ipv4)
    this.records.delete(id)
    this.persist()
    this.log.info('Deleted endpoint', {subsys: 'endpoint', endpointID: id, name: record.name})
  }

  /**
   * Takes back endpoints from a saved state (their models are already in the REST state): claims
   * their addresses and re-attaches the datapath. An endpoint whose namespace is gone is dropped
   * from the state, with a warning. Returns the IDs restored.
   */
  async restore(records: readonly EndpointRecord[]): Promise<number[]> {
    const restored: number[] = []
    for (const r of records) {
      if (!this.state.endpoints.has(r.id)) {
        // Deleted from the state, but the agent stopped before the plumbing was gone.
        await deleteEndpointLink(r.link.netns, r.link.hostInterface)
        continue
      }
      const ifindex = netnsExists(r.link.netns) ? await hostIfindex(r.link.hostInterface) : undefined
      if (ifindex === undefined) {
        this.log.warn('Endpoint network namespace is gone; dropping the endpoint', {subsys: 'endpoint', endpointID: r.id, netns: r.link.netns})
        deleteEndpoint(this.state, r.id)
        await deleteEndpointLink(r.link.netns, r.link.hostInterface)
        continue
      }
      this.pool.claim(r.link.ipv4)
      this.records.set(r.id, {...r, link: {...r.link, hostIfindex: ifindex}})
      const ep = this.state.endpoints.get(r.id)
      if (ep?.status?.networking) ep.status.networking['interface-index'] = ifindex
      await this.queue.run(() => this.attach(r.id, 'syncing state to host'))
      restored.push(r.id)
    }
    return restored
  }

  private freeId(): number {
    for (let id = 1; id <= maxEndpointId; id++) if (!this.records.has(id) && !this.state.endpoints.has(id)) return id
    throw new StateError(500, `no free endpoint ID below ${maxEndpointId}`)
  }

  private datapathEndpoint(id: number): DatapathEndpoint | undefined {
    const r = this.records.get(id)
    const ep = this.state.endpoints.get(id)
    if (!r || !ep) return undefined
    return {id, identity: ep.status?.identity?.id ?? 0, ipv4: r.link.ipv4, mac: r.link.mac, hostMac: r.link.hostMac,
      hostInterface: r.link.hostInterface, hostIfindex: r.link.hostIfindex, netns: r.link.netns,
      options: ep.status?.realized?.options ?? {}}
  }

  // Runs inside the queue.
  // An endpoint is ready once its programs are attached; one that failed to attach is not-ready.
  // `reason` is the regeneration reason the status log names, as Cilium's.
  private async attach(id: number, reason: 'Initial build' | 'syncing state to host'): Promise<void> {
    const dep = this.datapathEndpoint(id)
    if (!dep) return
    const ep = this.state.endpoints.get(id)
    const status = ep?.status
    try {
      await this.datapath.attach(dep)
    } catch (err) {
      if (ep && status) {
        status.state = 'not-ready'
        status.health = {...status.health, bpf: 'Failure', overallHealth: 'Failure'}
        logStatus(ep, statusChange('Failure', 'not-ready', `Error regenerating endpoint: ${(err as Error).message}`))
      }
      throw err
    }
    if (ep && status) {
      status.state = 'ready'
      status.health = {...status.health, bpf: 'OK', overallHealth: 'OK'}
      logStatus(ep, statusChange('OK', 'ready', `Successfully regenerated endpoint program (Reason: ${reason})`))
    }
    this.attached.add(id)
    this.log.debug('Attached datapath', {subsys: 'datapath', endpointID: id, ifindex: dep.hostIfindex})
  }

  private controller(name: string): Controller {
    let c = this.controllers.get(name)
    if (!c) this.controllers.set(name, c = new Controller(name))
    return c
  }

  /**
   * Brings the datapath in step with the state: ipcache first (a new peer must have its identity
   * before a policy names it), then each attached endpoint's options and policy entries when
   * they changed. Calls made while a sync waits in the queue share it.
   */
  sync(): Promise<void> {
    if (this.syncQueued) return this.syncQueued
    const queued = this.queue.run(async () => {
      this.syncQueued = undefined
      await this.syncNow()
    })
    this.syncQueued = queued
    return queued
  }

  private async syncNow(): Promise<void> {
    const errors: string[] = []
    const rows = ipcacheRows(this.state)
    const rowsKey = JSON.stringify(rows)
    if (rowsKey !== this.appliedIpcache) {
      try {
        await this.datapath.syncIpcache(rows)
        this.appliedIpcache = rowsKey
        this.controller('sync-ipcache').record()
      } catch (err) {
        errors.push(`ipcache: ${(err as Error).message}`)
        this.controller('sync-ipcache').record((err as Error).message)
      }
    }
    for (const name of this.controllers.keys()) {
      const m = /^sync-policymap-(\d+)$/.exec(name)
      if (m && !this.attached.has(Number(m[1]))) this.controllers.delete(name)
    }
    for (const id of this.attached) {
      const ep = this.state.endpoints.get(id)
      const policy = this.state.policies.get(id)
      if (!ep || !policy) continue
      const options = ep.status?.realized?.options ?? {}
      const optionsKey = JSON.stringify(options)
      try {
        if (optionsKey !== this.appliedOptions.get(id)) {
          await this.datapath.setOptions(id, options)
          this.appliedOptions.set(id, optionsKey)
        }
        const policyKey = JSON.stringify([policy.entries, policy.ingressEnforced, policy.egressEnforced])
        if (policyKey !== this.appliedPolicy.get(id)) {
          await this.datapath.applyPolicy(id, policy)
          this.appliedPolicy.set(id, policyKey)
        }
        this.controller(`sync-policymap-${id}`).record()
      } catch (err) {
        errors.push(`endpoint ${id}: ${(err as Error).message}`)
        this.controller(`sync-policymap-${id}`).record((err as Error).message)
      }
    }
    for (const e of errors) this.log.error('Datapath sync failed', {subsys: 'datapath', error: e})
  }
}
