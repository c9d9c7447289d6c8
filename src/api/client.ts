/**
 * The client of the agent REST API: `/v1/...` over the agent's unix socket (Host: localhost),
 * as cilium-dbg speaks it. Works against our agent and a real Cilium agent alike.
 * Facts: research/cilium.md §4.1-4.3.
 */
import {request} from 'node:http'
import {ConnectionError} from '../errors.js'
import type {BPFMap, BPFMapList, DaemonConfiguration, DaemonConfigurationSpec, Endpoint, EndpointConfigurationSpec, EndpointConfigurationStatus,
  EndpointStatusChange, IdentityModel,
  IPListEntry, LabelConfiguration, LabelConfigurationSpec, MapEvent, Policy, SelectorIdentityMapping, StatusResponse} from './models.js'
import {type Operation, type OperationName, apiBasePath, operationPath, operations} from './routes.js'

export type {IdentityModel} from './models.js'

/** The agent's API socket, as cilium-dbg finds it: $CILIUM_SOCK (optionally unix://…), else the default. */
export const DEFAULT_AGENT_SOCKET = '/var/run/cilium/cilium.sock'

export function agentSocketPath(env: NodeJS.ProcessEnv = process.env): string {
  return (env.CILIUM_SOCK ?? DEFAULT_AGENT_SOCKET).replace(/^unix:\/\//, '')
}

/** Where the API is: a unix socket, or a TCP host:port (`-H tcp://127.0.0.1:9234`). */
export type AgentTarget = {socketPath: string} | {host: string; port: number}

/**
 * Reads `-H/--host` as cilium-dbg does: `unix:///path`, a bare path, or `tcp://host:port`
 * (`http://` too); without it $CILIUM_SOCK, else the default socket.
 * Throws ConnectionError on a URI it cannot use.
 */
export function resolveAgentTarget(host?: string, env: NodeJS.ProcessEnv = process.env): AgentTarget {
  const uri = host ?? env.CILIUM_SOCK ?? DEFAULT_AGENT_SOCKET
  if (uri.startsWith('unix://')) return {socketPath: uri.slice('unix://'.length)}
  const tcp = /^(?:tcp|http):\/\/([^:/]+|\[[^\]]+\]):(\d+)\/?$/.exec(uri)
  if (tcp) return {host: tcp[1].replace(/^\[|\]$/g, ''), port: Number(tcp[2])}
  if (uri.startsWith('/') || uri.startsWith('.')) return {socketPath: uri}
  throw new ConnectionError(`invalid API URI "${uri}"`, 'use unix:///path/to/cilium.sock or tcp://host:port')
}

/** Go's words for the errnos a dial can fail with, so our errors read like cilium-dbg's. */
const dialErrors: Record<string, string> = {
  ENOENT: 'no such file or directory', ECONNREFUSED: 'connection refused', EACCES: 'permission denied',
  ECONNRESET: 'connection reset by peer', ETIMEDOUT: 'i/o timeout',
}

/** The agent answered with an error status. `message` is go-swagger's text for it. */
export class AgentApiError extends ConnectionError {
  constructor(readonly status: number, readonly operation: Operation, readonly payload: string) {
    const name = operation.responses[status] ?? `Status${status}`
    const op = `${operation.operation}${name[0].toUpperCase()}${name.slice(1)}`
    super(`[${operation.method} ${operation.path}][${status}] ${op}${payload ? `  ${payload}` : ''}`)
  }
}

export interface RequestOptions {
  params?: Record<string, string | number>
  query?: Record<string, string | boolean | readonly string[] | undefined>
  body?: unknown
  headers?: Record<string, string>
}

/** The path and query of a request. */
function requestPath(op: Operation, o: RequestOptions): string {
  const path = apiBasePath + operationPath(op, o.params)
  const q = new URLSearchParams()
  for (const [k, v] of Object.entries(o.query ?? {})) {
    if (v === undefined) continue
    if (Array.isArray(v)) for (const e of v) q.append(k, e)
    else q.append(k, String(v))
  }
  return [...q.keys()].length > 0 ? `${path}?${q.toString()}` : path
}

export class AgentClient {
  readonly target: AgentTarget

  /** `target` is a socket path (the default socket when omitted) or an AgentTarget. */
  constructor(target: string | AgentTarget = agentSocketPath(), readonly timeoutMs = 30_000) {
    this.target = typeof target === 'string' ? {socketPath: target} : target
  }

  /** The client for `-H/--host` (or $CILIUM_SOCK, or the default socket). */
  static fromHost(host?: string, env: NodeJS.ProcessEnv = process.env, timeoutMs?: number): AgentClient {
    return new AgentClient(resolveAgentTarget(host, env), timeoutMs)
  }

  /** `unix:///var/run/cilium/cilium.sock` or `tcp://host:port`, for messages. */
  get uri(): string {
    return 'socketPath' in this.target ? `unix://${this.target.socketPath}` : `tcp://${this.target.host}:${this.target.port}`
  }

  /**
   * Calls one operation and returns its JSON body (undefined when empty).
   * Throws ConnectionError when no agent answers (with the hint to start one), and
   * AgentApiError for a status outside 2xx.
   */
  call<T>(name: OperationName, o: RequestOptions = {}): Promise<T> {
    const {op, path, url, verb, where} = this.prepare(name, o)
    const payload = o.body === undefined ? undefined : Buffer.from(JSON.stringify(o.body))
    return new Promise<T>((resolve, reject) => {
      let retried = false
      const send = (): void => {
        const req = request({...where, path, method: op.method, timeout: this.timeoutMs,
          headers: {Host: 'localhost', Accept: 'application/json', ...(payload ? {'Content-Type': 'application/json',
            'Content-Length': String(payload.length)} : {}), ...o.headers}}, (res) => {
          const chunks: Buffer[] = []
          res.on('data', (c: Buffer) => chunks.push(c))
          res.on('error', () => reject(this.cutError(verb, url)))
          res.on('end', () => {
            if (!res.complete) {
              reject(this.cutError(verb, url))
              return
            }
            const text = Buffer.concat(chunks).toString('utf8')
            const status = res.statusCode ?? 0
            if (status < 200 || status > 299) {
              reject(new AgentApiError(status, op, errorPayload(text)))
              return
            }
            if (text.trim() === '') {
              resolve(undefined as T)
              return
            }
            try {
              resolve(JSON.parse(text) as T)
            } catch (err) {
              reject(new ConnectionError(`${verb} "${url}": invalid JSON in the response: ${(err as Error).message}`))
            }
          })
        })
        req.on('timeout', () => req.destroy(Object.assign(new Error('timeout'), {code: 'ETIMEDOUT'})))
        req.on('error', (err: NodeJS.ErrnoException) => {
          // A kept-alive connection the server closed (its keep-alive timeout) just as we reused it:
          // the request never reached the server, so it is sent once more on a new connection.
          if (req.reusedSocket && !retried && (err.code === 'ECONNRESET' || err.code === 'EPIPE')) {
            retried = true
            send()
            return
          }
          reject(this.dialError(verb, url, err))
        })
        req.end(payload)
      }
      send()
    })
  }

  /**
   * Calls an operation whose answer is a stream of JSON objects, one per line (GET
   * /map/{name}/events), passing each to `onObject` as it arrives; resolves when the agent ends
   * the stream or `signal` aborts. Throws as call() does, a ConnectionError when the connection
   * ends before the response does (the agent stopped mid-stream), and whatever `onObject` throws.
   * No timeout once the stream has begun.
   */
  stream(name: OperationName, o: RequestOptions, onObject: (value: unknown) => void, signal?: AbortSignal): Promise<void> {
    const {op, path, url, verb, where} = this.prepare(name, o)
    return new Promise<void>((resolve, reject) => {
      const fail = (err: Error): void => {
        req.destroy()
        reject(err)
      }
      const cut = (): void => (signal?.aborted ? resolve() : reject(this.cutError(verb, url)))
      const req = request({...where, path, method: op.method, timeout: this.timeoutMs, signal,
        headers: {Host: 'localhost', Accept: 'application/json', ...o.headers}}, (res) => {
        req.setTimeout(0)
        const status = res.statusCode ?? 0
        const ok = status >= 200 && status <= 299
        let pending = ''
        res.setEncoding('utf8')
        res.on('data', (chunk: string) => {
          pending += chunk
          if (!ok) return
          const lines = pending.split('\n')
          pending = lines.pop() ?? ''
          for (const line of lines) {
            if (!line.trim()) continue
            let value: unknown
            try {
              value = JSON.parse(line)
            } catch (err) {
              fail(new ConnectionError(`${verb} "${url}": invalid JSON in the response: ${(err as Error).message}`))
              return
            }
            try {
              onObject(value)
            } catch (err) {
              fail(err as Error)
              return
            }
          }
        })
        res.on('error', cut)
        res.on('end', () => {
          if (!res.complete) cut()
          else if (!ok) reject(new AgentApiError(status, op, errorPayload(pending)))
          else resolve()
        })
      })
      req.on('timeout', () => req.destroy(Object.assign(new Error('timeout'), {code: 'ETIMEDOUT'})))
      req.on('error', (err: NodeJS.ErrnoException) => (signal?.aborted ? resolve() : reject(this.dialError(verb, url, err))))
      req.end()
    })
  }

  /** What call() and stream() both need to send `name`: its path, URL and verb for messages, and where to connect. */
  private prepare(name: OperationName, o: RequestOptions): {op: Operation; path: string; url: string; verb: string;
    where: AgentTarget} {
    const op: Operation = operations[name]
    const path = requestPath(op, o)
    return {op, path, url: `http://localhost${path}`, verb: op.method[0] + op.method.slice(1).toLowerCase(),
      where: 'socketPath' in this.target ? {socketPath: this.target.socketPath} : {host: this.target.host, port: this.target.port}}
  }

  /** The connection ended before the response did (Go's client says unexpected EOF). */
  private cutError(verb: string, url: string): ConnectionError {
    return new ConnectionError(`${verb} "${url}": unexpected EOF`,
      `the agent closed the connection before the end of the response (did it stop or restart?); it is at ${this.uri}`)
  }

  private dialError(verb: string, url: string, err: NodeJS.ErrnoException): ConnectionError {
    const why = dialErrors[err.code ?? ''] ?? err.message
    const dial = 'socketPath' in this.target ? `dial unix ${this.target.socketPath}` : `dial tcp ${this.target.host}:${this.target.port}`
    const hint = err.code === 'EACCES'
      ? 'run as root, or as a member of the group that owns the agent socket'
      : err.code === 'ETIMEDOUT' ? 'Cilium API client timeout exceeded'
        : `is the agent running? Start it with \`cilium install\` or \`cilium agent\`, or point -H/--host or CILIUM_SOCK at its socket (now ${this.uri})`
    return new ConnectionError(`${verb} "${url}": ${dial}: connect: ${why}`, hint)
  }

  healthz(brief = false): Promise<StatusResponse> {
    return this.call('getHealthz', {headers: {brief: String(brief)}})
  }

  /** GET /debuginfo; `cilium version` reads its cilium-version. */
  debuginfo(): Promise<{'cilium-version'?: string; [field: string]: unknown}> { return this.call('getDebuginfo') }

  getConfig(): Promise<DaemonConfiguration> { return this.call('getConfig') }

  async patchConfig(spec: DaemonConfigurationSpec): Promise<void> { await this.call('patchConfig', {body: spec}) }

  /** GET /endpoint; `labels` filters (sent as the JSON body, as the real client does). */
  async getEndpoints(labels?: readonly string[]): Promise<Endpoint[]> {
    return (await this.call<Endpoint[] | undefined>('getEndpoint', labels?.length ? {body: labels} : {})) ?? []
  }

  getEndpoint(id: string | number): Promise<Endpoint> { return this.call('getEndpointId', {params: {id}}) }

  getEndpointConfig(id: string | number): Promise<EndpointConfigurationStatus> {
    return this.call('getEndpointIdConfig', {params: {id}})
  }

  async patchEndpointConfig(id: string | number, spec: EndpointConfigurationSpec): Promise<void> {
    await this.call('patchEndpointIdConfig', {params: {id}, body: spec})
  }

  getEndpointLabels(id: string | number): Promise<LabelConfiguration> {
    return this.call('getEndpointIdLabels', {params: {id}})
  }

  async patchEndpointLabels(id: string | number, spec: LabelConfigurationSpec): Promise<void> {
    await this.call('patchEndpointIdLabels', {params: {id}, body: spec})
  }

  async getIdentities(labels?: readonly string[]): Promise<IdentityModel[]> {
    return (await this.call<IdentityModel[] | undefined>('getIdentity', labels?.length ? {body: labels} : {})) ?? []
  }

  /** GET /v1/identity/{id}. */
  getIdentity(id: number | string): Promise<IdentityModel> {
    return this.call('getIdentityId', {params: {id}})
  }

  getPolicy(labels?: readonly string[]): Promise<Policy> {
    return this.call('getPolicy', labels?.length ? {body: labels} : {})
  }

  /** PUT /policy with the rules JSON as the body string, as the real client sends it. */
  putPolicy(rulesJson: string, o: {replace?: boolean; replaceWithLabels?: readonly string[]} = {}): Promise<Policy> {
    return this.call('putPolicy', {body: rulesJson, query: {replace: o.replace ? true : undefined,
      'replace-with-labels': o.replaceWithLabels?.length ? o.replaceWithLabels : undefined}})
  }

  deletePolicy(labels?: readonly string[]): Promise<Policy> {
    return this.call('deletePolicy', labels?.length ? {body: labels} : {})
  }

  getPolicySelectors(): Promise<SelectorIdentityMapping[]> { return this.call('getPolicySelectors') }

  /**
   * GET /ip: the ipcache, or the entries inside `cidr` (query), or those whose identity has all
   * `labels` (sent as the JSON body, as the real client does); 404 when none.
   */
  getIpcache(o: {cidr?: string; labels?: readonly string[]} = {}): Promise<IPListEntry[]> {
    return this.call('getIp', {query: {cidr: o.cidr}, ...(o.labels?.length ? {body: o.labels} : {})})
  }

  /** GET /endpoint/{id}/log: the endpoint's status changes. */
  async getEndpointLog(id: string | number): Promise<EndpointStatusChange[]> {
    return (await this.call<EndpointStatusChange[] | undefined>('getEndpointIdLog', {params: {id}})) ?? []
  }

  /** GET /map: the maps the agent has open. */
  getMaps(): Promise<BPFMapList> { return this.call('getMap') }

  /** GET /map/{name}: a map by name (under the agent's pin directory) or absolute path. */
  getMap(name: string): Promise<BPFMap> { return this.call('getMapName', {params: {name}}) }

  /** GET /map/{name}/events: the map's kept events to `onEvent`; with `follow`, then each new one until `signal` aborts. */
  mapEvents(name: string, follow: boolean, onEvent: (e: MapEvent) => void, signal?: AbortSignal): Promise<void> {
    return this.stream('getMapNameEvents', {params: {name}, query: {follow}}, (v) => onEvent(v as MapEvent), signal)
  }
}

/** Error bodies are a bare JSON string (the `Error` model); show its text, or the raw body. */
function errorPayload(text: string): string {
  const t = text.trim()
  if (t === '') return ''
  try {
    const v = JSON.parse(t) as unknown
    return typeof v === 'string' ? v : t
  } catch {
    return t
  }
}

/**
 * Runs an API call and puts cilium-dbg's context before its error (`Cannot get policy: ...`),
 * keeping the hint. Other errors pass unchanged.
 */
export async function withContext<T>(context: string, call: Promise<T>): Promise<T> {
  try {
    return await call
  } catch (err) {
    if (err instanceof ConnectionError) throw new ConnectionError(`${context}: ${err.message}`, err.hint, {cause: err})
    throw err
  }
}
