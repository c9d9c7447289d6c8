/**
 * `--help` pages laid out as cobra and pflag lay them out, since both real CLIs (hubble,
 * cilium-dbg) are cobra programs. Pure text functions over a small page model; the oclif
 * side (src/cli/help.ts) builds the model from the commands.
 *
 * Two templates: cobra's default one (cilium-dbg: `Flags:` and `Global Flags:`, each
 * trimmed) and hubble's own (cmd/common/template: one `<Title> Flags:` section per flag
 * set, printed untrimmed, then a fixed `Get help:` section).
 */

/** One flag as pflag prints it. */
export interface HelpFlag {
  name: string
  shorthand?: string
  /** The word after the name: a pflag type name (`string`, `uint`, `filter[=v4]`), or '' for a bool. */
  varname: string
  usage: string
  /** pflag's `(default …)` text, already formatted; undefined when the default is the zero value. */
  defaultText?: string
}

export interface FlagSection {
  /** `Selectors`, `Global`, ...: printed as `<title> Flags:` (cobra's local flags: title ''). */
  title: string
  flags: HelpFlag[]
}

export interface HelpPage {
  style: 'hubble' | 'cobra'
  /** The command path: `hubble observe`. */
  path: string
  /** cobra's Long, or Short when there is no Long. */
  text: string
  /** UseLine of a runnable command (`hubble config get [KEY] [flags]`); undefined for a group. */
  useLine?: string
  /** NameAndAliases: the name first. Empty or one name: no Aliases section. */
  names: string[]
  example?: string
  /** Available subcommands (cobra sorts them by name; the page keeps the given order). */
  subcommands: Array<{name: string; short: string}>
  /** cobra's NamePadding: the longest sibling name, at least 11. */
  namePadding?: number
  /** In print order; empty sections are left out. */
  sections: FlagSection[]
}

/** cobra's minimum padding of a subcommand name in `Available Commands:`. */
export const minNamePadding = 11

/**
 * pflag's FlagUsages (no column limit): `  -o, --output string` padded to the longest such
 * head + 2, then the usage, whose newlines are indented to that column; one line per flag.
 */
export function flagUsages(flags: readonly HelpFlag[]): string {
  const rows = [...flags].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0)).map((f) => {
    let head = f.shorthand ? `  -${f.shorthand}, --${f.name}` : `      --${f.name}`
    if (f.varname) head += ` ${f.varname}`
    const usage = f.defaultText === undefined ? f.usage : `${f.usage} (default ${f.defaultText})`
    return {head, usage}
  })
  // pflag measures the head plus one separator byte, then prints head, space, pad, space.
  const width = Math.max(0, ...rows.map((r) => r.head.length + 1))
  const column = width + 2
  return rows.map((r) => `${r.head} ${' '.repeat(width - r.head.length)} ${r.usage.replaceAll('\n', `\n${' '.repeat(column)}`)}\n`).join('')
}

/** Go's %q for the plain strings flag defaults are. */
export function goQuote(text: string): string {
  return JSON.stringify(text)
}

function trimTrailingSpace(text: string): string {
  return text.replace(/\s+$/u, '')
}

/** The whole `--help` page: the text, then the usage template of the page's style. */
export function renderHelp(page: HelpPage): string {
  const text = trimTrailingSpace(page.text)
  return (text ? `${text}\n\n` : '') + renderUsage(page)
}

/** cobra's UsageString under the page's template (also what `hubble help foo` prints after its error line). */
export function renderUsage(page: HelpPage): string {
  let out = 'Usage:'
  if (page.useLine !== undefined) out += `\n  ${page.useLine}`
  if (page.subcommands.length > 0) out += `\n  ${page.path} [command]`
  if (page.names.length > 1) out += `\n\nAliases:\n  ${page.names.join(', ')}`
  if (page.example) out += `\n\nExamples:\n${page.example}`
  if (page.subcommands.length > 0) {
    const pad = page.namePadding ?? minNamePadding
    out += '\n\nAvailable Commands:' + page.subcommands.map((c) => `\n  ${c.name.padEnd(pad)} ${c.short}`).join('')
  }
  const sections = page.sections.filter((s) => s.flags.length > 0)
  const footer = page.subcommands.length > 0 ? `\n\nUse "${page.path} [command] --help" for more information about a command.` : ''
  if (page.style === 'hubble') {
    out += '\n\n' + sections.map((s) => `${s.title ? `${s.title} ` : ''}Flags:\n${flagUsages(s.flags)}\n`).join('')
    return `${out}Get help:\n  -h, --help\tHelp for any command or subcommand${footer}\n`
  }
  for (const s of sections) out += `\n\n${s.title ? `${s.title} ` : ''}Flags:\n${trimTrailingSpace(flagUsages(s.flags))}`
  return `${out}${footer}\n`
}

/** cobra's NamePadding for children with these names (hidden ones count too). */
export function namePadding(names: readonly string[]): number {
  return Math.max(minNamePadding, ...names.map((n) => n.length))
}
