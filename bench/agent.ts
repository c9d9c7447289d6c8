// bench/agent: the agent path of issue #7 with a real `cilium agent` process and the BPF datapath
// (root). 50 endpoints (namespaces + veths), 2,000 rules imported through the REST API: the time
// until every endpoint's policy map is written, against the in-process regeneration of the same
// rules measured in the same run (the ratio is the cost of the API, the state file and the map
// writes). Then a replace (map regeneration in place), and `hubble observe --follow` processes while
// steady traffic runs, 1 (the baseline) and then 20 at once: flows each received, the delivery lag of
// each (print time minus flow time), the agent's CPU time, lost events, the machine's load. Last, a
// burst of 60,000 datagrams the datapath cannot report in full, read by a follower of every flow
// (lapped by the ring) and one filtered to 1 port of 40 (cheap): the datapath's losses must reach
// the cheap one as PERF_EVENT_RING_BUFFER LostEvents, and a follower that goes quiet is shown as
// busy, starved (runnable, waiting for a CPU) or stalled (neither) from /proc/PID/schedstat.
// Usage: sudo node dist/bench/agent.js
import {type ChildProcess, execFileSync, spawn} from 'node:child_process'
import {mkdtempSync, openSync, readFileSync, rmSync} from 'node:fs'
import {loadavg, tmpdir} from 'node:os'
import {join} from 'node:path'
import {fileURLToPath} from 'node:url'
import {AgentClient} from '../src/api/client.js'
import {createAgentState, createEndpoint, regenerate} from '../src/agent/rest/state.js'
import {ensureBpffs, unmountBpffs} from '../src/bpf/index.js'
import type {Rule} from '../src/policy/types.js'
import {median} from './lib.js'

const root = fileURLToPath(new URL('../../', import.meta.url))
const endpointCount = 50
const ruleCount = 2000
const clients = 20
const tag = `b${process.pid}`
const dir = mkdtempSync(join(tmpdir(), 'ck-bench-agent-'))
const bpffs = join(dir, 'bpffs')
const nodeNs = `ck-${tag}-node`
const names = Array.from({length: endpointCount}, (_, i) => `${tag}-ep${i}`)
const children: ChildProcess[] = []

/** Rule i selects role r<i%50>: egress to the next endpoint's role on its own port, ingress from the previous one. */
function makeRules(portBase: number): Rule[] {
  return Array.from({length: ruleCount}, (_, i) => {
    const k = i % endpointCount
    const peer = {matchLabels: {role: `r${(k + 1) % endpointCount}`}}
    const base = {endpointSelector: {matchLabels: {role: `r${k}`}}, labels: [{key: 'name', value: `bench-${i}`, source: 'unspec'}]}
    return i % 2 === 0
      ? {...base, egress: [{toEndpoints: [peer], toPorts: [{ports: [{port: String(portBase + i), protocol: 'TCP'}]}]}]}
      : {...base, ingress: [{fromEndpoints: [peer], toPorts: [{ports: [{port: String(portBase + i), protocol: 'UDP'}]}]}]}
  })
}

function ms(t0: bigint): number {
  return Number(process.hrtime.bigint() - t0) / 1e6
}

function cleanup(): void {
  for (const c of children) if (c.exitCode === null) c.kill('SIGKILL')
  for (const n of [...names.map((x) => `ck-${x}`), nodeNs]) {
    try {
      execFileSync('ip', ['netns', 'del', n], {stdio: 'ignore'})
    } catch { /* not made */ }
  }
  try {
    unmountBpffs(bpffs)
  } catch { /* not mounted */ }
  rmSync(dir, {recursive: true, force: true})
}

/** The same import and regeneration in process, without API, state file or maps: the baseline. */
function inProcess(rules: Rule[]): number {
  const state = createAgentState()
  for (let i = 0; i < endpointCount; i++) {
    createEndpoint(state, i + 1, {state: 'waiting-for-identity', labels: [`k8s:role=r${i}`, 'k8s:io.kubernetes.pod.namespace=default'],
      addressing: {ipv4: `10.200.0.${i + 2}`}})
  }
  const t0 = process.hrtime.bigint()
  state.repository.add(rules)
  regenerate(state)
  return ms(t0)
}

async function main(): Promise<void> {
  ensureBpffs(bpffs)
  execFileSync('ip', ['netns', 'add', nodeNs])
  const log = openSync(join(dir, 'agent.log'), 'a')
  const socket = join(dir, 'cilium.sock')
  const hubbleSocket = join(dir, 'hubble.sock')
  const agent = spawn('nsenter', [`--net=/var/run/netns/${nodeNs}`, process.execPath, join(root, 'bin', 'cilium.js'), 'agent',
    '--state-dir', join(dir, 'state'), '--socket', socket, '--hubble-socket', hubbleSocket, '--bpffs', bpffs,
    '--hubble-event-buffer-capacity', '65535'], {stdio: ['ignore', log, log]})
  children.push(agent)
  agent.once('exit', (code, signal) => console.error(`agent exited (${signal ?? code})`))
  const client = new AgentClient(socket, 120_000)
  for (let i = 0; ; i++) {
    try {
      await client.healthz()
      break
    } catch (err) {
      if (i > 300) throw err
      await new Promise((r) => setTimeout(r, 100))
    }
  }

  let t0 = process.hrtime.bigint()
  for (let i = 0; i < endpointCount; i++) {
    await client.call('putEndpointId', {params: {id: 0}, body: {state: 'waiting-for-identity', 'container-name': names[i],
      labels: [`k8s:role=r${i}`]}})
  }
  const createMs = ms(t0)

  const rules = makeRules(1000)
  const baselines = [inProcess(rules), inProcess(rules), inProcess(rules)]
  t0 = process.hrtime.bigint()
  const imported = await client.putPolicy(JSON.stringify(rules))
  const importMs = ms(t0)
  t0 = process.hrtime.bigint()
  await client.putPolicy(JSON.stringify(makeRules(3000)), {replace: true})
  const replaceMs = ms(t0)
  const baseline = median(baselines)
  console.log(`agent: ${endpointCount} endpoints created in ${createMs.toFixed(0)} ms (${(createMs / endpointCount).toFixed(1)} ms each)`)
  console.log(`agent: import of ${ruleCount} rules over the API until every policy map is written: ${importMs.toFixed(0)} ms `
    + `(goal < 2000 ms: ${importMs < 2000 ? 'met' : 'NOT met'}); revision ${imported.revision}`)
  console.log(`agent: in-process import + regeneration of the same rules (baseline): ${baseline.toFixed(0)} ms; `
    + `ratio agent/baseline ${(importMs / baseline).toFixed(2)}x`)
  console.log(`agent: replace of all ${ruleCount} rules (maps regenerated in place): ${replaceMs.toFixed(0)} ms`)

  const agentPid = agent.pid!
  const paced = {packets: 4000, perTick: 10}
  const full: string[] = []
  const phases = [await followPhase([full], paced, hubbleSocket, agentPid, client),
    await followPhase(Array.from({length: clients}, () => full), paced, hubbleSocket, agentPid, client)]
  const [one, many] = phases
  // A burst the datapath cannot report in full: its losses must reach the followers as
  // PERF_EVENT_RING_BUFFER LostEvents. Two followers: one of every flow (lapped by the ring, told
  // so by HUBBLE_RING_BUFFER LostEvents), and one whose filter keeps it cheap (1 destination port
  // of the 40; the server filters, LostEvents pass every filter).
  phases.push(await followPhase([full, ['--to-port', '1001']], {packets: 60_000, perTick: 1000}, hubbleSocket, agentPid, client))
  for (const r of phases) {
    console.log(`agent: ${r.followers.length} \`hubble observe --follow\` process(es) while ${r.packets} UDP datagrams ran for ${r.trafficMs} ms `
      + `(${r.flows} flows in the ring): flows per follower min ${r.counts[0]} median ${r.counts[r.counts.length >> 1]} max ${r.counts[r.counts.length - 1]}; `
      + `delivery lag (print time - flow time): median per follower from ${r.lagRange[0].toFixed(0)} to ${r.lagRange[1].toFixed(0)} ms `
      + `(median of medians ${r.medianLag.toFixed(0)} ms), worst single flow ${r.worstLag.toFixed(0)} ms; `
      + `CPU: agent ${r.agentCpuMs.toFixed(0)} ms, followers ${r.followerCpuMs.toFixed(0)} ms in all `
      + `(${(r.followerCpuMs * 1000 / Math.max(1, r.followers.length * r.flows)).toFixed(0)} us per flow printed); `
      + `datapath lost counter +${r.datapathLost}; drained in ${(r.drainMs / 1000).toFixed(1)} s (${r.drainEnd}); load average ${r.load.map((x) => x.toFixed(1)).join(' -> ')}`)
    if (r.datapathLost > 0 || r.followers.length < 3) {
      for (const f of r.followers) {
        console.log(`agent:   follower ${f.args.length ? f.args.join(' ') : '(every flow)'}: ${f.flows} flows, LostEvents ${JSON.stringify(f.lost)}; `
          + `longest time without a line ${(f.quiet.ms / 1000).toFixed(1)} s, in which it ran ${f.quiet.cpuMs.toFixed(0)} ms and waited for a CPU ${f.quiet.waitMs.toFixed(0)} ms`
          + (f.exited ? `; it EXITED before the end (${f.exited})` : ''))
      }
    }
  }
  console.log(`agent: ${clients} followers against 1: median lag ${(many.medianLag / Math.max(1, one.medianLag)).toFixed(2)}x, `
    + `agent CPU ${(many.agentCpuMs / Math.max(1, one.agentCpuMs)).toFixed(2)}x; `
    + `followers that received every flow: ${many.complete}/${clients}`)
  // A follower lapped by the ring skips whatever the lapped entries held, LostEvents included
  // (counted in its HUBBLE_RING_BUFFER number); the cheap one must get every datapath loss.
  const burst = phases[2]!
  const [every, cheap] = burst.followers.map((f) => f.lost)
  console.log(`agent: burst: datapath lost counter +${burst.datapathLost}; PERF_EVENT_RING_BUFFER LostEvents received: `
    + `--to-port 1001 follower ${cheap!.PERF_EVENT_RING_BUFFER ?? 0} (${(cheap!.PERF_EVENT_RING_BUFFER ?? 0) === burst.datapathLost ? 'every loss' : 'NOT every loss'}), `
    + `every-flow follower ${every!.PERF_EVENT_RING_BUFFER ?? 0} (lapped over ${every!.HUBBLE_RING_BUFFER ?? 0} entries)`)
}

interface FollowerResult {
  /** extra `hubble observe` arguments (filters) */
  args: string[]
  flows: number
  /** LostEvents it printed, by source: PERF_EVENT_RING_BUFFER (the datapath's), HUBBLE_RING_BUFFER (it was lapped) */
  lost: Record<string, number>
  /**
   * Its longest stretch without a printed line while draining, and what it did then: CPU it ran
   * and time it was runnable but waited for a CPU (/proc/PID/schedstat). Running or waiting is a
   * busy or starved follower; neither is a stalled one.
   */
  quiet: {ms: number; cpuMs: number; waitMs: number}
  /** how it ended when it ended before the bench stopped it */
  exited?: string
}

interface PhaseResult {
  followers: FollowerResult[]
  packets: number
  trafficMs: number
  flows: number
  counts: number[]
  medianLag: number
  /** The fastest and the slowest follower's median lag: close together, no follower holds the others back. */
  lagRange: [number, number]
  worstLag: number
  followerCpuMs: number
  complete: number
  agentCpuMs: number
  datapathLost: number
  drainMs: number
  /** why draining ended */
  drainEnd: string
  load: number[]
}

/** utime + stime of a process, in ms (clock ticks of 10 ms). */
function cpuMs(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ')
  return (Number(fields[11]) + Number(fields[12])) * 10
}

/** Time on a CPU and time runnable but waiting for one, in ms (/proc/PID/schedstat, ns); 0 once it exited. */
function schedMs(pid: number): {run: number; wait: number} {
  try {
    const [run, wait] = readFileSync(`/proc/${pid}/schedstat`, 'utf8').split(' ').map(Number)
    return {run: run! / 1e6, wait: wait! / 1e6}
  } catch {
    return {run: 0, wait: 0}
  }
}

/**
 * Real `hubble observe --follow -o jsonpb` processes on the agent's socket, one per entry of
 * `followers` (its extra arguments); once each has printed a warm-up flow, the traffic (UDP from
 * endpoint 0 to endpoint 1, ports 1001..1040, `perTick` datagrams every 10 ms). Every printed
 * line is timed as it arrives: the lag is arrival minus the flow's time, so a follower that
 * stalls (or is stalled by the others) shows it.
 */
async function followPhase(followers: string[][], traffic: {packets: number; perTick: number}, hubbleSocket: string, agentPid: number,
  client: AgentClient): Promise<PhaseResult> {
  const n = followers.length
  const load0 = loadavg()[0]
  const lags: number[][] = Array.from({length: n}, () => [])
  const warm = new Array<number>(n).fill(0)
  const lost: Array<Record<string, number>> = Array.from({length: n}, () => ({}))
  const lines = new Array<number>(n).fill(0)
  let phaseStartNs = Infinity
  const procs = followers.map((args, c) => {
    const p = spawn(process.execPath, [join(root, 'bin', 'hubble.js'), 'observe', '--follow', '-o', 'jsonpb',
      '--server', `unix://${hubbleSocket}`, ...args], {stdio: ['ignore', 'pipe', 'ignore']})
    children.push(p)
    let rest = ''
    p.stdout!.on('data', (b: Buffer) => {
      const now = Date.now()
      const got = (rest + b.toString()).split('\n')
      rest = got.pop()!
      lines[c] += got.length
      for (const l of got) {
        const r = JSON.parse(l) as {flow?: {time?: string}; lost_events?: {source?: string; num_events_lost?: string | number}}
        if (r.lost_events) {
          const source = r.lost_events.source ?? 'UNKNOWN'
          lost[c]![source] = (lost[c]![source] ?? 0) + Number(r.lost_events.num_events_lost ?? 0)
        }
        const at = r.flow?.time ? Date.parse(r.flow.time) : NaN
        if (Number.isNaN(at)) continue
        if (at * 1e6 < phaseStartNs) warm[c]++
        else lags[c]!.push(now - at)
      }
    })
    return p
  })
  const send = (packets: number, perTick: number) => new Promise<number>((resolve) => {
    const t0 = Date.now()
    const sender = spawn('nsenter', [`--net=/var/run/netns/ck-${names[0]}`, process.execPath, '-e',
      `const s=require('dgram').createSocket('udp4');let n=0;const t=setInterval(()=>{for(let i=0;i<${perTick}&&n<${packets};i++,n++)`
      + `s.send('x',1001+(n%40),'10.200.0.3');if(n>=${packets}){clearInterval(t);setTimeout(()=>s.close(),100)}},10)`], {stdio: 'ignore'})
    sender.once('exit', () => resolve(Date.now() - t0))
  })
  // Node processes take a while to start under load: warm-up datagrams until every follower printed one.
  for (let i = 0; warm.some((w) => w === 0) && i < 120; i++) await send(5, 5)
  await new Promise((r) => setTimeout(r, 500))
  const seen0 = seenFlows(await client.healthz())
  const lost0 = datapathLost(await client.healthz())
  const cpu0 = cpuMs(agentPid)
  phaseStartNs = Date.now() * 1e6
  const packets = traffic.packets
  const trafficMs = await send(packets, traffic.perTick)
  // Followers drain until each got what it is due (below); or until none of them printed or ran
  // for 10 s (a stall), at most 120 s.
  // What they are due grows while the agent works through its backlog: read again every second.
  let target = 0
  let lostInPhase = 0
  const refresh = async () => {
    const status = await client.healthz()
    target = seenFlows(status) - seen0
    lostInPhase = datapathLost(status) - lost0
  }
  await new Promise((r) => setTimeout(r, 500))
  await refresh()
  const filtered = followers.map((args) => args.length > 0)
  // A filtered follower is due every datapath loss; one of every flow each flow or a LostEvent for
  // it (lapped, it also skips the datapath's LostEvents among the entries it lost).
  const done = (c: number) => filtered[c] ? (lost[c]!.PERF_EVENT_RING_BUFFER ?? 0) >= lostInPhase
    : lags[c]!.length + (lost[c]!.HUBBLE_RING_BUFFER ?? 0) >= target
  const quiet = followers.map(() => ({ms: 0, cpuMs: 0, waitMs: 0}))
  const quietSince = procs.map((p, c) => ({at: Date.now(), lines: lines[c]!, sched: schedMs(p.pid!)}))
  const drain0 = Date.now()
  let drainEnd = 'every follower got all it was due'
  let idle = 0
  for (let tick = 1; ; tick++) {
    if (followers.every((_, c) => done(c))) break
    if (Date.now() - drain0 > 120_000) {
      drainEnd = 'gave up after 120 s'
      break
    }
    await new Promise((r) => setTimeout(r, 250))
    if (tick % 4 === 0) await refresh()
    let moved = false
    procs.forEach((p, c) => {
      const q = quietSince[c]!
      const sched = schedMs(p.pid!)
      if (lines[c] !== q.lines) {
        moved = true
        quietSince[c] = {at: Date.now(), lines: lines[c]!, sched}
        return
      }
      if (sched.run - q.sched.run > 1) moved = true
      const ms = Date.now() - q.at
      if (!done(c) && ms > quiet[c]!.ms) quiet[c] = {ms, cpuMs: sched.run - q.sched.run, waitMs: sched.wait - q.sched.wait}
    })
    idle = moved ? 0 : idle + 250
    if (idle >= 10_000) {
      drainEnd = 'STALLED: no follower printed or ran for 10 s'
      break
    }
  }
  const drainMs = Date.now() - drain0
  const agentCpuMs = cpuMs(agentPid) - cpu0
  const status = await client.healthz()
  const flows = (seenFlows(await client.healthz())) - seen0
  const exited = procs.map((p) => p.exitCode !== null || p.signalCode !== null ? `code ${p.exitCode ?? p.signalCode}` : undefined)
  const followerCpuMs = procs.reduce((a, f) => a + (exited[procs.indexOf(f)] ? 0 : cpuMs(f.pid!)), 0)
  for (const f of procs) f.kill('SIGTERM')
  await Promise.all(procs.map((f) => new Promise((r) => f.exitCode !== null ? r(null) : f.once('exit', r))))
  const perFollowerMedian = lags.map((l) => median(l.length ? l : [Infinity]))
  const counts = lags.map((l) => l.length).sort((a, b) => a - b)
  return {followers: followers.map((args, c) => ({args, flows: lags[c]!.length, lost: lost[c]!, quiet: quiet[c]!, exited: exited[c]})),
    packets, trafficMs, flows, counts, medianLag: median(perFollowerMedian), followerCpuMs,
    lagRange: [Math.min(...perFollowerMedian), Math.max(...perFollowerMedian)],
    worstLag: Math.max(...lags.map((l) => (l.length ? Math.max(...l) : Infinity))), complete: counts.filter((c) => c >= flows).length,
    agentCpuMs, datapathLost: datapathLost(status) - lost0, drainMs, drainEnd, load: [load0, loadavg()[0]]}
}

/** Events the datapath lost so far (`nodeMonitor.lost` of /healthz). */
function datapathLost(status: Awaited<ReturnType<AgentClient['healthz']>>): number {
  return (status.nodeMonitor as {lost?: number} | undefined)?.lost ?? 0
}

/** Flows the agent's Hubble server has seen (`hubble.observer.seen-flows` of /healthz). */
function seenFlows(status: Awaited<ReturnType<AgentClient['healthz']>>): number {
  return (status.hubble as {observer?: {'seen-flows'?: number}} | undefined)?.observer?.['seen-flows'] ?? 0
}

main().then(() => cleanup(), (err: unknown) => {
  // The agent's last words say why (a crash, a refused start).
  console.error(readFileSync(join(dir, 'agent.log'), 'utf8').trim().split('\n').slice(-15).join('\n'))
  cleanup()
  console.error(err)
  process.exitCode = 1
})
