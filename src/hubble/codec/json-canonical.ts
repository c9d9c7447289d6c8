/**
 * Is a saved `hubble observe -o jsonpb` line already exactly what `-o json|jsonpb` would print
 * for it? Then `--input-file` without filters can print the line as it is, without JSON.parse,
 * the conversion into the typed message and the encoder (src/hubble/printer/json.ts).
 *
 * The check is one pass over the line's characters, driven by the field tables (schema.ts), and
 * it accepts a line only when parseFlowJson + encodeFlowsResponseJson would reproduce it byte for
 * byte: a GetFlowsResponse holding a flow or a lost event; keys known and in strictly increasing
 * declaration order; no whitespace; no default value (`""`, `0`, `false`, an empty list, null)
 * where the encoder omits it; strings with exactly the escapes the encoder writes (`\"`, `\n`,
 * `\u0026`, …, never raw `<>&` or U+2028/9, never `\/` or `\u0041`); enums by their first name; integers in canonical decimal, 64-bit
 * ones quoted; timestamps as formatTimestamp prints them. Anything else (doubles, bytes, Any,
 * FieldMask, node status events, enum numbers, aliases, lowerCamel names, unknown fields, …) is
 * rejected, and the caller takes the full path, whose output and warnings are then the answer.
 */
import {formatTimestamp} from './json-encode.js'
import {JsonCodecError, parseTimestamp} from './json-parse.js'
import {enumNames, is64Bit, messages, TIMESTAMP, wrapperScalar, type FieldDescriptor} from './schema.js'

const enum Kind { Reject, String, Bool, Int32, Uint32, Int64, Uint64, Enum, Message, Timestamp }

interface FieldCheck {
  /** `"name":` as the line holds it */
  key: string
  /** position in the message's declaration order */
  index: number
  kind: Kind
  repeated: boolean
  /** a wrapper (BoolValue, …): its value is printed even when it is the default */
  always: boolean
  /** this field's oneof as a bit of the message's oneof mask; 0 when none */
  oneof: number
  message: MessageCheck | undefined
  /** canonical enum names → number */
  names: Map<string, number> | undefined
}

interface MessageCheck {
  fields: FieldCheck[]
  /** the fields by the first character of their name (ASCII), in declaration order */
  byFirst: FieldCheck[][]
}

const checks = new Map<string, MessageCheck>()

function messageCheck(type: string): MessageCheck {
  let check = checks.get(type)
  if (check) return check
  check = {fields: [], byFirst: []}
  checks.set(type, check)  // before the fields: message types can be recursive
  const oneofs: string[] = []
  for (const f of messages[type]!) {
    let oneof = 0
    if (f.oneof !== undefined) {
      if (!oneofs.includes(f.oneof)) oneofs.push(f.oneof)
      oneof = 1 << oneofs.indexOf(f.oneof)
    }
    const key = `"${f.name}":`
    const {kind, always, message, names} = oneofs.length > 30 ? {kind: Kind.Reject, always: false} : valueCheck(f)  // the mask has 30 bits
    // One object shape for every field keeps the scan's property reads monomorphic.
    check.fields.push({key, index: check.fields.length, kind, repeated: f.repeated, always, oneof, message, names})
  }
  indexFields(check)
  return check
}

function valueCheck(f: FieldDescriptor): {kind: Kind, always: boolean, message?: MessageCheck, names?: Map<string, number>} {
  if (f.kind === 'enum') {
    const names = new Map<string, number>()
    for (const [n, name] of Object.entries(enumNames[f.type] ?? {})) names.set(name, Number(n))
    return {kind: Kind.Enum, always: false, names}
  }
  if (f.kind === 'message') {
    const wrapped = wrapperScalar[f.type]
    if (wrapped) return {kind: scalarKind(wrapped), always: true}
    if (f.type === TIMESTAMP) return {kind: Kind.Timestamp, always: true}
    if (!messages[f.type] || f.type.startsWith('google.protobuf.')) return {kind: Kind.Reject, always: false}
    return {kind: Kind.Message, always: true, message: messageCheck(f.type)}
  }
  return {kind: scalarKind(f.type), always: false}
}

function scalarKind(type: string): Kind {
  if (type === 'string') return Kind.String
  if (type === 'bool') return Kind.Bool
  if (type === 'int32' || type === 'sint32' || type === 'sfixed32') return Kind.Int32
  if (type === 'uint32' || type === 'fixed32') return Kind.Uint32
  if (is64Bit(type)) return type === 'uint64' || type === 'fixed64' ? Kind.Uint64 : Kind.Int64
  return Kind.Reject  // double, float, bytes: rare, and their canonical text is not worth checking here
}

function indexFields(check: MessageCheck): void {
  check.byFirst = Array.from({length: 128}, () => [])
  for (const f of check.fields) check.byFirst[f.key.charCodeAt(1) & 127]!.push(f)
}

// The top level: a flow or a lost event (what JsonPrinter prints to stdout), never a node status.
let responseCheck: MessageCheck | undefined
function topLevel(): MessageCheck {
  if (!responseCheck) {
    const fields = messageCheck('observer.GetFlowsResponse').fields
    responseCheck = {fields: fields.map((f) => f.key === '"node_status":' ? {...f, kind: Kind.Reject, message: undefined} : f), byFirst: []}
    indexFields(responseCheck)
  }
  return responseCheck
}

// Up to 15 digits: what Number() reads exactly; longer 64-bit values take the full path.
const max64 = 999_999_999_999_999
const QUOTE = 0x22
const COMMA = 0x2c
const COLON = 0x3a
const MINUS = 0x2d
const ZERO = 0x30
const NINE = 0x39
const BACKSLASH = 0x5c
const OPEN_BRACKET = 0x5b
const CLOSE_BRACKET = 0x5d
const OPEN_BRACE = 0x7b
const CLOSE_BRACE = 0x7d

// What the encoder never writes raw, anywhere in a line: control characters, <>&, U+2028/9; and
// surrogates (a pair would be kept, but is rare enough to take the full path).
// eslint-disable-next-line no-control-regex
const rawForbidden = /[\u0000-\u001f<>&\u2028\u2029\ud800-\udfff]/
// The position of the line's next backslash (Infinity when none): strings before it need no escape check.
let nextBackslash = Infinity

/** True when `line` is a GetFlowsResponse line the JSON printer would print exactly as it is. */
export function isCanonicalFlowsResponseJson(line: string): boolean {
  if (!line.startsWith('{"flow":{') && !line.startsWith('{"lost_events":{')) return false
  if (rawForbidden.test(line)) return false
  const bs = line.indexOf('\\')
  nextBackslash = bs < 0 ? Infinity : bs
  return message(line, 0, topLevel()) === line.length
}

// Each check takes the position of a value and returns the position after it, or -1.

function message(s: string, pos: number, check: MessageCheck): number {
  if (s.charCodeAt(pos) !== OPEN_BRACE) return -1
  pos++
  if (s.charCodeAt(pos) === CLOSE_BRACE) return pos + 1
  const byFirst = check.byFirst
  let next = 0
  let oneofs = 0
  for (;;) {
    if (s.charCodeAt(pos) !== QUOTE) return -1
    // The field is the first one after the previous key's whose `"name":` is here (declaration
    // order, each key once); field names hold no escapes.
    const candidates = byFirst[s.charCodeAt(pos + 1) & 127]!
    let f: FieldCheck | undefined
    for (let j = 0; j < candidates.length; j++) {
      const c = candidates[j]!
      if (c.index >= next && sameKey(s, pos, c.key)) {
        f = c
        break
      }
    }
    if (f === undefined) return -1
    next = f.index + 1
    if (f.oneof !== 0) {
      if ((oneofs & f.oneof) !== 0) return -1
      oneofs |= f.oneof
    }
    pos += f.key.length
    pos = f.repeated ? list(s, pos, f) : value(s, pos, f, f.always)
    if (pos < 0) return -1
    const c = s.charCodeAt(pos)
    if (c === COMMA) pos++
    else if (c === CLOSE_BRACE) return pos + 1
    else return -1
  }
}

// s.startsWith(key, pos), without the builtin's cost per call (keys are short; measured): the
// closing quote and colon first, then the name's characters after the first one (the caller's match).
function sameKey(s: string, pos: number, key: string): boolean {
  const n = key.length
  if (s.charCodeAt(pos + n - 1) !== COLON || s.charCodeAt(pos + n - 2) !== QUOTE) return false
  for (let k = n - 3; k > 0; k--) if (s.charCodeAt(pos + k) !== key.charCodeAt(k)) return false
  return true
}

function list(s: string, pos: number, f: FieldCheck): number {
  if (s.charCodeAt(pos) !== OPEN_BRACKET || s.charCodeAt(pos + 1) === CLOSE_BRACKET) return -1
  pos++
  for (;;) {
    pos = value(s, pos, f, true)
    if (pos < 0) return -1
    const c = s.charCodeAt(pos)
    if (c === COMMA) pos++
    else if (c === CLOSE_BRACKET) return pos + 1
    else return -1
  }
}

/** `always`: the encoder prints this value even when it is the default (list elements, wrappers). */
function value(s: string, pos: number, f: FieldCheck, always: boolean): number {
  switch (f.kind) {
    case Kind.String: return string(s, pos, always)
    case Kind.Bool:
      if (s.startsWith('true', pos)) return pos + 4
      return always && s.startsWith('false', pos) ? pos + 5 : -1
    case Kind.Int32: return integer(s, pos, always, -0x80000000, 0x7fffffff)
    case Kind.Uint32: return integer(s, pos, always, 0, 0xffffffff)
    case Kind.Int64: case Kind.Uint64: {
      if (s.charCodeAt(pos) !== QUOTE) return -1
      const end = integer(s, pos + 1, always, f.kind === Kind.Int64 ? -max64 : 0, max64)
      return end > 0 && s.charCodeAt(end) === QUOTE ? end + 1 : -1
    }
    case Kind.Enum: {
      if (s.charCodeAt(pos) !== QUOTE) return -1
      const end = s.indexOf('"', pos + 1)
      if (end > nextBackslash) return -1  // an escape in a name
      const n = f.names!.get(s.slice(pos + 1, end))
      return n === undefined || (n === 0 && !always) ? -1 : end + 1
    }
    case Kind.Message: return message(s, pos, f.message!)
    case Kind.Timestamp: return timestamp(s, pos)
    default: return -1
  }
}

/** A string as the encoder writes it (its raw characters are checked for the whole line); `always` admits "". */
function string(s: string, pos: number, always: boolean): number {
  if (s.charCodeAt(pos) !== QUOTE) return -1
  let end = s.indexOf('"', pos + 1)
  if (end > nextBackslash) {
    // Escapes: a `\"` does not end the string.
    for (end = pos + 1; end < s.length; end++) {
      const c = s.charCodeAt(end)
      if (c === QUOTE) break
      if (c === BACKSLASH && (end = escape(s, end)) < 0) return -1
    }
    const bs = s.indexOf('\\', end)
    nextBackslash = bs < 0 ? Infinity : bs
  }
  if (end < 0 || end >= s.length) return -1
  return end > pos + 1 || always ? end + 1 : -1
}

/**
 * An escape JSON.stringify writes (\" \\ \b \f \n \r \t, \u00xx for other control characters)
 * or the encoder adds (\u003c \u003e \u0026 \u2028 \u2029); returns its last position, or -1.
 */
function escape(s: string, pos: number): number {
  const c = s.charCodeAt(pos + 1)
  if (c === QUOTE || c === BACKSLASH || c === 0x62 || c === 0x66 || c === 0x6e || c === 0x72 || c === 0x74) return pos + 1
  if (c !== 0x75) return -1  // \u
  const code = hex4(s, pos + 2)
  if (code < 0x20) return code === 0x08 || code === 0x09 || code === 0x0a || code === 0x0c || code === 0x0d || code < 0 ? -1 : pos + 5
  return code === 0x3c || code === 0x3e || code === 0x26 || code === 0x2028 || code === 0x2029 ? pos + 5 : -1
}

// Four lower-case hex digits (as both encoders write them), or -1.
function hex4(s: string, pos: number): number {
  let n = 0
  for (let k = 0; k < 4; k++) {
    const c = s.charCodeAt(pos + k)
    const d = c >= ZERO && c <= NINE ? c - ZERO : c >= 0x61 && c <= 0x66 ? c - 0x61 + 10 : -1
    if (d < 0) return -1
    n = n * 16 + d
  }
  return n
}

/** A decimal integer in [min, max] as String(n) prints it; 0 only with `always`. */
function integer(s: string, pos: number, always: boolean, min: number, max: number): number {
  let negative = false
  if (s.charCodeAt(pos) === MINUS) {
    if (min === 0) return -1
    negative = true
    pos++
  }
  let c = s.charCodeAt(pos)
  if (c === ZERO) {
    if (negative || !always) return -1
    c = s.charCodeAt(pos + 1)
    return c >= ZERO && c <= NINE ? -1 : pos + 1
  }
  if (!(c > ZERO && c <= NINE)) return -1
  let n = 0
  for (; c >= ZERO && c <= NINE; c = s.charCodeAt(++pos)) {
    n = n * 10 + (c - ZERO)
    if (n > max + 1) return -1  // also keeps n exact
  }
  return (negative ? -n >= min : n <= max) ? pos : -1
}

/** A timestamp exactly as formatTimestamp prints the one parseTimestamp reads from it. */
function timestamp(s: string, pos: number): number {
  if (s.charCodeAt(pos) !== QUOTE) return -1
  // Saved flows come in time order: most share the second of the last one checked, and then only
  // the fraction is left: none, or 3, 6 or 9 digits whose last three are not all zero.
  if (s.startsWith(checkedSecond, pos + 1)) {
    let end = pos + 20
    if (s.charCodeAt(end) === 0x2e) {  // '.'
      let digits = 0
      for (let c = s.charCodeAt(++end); c >= ZERO && c <= NINE; c = s.charCodeAt(++end)) digits++
      if ((digits !== 3 && digits !== 6 && digits !== 9) || s.startsWith('000', end - 3)) return -1
    }
    return s.charCodeAt(end) === 0x5a && s.charCodeAt(end + 1) === QUOTE ? end + 2 : -1  // 'Z"'
  }
  const end = s.indexOf('"', pos + 1)
  if (end < 0) return -1
  const text = s.slice(pos + 1, end)
  try {
    const {seconds, nanos} = parseTimestamp(text)
    if (formatTimestamp(seconds, nanos) !== text) return -1
    checkedSecond = text.slice(0, 19)
    return end + 1
  } catch (e) {
    if (e instanceof JsonCodecError) return -1
    throw e
  }
}
// "YYYY-MM-DDTHH:MM:SS" of the last timestamp found canonical.
let checkedSecond = '\0'
