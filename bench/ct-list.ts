/**
 * bench/ct-list: `cilium bpf ct list global` on a 1,000,000-entry conntrack map
 * (cilium_ct4_global: LRU hash, 14-byte tuple -> 56-byte ct_entry) against
 * `bpftool map dump` of the same pinned map, interleaved in one run, stdout to /dev/null.
 * Goal (issue #4): at least 2x bpftool plain while printing the human format.
 * Run as root: make build && node dist/bench/ct-list.js [rounds]
 */
import {spawnSync} from 'node:child_process'
import {mkdirSync, mkdtempSync, readFileSync, rmSync} from 'node:fs'
import {cpus, loadavg, tmpdir} from 'node:os'
import {join} from 'node:path'
import {fileURLToPath} from 'node:url'
import {BpfMap, ensureBpffs, unmountBpffs} from '../src/bpf/index.js'
import {median} from './lib.js'

const entries = 1_000_000
const rounds = Number(process.argv[2] ?? 3)
const cilium = fileURLToPath(new URL('../../bin/cilium.js', import.meta.url))

/** Wall and CPU (user + system) seconds of a child from /usr/bin/time, its stdout to /dev/null. */
function timeChild(file: string, args: readonly string[], report: string): {wall: number; cpu: number} {
  const r = spawnSync('/usr/bin/time', ['-f', '%e %U %S', '-o', report, file, ...args], {stdio: ['ignore', 'ignore', 'pipe']})
  if (r.status !== 0) throw new Error(`${file} ${args.join(' ')} exited ${r.status}: ${r.stderr}`)
  const [wall, user, sys] = readFileSync(report, 'utf8').trim().split('\n').pop()!.split(' ').map(Number)
  return {wall, cpu: user + sys}
}

/** 1M distinct IPv4 TCP tuples with a full 1.16+ ct_entry each (cilium.md §2.4 offsets). */
function fill(map: BpfMap): number {
  const t0 = process.hrtime.bigint()
  const k = Buffer.alloc(14), v = Buffer.alloc(56)
  for (let i = 0; i < entries; i++) {
    k.writeUInt32BE(0x0a000000 + i, 0)          // daddr 10.x.y.z
    k.writeUInt32BE(0xc0a80001, 4)              // saddr 192.168.0.1
    k.writeUInt16BE(80, 8)                      // dport
    k.writeUInt16BE(1024 + (i % 60_000), 10)    // sport
    k[12] = 6                                   // TCP
    k[13] = i & 1                               // OUT / IN
    v.writeBigUInt64LE(BigInt(i & 0xffff), 16)  // packets
    v.writeBigUInt64LE(BigInt(i * 64), 24)      // bytes
    v.writeUInt32LE(21_600 + i, 32)             // lifetime
    v.writeUInt16LE(0x13, 36)                   // flags
    v[42] = 0x1b; v[43] = 0x12                  // tx/rx flags seen
    v.writeUInt32LE(256 + (i & 0xff), 44)       // source identity
    map.update(k, v)
  }
  return Number(process.hrtime.bigint() - t0) / 1e9
}

function main(): void {
  const work = mkdtempSync(join(tmpdir(), 'ck-bench-ct-'))
  const root = join(work, 'bpffs')
  ensureBpffs(root)
  const globals = join(root, 'tc', 'globals')
  mkdirSync(globals, {recursive: true})
  // Room to spare: an LRU map close to full evicts before max_entries.
  const ct = BpfMap.create({type: 'lru_hash', keySize: 14, valueSize: 56, maxEntries: 2 * entries, name: 'cilium_ct4_glob'})
  const any = BpfMap.create({type: 'lru_hash', keySize: 14, valueSize: 56, maxEntries: 262_144, name: 'cilium_ct_any4_'})
  try {
    const pin = join(globals, 'cilium_ct4_global')
    ct.pin(pin)
    any.pin(join(globals, 'cilium_ct_any4_global'))
    const fillSec = fill(ct)
    const lines = Number(spawnSync('sh', ['-c', `"${process.execPath}" "${cilium}" bpf ct list global --bpffs "${root}" | grep -c '^TCP '`],
      {encoding: 'utf8'}).stdout.trim())
    if (lines !== entries) throw new Error(`cilium bpf ct list printed ${lines} entries, expected ${entries}`)
    console.log(`ct-list: ${entries.toLocaleString('en-US')} entries in cilium_ct4_global filled in ${fillSec.toFixed(2)} s; `
      + `${rounds} rounds, interleaved, medians; load ${loadavg().map((l) => l.toFixed(1)).join(' ')} on ${cpus().length} CPUs`)
    const report = join(work, 'time')
    const variants: Record<string, () => {wall: number; cpu: number}> = {
      'bpftool map dump': () => timeChild('bpftool', ['map', 'dump', 'pinned', pin], report),
      'bpftool -j map dump': () => timeChild('bpftool', ['-j', 'map', 'dump', 'pinned', pin], report),
      'cilium bpf ct list global': () => timeChild(process.execPath, [cilium, 'bpf', 'ct', 'list', 'global', '--bpffs', root], report),
      'cilium bpf ct list global -o json': () =>
        timeChild(process.execPath, [cilium, 'bpf', 'ct', 'list', 'global', '--bpffs', root, '-o', 'json'], report),
    }
    const times: Record<string, Array<{wall: number; cpu: number}>> = Object.fromEntries(Object.keys(variants).map((n) => [n, []]))
    for (let r = 0; r < rounds; r++) {
      for (const name of Object.keys(variants).sort(() => Math.random() - 0.5)) times[name].push(variants[name]())
    }
    const med = (name: string, k: 'wall' | 'cpu') => median(times[name].map((t) => t[k]))
    console.log(`  ${'variant'.padEnd(36)} ${'wall s'.padStart(8)} ${'entries/s'.padStart(12)} ${'CPU s'.padStart(8)}`)
    for (const name of Object.keys(variants)) {
      console.log(`  ${name.padEnd(36)} ${med(name, 'wall').toFixed(3).padStart(8)} `
        + `${(entries / med(name, 'wall')).toFixed(0).padStart(12)} ${med(name, 'cpu').toFixed(3).padStart(8)}`)
    }
    const ratio = (base: string, ours: string, k: 'wall' | 'cpu') => (med(base, k) / med(ours, k)).toFixed(2)
    for (const k of ['wall', 'cpu'] as const) {
      console.log(`  ratio (${k}): cilium bpf ct list vs bpftool map dump ${ratio('bpftool map dump', 'cilium bpf ct list global', k)}x `
        + `faster (goal >= 2x); -o json vs bpftool -j ${ratio('bpftool -j map dump', 'cilium bpf ct list global -o json', k)}x`)
    }
    console.log(`  load after the run: ${loadavg().map((l) => l.toFixed(1)).join(' ')}`)
  } finally {
    ct.close()
    any.close()
    unmountBpffs(root)
    rmSync(work, {recursive: true, force: true})
  }
}

main()
