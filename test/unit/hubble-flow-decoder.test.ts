/**
 * The hand-written GetFlowsResponse decoder against the generated one: for every input, the
 * same object (same classes, fields, unknown fields) or the same error.
 */
import assert from 'node:assert/strict'
import {readFileSync} from 'node:fs'
import {join} from 'node:path'
import {test} from 'node:test'
import $protobuf from 'protobufjs/minimal.js'
import {repoRoot} from '../helpers/cli.js'
import {parseFlowJson} from '../../src/hubble/codec/index.js'
import {decodeGetFlowsResponse, decodeUsualGetFlowsResponse} from '../../src/hubble/proto/flow-decoder.js'
import {flow, observer} from '../../src/hubble/proto/index.js'

type Outcome = {value: observer.GetFlowsResponse} | {error: string}

function outcome(decode: (b: Uint8Array) => observer.GetFlowsResponse, bytes: Uint8Array): Outcome {
  try {
    return {value: decode(bytes)}
  } catch (e) {
    return {error: `${(e as Error).name}: ${(e as Error).message}`}
  }
}

function unknowns(m: unknown): unknown {
  const u = (m as {$unknowns?: Uint8Array[]} | null | undefined)?.$unknowns
  return u?.map((b) => Buffer.from(b).toString('hex'))
}

/** Asserts both decoders agree on `bytes`; returns the decoded message (undefined for an error). */
function same(bytes: Uint8Array, what: string): observer.GetFlowsResponse | undefined {
  const want = outcome((b) => observer.GetFlowsResponse.decode(b), bytes)
  const got = outcome(decodeGetFlowsResponse, bytes)
  assert.deepStrictEqual(got, want, what)
  if ('value' in want && 'value' in got) {
    assert.equal(JSON.stringify(got.value), JSON.stringify(want.value), what)
    assert.deepStrictEqual(unknowns(got.value), unknowns(want.value), what)
    assert.deepStrictEqual(unknowns(got.value.flow), unknowns(want.value.flow), what)
    assert.deepStrictEqual(unknowns(got.value.flow?.source), unknowns(want.value.flow?.source), what)
    return got.value
  }
  return undefined
}

const fixtures = ['sample-flows.jsonl', 'edge-flows.jsonl'].flatMap((name) =>
  readFileSync(join(repoRoot, 'test/fixtures/peers', name), 'utf8').split('\n').filter((l) => l.trim() !== '')
    .map((line, i) => ({what: `${name}:${i + 1}`, line})))

function encoded(): Array<{what: string, bytes: Uint8Array}> {
  const out: Array<{what: string, bytes: Uint8Array}> = []
  for (const {what, line} of fixtures) {
    let res
    try {
      res = parseFlowJson(line).response
    } catch {
      continue
    }
    if (res) out.push({what, bytes: observer.GetFlowsResponse.encode(res).finish()})
  }
  return out
}

const w = () => $protobuf.Writer.create()

test('flow decoder: every flow of the recorded fixtures decodes as the generated code does', () => {
  const all = encoded()
  assert.ok(all.length >= 20, `only ${all.length} fixture flows`)
  for (const {what, bytes} of all) {
    assert.ok(same(bytes, what))
    assert.ok(decodeUsualGetFlowsResponse(bytes), `${what}: the fast path gave up`)
    // The same bytes in a Buffer (what the stream reader hands over), at an offset.
    const buf = Buffer.concat([Buffer.from([1, 2, 3]), bytes]).subarray(3)
    same(buf, `${what} (Buffer)`)
  }
})

test('flow decoder: unknown fields are skipped or kept as the generated code does', () => {
  const endpoint = w().uint32(8).uint32(7).uint32((99 << 3) | 0).uint32(5).uint32(26).string('ns').finish()
  const f = w().uint32(66).bytes(endpoint).uint32((777 << 3) | 2).string('future').uint32((778 << 3) | 5).fixed32(9)
    .uint32(90).string('node').finish()
  const res = w().uint32(10).bytes(f).uint32((5000 << 3) | 0).uint64(12).finish()
  const m = same(res, 'unknown fields')!
  assert.equal(m.flow?.nodeName, 'node')
  assert.equal(m.flow?.source?.namespace, 'ns')
  // protobufjs drops unknown fields unless told to keep them (Reader.discardUnknown, global).
  const discard = $protobuf.Reader.discardUnknown
  $protobuf.Reader.discardUnknown = false
  try {
    const kept = same(res, 'unknown fields kept')!
    assert.equal((kept.flow as unknown as {$unknowns: unknown[]}).$unknowns.length, 2)
  } finally {
    $protobuf.Reader.discardUnknown = discard
  }
})

test('flow decoder: odd but valid inputs (zero values, repeated and merged fields, long varints, non-ASCII)', () => {
  const cases: Record<string, Uint8Array> = {
    // verdict 0 and an empty node name written out, then set, then zeroed again
    'explicit zero values': w().uint32(10).bytes(w().uint32(16).int32(0).uint32(90).string('').uint32(16).int32(2)
      .uint32(90).string('x').uint32(90).string('').finish()).finish(),
    // two Flow fields merge into one; two Endpoint fields too
    'merged messages': w().uint32(10).bytes(w().uint32(66).bytes(w().uint32(8).uint32(1).finish()).finish())
      .uint32(10).bytes(w().uint32(66).bytes(w().uint32(16).uint32(2).finish()).uint32(16).int32(1).finish()).finish(),
    // a negative int32 (10-byte varint) and 64-bit values past 2^49 and 2^53
    'long varints': w().uint32(10).bytes(w().uint32(154).bytes(w().uint32(8).int32(-1).uint32(16).int32(-129).finish())
      .uint32(256).uint64('9007199254740993').uint32(264).uint64(2 ** 50)
      .uint32(10).bytes(w().uint32(8).int64(-5).uint32(16).int32(7).finish()).finish()).finish(),
    'non-ASCII strings': w().uint32(10).bytes(w().uint32(66).bytes(w().uint32(26).string('naïve').uint32(42).string('pöd-🙂')
      .finish()).uint32(800002).string('ü'.repeat(70)).finish()).finish(),
    'long ASCII string': w().uint32(10).bytes(w().uint32(800002).string('s'.repeat(200)).finish()).finish(),
    // oneofs: a later member replaces an earlier one
    'oneof members': w().uint32(10).bytes(w().uint32(50).bytes(w().uint32(10).bytes(w().uint32(8).uint32(1).finish())
      .uint32(18).bytes(w().uint32(8).uint32(2).finish()).finish())
      .uint32(122).bytes(w().uint32((101 << 3) | 2).bytes(w().uint32(18).string('GET').finish())
        .uint32((100 << 3) | 2).bytes(w().uint32(10).string('a.b.').finish()).finish()).finish())
      .uint32(26).bytes(w().uint32(16).uint64(3).finish()).finish(),
    'flow then lost event': w().uint32(10).bytes(w().uint32(90).string('n').finish())
      .uint32(26).bytes(w().uint32(16).uint64(3).finish()).finish(),
    'rare sub-messages': w().uint32(10).bytes(w().uint32(330).bytes(w().uint32(10).string('cilium').finish())
      .uint32(168010).bytes(w().uint32(10).string('allow-all').uint32(18).string('default').finish())
      .uint32(226).bytes(w().uint32(8).uint32(4).uint32(18).string('eth0').finish()).finish()).finish(),
    'empty message': new Uint8Array(0),
  }
  for (const [what, bytes] of Object.entries(cases)) same(bytes, what)
  // All but the 10-byte varints and the past-2^49 values stay on the fast path.
  const usual = Object.entries(cases).filter(([what]) => decodeUsualGetFlowsResponse(cases[what]!) !== undefined).map(([what]) => what)
  assert.deepEqual(usual, Object.keys(cases).filter((what) => what !== 'long varints'))
  const m = same(cases['non-ASCII strings']!, 'non-ASCII')!
  assert.equal(m.flow?.source?.namespace, 'naïve')
  assert.equal(m.flow?.source?.podName, 'pöd-🙂')
})

test('flow decoder: strings that share length and sampled bytes stay distinct', () => {
  // The string table hashes a few bytes; these differ only where it does not look.
  const names = ['pod-aaaa-x', 'pod-baaa-x', 'pod-aaba-x', 'pod-aaab-x', 'pod-aaaa-x']
  for (const name of names) {
    const m = same(w().uint32(10).bytes(w().uint32(66).bytes(w().uint32(42).string(name).finish()).finish()).finish(), name)!
    assert.equal(m.flow?.source?.podName, name)
  }
})

test('flow decoder: bad inputs fail as the generated code fails', () => {
  const good = encoded()[6]!.bytes
  // Every truncation of a real message.
  for (let n = 0; n < good.length; n++) same(good.subarray(0, n), `truncated to ${n}`)
  // Invalid UTF-8, a wrong wire type, a length past the end, a group, a field number 0.
  const bad: Record<string, Uint8Array> = {
    'invalid UTF-8': w().uint32(10).bytes(w().uint32(90).bytes(Uint8Array.from([0x6e, 0xff, 0x6f])).finish()).finish(),
    'wrong wire type': w().uint32(10).bytes(w().uint32(88).uint32(5).finish()).finish(),
    'length past the end': Uint8Array.from([10, 5, 90, 10, 0x6e]),
    'group': Uint8Array.from([10, 2, 11, 12]),
    'field 0': Uint8Array.from([0, 1]),
  }
  for (const [what, bytes] of Object.entries(bad)) {
    same(bytes, what)
    assert.equal(decodeUsualGetFlowsResponse(bytes), undefined, what)
  }
  // Seeded random corruption of real messages: bounded, the same every run.
  let seed = 12345
  const random = () => (seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 2 ** 32
  const all = encoded()
  for (let i = 0; i < 3000; i++) {
    const bytes = Uint8Array.from(all[i % all.length]!.bytes)
    for (let k = 1 + Math.floor(random() * 3); k > 0; k--) bytes[Math.floor(random() * bytes.length)] = Math.floor(random() * 256)
    same(bytes, `corrupted #${i}`)
  }
})

test('flow decoder: decoded flows are the generated classes', () => {
  const m = decodeGetFlowsResponse(encoded()[0]!.bytes)
  assert.ok(m instanceof observer.GetFlowsResponse)
  assert.ok(m.flow instanceof flow.Flow)
  assert.equal(m.responseTypes, 'flow')
})
