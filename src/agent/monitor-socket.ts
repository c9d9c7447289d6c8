/**
 * The agent's monitor socket (`--monitor-socket`, by default Cilium's
 * /var/run/cilium/monitor1_2.sock): every connection gets its own gob stream of
 * payload.Payload, as Cilium's 1.2 listener writes it, carrying the datapath's notifications
 * in Cilium's record layouts, agent notifications (message type 130) and lost-event records.
 * So `cilium monitor` and a real `cilium-dbg monitor` both read it.
 */
import {readFileSync} from 'node:fs'
import {createServer, type Server, type Socket} from 'node:net'
import {cpus} from 'node:os'
import {join} from 'node:path'
import type {flow} from '../hubble/proto/index.js'
import type {FlowObserver} from '../hubble/server/index.js'
import type {DatapathEvent} from '../datapath/events.js'
import type {Datapath} from './datapath.js'
import type {NodeMonitorFigures} from './health.js'
import {claimSocketPath} from '../lib/unix-socket.js'
import {AgentNotifyType, encodeAgentNotify, type Payload, PayloadEncoder, PayloadType} from '../monitor/payload.js'
import {encodeRecord} from '../monitor/records.js'
import {encodeLogRecord, type LogRecord, type LogRecordEndpoint} from '../monitor/logrecord.js'

/** What the agent's configuration adds for the monitor: no socket when undefined. */
export interface MonitorSocketConfig {
  monitorSocket?: string
}

/** How often the datapath's loss counter is read for lost-event records. */
const lostPollMs = 250

/** Bytes a listener may have unsent before its payloads are dropped (Cilium drops on a full per-listener queue). */
const maxQueuedBytes = 4 << 20

/** flow.AgentEventType -> api.AgentNotification. */
const agentTypeOf: Record<number, number> = {2: AgentNotifyType.start, 3: AgentNotifyType.policyUpdated, 4: AgentNotifyType.policyDeleted,
  5: AgentNotifyType.endpointRegenerated, 6: AgentNotifyType.endpointRegenerateFailed, 7: AgentNotifyType.endpointCreated,
  8: AgentNotifyType.endpointDeleted, 9: AgentNotifyType.ipcacheUpserted, 10: AgentNotifyType.ipcacheDeleted}

/** Go's time.Time String() of a UTC instant: `2026-11-24 04:20:00.123 +0000 UTC` (trailing zeros of the fraction dropped). */
function goTime(ms: number): string {
  const iso = new Date(ms).toISOString() // 2026-11-24T04:20:00.123Z
  const frac = iso.slice(20, 23).replace(/0+$/, '')
  return `${iso.slice(0, 10)} ${iso.slice(11, 19)}${frac ? `.${frac}` : ''} +0000 UTC`
}

/** The JSON text Cilium's agent puts in an agent notification of this kind. */
export function agentNotifyText(ev: flow.IAgentEvent): {type: number; text: string} | undefined {
  const type = agentTypeOf[Number(ev.type ?? 0)]
  if (type === undefined) return undefined
  if (ev.agentStart) {
    const t = ev.agentStart.time
    const ms = t ? Number(t.seconds ?? 0) * 1000 + Math.floor(Number(t.nanos ?? 0) / 1e6) : Date.now()
    return {type, text: JSON.stringify({time: goTime(ms)})}
  }
  if (ev.policyUpdate) {
    const p = ev.policyUpdate
    return {type, text: JSON.stringify({...(p.labels?.length ? {labels: p.labels} : {}), ...(Number(p.revision ?? 0) ? {revision: Number(p.revision)} : {}),
      rule_count: Number(p.ruleCount ?? 0)})}
  }
  if (ev.endpointRegenerate) {
    const r = ev.endpointRegenerate
    return {type, text: JSON.stringify({...(Number(r.id ?? 0) ? {id: Number(r.id)} : {}), ...(r.labels?.length ? {labels: r.labels} : {}),
      ...(r.error ? {error: r.error} : {})})}
  }
  if (ev.endpointUpdate) {
    const e = ev.endpointUpdate
    return {type, text: JSON.stringify({...(Number(e.id ?? 0) ? {id: Number(e.id)} : {}), ...(e.labels?.length ? {labels: e.labels} : {}),
      ...(e.error ? {error: e.error} : {}), ...(e.podName ? {'pod-name': e.podName} : {}), ...(e.namespace ? {namespace: e.namespace} : {})})}
  }
  if (ev.ipcacheUpdate) {
    const i = ev.ipcacheUpdate
    return {type, text: JSON.stringify({cidr: i.cidr ?? '', id: Number(i.identity ?? 0), ...(i.oldIdentity ? {'old-id': Number(i.oldIdentity.value ?? 0)} : {}),
      ...(i.hostIp ? {'host-ip': i.hostIp} : {}), ...(i.oldHostIp ? {'old-host-ip': i.oldHostIp} : {}), 'encrypt-key': Number(i.encryptKey ?? 0),
      ...(i.namespace ? {namespace: i.namespace} : {}), ...(i.podName ? {'pod-name': i.podName} : {})})}
  }
  return {type, text: '{}'}
}

/** Go's time.RFC3339Nano of a protobuf timestamp, in UTC: the fraction's trailing zeros dropped. */
function rfc3339Nano(t: flow.IFlow['time']): string {
  const seconds = Number(t?.seconds ?? 0), nanos = Number(t?.nanos ?? 0)
  const frac = String(nanos).padStart(9, '0').replace(/0+$/, '')
  return `${new Date(seconds * 1000).toISOString().slice(0, 19)}${frac ? `.${frac}` : ''}Z`
}

const verdictNames: Record<number, string> = {1: 'Forwarded', 2: 'Denied', 3: 'Error', 5: 'Redirected'}
const L7_REQUEST = 1, L7_RESPONSE = 2, IPV6 = 2, INGRESS = 1, EGRESS = 2

/**
 * The access-log record of an L7 HTTP flow, as Cilium's proxy logs it (the reverse of what
 * Hubble's parser makes of a record): endpoints in the request's orientation, the client with
 * its port as the source; undefined for any other flow.
 */
export function logRecordFromFlow(f: flow.IFlow): LogRecord | undefined {
  const l7 = f.l7, http = l7?.http
  if (!http || (l7.type !== L7_REQUEST && l7.type !== L7_RESPONSE)) return undefined
  const request = l7.type === L7_REQUEST
  const ipv6 = f.IP?.ipVersion === IPV6
  const l4 = f.l4?.TCP ?? f.l4?.UDP
  const side = (ep: flow.IEndpoint | null | undefined, ip: string | null | undefined, port: number | null | undefined): LogRecordEndpoint =>
    ({id: ep?.ID ?? 0, ...(ip ? ipv6 ? {ipv6: ip} : {ipv4: ip} : {}), port: port ?? 0, identity: ep?.identity ?? 0, labels: ep?.labels ?? []})
  const src = side(f.source, f.IP?.source, l4?.sourcePort), dst = side(f.destination, f.IP?.destination, l4?.destinationPort)
  return {type: request ? 'Request' : 'Response', timestamp: rfc3339Nano(f.time),
    observationPoint: f.trafficDirection === INGRESS ? 'Ingress' : f.trafficDirection === EGRESS ? 'Egress' : '',
    source: request ? src : dst, destination: request ? dst : src, ipVersion: ipv6 ? 1 : 0, verdict: verdictNames[f.verdict ?? 0] ?? '',
    transportProtocol: f.l4?.UDP ? 17 : 6, http: {code: http.code ?? 0, method: http.method ?? '', url: http.url ?? '', protocol: http.protocol ?? ''}}
}

/** A tap's pass-through: the target's member, a method bound to the target (its private state stays its own). */
function ownMember(target: object, prop: string | symbol): unknown {
  const v: unknown = Reflect.get(target, prop, target)
  return typeof v === 'function' ? (v as (...a: unknown[]) => unknown).bind(target) : v
}

/** On an observer tapFlows wrapped: the servers its flows go to, and how to put its own addFlow back. */
const flowTap = Symbol('monitor servers tapping flows')
interface FlowTap {
  servers: MonitorServer[]
  untap: () => void
}

function wrapAddFlow(observer: FlowObserver & {[flowTap]?: FlowTap}): FlowTap {
  const own = Object.hasOwn(observer, 'addFlow'), addFlow = observer.addFlow
  const servers: MonitorServer[] = []
  observer.addFlow = (f: flow.IFlow): void => {
    addFlow.call(observer, f)
    for (const server of servers) server.publishFlow(f)
  }
  return {servers, untap: () => {
    if (own) observer.addFlow = addFlow
    else Reflect.deleteProperty(observer, 'addFlow')
    Reflect.deleteProperty(observer, flowTap)
  }}
}

/** AT_PAGESZ in the auxiliary vector: the page size the kernel gave this process (what getpagesize() returns). */
const AT_PAGESZ = 6n

/** This machine's page size, from /proc/self/auxv (64-bit pairs of type and value); 4096 when it cannot be read. */
export function pageSize(): number {
  try {
    const auxv = readFileSync('/proc/self/auxv')
    for (let at = 0; at + 16 <= auxv.length; at += 16) {
      if (auxv.readBigUInt64LE(at) === AT_PAGESZ) return Number(auxv.readBigUInt64LE(at + 8))
    }
  } catch {
    // no procfs
  }
  return 4096
}

/**
 * The node monitor's figures for the datapath's event ring pinned in `pinDir` (see
 * NodeMonitorFigures): the CPUs online and the ring's size in pages. Undefined when no ring is
 * pinned there (no datapath: nothing is listened to).
 */
export async function nodeMonitorFigures(pinDir: string): Promise<NodeMonitorFigures | undefined> {
  if (!pinDir) return undefined
  const [{BpfMap}, {DatapathMaps}] = await Promise.all([import('../bpf/index.js'), import('../datapath/datapath.js')])
  let ring
  try {
    ring = BpfMap.openPinned(join(pinDir, DatapathMaps.events))
  } catch {
    return undefined
  }
  try {
    const pagesize = pageSize()
    return {cpus: cpus().length || 1, npages: Math.floor(ring.maxEntries / pagesize), pagesize}
  } finally {
    ring.close()
  }
}

export class MonitorServer {
  private readonly listeners = new Set<Socket>()
  // Every listener's stream starts with the same type definition, so a payload is encoded once for all of them.
  private readonly encoder = new PayloadEncoder()
  private readonly definition = this.encoder.definition()
  private lostTimer?: NodeJS.Timeout
  /** Ends tapFlows' publishing of an observer's flows here. */
  private untapFlows?: () => void
  /** Payloads not sent to a listener that had too much unsent. */
  dropped = 0

  private constructor(private readonly server: Server, readonly path: string) {
    server.on('connection', (socket) => {
      socket.write(this.definition)
      this.listeners.add(socket)
      socket.on('error', () => socket.destroy())
      socket.on('close', () => this.listeners.delete(socket))
      // A listener only reads; anything it sends is ignored.
      socket.resume()
    })
  }

  /**
   * Serves the monitor on `path` after making sure no one else does (a stale socket file is
   * replaced; a live one, e.g. a real Cilium agent's, is refused with SocketInUseError).
   */
  static async listen(path: string): Promise<MonitorServer> {
    await claimSocketPath(path, 'the monitor socket')
    const server = createServer()
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject)
      server.listen(path, () => {
        server.off('error', reject)
        resolve()
      })
    })
    return new MonitorServer(server, path)
  }

  /** Connected listeners. */
  get size(): number {
    return this.listeners.size
  }

  send(p: Payload): void {
    let bytes: Buffer | undefined
    for (const socket of this.listeners) {
      if (socket.writableLength > maxQueuedBytes) {
        this.dropped++
        continue
      }
      socket.write(bytes ??= this.encoder.encode(p))
    }
  }

  /** A datapath event, as the sample Cilium's perf reader would pass on (our ring buffer has no CPU: 0). */
  publishEvent(ev: DatapathEvent): void {
    if (this.listeners.size === 0) return
    const data = encodeRecord(ev)
    if (data) this.send({data, cpu: 0, lost: 0n, type: PayloadType.sample})
  }

  /** An agent event (as the Hubble server gets it), as a monitor agent notification. */
  publishAgentEvent(ev: flow.IAgentEvent): void {
    if (this.listeners.size === 0) return
    const n = agentNotifyText(ev)
    if (n) this.send({data: encodeAgentNotify(n), cpu: 0, lost: 0n, type: PayloadType.sample})
  }

  /** An L7 flow (as the Hubble server gets it) as an access-log record, the way Cilium's proxy reports one. */
  publishFlow(f: flow.IFlow): void {
    if (this.listeners.size === 0 || !f.l7) return
    const r = logRecordFromFlow(f)
    if (r) this.send({data: encodeLogRecord(r), cpu: 0, lost: 0n, type: PayloadType.sample})
  }

  /**
   * Makes every flow added to `observer` also published here (L7 ones as access-log records)
   * until close(): its addFlow is wrapped on this instance, for the pipeline and any other
   * caller. One wrapper per observer serves every server tapping it (a restarted server, or a
   * second tap of this one, publishes each flow once), and the last close() puts the observer's
   * own addFlow back. Not a Proxy: its get trap costs about 50 ns on every flow of the pipeline's
   * hot path, this about 5.
   */
  tapFlows(observer: FlowObserver): FlowObserver {
    this.untapFlows?.()
    const tapped = observer as FlowObserver & {[flowTap]?: FlowTap}
    const tap = tapped[flowTap] ??= wrapAddFlow(tapped)
    tap.servers.push(this)
    this.untapFlows = () => {
      tap.servers.splice(tap.servers.indexOf(this), 1)
      if (tap.servers.length === 0) tap.untap()
      this.untapFlows = undefined
    }
    return observer
  }

  /** `n` events the datapath lost, as a PERF_RECORD_LOST record. */
  publishLost(n: number): void {
    if (n > 0 && this.listeners.size > 0) this.send({data: Buffer.alloc(0), cpu: 0, lost: BigInt(n), type: PayloadType.lost})
  }

  /**
   * The datapath as the flow pipeline should read it: every event it yields is also published
   * here, and its losses are reported as lost-event records. The one reader stays the only one.
   */
  tap(dp: Datapath): Datapath {
    let reported = dp.lostEvents()
    clearInterval(this.lostTimer)
    this.lostTimer = setInterval(() => {
      const total = dp.lostEvents()
      this.publishLost(total - reported)
      reported = total
    }, lostPollMs)
    this.lostTimer.unref()
    // Without listeners the pipeline gets the datapath's own promises: the tap costs nothing then.
    const events = (signal: AbortSignal): AsyncIterable<DatapathEvent> => ({
      [Symbol.asyncIterator]: (): AsyncIterator<DatapathEvent> => {
        const inner = dp.events(signal)[Symbol.asyncIterator]()
        return {
          next: () => this.listeners.size === 0 ? inner.next() : inner.next().then((r) => {
            if (!r.done) this.publishEvent(r.value)
            return r
          }),
          return: (value?: unknown) => inner.return?.(value) ?? Promise.resolve({done: true, value: undefined}),
        }
      },
    })
    return new Proxy(dp, {get: (target, prop) => (prop === 'events' ? events : ownMember(target, prop))})
  }

  /** Stops listening, ends every listener's stream and removes the socket file it bound. */
  async close(): Promise<void> {
    clearInterval(this.lostTimer)
    this.untapFlows?.()
    for (const socket of this.listeners) socket.destroy()
    this.listeners.clear()
    await new Promise<void>((resolve) => this.server.close(() => resolve()))
  }
}
