/**
 * One handler per agent API operation, over a plain AgentState. Status codes and bodies follow
 * the real agent (research/cilium.md §4.2): errors are a bare JSON string, a policy body that
 * is not a rules array is 400, a rule that fails validation is 500 with its message.
 */
import {release} from 'node:os'
import {parsePrefix, prefixContains} from '../../identity/cidr.js'
import {containsLabels, hasLabel, parseLabel} from '../../identity/labels.js'
import {ciliumVersionString} from '../../lib/version.js'
import type {DaemonConfiguration, EndpointChangeRequest, EndpointConfigurationSpec, LabelConfigurationSpec,
  SelectorIdentityMapping, SelectorLabelArray} from '../../api/models.js'
import {formatOptionValue, optionName, parseOptionValue} from '../../api/options.js'
import type {OperationName} from '../../api/routes.js'
import {SelectorCache} from '../../policy/entries.js'
import {PolicyNotFoundError, PolicyValidationError, parseLabelFilter, rulesJson} from '../../policy/repository.js'
import type {EndpointSelector} from '../../policy/types.js'
import {CiliumkitError} from '../../errors.js'
import {type AgentState, StateError, createEndpoint, deleteEndpoint, findEndpoints, flowAgentEventType, ipcacheRows,
  regenerate, setUserLabels} from './state.js'

export interface ApiRequest {
  params: Record<string, string>
  query: URLSearchParams
  headers: Record<string, string | string[] | undefined>
  /** The JSON body, already parsed (undefined when empty). */
  body: unknown
}

export interface ApiResponse {
  status: number
  body?: unknown
  /**
   * A streamed body (200, JSON objects one per line) instead of `body`: writes until it resolves,
   * or, following, until `closed` aborts (the client went away).
   */
  stream?: (write: (line: string) => void, closed: AbortSignal) => Promise<void>
}

type Handler = (state: AgentState, req: ApiRequest) => ApiResponse

/** Options of a PATCH, validated, by canonical name, as the agent reports them (Enabled, Medium, ...). */
function optionChanges(options: Readonly<Record<string, unknown>>): Record<string, string> {
  const changes: Record<string, string> = {}
  for (const [k, v] of Object.entries(options)) changes[optionName(k)] = formatOptionValue(k, parseOptionValue(k, String(v)))
  return changes
}

const ok = (body?: unknown): ApiResponse => ({status: 200, body})
const fail = (status: number, message: string): ApiResponse => ({status, body: message})

/**
 * An endpoint ID as the API takes it: a number, or `cilium-local:N`; also `container-id:`,
 * `container-name:` and `pod-name:ns/name` prefixes. Throws StateError 400/404.
 */
export function resolveEndpointId(state: AgentState, text: string): number {
  const colon = text.indexOf(':')
  const prefix = colon < 0 ? 'cilium-local' : text.slice(0, colon)
  const value = colon < 0 ? text : text.slice(colon + 1)
  switch (prefix) {
    case 'cilium-local': {
      if (!/^\d+$/.test(value) || Number(value) > 0xFFFF) throw new StateError(400, `invalid endpoint ID: "${text}"`)
      return Number(value)
    }
    case 'container-id': case 'container-name': case 'pod-name': {
      const field = prefix === 'pod-name' ? 'pod-name' : prefix
      const ep = [...state.endpoints.values()].find((e) => e.status?.['external-identifiers']?.[field] === value)
      if (!ep) throw new StateError(404, `endpoint ${text} not found`)
      return ep.id
    }
    default: throw new StateError(400, `unknown endpoint ID prefix "${prefix}"`)
  }
}

function endpointOf(state: AgentState, req: ApiRequest) {
  const id = resolveEndpointId(state, req.params.id)
  const ep = state.endpoints.get(id)
  if (!ep) throw new StateError(404, `endpoint ${id} not found`)
  return ep
}

/** The labels a GET/DELETE carries in its body (a JSON array of label strings). */
function bodyLabels(body: unknown): string[] {
  if (body === undefined || body === null) return []
  if (!Array.isArray(body) || !body.every((l) => typeof l === 'string')) throw new StateError(400, 'labels must be an array of strings')
  return body
}

function selectorText(s: EndpointSelector): string {
  return JSON.stringify(s)
}

/** Every operation but those of the running agent: GET /healthz (src/agent/health.ts) and the datapath's maps and their events (map-cache.ts). */
export type StateOperation = Exclude<OperationName, 'getHealthz' | 'getMap' | 'getMapName' | 'getMapNameEvents'>

export const handlers: Record<StateOperation, Handler> = {
  getDebuginfo: (state) => ok({'cilium-version': ciliumVersionString(),
    'kernel-version': release(), 'endpoint-list': [...state.endpoints.values()],
    policy: {revision: state.repository.revision, policy: rulesJson(state.repository.get([]))}}),
  getConfig: (state) => ok(state.config),
  patchConfig: (state, req) => {
    const spec = (req.body ?? {}) as DaemonConfiguration['spec']
    const mode = spec?.['policy-enforcement']
    if (mode !== undefined && !['default', 'always', 'never'].includes(mode)) {
      return fail(400, `invalid policy enforcement mode "${mode}"`)
    }
    let changes: Record<string, string>
    try {
      changes = optionChanges(spec?.options ?? {})
    } catch (err) {
      return fail(400, (err as Error).message)
    }
    const realized = state.config.status?.realized ?? {}
    state.config.status = {...state.config.status, realized: {...realized, options: {...realized.options, ...changes},
      ...(mode ? {'policy-enforcement': mode} : {})}}
    state.config.spec = state.config.status.realized
    // As the real agent does, a daemon option changed is changed on every endpoint.
    for (const ep of state.endpoints.values()) {
      if (!ep.status || Object.keys(changes).length === 0) continue
      const options = {...ep.status.realized?.options, ...changes}
      ep.status.realized = {...ep.status.realized, options}
      ep.spec = {...ep.spec, options}
    }
    regenerate(state)
    return ok()
  },
  getEndpoint: (state, req) => {
    const filter = bodyLabels(req.body).map((l) => parseLabel(l))
    const eps = findEndpoints(state, filter)
    if (filter.length > 0 && eps.length === 0) return fail(404, 'no endpoint with these labels')
    return ok(eps)
  },
  getEndpointId: (state, req) => ok(endpointOf(state, req)),
  putEndpointId: (state, req) => {
    const id = resolveEndpointId(state, req.params.id)
    const body = (req.body ?? {}) as EndpointChangeRequest
    if (typeof body !== 'object' || Array.isArray(body)) return fail(400, 'invalid endpoint change request')
    return {status: 201, body: createEndpoint(state, id, body)}
  },
  patchEndpointId: (state, req) => {
    const ep = endpointOf(state, req)
    const body = (req.body ?? {}) as EndpointChangeRequest
    if (body.labels) setUserLabels(state, ep.id, body.labels)
    if (body.state && ep.status) ep.status.state = body.state
    return ok()
  },
  deleteEndpointId: (state, req) => {
    deleteEndpoint(state, endpointOf(state, req).id)
    return ok()
  },
  getEndpointIdConfig: (state, req) => {
    const ep = endpointOf(state, req)
    return ok({realized: ep.status?.realized ?? {}, immutable: {}})
  },
  patchEndpointIdConfig: (state, req) => {
    const ep = endpointOf(state, req)
    const spec = (req.body ?? {}) as EndpointConfigurationSpec
    let changes: Record<string, string>
    try {
      changes = optionChanges(spec.options ?? {})
    } catch (err) {
      return fail(400, (err as Error).message)
    }
    if (!ep.status) return fail(500, 'endpoint has no status')
    const options = {...ep.status.realized?.options, ...changes}
    ep.status.realized = {...ep.status.realized, options}
    ep.spec = {...ep.spec, options}
    regenerate(state)
    return ok()
  },
  getEndpointIdLabels: (state, req) => {
    const ep = endpointOf(state, req)
    const status = ep.status?.labels ?? {}
    return ok({spec: {user: status.realized?.user ?? []}, status})
  },
  patchEndpointIdLabels: (state, req) => {
    const ep = endpointOf(state, req)
    const spec = (req.body ?? {}) as LabelConfigurationSpec
    setUserLabels(state, ep.id, spec.user ?? [])
    return ok()
  },
  getEndpointIdLog: (state, req) => ok(endpointOf(state, req).status?.log ?? []),
  getEndpointIdHealthz: (state, req) => ok(endpointOf(state, req).status?.health ?? {}),
  getIdentity: (state, req) => {
    const filter = bodyLabels(req.body).map((l) => parseLabel(l))
    const all = state.identities.list().filter((i) => i.id !== 0)
    const found = all.filter((i) => filter.every((f) => hasLabel(i.labels.map((l) => parseLabel(l)), f)))
    if (filter.length > 0 && found.length === 0) return fail(404, 'identity not found')
    return ok(found)
  },
  getIdentityEndpoints: (state) => {
    const refs = new Map<number, number>()
    for (const ep of state.endpoints.values()) {
      const id = ep.status?.identity?.id
      if (id !== undefined) refs.set(id, (refs.get(id) ?? 0) + 1)
    }
    if (refs.size === 0) return fail(404, 'no identities in use by endpoints')
    return ok([...refs].sort(([a], [b]) => a - b).map(([id, refCount]) => ({identity: state.identities.get(id), refCount})))
  },
  getIdentityId: (state, req) => {
    if (!/^\d+$/.test(req.params.id)) return fail(400, `invalid identity "${req.params.id}"`)
    const identity = state.identities.get(Number(req.params.id))
    return identity ? ok(identity) : fail(404, `identity ${req.params.id} not found`)
  },
  getPolicy: (state, req) => {
    const rules = state.repository.get(parseLabelFilter(bodyLabels(req.body)))
    return ok({revision: state.repository.revision, policy: rulesJson(rules)})
  },
  putPolicy: (state, req) => {
    if (typeof req.body !== 'string') return fail(400, 'policy must be a JSON string holding an array of rules')
    let rules: unknown
    try {
      rules = JSON.parse(req.body)
    } catch (err) {
      return fail(400, (err as Error).message)
    }
    if (!Array.isArray(rules)) return fail(400, 'policy must be an array of rules')
    const replaceWithLabels = req.query.getAll('replace-with-labels').flatMap((l) => l.split(',')).filter(Boolean)
    state.repository.add(rules, {replace: req.query.get('replace') === 'true', replaceWithLabels: parseLabelFilter(replaceWithLabels)})
    regenerate(state)
    const added = rules.length ? state.repository.list().slice(-rules.length) : []
    state.onAgentEvent?.({type: flowAgentEventType.POLICY_UPDATED, policyUpdate: {revision: state.repository.revision,
      ruleCount: added.length, labels: [...new Set(added.flatMap((r) => (r.labels ?? []).map((l) => `${l.source}:${l.key}=${l.value}`)))]}})
    return ok({revision: state.repository.revision, policy: rulesJson(added)})
  },
  deletePolicy: (state, req) => {
    const labels = bodyLabels(req.body)
    const {deleted} = state.repository.delete(parseLabelFilter(labels))
    regenerate(state)
    state.onAgentEvent?.({type: flowAgentEventType.POLICY_DELETED,
      policyUpdate: {revision: state.repository.revision, ruleCount: deleted, labels}})
    return ok({revision: state.repository.revision, policy: rulesJson(state.repository.list())})
  },
  getPolicySelectors: (state) => {
    const identities = state.identities.list().map((i) => ({id: i.id, labels: i.labels.map((l) => parseLabel(l)),
      prefix: state.identities.prefixOf(i.id)}))
    const cache = new SelectorCache(identities, state.clusterName)
    const users = new Map<string, {sel: EndpointSelector; users: number; labels: Map<string, SelectorLabelArray>}>()
    let ruleLabels: SelectorLabelArray = []
    // Each selector carries the label sets of the rules that use it (the real agent's LabelArrayList).
    const add = (s: EndpointSelector | undefined): void => {
      if (!s) return
      const k = selectorText(s)
      const u = users.get(k) ?? {sel: s, users: 0, labels: new Map()}
      u.users++
      if (ruleLabels.length > 0) u.labels.set(JSON.stringify(ruleLabels), ruleLabels)
      users.set(k, u)
    }
    for (const r of state.repository.list()) {
      ruleLabels = (r.labels ?? []).map((l) => ({key: l.key, value: l.value ?? '', source: l.source ?? 'unspec'}))
        .sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0))
      add(r.endpointSelector)
      add(r.nodeSelector)
      for (const e of [...(r.ingress ?? []), ...(r.ingressDeny ?? [])]) e.fromEndpoints?.forEach(add)
      for (const e of [...(r.egress ?? []), ...(r.egressDeny ?? [])]) e.toEndpoints?.forEach(add)
    }
    const out: SelectorIdentityMapping[] = [...users].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([text, {sel, users: n, labels}]) => ({selector: text, identities: cache.resolve(sel), users: n,
        ...(labels.size > 0 ? {labels: [...labels.values()]} : {})}))
    return ok(out)
  },
  getIp: (state, req) => {
    // As the real agent: the query's `cidr` keeps the rows inside that network, the body's labels
    // (the `Labels` model, as for GET /identity; the spec has no labels query parameter) those
    // whose identity has all of them; nothing left is a 404 without a body.
    const cidr = req.query.get('cidr')
    const within = cidr === null ? undefined : parsePrefix(cidr)
    if (typeof within === 'string') return fail(400, `invalid CIDR address: ${cidr}`)
    const labels = bodyLabels(req.body).map((l) => parseLabel(l))
    const rows = ipcacheRows(state).filter((r) => {
      const p = parsePrefix(r.cidr)
      if (within && (typeof p === 'string' || !prefixContains(within, p))) return false
      return labels.length === 0 || containsLabels(state.identities.labelsOf(r.identity) ?? [], labels)
    })
    if (rows.length === 0) return {status: 404}
    return ok(rows.map((r) => ({cidr: r.cidr, identity: r.identity, hostIP: r.hostIP, encryptKey: r.encryptKey, metadata: r.metadata})))
  },
}

/** Runs a handler, turning the library's typed errors into the API's statuses. */
export function handle(state: AgentState, name: StateOperation, req: ApiRequest): ApiResponse {
  try {
    return handlers[name](state, req)
  } catch (err) {
    if (err instanceof StateError) return fail(err.status, err.message)
    if (err instanceof PolicyNotFoundError) return fail(404, err.message)
    if (err instanceof PolicyValidationError) return fail(500, err.issues.map((i) => i.message).join('\n'))
    if (err instanceof CiliumkitError) return fail(500, err.message)
    throw err
  }
}

