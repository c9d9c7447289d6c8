// bench/agent: the agent path of issue #7 with a real `cilium agent` process and the BPF datapath
// (root). 50 endpoints (namespaces + veths), 2,000 rules imported through the REST API: the time
// until every endpoint's policy map is written, against the in-process regeneration of the same
// rules measured in the same run (the ratio is the cost of the API, the state file and the map
// writes). Then a replace (map regeneration in place), and 20 concurrent `hubble observe --follow`
// clients (one process each) while traffic runs: flows each client received, the slowest client, lost events.
// Usage: sudo node dist/bench/agent.js
import {type ChildProcess, execFileSync, spawn} from 'node:child_process'
import {mkdtempSync, openSync, rmSync} from 'node:fs'
import {tmpdir} from 'node:os'
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

  // 20 followers, then traffic: UDP datagrams from endpoint 0 to endpoint 1 (allowed ports and not).
  const counts = new Array<number>(clients).fill(0)
  const lastAt = new Array<number>(clients).fill(0)
  let ready = 0
  let lost = 0
  // Each follower is its own process with one GetFlows(follow) stream over the hubble socket: the
  // server path `hubble observe --follow` takes (one line out per response: 'L' lost, 'F' flow).
  const clientModule = join(root, 'dist', 'src', 'hubble', 'client.js')
  const followerScript = `const {HubbleClient} = await import(${JSON.stringify(clientModule)});`
    + `const c = HubbleClient.connect({server: ${JSON.stringify(`unix://${hubbleSocket}`)}});`
    + `const flows = c.flows({follow: true}); process.stdout.write('R\\n');`
    + `for await (const r of flows) process.stdout.write(r.lostEvents ? 'L' + r.lostEvents.numEventsLost + '\\n' : 'F\\n')`
  const followers = Array.from({length: clients}, (_, c) => {
    const p = spawn(process.execPath, ['--input-type=module', '-e', followerScript], {stdio: ['ignore', 'pipe', 'inherit']})
    children.push(p)
    let rest = ''
    p.stdout!.on('data', (b: Buffer) => {
      const lines = (rest + b.toString()).split('\n')
      rest = lines.pop()!
      for (const l of lines) {
        if (l === 'R') ready++
        else if (l.startsWith('L')) lost += Number(l.slice(1))
        else counts[c]++
      }
      if (counts[c] > 0) lastAt[c] = Date.now()
    })
    return p
  })
  // Twenty Node processes take a while to start: traffic begins when every stream is open.
  for (let i = 0; ready < clients && i < 600; i++) await new Promise((r) => setTimeout(r, 100))
  await new Promise((r) => setTimeout(r, 1000))
  const packets = 3000
  const trafficStart = Date.now()
  // The sender runs as a child the bench awaits, so this process keeps reading the followers meanwhile.
  const sender = spawn('nsenter', [`--net=/var/run/netns/ck-${names[0]}`, process.execPath, '-e',
    `const s=require('dgram').createSocket('udp4');let n=0;const go=()=>{for(let i=0;i<50&&n<${packets};i++,n++)s.send('x',1001+(n%40),'10.200.0.3');`
    + `if(n<${packets})setImmediate(go);else setTimeout(()=>s.close(),100)};go()`], {stdio: 'ignore'})
  await new Promise((resolve) => sender.once('exit', resolve))
  const trafficMs = Date.now() - trafficStart
  await new Promise((r) => setTimeout(r, 8000))
  const status = await client.healthz()
  const seen = (status.hubble as {observer?: {'seen-flows'?: number}} | undefined)?.observer?.['seen-flows'] ?? 0
  const sorted = [...counts].sort((a, b) => a - b)
  const slowest = Math.max(...lastAt) - trafficStart
  console.log(`agent: ${clients} concurrent GetFlows(follow) clients (one process each), ${packets} UDP datagrams in ${trafficMs} ms: `
    + `flows per client min ${sorted[0]} median ${sorted[clients >> 1]} max ${sorted[clients - 1]}; `
    + `last flow reached the slowest client ${slowest} ms after traffic began; lost events seen by clients ${lost}, `
    + `flows the agent saw ${seen}, datapath lost counter ${(status.nodeMonitor as {lost?: number} | undefined)?.lost ?? 0}`)
  for (const f of followers) f.kill('SIGTERM')
}

main().then(() => cleanup(), (err: unknown) => {
  cleanup()
  console.error(err)
  process.exitCode = 1
})
