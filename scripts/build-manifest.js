#!/usr/bin/env node
// Writes the oclif manifests of both roots (cilium at the top, hubble in hubble-root/),
// so that a start-up reads one JSON file instead of importing every command.
import {execFileSync} from 'node:child_process'
import {fileURLToPath} from 'node:url'

const top = fileURLToPath(new URL('..', import.meta.url))
const oclif = fileURLToPath(new URL('../node_modules/oclif/bin/run.js', import.meta.url))
for (const dir of [top, `${top}/hubble-root`]) {
  // The dev tool would otherwise ask the npm registry for a newer oclif on every build.
  const env = {...process.env, OCLIF_SKIP_NEW_VERSION_CHECK: 'true'}
  execFileSync(process.execPath, [oclif, 'manifest'], {cwd: dir, env, stdio: ['ignore', 'ignore', 'inherit']})
}
