import assert from 'node:assert/strict'
import {existsSync} from 'node:fs'
import {join} from 'node:path'
import {test} from 'node:test'
import {absentDatapath, type DatapathEvent} from '../../src/agent/datapath.js'
import {agentNotifyText, MonitorServer} from '../../src/agent/monitor-socket.js'
import {decodeEvent} from '../../src/datapath/events.js'
import {openMonitor, readPayloads} from '../../src/monitor/client.js'
import {decodeAgentNotify, type Payload} from '../../src/monitor/payload.js'
import {decodeRecord} from '../../src/monitor/records.js'
import {SocketInUseError} from '../../src/lib/unix-socket.js'
import {tempDir} from '../helpers/cli.js'

/** A trace record (to-endpoint 9, from endpoint 7) of a 54-byte TCP SYN in our datapath's layout. */
function traceRecord(): Buffer {
  const b = Buffer.alloc(56 + 54)
  b[0] = 4; b.writeUInt16LE(7, 2); b.writeUInt32LE(54, 8); b.writeUInt16LE(54, 12); b[14] = 2
  b.writeUInt32LE(256, 16); b.writeUInt32LE(257, 20); b.writeUInt16LE(9, 24)
  b.writeUInt16BE(0x0800, 56 + 12); b[56 + 14] = 0x45; b[56 + 23] = 6
  return b
}

async function take(it: AsyncGenerator<Payload>, n: number): Promise<Payload[]> {
  const out: Payload[] = []
  while (out.length < n) {
    const r = await it.next()
    if (r.done) break
    out.push(r.value)
  }
  return out
}

test('the monitor socket serves a gob payload stream per connection: events, agent notifications, losses', async (t) => {
  const dir = tempDir(t)
  const path = join(dir, 'monitor1_2.sock')
  const server = await MonitorServer.listen(path)
  t.after(() => server.close())
  // A second server on a live socket is refused, and does not take the socket away.
  await assert.rejects(MonitorServer.listen(path), SocketInUseError)

  let lost = 0
  let push: ((ev: DatapathEvent) => void) | undefined
  const dp = {...absentDatapath('test'), lostEvents: () => lost,
    events: () => ({async* [Symbol.asyncIterator]() {
      for (;;) yield await new Promise<DatapathEvent>((resolve) => { push = resolve })
    }})}
  const tapped = server.tap(dp)
  const seen: DatapathEvent[] = []
  const pipeline = (async () => {
    for await (const ev of tapped.events(new AbortController().signal)) {
      seen.push(ev)
      if (seen.length === 1) break
    }
  })()

  const stop = new AbortController()
  const a = readPayloads(await openMonitor(path), stop.signal)
  const b = readPayloads(await openMonitor(path), stop.signal)
  while (server.size < 2) await new Promise((r) => setTimeout(r, 10))
  while (!push) await new Promise((r) => setTimeout(r, 10))
  push(decodeEvent(traceRecord()))
  await pipeline
  assert.equal(seen.length, 1) // the pipeline still gets the event
  server.publishAgentEvent({type: 3, policyUpdate: {revision: 4, ruleCount: 2, labels: ['k8s:app=x']}})
  lost = 5

  for (const reader of [a, b]) {
    const [ev, agent, lostRecord] = await take(reader, 3)
    assert.equal(ev.type, 9)
    const r = decodeRecord(ev.data)
    assert.equal(r.kind, 'trace')
    assert.equal(r.kind === 'trace' && r.dstId, 9)
    assert.deepEqual(decodeAgentNotify(agent.data), {type: 5, text: '{"labels":["k8s:app=x"],"revision":4,"rule_count":2}'})
    assert.deepEqual({type: lostRecord.type, lost: lostRecord.lost}, {type: 2, lost: 5n})
  }
  stop.abort()
  await server.close()
  assert.equal(existsSync(path), false)
})

test('a missing socket is one ConnectionError naming the path', async (t) => {
  const path = join(tempDir(t), 'none.sock')
  await assert.rejects(openMonitor(path), {name: 'ConnectionError', message: `Cannot find or open a supported node-monitor socket. ${path}: no such file`})
})

test('agent events become the texts Cilium\'s agent sends', () => {
  assert.deepEqual(agentNotifyText({type: 7, endpointUpdate: {id: 12, labels: ['k8s:app=x'], namespace: 'default', podName: 'p'}}),
    {type: 7, text: '{"id":12,"labels":["k8s:app=x"],"pod-name":"p","namespace":"default"}'})
  assert.deepEqual(agentNotifyText({type: 2, agentStart: {time: {seconds: 1795000000, nanos: 120000000}}}),
    {type: 2, text: '{"time":"2026-11-18 11:06:40.12 +0000 UTC"}'})
  assert.equal(agentNotifyText({type: 0}), undefined)
})

test('tapFlows: every flow still reaches the observer; an L7 one also goes to listeners as an access-log record', async (t) => {
  const path = join(tempDir(t), 'monitor1_2.sock')
  const server = await MonitorServer.listen(path)
  t.after(() => server.close())
  const {createHubbleServer} = await import('../../src/hubble/server/index.js')
  const observer = server.tapFlows(createHubbleServer({nodeName: 'n', version: 'v', capacity: 15}).observer)
  const l4 = {time: {seconds: 1795501800}, verdict: 1, IP: {source: '10.0.0.1', destination: '10.0.0.2', ipVersion: 1}}
  // Without listeners nothing is encoded, and the flow is added all the same.
  observer.addFlow(l4)
  const stop = new AbortController()
  t.after(() => stop.abort())
  const reader = readPayloads(await openMonitor(path), stop.signal)
  while (server.size < 1) await new Promise((r) => setTimeout(r, 10))
  observer.addFlow(l4)
  observer.addFlow({...l4, source: {ID: 3, identity: 300, labels: ['k8s:app=a']}, destination: {ID: 4, identity: 400},
    l4: {TCP: {sourcePort: 40000, destinationPort: 80}}, trafficDirection: 2,
    l7: {type: 1, http: {method: 'GET', url: 'http://10.0.0.2/', protocol: 'HTTP/1.1'}}})
  assert.equal(Number(observer.serverStatus().numFlows), 3)
  const [p] = await take(reader, 1)
  assert.equal(p.data[0], 129)
  const {decodeLogRecord} = await import('../../src/monitor/logrecord.js')
  assert.deepEqual(decodeLogRecord(p.data), {type: 'Request', timestamp: '2026-11-24T06:30:00Z', observationPoint: 'Egress',
    source: {id: 3, ipv4: '10.0.0.1', port: 40000, identity: 300, labels: ['k8s:app=a']},
    destination: {id: 4, ipv4: '10.0.0.2', port: 80, identity: 400, labels: []},
    ipVersion: 0, verdict: 'Forwarded', transportProtocol: 6, http: {code: 0, method: 'GET', url: 'http://10.0.0.2/', protocol: 'HTTP/1.1'}})
})

test('tapFlows: a server tapping twice, or a restarted one, publishes each flow once; the last close puts the observer\'s addFlow back', async (t) => {
  const dir = tempDir(t)
  const {createHubbleServer} = await import('../../src/hubble/server/index.js')
  const {decodeLogRecord} = await import('../../src/monitor/logrecord.js')
  const observer = createHubbleServer({nodeName: 'n', version: 'v', capacity: 15}).observer
  const http = (url: string) => ({time: {seconds: 1795501800}, verdict: 1, IP: {source: '10.0.0.1', destination: '10.0.0.2', ipVersion: 1},
    l4: {TCP: {sourcePort: 40000, destinationPort: 80}}, l7: {type: 1, http: {method: 'GET', url, protocol: 'HTTP/1.1'}}})
  const first = await MonitorServer.listen(join(dir, 'first.sock'))
  t.after(() => first.close())
  first.tapFlows(observer)
  await first.close()
  const path = join(dir, 'monitor1_2.sock')
  const server = await MonitorServer.listen(path)
  t.after(() => server.close())
  server.tapFlows(observer)
  server.tapFlows(observer)
  const stop = new AbortController()
  t.after(() => stop.abort())
  const reader = readPayloads(await openMonitor(path), stop.signal)
  while (server.size < 1) await new Promise((r) => setTimeout(r, 10))
  observer.addFlow(http('http://10.0.0.2/1'))
  observer.addFlow(http('http://10.0.0.2/2'))
  const urls = (await take(reader, 2)).map((p) => decodeLogRecord(p.data).http?.url)
  assert.deepEqual(urls, ['http://10.0.0.2/1', 'http://10.0.0.2/2'])
  assert.equal(Number(observer.serverStatus().numFlows), 2)
  assert.ok(Object.hasOwn(observer, 'addFlow'))
  await server.close()
  assert.ok(!Object.hasOwn(observer, 'addFlow'), 'the observer\'s own addFlow again')
  assert.equal(Object.getOwnPropertySymbols(observer).length, 0)
  observer.addFlow(http('http://10.0.0.2/3'))
  assert.equal(Number(observer.serverStatus().numFlows), 3)
})
