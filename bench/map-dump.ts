/**
 * bench/map-dump: dumping a 1,000,000-entry hash map (16-byte key, 56-byte value, the
 * shape of a conntrack entry), four ways, interleaved in one run:
 *   (a) a C loop of BPF_MAP_LOOKUP_BATCH only (the kernel's floor; compiled here with cc + libbpf)
 *   (b) `bpftool map dump` plain and JSON, to /dev/null
 *   (c) BpfMap.entries() decoding every entry into a JS object, in this process
 *   (c') the same objects decoded at offsets from BpfMap.batches() (no Buffer per entry)
 *   (d) `cilium bpf map get` to /dev/null
 * Goals (issue #3): (c) at least 50% of (a)'s rate; (d) at least 3x faster than bpftool plain;
 * RSS growth while (c) iterates under 100 MiB.
 * Run as root: make build && node dist/bench/map-dump.js [rounds]
 */
import {execFileSync, spawnSync} from 'node:child_process'
import {mkdtempSync, readFileSync, rmSync, writeFileSync} from 'node:fs'
import {cpus, loadavg, tmpdir} from 'node:os'
import {join} from 'node:path'
import {fileURLToPath} from 'node:url'
import {BpfMap, ensureBpffs, unmountBpffs} from '../src/bpf/index.js'
import {median} from './lib.js'

const entries = 1_000_000
const keySize = 16, valueSize = 56
const rounds = Number(process.argv[2] ?? 3)
const root = fileURLToPath(new URL('../../', import.meta.url))
const cilium = join(root, 'bin', 'cilium.js')

// The floor: nothing but batch lookups into reused buffers, timed inside the program.
const floorSource = `
#include <bpf/bpf.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>
int main(int argc, char **argv) {
	int fd = bpf_obj_get(argv[1]);
	if (fd < 0) { perror("bpf_obj_get"); return 1; }
	struct bpf_map_info info = {};
	__u32 len = sizeof(info), chunk = 4096;
	if (bpf_obj_get_info_by_fd(fd, &info, &len)) { perror("info"); return 1; }
	char *keys = malloc((size_t)chunk * info.key_size), *values = malloc((size_t)chunk * info.value_size);
	__u64 in = 0, out = 0;
	long total = 0;
	struct timespec a, b, ca, cb;
	clock_gettime(CLOCK_MONOTONIC, &a);
	clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ca);
	for (int first = 1;; first = 0) {
		__u32 n = chunk;
		int err = bpf_map_lookup_batch(fd, first ? NULL : &in, &out, keys, values, &n, NULL);
		total += n;
		if (err == -ENOENT) break;
		if (err) { fprintf(stderr, "batch: %d\\n", err); return 1; }
		in = out;
	}
	clock_gettime(CLOCK_MONOTONIC, &b);
	clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &cb);
	printf("%ld %.6f %.6f\\n", total, (b.tv_sec - a.tv_sec) + (b.tv_nsec - a.tv_nsec) / 1e9,
	       (cb.tv_sec - ca.tv_sec) + (cb.tv_nsec - ca.tv_nsec) / 1e9);
	return 0;
}
`

interface Ct {
  saddr: number; daddr: number; sport: number; dport: number; nexthdr: number; flags: number
  rxPackets: number; rxBytes: number; lifetime: number; txFlagsSeen: number
}

/** Wall and CPU (user + system, every thread) time of one variant, in ms. */
interface Timing {
  wall: number
  cpu: number
}

/** (c): every entry into a JS object, as a `cilium bpf ct list` decoder would; also the RSS peak growth. */
async function iterateObjects(map: BpfMap): Promise<Timing & {rssGrowth: number; n: number}> {
  const rss0 = process.memoryUsage.rss()
  let peak = rss0, n = 0, check = 0
  const t0 = process.hrtime.bigint(), cpu0 = process.cpuUsage()
  for await (const [k, v] of map.entries()) {
    const ct: Ct = {saddr: k.readUInt32BE(0), daddr: k.readUInt32BE(4), sport: k.readUInt16BE(8), dport: k.readUInt16BE(10),
      nexthdr: k[12], flags: k[13], rxPackets: v.readUInt32LE(0), rxBytes: v.readUInt32LE(8), lifetime: v.readUInt32LE(32),
      txFlagsSeen: v[40]}
    if (ct.lifetime > 0) n++
    if (++check === 65_536) {
      check = 0
      peak = Math.max(peak, process.memoryUsage.rss())
    }
  }
  const cpu = process.cpuUsage(cpu0)
  return {wall: Number(process.hrtime.bigint() - t0) / 1e6, cpu: (cpu.user + cpu.system) / 1000,
    rssGrowth: Math.max(peak, process.memoryUsage.rss()) - rss0, n}
}

/** (c'): the same objects from MapBatch offsets (BpfMap.batches()), the path src/maps decoders stream on. */
async function decodeBatches(map: BpfMap): Promise<Timing & {n: number}> {
  let n = 0
  const t0 = process.hrtime.bigint(), cpu0 = process.cpuUsage()
  for await (const {keys: k, values: v, count, keySize: ks, valueStride: vs} of map.batches()) {
    for (let i = 0, ko = 0, vo = 0; i < count; i++, ko += ks, vo += vs) {
      const ct: Ct = {saddr: k.readUInt32BE(ko), daddr: k.readUInt32BE(ko + 4), sport: k.readUInt16BE(ko + 8),
        dport: k.readUInt16BE(ko + 10), nexthdr: k[ko + 12], flags: k[ko + 13], rxPackets: v.readUInt32LE(vo),
        rxBytes: v.readUInt32LE(vo + 8), lifetime: v.readUInt32LE(vo + 32), txFlagsSeen: v[vo + 40]}
      if (ct.lifetime > 0) n++
    }
  }
  const cpu = process.cpuUsage(cpu0)
  return {wall: Number(process.hrtime.bigint() - t0) / 1e6, cpu: (cpu.user + cpu.system) / 1000, n}
}

/** A child's wall and CPU time from /usr/bin/time, its stdout to /dev/null. */
function timeChild(file: string, args: readonly string[], report: string): Timing {
  const r = spawnSync('/usr/bin/time', ['-f', '%e %U %S', '-o', report, file, ...args], {stdio: ['ignore', 'ignore', 'pipe']})
  if (r.status !== 0) throw new Error(`${file} ${args.join(' ')} exited ${r.status}: ${r.stderr}`)
  const [wall, user, sys] = readFileSync(report, 'utf8').trim().split('\n').pop()!.split(' ').map(Number)
  return {wall: wall * 1000, cpu: (user + sys) * 1000}
}

/** Fills the map with one BpfMap.updateBatch (BPF_MAP_UPDATE_BATCH); returns the ms it took. */
async function fill(map: BpfMap): Promise<number> {
  const t0 = process.hrtime.bigint()
  const keys = Buffer.alloc(entries * keySize), values = Buffer.alloc(entries * valueSize)
  for (let i = 0, k = 0, v = 0; i < entries; i++, k += keySize, v += valueSize) {
    keys.writeUInt32BE(0x0a000000 + (i >>> 8), k)
    keys.writeUInt32BE(0x0a630000 + (i & 0xff), k + 4)
    keys.writeUInt16BE(1024 + (i % 50_000), k + 8)
    keys.writeUInt16BE(80, k + 10)
    keys[k + 12] = 6
    values.writeUInt32LE(i, v)
    values.writeUInt32LE(i * 64, v + 8)
    values.writeUInt32LE(21_600, v + 32)
  }
  await map.updateBatch(keys, values)
  return Number(process.hrtime.bigint() - t0) / 1e6
}

const fmt = (n: number): string => n.toLocaleString('en-US', {maximumFractionDigits: 0})
const rate = (ms: number): string => `${(entries / (ms / 1000) / 1e6).toFixed(2)} M`

async function main(): Promise<void> {
  const work = mkdtempSync(join(tmpdir(), 'ck-bench-map-'))
  const fs = join(work, 'bpffs')
  ensureBpffs(fs)
  const map = BpfMap.create({type: 'hash', keySize, valueSize, maxEntries: entries, name: 'ck_bench_ct'})
  try {
    const pin = join(fs, 'ck_bench_ct')
    map.pin(pin)
    const floor = join(work, 'batch-floor')
    writeFileSync(`${floor}.c`, floorSource)
    execFileSync('cc', ['-O2', '-o', floor, `${floor}.c`, '-lbpf'], {stdio: 'inherit'})
    const fillMs = await fill(map)
    console.log(`map-dump: ${fmt(entries)} entries (key ${keySize} B, value ${valueSize} B) filled in ${(fillMs / 1000).toFixed(2)} s; `
      + `${rounds} rounds, interleaved, medians; load average ${loadavg().map((l) => l.toFixed(1)).join(' ')}`)

    const report = join(work, 'time')
    const rss: number[] = []
    const variants: Record<string, () => Promise<Timing>> = {
      '(a) C BPF_MAP_LOOKUP_BATCH loop': async () => {
        const [n, wall, cpu] = execFileSync(floor, [pin], {encoding: 'utf8'}).trim().split(' ').map(Number)
        if (n !== entries) throw new Error(`floor read ${n} entries`)
        return {wall: wall * 1000, cpu: cpu * 1000}
      },
      '(b) bpftool map dump': async () => timeChild('bpftool', ['map', 'dump', 'pinned', pin], report),
      '(b) bpftool -j map dump': async () => timeChild('bpftool', ['-j', 'map', 'dump', 'pinned', pin], report),
      '(c) BpfMap.entries() -> JS objects': async () => {
        const r = await iterateObjects(map)
        if (r.n !== entries) throw new Error(`entries() yielded ${r.n}`)
        rss.push(r.rssGrowth)
        return r
      },
      "(c') BpfMap.batches() -> JS objects": async () => {
        const r = await decodeBatches(map)
        if (r.n !== entries) throw new Error(`batches() yielded ${r.n}`)
        return r
      },
      '(d) cilium bpf map get': async () => timeChild(process.execPath, [cilium, 'bpf', 'map', 'get', pin], report),
      '(d) cilium bpf map get -o json': async () => timeChild(process.execPath, [cilium, 'bpf', 'map', 'get', pin, '-o', 'json'], report),
    }
    const times: Record<string, Timing[]> = Object.fromEntries(Object.keys(variants).map((n) => [n, []]))
    for (let r = 0; r < rounds; r++) {
      for (const name of Object.keys(variants).sort(() => Math.random() - 0.5)) times[name].push(await variants[name]())
    }
    const med = (name: string, k: keyof Timing): number => median(times[name].map((t) => t[k]))
    console.log(`  ${'variant'.padEnd(36)} ${'wall s'.padStart(8)} ${'entries/s'.padStart(10)} ${'CPU s'.padStart(8)} ${'entries/CPU s'.padStart(14)}`)
    for (const name of Object.keys(variants)) {
      const wall = med(name, 'wall'), cpu = med(name, 'cpu')
      console.log(`  ${name.padEnd(36)} ${(wall / 1000).toFixed(3).padStart(8)} ${rate(wall).padStart(10)} `
        + `${(cpu / 1000).toFixed(3).padStart(8)} ${rate(cpu).padStart(14)}`)
    }
    const ratio = (num: string, den: string, k: keyof Timing): number => med(num, k) / med(den, k)
    const [a, c, b, d] = ['(a) C BPF_MAP_LOOKUP_BATCH loop', '(c) BpfMap.entries() -> JS objects', '(b) bpftool map dump', '(d) cilium bpf map get']
    console.log(`  (c) rate / (a) rate: wall ${(100 * ratio(a, c, 'wall')).toFixed(0)}%, CPU ${(100 * ratio(a, c, 'cpu')).toFixed(0)}%  (goal >= 50%)`)
    const c2 = "(c') BpfMap.batches() -> JS objects"
    console.log(`  (c') rate / (a) rate: wall ${(100 * ratio(a, c2, 'wall')).toFixed(0)}%, CPU ${(100 * ratio(a, c2, 'cpu')).toFixed(0)}%`)
    console.log(`  (d) vs bpftool plain: wall ${ratio(b, d, 'wall').toFixed(2)}x, CPU ${ratio(b, d, 'cpu').toFixed(2)}x faster  (goal >= 3x); `
      + `-o json vs bpftool -j: wall ${ratio('(b) bpftool -j map dump', '(d) cilium bpf map get -o json', 'wall').toFixed(2)}x`)
    console.log(`  RSS growth while (c) iterates: ${(Math.max(...rss) / 2 ** 20).toFixed(1)} MiB (max of ${rss.length} rounds; goal < 100 MiB)`)
    console.log(`  load average at the end: ${loadavg().map((l) => l.toFixed(1)).join(' ')} on ${cpus().length} CPUs`)
  } finally {
    map.close()
    unmountBpffs(fs)
    rmSync(work, {recursive: true, force: true})
  }
}

await main()
