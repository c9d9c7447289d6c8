/**
 * From rules to policy map entries, by the agent's algorithm (research/cilium.md §5.4): select
 * the rules of an endpoint, decide per direction whether it is enforced, build (peer identity,
 * protocol, port prefix) keys from every rule element, resolve selectors to identities, merge,
 * and let deny win. The output is plain data named by the map layout's fields; the datapath
 * writes it into `cilium_policy_v3_<endpoint>` (key prefixlen = 40 + prefixLen).
 */
import type {Label} from '../identity/labels.js'
import {type Prefix, parsePrefix, prefixContains} from '../identity/cidr.js'
import {ReservedIdentity} from '../identity/reserved.js'
import {POLICY_ENTRY_AUTH_TYPE_MASK, POLICY_ENTRY_EXPLICIT_AUTH, rulePrecedence} from '../maps/policy.js'
import {Selector, entitySelectors} from './selector.js'
import type {CIDRRule, EgressRule, EndpointSelector, IngressRule, PortRule, Rule} from './types.js'
import {hasL7, icmpType, isServiceName, parsePort, parseProtocol} from './validate.js'

/** One policy map entry: the key fields, then the value fields. */
export interface PolicyEntry {
  /** Remote security identity; 0 = any peer. */
  identity: number
  egress: boolean
  /** IP protocol number; 0 = any (then the port is wildcarded too). */
  protocol: number
  /** Destination port (host order) or ICMP type; the first `prefixLen - 8` bits of it count. */
  dport: number
  /** Bits of protocol+port that the key matches: 0 any, 8 protocol only, 9..23 port range block, 24 exact. */
  prefixLen: number
  deny: boolean
  /** Proxy listener port for L7-redirected traffic; 0 = none. */
  proxyPort: number
  /**
   * The map value's auth byte: type in bits 0-6 (0 disabled, 1 spire, 2 test-always-fail), bit 7
   * set when a rule named the type explicitly (then the datapath keeps it, even `disabled`).
   */
  auth: number
  /** Higher wins between the identity lookup and the any-identity lookup; deny is the maximum. */
  precedence: number
  /** Links an entry to a policy log record; we write none. */
  cookie: number
}

/**
 * The precedences the agent writes, at the default priority level (src/maps' rulePrecedence, which
 * `cilium bpf policy` reads too): deny is the maximum (the datapath stops at it); a redirect beats a plain allow.
 */
export const Precedence = {deny: rulePrecedence({deny: true, proxyPort: 0}), redirect: rulePrecedence({deny: false, proxyPort: 1}),
  allow: rulePrecedence({deny: false, proxyPort: 0})} as const

export const ProtocolNumber: Record<string, number> = {ANY: 0, ICMP: 1, IGMP: 2, TCP: 6, UDP: 17, ICMPV6: 58, VRRP: 112, SCTP: 132}

export type PolicyEnabled = 'none' | 'ingress' | 'egress' | 'both' | 'audit-ingress' | 'audit-egress' | 'audit-both'
export type EnforcementMode = 'default' | 'always' | 'never'

/** What the computation needs to know of one endpoint. */
export interface EndpointInput {
  id: number
  identity: number
  /** Security-relevant labels (what selectors see). */
  labels: readonly Label[]
  /** The host endpoint: selected by nodeSelector rules instead of endpointSelector ones. */
  isHost?: boolean
  /** PolicyAuditMode: entries are the same, the datapath only reports what it would drop. */
  auditMode?: boolean
  /** Named container ports, for `port: http` on ingress. */
  namedPorts?: Readonly<Record<string, {port: number; protocol: string}>>
}

export interface IdentityInfo {
  id: number
  labels: readonly Label[]
  /** The CIDR of a local CIDR identity. */
  prefix?: Prefix
}

export interface PolicyContext {
  /** Never changed in place: work derived from a rule list is kept per list (the repository makes a new one per change). */
  rules: readonly Rule[]
  identities: readonly IdentityInfo[]
  enforcement?: EnforcementMode
  /** allow-localhost: the host (identity 1) may always reach endpoints (default true). */
  allowLocalhost?: boolean
  clusterName?: string
  /** Proxy ports by parser and direction; shared by every endpoint of one regeneration. */
  proxyPorts?: ProxyPorts
}

export interface EndpointPolicy {
  endpointId: number
  entries: PolicyEntry[]
  ingressEnforced: boolean
  egressEnforced: boolean
  policyEnabled: PolicyEnabled
  /** How many repository rules select this endpoint. */
  selectedRules: number
}

/** Proxy listener ports: one per L7 parser and direction, from 10000 up, in order of first use. */
export class ProxyPorts {
  private readonly ports = new Map<string, number>()
  constructor(private readonly first = 10_000, private readonly last = 20_000) {}
  portFor(parser: string, egress: boolean): number {
    const key = `${parser}/${egress ? 'egress' : 'ingress'}`
    let p = this.ports.get(key)
    if (p === undefined) {
      p = this.first + this.ports.size
      if (p > this.last) throw new RangeError(`proxy port range ${this.first}-${this.last} is exhausted`)
      this.ports.set(key, p)
    }
    return p
  }
}

const cidrPrefixLists = new WeakMap<readonly Rule[], Prefix[]>()

/**
 * Every CIDR a rule set names (allowed prefixes and their exceptions): each needs a local
 * identity. Worked out once per rule list (the repository's list only changes with the rules).
 */
export function policyCidrPrefixes(rules: readonly Rule[]): Prefix[] {
  const known = cidrPrefixLists.get(rules)
  if (known) return [...known]
  const seen = new Map<string, Prefix>()
  const add = (text: string | undefined): void => {
    if (!text) return
    const p = parsePrefix(text, true)
    if (typeof p !== 'string') seen.set(`${p.family}/${p.addr}/${p.bits}`, p)
  }
  for (const r of rules) {
    for (const e of [...(r.ingress ?? []), ...(r.ingressDeny ?? [])] as IngressRule[]) {
      e.fromCIDR?.forEach(add)
      e.fromCIDRSet?.forEach((c) => { add(c.cidr); c.except?.forEach(add) })
    }
    for (const e of [...(r.egress ?? []), ...(r.egressDeny ?? [])] as EgressRule[]) {
      e.toCIDR?.forEach(add)
      e.toCIDRSet?.forEach((c) => { add(c.cidr); c.except?.forEach(add) })
    }
  }
  const out = [...seen.values()]
  cidrPrefixLists.set(rules, out)
  return [...out]
}

/** A rule with its selectors compiled; `group` numbers its endpoint (or node) selector by text. */
interface CompiledRule {
  rule: Rule
  group: number
  node: boolean
}

/** The distinct selectors of a rule list and each rule's group, in rule order. */
interface CompiledRules {
  groups: Selector[]
  list: CompiledRule[]
}

/**
 * Rule lists compiled once: the repository hands out the same array until its next change, so
 * regenerations between policy changes (an endpoint added, labels changed) reuse the work.
 */
const compiledRuleLists = new WeakMap<readonly Rule[], CompiledRules>()

function compileRules(rules: readonly Rule[]): CompiledRules {
  let c = compiledRuleLists.get(rules)
  if (c) return c
  const byText = new Map<string, number>()
  const groups: Selector[] = []
  const list: CompiledRule[] = []
  for (const rule of rules) {
    const s = rule.endpointSelector ?? rule.nodeSelector
    if (!s) continue
    const sel = Selector.compile(s)
    let group = byText.get(sel.text)
    if (group === undefined) {
      group = groups.push(sel) - 1
      byText.set(sel.text, group)
    }
    list.push({rule, group, node: rule.endpointSelector === undefined})
  }
  c = {groups, list}
  compiledRuleLists.set(rules, c)
  return c
}

/**
 * Selector -> identities, computed once per selector for all endpoints of one regeneration
 * (the agent's selector cache, without the incremental updates).
 */
export class SelectorCache {
  private readonly compiled = new WeakMap<EndpointSelector, Selector>()
  private readonly byText = new Map<string, number[]>()
  private readonly byEntity = new Map<string, number[]>()
  private readonly cidrs = new Map<string, number[]>()
  private readonly elements = new WeakMap<object, {peers: number[] | 'none'; keys?: {key: L4Key; rule?: PortRule}[]}>()
  private readonly worldIds: number[]
  /** The identities that carry a prefix (local CIDR identities): the only ones a CIDR selects. */
  private readonly cidrIdentities: {id: number; prefix: Prefix}[]

  constructor(private readonly identities: readonly IdentityInfo[], readonly clusterName = 'default') {
    this.worldIds = identities.filter((i) => [ReservedIdentity.world, ReservedIdentity['world-ipv4'],
      ReservedIdentity['world-ipv6']].includes(i.id as 2 | 9 | 10)).map((i) => i.id)
    this.cidrIdentities = identities.flatMap((i) => (i.prefix ? [{id: i.id, prefix: i.prefix}] : []))
  }

  selector(s: EndpointSelector): Selector {
    let c = this.compiled.get(s)
    if (!c) {
      c = Selector.compile(s)
      this.compiled.set(s, c)
    }
    return c
  }

  /** The identities a selector selects; the wildcard selector gives [0]. */
  resolve(s: EndpointSelector): number[] {
    return this.resolveCompiled(this.selector(s))
  }

  private resolveCompiled(sel: Selector): number[] {
    if (sel.isWildcard) return [0]
    let ids = this.byText.get(sel.text)
    if (!ids) {
      ids = this.identities.filter((i) => sel.matches(i.labels)).map((i) => i.id)
      this.byText.set(sel.text, ids)
    }
    return ids
  }

  /** The identities an entity stands for (an unknown one selects none; validation rejects it first). */
  resolveEntity(entity: string): number[] {
    let ids = this.byEntity.get(entity)
    if (!ids) {
      const set = new Set<number>()
      for (const s of entitySelectors(entity, this.clusterName) ?? []) for (const id of this.resolveCompiled(Selector.compile(s))) set.add(id)
      ids = [...set]
      this.byEntity.set(entity, ids)
    }
    return ids
  }

  /** The rules that select an endpoint (endpointSelector; nodeSelector for the host), in rule order. */
  selectingRules(rules: readonly Rule[], ep: EndpointInput): Rule[] {
    const {groups, list} = compileRules(rules)
    // Each distinct selector is matched once against the endpoint, then rules take their group's answer.
    const matched = groups.map((g) => g.matches(ep.labels))
    const host = ep.isHost === true
    const out: Rule[] = []
    for (const c of list) if (c.node === host && matched[c.group]) out.push(c.rule)
    return out
  }

  /**
   * The peers and L4 keys of a rule element, computed once per regeneration. Keys that name a
   * port by name depend on the endpoint (`keys` undefined): the caller computes those itself.
   */
  element(e: Element, egress: boolean, ep: EndpointInput): {peers: number[] | 'none'; keys: {key: L4Key; rule?: PortRule}[]} {
    let c = this.elements.get(e)
    if (!c) {
      const named = e.toPorts?.some((r) => r.ports?.some((pp) => pp.port !== undefined && isServiceName(pp.port)))
      c = {peers: peerIdentities(e, egress, this), keys: named ? undefined : l4Keys(e, ep, egress)}
      this.elements.set(e, c)
    }
    return {peers: c.peers, keys: c.keys ?? l4Keys(e, ep, egress)}
  }

  /** CIDR identities inside `cidr` and outside every `except`; a /0 also takes the world identities. */
  resolveCidr(cidr: string, except: readonly string[] = []): number[] {
    const key = `${cidr} - ${except.join(',')}`
    let ids = this.cidrs.get(key)
    if (!ids) {
      const p = parsePrefix(cidr, true)
      const ex = except.map((x) => parsePrefix(x)).filter((x): x is Prefix => typeof x !== 'string')
      ids = typeof p === 'string' ? [] : this.cidrIdentities
        .filter((i) => prefixContains(p, i.prefix) && !ex.some((x) => prefixContains(x, i.prefix)))
        .map((i) => i.id)
      if (typeof p !== 'string' && p.bits === 0) ids = [...new Set([...ids, ...this.worldIds])]
      this.cidrs.set(key, ids)
    }
    return ids
  }
}

interface L4Key {
  protocol: number
  dport: number
  prefixLen: number
}

/** A port range split into power-of-two aligned blocks, each one LPM key (prefixLen 8 + fixed port bits). */
export function portRangeKeys(protocol: number, start: number, end: number): L4Key[] {
  const keys: L4Key[] = []
  let p = start
  while (p <= end) {
    let size = 1
    // Grow the block while it stays aligned and inside the range.
    while (size < 0x10000 && p % (size * 2) === 0 && p + size * 2 - 1 <= end) size *= 2
    keys.push({protocol, dport: p, prefixLen: 8 + 16 - Math.log2(size)})
    p += size
  }
  return keys
}

type Element = IngressRule & EgressRule

function l4Keys(e: Element, ep: EndpointInput, egress: boolean): {key: L4Key; rule?: PortRule}[] {
  if (e.icmps?.length) {
    return e.icmps.flatMap((r) => r.fields.flatMap((f) => {
      const v6 = f.family === 'IPv6'
      const t = icmpType(v6 ? 'IPv6' : 'IPv4', f.type)
      return typeof t === 'number' ? [{key: {protocol: v6 ? 58 : 1, dport: t, prefixLen: 24}}] : []
    }))
  }
  if (!e.toPorts?.length) return [{key: {protocol: 0, dport: 0, prefixLen: 0}}]
  const out: {key: L4Key; rule?: PortRule}[] = []
  for (const rule of e.toPorts) {
    for (const pp of rule.ports ?? []) {
      let proto = parseProtocol(pp.protocol) ?? 'ANY'
      let port: number
      if (pp.port !== undefined && isServiceName(pp.port)) {
        // Named ports resolve against this endpoint's container ports on ingress; on egress
        // they name the peers' ports, which we do not track, so they select nothing here.
        const named = egress ? undefined : ep.namedPorts?.[pp.port.toLowerCase()]
        if (!named) continue
        port = named.port
        if (proto === 'ANY') proto = (parseProtocol(named.protocol) ?? 'ANY')
      } else {
        const n = parsePort(pp.port ?? '0')
        port = typeof n === 'number' ? n : 0
      }
      const protos = proto === 'ANY' ? (port === 0 ? [0] : [6, 17, 132]) : [ProtocolNumber[proto]]
      for (const p of protos) {
        if (p === 0) out.push({key: {protocol: 0, dport: 0, prefixLen: 0}, rule})
        else if (port === 0) out.push({key: {protocol: p, dport: 0, prefixLen: 8}, rule})
        else if (pp.endPort !== undefined && pp.endPort > port) {
          for (const key of portRangeKeys(p, port, Math.min(pp.endPort, 0xFFFF))) out.push({key, rule})
        } else out.push({key: {protocol: p, dport: port, prefixLen: 24}, rule})
      }
    }
  }
  return out
}

function peerIdentities(e: Element, egress: boolean, cache: SelectorCache): number[] | 'none' {
  const sels = (egress ? e.toEndpoints : e.fromEndpoints) ?? []
  const cidr = (egress ? e.toCIDR : e.fromCIDR) ?? []
  const cidrSet: CIDRRule[] = (egress ? e.toCIDRSet : e.fromCIDRSet) ?? []
  const entities = (egress ? e.toEntities : e.fromEntities) ?? []
  const hasPeer = sels.length + cidr.length + cidrSet.length + entities.length > 0
    || !!(egress ? e.toServices?.length || e.toFQDNs?.length || e.toGroups?.length || e.toNodes?.length
      : e.fromGroups?.length || e.fromNodes?.length)
  if (!hasPeer) return e.toPorts?.length || e.icmps?.length ? [0] : 'none'
  const ids = new Set<number>()
  for (const s of sels) for (const id of cache.resolve(s)) ids.add(id)
  for (const ent of entities) for (const id of cache.resolveEntity(ent)) ids.add(id)
  for (const c of cidr) for (const id of cache.resolveCidr(c)) ids.add(id)
  for (const c of cidrSet) if (c.cidr) for (const id of cache.resolveCidr(c.cidr, c.except)) ids.add(id)
  // toServices, toFQDNs, toGroups and to/fromNodes need sources this agent does not have
  // (Kubernetes services, the DNS proxy, cloud groups, node labels): they select no one here.
  return ids.has(0) ? [0] : [...ids]
}

const authTypes: Record<string, number> = {disabled: 0, required: 1, 'test-always-fail': 2}

/** The auth byte of an allow element: its mode's type, marked explicit when the element names a mode. */
function authByte(e: Element): number {
  const mode = e.authentication?.mode
  return mode === undefined ? 0 : (authTypes[mode] ?? 0) | POLICY_ENTRY_EXPLICIT_AUTH
}

/** Two allows of one key: the stronger type, explicit when either was. */
function mergeAuth(a: number, b: number): number {
  return Math.max(a & POLICY_ENTRY_AUTH_TYPE_MASK, b & POLICY_ENTRY_AUTH_TYPE_MASK) | ((a | b) & POLICY_ENTRY_EXPLICIT_AUTH)
}

function l7Parser(rule: PortRule | undefined): string | undefined {
  const r = rule?.rules
  if (!hasL7(r) || !r) return undefined
  return r.http ? 'http' : r.kafka ? 'kafka' : r.dns ? 'dns' : r.l7proto
}

/** Whether key `outer` (shorter or equal prefix) covers key `inner` on the protocol+port bits. */
function covers(outer: L4Key, inner: L4Key): boolean {
  if (outer.prefixLen > inner.prefixLen) return false
  if (outer.prefixLen === 0) return true
  const v = (k: L4Key): number => k.protocol * 0x10000 + k.dport
  const shift = 24 - outer.prefixLen
  return Math.floor(v(outer) / 2 ** shift) === Math.floor(v(inner) / 2 ** shift)
}

/** One endpoint's entries by key while they are computed; the entries are its own and change in place. */
class MapState {
  readonly entries = new Map<string, PolicyEntry>()

  insert(identity: number, egress: boolean, key: L4Key, deny: boolean, proxyPort: number, auth: number): void {
    const k = `${identity}/${egress ? 1 : 0}/${key.protocol}/${key.dport}/${key.prefixLen}`
    const old = this.entries.get(k)
    if (!old) {
      // Every entry is built by this one literal: one object shape, fast property access later.
      this.entries.set(k, {identity, egress, protocol: key.protocol, dport: key.dport, prefixLen: key.prefixLen, deny,
        proxyPort, auth, precedence: rulePrecedence({deny, proxyPort}), cookie: 0})
      return
    }
    // Same key: deny wins; between allows a redirect wins and the stronger auth is kept.
    if (old.deny) return
    if (deny) {
      old.deny = true
      old.proxyPort = 0
      old.auth = 0
    } else {
      old.proxyPort = old.proxyPort === 0 ? proxyPort : proxyPort === 0 ? old.proxyPort : Math.min(old.proxyPort, proxyPort)
      old.auth = mergeAuth(old.auth, auth)
    }
    old.precedence = rulePrecedence(old)
  }

  /** A deny removes every allow of the same identity and direction that its key covers. */
  applyDenies(): void {
    // Identity and direction as one number: identities are below 2^32, so this stays exact.
    const peer = (e: PolicyEntry): number => e.identity * 2 + (e.egress ? 1 : 0)
    const denies = new Map<number, PolicyEntry[]>()
    for (const e of this.entries.values()) {
      if (!e.deny) continue
      const list = denies.get(peer(e))
      if (list) list.push(e)
      else denies.set(peer(e), [e])
    }
    if (denies.size === 0) return
    for (const [k, e] of this.entries) {
      if (!e.deny && denies.get(peer(e))?.some((d) => covers(d, e))) this.entries.delete(k)
    }
  }
}

/** Sort order of `cilium bpf policy get`: deny first, ingress before egress, then identity, then the L4 key. */
export function compareEntries(a: PolicyEntry, b: PolicyEntry): number {
  return Number(b.deny) - Number(a.deny) || Number(a.egress) - Number(b.egress) || a.identity - b.identity
    || a.protocol - b.protocol || a.dport - b.dport || a.prefixLen - b.prefixLen
}

/**
 * The policy of one endpoint: its map entries and its enforcement state. Pass one SelectorCache
 * for all endpoints of a regeneration, so each selector is resolved once.
 */
export function computeEndpointPolicy(ep: EndpointInput, ctx: PolicyContext,
  cache = new SelectorCache(ctx.identities, ctx.clusterName)): EndpointPolicy {
  const mode = ctx.enforcement ?? 'default'
  const proxyPorts = ctx.proxyPorts ?? new ProxyPorts()
  const selected = mode === 'never' ? [] : cache.selectingRules(ctx.rules, ep)
  const state = new MapState()
  const enforced = {ingress: mode === 'always', egress: mode === 'always'}
  const add = (elems: readonly Element[] | undefined, egress: boolean, isDeny: boolean): void => {
    for (const e of elems ?? []) {
      const {peers, keys} = cache.element(e, egress, ep)
      if (peers === 'none') continue
      const auth = isDeny ? 0 : authByte(e)
      for (const {key, rule: portRule} of keys) {
        const parser = isDeny ? undefined : l7Parser(portRule)
        const proxyPort = parser ? proxyPorts.portFor(parser, egress) : 0
        for (const identity of peers) state.insert(identity, egress, key, isDeny, proxyPort, auth)
      }
    }
  }
  for (const rule of selected) {
    if ((rule.ingress?.length || rule.ingressDeny?.length) && rule.enableDefaultDeny?.ingress !== false) enforced.ingress = true
    if ((rule.egress?.length || rule.egressDeny?.length) && rule.enableDefaultDeny?.egress !== false) enforced.egress = true
    add(rule.ingress as Element[] | undefined, false, false)
    add(rule.ingressDeny as Element[] | undefined, false, true)
    add(rule.egress as Element[] | undefined, true, false)
    add(rule.egressDeny as Element[] | undefined, true, true)
  }
  const any: L4Key = {protocol: 0, dport: 0, prefixLen: 0}
  if (!enforced.ingress) state.insert(0, false, any, false, 0, 0)
  if (!enforced.egress) state.insert(0, true, any, false, 0, 0)
  if ((ctx.allowLocalhost ?? true) && !ep.isHost) state.insert(ReservedIdentity.host, false, any, false, 0, 0)
  state.applyDenies()
  const both = enforced.ingress && enforced.egress
  const base: PolicyEnabled = both ? 'both' : enforced.ingress ? 'ingress' : enforced.egress ? 'egress' : 'none'
  const policyEnabled = ep.auditMode && base !== 'none' ? `audit-${base}` as PolicyEnabled : base
  return {endpointId: ep.id, entries: [...state.entries.values()].sort(compareEntries),
    ingressEnforced: enforced.ingress, egressEnforced: enforced.egress, policyEnabled, selectedRules: selected.length}
}

/** Every endpoint's policy with one selector cache and one set of proxy ports. */
export function computeAllEndpointPolicies(endpoints: readonly EndpointInput[], ctx: PolicyContext): EndpointPolicy[] {
  const cache = new SelectorCache(ctx.identities, ctx.clusterName)
  const shared = {...ctx, proxyPorts: ctx.proxyPorts ?? new ProxyPorts()}
  return endpoints.map((ep) => computeEndpointPolicy(ep, shared, cache))
}
