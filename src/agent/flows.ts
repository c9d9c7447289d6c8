/**
 * Datapath events -> flow.Flow, filled as the Cilium agent's Hubble parser fills them
 * (research/hubble.md §2.4-2.6): verdict, drop reason, L4, L7 HTTP, traffic direction, is_reply,
 * both endpoints with their namespace, pod name, labels and identity, node name, Summary and
 * time. The pipeline reads the datapath's events and feeds the flow ring; datapath losses are
 * reported as LostEvents (source PERF_EVENT_RING_BUFFER, as the agent names its ring).
 */
import {type flow as FlowNs, observer as ObserverNs} from '../hubble/proto/index.js'
import type {FlowObserver} from '../hubble/server/index.js'
import type {AgentState} from './rest/state.js'
import type {Datapath} from './datapath.js'
import type {Logger} from './log.js'

/** The layer 3/4 headers of the packet an event carries. */
export interface PacketHeaders {
  ipVersion: 4 | 6
  source: string
  destination: string
  /** IP protocol number. */
  protocol: number
  sourcePort?: number
  destinationPort?: number
  /** TCP flags byte (FIN 0x01 … CWR 0x80) and the NS bit. */
  tcpFlags?: number
  tcpNs?: boolean
  icmpType?: number
  icmpCode?: number
}

interface EventBase {
  /** Endpoint ID of the program that sent the event. */
  source: number
  /** Interface the packet was seen on. */
  ifindex?: number
  packet?: PacketHeaders
  /** When the agent read the event (ms since the epoch); the ring buffer records carry no wall time. */
  timeMs?: number
}

/** The decoded datapath events the agent turns into flows (bpf/include/ck/events.h). */
export type DatapathEventLike =
  | EventBase & {kind: 'trace'; observationPoint: number; reason: number; srcIdentity: number; dstIdentity: number; dstId: number}
  | EventBase & {kind: 'drop'; reason: number; srcIdentity: number; dstIdentity: number; dstId: number}
  | EventBase & {kind: 'policy-verdict'; remoteIdentity: number; verdict: number; direction: 'ingress' | 'egress';
    matchType: number; audited: boolean}
  | EventBase & {kind: 'l7'; type: 'request' | 'response'; srcIdentity: number; dstIdentity: number; method: string; path: string;
    status: number; latencyNs: bigint; httpMinor: number}

/** Trace observation points, monitor numbering -> proto numbering (they differ for TO_ENDPOINT). */
const observationPoint: Record<number, number> = {0: 101, 1: 1, 2: 2, 3: 3, 4: 4, 5: 5, 6: 6, 7: 7, 8: 8, 9: 9, 10: 10, 11: 11, 12: 12, 13: 13}
/** Trace reasons: datapath numbering (0 new, 1 established, 2 reply, 3 related) -> proto. */
const traceReason: Record<number, number> = {0: 1, 1: 2, 2: 3, 3: 4}
const REASON_REPLY = 2
const OBS_TO_ENDPOINT = 0

// Enum values of flow.proto, written out so this module needs the generated code only for types.
const Verdict = {FORWARDED: 1, DROPPED: 2, AUDIT: 5, REDIRECTED: 6} as const
const FlowType = {L3_L4: 1, L7: 2} as const
const Direction = {INGRESS: 1, EGRESS: 2} as const
const L7Type = {REQUEST: 1, RESPONSE: 2} as const
const IPVersion = {4: 1, 6: 2} as const
const MessageType = {drop: 1, trace: 4, policyVerdict: 5, l7: 129} as const
const LOST_FROM_PERF_RING = 1

const tcpFlagNames: [string, number][] = [['SYN', 0x02], ['ACK', 0x10], ['RST', 0x04], ['FIN', 0x01], ['PSH', 0x08],
  ['URG', 0x20], ['ECE', 0x40], ['CWR', 0x80]]

/** gopacket's names of the ICMPv4 type-codes the CLI prints. */
const icmpv4Names: Record<number, string> = {0: 'EchoReply', 3: 'DestinationUnreachable', 5: 'Redirect', 8: 'EchoRequest',
  11: 'TimeExceeded', 12: 'ParameterProblem', 13: 'TimestampRequest', 14: 'TimestampReply'}
const icmpv6Names: Record<number, string> = {1: 'DestinationUnreachable', 2: 'PacketTooBig', 3: 'TimeExceeded',
  128: 'EchoRequest', 129: 'EchoReply', 133: 'RouterSolicitation', 134: 'RouterAdvertisement', 135: 'NeighborSolicitation',
  136: 'NeighborAdvertisement'}

function l4Of(p: PacketHeaders | undefined): FlowNs.ILayer4 | undefined {
  if (!p) return undefined
  switch (p.protocol) {
    case 6: {
      const f = p.tcpFlags ?? 0
      const flags: Record<string, boolean> = {}
      for (const [name, bit] of tcpFlagNames) if (f & bit) flags[name] = true
      if (p.tcpNs) flags.NS = true
      return {TCP: {sourcePort: p.sourcePort, destinationPort: p.destinationPort, flags}}
    }
    case 17: return {UDP: {sourcePort: p.sourcePort, destinationPort: p.destinationPort}}
    case 132: return {SCTP: {sourcePort: p.sourcePort, destinationPort: p.destinationPort}}
    case 1: return {ICMPv4: {type: p.icmpType, code: p.icmpCode}}
    case 58: return {ICMPv6: {type: p.icmpType, code: p.icmpCode}}
    default: return undefined
  }
}

/** The Summary of an L3/L4 flow (hubble.md §2.6). */
export function l34Summary(p: PacketHeaders | undefined): string {
  if (!p) return 'Ethernet'
  switch (p.protocol) {
    case 6: {
      const f = p.tcpFlags ?? 0
      const names = tcpFlagNames.filter(([, bit]) => f & bit).map(([n]) => n)
      if (p.tcpNs) names.push('NS')
      return `TCP Flags: ${names.join(', ')}`
    }
    case 17: return 'UDP'
    case 132: return 'SCTP'
    case 1: return `ICMPv4 ${icmpv4Names[p.icmpType ?? -1] ?? `${p.icmpType}(${p.icmpCode})`}`
    case 58: return `ICMPv6 ${icmpv6Names[p.icmpType ?? -1] ?? `${p.icmpType}(${p.icmpCode})`}`
    default: return p.ipVersion === 6 ? 'IPv6' : 'IPv4'
  }
}

/** What the pipeline knows of endpoints and identities, rebuilt when the state changes. */
export class EndpointDirectory {
  constructor(private readonly state: AgentState, private readonly clusterName: string) {}

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
 * One event -> one flow. Returns undefined for an event that is no flow (none today, but a
 * datapath may add debug records). `timeMs` defaults to now.
 */
export function eventToFlow(ev: DatapathEventLike, dir: EndpointDirectory, nodeName: string): FlowNs.IFlow {
  const ms = ev.timeMs ?? Date.now()
  const p = ev.packet
  const base: FlowNs.IFlow = {
    time: {seconds: Math.floor(ms / 1000), nanos: (ms % 1000) * 1e6},
    nodeName,
    ...(p ? {IP: {source: p.source, destination: p.destination, ipVersion: IPVersion[p.ipVersion]}} : {}),
    ...(ev.ifindex ? {interface: {index: ev.ifindex}} : {}),
  }
  const l4 = l4Of(p)
  if (l4) base.l4 = l4
  switch (ev.kind) {
    case 'trace': {
      const ingress = ev.observationPoint === OBS_TO_ENDPOINT
      return {...base, Type: FlowType.L3_L4, verdict: Verdict.FORWARDED,
        source: dir.endpoint(p?.source, ev.srcIdentity), destination: dir.endpoint(p?.destination, ev.dstIdentity),
        eventType: {type: MessageType.trace, subType: ev.observationPoint},
        traceObservationPoint: observationPoint[ev.observationPoint] ?? 0,
        traceReason: traceReason[ev.reason] ?? 0,
        trafficDirection: ingress ? Direction.INGRESS : Direction.EGRESS,
        isReply: {value: ev.reason === REASON_REPLY}, reply: ev.reason === REASON_REPLY,
        Summary: l34Summary(p)}
    }
    case 'drop': {
      const ingress = ev.dstId !== 0 && ev.dstId === ev.source
      return {...base, Type: FlowType.L3_L4, verdict: Verdict.DROPPED, dropReason: ev.reason, dropReasonDesc: ev.reason,
        source: dir.endpoint(p?.source, ev.srcIdentity), destination: dir.endpoint(p?.destination, ev.dstIdentity),
        eventType: {type: MessageType.drop, subType: ev.reason},
        trafficDirection: ingress ? Direction.INGRESS : Direction.EGRESS,
        Summary: l34Summary(p)}
    }
    case 'policy-verdict': {
      const ingress = ev.direction === 'ingress'
      const verdict = ev.verdict < 0 ? (ev.audited ? Verdict.AUDIT : Verdict.DROPPED)
        : ev.audited ? Verdict.AUDIT : ev.verdict > 0 ? Verdict.REDIRECTED : Verdict.FORWARDED
      const local = dir.endpoint(ingress ? p?.destination : p?.source, 0)
      const remote = dir.endpoint(ingress ? p?.source : p?.destination, ev.remoteIdentity)
      return {...base, Type: FlowType.L3_L4, verdict,
        ...(ev.verdict < 0 ? {dropReason: -ev.verdict, dropReasonDesc: -ev.verdict} : {}),
        source: ingress ? remote : local, destination: ingress ? local : remote,
        eventType: {type: MessageType.policyVerdict, subType: 0},
        trafficDirection: ingress ? Direction.INGRESS : Direction.EGRESS,
        policyMatchType: ev.matchType,
        ...(ev.verdict >= 0 ? {isReply: {value: false}} : {}),
        ...(ev.verdict > 0 ? {proxyPort: ev.verdict} : {}),
        Summary: l34Summary(p)}
    }
    case 'l7': {
      const protocol = `HTTP/1.${ev.httpMinor}`
      const url = `http://${p?.ipVersion === 6 ? `[${p.destination}]` : p?.destination ?? ''}${ev.path}`
      const request = ev.type === 'request'
      // A response travels back: its packet's destination is the client.
      const reqUrl = request ? url : `http://${p?.ipVersion === 6 ? `[${p.source}]` : p?.source ?? ''}${ev.path}`
      const latencyMs = Number(ev.latencyNs / 1_000_000n)
      return {...base, Type: FlowType.L7, verdict: Verdict.FORWARDED,
        source: dir.endpoint(p?.source, ev.srcIdentity), destination: dir.endpoint(p?.destination, ev.dstIdentity),
        eventType: {type: MessageType.l7, subType: 0},
        trafficDirection: Direction.EGRESS,
        isReply: {value: !request}, reply: !request,
        l7: {type: request ? L7Type.REQUEST : L7Type.RESPONSE, latencyNs: request ? 0 : Number(ev.latencyNs),
          http: {method: ev.method, url: reqUrl, protocol, ...(request ? {} : {code: ev.status})}},
        Summary: request ? `${protocol} ${ev.method} ${reqUrl}` : `${protocol} ${ev.status} ${latencyMs}ms (${ev.method} ${reqUrl})`}
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
    for await (const ev of this.deps.datapath.events(this.abort.signal)) {
      this.deps.observer.addFlow(eventToFlow(ev, this.dir, this.deps.nodeName))
      this.flows++
    }
  }

  /** Reports datapath losses since the last report as one LostEvent in the ring. */
  reportLost(): void {
    const total = this.deps.datapath.lostEvents()
    const n = total - this.lostReported
    if (n <= 0) return
    this.lostReported = total
    // The observer has no call for datapath losses yet: the LostEvent goes into the ring as the
    // GetFlowsResponse it is sent as (unfiltered readers receive it).
    const ms = Date.now()
    const time = {seconds: Math.floor(ms / 1000), nanos: (ms % 1000) * 1e6}
    const bytes = ObserverNs.GetFlowsResponse.encode({lostEvents: {source: LOST_FROM_PERF_RING, numEventsLost: n},
      nodeName: this.deps.nodeName, time}).finish()
    this.deps.observer.ring.push({bytes, seconds: time.seconds, nanos: time.nanos})
    this.deps.log.warn('Datapath events lost', {lost: n, total})
  }

  async stop(): Promise<void> {
    clearInterval(this.lostTimer)
    this.abort.abort()
    await this.running
  }
}
