/**
 * The datapath's cost, in one run (root only), with 1,000 entries in each policy map:
 *  1. Per packet under BPF_PROG_TEST_RUN (repeat N on one CPU, warm caches, so the machine's
 *     load barely moves it): an empty tc program (the harness's own floor), and bpf_lxc on an
 *     established TCP packet, a reply, a packet its policy drops, and one its policy admits
 *     with conntrack off (the policy lookup on every packet).
 *  2. With traffic: iperf3 TCP between two endpoint namespaces behind a node namespace, both
 *     endpoints enforced in both directions, in interleaved rounds: the bare veths (baseline),
 *     the empty program on both host veths, and our programs (both on tcx hooks where the kernel
 *     has them). Throughput and the iperf3 processes' CPU time per GB moved, each program variant
 *     with the run-time statistics off and on, and ns/packet from those statistics
 *     (kernel.bpf_stats_enabled), the issue's measure, whose floor the empty program shows.
 *   node dist/bench/datapath.js [rounds=3] [seconds=3] [repeat=1000000]
 */
import {execFileSync} from 'node:child_process'
import {readFileSync, writeFileSync} from 'node:fs'
import {loadavg} from 'node:os'
import {BpfObject} from '../src/bpf/index.js'
import {Datapath} from '../src/datapath/index.js'
import {packagePath} from '../src/paths.js'
import {Precedence, type PolicyEntry} from '../src/policy/entries.js'
import {endpointNetwork, execIn, spawnIn, tempBpffsDir, type Cleanup} from '../test/helpers/kernel.js'
import {median} from './lib.js'

const rounds = Number(process.argv[2] ?? 3)
const seconds = Number(process.argv[3] ?? 3)
const repeat = Number(process.argv[4] ?? 1_000_000)
const policyEntries = 1000
const port = 5201
const TC_ACT_OK = 0, TC_ACT_SHOT = 2

if (process.getuid?.() !== 0) {
  console.log('datapath: skipped (needs root for namespaces, tc and BPF)')
  process.exit(0)
}

const hooks: Array<() => void | Promise<void>> = []
const cleanup: Cleanup = {after: (fn) => { hooks.push(fn) }}
const statsSysctl = '/proc/sys/kernel/bpf_stats_enabled'
const statsBefore = readFileSync(statsSysctl, 'utf8').trim()
const load = () => loadavg()[0].toFixed(1)

/** `policyEntries` entries in one direction: 999 for other identities and ports, then the one that admits `peer` on `port`. */
function entries(peer: number, egress: boolean): PolicyEntry[] {
  const entry = (identity: number, dport: number): PolicyEntry => ({identity, egress, protocol: 6, dport, prefixLen: 24, deny: false,
    proxyPort: 0, auth: 0, precedence: Precedence.allow, cookie: 0})
  return [...Array.from({length: policyEntries - 1}, (_, i) => entry(20_000 + i, 1000 + (i % 5000))), entry(peer, port)]
}

/** An Ethernet + IPv4 + TCP frame (checksums left 0: nothing on the way checks them) with `payload` zero bytes. */
function tcpFrame(src: string, dst: string, sport: number, dport: number, flags: number, payload = 0): Buffer {
  const f = Buffer.alloc(14 + 20 + 20 + payload)
  f.writeUInt16BE(0x0800, 12)
  f[14] = 0x45
  f.writeUInt16BE(40 + payload, 16)
  f[22] = 64
  f[23] = 6
  Buffer.from(src.split('.').map(Number)).copy(f, 26)
  Buffer.from(dst.split('.').map(Number)).copy(f, 30)
  f.writeUInt16BE(sport, 34)
  f.writeUInt16BE(dport, 36)
  f[46] = 5 << 4
  f[47] = flags
  return f
}

/**
 * Part 1: an endpoint on loopback, where BPF_PROG_TEST_RUN delivers, talking to a peer
 * identity its policy admits on `port` in both directions. Each case runs `repeat` times, 5
 * times over; the median mean is kept.
 */
async function testRunCosts(dp: Datapath, pass: BpfObject): Promise<Array<[string, number]>> {
  const local = '10.250.0.1', peer = '10.250.0.2'
  dp.upsertEndpoint({id: 3, ifindex: 1, identity: 1003, ips: [local],
    config: {selected: {ingress: true, egress: true}, eventsPerSecond: 1000}})
  dp.upsertIpcache(peer, 1004)
  await dp.setPolicy(3, [...entries(1004, true), ...entries(1004, false)])
  const ACK = 0x10, SYN = 0x02
  const cost = (run: () => {verdict: number; nsPerRun: number}, want: number): number => median(Array.from({length: 5}, () => {
    const r = run()
    if (r.verdict !== want) throw new Error(`test run verdict ${r.verdict}, expected ${want}`)
    return r.nsPerRun
  }))
  const open = dp.testRun('cil_from_container', tcpFrame(local, peer, 40000, port, SYN))
  if (open.verdict !== TC_ACT_OK) throw new Error('the policy did not admit the connection')
  const costs: Array<[string, number]> = [
    ['empty tc program', cost(() => { const r = pass.testRun('tc_pass', tcpFrame(local, peer, 40000, port, ACK, 64), repeat); return {verdict: r.retval, nsPerRun: r.durationNs} }, TC_ACT_OK)],
    ['established TCP, from-container', cost(() => dp.testRun('cil_from_container', tcpFrame(local, peer, 40000, port, ACK, 64), repeat), TC_ACT_OK)],
    ['reply TCP, to-container', cost(() => dp.testRun('cil_to_container', tcpFrame(peer, local, port, 40000, ACK), repeat), TC_ACT_OK)],
    ['policy drop (events rate-limited)', cost(() => dp.testRun('cil_to_container', tcpFrame(peer, local, 40001, 9999, SYN), repeat), TC_ACT_SHOT)],
  ]
  dp.updateEndpointConfig(1, {options: {Conntrack: false} as never})
  costs.push(['policy allow, conntrack off', cost(() => dp.testRun('cil_to_container', tcpFrame(peer, local, 40002, port, SYN), repeat), TC_ACT_OK)])
  dp.removeEndpoint(3)
  dp.deleteIpcache(peer)
  return costs
}

try {
  console.log(`datapath: load ${load()} (1-min average) at the start`)
  const dp = Datapath.load({pinDir: tempBpffsDir(cleanup)})
  hooks.unshift(() => dp.close())
  // Consume the notifications as the agent would, so the ring buffer never fills.
  let notifications = 0
  const ring = dp.events((batch) => { notifications += batch.length })
  hooks.unshift(() => ring.close())

  const pass = BpfObject.open(packagePath('bpf', 'build', 'tc_pass.o'))
  pass.load()
  hooks.unshift(() => pass.close())

  const costs = await testRunCosts(dp, pass)
  console.log(`per packet under BPF_PROG_TEST_RUN (x${repeat}, median of 5), ${policyEntries} entries per direction:`)
  for (const [what, ns] of costs) console.log(`  ${what.padEnd(34)} ${String(ns).padStart(4)} ns`)

  const {endpoints: [client, server], node} = endpointNetwork(cleanup, 2, 251)
  const specs = [{id: 1, ep: client, identity: 1001}, {id: 2, ep: server, identity: 1002}]
  for (const s of specs) {
    dp.upsertEndpoint({id: s.id, ifindex: s.ep.hostIfindex, identity: s.identity, ips: [s.ep.ip4], netns: node.path,
      config: {selected: {ingress: true, egress: true}}})
  }
  await dp.setPolicy(1, entries(1002, true))
  await dp.setPolicy(2, entries(1001, false))

  await spawnIn(cleanup, server.ns, 'sh', ['-c', `echo ready; exec iperf3 -s -p ${port} >/dev/null`])
  interface Iperf { error?: string; end: { sum_received?: {bits_per_second: number; bytes: number}; cpu_utilization_percent?: {host_total: number; remote_total: number} } }
  /**
   * Throughput in bit/s, bytes moved, and the client's and server's CPU time (user+sys, which
   * includes the softirq work our programs do in their context) per GB. Not pinned to CPUs:
   * pinned (-A 0,1) on this shared machine, they could not leave a CPU another job loaded and
   * rounds fell to 0.4 Gbit/s whatever was attached.
   */
  const iperf = async (attempt = 1): Promise<{bps: number; bytes: number; cpuPerGb: number}> => {
    const out = JSON.parse(await execIn(client.ns, 'iperf3', ['-c', server.ip4, '-p', String(port), '-t', String(seconds), '-J'],
      (seconds + 20) * 1000)) as Iperf
    const {sum_received: received, cpu_utilization_percent: cpu} = out.end
    if (!received || !cpu) {
      // The server may still be closing the previous test ("the server is busy"): try again shortly.
      if (attempt >= 3) throw new Error(`iperf3 gave no result: ${out.error ?? 'no summary'}`)
      await new Promise((r) => setTimeout(r, 1000))
      return iperf(attempt + 1)
    }
    const cpuSeconds = (cpu.host_total + cpu.remote_total) / 100 * seconds
    return {bps: received.bits_per_second, bytes: received.bytes, cpuPerGb: cpuSeconds / (received.bytes / 1e9)}
  }

  const progStats = (id: number): {ns: number; count: number} => {
    const p = JSON.parse(execFileSync('bpftool', ['-j', 'prog', 'show', 'id', String(id)], {encoding: 'utf8'})) as {run_time_ns?: number; run_cnt?: number}
    return {ns: p.run_time_ns ?? 0, count: p.run_cnt ?? 0}
  }
  type Variant = 'bare veths' | 'empty program' | 'datapath'
  /** Attaches a variant's programs; returns [name, kernel program ID] per program (one program serves several hooks) and the detach. */
  const attach: Record<Variant, () => {progs: Array<[string, number]>; detach: () => void}> = {
    'bare veths': () => ({progs: [], detach: () => undefined}),
    'empty program': () => {
      // On the same kind of hook as the datapath (tcx where the kernel has it).
      const links = specs.flatMap((s) => (['ingress', 'egress'] as const).map((point) =>
        pass.attachTcHook(s.ep.hostIfindex, point, 'tc_pass', {netns: node.path})))
      return {progs: [['tc_pass (empty)', links[0].programId]], detach: () => {
        for (const l of links) l.detach()
        for (const l of links) if (l.createdQdisc) l.removeQdisc()
      }}
    },
    datapath: () => {
      for (const s of specs) dp.attach(s.id)
      return {progs: [...new Map(specs.flatMap((s) => dp.attachedPrograms(s.id)).map((p) => [p.program, p.programId]))],
        detach: () => { for (const s of specs) dp.detach(s.id) }}
    },
  }
  /**
   * Each variant with programs runs twice per round: with kernel.bpf_stats_enabled off (the
   * throughput and CPU a node without instrumentation sees) and on (the ns/packet, and the
   * throughput under the two clock reads per program run the statistics add).
   */
  type Run = {bps: number; bytes: number; cpuPerGb: number}
  const runs: Record<Variant, Run[]> = {'bare veths': [], 'empty program': [], datapath: []}
  const statsRuns: Record<Variant, Run[]> = {'bare veths': [], 'empty program': [], datapath: []}
  const cost: Record<string, {ns: number; count: number}> = {}
  let hook = 'none'
  for (let r = 0; r < rounds; r++) {
    for (const variant of (Object.keys(attach) as Variant[]).sort(() => Math.random() - 0.5)) {
      const {progs, detach} = attach[variant]()
      if (variant === 'datapath') hook = dp.attachedPrograms(specs[0].id)[0]?.hook ?? hook
      try {
        runs[variant].push(await iperf())
        if (!progs.length) continue
        writeFileSync(statsSysctl, '1')
        const start = progs.map(([, id]) => progStats(id))
        statsRuns[variant].push(await iperf())
        progs.forEach(([label, id], i) => {
          const end = progStats(id), c = (cost[label] ??= {ns: 0, count: 0})
          c.ns += end.ns - start[i].ns
          c.count += end.count - start[i].count
        })
      } finally {
        writeFileSync(statsSysctl, '0')
        detach()
      }
    }
  }
  statsRuns['bare veths'] = runs['bare veths']  // no program, nothing for the statistics to time

  const summary = (v: Variant, of = runs) => ({bps: median(of[v].map((x) => x.bps)), cpuPerGb: median(of[v].map((x) => x.cpuPerGb))})
  const base = summary('bare veths')
  console.log(`iperf3 TCP, ${rounds} rounds x ${seconds} s, variants interleaved (medians), programs on ${hook} hooks; load ${load()} at the end:`)
  for (const [title, of] of [['bpf_stats off', runs], ['bpf_stats on', statsRuns]] as const) {
    console.log(`  ${title}:`)
    for (const v of Object.keys(of) as Variant[]) {
      const s = summary(v, of)
      console.log(`    ${v.padEnd(14)} ${(s.bps / 1e9).toFixed(2).padStart(6)} Gbit/s (${(s.bps / base.bps * 100).toFixed(1)}%)` +
        `  CPU ${s.cpuPerGb.toFixed(3)} s/GB (${(s.cpuPerGb / base.cpuPerGb * 100).toFixed(1)}%)` +
        `  rounds: ${of[v].map((x) => (x.bps / 1e9).toFixed(1)).join(' ')}`)
    }
  }
  console.log(`  throughput goal: datapath >= 90% of the bare veths`)
  console.log('ns/packet from kernel.bpf_stats_enabled (run_time_ns / run_cnt), goal < 200 ns for bpf_lxc:')
  for (const [name, c] of Object.entries(cost)) {
    console.log(`  ${name.padEnd(20)} ${(c.count ? c.ns / c.count : NaN).toFixed(0).padStart(4)} ns over ${c.count} packets`)
  }
  // The programs' run time against the CPU the transfer took: what the datapath adds to a byte's cost.
  const datapathGb = statsRuns.datapath.reduce((n, r) => n + r.bytes, 0) / 1e9
  const programSeconds = ['cil_from_container', 'cil_to_container'].reduce((n, p) => n + (cost[p]?.ns ?? 0), 0) / 1e9
  console.log(`  both programs: ${(programSeconds / datapathGb * 1000).toFixed(1)} ms per GB moved, ` +
    `${(programSeconds / datapathGb / summary('datapath', statsRuns).cpuPerGb * 100).toFixed(1)}% of the iperf3 processes' CPU per GB`)
  console.log(`  notifications read: ${notifications}`)
} finally {
  writeFileSync(statsSysctl, statsBefore)
  for (const fn of hooks) {
    try { await fn() } catch (err) { console.error(`cleanup: ${(err as Error).message}`) }
  }
}
