/**
 * The agent's rule checks (`Validate`) and clean-ups (`Sanitize`), with the messages of
 * research/cilium.md §5.2. Unlike the agent, which stops at a rule's first error, every error
 * of every element is collected, so one run of `cilium policy validate` lists them all.
 */
import {parsePrefix, prefixContains} from '../identity/cidr.js'
import {entityNames, sanitizeSelector} from './selector.js'
import type {CIDRRule, EgressRule, EndpointSelector, ICMPRule, IngressRule, L7Rules, PortProtocol, PortRule, Rule} from './types.js'

export interface ValidateOptions {
  /** The agent's `--enable-l7-proxy` (default true). */
  enableL7Proxy?: boolean
  /** The agent's `--enable-icmp-rules` (default true). */
  enableICMPRules?: boolean
}

const maxPorts = 40
const maxICMPFields = 40
export const l4Protocols = ['TCP', 'UDP', 'SCTP', 'ICMP', 'ICMPV6', 'VRRP', 'IGMP', 'ANY'] as const
export type L4Protocol = typeof l4Protocols[number]

/** IANA service names (named ports): at most 15 characters, letters, digits and single inner hyphens, one letter at least. */
export function isServiceName(s: string): boolean {
  return s.length > 0 && s.length <= 15 && /^([a-zA-Z0-9]-?)*[a-zA-Z](-?[a-zA-Z0-9])*$/.test(s)
}

/** Go's strconv.ParseUint(s, 0, 16): decimal, or 0x/0o/0b/0-prefixed with `_` separators allowed after a prefix. */
export function parsePort(s: string): number | string {
  // The common case first: plain decimal without a leading zero.
  if (/^[1-9]\d{0,4}$/.test(s)) {
    const n = Number(s)
    if (n <= 0xFFFF) return n
  }
  const fail = (why: string): string => `strconv.ParseUint: parsing "${s}": ${why}`
  const lower = s.toLowerCase()
  let base = 10
  let body = s
  if (/^0[xob]/.test(lower)) {
    base = {x: 16, o: 8, b: 2}[lower[1] as 'x' | 'o' | 'b']
    body = s.slice(2)
  } else if (s.length > 1 && s.startsWith('0')) {
    base = 8
    body = s.slice(1)
  }
  if (base !== 10) {
    if (/^_|_$|__/.test(body)) return fail('invalid syntax')
    body = body.replaceAll('_', '')
  }
  const digits = {16: /^[0-9a-f]+$/i, 10: /^[0-9]+$/, 8: /^[0-7]+$/, 2: /^[01]+$/}[base]
  if (!digits?.test(body)) return fail('invalid syntax')
  const n = parseInt(body, base)
  return n > 0xFFFF ? fail('value out of range') : n
}

/** The canonical protocol name, or undefined when it is not one Cilium knows. Empty means ANY. */
export function parseProtocol(p: string | undefined): L4Protocol | undefined {
  const u = (p ?? '').toUpperCase()
  if (u === '') return 'ANY'
  return (l4Protocols as readonly string[]).includes(u) ? u as L4Protocol : undefined
}

/** ICMP type names Cilium accepts besides numbers, per family. */
export const icmpTypeNames: Record<'IPv4' | 'IPv6', Record<string, number>> = {
  IPv4: {EchoReply: 0, DestinationUnreachable: 3, Redirect: 5, Echo: 8, EchoRequest: 8, RouterAdvertisement: 9,
    RouterSelection: 10, TimeExceeded: 11, ParameterProblem: 12, Timestamp: 13, TimestampReply: 14, Photuris: 40,
    ExtendedEchoRequest: 42, ExtendedEchoReply: 43},
  IPv6: {DestinationUnreachable: 1, PacketTooBig: 2, TimeExceeded: 3, ParameterProblem: 4, EchoRequest: 128,
    EchoReply: 129, MulticastListenerQuery: 130, MulticastListenerReport: 131, MulticastListenerDone: 132,
    RouterSolicitation: 133, RouterAdvertisement: 134, NeighborSolicitation: 135, NeighborAdvertisement: 136,
    RedirectMessage: 137, RouterRenumbering: 138, ICMPNodeInformationQuery: 139, ICMPNodeInformationResponse: 140,
    InverseNeighborDiscoverySolicitation: 141, InverseNeighborDiscoveryAdvertisement: 142,
    HomeAgentAddressDiscoveryRequest: 144, HomeAgentAddressDiscoveryReply: 145, MobilePrefixSolicitation: 146,
    MobilePrefixAdvertisement: 147, DuplicateAddressRequestCodeSuffix: 157, DuplicateAddressConfirmationCodeSuffix: 158,
    ExtendedEchoRequest: 160, ExtendedEchoReply: 161},
}

/** The numeric type of an ICMP field, or an error text. */
export function icmpType(family: 'IPv4' | 'IPv6', type: number | string): number | string {
  if (typeof type === 'number') return type >= 0 && type <= 255 ? type : `ICMP type ${type} is out of range 0-255`
  if (/^\d+$/.test(type)) return icmpType(family, Number(type))
  const n = icmpTypeNames[family][type]
  return n ?? `${type} is not a valid ICMP type for ${family}`
}

const kafkaApiKeys = ['produce', 'fetch', 'offsets', 'metadata', 'leaderandisr', 'stopreplica', 'updatemetadata',
  'controlledshutdown', 'offsetcommit', 'offsetfetch', 'findcoordinator', 'joingroup', 'heartbeat', 'leavegroup',
  'syncgroup', 'describegroups', 'listgroups', 'saslhandshake', 'apiversions', 'createtopics', 'deletetopics']

/** The Go field name the agent's messages use: `fromCIDRSet` -> `FromCIDRSet`. */
const goField = (f: string): string => f[0].toUpperCase() + f.slice(1)

/** Every validation error of one rule, in the order the agent would meet them. Empty when valid. */
export function validateRule(rule: Rule, opts: ValidateOptions = {}): string[] {
  const o = {enableL7Proxy: opts.enableL7Proxy ?? true, enableICMPRules: opts.enableICMPRules ?? true}
  const errs: string[] = []
  if (!rule.ingress?.length && !rule.ingressDeny?.length && !rule.egress?.length && !rule.egressDeny?.length) {
    errs.push('rule must have at least one of Ingress, IngressDeny, Egress, EgressDeny')
  }
  if (!rule.endpointSelector && !rule.nodeSelector) errs.push('rule must have one of EndpointSelector or NodeSelector')
  if (rule.endpointSelector && rule.nodeSelector) errs.push('rule cannot have both EndpointSelector and NodeSelector')
  for (const s of [rule.endpointSelector, rule.nodeSelector]) if (s) errs.push(...validateSelector(s))
  const hostPolicy = rule.nodeSelector !== undefined
  for (const e of rule.ingress ?? []) errs.push(...validateElement(e, 'ingress', false, hostPolicy, o))
  for (const e of rule.ingressDeny ?? []) errs.push(...validateElement(e, 'ingress', true, hostPolicy, o))
  for (const e of rule.egress ?? []) errs.push(...validateElement(e, 'egress', false, hostPolicy, o))
  for (const e of rule.egressDeny ?? []) errs.push(...validateElement(e, 'egress', true, hostPolicy, o))
  return errs
}

function validateSelector(s: EndpointSelector): string[] {
  const errs: string[] = []
  for (const e of s.matchExpressions ?? []) {
    if (!['In', 'NotIn', 'Exists', 'DoesNotExist'].includes(e.operator)) {
      errs.push(`"${e.operator}" is not a valid label selector operator`)
    } else if ((e.operator === 'In' || e.operator === 'NotIn') && !e.values?.length) {
      errs.push(`values: Invalid value: for 'in', 'notin' operators, values set can't be empty`)
    } else if ((e.operator === 'Exists' || e.operator === 'DoesNotExist') && e.values?.length) {
      errs.push(`values: Invalid value: values set must be empty for exists and does not exist`)
    }
  }
  return errs
}

type Element = IngressRule & EgressRule

const knownEntities: ReadonlySet<string> = new Set(entityNames)

const peerFields = {
  ingress: ['fromEndpoints', 'fromCIDR', 'fromCIDRSet', 'fromEntities', 'fromNodes', 'fromGroups'],
  egress: ['toEndpoints', 'toCIDR', 'toCIDRSet', 'toEntities', 'toServices', 'toFQDNs', 'toGroups', 'toNodes'],
} as const

function validateElement(e: Element, dir: 'ingress' | 'egress', deny: boolean, hostPolicy: boolean,
  o: Required<ValidateOptions>): string[] {
  const errs: string[] = []
  const present = peerFields[dir].filter((f) => ((e[f] as unknown[] | undefined)?.length ?? 0) > 0)
  if (present.length > 1) errs.push(`Combining ${goField(present[0])} and ${goField(present[1])} is not supported yet`)
  if (dir === 'egress' && e.toServices?.length && e.toPorts?.length) errs.push('Combining ToServices and ToPorts is not supported yet')
  const p = dir === 'ingress' ? 'from' : 'to'
  for (const s of e[`${p}Endpoints`] ?? []) if (s.matchExpressions) errs.push(...validateSelector(s))
  for (const s of e[`${p}Nodes`] ?? []) if (s.matchExpressions) errs.push(...validateSelector(s))
  for (const c of e[`${p}CIDR`] ?? []) errs.push(...validateCIDR(c))
  for (const c of e[`${p}CIDRSet`] ?? []) errs.push(...validateCIDRRule(c))
  for (const ent of e[`${p}Entities`] ?? []) if (!knownEntities.has(ent)) errs.push(`unsupported entity: ${ent}`)
  for (const f of e.toFQDNs ?? []) {
    if (f.matchName && f.matchPattern) errs.push('only one of MatchName or MatchPattern is allowed in an FQDNSelector')
    errs.push(...validateDNS(f.matchName, f.matchPattern))
  }
  const l7 = (e.toPorts ?? []).filter((r) => hasL7(r.rules))
  if (!deny && l7.length > 0) {
    if (hostPolicy) errs.push('host policies do not support L7 rules yet')
    if (!o.enableL7Proxy) errs.push('L7 policy is not supported since L7 proxy is not enabled')
    // The agent checks the element's L7 kinds before its port rules, so this is what it says of DNS on ingress.
    else if (dir === 'ingress' && l7.some((r) => r.rules?.dns?.length)) errs.push('L7 protocol DNS is not supported on ingress yet')
  }
  if (e.icmps?.length) {
    if (!o.enableICMPRules) errs.push('ICMP rules can only be applied when the "enable-icmp-rules" flag is set')
    if (e.toPorts?.length) errs.push('The ICMPs block may only be present without ToPorts. Define a separate rule to use ToPorts.')
    for (const r of e.icmps) errs.push(...validateICMP(r))
  }
  for (const r of e.toPorts ?? []) errs.push(...(deny ? validatePorts(r.ports ?? [], false) : validatePortRule(r, dir === 'ingress')))
  return errs
}

function validateCIDR(c: string): string[] {
  if (c === '') return ['IP must be specified']
  const p = parsePrefix(c, true)
  return typeof p === 'string' ? [`unable to parse CIDR: ${p}`] : []
}

function validateCIDRRule(c: CIDRRule): string[] {
  const set = [c.cidr, c.cidrGroupRef, c.cidrGroupSelector].filter((x) => x !== undefined && x !== '').length
  if (set === 0) return ['one of cidr, cidrGroupRef, or cidrGroupSelector is required']
  if (set > 1) return ['more than one of cidr, cidrGroupRef, or cidrGroupSelector may not be set']
  if (c.cidr === undefined || c.cidr === '') return []
  const p = parsePrefix(c.cidr)
  if (typeof p === 'string') return [`Unable to parse CIDRRule "${c.cidr}": ${p}`]
  const errs: string[] = []
  for (const x of c.except ?? []) {
    const ex = parsePrefix(x)
    if (typeof ex === 'string') errs.push(ex)
    else if (!prefixContains(p, ex)) errs.push(`allow CIDR prefix ${c.cidr} does not contain exclude CIDR prefix ${x}`)
  }
  return errs
}

function validateICMP(r: ICMPRule): string[] {
  if (r.fields.length > maxICMPFields) return [`too many types, the max is ${maxICMPFields}`]
  const errs: string[] = []
  for (const f of r.fields) {
    if (f.family !== undefined && f.family !== '' && f.family !== 'IPv4' && f.family !== 'IPv6') {
      errs.push(`wrong family: ${f.family}`)
      continue
    }
    const t = icmpType(f.family === 'IPv6' ? 'IPv6' : 'IPv4', f.type)
    if (typeof t === 'string') errs.push(t)
  }
  return errs
}

export function hasL7(r: L7Rules | undefined): boolean {
  return !!r && (!!r.http || !!r.kafka || !!r.dns || !!r.l7proto || !!r.l7)
}

function validatePorts(ports: PortProtocol[], hasDNS: boolean): string[] {
  if (ports.length > maxPorts) return [`too many ports, the max is ${maxPorts}`]
  const errs: string[] = []
  for (const pp of ports) {
    if (pp.port === undefined || pp.port === '') {
      errs.push('Port must be specified')
    } else if (!isServiceName(pp.port)) {
      const n = parsePort(pp.port)
      if (typeof n === 'string') errs.push(`Unable to parse port: ${n}`)
      else if (hasDNS && pp.endPort !== undefined && pp.endPort > n) errs.push('DNS rules do not support port ranges')
    }
    if (!parseProtocol(pp.protocol)) errs.push(`invalid protocol "${pp.protocol}", must be { tcp | udp | sctp | icmp | icmpv6 | any }`)
  }
  return errs
}

function validatePortRule(r: PortRule, ingress: boolean): string[] {
  const hasDNS = !!r.rules?.dns?.length
  // Reported for the whole element (validateElement): DNS rules have no place on ingress.
  if (ingress && hasDNS) return []
  const errs: string[] = []
  const l7 = hasL7(r.rules)
  if (r.serverNames?.length && l7 && !r.terminatingTLS) errs.push('ServerNames are not allowed with L7 rules without TLS termination')
  if (r.serverNames?.includes('')) errs.push('Empty server name is not allowed')
  const portErrs = validatePorts(r.ports ?? [], hasDNS)
  errs.push(...portErrs)
  if (portErrs.length > 0) return errs
  const ports = r.ports ?? []
  if (l7 && !hasDNS) {
    for (const pp of ports) {
      const proto = parseProtocol(pp.protocol)
      if (proto !== 'TCP') errs.push(`L7 rules can only apply to TCP (not ${proto}) except for DNS rules`)
    }
  }
  if (r.listener) {
    if (ingress) errs.push(`Listener is not allowed on ingress (${r.listener.name})`)
    if (l7) errs.push(`Listener is not allowed with L7 rules (${r.listener.name})`)
  }
  if (l7 && r.rules) {
    if (ports.some((pp) => pp.port !== undefined && !isServiceName(pp.port) && parsePort(pp.port) === 0)) {
      errs.push('L7 rules can not be used when a port is 0')
    }
    errs.push(...validateL7(r.rules, ports))
  }
  return errs
}

function validateL7(r: L7Rules, ports: PortProtocol[]): string[] {
  const errs: string[] = []
  const kinds = [r.http, r.kafka, r.dns, r.l7proto ? r.l7proto : undefined].filter((x) => x !== undefined).length
  if (r.l7 && !r.l7proto) errs.push(`'l7' may only be specified when a 'l7proto' is also specified`)
  if (kinds > 1) errs.push('multiple L7 protocol rule types specified in single rule')
  if (r.dns && ports.length === 0) errs.push('Port 53 must be specified for DNS rules')
  for (const h of r.http ?? []) {
    for (const [field, re] of [['path', h.path], ['method', h.method], ['host', h.host]] as const) {
      if (re === undefined) continue
      try {
        new RegExp(re)
      } catch (err) {
        errs.push(`error parsing regexp in ${field}: ${(err as Error).message}`)
      }
    }
    for (const m of h.headerMatches ?? []) {
      if (!m.name) errs.push('Header name missing')
      if (m.mismatch && !['LOG', 'ADD', 'DELETE', 'REPLACE'].includes(m.mismatch)) errs.push(`Invalid header action: ${m.mismatch}`)
      if (m.secret && !m.secret.name) errs.push('Secret name missing')
    }
  }
  for (const d of r.dns ?? []) errs.push(...validateDNS(d.matchName, d.matchPattern))
  for (const k of r.kafka ?? []) {
    if (k.role && k.apiKey) errs.push(`cannot set both Role "${k.role}" and APIKey "${k.apiKey}" together`)
    if (k.role && !['produce', 'consume'].includes(k.role.toLowerCase())) errs.push(`invalid Kafka Role "${k.role}"`)
    if (k.apiKey && !kafkaApiKeys.includes(k.apiKey.toLowerCase())) errs.push(`invalid Kafka APIKey "${k.apiKey}"`)
    if (k.apiVersion && !/^\d+$/.test(k.apiVersion)) errs.push(`invalid Kafka APIVersion "${k.apiVersion}"`)
    if (k.topic && k.topic.length > 255) errs.push('kafka topic exceeds maximum len of 255')
    else if (k.topic && !/^[a-zA-Z0-9._-]+$/.test(k.topic)) errs.push(`invalid Kafka Topic name "${k.topic}"`)
  }
  return errs
}

function validateDNS(matchName: string | undefined, matchPattern: string | undefined): string[] {
  const errs: string[] = []
  if (matchName && !/^[-a-zA-Z0-9_.]+$/.test(matchName)) {
    errs.push(`Invalid characters in MatchName: "${matchName}". Only 0-9, a-z, A-Z and . and - characters are allowed`)
  }
  if (matchPattern !== undefined && matchPattern.length > 255) {
    errs.push(`Invalid MatchPattern: "${matchPattern}". Must be <= 255 characters long.`)
  } else if (matchPattern && !/^[-a-zA-Z0-9_.*]+$/.test(matchPattern)) {
    errs.push(`Invalid characters in MatchPattern: "${matchPattern}". Only 0-9, a-z, A-Z and ., -, _ and * characters are allowed`)
  }
  return errs
}

/**
 * The agent's Sanitize on a valid rule: selector keys get their source (`any:` by default),
 * protocols their canonical upper-case name (empty becomes ANY), named ports lower case.
 * Returns a new rule; the input is not changed.
 */
export function sanitizeRule(rule: Rule): Rule {
  const sel = (s: EndpointSelector | undefined): EndpointSelector | undefined => s && sanitizeSelector(s)
  const sels = (a: EndpointSelector[] | undefined): EndpointSelector[] | undefined => a?.map(sanitizeSelector)
  const ports = (a: PortRule[] | undefined): PortRule[] | undefined => a?.map((r) => ({...r,
    ...(r.ports ? {ports: r.ports.map((pp) => ({...pp, ...(pp.port !== undefined && isServiceName(pp.port) ? {port: pp.port.toLowerCase()} : {}),
      protocol: parseProtocol(pp.protocol) ?? pp.protocol}))} : {})}))
  const elem = <T extends Element>(e: T): T => {
    const out: Record<string, unknown> = {}
    for (const [k, v] of Object.entries(e)) {
      if (k === 'fromEndpoints' || k === 'toEndpoints' || k === 'fromRequires' || k === 'toRequires' || k === 'fromNodes' || k === 'toNodes') {
        out[k] = sels(v as EndpointSelector[])
      } else if (k === 'fromCIDRSet' || k === 'toCIDRSet') {
        out[k] = (v as CIDRRule[]).map((c) => (c.cidrGroupSelector ? {...c, cidrGroupSelector: sanitizeSelector(c.cidrGroupSelector)} : c))
      } else if (k === 'toPorts') {
        out[k] = ports(v as PortRule[])
      } else {
        out[k] = v
      }
    }
    return out as T
  }
  const out: Record<string, unknown> = {}
  for (const [k, v] of Object.entries(rule)) {
    if (k === 'endpointSelector' || k === 'nodeSelector') out[k] = sel(v as EndpointSelector)
    else if (k === 'ingress' || k === 'ingressDeny' || k === 'egress' || k === 'egressDeny') out[k] = (v as Element[]).map(elem)
    else out[k] = v
  }
  return out as Rule
}
