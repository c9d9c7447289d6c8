/**
 * Datapath events -> flow.Flow, filled as the Cilium agent's Hubble parser fills them
 * (research/hubble.md §2.4-2.6): verdict, drop reason, L4, L7 HTTP, traffic direction, is_reply,
 * both endpoints with their namespace, pod name, labels and identity, node name, Summary and
 * time. The pipeline reads the datapath's events and feeds the flow ring; datapath losses are
 * reported as LostEvents (source PERF_EVENT_RING_BUFFER, as the agent names its ring).
 */
import {flow as FlowNs} from '../hubble/proto/index.js'
import type {FlowObserver} from '../hubble/server/index.js'
import type {AgentState} from './rest/state.js'
import type {Datapath, DatapathEvent} from './datapath.js'
import type {PacketSummary} from '../datapath/events.js'
import type {Logger} from './log.js'

/** Trace observation points, monitor numbering -> proto numbering (they differ for TO_ENDPOINT). */
const observationPoint: Record<number, number> = {0: 101, 1: 1, 2: 2, 3: 3, 4: 4, 5: 5, 6: 6, 7: 7, 8: 8, 9: 9, 10: 10, 11: 11, 12: 12, 13: 13}
/** Trace reasons: datapath numbering (0 new, 1 established, 2 reply, 3 related) -> proto. */
const traceReason: Record<number, number> = {0: 1, 1: 2, 2: 3, 3: 4}
const REASON_REPLY = 2
const OBS_TO_ENDPOINT = 0

const Verdict = FlowNs.Verdict
const FlowType = FlowNs.FlowType
const Direction = FlowNs.TrafficDirection
const L7Type = FlowNs.L7FlowType
const IPVersion = {4: FlowNs.IPVersion.IPv4, 6: FlowNs.IPVersion.IPv6} as const
const MessageType = {drop: 1, trace: 4, policyVerdict: 5, l7: 129} as const
const LOST_FROM_PERF_RING = FlowNs.LostEventSource.PERF_EVENT_RING_BUFFER

const tcpFlagNames: [string, number][] = [['SYN', 0x02], ['ACK', 0x10], ['RST', 0x04], ['FIN', 0x01], ['PSH', 0x08],
  ['URG', 0x20], ['ECE', 0x40], ['CWR', 0x80]]

/** gopacket's names of the ICMPv4 type-codes the CLI prints. */
const icmpv4Names: Record<number, string> = {0: 'EchoReply', 3: 'DestinationUnreachable', 5: 'Redirect', 8: 'EchoRequest',
  11: 'TimeExceeded', 12: 'ParameterProblem', 13: 'TimestampRequest', 14: 'TimestampReply'}
const icmpv6Names: Record<number, string> = {1: 'DestinationUnreachable', 2: 'PacketTooBig', 3: 'TimeExceeded',
  128: 'EchoRequest', 129: 'EchoReply', 133: 'RouterSolicitation', 134: 'RouterAdvertisement', 135: 'NeighborSolicitation',
  136: 'NeighborAdvertisement'}

function l4Of(p: PacketSummary | undefined): FlowNs.ILayer4 | undefined {
  if (!p) return undefined
  switch (p.protocol) {
    case 6: {
      const f = p.tcpFlags ?? 0
      const flags: Record<string, boolean> = {}
      for (const [name, bit] of tcpFlagNames) if (f & bit) flags[name] = true
      return {TCP: {sourcePort: p.sport, destinationPort: p.dport, flags}}
    }
    case 17: return {UDP: {sourcePort: p.sport, destinationPort: p.dport}}
    case 132: return {SCTP: {sourcePort: p.sport, destinationPort: p.dport}}
    case 1: return {ICMPv4: {type: p.icmpType, code: p.icmpCode}}
    case 58: return {ICMPv6: {type: p.icmpType, code: p.icmpCode}}
    default: return undefined
  }
}

/** The Summary of an L3/L4 flow (hubble.md §2.6). */
export function l34Summary(p: PacketSummary | undefined): string {
  if (!p) return 'Ethernet'
  switch (p.protocol) {
    case 6: {
      const f = p.tcpFlags ?? 0
      const names = tcpFlagNames.filter(([, bit]) => f & bit).map(([n]) => n)
      return `TCP Flags: ${names.join(', ')}`
    }
    case 17: return 'UDP'
    case 132: return 'SCTP'
    case 1: return `ICMPv4 ${icmpv4Names[p.icmpType ?? -1] ?? `${p.icmpType}(${p.icmpCode})`}`
    case 58: return `ICMPv6 ${icmpv6Names[p.icmpType ?? -1] ?? `${p.icmpType}(${p.icmpCode})`}`
    default: return p.ipv6 ? 'IPv6' : 'IPv4'
  }
}

const maxOpenRequests = 4096

/** What the pipeline knows of endpoints and identities, rebuilt when the state changes. */
export class EndpointDirectory {
  /** Open HTTP requests by connection (client > server), oldest first; bounded. */
  private readonly requests = new Map<string, {method: string; path: string}>()

  constructor(private readonly state: AgentState, private readonly clusterName: string) {}

  /** The IPv4 address of a local endpoint. */
  ipOf(endpointId: number): string | undefined {
    return this.state.endpoints.get(endpointId)?.status?.networking?.addressing?.[0]?.ipv4
  }

  rememberRequest(conn: string, req: {method: string; path: string}): void {
    this.requests.delete(conn)
    this.requests.set(conn, req)
    if (this.requests.size > maxOpenRequests) this.requests.delete(this.requests.keys().next().value!)
  }

  takeRequest(conn: string): {method: string; path: string} | undefined {
    const r = this.requests.get(conn)
    this.requests.delete(conn)
    return r
  }

  /** The flow.Endpoint of an address: a local endpoint with its metadata, else the identity's labels. */
  endpoint(ip: string | undefined, identity: number): FlowNs.IEndpoint {
    const ep = ip === undefined ? undefined : [...this.state.endpoints.values()].find((e) =>
      (e.status?.networking?.addressing ?? []).some((a) => a.ipv4 === ip || a.ipv6 === ip))
    if (ep) {
      const ids = ep.status?.['external-identifiers']
      const id = ep.status?.identity?.id ?? identity
      return {ID: ep.id, identity: id, clusterName: this.clusterName, namespace: ids?.['k8s-namespace'] ?? '',
        labels: [...(ep.status?.labels?.['security-relevant'] ?? [])].sort(), podName: ids?.['k8s-pod-name'] ?? ''}
    }
    const labels = this.state.identities.get(identity)?.labels ?? []
    return {identity, labels: [...labels].sort()}
  }
}

/**
 * One datapath event -> one flow; undefined for records that are no flow (debug, unknown).
 * `nowMs` stamps it: ring buffer records carry no wall-clock time.
 */
export function eventToFlow(ev: DatapathEvent, dir: EndpointDirectory, nodeName: string, nowMs = Date.now()): FlowNs.IFlow | undefined {
  if (ev.type === 'debug' || ev.type === 'unknown') return undefined
  const p = ev.summary
  const base: FlowNs.IFlow = {
    time: {seconds: Math.floor(nowMs / 1000), nanos: (nowMs % 1000) * 1e6},
    nodeName,
    ...(p ? {IP: {source: p.src, destination: p.dst, ipVersion: p.ipv6 ? IPVersion[6] : IPVersion[4]}} : {}),
    ...('ifindex' in ev && ev.ifindex ? {interface: {index: ev.ifindex}} : {}),
  }
  const l4 = l4Of(p)
  if (l4) base.l4 = l4
  switch (ev.type) {
    case 'trace': {
      const reason = ev.reason & 0x7f
      const reply = reason === REASON_REPLY
      return {...base, Type: FlowType.L3_L4, verdict: Verdict.FORWARDED,
        source: dir.endpoint(p?.src, ev.srcIdentity), destination: dir.endpoint(p?.dst, ev.dstIdentity),
        eventType: {type: MessageType.trace, subType: ev.observationPoint},
        traceObservationPoint: observationPoint[ev.observationPoint] ?? 0,
        traceReason: traceReason[reason] ?? 0,
        // A reply travels against the connection: to-endpoint of a reply is the egress of the connection.
        trafficDirection: (ev.observationPoint === OBS_TO_ENDPOINT) !== reply ? Direction.INGRESS : Direction.EGRESS,
        isReply: {value: reply}, reply,
        Summary: l34Summary(p)}
    }
    case 'drop': {
      return {...base, Type: FlowType.L3_L4, verdict: Verdict.DROPPED, dropReason: ev.reason, dropReasonDesc: ev.reason,
        source: dir.endpoint(p?.src, ev.srcIdentity), destination: dir.endpoint(p?.dst, ev.dstIdentity),
        eventType: {type: MessageType.drop, subType: ev.reason},
        trafficDirection: ev.dstEndpoint !== 0 ? Direction.INGRESS : Direction.EGRESS,
        Summary: l34Summary(p)}
    }
    case 'policy-verdict': {
      const ingress = ev.direction === 'ingress'
      const verdict = ev.audited ? Verdict.AUDIT : ev.verdict < 0 ? Verdict.DROPPED : ev.verdict > 0 ? Verdict.REDIRECTED : Verdict.FORWARDED
      const local = dir.endpoint(ingress ? p?.dst : p?.src, 0)
      const remote = dir.endpoint(ingress ? p?.src : p?.dst, ev.remoteIdentity)
      return {...base, Type: FlowType.L3_L4, verdict,
        ...(ev.verdict < 0 ? {dropReason: -ev.verdict, dropReasonDesc: -ev.verdict} : {}),
        source: ingress ? remote : local, destination: ingress ? local : remote,
        eventType: {type: MessageType.policyVerdict, subType: 0},
        trafficDirection: ingress ? Direction.INGRESS : Direction.EGRESS,
        policyMatchType: ev.matchType,
        ...(ev.verdict >= 0 || ev.audited ? {isReply: {value: false}} : {}),
        ...(ev.verdict > 0 ? {proxyPort: ev.verdict} : {}),
        Summary: l34Summary(p)}
    }
    case 'l7': {
      const protocol = `HTTP/${ev.httpVersion}`
      const request = ev.kind === 'request'
      // The server is the destination of a request and the source of a response.
      const server = request ? p?.dst : p?.src
      // A response record carries no method or path: they come from its request on the same connection.
      const conn = p && `${request ? p.src : p.dst}:${request ? p.sport : p.dport}>${server}:${request ? p.dport : p.sport}`
      const asked = request || !conn ? {method: ev.method, path: ev.path} : dir.takeRequest(conn) ?? {method: ev.method, path: ev.path}
      if (request && conn) dir.rememberRequest(conn, asked)
      const method = asked.method
      const url = `http://${p?.ipv6 ? `[${server}]` : server ?? ''}${asked.path}`
      const latencyMs = Number(ev.latencyNs / 1_000_000n)
      return {...base, Type: FlowType.L7, verdict: Verdict.FORWARDED,
        source: dir.endpoint(p?.src, ev.srcIdentity), destination: dir.endpoint(p?.dst, ev.dstIdentity),
        eventType: {type: MessageType.l7, subType: 0},
        // Both halves take the direction of the connection as the reporting endpoint sees it.
        trafficDirection: dir.ipOf(ev.source) === (request ? p?.src : p?.dst) ? Direction.EGRESS : Direction.INGRESS,
        isReply: {value: !request}, reply: !request,
        l7: {type: request ? L7Type.REQUEST : L7Type.RESPONSE, latencyNs: request ? 0 : Number(ev.latencyNs),
          http: {method, url, protocol, ...(request ? {} : {code: ev.status})}},
        Summary: request ? `${protocol} ${method} ${url}` : `${protocol} ${ev.status} ${latencyMs}ms (${method} ${url})`}
    }
  }
}

export interface FlowPipelineDeps {
  datapath: Datapath
  observer: FlowObserver
  state: AgentState
  nodeName: string
  clusterName: string
  log: Logger
}

/** How often the datapath's loss counter is read. */
const lostPollMs = 250
/** Events the pipeline takes between two turns of the event loop. */
const pumpChunk = 1024

export class FlowPipeline {
  private readonly abort = new AbortController()
  private running?: Promise<void>
  private lostTimer?: NodeJS.Timeout
  private lostReported = 0
  private readonly dir: EndpointDirectory
  /** Flows added to the ring since start. */
  flows = 0

  constructor(private readonly deps: FlowPipelineDeps) {
    this.dir = new EndpointDirectory(deps.state, deps.clusterName)
  }

  start(): void {
    this.running = this.pump().catch((err: unknown) => {
      this.deps.log.error('Flow pipeline stopped', {error: (err as Error).message})
    })
    this.lostTimer = setInterval(() => this.reportLost(), lostPollMs)
    this.lostTimer.unref()
  }

  private async pump(): Promise<void> {
    let sinceTurn = 0
    for await (const ev of this.deps.datapath.events(this.abort.signal)) {
      // A backlog comes as one batch of up to 65,536 events: taken in one go, it laps every Hubble
      // reader of a ring that size before any of them runs. Turns of the event loop between chunks let them read.
      if (++sinceTurn === pumpChunk) {
        sinceTurn = 0
        await new Promise(setImmediate)
      }
      const f = eventToFlow(ev, this.dir, this.deps.nodeName)
      if (!f) continue
      this.deps.observer.addFlow(f)
      this.flows++
    }
  }

  /** Reports datapath losses since the last report to the Hubble server, as one LostEvent (source PERF_EVENT_RING_BUFFER). */
  reportLost(): void {
    const total = this.deps.datapath.lostEvents()
    const n = total - this.lostReported
    if (n <= 0) return
    this.lostReported = total
    this.deps.observer.addLostEvents(LOST_FROM_PERF_RING, n)
    this.deps.log.warn('Datapath events lost', {lost: n, total})
  }

  async stop(): Promise<void> {
    clearInterval(this.lostTimer)
    this.abort.abort()
    await this.running
  }
}
