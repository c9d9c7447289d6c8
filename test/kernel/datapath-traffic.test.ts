/**
 * The endpoint datapath with real traffic: two endpoint namespaces behind a node namespace,
 * our programs on the host-side veths, policy written into the per-endpoint maps. Each test
 * asserts the delivery (connect, ping) and what the datapath reported (events, maps).
 * One object load serves the file (the verifier takes seconds); each test has its own
 * namespaces and endpoint IDs.
 */
import assert from 'node:assert/strict'
import {after, test, type TestContext} from 'node:test'
import {Datapath, DatapathMaps, type DatapathEvent, type EndpointSpec, type TraceEvent} from '../../src/datapath/index.js'
import type {RingBuffer} from '../../src/bpf/index.js'
import {encodeMetricsKey} from '../../src/maps/metrics.js'
import {endpointNetwork, skipUnlessBpf, tcpConnect, tcpServer, tempBpffsDir, type Endpoint} from '../helpers/kernel.js'

let dp: Datapath | undefined
let ring: RingBuffer | undefined
const events: DatapathEvent[] = []
let nextEndpointId = 100

/** Hooks of the whole file: the datapath and its bpffs outlive each test. */
const fileCleanup = {after: (fn: () => void | Promise<void>) => { after(fn) }}

after(async () => {
  await ring?.close()
  dp?.close()
})

/** The shared datapath, loaded by the first test that runs (it needs root). */
function load(): Datapath {
  if (dp) return dp
  dp = Datapath.load({pinDir: tempBpffsDir(fileCleanup)})
  ring = dp.events((batch) => events.push(...batch))
  return dp
}

interface Pair {
  dp: Datapath
  client: Endpoint
  server: Endpoint
  clientSpec: EndpointSpec
  serverSpec: EndpointSpec
}

/** Two endpoints with fresh IDs and identities, written and attached; removed after the test. */
function pair(t: TestContext, config: EndpointSpec['config'] = {}): Pair {
  const d = load()
  const {node, endpoints: [client, server]} = endpointNetwork(t, 2)
  const id = nextEndpointId
  nextEndpointId += 2
  const spec = (ep: Endpoint, epId: number, identity: number): EndpointSpec =>
    ({id: epId, ifindex: ep.hostIfindex, identity, ips: [ep.ip4, ep.ip6], netns: node.path, config})
  const clientSpec = spec(client, id, 10_000 + id), serverSpec = spec(server, id + 1, 10_000 + id + 1)
  for (const s of [clientSpec, serverSpec]) {
    d.upsertEndpoint(s)
    t.after(() => d.removeEndpoint(s.id))
    d.attach(s.id)
  }
  return {dp: d, client, server, clientSpec, serverSpec}
}

function of<T extends DatapathEvent['type']>(type: T, source: number): Array<Extract<DatapathEvent, {type: T}>> {
  return events.filter((e) => e.type === type && 'source' in e && e.source === source) as Array<Extract<DatapathEvent, {type: T}>>
}

async function until<T>(what: string, get: () => T | undefined | false, timeoutMs = 3000): Promise<T> {
  const end = Date.now() + timeoutMs
  for (;;) {
    const v = get()
    if (v) return v
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`)
    await new Promise((r) => setTimeout(r, 20))
  }
}

function metricsCount(d: Datapath, reason: number, egress: boolean, line = 0): bigint {
  try {
    const key = encodeMetricsKey(reason, egress ? 2 : 1, line, reason ? 2 : 0)
    return d.map(DatapathMaps.metrics).lookupPerCpu(key).reduce((n, v) => n + v.readBigUInt64LE(0), 0n)
  } catch {
    return 0n
  }
}

test('attached programs forward traffic and send a to-endpoint trace with both identities', async (t) => {
  if (skipUnlessBpf(t, 'tc')) return
  const {dp: d, client, server, clientSpec, serverSpec} = pair(t)
  await tcpServer(t, server.ns, 8080)
  const before = metricsCount(d, 0, false)
  assert.equal(await tcpConnect(client.ns, server.ip4, 8080), 'connected')
  const trace = await until('a trace at the server', () => of('trace', serverSpec.id).find((e) =>
    e.summary?.dport === 8080 && e.reasonName === 'new'))
  assert.equal(trace.observationPointName, 'to-endpoint')
  assert.equal(trace.srcIdentity, clientSpec.identity)
  assert.equal(trace.dstIdentity, serverSpec.identity)
  assert.equal(trace.dstEndpoint, serverSpec.id)
  assert.equal(trace.ifindex, server.hostIfindex)
  assert.equal(trace.summary?.src, client.ip4)
  assert.equal(trace.summary?.tcpFlags, 0x02)  // the SYN opened the connection
  assert.ok(metricsCount(d, 0, false) > before)
  // Medium aggregation (Cilium's default) keeps from-endpoint traces quiet.
  assert.equal(of('trace', clientSpec.id).filter((e: TraceEvent) => e.observationPointName === 'from-endpoint').length, 0)
})
