/**
 * Reads Hubble's JSON (a `hubble observe -o jsonpb` line, a FlowFilter from --allowlist, …) into
 * the in-memory messages of src/hubble/proto: proto names and lowerCamel names both accepted,
 * enums by name or number, 64-bit integers as strings or numbers, wrappers as bare values,
 * RFC 3339 timestamps. Invalid input throws a JsonCodecError whose text follows protojson's
 * (`syntax error (line 1:1): invalid value this`, `unexpected EOF`, `unknown field "x"`).
 */
import {Long, type Int64} from '../proto/index.js'
import {ANY, enums, FIELD_MASK, is64Bit, messages, TIMESTAMP, wrapperScalar, type FieldDescriptor} from './schema.js'

type Message = Record<string, unknown>

/** Input that is not valid Hubble JSON; `message` is protojson's wording (without "proto: "). */
export class JsonCodecError extends Error {
  /** the key whose token the error is about, for a position in the line (protojson's "(line 1:C): ") */
  constructor(message: string, readonly key?: string) {
    super(message)
    this.name = 'JsonCodecError'
  }
}

/** How unknown fields are met: collected (and dropped) or an error, as protojson's DiscardUnknown. */
export interface ParseOptions {
  discardUnknown?: boolean
  /** receives the first unknown field of the input, as protojson would report it */
  onUnknown?: (field: string) => void
}

type Parser = (v: unknown, opts: ParseOptions) => unknown
const parsers = new Map<string, Parser>()

/** Parses an already JSON.parse'd value as message `type` (full name, e.g. "flow.FlowFilter"). */
export function fromJsonValue(type: string, value: unknown, opts: ParseOptions = {}): Message {
  return parserFor(type)(value, opts) as Message
}

function parserFor(type: string): Parser {
  let p = parsers.get(type)
  if (!p) {
    p = compile(type)
    parsers.set(type, p)
  }
  return p
}

function compile(type: string): Parser {
  const wrapped = wrapperScalar[type]
  if (wrapped) return (v) => ({value: scalar(wrapped, v)})
  if (type === TIMESTAMP) return (v) => parseTimestamp(v)
  if (type === FIELD_MASK) return (v) => parseFieldMask(v)
  if (type === ANY) return (v) => {
    throw new JsonCodecError(`unable to resolve ${JSON.stringify((v as Message | null)?.['@type'] ?? '')}: not supported`)
  }
  const fields = messages[type]
  if (!fields) throw new Error(`unknown message type ${type}`)
  const byKey = new Map<string, FieldDescriptor>()
  for (const f of fields) {
    byKey.set(f.name, f)
    byKey.set(f.json, f)
  }
  // Straight-line code, as the encoder's: one switch case per key (proto and lowerCamel name),
  // each converting its value with the checks of its type inline, instead of a Map lookup and
  // generic conversion per field.
  let body = 'return function(v,opts){if(v===null||typeof v!=="object"||Array.isArray(v))throw h.unexpected(v,T);const m={};let oneofs=0;for(const key in v){const x=v[key];switch(key){\n'
  const subs: string[] = []
  // protojson refuses a second member of a oneof (a null one counts as absent).
  const oneofBits = new Map<string, number>()
  for (const f of fields) if (f.oneof !== undefined && !oneofBits.has(f.oneof)) oneofBits.set(f.oneof, 1 << oneofBits.size)
  for (const f of fields) {
    const keys = [...byKey].filter(([, g]) => g === f).map(([k]) => `case ${JSON.stringify(k)}:`).join('')
    if (keys === '') continue
    let convert: string
    if (f.repeated) {
      convert = `{if(!Array.isArray(x))throw h.unexpected(x,${JSON.stringify(f.type)});const a=new Array(x.length);for(let i=0;i<x.length;i++){const e=x[i];a[i]=${singleCode(f, 'e', subs)}}m[${JSON.stringify(f.member)}]=a}`
    } else {
      convert = `m[${JSON.stringify(f.member)}]=${singleCode(f, 'x', subs)}`
    }
    // protojson: null means absent (for everything but Value)
    const bit = f.oneof === undefined ? 0 : oneofBits.get(f.oneof)!
    const once = bit === 0 ? '' : `if(oneofs&${bit})throw h.oneofSet(key,${JSON.stringify(`${type}.${snakeCase(f.oneof!)}`)});oneofs|=${bit};`
    body += `${keys}if(x!==null){${once}${convert}}continue\n`
  }
  body += 'default:h.unknown(key,opts)}}return m}'
  const lets = subs.map((_, i) => `let p${i};`).join('')
  return new Function('h', 'T', lets + body)(helpers, type) as Parser
}

// The code converting `x` as one value of field f; nested message types are resolved on first use.
function singleCode(f: FieldDescriptor, x: string, subs: string[]): string {
  const t = JSON.stringify(f.type)
  if (f.kind === 'message') {
    subs.push(f.type)
    const p = `p${subs.length - 1}`
    return `(${p}??=h.parserFor(${t}))(${x},opts)`
  }
  if (f.kind === 'enum') return `h.enumValue(${t},${x})`
  switch (f.type) {
    case 'string': return `(typeof ${x}==="string"?${x}:h.scalar(${t},${x}))`
    case 'bool': return `(typeof ${x}==="boolean"?${x}:h.scalar(${t},${x}))`
    case 'int32': case 'sint32': case 'sfixed32': return `(typeof ${x}==="number"&&(${x}|0)===${x}?${x}:h.scalar(${t},${x}))`
    case 'uint32': case 'fixed32': return `(typeof ${x}==="number"&&${x}>>>0===${x}?${x}:h.scalar(${t},${x}))`
    default: return `h.scalar(${t},${x})`
  }
}

const helpers = {
  unexpected: (v: unknown, type: string) => unexpected(v, type),
  unknown: (key: string, opts: ParseOptions): void => {
    if (!opts.discardUnknown) throw new JsonCodecError(`unknown field ${JSON.stringify(key)}`)
    opts.onUnknown?.(key)
  },
  parserFor: (type: string) => parserFor(type),
  enumValue: (type: string, v: unknown) => enumValue(type, v),
  scalar: (type: string, v: unknown) => scalar(type, v),
  oneofSet: (key: string, oneof: string) => new JsonCodecError(`error parsing ${JSON.stringify(key)}, oneof ${oneof} is already set`, key),
}

// The proto name of a oneof from its member name (responseTypes -> response_types).
const snakeCase = (member: string): string => member.replace(/[A-Z]/g, (c) => '_' + c.toLowerCase())

function enumValue(type: string, v: unknown): number {
  if (typeof v === 'string') {
    const values = enums[type]
    const n = values && Object.hasOwn(values, v) ? values[v] : undefined  // not "toString"
    if (n === undefined) throw new JsonCodecError(`invalid value for enum field: ${JSON.stringify(v)}`)
    return n
  }
  if (typeof v === 'number' && Number.isInteger(v) && v >= -0x80000000 && v <= 0x7fffffff) return v
  throw new JsonCodecError(`invalid value for enum field: ${String(JSON.stringify(v))}`)
}

const integer = /^-?(0|[1-9]\d*)$/

function scalar(type: string, v: unknown): unknown {
  switch (type) {
    case 'string':
      if (typeof v === 'string') return v
      break
    case 'bool':
      if (typeof v === 'boolean') return v
      break
    case 'double': case 'float':
      if (typeof v === 'number') return v
      if (v === 'NaN') return NaN
      if (v === 'Infinity') return Infinity
      if (v === '-Infinity') return -Infinity
      if (typeof v === 'string' && v.trim() !== '' && Number.isFinite(Number(v))) return Number(v)
      break
    case 'bytes':
      if (typeof v === 'string') return Buffer.from(v, 'base64')
      break
    default: {
      const n = int(type, v)
      if (n !== undefined) return n
    }
  }
  throw new JsonCodecError(`invalid value for ${type} field: ${String(JSON.stringify(v))}`)
}

// Integers arrive as numbers or (64-bit always, 32-bit optionally) decimal strings.
function int(type: string, v: unknown): Int64 | undefined {
  const unsigned = type.startsWith('u') || type === 'fixed32' || type === 'fixed64'
  if (is64Bit(type)) {
    if (typeof v === 'number') return Number.isSafeInteger(v) && (!unsigned || v >= 0) ? v : undefined
    if (typeof v !== 'string' || !integer.test(v) || (unsigned && v.startsWith('-'))) return undefined
    const n = Number(v)
    if (Number.isSafeInteger(n)) return n
    const long = Long.fromString(v, unsigned)
    return long.toString() === v ? long : undefined  // out of 64-bit range
  }
  const n = typeof v === 'number' ? v : typeof v === 'string' && integer.test(v) ? Number(v) : NaN
  if (!Number.isInteger(n)) return undefined
  const [min, max] = unsigned ? [0, 0xffffffff] : [-0x80000000, 0x7fffffff]
  return n >= min && n <= max ? n : undefined
}

const rfc3339 = /^(\d{4})-(\d{2})-(\d{2})[Tt](\d{2}):(\d{2}):(\d{2})(?:\.(\d{1,9}))?(?:([Zz])|([+-])(\d{2}):(\d{2}))$/

/** An RFC 3339 string as a Timestamp message ({seconds, nanos}), as protojson accepts it. */
export function parseTimestamp(v: unknown): {seconds: number, nanos: number} {
  // Saved flows come in time order, two timestamps a line: most share the last one's second.
  if (typeof v === 'string' && lastUtcSecond !== '' && v.startsWith(lastUtcSecond)) {
    const nanos = utcFraction(v)
    if (nanos >= 0) return {seconds: lastUtcSeconds, nanos}
  }
  const m = typeof v === 'string' ? rfc3339.exec(v) : null
  if (!m) throw new JsonCodecError(`invalid google.protobuf.Timestamp value ${String(JSON.stringify(v))}`)
  const [, y, mo, d, h, mi, s, frac, , sign, oh, om] = m
  const date = new Date(0)
  date.setUTCFullYear(+y!, +mo! - 1, +d!)  // setUTCFullYear, unlike Date.UTC, keeps years 0-99
  date.setUTCHours(+h!, +mi!, +s!, 0)
  const seconds = date.getTime() / 1000 - (sign ? (sign === '-' ? -1 : 1) * (+oh! * 3600 + +om! * 60) : 0)
  // Go's time.Parse refuses a field out of its range (Feb 30, hour 24, second 60, offset hour 25)
  // where Date rolls it over, and protojson a time outside 0001-01-01 .. 9999-12-31.
  if (date.getUTCDate() !== +d! || date.getUTCMonth() !== +mo! - 1 || +h! > 23 || +mi! > 59 || +s! > 59
    || (sign && (+oh! > 24 || +om! > 60)) || seconds < minTimestampSeconds || seconds > maxTimestampSeconds) {
    throw new JsonCodecError(`invalid google.protobuf.Timestamp value ${JSON.stringify(v)}`)
  }
  if (!sign) {
    lastUtcSecond = (v as string).slice(0, 19)
    lastUtcSeconds = seconds
  }
  return {seconds, nanos: frac ? Number(frac.padEnd(9, '0')) : 0}
}
// 0001-01-01T00:00:00Z and 9999-12-31T23:59:59Z, the range protojson accepts.
const minTimestampSeconds = -62135596800
const maxTimestampSeconds = 253402300799
// "YYYY-MM-DDTHH:MM:SS" of the last UTC timestamp parsed, and its seconds since the epoch.
let lastUtcSecond = ''
let lastUtcSeconds = 0

// The nanoseconds of what follows "YYYY-MM-DDTHH:MM:SS": `(\.\d{1,9})?[Zz]` and nothing more; else -1.
function utcFraction(v: string): number {
  let i = 19
  let nanos = 0
  if (v.charCodeAt(i) === 0x2e) {  // '.'
    for (let c = v.charCodeAt(++i); c >= 0x30 && c <= 0x39 && i < 29; c = v.charCodeAt(++i)) nanos = nanos * 10 + c - 0x30
    const digits = i - 20
    if (digits === 0) return -1
    nanos *= 10 ** (9 - digits)
  }
  const z = v.charCodeAt(i)
  return (z === 0x5a || z === 0x7a) && i + 1 === v.length ? nanos : -1
}

function parseFieldMask(v: unknown): {paths: string[]} {
  if (typeof v !== 'string') throw new JsonCodecError(`invalid google.protobuf.FieldMask value ${String(JSON.stringify(v))}`)
  return {paths: v === '' ? [] : v.split(',').map((p) => p.replace(/[A-Z]/g, (c) => '_' + c.toLowerCase()))}
}

function unexpected(v: unknown, type: string): JsonCodecError {
  return new JsonCodecError(`unexpected token ${String(JSON.stringify(v))} for ${type}`)
}

/**
 * protojson's wording for a line that is not JSON at all, found by scanning to the first error
 * (only run after JSON.parse failed): "unexpected EOF" when the text just stops,
 * "syntax error (line 1:C): invalid value <word>" or "… unexpected token <tok>" otherwise.
 */
export function describeSyntaxError(text: string): string {
  let i = 0
  const ws = () => { while (i < text.length && ' \t\r\n'.includes(text[i]!)) i++ }
  const at = (pos: number) => {
    const before = text.slice(0, pos)
    const line = before.split('\n').length
    return `(line ${line}:${pos - (before.lastIndexOf('\n') + 1) + 1})`
  }
  class Stop { constructor(readonly msg: string) {} }
  const fail = (msg: string): never => { throw new Stop(msg) }
  const word = () => /^([-+._a-zA-Z0-9]{1,32}|.)/su.exec(text.slice(i))![0]
  const value = (): void => {
    ws()
    if (i >= text.length) fail('unexpected EOF')
    const c = text[i]!
    if (c === '{') {
      i++; ws()
      if (text[i] === '}') { i++; return }
      for (;;) {
        ws()
        if (i >= text.length) fail('unexpected EOF')
        if (text[i] !== '"') fail(`syntax error ${at(i)}: unexpected token ${word()}`)
        string(); ws()
        if (i >= text.length) fail('unexpected EOF')
        if (text[i] !== ':') fail(`syntax error ${at(i)}: unexpected token ${word()}`)
        i++; value(); ws()
        if (i >= text.length) fail('unexpected EOF')
        if (text[i] === ',') { i++; continue }
        if (text[i] === '}') { i++; return }
        fail(`syntax error ${at(i)}: unexpected token ${word()}`)
      }
    }
    if (c === '[') {
      i++; ws()
      if (text[i] === ']') { i++; return }
      for (;;) {
        value(); ws()
        if (i >= text.length) fail('unexpected EOF')
        if (text[i] === ',') { i++; continue }
        if (text[i] === ']') { i++; return }
        fail(`syntax error ${at(i)}: unexpected token ${word()}`)
      }
    }
    if (c === '"') return string()
    const lit = /^(true|false|null|-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?)(?![-+._a-zA-Z0-9])/.exec(text.slice(i))
    if (lit) { i += lit[0].length; return }
    if (c === '}' || c === ']' || c === ',' || c === ':') fail(`syntax error ${at(i)}: unexpected token ${c}`)
    fail(`syntax error ${at(i)}: invalid value ${word()}`)
  }
  const string = () => {
    // eslint-disable-next-line no-control-regex -- JSON forbids raw control characters in strings
    const m = /^"(?:[^"\\\u0000-\u001f]|\\["\\/bfnrt]|\\u[0-9a-fA-F]{4})*"/.exec(text.slice(i))
    if (m) { i += m[0].length; return }
    if (!text.slice(i + 1).includes('"')) fail('unexpected EOF')
    fail(`syntax error ${at(i)}: invalid escape code or control character in string`)
  }
  try {
    ws()
    if (i >= text.length) return `syntax error ${at(i)}: unexpected token `
    value(); ws()
    if (i < text.length) return `syntax error ${at(i)}: unexpected token ${word()}`
    return 'unexpected EOF'
  } catch (e) {
    if (e instanceof Stop) return e.msg
    throw e
  }
}
