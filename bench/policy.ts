// bench/policy: 50 endpoints and 2,000 rules (issue #7). Times the import (parse + validate +
// repository add), the regeneration of every endpoint's policy map entries, and the whole
// `PUT /v1/policy` over the agent's unix socket (which includes a regeneration), against
// JSON.parse of the same documents measured in the same run. Usage: node dist/bench/policy.js [rounds]
import {mkdtempSync, rmSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import jsyaml from 'js-yaml'
import {stringify} from 'yaml'
import {AgentClient} from '../src/api/client.js'
import {startRestServer} from '../src/agent/rest/server.js'
import {createAgentState, createEndpoint, regenerate} from '../src/agent/rest/state.js'
import {IdentityAllocator} from '../src/identity/allocator.js'
import {parseLabel} from '../src/identity/labels.js'
import {computeAllEndpointPolicies, policyCidrPrefixes} from '../src/policy/entries.js'
import {parsePolicyText} from '../src/policy/parse.js'
import {PolicyRepository} from '../src/policy/repository.js'
import type {Rule} from '../src/policy/types.js'
import {median} from './lib.js'

const endpointCount = 50
const ruleCount = 2000
const rounds = Number(process.argv[2] ?? 7)

const app = (n: number): {matchLabels: Record<string, string>} => ({matchLabels: {app: `svc-${n % endpointCount}`}})

/**
 * Rule i selects endpoint i % 50; each endpoint gets 40 rules, eight of each kind: L3/L4 ingress,
 * egress port ranges, CIDR sets with except, L4 deny, L7 HTTP to the host. Peers and ports vary.
 */
function makeRule(i: number): Rule {
  const k = i % endpointCount
  const j = Math.floor(i / endpointCount)
  const base = {endpointSelector: app(k), labels: [{key: 'name', value: `rule-${i}`, source: 'unspec'}]}
  switch (j % 5) {
    case 0: return {...base, ingress: [{fromEndpoints: [app(k + 1 + j)], toPorts: [{ports: [{port: String(8000 + j), protocol: 'TCP'}]}]}]}
    case 1: return {...base, egress: [{toEndpoints: [app(k + 7 + j)], toPorts: [{ports: [{port: String(9000 + 16 * j), endPort: 9015 + 16 * j, protocol: 'TCP'},
      {port: '53', protocol: 'ANY'}]}]}]}
    case 2: return {...base, egress: [{toCIDRSet: [{cidr: `10.${i % 256}.0.0/16`, except: [`10.${i % 256}.1.0/24`]}]}]}
    case 3: return {...base, ingressDeny: [{fromEndpoints: [app(k + 3 + j)], toPorts: [{ports: [{port: '22', protocol: 'TCP'}]}]}]}
    default: return {...base, egress: [{toEntities: ['host'], toPorts: [{ports: [{port: String(80 + j), protocol: 'TCP'}],
      rules: {http: [{method: 'GET', path: `/api/${i}`}]}}]}]}
  }
}

const rules = Array.from({length: ruleCount}, (_, i) => makeRule(i))
const jsonText = JSON.stringify(rules, null, 2)
const yamlText = rules.map((spec, i) => stringify({apiVersion: 'cilium.io/v2', kind: 'CiliumNetworkPolicy',
  metadata: {name: `rule-${i}`, namespace: 'default'}, spec})).join('---\n')

function time(fn: () => void): number {
  const t0 = process.hrtime.bigint()
  fn()
  return Number(process.hrtime.bigint() - t0) / 1e6
}

/** Parse (and decode), then the repository validates (all or nothing), sanitizes and stores each rule once. */
function importText(text: string, file: string): PolicyRepository {
  const {rules: parsed, issues} = parsePolicyText(text, file)
  if (issues.length > 0) throw new Error(`bench rules invalid: ${issues[0].message}`)
  const repo = new PolicyRepository()
  repo.addParsed(parsed)
  return repo
}

// The identity table regeneration resolves against: 50 endpoints, the reserved ones, one CIDR identity per prefix.
const alloc = new IdentityAllocator()
const endpoints = Array.from({length: endpointCount}, (_, k) => {
  const labels = [parseLabel(`k8s:app=svc-${k}`), parseLabel('k8s:io.kubernetes.pod.namespace=default')]
  return {id: k + 1, identity: alloc.allocate(labels).id, labels}
})
const repo = importText(jsonText, 'bench.json')
for (const p of policyCidrPrefixes(repo.list())) alloc.allocateCidr(p)
const identities = alloc.list().map((i) => ({id: i.id, labels: i.labels.map((l) => parseLabel(l)), prefix: alloc.prefixOf(i.id)}))
let entryCount = 0
const regen = (): void => {
  entryCount = computeAllEndpointPolicies(endpoints, {rules: repo.list(), identities}).reduce((n, p) => n + p.entries.length, 0)
}

const t = {jsonParse: [] as number[], yamlParse: [] as number[], importJson: [] as number[], importYaml: [] as number[],
  regenerate: [] as number[], restPut: [] as number[]}
const variants: Record<keyof typeof t, () => Promise<number> | number> = {
  jsonParse: () => time(() => JSON.parse(jsonText)),
  yamlParse: () => time(() => jsyaml.loadAll(yamlText, null, {schema: jsyaml.CORE_SCHEMA})),
  importJson: () => time(() => importText(jsonText, 'bench.json')),
  importYaml: () => time(() => importText(yamlText, 'bench.yaml')),
  regenerate: () => time(regen),
  restPut: async () => {
    // A fresh agent state with 50 endpoints; the PUT validates, stores and regenerates them all.
    const dir = mkdtempSync(join(tmpdir(), 'ck-bench-'))
    const state = createAgentState()
    for (const [k, ep] of endpoints.entries()) {
      createEndpoint(state, ep.id, {state: 'ready', labels: ep.labels.map((l) => `${l.source}:${l.key}=${l.value}`),
        addressing: {ipv4: `10.200.${k >> 8}.${k & 255}`}})
    }
    regenerate(state)
    const server = await startRestServer(state, join(dir, 'cilium.sock'))
    try {
      const client = new AgentClient(join(dir, 'cilium.sock'))
      const t0 = process.hrtime.bigint()
      await client.putPolicy(jsonText)
      return Number(process.hrtime.bigint() - t0) / 1e6
    } finally {
      await server.close()
      rmSync(dir, {recursive: true, force: true})
    }
  },
}
for (let r = 0; r < rounds; r++) {
  for (const name of (Object.keys(variants) as (keyof typeof t)[]).sort(() => Math.random() - 0.5)) t[name].push(await variants[name]())
}
const m = Object.fromEntries(Object.entries(t).map(([k, v]) => [k, median(v)])) as Record<keyof typeof t, number>
const ms = (x: number): string => `${x.toFixed(1)} ms`
const ratio = (x: number): string => `${(x / m.jsonParse).toFixed(1)}x`
console.log(`policy: ${ruleCount} rules, ${endpointCount} endpoints, ${entryCount} map entries, ${(jsonText.length / 1024).toFixed(0)} KiB JSON, median of ${rounds}`)
console.log(`  baseline JSON.parse            ${ms(m.jsonParse)}`)
console.log(`  baseline js-yaml loadAll       ${ms(m.yamlParse)}  (${ratio(m.yamlParse)})`)
console.log(`  import JSON rule array         ${ms(m.importJson)}  (${ratio(m.importJson)} JSON.parse)`)
console.log(`  import YAML CNP documents      ${ms(m.importYaml)}  (${ratio(m.importYaml)} JSON.parse, ${(m.importYaml / m.yamlParse).toFixed(2)}x yaml parse)`)
console.log(`  regenerate all endpoints       ${ms(m.regenerate)}  (${ratio(m.regenerate)} JSON.parse)`)
console.log(`  PUT /v1/policy over the socket ${ms(m.restPut)}  (${ratio(m.restPut)} JSON.parse; validate + store + regenerate)`)
console.log(`  goal: import (parse + validate + repository) under 2000 ms: ${Math.max(m.importJson, m.importYaml) < 2000 ? 'met' : 'NOT met'}`)
