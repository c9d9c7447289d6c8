import assert from 'node:assert/strict'
import {execFileSync, spawnSync} from 'node:child_process'
import {existsSync} from 'node:fs'
import {join} from 'node:path'
import {fileURLToPath} from 'node:url'
import {test, type TestContext} from 'node:test'
import {BpfError, BpfMap, BpfObject, CallbackError, ENOENT, NotAMapError, ProgramLoadError, RingBuffer, TcxLink} from '../../src/bpf/index.js'
import {netns, sendUdp, skipUnlessBpf, tempBpffsDir, vethPair} from '../helpers/kernel.js'

// Built by `make datapath` (bpf/Makefile) from bpf/test/pkt_counter.c.
const objectFile = fileURLToPath(new URL('../../../bpf/build/pkt_counter.o', import.meta.url))

function loadCounter(t: TestContext, pinDir?: string): BpfObject {
  assert.ok(existsSync(objectFile), `${objectFile} is missing: run \`make datapath\``)
  const obj = BpfObject.open(objectFile)
  t.after(() => obj.close())
  if (pinDir) obj.pinMapsUnder(pinDir)
  obj.load()
  return obj
}

/** struct pkt_key (bpf/test/pkt_counter.c): ifindex u32, protocol u8, pad[3]. */
function pktKey(ifindex: number, protocol: number): Buffer {
  const k = Buffer.alloc(8)
  k.writeUInt32LE(ifindex, 0)
  k[4] = protocol
  return k
}

/** An Ethernet + IPv4 + UDP frame from 10.199.250.1 to 10.199.250.2. */
function udpFrame(): Buffer {
  const f = Buffer.alloc(14 + 20 + 8 + 4)
  f.writeUInt16BE(0x0800, 12)
  f[14] = 0x45
  f.writeUInt16BE(20 + 8 + 4, 16)
  f[22] = 64
  f[23] = 17
  Buffer.from([10, 199, 250, 1]).copy(f, 26)
  Buffer.from([10, 199, 250, 2]).copy(f, 30)
  return f
}

async function until(what: string, cond: () => boolean, timeoutMs = 5000): Promise<void> {
  const end = Date.now() + timeoutMs
  while (!cond()) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`)
    await new Promise((r) => setTimeout(r, 20))
  }
}

test('an ELF object: its maps and programs, BTF of the key and value', (t) => {
  if (skipUnlessBpf(t)) return
  const obj = loadCounter(t)
  const maps = obj.maps().filter((m) => !m.internal)
  assert.deepEqual(maps.map((m) => [m.name, m.type, m.keySize, m.valueSize]).sort(),
    [['pkt_counts', 'hash', 8, 16], ['pkt_events', 'ringbuf', 0, 0], ['pkt_lost', 'array', 4, 8]])
  assert.deepEqual(obj.programs().map((p) => [p.name, p.section]), [['count_packets', 'tc']])
  const counts = obj.map('pkt_counts')
  t.after(() => counts.close())
  const btf = counts.btf()
  assert.ok(btf?.key && btf.value)
  assert.equal(btf.key.name, 'struct pkt_key')
  assert.deepEqual(btf.key.members?.map((m) => [m.name, m.offset, m.type.size]), [['ifindex', 0, 4], ['protocol', 4, 1], ['pad', 5, 3]])
  assert.deepEqual(btf.value.members?.map((m) => [m.name, m.offset, m.type.name]), [['packets', 0, '__u64'], ['bytes', 8, '__u64']])
  assert.equal(BpfMap.create({type: 'hash', keySize: 4, valueSize: 4, maxEntries: 1}).btf(), undefined)
})

test('pinned maps are reused by the next load of the same object', (t) => {
  if (skipUnlessBpf(t)) return
  const pins = tempBpffsDir(t)
  const first = loadCounter(t, pins)
  assert.ok(existsSync(join(pins, 'pkt_counts')))
  assert.equal(first.maps().find((m) => m.name === 'pkt_counts')?.pinPath, join(pins, 'pkt_counts'))
  const pinned = BpfMap.openPinned(join(pins, 'pkt_counts'))
  t.after(() => pinned.close())
  pinned.update(pktKey(42, 6), Buffer.alloc(16, 1))
  first.close()
  const second = loadCounter(t, pins)
  const counts = second.map('pkt_counts')
  t.after(() => counts.close())
  assert.deepEqual(counts.lookup(pktKey(42, 6)), Buffer.alloc(16, 1))
  assert.equal(counts.info().id, pinned.info().id)
})

test('test run: the counter rises and one ring buffer event arrives per run', async (t) => {
  if (skipUnlessBpf(t)) return
  const obj = loadCounter(t)
  const counts = obj.map('pkt_counts'), events = obj.map('pkt_events')
  t.after(() => { counts.close(); events.close() })
  const got: Buffer[] = []
  let batches = 0
  const rb = RingBuffer.open(events, (batch) => { batches++; got.push(...batch.map((e) => Buffer.from(e))) }, {pollTimeoutMs: 20})
  t.after(() => rb.close())
  const r = obj.testRun('count_packets', udpFrame(), 5)
  assert.equal(r.retval, 0)  // TC_ACT_OK
  await until('5 ring buffer events', () => got.length >= 5)
  assert.ok(batches <= 5)
  assert.equal(rb.received, 5)
  assert.equal(rb.lost, 0)
  const [, pkt] = [...await collect(counts)].find(([k]) => k[4] === 17) ?? []
  assert.equal(pkt?.readBigUInt64LE(0), 5n)
  assert.equal(got[0].length, 32)  // struct pkt_event
  assert.deepEqual([...got[0].subarray(16, 20)], [10, 199, 250, 1])
  await rb.close()
  await rb.close()
  obj.testRun('count_packets', udpFrame(), 1)
  await new Promise((r) => setTimeout(r, 50))
  assert.equal(got.length, 5)  // closed: nothing more delivered
})

test('ring buffer: a consumer that falls behind loses events and counts them; nothing hangs the exit', async (t) => {
  if (skipUnlessBpf(t)) return
  const obj = loadCounter(t)
  const events = obj.map('pkt_events')
  t.after(() => events.close())
  let delivered = 0
  const rb = RingBuffer.open(events, (batch) => { delivered += batch.length }, {maxQueuedBytes: 4096, pollTimeoutMs: 10})
  t.after(() => rb.close())
  // The main thread is busy for the whole run, so nothing is delivered meanwhile: 4096 bytes hold 128 events.
  obj.testRun('count_packets', udpFrame(), 1000)
  await until('all 1000 events received or lost', () => rb.received + rb.lost === 1000)
  assert.ok(rb.lost > 0, `lost ${rb.lost}`)
  assert.ok(rb.received <= 128 + 32, `received ${rb.received}`)
  await until('every received event delivered', () => delivered === rb.received)
  await rb.close()

  // process.exit with a ring buffer open, and an unref'd one that lets the process end by itself.
  const src = new URL('../../src/bpf/index.js', import.meta.url).href
  for (const end of ["setTimeout(() => process.exit(0), 50)", 'rb.unref()']) {
    const script = `const {BpfMap, RingBuffer} = await import(${JSON.stringify(src)});`
      + `const m = BpfMap.create({type: 'ringbuf', keySize: 0, valueSize: 0, maxEntries: 4096});`
      + `const rb = RingBuffer.open(m, () => {}); ${end}`
    const r = spawnSync(process.execPath, ['--input-type=module', '-e', script], {timeout: 10_000, encoding: 'utf8'})
    assert.equal(r.status, 0, `${end}: ${r.stderr}${r.error ?? ''}`)
  }
})

test('ring buffer: a callback that throws stops consumption and arrives at onError as CallbackError, never uncaught', async (t) => {
  if (skipUnlessBpf(t)) return
  const obj = loadCounter(t)
  const events = obj.map('pkt_events')
  t.after(() => events.close())
  const boom = new Error('decoder bug')
  let calls = 0, delivered = 0
  const errors: Error[] = []
  const rb = RingBuffer.open(events, (batch) => { calls++; delivered += batch.length; throw boom }, {pollTimeoutMs: 10, onError: (e) => errors.push(e)})
  t.after(() => rb.close())
  const pollClock = new Int32Array(new SharedArrayBuffer(4))  // Atomics.wait on it: a blocking 1 ms pause between polls
  // Four packets, each read by the consumer thread before the next is sent, while this thread holds the
  // event loop: several batches wait for JS when the first one throws.
  for (let sent = 1; sent <= 4; sent++) {
    obj.testRun('count_packets', udpFrame(), 1)
    for (let polls = 0; rb.received + rb.lost < sent && polls < 5000; polls++) Atomics.wait(pollClock, 0, 0, 1)
    assert.equal(rb.received, sent, `the consumer thread read ${rb.received} of ${sent} events`)
  }
  await until('the error', () => errors.length > 0)
  assert.ok(errors[0] instanceof CallbackError)
  assert.equal(errors[0].cause, boom)
  assert.match(errors[0].message, /^ring buffer callback \(map pkt_events\) threw: decoder bug$/)
  assert.equal(rb.error, errors[0])
  await rb.close()  // resolves after the last batch went to JS
  assert.equal(calls, 1)  // stopped: the batches after the one that threw were not delivered
  assert.ok(delivered < rb.received, `delivered ${delivered} of ${rb.received}`)
  assert.equal(errors.length, 1)

  // Without onError, and with an onError that throws too: kept in `error`, the process goes on.
  for (const onError of [undefined, () => { throw new Error('handler bug') }]) {
    const other = RingBuffer.open(events, () => { throw boom }, {pollTimeoutMs: 10, onError})
    t.after(() => other.close())
    obj.testRun('count_packets', udpFrame(), 1)
    await until('the error', () => other.error !== undefined)
    if (onError) assert.match(other.error?.message ?? '', /^ring buffer onError threw: handler bug$/)
    else assert.equal(other.error?.cause, boom)
    await other.close()
  }
})

test('the verifier log comes with a rejected load; a pinned program is not a map', (t) => {
  if (skipUnlessBpf(t)) return
  const obj = BpfObject.open(objectFile)
  t.after(() => obj.close())
  obj.load()
  assert.throws(() => obj.load(), /already loaded/)
  const rejected = BpfObject.open(fileURLToPath(new URL('../../../bpf/build/verifier_reject.o', import.meta.url)))
  t.after(() => rejected.close())
  assert.throws(() => rejected.load(), (err: Error) =>
    err instanceof ProgramLoadError && /invalid access to packet|R\d+ invalid mem access|pkt/.test(err.log))
  const pins = tempBpffsDir(t)
  execFileSync('bpftool', ['prog', 'load', objectFile, join(pins, 'prog')], {stdio: 'pipe'})
  assert.throws(() => BpfMap.openPinned(join(pins, 'prog')), NotAMapError)
})

test('tc on a veth in a test namespace: UDP across it raises the counter and sends events; detach stops it', async (t) => {
  if (skipUnlessBpf(t, 'tc')) return
  const a = netns(t, 'a'), b = netns(t, 'b')
  const [from, to] = vethPair(t, a, b)
  const obj = loadCounter(t)
  const counts = obj.map('pkt_counts'), events = obj.map('pkt_events')
  t.after(() => { counts.close(); events.close() })
  const got: Buffer[] = []
  const rb = RingBuffer.open(events, (batch) => got.push(...batch.map((e) => Buffer.from(e))), {pollTimeoutMs: 20})
  t.after(() => rb.close())
  const link = obj.attachTc(to.ifname, 'ingress', 'count_packets', {netns: b.path})
  t.after(() => link.detach())
  assert.ok(link.createdQdisc)
  assert.match(b.exec('tc', ['filter', 'show', 'dev', to.ifname, 'ingress']), /count_packets/)

  sendUdp(a, to.ip, 9999, 20)
  const udpKey = pktKey(link.ifindex, 17)
  await until('20 UDP packets counted', () => {
    try { return counts.lookup(udpKey).readBigUInt64LE(0) >= 20n } catch { return false }
  })
  await until('UDP events', () => got.filter((e) => e[24] === 17).length >= 20)
  const ev = got.find((e) => e[24] === 17)!
  assert.equal(ev.readUInt32LE(8), link.ifindex)
  assert.equal([...ev.subarray(16, 20)].join('.'), from.ip)
  assert.equal([...ev.subarray(20, 24)].join('.'), to.ip)

  link.detach()
  assert.doesNotMatch(b.exec('tc', ['filter', 'show', 'dev', to.ifname, 'ingress']), /count_packets/)
  const before = counts.lookup(udpKey).readBigUInt64LE(0)
  sendUdp(a, to.ip, 9999, 5)
  assert.equal(counts.lookup(udpKey).readBigUInt64LE(0), before)
  link.removeQdisc()
  assert.doesNotMatch(b.exec('tc', ['qdisc', 'show', 'dev', to.ifname]), /clsact/)
})

test('tcx on a veth in a test namespace: the program counts without a qdisc, is listed on its hook, and detach removes it', async (t) => {
  if (skipUnlessBpf(t, 'tc')) return
  const a = netns(t, 'a'), b = netns(t, 'b')
  const [, to] = vethPair(t, a, b)
  const obj = loadCounter(t)
  const counts = obj.map('pkt_counts')
  t.after(() => counts.close())
  const link = obj.attachTcx(to.ifname, 'ingress', 'count_packets', {netns: b.path})
  t.after(() => link.detach())
  assert.deepEqual(TcxLink.programs(to.ifname, 'ingress', {netns: b.path}), [{id: link.programId, name: 'count_packets'}])
  assert.deepEqual(TcxLink.programs(to.ifname, 'egress', {netns: b.path}), [])
  assert.doesNotMatch(b.exec('tc', ['qdisc', 'show', 'dev', to.ifname]), /clsact/)

  sendUdp(a, to.ip, 9999, 20)
  const udpKey = pktKey(link.ifindex, 17)
  await until('20 UDP packets counted', () => {
    try { return counts.lookup(udpKey).readBigUInt64LE(0) >= 20n } catch { return false }
  })

  link.detach()
  assert.deepEqual(TcxLink.programs(to.ifname, 'ingress', {netns: b.path}), [])
  const before = counts.lookup(udpKey).readBigUInt64LE(0)
  sendUdp(a, to.ip, 9999, 5)
  assert.equal(counts.lookup(udpKey).readBigUInt64LE(0), before)
  assert.throws(() => TcxLink.detachProgram(to.ifname, 'ingress', link.programId, {netns: b.path}), (err: Error) =>
    err instanceof BpfError && err.errno === ENOENT)
})

async function collect(m: BpfMap): Promise<Map<Buffer, Buffer>> {
  const out = new Map<Buffer, Buffer>()
  for await (const [k, v] of m.entries()) out.set(Buffer.from(k), Buffer.from(v))
  return out
}
