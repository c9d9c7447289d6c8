/**
 * The entry of both bins. `__complete` (one shell TAB) skips oclif entirely: it is the
 * hot path of completion, so it loads only the small module that answers it. Everything
 * else runs the bin's esbuild bundle of oclif and every command (scripts/bundle.js).
 */
import {usageExitCode} from '../errors.js'
import {hoistGlobalFlags} from './argv.js'
import {packagePath, packageVersion} from '../paths.js'
import type {Config} from '@oclif/core'

export async function main(bin: 'cilium' | 'hubble', argv: readonly string[]): Promise<void> {
  const args = hoistGlobalFlags(argv)
  if (args[0] === '__complete') {
    const {answerComplete} = await import('../completion/dynamic.js')
    process.stdout.write(await answerComplete(bin, args.slice(1)))
    return
  }
  if (args.length === 1 && args[0] === '--version') {
    process.stdout.write(`${bin} v${packageVersion()}\n`)
    return
  }
  // cobra's `help [command]`: the page of that command.
  const helpTopics = args[0] === 'help' ? args.slice(1) : undefined
  if (helpTopics) args.splice(0, 1, '--help')
  const bundle = new URL(`../../bundle/${bin}.js`, import.meta.url).href
  const {run, flush, handle, Config, HELP} = await import(bundle) as typeof import('@oclif/core') & {HELP: typeof import('./help.js').default}
  // `hubble` is a second oclif root (hubble-root/) whose commands are the `cilium hubble`
  // ones, so help and usage say `hubble ...`.
  const root = bin === 'hubble' ? packagePath('hubble-root', 'package.json') : packagePath('package.json')
  try {
    await run(args, root)
    await flush()
  } catch (error) {
    const id = /^command (\S+) not found$/.exec((error as Error | undefined)?.message ?? '')?.[1]
    if (id === undefined) return handle(error as Error)
    const config = await Config.load(root)
    if (helpTopics) {
      // cobra's help command: the topic line and the root's usage, both to stderr, exit 0.
      process.stderr.write(HELP.unknownTopic(config, helpTopics))
      return
    }
    const unknown = unknownCommand(bin, id.split(':'), (topic) => config.findTopic(topic) !== undefined, rootCommandNames(config))
    if ('group' in unknown) {
      await run(unknown.group, config)
      await flush()
      return
    }
    process.stderr.write(unknown.stderr)
    process.exitCode = usageExitCode(bin)
  }
}

/**
 * oclif's "command list:foo:bar not found" as cobra, under the real CLIs, treats it. cobra checks
 * a word against the subcommands at the root only (legacyArgs): there it is an error
 * (`unknown command "foo" for "hubble"`, with cobra's suggestions). Below, the word is an argument
 * of the deepest group named, and a group (no Run) prints its help to stdout, exit 0: `hubble list
 * foo` prints what `hubble list` prints. Returns that group's words, or what the root writes to
 * stderr: hubble silences cobra and its main prints the error alone; cilium-dbg lets cobra print
 * `Error: ...` and `Run 'cilium --help' for usage.`.
 */
export function unknownCommand(bin: 'cilium' | 'hubble', words: readonly string[], isTopic: (id: string) => boolean,
  rootCommands: readonly string[]): {group: string[]} | {stderr: string} {
  let known = 0
  while (known < words.length - 1 && isTopic(words.slice(0, known + 1).join(':'))) known++
  if (known > 0) return {group: words.slice(0, known)}
  const error = `unknown command "${words[0]}" for "${bin}"${suggestionsText(words[0], rootCommands)}`
  return {stderr: bin === 'hubble' ? `${error}\n` : `Error: ${error}\nRun '${bin} --help' for usage.\n`}
}

/**
 * cobra's findSuggestions: the commands within Levenshtein distance 2 (SuggestionsMinimumDistance's
 * default, case ignored) of the typed word or starting with it, in the order given.
 */
export function suggestionsText(typed: string, commands: readonly string[]): string {
  const lower = typed.toLowerCase()
  const close = commands.filter((name) => name.toLowerCase().startsWith(lower) || levenshtein(lower, name.toLowerCase()) <= 2)
  return close.length === 0 ? '' : `\n\nDid you mean this?\n${close.map((name) => `\t${name}\n`).join('')}`
}

function levenshtein(a: string, b: string): number {
  let previous = Array.from({length: b.length + 1}, (_, j) => j)
  for (let i = 1; i <= a.length; i++) {
    const current = [i]
    for (let j = 1; j <= b.length; j++) {
      current[j] = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1))
    }
    previous = current
  }
  return previous[b.length]
}

/**
 * The root's available commands (cobra's IsAvailableCommand: not hidden; a group with a visible
 * command) in the order cobra keeps them: the order they were added, which is by name except that
 * hubble's `completion` is added by cobra itself at Execute, after the others. `help` is never
 * suggested.
 */
function rootCommandNames(config: Config): string[] {
  const aliases = new Set(config.commands.flatMap((c) => c.aliases))
  const names = new Set(config.commands.filter((c) => !c.hidden && !aliases.has(c.id)).map((c) => c.id.split(':')[0]))
  const sorted = [...names].filter((name) => name !== 'help' && !config.findTopic(name)?.hidden).sort()
  return config.bin === 'hubble' ? [...sorted.filter((name) => name !== 'completion'), ...sorted.filter((name) => name === 'completion')] : sorted
}
