import assert from 'node:assert/strict'
import {join} from 'node:path'
import {test, type TestContext} from 'node:test'
import {HubbleClient} from '../../src/hubble/client.js'
import {compileFlowFilters} from '../../src/hubble/filters/index.js'
import {flow, type observer} from '../../src/hubble/proto/index.js'
import {FlowObserver, HubbleServer} from '../../src/hubble/server/index.js'
import {tempDir} from '../helpers/cli.js'

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms))
const PERF = flow.LostEventSource.PERF_EVENT_RING_BUFFER
const HUBBLE = flow.LostEventSource.HUBBLE_RING_BUFFER

// Entry i of the ring is flow i (its time says which) or, every `perfEvery` entries, a LostEvent
// of the datapath's (PERF_EVENT_RING_BUFFER) of 1 event, as the agent adds them.
const perfEvery = 997

/**
 * A follower that reads much slower than the writer pushes, through the real client over a real
 * unix socket: lapped again and again, it must keep receiving, be told exactly how much it
 * missed (flows it got + datapath LostEvents it got + HUBBLE_RING_BUFFER losses = every entry
 * pushed after it subscribed), receive the entries written after the burst (the datapath's last
 * LostEvent included), and end when it cancels. Session 2's bench/agent burst left it open whether
 * a lapped follower could stall.
 */
for (const [name, req] of [
  ['plain', {follow: true}],
  // what `hubble observe -o compact --verdict FORWARDED` asks for: the filter and mask paths of the server
  ['filtered and masked', {follow: true, whitelist: [{verdict: [flow.Verdict.FORWARDED]}], fieldMask: {paths: ['time', 'verdict', 'Summary']}}],
] as Array<[string, observer.IGetFlowsRequest]>) {
  test(`a lapped follower (${name}) keeps making progress, is told what it lost, gets the later entries and ends when asked`, (t) => lappedFollower(t, req))
}

async function lappedFollower(t: TestContext, req: observer.IGetFlowsRequest): Promise<void> {
  const obs = new FlowObserver({nodeName: 'node-a', version: 'test', capacity: 1023, compileFilters: compileFlowFilters})
  const server = new HubbleServer({observer: obs})
  const address = await server.listen(`unix://${join(tempDir(t), 'hubble.sock')}`)
  t.after(() => server.close())
  const client = HubbleClient.connect({server: address})
  t.after(() => client.close())

  let pushed = 0
  const push = () => {
    const i = pushed++
    if (i % perfEvery === perfEvery - 1) obs.addLostEvents(PERF, 1)
    else obs.addFlow({time: {seconds: 1_000_000 + i, nanos: 0}, nodeName: 'node-a', verdict: flow.Verdict.FORWARDED, Summary: `f${i}`})
  }

  const ac = new AbortController()
  const got = {flows: 0, perf: 0, hubbleLost: 0, lapped: 0, firstFlow: -1, lastFlow: -1, received: 0}
  // Index of the entry after the last one accounted for: flows give it exactly, losses add up to it.
  let expectNext = -1
  const follower = (async () => {
    for await (const r of client.flows(req, ac.signal) as AsyncIterable<observer.GetFlowsResponse>) {
      got.received++
      if (r.flow) {
        const i = Number(r.flow.time!.seconds) - 1_000_000
        if (expectNext >= 0) assert.equal(i, expectNext, `flow ${i} came where entry ${expectNext} was due (lost so far ${got.hubbleLost})`)
        if (got.flows++ === 0) got.firstFlow = i
        got.lastFlow = i
        expectNext = i + 1
      } else if (r.lostEvents?.source === HUBBLE) {
        got.hubbleLost += Number(r.lostEvents.numEventsLost)
        got.lapped++
        expectNext += Number(r.lostEvents.numEventsLost)
      } else if (r.lostEvents?.source === PERF) {
        got.perf++
        expectNext++
      }
      // The slow part: 1 ms for every 50 messages, far slower than the writer.
      if (got.received % 50 === 0) await sleep(1)
    }
  })()
  let failure: unknown
  follower.catch((err: unknown) => { failure = err })

  // Subscribed once the first flow arrives.
  for (let i = 0; got.flows === 0 && i < 500; i++) {
    push()
    await sleep(10)
  }
  assert.ok(got.flows > 0, 'the follower receives flows')

  // The burst: 200,000 entries, 2,000 a turn of the event loop.
  const samples: number[] = []
  for (let turn = 0; turn < 100; turn++) {
    for (let k = 0; k < 2000; k++) push()
    await new Promise(setImmediate)
    if (turn % 10 === 9) {
      samples.push(got.received)
      await sleep(5)
    }
  }
  assert.ok(got.lapped >= 3, `the follower was lapped repeatedly (${got.lapped} LostEvents of the Hubble ring)`)

  // After the burst: the datapath reports its losses, then one more flow.
  obs.addLostEvents(PERF, 14_458)
  pushed++
  const last = pushed
  push()
  // The follower catches up: it gets that flow (bounded wait: a stalled follower fails here).
  for (let i = 0; got.lastFlow < last && failure === undefined && i < 3000; i++) await sleep(10)
  if (failure !== undefined) throw failure
  assert.equal(got.lastFlow, last, `the follower reached the last flow (it is at ${got.lastFlow} of ${last}; received ${got.received}, samples ${samples.join(',')})`)
  assert.equal(got.flows + got.perf + got.hubbleLost, last - got.firstFlow + 1, 'every entry after subscribing was received or reported lost')
  assert.ok(got.perf >= 1, 'the datapath\'s LostEvent after the burst arrived')

  // Ends when asked: the client cancels, the server's stream ends.
  ac.abort()
  await follower
  for (let i = 0; server.openStreams > 0 && i < 500; i++) await sleep(10)
  assert.equal(server.openStreams, 0, 'the server ended the cancelled stream')
}
