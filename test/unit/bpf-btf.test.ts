import assert from 'node:assert/strict'
import {test} from 'node:test'
import {decodeBtf, formatBtfValue, type BtfType} from '../../src/bpf/btf.js'
import {bpffsMounts} from '../../src/bpf/bpffs.js'
import {isPerCpuType, mapTypeName, mapTypeNumber} from '../../src/bpf/map-types.js'

const u8: BtfType = {name: '__u8', kind: 'int', size: 1, signed: false}
const u16: BtfType = {name: '__u16', kind: 'int', size: 2, signed: false}
const s32: BtfType = {name: '__s32', kind: 'int', size: 4, signed: true}
const u64: BtfType = {name: '__u64', kind: 'int', size: 8, signed: false}

const tuple: BtfType = {name: 'struct tuple', kind: 'struct', size: 24, members: [
  {name: 'addr', offset: 0, type: {name: '', kind: 'array', size: 4, length: 4, element: u8}},
  {name: 'port', offset: 4, type: u16},
  {name: 'dir', offset: 6, type: {name: 'enum dir', kind: 'enum', size: 1, values: [{name: 'DIR_IN', value: 0}, {name: 'DIR_OUT', value: 1}]}},
  {name: 'flags', offset: 7, bitOffset: 56, bitSize: 3, type: u8},
  {name: 'delta', offset: 8, type: s32},
  {name: 'bytes', offset: 16, type: u64},
]}

test('decodeBtf reads every member at its offset: arrays, enums, bitfields, signed, u64 past 2^53', () => {
  const b = Buffer.alloc(24)
  b.set([10, 199, 0, 1], 0)
  b.writeUInt16LE(8080, 4)
  b[6] = 1
  b[7] = 0b1111_1101  // only the low 3 bits belong to flags
  b.writeInt32LE(-5, 8)
  b.writeBigUInt64LE(2n ** 60n, 16)
  assert.deepEqual(decodeBtf(tuple, b), {addr: [10, 199, 0, 1], port: 8080, dir: 'DIR_OUT', flags: 5, delta: -5, bytes: '1152921504606846976'})
  b.writeBigUInt64LE(42n, 16)
  assert.equal((decodeBtf(tuple, b) as {bytes: number}).bytes, 42)
  assert.equal(formatBtfValue(decodeBtf(tuple, b)), 'addr=[10 199 0 1] port=8080 dir=DIR_OUT flags=5 delta=-5 bytes=42')
})

test('nested structs format in braces; decoding at an offset into a batch Buffer', () => {
  const outer: BtfType = {name: 'struct o', kind: 'struct', size: 4, members: [
    {name: 'inner', offset: 0, type: {name: 'struct i', kind: 'struct', size: 2, members: [{name: 'a', offset: 0, type: u8}, {name: 'b', offset: 1, type: u8}]}},
    {name: 'c', offset: 2, type: u16},
  ]}
  const batch = Buffer.from([9, 9, 9, 9, 1, 2, 3, 0])
  assert.equal(formatBtfValue(decodeBtf(outer, batch, 4)), 'inner={a=1 b=2} c=3')
})

test('bpffs mounts from /proc/self/mounts, octal escapes decoded', () => {
  const mounts = 'proc /proc proc rw 0 0\nbpf /sys/fs/bpf bpf rw,relatime 0 0\nbpf /run/my\\040dir bpf rw 0 0\n'
  assert.deepEqual(bpffsMounts(mounts), ['/sys/fs/bpf', '/run/my dir'])
})

test('map type names follow the kernel numbering', () => {
  assert.equal(mapTypeName(1), 'hash')
  assert.equal(mapTypeName(11), 'lpm_trie')
  assert.equal(mapTypeName(27), 'ringbuf')
  assert.equal(mapTypeName(99), 'type_99')
  assert.equal(mapTypeNumber('lru_percpu_hash'), 10)
  assert.ok(isPerCpuType(mapTypeNumber('percpu_array')))
  assert.ok(!isPerCpuType(mapTypeNumber('hash')))
})
