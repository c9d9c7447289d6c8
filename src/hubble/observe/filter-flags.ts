/**
 * `hubble observe` filter flags → the allow and deny FlowFilter lists, exactly as the
 * real CLI builds them. The flags are read from the raw argv tokens in order, because
 * `--not` negates the one flag that follows it (oclif's parsed flags lose the order).
 *
 * Per list, a "left" filter takes the source side of either-side flags (`--ip`,
 * `--pod`, `--label`, ...) and a "right" filter the destination side; every other flag
 * goes to both, and identical left/right collapse into one. Namespaces are merged into
 * pod/service values at the end (v1.19 semantics).
 */
import {flow} from '../proto/index.js'
import {ValidationError} from '../../errors.js'
import {traceObservationPoints} from '../printer/monitor-texts.js'

export interface FlowFilters {
  allow: flow.IFlowFilter[]
  deny: flow.IFlowFilter[]
}

/** A filter flag: its name, its short char, and the value pflag supplies when it stands alone. */
export interface FilterFlagSpec {
  char?: string
  /** Set for flags that may stand without a value (`--not`, `-4`, `-A`, `--encrypted`). */
  noOptValue?: string
}

export const filterFlagSpecs: Readonly<Record<string, FilterFlagSpec>> = {
  not: {noOptValue: 'true'}, uuid: {}, 'node-name': {}, 'node-label': {},
  'from-cluster': {}, cluster: {}, 'to-cluster': {}, protocol: {}, 'tcp-flags': {}, type: {char: 't'},
  verdict: {}, 'drop-reason-desc': {}, 'http-status': {}, 'http-method': {}, 'http-path': {}, 'http-url': {},
  'http-header': {}, 'trace-id': {}, 'ip-trace-id': {}, 'from-fqdn': {}, fqdn: {}, 'to-fqdn': {},
  'from-ip': {}, 'snat-ip': {}, ip: {}, 'to-ip': {}, ipv4: {char: '4', noOptValue: 'v4'}, ipv6: {char: '6', noOptValue: 'v6'},
  'ip-version': {}, 'from-pod': {}, pod: {}, 'to-pod': {}, 'from-namespace': {}, namespace: {char: 'n'},
  'to-namespace': {}, 'from-all-namespaces': {noOptValue: 'true'}, 'all-namespaces': {char: 'A', noOptValue: 'true'},
  'to-all-namespaces': {noOptValue: 'true'}, 'from-label': {}, label: {char: 'l'}, 'to-label': {},
  'from-service': {}, service: {}, 'to-service': {}, 'from-port': {}, port: {}, 'to-port': {},
  'from-workload': {}, workload: {}, 'to-workload': {}, 'from-identity': {}, identity: {}, 'to-identity': {},
  'traffic-direction': {}, 'cel-expression': {}, interface: {}, encrypted: {noOptValue: 'true'},
  unencrypted: {noOptValue: 'true'},
}

// Flags that cannot be given together in one list (the real CLI's conflict table, in its order).
const conflictGroups: readonly string[][] = [
  ['from-fqdn', 'from-ip', 'ip', 'fqdn', 'from-namespace', 'namespace', 'from-all-namespaces', 'all-namespaces'],
  ['from-fqdn', 'from-ip', 'ip', 'fqdn', 'from-pod', 'pod'],
  ['to-fqdn', 'to-ip', 'ip', 'fqdn', 'to-namespace', 'namespace', 'to-all-namespaces', 'all-namespaces'],
  ['to-fqdn', 'to-ip', 'ip', 'fqdn', 'to-pod', 'pod'],
  ['to-pod', 'namespace', 'all-namespaces'],
  ['from-pod', 'namespace', 'all-namespaces'],
  ['to-service', 'namespace', 'all-namespaces'],
  ['from-service', 'namespace', 'all-namespaces'],
  ['label', 'from-label'], ['label', 'to-label'], ['service', 'from-service'], ['service', 'to-service'],
  ['port', 'to-port'], ['port', 'from-port'], ['identity', 'to-identity'], ['identity', 'from-identity'],
  ['workload', 'to-workload'], ['workload', 'from-workload'], ['encrypted', 'unencrypted'],
]

/** The number of an enum value name (exact, case-sensitive, as Go's `Verdict_value` lookup). */
function enumValue(table: object, name: string): number | undefined {
  const v = Object.hasOwn(table, name) ? (table as Record<string, unknown>)[name] : undefined
  return typeof v === 'number' ? v : undefined
}

const IPV4 = 1, IPV6 = 2, IP_NOT_USED = 0
const INGRESS = 1, EGRESS = 2

/** Monitor message types accepted by --type (pkg/monitor/api MessageTypeNames). */
export const eventTypeNames: Readonly<Record<string, number>> = {
  drop: 1, debug: 2, capture: 3, trace: 4, 'policy-verdict': 5, 'trace-sock': 7, l7: 129, agent: 130,
}

const agentSubtypes: Readonly<Record<string, number>> = {
  unspecified: 0, message: 1, 'agent-started': 2, 'endpoint-regenerate-success': 3,
  'endpoint-regenerate-failure': 4, 'policy-updated': 5, 'policy-deleted': 6, 'endpoint-created': 7,
  'endpoint-deleted': 8, 'ipcache-upserted': 9, 'ipcache-deleted': 10,
}

/** Reserved security identities accepted by the --identity flags (pkg/identity). */
export const reservedIdentities: Readonly<Record<string, number>> = {
  host: 1, world: 2, unmanaged: 3, health: 4, init: 5, 'remote-node': 6, 'kube-apiserver': 7, ingress: 8,
  'world-ipv4': 9, 'world-ipv6': 10, 'overlay-to-encrypt': 11,
}
// As the real CLI lists them: reserved ids 1-11 by display name; 11 has none and prints as a number.
const identityChoices = '[host world unmanaged health init remote-node kube-apiserver ingress world-ipv4 world-ipv6 11]'

type Filter = flow.IFlowFilter
type ListKey = {[K in keyof Filter]-?: NonNullable<Filter[K]> extends unknown[] ? K : never}[keyof Filter]

class Tracker {
  left?: Filter
  right?: Filter
  ns: string[] = []
  srcNs: string[] = []
  dstNs: string[] = []
  changed: string[] = []

  applyLeft(update: (f: Filter) => void): void { update(this.left ??= {}) }
  applyRight(update: (f: Filter) => void): void { update(this.right ??= {}) }
  apply(update: (f: Filter) => void): void {
    this.applyLeft(update)
    this.applyRight(update)
  }

  /** The finished filters: namespaces merged in, identical left/right collapsed. */
  flowFilters(): Filter[] {
    if (!this.left && !this.right && this.ns.length === 0 && this.srcNs.length === 0 && this.dstNs.length === 0) return []
    const left = this.left ?? {}
    const right = this.right ?? {}
    if (this.dstNs.length > 0) {
      applyDestinationNamespaces(left, this.dstNs)
      applyDestinationNamespaces(right, this.dstNs)
    }
    if (this.srcNs.length > 0) {
      applySourceNamespaces(left, this.srcNs)
      applySourceNamespaces(right, this.srcNs)
    }
    if (this.ns.length > 0) {
      applySourceNamespaces(left, this.ns)
      applyDestinationNamespaces(right, this.ns)
    }
    return deepEqual(left, right) ? [left] : [left, right]
  }
}

function addNamespaces(values: string[], ns: string[]): string[] {
  if (values.length === 0) return values
  const out: string[] = []
  for (const v of values) {
    if (v.includes('/')) out.push(v)
    else for (const n of ns) out.push(`${n}/${v}`)
  }
  return out
}

function applySourceNamespaces(f: Filter, ns: string[]): void {
  if (!f.sourcePod?.length && !f.sourceService?.length) f.sourcePod = ['']
  if (f.sourcePod) f.sourcePod = addNamespaces(f.sourcePod, ns)
  if (f.sourceService) f.sourceService = addNamespaces(f.sourceService, ns)
}

function applyDestinationNamespaces(f: Filter, ns: string[]): void {
  if (!f.destinationPod?.length && !f.destinationService?.length) f.destinationPod = ['']
  if (f.destinationPod) f.destinationPod = addNamespaces(f.destinationPod, ns)
  if (f.destinationService) f.destinationService = addNamespaces(f.destinationService, ns)
}

function deepEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false
  if (Array.isArray(a) !== Array.isArray(b)) return false
  const ka = Object.keys(a).filter((k) => (a as Record<string, unknown>)[k] !== undefined)
  const kb = Object.keys(b).filter((k) => (b as Record<string, unknown>)[k] !== undefined)
  if (ka.length !== kb.length) return false
  return ka.every((k) => deepEqual((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]))
}

function push<K extends ListKey>(f: Filter, key: K, value: NonNullable<Filter[K]>[number]): void {
  const list = (f[key] ?? []) as unknown[]
  list.push(value)
  ;(f as Record<string, unknown>)[key] = list
}

function namespaceOf(name: string): string {
  const parts = name.split('/')
  return parts.length > 1 ? parts[0] : ''
}

function namespaceConflict(ns: string[], names: string[] | null | undefined): string | undefined {
  for (const n of ns) {
    for (const name of names ?? []) {
      const nn = namespaceOf(name)
      if (nn !== '' && nn !== n) return `namespace conflict: ${JSON.stringify(n)} does not contain ${JSON.stringify(name)}`
    }
  }
  return undefined
}

function inconsistentNamespaces(pods: string[] | null | undefined, services: string[] | null | undefined): string | undefined {
  for (const pod of pods ?? []) {
    const podNs = namespaceOf(pod)
    if (podNs === '') continue
    for (const svc of services ?? []) {
      if (namespaceOf(svc) !== podNs) return `namespace of service ${JSON.stringify(svc)} conflict with pod ${JSON.stringify(podNs)}`
    }
  }
  return undefined
}

function namespaceErrors(t: Tracker, f: Filter | undefined): string | undefined {
  if (!f) return undefined
  // Go joins all of them with newlines (errors.Join); the first is what a user needs.
  const errs = [
    namespaceConflict(t.ns, f.sourcePod), namespaceConflict(t.ns, f.sourceService),
    namespaceConflict(t.ns, f.destinationPod), namespaceConflict(t.ns, f.destinationService),
    namespaceConflict(t.srcNs, f.sourcePod), namespaceConflict(t.srcNs, f.sourceService),
    namespaceConflict(t.dstNs, f.destinationPod), namespaceConflict(t.dstNs, f.destinationService),
    inconsistentNamespaces(f.sourcePod, f.sourceService), inconsistentNamespaces(f.destinationPod, f.destinationService),
  ].filter((e): e is string => e !== undefined)
  return errs.length > 0 ? errs.join('\n') : undefined
}

function parseWorkload(s: string): flow.IWorkload {
  if (s === '') return {}
  const slash = s.indexOf('/')
  if (slash < 0) return {name: s}
  const kind = s.slice(0, slash)
  const name = s.slice(slash + 1)
  return name === '' ? {kind} : {kind, name}
}

function parseTcpFlags(val: string): flow.ITCPFlags {
  const flags: Record<string, boolean> = {}
  for (const part of val.split(',')) {
    const name = part.toUpperCase()
    if (!['SYN', 'FIN', 'RST', 'PSH', 'ACK', 'URG', 'ECE', 'CWR', 'NS'].includes(name)) throw new Error(`unknown tcp flag: ${part}`)
    flags[name] = true
  }
  // Declaration order of flow.TCPFlags, so the JSON of the filter reads as the real one.
  const ordered: Record<string, boolean> = {}
  for (const n of ['FIN', 'SYN', 'RST', 'PSH', 'ACK', 'URG', 'ECE', 'CWR', 'NS']) if (flags[n]) ordered[n] = true
  return ordered
}

function parseIdentity(val: string): number {
  const reserved = reservedIdentities[val]
  if (reserved !== undefined) return reserved
  // Go's strconv.ParseUint(s, 0, 32): decimal, 0x hex, 0o/0 octal, 0b binary.
  if (/^(0[xX][0-9a-fA-F]+|0[bB][01]+|0[oO]?[0-7]+|[1-9][0-9]*|0)$/.test(val)) {
    const n = /^0[0-7]+$/.test(val) ? parseInt(val, 8) : Number(val.replace(/^0[oO]/, '0o'))
    if (n <= 0xffffffff) return n
  }
  throw new Error(`invalid security identity, expected one of ${identityChoices} or a numeric value`)
}

function parseUintStrict(val: string): bigint {
  if (!/^[0-9]+$/.test(val)) throw new Error(`strconv.ParseUint: parsing ${JSON.stringify(val)}: invalid syntax`)
  const n = BigInt(val)
  if (n > 0xffffffffffffffffn) throw new Error(`strconv.ParseUint: parsing ${JSON.stringify(val)}: value out of range`)
  return n
}

function parseEventType(val: string): flow.IEventTypeFilter {
  const colon = val.indexOf(':')
  const typeName = colon < 0 ? val : val.slice(0, colon)
  const sub = colon < 0 ? undefined : val.slice(colon + 1)
  let type = eventTypeNames[typeName]
  if (type === undefined) {
    if (!/^[0-9]+$/.test(typeName) || Number(typeName) > 0xffffffff) {
      throw new Error(`unable to parse type '${typeName}', not a known type name and unable to parse as numeric value: strconv.ParseUint: parsing ${JSON.stringify(typeName)}: ${/^[0-9]+$/.test(typeName) ? 'value out of range' : 'invalid syntax'}`)
    }
    type = Number(typeName) | 0  // int32 on the wire, as Go's int32() conversion
  }
  const filter: flow.IEventTypeFilter = {type}
  if (sub !== undefined) {
    let subType: number | undefined
    if (type === eventTypeNames.trace) {
      const found = Object.entries(traceObservationPoints).find(([, name]) => name === sub)
      if (found) subType = Number(found[0])
    } else if (type === eventTypeNames.agent) subType = agentSubtypes[sub]
    if (subType === undefined) {
      if (!/^[0-9]+$/.test(sub) || Number(sub) > 0xffffffff) {
        throw new Error(`unable to parse event sub-type '${sub}', not a known sub-type name and unable to parse as numeric value: strconv.ParseUint: parsing ${JSON.stringify(sub)}: ${/^[0-9]+$/.test(sub) ? 'value out of range' : 'invalid syntax'}`)
      }
      subType = Number(sub) | 0
    }
    filter.matchSubType = true
    if (subType !== 0) filter.subType = subType
  }
  return filter
}

function conflict(t: Tracker): string | undefined {
  for (const group of conflictGroups) {
    for (const flag of group) {
      if (!t.changed.includes(flag)) continue
      for (const other of group) {
        if (other !== flag && t.changed.includes(other)) return `filters --${flag} and --${other} cannot be combined`
      }
    }
  }
  return undefined
}

/** Adds one filter flag to a list's tracker; throws the bare reason (the caller adds pflag's wrapper). */
function setFilter(t: Tracker, name: string, val: string): void {
  if (!t.changed.includes(name)) t.changed.push(name)
  const clash = conflict(t)
  if (clash) throw new Error(clash)
  switch (name) {
    case 'uuid': t.apply((f) => push(f, 'uuid', val)); break
    case 'fqdn':
      t.applyLeft((f) => push(f, 'sourceFqdn', val))
      t.applyRight((f) => push(f, 'destinationFqdn', val))
      break
    case 'from-fqdn': t.apply((f) => push(f, 'sourceFqdn', val)); break
    case 'to-fqdn': t.apply((f) => push(f, 'destinationFqdn', val)); break
    case 'pod':
      t.applyLeft((f) => push(f, 'sourcePod', val))
      t.applyRight((f) => push(f, 'destinationPod', val))
      break
    case 'from-pod': t.apply((f) => push(f, 'sourcePod', val)); break
    case 'to-pod': t.apply((f) => push(f, 'destinationPod', val)); break
    case 'from-ip': t.apply((f) => push(f, 'sourceIp', val)); break
    case 'snat-ip': t.apply((f) => push(f, 'sourceIpXlated', val)); break
    case 'ip':
      t.applyLeft((f) => push(f, 'sourceIp', val))
      t.applyRight((f) => push(f, 'destinationIp', val))
      break
    case 'to-ip': t.apply((f) => push(f, 'destinationIp', val)); break
    case 'ipv4': t.apply((f) => push(f, 'ipVersion', IPV4)); break
    case 'ipv6': t.apply((f) => push(f, 'ipVersion', IPV6)); break
    case 'ip-version': {
      const v = val.toLowerCase()
      const version = ['4', 'v4', 'ipv4', 'ip4'].includes(v) ? IPV4 : ['6', 'v6', 'ipv6', 'ip6'].includes(v) ? IPV6 : IP_NOT_USED
      t.apply((f) => push(f, 'ipVersion', version))
      break
    }
    case 'label':
      t.applyLeft((f) => push(f, 'sourceLabel', val))
      t.applyRight((f) => push(f, 'destinationLabel', val))
      break
    case 'from-label': t.apply((f) => push(f, 'sourceLabel', val)); break
    case 'to-label': t.apply((f) => push(f, 'destinationLabel', val)); break
    case 'namespace': t.ns.push(val); break
    case 'from-namespace': t.srcNs.push(val); break
    case 'to-namespace': t.dstNs.push(val); break
    case 'all-namespaces': t.ns.push(''); break
    case 'from-all-namespaces': t.srcNs.push(''); break
    case 'to-all-namespaces': t.dstNs.push(''); break
    case 'service':
      t.applyLeft((f) => push(f, 'sourceService', val))
      t.applyRight((f) => push(f, 'destinationService', val))
      break
    case 'from-service': t.apply((f) => push(f, 'sourceService', val)); break
    case 'to-service': t.apply((f) => push(f, 'destinationService', val)); break
    case 'port':
      t.applyLeft((f) => push(f, 'sourcePort', val))
      t.applyRight((f) => push(f, 'destinationPort', val))
      break
    case 'from-port': t.apply((f) => push(f, 'sourcePort', val)); break
    case 'to-port': t.apply((f) => push(f, 'destinationPort', val)); break
    case 'trace-id': t.apply((f) => push(f, 'traceId', val)); break
    case 'ip-trace-id': {
      if (val === '0') throw new Error('invalid --ip-trace-id value; must be greater than 0')
      let id: bigint
      try {
        id = parseUintStrict(val)
      } catch (error) {
        throw new Error(`invalid --ip-trace-id value: ${(error as Error).message}`)
      }
      // A number while exact; beyond 2^53 the decimal string, which protobufjs encodes as a uint64.
      const value = id <= BigInt(Number.MAX_SAFE_INTEGER) ? Number(id) : id.toString()
      t.apply((f) => push(f, 'ipTraceId', value as number))
      break
    }
    case 'verdict': {
      const v = enumValue(flow.Verdict, val)
      if (v === undefined) throw new Error(`invalid --verdict value: ${val}`)
      t.apply((f) => push(f, 'verdict', v))
      break
    }
    case 'drop-reason-desc': {
      if (val === '') throw new Error('empty --drop-reason-desc value')
      const v = enumValue(flow.DropReason, val)
      if (v === undefined) throw new Error(`invalid --drop-reason-desc value: ${val}`)
      t.apply((f) => push(f, 'dropReasonDesc', v))
      break
    }
    case 'http-status': t.apply((f) => push(f, 'httpStatusCode', val)); break
    case 'http-method': t.apply((f) => push(f, 'httpMethod', val)); break
    case 'http-path': t.apply((f) => push(f, 'httpPath', val)); break
    case 'http-url': t.apply((f) => push(f, 'httpUrl', val)); break
    case 'http-header': {
      const colon = val.indexOf(':')
      if (colon < 0) throw new Error(`invalid http-header value ${JSON.stringify(val)}, expected name:value`)
      const header = {key: val.slice(0, colon), value: val.slice(colon + 1)}
      t.apply((f) => push(f, 'httpHeader', {...header}))
      break
    }
    case 'type': {
      const et = parseEventType(val)
      t.apply((f) => push(f, 'eventType', {...et}))
      break
    }
    case 'protocol': t.apply((f) => push(f, 'protocol', val)); break
    case 'workload': {
      const w = parseWorkload(val)
      t.applyLeft((f) => push(f, 'sourceWorkload', {...w}))
      t.applyRight((f) => push(f, 'destinationWorkload', {...w}))
      break
    }
    case 'from-workload': t.apply((f) => push(f, 'sourceWorkload', parseWorkload(val))); break
    case 'to-workload': t.apply((f) => push(f, 'destinationWorkload', parseWorkload(val))); break
    case 'identity': {
      const id = parseIdentity(val)
      t.applyLeft((f) => push(f, 'sourceIdentity', id))
      t.applyRight((f) => push(f, 'destinationIdentity', id))
      break
    }
    case 'from-identity': { const id = parseIdentity(val); t.apply((f) => push(f, 'sourceIdentity', id)); break }
    case 'to-identity': { const id = parseIdentity(val); t.apply((f) => push(f, 'destinationIdentity', id)); break }
    case 'node-name': t.apply((f) => push(f, 'nodeName', val)); break
    case 'node-label': t.apply((f) => push(f, 'nodeLabels', val)); break
    case 'cluster':
      t.applyLeft((f) => push(f, 'sourceClusterName', val))
      t.applyRight((f) => push(f, 'destinationClusterName', val))
      break
    case 'from-cluster': t.apply((f) => push(f, 'sourceClusterName', val)); break
    case 'to-cluster': t.apply((f) => push(f, 'destinationClusterName', val)); break
    case 'tcp-flags': { const flags = parseTcpFlags(val); t.apply((f) => push(f, 'tcpFlags', {...flags})); break }
    case 'traffic-direction': {
      const td = val.toLowerCase()
      if (td !== 'ingress' && td !== 'egress') throw new Error(`${td}: invalid traffic direction, expected ingress or egress`)
      t.apply((f) => push(f, 'trafficDirection', td === 'ingress' ? INGRESS : EGRESS))
      break
    }
    case 'cel-expression':
      t.apply((f) => {
        f.experimental ??= {}
        ;(f.experimental.celExpression ??= []).push(val)
      })
      break
    case 'interface': t.apply((f) => push(f, 'interface', {name: val})); break
    case 'encrypted': t.apply((f) => push(f, 'encrypted', true)); break
    case 'unencrypted': t.apply((f) => push(f, 'encrypted', false)); break
  }
  const nsError = namespaceErrors(t, t.left) ?? namespaceErrors(t, t.right)
  if (nsError) throw new Error(nsError)
}

/** The flag as pflag names it in errors: `-t, --type` when it has a short form. */
function flagDisplay(name: string): string {
  const char = filterFlagSpecs[name]?.char
  return char ? `-${char}, --${name}` : `--${name}`
}

/**
 * Builds the filter lists from argv tokens. `valueFlags` names the other (non-filter)
 * flags that take a separate value (`-o json`, `--server x`), so their values are
 * skipped. Throws ValidationError with the real CLI's message (exit 1, as hubble).
 */
export function buildFlowFilters(argv: readonly string[], valueFlags: ReadonlySet<string>): FlowFilters {
  const allow = new Tracker()
  const deny = new Tracker()
  let negate = false
  const byChar = new Map(Object.entries(filterFlagSpecs).filter(([, s]) => s.char).map(([n, s]) => [s.char!, n]))

  const set = (name: string, val: string): void => {
    try {
      if (name === 'not') {
        if (negate) throw new Error('consecutive --not statements')
        negate = true
        return
      }
      const t = negate ? deny : allow
      negate = false
      setFilter(t, name, val)
    } catch (error) {
      throw new ValidationError(`invalid argument ${JSON.stringify(val)} for ${JSON.stringify(flagDisplay(name))} flag: ${(error as Error).message}`)
    }
  }

  for (let i = 0; i < argv.length; i++) {
    const tok = argv[i]
    if (tok === '--') break
    if (tok.startsWith('--')) {
      const eq = tok.indexOf('=')
      const name = tok.slice(2, eq < 0 ? undefined : eq)
      const spec = filterFlagSpecs[name]
      if (!spec) {
        if (eq < 0 && valueFlags.has(`--${name}`)) i++
        continue
      }
      if (eq >= 0) set(name, tok.slice(eq + 1))
      else if (spec.noOptValue !== undefined) set(name, spec.noOptValue)
      else set(name, argv[++i] ?? '')
    } else if (tok.startsWith('-') && tok.length > 1) {
      // A cluster of short flags: `-46`, `-tl7`, `-t=l7`, `-t l7`.
      for (let j = 1; j < tok.length; j++) {
        const c = tok[j]
        const name = byChar.get(c)
        if (!name) {
          if (valueFlags.has(`-${c}`)) {
            if (j === tok.length - 1) i++
            break
          }
          continue
        }
        const spec = filterFlagSpecs[name]
        const rest = tok.slice(j + 1)
        if (rest.startsWith('=')) {
          set(name, rest.slice(1))
          break
        }
        if (spec.noOptValue !== undefined) {
          set(name, spec.noOptValue)
          continue
        }
        if (rest !== '') set(name, rest)
        else set(name, argv[++i] ?? '')
        break
      }
    }
  }
  if (negate) throw new ValidationError('trailing --not found in the arguments')
  return {allow: allow.flowFilters(), deny: deny.flowFilters()}
}
