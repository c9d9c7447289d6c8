/**
 * The entry of both bins. `__complete` (one shell TAB) skips oclif entirely: it is the
 * hot path of completion, so it loads only the small module that answers it. Everything
 * else runs the bin's esbuild bundle of oclif and every command (scripts/bundle.js).
 */
import {usageExitCode} from '../errors.js'
import {hoistGlobalFlags} from './argv.js'
import {packagePath, packageVersion} from '../paths.js'

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
    const unknown = unknownCommand(bin, id.split(':'), (topic) => config.findTopic(topic) !== undefined)
    if ('group' in unknown) {
      await run(unknown.group, config)
      await flush()
      return
    }
    process.stderr.write(`${unknown.error}\n`)
    process.exitCode = usageExitCode(bin)
  }
}

/**
 * oclif's "command list:foo:bar not found" as cobra, under the real CLIs, treats it. cobra checks
 * a word against the subcommands at the root only (legacyArgs): there it is an error
 * (`unknown command "foo" for "hubble"`). Below, the word is an argument of the deepest group
 * named, and a group (no Run) prints its help to stdout, exit 0: `hubble list foo` prints what
 * `hubble list` prints. Returns that group's words, or the root's error line.
 */
export function unknownCommand(bin: 'cilium' | 'hubble', words: readonly string[], isTopic: (id: string) => boolean):
  {group: string[]} | {error: string} {
  let known = 0
  while (known < words.length - 1 && isTopic(words.slice(0, known + 1).join(':'))) known++
  if (known > 0) return {group: words.slice(0, known)}
  const line = `unknown command "${words[0]}" for "${bin}"`
  return {error: bin === 'hubble' ? line : `Error: ${line}`}
}

