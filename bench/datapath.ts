/**
 * The datapath's cost, in one run (root only): TCP throughput (iperf3) between two endpoint
 * namespaces behind a node namespace, with our programs on both host-side veths against the
 * same veths without them, interleaved; and the programs' own cost per packet from the
 * kernel's BPF run-time statistics (kernel.bpf_stats_enabled), with 1,000 entries in each
 * endpoint's policy map and both directions enforced.
 *   node dist/bench/datapath.js [rounds=3] [seconds=3]
 */
import {execFileSync} from 'node:child_process'
import {readFileSync, writeFileSync} from 'node:fs'
import {Datapath} from '../src/datapath/index.js'
import {Precedence, type PolicyEntry} from '../src/policy/entries.js'
import {endpointNetwork, execIn, spawnIn, tempBpffsDir, type Cleanup} from '../test/helpers/kernel.js'
import {median} from './lib.js'

const rounds = Number(process.argv[2] ?? 3)
const seconds = Number(process.argv[3] ?? 3)
const policyEntries = 1000
const port = 5201

if (process.getuid?.() !== 0) {
  console.log('datapath: skipped (needs root for namespaces, tc and BPF)')
  process.exit(0)
}

const hooks: Array<() => void | Promise<void>> = []
const cleanup: Cleanup = {after: (fn) => { hooks.push(fn) }}
const statsSysctl = '/proc/sys/kernel/bpf_stats_enabled'
const statsBefore = readFileSync(statsSysctl, 'utf8').trim()

try {
  const {endpoints: [client, server], node} = endpointNetwork(cleanup, 2, 251)
  const dp = Datapath.load({pinDir: tempBpffsDir(cleanup)})
  hooks.unshift(() => dp.close())
  const entries = (identity: number, peer: number, egress: boolean): PolicyEntry[] => {
    const filler = Array.from({length: policyEntries - 1}, (_, i): PolicyEntry => ({identity: 20_000 + i, egress, protocol: 6,
      dport: 1000 + (i % 5000), prefixLen: 24, deny: false, proxyPort: 0, auth: 0, precedence: Precedence.allow, cookie: 0}))
    return [...filler, {identity: peer, egress, protocol: 6, dport: port, prefixLen: 24, deny: false, proxyPort: 0,
      auth: 0, precedence: Precedence.allow, cookie: 0}]
  }
  const specs = [{id: 1, ep: client, identity: 1001}, {id: 2, ep: server, identity: 1002}]
  for (const s of specs) {
    dp.upsertEndpoint({id: s.id, ifindex: s.ep.hostIfindex, identity: s.identity, ips: [s.ep.ip4], netns: node.path,
      config: {selected: {ingress: true, egress: true}}})
  }
  await dp.setPolicy(1, entries(1001, 1002, true))
  await dp.setPolicy(2, entries(1002, 1001, false))
  // Consume the notifications as the agent would, so the ring buffer never fills.
  let notifications = 0
  const ring = dp.events((batch) => { notifications += batch.length })
  hooks.unshift(() => ring.close())

  await spawnIn(cleanup, server.ns, 'sh', ['-c', `echo ready; exec iperf3 -s -p ${port} >/dev/null`])
  const iperf = async (): Promise<number> => {
    const out = JSON.parse(await execIn(client.ns, 'iperf3', ['-c', server.ip4, '-p', String(port), '-t', String(seconds), '-J'],
      (seconds + 20) * 1000)) as {end: {sum_received: {bits_per_second: number}}}
    return out.end.sum_received.bits_per_second
  }

  writeFileSync(statsSysctl, '1')
  const progStats = (id: number): {ns: bigint; count: bigint} => {
    const p = JSON.parse(execFileSync('bpftool', ['-j', 'prog', 'show', 'id', String(id)], {encoding: 'utf8'})) as {run_time_ns?: number; run_cnt?: number}
    return {ns: BigInt(p.run_time_ns ?? 0), count: BigInt(p.run_cnt ?? 0)}
  }
  const cost: Record<string, {ns: bigint; count: bigint}> = {}
  const throughput: Record<'baseline' | 'datapath', number[]> = {baseline: [], datapath: []}
  for (let r = 0; r < rounds; r++) {
    for (const variant of (Math.random() < 0.5 ? ['baseline', 'datapath'] : ['datapath', 'baseline']) as Array<'baseline' | 'datapath'>) {
      if (variant === 'baseline') {
        throughput.baseline.push(await iperf())
        continue
      }
      for (const s of specs) dp.attach(s.id)
      const progs = specs.flatMap((s) => dp.attachedPrograms(s.id))
      const start = progs.map((p) => progStats(p.programId))
      throughput.datapath.push(await iperf())
      progs.forEach((p, i) => {
        const end = progStats(p.programId), c = (cost[p.program] ??= {ns: 0n, count: 0n})
        c.ns += end.ns - start[i].ns
        c.count += end.count - start[i].count
      })
      for (const s of specs) dp.detach(s.id)
    }
  }

  const gbit = (bps: number) => `${(bps / 1e9).toFixed(2)} Gbit/s`
  const base = median(throughput.baseline), ours = median(throughput.datapath)
  const ratio = ours / base
  console.log(`datapath: iperf3 TCP ${seconds}s x ${rounds} rounds, ${policyEntries} policy entries per endpoint, both directions enforced`)
  console.log(`  throughput  baseline ${gbit(base)}  with programs ${gbit(ours)}  ratio ${(ratio * 100).toFixed(1)}%  (goal >= 90%)`)
  for (const [program, c] of Object.entries(cost)) {
    const perPacket = c.count ? Number(c.ns) / Number(c.count) : NaN
    console.log(`  ${program.padEnd(18)} ${perPacket.toFixed(0)} ns/packet over ${c.count} packets  (goal < 200 ns)`)
  }
  console.log(`  notifications read: ${notifications}`)
} finally {
  writeFileSync(statsSysctl, statsBefore)
  for (const fn of hooks) {
    try { await fn() } catch (err) { console.error(`cleanup: ${(err as Error).message}`) }
  }
}
