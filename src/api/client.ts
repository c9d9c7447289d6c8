import {request} from 'node:http'
import {ConnectionError} from '../errors.js'

/** The agent's API socket, as cilium-dbg finds it: $CILIUM_SOCK (optionally unix://…), else the default. */
export const DEFAULT_AGENT_SOCKET = '/var/run/cilium/cilium.sock'

export function agentSocketPath(env: NodeJS.ProcessEnv = process.env): string {
  return (env.CILIUM_SOCK ?? DEFAULT_AGENT_SOCKET).replace(/^unix:\/\//, '')
}

/** The agent API's Identity model (api/v1 openapi: id, labels, labelsSHA256). */
export interface IdentityModel {
  id: number
  labels: string[]
  labelsSHA256?: string
}

/** Go's words for the errnos a dial can fail with, so our errors read like cilium-dbg's. */
const dialErrors: Record<string, string> = {
  ENOENT: 'no such file or directory', ECONNREFUSED: 'connection refused', EACCES: 'permission denied',
  ECONNRESET: 'connection reset by peer', ETIMEDOUT: 'i/o timeout',
}

/**
 * A small client of the agent REST API (`/v1/...` over its unix socket, Host: localhost).
 * Every failure is a ConnectionError whose message follows the Go client's
 * (`Get "http://localhost/v1/identity/256": dial unix …: connect: no such file or directory`).
 */
export class AgentClient {
  constructor(readonly socketPath: string = agentSocketPath(), readonly timeoutMs = 5000) {}

  /** GET /v1<path>, parsed as JSON. Throws ConnectionError on a dial failure, a timeout or a non-2xx status. */
  get<T>(path: string): Promise<T> {
    const url = `http://localhost/v1${path}`
    return new Promise<T>((resolve, reject) => {
      const req = request({socketPath: this.socketPath, path: `/v1${path}`, method: 'GET',
        headers: {Host: 'localhost', Accept: 'application/json'}, timeout: this.timeoutMs}, (res) => {
        const chunks: Buffer[] = []
        res.on('data', (c: Buffer) => chunks.push(c))
        res.on('error', (err) => reject(new ConnectionError(`Get "${url}": ${err.message}`)))
        res.on('end', () => {
          const body = Buffer.concat(chunks).toString('utf8')
          const status = res.statusCode ?? 0
          if (status < 200 || status > 299) {
            reject(new ConnectionError(`[GET ${path}][${status}] ${body.trim().replace(/^"|"$/g, '') || res.statusMessage}`))
            return
          }
          try {
            resolve(JSON.parse(body) as T)
          } catch (err) {
            reject(new ConnectionError(`Get "${url}": invalid JSON in the response: ${(err as Error).message}`))
          }
        })
      })
      req.on('timeout', () => req.destroy(Object.assign(new Error('timeout'), {code: 'ETIMEDOUT'})))
      req.on('error', (err: NodeJS.ErrnoException) => {
        const why = dialErrors[err.code ?? ''] ?? err.message
        reject(new ConnectionError(`Get "${url}": dial unix ${this.socketPath}: connect: ${why}`))
      })
      req.end()
    })
  }

  /** GET /v1/identity/{id}. */
  getIdentity(id: number): Promise<IdentityModel> {
    return this.get<IdentityModel>(`/identity/${id}`)
  }
}
