// bench/policy: 50 endpoints and 2,000 rules (issue #7 point 5), the whole import phase by phase,
// each timed in wall and process CPU time, in rounds, against JSON.parse of the same rules in the
// same run:
//   cli      what `cilium policy import` does before it sends: parse (the agent's rule array as
//            JSON, or 2,000 CiliumNetworkPolicy YAML documents), decode, validate, sanitize, and
//            the request body (checkPolicyText + JSON.stringify);
//   agent    what PUT /v1/policy does with the body: JSON.parse, decode, validate, sanitize, store;
//   regen    the agent's regeneration: CIDR identities, selectors against endpoints and
//            identities, every endpoint's policy map entries (cilium.md §5.4);
//   maps     the 50 endpoints' cilium_policy_v3 maps (LPM tries) made to hold them by the sync
//            Datapath.setPolicy runs (PolicyMapSync: changed keys written, then stale ones
//            deleted); root only.
// Rounds alternate between two rule sets whose ports differ, so each map sync rewrites entries in
// place as a replacing import does. Also: the PUT over a unix socket end to end (agent + regen +
// HTTP), and the two YAML libraries on the same documents.
// Usage: node dist/bench/policy.js [rounds=7]
import {mkdtempSync, rmSync} from 'node:fs'
import {loadavg, tmpdir} from 'node:os'
import {join} from 'node:path'
import jsyaml from 'js-yaml'
import {parseAllDocuments, stringify} from 'yaml'
import {startApiServer} from '../src/agent/api-server.js'
import {type AgentState, createAgentState, createEndpoint, regenerate} from '../src/agent/rest/state.js'
import {AgentClient} from '../src/api/client.js'
import {POLICY_ENTRY_V3, POLICY_KEY} from '../src/maps/policy.js'
import {PolicyMapSync} from '../src/policy/map-sync.js'
import {checkPolicyText} from '../src/policy/repository.js'
import type {Rule} from '../src/policy/types.js'
import {median} from './lib.js'

const endpointCount = 50
const ruleCount = 2000
const rounds = Number(process.argv[2] ?? 7)

const app = (n: number): {matchLabels: Record<string, string>} => ({matchLabels: {app: `svc-${n % endpointCount}`}})

/**
 * Rule i selects endpoint i % 50; each endpoint gets 40 rules, eight of each kind: L3/L4 ingress,
 * egress port ranges, CIDR sets with except, L4 deny, L7 HTTP to the host. Peers and ports vary;
 * `shift` moves the L4 ports (the second rule set).
 */
function makeRule(i: number, shift: number): Rule {
  const k = i % endpointCount
  const j = Math.floor(i / endpointCount)
  const base = {endpointSelector: app(k), labels: [{key: 'name', value: `rule-${i}`, source: 'unspec'}]}
  switch (j % 5) {
    case 0: return {...base, ingress: [{fromEndpoints: [app(k + 1 + j)], toPorts: [{ports: [{port: String(8000 + j + shift), protocol: 'TCP'}]}]}]}
    case 1: return {...base, egress: [{toEndpoints: [app(k + 7 + j)], toPorts: [{ports: [
      {port: String(9000 + 16 * j + shift), endPort: 9015 + 16 * j + shift, protocol: 'TCP'}, {port: '53', protocol: 'ANY'}]}]}]}
    case 2: return {...base, egress: [{toCIDRSet: [{cidr: `10.${i % 256}.0.0/16`, except: [`10.${i % 256}.1.0/24`]}]}]}
    case 3: return {...base, ingressDeny: [{fromEndpoints: [app(k + 3 + j)], toPorts: [{ports: [{port: String(22 + shift), protocol: 'TCP'}]}]}]}
    default: return {...base, egress: [{toEntities: ['host'], toPorts: [{ports: [{port: String(80 + j + shift), protocol: 'TCP'}],
      rules: {http: [{method: 'GET', path: `/api/${i}`}]}}]}]}
  }
}

interface Input {
  json: string
  yaml: string
}
const inputs: Input[] = [0, 100].map((shift) => {
  const rules = Array.from({length: ruleCount}, (_, i) => makeRule(i, shift))
  return {json: JSON.stringify(rules, null, 2), yaml: rules.map((spec, i) => stringify({apiVersion: 'cilium.io/v2',
    kind: 'CiliumNetworkPolicy', metadata: {name: `rule-${i}`, namespace: 'default'}, spec})).join('---\n')}
})

interface Sample {
  wall: number
  cpu: number
}
async function measure<T>(fn: () => T | Promise<T>): Promise<[T, Sample]> {
  const c0 = process.cpuUsage()
  const t0 = process.hrtime.bigint()
  const out = await fn()
  const wall = Number(process.hrtime.bigint() - t0) / 1e6
  const c = process.cpuUsage(c0)
  return [out, {wall, cpu: (c.user + c.system) / 1000}]
}

/** What `cilium policy import` sends after checking the file; throws if the bench rules were invalid. */
function cliBody(text: string, file: string): string {
  const {rules, issues} = checkPolicyText(text, file)
  if (issues.length > 0) throw new Error(`bench rules invalid: ${issues[0].message}`)
  return JSON.stringify(rules.map((r) => r.rule))
}

/** An agent state with the 50 endpoints and no rules (the state an import meets). */
function agentWithEndpoints(): AgentState {
  const state = createAgentState()
  for (let k = 0; k < endpointCount; k++) {
    createEndpoint(state, k + 1, {state: 'ready', labels: [`k8s:app=svc-${k}`, 'k8s:io.kubernetes.pod.namespace=default'],
      addressing: {ipv4: `10.200.${k >> 8}.${k & 255}`}})
  }
  return state
}

/**
 * One cilium_policy_v3 map (LPM trie) per endpoint with the sync Datapath.setPolicy runs on
 * it, when this process may create BPF maps; otherwise why not.
 */
async function openPolicyMaps(): Promise<{syncs: PolicyMapSync[]; close: () => void} | string> {
  if (process.getuid?.() !== 0) return 'not root'
  try {
    const {BpfMap} = await import('../src/bpf/index.js')
    const maps = Array.from({length: endpointCount}, (_, k) => BpfMap.create({type: 'lpm_trie', keySize: POLICY_KEY.size,
      valueSize: POLICY_ENTRY_V3.size, maxEntries: 16384, name: `ck_bench_${k}`}))
    return {syncs: maps.map((m) => new PolicyMapSync(m)), close: () => { for (const m of maps) m.close() }}
  } catch (err) {
    return (err as Error).message
  }
}

const policyMaps = await openPolicyMaps()
const loadStart = loadavg()
type Phase = 'jsonParse' | 'jsyaml' | 'yamlPkg' | 'cliJson' | 'cliYaml' | 'agent' | 'regen' | 'maps' | 'restPut'
const samples: Record<Phase, Sample[]> = {jsonParse: [], jsyaml: [], yamlPkg: [], cliJson: [], cliYaml: [], agent: [],
  regen: [], maps: [], restPut: []}
const totals: {json: Sample[]; yaml: Sample[]} = {json: [], yaml: []}
const sum = (...xs: Sample[]): Sample => ({wall: xs.reduce((a, x) => a + x.wall, 0), cpu: xs.reduce((a, x) => a + x.cpu, 0)})
let entryCount = 0

for (let r = 0; r < rounds; r++) {
  const input = inputs[r % 2]
  // The baselines and the socket round trip, in a shuffled order; then the import chain in its own order.
  const side: Record<'jsonParse' | 'jsyaml' | 'yamlPkg' | 'restPut', () => Promise<Sample>> = {
    jsonParse: async () => (await measure(() => JSON.parse(input.json)))[1],
    jsyaml: async () => (await measure(() => jsyaml.loadAll(input.yaml, null, {schema: jsyaml.CORE_SCHEMA})))[1],
    yamlPkg: async () => (await measure(() => parseAllDocuments(input.yaml, {schema: 'core'}).map((d) => d.toJS())))[1],
    restPut: async () => {
      const dir = mkdtempSync(join(tmpdir(), 'ck-bench-'))
      const state = agentWithEndpoints()
      const server = await startApiServer({state}, join(dir, 'cilium.sock'))
      try {
        const client = new AgentClient(join(dir, 'cilium.sock'))
        return (await measure(() => client.putPolicy(input.json)))[1]
      } finally {
        await server.close()
        rmSync(dir, {recursive: true, force: true})
      }
    },
  }
  for (const name of (Object.keys(side) as (keyof typeof side)[]).sort(() => Math.random() - 0.5)) samples[name].push(await side[name]())

  const [, cliJson] = await measure(() => cliBody(input.json, 'bench.json'))
  const [body, cliYaml] = await measure(() => cliBody(input.yaml, 'bench.yaml'))
  const state = agentWithEndpoints()
  const [, agent] = await measure(() => state.repository.add(JSON.parse(body) as unknown[]))
  const [, regen] = await measure(() => regenerate(state))
  entryCount = [...state.policies.values()].reduce((n, p) => n + p.entries.length, 0)
  let maps: Sample = {wall: 0, cpu: 0}
  if (typeof policyMaps !== 'string') {
    const {syncs} = policyMaps
    maps = (await measure(async () => {
      for (const p of state.policies.values()) await syncs[p.endpointId - 1].sync(p.entries)
    }))[1]
  }
  Object.entries({cliJson, cliYaml, agent, regen, maps}).forEach(([k, s]) => samples[k as Phase].push(s))
  totals.json.push(sum(cliJson, agent, regen, maps))
  totals.yaml.push(sum(cliYaml, agent, regen, maps))
}
if (typeof policyMaps !== 'string') policyMaps.close()
const loadEnd = loadavg()

const med = (xs: Sample[]): Sample => ({wall: median(xs.map((x) => x.wall)), cpu: median(xs.map((x) => x.cpu))})
const base = med(samples.jsonParse)
const row = (label: string, s: Sample, note = ''): string =>
  `  ${label.padEnd(34)} ${s.wall.toFixed(1).padStart(8)} ms ${s.cpu.toFixed(1).padStart(8)} ms  ${(s.wall / base.wall).toFixed(1).padStart(5)}x${note}`
const yamlTotal = med(totals.yaml)
const share = (s: Sample): string => `  ${(s.cpu / yamlTotal.cpu * 100).toFixed(0).padStart(3)}% of the YAML import's CPU`
console.log(`policy: ${ruleCount} rules, ${endpointCount} endpoints, ${entryCount} map entries, ${(inputs[0].json.length / 1024).toFixed(0)} KiB JSON, `
  + `${(inputs[0].yaml.length / 1024).toFixed(0)} KiB YAML; median of ${rounds} rounds; load average ${loadStart[0].toFixed(1)} at the start, `
  + `${loadEnd[0].toFixed(1)} at the end (${loadEnd[1].toFixed(1)} over 5 min)`)
console.log(`  ${'step'.padEnd(34)} ${'wall'.padStart(11)} ${'CPU'.padStart(11)}  ${'wall/JSON.parse'}`)
console.log(row('baseline JSON.parse', base))
console.log(row('baseline js-yaml loadAll', med(samples.jsyaml)))
console.log(row('baseline yaml parseAllDocuments', med(samples.yamlPkg)))
console.log(row('cli: check JSON rule array', med(samples.cliJson)))
console.log(row('cli: check YAML CNP documents', med(samples.cliYaml), share(med(samples.cliYaml))))
console.log(row('agent: decode, validate, store', med(samples.agent), share(med(samples.agent))))
console.log(row('agent: regenerate 50 endpoints', med(samples.regen), share(med(samples.regen))))
console.log(typeof policyMaps === 'string' ? `  maps: not measured (${policyMaps})`
  : row('agent: sync 50 policy maps', med(samples.maps), share(med(samples.maps))))
console.log(row('import total, JSON', med(totals.json)))
console.log(row('import total, YAML', yamlTotal))
console.log(row('PUT /v1/policy over the socket', med(samples.restPut), '  (agent + regen + HTTP)'))
const worst = Math.max(med(totals.json).wall, yamlTotal.wall)
console.log(`  goal: import with map regeneration under 2000 ms: ${worst < 2000 ? 'met' : 'NOT met'} (slowest median ${worst.toFixed(0)} ms wall)`)
