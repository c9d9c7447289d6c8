#!/usr/bin/env node
// The `cilium` bin. `__complete` (one shell TAB) skips oclif entirely: it is the
// hot path of completion, so it imports only the small module that answers it.
import module from 'node:module'

module.enableCompileCache?.()
const {hoistGlobalFlags} = await import('../dist/src/cli/argv.js')
const args = hoistGlobalFlags(process.argv.slice(2))
if (args[0] === '__complete') {
  const {runComplete} = await import('../dist/src/completion/dynamic.js')
  process.exitCode = await runComplete('cilium', args.slice(1))
} else {
  // One bundle holds oclif and every command (scripts/bundle.js): far fewer files to load.
  const {execute} = await import('../dist/bundle/cilium.js')
  await execute({dir: import.meta.url, args})
}
