/**
 * Server-streaming gRPC calls (GetFlows, GetAgentEvents, GetDebugEvents) read straight from an
 * HTTP/2 stream, without @grpc/grpc-js: the same requests and the same gRPC framing on the wire
 * (5-byte prefix per message, status in the trailers), but messages come out in batches of
 * raw bytes, one batch per DATA chunk. grpc-js hands over one message at a time, pausing and
 * resuming the HTTP/2 stream and crossing five call layers and a process.nextTick for each:
 * ~7 µs a message here against ~1.4 µs for this reader (docs/BENCHMARKS.md), which is most of
 * what `hubble observe` spent before printing anything. Unary calls stay on grpc-js.
 *
 * Failures are thrown as `{code, details}` with grpc-js's wording of the same failure, so
 * client.ts turns both into the real CLI's messages the same way.
 */
import * as http2 from 'node:http2'
import * as net from 'node:net'
import * as tls from 'node:tls'

export interface StreamDialOptions {
  /** `unix:///path`, `unix:path` or `host:port` */
  target: string
  tls?: {ca: Buffer | null, cert: Buffer | null, key: Buffer | null, serverName?: string, rejectUnauthorized: boolean}
  /** extra request headers (e.g. authorization) */
  headers?: Record<string, string>
}

/** A gRPC status as grpc-js reports it. */
export interface StreamStatus {
  code: number
  details: string
}

const UNKNOWN = 2, RESOURCE_EXHAUSTED = 8, INTERNAL = 13, UNAVAILABLE = 14, UNIMPLEMENTED = 12,
  UNAUTHENTICATED = 16, PERMISSION_DENIED = 7
const maxMessageBytes = 64 << 20
// The receive windows: 4 MiB per stream and 8 MiB for the connection let the server run ahead
// of a busy reader (research/cli-perf.md §4: +18-63 % over the 64 KiB default).
const streamWindow = 4 << 20
const sessionWindow = 8 << 20
// A reader that falls this far behind stops reading the socket, so the server's window closes.
const pauseBytes = 1 << 20

/** A gRPC status error (the shape grpc-js's ServiceError has). */
export class StreamStatusError extends Error implements StreamStatus {
  constructor(readonly code: number, readonly details: string) {
    super(`${code} ${details}`)
  }
}

/** One HTTP/2 connection for the streaming calls of one client; opened on first use. */
export class StreamChannel {
  private session: http2.ClientHttp2Session | undefined
  private connected = false
  // Calls in flight: the connection keeps the process alive only while there are some.
  private active = 0

  constructor(private readonly opts: StreamDialOptions) {}

  /** Whether the connection is up (the client's dial timeout asks). */
  get isConnected(): boolean {
    return this.connected && this.session !== undefined && !this.session.destroyed
  }

  private connect(): http2.ClientHttp2Session {
    if (this.session && !this.session.destroyed && !this.session.closed) return this.session
    this.connected = false
    const {target} = this.opts
    const unixPath = target.startsWith('unix:') ? target.replace(/^unix:(\/\/)?/, '') : undefined
    const [host, port] = unixPath ? ['localhost', 0] : splitHostPort(target)
    const t = this.opts.tls
    const authority = unixPath ? 'localhost' : `${host}:${port}`
    const session = http2.connect(`${t ? 'https' : 'http'}://${authority}`, {
      settings: {initialWindowSize: streamWindow},
      maxSessionMemory: 1 << 30,
      createConnection: () => {
        const socket = unixPath ? net.connect(unixPath) : net.connect(port, host)
        if (!t) return socket
        return tls.connect({socket, ALPNProtocols: ['h2'], ca: t.ca ?? undefined, cert: t.cert ?? undefined, key: t.key ?? undefined,
          servername: t.serverName ?? (net.isIP(host) ? undefined : host), rejectUnauthorized: t.rejectUnauthorized})
      },
    })
    session.once('remoteSettings', () => {
      this.connected = true
      session.setLocalWindowSize(sessionWindow)
    })
    // Errors reach the streams (as 'error' or 'close'); the session must not crash the process.
    session.on('error', () => {})
    session.unref()
    this.session = session
    return session
  }

  /**
   * Calls `path` with the encoded request; yields the response messages' bytes in batches as
   * they arrive. Ends at the OK status, throws StreamStatusError for any other, and ends
   * quietly when `signal` aborts. Not reading stops the stream (back-pressure to the server).
   */
  async *call(path: string, request: Uint8Array, signal?: AbortSignal): AsyncGenerator<Buffer[]> {
    if (signal?.aborted) return
    const session = this.connect()
    if (this.active++ === 0) session.ref()
    const stream = session.request({':method': 'POST', ':path': path, 'content-type': 'application/grpc', te: 'trailers',
      'grpc-accept-encoding': 'identity', ...this.opts.headers})
    const frame = Buffer.allocUnsafe(5 + request.length)
    frame[0] = 0
    frame.writeUInt32BE(request.length, 1)
    frame.set(request, 5)
    stream.end(frame)

    const queue: Buffer[][] = []
    let queuedBytes = 0
    let paused = false
    let failure: StreamStatus | undefined
    let status: StreamStatus | undefined
    let closed = false
    let wake: (() => void) | undefined
    const notify = () => {
      const w = wake
      wake = undefined
      w?.()
    }

    // gRPC framing across DATA chunks: `pending` holds the chunks of an incomplete message, joined
    // once `need` bytes are there (joining on every chunk would copy a large message many times).
    let pending: Buffer[] = []
    let pendingBytes = 0
    let need = 0
    const onData = (chunk: Buffer) => {
      if (pendingBytes > 0 && pendingBytes + chunk.length < need) {
        pending.push(chunk)
        pendingBytes += chunk.length
        return
      }
      const buf = pendingBytes > 0 ? Buffer.concat([...pending, chunk]) : chunk
      pending = []
      pendingBytes = 0
      const batch: Buffer[] = []
      let off = 0
      while (buf.length - off >= 5) {
        const len = buf.readUInt32BE(off + 1)
        if (buf[off] !== 0) return fail({code: INTERNAL, details: 'Received compressed message but "grpc-encoding" header was identity'})
        if (len > maxMessageBytes) return fail({code: RESOURCE_EXHAUSTED, details: `Received message larger than max (${len} vs. ${maxMessageBytes})`})
        if (buf.length - off - 5 < len) break
        batch.push(buf.subarray(off + 5, off + 5 + len))
        off += 5 + len
      }
      if (off < buf.length) {
        const rest = Buffer.from(buf.subarray(off))
        pending = [rest]
        pendingBytes = rest.length
        need = rest.length >= 5 ? 5 + rest.readUInt32BE(1) : 5
      }
      if (batch.length === 0) return
      queue.push(batch)
      queuedBytes += off
      if (queuedBytes > pauseBytes && !paused) {
        paused = true
        stream.pause()
      }
      notify()
    }
    const fail = (s: StreamStatus) => {
      failure ??= s
      stream.close(http2.constants.NGHTTP2_CANCEL)
      notify()
    }
    const statusFrom = (headers: http2.IncomingHttpHeaders): StreamStatus | undefined => {
      const code = headers['grpc-status']
      if (code === undefined) return undefined
      const message = headers['grpc-message']
      return {code: Number(code), details: typeof message === 'string' ? percentDecoded(message) : ''}
    }
    stream.on('response', (headers) => {
      const httpStatus = Number(headers[':status'])
      // A trailers-only response carries the status in the headers.
      const s = statusFrom(headers)
      if (s) status = s
      else if (httpStatus !== 200) fail(httpStatusToGrpc(httpStatus))
      else if (!String(headers['content-type'] ?? '').startsWith('application/grpc')) {
        fail({code: UNKNOWN, details: `Received invalid content-type ${String(headers['content-type'])}`})
      }
    })
    stream.on('data', onData)
    stream.on('trailers', (headers) => {
      status = statusFrom(headers) ?? {code: UNKNOWN, details: 'No status received'}
    })
    stream.on('error', (err: NodeJS.ErrnoException) => {
      failure ??= connectionFailure(err, this.connected)
    })
    stream.on('close', () => {
      closed = true
      if (!status && !failure) {
        // Ended without a status: the connection (or the stream) died under us.
        failure = pending ? {code: INTERNAL, details: 'Connection dropped'} : {code: UNAVAILABLE, details: 'Connection dropped'}
      }
      notify()
    })
    const onAbort = () => {
      stream.close(http2.constants.NGHTTP2_CANCEL)
      notify()
    }
    signal?.addEventListener('abort', onAbort, {once: true})
    try {
      for (;;) {
        if (signal?.aborted) return
        const batch = queue.shift()
        if (batch) {
          queuedBytes -= batch.reduce((n, b) => n + b.length + 5, 0)
          if (paused && queuedBytes <= pauseBytes / 2) {
            paused = false
            stream.resume()
          }
          yield batch
          continue
        }
        if (failure) throw new StreamStatusError(failure.code, failure.details)
        if (closed) {
          if (status && status.code !== 0) throw new StreamStatusError(status.code, status.details)
          return
        }
        await new Promise<void>((resolve) => { wake = resolve })
      }
    } finally {
      signal?.removeEventListener('abort', onAbort)
      if (!closed) stream.close(http2.constants.NGHTTP2_CANCEL)
      if (--this.active === 0 && !session.destroyed) session.unref()
    }
  }

  close(): void {
    this.session?.destroy()
    this.session = undefined
  }
}

function splitHostPort(target: string): [string, number] {
  const m = /^\[([^\]]+)\]:(\d+)$/.exec(target) ?? /^([^:]*):(\d+)$/.exec(target)
  if (m) return [m[1] || 'localhost', Number(m[2])]
  return [target.replace(/^\[|\]$/g, ''), 443]
}

// The status grpc-js gives a call whose connection failed: Unavailable, with the socket or TLS
// error in the words client.ts recognises.
function connectionFailure(err: NodeJS.ErrnoException, connected: boolean): StreamStatus {
  if (!connected) return {code: UNAVAILABLE, details: `No connection established. Last error: ${err.message}${err.code ? ` (${err.code})` : ''}`}
  return {code: UNAVAILABLE, details: 'Connection dropped'}
}

// gRPC's mapping of an HTTP status without a gRPC status.
function httpStatusToGrpc(httpStatus: number): StreamStatus {
  const code = httpStatus === 400 ? INTERNAL : httpStatus === 401 ? UNAUTHENTICATED : httpStatus === 403 ? PERMISSION_DENIED
    : httpStatus === 404 ? UNIMPLEMENTED : [429, 502, 503, 504].includes(httpStatus) ? UNAVAILABLE : UNKNOWN
  return {code, details: `Received HTTP status code ${httpStatus}`}
}

/** grpc-message is percent-encoded; a server that sends a bare `%` gets its text shown as is. */
function percentDecoded(message: string): string {
  try {
    return decodeURIComponent(message)
  } catch {
    return message
  }
}
