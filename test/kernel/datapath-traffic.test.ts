/**
 * The endpoint datapath with real traffic: two endpoint namespaces behind a node namespace,
 * our programs on the host-side veths, policy written into the per-endpoint maps. Each test
 * asserts the delivery (connect, ping) and what the datapath reported (events, maps).
 * One object load serves the file (the verifier takes seconds); each test has its own
 * namespaces and endpoint IDs.
 */
import assert from 'node:assert/strict'
import {spawn} from 'node:child_process'
import {createInterface} from 'node:readline'
import {after, test, type TestContext} from 'node:test'
import {Datapath, DatapathMaps, EP_CONFIG_SLOTS, EVENT_BUDGET, type DatapathEvent, type DropEvent, type EndpointSpec, type PolicyVerdictEvent,
  type TraceEvent} from '../../src/datapath/index.js'
import {encodePolicyStatsKey} from '../../src/maps/policystats.js'
import {portRangeKeys, Precedence, type PolicyEntry} from '../../src/policy/entries.js'
import {KeyNotFoundError, type RingBuffer, TcxLink} from '../../src/bpf/index.js'
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

/** Two endpoints with fresh IDs and identities, written and attached to `d`; removed after the test. */
function pair(t: TestContext, config: EndpointSpec['config'] = {}, d = load()): Pair {
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

/** Whole seconds of CLOCK_MONOTONIC (process.hrtime's clock on Linux), the clock of conntrack lifetimes. */
const monotonicSec = (): number => Number(process.hrtime.bigint() / 1_000_000_000n)

/**
 * A conntrack expiry written between the monotonic seconds `before` and `after`: that moment plus
 * the established (21600 s), opening (60 s) or closing (10 s) lifetime, within a tick either way.
 */
function assertExpiryInMonotonicSeconds(expiry: number, before: number, after: number): void {
  assert.ok([21600, 60, 10].some((l) => before + l - 1 <= expiry && expiry <= after + l + 1),
    `expiry ${expiry} s, written between monotonic ${before} s and ${after} s`)
}

/** The client's IPv4 conntrack entries (key then value) of connections to port 8080. */
async function clientEntries(d: Datapath, client: Endpoint): Promise<Buffer[]> {
  const entries: Buffer[] = []
  for await (const [k, v] of d.map(DatapathMaps.ct4).entries()) {
    if (k.subarray(0, 4).equals(Buffer.from(client.ip4.split('.').map(Number))) && k.readUInt16BE(8) === 8080) entries.push(Buffer.concat([k, v]))
  }
  return entries
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

test('config slots: upsertEndpoint fills the ifindex slot, removeEndpoint clears it and the event budget, an index past the slots is refused', (t) => {
  if (skipUnlessBpf(t)) return
  const d = load()
  const id = nextEndpointId
  nextEndpointId += 2
  const ifindex = 4000 + id
  d.upsertEndpoint({id, ifindex, identity: 10_000 + id, ips: []})
  t.after(() => d.removeEndpoint(id))
  assert.deepEqual([d.endpointConfig(ifindex).endpointId, d.endpointConfig(ifindex).identity], [id, 10_000 + id])
  const budget = Buffer.alloc(EVENT_BUDGET.size)
  budget.writeUInt32LE(7, EVENT_BUDGET.suppressed)
  d.map(DatapathMaps.eventBudget).update(Buffer.from(new Uint32Array([ifindex]).buffer), budget)  // as the datapath leaves it after suppressing 7 notifications
  assert.equal(d.suppressedEvents(ifindex), 7)
  d.removeEndpoint(id)
  assert.throws(() => d.endpointConfig(ifindex), KeyNotFoundError)
  assert.equal(d.suppressedEvents(ifindex), 0)  // a later endpoint on this ifindex starts with a fresh budget
  assert.throws(() => d.upsertEndpoint({id, ifindex: EP_CONFIG_SLOTS, identity: 1, ips: []}), /outside the datapath's config slots/)
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

/** The destination port an event is about (a verdict's port, else the packet's), if any. */
function portOf(e: DatapathEvent): number | undefined {
  if (e.type === 'policy-verdict') return e.dstPort
  return 'summary' in e ? e.summary?.dport : undefined
}

/**
 * Waits for an event about `port` from endpoint `source`, caused by a marker packet sent after
 * the packets under test. The ring buffer hands records over in the order they were reserved, so
 * once the marker's event is here, every event of the earlier packets is too: an absence
 * checked afterwards is final, with no settling time to guess.
 */
function marker(source: number, port: number): Promise<DatapathEvent> {
  return until(`the marker event (port ${port})`, () =>
    events.find((e) => 'source' in e && e.source === source && portOf(e) === port))
}

const ingressOnly = {selected: {ingress: true, egress: false}}

/** Enforces the endpoint's ingress with exactly `entries` in its policy map (written first: no packet meets an empty map). */
async function enforceIngress(d: Datapath, spec: EndpointSpec, entries: PolicyEntry[]): Promise<void> {
  await d.setPolicy(spec.id, entries)
  d.updateEndpointConfig(spec.ifindex, ingressOnly)
}

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
  const entry = allow({identity: clientSpec.identity, protocol: 6, dport: 8080, prefixLen: 24})
  await enforceIngress(d, serverSpec, [entry])
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
  const entries = portRangeKeys(6, 8000, 8099).map((k) => allow({identity: clientSpec.identity, ...k}))
  await enforceIngress(d, serverSpec, entries)
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
  await enforceIngress(d, serverSpec, [allow({identity: clientSpec.identity, protocol: 6, prefixLen: 8})])
  await tcpServer(t, server.ns, 7001)
  assert.equal(await tcpConnect(client.ns, server.ip4, 7001), 'connected')
  assert.equal((await until('the TCP verdict', () => verdicts(serverSpec.id, 7001)[0])).matchTypeName, 'L3-Proto')
  sendUdp(client.ns, server.ip4, 7002, 3)
  const drop = await until('a UDP drop', () => drops(serverSpec.id, 7002)[0])
  assert.deepEqual([drop.reason, drop.summary?.protocol], [133, 17])
})

/*
 * SCTP without the kernel's SCTP stack (this kernel has none: CONFIG_IP_SCTP unset, no modules):
 * raw IPPROTO_SCTP sockets in perl (perl-base is always installed) send real INIT chunks through
 * the veths and receive what the datapath lets through, so the test needs no SCTP module.
 */
const sctpReceiver = `use Socket; socket(my $s, PF_INET, SOCK_RAW, 132) or die "socket: $!"; $| = 1; print "ready\n"; alarm 30;
while (1) { my $b; defined recv($s, $b, 2048, 0) or die "recv: $!"; my $ihl = (ord($b) & 15) * 4;
  my (undef, $dport) = unpack('nn', substr($b, $ihl, 4)); print "$dport\n"; }`
/** argv: destination address, then destination ports; one INIT (with its CRC32c) to each, in order. */
const sctpSender = `use Socket; socket(my $s, PF_INET, SOCK_RAW, 132) or die "socket: $!"; my $to = shift;
sub crc32c { my $c = 0xffffffff; for my $x (unpack 'C*', shift) { $c ^= $x; $c = ($c >> 1) ^ (0x82F63B78 & -($c & 1)) for 1..8 } $c ^ 0xffffffff }
for my $port (@ARGV) { my $init = pack('CCnNNnnN', 1, 0, 20, 0x5ca1ab1e, 65535, 10, 10, 1);
  my $p = pack('nnNN', 38412, $port, 0, 0) . $init; substr($p, 8, 4) = pack('V', crc32c($p));
  send($s, $p, 0, pack_sockaddr_in(0, inet_aton($to))) or die "send: $!"; }`

test('SCTP: an INIT to the allowed port is delivered, one to another port is dropped; verdicts and drop by port', async (t) => {
  if (skipUnlessBpf(t, 'tc')) return
  const {dp: d, client, server, clientSpec, serverSpec} = pair(t)
  const entry = allow({identity: clientSpec.identity, protocol: 132, dport: 3868, prefixLen: 24})
  await enforceIngress(d, serverSpec, [entry])
  const received: number[] = []
  const receiver = spawn('ip', ['netns', 'exec', server.ns.name, 'perl', '-e', sctpReceiver], {stdio: ['ignore', 'pipe', 'inherit']})
  t.after(() => { receiver.kill('SIGKILL') })
  const lines = createInterface({input: receiver.stdout})
  await new Promise<void>((resolve) => lines.once('line', () => resolve()))
  lines.on('line', (l) => received.push(Number(l)))
  // The denied INIT goes first: had it passed, the receiver would print it before the allowed one.
  await execIn(client.ns, 'perl', ['-e', sctpSender, server.ip4, '3869', '3868'])
  await until('the allowed INIT at the server', () => received.includes(3868))
  assert.deepEqual(received, [3868])
  const allowed = await until('the allow verdict', () => verdicts(serverSpec.id, 3868)[0])
  assert.deepEqual([allowed.action, allowed.protocol, allowed.matchTypeName, allowed.remoteIdentity], ['allow', 132, 'L3-L4', clientSpec.identity])
  const denied = await until('the deny verdict', () => verdicts(serverSpec.id, 3869)[0])
  assert.deepEqual([denied.action, denied.protocol, denied.verdict], ['deny', 132, -133])
  const drop = await until('the drop', () => drops(serverSpec.id, 3869)[0])
  assert.deepEqual([drop.reason, drop.summary?.protocol, drop.summary?.sport, drop.srcIdentity], [133, 132, 38412, clientSpec.identity])
  assert.ok(statsPackets(d, serverSpec.id, entry) >= 1n)
})

test('deny wins over allow: a port deny beats an L3 allow of the same peer', async (t) => {
  if (skipUnlessBpf(t, 'tc')) return
  const {dp: d, client, server, clientSpec, serverSpec} = pair(t)
  await enforceIngress(d, serverSpec, [allow({identity: clientSpec.identity}), deny({protocol: 6, dport: 8080, prefixLen: 24})])
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
  // The client's address now maps to world (2): still admitted by the wildcard entry.
  d.upsertIpcache(client.ip4, 2)
  const entry = allow({protocol: 6, dport: 8080, prefixLen: 24})
  await enforceIngress(d, serverSpec, [entry])
  await tcpServer(t, server.ns, 8080)
  assert.equal(await tcpConnect(client.ns, server.ip4, 8080), 'connected')
  const v = await until('the verdict', () => verdicts(serverSpec.id, 8080)[0])
  assert.deepEqual([v.action, v.matchTypeName, v.remoteIdentity], ['allow', 'L4-Only', 2])
  assert.ok(statsPackets(d, serverSpec.id, entry) >= 1n)
})

test('replies pass through conntrack: an egress-only allow, the SYN-ACK comes back through a default-deny ingress', async (t) => {
  if (skipUnlessBpf(t, 'tc')) return
  const {dp: d, client, server, clientSpec, serverSpec} = pair(t)
  d.updateEndpointConfig(client.hostIfindex, {selected: {ingress: true, egress: true}, monitorAggregation: 0,
    options: {ConntrackAccounting: true} as never})
  await d.setPolicy(clientSpec.id, [allow({identity: serverSpec.identity, egress: true, protocol: 6, dport: 8080, prefixLen: 24})])
  await tcpServer(t, server.ns, 8080)
  const before = monotonicSec()
  assert.equal(await tcpConnect(client.ns, server.ip4, 8080), 'connected')
  const reply = await until('a reply trace into the client', () => of('trace', clientSpec.id).find((e) =>
    e.observationPointName === 'to-endpoint' && e.reasonName === 'reply' && e.summary?.sport === 8080))
  assert.equal(reply.summary?.tcpFlags, 0x12)  // SYN-ACK
  const egress = await until('the egress verdict', () => verdicts(clientSpec.id, 8080)[0])
  assert.deepEqual([egress.direction, egress.action], ['egress', 'allow'])
  // The connection's entry: addresses named for the reply (daddr = the client), ports of the original direction, OUT.
  const entries = await clientEntries(d, client)
  const after = monotonicSec()
  const out = entries.find((e) => e[13] === 0)
  assert.ok(out, 'an OUT entry for the client connection')
  assert.ok(out.readBigUInt64LE(14 + 16) >= 2n)  // packets both ways, counted under the client's ConntrackAccounting
  // The server's entry for the same connection (IN) counts nothing: accounting is off by default, as in Cilium.
  const into = entries.find((e) => e[13] === 1)
  assert.ok(into, 'an IN entry at the server')
  assert.deepEqual([into.readBigUInt64LE(14 + 16), into.readBigUInt64LE(14 + 24)], [0n, 0n])
  assert.ok(out[14 + 42] & 0x02)  // tx_flags_seen: SYN
  assert.ok(out[14 + 43] & 0x12)  // rx_flags_seen: SYN-ACK
  assert.equal(out.readUInt32LE(14 + 44), clientSpec.identity)
  // lifetime counts CLOCK_MONOTONIC seconds (the datapath reads jiffies where it knows HZ).
  assertExpiryInMonotonicSeconds(out.readUInt32LE(14 + 32), before, after)
  // Without conntrack, the reply meets the default-deny ingress and dies.
  d.updateEndpointConfig(client.hostIfindex, {options: {Conntrack: false} as never})
  assert.equal(await tcpConnect(client.ns, server.ip4, 8080, 500), 'timeout')
  const drop = await until('the reply dropped', () => drops(clientSpec.id).find((e) => e.summary?.sport === 8080))
  assert.equal(drop.reason, 133)
})

test('without a kernel config file the datapath loads, and conntrack still counts CLOCK_MONOTONIC seconds (coarse ktime)', async (t) => {
  if (skipUnlessBpf(t, 'tc')) return
  // No readable config file: the loader gives libbpf CONFIG_HZ=0 at open, so libbpf never looks for one.
  const d = Datapath.load({pinDir: tempBpffsDir(t), kernelConfigFiles: ['/nonexistent/config']})
  const {client, server, clientSpec, serverSpec} = pair(t, {}, d)
  t.after(() => d.close())
  d.updateEndpointConfig(client.hostIfindex, {selected: {ingress: true, egress: true}})
  await d.setPolicy(clientSpec.id, [allow({identity: serverSpec.identity, egress: true, protocol: 6, dport: 8080, prefixLen: 24})])
  await tcpServer(t, server.ns, 8080)
  const before = monotonicSec()
  assert.equal(await tcpConnect(client.ns, server.ip4, 8080), 'connected')
  const out = (await clientEntries(d, client)).find((e) => e[13] === 0)
  const after = monotonicSec()
  assert.ok(out, 'an OUT entry for the client connection')
  assertExpiryInMonotonicSeconds(out.readUInt32LE(14 + 32), before, after)
})

test('ICMP echo: an allowed echo request gets its reply back; IPv6 echo without an entry is dropped', async (t) => {
  if (skipUnlessBpf(t, 'tc')) return
  const {dp: d, client, server, clientSpec, serverSpec} = pair(t)
  await enforceIngress(d, serverSpec, [allow({identity: clientSpec.identity, protocol: 1, dport: 8, prefixLen: 24})])
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
  sendUdp(client.ns, server.ip4, 7999, 1)
  await marker(serverSpec.id, 7999)
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
  sendUdp(client.ns, server.ip4, 7999, 1)
  await marker(serverSpec.id, 7999)
  assert.equal(drops(serverSpec.id).length, 0)
  assert.ok(await metricsCountAnyLine(d, 133) > await before)
})

test('rate limit: an endpoint sends at most events_per_sec notifications and counts the rest', async (t) => {
  if (skipUnlessBpf(t, 'tc')) return
  const {dp: d, client, server, serverSpec} = pair(t, {monitorAggregation: 0, eventsPerSecond: 5})
  sendUdp(client.ns, server.ip4, 7000, 30)
  // Unlimited again, the next packet's events pass: the marker behind the 30 datagrams'.
  d.updateEndpointConfig(server.hostIfindex, {eventsPerSecond: 0})
  sendUdp(client.ns, server.ip4, 7999, 1)
  await marker(serverSpec.id, 7999)
  const sent = events.filter((e) => 'source' in e && e.source === serverSpec.id && portOf(e) === 7000).length
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

test('tcx: a closed datapath keeps enforcing; a successor on the same pins takes over its hooks, one program each', async (t) => {
  if (skipUnlessBpf(t, 'tc')) return
  const pins = tempBpffsDir(t)
  const {node, endpoints: [client, server]} = endpointNetwork(t, 2, 251)
  const specs: EndpointSpec[] = [client, server].map((ep, i) => ({id: 900 + i, ifindex: ep.hostIfindex, identity: 30_900 + i,
    ips: [ep.ip4], netns: node.path, config: i ? ingressOnly : {}}))
  const first = Datapath.load({pinDir: pins})
  for (const s of specs) {
    first.upsertEndpoint(s)
    first.attach(s.id)
  }
  await first.setPolicy(901, [allow({identity: 30_900, protocol: 6, dport: 8080, prefixLen: 24})])
  assert.deepEqual(first.attachedPrograms(901).map((p) => p.hook), ['tcx', 'tcx'], 'this kernel (6.6+) has tcx')
  const predecessor = first.attachedPrograms(901).map((p) => p.programId)
  first.close({detach: false})
  await tcpServer(t, server.ns, 8080)
  await tcpServer(t, server.ns, 8081)
  assert.equal(await tcpConnect(client.ns, server.ip4, 8080), 'connected')
  assert.equal(await tcpConnect(client.ns, server.ip4, 8081, 500), 'timeout')

  const next = Datapath.load({pinDir: pins})
  t.after(() => next.close())
  for (const s of specs) {
    next.upsertEndpoint(s)
    next.attach(s.id)
  }
  for (const point of ['ingress', 'egress'] as const) {
    const ours = next.attachedPrograms(901).find((p) => p.attachPoint === point)!
    assert.deepEqual(TcxLink.programs(server.hostIfname, point, {netns: node.path}).map((p) => p.id), [ours.programId])
    assert.ok(!predecessor.includes(ours.programId))
  }
  assert.equal(await tcpConnect(client.ns, server.ip4, 8080), 'connected')
  assert.equal(await tcpConnect(client.ns, server.ip4, 8081, 500), 'timeout')
  next.close()
  assert.deepEqual(TcxLink.programs(server.hostIfname, 'ingress', {netns: node.path}), [])
})
