// `hubble observe agent-events` / `debug-events` through the bin against a real Hubble server
// on a unix socket of the test's own.
import assert from 'node:assert/strict'
import {join} from 'node:path'
import {test} from 'node:test'
import {createHubbleServer} from '../../src/hubble/server/index.js'
import {runCli, tempDir} from '../helpers/cli.js'

test('observe agent-events and debug-events print what the server holds, each from its own stream', async (t) => {
  let now = Date.UTC(2026, 0, 2, 3, 4, 5, 678)
  const {observer, server} = createHubbleServer({nodeName: 'node-a', version: 'test'})
  Object.assign(observer, {now: () => now})
  observer.addAgentEvent({type: 2, agentStart: {time: {seconds: Math.floor(now / 1000), nanos: 678_000_000}}})
  now += 1000
  observer.addAgentEvent({type: 7, endpointUpdate: {id: 42, namespace: 'default', podName: 'web'}})
  observer.addDebugEvent({type: 5, source: {ID: 42, namespace: 'default', podName: 'web'}, cpu: {value: 1}, message: 'denied'})
  const address = await server.listen(`unix://${join(tempDir(t), 'hubble.sock')}`)
  t.after(() => server.close())

  const agent = await runCli('hubble', ['observe', 'agent-events', '--server', address, '--print-node-name'])
  assert.equal(agent.code, 0, agent.stderr)
  assert.equal(agent.stdout, 'Jan  2 03:04:05.678 [node-a]: AGENT_STARTED (start time: Jan  2 03:04:05.678)\n'
    + 'Jan  2 03:04:06.678 [node-a]: ENDPOINT_CREATED (id: 42, namespace: default, pod name: web)\n')
  const last = await runCli('hubble', ['observe', 'agent-events', '--server', address, '--last', '1', '-o', 'jsonpb'])
  assert.deepEqual(JSON.parse(last.stdout), {agent_event: {type: 'ENDPOINT_CREATED',
    endpoint_update: {id: '42', pod_name: 'web', namespace: 'default'}}, node_name: 'node-a', time: '2026-01-02T03:04:06.678Z'})
  const debug = await runCli('cilium', ['hubble', 'observe', 'debug-events', '--server', address])
  assert.equal(debug.stdout, 'Jan  2 03:04:06.678: default/web (ID: 42) DBG_POLICY_DENIED MARK: N/A CPU: 01 (denied)\n')
  const bad = await runCli('hubble', ['observe', 'agent-events', '--server', address, '-o', 'table', '--follow'])
  assert.deepEqual([bad.code, bad.stderr], [1, 'table output format is not compatible with follow mode\n'])
})
