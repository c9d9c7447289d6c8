/**
 * HubbleClient: Hubble's Observer API over @grpc/grpc-js, for the CLI and for scripts.
 *
 *   const client = HubbleClient.connect({server: 'unix:///var/run/cilium/hubble.sock'})
 *   for await (const resp of client.flows({number: 20})) console.log(resp.flow?.Summary)
 *   client.close()
 *
 * Targets: `host:port`, `unix:///path`, `tls://host:port` (TLS on; so is `tls: true`). Errors are
 * ConnectionErrors whose message is what the real CLI prints (`rpc error: code = Unavailable desc =
 * connection error: desc = "transport: Error while dialing: dial tcp 127.0.0.1:4245: connect:
 * connection refused"`), with a hint saying what to check.
 */
import {readFileSync} from 'node:fs'
import * as grpc from '@grpc/grpc-js'
import {ConnectionError, ValidationError} from '../errors.js'
import {grpc as health, observer} from './proto/index.js'
import {HEALTH_SERVICE_NAME, healthService, OBSERVER_SERVICE, observerService} from './proto/services.js'
import {decodeGetFlowsResponse} from './proto/flow-decoder.js'
import {StreamChannel, StreamStatusError} from './proto/stream-reader.js'

export interface HubbleClientOptions {
  /** `host:port`, `unix:///path` or `tls://host:port`; default localhost:4245 */
  server?: string
  tls?: boolean
  tlsAllowInsecure?: boolean
  tlsCaCertFiles?: string[]
  tlsClientCertFile?: string
  tlsClientKeyFile?: string
  tlsServerName?: string
  basicAuthUsername?: string
  basicAuthPassword?: string
  /** how long a stream may wait for the connection; default 5 s */
  timeoutMs?: number
  /** deadline of unary calls (status, nodes, namespaces, health); default 12 s */
  requestTimeoutMs?: number
}

const ServingStatus = health.health.v1.HealthCheckResponse.ServingStatus
export type ServingStatusName = keyof typeof ServingStatus

const ObserverClient = grpc.makeGenericClientConstructor(observerService, 'observer.Observer')
const HealthClient = grpc.makeGenericClientConstructor(healthService, 'grpc.health.v1.Health')

// A larger HTTP/2 window lets a fast server stream ahead (cli-perf.md §4: +18-63 %).
const channelOptions: grpc.ChannelOptions = {'grpc-node.flow_control_window': 4 << 20, 'grpc.max_receive_message_length': 64 << 20}

type UnaryMethod<Req, Res> = (req: Req, md: grpc.Metadata, opts: grpc.CallOptions, cb: (err: grpc.ServiceError | null, res?: Res) => void) => grpc.ClientUnaryCall

export class HubbleClient {
  /** the server string without `tls://`, as `hubble status` prints it */
  readonly target: string
  private readonly observer: grpc.Client
  private readonly health: grpc.Client
  /** the streaming calls' own connection (proto/stream-reader.ts says why) */
  private readonly streams: StreamChannel
  private readonly metadata: grpc.Metadata
  private readonly timeoutMs: number
  private readonly requestTimeoutMs: number

  private constructor(target: string, dialTarget: string, creds: grpc.ChannelCredentials, options: grpc.ChannelOptions,
    metadata: grpc.Metadata, timeoutMs: number, requestTimeoutMs: number, streams: StreamChannel) {
    this.target = target
    this.streams = streams
    this.observer = new ObserverClient(dialTarget, creds, options)
    // Share the observer's channel: one connection, one handshake.
    this.health = new HealthClient(dialTarget, creds, {...options, channelOverride: this.observer.getChannel()})
    this.metadata = metadata
    this.timeoutMs = timeoutMs
    this.requestTimeoutMs = requestTimeoutMs
  }

  /**
   * Creates the client; the connection opens on the first call (as grpc-go's NewClient does).
   * Throws ValidationError for unreadable or non-PEM certificate files and for flag combinations
   * the real CLI refuses, with its wording.
   */
  static connect(opts: HubbleClientOptions = {}): HubbleClient {
    const server = opts.server || 'localhost:4245'
    const useTls = Boolean(opts.tls) || server.startsWith('tls://')
    const target = server.startsWith('tls://') ? server.slice('tls://'.length) : server
    const hasCert = Boolean(opts.tlsClientCertFile), hasKey = Boolean(opts.tlsClientKeyFile)
    if (hasCert !== hasKey) throw new ValidationError('invalid flag(s): certificate and private key are both required, but only one was provided')
    if (hasCert && !useTls) throw new ValidationError('invalid flag(s): transport layer security required')
    if (Boolean(opts.basicAuthUsername) !== Boolean(opts.basicAuthPassword)) {
      throw new ValidationError('invalid flag(s): must specify both basic-auth-username and basic-auth-password')
    }
    const metadata = new grpc.Metadata()
    if (opts.basicAuthUsername) {
      if (!useTls) {
        throw new ConnectionError(`failed to create gRPC client to '${server}': grpc: the credentials require transport level security (use grpc.WithTransportSecurity() to set)`,
          'basic auth is only sent over TLS: add --tls or use a tls:// server address')
      }
      metadata.set('authorization', 'Basic ' + Buffer.from(`${opts.basicAuthUsername}:${opts.basicAuthPassword}`).toString('base64'))
    }
    const options: grpc.ChannelOptions = {...channelOptions}
    let creds = grpc.credentials.createInsecure()
    let streamTls: ConstructorParameters<typeof StreamChannel>[0]['tls']
    if (useTls) {
      const ca = opts.tlsCaCertFiles?.length ? Buffer.concat(opts.tlsCaCertFiles.map(readCaFile)) : null
      const cert = hasCert ? readPem(opts.tlsClientCertFile!, 'cert') : null
      const key = hasKey ? readPem(opts.tlsClientKeyFile!, 'key') : null
      const verify: grpc.VerifyOptions = opts.tlsAllowInsecure ? {rejectUnauthorized: false} : {}
      creds = grpc.credentials.createSsl(ca, key, cert, verify)
      if (opts.tlsServerName) options['grpc.ssl_target_name_override'] = opts.tlsServerName
      streamTls = {ca, cert, key, serverName: opts.tlsServerName || undefined, rejectUnauthorized: !opts.tlsAllowInsecure}
    }
    const authorization = metadata.get('authorization')[0]
    const streams = new StreamChannel({target, tls: streamTls, headers: authorization ? {authorization: String(authorization)} : undefined})
    return new HubbleClient(target, target, creds, options, metadata,
      opts.timeoutMs ?? 5000, opts.requestTimeoutMs ?? 12_000, streams)
  }

  /**
   * GetFlows as an async iterator. Iteration pace is the back-pressure: a consumer that stops
   * reading stops the HTTP/2 window and so the server. Aborting `signal` (Ctrl-C) ends the
   * iteration cleanly, without an error. Throws ConnectionError for a failed connection or a
   * stream cut mid-way; a server-side filter error keeps the server's bare message.
   */
  async *flows(req: observer.IGetFlowsRequest, signal?: AbortSignal): AsyncGenerator<observer.GetFlowsResponse> {
    for await (const batch of this.flowBatches(req, signal)) yield* batch
  }

  /**
   * GetFlows as flows() does, in batches: the responses that arrived together (one read of
   * the connection). For consumers that print many at a time: each step of an async iterator
   * costs about a microsecond, a good part of a flow's budget.
   */
  flowBatches(req: observer.IGetFlowsRequest, signal?: AbortSignal): AsyncGenerator<observer.GetFlowsResponse[]> {
    return this.batches('GetFlows', observer.GetFlowsRequest.encode(req).finish(), decodeGetFlowsResponse, signal)
  }

  /** GetAgentEvents (`hubble observe agent-events`), like flows(). */
  agentEvents(req: observer.IGetAgentEventsRequest, signal?: AbortSignal): AsyncGenerator<observer.GetAgentEventsResponse> {
    return this.stream('GetAgentEvents', observer.GetAgentEventsRequest.encode(req).finish(), (b) => observer.GetAgentEventsResponse.decode(b), signal)
  }

  /** GetDebugEvents (`hubble observe debug-events`), like flows(). */
  debugEvents(req: observer.IGetDebugEventsRequest, signal?: AbortSignal): AsyncGenerator<observer.GetDebugEventsResponse> {
    return this.stream('GetDebugEvents', observer.GetDebugEventsRequest.encode(req).finish(), (b) => observer.GetDebugEventsResponse.decode(b), signal)
  }

  private async *stream<Res>(method: string, request: Uint8Array, decode: (b: Uint8Array) => Res, signal?: AbortSignal): AsyncGenerator<Res> {
    for await (const batch of this.batches(method, request, decode, signal)) yield* batch
  }

  private async *batches<Res>(method: string, request: Uint8Array, decode: (b: Uint8Array) => Res, signal?: AbortSignal): AsyncGenerator<Res[]> {
    if (signal?.aborted) return
    const ac = new AbortController()
    const onAbort = () => ac.abort()
    signal?.addEventListener('abort', onAbort, {once: true})
    // grpc-go's dial timeout: a stream that cannot connect in time fails instead of hanging.
    let timedOut = false
    const dial = setTimeout(() => {
      if (!this.streams.isConnected) {
        timedOut = true
        ac.abort()
      }
    }, this.timeoutMs)
    try {
      for await (const batch of this.streams.call(`/${OBSERVER_SERVICE}/${method}`, request, ac.signal)) {
        clearTimeout(dial)
        const decoded: Res[] = []
        try {
          for (const bytes of batch) decoded.push(decode(bytes))
        } catch (err) {
          // The messages before a bad one are still delivered, as one at a time would.
          if (decoded.length > 0) yield decoded
          throw err
        }
        yield decoded
      }
      if (timedOut) throw new ConnectionError(`failed to connect to '${this.target}': context deadline exceeded`, hint(this.target))
    } catch (err) {
      if (err instanceof ConnectionError) throw err
      if (signal?.aborted) return
      if (err instanceof StreamStatusError) throw toConnectionError(err, this.target, 'stream')
      throw err
    } finally {
      clearTimeout(dial)
      signal?.removeEventListener('abort', onAbort)
      ac.abort()
    }
  }

  /** ServerStatus (num/max/seen flows, uptime, rate, version; node counts from Relay). */
  serverStatus(): Promise<observer.ServerStatusResponse> {
    return this.unary(this.observer, 'ServerStatus', {})
  }

  /** GetNodes (Relay; this server lists itself). */
  getNodes(): Promise<observer.GetNodesResponse> {
    return this.unary(this.observer, 'GetNodes', {})
  }

  /** GetNamespaces: namespaces that had flows in the last hour. */
  getNamespaces(): Promise<observer.GetNamespacesResponse> {
    return this.unary(this.observer, 'GetNamespaces', {})
  }

  /** grpc.health.v1 Check of the Observer service, as `hubble status` does first. */
  async healthCheck(service = HEALTH_SERVICE_NAME): Promise<ServingStatusName> {
    const res = await this.unary<health.health.v1.HealthCheckResponse>(this.health, 'Check', {service})
    return (ServingStatus[res.status] as ServingStatusName | undefined) ?? 'UNKNOWN'
  }

  close(): void {
    this.health.close()
    this.observer.close()
    this.streams.close()
  }

  private unary<Res>(client: grpc.Client, method: string, req: object): Promise<Res> {
    const fn = (client as unknown as Record<string, UnaryMethod<object, Res>>)[method]!
    return new Promise((resolve, reject) => {
      fn.call(client, req, this.metadata, {deadline: Date.now() + this.requestTimeoutMs}, (err, res) => {
        if (err) reject(toConnectionError(err, this.target, 'unary'))
        else resolve(res!)
      })
    })
  }
}

function readPem(path: string, what: 'cert' | 'key'): Buffer {
  try {
    return readFileSync(path)
  } catch (e) {
    throw new ValidationError(`cannot load ${what} '${path}': ${goFileError(e, path)}`)
  }
}

function readCaFile(path: string): Buffer {
  let pem: Buffer
  try {
    pem = readFileSync(path)
  } catch (e) {
    throw new ValidationError(`cannot load cert '${path}': ${goFileError(e, path)}`)
  }
  if (!pem.toString('latin1').includes('-----BEGIN CERTIFICATE-----')) {
    throw new ValidationError(`cannot process cert '${path}': must be a PEM encoded certificate`)
  }
  return pem
}

function goFileError(e: unknown, path: string): string {
  const code = (e as NodeJS.ErrnoException).code
  return `open ${path}: ${code ? errnoText[code] ?? code : String(e)}`
}

// Go's (syscall.Errno).Error() texts for the errnos a dial or open meets.
const errnoText: Record<string, string> = {
  ECONNREFUSED: 'connection refused', ENOENT: 'no such file or directory', EACCES: 'permission denied',
  ETIMEDOUT: 'connection timed out', EHOSTUNREACH: 'no route to host', ENETUNREACH: 'network is unreachable',
  ECONNRESET: 'connection reset by peer', EADDRNOTAVAIL: 'cannot assign requested address', EPERM: 'operation not permitted',
  ENOTSOCK: 'socket operation on non-socket', EISDIR: 'is a directory',
}

const codeNames: Record<number, string> = {
  0: 'OK', 1: 'Canceled', 2: 'Unknown', 3: 'InvalidArgument', 4: 'DeadlineExceeded', 5: 'NotFound', 6: 'AlreadyExists',
  7: 'PermissionDenied', 8: 'ResourceExhausted', 9: 'FailedPrecondition', 10: 'Aborted', 11: 'OutOfRange',
  12: 'Unimplemented', 13: 'Internal', 14: 'Unavailable', 15: 'DataLoss', 16: 'Unauthenticated',
}

function hint(target: string): string {
  return target.startsWith('unix:')
    ? `check that a Hubble server listens on ${target.replace(/^unix:(\/\/)?/, '')} and that you may open it`
    : `check that a Hubble server or Relay listens on ${target} and its TLS settings; the address comes from --server or HUBBLE_SERVER`
}

/**
 * A gRPC failure as grpc-go's client reports it (`rpc error: code = … desc = …`), grpc-js's
 * wording translated where it differs. A status of code Unknown is a server-side error (a bad
 * filter): the CLI prints only its message.
 */
export function toConnectionError(err: unknown, target: string, kind: 'unary' | 'stream'): ConnectionError {
  const e = err as Partial<grpc.ServiceError>
  if (typeof e.code !== 'number') return new ConnectionError(String((err as Error)?.message ?? err), hint(target))
  if (e.code === grpc.status.UNKNOWN) return new ConnectionError(e.details ?? '')
  // grpc-js's words for a connection that died under a call; grpc-go says "error reading from server: EOF".
  if (e.code === grpc.status.INTERNAL && /RST_STREAM with code 0|without gRPC status|Connection dropped/.test(e.details ?? '')) {
    return new ConnectionError('rpc error: code = Unavailable desc = error reading from server: EOF', `the connection to ${target} was cut`)
  }
  const desc = goDescription(e.code, e.details ?? '', target, kind)
  const isConnection = e.code === grpc.status.UNAVAILABLE || e.code === grpc.status.DEADLINE_EXCEEDED
  return new ConnectionError(`rpc error: code = ${codeNames[e.code] ?? e.code} desc = ${desc}`, isConnection ? hint(target) : undefined)
}

function goDescription(code: number, details: string, target: string, kind: 'unary' | 'stream'): string {
  if (code === grpc.status.DEADLINE_EXCEEDED) return 'context deadline exceeded'
  if (code !== grpc.status.UNAVAILABLE) return details
  const errno = /\b(E[A-Z]+)\b/.exec(details)?.[1]
  if (errno && errnoText[errno] && /connect|No connection established/i.test(details)) {
    const unix = target.startsWith('unix:')
    const addr = unix ? target.replace(/^unix:(\/\/)?/, '') : (/connect \w+ ([^\s)]+?)\.?(?:\s|$|\))/.exec(details)?.[1] ?? target)
    return `connection error: desc = "transport: Error while dialing: dial ${unix ? 'unix' : 'tcp'} ${addr}: connect: ${errnoText[errno]}"`
  }
  if (/ENOTFOUND|EAI_AGAIN|Name resolution failed/i.test(details)) {
    const host = target.replace(/:\d+$/, '')
    return `connection error: desc = "transport: Error while dialing: dial tcp: lookup ${host}: no such host"`
  }
  if (/wrong version number|packet length too long|SSL|TLS|certificate|handshake/i.test(details)) {
    const why = /wrong version number|packet length too long/i.test(details) ? 'tls: first record does not look like a TLS handshake'
      : /self.signed|unable to verify|unable to get local issuer|unknown ca|certificate verify failed/i.test(details) ? 'tls: failed to verify certificate: x509: certificate signed by unknown authority'
        : /certificate|altname|hostname|Hostname/i.test(details) ? `tls: failed to verify certificate: ${details}`
          : details
    return `connection error: desc = "transport: authentication handshake failed: ${why}"`
  }
  // A stream that was cut (the server died or the connection dropped mid-way).
  if (kind === 'stream' || /Connection dropped|RST_STREAM|ECONNRESET|closed/i.test(details)) return 'error reading from server: EOF'
  return details
}
