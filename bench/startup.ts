/**
 * bench/startup: cold starts of the CLI against a bare `node -e 0`, interleaved in one run.
 * Goal (issue #2): `cilium --help` and one `__complete` at most 2.5x `node -e 0`.
 * Run: make build && node dist/bench/startup.js [rounds]
 */
import {mkdtempSync, rmSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {fileURLToPath} from 'node:url'
import {interleave, median, timeCommand} from './lib.js'

const root = fileURLToPath(new URL('../../', import.meta.url))
const cilium = join(root, 'bin', 'cilium.js')
const hubble = join(root, 'bin', 'hubble.js')
const rounds = Number(process.argv[2] ?? 20)
const home = mkdtempSync(join(tmpdir(), 'ck-bench-'))
const node = process.execPath
const goals: Record<string, number> = {'cilium --help': 2.5, 'hubble __complete observe --verdict ""': 2.5}

// This machine sets NODE_EXTRA_CA_CERTS, which costs every Node 20 start ~50 ms
// (research/cli-perf.md §0): report the environment as it is, and without it.
const environments: Array<[string, NodeJS.ProcessEnv]> = [['as set here', {...process.env, XDG_CONFIG_HOME: home}]]
if (process.env.NODE_EXTRA_CA_CERTS) {
  const env: NodeJS.ProcessEnv = {...process.env, XDG_CONFIG_HOME: home}
  delete env.NODE_EXTRA_CA_CERTS
  environments.push(['NODE_EXTRA_CA_CERTS unset', env])
}
for (const [label, env] of environments) {
  const times = interleave(rounds, {
    'node -e 0': () => timeCommand(node, ['-e', '0'], env),
    'cilium --help': () => timeCommand(node, [cilium, '--help'], env),
    'hubble config view': () => timeCommand(node, [hubble, 'config', 'view'], env),
    'hubble __complete observe --verdict ""': () => timeCommand(node, [hubble, '__complete', 'observe', '--verdict', ''], env),
  })
  const base = median(times['node -e 0'])
  console.log(`startup: median of ${rounds} interleaved cold starts, node ${process.version}, environment ${label}`)
  for (const [name, ts] of Object.entries(times)) {
    const m = median(ts)
    const goal = goals[name] ? `  (goal <= ${goals[name]}x: ${m / base <= goals[name] ? 'met' : 'NOT met'})` : ''
    console.log(`  ${name.padEnd(40)} ${m.toFixed(1).padStart(7)} ms  ${(m / base).toFixed(2)}x${goal}`)
  }
}
rmSync(home, {recursive: true, force: true})
