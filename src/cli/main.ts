/**
 * The entry of both bins. `__complete` (one shell TAB) skips oclif entirely: it is the
 * hot path of completion, so it loads only the small module that answers it. Everything
 * else runs the bin's esbuild bundle of oclif and every command (scripts/bundle.js).
 */
import {hoistGlobalFlags} from './argv.js'
import {packagePath} from '../paths.js'

export async function main(bin: 'cilium' | 'hubble', argv: readonly string[]): Promise<void> {
  const args = hoistGlobalFlags(argv)
  if (args[0] === '__complete') {
    const {answerComplete} = await import('../completion/dynamic.js')
    process.stdout.write(await answerComplete(bin, args.slice(1)))
    return
  }
  const bundle = new URL(`../../bundle/${bin}.js`, import.meta.url).href
  const {execute} = await import(bundle) as typeof import('@oclif/core')
  // `hubble` is a second oclif root (hubble-root/) whose commands are the `cilium hubble`
  // ones, so help and usage say `hubble ...`.
  const root = bin === 'hubble' ? packagePath('hubble-root', 'package.json') : packagePath('package.json')
  await execute({dir: root, args})
}
