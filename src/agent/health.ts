/**
 * GET /healthz from what the agent actually holds, in Cilium's model (research/cilium.md §4.3,
 * §4.8): `cilium` is Ok only when the datapath is loaded, every endpoint is ready and no
 * controller is failing; a missing datapath or an endpoint that is not ready makes it Warning,
 * a failing datapath write makes it Failure, and its msg says which. Controllers carry the
 * datapath syncs (one per endpoint policy map, one for the ipcache) with their counts, and
 * `hubble` is Ok only while the Hubble server listens.
 */
import {statSync} from 'node:fs'
import type {DaemonConfiguration, Endpoint, Status, StatusResponse} from '../api/models.js'
import type {DatapathStatus} from './datapath.js'

/**
 * For a unix socket a server has just bound: a check that clients can still reach that server
 * through the path, i.e. the path still names the very socket file it bound (not removed, not
 * replaced by another process's socket). Throws the stat error when the path is not there now.
 */
export function boundSocketCheck(path: string): () => boolean {
  const bound = statSync(path)
  return () => {
    try {
      const now = statSync(path)
      return now.isSocket() && now.ino === bound.ino && now.dev === bound.dev
    } catch {
      return false
    }
  }
}

/** A controller as the API reports it (ControllerStatus). */
export interface ControllerStatus {
  name: string
  status: {
    'success-count': number
    'last-success-timestamp'?: string
    'failure-count': number
    'last-failure-timestamp'?: string
    'consecutive-failure-count': number
    'last-failure-msg'?: string
  }
}

/** Run counts of one controller; `record` after every run. */
export class Controller {
  readonly status: ControllerStatus['status'] = {'success-count': 0, 'failure-count': 0, 'consecutive-failure-count': 0}
  constructor(readonly name: string) {}

  record(error?: string, now = new Date()): void {
    const s = this.status
    if (error === undefined) {
      s['success-count']++
      s['last-success-timestamp'] = now.toISOString()
      s['consecutive-failure-count'] = 0
    } else {
      s['failure-count']++
      s['consecutive-failure-count']++
      s['last-failure-timestamp'] = now.toISOString()
      s['last-failure-msg'] = error
    }
  }

  toJSON(): ControllerStatus {
    return {name: this.name, status: {...this.status}}
  }
}

export interface HubbleHealth {
  /** Whether the Hubble server listens on its socket now. */
  listening: boolean
  maxFlows: number
  currentFlows: number
  seenFlows: number
  uptimeMs: number
}

/**
 * The node monitor's figures (the MonitorStatus cpus/npages/pagesize of /healthz): Cilium's
 * reader has one perf ring per possible CPU, `npages` pages of `pagesize` bytes each. Our
 * datapath writes every CPU's events into one shared BPF ring buffer, so here `cpus` is the
 * CPUs online (each of them writes into the ring) and `npages` x `pagesize` is that one ring's
 * size: the same "N CPUs with PxS of shared memory" text, describing what is really mapped.
 */
export interface NodeMonitorFigures {
  cpus: number
  npages: number
  pagesize: number
}

export interface HealthInputs {
  version: string
  datapath: DatapathStatus
  endpoints: readonly Endpoint[]
  controllers: readonly ControllerStatus[]
  /** Absent when this server has no Hubble server at all. */
  hubble?: HubbleHealth
  /** Datapath events lost so far. */
  lostEvents: number
  /** The ring the agent reads events from; absent when it reads none (no datapath): the node monitor is Disabled. */
  nodeMonitor?: NodeMonitorFigures
  config: DaemonConfiguration
  revision: number
  ipam?: {cidr: string; allocated: number; capacity: number; allocations: Record<string, string>; router: string}
}

/** The `cilium` section: Ok, Warning or Failure, with the version and every reason that is not Ok. */
export function ciliumStatus(i: HealthInputs): Status {
  const failing = i.controllers.filter((c) => c.status['consecutive-failure-count'] > 0)
  const notReady = i.endpoints.filter((ep) => ep.status?.state !== 'ready')
  const reasons: string[] = []
  if (i.datapath.state !== 'Ok') reasons.push(i.datapath.msg)
  if (notReady.length > 0) {
    reasons.push(`${notReady.length}/${i.endpoints.length} endpoints not ready (${notReady.map((ep) => `${ep.id} ${ep.status?.state ?? 'unknown'}`).join(', ')})`)
  }
  for (const c of failing) reasons.push(`controller ${c.name}: ${c.status['last-failure-msg'] ?? 'failing'}`)
  if (i.hubble && !i.hubble.listening) reasons.push('hubble server not listening')
  const state = i.datapath.state === 'Failure' || failing.length > 0 ? 'Failure' : reasons.length > 0 ? 'Warning' : 'Ok'
  return {state, msg: [`ciliumkit ${i.version}`, ...reasons].join('; ')}
}

function hubbleSection(h: HubbleHealth | undefined): Record<string, unknown> {
  if (!h) return {state: 'Disabled'}
  if (!h.listening) return {state: 'Failure', msg: 'Server not listening'}
  return {state: 'Ok', observer: {'max-flows': h.maxFlows, 'current-flows': h.currentFlows, 'seen-flows': h.seenFlows,
    uptime: `${(h.uptimeMs / 1000).toFixed(3)}s`}, metrics: {state: 'Disabled'}}
}

/** The StatusResponse the agent answers GET /healthz with. */
export function healthz(i: HealthInputs): StatusResponse {
  const ipam = i.ipam
  return {
    cilium: ciliumStatus(i),
    kvstore: {state: 'Ok', msg: 'Disabled'},
    'container-runtime': {state: 'Ok', msg: 'Disabled'},
    kubernetes: {state: 'Disabled'},
    'host-firewall': {mode: 'Disabled'},
    'cni-chaining': {mode: 'none'},
    ...(i.nodeMonitor ? {nodeMonitor: {...i.nodeMonitor, lost: i.lostEvents, unknown: 0}} : {}),
    ...(ipam ? {ipam: {ipv4: [ipam.cidr], allocations: ipam.allocations,
      status: `IPv4: ${ipam.allocated}/${ipam.capacity} allocated from ${ipam.cidr}`}} : {}),
    'identity-range': {'min-identity': 256, 'max-identity': 65535},
    controllers: [...i.controllers],
    ...(ipam ? {proxy: {ip: ipam.router, 'port-range': '10000-20000', 'total-redirects': 0}} : {}),
    hubble: hubbleSection(i.hubble),
    routing: {'inter-host-routing-mode': 'Native', 'intra-host-routing-mode': 'Legacy'},
    masquerading: {enabled: false},
    encryption: {mode: 'Disabled'},
    'attach-mode': 'tc',
    'datapath-mode': 'veth',
    datapath: i.datapath,
    'policy-enforcement': i.config.status?.realized?.['policy-enforcement'],
    'policy-revision': i.revision,
  }
}
