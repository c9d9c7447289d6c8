/**
 * The completion model: the command tree, flags and value candidates of one bin,
 * built from the oclif manifest (or the loaded oclif Config, which has the same shape).
 * All four shell scripts and the `__complete` command are generated from it, so they
 * cannot drift apart.
 */
import {hubbleConfigKeyNames} from '../hubble/config-keys.js'

/** The parts of an oclif manifest entry that completion reads. */
export interface ManifestCommand {
  id: string
  summary?: string
  description?: string
  hidden?: boolean
  aliases?: string[]
  flags: Record<string, {
    name: string
    char?: string
    type: 'boolean' | 'option'
    options?: readonly string[]
    hidden?: boolean
    allowNo?: boolean
    description?: string
    summary?: string
  }>
  args: Record<string, {name: string; options?: readonly string[]; hidden?: boolean}>
}

export interface ManifestTopics {
  [name: string]: {description?: string; hidden?: boolean}
}

/** Where a value's candidates come from. */
export type ValueSource =
  | {kind: 'list'; values: readonly string[]}
  | {kind: 'files'}
  | {kind: 'dynamic'; source: DynamicSource}
  | {kind: 'none'}

/** Values only the running system knows; `__complete` answers them at TAB time. */
export type DynamicSource = 'endpoints' | 'maps'

export interface CompletionFlag {
  /** `--output` and `-o` alike. */
  names: string[]
  summary: string
  takesValue: boolean
  values: ValueSource
}

export interface CompletionNode {
  /** The words from the bin to here: `cilium hubble observe`. */
  path: string
  summary: string
  children: Map<string, CompletionNode>
  isCommand: boolean
  flags: CompletionFlag[]
  args: ValueSource[]
}

export interface CompletionModel {
  bin: string
  root: CompletionNode
}

// Positional arguments whose values completion can offer, by the argument's name.
const argSources: Record<string, ValueSource> = {
  key: {kind: 'list', values: hubbleConfigKeyNames.filter((k) => k !== 'config')},
  endpoint: {kind: 'dynamic', source: 'endpoints'},
  map: {kind: 'dynamic', source: 'maps'},
  file: {kind: 'files'},
}

// Value flags without an options list: these name files; others get no candidates.
const fileFlag = /(^|-)(file|files|config|kubeconfig|values)$/

function flagValues(name: string, options: readonly string[] | undefined): ValueSource {
  if (options?.length) return {kind: 'list', values: options}
  if (fileFlag.test(name)) return {kind: 'files'}
  if (name === 'endpoint') return {kind: 'dynamic', source: 'endpoints'}
  return {kind: 'none'}
}

// oclif answers --help on every command without declaring it as a flag.
const helpFlag: CompletionFlag = {names: ['--help'], summary: 'Show help for command', takesValue: false, values: {kind: 'none'}}

function firstLine(text: string | undefined): string {
  return (text ?? '').split('\n')[0].trim()
}

function node(path: string, summary: string): CompletionNode {
  return {path, summary, children: new Map(), isCommand: false, flags: [], args: []}
}

/** Builds the tree of one bin from its manifest commands and topics. */
export function buildCompletionModel(bin: string, commands: readonly ManifestCommand[],
  topics: ManifestTopics = {}): CompletionModel {
  const root = node(bin, '')
  const ensure = (words: string[]): CompletionNode => {
    let at = root
    for (const [i, w] of words.entries()) {
      let next = at.children.get(w)
      if (!next) {
        const topic = topics[words.slice(0, i + 1).join(' ')] ?? topics[words.slice(0, i + 1).join(':')]
        next = node(`${at.path} ${w}`, firstLine(topic?.description))
        at.children.set(w, next)
      }
      at = next
    }
    return at
  }
  for (const cmd of commands) {
    if (cmd.hidden) continue
    for (const id of [cmd.id, ...(cmd.aliases ?? [])]) {
      const target = ensure(id.split(/[: ]/))
      target.isCommand = true
      target.summary = firstLine(cmd.summary ?? cmd.description)
      target.flags = [...Object.values(cmd.flags).filter((f) => !f.hidden).map((f): CompletionFlag => ({
        names: [`--${f.name}`, ...(f.char ? [`-${f.char}`] : []), ...(f.allowNo ? [`--no-${f.name}`] : [])],
        summary: firstLine(f.summary ?? f.description),
        takesValue: f.type === 'option',
        values: f.type === 'option' ? flagValues(f.name, f.options) : {kind: 'none'},
      })), helpFlag]
      target.args = Object.values(cmd.args).filter((a) => !a.hidden).map((a) =>
        a.options?.length ? {kind: 'list', values: a.options} : argSources[a.name] ?? {kind: 'none'})
    }
  }
  return {bin, root}
}

/** Every node of the tree, parents before children, in a stable order. */
export function* walk(n: CompletionNode): Generator<CompletionNode> {
  yield n
  for (const name of [...n.children.keys()].sort()) yield* walk(n.children.get(name)!)
}

/** Encodes a value source as the scripts carry it: a space-separated list, `@files`, `@dynamic`, or ''. */
export function encodeSource(v: ValueSource): string {
  switch (v.kind) {
    case 'list': return v.values.join(' ')
    case 'files': return '@files'
    case 'dynamic': return '@dynamic'
    case 'none': return ''
  }
}

/**
 * The flat tables every shell script embeds, keyed by path (and flag name or arg index):
 * `sub` (child words), `flags` (flag names), `fval` (only for flags that take a value:
 * its candidates), `args` (positional candidates by index).
 */
export interface CompletionTables {
  sub: Array<[path: string, children: string]>
  flags: Array<[path: string, names: string]>
  fval: Array<[key: string, values: string]>
  args: Array<[key: string, values: string]>
}

export function completionTables(model: CompletionModel): CompletionTables {
  const t: CompletionTables = {sub: [], flags: [], fval: [], args: []}
  for (const n of walk(model.root)) {
    if (n.children.size) t.sub.push([n.path, [...n.children.keys()].sort().join(' ')])
    if (n.flags.length) t.flags.push([n.path, n.flags.flatMap((f) => f.names).join(' ')])
    for (const f of n.flags) {
      if (!f.takesValue) continue
      for (const name of f.names) t.fval.push([`${n.path} ${name}`, encodeSource(f.values)])
    }
    for (const [i, a] of n.args.entries()) {
      if (a.kind !== 'none') t.args.push([`${n.path} ${i}`, encodeSource(a)])
    }
  }
  return t
}
