/**
 * The agent as `cilium agent --no-datapath` runs it, in-process: the server it ships, /healthz
 * from its real state, and a start that fails leaving nothing behind.
 */
import assert from 'node:assert/strict'
import {spawn} from 'node:child_process'
import {existsSync} from 'node:fs'
import {createServer} from 'node:net'
import {join} from 'node:path'
import {type TestContext, test} from 'node:test'
import {Agent} from '../../src/agent/agent.js'
import {type AgentConfig, defaultAgentConfig} from '../../src/agent/config.js'
import {AgentClient} from '../../src/api/client.js'
import type {Status} from '../../src/api/models.js'
import {SocketInUseError, probeSocket} from '../../src/lib/unix-socket.js'
import {tempDir} from '../helpers/cli.js'

function config(t: TestContext, o: Partial<AgentConfig> = {}): AgentConfig {
  const dir = tempDir(t)
  return {...defaultAgentConfig(), stateDir: join(dir, 'run', 'state'), socket: join(dir, 'cilium.sock'),
    hubbleSocket: join(dir, 'hubble.sock'), bpffs: join(dir, 'bpffs'), nodeName: 'ck-node', ...o}
}

function agent(t: TestContext, c: AgentConfig): {agent: Agent; log: string[]} {
  const log: string[] = []
  const a = new Agent(c, {logStream: {write: (line: string) => log.push(line)}})
  t.after(() => a.stop())
  return {agent: a, log}
}

/** Nothing of a start is left: no sockets, no state dir (nor the parent it made). */
async function assertNothingLeft(c: AgentConfig): Promise<void> {
  assert.equal(existsSync(c.stateDir), false, 'state dir left behind')
  assert.equal(existsSync(join(c.stateDir, '..')), false, 'parent the start made left behind')
  assert.equal(await probeSocket(c.hubbleSocket), 'absent', 'hubble socket left behind')
}

test('a busy API socket: the start fails naming it and its process, and leaves nothing behind', async (t) => {
  const c = config(t)
  const busy = spawn(process.execPath, ['-e', `require('net').createServer((s)=>s.end()).listen(${JSON.stringify(c.socket)},()=>console.log('up'))`],
    {stdio: ['ignore', 'pipe', 'inherit']})
  t.after(() => {
    busy.kill('SIGKILL')
  })
  await new Promise((resolve) => busy.stdout!.once('data', resolve))
  const {agent: a} = agent(t, c)
  await assert.rejects(a.start(), (err: Error) => err instanceof SocketInUseError
    && err.message.startsWith(`the agent API socket ${c.socket} is in use by pid ${busy.pid}: `))
  await assertNothingLeft(c)
  assert.equal(await probeSocket(c.socket), 'listening', 'the other server keeps its socket')
})

test('a step after the Hubble socket fails (TCP port taken): earlier steps are undone in reverse order', async (t) => {
  const taken = createServer()
  await new Promise<void>((resolve) => taken.listen(0, '127.0.0.1', resolve))
  t.after(() => taken.close())
  const port = (taken.address() as {port: number}).port
  const c = config(t, {hubbleListenAddress: `127.0.0.1:${port}`})
  const {agent: a, log} = agent(t, c)
  await assert.rejects(a.start(), new RegExp(`failed to listen on 127.0.0.1:${port}`))
  await assertNothingLeft(c)
  assert.equal(await probeSocket(c.socket), 'absent')
  assert.match(log.join(''), /level=error msg="Start failed; undoing the steps that were done"/)
})

test('/healthz is derived from the agent: no datapath and an invalid endpoint are warnings; hubble is up', async (t) => {
  const c = config(t)
  const {agent: a} = agent(t, c)
  await a.start()
  const client = new AgentClient(c.socket)
  let s = await client.healthz()
  assert.equal(s.cilium?.state, 'Warning')
  assert.match(s.cilium?.msg ?? '', /^ciliumkit \S+; datapath not loaded: no datapath in this build$/)
  assert.equal((s.hubble as Status).state, 'Ok')
  const observer = (s.hubble as {observer: Record<string, unknown>}).observer
  assert.deepEqual([observer['max-flows'], observer['seen-flows']], [4095, 0])
  assert.match(String(observer.uptime), /^\d+\.\d{3}s$/)
  const controllers = s.controllers as {name: string; status: Record<string, number>}[]
  assert.deepEqual(controllers.map((x) => [x.name, x.status['success-count'], x.status['consecutive-failure-count']]), [['sync-ipcache', 1, 0]])
  assert.deepEqual(s.datapath, {state: 'Disabled', msg: 'datapath not loaded: no datapath in this build'})
  await client.call('putEndpointId', {params: {id: 7}, body: {state: 'invalid', labels: ['k8s:app=x'], 'interface-name': 'lxc7'}})
  s = await client.healthz()
  assert.equal(s.cilium?.state, 'Warning')
  assert.match(s.cilium?.msg ?? '', /; 1\/1 endpoints not ready \(7 invalid\)$/)
  await a.stop()
  assert.equal(await probeSocket(c.socket), 'absent')
  assert.equal(await probeSocket(c.hubbleSocket), 'absent')
  assert.ok(existsSync(join(c.stateDir, 'agent.json')), 'the state stays for the next start')
})

test('datapath losses reach GetFlows readers as LostEvents (PERF_EVENT_RING_BUFFER), each loss once', async (t) => {
  const {createHubbleServer} = await import('../../src/hubble/server/index.js')
  const {HubbleClient} = await import('../../src/hubble/client.js')
  const {flow} = await import('../../src/hubble/proto/index.js')
  const {FlowPipeline} = await import('../../src/agent/flows.js')
  const {absentDatapath} = await import('../../src/agent/datapath.js')
  const {createAgentState} = await import('../../src/agent/rest/state.js')
  const {Logger} = await import('../../src/agent/log.js')
  const socket = join(tempDir(t), 'hubble.sock')
  const {observer, server} = createHubbleServer({nodeName: 'ck-node', version: 'test'})
  await server.listen(`unix://${socket}`)
  t.after(() => server.close(100))
  // What the ring buffer and the event budget dropped so far, as BpfAgentDatapath counts it.
  let lost = 0
  const log: string[] = []
  const pipeline = new FlowPipeline({datapath: {...absentDatapath('test'), lostEvents: () => lost}, observer, state: createAgentState(),
    nodeName: 'ck-node', clusterName: 'default', log: new Logger({write: (l: string) => log.push(l)})})
  lost = 7
  pipeline.reportLost()
  pipeline.reportLost()
  lost = 10
  pipeline.reportLost()
  const client = HubbleClient.connect({server: `unix://${socket}`})
  t.after(() => client.close())
  const got: unknown[] = []
  for await (const r of client.flows({})) got.push({source: r.lostEvents?.source, n: r.lostEvents?.numEventsLost, node: r.nodeName})
  const source = flow.LostEventSource.PERF_EVENT_RING_BUFFER
  assert.deepEqual(got, [{source, n: 7, node: 'ck-node'}, {source, n: 3, node: 'ck-node'}])
  assert.match(log.join(''), /level=warn msg="Datapath events lost" lost=7 total=7\n.*lost=3 total=10/s)
})
