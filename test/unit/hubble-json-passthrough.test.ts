/**
 * The pass-through of `hubble observe --input-file F -o json` (a saved line that already is the
 * printer's output is printed as it is) against the full path (JSON.parse, the typed message, the
 * encoder): for the recorded fixtures and thousands of seeded mutations of them, a line the
 * checker accepts is exactly what the full path prints for it, and observeFile prints the same
 * bytes and warnings with and without the pass-through.
 */
import assert from 'node:assert/strict'
import {readFileSync} from 'node:fs'
import {join} from 'node:path'
import {Writable} from 'node:stream'
import {test} from 'node:test'
import {repoRoot} from '../helpers/cli.js'
import {encodeFlowsResponseJson, isCanonicalFlowsResponseJson, jsonString, parseFlowJson, type FlowJsonWarning} from '../../src/hubble/codec/index.js'
import {enums, messages, wrapperScalar} from '../../src/hubble/codec/schema.js'
import {observeFile} from '../../src/hubble/observe/input-file.js'
import {createPrinter, type Printer} from '../../src/hubble/printer/index.js'
import type {Selector} from '../../src/hubble/observe/selectors.js'

const fixtures = ['sample-flows.jsonl', 'edge-flows.jsonl'].flatMap((name) =>
  readFileSync(join(repoRoot, 'test/fixtures/peers', name), 'utf8').split('\n').filter((l) => l !== ''))

/** What the full path prints for one line on its own: the JSON printer's stdout text and the warnings. */
function fullPath(line: string): {out: string, warnings: number} {
  const {response, warnings} = parseFlowJson(line)
  const out = response && (response.flow || response.lostEvents) ? encodeFlowsResponseJson(response) : ''
  return {out, warnings: warnings.length}
}

/** The invariant, one line: accepted means the full path prints the line itself, with no warning. */
function check(line: string, what: string): boolean {
  if (!isCanonicalFlowsResponseJson(line)) return false
  assert.deepStrictEqual(fullPath(line), {out: line + '\n', warnings: 0}, `${what}: accepted ${line}`)
  return true
}

// Seeded, so every run sees the same lines.
let seed = 20261124
const random = (): number => (seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 2 ** 32
const pick = <T>(xs: readonly T[]): T => xs[Math.floor(random() * xs.length)]!

/** A JSON text written as it is into a mutated line (1.0, -0, "\u0041", …). */
class Raw {
  constructor(readonly text: string) {}
}
type Json = string | number | boolean | null | Raw | Json[] | {[k: string]: Json}

// Serialized as the encoder would (strings through jsonString), so an unmutated value stays canonical.
function serialize(v: Json): string {
  if (v instanceof Raw) return v.text
  if (typeof v === 'string') return jsonString(v)
  if (Array.isArray(v)) return '[' + v.map(serialize).join(',') + ']'
  if (v !== null && typeof v === 'object') return '{' + Object.entries(v).map(([k, x]) => jsonString(k) + ':' + serialize(x)).join(',') + '}'
  return String(v)
}

interface Slot {
  obj: {[k: string]: Json}
  type: string
}

// Every object of a parsed line with its message type (wrappers and timestamps are values, not slots).
function slots(v: Json, type: string, out: Slot[]): Slot[] {
  const fields = messages[type]
  if (!fields || wrapperScalar[type] || v === null || typeof v !== 'object' || Array.isArray(v) || v instanceof Raw) return out
  out.push({obj: v, type})
  for (const f of fields) {
    const x = v[f.name]
    if (f.kind !== 'message' || x === undefined) continue
    for (const e of Array.isArray(x) ? x : [x]) slots(e, f.type, out)
  }
  return out
}

// Puts `key` into `obj` at its declaration position (or at the end when `anywhere`).
function setField(slot: Slot, key: string, value: Json, anywhere = false): void {
  const order = messages[slot.type]!.map((f) => f.name)
  const entries = Object.entries(slot.obj).filter(([k]) => k !== key)
  entries.push([key, value])
  if (!anywhere) entries.sort(([a], [b]) => (order.indexOf(a) + 1 || 1e9) - (order.indexOf(b) + 1 || 1e9))
  for (const k of Object.keys(slot.obj)) delete slot.obj[k]
  for (const [k, x] of entries) slot.obj[k] = x
}

const oddStrings = ['', 'plain', 'a<b', 'a>b', 'a&b', 'x\u2028y', 'x\u2029y', 'say "hi"', 'back\\slash', 'line\nbreak', 'tab\t',
  '\u0001ctl', '\u007f', 'é', '日本', '😀', 'a/b', '\b\f\r']
const oddRaw = ['"\\u0041"', '"a\\/b"', '"\\u003C"', '"\\u003c"', '"\\u0026"', '"\\u00e9"', '"\\ud83d\\ude00"', '"\\ud800"', '"\\uD800"',
  '"\\u001f"', '"\\u001F"', '"\\u0008"', '"\\b"', '"\\x"', '"\\u12"', '"a\\"', '"\\u2028"', '"\\\\"', '"\\""', '"\\u0022"']
const oddNumbers = ['0', '-0', '1', '1.0', '1e2', '-1', '"12"', '12', '4294967295', '4294967296', '2147483647', '2147483648',
  '-2147483648', '-2147483649', '007', '+5', '0.5', '"0"', '"-5"', '"123456789012345"', '"1234567890123456"', '"12345678901234567890"',
  '"18446744073709551615"', '"18446744073709551616"', '"-9223372036854775808"', '"05"', '" 5"', '1E2', 'null', 'true', '"NaN"']
const oddTimes = ['2023-05-10T12:00:01Z', '2023-05-10T12:00:01.5Z', '2023-05-10T12:00:01.500Z', '2023-05-10T12:00:01.500000Z',
  '2023-05-10T12:00:01.123400Z', '2023-05-10T12:00:01.1234Z', '2023-05-10T12:00:01.000Z', '2023-05-10T12:00:01.000000001Z',
  '2023-05-10T12:00:01.000001000Z', '2023-05-10T12:00:01.123456789Z', '2023-02-30T12:00:01Z', '2024-02-29T00:00:00Z',
  '2023-02-29T00:00:00Z', '2023-05-10t12:00:01Z', '2023-05-10T12:00:01z', '2023-05-10T12:00:01+01:00', '2023-05-10T12:00:01+00:00',
  '2023-05-10T24:00:00Z', '2023-05-10T23:59:60Z', '0000-01-01T00:00:00Z', '9999-12-31T23:59:59.999999999Z', '2023-13-01T00:00:00Z',
  '2023-05-10T12:00:01.1234567891Z', '2023-05-10 12:00:01Z', '2023-5-10T12:00:01Z', '2023-04-31T00:00:00Z', '2023-12-31T23:59:59Z']

const camel = (name: string): string => name.replace(/_([a-z0-9])/g, (_, c: string) => c.toUpperCase())

/** One random change of a parsed line, schema-aware. */
function mutateValue(root: {[k: string]: Json}): void {
  const all = slots(root, 'observer.GetFlowsResponse', [])
  const slot = pick(all)
  const fields = messages[slot.type]!
  const f = pick(fields)
  const present = Object.keys(slot.obj)
  switch (Math.floor(random() * 12)) {
    case 0: {  // two keys swapped
      if (present.length < 2) return
      const i = Math.floor(random() * (present.length - 1))
      const entries = Object.entries(slot.obj)
      ;[entries[i], entries[i + 1]] = [entries[i + 1]!, entries[i]!]
      for (const k of present) delete slot.obj[k]
      for (const [k, x] of entries) slot.obj[k] = x
      return
    }
    case 1: {  // a default or an empty value
      const defaults: Json[] = ['', 0, false, [], null, {}, new Raw('"0"'), new Raw('-0')]
      setField(slot, f.name, pick(defaults))
      return
    }
    case 2: {  // enums: number, alias, another name, a bad name
      const e = fields.filter((x) => x.kind === 'enum')
      if (e.length === 0) return
      const g = pick(e)
      const values = Object.entries(enums[g.type]!)
      const [name, n] = pick(values)
      const v: Json = [name, n, name.toLowerCase(), 'NO_SUCH_VALUE', new Raw(`"${n}"`)][Math.floor(random() * 5)]!
      setField(slot, g.name, g.repeated ? [v] : v)
      return
    }
    case 3: {  // the lowerCamel name
      const k = present.length > 0 ? pick(present) : f.name
      const x = slot.obj[k]
      if (x === undefined) return
      const entries = Object.entries(slot.obj).map(([key, val]): [string, Json] => [key === k ? camel(k) : key, val])
      for (const key of present) delete slot.obj[key]
      for (const [key, val] of entries) slot.obj[key] = val
      return
    }
    case 4:  // strings, canonical or not
      setField(slot, f.name, random() < 0.6 ? pick(oddStrings) : new Raw(pick(oddRaw)))
      return
    case 5:  // numbers in every spelling
      setField(slot, f.name, new Raw(pick(oddNumbers)))
      return
    case 6:  // timestamps
      setField(slot, f.name, pick(oddTimes))
      return
    case 7:  // an unknown field, in order or at the end
      setField(slot, pick(['some_future_field', 'zzz', 'Type', 'time']), 42, true)
      return
    case 8:  // a field removed
      if (present.length > 0) delete slot.obj[pick(present)]
      return
    case 9:  // lists: one element, an empty one, a null element
      setField(slot, f.name, pick<Json>([['x'], [], [null], [1], [{}], ['FORWARDED', 'DROPPED']]))
      return
    case 10:  // booleans
      setField(slot, f.name, pick<Json>([true, false, new Raw('"true"'), 1]))
      return
    default:  // nested messages in odd forms
      setField(slot, f.name, pick<Json>([{}, null, [], 'x', {value: 1}, {seconds: '1'}]))
  }
}

// Text-level changes: whitespace, truncation, a character changed, a duplicate, the other top levels.
function mutateText(line: string): string {
  const at = Math.floor(random() * line.length)
  switch (Math.floor(random() * 9)) {
    case 0: return line.slice(0, at) + pick([' ', '\t', '\r', '\n', '\u00a0']) + line.slice(at)
    case 1: return line.slice(0, at)
    case 2: return line.slice(0, at) + pick(['"', ',', ':', '{', '}', '[', ']', '\\', '0', 'a', '<', '\u2028', '\u0000']) + line.slice(at + 1)
    case 3: return line.slice(0, at) + line.slice(at + 1)
    case 4: {  // a key:value pair duplicated
      const m = /,("[a-z_]+":"[^"\\]*")/.exec(line.slice(at))
      return m ? line.slice(0, at + m.index) + ',' + m[1] + line.slice(at + m.index) : line
    }
    case 5: return line.replace(/^\{"flow":/, '{"node_status":')
    case 6: return line.replace(/^\{"flow":(.*),"node_name":.*$/, '$1')  // a bare (legacy) Flow
    case 7: return line.replace(/^\{"flow":\{\}?/, '{"flow":{},"lost_events":{')
    default: return line + pick(['', ' ', 'x', '}', '\r'])
  }
}

const bases = fixtures.map((line) => {
  try {
    return JSON.parse(line) as {[k: string]: Json}
  } catch {
    return undefined
  }
})

function mutants(count: number): string[] {
  const out: string[] = []
  for (let n = 0; n < count; n++) {
    const i = Math.floor(random() * fixtures.length)
    const base = bases[i]
    let line: string
    if (base === undefined || random() < 0.3) {
      line = fixtures[i]!
      // Start from the canonical form when there is one, so the text changes are what differs.
      const full = fullPath(line).out
      if (full !== '' && random() < 0.7) line = full.slice(0, -1)
      line = mutateText(line)
    } else {
      const copy = JSON.parse(JSON.stringify(base)) as {[k: string]: Json}
      for (let k = 1 + Math.floor(random() * 3); k > 0; k--) mutateValue(copy)
      line = serialize(copy)
    }
    out.push(line)
  }
  return out
}

test('json pass-through: the fixtures lines the full path prints unchanged are accepted, the others not', () => {
  let accepted = 0
  for (const [i, line] of fixtures.entries()) {
    const unchanged = fullPath(line).out === line + '\n' && fullPath(line).warnings === 0
    assert.equal(isCanonicalFlowsResponseJson(line), unchanged, `fixture ${i + 1}: ${line}`)
    if (unchanged) accepted++
    // The full path's output for any line is canonical: printing it again prints it unchanged.
    const out = fullPath(line).out
    if (out !== '') assert.ok(check(out.slice(0, -1), `re-encoded fixture ${i + 1}`), `re-encoded fixture ${i + 1} rejected: ${out}`)
  }
  assert.ok(accepted >= 10, `only ${accepted} fixture lines accepted`)
})

test('json pass-through: 6,000 seeded mutations: what is accepted is what the full path prints', () => {
  let accepted = 0
  const lines = mutants(6000)
  for (const [i, line] of lines.entries()) if (check(line, `mutant ${i}`)) accepted++
  // Many mutations keep a line canonical (a field removed, another enum name, a valid time): those
  // must pass, or the pass-through would be correct only by never taking a line.
  assert.ok(accepted > 400, `only ${accepted} of ${lines.length} mutated lines accepted`)
  assert.ok(accepted < lines.length - 2000, `${accepted} of ${lines.length} mutated lines accepted`)
})

// observeFile with and without the pass-through (a printer without writeRaw takes the full path).
async function observe(lines: string[], selector: Partial<Selector>, passThrough: boolean): Promise<{out: string, warnings: FlowJsonWarning[]}> {
  let out = ''
  const stream = new Writable({write(chunk: Buffer, _enc, done) { out += chunk.toString(); done() }})
  const printer = createPrinter({mode: 'json', out: stream, err: stream})
  const used: Printer = passThrough ? printer : {write: (r) => printer.write(r), close: () => printer.close()}
  const warnings: FlowJsonWarning[] = []
  async function* input(): AsyncGenerator<string> {
    // Chunks that cut lines in odd places, as a file read does.
    const text = lines.join('\n')
    for (let i = 0; i < text.length; i += 4093) yield text.slice(i, i + 4093)
  }
  const sel: Selector = {number: 0xffffffffffffffffn, first: false, follow: false, ...selector}
  await observeFile(input(), {selector: sel, allow: [], deny: []}, used, (w) => warnings.push(w))
  await used.close()
  return {out, warnings}
}

test('json pass-through: observeFile prints the same bytes and warnings with and without it (all, --first, --last)', async () => {
  seed = 77
  const lines = [...fixtures, ...mutants(3000)].filter((l) => !l.includes('\n'))
  const all = {number: 0xffffffffffffffffn, first: false}
  for (const selector of [all, {number: 500n, first: true}, {number: 700n, first: false}]) {
    const fast = await observe(lines, selector, true)
    const full = await observe(lines, selector, false)
    assert.equal(fast.out, full.out, `selector ${String(selector.number)}`)
    assert.deepStrictEqual(fast.warnings, full.warnings)
  }
  const fast = await observe(lines, all, true)
  assert.ok(fast.out.length > 100_000, 'printed something')
})
