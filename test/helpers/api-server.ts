/**
 * The agent's REST API server (src/agent/api-server.ts) on a real unix socket in a temp dir,
 * closed and removed when the test ends, and a client for it.
 */
import {mkdtempSync, rmSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import type {TestContext} from 'node:test'
import {type ApiServerDeps, startApiServer} from '../../src/agent/api-server.js'
import {AgentClient} from '../../src/api/client.js'

export async function serveApi(t: TestContext, deps: ApiServerDeps): Promise<{client: AgentClient; socket: string}> {
  const dir = mkdtempSync(join(tmpdir(), 'ck-api-'))
  const socket = join(dir, 'cilium.sock')
  const server = await startApiServer(deps, socket)
  t.after(async () => {
    await server.close()
    rmSync(dir, {recursive: true, force: true})
  })
  return {client: new AgentClient(socket), socket}
}
