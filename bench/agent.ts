// bench/agent: the agent path of issue #7 with a real `cilium agent` process and the BPF datapath
// (root). 50 endpoints (namespaces + veths), 2,000 rules imported through the REST API: the time
// until every endpoint's policy map is written, against the in-process regeneration of the same
// rules measured in the same run (the ratio is the cost of the API, the state file and the map
// writes). Then a replace (map regeneration in place), and `hubble observe --follow` processes while
// steady traffic runs, 1 (the baseline) and then 20 at once: flows each received, the delivery lag of
// each (print time minus flow time), the agent's CPU time, lost events, the machine's load.
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
  const phases = [await followPhase(1, paced, hubbleSocket, agentPid, client), await followPhase(clients, paced, hubbleSocket, agentPid, client)]
  const [one, many] = phases
  // A burst the datapath cannot report in full: its losses must reach the followers as LostEvents.
  phases.push(await followPhase(1, {packets: 60_000, perTick: 1000}, hubbleSocket, agentPid, client))
  for (const r of phases) {
    console.log(`agent: ${r.followers} \`hubble observe --follow\` process(es) while ${r.packets} UDP datagrams ran for ${r.trafficMs} ms `
      + `(${r.flows} flows in the ring): flows per follower min ${r.counts[0]} median ${r.counts[r.counts.length >> 1]} max ${r.counts[r.counts.length - 1]}; `
      + `delivery lag (print time - flow time): median per follower from ${r.lagRange[0].toFixed(0)} to ${r.lagRange[1].toFixed(0)} ms `
      + `(median of medians ${r.medianLag.toFixed(0)} ms), worst single flow ${r.worstLag.toFixed(0)} ms; `
      + `CPU: agent ${r.agentCpuMs.toFixed(0)} ms, followers ${r.followerCpuMs.toFixed(0)} ms in all `
      + `(${(r.followerCpuMs * 1000 / Math.max(1, r.followers * r.flows)).toFixed(0)} us per flow printed); `
      + `lost events seen by followers ${JSON.stringify(r.lost)}, datapath lost counter +${r.datapathLost}; load average ${r.load.map((x) => x.toFixed(1)).join(' -> ')}`)
  }
  console.log(`agent: ${clients} followers against 1: median lag ${(many.medianLag / Math.max(1, one.medianLag)).toFixed(2)}x, `
    + `agent CPU ${(many.agentCpuMs / Math.max(1, one.agentCpuMs)).toFixed(2)}x; `
    + `followers that received every flow: ${many.complete}/${clients}`)
}

interface PhaseResult {
  followers: number
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
  lost: Record<string, number>
  agentCpuMs: number
  datapathLost: number
  load: number[]
}

/** utime + stime of a process, in ms (clock ticks of 10 ms). */
function cpuMs(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ')
  return (Number(fields[11]) + Number(fields[12])) * 10
}

/**
 * `n` real `hubble observe --follow -o jsonpb` processes on the agent's socket; once each has
 * printed a warm-up flow, the traffic (UDP from endpoint 0 to endpoint 1, `perTick` datagrams
 * every 10 ms). Every printed line is timed as it arrives: the lag is arrival minus the flow's
 * time, so a follower that stalls (or is stalled by the others) shows it.
 */
async function followPhase(n: number, traffic: {packets: number; perTick: number}, hubbleSocket: string, agentPid: number,
  client: AgentClient): Promise<PhaseResult> {
  const load0 = loadavg()[0]
  const lags: number[][] = Array.from({length: n}, () => [])
  const warm = new Array<number>(n).fill(0)
  // LostEvents the followers printed, by source: PERF_EVENT_RING_BUFFER (the datapath's), HUBBLE_RING_BUFFER (a lapped reader).
  const lost: Record<string, number> = {}
  let phaseStartNs = Infinity
  const followers = Array.from({length: n}, (_, c) => {
    const p = spawn(process.execPath, [join(root, 'bin', 'hubble.js'), 'observe', '--follow', '-o', 'jsonpb',
      '--server', `unix://${hubbleSocket}`], {stdio: ['ignore', 'pipe', 'ignore']})
    children.push(p)
    let rest = ''
    p.stdout!.on('data', (b: Buffer) => {
      const now = Date.now()
      const lines = (rest + b.toString()).split('\n')
      rest = lines.pop()!
      for (const l of lines) {
        const r = JSON.parse(l) as {flow?: {time?: string}; lost_events?: {source?: string; num_events_lost?: string | number}}
        if (r.lost_events) {
          const source = r.lost_events.source ?? 'UNKNOWN'
          lost[source] = (lost[source] ?? 0) + Number(r.lost_events.num_events_lost ?? 0)
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
  const seen0 = await seenFlows(client)
  const lost0 = datapathLost(await client.healthz())
  const cpu0 = cpuMs(agentPid)
  phaseStartNs = Date.now() * 1e6
  const packets = traffic.packets
  const trafficMs = await send(packets, traffic.perTick)
  // Followers drain: until each printed every flow of the phase or a LostEvent for it (lapped), or
  // nothing moved for 5 s (at most 90 s: a loaded machine starves the followers for seconds).
  const target = (await seenFlows(client)) - seen0
  let last = -1
  let still = 0
  for (let i = 0; i < 90 && still < 5; i++) {
    await new Promise((r) => setTimeout(r, 1000))
    const printed = lags.reduce((a, l) => a + l.length, 0) + (lost.HUBBLE_RING_BUFFER ?? 0)
    if (printed >= n * target) break
    still = printed === last ? still + 1 : 0
    last = printed
  }
  const agentCpuMs = cpuMs(agentPid) - cpu0
  const status = await client.healthz()
  const flows = (await seenFlows(client)) - seen0
  const followerCpuMs = followers.reduce((a, f) => a + cpuMs(f.pid!), 0)
  for (const f of followers) f.kill('SIGTERM')
  await Promise.all(followers.map((f) => new Promise((r) => f.exitCode !== null ? r(null) : f.once('exit', r))))
  const perFollowerMedian = lags.map((l) => median(l.length ? l : [Infinity]))
  const counts = lags.map((l) => l.length).sort((a, b) => a - b)
  return {followers: n, packets, trafficMs, flows, counts, medianLag: median(perFollowerMedian), followerCpuMs,
    lagRange: [Math.min(...perFollowerMedian), Math.max(...perFollowerMedian)],
    worstLag: Math.max(...lags.map((l) => (l.length ? Math.max(...l) : Infinity))), complete: counts.filter((c) => c >= flows).length,
    lost, agentCpuMs, datapathLost: datapathLost(status) - lost0, load: [load0, loadavg()[0]]}
}

/** Events the datapath lost so far (`nodeMonitor.lost` of /healthz). */
function datapathLost(status: Awaited<ReturnType<AgentClient['healthz']>>): number {
  return (status.nodeMonitor as {lost?: number} | undefined)?.lost ?? 0
}

async function seenFlows(client: AgentClient): Promise<number> {
  const status = await client.healthz()
  return (status.hubble as {observer?: {'seen-flows'?: number}} | undefined)?.observer?.['seen-flows'] ?? 0
}

main().then(() => cleanup(), (err: unknown) => {
  // The agent's last words say why (a crash, a refused start).
  console.error(readFileSync(join(dir, 'agent.log'), 'utf8').trim().split('\n').slice(-15).join('\n'))
  cleanup()
  console.error(err)
  process.exitCode = 1
})
