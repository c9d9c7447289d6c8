/**
 * Go's encoding/gob, as much of it as the Cilium monitor protocol needs, written from the
 * format's specification (the encoding/gob package documentation):
 *
 * - A stream is a sequence of messages, each `uint length | int typeId | value`.
 * - A negative type id defines type -id; its value is a `wireType` struct (field 3, StructT, for
 *   structs; 1 ArrayT, 2 SliceT, 4 MapT; 5-7 GobEncoder/BinaryMarshaler/TextMarshaler).
 * - Unsigned ints: below 128 one byte, otherwise the negated byte count then the big-endian bytes.
 *   Signed ints: zig-zag into an unsigned (`i << 1`, or `(^i << 1) | 1` when negative).
 * - Structs: each non-zero field as `uint delta-from-previous-field | value`, then 0.
 * - A top-level value of a non-struct type is preceded by a 0 byte (the "singleton" field).
 *
 * The decoder takes any type definitions (structs, slices, arrays, maps, marshaler types of
 * basic elements) and yields plain objects keyed by Go field name. The encoder writes structs of
 * basic fields, nested structs, slices of a basic kind and BinaryMarshaler values: what the
 * monitor sends (payload.Payload, api.AgentNotify, accesslog.LogRecord).
 */
import {CiliumkitError} from '../errors.js'

/** The predefined type ids of gob. */
export const GobType = {bool: 1, int: 2, uint: 3, float: 4, bytes: 5, string: 6, complex: 7, interface: 8,
  wireType: 16, arrayType: 17, commonType: 18, sliceType: 19, structType: 20, fieldType: 21, mapType: 23} as const

/** The first id a stream gives to a type it defines. */
const firstUserType = 65

export class GobError extends CiliumkitError {}

// ---- primitive writers ----

/** Appends gob's unsigned encoding of `v` (a number below 2^53 or a bigint below 2^64). */
export function putUint(out: number[], v: number | bigint): void {
  if (typeof v === 'number' && Number.isSafeInteger(v) && v >= 0) {
    if (v < 128) {
      out.push(v)
      return
    }
    // Safe integers without BigInt: the common case (lengths, CPUs, types).
    const bytes: number[] = []
    for (let n = v; n > 0; n = Math.floor(n / 256)) bytes.unshift(n % 256)
    out.push(256 - bytes.length, ...bytes)
    return
  }
  let n = BigInt(v)
  if (n < 0n || n >= 1n << 64n) throw new GobError(`gob: unsigned value out of range: ${n}`)
  const bytes: number[] = []
  while (n > 0n) {
    bytes.unshift(Number(n & 0xffn))
    n >>= 8n
  }
  out.push(256 - bytes.length, ...bytes)
}

/** Appends gob's signed encoding of `v`. */
export function putInt(out: number[], v: number | bigint): void {
  if (typeof v === 'number' && Number.isSafeInteger(v) && Math.abs(v) < 2 ** 51) {
    putUint(out, v < 0 ? (-v - 1) * 2 + 1 : v * 2)
    return
  }
  const n = BigInt(v)
  putUint(out, n < 0n ? ((~n) << 1n) | 1n : n << 1n)
}

function putBytes(out: number[], b: Uint8Array): void {
  putUint(out, b.length)
  for (const x of b) out.push(x)
}

// ---- primitive readers ----

/** A cursor over one message's bytes; reading past the end throws. */
export class GobReader {
  pos = 0
  constructor(readonly buf: Buffer, readonly end = buf.length) {}

  get remaining(): number {
    return this.end - this.pos
  }

  byte(): number {
    if (this.pos >= this.end) throw new GobError('gob: unexpected end of message')
    return this.buf[this.pos++]
  }

  /** An unsigned value; a bigint when it does not fit a safe integer. */
  uintBig(): bigint {
    const first = this.byte()
    if (first < 128) return BigInt(first)
    const count = 256 - first
    if (count > 8) throw new GobError(`gob: bad unsigned length ${count}`)
    let n = 0n
    for (let i = 0; i < count; i++) n = (n << 8n) | BigInt(this.byte())
    return n
  }

  uint(): number {
    const n = this.uintBig()
    if (n > BigInt(Number.MAX_SAFE_INTEGER)) throw new GobError(`gob: value too large: ${n}`)
    return Number(n)
  }

  intBig(): bigint {
    const u = this.uintBig()
    return (u & 1n) !== 0n ? ~(u >> 1n) : u >> 1n
  }

  int(): number {
    const n = this.intBig()
    if (n > BigInt(Number.MAX_SAFE_INTEGER) || n < BigInt(Number.MIN_SAFE_INTEGER)) throw new GobError(`gob: value too large: ${n}`)
    return Number(n)
  }

  bytes(): Buffer {
    const len = this.uint()
    if (len > this.remaining) throw new GobError('gob: byte slice longer than its message')
    const b = this.buf.subarray(this.pos, this.pos + len)
    this.pos += len
    return b
  }

  string(): string {
    return this.bytes().toString('utf8')
  }

  float(): number {
    // Floats travel as the byte-reversed bits of a float64.
    const bits = this.uintBig()
    const b = Buffer.alloc(8)
    b.writeBigUInt64LE(bits)
    return b.readDoubleBE(0)
  }
}

// ---- type definitions ----

export interface GobField {
  name: string
  id: number
}

/** A type a stream defined (or one of ours to send). */
export type GobTypeDef =
  | {kind: 'struct'; name: string; fields: GobField[]}
  | {kind: 'slice'; name: string; elem: number}
  | {kind: 'array'; name: string; elem: number; len: number}
  | {kind: 'map'; name: string; key: number; elem: number}
  | {kind: 'marshaler'; name: string}

/** A value decoded without a Go type to decode into: structs become objects keyed by field name. */
export type GobValue = boolean | number | bigint | string | Buffer | GobValue[] | Map<GobValue, GobValue> | {[field: string]: GobValue}

/** A decoded value as a struct (field name -> value), or undefined when it is not one. */
export function asStruct(v: GobValue | undefined): {[field: string]: GobValue} | undefined {
  return v !== null && typeof v === 'object' && !Buffer.isBuffer(v) && !Array.isArray(v) && !(v instanceof Map) ? v : undefined
}

const sentKey = Symbol('gob sent fields')

/**
 * Whether a decoded struct's message carried `field`. Gob leaves zero fields and nil pointers out,
 * and the decoder fills them with zero values; a non-nil pointer to an all-zero struct is still
 * sent (its delta, then the struct's closing 0), which Go decodes to a non-nil pointer.
 */
export function wasSent(v: {[field: string]: GobValue}, field: string): boolean {
  return (v as {[sentKey]?: ReadonlySet<string>})[sentKey]?.has(field) ?? false
}

/** The zero value of a type id, which gob leaves out of a struct. */
function zeroOf(id: number, types: ReadonlyMap<number, GobTypeDef>): GobValue {
  switch (id) {
    case GobType.bool: return false
    case GobType.int: case GobType.uint: case GobType.float: return 0
    case GobType.bytes: return Buffer.alloc(0)
    case GobType.string: return ''
  }
  const t = types.get(id)
  if (!t) return 0
  switch (t.kind) {
    case 'struct': return Object.fromEntries(t.fields.map((f) => [f.name, zeroOf(f.id, types)]))
    case 'slice': case 'array': return []
    case 'map': return new Map()
    case 'marshaler': return Buffer.alloc(0)
  }
}

/** Reads a CommonType {Name string; Id int}. */
function readCommon(r: GobReader): {name: string; id: number} {
  let field = -1, name = '', id = 0
  for (let delta = r.uint(); delta !== 0; delta = r.uint()) {
    field += delta
    if (field === 0) name = r.string()
    else if (field === 1) id = r.int()
    else throw new GobError(`gob: unknown CommonType field ${field}`)
  }
  return {name, id}
}

/** Reads the fields of a struct-shaped definition, calling `onField` with each field's index. */
function readStructOf(r: GobReader, onField: (field: number) => void): void {
  let field = -1
  for (let delta = r.uint(); delta !== 0; delta = r.uint()) {
    field += delta
    onField(field)
  }
}

/** Reads a wireType value: the definition of one type. */
export function readWireType(r: GobReader): GobTypeDef {
  let def: GobTypeDef | undefined
  readStructOf(r, (wireField) => {
    switch (wireField) {
      case 0: case 1: { // ArrayT {CommonType; Elem typeId; Len int}, SliceT {CommonType; Elem typeId}
        let name = '', elem = 0, len = 0
        readStructOf(r, (f) => {
          if (f === 0) name = readCommon(r).name
          else if (f === 1) elem = r.int()
          else if (f === 2) len = r.int()
          else throw new GobError(`gob: unknown array/slice type field ${f}`)
        })
        def = wireField === 0 ? {kind: 'array', name, elem, len} : {kind: 'slice', name, elem}
        break
      }
      case 2: { // StructT {CommonType; Field []fieldType}
        let name = ''
        const fields: GobField[] = []
        readStructOf(r, (f) => {
          if (f === 0) {
            name = readCommon(r).name
          } else if (f === 1) {
            for (let n = r.uint(); n > 0; n--) {
              const fd: GobField = {name: '', id: 0}
              readStructOf(r, (ff) => {
                if (ff === 0) fd.name = r.string()
                else if (ff === 1) fd.id = r.int()
                else throw new GobError(`gob: unknown fieldType field ${ff}`)
              })
              fields.push(fd)
            }
          } else {
            throw new GobError(`gob: unknown structType field ${f}`)
          }
        })
        def = {kind: 'struct', name, fields}
        break
      }
      case 3: { // MapT {CommonType; Key typeId; Elem typeId}
        let name = '', key = 0, elem = 0
        readStructOf(r, (f) => {
          if (f === 0) name = readCommon(r).name
          else if (f === 1) key = r.int()
          else if (f === 2) elem = r.int()
          else throw new GobError(`gob: unknown map type field ${f}`)
        })
        def = {kind: 'map', name, key, elem}
        break
      }
      case 4: case 5: case 6: // GobEncoderT, BinaryMarshalerT, TextMarshalerT: gobEncoderType {CommonType}
        def = {kind: 'marshaler', name: ''}
        readStructOf(r, (f) => {
          if (f === 0) def = {kind: 'marshaler', name: readCommon(r).name}
          else throw new GobError(`gob: unknown marshaler type field ${f}`)
        })
        break
      default:
        throw new GobError(`gob: unknown wireType field ${wireField}`)
    }
  })
  if (!def) throw new GobError('gob: empty type definition')
  return def
}

/** Reads one value of type `id` (the field's value, after its delta). */
export function readValue(r: GobReader, id: number, types: ReadonlyMap<number, GobTypeDef>): GobValue {
  switch (id) {
    case GobType.bool: return r.uint() !== 0
    case GobType.int: {
      const n = r.intBig()
      return n >= BigInt(Number.MIN_SAFE_INTEGER) && n <= BigInt(Number.MAX_SAFE_INTEGER) ? Number(n) : n
    }
    case GobType.uint: {
      const n = r.uintBig()
      return n <= BigInt(Number.MAX_SAFE_INTEGER) ? Number(n) : n
    }
    case GobType.float: return r.float()
    case GobType.bytes: return Buffer.from(r.bytes())
    case GobType.string: return r.string()
  }
  const t = types.get(id)
  if (!t) throw new GobError(`gob: value of undefined type ${id}`)
  switch (t.kind) {
    case 'struct': {
      const out: {[field: string]: GobValue} = {}
      for (const f of t.fields) out[f.name] = zeroOf(f.id, types)
      const sent = new Set<string>()
      // Not enumerable: decoded structs still compare, print and spread as plain field objects.
      Object.defineProperty(out, sentKey, {value: sent})
      readStructOf(r, (f) => {
        const fd = t.fields[f]
        if (!fd) throw new GobError(`gob: field ${f} beyond the ${t.fields.length} fields of ${t.name}`)
        out[fd.name] = readValue(r, fd.id, types)
        sent.add(fd.name)
      })
      return out
    }
    case 'slice': case 'array': {
      const n = r.uint()
      if (n > r.remaining) throw new GobError('gob: slice longer than its message')
      const out: GobValue[] = []
      for (let i = 0; i < n; i++) out.push(readValue(r, t.elem, types))
      return out
    }
    case 'map': {
      const n = r.uint()
      if (n > r.remaining) throw new GobError('gob: map longer than its message')
      const out = new Map<GobValue, GobValue>()
      for (let i = 0; i < n; i++) {
        const k = readValue(r, t.key, types)
        out.set(k, readValue(r, t.elem, types))
      }
      return out
    }
    case 'marshaler': return Buffer.from(r.bytes())
  }
}

/**
 * Splits a gob stream into values, remembering the types it defines; bytes may arrive in any
 * chunks. `push` returns the values completed by the chunk, each with the name of its type.
 */
export class GobDecoder {
  private pending: Buffer = Buffer.alloc(0)
  readonly types = new Map<number, GobTypeDef>()
  /** Bytes a single message may take before the stream counts as corrupt (Go's own limit is 1 GiB). */
  constructor(private readonly maxMessage = 64 << 20) {}

  push(chunk: Buffer): {type: string; value: GobValue}[] {
    this.pending = this.pending.length === 0 ? chunk : Buffer.concat([this.pending, chunk])
    const out: {type: string; value: GobValue}[] = []
    let at = 0
    for (;;) {
      const head = new GobReader(this.pending)
      head.pos = at
      let len: number
      try {
        len = head.uint()
      } catch (err) {
        if (err instanceof GobError && head.pos >= this.pending.length) break // the length itself is incomplete
        throw err
      }
      if (len > this.maxMessage) throw new GobError(`gob: message of ${len} bytes is too large`)
      if (this.pending.length - head.pos < len) break
      const end = head.pos + len
      const r = new GobReader(this.pending, end)
      r.pos = head.pos
      const value = this.message(r)
      if (value) out.push(value)
      at = end
    }
    this.pending = at === this.pending.length ? Buffer.alloc(0) : this.pending.subarray(at)
    return out
  }

  /** Bytes received that do not yet make a whole message. */
  get buffered(): number {
    return this.pending.length
  }

  private message(r: GobReader): {type: string; value: GobValue} | undefined {
    const id = r.int()
    if (id < 0) {
      this.types.set(-id, readWireType(r))
      return undefined
    }
    const t = this.types.get(id)
    // A value of a non-struct type comes after a 0 "singleton" delta.
    if (!t || t.kind !== 'struct') {
      if (r.uint() !== 0) throw new GobError('gob: bad singleton value')
    }
    const value = readValue(r, id, this.types)
    return {type: t?.name ?? basicName(id), value}
  }
}

function basicName(id: number): string {
  return Object.entries(GobType).find(([, v]) => v === id)?.[0] ?? String(id)
}

/** Decodes one whole stream held in a buffer (e.g. a payload's agent notification); throws unless it holds exactly whole messages. */
export function decodeAll(b: Buffer): {type: string; value: GobValue}[] {
  const d = new GobDecoder()
  const out = d.push(b)
  if (d.buffered > 0) throw new GobError('gob: stream ends inside a message')
  return out
}

// ---- encoding ----

/** A basic field of a struct we send; `bytes` accepts a Buffer, ints and uints a number or bigint. */
export type GobFieldKind = 'bool' | 'int' | 'uint' | 'bytes' | 'string'

/** A slice of a basic kind (Go's []string); its value is an array, left out when empty. */
export interface GobSliceSpec {
  name: string
  slice: GobFieldKind
}

/**
 * A type that marshals itself (encoding.BinaryMarshaler, e.g. url.URL, whose bytes are its
 * String()); its value is those bytes (a Buffer or a string), left out when empty.
 */
export interface GobMarshalerSpec {
  name: string
  marshaler: 'binary'
}

/** A field's type: a basic kind or a type the stream defines. */
export type GobFieldType = GobFieldKind | GobStructSpec | GobSliceSpec | GobMarshalerSpec

/** A struct we send; a struct-typed field's value is an object, or undefined for a nil pointer (left out). */
export interface GobStructSpec {
  name: string
  fields: {name: string; kind: GobFieldType}[]
}

type GobTypeSpec = GobStructSpec | GobSliceSpec | GobMarshalerSpec

const kindId: Record<GobFieldKind, number> = {bool: GobType.bool, int: GobType.int, uint: GobType.uint, bytes: GobType.bytes, string: GobType.string}

function isZero(kind: GobFieldType, v: unknown): boolean {
  switch (kind) {
    case 'bool': return v !== true
    case 'int': case 'uint': return v === undefined || v === 0 || v === 0n
    case 'bytes': return v === undefined || (v as Uint8Array).length === 0
    case 'string': return v === undefined || v === ''
  }
  if ('fields' in kind) return v === undefined || v === null
  return v === undefined || v === null || (v as ArrayLike<unknown>).length === 0
}

function message(body: number[]): Buffer {
  const head: number[] = []
  putUint(head, body.length)
  return Buffer.from([...head, ...body])
}

/** The user types `spec` needs defined, itself first then its fields' types depth first (Go's order of ids). */
function typesOf(spec: GobTypeSpec, out: GobTypeSpec[] = []): GobTypeSpec[] {
  if (out.includes(spec)) return out
  out.push(spec)
  if ('fields' in spec) for (const f of spec.fields) if (typeof f.kind !== 'string') typesOf(f.kind, out)
  return out
}

const empty = Buffer.alloc(0)

/** A message body being written: header bytes, with byte fields going in as they are between runs of them (no per-byte copying). */
class BodyWriter {
  readonly segments: Array<number[] | Uint8Array> = []
  body: number[] = []

  constructor() {
    this.segments.push(this.body)
  }

  bytes(b: Uint8Array): void {
    putUint(this.body, b.length)
    this.segments.push(b, this.body = [])
  }

  /** The message: its length, then the body. */
  finish(): Buffer[] {
    const length = this.segments.reduce((n, seg) => n + seg.length, 0)
    const head: number[] = []
    putUint(head, length)
    return [Buffer.from(head), ...this.segments.map((seg) => (Array.isArray(seg) ? Buffer.from(seg) : seg as Buffer))]
  }
}

/**
 * Writes one gob stream: the first value of a type is preceded by the definitions of it and of
 * the types it uses, as Go's Encoder does; ids are given from 65 in order of first use.
 */
export class GobEncoder {
  private readonly ids = new Map<GobTypeSpec, number>()

  /** The messages that define `spec`'s type (and the types of its fields) on this stream; empty once defined. */
  define(spec: GobStructSpec): Buffer {
    // A type with an id had the types of its fields defined with it.
    if (this.ids.has(spec)) return empty
    const fresh = typesOf(spec).filter((t) => !this.ids.has(t))
    for (const t of fresh) this.ids.set(t, firstUserType + this.ids.size)
    return Buffer.concat(fresh.map((t) => message(this.definition(t))))
  }

  /** The messages that send `value` (with the type's definitions the first time). */
  encode(spec: GobStructSpec, value: Readonly<Record<string, unknown>>): Buffer {
    const definition = this.define(spec)
    const w = new BodyWriter()
    putInt(w.body, this.ids.get(spec)!)
    this.writeStruct(w, spec, value)
    return Buffer.concat(definition.length > 0 ? [definition, ...w.finish()] : w.finish())
  }

  private typeId(kind: GobFieldType): number {
    return typeof kind === 'string' ? kindId[kind] : this.ids.get(kind)!
  }

  private writeStruct(w: BodyWriter, spec: GobStructSpec, value: Readonly<Record<string, unknown>>): void {
    let last = -1
    spec.fields.forEach((f, i) => {
      const v = value[f.name]
      if (isZero(f.kind, v)) return
      putUint(w.body, i - last)
      last = i
      this.writeValue(w, f.kind, v)
    })
    w.body.push(0)
  }

  private writeValue(w: BodyWriter, kind: GobFieldType, v: unknown): void {
    switch (kind) {
      case 'bool': putUint(w.body, v === true ? 1 : 0); return
      case 'int': putInt(w.body, (v ?? 0) as number | bigint); return
      case 'uint': putUint(w.body, (v ?? 0) as number | bigint); return
      case 'bytes': w.bytes((v ?? Buffer.alloc(0)) as Uint8Array); return
      case 'string': w.bytes(Buffer.from((v ?? '') as string, 'utf8')); return
    }
    if ('fields' in kind) {
      this.writeStruct(w, kind, v as Readonly<Record<string, unknown>>)
    } else if ('slice' in kind) {
      const items = v as readonly unknown[]
      putUint(w.body, items.length)
      // Elements are all sent, zero or not.
      for (const item of items) this.writeValue(w, kind.slice, item)
    } else {
      w.bytes(typeof v === 'string' ? Buffer.from(v, 'utf8') : v as Uint8Array)
    }
  }

  /** The body of the message that defines type `t` (a wireType with StructT, SliceT or BinaryMarshalerT set). */
  private definition(t: GobTypeSpec): number[] {
    const id = this.ids.get(t)!
    const b: number[] = []
    putInt(b, -id)
    const common = () => {
      b.push(1) // CommonType field 0: Name
      putBytes(b, Buffer.from(t.name, 'utf8'))
      b.push(1) // CommonType field 1: Id
      putInt(b, id)
      b.push(0) // end of CommonType
    }
    if ('fields' in t) {
      b.push(3) // wireType field 2: StructT
      b.push(1) // structType field 0: CommonType
      common()
      b.push(1) // structType field 1: Field
      putUint(b, t.fields.length)
      for (const f of t.fields) {
        b.push(1) // fieldType field 0: Name
        putBytes(b, Buffer.from(f.name, 'utf8'))
        b.push(1) // fieldType field 1: Id
        putInt(b, this.typeId(f.kind))
        b.push(0)
      }
      b.push(0) // end of structType
    } else if ('slice' in t) {
      b.push(2) // wireType field 1: SliceT
      b.push(1) // sliceType field 0: CommonType
      common()
      b.push(1) // sliceType field 1: Elem
      putInt(b, kindId[t.slice])
      b.push(0) // end of sliceType
    } else {
      b.push(6) // wireType field 5: BinaryMarshalerT
      b.push(1) // gobEncoderType field 0: CommonType
      common()
      b.push(0) // end of gobEncoderType
    }
    b.push(0) // end of wireType
    return b
  }
}
