/**
 * bench/observe-serve: issue #5 (d) and (e) and the server's memory. `hubble serve` holds the
 * 1,000,000-flow file of bench/flows.ts in a ring big enough for all of it, and
 * `hubble observe --server unix://… --all -o compact` (d), then with `--http-method POST`
 * (e, 1 flow in 6 matches, filtered in the server) read it over a unix socket to /dev/null.
 * The floor of bench/observe (split + JSON.parse of the same file) runs in the same rounds.
 * Then: the server's RSS with a 65,535-flow ring (goal < 300 MiB), and back-pressure: a client
 * whose stdout is not read (sampled at 2 s and 6 s) must stall the stream with flat memory on both sides.
 * Goals: (d) >= 80,000 flows/s. Run: make build && node dist/bench/observe-serve.js [flows] [rounds]
 */
import {spawn, spawnSync, type ChildProcess} from 'node:child_process'
import {mkdtempSync, readFileSync, rmSync} from 'node:fs'
import {loadavg, tmpdir} from 'node:os'
import {join} from 'node:path'
import {fileURLToPath} from 'node:url'
import {bareLoop, writeFlowFile} from './flows.js'
import {interleave, median} from './lib.js'

const flows = Number(process.argv[2] ?? 1_000_000)
const rounds = Number(process.argv[3] ?? 3)
const root = fileURLToPath(new URL('../../', import.meta.url))
const hubble = join(root, 'bin', 'hubble.js')
const mib = (kb: number) => `${(kb / 1024).toFixed(0)} MiB`

function rssKb(pid: number, field: 'VmRSS' | 'VmHWM' = 'VmRSS'): number {
  const m = new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(readFileSync(`/proc/${pid}/status`, 'utf8'))
  return m ? Number(m[1]) : NaN
}

// user+system CPU seconds of a process so far (/proc/PID/stat, clock ticks of 1/100 s).
function cpuSeconds(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').replace(/^.*\) /, '').split(' ')
  return (Number(fields[11]) + Number(fields[12])) / 100
}

// CPU seconds (user+sys) of each variant's runs: the child's from /usr/bin/time, the server's from /proc.
const cpu: Record<string, Array<{client: number, server: number}>> = {}
let serverPid = 0

function timeRun(name: string, args: string[]): number {
  const server0 = serverPid ? cpuSeconds(serverPid) : 0
  const t0 = process.hrtime.bigint()
  const r = spawnSync('/usr/bin/time', ['-f', 'cpu %U %S', process.execPath, ...args], {stdio: ['ignore', 'ignore', 'pipe'], maxBuffer: 1 << 26})
  const ms = Number(process.hrtime.bigint() - t0) / 1e6
  if (r.status !== 0) throw new Error(`${args.join(' ')} exited ${r.status}: ${r.stderr}`)
  const m = /cpu ([\d.]+) ([\d.]+)\s*$/.exec(r.stderr.toString())
  ;(cpu[name] ??= []).push({client: m ? Number(m[1]) + Number(m[2]) : NaN, server: serverPid ? cpuSeconds(serverPid) - server0 : 0})
  return ms
}

/** `hubble serve` on a unix socket; resolves once it serves, with how long loading took. */
async function serve(file: string, socket: string, capacity: number): Promise<{child: ChildProcess, loadMs: number}> {
  const t0 = Date.now()
  const child = spawn(process.execPath, [hubble, 'serve', '--input-file', file, '--listen-address', `unix://${socket}`,
    '--event-buffer-capacity', String(capacity)], {stdio: ['ignore', 'ignore', 'pipe']})
  let err = ''
  await new Promise<void>((resolve, reject) => {
    child.stderr!.setEncoding('utf8').on('data', (d: string) => {
      err += d
      if (err.includes('Serving ')) resolve()
    })
    child.on('exit', (code) => reject(new Error(`serve exited ${code}: ${err}`)))
  })
  return {child, loadMs: Date.now() - t0}
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms))
const dir = mkdtempSync(join(tmpdir(), 'ck-bench-serve-'))
const children: ChildProcess[] = []
try {
  const file = join(dir, 'flows.jsonl')
  writeFlowFile(file, flows)
  const socket = join(dir, 'hubble.sock')
  const loadBefore = loadavg()[0]
  const big = await serve(file, socket, 2 ** Math.ceil(Math.log2(flows + 1)) - 1)
  children.push(big.child)
  serverPid = big.child.pid!
  const server = `unix://${socket}`
  const times = interleave(rounds, {
    bare: () => timeRun('bare', ['-e', bareLoop, file]),
    'serve+observe compact': () => timeRun('serve+observe compact', [hubble, 'observe', '--server', server, '--all', '-o', 'compact']),
    'serve+observe POST': () => timeRun('serve+observe POST', [hubble, 'observe', '--server', server, '--all', '-o', 'compact', '--http-method', 'POST']),
  })
  const rate = (ms: number) => Math.round(flows / (ms / 1000))
  const bare = median(times.bare)
  const bareCpu = median(cpu.bare!.map((c) => c.client))
  console.log(`observe-serve (${flows.toLocaleString('en-US')} flows over a unix socket, ${rounds} rounds, load ${loadBefore.toFixed(2)} -> ${loadavg()[0].toFixed(2)}):`)
  console.log(`  serve loaded the file in ${(big.loadMs / 1000).toFixed(1)} s (${rate(big.loadMs).toLocaleString('en-US')} flows/s), RSS ${mib(rssKb(big.child.pid!))} with all of it in the ring`)
  console.log('  variant                  wall   flows/s  vs bare | CPU s: client server  flows per CPU s (client)  vs bare')
  for (const [name, ts] of Object.entries(times)) {
    const m = median(ts)
    const c = median(cpu[name]!.map((x) => x.client))
    const sv = median(cpu[name]!.map((x) => x.server))
    console.log(`  ${name.padEnd(22)} ${(m / 1000).toFixed(2).padStart(6)} s ${rate(m).toLocaleString('en-US').padStart(9)} ${(100 * bare / m).toFixed(0).padStart(5)}% |`
      + ` ${c.toFixed(2).padStart(6)} ${sv.toFixed(2).padStart(6)}  ${Math.round(flows / c).toLocaleString('en-US').padStart(9)} ${(100 * bareCpu / c).toFixed(0).padStart(14)}%`)
  }
  const d = rate(median(times['serve+observe compact']))
  console.log(`  goal: (d) >= 80,000 flows/s -> ${d.toLocaleString('en-US')} (${d >= 80_000 ? 'met' : 'NOT met'}); real hubble 0.12.3 compact from a file: 16,121 flows/s (perf.md)`)
  serverPid = 0

  // Back-pressure: nobody reads the client's stdout for 3 s.
  const slow = spawn(process.execPath, [hubble, 'observe', '--server', server, '--all', '-o', 'compact'], {stdio: ['ignore', 'pipe', 'ignore']})
  children.push(slow)
  slow.stdout!.pause()
  // The first sample once the client runs and its stream has filled up (start-up takes ~2 s under load).
  await sleep(2000)
  const at1 = [rssKb(slow.pid!), rssKb(big.child.pid!)]
  await sleep(4000)
  const at3 = [rssKb(slow.pid!), rssKb(big.child.pid!)]
  let bytes = 0
  slow.stdout!.on('data', (b: Buffer) => { bytes += b.length })
  slow.stdout!.resume()
  await new Promise((r) => slow.on('close', r))
  console.log(`  back-pressure: stdout unread from 2 s to 6 s: client RSS ${mib(at1[0]!)} -> ${mib(at3[0]!)}, server RSS ${mib(at1[1]!)} -> ${mib(at3[1]!)}; then read to the end: ${(bytes / 2 ** 20).toFixed(0)} MiB`)
  big.child.kill('SIGTERM')

  // The server with the agent-sized ring of the issue.
  const socket2 = join(dir, 'hubble-65535.sock')
  const ring = await serve(file, socket2, 65_535)
  children.push(ring.child)
  await sleep(500)
  const rss = rssKb(ring.child.pid!)
  console.log(`  serve with a 65,535-flow ring after ${flows.toLocaleString('en-US')} flows: RSS ${mib(rss)}, peak ${mib(rssKb(ring.child.pid!, 'VmHWM'))} (goal < 300 MiB: ${rss < 300 * 1024 ? 'met' : 'NOT met'})`)
} finally {
  for (const c of children) if (c.exitCode === null && c.signalCode === null) c.kill('SIGKILL')
  rmSync(dir, {recursive: true, force: true})
}
