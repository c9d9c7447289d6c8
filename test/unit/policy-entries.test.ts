import assert from 'node:assert/strict'
import {readFileSync} from 'node:fs'
import {test} from 'node:test'
import {IdentityAllocator} from '../../src/identity/allocator.js'
import {parseLabels} from '../../src/identity/labels.js'
import {type EndpointInput, type IdentityInfo, type PolicyContext, type PolicyEntry, Precedence, computeAllEndpointPolicies,
  computeEndpointPolicy, policyCidrPrefixes, portRangeKeys} from '../../src/policy/entries.js'
import {parsePolicyText} from '../../src/policy/parse.js'
import {checkRules} from '../../src/policy/repository.js'
import type {Rule} from '../../src/policy/types.js'

const fixture = (name: string): Rule[] => {
  const text = readFileSync(new URL(`../../../test/fixtures/policy/${name}`, import.meta.url), 'utf8')
  return checkRules(parsePolicyText(text, name).rules).rules.map((r) => r.rule)
}
const rulesOf = (rules: Rule[]): Rule[] => {
  const checked = checkRules(rules.map((rule, index) => ({rule, origin: {file: 't', document: 0, index, name: 't'}})))
  assert.deepEqual(checked.issues, [])
  return checked.rules.map((r) => r.rule)
}

// One node: frontend 256, backend 257, myService 258, db 259 (all in namespace default).
const ns = 'k8s:io.kubernetes.pod.namespace=default'
const alloc = new IdentityAllocator()
const ids = {
  frontend: alloc.allocate(parseLabels(['k8s:role=frontend', ns])).id,
  backend: alloc.allocate(parseLabels(['k8s:role=backend', ns])).id,
  myService: alloc.allocate(parseLabels(['k8s:app=myService', ns])).id,
  db: alloc.allocate(parseLabels(['k8s:role=db', 'k8s:tier=data', ns])).id,
}
assert.deepEqual(ids, {frontend: 256, backend: 257, myService: 258, db: 259})

function identities(rules: Rule[]): IdentityInfo[] {
  for (const p of policyCidrPrefixes(rules)) alloc.allocateCidr(p)
  return alloc.list().map((i) => ({id: i.id, labels: alloc.labelsOf(i.id) ?? [], prefix: alloc.prefixOf(i.id)}))
}
const ep = (name: keyof typeof ids, extra: Partial<EndpointInput> = {}): EndpointInput =>
  ({id: 100 + ids[name] - 256, identity: ids[name], labels: alloc.labelsOf(ids[name]) ?? [], ...extra})

type E = Partial<PolicyEntry> & Pick<PolicyEntry, 'identity'>
/** An expected entry: allow, ingress, any protocol unless stated. */
function entry(e: E): PolicyEntry {
  const deny = e.deny ?? false
  const proxyPort = e.proxyPort ?? 0
  return {identity: e.identity, egress: e.egress ?? false, protocol: e.protocol ?? 0, dport: e.dport ?? 0, prefixLen: e.prefixLen ?? 0,
    deny, proxyPort, auth: e.auth ?? 0, precedence: deny ? Precedence.deny : proxyPort ? Precedence.redirect : Precedence.allow, cookie: 0}
}
const tcp = (dport: number): Partial<PolicyEntry> => ({protocol: 6, dport, prefixLen: 24})
const compute = (rules: Rule[], who: EndpointInput, extra: Partial<PolicyContext> = {}) =>
  computeEndpointPolicy(who, {rules, identities: identities(rules), ...extra})

const openIngress = [entry({identity: 0}), entry({identity: 1})]
const openEgress = [entry({identity: 0, egress: true})]

test('seed 1: frontend -> backend TCP/80 egress', () => {
  const rules = fixture('frontend-backend.yaml')
  const p = compute(rules, ep('frontend'))
  assert.equal(p.policyEnabled, 'egress')
  assert.deepEqual(p.entries, [...openIngress, entry({identity: ids.backend, egress: true, ...tcp(80)})])
  // Not selected: the backend stays open both ways (and the host may reach it).
  assert.deepEqual(compute(rules, ep('backend')).entries, [...openIngress, ...openEgress])
})

test('seed 2: toEntities host with HTTP POST /metric redirects TCP/80 to the proxy', () => {
  const p = compute(fixture('metric-post.yaml'), ep('myService'))
  assert.deepEqual(p.entries, [...openIngress, entry({identity: 1, egress: true, ...tcp(80), proxyPort: 10000})])
})

test('seed 3: ingressDeny fromEntities world denies the world identities and every CIDR identity', () => {
  const rules = [...fixture('world-lockdown.yaml'), ...rulesOf([{endpointSelector: {matchLabels: {role: 'db'}}, egress: [{toCIDR: ['192.0.2.0/24']}]}])]
  const cidr = alloc.list().find((i) => i.labels.includes('cidr:192.0.2.0/24'))?.id ?? identities(rules).find((i) => i.prefix)?.id
  const p = compute(rules, ep('backend'))
  assert.equal(p.policyEnabled, 'ingress')
  const worldIds = [2, 9, 10, ...(cidr === undefined ? [] : [cidr])]
  assert.deepEqual(p.entries, [...worldIds.map((identity) => entry({identity, deny: true})), ...openIngress, ...openEgress])
  // All three seeds on the frontend.
  const all = [...fixture('frontend-backend.yaml'), ...fixture('metric-post.yaml'), ...fixture('world-lockdown.yaml')]
  assert.deepEqual(compute(all, ep('frontend')).entries.map((e) => `${e.deny ? 'D' : 'A'} ${e.egress ? 'E' : 'I'} ${e.identity} ${e.protocol}/${e.dport}/${e.prefixLen}`),
    ['D I 2 0/0/0', 'D I 9 0/0/0', 'D I 10 0/0/0', ...(cidr === undefined ? [] : [`D I ${cidr} 0/0/0`]), 'A I 0 0/0/0', 'A I 1 0/0/0', 'A E 257 6/80/24'])
})

test('deny over allow: an L3 deny removes the same peer\'s narrower allows; same key keeps the deny', () => {
  const rules = rulesOf([{endpointSelector: {matchLabels: {role: 'db'}},
    ingress: [{fromEndpoints: [{matchLabels: {role: 'backend'}}], toPorts: [{ports: [{port: '5432', protocol: 'TCP'}]}]},
      {fromEndpoints: [{matchLabels: {role: 'frontend'}}], toPorts: [{ports: [{port: '5432', protocol: 'TCP'}]}]}],
    ingressDeny: [{fromEndpoints: [{matchLabels: {role: 'backend'}}]},
      {fromEndpoints: [{matchLabels: {role: 'frontend'}}], toPorts: [{ports: [{port: '5432', protocol: 'TCP'}]}]}]}])
  assert.deepEqual(compute(rules, ep('db')).entries, [
    entry({identity: ids.frontend, deny: true, ...tcp(5432)}), entry({identity: ids.backend, deny: true}),
    entry({identity: 1}), ...openEgress])
})

test('a narrower deny leaves a broader allow of the same peer (the trie picks the longer key)', () => {
  const rules = rulesOf([{endpointSelector: {matchLabels: {role: 'db'}},
    ingress: [{fromEndpoints: [{matchLabels: {role: 'backend'}}]}],
    ingressDeny: [{fromEndpoints: [{matchLabels: {role: 'backend'}}], toPorts: [{ports: [{port: '22', protocol: 'TCP'}]}]}]}])
  assert.deepEqual(compute(rules, ep('db')).entries, [entry({identity: ids.backend, deny: true, ...tcp(22)}),
    entry({identity: 1}), entry({identity: ids.backend}), ...openEgress])
})

test('wildcard identity 0: an element with ports and no peer, fromEntities all, and fromEndpoints {} in a rule array', () => {
  const rules = rulesOf([{endpointSelector: {matchLabels: {role: 'db'}},
    ingress: [{toPorts: [{ports: [{port: '443', protocol: 'TCP'}]}]}, {fromEntities: ['all'], toPorts: [{ports: [{port: '8443', protocol: 'TCP'}]}]},
      {fromEndpoints: [{}], toPorts: [{ports: [{port: '9443', protocol: 'TCP'}]}]}, {}]}])
  const p = compute(rules, ep('db'))
  assert.deepEqual(p.entries, [entry({identity: 0, ...tcp(443)}), entry({identity: 0, ...tcp(8443)}), entry({identity: 0, ...tcp(9443)}),
    entry({identity: 1}), ...openEgress])
  // An empty element selects no one but still makes the direction default-deny.
  const empty = compute(rulesOf([{endpointSelector: {}, ingress: [{}]}]), ep('db'))
  assert.deepEqual(empty.entries, [entry({identity: 1}), ...openEgress])
  assert.equal(empty.policyEnabled, 'ingress')
})

test('port ranges become aligned power-of-two blocks; ANY with a port means TCP, UDP and SCTP', () => {
  assert.deepEqual(portRangeKeys(6, 8080, 8095), [{protocol: 6, dport: 8080, prefixLen: 20}])
  assert.deepEqual(portRangeKeys(6, 80, 90), [{protocol: 6, dport: 80, prefixLen: 21}, {protocol: 6, dport: 88, prefixLen: 23},
    {protocol: 6, dport: 90, prefixLen: 24}])
  assert.deepEqual(portRangeKeys(17, 0, 65535), [{protocol: 17, dport: 0, prefixLen: 8}])
  const rules = rulesOf([{endpointSelector: {matchLabels: {role: 'db'}},
    egress: [{toEndpoints: [{matchLabels: {role: 'backend'}}], toPorts: [{ports: [{port: '8080', endPort: 8095, protocol: 'TCP'}, {port: '53', protocol: 'ANY'},
      {port: '0', protocol: 'UDP'}]}]}]}])
  const b = ids.backend
  assert.deepEqual(compute(rules, ep('db')).entries, [...openIngress,
    entry({identity: b, egress: true, protocol: 6, dport: 53, prefixLen: 24}), entry({identity: b, egress: true, protocol: 6, dport: 8080, prefixLen: 20}),
    entry({identity: b, egress: true, protocol: 17, dport: 0, prefixLen: 8}), entry({identity: b, egress: true, protocol: 17, dport: 53, prefixLen: 24}),
    entry({identity: b, egress: true, protocol: 132, dport: 53, prefixLen: 24})])
})

test('a redirect wins over a plain allow of the same key; the explicit auth is kept; ICMP types ride in dport', () => {
  const rules = rulesOf([
    {endpointSelector: {matchLabels: {role: 'db'}}, egress: [
      {toEndpoints: [{matchLabels: {role: 'backend'}}], toPorts: [{ports: [{port: '80', protocol: 'TCP'}]}], authentication: {mode: 'required'}},
      {toEndpoints: [{matchLabels: {role: 'backend'}}], toPorts: [{ports: [{port: '80', protocol: 'TCP'}], rules: {http: [{method: 'GET', path: '/'}]}}]},
      {toEndpoints: [{matchLabels: {role: 'backend'}}], icmps: [{fields: [{type: 8}, {family: 'IPv6', type: 'EchoRequest'}]}]}]}])
  const b = ids.backend
  assert.deepEqual(compute(rules, ep('db')).entries, [...openIngress,
    entry({identity: b, egress: true, protocol: 1, dport: 8, prefixLen: 24}),
    entry({identity: b, egress: true, ...tcp(80), proxyPort: 10000, auth: 0x81}),
    entry({identity: b, egress: true, protocol: 58, dport: 128, prefixLen: 24})])
})

test('auth byte: type in bits 0-6, bit 7 when a rule names the mode (even disabled); deny carries none', () => {
  const to = (port: string, mode?: string): object => ({toEndpoints: [{matchLabels: {role: 'backend'}}],
    toPorts: [{ports: [{port, protocol: 'TCP'}]}], ...(mode ? {authentication: {mode}} : {})})
  const rules = rulesOf([{endpointSelector: {matchLabels: {role: 'db'}}, egress: [to('81'), to('82', 'disabled'), to('83', 'test-always-fail'),
    to('84', 'required'), to('84', 'test-always-fail'), to('85', 'required')],
  egressDeny: [{toEndpoints: [{matchLabels: {role: 'backend'}}], toPorts: [{ports: [{port: '85', protocol: 'TCP'}]}]}]}])
  const b = ids.backend
  assert.deepEqual(compute(rules, ep('db')).entries, [entry({identity: b, egress: true, ...tcp(85), deny: true}), ...openIngress,
    entry({identity: b, egress: true, ...tcp(81)}), entry({identity: b, egress: true, ...tcp(82), auth: 0x80}),
    entry({identity: b, egress: true, ...tcp(83), auth: 0x82}), entry({identity: b, egress: true, ...tcp(84), auth: 0x82})])
})

test('CIDR sets with except: the except prefix gets its own identity and is not selected', () => {
  const rules = rulesOf([{endpointSelector: {matchLabels: {role: 'db'}}, egress: [{toCIDRSet: [{cidr: '10.0.0.0/8', except: ['10.96.0.0/12']}]}]}])
  identities(rules)
  const byLabel = (l: string): number => alloc.list().find((i) => i.labels.includes(l))?.id ?? -1
  const wide = byLabel('cidr:10.0.0.0/8')
  assert.ok(wide > 1 << 24 && byLabel('cidr:10.96.0.0/12') > 1 << 24)
  assert.deepEqual(compute(rules, ep('db')).entries, [...openIngress, entry({identity: wide, egress: true})])
})

test('selection by matchExpressions (In, NotIn, Exists, DoesNotExist) on endpoints and peers', () => {
  const rules = rulesOf([{endpointSelector: {matchExpressions: [{key: 'tier', operator: 'Exists'}]},
    ingress: [{fromEndpoints: [{matchExpressions: [{key: 'role', operator: 'In', values: ['frontend', 'backend']}, {key: 'tier', operator: 'DoesNotExist'}]}]},
      {fromEndpoints: [{matchExpressions: [{key: 'role', operator: 'NotIn', values: ['frontend', 'backend', 'db']}, {key: 'k8s:app', operator: 'Exists'}]}]}]}])
  assert.deepEqual(compute(rules, ep('db')).entries, [entry({identity: 1}), entry({identity: ids.frontend}), entry({identity: ids.backend}),
    entry({identity: ids.myService}), ...openEgress])
  assert.equal(compute(rules, ep('backend')).policyEnabled, 'none', 'backend has no tier label: not selected')
})

test('enforcement modes, enableDefaultDeny and audit mode', () => {
  const rules = rulesOf([{endpointSelector: {matchLabels: {role: 'db'}}, ingress: [{fromEndpoints: [{matchLabels: {role: 'backend'}}]}]}])
  assert.deepEqual(compute([], ep('db'), {enforcement: 'always'}).entries, [entry({identity: 1})])
  assert.deepEqual(compute(rules, ep('db'), {enforcement: 'never'}).entries, [...openIngress, ...openEgress])
  const audit = compute(rules, ep('db', {auditMode: true}))
  assert.equal(audit.policyEnabled, 'audit-ingress')
  assert.deepEqual(audit.entries, [entry({identity: 1}), entry({identity: ids.backend}), ...openEgress])
  const lenient = rulesOf([{endpointSelector: {matchLabels: {role: 'db'}}, enableDefaultDeny: {ingress: false},
    ingressDeny: [{fromEndpoints: [{matchLabels: {role: 'frontend'}}]}]}])
  const p = compute(lenient, ep('db'))
  assert.equal(p.policyEnabled, 'none')
  assert.deepEqual(p.entries, [entry({identity: ids.frontend, deny: true}), ...openIngress, ...openEgress])
})

test('host policies select the host endpoint by nodeSelector only; proxy ports are shared per parser and direction', () => {
  const rules = rulesOf([{nodeSelector: {matchLabels: {'reserved:host': ''}}, ingress: [{fromEntities: ['cluster']}]},
    {endpointSelector: {}, egress: [{toEntities: ['world'], toPorts: [{ports: [{port: '80', protocol: 'TCP'}], rules: {http: [{}]}}]}]}])
  const host: EndpointInput = {id: 1, identity: 1, labels: parseLabels(['reserved:host']), isHost: true}
  const [h, a, b] = computeAllEndpointPolicies([host, ep('db'), ep('backend')], {rules, identities: identities(rules)})
  assert.deepEqual(h.entries.filter((e) => !e.egress).map((e) => e.identity), [1, 3, 4, 5, 6, 7, 8])
  assert.equal(a.entries.find((e) => e.proxyPort)?.proxyPort, 10000)
  assert.equal(b.entries.find((e) => e.proxyPort)?.proxyPort, 10000)
})
