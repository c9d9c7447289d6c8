import assert from 'node:assert/strict'
import {spawnSync} from 'node:child_process'
import {chmodSync, mkdtempSync, rmSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {test} from 'node:test'
import {BpfError, BpfMap, BpfObject, ClosedError, NotBpffsError, NotPinnedError, pinnedPaths,
  RingBuffer} from '../../src/bpf/index.js'
import {addon} from '../../src/bpf/native.js'
import {skipUnlessBpf, tempBpffsDir} from '../helpers/kernel.js'

// A small deterministic PRNG, so a failure reproduces with the printed seed.
function rng(seed: number): () => number {
  let s = seed >>> 0
  return () => {
    s = (s + 0x6d2b79f5) >>> 0
    let x = Math.imul(s ^ (s >>> 15), 1 | s)
    x ^= x + Math.imul(x ^ (x >>> 7), 61 | x)
    return ((x ^ (x >>> 14)) >>> 0) / 2 ** 32
  }
}

const seed = Number(process.env.CK_FUZZ_SEED ?? Date.now() % 1_000_000)

function junk(r: () => number): unknown {
  const pick = Math.floor(r() * 14)
  switch (pick) {
    case 0: return Buffer.alloc(Math.floor(r() * 200))
    case 1: return new Uint8Array(Math.floor(r() * 9))
    case 2: return new Float64Array(2)
    case 3: return Math.floor(r() * 2 ** 40) - 2 ** 20
    case 4: return NaN
    case 5: return -1
    case 6: return 'x'.repeat(Math.floor(r() * 40))
    case 7: return '\0bad'
    case 8: return undefined
    case 9: return null
    case 10: return {length: 4}
    case 11: return [1, 2, 3]
    case 12: return () => 1
    default: return Buffer.alloc(4)
  }
}

/** Anything thrown must be an Error we know; reaching here at all means no crash. */
function isNamed(err: unknown): boolean {
  return err instanceof TypeError || err instanceof RangeError || err instanceof BpfError
}

test(`random key/value lengths and types: TypeError naming both sizes or a named error (seed ${seed})`, async (t) => {
  if (skipUnlessBpf(t)) return
  const r = rng(seed)
  const m = BpfMap.create({type: 'hash', keySize: 16, valueSize: 56, maxEntries: 64})
  t.after(() => m.close())
  assert.throws(() => m.lookup(Buffer.alloc(4)), {name: 'TypeError', message: 'key must be 16 bytes, got 4'})
  assert.throws(() => m.update(Buffer.alloc(16), Buffer.alloc(8)), {name: 'TypeError', message: 'value must be 56 bytes, got 8'})
  for (let i = 0; i < 2000; i++) {
    const [a, b, c] = [junk(r), junk(r), junk(r)]
    for (const op of [
      () => m.lookup(a as Buffer), () => m.update(a as Buffer, b as Buffer), () => m.delete(a as Buffer),
      () => m.update(a as Buffer, b as Buffer, c as 'any'),
    ]) {
      try { op() } catch (err) { assert.ok(isNamed(err), `unexpected ${String(err)}`) }
    }
  }
  for (const size of [0, -1, 1.5, NaN, 2 ** 21]) await assert.rejects(m.batch(undefined, size), RangeError)
})

test(`the raw addon rejects garbage arguments with JS errors (seed ${seed})`, (t) => {
  if (skipUnlessBpf(t)) return
  const r = rng(seed + 1)
  const native = addon() as unknown as Record<string, (...args: unknown[]) => unknown>
  const m = addon().mapCreate(1, 4, 4, 4, 0, null, null)
  t.after(() => m.close())
  const methods = m as unknown as Record<string, (...args: unknown[]) => unknown>
  // Skipping the entry points that would act on valid input: mounting, unmounting.
  const fns = ['mapCreate', 'mapOpenPinned', 'mapFromId', 'objectOpen', 'tcDetach', 'tcHookDestroy', 'tcxDetach', 'tcxPrograms', 'ringBufferOpen',
    'btfDescribe']
  for (let i = 0; i < 500; i++) {
    const args = [junk(r), junk(r), junk(r), junk(r), junk(r), junk(r), junk(r)]
    for (const f of fns) {
      try {
        const out = native[f](...args) as {close?: () => void} | undefined
        out?.close?.()
      } catch (err) {
        assert.ok(err instanceof Error, `${f} threw a non-Error`)
      }
    }
    for (const f of ['lookup', 'update', 'delete', 'nextKey', 'pin', 'fd', 'reader']) {
      try {
        const out = methods[f].call(m, ...args) as {stop?: () => void} | undefined
        out?.stop?.()
      } catch (err) { assert.ok(err instanceof Error) }
    }
    for (const f of ['lookupBatch', 'walk', 'updateBatch']) {
      try {
        const p = methods[f].call(m, ...args) as Promise<unknown>
        p.catch(() => {})
      } catch (err) { assert.ok(err instanceof Error) }
    }
  }
  // Methods called on a foreign receiver must not reach C++ with a wrong `this`.
  assert.throws(() => methods.lookup.call({}, Buffer.alloc(4)))
})

test('closed maps: every operation is ClosedError; double close is harmless', async (t) => {
  if (skipUnlessBpf(t)) return
  const m = BpfMap.create({type: 'hash', keySize: 4, valueSize: 4, maxEntries: 4})
  m.update(Buffer.alloc(4), Buffer.alloc(4))
  m.close()
  m.close()
  assert.equal(m.isClosed, true)
  assert.throws(() => m.lookup(Buffer.alloc(4)), ClosedError)
  assert.throws(() => m.update(Buffer.alloc(4), Buffer.alloc(4)), ClosedError)
  assert.throws(() => m.delete(Buffer.alloc(4)), ClosedError)
  assert.throws(() => m.info(), ClosedError)
  assert.throws(() => m.pin('/nonexistent/x'), ClosedError)
  await assert.rejects(m.batch(), ClosedError)
  await assert.rejects(m.count(), ClosedError)
  await assert.rejects(async () => { for await (const _ of m.entries()) break }, ClosedError)
  assert.throws(() => RingBuffer.open(m, () => {}), ClosedError)
})

test('closing a map while its batch is in flight: the batch completes, later calls fail', async (t) => {
  if (skipUnlessBpf(t)) return
  const m = BpfMap.create({type: 'hash', keySize: 4, valueSize: 4, maxEntries: 4096})
  for (let i = 0; i < 4000; i++) m.update(Buffer.from([i & 255, i >> 8, 0, 0]), Buffer.alloc(4))
  const pending = m.batch(undefined, 4096)
  m.close()
  const b = await pending
  assert.equal(b.count, 4000)
  await assert.rejects(m.batch(), ClosedError)
})

test('paths: unmounted, not bpffs, nothing pinned, not a map', (t) => {
  if (skipUnlessBpf(t)) return
  const plain = mkdtempSync(join(tmpdir(), 'ck-plain-'))
  t.after(() => rmSync(plain, {recursive: true, force: true}))
  writeFileSync(join(plain, 'file'), 'not a pin')
  assert.throws(() => pinnedPaths(plain), NotBpffsError)
  assert.throws(() => BpfMap.openPinned(join(plain, 'file')), (err: Error) => err instanceof BpfError && !(err instanceof NotPinnedError))
  assert.throws(() => BpfMap.openPinned('/nonexistent/ck/map'), NotPinnedError)
  const fs = tempBpffsDir(t)
  assert.throws(() => BpfMap.openPinned(join(fs, 'missing')), NotPinnedError)
  const m = BpfMap.create({type: 'array', keySize: 4, valueSize: 4, maxEntries: 1})
  t.after(() => m.close())
  assert.throws(() => m.pin(join(plain, 'pin')), BpfError)  // not on bpffs
  m.pin(join(fs, 'arr'))
  assert.throws(() => m.pin(join(fs, 'arr')), BpfError)     // EEXIST
  assert.throws(() => BpfObject.open(join(plain, 'file')), BpfError)
})

test('without privileges: PermissionError with its hint; skipUnlessBpf skips, and fails under CI=true', (t) => {
  if (skipUnlessBpf(t)) return
  const dir = mkdtempSync(join(tmpdir(), 'ck-unpriv-'))
  t.after(() => rmSync(dir, {recursive: true, force: true}))
  chmodSync(dir, 0o755)
  const bpf = new URL('../../src/bpf/index.js', import.meta.url).href
  const helpers = new URL('../helpers/kernel.js', import.meta.url).href
  const asNobody = (args: string[], env: NodeJS.ProcessEnv) => spawnSync('setpriv',
    ['--reuid=65534', '--regid=65534', '--clear-groups', process.execPath, ...args], {encoding: 'utf8', env, timeout: 30_000})
  const create = asNobody(['--input-type=module', '-e', `const {BpfMap, PermissionError} = await import(${JSON.stringify(bpf)})
    try { BpfMap.create({type: 'hash', keySize: 4, valueSize: 4, maxEntries: 1}) } catch (e) {
      console.log(e instanceof PermissionError, e.message, '|', e.hint) }`], process.env)
  assert.equal(create.stdout.trim(), 'true map create (map hash): permission denied | run as root or grant CAP_BPF/CAP_SYS_ADMIN')

  const file = join(dir, 'probe.test.mjs')
  writeFileSync(file, `import {test} from 'node:test'\nimport {skipUnlessBpf} from ${JSON.stringify(helpers)}\n`
    + `test('probe', (t) => { if (skipUnlessBpf(t)) return; throw new Error('ran without BPF') })\n`)
  chmodSync(file, 0o644)
  // NODE_TEST_CONTEXT would make the nested runner report to us in its binary protocol.
  const {CI: _ci, NODE_TEST_CONTEXT: _ctx, ...noCi} = process.env
  const local = asNobody(['--test', file], noCi)
  assert.equal(local.status, 0, local.stdout)
  assert.match(local.stdout, /# skipped 1/)
  const ci = asNobody(['--test', file], {...noCi, CI: 'true'})
  assert.notEqual(ci.status, 0)
  assert.match(ci.stdout, /kernel test cannot run under CI: needs root/)
})
