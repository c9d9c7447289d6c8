/**
 * The agent's REST API server (the one `cilium agent` serves; tests serve the same): the route
 * table and handlers of src/agent/rest, plus what only the running agent can do — `PUT /endpoint/0` without an interface makes the endpoint's
 * namespace and veth (our `cilium endpoint create`; a Cilium CNI plugin passes ID 0 too and
 * the agent picks the ID), `DELETE /endpoint/{id}` of such an endpoint removes them, and
 * `/healthz` reports the live subsystems. A request that changes state is answered after the
 * datapath holds the change, so `cilium policy import` returning means the maps are written.
 */
import {chmod} from 'node:fs/promises'
import {type IncomingMessage, type Server, type ServerResponse, createServer} from 'node:http'
import type {EndpointChangeRequest, StatusResponse} from '../api/models.js'
import {apiBasePath, matchOperation, operations} from '../api/routes.js'
import {CiliumkitError} from '../errors.js'
import {claimSocketPath} from '../lib/unix-socket.js'
import {type ApiRequest, type ApiResponse, handle, resolveEndpointId} from './rest/handlers.js'
import {type AgentState, StateError} from './rest/state.js'
import type {EndpointManager} from './endpoint-manager.js'
import {absentDatapath} from './datapath.js'
import {healthz} from './health.js'
import type {Logger} from './log.js'
import type {MapEventLog, MapRegistry} from './map-cache.js'

const maxBodyBytes = 16 * 1024 * 1024

export interface ApiServerDeps {
  state: AgentState
  /** The agent's endpoints (namespaces, datapath); without it the API serves the state alone. */
  endpoints?: EndpointManager
  /** GET /healthz; without it, the state's own health (no datapath, no Hubble server). */
  status?: () => StatusResponse
  /** GET /map and /map/{name}; without it the server has no maps open. */
  maps?: MapRegistry
  log?: Logger
}

/** /healthz of a server with a state and nothing else behind it. */
function stateOnlyStatus(state: AgentState): StatusResponse {
  return healthz({version: 'api', datapath: absentDatapath('no agent behind this API server').status(),
    endpoints: [...state.endpoints.values()], controllers: [], lostEvents: 0, config: state.config,
    revision: state.repository.revision})
}

/** The map's events as JSON lines; following, then each new one until the client goes. */
function mapEventStream(log: MapEventLog, follow: boolean, write: (line: string) => void, closed: AbortSignal): Promise<void> {
  for (const e of log.list()) write(`${JSON.stringify(e)}\n`)
  if (!follow || closed.aborted) return Promise.resolve()
  const stop = log.follow((e) => write(`${JSON.stringify(e)}\n`))
  return new Promise((resolve) => closed.addEventListener('abort', () => {
    stop()
    resolve()
  }, {once: true}))
}

/** What a streamed response may hold unread before the server gives up on its client. */
const maxStreamBacklog = 1 << 20

function send(res: ServerResponse, out: ApiResponse): void {
  if (out.stream) {
    res.writeHead(out.status, {'Content-Type': 'application/json'})
    // Node sends the head with the first write: a follow with nothing to say yet would leave the
    // client waiting for it until its timeout.
    res.flushHeaders()
    const closed = new AbortController()
    res.once('close', () => closed.abort())
    const write = (line: string): void => {
      // A client that stopped reading is cut off rather than buffered for without bound.
      if (res.writableLength > maxStreamBacklog) res.destroy()
      else res.write(line)
    }
    out.stream(write, closed.signal).then(() => res.end(), () => res.destroy())
    return
  }
  const text = out.body === undefined ? '' : JSON.stringify(out.body)
  res.writeHead(out.status, {'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(text)})
  res.end(text)
}

function readBody(req: IncomingMessage): Promise<unknown> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = []
    let size = 0
    req.on('data', (c: Buffer) => {
      size += c.length
      if (size > maxBodyBytes) {
        reject(new StateError(413, 'request body too large'))
        req.destroy()
        return
      }
      chunks.push(c)
    })
    req.on('error', reject)
    req.on('end', () => {
      const text = Buffer.concat(chunks).toString('utf8')
      if (text.trim() === '') return resolve(undefined)
      try {
        resolve(JSON.parse(text))
      } catch (err) {
        reject(new StateError(400, `invalid JSON body: ${(err as Error).message}`))
      }
    })
  })
}

/** Our endpoint create: ID 0 and no interface made by someone else. */
function isAgentMadeCreate(id: string, body: EndpointChangeRequest | undefined): boolean {
  return (id === '0' || id === 'cilium-local:0') && !body?.['interface-name']
}

async function route(deps: ApiServerDeps, req: IncomingMessage): Promise<ApiResponse> {
  const url = new URL(req.url ?? '/', 'http://localhost')
  const path = url.pathname.startsWith(apiBasePath) ? url.pathname.slice(apiBasePath.length) : url.pathname
  const m = matchOperation(req.method ?? 'GET', path)
  if ('status' in m) return {status: m.status, body: m.status === 404 ? `path ${url.pathname} not found` : `method ${req.method} not allowed`}
  const body = await readBody(req)
  const request: ApiRequest = {params: m.params, query: url.searchParams, headers: req.headers, body}
  if (m.name === 'getHealthz') return {status: 200, body: deps.status?.() ?? stateOnlyStatus(deps.state)}
  if (m.name === 'getMap') return {status: 200, body: {maps: await deps.maps?.list() ?? []}}
  if (m.name === 'getMapName') {
    // As the real agent: an unknown map is a 404 without a body.
    const map = await deps.maps?.get(m.params.name)
    return map ? {status: 200, body: map} : {status: 404}
  }
  if (m.name === 'getMapNameEvents') {
    // As the real agent: a map without events (unknown, or not event-tracked) is GetMapName's 404 without a body.
    const log = deps.maps?.events(m.params.name)
    return log ? {status: 200, stream: (write, closed) => mapEventStream(log, url.searchParams.get('follow') === 'true', write, closed)} : {status: 404}
  }
  const endpoints = deps.endpoints
  if (endpoints && m.name === 'putEndpointId' && isAgentMadeCreate(m.params.id, body as EndpointChangeRequest | undefined)) {
    const b = (body ?? {}) as EndpointChangeRequest
    const name = b['container-name'] ?? b['k8s-pod-name']
    if (!name) throw new StateError(400, 'container-name is required to create an endpoint')
    return {status: 201, body: await endpoints.create({name, namespace: b['k8s-namespace'] ?? 'default', labels: b.labels ?? []})}
  }
  if (endpoints && m.name === 'deleteEndpointId') {
    const id = resolveEndpointId(deps.state, m.params.id)
    if (endpoints.records.has(id)) {
      await endpoints.remove(id)
      return {status: 200}
    }
  }
  const out = handle(deps.state, m.name, request)
  if (endpoints && operations[m.name].method !== 'GET' && out.status < 300) await endpoints.sync()
  return out
}

export interface ApiServer {
  server: Server
  close(): Promise<void>
}

/**
 * Listens on `socketPath` (mode 0660). A stale socket file is replaced; SocketInUseError when
 * a server answers there. Rejects with the listen error otherwise.
 */
export async function startApiServer(deps: ApiServerDeps, socketPath: string): Promise<ApiServer> {
  await claimSocketPath(socketPath, 'the agent API socket')
  const server = createServer((req, res) => {
    route(deps, req).then((out) => send(res, out), (err: unknown) => {
      if (err instanceof StateError) return send(res, {status: err.status, body: err.message})
      if (err instanceof CiliumkitError) return send(res, {status: 500, body: err.message})
      deps.log?.error('API request failed', {subsys: 'api', method: req.method, path: req.url, error: (err as Error).stack ?? String(err)})
      send(res, {status: 500, body: (err as Error).message})
    })
  })
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(socketPath, () => {
      server.off('error', reject)
      // A failed accept (EMFILE when descriptors run out) is an 'error' event: log it, keep serving.
      server.on('error', (err) => deps.log?.error('API server error', {subsys: 'api', error: err.message}))
      resolve()
    })
  })
  await chmod(socketPath, 0o660)
  return {
    server,
    close: () => new Promise<void>((resolve) => {
      server.close(() => resolve())
      server.closeAllConnections()
    }),
  }
}
