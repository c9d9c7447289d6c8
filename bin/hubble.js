#!/usr/bin/env node
// The `hubble` bin: a second oclif root (hubble-root/) whose commands are the
// `cilium hubble` commands, so `hubble observe` == `cilium hubble observe` and
// help and usage say `hubble ...`.
import module from 'node:module'

module.enableCompileCache?.()
const {hoistGlobalFlags} = await import('../dist/src/cli/argv.js')
const args = hoistGlobalFlags(process.argv.slice(2))
if (args[0] === '__complete') {
  const {runComplete} = await import('../dist/src/completion/dynamic.js')
  process.exitCode = await runComplete('hubble', args.slice(1))
} else {
  // One bundle holds oclif and every command (scripts/bundle.js): far fewer files to load.
  const {execute} = await import('../dist/bundle/hubble.js')
  await execute({dir: new URL('../hubble-root/package.json', import.meta.url).href, args})
}
