/**
 * bench/observe: `hubble observe --input-file F -o compact` on the 1,000,000-flow file of
 * research/peers/perf-flow-template.json (line i = variant i % 12 with its times set to
 * base_time + i * time_step_ns), against a bare loop over the same file that only splits
 * lines and JSON.parses them. Both run as child processes, interleaved, output to /dev/null.
 * Goal (issue #5): ours at >= 40% of the bare loop's rate.
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
function timeRun(args: string[]): number {
  const t0 = process.hrtime.bigint()
  const r = spawnSync(process.execPath, args, {stdio: ['ignore', 'ignore', 'pipe'], maxBuffer: 1 << 26})
  const ms = Number(process.hrtime.bigint() - t0) / 1e6
  if (r.status !== 0) throw new Error(`${args.join(' ')} exited ${r.status}: ${r.stderr}`)
  return ms
}

const dir = mkdtempSync(join(tmpdir(), 'ck-bench-observe-'))
try {
  const file = join(dir, 'flows.jsonl')
  writeFlowFile(file, flows)
  const times = interleave(rounds, {
    bare: () => timeRun(['-e', bareLoop, file]),
    compact: () => timeRun([hubble, 'observe', '--input-file', file, '--all', '-o', 'compact']),
    filtered: () => timeRun([hubble, 'observe', '--input-file', file, '--all', '-o', 'compact', '--http-method', 'POST']),
    json: () => timeRun([hubble, 'observe', '--input-file', file, '--all', '-o', 'json']),
  })
  const rate = (ms: number): string => `${Math.round(flows / (ms / 1000)).toLocaleString('en-US')} flows/s`
  const bare = median(times.bare)
  console.log(`observe (${flows.toLocaleString('en-US')} flows, ${rounds} rounds, load ${loadavg()[0].toFixed(2)}):`)
  for (const [name, ts] of Object.entries(times)) {
    const m = median(ts)
    console.log(`  ${name.padEnd(9)} ${(m / 1000).toFixed(2)} s  ${rate(m)}  ${(100 * bare / m).toFixed(0)}% of bare`)
  }
  console.log(`  goal: (b) json and (c) compact >= 40% of bare -> ${(100 * bare / median(times.json)).toFixed(0)}% and ${(100 * bare / median(times.compact)).toFixed(0)}%`)
} finally {
  rmSync(dir, {recursive: true, force: true})
}
