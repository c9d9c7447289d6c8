/**
 * Label selectors as the Hubble server reads them: Kubernetes label-selector syntax
 * (`k`, `!k`, `k=v`, `k==v`, `k!=v`, `k in (a,b)`, `k notin (a,b)`, `k>1`, `k<1`, comma
 * = AND) where a key may carry a Cilium source (`k8s:app`, `reserved:host`) and a key
 * without one matches that key from any source. Flow labels are `source:key=value`.
 */

export class SelectorError extends Error {}

/** A flow label split into its parts (`k8s:app=foo` → k8s, app, foo). */
interface Label {
  source: string
  key: string
  value: string
}

type Op = 'exists' | '!' | 'in' | 'notin' | '=' | '!=' | 'gt' | 'lt'

interface Requirement {
  source: string
  key: string
  op: Op
  values: string[]
}

/** Compiled selector: true when every requirement holds for the labels. */
export type LabelSelector = (labels: readonly string[] | null | undefined) => boolean

/** Cilium's label parsing: `src:key=value`, `$host` = reserved:host, no source = unspec. */
export function parseFlowLabel(text: string): Label {
  let source = ''
  let next = text
  if (text.startsWith('$')) {
    source = 'reserved'
    next = text.slice(1)
  } else {
    const i = text.indexOf(':')
    if (i >= 0) {
      source = text.slice(0, i)
      next = text.slice(i + 1)
    }
  }
  if (source === '') source = 'unspec'
  const eq = next.indexOf('=')
  if (eq < 0) return {source, key: next, value: ''}
  if (eq === 0 && source === 'reserved') return {source, key: next.slice(1), value: ''}
  return {source, key: next.slice(0, eq), value: next.slice(eq + 1)}
}

// The selector key `src.key` (after translation) as Cilium splits it: at the first dot.
function splitSelectorKey(key: string): {source: string; key: string} {
  if (key.startsWith('$')) return {source: 'reserved', key: key.slice(1)}
  const i = key.indexOf('.')
  if (i < 0) return {source: 'unspec', key}
  return {source: key.slice(0, i), key: key.slice(i + 1)}
}

/**
 * Rewrites `k8s:foo in (a)` to `k8s.foo in (a)` and a bare `foo` to `any.foo`, so that the
 * Kubernetes grammar (which allows no colon in a key) can read it; the rewriting rules
 * follow Cilium's labelparser.
 */
function translateSelector(selector: string): string {
  let out = ''
  let i = 0
  const n = selector.length
  const isSpace = (c: string): boolean => /\s/.test(c)
  while (i < n) {
    while (i < n && (isSpace(selector[i]) || selector[i] === '!')) out += selector[i++]
    let key = ''
    while (i < n && !(isSpace(selector[i]) || '=!,'.includes(selector[i]))) key += selector[i++]
    if (!key.includes(':')) key = 'any:' + key
    out += key.replace(':', '.')
    let nesting = 0
    while (i < n) {
      const c = selector[i++]
      if (c === '(') nesting++
      else if (c === ')') nesting--
      out += c
      if (c === ',' && nesting === 0) break
    }
  }
  return out
}

type Token = {kind: 'id' | 'op' | 'eos'; text: string}

const specials = ['!=', '==', '=', '!', '(', ')', ',', '>', '<']

function lex(s: string): Token[] {
  const tokens: Token[] = []
  let i = 0
  while (i < s.length) {
    const c = s[i]
    if (/\s/.test(c)) {
      i++
      continue
    }
    const sp = specials.find((p) => s.startsWith(p, i))
    if (sp) {
      tokens.push({kind: 'op', text: sp})
      i += sp.length
      continue
    }
    let j = i
    while (j < s.length && !/\s/.test(s[j]) && !'=!(),><'.includes(s[j])) j++
    tokens.push({kind: 'id', text: s.slice(i, j)})
    i = j
  }
  tokens.push({kind: 'eos', text: ''})
  return tokens
}

const nameRe = /^([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]$/
const nameHelp = "name part must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')"

function validateKey(key: string): void {
  const slash = key.lastIndexOf('/')
  const name = slash >= 0 ? key.slice(slash + 1) : key
  if (name === '' || name.length > 63 || !nameRe.test(name)) {
    throw new SelectorError(`unable to parse requirement: invalid label key ${JSON.stringify(key)}: ${name.length > 63 ? 'name part must be no more than 63 characters' : nameHelp}`)
  }
}

function validateValue(v: string): void {
  if (v !== '' && (v.length > 63 || !nameRe.test(v))) {
    throw new SelectorError(`unable to parse requirement: invalid label value: ${JSON.stringify(v)}: a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyValue',  or 'my_value',  or '12345', regex used for validation is '(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?')`)
  }
}

function parseRequirements(s: string): Requirement[] {
  const t = lex(s)
  let p = 0
  const reqs: Requirement[] = []
  const describe = (tok: Token): string => (tok.kind === 'eos' ? '' : tok.text)
  while (t[p].kind !== 'eos') {
    let op: Op | undefined
    if (t[p].kind === 'op' && t[p].text === '!') {
      op = '!'
      p++
    }
    if (t[p].kind !== 'id') {
      throw new SelectorError(`found '${describe(t[p])}', expected: !, identifier, or 'end of string'`)
    }
    const key = t[p++].text
    validateKey(key)
    const values: string[] = []
    if (op === undefined) {
      const tok = t[p]
      if (tok.kind === 'eos' || (tok.kind === 'op' && tok.text === ',')) op = 'exists'
      else if (tok.kind === 'id' && (tok.text === 'in' || tok.text === 'notin')) {
        op = tok.text
        p++
        if (!(t[p].kind === 'op' && t[p].text === '(')) {
          throw new SelectorError(`found '${describe(t[p])}', expected: '('`)
        }
        p++
        while (!(t[p].kind === 'op' && t[p].text === ')')) {
          if (t[p].kind === 'id') values.push(t[p++].text)
          else if (t[p].kind === 'op' && t[p].text === ',') {
            if (values.length === 0 || (t[p - 1].kind === 'op')) values.push('')
            p++
            if (t[p].kind === 'op' && t[p].text === ')') values.push('')
          } else throw new SelectorError(`found '${describe(t[p])}', expected: ',', ')' or identifier`)
        }
        p++
      } else if (tok.kind === 'op' && ['=', '==', '!=', '>', '<'].includes(tok.text)) {
        op = tok.text === '!=' ? '!=' : tok.text === '>' ? 'gt' : tok.text === '<' ? 'lt' : '='
        p++
        if (t[p].kind === 'id') values.push(t[p++].text)
        else values.push('')
        if ((op === 'gt' || op === 'lt') && !/^-?\d+$/.test(values[0])) {
          throw new SelectorError(`unable to parse requirement: for 'Gt', 'Lt' operators, the value must be an integer`)
        }
      } else {
        throw new SelectorError(`found '${describe(tok)}', expected: in, notin, =, ==, !=, gt, lt`)
      }
    }
    for (const v of values) if (op !== 'gt' && op !== 'lt') validateValue(v)
    const split = splitSelectorKey(key)
    reqs.push({source: split.source, key: split.key, op, values})
    const sep = t[p]
    if (sep.kind === 'eos') break
    if (!(sep.kind === 'op' && sep.text === ',')) {
      throw new SelectorError(`found '${describe(sep)}', expected: ',' or 'end of string'`)
    }
    p++
  }
  return reqs
}

function lookup(labels: readonly Label[], req: Requirement): string | undefined {
  for (const l of labels) {
    if (l.key === req.key && (req.source === 'any' || req.source === l.source)) return l.value
  }
  return undefined
}

function holds(req: Requirement, labels: readonly Label[]): boolean {
  const v = lookup(labels, req)
  switch (req.op) {
    case 'exists': return v !== undefined
    case '!': return v === undefined
    case 'in': case '=': return v !== undefined && req.values.includes(v)
    case 'notin': case '!=': return v === undefined || !req.values.includes(v)
    case 'gt': case 'lt': {
      if (v === undefined || !/^-?\d+$/.test(v)) return false
      return req.op === 'gt' ? Number(v) > Number(req.values[0]) : Number(v) < Number(req.values[0])
    }
  }
}

/** Compiles one selector string; throws SelectorError with the Kubernetes parser's wording. */
export function compileLabelSelector(selector: string): (labels: readonly Label[]) => boolean {
  const reqs = parseRequirements(translateSelector(selector))
  return (labels) => {
    for (const r of reqs) if (!holds(r, labels)) return false
    return true
  }
}

/** Any of the selectors matches the labels (`source:key=value` strings). */
export function compileLabelSelectors(selectors: readonly string[]): LabelSelector {
  const compiled = selectors.map(compileLabelSelector)
  return (raw) => {
    const labels = raw ? raw.map(parseFlowLabel) : []
    for (const c of compiled) if (c(labels)) return true
    return false
  }
}
