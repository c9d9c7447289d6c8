/**
 * Hubble's JSON: what `hubble observe -o json|jsonpb`, `status -o json` and `list nodes -o json`
 * print. That is protojson with UseProtoNames, re-compacted by Go's encoding/json (hubble.md §2.1):
 * proto field names in declaration order, defaults omitted, 64-bit integers as strings, enums by
 * name, wrappers as bare values, RFC 3339 timestamps with 0/3/6/9 fraction digits, and `&<>`
 * (plus U+2028/U+2029) escaped as \u00XX. It is not protobufjs's toObject or plain protojson.
 *
 * One encoder per message type is compiled from the field tables on first use: a flow is
 * printed by straight-line string concatenation, with no intermediate object.
 */
import {flow, google, grpc, observer, peer, relay} from '../proto/index.js'
import type {Int64} from '../proto/index.js'
import {ANY, enumNames, FIELD_MASK, is64Bit, messages, TIMESTAMP, wrapperScalar, type FieldDescriptor} from './schema.js'

type Encoder = (m: object) => string
type Message = Record<string, unknown>

const htmlRe = /[<>&\u2028\u2029]/g
const htmlEscapes: Record<string, string> = {'<': '\\u003c', '>': '\\u003e', '&': '\\u0026', '\u2028': '\\u2028', '\u2029': '\\u2029'}
const htmlEscape = (c: string): string => htmlEscapes[c]!
const htmlTest = /[<>&\u2028\u2029]/

/**
 * A JSON string as Go prints it: JSON.stringify already writes \b \f \n \r \t and \u00XX
 * (lower-case hex) like protojson; Go's encoder then escapes HTML characters and U+2028/9.
 */
export function jsonString(s: string): string {
  // Most strings (names, labels, IPs) need no escape at all: one test instead of a stringify.
  if (!escapeTest.test(s)) return '"' + s + '"'
  const q = JSON.stringify(s)
  return htmlTest.test(q) ? q.replace(htmlRe, htmlEscape) : q
}
// Anything JSON.stringify or the HTML escaping would change (surrogates: lone ones become \udXXX).
// eslint-disable-next-line no-control-regex
const escapeTest = /["\\\u0000-\u001f<>&\u2028\u2029\ud800-\udfff]/

// Go prints a double with the shortest repr, 'e' form below 1e-6 and from 1e21 — as JS does;
// only NaN and the infinities differ (protojson quotes them).
function jsonDouble(n: number): string {
  if (Number.isFinite(n)) return String(n)
  return Number.isNaN(n) ? '"NaN"' : n > 0 ? '"Infinity"' : '"-Infinity"'
}

const isZero64 = (v: Int64 | string): boolean => typeof v === 'object' ? v.isZero() : Number(v) === 0

let lastSeconds = NaN
let lastPrefix = ''

/** RFC 3339 in UTC with 0, 3, 6 or 9 fraction digits, as protojson prints a Timestamp. */
export function formatTimestamp(seconds: Int64 | string, nanos: number): string {
  const s = typeof seconds === 'number' ? seconds : Number(seconds)
  if (s !== lastSeconds) {
    lastPrefix = new Date(s * 1000).toISOString().slice(0, 19)
    lastSeconds = s
  }
  if (!nanos) return lastPrefix + 'Z'
  if (nanos % 1_000_000 === 0) return `${lastPrefix}.${String(nanos / 1_000_000).padStart(3, '0')}Z`
  if (nanos % 1000 === 0) return `${lastPrefix}.${String(nanos / 1000).padStart(6, '0')}Z`
  return `${lastPrefix}.${String(nanos).padStart(9, '0')}Z`
}

function base64(v: Uint8Array | string): string {
  return typeof v === 'string' ? `"${v}"` : `"${Buffer.from(v.buffer, v.byteOffset, v.byteLength).toString('base64')}"`
}

// protoc's JSON name of one path segment (FieldMask prints lowerCamel paths).
const camelSegment = (s: string): string => s.replace(/_([a-z0-9])/g, (_, c: string) => c.toUpperCase())

const encoders = new Map<string, Encoder>()

/** The encoder of a message type (full name, e.g. "flow.Flow"); compiled once. */
export function encoderFor(type: string): Encoder {
  let enc = encoders.get(type)
  if (!enc) {
    enc = compile(type)
    encoders.set(type, enc)
  }
  return enc
}

/** Any message in Hubble's compact JSON, without a trailing newline. */
export function encodeJson(type: string, message: object): string {
  return encoderFor(type)(message)
}

/** One `hubble observe -o json|jsonpb` line: the whole GetFlowsResponse, with its "\n". */
export function encodeFlowsResponseJson(resp: observer.GetFlowsResponse.$Properties): string {
  return encodeFlowsResponse(resp) + '\n'
}
let encodeFlowsResponse: Encoder = (m) => (encodeFlowsResponse = encoderFor('observer.GetFlowsResponse'))(m)

/** HUBBLE_COMPAT=legacy-json-output: only the inner object of a response (a Flow, LostEvent, …). */
export function encodeLegacyResponseJson(resp: observer.GetFlowsResponse.$Properties): string {
  if (resp.flow) return encodeJson('flow.Flow', resp.flow) + '\n'
  if (resp.lostEvents) return encodeJson('flow.LostEvent', resp.lostEvents) + '\n'
  if (resp.nodeStatus) return encodeJson('relay.NodeStatusEvent', resp.nodeStatus) + '\n'
  return '{}\n'
}

function compile(type: string): Encoder {
  const fields = messages[type]
  if (!fields) throw new Error(`unknown message type ${type}`)
  const wrapped = wrapperScalar[type]
  if (wrapped) {
    const scalar = scalarCode(wrapped, 'v')
    return new Function('h', `return function(m){const v=m.value;return ${scalar.always}}`)(helpers) as Encoder
  }
  if (type === TIMESTAMP) return (m) => `"${formatTimestamp((m as Message).seconds as Int64 ?? 0, (m as Message).nanos as number ?? 0)}"`
  if (type === FIELD_MASK) return (m) => jsonString((((m as Message).paths as string[] | undefined) ?? []).map((p) => p.split('.').map(camelSegment).join('.')).join(','))
  if (type === ANY) return encodeAny

  // Straight-line code: for each field in declaration order, test for presence and append. Nested
  // encoders are closure variables resolved on first use, enum names tables of quoted names.
  const refs: Refs = {types: [], enums: []}
  let body = 'let s="{",c=false,v;\n'
  for (const f of fields) {
    const key = JSON.stringify(`"${f.name}":`)
    const append = (expr: string) => `s+=(c?",":"")+${key}+${expr};c=true;`
    body += `v=m[${JSON.stringify(f.member)}];`
    if (f.repeated) {
      body += `if(v!=null&&v.length>0){let a="[";for(let i=0;i<v.length;i++){const v_=v[i];if(i>0)a+=",";a+=${elementCode(f, 'v_', refs)};}${append('a+"]"')}}\n`
    } else if (f.kind === 'message') {
      body += `if(v!=null){${append(messageCode(f, 'v', refs))}}\n`
    } else {
      const {present, value} = singularCode(f, 'v', refs)
      body += `if(${present}){${append(value)}}\n`
    }
  }
  body += 'return s+"}";'
  const lets = refs.types.map((_, i) => `let e${i};`).join('')
  const names = refs.enums.map(quotedNames)
  return new Function('h', 'N', `${lets}return function(m){${body}}`)(helpers, names) as Encoder
}

// What an encoder's code refers to: nested message types (e0, e1, …), enum types (N[0], N[1], …).
interface Refs {
  types: string[]
  enums: string[]
}

function messageCode(f: FieldDescriptor, v: string, refs: Refs): string {
  refs.types.push(f.type)
  const e = `e${refs.types.length - 1}`
  return `(${e}??=h.enc(${JSON.stringify(f.type)}))(${v})`
}

function enumCode(f: FieldDescriptor, v: string, refs: Refs): string {
  let i = refs.enums.indexOf(f.type)
  if (i < 0) i = refs.enums.push(f.type) - 1
  return `(N[${i}][${v}]??String(${v}))`
}

// An enum's value names by number, quoted; a number without a name prints as the number.
const quotedNameTables = new Map<string, Record<number, string>>()
function quotedNames(type: string): Record<number, string> {
  let table = quotedNameTables.get(type)
  if (!table) {
    table = Object.create(null) as Record<number, string>
    for (const [n, name] of Object.entries(enumNames[type] ?? {})) table[Number(n)] = `"${name}"`
    quotedNameTables.set(type, table)
  }
  return table
}

const helpers = {
  str: jsonString, dbl: jsonDouble, b64: base64, zero64: isZero64,
  enc: encoderFor,
}

function elementCode(f: FieldDescriptor, v: string, refs: Refs): string {
  if (f.kind === 'message') return messageCode(f, v, refs)
  if (f.kind === 'enum') return enumCode(f, v, refs)
  return scalarCode(f.type, v).always
}

function singularCode(f: FieldDescriptor, v: string, refs: Refs): {present: string, value: string} {
  if (f.kind === 'enum') return {present: `${v}`, value: enumCode(f, v, refs)}
  const {present, always} = scalarCode(f.type, v)
  return {present, value: always}
}

// `present`: the value differs from the proto3 default; `always`: its JSON text.
function scalarCode(type: string, v: string): {present: string, always: string} {
  if (is64Bit(type)) return {present: `${v}!=null&&!h.zero64(${v})`, always: `'"'+String(${v}??0)+'"'`}
  switch (type) {
    case 'string': return {present: `${v}`, always: `h.str(${v}??"")`}
    case 'bool': return {present: `${v}===true`, always: `(${v}===true?"true":"false")`}
    case 'double': case 'float': return {present: `${v}`, always: `h.dbl(${v}??0)`}
    case 'bytes': return {present: `${v}!=null&&${v}.length>0`, always: `h.b64(${v}??"")`}
    default: return {present: `${v}`, always: `String(${v}??0)`}  // 32-bit integers
  }
}

// Types we can unpack from an Any, by full name (the static classes of the generated code).
let staticTypes: Map<string, {decode(b: Uint8Array): object}> | undefined
function staticType(name: string) {
  if (!staticTypes) {
    staticTypes = new Map()
    const walk = (ns: object, prefix: string) => {
      for (const [k, v] of Object.entries(ns)) {
        if (typeof v === 'function' && typeof (v as {decode?: unknown}).decode === 'function') {
          staticTypes!.set(prefix + k, v as {decode(b: Uint8Array): object})
        }
        if (v && (typeof v === 'object' || typeof v === 'function')) walk(v as object, `${prefix}${k}.`)
      }
    }
    walk({flow, google, grpc, observer, peer, relay}, '')
  }
  return staticTypes.get(name)
}

// protojson unpacks an Any into {"@type": url, ...fields} (special types under "value").
function encodeAny(m: object): string {
  const any = m as {typeUrl?: string, type_url?: string, value?: Uint8Array}
  const url = any.typeUrl ?? any.type_url ?? ''
  if (!url) return '{}'
  const name = url.slice(url.lastIndexOf('/') + 1)
  const T = staticType(name)
  if (!T || !messages[name]) return `{"@type":${jsonString(url)},"value":${base64(any.value ?? new Uint8Array())}}`
  const inner = encoderFor(name)(T.decode(any.value ?? new Uint8Array()))
  if (name === TIMESTAMP || name === FIELD_MASK || wrapperScalar[name] || name === ANY) {
    return `{"@type":${jsonString(url)},"value":${inner}}`
  }
  return inner === '{}' ? `{"@type":${jsonString(url)}}` : `{"@type":${jsonString(url)},${inner.slice(1)}`
}

/**
 * Re-indents compact JSON the way Go's json.MarshalIndent(v, "", "  ") lays it out
 * (`list nodes -o json`): escapes are kept as they are, empty objects and arrays stay `{}`/`[]`.
 */
export function indentJson(compact: string, indent = '  '): string {
  let out = ''
  let depth = 0
  for (let i = 0; i < compact.length; i++) {
    const c = compact[i]!
    if (c === '"') {
      let j = i + 1
      while (compact[j] !== '"') j += compact[j] === '\\' ? 2 : 1
      out += compact.slice(i, j + 1)
      i = j
    } else if (c === '{' || c === '[') {
      const close = c === '{' ? '}' : ']'
      if (compact[i + 1] === close) {
        out += c + close
        i++
      } else {
        depth++
        out += c + '\n' + indent.repeat(depth)
      }
    } else if (c === '}' || c === ']') {
      depth--
      out += '\n' + indent.repeat(depth) + c
    } else if (c === ',') {
      out += ',\n' + indent.repeat(depth)
    } else if (c === ':') {
      out += ': '
    } else {
      out += c
    }
  }
  return out
}
