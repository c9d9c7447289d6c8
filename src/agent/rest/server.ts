/**
 * The agent REST API over a unix socket (mode 0660): routes requests through the shared
 * operation table (src/api/routes.ts) to the handlers. Bodies are read for every method,
 * because the real client sends label filters as the body of GET and DELETE.
 */
import {chmod, rm} from 'node:fs/promises'
import {type IncomingMessage, type Server, type ServerResponse, createServer} from 'node:http'
import {apiBasePath, matchOperation} from '../../api/routes.js'
import {type ApiRequest, handle} from './handlers.js'
import type {AgentState} from './state.js'

/** Largest request body we read (the CLI caps policy files at 1 MiB too; rules arrays re-encoded can be larger). */
const maxBodyBytes = 16 * 1024 * 1024

function send(res: ServerResponse, status: number, body: unknown): void {
  const text = body === undefined ? '' : JSON.stringify(body)
  res.writeHead(status, {'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(text)})
  res.end(text)
}

/** The request listener, for mounting on any http.Server. */
export function restListener(state: AgentState): (req: IncomingMessage, res: ServerResponse) => void {
  return (req, res) => {
    const chunks: Buffer[] = []
    let size = 0
    req.on('data', (c: Buffer) => {
      size += c.length
      if (size > maxBodyBytes) {
        send(res, 413, 'request body too large')
        req.destroy()
        return
      }
      chunks.push(c)
    })
    req.on('end', () => {
      const url = new URL(req.url ?? '/', 'http://localhost')
      const path = url.pathname.startsWith(apiBasePath) ? url.pathname.slice(apiBasePath.length) : url.pathname
      const m = matchOperation(req.method ?? 'GET', path)
      if ('status' in m) {
        send(res, m.status, m.status === 404 ? `path ${url.pathname} not found` : `method ${req.method} not allowed`)
        return
      }
      const text = Buffer.concat(chunks).toString('utf8')
      let body: unknown
      if (text.trim() !== '') {
        try {
          body = JSON.parse(text)
        } catch (err) {
          send(res, 400, `invalid JSON body: ${(err as Error).message}`)
          return
        }
      }
      const request: ApiRequest = {params: m.params, query: url.searchParams, headers: req.headers, body}
      try {
        const out = handle(state, m.name, request)
        send(res, out.status, out.body)
      } catch (err) {
        send(res, 500, (err as Error).message)
      }
    })
  }
}

export interface RestServer {
  server: Server
  socketPath: string
  close(): Promise<void>
}

/**
 * Listens on `socketPath` (a stale socket file is removed first) with mode 0660.
 * Rejects with the listen error (EADDRINUSE, EACCES, ...).
 */
export async function startRestServer(state: AgentState, socketPath: string): Promise<RestServer> {
  await rm(socketPath, {force: true})
  const server = createServer(restListener(state))
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(socketPath, () => {
      server.off('error', reject)
      resolve()
    })
  })
  await chmod(socketPath, 0o660)
  return {
    server, socketPath,
    close: () => new Promise<void>((resolve) => {
      server.close(() => resolve())
      server.closeAllConnections()
    }),
  }
}
