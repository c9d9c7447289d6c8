#!/usr/bin/env node
// Writes the oclif manifests of both roots (cilium at the top, hubble in hubble-root/),
// so that a start-up reads one JSON file instead of importing every command; and
// dist/build-info.json, the commit the versions print.
import {execFileSync} from 'node:child_process'
import {writeFileSync} from 'node:fs'
import {fileURLToPath} from 'node:url'

const top = fileURLToPath(new URL('..', import.meta.url))
const oclif = fileURLToPath(new URL('../node_modules/oclif/bin/run.js', import.meta.url))
for (const dir of [top, `${top}/hubble-root`]) {
  // The dev tool would otherwise ask the npm registry for a newer oclif on every build.
  const env = {...process.env, OCLIF_SKIP_NEW_VERSION_CHECK: 'true'}
  execFileSync(process.execPath, [oclif, 'manifest'], {cwd: dir, env, stdio: ['ignore', 'ignore', 'inherit']})
}

// The commit the build came from, for `cilium version` and `hubble version` (absent outside git).
const git = (...args) => {
  try {
    return execFileSync('git', args, {cwd: top, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore']}).trim()
  } catch {
    return undefined
  }
}
const info = {revision: git('rev-parse', '--short', 'HEAD'), branch: git('rev-parse', '--abbrev-ref', 'HEAD'),
  authorDate: git('log', '-1', '--format=%aI')}
writeFileSync(`${top}/dist/build-info.json`, `${JSON.stringify(info)}\n`)
