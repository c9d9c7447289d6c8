import {renderYaml} from '../output/format.js'
import {decodeBtf, formatBtfValue, type BtfType, type BtfValue} from '../bpf/btf.js'
import {ENOTSUPP, NotSupportedError} from '../bpf/errors.js'
import type {BpfMap, MapBatch} from '../bpf/map.js'

export type DumpFormat = 'table' | 'json' | 'yaml'

export interface DumpOptions {
  format: DumpFormat
  /** Decode keys and values through the map's BTF when it has one (default true). */
  useBtf?: boolean
  batchSize?: number
}

/**
 * Every entry of `map` as text chunks (one per batch), for streaming to stdout: nothing
 * holds more than a batch. Without BTF keys and values print as hex bytes; with BTF as
 * fields. Per-CPU maps print one value per possible CPU.
 *
 * table: `KEY   VALUE` lines; json: an array of {key, value} (per-CPU: {key, values});
 * yaml: the same as a sequence. Throws NotSupportedError for maps without keys (ringbuf, queue, stack).
 */
export async function* dumpMap(map: BpfMap, options: DumpOptions): AsyncGenerator<Buffer | string> {
  if (map.keySize === 0) throw new NotSupportedError(`dump of a ${map.type} map`, ENOTSUPP, {path: map.path, map: map.name})
  const btf = options.useBtf === false ? undefined : map.btf()
  const layout: Layout = {keySize: map.keySize, valueSize: map.valueSize, perCpu: map.isPerCpu, cpus: map.possibleCpus}
  const decode = btf?.key && btf.value ? btfDecoder(btf.key, btf.value, layout) : undefined
  const {format} = options
  let emitted = 0  // entries written so far: the first one brings the header or the opening bracket
  let keyWidth = 3
  for await (const b of map.batches({batchSize: options.batchSize})) {
    if (b.count === 0) continue
    const first = emitted === 0
    emitted += b.count
    if (format === 'table' && decode) {
      const rows = decode.rows(b)
      if (first) keyWidth = Math.max(3, ...rows.map(([k]) => k.length))
      yield (first ? header(keyWidth, layout.perCpu) : '') + rows.map(([k, v]) => `${k.padEnd(keyWidth)}   ${v}\n`).join('')
    } else if (format === 'table') {
      yield hexTable(b, layout, first)
    } else if (format === 'json' && decode) {
      yield (first ? '[\n' : ',\n') + decode.objects(b).map((o) => '  ' + JSON.stringify(o)).join(',\n')
    } else if (format === 'json') {
      yield hexJson(b, layout, first)
    } else {
      yield renderYaml(decode ? decode.objects(b) : hexObjects(b, layout))
    }
  }
  if (emitted > 0) {
    if (format === 'json') yield '\n]\n'
  } else {
    yield format === 'table' ? header(decode ? 3 : Math.max(3, hexWidth(layout.keySize)), layout.perCpu) : '[]\n'
  }
}

interface Layout {
  keySize: number
  valueSize: number
  perCpu: boolean
  cpus: number
}

function header(keyWidth: number, perCpu: boolean): string {
  return `${'KEY'.padEnd(keyWidth)}   ${perCpu ? 'VALUE (PER CPU)' : 'VALUE'}\n`
}

// Hex output is written byte by byte into one Buffer per batch: the dump of a
// million entries is dominated by this loop, and strings per byte would triple it.
const HI = new Uint8Array(256), LO = new Uint8Array(256)
for (let i = 0; i < 256; i++) {
  const h = i.toString(16).padStart(2, '0')
  HI[i] = h.charCodeAt(0)
  LO[i] = h.charCodeAt(1)
}
const SPACE = 0x20, NL = 0x0a

/** "0a 00 00 01": 3 chars per byte but the last. */
function hexWidth(size: number): number {
  return size === 0 ? 0 : size * 3 - 1
}

function writeHex(out: Buffer, o: number, src: Buffer, at: number, size: number): number {
  for (let i = 0; i < size; i++) {
    const b = src[at + i]
    out[o++] = HI[b]
    out[o++] = LO[b]
    out[o++] = SPACE
  }
  return size === 0 ? o : o - 1
}

/** Writes the values of entry i: one, or one per CPU separated by `sep`. Returns the new offset. */
function writeValues(out: Buffer, o: number, b: MapBatch, i: number, l: Layout, sep: Buffer): number {
  const base = i * b.valueStride
  if (!l.perCpu) return writeHex(out, o, b.values, base, l.valueSize)
  const slot = (l.valueSize + 7) & ~7
  for (let c = 0; c < l.cpus; c++) {
    if (c > 0) o += sep.copy(out, o)
    o = writeHex(out, o, b.values, base + c * slot, l.valueSize)
  }
  return o
}

function valuesWidth(l: Layout, sepLength: number): number {
  return l.perCpu ? l.cpus * hexWidth(l.valueSize) + (l.cpus - 1) * sepLength : hexWidth(l.valueSize)
}

const cpuSep = Buffer.from(' | ')

function hexTable(b: MapBatch, l: Layout, first: boolean): Buffer {
  const kw = Math.max(3, hexWidth(l.keySize))
  const head = first ? Buffer.from(header(kw, l.perCpu)) : Buffer.alloc(0)
  const line = kw + 3 + valuesWidth(l, cpuSep.length) + 1
  const out = Buffer.allocUnsafe(head.length + b.count * line)
  let o = head.copy(out, 0)
  for (let i = 0; i < b.count; i++) {
    const start = o
    o = writeHex(out, o, b.keys, i * l.keySize, l.keySize)
    while (o < start + kw + 3) out[o++] = SPACE
    o = writeValues(out, o, b, i, l, cpuSep)
    out[o++] = NL
  }
  return out.subarray(0, o)
}

// The same compact objects JSON.stringify writes for BTF-decoded entries.
const jsonKey = Buffer.from('  {"key":"'), jsonValue = Buffer.from('","value":"'), jsonValues = Buffer.from('","values":["')
const jsonEnd = Buffer.from('"}'), jsonEndPerCpu = Buffer.from('"]}'), jsonCpuSep = Buffer.from('","')
const jsonOpen = Buffer.from('[\n'), jsonNext = Buffer.from(',\n')

function hexJson(b: MapBatch, l: Layout, first: boolean): Buffer {
  const mid = l.perCpu ? jsonValues : jsonValue, end = l.perCpu ? jsonEndPerCpu : jsonEnd
  const line = 2 + jsonKey.length + hexWidth(l.keySize) + mid.length + valuesWidth(l, jsonCpuSep.length) + end.length
  const out = Buffer.allocUnsafe(b.count * line + 2)
  let o = (first ? jsonOpen : jsonNext).copy(out, 0)
  for (let i = 0; i < b.count; i++) {
    if (i > 0) o += jsonNext.copy(out, o)
    o += jsonKey.copy(out, o)
    o = writeHex(out, o, b.keys, i * l.keySize, l.keySize)
    o += mid.copy(out, o)
    o = writeValues(out, o, b, i, l, jsonCpuSep)
    o += end.copy(out, o)
  }
  return out.subarray(0, o)
}

function hexObjects(b: MapBatch, l: Layout): Array<{key: string; value?: string; values?: string[]}> {
  const hex = (buf: Buffer, at: number, n: number): string => {
    const out = Buffer.allocUnsafe(Math.max(hexWidth(n), 0))
    return out.subarray(0, writeHex(out, 0, buf, at, n)).toString('latin1')
  }
  const slot = (l.valueSize + 7) & ~7
  const rows = []
  for (let i = 0; i < b.count; i++) {
    const key = hex(b.keys, i * l.keySize, l.keySize), base = i * b.valueStride
    rows.push(l.perCpu
      ? {key, values: Array.from({length: l.cpus}, (_, c) => hex(b.values, base + c * slot, l.valueSize))}
      : {key, value: hex(b.values, base, l.valueSize)})
  }
  return rows
}

interface BtfDecoder {
  rows(b: MapBatch): Array<[string, string]>
  objects(b: MapBatch): Array<{key: BtfValue; value?: BtfValue; values?: BtfValue[]}>
}

function btfDecoder(keyType: BtfType, valueType: BtfType, l: Layout): BtfDecoder {
  const slot = (l.valueSize + 7) & ~7
  const values = (b: MapBatch, i: number): BtfValue[] =>
    Array.from({length: l.perCpu ? l.cpus : 1}, (_, c) => decodeBtf(valueType, b.values, i * b.valueStride + c * slot))
  return {
    rows: (b) => Array.from({length: b.count}, (_, i) => [formatBtfValue(decodeBtf(keyType, b.keys, i * l.keySize)),
      values(b, i).map(formatBtfValue).join(' | ')]),
    objects: (b) => Array.from({length: b.count}, (_, i) => {
      const key = decodeBtf(keyType, b.keys, i * l.keySize)
      return l.perCpu ? {key, values: values(b, i)} : {key, value: values(b, i)[0]}
    }),
  }
}
