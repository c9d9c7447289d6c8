/**
 * bench/codec: decoding one Hubble Flow (an L7 HTTP flow of sample-flows.jsonl, ~1 KB on the
 * wire) with protobufjs static code (ours) and with the google-protobuf 4.0.3 runtime, in one
 * process, interleaved. google-protobuf's code generator (protoc-gen-js) cannot be installed
 * from npm here (research/cli-perf.md §3.4), so its side is what generated code does —
 * jspb.BinaryReader field by field into jspb.Message objects through the same setters —
 * driven by our field tables: a fair stand-in, not a slower strawman. Also timed: our
 * Hubble JSON encoder against JSON.stringify of the same flow as a plain object.
 * Run: make build && node dist/bench/codec.js [ms per round]
 */
import {readFileSync} from 'node:fs'
import {createRequire} from 'node:module'
import {join} from 'node:path'
import {fileURLToPath} from 'node:url'
import {encodeFlowsResponseJson, parseFlowJson} from '../src/hubble/codec/index.js'
import {messages} from '../src/hubble/codec/schema.js'
import {flow, observer} from '../src/hubble/proto/index.js'
import {median} from './lib.js'

interface JspbReader {
  nextField(): boolean; isEndGroup(): boolean; getFieldNumber(): number; skipField(): void
  readString(): string; readBool(): boolean; readEnum(): number; readUint32(): number; readInt32(): number
  readUint64(): number; readInt64(): number; readDouble(): number; readBytes(): Uint8Array
  readMessage(m: object, fn: (m: object, r: JspbReader) => void): void
}
interface Jspb {
  BinaryReader: new (b: Uint8Array) => JspbReader
  Message: {
    prototype: object
    initialize(m: object, data: unknown[], pivot: number, suggestedPivot: number, repeated: number[] | null, oneofs: null): void
    setProto3StringField(m: object, n: number, v: string): void; setProto3IntField(m: object, n: number, v: number): void
    setProto3BooleanField(m: object, n: number, v: boolean): void; setProto3EnumField(m: object, n: number, v: number): void
    setProto3FloatField(m: object, n: number, v: number): void; setProto3BytesField(m: object, n: number, v: Uint8Array): void
    setWrapperField(m: object, n: number, v: object): void; addToRepeatedField(m: object, n: number, v: unknown): void
    addToRepeatedWrapperField(m: object, n: number, v: object): void
  }
}
const jspb = createRequire(import.meta.url)('google-protobuf') as Jspb
const M = jspb.Message
// Generated classes extend jspb.Message; its setters insist on such instances.
const newMessage = (): object => Object.create(M.prototype) as object

const root = fileURLToPath(new URL('../../', import.meta.url))
const line = readFileSync(join(root, 'test/fixtures/peers/sample-flows.jsonl'), 'utf8').trim().split('\n')[6]!
const resp = parseFlowJson(line).response!
const bytes = flow.Flow.encode(resp.flow!).finish()

// What protoc-gen-js's deserializeBinaryFromReader does, for any of our message types.
type Reader = (m: object, r: JspbReader) => void
const readers = new Map<string, Reader>()
function readerFor(type: string): Reader {
  let fn = readers.get(type)
  if (fn) return fn
  const fields = new Map(messages[type]!.map((f) => [f.id, f]))
  const repeated = messages[type]!.filter((f) => f.repeated).map((f) => f.id)
  fn = (m, r) => {
    M.initialize(m, [], 0, -1, repeated.length ? repeated : null, null)
    while (r.nextField()) {
      if (r.isEndGroup()) break
      const f = fields.get(r.getFieldNumber())
      if (!f) { r.skipField(); continue }
      const n = f.id
      if (f.kind === 'message') {
        const child = newMessage()
        r.readMessage(child, readerFor(f.type))
        if (f.repeated) M.addToRepeatedWrapperField(m, n, child)
        else M.setWrapperField(m, n, child)
        continue
      }
      let v: unknown
      switch (f.kind === 'enum' ? 'enum' : f.type) {
        case 'string': v = r.readString(); break
        case 'bool': v = r.readBool(); break
        case 'enum': v = r.readEnum(); break
        case 'uint32': v = r.readUint32(); break
        case 'int32': v = r.readInt32(); break
        case 'uint64': v = r.readUint64(); break
        case 'int64': v = r.readInt64(); break
        case 'double': v = r.readDouble(); break
        case 'bytes': v = r.readBytes(); break
        default: r.skipField(); continue
      }
      if (f.repeated) M.addToRepeatedField(m, n, v)
      else if (typeof v === 'string') M.setProto3StringField(m, n, v)
      else if (typeof v === 'boolean') M.setProto3BooleanField(m, n, v)
      else if (f.kind === 'enum') M.setProto3EnumField(m, n, v as number)
      else if (v instanceof Uint8Array) M.setProto3BytesField(m, n, v)
      else M.setProto3IntField(m, n, v as number)
    }
  }
  readers.set(type, fn)
  return fn
}
const decodeFlowJspb = (b: Uint8Array): object => {
  const m = newMessage()
  readerFor('flow.Flow')(m, new jspb.BinaryReader(b))
  return m
}

// Messages per second of fn, over `ms` milliseconds.
function rate(fn: () => unknown, ms: number): number {
  let n = 0
  const end = performance.now() + ms
  while (performance.now() < end) {
    for (let i = 0; i < 256; i++) fn()
    n += 256
  }
  return n / (ms / 1000)
}

const ms = Number(process.argv[2] ?? 1500)
const plain = JSON.parse(line) as unknown
const variants: Record<string, () => unknown> = {
  'protobufjs decode': () => flow.Flow.decode(bytes),
  'google-protobuf decode': () => decodeFlowJspb(bytes),
  'protobufjs encode': () => flow.Flow.encode(resp.flow!).finish(),
  'hubble JSON encode (ours)': () => encodeFlowsResponseJson(resp),
  'JSON.stringify (plain object)': () => JSON.stringify(plain),
  'JSON.parse': () => JSON.parse(line),
  'parseFlowJson (JSON.parse + typed)': () => parseFlowJson(line),
}
// Both decoders must agree before they are timed.
const check = observer.GetFlowsResponse.encode({flow: resp.flow}).finish()
const viaJspb = (decodeFlowJspb(bytes) as {toArray?: () => unknown[], array?: unknown[]}).array
if (check.length < bytes.length || !Array.isArray(viaJspb) || !JSON.stringify(viaJspb).includes('curl/7.88.1')) throw new Error('google-protobuf decode lost fields')
for (const fn of Object.values(variants)) rate(fn, 200)  // warm-up
const results: Record<string, number[]> = Object.fromEntries(Object.keys(variants).map((k) => [k, []]))
for (let round = 0; round < 3; round++) for (const [name, fn] of Object.entries(variants)) results[name]!.push(rate(fn, ms))
const med = (k: string) => median(results[k]!)
console.log(`codec: one Flow, ${bytes.length} bytes on the wire, ${line.length} bytes of JSON; median of 3 rounds of ${ms} ms, node ${process.version}`)
for (const k of Object.keys(variants)) console.log(`  ${k.padEnd(36)} ${Math.round(med(k)).toLocaleString('en-US').padStart(10)} /s`)
console.log(`  protobufjs decodes ${(med('protobufjs decode') / med('google-protobuf decode')).toFixed(1)}x as fast as google-protobuf`)
console.log(`  our JSON encoder runs at ${(med('hubble JSON encode (ours)') / med('JSON.stringify (plain object)')).toFixed(2)}x JSON.stringify`)
