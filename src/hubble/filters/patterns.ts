/**
 * The wildcard patterns of the FQDN and node-name filters. A pattern is trimmed,
 * loses one trailing dot and is lower-cased; `*` matches any run of `[-.0-9a-z]`
 * (dots included); the whole name must match. Error texts are the Hubble server's.
 * The regexps run on the linear engine: with a backtracking one, a client's
 * `*a*a*a*a*a*a*a*a*a*a` against a long name would take polynomial time.
 */
import {compileGoRegexp, type GoRegexp} from './go-regexp.js'

export class PatternError extends Error {}

// One DNS-ish name element: what an empty cluster or node part of a node-name pattern matches.
const fqdnElement = '(?:[-0-9_a-z]+(?:\\.[-0-9_a-z]+)*)'

function appendFqdnPattern(parts: string[], raw: string): void {
  let p = raw.trim()
  if (p.endsWith('.')) p = p.slice(0, -1)
  p = p.toLowerCase()
  if (p === '') throw new PatternError('empty pattern')
  if (p.endsWith('.')) throw new PatternError('multiple trailing dots in pattern')
  let out = ''
  for (const r of p) {
    if (r === '.') out += '\\.'
    else if (r === '*') out += '[-.0-9a-z]*'
    else if (r === '-' || r === '_' || (r >= '0' && r <= '9') || (r >= 'a' && r <= 'z')) out += r
    else throw new PatternError(`${goQuoteRune(r)}: invalid rune in pattern`)
  }
  parts.push(out)
}

// Go's %q of a rune: 'x', with escapes for quotes, backslash and non-printables.
function goQuoteRune(r: string): string {
  if (r === "'") return "'\\''"
  if (r === '\\') return "'\\\\'"
  const code = r.codePointAt(0)!
  if (code < 0x20 || code === 0x7f) {
    const named: Record<number, string> = {7: '\\a', 8: '\\b', 9: '\\t', 10: '\\n', 11: '\\v', 12: '\\f', 13: '\\r'}
    return `'${named[code] ?? '\\x' + code.toString(16).padStart(2, '0')}'`
  }
  return `'${r}'`
}

/** One regexp matching a whole name against any of the FQDN patterns. */
export function compileFqdnPatterns(patterns: readonly string[]): GoRegexp {
  const parts: string[] = []
  for (const p of patterns) appendFqdnPattern(parts, p)
  return compileGoRegexp(`^(?:${parts.join('|')})$`)
}

/**
 * One regexp for `[cluster/]node` patterns, matched against `cluster/node` names
 * (the caller prefixes bare node names with `default/`). An empty part matches any name.
 */
export function compileNodeNamePatterns(patterns: readonly string[]): GoRegexp {
  const alts: string[] = []
  for (const p of patterns) {
    if (p === '') throw new PatternError('empty pattern')
    const elems = p.split('/')
    if (elems.length > 2) throw new PatternError('too many slashes in pattern')
    const [cluster, node] = elems.length === 1 ? ['', elems[0]] : elems
    const parts: string[] = []
    if (cluster === '') parts.push(fqdnElement)
    else appendFqdnPattern(parts, cluster)
    if (node === '') parts.push(fqdnElement)
    else appendFqdnPattern(parts, node)
    alts.push(parts.join('/'))
  }
  return compileGoRegexp(`^(?:${alts.join('|')})$`)
}
