/**
 * The agent-local Observer: the flow ring plus the semantics of Hubble's GetFlows (hubble.md
 * §1.3) — start position from since/first/follow/number, filters applied while rewinding and
 * while reading, `until` and `number` as stop conditions, follow mode, LostEvents for a lapped
 * reader — and the numbers of ServerStatus, GetNodes and GetNamespaces. Transport-free: the gRPC
 * server (grpc-server.ts) writes what this yields.
 */
import {flow, observer, type Int64} from '../proto/index.js'
import {compileFieldMask, compileFlowProjection} from './field-mask.js'
import {flowFieldsRead} from './filter-fields.js'
import {DEFAULT_RING_CAPACITY, FlowRing, type RingEntry} from './ring.js'

// What GetFlows, GetAgentEvents and GetDebugEvents requests have in common.
interface StreamRequest {
  number?: Int64 | null
  first?: boolean | null
  follow?: boolean | null
  since?: {seconds?: Int64 | null, nanos?: number | null} | null
  until?: {seconds?: Int64 | null, nanos?: number | null} | null
}

/** A compiled allow/deny pair, as src/hubble/filters' compileFlowFilters returns it. */
export type FlowFilterCompiler = (allow: flow.IFlowFilter[], deny: flow.IFlowFilter[]) =>
  (f: flow.IFlow | null | undefined) => boolean

export interface ObserverOptions {
  /** this node's name, used for lost events and GetNodes */
  nodeName: string
  /** ring capacity; Hubble's default is 4095 */
  capacity?: number
  /** server version string, e.g. "ciliumkit v0.1.0" */
  version: string
  compileFilters: FlowFilterCompiler
  /** the clock (ms since the epoch); tests pin it */
  now?: () => number
}

/** Where GetFlows writes: write() returning false means "wait for drain()". */
export interface FlowSink {
  write(item: Uint8Array | observer.IGetFlowsResponse): boolean
  drain(): Promise<void>
  /** sends what a batching sink holds; called when the stream has caught up and waits for new entries */
  flush?(): void
}

/** A request the server must refuse (gRPC InvalidArgument). */
export class InvalidRequestError extends Error {}

const namespaceTtlMs = 60 * 60 * 1000  // GetNamespaces: namespaces with flows in the last hour
const rateWindowSec = 60               // flows_rate: flows per second over the last minute
const yieldEvery = 1024                // entries scanned between two turns of the event loop
const slabBytes = 256 * 1024            // the ring's byte slabs

export class FlowObserver {
  readonly ring: FlowRing
  readonly nodeName: string
  readonly version: string
  private readonly compileFilters: FlowFilterCompiler
  private readonly now: () => number
  private readonly startedMs: number
  private seen = 0
  private readonly namespaces = new Map<string, {cluster: string, namespace: string, lastMs: number}>()
  // per-second flow counts of the last minute, for flows_rate
  private readonly rateBuckets = new Array<number>(rateWindowSec).fill(0)
  private rateSecond = 0
  // Entries' bytes are packed into slabs; the ring overwrites in order, so a slab is freed once its last entry is.
  private slab = new Uint8Array(slabBytes)
  private slabUsed = 0

  constructor(opts: ObserverOptions) {
    this.ring = new FlowRing(opts.capacity ?? DEFAULT_RING_CAPACITY)
    this.nodeName = opts.nodeName
    this.version = opts.version
    this.compileFilters = opts.compileFilters
    this.now = opts.now ?? Date.now
    this.startedMs = this.now()
    this.rateSecond = Math.floor(this.startedMs / 1000)
  }

  /** Adds one flow (the agent's pipeline, or `hubble serve` reading a log). */
  addFlow(f: flow.IFlow): void {
    const time = f.time ?? null
    const bytes = this.own(observer.GetFlowsResponse.encode({flow: f, nodeName: f.nodeName ?? '', time}).finish())
    this.ring.push({bytes, seconds: Number(time?.seconds ?? 0), nanos: time?.nanos ?? 0})
    this.seen++
    const nowMs = this.now()
    this.advanceRate(nowMs)
    this.rateBuckets[this.rateSecond % rateWindowSec]!++
    for (const ep of [f.source, f.destination]) {
      if (ep?.namespace) {
        const cluster = ep.clusterName ?? ''
        this.namespaces.set(`${cluster}/${ep.namespace}`, {cluster, namespace: ep.namespace, lastMs: nowMs})
      }
    }
  }

  /**
   * Adds a LostEvent, e.g. for datapath events the agent could not read (source
   * PERF_EVENT_RING_BUFFER): GetFlows readers receive it in ring order, as Hubble's do.
   */
  addLostEvents(source: flow.LostEventSource, numEventsLost: number, cpu?: number): void {
    const time = this.timestamp()
    const lostEvents: flow.ILostEvent = {source, numEventsLost}
    if (cpu !== undefined) lostEvents.cpu = {value: cpu}
    this.ring.push({bytes: this.own(observer.GetFlowsResponse.encode({lostEvents, nodeName: this.nodeName, time}).finish()),
      seconds: time.seconds, nanos: time.nanos, lost: true})
  }

  /** Adds an agent event (what `hubble observe agent-events` shows); its time is now. */
  addAgentEvent(event: flow.IAgentEvent): void {
    const time = this.timestamp()
    this.ring.push({bytes: this.own(observer.GetAgentEventsResponse.encode({agentEvent: event, nodeName: this.nodeName, time}).finish()),
      seconds: time.seconds, nanos: time.nanos, kind: 'agent'})
  }

  /** Adds a debug event (`hubble observe debug-events`); its time is now. */
  addDebugEvent(event: flow.IDebugEvent): void {
    const time = this.timestamp()
    this.ring.push({bytes: this.own(observer.GetDebugEventsResponse.encode({debugEvent: event, nodeName: this.nodeName, time}).finish()),
      seconds: time.seconds, nanos: time.nanos, kind: 'debug'})
  }

  /**
   * A copy of encoded bytes for the ring: encode() returns a slice of protobufjs's shared 8 KiB
   * pool that also holds its scratch bytes (a ring entry would pin ~3x its size). Copies go into
   * slabs of our own, packed: one ArrayBuffer per entry would be a million backing stores for V8 to
   * track and sweep in a big ring.
   */
  private own(b: Uint8Array): Uint8Array {
    if (b.length > slabBytes >> 3) return new Uint8Array(b)
    if (this.slabUsed + b.length > slabBytes) {
      this.slab = new Uint8Array(slabBytes)
      this.slabUsed = 0
    }
    const copy = this.slab.subarray(this.slabUsed, this.slabUsed + b.length)
    copy.set(b)
    this.slabUsed += b.length
    return copy
  }

  private timestamp(): {seconds: number, nanos: number} {
    const ms = this.now()
    return {seconds: Math.floor(ms / 1000), nanos: (ms % 1000) * 1e6}
  }

  // Moves the rate window to the current second, clearing the seconds that passed without flows.
  private advanceRate(nowMs: number): void {
    const sec = Math.floor(nowMs / 1000)
    for (let s = this.rateSecond + 1; s <= sec && s <= this.rateSecond + rateWindowSec; s++) this.rateBuckets[s % rateWindowSec] = 0
    if (sec > this.rateSecond) this.rateSecond = sec
  }

  serverStatus(): observer.IServerStatusResponse {
    const nowMs = this.now()
    this.advanceRate(nowMs)
    const windowSec = Math.min(rateWindowSec, Math.max(1, (nowMs - this.startedMs) / 1000))
    const recent = this.rateBuckets.reduce((a, b) => a + b, 0)
    return {
      numFlows: this.ring.length,
      maxFlows: this.ring.capacity,
      seenFlows: this.seen,
      uptimeNs: Math.round((nowMs - this.startedMs) * 1e6),
      version: this.version,
      flowsRate: recent / windowSec,
    }
  }

  /** This node, as Relay would list it (`hubble list nodes`). */
  node(address: string, tls: {enabled: boolean, serverName: string}): observer.INode {
    const s = this.serverStatus()
    return {name: this.nodeName, version: this.version, address, state: 1 /* NODE_CONNECTED */, tls,
      uptimeNs: s.uptimeNs, numFlows: s.numFlows, maxFlows: s.maxFlows, seenFlows: s.seenFlows}
  }

  /** Namespaces seen in a flow during the last hour, sorted by cluster, then namespace. */
  getNamespaces(): observer.IGetNamespacesResponse {
    const cutoff = this.now() - namespaceTtlMs
    const list = [...this.namespaces.values()].filter((n) => n.lastMs >= cutoff)
      .sort((a, b) => compare(a.cluster, b.cluster) || compare(a.namespace, b.namespace))
    return {namespaces: list.map(({cluster, namespace}) => ({cluster, namespace}))}
  }

  /**
   * Streams GetFlows into `sink` until done (non-follow) or until `signal` aborts (follow).
   * Throws InvalidRequestError for first+follow and for a bad field mask, and whatever
   * compileFilters throws for a bad filter.
   */
  async getFlows(req: observer.IGetFlowsRequest, sink: FlowSink, signal: AbortSignal): Promise<void> {
    if (req.first && req.follow) throw new InvalidRequestError('first cannot be specified with follow')
    const whitelist = req.whitelist ?? []
    const blacklist = req.blacklist ?? []
    const project = compileFieldMask(req.fieldMask?.paths)
    const unfiltered = whitelist.length === 0 && blacklist.length === 0
    const predicate = this.compileFilters(whitelist, blacklist)
    // The filters see a flow decoded with the fields they read only, when that is known.
    const read = unfiltered ? undefined : flowFieldsRead([...whitelist, ...blacklist])
    const narrow = read && compileFlowProjection(read, true)
    const matches = unfiltered
      ? (e: RingEntry) => e.kind === undefined
      : (e: RingEntry) => e.kind === undefined && predicate(observer.GetFlowsResponse.decode(narrow ? narrow(e.bytes) : e.bytes).flow)
    await this.stream(req, matches, project, true, sink, signal)
  }

  /** GetAgentEvents: the agent events in the ring, with number/first/follow/since/until as GetFlows. */
  async getAgentEvents(req: observer.IGetAgentEventsRequest, sink: FlowSink, signal: AbortSignal): Promise<void> {
    if (req.first && req.follow) throw new InvalidRequestError('first cannot be specified with follow')
    await this.stream(req, (e) => e.kind === 'agent', undefined, false, sink, signal)
  }

  /** GetDebugEvents: the debug events in the ring, like getAgentEvents. */
  async getDebugEvents(req: observer.IGetDebugEventsRequest, sink: FlowSink, signal: AbortSignal): Promise<void> {
    if (req.first && req.follow) throw new InvalidRequestError('first cannot be specified with follow')
    await this.stream(req, (e) => e.kind === 'debug', undefined, false, sink, signal)
  }

  // The reading loop the three streams share: start position, stop conditions, follow, and for
  // GetFlows (`reportLost`) a LostEvent when a slow reader was lapped.
  private async stream(req: StreamRequest, matches: (e: RingEntry) => boolean, project: ((b: Uint8Array) => Uint8Array) | undefined,
    reportLost: boolean, sink: FlowSink, signal: AbortSignal): Promise<void> {
    const follow = req.follow === true
    const since = req.since ? [Number(req.since.seconds ?? 0), req.since.nanos ?? 0] as const : undefined
    const until = req.until && !follow ? [Number(req.until.seconds ?? 0), req.until.nanos ?? 0] as const : undefined
    // In follow mode `number` only sets how far back to start; the stream then never ends.
    const limit = toLimit(req.number)
    const sendLimit = follow ? Infinity : limit
    const ring = this.ring

    let cursor: number
    if (since) {
      cursor = ring.oldest
      while (cursor < ring.next && before(ring.at(cursor)!, since)) cursor++
    } else if (req.first || (!follow && limit === Infinity)) {
      cursor = ring.oldest
    } else if (follow && limit === Infinity) {
      cursor = ring.next
    } else {
      cursor = await this.rewind(limit, matches, signal)
    }

    let sent = 0
    let scanned = 0
    while (!signal.aborted && sent < sendLimit) {
      if (cursor >= ring.next) {
        if (!follow) return
        sink.flush?.()
        await ring.waitFor(cursor, signal)
        continue
      }
      if (cursor < ring.oldest) {
        // Lapped while we waited for a slow client: say how much was lost, skip ahead.
        const lost = ring.oldest - cursor
        cursor = ring.oldest
        if (reportLost && !sink.write(this.lostEvent(lost))) await sink.drain()
        continue
      }
      const entry = ring.at(cursor++)!
      if (entry.lost) {
        // As Hubble: lost events bypass the filters and the time range, and do not count.
        if (reportLost && !sink.write(entry.bytes)) await sink.drain()
        continue
      }
      if (until && after(entry, until)) return
      if (since && before(entry, since)) continue
      if (++scanned % yieldEvery === 0) {
        // A selective follower may never catch up with a busy ring: what it matched goes out at least every yieldEvery entries.
        if (follow) sink.flush?.()
        await new Promise(setImmediate)
      }
      if (!matches(entry)) continue
      sent++
      if (!sink.write(project ? project(entry.bytes) : entry.bytes)) await sink.drain()
    }
  }

  // Walks back from the newest entry until `limit` matching flows lie between it and the newest.
  private async rewind(limit: number, matches: (e: RingEntry) => boolean, signal: AbortSignal): Promise<number> {
    const ring = this.ring
    if (limit >= ring.length) return ring.oldest
    let cursor = ring.next
    let found = 0
    let scanned = 0
    while (found < limit && cursor > ring.oldest && !signal.aborted) {
      cursor--
      const entry = ring.at(cursor)!
      if (!entry.lost && matches(entry)) found++
      if (++scanned % yieldEvery === 0) await new Promise(setImmediate)
    }
    return Math.max(cursor, ring.oldest)
  }

  private lostEvent(n: number): observer.IGetFlowsResponse {
    return {lostEvents: {source: flow.LostEventSource.HUBBLE_RING_BUFFER, numEventsLost: n}, nodeName: this.nodeName, time: this.timestamp()}
  }
}


function toLimit(n: Int64 | null | undefined): number {
  if (n === null || n === undefined) return Infinity
  const v = typeof n === 'object' ? n.toNumber() : Number(n)
  return v === 0 ? Infinity : v
}

const compare = (a: string, b: string) => a < b ? -1 : a > b ? 1 : 0
const before = (e: RingEntry, [s, n]: readonly [number, number]) => e.seconds < s || (e.seconds === s && e.nanos < n)
const after = (e: RingEntry, [s, n]: readonly [number, number]) => e.seconds > s || (e.seconds === s && e.nanos > n)
