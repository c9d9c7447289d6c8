/**
 * The endpoint datapath with real traffic: two endpoint namespaces behind a node namespace,
 * our programs on the host-side veths, policy written into the per-endpoint maps. Each test
 * asserts the delivery (connect, ping) and what the datapath reported (events, maps).
 * One object load serves the file (the verifier takes seconds); each test has its own
 * namespaces and endpoint IDs.
 */
import assert from 'node:assert/strict'
import {after, test, type TestContext} from 'node:test'
import {Datapath, DatapathMaps, type DatapathEvent, type DropEvent, type EndpointSpec, type PolicyVerdictEvent,
  type TraceEvent} from '../../src/datapath/index.js'
import {encodePolicyStatsKey} from '../../src/maps/policystats.js'
import {portRangeKeys, Precedence, type PolicyEntry} from '../../src/policy/entries.js'
import type {RingBuffer} from '../../src/bpf/index.js'
import {encodeMetricsKey} from '../../src/maps/metrics.js'
import {endpointNetwork, execIn, ping, sendUdp, spawnIn, skipUnlessBpf, tcpConnect, tcpServer, tempBpffsDir, type Endpoint} from '../helpers/kernel.js'

let dp: Datapath | undefined
let ring: RingBuffer | undefined
const events: DatapathEvent[] = []
let nextEndpointId = 100

/** Cleanups of what the tests share (the datapath's bpffs): run by the file's after() hook. */
const fileHooks: Array<() => void | Promise<void>> = []
const fileCleanup = {after: (fn: () => void | Promise<void>) => { fileHooks.push(fn) }}

after(async () => {
  await ring?.close()
  dp?.close()
  for (const fn of fileHooks) await fn()
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
  const id = nextEndpointId
  nextEndpointId += 2
  // A subnet per test: conntrack entries of earlier tests must not match this one's tuples.
  const {node, endpoints: [client, server]} = endpointNetwork(t, 2, 1 + (id / 2) % 250)
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

const allow = (e: Partial<PolicyEntry>): PolicyEntry => ({identity: 0, egress: false, protocol: 0, dport: 0, prefixLen: 0,
  deny: false, proxyPort: 0, auth: 0, precedence: Precedence.allow, cookie: 0, ...e})
const deny = (e: Partial<PolicyEntry>): PolicyEntry => allow({...e, deny: true, precedence: Precedence.deny})

/** Packets counted in cilium_policystats for the entry, summed over CPUs (0 when absent). */
function statsPackets(d: Datapath, endpointId: number, e: PolicyEntry): bigint {
  try {
    const key = encodePolicyStatsKey(endpointId, {...e, dport: e.prefixLen > 8 ? e.dport & (0xffff << (24 - e.prefixLen)) & 0xffff : 0})
    return d.map(DatapathMaps.policyStats).lookupPerCpu(key).reduce((n, v) => n + v.readBigUInt64LE(0), 0n)
  } catch {
    return 0n
  }
}

function verdicts(source: number, dstPort?: number): PolicyVerdictEvent[] {
  return of('policy-verdict', source).filter((e) => dstPort === undefined || e.dstPort === dstPort)
}

function drops(source: number, dport?: number): DropEvent[] {
  return of('drop', source).filter((e) => dport === undefined || e.summary?.dport === dport)
}

/** Events arrive on the ring buffer's thread: let a batch land before asserting an absence. */
const settle = () => new Promise((r) => setTimeout(r, 200))

const ingressOnly = {selected: {ingress: true, egress: false}}

test('allow by identity: an L3-only entry for the client admits it on any port, over IPv4 and IPv6', async (t) => {
  if (skipUnlessBpf(t, 'tc')) return
  const {dp: d, client, server, clientSpec, serverSpec} = pair(t)
  d.updateEndpointConfig(server.hostIfindex, {...ingressOnly, options: {Debug: true} as never})
  const entry = allow({identity: clientSpec.identity})
  await d.setPolicy(serverSpec.id, [entry])
  await tcpServer(t, server.ns, 9001)
  assert.equal(await tcpConnect(client.ns, server.ip4, 9001), 'connected')
  const v = await until('an allow verdict', () => verdicts(serverSpec.id, 9001)[0])
  assert.deepEqual([v.action, v.direction, v.matchTypeName, v.remoteIdentity, v.protocol], ['allow', 'ingress', 'L3-Only', clientSpec.identity, 6])
  assert.ok(statsPackets(d, serverSpec.id, entry) >= 1n)
  assert.equal(await tcpConnect(client.ns, server.ip6, 9001), 'connected')
  const v6 = await until('an IPv6 verdict', () => verdicts(serverSpec.id, 9001).find((e) => e.ipv6))
  assert.deepEqual([v6.action, v6.remoteIdentity, v6.summary?.src], ['allow', clientSpec.identity, client.ip6])
  assert.equal(drops(serverSpec.id).length, 0)
  // Debug: one message per packet with the conntrack state, the verdict and the peer identity.
  const dbg = await until('a debug message', () => of('debug', serverSpec.id).find((e) => e.args[0] === 0))
  assert.deepEqual(dbg.args, [0, 0, clientSpec.identity])
})

test('allow by port: only the allowed port connects; the other is dropped as Policy denied', async (t) => {
  if (skipUnlessBpf(t, 'tc')) return
  const {dp: d, client, server, clientSpec, serverSpec} = pair(t)
  d.updateEndpointConfig(server.hostIfindex, ingressOnly)
  const entry = allow({identity: clientSpec.identity, protocol: 6, dport: 8080, prefixLen: 24})
  await d.setPolicy(serverSpec.id, [entry])
  await tcpServer(t, server.ns, 8080)
  await tcpServer(t, server.ns, 8081)
  const dropsBefore = metricsCount(d, 133, false, 0)
  assert.equal(await tcpConnect(client.ns, server.ip4, 8080), 'connected')
  assert.equal(await tcpConnect(client.ns, server.ip4, 8081, 500), 'timeout')
  const v = await until('the allow verdict', () => verdicts(serverSpec.id, 8080)[0])
  assert.deepEqual([v.action, v.matchTypeName], ['allow', 'L3-L4'])
  const denied = await until('the deny verdict', () => verdicts(serverSpec.id, 8081)[0])
  assert.deepEqual([denied.action, denied.verdict, denied.matchTypeName], ['deny', -133, 'none'])
  const drop = await until('a drop event', () => drops(serverSpec.id, 8081)[0])
  assert.deepEqual([drop.reason, drop.reasonText, drop.srcIdentity, drop.dstIdentity, drop.file],
    [133, 'Policy denied', clientSpec.identity, serverSpec.identity, 2])
  assert.ok(statsPackets(d, serverSpec.id, entry) >= 1n)
  let dropped = 0n
  for await (const [k, vals] of d.map(DatapathMaps.metrics).perCpuEntries()) {
    if (k[0] === 133 && k[1] === 1) dropped += vals.reduce((n, x) => n + x.readBigUInt64LE(0), 0n)
  }
  assert.ok(dropped > dropsBefore)
})

test('allow by port range: ports inside the LPM blocks connect, the first port past the range does not', async (t) => {
  if (skipUnlessBpf(t, 'tc')) return
  const {dp: d, client, server, clientSpec, serverSpec} = pair(t)
  d.updateEndpointConfig(server.hostIfindex, ingressOnly)
  const entries = portRangeKeys(6, 8000, 8099).map((k) => allow({identity: clientSpec.identity, ...k}))
  await d.setPolicy(serverSpec.id, entries)
  await tcpServer(t, server.ns, 8090)
  await tcpServer(t, server.ns, 8100)
  assert.equal(await tcpConnect(client.ns, server.ip4, 8090), 'connected')
  assert.equal(await tcpConnect(client.ns, server.ip4, 8100, 500), 'timeout')
  const v = await until('the allow verdict', () => verdicts(serverSpec.id, 8090)[0])
  assert.equal(v.matchTypeName, 'L3-L4')
  // 8090 lies in the block 8064-8095 (prefix 8 + 11 bits): its stats count under that block's key.
  const block = entries.find((e) => e.dport <= 8090 && 8090 < e.dport + 2 ** (24 - e.prefixLen))!
  assert.equal(block.prefixLen, 19)
  assert.ok(statsPackets(d, serverSpec.id, block) >= 1n)
  assert.equal((await until('the drop', () => drops(serverSpec.id, 8100)[0])).reason, 133)
})

test('allow by protocol: a TCP-only entry admits TCP on any port and drops UDP', async (t) => {
  if (skipUnlessBpf(t, 'tc')) return
  const {dp: d, client, server, clientSpec, serverSpec} = pair(t)
  d.updateEndpointConfig(server.hostIfindex, ingressOnly)
  await d.setPolicy(serverSpec.id, [allow({identity: clientSpec.identity, protocol: 6, prefixLen: 8})])
  await tcpServer(t, server.ns, 7001)
  assert.equal(await tcpConnect(client.ns, server.ip4, 7001), 'connected')
  assert.equal((await until('the TCP verdict', () => verdicts(serverSpec.id, 7001)[0])).matchTypeName, 'L3-Proto')
  sendUdp(client.ns, server.ip4, 7002, 3)
  const drop = await until('a UDP drop', () => drops(serverSpec.id, 7002)[0])
  assert.deepEqual([drop.reason, drop.summary?.protocol], [133, 17])
})

test('deny wins over allow: a port deny beats an L3 allow of the same peer', async (t) => {
  if (skipUnlessBpf(t, 'tc')) return
  const {dp: d, client, server, clientSpec, serverSpec} = pair(t)
  d.updateEndpointConfig(server.hostIfindex, ingressOnly)
  await d.setPolicy(serverSpec.id, [allow({identity: clientSpec.identity}), deny({protocol: 6, dport: 8080, prefixLen: 24})])
  await tcpServer(t, server.ns, 8080)
  await tcpServer(t, server.ns, 8081)
  assert.equal(await tcpConnect(client.ns, server.ip4, 8080, 500), 'timeout')
  assert.equal(await tcpConnect(client.ns, server.ip4, 8081), 'connected')
  const drop = await until('the deny drop', () => drops(serverSpec.id, 8080)[0])
  assert.deepEqual([drop.reason, drop.reasonText], [181, 'Policy denied by denylist'])
  const v = await until('the deny verdict', () => verdicts(serverSpec.id, 8080)[0])
  assert.deepEqual([v.action, v.verdict, v.matchTypeName], ['deny', -181, 'L4-Only'])
})

test('default deny once selected; unselected again, the next packet passes without a reload', async (t) => {
  if (skipUnlessBpf(t, 'tc')) return
  const {dp: d, client, server, serverSpec} = pair(t)
  await tcpServer(t, server.ns, 8080)
  d.updateEndpointConfig(server.hostIfindex, ingressOnly)
  assert.equal(await tcpConnect(client.ns, server.ip4, 8080, 500), 'timeout')
  assert.equal((await until('the drop', () => drops(serverSpec.id, 8080)[0])).reason, 133)
  d.updateEndpointConfig(server.hostIfindex, {selected: {ingress: false, egress: false}})
  assert.equal(await tcpConnect(client.ns, server.ip4, 8080), 'connected')
  const allowed = await until('the unenforced verdict', () => verdicts(serverSpec.id, 8080).find((e) => e.action === 'allow'))
  assert.equal(allowed.matchTypeName, 'all')
})

test('wildcard identity: a port entry for identity 0 admits a peer whatever its identity', async (t) => {
  if (skipUnlessBpf(t, 'tc')) return
  const {dp: d, client, server, serverSpec} = pair(t)
  d.updateEndpointConfig(server.hostIfindex, ingressOnly)
  // The client's address now maps to world (2): still admitted by the wildcard entry.
  d.upsertIpcache(client.ip4, 2)
  const entry = allow({protocol: 6, dport: 8080, prefixLen: 24})
  await d.setPolicy(serverSpec.id, [entry])
  await tcpServer(t, server.ns, 8080)
  assert.equal(await tcpConnect(client.ns, server.ip4, 8080), 'connected')
  const v = await until('the verdict', () => verdicts(serverSpec.id, 8080)[0])
  assert.deepEqual([v.action, v.matchTypeName, v.remoteIdentity], ['allow', 'L4-Only', 2])
  assert.ok(statsPackets(d, serverSpec.id, entry) >= 1n)
})

test('replies pass through conntrack: an egress-only allow, the SYN-ACK comes back through a default-deny ingress', async (t) => {
  if (skipUnlessBpf(t, 'tc')) return
  const {dp: d, client, server, clientSpec, serverSpec} = pair(t)
  d.updateEndpointConfig(client.hostIfindex, {selected: {ingress: true, egress: true}, monitorAggregation: 0})
  await d.setPolicy(clientSpec.id, [allow({identity: serverSpec.identity, egress: true, protocol: 6, dport: 8080, prefixLen: 24})])
  await tcpServer(t, server.ns, 8080)
  assert.equal(await tcpConnect(client.ns, server.ip4, 8080), 'connected')
  const reply = await until('a reply trace into the client', () => of('trace', clientSpec.id).find((e) =>
    e.observationPointName === 'to-endpoint' && e.reasonName === 'reply' && e.summary?.sport === 8080))
  assert.equal(reply.summary?.tcpFlags, 0x12)  // SYN-ACK
  const egress = await until('the egress verdict', () => verdicts(clientSpec.id, 8080)[0])
  assert.deepEqual([egress.direction, egress.action], ['egress', 'allow'])
  // The connection's entry: addresses named for the reply (daddr = the client), ports of the original direction, OUT.
  const entries: Buffer[] = []
  for await (const [k, v] of d.map(DatapathMaps.ct4).entries()) {
    if (k.subarray(0, 4).equals(Buffer.from(client.ip4.split('.').map(Number))) && k.readUInt16BE(8) === 8080) entries.push(Buffer.concat([k, v]))
  }
  const out = entries.find((e) => e[13] === 0)
  assert.ok(out, 'an OUT entry for the client connection')
  assert.ok(out.readBigUInt64LE(14 + 16) >= 2n)  // packets both ways
  assert.ok(out[14 + 42] & 0x02)  // tx_flags_seen: SYN
  assert.ok(out[14 + 43] & 0x12)  // rx_flags_seen: SYN-ACK
  assert.equal(out.readUInt32LE(14 + 44), clientSpec.identity)
  // Without conntrack, the reply meets the default-deny ingress and dies.
  d.updateEndpointConfig(client.hostIfindex, {options: {Conntrack: false} as never})
  assert.equal(await tcpConnect(client.ns, server.ip4, 8080, 500), 'timeout')
  const drop = await until('the reply dropped', () => drops(clientSpec.id).find((e) => e.summary?.sport === 8080))
  assert.equal(drop.reason, 133)
})

test('ICMP echo: an allowed echo request gets its reply back; IPv6 echo without an entry is dropped', async (t) => {
  if (skipUnlessBpf(t, 'tc')) return
  const {dp: d, client, server, clientSpec, serverSpec} = pair(t)
  d.updateEndpointConfig(server.hostIfindex, ingressOnly)
  await d.setPolicy(serverSpec.id, [allow({identity: clientSpec.identity, protocol: 1, dport: 8, prefixLen: 24})])
  assert.equal(await ping(client.ns, server.ip4), true)
  const v = await until('the ICMP verdict', () => verdicts(serverSpec.id).find((e) => e.protocol === 1))
  assert.deepEqual([v.action, v.dstPort, v.matchTypeName], ['allow', 8, 'L3-L4'])
  assert.equal(await ping(client.ns, server.ip6), false)
  const drop = await until('the ICMPv6 drop', () => drops(serverSpec.id).find((e) => e.summary?.protocol === 58))
  assert.deepEqual([drop.reason, drop.ipv6, drop.summary?.icmpType], [133, true, 128])
})

test('audit mode forwards what policy would drop and reports it as AUDIT', async (t) => {
  if (skipUnlessBpf(t, 'tc')) return
  const {dp: d, client, server, serverSpec} = pair(t)
  d.updateEndpointConfig(server.hostIfindex, {...ingressOnly, options: {PolicyAuditMode: true} as never})
  await tcpServer(t, server.ns, 8080)
  assert.equal(await tcpConnect(client.ns, server.ip4, 8080), 'connected')
  const v = await until('the audit verdict', () => verdicts(serverSpec.id, 8080)[0])
  assert.deepEqual([v.action, v.audited, v.verdict], ['audit', true, -133])
  await settle()
  assert.equal(drops(serverSpec.id).length, 0)
})

test('DropNotification=false silences drop events; the drop still counts in cilium_metrics', async (t) => {
  if (skipUnlessBpf(t, 'tc')) return
  const {dp: d, client, server, serverSpec} = pair(t)
  d.updateEndpointConfig(server.hostIfindex, {...ingressOnly, options: {DropNotification: false} as never})
  await tcpServer(t, server.ns, 8080)
  const before = metricsCountAnyLine(d, 133)
  assert.equal(await tcpConnect(client.ns, server.ip4, 8080, 500), 'timeout')
  await until('the deny verdict', () => verdicts(serverSpec.id, 8080)[0])
  await settle()
  assert.equal(drops(serverSpec.id).length, 0)
  assert.ok(await metricsCountAnyLine(d, 133) > await before)
})

test('rate limit: an endpoint sends at most events_per_sec notifications and counts the rest', async (t) => {
  if (skipUnlessBpf(t, 'tc')) return
  const {dp: d, client, server, serverSpec} = pair(t, {monitorAggregation: 0, eventsPerSecond: 5})
  sendUdp(client.ns, server.ip4, 7000, 30)
  await settle()
  const sent = events.filter((e) => 'source' in e && e.source === serverSpec.id).length
  assert.ok(sent >= 1 && sent <= 10, `${sent} events in at most two one-second windows`)
  assert.ok(d.suppressedEvents(server.hostIfindex) > 0)
})

/** Ingress drops with `reason` in cilium_metrics, over every source line. */
async function metricsCountAnyLine(d: Datapath, reason: number): Promise<bigint> {
  let n = 0n
  for await (const [k, vals] of d.map(DatapathMaps.metrics).perCpuEntries()) {
    if (k[0] === reason && k[1] === 1) n += vals.reduce((s, x) => s + x.readBigUInt64LE(0), 0n)
  }
  return n
}

test('HTTP: a POST /metric yields an L7 request event, its response the status and the latency', async (t) => {
  if (skipUnlessBpf(t, 'tc')) return
  const {dp: d, client, server, clientSpec, serverSpec} = pair(t)
  d.updateEndpointConfig(server.hostIfindex, {options: {HttpVisibility: true} as never})
  const serverScript = `require('http').createServer((q,s)=>{q.resume();q.on('end',()=>setTimeout(()=>{s.statusCode=201;s.end('stored')},20))})` +
    `.listen(8080,'::',()=>console.log('ready'))`
  await spawnIn(t, server.ns, process.execPath, ['-e', serverScript])
  const clientScript = `const q=require('http').request({host:'${server.ip4}',port:8080,method:'POST',path:'/metric'},` +
    `(s)=>{s.resume();s.on('end',()=>console.log(s.statusCode))});q.end('cpu=0.5')`
  assert.equal((await execIn(client.ns, process.execPath, ['-e', clientScript])).trim(), '201')
  const request = await until('the request event', () => of('l7', serverSpec.id).find((e) => e.kind === 'request'))
  assert.deepEqual([request.method, request.path, request.httpVersion, request.srcIdentity, request.dstIdentity],
    ['POST', '/metric', '1.1', clientSpec.identity, serverSpec.identity])
  const response = await until('the response event', () => of('l7', serverSpec.id).find((e) => e.kind === 'response'))
  assert.equal(response.status, 201)
  // The server waited 20 ms before answering: the pairing through conntrack measured at least that.
  assert.ok(response.latencyNs >= 20_000_000n && response.latencyNs < 5_000_000_000n, `latency ${response.latencyNs} ns`)
  assert.equal(response.summary?.sport, 8080)
  assert.equal(of('l7', clientSpec.id).length, 0)  // visibility is per endpoint
})
