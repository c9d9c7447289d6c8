import assert from 'node:assert/strict'
import {test} from 'node:test'
import {decodeAll, GobDecoder, GobEncoder, GobError, putInt, putUint} from '../../src/monitor/gob.js'
import {decodeAgentNotify, encodeAgentNotify, PayloadDecoder, PayloadEncoder} from '../../src/monitor/payload.js'

const hex = (s: string): Buffer => Buffer.from(s.replace(/\s+/g, ''), 'hex')
const ascii = (s: string): string => Buffer.from(s, 'latin1').toString('hex')

test('gob unsigned and signed integers follow the spec', () => {
  const u = (v: number | bigint) => { const o: number[] = []; putUint(o, v); return Buffer.from(o).toString('hex') }
  const i = (v: number | bigint) => { const o: number[] = []; putInt(o, v); return Buffer.from(o).toString('hex') }
  assert.equal(u(0), '00')
  assert.equal(u(7), '07')
  assert.equal(u(127), '7f')
  assert.equal(u(128), 'ff80')
  assert.equal(u(256), 'fe0100')
  assert.equal(u(2n ** 64n - 1n), 'f8ffffffffffffffff')
  assert.equal(i(0), '00')
  assert.equal(i(1), '02')
  assert.equal(i(-1), '01')
  assert.equal(i(65), 'ff82')
  assert.equal(i(-65), 'ff81')
  assert.throws(() => u(-1), GobError)
})

// The worked example of the encoding/gob documentation: type Point struct {X, Y int}; Point{22, 33}.
const pointStream = hex(`1f ff81 03 01 01 05 ${ascii('Point')} 01 ff82 00 01 02 01 01 58 01 04 00 01 01 59 01 04 00 00 00
  07 ff82 01 2c 01 42 00`)

test('the encoder writes the documentation\'s Point stream byte for byte', () => {
  const enc = new GobEncoder()
  const spec = {name: 'Point', fields: [{name: 'X', kind: 'int' as const}, {name: 'Y', kind: 'int' as const}]}
  assert.deepEqual(enc.encode(spec, {X: 22, Y: 33}), pointStream)
  // The second value of the type comes without its definition; a zero field is left out.
  assert.deepEqual(enc.encode(spec, {X: 0, Y: 1}), hex('05 ff82 02 02 00'))
})

test('the decoder reads the Point stream, in any chunks', () => {
  const all = decodeAll(pointStream)
  assert.deepEqual(all, [{type: 'Point', value: {X: 22, Y: 33}}])
  const d = new GobDecoder()
  const out = []
  for (const b of pointStream) out.push(...d.push(Buffer.from([b])))
  assert.deepEqual(out, [{type: 'Point', value: {X: 22, Y: 33}}])
  assert.equal(d.buffered, 0)
})

// payload.Payload{Data []byte; CPU int; Lost uint64; Type int}, assembled by hand from the spec.
const payloadTypeDef = `ff81 03 01 01 07 ${ascii('Payload')} 01 ff82 00 01 04
  01 04 ${ascii('Data')} 01 0a 00  01 03 ${ascii('CPU')} 01 04 00  01 04 ${ascii('Lost')} 01 06 00  01 04 ${ascii('Type')} 01 04 00 00 00`

test('a payload stream: the type definition once, then deltas skipping zero fields', () => {
  const enc = new PayloadEncoder()
  const def = hex(payloadTypeDef)
  const first = enc.encode({data: Buffer.from([4, 1, 2]), cpu: 1, lost: 0n, type: 9})
  const value1 = hex('ff82 01 03 040102 01 02 02 12 00')
  assert.deepEqual(first, Buffer.concat([Buffer.from([def.length]), def, Buffer.from([value1.length]), value1]))
  const lost = enc.encode({data: Buffer.alloc(0), cpu: 0, lost: 300n, type: 2})
  // Data and CPU are zero: the first field sent is Lost (delta 3), then Type (delta 1).
  assert.deepEqual(lost, hex('09 ff82 03 fe012c 01 04 00'))
  const dec = new PayloadDecoder()
  assert.deepEqual(dec.push(Buffer.concat([first, lost])), [
    {data: Buffer.from([4, 1, 2]), cpu: 1, lost: 0n, type: 9},
    {data: Buffer.alloc(0), cpu: 0, lost: 300n, type: 2},
  ])
})

test('the decoder takes type definitions it does not know the Go type of (slices, maps, nested structs)', () => {
  // type Inner struct{N uint}; type Outer struct{Tags []string; M map[string]int; In Inner}
  // The stream defines []string as 66, map[string]int as 67, Inner as 68 and Outer as 65.
  const inner = `ff87 03 01 01 05 ${ascii('Inner')} 01 ff88 00 01 01 01 01 4e 01 06 00 00 00`
  const slice = `ff83 02 01 01 08 ${ascii('[]string')} 01 ff84 00 01 0c 00 00`
  const map = `ff85 04 01 01 0e ${ascii('map[string]int')} 01 ff86 00 01 0c 01 04 00 00`
  const outer = `ff81 03 01 01 05 ${ascii('Outer')} 01 ff82 00 01 03 01 04 ${ascii('Tags')} 01 ff84 00 01 01 4d 01 ff86 00 01 02 ${ascii('In')} 01 ff88 00 00 00`
  const value = `ff82 01 02 01 61 02 62 63 01 01 01 6b 0e 01 01 05 00 00`
  const msg = (h: string) => { const b = hex(h); return Buffer.concat([Buffer.from([b.length]), b]) }
  const out = decodeAll(Buffer.concat([msg(inner), msg(slice), msg(map), msg(outer), msg(value)]))
  assert.equal(out.length, 1)
  assert.equal(out[0].type, 'Outer')
  assert.deepEqual(out[0].value, {Tags: ['a', 'bc'], M: new Map([['k', 7]]), In: {N: 5}})
})

test('corrupt streams throw GobError instead of reading past a message', () => {
  assert.throws(() => decodeAll(hex('03 ff82 01')), GobError) // a value of a type never defined
  assert.throws(() => decodeAll(hex('05 ff81 03 01')), GobError) // a definition cut short inside its message
  assert.throws(() => decodeAll(hex('07 ff82 01 2c')), GobError) // the stream ends inside a message
  assert.throws(() => new GobDecoder(16).push(hex('ff80')), GobError) // a message larger than the limit
})

test('an agent notification is the type byte then its own gob stream of api.AgentNotify', () => {
  const data = encodeAgentNotify({type: 5, text: '{"rule_count":1}'})
  assert.equal(data[0], 130)
  const def = hex(`ff81 03 01 01 0b ${ascii('AgentNotify')} 01 ff82 00 01 02 01 04 ${ascii('Type')} 01 06 00 01 04 ${ascii('Text')} 01 0c 00 00 00`)
  const text = Buffer.from('{"rule_count":1}')
  const value = Buffer.concat([hex('ff82 01 05 01'), Buffer.from([text.length]), text, hex('00')])
  assert.deepEqual(data.subarray(1), Buffer.concat([Buffer.from([def.length]), def, Buffer.from([value.length]), value]))
  assert.deepEqual(decodeAgentNotify(data), {type: 5, text: '{"rule_count":1}'})
})

// Streams written by Go 1.19's encoding/gob (a Go program encoding, with one Encoder,
// Payload{Data: {4,1,2}, CPU: 1, Type: 9}, Payload{Lost: 300, Type: 2},
// Payload{Data: 200 x 0xab, CPU: 3, Lost: 1<<40, Type: 9}, Payload{CPU: -2, Type: -1};
// and, with a new Encoder, AgentNotify{Type: 5, Text: `{"rule_count":1}`}, which that process had numbered 66).
const goPayloads = hex('38ff81030101075061796c6f616401ff82000104010444617461010a00010343505501040001044c6f737401060001045479706501040000000c' +
  'ff820103040102010202120009ff8203fe012c010400ffdaff8201ffc8' + 'ab'.repeat(200) + '010601fa01000000000001120007ff820203020100')
const goAgentNotify = hex('2bff830301010b4167656e744e6f7469667901ff84000102010454797065010600010454657874010c00000017ff84010501107b2272756c655f636f756e74223a317d00')

test('streams from Go\'s own encoder: decoded field by field, and ours are the same bytes', () => {
  const want = [
    {data: Buffer.from([4, 1, 2]), cpu: 1, lost: 0n, type: 9},
    {data: Buffer.alloc(0), cpu: 0, lost: 300n, type: 2},
    {data: Buffer.alloc(200, 0xab), cpu: 3, lost: 1n << 40n, type: 9},
    {data: Buffer.alloc(0), cpu: -2, lost: 0n, type: -1},
  ]
  assert.deepEqual(new PayloadDecoder().push(goPayloads), want)
  const enc = new PayloadEncoder()
  assert.deepEqual(Buffer.concat(want.map((p) => enc.encode(p))), goPayloads)
  assert.deepEqual(decodeAgentNotify(Buffer.concat([Buffer.from([130]), goAgentNotify])), {type: 5, text: '{"rule_count":1}'})
})
