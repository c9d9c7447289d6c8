/**
 * A subset of CEL for the `experimental.cel_expression` filter field: the variable
 * `_flow` (a flow.Flow, fields by their proto names), enum constants of the `flow`
 * container (`Verdict.FORWARDED`, `flow.TrafficDirection.INGRESS`), literals,
 * `has()`, `int()`, `uint()`, `string()`, `size()`, the string methods `startsWith`,
 * `endsWith`, `contains`, `matches`, `[...]` lists with `in`, comparison, arithmetic,
 * `!`, `&&`, `||` and `?:`. As in the Hubble server, an expression must type-check to a
 * bool, and an evaluation error makes the expression false.
 */
import {compileGoRegexp, type GoRegexp} from './go-regexp.js'

export class CelError extends Error {}
/** The expression type-checks but cannot become a program (a constant `matches()` pattern that does not compile). */
export class CelProgramError extends CelError {}

type Value = unknown
type Node =
  | {k: 'lit'; v: Value; t: Type}
  | {k: 'flow'}
  | {k: 'enum'; v: number}
  | {k: 'sel'; of: Node; field: string}
  | {k: 'has'; of: Node; field: string}
  | {k: 'call'; fn: string; target?: Node; args: Node[]; re?: GoRegexp}
  | {k: 'list'; items: Node[]}
  | {k: 'un'; op: '!' | '-'; x: Node}
  | {k: 'bin'; op: string; a: Node; b: Node}
  | {k: 'cond'; c: Node; a: Node; b: Node}

type Type = 'bool' | 'int' | 'uint' | 'double' | 'string' | 'null' | 'list' | 'message' | 'dyn'

/** Enum tables of the flow package: name → value, as the generated code exposes them. */
export type EnumTables = Record<string, Record<string, number> | undefined>

const tokenRe = /\s*(?:(\d+\.\d+(?:[eE][+-]?\d+)?)|(0x[0-9a-fA-F]+u?|\d+u?)|("(?:[^"\\]|\\.)*"|'(?:[^'\\]|\\.)*')|([A-Za-z_][A-Za-z0-9_]*)|(==|!=|<=|>=|&&|\|\||[-+*/%<>!().,[\]?:]))/y

function tokenize(src: string): string[] {
  const out: string[] = []
  tokenRe.lastIndex = 0
  let pos = 0
  while (pos < src.length) {
    if (/^\s*$/.test(src.slice(pos))) break
    tokenRe.lastIndex = pos
    const m = tokenRe.exec(src)
    if (!m) throw new CelError(`ERROR: <input>:1:${pos + 1}: Syntax error: token recognition error at: '${src[pos]}'`)
    out.push(m.slice(1).find((x) => x !== undefined)!)
    pos = tokenRe.lastIndex
  }
  return out
}

/** snake_case proto field name → the in-memory (protobufjs) property name. */
function memberName(field: string): string {
  return field.replace(/_([a-z])/g, (_m, c: string) => c.toUpperCase())
}

// cel-go's parser limits as the Hubble server sets them: 4096 code points (its filter's
// ParserExpressionSizeLimit) and a nesting depth of 250 (cel-go's default).
const maxCodePoints = 4096
const maxDepth = 250

class Parser {
  private p = 0
  private depth = 0
  constructor(private readonly t: string[], private readonly enums: EnumTables) {}

  parse(): Node {
    if (this.t.length === 0) throw new CelError("ERROR: <input>:1:1: Syntax error: mismatched input '<EOF>'")
    const n = this.cond()
    if (this.p < this.t.length) throw new CelError(`ERROR: <input>: Syntax error: extraneous input '${this.t[this.p]}'`)
    return n
  }

  private peek(): string | undefined { return this.t[this.p] }
  private eat(tok: string): boolean {
    if (this.t[this.p] === tok) { this.p++; return true }
    return false
  }
  private expect(tok: string): void {
    if (!this.eat(tok)) throw new CelError(`ERROR: <input>: Syntax error: missing '${tok}' at '${this.peek() ?? '<EOF>'}'`)
  }

  private nested(parse: () => Node): Node {
    if (++this.depth > maxDepth) throw new CelError('ERROR: <input>:-1:0: max recursion depth exceeded')
    try {
      return parse()
    } finally {
      this.depth--
    }
  }

  private cond(): Node {
    return this.nested(() => this.condition())
  }
  private condition(): Node {
    const c = this.or()
    if (!this.eat('?')) return c
    const a = this.cond()
    this.expect(':')
    return {k: 'cond', c, a, b: this.cond()}
  }
  private or(): Node {
    let a = this.and()
    while (this.eat('||')) a = {k: 'bin', op: '||', a, b: this.and()}
    return a
  }
  private and(): Node {
    let a = this.rel()
    while (this.eat('&&')) a = {k: 'bin', op: '&&', a, b: this.rel()}
    return a
  }
  private rel(): Node {
    let a = this.add()
    for (;;) {
      const op = this.peek()
      if (op === '==' || op === '!=' || op === '<' || op === '<=' || op === '>' || op === '>=' || op === 'in') {
        this.p++
        a = {k: 'bin', op, a, b: this.add()}
      } else return a
    }
  }
  private add(): Node {
    let a = this.mul()
    for (let op = this.peek(); op === '+' || op === '-'; op = this.peek()) {
      this.p++
      a = {k: 'bin', op, a, b: this.mul()}
    }
    return a
  }
  private mul(): Node {
    let a = this.unary()
    for (let op = this.peek(); op === '*' || op === '/' || op === '%'; op = this.peek()) {
      this.p++
      a = {k: 'bin', op, a, b: this.unary()}
    }
    return a
  }
  private unary(): Node {
    if (this.eat('!')) return {k: 'un', op: '!', x: this.nested(() => this.unary())}
    if (this.eat('-')) return {k: 'un', op: '-', x: this.nested(() => this.unary())}
    return this.member()
  }
  private member(): Node {
    let n = this.primary()
    for (;;) {
      if (this.eat('.')) {
        const id = this.ident()
        if (this.eat('(')) n = {k: 'call', fn: id, target: n, args: this.args(')')}
        else n = {k: 'sel', of: n, field: id}
      } else return n
    }
  }
  private ident(): string {
    const id = this.t[this.p++]
    if (!id || !/^[A-Za-z_]/.test(id)) throw new CelError(`ERROR: <input>: Syntax error: mismatched input '${id ?? '<EOF>'}' expecting IDENTIFIER`)
    return id
  }
  private args(close: string): Node[] {
    const out: Node[] = []
    if (this.eat(close)) return out
    do out.push(this.cond())
    while (this.eat(','))
    this.expect(close)
    return out
  }
  private primary(): Node {
    const tok = this.t[this.p++]
    if (tok === undefined) throw new CelError("ERROR: <input>: Syntax error: mismatched input '<EOF>'")
    if (tok === '(') {
      const n = this.cond()
      this.expect(')')
      return n
    }
    if (tok === '[') return {k: 'list', items: this.args(']')}
    if (/^\d+\.\d/.test(tok)) return {k: 'lit', v: Number(tok), t: 'double'}
    if (/^(0x[0-9a-fA-F]+|\d+)u$/.test(tok)) return {k: 'lit', v: Number(tok.slice(0, -1)), t: 'uint'}
    if (/^(0x[0-9a-fA-F]+|\d+)$/.test(tok)) return {k: 'lit', v: Number(tok), t: 'int'}
    if (/^["']/.test(tok)) return {k: 'lit', v: JSON.parse('"' + tok.slice(1, -1).replace(/\\'/g, "'").replace(/"/g, '\\"') + '"'), t: 'string'}
    if (tok === 'true' || tok === 'false') return {k: 'lit', v: tok === 'true', t: 'bool'}
    if (tok === 'null') return {k: 'lit', v: null, t: 'null'}
    if (!/^[A-Za-z_]/.test(tok)) throw new CelError(`ERROR: <input>: Syntax error: mismatched input '${tok}'`)
    if (tok === 'has') {
      this.expect('(')
      const arg = this.member()
      this.expect(')')
      if (arg.k !== 'sel') throw new CelError('ERROR: <input>: invalid argument to has() macro')
      return {k: 'has', of: arg.of, field: arg.field}
    }
    if (this.eat('(')) return {k: 'call', fn: tok, args: this.args(')')}
    if (tok === '_flow') return {k: 'flow'}
    // An enum constant: [flow.]Enum.VALUE, resolved in the `flow` container.
    let name = tok
    if (name === 'flow' && this.peek() === '.') {
      this.p++
      name = this.ident()
    }
    const table = this.enums[name]
    if (table && this.eat('.')) {
      const value = this.ident()
      if (typeof table[value] === 'number') return {k: 'enum', v: table[value]}
    }
    throw new CelError(`ERROR: <input>: undeclared reference to '${tok}' (in container 'flow')`)
  }
}

function typeOf(n: Node): Type {
  switch (n.k) {
    case 'lit': return n.t
    case 'flow': return 'message'
    case 'enum': return 'int'
    case 'sel': return 'dyn'
    case 'has': return 'bool'
    case 'list': return 'list'
    case 'un': return n.op === '!' ? 'bool' : typeOf(n.x)
    case 'cond': return typeOf(n.a)
    case 'bin': return ['==', '!=', '<', '<=', '>', '>=', 'in', '&&', '||'].includes(n.op) ? 'bool' : typeOf(n.a)
    case 'call':
      if (n.fn === 'int' || n.fn === 'size') return 'int'
      if (n.fn === 'uint') return 'uint'
      if (n.fn === 'string') return 'string'
      if (['startsWith', 'endsWith', 'contains', 'matches'].includes(n.fn)) return 'bool'
      throw new CelError(`ERROR: <input>: undeclared reference to '${n.fn}' (in container 'flow')`)
  }
}

/** Absent fields read as their type's zero value, as proto3 fields do. */
function zeroLike(other: Value): Value {
  if (typeof other === 'number') return 0
  if (typeof other === 'string') return ''
  if (typeof other === 'boolean') return false
  return undefined
}

function num(v: Value): number {
  if (v == null) return 0
  if (typeof v === 'object' && typeof (v as {toNumber?: unknown}).toNumber === 'function') return (v as {toNumber(): number}).toNumber()
  return Number(v)
}

function scalar(v: Value): Value {
  if (v !== null && typeof v === 'object' && typeof (v as {toNumber?: unknown}).toNumber === 'function') return num(v)
  // Wrapper messages (BoolValue, UInt32Value) read as their value, as CEL unwraps them.
  if (v !== null && typeof v === 'object' && 'value' in (v as object) && Object.keys(v as object).length === 1) {
    return (v as {value: unknown}).value
  }
  return v
}

function equal(a: Value, b: Value): boolean {
  a = scalar(a)
  b = scalar(b)
  if (a === undefined) a = zeroLike(b)
  if (b === undefined) b = zeroLike(a)
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((x, i) => equal(x, b[i]))
  return a === b
}

function evaluate(n: Node, flow: Value): Value {
  switch (n.k) {
    case 'lit': return n.v
    case 'flow': return flow
    case 'enum': return n.v
    case 'sel': {
      const of = evaluate(n.of, flow)
      if (of == null || typeof of !== 'object') return undefined
      return (of as Record<string, Value>)[memberName(n.field)]
    }
    case 'has': {
      const of = evaluate(n.of, flow)
      if (of == null || typeof of !== 'object') return false
      const v = (of as Record<string, Value>)[memberName(n.field)]
      if (v == null) return false
      if (Array.isArray(v)) return v.length > 0
      return v !== 0 && v !== '' && v !== false
    }
    case 'list': return n.items.map((i) => evaluate(i, flow))
    case 'un': {
      const x = scalar(evaluate(n.x, flow))
      return n.op === '!' ? !x : -num(x)
    }
    case 'cond': return evaluate(n.c, flow) === true ? evaluate(n.a, flow) : evaluate(n.b, flow)
    case 'bin': {
      if (n.op === '&&') return evaluate(n.a, flow) === true && evaluate(n.b, flow) === true
      if (n.op === '||') return evaluate(n.a, flow) === true || evaluate(n.b, flow) === true
      const a = scalar(evaluate(n.a, flow))
      const b = scalar(evaluate(n.b, flow))
      switch (n.op) {
        case '==': return equal(a, b)
        case '!=': return !equal(a, b)
        case 'in': return Array.isArray(b) && b.some((x) => equal(a, x))
        case '<': return compare(a, b) < 0
        case '<=': return compare(a, b) <= 0
        case '>': return compare(a, b) > 0
        case '>=': return compare(a, b) >= 0
        case '+': return typeof a === 'string' || typeof b === 'string' ? String(a ?? '') + String(b ?? '') : num(a) + num(b)
        case '-': return num(a) - num(b)
        case '*': return num(a) * num(b)
        case '/': return Math.trunc(num(a) / num(b))
        case '%': return num(a) % num(b)
      }
      return undefined
    }
    case 'call': {
      const args = n.args.map((a) => scalar(evaluate(a, flow)))
      if (n.target) {
        const s = String(scalar(evaluate(n.target, flow)) ?? '')
        const arg = String(args[0] ?? '')
        switch (n.fn) {
          case 'startsWith': return s.startsWith(arg)
          case 'endsWith': return s.endsWith(arg)
          case 'contains': return s.includes(arg)
          // A pattern computed from the flow compiles here; a bad one is an evaluation error (false).
          case 'matches': return (n.re ?? compileGoRegexp(arg)).test(s)
        }
        return undefined
      }
      switch (n.fn) {
        case 'int': case 'uint': return Math.trunc(num(args[0]))
        case 'string': return String(args[0] ?? '')
        case 'size': return Array.isArray(args[0]) || typeof args[0] === 'string' ? (args[0] as string).length : 0
      }
      return undefined
    }
  }
}

function compare(a: Value, b: Value): number {
  if (typeof a === 'string' || typeof b === 'string') return String(a ?? '').localeCompare(String(b ?? ''))
  return num(a) - num(b)
}

/**
 * Compiles the constant patterns of `matches()` once, as cel-go's OptOptimize does when
 * Hubble builds the program: a bad one fails the filter up front, not every flow.
 */
function compileConstantPatterns(n: Node): void {
  switch (n.k) {
    case 'sel': case 'has': compileConstantPatterns(n.of); return
    case 'list': n.items.forEach(compileConstantPatterns); return
    case 'un': compileConstantPatterns(n.x); return
    case 'bin': compileConstantPatterns(n.a); compileConstantPatterns(n.b); return
    case 'cond': compileConstantPatterns(n.c); compileConstantPatterns(n.a); compileConstantPatterns(n.b); return
    case 'call': {
      if (n.target) compileConstantPatterns(n.target)
      n.args.forEach(compileConstantPatterns)
      const pattern = n.args[0]
      if (n.fn === 'matches' && n.target && pattern?.k === 'lit' && typeof pattern.v === 'string') {
        try {
          n.re = compileGoRegexp(pattern.v)
        } catch (error) {
          throw new CelProgramError((error as Error).message)
        }
      }
      return
    }
    default: return
  }
}

/** Compiles one expression; throws CelError unless it parses and has type bool, CelProgramError for a bad constant pattern. */
export function compileCel(expr: string, enums: EnumTables): (flow: unknown) => boolean {
  const size = [...expr].length
  if (size > maxCodePoints) {
    throw new CelError(`ERROR: <input>:-1:0: expression code point size exceeds limit: size: ${size}, limit ${maxCodePoints}`)
  }
  const node = new Parser(tokenize(expr), enums).parse()
  const t = typeOf(node)
  if (t !== 'bool' && t !== 'dyn') {
    throw new CelError(`expression ${JSON.stringify(expr)} must return a boolean, got ${t === 'message' ? 'flow.Flow' : t}`)
  }
  compileConstantPatterns(node)
  return (flow) => {
    try {
      return evaluate(node, flow) === true
    } catch {
      return false
    }
  }
}
