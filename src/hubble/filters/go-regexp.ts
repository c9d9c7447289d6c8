/**
 * Go RE2 patterns (what the real Hubble server compiles for dns_query, http_path and
 * http_url) run on the JS engine. The syntax both share is passed through; RE2-only
 * spellings are rewritten; what RE2 rejects (look-arounds, back-references) is rejected
 * here too, with Go's `error parsing regexp: <code>: `<expr>`` message, so a user sees
 * the same error line as with the real hubble.
 */

export class GoRegexpError extends Error {}

function fail(code: string, expr: string): never {
  throw new GoRegexpError(`error parsing regexp: ${code}: \`${expr}\``)
}

const repeatOps = new Set(['*', '+', '?'])

/** Compiles a Go RE2 pattern as an unanchored JS RegExp; throws GoRegexpError with Go's text. */
export function compileGoRegexp(pattern: string): RegExp {
  // Without the `u` flag JS accepts the same lenient literals RE2 does (`a{`, `]`, `\-`).
  let flags = /\\[pP]/.test(pattern) ? 'u' : ''
  let out = ''
  let depth = 0
  const groupStarts: number[] = []
  // Whether the previous item can be repeated, and where it began (for Go's nested-repeat message).
  let canRepeat = false
  let lastRepeatAt = -1
  let i = 0
  // RE2's leading flag group `(?i)` has no JS spelling inside the pattern: lift it to a flag.
  const leading = /^\(\?([imsU]+)\)/.exec(pattern)
  if (leading) {
    for (const f of leading[1]) if (f === 'i' || f === 'm' || f === 's') flags += f
    i = leading[0].length
  }
  while (i < pattern.length) {
    const c = pattern[i]
    if (c === '\\') {
      const n = pattern[i + 1]
      if (n === undefined) fail('trailing backslash at end of expression', '')
      if (/[1-9]/.test(n)) fail('invalid escape sequence', `\\${n}`)
      if (n === 'z') out += '$(?![\\s\\S])'
      else if (n === 'A') out += '^'
      else if (n === 'Q') {
        const end = pattern.indexOf('\\E', i + 2)
        const lit = pattern.slice(i + 2, end < 0 ? undefined : end)
        out += lit.replace(/[.*+?^${}()|[\]\\/-]/g, '\\$&')
        i = end < 0 ? pattern.length : end + 2
        canRepeat = true
        continue
      } else if (/[pP]/.test(n) || /[dDwWsSbBtnrfvx0.*+?()[\]{}|^$\\/-]/.test(n)) out += c + n
      else if (/[a-zA-Z]/.test(n)) fail('invalid escape sequence', `\\${n}`)
      else out += '\\' + n
      i += 2
      canRepeat = true
      continue
    }
    if (c === '[') {
      // Copy a character class verbatim up to its closing bracket; `[]a]` and `[^]a]` keep the first ].
      let j = i + 1
      if (pattern[j] === '^') j++
      if (pattern[j] === ']') j++
      while (j < pattern.length && pattern[j] !== ']') {
        if (pattern[j] === '\\') j++
        else if (pattern.startsWith('[:', j)) {
          const end = pattern.indexOf(':]', j + 2)
          if (end > 0) j = end + 1
        }
        j++
      }
      if (j >= pattern.length) fail('missing closing ]', pattern.slice(i))
      out += translateClass(pattern.slice(i, j + 1))
      i = j + 1
      canRepeat = true
      continue
    }
    if (c === '(') {
      if (pattern[i + 1] === '?') {
        const rest = pattern.slice(i)
        const named = /^\(\?P?<([A-Za-z_][A-Za-z0-9_]*)>/.exec(rest)
        if (named) {
          out += `(?<${named[1]}>`
          i += named[0].length
        } else if (rest.startsWith('(?:')) {
          out += '(?:'
          i += 3
        } else {
          fail('invalid or unsupported Perl syntax', rest.slice(0, 3))
        }
      } else {
        out += '('
        i++
      }
      groupStarts.push(i)
      depth++
      canRepeat = false
      continue
    }
    if (c === ')') {
      if (depth === 0) fail('unexpected )', pattern)
      depth--
      groupStarts.pop()
      out += ')'
      i++
      canRepeat = true
      continue
    }
    if (repeatOps.has(c) || (c === '{' && /^\{\d+(,\d*)?\}/.test(pattern.slice(i)))) {
      const op = c === '{' ? /^\{\d+(,\d*)?\}/.exec(pattern.slice(i))![0] : c
      let end = i + op.length
      if (pattern[end] === '?') end++  // lazy
      if (!canRepeat) {
        if (lastRepeatAt >= 0 && lastRepeatAt + 1 === i) fail('invalid nested repetition operator', pattern.slice(lastRepeatAt, end))
        fail('missing argument to repetition operator', pattern.slice(i, end))
      }
      if (c === '{') {
        const [min, max] = op.slice(1, -1).split(',').map((s) => (s === '' ? undefined : Number(s)))
        if ((min ?? 0) > 1000 || (max ?? 0) > 1000 || (max !== undefined && min !== undefined && max < min)) {
          fail('invalid repeat count', op)
        }
      }
      out += pattern.slice(i, end)
      lastRepeatAt = i
      i = end
      canRepeat = false
      continue
    }
    if (c === '|') canRepeat = false
    else canRepeat = true
    out += c
    i++
  }
  if (depth > 0) fail('missing closing )', pattern)
  try {
    return new RegExp(out, flags)
  } catch (error) {
    throw new GoRegexpError(`error parsing regexp: ${(error as Error).message}: \`${pattern}\``)
  }
}

const posixClasses: Record<string, string> = {
  alnum: 'A-Za-z0-9', alpha: 'A-Za-z', ascii: '\\x00-\\x7F', blank: '\\t ', cntrl: '\\x00-\\x1F\\x7F',
  digit: '0-9', graph: '!-~', lower: 'a-z', print: ' -~', punct: '!-\\/:-@\\[-`{-~', space: '\\t\\n\\v\\f\\r ',
  upper: 'A-Z', word: 'A-Za-z0-9_', xdigit: '0-9A-Fa-f',
}

function translateClass(cls: string): string {
  return cls.replace(/\[:(\^?)([a-z]+):\]/g, (whole, neg: string, name: string) => {
    const range = posixClasses[name]
    if (!range) fail('invalid character class range', whole)
    if (neg) fail('invalid character class range', whole)  // negated POSIX classes have no JS spelling inside a class
    return range
  })
}
