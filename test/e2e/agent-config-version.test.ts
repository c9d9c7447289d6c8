// `cilium version` and `cilium config` through the bin, against the agent's REST API server
// on a socket of the test's own.
import assert from 'node:assert/strict'
import {join} from 'node:path'
import {test} from 'node:test'
import {startApiServer} from '../../src/agent/api-server.js'
import {createAgentState, createEndpoint} from '../../src/agent/rest/state.js'
import {runCli, tempDir} from '../helpers/cli.js'

test('cilium version: the client line always, the daemon\'s from GET /v1/debuginfo or "Not responding"', async (t) => {
  const socket = join(tempDir(t), 'cilium.sock')
  const none = await runCli('cilium', ['version'], {env: {CILIUM_SOCK: socket}})
  assert.equal(none.code, 0, none.stderr)
  const [client, daemon] = none.stdout.split('\n')
  assert.match(client, /^Client: \S+ \S+ \S+ node version v\d+\.\d+\.\d+ linux\/\w+$/)
  assert.equal(daemon, 'Daemon: Not responding')
  const server = await startApiServer({state: createAgentState()}, socket)
  t.after(() => server.close())
  const up = await runCli('cilium', ['version'], {env: {CILIUM_SOCK: socket}})
  assert.equal(up.stdout, `${client}\n${client.replace('Client', 'Daemon')}\n`)
  const json = JSON.parse((await runCli('cilium', ['version', '-o', 'json'], {env: {CILIUM_SOCK: socket}})).stdout) as
    {Client: {Version: string}; Daemon: {Version: string}}
  assert.equal(json.Daemon.Version, json.Client.Version)
})

test('cilium config: prints the agent\'s options, sets them (on every endpoint), and a bad one is one error line that changes nothing', async (t) => {
  const socket = join(tempDir(t), 'cilium.sock')
  const state = createAgentState()
  createEndpoint(state, 7, {state: 'ready', labels: ['k8s:app=x']})
  const server = await startApiServer({state}, socket)
  t.after(() => server.close())
  const env = {env: {CILIUM_SOCK: socket}}
  const shown = await runCli('cilium', ['config'], env)
  assert.equal(shown.code, 0, shown.stderr)
  assert.match(shown.stdout, /^##### Read-write configurations #####\n/)
  assert.match(shown.stdout, /^PolicyAuditMode {19}: Disabled$/m)
  assert.match(shown.stdout, /^PolicyEnforcement {17}: default\n$/m)
  const set = await runCli('cilium', ['config', 'PolicyAuditMode=true', 'PolicyEnforcement=always'], env)
  assert.deepEqual([set.code, set.stdout, set.stderr], [0, '', ''])
  assert.equal(state.endpoints.get(7)?.status?.realized?.options?.PolicyAuditMode, 'Enabled')
  const after = (await runCli('cilium', ['config'], env)).stdout
  assert.match(after, /^PolicyAuditMode {19}: Enabled$/m)
  assert.match(after, /^PolicyEnforcement {17}: always$/m)
  const json = JSON.parse((await runCli('cilium', ['config', '-o', 'json'], env)).stdout) as Record<string, string>
  assert.equal(json.PolicyAuditMode, 'Enabled')
  const bad = await runCli('cilium', ['config', 'TraceNotification=false', 'Bogus=1'], env)
  assert.deepEqual([bad.code, bad.stderr], [1, 'Error: unknown option "Bogus"\n'])
  assert.equal(state.config.status?.realized?.options?.TraceNotification, 'Enabled')
})
