import {readFileSync} from 'node:fs'
import {HelpBase, type Command, type Interfaces} from '@oclif/core'
import {packagePath} from '../paths.js'
import {goQuote, namePadding, renderHelp, renderUsage, type FlagSection, type HelpFlag, type HelpPage} from './cobra-help.js'

/** What the page needs of a flag: the command class's definition (the manifest drops a boolean's default and helpValue). */
export interface FlagInfo {
  name: string
  type: string
  char?: string
  description?: string
  summary?: string
  helpGroup?: string
  helpValue?: unknown
  multiple?: boolean
  delimiter?: string
  default?: unknown
  hidden?: boolean
  deprecated?: unknown
}

/** Extra facts a package.json topic may carry for cobra's page of a group without a command file. */
interface TopicExtras {
  description?: string
  /** cobra's Long, when it differs from the one-line description. */
  long?: string
  /** The real group command has a Run (prints `<path> [flags]` in Usage). */
  runnable?: boolean
  /** hubble's flag sets the group shows (its persistent flags), taken from its first subcommand that has them. */
  flagGroups?: string[]
}

const globalGroup = 'GLOBAL'

/**
 * oclif's help class (package.json oclif.helpClass) for both bins: every `--help`, `-h`, bare
 * group and `help X` page is a cobra page (src/cli/cobra-help.ts) built from the commands.
 */
export default class CobraHelp extends HelpBase {
  async showHelp(argv: string[]): Promise<void> {
    const words = argv.filter((a) => !a.startsWith('-'))
    // cobra's Find: the deepest known command or group; below the root, further words are its args.
    let known = words.length
    while (known > 0 && !this.isKnown(words.slice(0, known).join(':'))) known--
    if (known === 0 && words.length > 0) throw new Error(`command ${words[0]} not found`)
    const id = words.slice(0, known).join(':')
    const command = id ? this.config.findCommand(id) : undefined
    process.stdout.write(renderHelp(helpPage(this.config, words.slice(0, known), command && await classFlags(command))))
  }

  /** What cobra's `help foo` prints for a topic it cannot find: %#q of the words, then the root's usage. */
  static unknownTopic(config: Interfaces.Config, words: readonly string[]): string {
    return `Unknown help topic [${words.map((w) => (w.includes('`') ? JSON.stringify(w) : `\`${w}\``)).join(' ')}]\n`
      + renderUsage(helpPage(config, []))
  }

  async showCommandHelp(command: Command.Loadable): Promise<void> {
    process.stdout.write(renderHelp(helpPage(this.config, command.id.split(':'), await classFlags(command))))
  }

  private isKnown(id: string): boolean {
    return this.config.findCommand(id) !== undefined || this.config.findTopic(id) !== undefined
  }
}

/**
 * The flags of a command's class (bundled, so loading it reads no file), global ones included.
 * A class may name the flag groups its page shows (`static helpFlagGroups`), as hubble registers
 * flag sets for the help template apart from the flags a command takes (`hubble status` takes -o
 * but shows only its Server flags).
 */
async function classFlags(command: Command.Loadable): Promise<FlagInfo[]> {
  const cls = await command.load() as Command.Class & {helpFlagGroups?: string[]}
  const shown = cls.helpFlagGroups && new Set([...cls.helpFlagGroups, globalGroup])
  return Object.entries({...cls.baseFlags, ...cls.flags}).map(([name, f]) => ({...f, name} as FlagInfo))
    .filter((f) => !shown || (f.helpGroup !== undefined && shown.has(f.helpGroup)))
}

/** The cobra page of `words` in this oclif root; `flags`: the command's (else the manifest's). */
export function helpPage(config: Interfaces.Config, words: readonly string[], flags?: FlagInfo[]): HelpPage {
  const id = words.join(':')
  const bin = config.bin
  const path = [bin, ...words].join(' ')
  const command = id ? config.findCommand(id) : undefined
  const topic = topicExtras(config, id)
  // `cilium hubble ...` are hubble's commands: they keep hubble's template.
  const style = bin === 'hubble' || words[0] === 'hubble' ? 'hubble' : 'cobra'
  const render = (text: string) => text.replaceAll('<%= config.bin %>', bin).replaceAll('<%= command.id %>', words.join(' '))

  const children = childEntries(config, id)
  const subcommands = children.filter((c) => !c.hidden).map(({name, short}) => ({name, short}))
  const names = children.map((c) => c.name)
  if (!id && subcommands.length > 0) {
    subcommands.push({name: 'help', short: 'Help about any command'})
    names.push('help')
    subcommands.sort((a, b) => (a.name < b.name ? -1 : 1))
  }

  let text: string
  if (command) text = command.description ?? command.summary ?? ''
  else if (id) text = topic.long ?? topic.description ?? ''
  else text = (config.pjson as {description?: string}).description ?? ''

  const name = words.at(-1) ?? bin
  const useLine = command ? useLineOf(command, bin, render) : topic.runnable ? `${path} [flags]` : undefined
  return {
    style, path, text: render(text), useLine, subcommands, namePadding: namePadding(names),
    names: command ? [name, ...command.aliases.map((a) => a.split(':').at(-1) ?? a)] : [name],
    example: command ? examplesText(command.examples, render) : undefined,
    sections: flagSections(config, style, id, command && (flags ?? Object.values(command.flags)), topic),
  }
}

function topicExtras(config: Interfaces.Config, id: string): TopicExtras {
  const topics = (config.pjson.oclif as {topics?: Record<string, TopicExtras>}).topics ?? {}
  // `cilium hubble X` is `hubble X`: its groups are described in the hubble root's package.json.
  const hubble = config.bin !== 'hubble' && id.startsWith('hubble:') ? hubbleTopics()[id.slice('hubble:'.length)] : undefined
  return {description: config.findTopic(id)?.description, ...hubble, ...topics[id]}
}

function hubbleTopics(): Record<string, TopicExtras> {
  const pjson = JSON.parse(readFileSync(packagePath('hubble-root', 'package.json'), 'utf8')) as {oclif: {topics?: Record<string, TopicExtras>}}
  return pjson.oclif.topics ?? {}
}

interface Child {name: string; short: string; hidden: boolean}

/** The direct children of `id` (commands and groups), sorted by name as cobra sorts them. */
function childEntries(config: Interfaces.Config, id: string): Child[] {
  const prefix = id ? `${id}:` : ''
  const children = new Map<string, Child>()
  // oclif lists a command once more under each alias; cobra lists it by its name only.
  const aliases = new Set(config.commands.flatMap((c) => c.aliases))
  for (const c of config.commands) {
    if (!c.id.startsWith(prefix) || c.id.slice(prefix.length).includes(':') || aliases.has(c.id)) continue
    children.set(c.id.slice(prefix.length), {name: c.id.slice(prefix.length), short: firstLine(c.summary ?? c.description), hidden: Boolean(c.hidden)})
  }
  for (const t of config.topics) {
    if (!t.name.startsWith(prefix) || t.name.slice(prefix.length).includes(':')) continue
    const name = t.name.slice(prefix.length)
    const visible = config.commands.some((c) => c.id.startsWith(`${t.name}:`) && !c.hidden)
    if (!children.has(name)) children.set(name, {name, short: firstLine(t.description), hidden: Boolean(t.hidden) || !visible})
  }
  return [...children.values()].sort((a, b) => (a.name < b.name ? -1 : 1))
}

function firstLine(text: string | undefined): string {
  return (text ?? '').split('\n')[0].trim()
}

/**
 * cobra's UseLine: the command's oclif `usage` (relative to the bin, as oclif writes it) when it
 * has one, else its path, its args (required ones in capitals, optional ones in brackets) and `[flags]`.
 */
function useLineOf(command: Command.Loadable, bin: string, render: (text: string) => string): string {
  if (typeof command.usage === 'string') return `${bin} ${render(command.usage)}`
  return `${bin} ${command.id.replaceAll(':', ' ')}${argsText(command)} [flags]`
}

/** ` KEY [VALUE]`: required args in capitals, optional ones in brackets. */
function argsText(command: Command.Loadable): string {
  return Object.values(command.args).map((a) => (a.required ? ` ${a.name.toUpperCase()}` : ` [${a.name.toUpperCase()}]`)).join('')
}

/**
 * cobra's Example is free text. A one-line oclif example is a command: indented by two as
 * cobra commands write theirs; a multi-line one is printed as it is.
 */
function examplesText(examples: Command.Loadable['examples'], render: (text: string) => string): string | undefined {
  if (!examples || examples.length === 0) return undefined
  return examples.map((e) => {
    if (typeof e !== 'string') return `  # ${render(e.description)}\n  ${render(e.command)}`
    return e.includes('\n') ? render(e) : `  ${render(e)}`
  }).join('\n')
}

function flagSections(config: Interfaces.Config, style: 'hubble' | 'cobra', id: string, commandFlags: FlagInfo[] | undefined,
  topic: TopicExtras): FlagSection[] {
  const name = id.split(':').at(-1) || config.bin
  const command = commandFlags !== undefined
  let flags: FlagInfo[] = commandFlags ?? []
  if (!command && topic.flagGroups) {
    const groups = new Set(topic.flagGroups)
    const source = config.commands.find((c) => Object.values(c.flags).some((f) => f.helpGroup && groups.has(f.helpGroup)))
    flags = source ? Object.values(source.flags).filter((f) => f.helpGroup && groups.has(f.helpGroup)) : []
  }
  if (!command) flags = [...flags, ...globalFlags(config, id)]
  const shown = flags.filter((f) => !f.hidden && !f.deprecated)
  const local = shown.filter((f) => f.helpGroup !== globalGroup)
  const global = {title: 'Global', flags: shown.filter((f) => f.helpGroup === globalGroup).map(helpFlag)}
  if (style === 'cobra') {
    const help: HelpFlag = {name: 'help', shorthand: 'h', varname: '', usage: `help for ${name}`}
    // At the root, the persistent flags are the root's own.
    if (!command && name === config.bin) return [{title: '', flags: [...global.flags, help]}]
    return [{title: '', flags: [...local.map(helpFlag), help]}, global]
  }
  const groups = new Map<string, HelpFlag[]>()
  for (const f of local) {
    const group = f.helpGroup ?? ''
    groups.set(group, [...(groups.get(group) ?? []), helpFlag(f)])
  }
  return [...[...groups].map(([title, list]) => ({title, flags: list})), global]
}

/**
 * The global flags of a group's commands: the most any of them has (hubble's add --config to
 * BaseCommand's). `cilium hubble ...` are hubble's, so the cilium root leaves them out.
 */
function globalFlags(config: Interfaces.Config, id: string): FlagInfo[] {
  const inGroup = (c: Command.Loadable) => (id ? c.id.startsWith(`${id}:`) : config.bin === 'hubble' || !c.id.startsWith('hubble:'))
  const globals = config.commands.filter(inGroup).map((c) => Object.values(c.flags).filter((f) => f.helpGroup === globalGroup))
  return globals.reduce<FlagInfo[]>((most, list) => (list.length > most.length ? list : most), [])
}

/** An oclif flag as pflag prints it: helpValue (when not oclif's `<word>` form) is the type name. */
export function helpFlag(f: FlagInfo): HelpFlag {
  const helpValue = typeof f.helpValue === 'string' && !f.helpValue.startsWith('<') ? f.helpValue : undefined
  const varname = helpValue ?? (f.type === 'boolean' ? '' : f.multiple ? (f.delimiter ? 'strings' : 'stringArray') : 'string')
  return {name: f.name, shorthand: f.char, varname, usage: f.description ?? f.summary ?? '', defaultText: defaultText(f.default, varname)}
}

/** pflag's `(default …)`: nothing for a zero value; Go-quoted for a string flag. */
function defaultText(value: unknown, varname: string): string | undefined {
  if (value === undefined || value === false || value === '' || typeof value === 'function') return undefined
  if (Array.isArray(value)) return value.length === 0 ? undefined : `[${value.join(',')}]`
  return varname === 'string' ? goQuote(String(value)) : String(value)
}
