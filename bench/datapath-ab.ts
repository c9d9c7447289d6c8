/**
 * A/B of datapath objects under the same traffic (root only): each object is loaded with its own
 * maps and the same two enforced endpoints as bench/datapath (1,000 entries per policy map,
 * notifications at Cilium's defaults, read from the ring buffer), and per round, in random order,
 * each object's programs (and the empty tc program, the measure's floor) sit on the host veths
 * during `seconds` of iperf3 TCP with kernel.bpf_stats_enabled=1. Prints, per variant and program,
 * the median over rounds of run_time_ns / run_cnt, and the rounds themselves: changes to the
 * programs are compared within one run, under one load, never against a figure of another run.
 * The first object is not a fair slot: three copies of one object read 382/299/279 ns (its
 * cil_from_container 66-75 ns high; cause not found). Give a throwaway copy first, and each compared
 * object twice, as docs/BENCHMARKS.md (Datapath, session 4) shows.
 *   node dist/bench/datapath-ab.js rounds seconds FIRST.o A.o B.o [A2.o B2.o ...]
 */
import {execFileSync} from 'node:child_process'
import {readFileSync, writeFileSync} from 'node:fs'
import {loadavg} from 'node:os'
import {basename} from 'node:path'
import {BpfObject} from '../src/bpf/index.js'
import {Datapath} from '../src/datapath/index.js'
import {packagePath} from '../src/paths.js'
import {Precedence, type PolicyEntry} from '../src/policy/entries.js'
import {endpointNetwork, execIn, spawnIn, tempBpffsDir, type Cleanup} from '../test/helpers/kernel.js'
import {median} from './lib.js'

const [rounds, seconds] = [Number(process.argv[2] ?? 6), Number(process.argv[3] ?? 3)]
const objects = process.argv.slice(4)
const port = 5201

if (process.getuid?.() !== 0 || !objects.length) {
  console.log('datapath-ab: needs root and at least one object: node dist/bench/datapath-ab.js rounds seconds A.o [B.o ...]')
  process.exit(0)
}

const hooks: Array<() => void | Promise<void>> = []
const cleanup: Cleanup = {after: (fn) => { hooks.push(fn) }}
const statsSysctl = '/proc/sys/kernel/bpf_stats_enabled'
const statsBefore = readFileSync(statsSysctl, 'utf8').trim()

/** 999 entries for other identities and ports, then the one that admits `peer` on `port` (as bench/datapath). */
function entries(peer: number, egress: boolean): PolicyEntry[] {
  const entry = (identity: number, dport: number): PolicyEntry => ({identity, egress, protocol: 6, dport, prefixLen: 24, deny: false,
    proxyPort: 0, auth: 0, precedence: Precedence.allow, cookie: 0})
  return [...Array.from({length: 999}, (_, i) => entry(20_000 + i, 1000 + (i % 5000))), entry(peer, port)]
}

const progStats = (id: number): [number, number] => {
  const p = JSON.parse(execFileSync('bpftool', ['-j', 'prog', 'show', 'id', String(id)], {encoding: 'utf8'})) as {run_time_ns?: number; run_cnt?: number}
  return [p.run_time_ns ?? 0, p.run_cnt ?? 0]
}

try {
  const {endpoints: [client, server], node} = endpointNetwork(cleanup, 2, 247)
  const specs = [{id: 1, ep: client, identity: 1001}, {id: 2, ep: server, identity: 1002}]
  type Variant = {name: string; attach: () => {progs: Array<[string, number]>; detach: () => void}}
  const variants: Variant[] = []

  const pass = BpfObject.open(packagePath('bpf', 'build', 'tc_pass.o'))
  pass.load()
  hooks.unshift(() => pass.close())
  variants.push({name: 'empty', attach: () => {
    const links = specs.flatMap((s) => (['ingress', 'egress'] as const).map((point) =>
      pass.attachTcHook(s.ep.hostIfindex, point, 'tc_pass', {netns: node.path})))
    return {progs: [['tc_pass', links[0].programId]], detach: () => {
      for (const l of links) l.detach()
      for (const l of links) if (l.createdQdisc) l.removeQdisc()
    }}
  }})
  for (const [i, objectPath] of objects.entries()) {
    const dp = Datapath.load({pinDir: tempBpffsDir(cleanup), objectPath})
    hooks.unshift(() => dp.close())
    const ring = dp.events(() => undefined)
    hooks.unshift(() => ring.close())
    for (const s of specs) {
      dp.upsertEndpoint({id: s.id, ifindex: s.ep.hostIfindex, identity: s.identity, ips: [s.ep.ip4], netns: node.path,
        config: {selected: {ingress: true, egress: true}}})
    }
    await dp.setPolicy(1, entries(1002, true))
    await dp.setPolicy(2, entries(1001, false))
    variants.push({name: `${String.fromCharCode(65 + i)}:${basename(objectPath)}`, attach: () => {
      for (const s of specs) dp.attach(s.id)
      return {progs: [...new Map(specs.flatMap((s) => dp.attachedPrograms(s.id)).map((p) => [p.program, p.programId]))],
        detach: () => { for (const s of specs) dp.detach(s.id) }}
    }})
  }

  await spawnIn(cleanup, server.ns, 'sh', ['-c', `echo ready; exec iperf3 -s -p ${port} >/dev/null`])
  writeFileSync(statsSysctl, '1')
  const loadStart = loadavg()[0]
  /** Per variant and program: ns/packet of each round; per variant: Gbit/s of each round. */
  const ns = new Map<string, Map<string, number[]>>(variants.map((v) => [v.name, new Map()]))
  const gbps = new Map<string, number[]>(variants.map((v) => [v.name, []]))
  for (let r = 0; r < rounds; r++) {
    for (const v of [...variants].sort(() => Math.random() - 0.5)) {
      const {progs, detach} = v.attach()
      try {
        const before = progs.map(([, id]) => progStats(id))
        const out = JSON.parse(await execIn(client.ns, 'iperf3', ['-c', server.ip4, '-p', String(port), '-t', String(seconds), '-J'],
          (seconds + 20) * 1000)) as {end: {sum_received?: {bits_per_second: number}}}
        gbps.get(v.name)!.push((out.end.sum_received?.bits_per_second ?? NaN) / 1e9)
        progs.forEach(([program, id], k) => {
          const [t, n] = progStats(id)
          const perProgram = ns.get(v.name)!
          perProgram.set(program, [...perProgram.get(program) ?? [], (t - before[k][0]) / (n - before[k][1])])
        })
      } finally {
        detach()
      }
    }
  }
  console.log(`datapath-ab: ${rounds} rounds x ${seconds} s iperf3 TCP, bpf_stats ns/packet (median of rounds); load ${loadStart.toFixed(1)} -> ${loadavg()[0].toFixed(1)}`)
  for (const v of variants) {
    const perProgram = [...ns.get(v.name)!].map(([program, xs]) => `${program} ${median(xs).toFixed(0)} [${xs.map((x) => x.toFixed(0)).join(' ')}]`)
    console.log(`  ${v.name.padEnd(22)} ${median(gbps.get(v.name)!).toFixed(1).padStart(5)} Gbit/s  ${perProgram.join('  ')}`)
  }
  // Paired: each object against the first in the same round, so that the load's drift between rounds cancels.
  const [first, ...others] = variants.slice(1)
  for (const v of others) {
    const deltas = [...ns.get(v.name)!].map(([program, xs]) => {
      const base = ns.get(first.name)!.get(program) ?? []
      return `${program} ${median(xs.map((x, r) => x - base[r])).toFixed(0)} ns`
    })
    console.log(`  ${v.name} - ${first.name}, median of per-round differences: ${deltas.join('  ')}`)
  }
} finally {
  writeFileSync(statsSysctl, statsBefore)
  for (const fn of hooks) {
    try { await fn() } catch (err) { console.error(`cleanup: ${(err as Error).message}`) }
  }
}
