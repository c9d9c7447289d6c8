/**
 * The state the agent's REST layer serves: endpoints (as API models), identities, the policy
 * repository and the daemon configuration, plus the regeneration that turns them into each
 * endpoint's policy map entries. Plain data and functions; the agent wires the datapath in
 * through `onRegenerate`, which receives the entries to write.
 */
import type {flow} from '../../hubble/proto/index.js'
import {IdentityAllocator} from '../../identity/allocator.js'
import {prefixString} from '../../identity/cidr.js'
import {buildIpcache, type IpcacheEntry} from '../../identity/ipcache.js'
import {type Label, containsLabels, parseLabel} from '../../identity/labels.js'
import type {DaemonConfiguration, Endpoint, EndpointChangeRequest, EndpointPolicy, EndpointState, EndpointStatusChange} from '../../api/models.js'
import {defaultEndpointOptions} from '../../api/options.js'
import {type EndpointInput, type EndpointPolicy as ComputedPolicy, type EnforcementMode, ProxyPorts,
  computeAllEndpointPolicies, policyCidrPrefixes} from '../../policy/entries.js'
import {PolicyRepository} from '../../policy/repository.js'
import {CiliumkitError} from '../../errors.js'

export interface AgentState {
  repository: PolicyRepository
  identities: IdentityAllocator
  endpoints: Map<number, Endpoint>
  config: DaemonConfiguration
  clusterName: string
  /** The last computed policy of every endpoint: the entries the datapath writes. */
  policies: Map<number, ComputedPolicy>
  /** Prefix text -> local identity held for a CIDR that the rules name. */
  cidrIdentities: Map<string, number>
  proxyPorts: ProxyPorts
  /** Called after every regeneration with the new policies (the agent writes the maps here). */
  onRegenerate?: (policies: ReadonlyMap<number, ComputedPolicy>, revision: number) => void
  /** Hubble's agent events (`hubble observe agent-events`): endpoints made and removed, policy changes. */
  onAgentEvent?: (event: flow.IAgentEvent) => void
  /** This node's addresses, for the ipcache. */
  hostIps: string[]
}

export interface AgentStateOptions {
  identities?: IdentityAllocator
  repository?: PolicyRepository
  enforcement?: EnforcementMode
  clusterName?: string
  onRegenerate?: AgentState['onRegenerate']
  hostIps?: string[]
}

export function createAgentState(o: AgentStateOptions = {}): AgentState {
  const enforcement = o.enforcement ?? 'default'
  return {
    repository: o.repository ?? new PolicyRepository(),
    identities: o.identities ?? new IdentityAllocator(),
    endpoints: new Map(),
    // The daemon's options are the defaults of new endpoints; `cilium config` changes them on every endpoint.
    config: {spec: {options: {...defaultEndpointOptions}, 'policy-enforcement': enforcement},
      status: {realized: {options: {...defaultEndpointOptions}, 'policy-enforcement': enforcement}, immutable: {}}},
    clusterName: o.clusterName ?? 'default',
    policies: new Map(),
    cidrIdentities: new Map(),
    proxyPorts: new ProxyPorts(),
    onRegenerate: o.onRegenerate,
    hostIps: o.hostIps ?? [],
  }
}

/** A request the state cannot satisfy; `status` is the HTTP status the API answers with. */
export class StateError extends CiliumkitError {
  constructor(readonly status: number, message: string) {
    super(message)
  }
}

export function enforcementMode(state: AgentState): EnforcementMode {
  return state.config.status?.realized?.['policy-enforcement'] ?? 'default'
}

/** An endpoint's security labels. */
export function endpointLabels(ep: Endpoint): Label[] {
  return (ep.status?.labels?.['security-relevant'] ?? []).map((l) => parseLabel(l))
}

function orchestrationLabels(ep: Endpoint): string[] {
  const user = new Set(ep.status?.labels?.realized?.user ?? [])
  return (ep.status?.labels?.['security-relevant'] ?? []).filter((l) => !user.has(l))
}

/**
 * Creates an endpoint from an EndpointChangeRequest: allocates the identity of its labels and
 * regenerates. Throws StateError 409 when the ID exists, 400 for an ID outside 1..65535.
 */
export function createEndpoint(state: AgentState, id: number, req: EndpointChangeRequest): Endpoint {
  if (!Number.isInteger(id) || id < 1 || id > 0xFFFF) throw new StateError(400, `invalid endpoint ID ${id}`)
  if (state.endpoints.has(id)) throw new StateError(409, `endpoint ID ${id} exists`)
  const labels = [...new Set(req.labels ?? [])].map((l) => parseLabel(l))
  const identity = state.identities.allocate(labels)
  const options = {...defaultEndpointOptions, ...state.config.status?.realized?.options}
  const ep: Endpoint = {
    id,
    spec: {options: {...options}, 'label-configuration': {user: []}},
    status: {
      'external-identifiers': {
        ...(req['container-id'] ? {'container-id': req['container-id']} : {}),
        ...(req['container-name'] ? {'container-name': req['container-name']} : {}),
        ...(req['k8s-pod-name'] ? {'k8s-pod-name': req['k8s-pod-name'], 'pod-name': `${req['k8s-namespace'] ?? 'default'}/${req['k8s-pod-name']}`} : {}),
        ...(req['k8s-namespace'] ? {'k8s-namespace': req['k8s-namespace']} : {}),
      },
      identity,
      labels: {realized: {user: []}, 'security-relevant': labels.map(labelText).sort(),
        derived: [], disabled: []},
      realized: {options: {...options}, 'label-configuration': {user: []}},
      networking: {addressing: req.addressing ? [req.addressing] : [],
        ...(req['interface-name'] ? {'interface-name': req['interface-name']} : {}),
        ...(req['interface-index'] !== undefined ? {'interface-index': req['interface-index']} : {}),
        ...(req.mac ? {mac: req.mac} : {}), ...(req['host-mac'] ? {'host-mac': req['host-mac']} : {})},
      state: req.state === 'invalid' ? 'invalid' : 'ready',
      log: [statusChange('OK', 'ready', 'Endpoint created')],
      health: {overallHealth: 'OK', bpf: 'OK', policy: 'OK', connected: true},
    },
  }
  state.endpoints.set(id, ep)
  regenerate(state)
  state.onAgentEvent?.({type: flowAgentEventType.ENDPOINT_CREATED, endpointUpdate: endpointUpdate(ep)})
  return ep
}

/**
 * An entry of an endpoint's status log as the real agent writes it: RFC 3339 in UTC to the
 * second, `OK` or `Failure`. The log is newest first.
 */
export function statusChange(code: 'OK' | 'Failure', state: EndpointState, message: string, now = new Date()): EndpointStatusChange {
  return {timestamp: now.toISOString().replace(/\.\d{3}Z$/, 'Z'), code, message, state}
}

/** Puts a status change at the head of the endpoint's log (kept to the newest `maxStatusLog`). */
export function logStatus(ep: Endpoint, change: EndpointStatusChange): void {
  if (!ep.status) return
  ep.status.log = [change, ...(ep.status.log ?? [])].slice(0, maxStatusLog)
}

const maxStatusLog = 16

const labelText = (l: Label): string => (l.value === '' ? `${l.source}:${l.key}` : `${l.source}:${l.key}=${l.value}`)

/** Deletes an endpoint and releases its identity. Throws StateError 404 when it does not exist. */
export function deleteEndpoint(state: AgentState, id: number): void {
  const ep = state.endpoints.get(id)
  if (!ep) throw new StateError(404, `endpoint ${id} not found`)
  if (ep.status?.identity) state.identities.release(ep.status.identity.id)
  state.endpoints.delete(id)
  state.policies.delete(id)
  regenerate(state)
  state.onAgentEvent?.({type: flowAgentEventType.ENDPOINT_DELETED, endpointUpdate: endpointUpdate(ep)})
}

/** flow.AgentEventType values (the proto's numbering). */
export const flowAgentEventType = {AGENT_STARTED: 2, POLICY_UPDATED: 3, POLICY_DELETED: 4, ENDPOINT_CREATED: 7,
  ENDPOINT_DELETED: 8} as const

function endpointUpdate(ep: Endpoint): flow.IEndpointUpdateNotification {
  const ids = ep.status?.['external-identifiers']
  return {id: ep.id, labels: ep.status?.labels?.['security-relevant'] ?? [],
    ...(ids?.['k8s-namespace'] ? {namespace: ids['k8s-namespace']} : {}), ...(ids?.['k8s-pod-name'] ? {podName: ids['k8s-pod-name']} : {})}
}

/** Replaces an endpoint's user labels; its identity follows the new label set. */
export function setUserLabels(state: AgentState, id: number, user: readonly string[]): void {
  const ep = state.endpoints.get(id)
  if (!ep?.status) throw new StateError(404, `endpoint ${id} not found`)
  const parsed = user.map((l) => labelText(parseLabel(l)))
  const all = [...new Set([...orchestrationLabels(ep), ...parsed])].sort()
  const old = ep.status.identity?.id
  ep.status.identity = state.identities.allocate(all.map((l) => parseLabel(l)))
  if (old !== undefined) state.identities.release(old)
  ep.status.labels = {...ep.status.labels, realized: {user: parsed}, 'security-relevant': all}
  if (ep.spec) ep.spec['label-configuration'] = {user: parsed}
  regenerate(state)
}

/** Endpoints whose labels contain all of `filter` (every endpoint for an empty filter). */
export function findEndpoints(state: AgentState, filter: readonly Label[]): Endpoint[] {
  return [...state.endpoints.values()].filter((ep) => containsLabels(endpointLabels(ep), filter)).sort((a, b) => a.id - b.id)
}

function endpointInput(ep: Endpoint): EndpointInput {
  const labels = endpointLabels(ep)
  return {id: ep.id, identity: ep.status?.identity?.id ?? 0, labels,
    isHost: labels.some((l) => l.source === 'reserved' && l.key === 'host'),
    auditMode: ep.status?.realized?.options?.PolicyAuditMode === 'Enabled',
    namedPorts: Object.fromEntries((ep.status?.namedPorts ?? []).filter((p) => p.name && p.port)
      .map((p) => [String(p.name).toLowerCase(), {port: p.port as number, protocol: p.protocol ?? 'TCP'}]))}
}

/** Keeps one local identity per CIDR the rules name, releasing those no rule names any more. */
function syncCidrIdentities(state: AgentState): void {
  const wanted = new Map(policyCidrPrefixes(state.repository.list()).map((p) => [prefixString(p), p]))
  // One write of the identity store for all of it, not one per CIDR.
  state.identities.batch(() => {
    for (const [text, id] of state.cidrIdentities) {
      if (!wanted.has(text)) {
        state.identities.release(id)
        state.cidrIdentities.delete(text)
      }
    }
    for (const [text, p] of wanted) if (!state.cidrIdentities.has(text)) state.cidrIdentities.set(text, state.identities.allocateCidr(p).id)
  })
}

/**
 * Recomputes every endpoint's policy from the repository, records the realized revision and
 * enforcement in each endpoint's status, and hands the entries to `onRegenerate`.
 */
export function regenerate(state: AgentState): void {
  syncCidrIdentities(state)
  const identities = state.identities.selectable()
  const endpoints = [...state.endpoints.values()]
  const computed = computeAllEndpointPolicies(endpoints.map(endpointInput), {rules: state.repository.list(), identities,
    enforcement: enforcementMode(state), clusterName: state.clusterName, proxyPorts: state.proxyPorts})
  const revision = state.repository.revision
  state.policies = new Map(computed.map((p) => [p.endpointId, p]))
  for (const ep of endpoints) {
    const p = state.policies.get(ep.id)
    if (!p || !ep.status) continue
    const ids = (egress: boolean, deny: boolean): number[] =>
      [...new Set(p.entries.filter((e) => e.egress === egress && e.deny === deny).map((e) => e.identity))].sort((a, b) => a - b)
    const policy: EndpointPolicy = {'policy-revision': revision, id: ep.status.identity?.id, 'policy-enabled': p.policyEnabled,
      build: revision, 'allowed-ingress-identities': ids(false, false), 'denied-ingress-identities': ids(false, true),
      'allowed-egress-identities': ids(true, false), 'denied-egress-identities': ids(true, true)}
    ep.status.policy = {spec: policy, realized: policy, 'proxy-policy-revision': revision}
  }
  state.onRegenerate?.(state.policies, revision)
}

/** The ipcache rows of the current state. */
export function ipcacheRows(state: AgentState): IpcacheEntry[] {
  const cidrs = [...state.cidrIdentities.values()].flatMap((id) => {
    const prefix = state.identities.prefixOf(id)
    return prefix ? [{prefix, identity: id}] : []
  })
  const endpoints = [...state.endpoints.values()].map((ep) => ({
    ips: (ep.status?.networking?.addressing ?? []).flatMap((a) => [a.ipv4, a.ipv6].filter((x): x is string => !!x)),
    identity: ep.status?.identity?.id ?? 0,
    namespace: ep.status?.['external-identifiers']?.['k8s-namespace'],
    name: ep.status?.['external-identifiers']?.['k8s-pod-name'],
  }))
  return buildIpcache({endpoints, cidrIdentities: cidrs, hostIps: state.hostIps})
}

/**
 * The daemon configuration changes `cilium config` made (PATCH /config), as the state dir keeps
 * them: the options, and PolicyEnforcement with the --enable-policy flag it was set under.
 */
export interface SavedDaemonConfig {
  options: Record<string, string>
  policyEnforcement: EnforcementMode
  enablePolicyFlag: EnforcementMode
}

export function saveDaemonConfig(state: AgentState, enablePolicyFlag: EnforcementMode): SavedDaemonConfig {
  return {options: {...state.config.status?.realized?.options}, policyEnforcement: enforcementMode(state), enablePolicyFlag}
}

/**
 * Puts saved changes back after a restart. PolicyEnforcement comes back only when the agent
 * starts with the same --enable-policy as when it was set: a different flag is the newer word.
 */
export function restoreDaemonConfig(state: AgentState, saved: SavedDaemonConfig, enablePolicyFlag: EnforcementMode): void {
  const realized = {...state.config.status?.realized, options: {...state.config.status?.realized?.options, ...saved.options}}
  if (saved.enablePolicyFlag === enablePolicyFlag) realized['policy-enforcement'] = saved.policyEnforcement
  state.config.status = {...state.config.status, realized}
  state.config.spec = {...realized, options: {...realized.options}}
}
