import assert from 'node:assert/strict'
import {test} from 'node:test'
import {encodeJson} from '../../src/hubble/codec/index.js'
import {compileFlowFilters} from '../../src/hubble/filters/index.js'
import {flow, Long, observer} from '../../src/hubble/proto/index.js'
import {FlowObserver, FlowRing, InvalidRequestError, type FlowSink} from '../../src/hubble/server/index.js'

// Flow i happens at second 1000 + i; its Summary says which one it is.
function makeObserver(n: number, capacity = 4095, clock = {ms: 5_000_000}) {
  const obs = new FlowObserver({nodeName: 'node-a', version: 'test', capacity, compileFilters: compileFlowFilters, now: () => clock.ms})
  for (let i = 0; i < n; i++) obs.addFlow(flowAt(i))
  return obs
}
function flowAt(i: number): flow.IFlow {
  return {time: {seconds: 1000 + i, nanos: 0}, nodeName: 'node-a', Summary: `f${i}`,
    verdict: i % 3 === 0 ? flow.Verdict.DROPPED : flow.Verdict.FORWARDED,
    source: {namespace: i % 2 ? 'ns-odd' : 'ns-even', podName: `p${i}`}}
}

const asJson = (type: string, m: object): unknown => JSON.parse(encodeJson(type, m))

/** A sink that decodes what it gets and reports back-pressure after `highWater` items. */
function collect(highWater = Infinity) {
  const got: string[] = []
  let pending: (() => void) | undefined
  let buffered = 0
  const sink: FlowSink = {
    write(item) {
      const r = item instanceof Uint8Array ? observer.GetFlowsResponse.decode(item) : observer.GetFlowsResponse.create(item)
      got.push(r.flow ? String(r.flow.Summary) : `lost:${String(r.lostEvents?.numEventsLost)}`)
      return ++buffered < highWater
    },
    drain: () => new Promise<void>((resolve) => { pending = resolve }),
  }
  // the client reads everything from now on
  const release = () => { highWater = Infinity; const p = pending; pending = undefined; p?.() }
  return {got, sink, release, waiting: () => pending !== undefined}
}

async function run(obs: FlowObserver, req: observer.IGetFlowsRequest): Promise<string[]> {
  const c = collect()
  await obs.getFlows(req, c.sink, new AbortController().signal)
  return c.got
}

test('ring: capacity, oldest/next, overwritten entries are gone', () => {
  const r = new FlowRing(3)
  for (let i = 0; i < 5; i++) r.push({bytes: new Uint8Array([i]), seconds: i, nanos: 0})
  assert.equal(r.length, 3)
  assert.equal(r.oldest, 2)
  assert.equal(r.next, 5)
  assert.equal(r.at(1), undefined)
  assert.deepEqual([...r.at(2)!.bytes], [2])
  assert.throws(() => new FlowRing(0), /positive integer/)
})

test('number: the last N flows, oldest first; number 0 = everything; --all (max uint64) too', async () => {
  const obs = makeObserver(10)
  assert.deepEqual(await run(obs, {number: 3}), ['f7', 'f8', 'f9'])
  assert.equal((await run(obs, {})).length, 10)
  assert.equal((await run(obs, {number: Long.fromString('18446744073709551615', true)})).length, 10)
})

test('first: the oldest N flows', async () => {
  assert.deepEqual(await run(makeObserver(10), {number: 2, first: true}), ['f0', 'f1'])
})

test('filters apply while rewinding and reading: the last 2 DROPPED flows', async () => {
  const obs = makeObserver(10)
  assert.deepEqual(await run(obs, {number: 2, whitelist: [{verdict: [flow.Verdict.DROPPED]}]}), ['f6', 'f9'])
  assert.deepEqual(await run(obs, {number: 2, blacklist: [{verdict: [flow.Verdict.DROPPED]}]}), ['f7', 'f8'])
  assert.deepEqual(await run(obs, {whitelist: [{sourcePod: ['ns-odd/p1']}]}), ['f1'])
})

test('since / until select by flow time; since wins over number for the start', async () => {
  const obs = makeObserver(10)
  assert.deepEqual(await run(obs, {since: {seconds: 1007}}), ['f7', 'f8', 'f9'])
  assert.deepEqual(await run(obs, {since: {seconds: 1002}, until: {seconds: 1004}}), ['f2', 'f3', 'f4'])
  assert.deepEqual(await run(obs, {since: {seconds: 1002}, number: 2}), ['f2', 'f3'])
})

test('invalid requests: first with follow, a bad filter (the server\'s own message)', async () => {
  const obs = makeObserver(1)
  await assert.rejects(run(obs, {first: true, follow: true}), /first cannot be specified with follow/)
  await assert.rejects(run(obs, {whitelist: [{sourceIp: ['not-an-ip']}]}), /not-an-ip/)
})

test('follow: the last N, then new flows as they come, until aborted', async () => {
  const obs = makeObserver(5)
  const c = collect()
  const ac = new AbortController()
  const done = obs.getFlows({number: 2, follow: true}, c.sink, ac.signal)
  await new Promise(setImmediate)
  assert.deepEqual(c.got, ['f3', 'f4'])
  obs.addFlow(flowAt(5))
  obs.addFlow(flowAt(6))
  await new Promise(setImmediate)
  assert.deepEqual(c.got, ['f3', 'f4', 'f5', 'f6'])
  ac.abort()
  await done
})

test('follow without number starts at the newest entry: only new flows', async () => {
  const obs = makeObserver(5)
  const c = collect()
  const ac = new AbortController()
  const done = obs.getFlows({follow: true}, c.sink, ac.signal)
  await new Promise(setImmediate)
  assert.deepEqual(c.got, [])
  obs.addFlow(flowAt(5))
  await new Promise(setImmediate)
  assert.deepEqual(c.got, ['f5'])
  ac.abort()
  await done
})

test('a follower that falls behind gets a LostEvent (HUBBLE_RING_BUFFER) and skips ahead', async () => {
  const obs = makeObserver(0, 4)
  const c = collect(2)  // the client stops reading after 2 items
  const ac = new AbortController()
  const done = obs.getFlows({follow: true}, c.sink, ac.signal)
  for (let i = 0; i < 2; i++) obs.addFlow(flowAt(i))
  await new Promise(setImmediate)
  assert.ok(c.waiting(), 'the server waits for drain')
  for (let i = 2; i < 12; i++) obs.addFlow(flowAt(i))  // ring of 4 laps the reader
  c.release()
  await new Promise(setImmediate)
  await new Promise(setImmediate)
  assert.deepEqual(c.got, ['f0', 'f1', 'lost:6', 'f8', 'f9', 'f10', 'f11'])
  ac.abort()
  await done
})

test('ServerStatus, GetNodes, GetNamespaces', () => {
  const clock = {ms: 5_000_000}
  const obs = makeObserver(10, 4, clock)
  clock.ms += 2000
  const s = obs.serverStatus()
  assert.deepEqual({num: s.numFlows, max: s.maxFlows, seen: s.seenFlows, uptime: s.uptimeNs, version: s.version},
    {num: 4, max: 4, seen: 10, uptime: 2e9, version: 'test'})
  assert.equal(s.flowsRate, 5, '10 flows over 2 s of uptime')
  assert.equal(s.numConnectedNodes, undefined, 'an agent leaves the node counts unset')
  const node = obs.node('unix:///x.sock', {enabled: false, serverName: ''})
  assert.equal(node.name, 'node-a')
  assert.equal(node.state, 1)
  assert.deepEqual(obs.getNamespaces().namespaces, [{cluster: '', namespace: 'ns-even'}, {cluster: '', namespace: 'ns-odd'}])
  clock.ms += 3600_001
  assert.deepEqual(obs.getNamespaces().namespaces, [], 'only namespaces seen in the last hour')
})

test('field_mask: the flow keeps only the masked fields (a parent path keeps all of it); node_name and time stay', async () => {
  const obs = makeObserver(0)
  obs.addFlow({...flowAt(1), l4: {TCP: {sourcePort: 40000, destinationPort: 80, flags: {SYN: true}}},
    destination: {namespace: 'ns-d', podName: 'd', identity: 42, labels: ['k8s:app=d']},
    source: {namespace: 'ns-s', podName: 's', identity: 7, labels: ['k8s:app=s', 'k8s:tier=web']}})
  const c = collect()
  const raw: observer.GetFlowsResponse[] = []
  const sink: FlowSink = {write: (item) => { raw.push(observer.GetFlowsResponse.decode(item as Uint8Array)); return c.sink.write(item) }, drain: c.sink.drain}
  await obs.getFlows({fieldMask: {paths: ['time', 'l4', 'source.identity', 'source.pod_name', 'Summary', 'destination']}}, sink, new AbortController().signal)
  const r = raw[0]!
  assert.equal(r.nodeName, 'node-a')
  assert.equal(Number(r.time!.seconds), 1001)
  assert.deepEqual(asJson('flow.Flow', r.flow!), {
    time: '1970-01-01T00:16:41Z', Summary: 'f1', l4: {TCP: {source_port: 40000, destination_port: 80, flags: {SYN: true}}},
    source: {identity: 7, pod_name: 's'}, destination: {namespace: 'ns-d', pod_name: 'd', identity: 42, labels: ['k8s:app=d']},
  })
  // A present sub-message stays present when none of its masked fields is set.
  const empty: observer.GetFlowsResponse[] = []
  await obs.getFlows({fieldMask: {paths: ['source.cluster_name']}},
    {write: (item) => { empty.push(observer.GetFlowsResponse.decode(item as Uint8Array)); return true }, drain: async () => {}}, new AbortController().signal)
  assert.deepEqual(asJson('flow.Flow', empty[0]!.flow!), {source: {}})
})

test('field_mask: an unknown path is refused; lost events are not masked', async () => {
  const obs = makeObserver(2)
  await assert.rejects(run(obs, {fieldMask: {paths: ['source.nope']}}), (e: Error) => e instanceof InvalidRequestError && /invalid path "source.nope"/.test(e.message))
  await assert.rejects(run(obs, {fieldMask: {paths: ['l4.TCP.flags.SYN.x']}}), InvalidRequestError)
  obs.addLostEvents(flow.LostEventSource.PERF_EVENT_RING_BUFFER, 17, 3)
  const got: observer.GetFlowsResponse[] = []
  await obs.getFlows({fieldMask: {paths: ['Summary']}}, {write: (item) => { got.push(observer.GetFlowsResponse.decode(item as Uint8Array)); return true }, drain: async () => {}},
    new AbortController().signal)
  assert.deepEqual(got.map((r) => r.flow ? asJson('flow.Flow', r.flow) : null), [{Summary: 'f0'}, {Summary: 'f1'}, null])
  assert.deepEqual(asJson('flow.LostEvent', got[2]!.lostEvents!), {source: 'PERF_EVENT_RING_BUFFER', num_events_lost: '17', cpu: 3})
})

test('addLostEvents: GetFlows readers receive the LostEvent in ring order, followers as it happens', async () => {
  const obs = makeObserver(2)
  obs.addLostEvents(flow.LostEventSource.PERF_EVENT_RING_BUFFER, 5)
  obs.addFlow(flowAt(2))
  assert.deepEqual(await run(obs, {}), ['f0', 'f1', 'lost:5', 'f2'])
  const c = collect()
  const ac = new AbortController()
  const done = obs.getFlows({follow: true}, c.sink, ac.signal)
  obs.addLostEvents(flow.LostEventSource.OBSERVER_EVENTS_QUEUE, 9)
  await new Promise(setImmediate)
  assert.deepEqual(c.got, ['lost:9'])
  ac.abort()
  await done
})

test('lost events in GetFlows bypass filters and the time range and do not count toward number', async () => {
  const obs = makeObserver(3)
  obs.addLostEvents(flow.LostEventSource.PERF_EVENT_RING_BUFFER, 4)
  obs.addFlow(flowAt(3))
  // --last 2 gives the two newest flows plus the lost event between them, not one flow and the loss.
  assert.deepEqual(await run(obs, {number: 2}), ['f2', 'lost:4', 'f3'])
  // A filter no flow matches still lets the loss through; so does a time range that excludes it.
  assert.deepEqual(await run(obs, {whitelist: [{sourcePod: ['nobody/']}]}), ['lost:4'])
  // A loss stamped before --since (clock at 0 s, flows at 1000 s and later) is still sent.
  const early = makeObserver(3, 4095, {ms: 0})
  early.addLostEvents(flow.LostEventSource.PERF_EVENT_RING_BUFFER, 4)
  early.addFlow(flowAt(3))
  assert.deepEqual(await run(early, {since: {seconds: 1001}}), ['f1', 'f2', 'lost:4', 'f3'])
})

test('agent and debug events: their own streams (number/first/follow), never in GetFlows', async () => {
  const clock = {ms: 5_000_000}
  const obs = makeObserver(2, 4095, clock)
  obs.addAgentEvent({type: flow.AgentEventType.AGENT_STARTED, agentStart: {time: {seconds: 1}}})
  obs.addDebugEvent({type: flow.DebugEventType.DBG_GENERIC, message: 'hello'})
  obs.addAgentEvent({type: flow.AgentEventType.POLICY_UPDATED, policyUpdate: {ruleCount: 3}})
  assert.deepEqual(await run(obs, {}), ['f0', 'f1'])
  const agent = async (req: observer.IGetAgentEventsRequest) => {
    const out: observer.GetAgentEventsResponse[] = []
    await obs.getAgentEvents(req, {write: (item) => { out.push(observer.GetAgentEventsResponse.decode(item as Uint8Array)); return true }, drain: async () => {}},
      new AbortController().signal)
    return out
  }
  const all = await agent({})
  assert.deepEqual(all.map((r) => r.agentEvent?.type), [flow.AgentEventType.AGENT_STARTED, flow.AgentEventType.POLICY_UPDATED])
  assert.equal(all[0]!.nodeName, 'node-a')
  assert.equal(Number(all[0]!.time!.seconds), 5000)
  assert.deepEqual((await agent({number: 1})).map((r) => r.agentEvent?.policyUpdate?.ruleCount), [3])
  assert.deepEqual((await agent({number: 1, first: true})).map((r) => r.agentEvent?.type), [flow.AgentEventType.AGENT_STARTED])
  const debug: observer.GetDebugEventsResponse[] = []
  await obs.getDebugEvents({}, {write: (item) => { debug.push(observer.GetDebugEventsResponse.decode(item as Uint8Array)); return true }, drain: async () => {}},
    new AbortController().signal)
  assert.deepEqual(debug.map((r) => r.debugEvent?.message), ['hello'])
  await assert.rejects(obs.getAgentEvents({first: true, follow: true}, collect().sink, new AbortController().signal), InvalidRequestError)
})

test('a selective follower that has not caught up with the ring gets what it matched at least every 1,024 entries scanned', async () => {
  const obs = makeObserver(3000)
  const c = collect()
  const flushedAt: number[] = []  // matched flows written by each flush
  c.sink.flush = () => { flushedAt.push(c.got.length) }
  const ac = new AbortController()
  const done = obs.getFlows({since: {seconds: 0}, follow: true, whitelist: [{verdict: [flow.Verdict.DROPPED]}]}, c.sink, ac.signal)
  // every third flow is DROPPED: 1,000 of them; the catch-up at 3,000 flushes all, earlier flushes some
  for (let turn = 0; turn < 100_000 && !flushedAt.includes(1000); turn++) await new Promise(setImmediate)
  ac.abort()
  await done
  assert.equal(c.got.length, 1000)
  assert.ok(flushedAt.length >= 3, `flushes: ${flushedAt.join(',')}`)
  assert.ok(flushedAt[0]! > 0 && flushedAt[0]! < 1000, `the first flush came with ${flushedAt[0]} of 1000 matched flows`)
})
