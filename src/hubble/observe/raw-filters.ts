/**
 * `--allowlist` / `--denylist` (and `allowlist:`/`denylist:` in the config, HUBBLE_ALLOWLIST):
 * each value holds one or more concatenated JSON FlowFilters, read as the real CLI reads
 * them (Go's json.Decoder, then protojson) and printed back by --print-raw-filters.
 */
import {encodeJson, fromJsonValue, JsonCodecError} from '../codec/index.js'
import {ValidationError} from '../../errors.js'
import type {flow} from '../proto/index.js'

class JsonSyntax extends Error {}

const quoteChar = (c: string): string => (c === "'" ? "'\\''" : `'${c}'`)

/**
 * Splits concatenated JSON values the way Go's json.Decoder reads them, with its
 * messages for the first syntax error (`invalid character 'b' looking for beginning of
 * object key string`, `unexpected EOF`).
 */
function splitJsonValues(text: string): string[] {
  const values: string[] = []
  let i = 0
  const ws = (): void => { while (i < text.length && ' \t\r\n'.includes(text[i])) i++ }
  const eof = (): never => { throw new JsonSyntax('unexpected EOF') }
  const bad = (what: string): never => { throw new JsonSyntax(`invalid character ${quoteChar(text[i])} ${what}`) }
  const str = (): void => {
    i++
    while (i < text.length && text[i] !== '"') i += text[i] === '\\' ? 2 : 1
    if (i >= text.length) eof()
    i++
  }
  const value = (): void => {
    ws()
    if (i >= text.length) eof()
    const c = text[i]
    if (c === '{') {
      i++
      ws()
      if (text[i] === '}') { i++; return }
      for (;;) {
        ws()
        if (i >= text.length) eof()
        if (text[i] !== '"') bad('looking for beginning of object key string')
        str()
        ws()
        if (i >= text.length) eof()
        if (text[i] !== ':') bad('after object key')
        i++
        value()
        ws()
        if (i >= text.length) eof()
        if (text[i] === ',') { i++; continue }
        if (text[i] === '}') { i++; return }
        bad('after object key:value pair')
      }
    }
    if (c === '[') {
      i++
      ws()
      if (text[i] === ']') { i++; return }
      for (;;) {
        value()
        ws()
        if (i >= text.length) eof()
        if (text[i] === ',') { i++; continue }
        if (text[i] === ']') { i++; return }
        bad('after array element')
      }
    }
    if (c === '"') return str()
    const lit = /^(true|false|null|-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?)/.exec(text.slice(i))
    if (lit) { i += lit[0].length; return }
    bad('looking for beginning of value')
  }
  for (;;) {
    ws()
    if (i >= text.length) return values
    const start = i
    value()
    values.push(text.slice(start, i))
  }
}

/** protojson names where an unknown field's key starts: `(line 1:2): `. */
function position(text: string, message: string): string {
  const key = /^unknown field (".*")$/.exec(message)?.[1]
  const at = key === undefined ? -1 : text.indexOf(key)
  if (at < 0) return ''
  const before = text.slice(0, at)
  return `(line ${before.split('\n').length}:${at - before.lastIndexOf('\n')}): `
}

/** Parses the values of one raw-filter flag; throws `invalid --<flag> flag: failed to decode '<v>': <why>`. */
export function parseRawFilters(flag: 'allowlist' | 'denylist', values: readonly string[]): flow.IFlowFilter[] {
  const filters: flow.IFlowFilter[] = []
  for (const v of values) {
    try {
      for (const json of splitJsonValues(v)) {
        filters.push(fromJsonValue('flow.FlowFilter', JSON.parse(json)) as flow.IFlowFilter)
      }
    } catch (error) {
      if (!(error instanceof JsonSyntax) && !(error instanceof JsonCodecError)) throw error
      const why = error instanceof JsonCodecError ? `proto: ${position(v, error.message)}${error.message}` : error.message
      throw new ValidationError(`invalid --${flag} flag: failed to decode '${v}': ${why}`)
    }
  }
  return filters
}

/** YAML single-quoted scalar, as yaml.v3 writes a JSON string. */
const yamlQuote = (s: string): string => `'${s.replaceAll("'", "''")}'`

/** `--print-raw-filters`: the filters as the YAML a config file takes (yaml.v3 layout). */
export function formatRawFilters(allow: flow.IFlowFilter[], deny: flow.IFlowFilter[]): string {
  let out = ''
  if (allow.length > 0) out += 'allowlist:\n' + allow.map((f) => `    - ${yamlQuote(encodeJson('flow.FlowFilter', f))}\n`).join('')
  if (deny.length > 0) out += 'denylist:\n' + deny.map((f) => `    - ${yamlQuote(encodeJson('flow.FlowFilter', f))}\n`).join('')
  return out === '' ? '{}\n' : out
}
