/**
 * Hubble's gRPC API over a FlowObserver: observer.Observer, grpc.health.v1.Health (what
 * `hubble status` checks) and peer.Peer, on a unix socket or TCP, plaintext, TLS or mTLS.
 */
import {rmSync, statSync} from 'node:fs'
import type {ServerHttp2Stream} from 'node:http2'
import * as grpc from '@grpc/grpc-js'
import {CiliumkitError, ConnectionError, ValidationError} from '../../errors.js'
import {drained} from '../../lib/drain.js'
import {claimSocketPath} from '../../lib/unix-socket.js'
import {grpc as health, observer, peer} from '../proto/index.js'
import {HEALTH_SERVICE_NAME, healthService, observerService, peerService} from '../proto/services.js'
import {InvalidRequestError, type FlowObserver, type FlowSink} from './observer.js'

export interface ServerTlsOptions {
  /** PEM server certificate (chain) and key */
  cert: Buffer
  key: Buffer
  /** PEM CA bundle; when given, clients must present a certificate it signed (mTLS) */
  clientCa?: Buffer
  /** the name clients verify; reported by GetNodes and Peer/Notify */
  serverName?: string
}

export interface HubbleServerOptions {
  observer: FlowObserver
  tls?: ServerTlsOptions
}

const ServingStatus = health.health.v1.HealthCheckResponse.ServingStatus

export class HubbleServer {
  private readonly server = new grpc.Server()
  private readonly observer: FlowObserver
  private readonly tls?: ServerTlsOptions
  private serving = true
  private address = ''
  private socketInode = 0
  private readonly active = new Map<AbortController, grpc.ServerWritableStream<unknown, unknown>>()
  private closing = false

  constructor(opts: HubbleServerOptions) {
    this.observer = opts.observer
    this.tls = opts.tls
    this.server.addService(observerService, this.observerImpl())
    this.server.addService(healthService, this.healthImpl())
    this.server.addService(peerService, this.peerImpl())
  }

  /**
   * Listens on `unix:///path` (a stale socket file is replaced) or `host:port` (port 0 picks a
   * free one). Returns the address clients dial: `unix:///path` or `host:port`.
   * Throws ConnectionError when the address cannot be bound.
   */
  async listen(address: string): Promise<string> {
    let target = address
    if (address.startsWith('unix://')) {
      // Never unlink a live socket (a real Cilium's hubble.sock): a stale one only.
      await claimSocketPath(address.slice('unix://'.length), 'the Hubble API socket')
    } else if (address.startsWith(':')) {
      target = `0.0.0.0${address}`
    }
    const creds = this.tls
      ? grpc.ServerCredentials.createSsl(this.tls.clientCa ?? null, [{cert_chain: this.tls.cert, private_key: this.tls.key}], Boolean(this.tls.clientCa))
      : grpc.ServerCredentials.createInsecure()
    const port = await new Promise<number>((resolve, reject) => {
      this.server.bindAsync(target, creds, (err, p) => err ? reject(err) : resolve(p))
    }).catch((err: Error) => {
      throw new ConnectionError(`failed to listen on ${address}: ${err.message}`, 'check that the address is free and its directory exists')
    })
    this.address = address.startsWith('unix://') ? address : `${target.slice(0, target.lastIndexOf(':'))}:${port}`
    if (address.startsWith('unix://')) this.socketInode = statSync(address.slice('unix://'.length)).ino
    return this.address
  }

  /** Streams open now (GetFlows, agent/debug events, health Watch, peer Notify). */
  get openStreams(): number {
    return this.active.size
  }

  /** What the health check answers (SERVING or NOT_SERVING). */
  setServing(serving: boolean): void {
    this.serving = serving
  }

  /** Ends every stream and stops listening; waits at most `graceMs` for calls in flight. */
  async close(graceMs = 1000): Promise<void> {
    // Open streams (followers) end with Unavailable, as when an agent goes away, not with a
    // clean end of stream that would look like "no more flows".
    this.closing = true
    for (const [ac, call] of this.active) {
      call.emit('error', {code: grpc.status.UNAVAILABLE, details: 'server is shutting down'})
      ac.abort()
    }
    await new Promise<void>((resolve) => {
      const timer = setTimeout(() => {
        this.server.forceShutdown()
        resolve()
      }, graceMs)
      this.server.tryShutdown(() => {
        clearTimeout(timer)
        resolve()
      })
    })
    // Remove the socket only while it is still the one bound here, not a successor's.
    if (this.address.startsWith('unix://')) {
      const path = this.address.slice('unix://'.length)
      try {
        if (statSync(path).ino === this.socketInode) rmSync(path, {force: true})
      } catch {
        // already gone
      }
    }
  }

  private tlsInfo() {
    return {enabled: Boolean(this.tls), serverName: this.tls?.serverName ?? ''}
  }

  // A stream's AbortController, aborted when the client goes away or the server closes.
  private track(call: grpc.ServerWritableStream<unknown, unknown>): AbortController {
    const ac = new AbortController()
    this.active.set(ac, call)
    const abort = () => ac.abort()
    call.on('cancelled', abort)
    call.on('close', abort)
    ac.signal.addEventListener('abort', () => this.active.delete(ac), {once: true})
    return ac
  }

  private observerImpl(): grpc.UntypedServiceImplementation {
    const obs = this.observer
    return {
      GetFlows: (call: grpc.ServerWritableStream<observer.IGetFlowsRequest, unknown>) =>
        this.serveStream(call, (sink, signal) => obs.getFlows(call.request, sink, signal)),
      GetAgentEvents: (call: grpc.ServerWritableStream<observer.IGetAgentEventsRequest, unknown>) =>
        this.serveStream(call, (sink, signal) => obs.getAgentEvents(call.request, sink, signal)),
      GetDebugEvents: (call: grpc.ServerWritableStream<observer.IGetDebugEventsRequest, unknown>) =>
        this.serveStream(call, (sink, signal) => obs.getDebugEvents(call.request, sink, signal)),
      GetNodes: (_call: unknown, cb: grpc.sendUnaryData<observer.IGetNodesResponse>) => {
        cb(null, {nodes: [obs.node(this.address, this.tlsInfo())]})
      },
      GetNamespaces: (_call: unknown, cb: grpc.sendUnaryData<observer.IGetNamespacesResponse>) => cb(null, obs.getNamespaces()),
      ServerStatus: (_call: unknown, cb: grpc.sendUnaryData<observer.IServerStatusResponse>) => cb(null, obs.serverStatus()),
    }
  }

  // Runs one server stream of the observer to its end (or until the client or the server goes).
  private serveStream(call: grpc.ServerWritableStream<unknown, unknown>, produce: (sink: FlowSink, signal: AbortSignal) => Promise<void>): void {
    const ac = this.track(call)
    const sink = streamSink(call, ac.signal)
    produce(sink, ac.signal).then(
      () => {
        sink.flush()
        ac.abort()
        if (!call.cancelled && !this.closing) call.end()
      },
      (err: unknown) => {
        sink.flush()
        ac.abort()
        if (!this.closing) call.emit('error', toStatus(err))
      })
  }

  private healthImpl(): grpc.UntypedServiceImplementation {
    const status = (service: string) => service === '' || service === HEALTH_SERVICE_NAME
      ? (this.serving ? ServingStatus.SERVING : ServingStatus.NOT_SERVING) : undefined
    return {
      Check: (call: grpc.ServerUnaryCall<{service?: string}, unknown>, cb: grpc.sendUnaryData<unknown>) => {
        const s = status(call.request.service ?? '')
        if (s === undefined) cb({code: grpc.status.NOT_FOUND, details: 'unknown service'})
        else cb(null, {status: s})
      },
      Watch: (call: grpc.ServerWritableStream<{service?: string}, unknown>) => {
        this.track(call)
        call.write({status: status(call.request.service ?? '') ?? ServingStatus.SERVICE_UNKNOWN})
      },
    }
  }

  private peerImpl(): grpc.UntypedServiceImplementation {
    return {
      // This node is the only peer; the stream stays open like the agent's until the client leaves.
      Notify: (call: grpc.ServerWritableStream<unknown, unknown>) => {
        this.track(call)
        const n: peer.IChangeNotification = {name: this.observer.nodeName, address: this.address, type: peer.ChangeNotificationType.PEER_ADDED}
        if (this.tls) n.tls = {serverName: this.tls.serverName ?? ''}
        call.write(n)
      },
    }
  }
}

const batchBytes = 64 * 1024

/**
 * Where a server stream writes. grpc-js sends every message as its own HTTP/2 write (a DATA
 * frame, a write request and a callback each, and on the client one 'data' event each): ~10 µs
 * a message on both sides, measured here, which caps a stream far below what Hubble's readers
 * take. So messages are framed here (gRPC's 5-byte prefix) and go out in writes of up to
 * 64 KiB, straight to the call's HTTP/2 stream; grpc-js still sends the headers first
 * (sendMetadata) and the status trailers at the end. The bytes on the wire are the same gRPC
 * messages. grpc-js 1.14 keeps that stream as `call.call.stream`; where it is not there (another
 * grpc-js, an interceptor), each message goes through call.write as before.
 * A batch goes out when it is full, when the stream has caught up with the ring (flush(), so a
 * follower gets each flow at once) and at the end.
 */
function streamSink(call: grpc.ServerWritableStream<unknown, unknown>, signal: AbortSignal): Required<FlowSink> {
  const encode = (item: Uint8Array | observer.IGetFlowsResponse): Uint8Array =>
    item instanceof Uint8Array ? item : observer.GetFlowsResponse.encode(item).finish()
  const stream = (call as unknown as {call?: {stream?: Partial<ServerHttp2Stream>}}).call?.stream
  if (typeof stream?.respond !== 'function' || typeof stream.write !== 'function' || typeof stream.writableNeedDrain !== 'boolean') {
    return {
      write: (item) => call.write(encode(item)),
      drain: () => drained(call, signal),
      flush: () => {},
    }
  }
  const h2 = stream as ServerHttp2Stream
  // grpc-js listens for one 'error'; a write racing a client that just left must not crash us.
  h2.on('error', () => {})
  // Batches come back once written: a new 64 KiB buffer per write is external memory that makes
  // V8 run full collections, each marking the whole ring.
  const spare: Buffer[] = []
  const fresh = () => spare.pop() ?? Buffer.allocUnsafeSlow(batchBytes)
  let batch = fresh()
  let used = 0
  const flush = (): void => {
    if (used === 0) return
    const full = batch
    const out = full.subarray(0, used)
    batch = fresh()
    used = 0
    if (signal.aborted || h2.destroyed || h2.writableEnded) return
    call.sendMetadata(new grpc.Metadata())  // once: the response headers go before the first message
    h2.write(out, () => {
      if (full.length === batchBytes && spare.length < 4) spare.push(full)
    })
  }
  return {
    write(item) {
      const bytes = encode(item)
      const length = bytes.length
      const size = length + 5
      if (used + size > batch.length) {
        flush()
        if (size > batch.length) batch = Buffer.allocUnsafeSlow(size)
      }
      batch[used] = 0  // not compressed
      batch[used + 1] = length >>> 24
      batch[used + 2] = length >>> 16
      batch[used + 3] = length >>> 8
      batch[used + 4] = length
      batch.set(bytes, used + 5)
      used += size
      return !h2.writableNeedDrain
    },
    // The batch being filled stays: flushing it here would add a small write per wait.
    drain: () => h2.writableNeedDrain ? drained(h2, signal) : Promise.resolve(),
    flush,
  }
}

// Filter errors are plain errors on the Go server: status Unknown with the text (the CLI prints it bare).
function toStatus(err: unknown): Partial<grpc.StatusObject> {
  if (err instanceof InvalidRequestError) return {code: grpc.status.INVALID_ARGUMENT, details: err.message}
  if (err instanceof ValidationError || err instanceof CiliumkitError) return {code: grpc.status.UNKNOWN, details: err.message}
  return {code: grpc.status.INTERNAL, details: err instanceof Error ? err.message : String(err)}
}

