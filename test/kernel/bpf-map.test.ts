import assert from 'node:assert/strict'
import {spawnSync} from 'node:child_process'
import {readFileSync} from 'node:fs'
import {join} from 'node:path'
import {test} from 'node:test'
import {BpfError, BpfMap, ClosedError, KeyExistsError, KeyNotFoundError, MapFullError, NotPinnedError, NotSupportedError} from '../../src/bpf/index.js'
import {maxBatchesPerTurn} from '../../src/bpf/map.js'
import {skipUnlessBpf, tempBpffsDir} from '../helpers/kernel.js'

const u32 = (n: number): Buffer => {
  const b = Buffer.alloc(4)
  b.writeUInt32LE(n)
  return b
}
const u64 = (n: number): Buffer => {
  const b = Buffer.alloc(8)
  b.writeBigUInt64LE(BigInt(n))
  return b
}

test('hash map: update flags, lookup, delete, named errors', (t) => {
  if (skipUnlessBpf(t)) return
  const m = BpfMap.create({type: 'hash', keySize: 4, valueSize: 8, maxEntries: 16, name: 'ck_t_hash'})
  t.after(() => m.close())
  assert.equal(m.type, 'hash')
  assert.equal(m.info().name, 'ck_t_hash')
  m.update(u32(1), u64(100))
  assert.deepEqual(m.lookup(u32(1)), u64(100))
  assert.throws(() => m.update(u32(1), u64(5), 'noexist'), KeyExistsError)
  assert.throws(() => m.update(u32(2), u64(5), 'exist'), KeyNotFoundError)
  m.update(u32(1), u64(200), 'exist')
  assert.deepEqual(m.lookup(u32(1)), u64(200))
  m.delete(u32(1))
  assert.throws(() => m.lookup(u32(1)), KeyNotFoundError)
  assert.throws(() => m.delete(u32(1)), KeyNotFoundError)
})

test('array map: every slot exists, out-of-range keys do not', async (t) => {
  if (skipUnlessBpf(t)) return
  const m = BpfMap.create({type: 'array', keySize: 4, valueSize: 8, maxEntries: 8})
  t.after(() => m.close())
  assert.deepEqual(m.lookup(u32(7)), u64(0))
  m.update(u32(3), u64(33))
  assert.deepEqual(m.lookup(u32(3)), u64(33))
  assert.throws(() => m.lookup(u32(8)), KeyNotFoundError)
  const seen = new Map<number, bigint>()
  for await (const [k, v] of m.entries()) seen.set(k.readUInt32LE(0), v.readBigUInt64LE(0))
  assert.equal(seen.size, 8)
  assert.equal(seen.get(3), 33n)
  assert.equal(await m.count(), 8)
})

test('per-CPU hash: one value per possible CPU, by lookup and by iteration', async (t) => {
  if (skipUnlessBpf(t)) return
  const m = BpfMap.create({type: 'percpu_hash', keySize: 4, valueSize: 4, maxEntries: 64})
  t.after(() => m.close())
  const cpus = m.possibleCpus
  assert.ok(cpus >= 1)
  assert.equal(m.valueStride, 8 * cpus)  // each 4-byte value sits in an 8-byte slot
  const values = Array.from({length: cpus}, (_, c) => u32(1000 + c))
  m.update(u32(9), values)
  const hex = (bs: Buffer[]): string[] => bs.map((b) => b.toString('hex'))
  assert.deepEqual(hex(m.lookupPerCpu(u32(9))), hex(values))
  assert.ok(m.lookupPerCpu(u32(9)).every((b) => Buffer.isBuffer(b) && b.length === 4))
  assert.throws(() => m.lookup(u32(9)), /per-CPU/)
  assert.throws(() => m.update(u32(9), values.slice(1)), TypeError)
  for (let k = 0; k < 40; k++) m.update(u32(k), values.map((v, c) => u32(k * 10 + c)))
  for (const useBatch of [true, false]) {
    const got = new Map<number, number[]>()
    for await (const [k, vs] of m.perCpuEntries({useBatch, batchSize: 7})) got.set(k.readUInt32LE(0), vs.map((v) => v.readUInt32LE(0)))
    assert.equal(got.size, 40)
    assert.deepEqual(got.get(5), Array.from({length: cpus}, (_, c) => 50 + c))
  }
})

test('LPM trie: longest prefix wins; batch and walk list the same prefixes', async (t) => {
  if (skipUnlessBpf(t)) return
  // struct { __u32 prefixlen; __u8 addr[4]; } -> __u32 value
  const key = (prefixlen: number, addr: string): Buffer => {
    const b = Buffer.alloc(8)
    b.writeUInt32LE(prefixlen, 0)
    addr.split('.').forEach((o, i) => { b[4 + i] = Number(o) })
    return b
  }
  const m = BpfMap.create({type: 'lpm_trie', keySize: 8, valueSize: 4, maxEntries: 16})
  t.after(() => m.close())
  m.update(key(8, '10.0.0.0'), u32(8))
  m.update(key(16, '10.1.0.0'), u32(16))
  m.update(key(24, '10.1.2.0'), u32(24))
  assert.equal(m.lookup(key(32, '10.1.2.3')).readUInt32LE(0), 24)
  assert.equal(m.lookup(key(32, '10.1.9.9')).readUInt32LE(0), 16)
  assert.equal(m.lookup(key(32, '10.7.7.7')).readUInt32LE(0), 8)
  assert.throws(() => m.lookup(key(32, '11.0.0.1')), KeyNotFoundError)
  for (const useBatch of [true, false]) {
    const prefixes: number[] = []
    for await (const [k] of m.entries({useBatch})) prefixes.push(k.readUInt32LE(0))
    assert.deepEqual(prefixes.sort((a, b) => a - b), [8, 16, 24])
  }
})

test('a map type without batch ops: batch() is NotSupportedError, entries() walks instead', async (t) => {
  if (skipUnlessBpf(t)) return
  // devmap_hash has no lookup batch (kernel/bpf/devmap.c); its values must be real ifindexes: lo is 1.
  const m = BpfMap.create({type: 'devmap_hash', keySize: 4, valueSize: 4, maxEntries: 4})
  t.after(() => m.close())
  m.update(u32(1), u32(1))
  await assert.rejects(m.batch(), NotSupportedError)
  const got: Array<[number, number]> = []
  for await (const [k, v] of m.entries()) got.push([k.readUInt32LE(0), v.readUInt32LE(0)])
  assert.deepEqual(got, [[1, 1]])
})

test('pin, reopen by path and by id, state shared; missing pins are NotPinnedError', (t) => {
  if (skipUnlessBpf(t)) return
  const fs = tempBpffsDir(t)
  const m = BpfMap.create({type: 'hash', keySize: 4, valueSize: 8, maxEntries: 4, name: 'ck_t_pin'})
  t.after(() => m.close())
  const path = join(fs, 'ck_t_pin')
  m.pin(path)
  m.update(u32(1), u64(11))
  const again = BpfMap.openPinned(path)
  t.after(() => again.close())
  assert.deepEqual(again.lookup(u32(1)), u64(11))
  again.update(u32(2), u64(22))
  assert.deepEqual(m.lookup(u32(2)), u64(22))
  const byId = BpfMap.fromId(m.info().id)
  t.after(() => byId.close())
  assert.equal(byId.info().name, 'ck_t_pin')
  assert.throws(() => BpfMap.openPinned(join(fs, 'nope')), (err: Error) =>
    err instanceof NotPinnedError && err.message === `no map pinned at ${join(fs, 'nope')}`)
})

test('100k entries: batch and walk iteration give the same set, in batches', async (t) => {
  if (skipUnlessBpf(t)) return
  const n = 100_000
  const m = BpfMap.create({type: 'hash', keySize: 16, valueSize: 56, maxEntries: n})
  t.after(() => m.close())
  const k = Buffer.alloc(16), v = Buffer.alloc(56)
  for (let i = 0; i < n; i++) {
    k.writeUInt32LE(i, 0)
    k.writeUInt32LE(i ^ 0x5a5a5a5a, 8)
    v.writeUInt32LE(i * 7, 0)
    v.writeUInt32LE(i, 52)
    m.update(k, v)
  }
  const collect = async (useBatch: boolean): Promise<Set<string>> => {
    const seen = new Set<string>()
    for await (const [key, value] of m.entries({useBatch})) {
      const i = key.readUInt32LE(0)
      assert.equal(value.readUInt32LE(0), i * 7)
      assert.equal(value.readUInt32LE(52), i)
      seen.add(key.toString('hex'))
    }
    return seen
  }
  const batched = await collect(true)
  const walked = await collect(false)
  assert.equal(batched.size, n)
  assert.equal(walked.size, n)
  for (const key of walked) assert.ok(batched.has(key))
  assert.equal(await m.count(), n)
  let batches = 0
  for await (const b of m.batches({batchSize: 10_000})) {
    batches++
    assert.equal(b.keys.length, b.count * 16)
    assert.equal(b.values.length, b.count * 56)
  }
  assert.ok(batches >= 10, `expected at least 10 batches, got ${batches}`)
})

test('a tiny batch size grows past a crowded hash bucket (ENOSPC)', async (t) => {
  if (skipUnlessBpf(t)) return
  const m = BpfMap.create({type: 'hash', keySize: 4, valueSize: 4, maxEntries: 2048})
  t.after(() => m.close())
  for (let i = 0; i < 2000; i++) m.update(u32(i), u32(i))
  let n = 0
  for await (const b of m.batches({batchSize: 1})) n += b.count
  assert.equal(n, 2000)
})

test('a dump reads ahead on its own thread, yet the event loop turns every maxBatchesPerTurn batches; closing the map ends it with ClosedError', async (t) => {
  if (skipUnlessBpf(t)) return
  const n = 50_000, batchSize = 500
  const m = BpfMap.create({type: 'hash', keySize: 4, valueSize: 4, maxEntries: n})
  t.after(() => m.close())
  for (let i = 0; i < n; i++) m.update(u32(i), u32(i))
  // A chain of setImmediate callbacks records how many entries the dump had handed over at each turn.
  let seen = 0, spin = 0, done = false
  const turnsAt: number[] = []
  const onTurn = (): void => {
    turnsAt.push(seen)
    if (!done) setImmediate(onTurn)
  }
  setImmediate(onTurn)
  for await (const [k] of m.entries({batchSize})) {
    // Work per entry, so the reader thread runs ahead and batches are always ready.
    for (let j = 0; j < 300; j++) spin = (spin * 31 + k[j & 3]) | 0
    seen++
  }
  done = true
  assert.equal(seen, n)
  const during = turnsAt.filter((s) => s > 0 && s < n)
  assert.ok(during.length >= n / batchSize / (maxBatchesPerTurn + 1) - 1, `turns during the dump at ${during.join(',')} (${spin})`)
  // Between two turns, at most maxBatchesPerTurn batches go by (plus the one being iterated when the callback was queued).
  for (let i = 1; i < turnsAt.length; i++) {
    const gap = turnsAt[i] - turnsAt[i - 1]
    assert.ok(gap <= (maxBatchesPerTurn + 1) * batchSize, `${gap} entries without a turn of the event loop`)
  }

  const it = m.entries({batchSize: 100})
  assert.equal((await it.next()).done, false)
  m.close()
  await assert.rejects(async () => { for (;;) if ((await it.next()).done) break }, ClosedError)
})

test('a dump given up on (no return(), no close) does not keep the process alive', (t) => {
  if (skipUnlessBpf(t)) return
  const bpf = new URL('../../src/bpf/index.js', import.meta.url).href
  const r = spawnSync(process.execPath, ['--input-type=module', '-e', `const {BpfMap} = await import(${JSON.stringify(bpf)})
    const m = BpfMap.create({type: 'hash', keySize: 4, valueSize: 4, maxEntries: 10000})
    for (let i = 0; i < 10000; i++) m.update(Buffer.from([i & 255, i >> 8, 0, 0]), Buffer.alloc(4))
    const it = m.entries({batchSize: 16})
    await it.next()
    const b = m.batches({batchSize: 16})
    await b.next()
    console.log('left')`], {encoding: 'utf8', timeout: 20_000})
  assert.equal(r.signal, null, 'the process did not exit by itself')
  assert.equal(r.status, 0, r.stderr)
  assert.equal(r.stdout.trim(), 'left')
})

test('fd: the map fd (fdinfo names the same map id); ClosedError after close', (t) => {
  if (skipUnlessBpf(t)) return
  const m = BpfMap.create({type: 'array', keySize: 4, valueSize: 4, maxEntries: 2})
  const fdinfo = readFileSync(`/proc/self/fdinfo/${m.fd}`, 'utf8')
  assert.match(fdinfo, new RegExp(`^map_id:\\s+${m.info().id}$`, 'm'))
  m.close()
  assert.throws(() => m.fd, ClosedError)
})

test('updateBatch: flat or per-entry Buffers, batch and one-by-one paths agree; flags, full map, sizes', async (t) => {
  if (skipUnlessBpf(t)) return
  const n = 20_000
  const keys = Buffer.alloc(n * 8), values = Buffer.alloc(n * 16)
  for (let i = 0; i < n; i++) {
    keys.writeUInt32LE(i, i * 8)
    keys.writeUInt32LE(~i >>> 0, i * 8 + 4)
    values.writeUInt32LE(i * 3, i * 16)
  }
  const filled = async (flag: 'any' | 'noexist'): Promise<Map<string, string>> => {
    const m = BpfMap.create({type: 'hash', keySize: 8, valueSize: 16, maxEntries: n})
    t.after(() => m.close())
    await m.updateBatch(keys, values, flag)  // 'noexist' goes one by one: the kernel's batch update takes no flag
    const got = new Map<string, string>()
    for await (const [k, v] of m.entries()) got.set(k.toString('hex'), v.toString('hex'))
    return got
  }
  const batched = await filled('any'), oneByOne = await filled('noexist')
  assert.equal(batched.size, n)
  assert.deepEqual(batched, oneByOne)
  assert.equal(batched.get(keys.subarray(8 * 77, 8 * 78).toString('hex')), values.subarray(16 * 77, 16 * 78).toString('hex'))

  const small = BpfMap.create({type: 'hash', keySize: 4, valueSize: 4, maxEntries: 3})
  t.after(() => small.close())
  await small.updateBatch([u32(1), u32(2)], [u32(10), u32(20)])
  assert.deepEqual(small.lookup(u32(2)), u32(20))
  await assert.rejects(small.updateBatch([u32(2)], [u32(5)], 'noexist'), KeyExistsError)
  await assert.rejects(small.updateBatch([u32(9)], [u32(5)], 'exist'), KeyNotFoundError)
  await assert.rejects(small.updateBatch([u32(3), u32(4)], [u32(3), u32(4)]), MapFullError)
  assert.deepEqual(small.lookup(u32(3)), u32(3))  // written before the failing one
  await assert.rejects(small.updateBatch(Buffer.alloc(6), Buffer.alloc(4)), /keys must be a multiple of 4 bytes, got 6/)
  await assert.rejects(small.updateBatch(Buffer.alloc(8), Buffer.alloc(4)), /2 values must be 8 bytes \(4 each\), got 4/)
  await assert.rejects(small.updateBatch([u32(1)], [Buffer.alloc(3)]), /value 0 must be 4 bytes, got 3/)

  // An LPM trie has no batch update: one by one, same result.
  const lpm = BpfMap.create({type: 'lpm_trie', keySize: 8, valueSize: 4, maxEntries: 8})
  t.after(() => lpm.close())
  const prefix = (len: number, ip: number[]): Buffer => Buffer.from([len, 0, 0, 0, ...ip])
  await lpm.updateBatch([prefix(8, [10, 0, 0, 0]), prefix(24, [10, 1, 2, 0])], [u32(8), u32(24)])
  assert.deepEqual(lpm.lookup(prefix(32, [10, 1, 2, 3])), u32(24))
  assert.deepEqual(lpm.lookup(prefix(32, [10, 9, 9, 9])), u32(8))
})

test('map-in-map: hash_of_maps from an inner spec or map; an inner map goes in by fd and comes out by id', async (t) => {
  if (skipUnlessBpf(t)) return
  const innerSpec = {type: 'array', keySize: 4, valueSize: 8, maxEntries: 4} as const
  const outer = BpfMap.create({type: 'hash_of_maps', keySize: 4, valueSize: 4, maxEntries: 8, innerMap: innerSpec})
  t.after(() => outer.close())
  const inner = BpfMap.create(innerSpec)
  t.after(() => inner.close())
  inner.update(u32(2), u64(42))
  outer.update(u32(7), u32(inner.fd))
  const id = outer.lookup(u32(7)).readUInt32LE(0)
  assert.equal(id, inner.info().id)
  const again = BpfMap.fromId(id)
  t.after(() => again.close())
  assert.deepEqual(again.lookup(u32(2)), u64(42))
  // An inner map of another shape does not fit.
  const other = BpfMap.create({type: 'array', keySize: 4, valueSize: 4, maxEntries: 4})
  t.after(() => other.close())
  assert.throws(() => outer.update(u32(8), u32(other.fd)), BpfError)
  // The template may be a map, which stays open; without one the kernel refuses the type.
  const byMap = BpfMap.create({type: 'array_of_maps', keySize: 4, valueSize: 4, maxEntries: 2, innerMap: inner})
  t.after(() => byMap.close())
  assert.equal(inner.isClosed, false)
  assert.throws(() => BpfMap.create({type: 'hash_of_maps', keySize: 4, valueSize: 4, maxEntries: 2}), BpfError)
})

test('a process that ends right after iterating maps exits cleanly (the reader thread never calls JS at teardown)', async (t) => {
  if (skipUnlessBpf(t)) return
  // The shape that crashed with std::terminate about every other run: an LPM map iterated twice,
  // closed, and the process left to end on its own while the reader's wake-up was in flight.
  const bpf = new URL('../../src/bpf/index.js', import.meta.url).href
  const script = `import {BpfMap} from ${JSON.stringify(bpf)}
const m = BpfMap.create({type: 'lpm_trie', keySize: 12, valueSize: 12, maxEntries: 64})
const key = (i) => { const k = Buffer.alloc(12); k.writeUInt32LE(64, 0); k.writeUInt32BE(i, 4); return k }
for (let i = 0; i < 3; i++) m.update(key(i), Buffer.alloc(12))
for (let round = 0; round < 2; round++) for await (const e of m.entries()) void e
m.close()`
  for (let i = 0; i < 12; i++) {
    const r = spawnSync(process.execPath, ['--input-type=module', '-e', script], {encoding: 'utf8', timeout: 30_000})
    assert.equal(r.status, 0, `run ${i}: ${r.stderr}`)
    assert.doesNotMatch(r.stderr, /terminate called/)
  }
})
