/**
 * Hubble's gRPC API over a FlowObserver: observer.Observer, grpc.health.v1.Health (what
 * `hubble status` checks) and peer.Peer, on a unix socket or TCP, plaintext, TLS or mTLS.
 */
import {lstatSync, rmSync} from 'node:fs'
import * as grpc from '@grpc/grpc-js'
import {CiliumkitError, ConnectionError, ValidationError} from '../../errors.js'
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
      const path = address.slice('unix://'.length)
      removeStaleSocket(path)
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
    return this.address
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
    if (this.address.startsWith('unix://')) rmSync(this.address.slice('unix://'.length), {force: true})
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
      GetFlows: (call: grpc.ServerWritableStream<observer.IGetFlowsRequest, unknown>) => {
        const ac = this.track(call)
        const sink: FlowSink = {
          write: (item) => call.write(item),
          drain: () => new Promise((resolve) => {
            const done = () => {
              call.off('drain', done)
              ac.signal.removeEventListener('abort', done)
              resolve()
            }
            call.on('drain', done)
            ac.signal.addEventListener('abort', done, {once: true})
          }),
        }
        obs.getFlows(call.request, sink, ac.signal).then(
          () => {
            ac.abort()
            if (!call.cancelled && !this.closing) call.end()
          },
          (err: unknown) => {
            ac.abort()
            if (!this.closing) call.emit('error', toStatus(err))
          })
      },
      // No agent or debug events here: an empty history, and a follower waits like on a quiet agent.
      GetAgentEvents: (call: grpc.ServerWritableStream<{follow?: boolean}, unknown>) => this.quietStream(call),
      GetDebugEvents: (call: grpc.ServerWritableStream<{follow?: boolean}, unknown>) => this.quietStream(call),
      GetNodes: (_call: unknown, cb: grpc.sendUnaryData<observer.IGetNodesResponse>) => {
        cb(null, {nodes: [obs.node(this.address, this.tlsInfo())]})
      },
      GetNamespaces: (_call: unknown, cb: grpc.sendUnaryData<observer.IGetNamespacesResponse>) => cb(null, obs.getNamespaces()),
      ServerStatus: (_call: unknown, cb: grpc.sendUnaryData<observer.IServerStatusResponse>) => cb(null, obs.serverStatus()),
    }
  }

  private quietStream(call: grpc.ServerWritableStream<{follow?: boolean}, unknown>): void {
    const ac = this.track(call)
    if (!call.request.follow) {
      ac.abort()
      call.end()
      return
    }
    ac.signal.addEventListener('abort', () => {
      if (!call.cancelled && !this.closing) call.end()
    }, {once: true})
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

// Filter errors are plain errors on the Go server: status Unknown with the text (the CLI prints it bare).
function toStatus(err: unknown): Partial<grpc.StatusObject> {
  if (err instanceof InvalidRequestError) return {code: grpc.status.INVALID_ARGUMENT, details: err.message}
  if (err instanceof ValidationError || err instanceof CiliumkitError) return {code: grpc.status.UNKNOWN, details: err.message}
  return {code: grpc.status.INTERNAL, details: err instanceof Error ? err.message : String(err)}
}

function removeStaleSocket(path: string): void {
  try {
    if (lstatSync(path).isSocket()) rmSync(path)
  } catch {
    // nothing there
  }
}
