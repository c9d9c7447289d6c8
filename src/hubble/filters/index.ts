/**
 * The flow filter engine: Hubble's allow/deny semantics over `flow.FlowFilter`s,
 * shared by our Observer server and by `hubble observe --input-file`.
 *
 * A flow passes when (allow is empty OR some allow filter matches) AND no deny filter
 * matches. A filter matches when every populated field matches; inside one field any
 * value may match. Values are validated once, at compile time, with the Hubble
 * server's error texts; evaluation then only runs precompiled closures.
 */
import {flow} from '../proto/index.js'
import {ValidationError} from '../../errors.js'
import {CelProgramError, compileCel, type EnumTables} from './cel.js'
import {compileGoRegexp, type GoRegexp} from './go-regexp.js'
import {parseAddr, parsePrefix, prefixContains, type Prefix} from './ip.js'
import {compileLabelSelectors} from './labels.js'
import {compileFqdnPatterns, compileNodeNamePatterns} from './patterns.js'

/** A compiled allow/deny pair. A null flow stands for a response that carries no flow (node status, lost events). */
export type FlowPredicate = (f: flow.IFlow | null | undefined) => boolean

/**
 * One event of the observer, as Hubble's filters see it (v1.Event), in the shape of a
 * GetFlowsResponse: a flow, an agent event, a debug event or lost events (one is set). A
 * response with none of them (node status) is an empty flow, as the CLI's file reader
 * hands such lines to the filters.
 */
export interface ObserverEvent {
  flow?: flow.IFlow | null
  agentEvent?: flow.IAgentEvent | null
  debugEvent?: flow.IDebugEvent | null
  lostEvents?: flow.ILostEvent | null
}

/** A compiled allow/deny pair over any observer event. */
export type EventPredicate = (ev: ObserverEvent) => boolean

type Check = (f: flow.IFlow) => boolean

// Numbers of the flow.proto enums the engine compares against.
const VERDICT_DROPPED = 2
const MSG_TYPE_DEBUG = 2         // monitor message types (hubble.md §2.5)
const MSG_TYPE_ACCESS_LOG = 129  // L7 (proxy) events
const MSG_TYPE_AGENT = 130

// What an event is. Every field matcher reads the event's flow, an empty one for all but
// FLOW; only the event-type matcher tells the kinds apart (as upstream's filters do).
const FLOW = 0, NO_FLOW = 1, AGENT = 2, DEBUG = 3, LOST = 4
type EventKind = typeof FLOW | typeof NO_FLOW | typeof AGENT | typeof DEBUG | typeof LOST

/** One compiled FlowFilter; `subType` is the agent or debug event's type. */
type CompiledFilter = (f: flow.IFlow, kind: EventKind, subType: number) => boolean

/**
 * Compiles the allow (whitelist) and deny (blacklist) lists into one predicate over flows.
 * Throws ValidationError with the real server's message for an invalid value
 * (bad regexp, IP, CIDR, port, label selector, pattern, status code, protocol).
 */
export function compileFlowFilters(allow: flow.IFlowFilter[], deny: flow.IFlowFilter[]): FlowPredicate {
  const pass = combine(allow.map(compileFilter), deny.map(compileFilter))
  return (f) => (f == null ? pass(emptyFlow, NO_FLOW, 0) : pass(f, FLOW, 0))
}

/**
 * The same lists as a predicate over any observer event (upstream's filters over v1.Event,
 * as its exporters apply them). Agent, debug and lost events show every field matcher an
 * empty flow, so most fail them; the event-type matcher knows them: an agent event has type
 * 130 and its agent event type as sub type, a debug event type 2 and its debug event type,
 * and lost events pass any event-type filter (hubble.md §3.2). The server and the file
 * reader use compileFlowFilters: GetFlows sends lost events unfiltered, and the CLI's file
 * reader gives the filters a nil flow for a line that carries none.
 */
export function compileEventFilters(allow: flow.IFlowFilter[], deny: flow.IFlowFilter[]): EventPredicate {
  const pass = combine(allow.map(compileFilter), deny.map(compileFilter))
  return (ev) => {
    if (ev.flow != null) return pass(ev.flow, FLOW, 0)
    if (ev.agentEvent != null) return pass(emptyFlow, AGENT, ev.agentEvent.type ?? 0)
    if (ev.debugEvent != null) return pass(emptyFlow, DEBUG, ev.debugEvent.type ?? 0)
    if (ev.lostEvents != null) return pass(emptyFlow, LOST, 0)
    return pass(emptyFlow, NO_FLOW, 0)
  }
}

/** (allow is empty OR some allow filter matches) AND no deny filter matches. */
function combine(allowed: CompiledFilter[], denied: CompiledFilter[]): CompiledFilter {
  return (f, kind, subType) => {
    if (allowed.length > 0) {
      let any = false
      for (const c of allowed) {
        if (c(f, kind, subType)) {
          any = true
          break
        }
      }
      if (!any) return false
    }
    for (const c of denied) if (c(f, kind, subType)) return false
    return true
  }
}

const emptyFlow: flow.IFlow = {}

function has<T>(list: T[] | null | undefined): list is T[] {
  return list != null && list.length > 0
}

function invalid(message: string): ValidationError {
  return new ValidationError(message)
}

/** Compiles one FlowFilter into the AND of its populated fields. */
function compileFilter(ff: flow.IFlowFilter): CompiledFilter {
  const checks: Check[] = []
  let ipVersionCheck: Check | undefined
  const eventTypes = has(ff.eventType) ? ff.eventType : undefined
  if (has(ff.uuid)) {
    const set = new Set(ff.uuid)
    checks.push((f) => set.has(f.uuid ?? ''))
  }
  if (has(ff.verdict)) {
    const set = new Set(ff.verdict)
    checks.push((f) => set.has(f.verdict ?? 0))
  }
  if (has(ff.dropReasonDesc)) {
    const set = new Set(ff.dropReasonDesc)
    checks.push((f) => f.verdict === VERDICT_DROPPED && set.has(f.dropReasonDesc ?? 0))
  }
  if (has(ff.reply)) {
    const values = ff.reply
    checks.push((f) => {
      const r = f.isReply
      if (r == null && f.verdict !== VERDICT_DROPPED) return false
      return values.includes(r?.value ?? false)
    })
  }
  if (has(ff.encrypted)) {
    const values = ff.encrypted
    checks.push((f) => values.includes(f.IP?.encrypted ?? false))
  }
  if (has(ff.sourceIdentity)) {
    const set = new Set(ff.sourceIdentity)
    checks.push((f) => f.source != null && set.has(f.source.identity ?? 0))
  }
  if (has(ff.destinationIdentity)) {
    const set = new Set(ff.destinationIdentity)
    checks.push((f) => f.destination != null && set.has(f.destination.identity ?? 0))
  }
  if (has(ff.protocol)) checks.push(protocolCheck(ff.protocol))
  if (has(ff.sourceIp)) checks.push(ipCheck(ff.sourceIp, (f) => f.IP?.source))
  if (has(ff.destinationIp)) checks.push(ipCheck(ff.destinationIp, (f) => f.IP?.destination))
  if (has(ff.sourceIpXlated)) checks.push(ipCheck(ff.sourceIpXlated, (f) => f.IP?.sourceXlated))
  if (has(ff.sourcePod)) {
    checks.push(namespacedNameCheck(ff.sourcePod, (f) => [f.source?.namespace, f.source?.podName], ''))
  }
  if (has(ff.destinationPod)) {
    checks.push(namespacedNameCheck(ff.destinationPod, (f) => [f.destination?.namespace, f.destination?.podName], ''))
  }
  if (has(ff.sourceWorkload)) checks.push(workloadCheck(ff.sourceWorkload, (f) => f.source))
  if (has(ff.destinationWorkload)) checks.push(workloadCheck(ff.destinationWorkload, (f) => f.destination))
  if (has(ff.sourceService)) {
    checks.push(namespacedNameCheck(ff.sourceService, (f) => [f.sourceService?.namespace, f.sourceService?.name],
      'invalid source service filter: '))
  }
  if (has(ff.destinationService)) {
    checks.push(namespacedNameCheck(ff.destinationService,
      (f) => [f.destinationService?.namespace, f.destinationService?.name], 'invalid destination service filter: '))
  }
  if (has(ff.sourceFqdn)) checks.push(fqdnCheck(ff.sourceFqdn, (f) => f.sourceNames))
  if (has(ff.destinationFqdn)) checks.push(fqdnCheck(ff.destinationFqdn, (f) => f.destinationNames))
  if (has(ff.dnsQuery)) {
    const res = ff.dnsQuery.map((p) => compileRegexp(p, 'invalid DNS query filter: failed to compile regexp: '))
    checks.push((f) => {
      const dns = f.l7?.dns
      if (dns == null) return false
      const q = dns.query ?? ''
      return res.some((re) => re.test(q))
    })
  }
  if (has(ff.sourceLabel)) checks.push(labelCheck(ff.sourceLabel, 'invalid source label filter: ', (f) => f.source?.labels))
  if (has(ff.destinationLabel)) {
    checks.push(labelCheck(ff.destinationLabel, 'invalid destination label filter: ', (f) => f.destination?.labels))
  }
  if (has(ff.nodeLabels)) checks.push(labelCheck(ff.nodeLabels, 'invalid node label filter: ', (f) => f.nodeLabels))
  if (has(ff.sourcePort)) checks.push(portCheck(ff.sourcePort, 'invalid source port filter: ', true))
  if (has(ff.destinationPort)) checks.push(portCheck(ff.destinationPort, 'invalid destination port filter: ', false))
  checks.push(...httpChecks(ff))
  if (has(ff.tcpFlags)) checks.push(tcpFlagsCheck(ff.tcpFlags))
  if (has(ff.nodeName)) {
    const re = compilePattern(() => compileNodeNamePatterns(ff.nodeName!), '')
    checks.push((f) => {
      const name = f.nodeName
      if (!name) return false
      return re.test(name.includes('/') ? name : 'default/' + name)
    })
  }
  if (has(ff.sourceClusterName)) checks.push(clusterCheck(ff.sourceClusterName, (f) => f.source?.clusterName))
  if (has(ff.destinationClusterName)) checks.push(clusterCheck(ff.destinationClusterName, (f) => f.destination?.clusterName))
  if (has(ff.ipVersion)) {
    const set = new Set(ff.ipVersion)
    ipVersionCheck = (f) => set.has(f.IP?.ipVersion ?? 0)
    checks.push(ipVersionCheck)
  }
  if (has(ff.traceId)) {
    const set = new Set(ff.traceId)
    checks.push((f) => set.has(f.traceContext?.parent?.traceId ?? ''))
  }
  if (has(ff.trafficDirection)) {
    const set = new Set(ff.trafficDirection)
    checks.push((f) => set.has(f.trafficDirection ?? 0))
  }
  if (has(ff.experimental?.celExpression)) {
    const exprs = ff.experimental.celExpression.map((e) => {
      try {
        return compileCel(e, flowEnums())
      } catch (error) {
        const stage = error instanceof CelProgramError ? 'building CEL program' : 'compiling CEL expression'
        throw invalid(`error ${stage}: ${(error as Error).message}`)
      }
    })
    checks.push((f) => exprs.some((e) => e(f)))
  }
  if (has(ff.interface)) {
    const ifaces = ff.interface
    checks.push((f) => {
      const iface = f.interface
      if (iface == null) return false
      return ifaces.some((w) => (!w.index || w.index === iface.index) && (!w.name || w.name === iface.name))
    })
  }
  if (has(ff.ipTraceId)) {
    const set = new Set(ff.ipTraceId.map(String))
    checks.push((f) => set.has(String(f.ipTraceId?.traceId ?? 0)))
  }
  const n = checks.length
  return (f, kind, subType) => {
    // An event without a flow fails an IP-version filter even for IP_NOT_USED, as upstream.
    if (kind !== FLOW && ipVersionCheck) return false
    if (eventTypes && !eventTypeMatches(eventTypes, f, kind, subType)) return false
    for (let i = 0; i < n; i++) if (!checks[i](f)) return false
    return true
  }
}

let enumTables: EnumTables | undefined

/** The top-level enums of the generated flow package (Verdict, TrafficDirection, ...), for CEL constants. */
function flowEnums(): EnumTables {
  if (!enumTables) {
    enumTables = {}
    for (const [name, v] of Object.entries(flow)) {
      if (v !== null && typeof v === 'object') enumTables[name] = v as unknown as Record<string, number>
    }
  }
  return enumTables
}

function compileRegexp(pattern: string, prefix: string): GoRegexp {
  try {
    return compileGoRegexp(pattern)
  } catch (error) {
    throw invalid(prefix + (error as Error).message)
  }
}

function compilePattern(build: () => GoRegexp, prefix: string): GoRegexp {
  try {
    return build()
  } catch (error) {
    throw invalid(prefix + (error as Error).message)
  }
}

function eventTypeMatches(types: flow.IEventTypeFilter[], f: flow.IFlow, kind: EventKind, subType: number): boolean {
  if (kind === LOST) return true
  if (kind === FLOW) {
    const ev = f.eventType
    if (ev == null) return false
    const t = ev.type ?? 0
    const st = ev.subType ?? 0
    for (const tf of types) {
      if (tf.type && tf.type !== t) continue
      if (tf.matchSubType && (tf.subType ?? 0) !== st) continue
      return true
    }
    return false
  }
  if (kind === NO_FLOW) return false
  const type = kind === AGENT ? MSG_TYPE_AGENT : MSG_TYPE_DEBUG
  for (const tf of types) {
    if (tf.type && tf.type !== type) continue
    if (tf.matchSubType && (tf.subType ?? 0) !== subType) continue
    return true
  }
  return false
}

function protocolCheck(protocols: string[]): Check {
  const l4 = new Set<string>()
  const l7 = new Set<string>()
  for (const p of protocols) {
    const name = p.toLowerCase()
    if (['icmp', 'icmpv4', 'icmpv6', 'tcp', 'udp', 'sctp', 'vrrp', 'igmp'].includes(name)) l4.add(name)
    else if (['dns', 'http', 'kafka'].includes(name)) l7.add(name)
    else throw invalid(`invalid protocol filter: unknown protocol: ${JSON.stringify(p)}`)
  }
  return (f) => {
    const x = f.l4
    if (x != null) {
      if (x.TCP != null && l4.has('tcp')) return true
      if (x.UDP != null && l4.has('udp')) return true
      if (x.ICMPv4 != null && (l4.has('icmpv4') || l4.has('icmp'))) return true
      if (x.ICMPv6 != null && (l4.has('icmpv6') || l4.has('icmp'))) return true
      if (x.SCTP != null && l4.has('sctp')) return true
      if (x.VRRP != null && l4.has('vrrp')) return true
      if (x.IGMP != null && l4.has('igmp')) return true
    }
    const y = f.l7
    if (y != null) {
      if (y.dns != null && l7.has('dns')) return true
      if (y.http != null && l7.has('http')) return true
      if (y.kafka != null && l7.has('kafka')) return true
    }
    return false
  }
}

function ipCheck(values: string[], get: (f: flow.IFlow) => string | null | undefined): Check {
  const addresses = new Set<string>()
  const prefixes: Prefix[] = []
  for (const v of values) {
    try {
      if (v.includes('/')) prefixes.push(parsePrefix(v))
      else {
        parseAddr(v)
        addresses.add(v)
      }
    } catch (error) {
      throw invalid(`invalid IP ${v.includes('/') ? 'prefix' : 'address'} ${JSON.stringify(v)} in filter: ${(error as Error).message}`)
    }
  }
  return (f) => {
    const ip = get(f)
    if (!ip) return false
    if (addresses.has(ip)) return true
    if (prefixes.length === 0) return false
    let addr
    try {
      addr = parseAddr(ip)
    } catch {
      return false
    }
    for (const p of prefixes) if (prefixContains(p, addr)) return true
    return false
  }
}

function namespacedNameCheck(values: string[], get: (f: flow.IFlow) => [string | null | undefined, string | null | undefined],
  errorPrefix: string): Check {
  const specs = values.map((v) => {
    if (v === '') throw invalid(errorPrefix + 'invalid filter, name must not be empty')
    // `name` means namespace default; `ns/` any name in ns; `/prefix` any namespace.
    const slash = v.indexOf('/')
    return slash < 0 ? {ns: 'default', prefix: v} : {ns: v.slice(0, slash), prefix: v.slice(slash + 1)}
  })
  return (f) => {
    const [ns = '', name = ''] = get(f)
    if (!ns && !name) return false
    for (const s of specs) {
      if ((s.ns === '' || s.ns === ns) && (s.prefix === '' || (name ?? '').startsWith(s.prefix))) return true
    }
    return false
  }
}

function workloadCheck(want: flow.IWorkload[], get: (f: flow.IFlow) => flow.IEndpoint | null | undefined): Check {
  return (f) => {
    const workloads = get(f)?.workloads
    if (!workloads) return false
    for (const w of workloads) {
      for (const x of want) {
        if ((!x.name || x.name === w.name) && (!x.kind || x.kind === w.kind)) return true
      }
    }
    return false
  }
}

function fqdnCheck(patterns: string[], get: (f: flow.IFlow) => string[] | null | undefined): Check {
  const re = compilePattern(() => compileFqdnPatterns(patterns), '')
  return (f) => {
    const names = get(f)
    if (!names) return false
    for (const n of names) if (re.test(n)) return true
    return false
  }
}

function labelCheck(selectors: string[], errorPrefix: string, get: (f: flow.IFlow) => string[] | null | undefined): Check {
  let match
  try {
    match = compileLabelSelectors(selectors)
  } catch (error) {
    throw invalid(errorPrefix + (error as Error).message)
  }
  return (f) => match(get(f))
}

function portCheck(values: string[], errorPrefix: string, source: boolean): Check {
  const ports = new Set<number>()
  for (const v of values) {
    if (!/^[0-9]+$/.test(v)) {
      throw invalid(`${errorPrefix}invalid port ${JSON.stringify(v)}: strconv.ParseUint: parsing ${JSON.stringify(v)}: invalid syntax`)
    }
    const n = Number(v)
    if (n > 65535) {
      throw invalid(`${errorPrefix}invalid port ${JSON.stringify(v)}: strconv.ParseUint: parsing ${JSON.stringify(v)}: value out of range`)
    }
    ports.add(n)
  }
  return (f) => {
    const l4 = f.l4
    if (l4 == null) return false
    const x = l4.TCP ?? l4.UDP ?? l4.SCTP
    if (x == null) return false
    return ports.has(((source ? x.sourcePort : x.destinationPort) ?? 0) & 0xffff)
  }
}

function httpChecks(ff: flow.IFlowFilter): Check[] {
  const checks: Check[] = []
  const compatible = !has(ff.eventType) || ff.eventType.some((t) => t.type === MSG_TYPE_ACCESS_LOG)
  const requireL7 = (what: string): void => {
    if (!compatible) throw invalid(`filtering by ${what} requires the event type filter to only match 'l7' events`)
  }
  if (has(ff.httpStatusCode)) {
    requireL7('http status code')
    const full = new Set<string>()
    const prefixes: string[] = []
    for (const s of ff.httpStatusCode) {
      if (/^[1-5][0-9]{2}$/.test(s)) full.add(s)
      else if (/^[1-5][0-9]?\+$/.test(s)) prefixes.push(s.slice(0, -1))
      else throw invalid(`invalid http status code filter: invalid status code prefix: ${JSON.stringify(s)}`)
    }
    checks.push((f) => {
      const code = f.l7?.http?.code
      if (!code) return false
      const text = String(code).padStart(3, '0')
      if (full.has(text)) return true
      return prefixes.some((p) => text.startsWith(p))
    })
  }
  if (has(ff.httpMethod)) {
    requireL7('http method')
    const methods = ff.httpMethod.map((m) => m.toLowerCase())
    checks.push((f) => {
      const m = f.l7?.http?.method
      return !!m && methods.includes(m.toLowerCase())
    })
  }
  if (has(ff.httpPath)) {
    requireL7('http path')
    const res = ff.httpPath.map((p) => compileRegexp(p, `invalid http path filter: ${p}: `))
    checks.push((f) => {
      const url = f.l7?.http?.url
      if (!url) return false
      const path = requestUriPath(url)
      return path !== undefined && res.some((re) => re.test(path))
    })
  }
  if (has(ff.httpUrl)) {
    requireL7('http url')
    const res = ff.httpUrl.map((p) => compileRegexp(p, `invalid http url filter: ${p}: `))
    checks.push((f) => {
      const url = f.l7?.http?.url
      return !!url && res.some((re) => re.test(url))
    })
  }
  if (has(ff.httpHeader)) {
    requireL7('http headers')
    const want = ff.httpHeader
    checks.push((f) => {
      const headers = f.l7?.http?.headers
      if (!headers) return false
      return headers.some((h) => want.some((w) => (w.key ?? '') === (h.key ?? '') && (w.value ?? '') === (h.value ?? '')))
    })
  }
  return checks
}

/**
 * The path of a URL read as Go's url.ParseRequestURI does: an absolute URL or an
 * absolute path, the query and no fragment handling; undefined when it does not parse.
 */
function requestUriPath(raw: string): string | undefined {
  // Go refuses ASCII control characters anywhere in a URL; "*" is the asterisk-form request target.
  for (let i = 0; i < raw.length; i++) {
    const c = raw.charCodeAt(i)
    if (c < 0x20 || c === 0x7f) return undefined
  }
  if (raw === '*') return '*'
  const q = raw.indexOf('?')
  const rest = q >= 0 ? raw.slice(0, q) : raw
  if (rest.startsWith('/')) return decodePath(rest)
  const scheme = /^[A-Za-z][A-Za-z0-9+.-]*:/.exec(rest)
  if (!scheme) return undefined
  const afterScheme = rest.slice(scheme[0].length)
  // `scheme:rootless` is an opaque URL: its path is empty.
  if (!afterScheme.startsWith('//')) return afterScheme.startsWith('/') ? decodePath(afterScheme) : ''
  const slash = afterScheme.indexOf('/', 2)
  return slash < 0 ? '' : decodePath(afterScheme.slice(slash))
}

/**
 * Percent-decoding as Go's path unescaping: a `%` without two hex digits is an error; the
 * bytes need not be UTF-8 (Go keeps them, and its regexps read each bad byte as U+FFFD).
 */
function decodePath(p: string): string | undefined {
  if (!p.includes('%')) return p
  if (/%(?![0-9A-Fa-f]{2})/.test(p)) return undefined
  try {
    return decodeURIComponent(p)
  } catch {
    const bytes: number[] = []
    for (let i = 0; i < p.length; i++) {
      if (p[i] === '%') {
        bytes.push(parseInt(p.slice(i + 1, i + 3), 16))
        i += 2
      } else {
        const c = String.fromCodePoint(p.codePointAt(i)!)
        bytes.push(...Buffer.from(c, 'utf8'))
        i += c.length - 1
      }
    }
    return Buffer.from(bytes).toString('utf8')
  }
}

function tcpFlagsCheck(want: flow.ITCPFlags[]): Check {
  const names = ['FIN', 'SYN', 'RST', 'PSH', 'ACK', 'URG', 'ECE', 'CWR', 'NS'] as const
  const masks = want.map((w) => names.reduce((m, n, i) => (w[n] ? m | (1 << i) : m), 0))
  return (f) => {
    const flags = f.l4?.TCP?.flags
    if (flags == null) return false
    let have = 0
    for (let i = 0; i < names.length; i++) if (flags[names[i]]) have |= 1 << i
    for (const m of masks) if ((have & m) === m) return true
    return false
  }
}

function clusterCheck(values: string[], get: (f: flow.IFlow) => string | null | undefined): Check {
  for (const v of values) if (v === '') throw invalid('invalid filter, name must not be empty')
  const set = new Set(values)
  return (f) => set.has(get(f) ?? '')
}
