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
  const bundle = new URL(`../../bundle/${bin}.js`, import.meta.url).href
  const {run, flush, handle, Config} = await import(bundle) as typeof import('@oclif/core')
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
    const unknown = unknownCommandLine(bin, id.split(':'), (topic) => config.findTopic(topic) !== undefined)
    process.stderr.write(`${unknown}\n`)
    process.exitCode = usageExitCode(bin)
  }
}

/**
 * oclif's "command list:foo:bar not found" in cobra's words, as the real CLIs print it:
 * the first word that is not a topic is the unknown command.
 */
export function unknownCommandLine(bin: 'cilium' | 'hubble', words: readonly string[], isTopic: (id: string) => boolean): string {
  let known = 0
  while (known < words.length - 1 && isTopic(words.slice(0, known + 1).join(':'))) known++
  const line = `unknown command "${words[known]}" for "${[bin, ...words.slice(0, known)].join(' ')}"`
  return bin === 'hubble' ? line : `Error: ${line}`
}

