import assert from 'node:assert/strict'
import {spawn} from 'node:child_process'
import {readFileSync} from 'node:fs'
import {test} from 'node:test'
import {skipUnlessBpf} from '../helpers/kernel.js'
import {bin, bpffs, pinned} from './maps-support.js'

const entries = 1_000_000

interface Run {
  firstOutputMs: number
  exitMs: number
  /** Whether the process was still running when its first output arrived. */
  runningAtFirstOutput: boolean
  lines: number
  peakRssBytes: number
  code: number | null
}

/** Runs `bpf ct list global`, counting lines as they arrive and polling the child's peak RSS (VmHWM). */
function ctList(root: string): Promise<Run> {
  return new Promise((resolve) => {
    const t0 = process.hrtime.bigint()
    const ms = () => Number(process.hrtime.bigint() - t0) / 1e6
    const child = spawn(process.execPath, [bin, 'bpf', 'ct', 'list', 'global', '--bpffs', root], {stdio: ['ignore', 'pipe', 'inherit']})
    let firstOutputMs = -1, runningAtFirstOutput = false, lines = 0, peak = 0
    const poll = setInterval(() => {
      try {
        const hwm = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${child.pid}/status`, 'utf8'))
        if (hwm) peak = Math.max(peak, Number(hwm[1]) * 1024)
      } catch { /* exited between polls */ }
    }, 20)
    child.stdout.on('data', (chunk: Buffer) => {
      if (firstOutputMs < 0) {
        firstOutputMs = ms()
        runningAtFirstOutput = child.exitCode === null
      }
      for (let i = chunk.indexOf(10); i >= 0; i = chunk.indexOf(10, i + 1)) lines++
    })
    child.on('close', (code) => {
      clearInterval(poll)
      resolve({firstOutputMs, exitMs: ms(), runningAtFirstOutput, lines, peakRssBytes: peak, code})
    })
  })
}

test('bpf ct list streams a 1,000,000-entry map: output starts long before the dump ends, RSS grows < 150 MiB', async (t) => {
  if (skipUnlessBpf(t)) return
  const [root, globals] = bpffs(t)
  const ct = pinned(t, globals, 'cilium_ct4_global', {type: 'lru_hash', keySize: 14, valueSize: 56, maxEntries: 2 * entries})
  pinned(t, globals, 'cilium_ct_any4_global', {type: 'lru_hash', keySize: 14, valueSize: 56, maxEntries: 1024})
  const baseline = await ctList(root)  // the same command on empty maps: the RSS of the CLI itself
  assert.equal(baseline.code, 0)
  const k = Buffer.alloc(14), v = Buffer.alloc(56)
  for (let i = 0; i < entries; i++) {
    k.writeUInt32BE(0x0a000000 + i, 0)   // daddr
    k.writeUInt32BE(0xc0a80001, 4)       // saddr
    k.writeUInt16BE(80, 8)               // dport
    k.writeUInt16BE(40000, 10)           // sport
    k[12] = 6                            // TCP
    v.writeUInt32LE(21600, 32)           // lifetime
    ct.update(k, v)
  }
  const r = await ctList(root)
  assert.equal(r.code, 0)
  assert.equal(r.lines, entries + 2, 'one line per entry, then one empty line per map')
  assert.ok(r.runningAtFirstOutput, 'the first lines arrived while the CLI was still dumping')
  assert.ok(r.firstOutputMs < r.exitMs / 2, `first output at ${r.firstOutputMs.toFixed(0)} ms of ${r.exitMs.toFixed(0)} ms`)
  const growth = r.peakRssBytes - baseline.peakRssBytes
  t.diagnostic(`first output ${r.firstOutputMs.toFixed(0)} ms, exit ${r.exitMs.toFixed(0)} ms, peak RSS ${(r.peakRssBytes / 2 ** 20).toFixed(1)} MiB ` +
    `(empty-map run ${(baseline.peakRssBytes / 2 ** 20).toFixed(1)} MiB, growth ${(growth / 2 ** 20).toFixed(1)} MiB)`)
  assert.ok(growth < 150 * 2 ** 20, `RSS grew by ${(growth / 2 ** 20).toFixed(1)} MiB`)
})
