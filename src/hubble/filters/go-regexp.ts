/**
 * Go regexps (what the Hubble server compiles for dns_query, http_path, http_url, CEL
 * `matches()` and the FQDN/node-name patterns), matched in time linear in the input.
 *
 * The patterns come from any `hubble observe` client. A backtracking engine (JS RegExp)
 * would let one `(a+)+$` stall the server's event loop for minutes; Hubble compiles them
 * with Go's RE2, whose automaton runs in linear time. re2js is a JS port of that engine
 * (Go's syntax and parser: `(?i)`, `\z`, `[[:alpha:]]`, `\pL`, no look-arounds or
 * back-references, Go's `error parsing regexp: ...` texts). A pattern that is a plain
 * literal, optionally anchored, skips the automaton: a string search gives the same
 * answer in linear time. A pattern that starts with a literal runs the automaton only on
 * text that contains it (most flows do not match a filter). bench/regexp.ts measures all
 * of it against JS RegExp.
 */
import {RE2JS, RE2JSSyntaxException} from 're2js'

export class GoRegexpError extends Error {}

/** A compiled Go regexp; test() is an unanchored search, like Go's Regexp.MatchString. */
export interface GoRegexp {
  test(s: string): boolean
}

/** Compiles a Go RE2 pattern; throws GoRegexpError with Go's message (`error parsing regexp: ...`). */
export function compileGoRegexp(pattern: string): GoRegexp {
  const literal = plainLiteral(pattern)
  if (literal) return literal
  let re: RE2JS
  try {
    re = RE2JS.compile(pattern)
  } catch (error) {
    if (!(error instanceof RE2JSSyntaxException)) throw error
    // Go's text always ends in the expression: empty for a trailing backslash, the whole
    // pattern for the size and nesting limits (re2js leaves both out).
    const expr = error.input ?? (error.error === 'trailing backslash at end of expression' ? '' : pattern)
    throw new GoRegexpError(`error parsing regexp: ${error.error}: \`${expr}\``)
  }
  const prefix = literalPrefix(pattern)
  if (!prefix) return re
  const {text, anchored} = prefix
  return anchored ? {test: (s) => s.startsWith(text) && re.test(s)} : {test: (s) => s.includes(text) && re.test(s)}
}

// Go's `\` before ASCII punctuation stands for that character itself.
const escapedPunctuation = /^[!-/:-@[-`{-~]$/
const metacharacters = new Set(['\\', '.', '+', '*', '?', '(', ')', '|', '[', ']', '{', '}', '^', '$'])

/**
 * A matcher for `lit`, `^lit`, `lit$` or `^lit$` where lit has no metacharacter (escaped
 * punctuation allowed), or undefined. Without (?m), Go's `^` and `$` mean the start and
 * end of the text, so these are includes/startsWith/endsWith/equality.
 */
function plainLiteral(pattern: string): GoRegexp | undefined {
  let from = 0
  let to = pattern.length
  const atStart = pattern.startsWith('^')
  if (atStart) from = 1
  // A `$` preceded by an odd run of backslashes is an escaped dollar, part of the literal.
  let slashes = 0
  while (to - 2 - slashes >= from && pattern[to - 2 - slashes] === '\\') slashes++
  const atEnd = to > from && pattern[to - 1] === '$' && slashes % 2 === 0
  if (atEnd) to--
  let lit = ''
  for (let i = from; i < to; i++) {
    const c = pattern[i]
    if (c === '\\') {
      const next = pattern[i + 1]
      if (next === undefined || i + 1 >= to || !escapedPunctuation.test(next)) return undefined
      lit += next
      i++
    } else if (metacharacters.has(c)) {
      return undefined
    } else {
      lit += c
    }
  }
  if (atStart && atEnd) return {test: (s) => s === lit}
  if (atStart) return {test: (s) => s.startsWith(lit)}
  if (atEnd) return {test: (s) => s.endsWith(lit)}
  return {test: (s) => s.includes(lit)}
}

/**
 * The literal every match starts with, or undefined: the characters before the first
 * metacharacter, less the last one when a repetition follows it (`ab*` needs only `a`).
 * A `|` anywhere may put an alternative before it, so such patterns have none.
 */
function literalPrefix(pattern: string): {text: string; anchored: boolean} | undefined {
  if (pattern.includes('|')) return undefined
  const anchored = pattern.startsWith('^')
  let text = ''
  let beforeLast = 0
  for (let i = anchored ? 1 : 0; i < pattern.length; i++) {
    let c = String.fromCodePoint(pattern.codePointAt(i)!)
    if (c === '\\' && escapedPunctuation.test(pattern[i + 1] ?? '')) c = pattern[++i]
    else if (metacharacters.has(c)) {
      if (c === '*' || c === '+' || c === '?' || c === '{') text = text.slice(0, beforeLast)
      break
    } else i += c.length - 1
    beforeLast = text.length
    text += c
  }
  return text === '' ? undefined : {text, anchored}
}
