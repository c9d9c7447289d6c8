/**
 * What `<bin> __complete WORD... CURRENT` answers, by the same walk the shell scripts
 * do: descend through subcommands, skip flag values, then offer subcommands, flags,
 * or the values of the flag or argument being typed. The output speaks cobra's
 * protocol (`value<TAB>description` lines, then `:<directive>`), as the real hubble's.
 */
import type {CompletionFlag, CompletionModel, CompletionNode, DynamicSource, ValueSource} from './model.js'

export interface Candidate {
  value: string
  description: string
}

/** cobra's ShellCompDirective bits. */
export const Directive = {default: 0, noSpace: 2, noFileComp: 4, filterFileExt: 8} as const

export interface CompletionAnswer {
  candidates: Candidate[]
  directive: number
  /** Set when the values come from the running system. */
  dynamic?: DynamicSource
}

function findFlag(n: CompletionNode, name: string): CompletionFlag | undefined {
  return n.flags.find((f) => f.names.includes(name))
}

function fromSource(v: ValueSource, description = ''): CompletionAnswer {
  switch (v.kind) {
    case 'list': return {candidates: v.values.map((value) => ({value, description})), directive: Directive.noFileComp}
    case 'files': return {candidates: [], directive: Directive.default}
    case 'dynamic': return {candidates: [], directive: Directive.noFileComp, dynamic: v.source}
    case 'none': return {candidates: [], directive: Directive.noFileComp}
  }
}

/** `words` are the words after the bin; the last one is the word being completed (maybe ''). */
export function completeWords(model: CompletionModel, words: readonly string[]): CompletionAnswer {
  const current = words.at(-1) ?? ''
  const answer = candidatesAt(model, words.slice(0, -1), current)
  return {...answer, candidates: answer.candidates.filter((c) => c.value.startsWith(current))}
}

function candidatesAt(model: CompletionModel, before: readonly string[], current: string): CompletionAnswer {
  let at = model.root
  let argIndex = 0
  let pendingFlag: CompletionFlag | undefined
  for (const w of before) {
    if (pendingFlag) { pendingFlag = undefined; continue }
    if (w.startsWith('-')) {
      const flag = findFlag(at, w)
      if (flag?.takesValue && !w.includes('=')) pendingFlag = flag
      continue
    }
    const child = at.children.get(w)
    if (child) { at = child; argIndex = 0 } else argIndex++
  }
  if (pendingFlag) return fromSource(pendingFlag.values)
  if (current.startsWith('-')) {
    const eq = current.indexOf('=')
    if (eq > 0) {
      const flag = findFlag(at, current.slice(0, eq))
      if (!flag?.takesValue) return {candidates: [], directive: Directive.noFileComp}
      const answer = fromSource(flag.values)
      return {...answer, candidates: answer.candidates.map((c) => ({...c, value: `${current.slice(0, eq + 1)}${c.value}`}))}
    }
    const candidates = at.flags.flatMap((f) => f.names.map((value) => ({value, description: f.summary})))
    return {candidates, directive: Directive.noFileComp}
  }
  const subcommands = [...at.children.values()].map((c) => ({value: c.path.slice(c.path.lastIndexOf(' ') + 1), description: c.summary}))
    .sort((a, b) => a.value.localeCompare(b.value))
  const arg = at.args[argIndex]
  const forArg = arg ? fromSource(arg) : {candidates: [], directive: Directive.noFileComp}
  return {
    candidates: [...subcommands, ...forArg.candidates],
    directive: subcommands.length ? Directive.noFileComp : forArg.directive,
    dynamic: forArg.dynamic,
  }
}

/** The answer as cobra prints it. */
export function formatAnswer(answer: CompletionAnswer): string {
  return answer.candidates.map((c) => (c.description ? `${c.value}\t${c.description}` : c.value) + '\n').join('')
    + `:${answer.directive}\n`
}
