/**
 * bench/observe: `hubble observe --input-file F -o compact` on the 1,000,000-flow file of
 * research/peers/perf-flow-template.json (line i = variant i % 12 with its times set to
 * base_time + i * time_step_ns), against a bare loop over the same file that only splits
 * lines and JSON.parses them. Both run as child processes, interleaved, output to /dev/null.
 * Goal (issue #5): ours at >= 40% of the bare loop's rate.
 * Run: make build && node dist/bench/observe.js [flows=1000000] [rounds=3]
 */
import {spawnSync} from 'node:child_process'
import {closeSync, mkdtempSync, openSync, readFileSync, rmSync, writeSync} from 'node:fs'
import {loadavg, tmpdir} from 'node:os'
import {join} from 'node:path'
import {fileURLToPath} from 'node:url'
import {interleave, median} from './lib.js'

const flows = Number(process.argv[2] ?? 1_000_000)
const rounds = Number(process.argv[3] ?? 3)
const root = fileURLToPath(new URL('../../', import.meta.url))
const hubble = join(root, 'bin', 'hubble.js')
const template = JSON.parse(readFileSync(join(root, 'test/fixtures/hubble/perf-flow-template.json'), 'utf8')) as {
  base_time: string; time_step_ns: number; variants: Array<Record<string, unknown> & {flow: Record<string, unknown>}>
}

function rfc3339Nanos(ns: bigint): string {
  const s = ns / 1_000_000_000n
  return new Date(Number(s) * 1000).toISOString().slice(0, 19) + '.' + String(ns % 1_000_000_000n).padStart(9, '0') + 'Z'
}

function writeFlows(path: string): void {
  const fd = openSync(path, 'w')
  const base = BigInt(Date.parse(template.base_time)) * 1_000_000n
  let chunk = ''
  for (let i = 0; i < flows; i++) {
    const v = template.variants[i % template.variants.length]
    const t = rfc3339Nanos(base + BigInt(i) * BigInt(template.time_step_ns))
    chunk += JSON.stringify({...v, flow: {...v.flow, time: t}, time: t}) + '\n'
    if (chunk.length > 1 << 22) {
      writeSync(fd, chunk)
      chunk = ''
    }
  }
  writeSync(fd, chunk)
  closeSync(fd)
}

// The floor: read, split into lines, JSON.parse; nothing printed.
const bareLoop = `
const fs = require('node:fs')
let rest = '', n = 0
const s = fs.createReadStream(process.argv[1], {highWaterMark: 1 << 20, encoding: 'utf8'})
s.on('data', (c) => {
  const t = rest + c
  let i = 0
  for (let j = t.indexOf('\\n'); j >= 0; j = t.indexOf('\\n', i)) { JSON.parse(t.slice(i, j)); n++; i = j + 1 }
  rest = t.slice(i)
})
s.on('end', () => { if (rest) { JSON.parse(rest); n++ } })
`

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
  writeFlows(file)
  const times = interleave(rounds, {
    bare: () => timeRun(['-e', bareLoop, file]),
    compact: () => timeRun([hubble, 'observe', '--input-file', file, '-o', 'compact']),
    filtered: () => timeRun([hubble, 'observe', '--input-file', file, '-o', 'compact', '--http-method', 'POST']),
    jsonpb: () => timeRun([hubble, 'observe', '--input-file', file, '-o', 'jsonpb']),
  })
  const rate = (ms: number): string => `${Math.round(flows / (ms / 1000)).toLocaleString('en-US')} flows/s`
  const bare = median(times.bare)
  console.log(`observe (${flows.toLocaleString('en-US')} flows, ${rounds} rounds, load ${loadavg()[0].toFixed(2)}):`)
  for (const [name, ts] of Object.entries(times)) {
    const m = median(ts)
    console.log(`  ${name.padEnd(9)} ${(m / 1000).toFixed(2)} s  ${rate(m)}  ${(100 * bare / m).toFixed(0)}% of bare`)
  }
  console.log(`  goal: compact >= 40% of bare -> ${(100 * bare / median(times.compact)).toFixed(0)}%`)
} finally {
  rmSync(dir, {recursive: true, force: true})
}
