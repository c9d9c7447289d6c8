/**
 * bench/observe: `hubble observe --input-file F` on the 1,000,000-flow file of
 * research/peers/perf-flow-template.json (line i = variant i % 12 with its times set to
 * base_time + i * time_step_ns), against a bare loop over the same file that only splits
 * lines and JSON.parses them (a). Variants: (c) `-o compact`, compact with `--http-method POST`
 * (2 of 12 printed), (b) `-o json` (no filter: saved lines that already are the printer's output
 * are printed as they are, without JSON.parse), and `-o json --verdict FORWARDED` (10 of 12
 * printed: every line parsed, filtered and encoded). Child processes, interleaved, output to
 * /dev/null. Goal (issue #5): (b) and (c) at >= 40% of the bare loop's rate.
 * Run: make build && node dist/bench/observe.js [flows=1000000] [rounds=3]
 */
import {spawnSync} from 'node:child_process'
import {mkdtempSync, rmSync} from 'node:fs'
import {loadavg, tmpdir} from 'node:os'
import {join} from 'node:path'
import {fileURLToPath} from 'node:url'
import {bareLoop, writeFlowFile} from './flows.js'
import {interleave, median} from './lib.js'

const flows = Number(process.argv[2] ?? 1_000_000)
const rounds = Number(process.argv[3] ?? 3)
const root = fileURLToPath(new URL('../../', import.meta.url))
const hubble = join(root, 'bin', 'hubble.js')
// CPU seconds (user+sys, from /usr/bin/time) of each variant's runs: the load of the shared
// machine moves wall times a lot between variants, CPU time much less.
const cpu: Record<string, number[]> = {}

function timeRun(name: string, args: string[]): number {
  const t0 = process.hrtime.bigint()
  const r = spawnSync('/usr/bin/time', ['-f', 'cpu %U %S', process.execPath, ...args], {stdio: ['ignore', 'ignore', 'pipe'], maxBuffer: 1 << 26})
  const ms = Number(process.hrtime.bigint() - t0) / 1e6
  if (r.status !== 0) throw new Error(`${args.join(' ')} exited ${r.status}: ${r.stderr}`)
  const m = /cpu ([\d.]+) ([\d.]+)\s*$/.exec(r.stderr.toString())
  ;(cpu[name] ??= []).push(m ? Number(m[1]) + Number(m[2]) : NaN)
  return ms
}

const dir = mkdtempSync(join(tmpdir(), 'ck-bench-observe-'))
try {
  const file = join(dir, 'flows.jsonl')
  writeFlowFile(file, flows)
  const loadBefore = loadavg()[0]
  const times = interleave(rounds, {
    bare: () => timeRun('bare', ['-e', bareLoop, file]),
    compact: () => timeRun('compact', [hubble, 'observe', '--input-file', file, '--all', '-o', 'compact']),
    filtered: () => timeRun('filtered', [hubble, 'observe', '--input-file', file, '--all', '-o', 'compact', '--http-method', 'POST']),
    json: () => timeRun('json', [hubble, 'observe', '--input-file', file, '--all', '-o', 'json']),
    'json-fwd': () => timeRun('json-fwd', [hubble, 'observe', '--input-file', file, '--all', '-o', 'json', '--verdict', 'FORWARDED']),
  })
  const rate = (ms: number): string => `${Math.round(flows / (ms / 1000)).toLocaleString('en-US')} flows/s`
  const bare = median(times.bare)
  const bareCpu = median(cpu.bare!)
  console.log(`observe (${flows.toLocaleString('en-US')} flows, ${rounds} rounds, load ${loadBefore.toFixed(2)} -> ${loadavg()[0].toFixed(2)}):`)
  // The letters: (a) the floor, (b) -o json, (c) -o compact.
  const label: Record<string, string> = {bare: '(a) bare', json: '(b) json', compact: '(c) compact'}
  for (const [name, ts] of Object.entries(times)) {
    const m = median(ts)
    const c = median(cpu[name]!)
    console.log(`  ${(label[name] ?? name).padEnd(12)} ${(m / 1000).toFixed(2)} s  ${rate(m)}  ${(100 * bare / m).toFixed(0)}% of bare | CPU ${c.toFixed(2)} s  ${(100 * bareCpu / c).toFixed(0)}% of bare`)
  }
  const pct = (name: string) => `${(100 * bare / median(times[name]!)).toFixed(0)}% wall / ${(100 * bareCpu / median(cpu[name]!)).toFixed(0)}% CPU`
  console.log(`  goal: (b) json and (c) compact >= 40% of bare -> ${pct('json')} and ${pct('compact')}; json --verdict FORWARDED ${pct('json-fwd')}`)
} finally {
  rmSync(dir, {recursive: true, force: true})
}
