import assert from 'node:assert/strict'
import {readFileSync} from 'node:fs'
import {test} from 'node:test'
import {issueText, parsePolicyText} from '../../src/policy/parse.js'

const fixture = (name: string): string => readFileSync(new URL(`../../../test/fixtures/policy/${name}`, import.meta.url), 'utf8')

test('a CiliumNetworkPolicy: namespace confined selectors and the derived rule labels', () => {
  const {rules, issues} = parsePolicyText(fixture('frontend-backend.yaml'), 'frontend-backend.yaml')
  assert.deepEqual(issues, [])
  assert.equal(rules.length, 1)
  assert.deepEqual(rules[0].rule, {
    endpointSelector: {matchLabels: {role: 'frontend', 'k8s:io.kubernetes.pod.namespace': 'default'}},
    egress: [{toEndpoints: [{matchLabels: {role: 'backend', 'k8s:io.kubernetes.pod.namespace': 'default'}}],
      toPorts: [{ports: [{port: '80', protocol: 'TCP'}]}]}],
    labels: [{key: 'io.cilium.k8s.policy.derived-from', value: 'CiliumNetworkPolicy', source: 'k8s'},
      {key: 'io.cilium.k8s.policy.name', value: 'frontend-to-backend', source: 'k8s'},
      {key: 'io.cilium.k8s.policy.namespace', value: 'default', source: 'k8s'}],
    description: 'frontend egress to backend on TCP/80 only',
  })
  assert.deepEqual(rules[0].origin, {file: 'frontend-backend.yaml', document: 0, index: 0, name: 'CiliumNetworkPolicy default/frontend-to-backend'})
})

test('a CiliumClusterwideNetworkPolicy keeps its selectors as written', () => {
  const {rules, issues} = parsePolicyText(fixture('world-lockdown.yaml'), 'w.yaml')
  assert.deepEqual(issues, [])
  assert.deepEqual(rules[0].rule.endpointSelector, {})
  assert.deepEqual(rules[0].rule.ingressDeny, [{fromEntities: ['world']}])
  assert.deepEqual(rules[0].rule.labels?.map((l) => l.key), ['io.cilium.k8s.policy.derived-from', 'io.cilium.k8s.policy.name'])
})

test('multi-document YAML, specs lists, List kinds and peers that already name a namespace', () => {
  const text = `apiVersion: cilium.io/v2
kind: CiliumNetworkPolicy
metadata: {name: a, namespace: shop}
specs:
  - endpointSelector: {matchLabels: {app: cart}}
    ingress: [{fromEndpoints: [{matchLabels: {"k8s:io.kubernetes.pod.namespace": ops}}, {matchLabels: {"reserved:host": ""}}]}]
  - endpointSelector: {matchLabels: {app: pay}}
    egress: [{toEndpoints: [{}]}]
---
apiVersion: v1
kind: List
items:
  - apiVersion: cilium.io/v2
    kind: CiliumClusterwideNetworkPolicy
    metadata: {name: b}
    spec: {endpointSelector: {}, egress: [{toEntities: [world]}]}
`
  const {rules, issues} = parsePolicyText(text, 'm.yaml')
  assert.deepEqual(issues, [])
  assert.deepEqual(rules.map((r) => [r.origin.document, r.origin.index, r.origin.name]),
    [[0, 0, 'CiliumNetworkPolicy shop/a'], [0, 1, 'CiliumNetworkPolicy shop/a'], [1, 0, 'CiliumClusterwideNetworkPolicy b']])
  assert.deepEqual(rules[0].rule.ingress?.[0].fromEndpoints, [{matchLabels: {'k8s:io.kubernetes.pod.namespace': 'ops'}},
    {matchLabels: {'reserved:host': ''}}])
  assert.deepEqual(rules[1].rule.egress?.[0].toEndpoints, [{matchLabels: {'k8s:io.kubernetes.pod.namespace': 'shop'}}],
    'an empty peer selector in a CNP means every endpoint of its namespace')
})

test('the agent rule array (JSON), as cilium policy import takes it', () => {
  const {rules, issues} = parsePolicyText(fixture('seeds-rules.json'), 'seeds-rules.json')
  assert.deepEqual(issues, [])
  assert.equal(rules.length, 3)
  assert.deepEqual(rules[1].rule.egress?.[0].toPorts?.[0].rules, {http: [{method: 'POST', path: '/metric'}]})
  assert.deepEqual(rules[0].rule.labels, [{key: 'name', value: 'frontend-to-backend', source: 'unspec'}])
})

test('type errors and unknown fields are reported with Go encoding/json words, all of them', () => {
  const {rules, issues} = parsePolicyText(JSON.stringify([
    {endpointSelector: {}, ingress: [{fromEndpoint: [{}], toPorts: [{ports: [{port: '80', endPort: 'x'}]}]}]},
    {endpointSelector: {matchLabels: {app: 1}}, egress: 'all'},
  ]), 'bad.json')
  assert.equal(rules.length, 0)
  assert.deepEqual(issues.map((i) => `${i.index}: ${i.message}`), [
    '0: json: unknown field "fromEndpoint" in ingress',
    '0: json: cannot unmarshal string into Go struct field PortProtocol.ingress.toPorts.ports.endPort of type int32',
    '1: json: cannot unmarshal number into Go struct field EndpointSelector.endpointSelector.matchLabels.app of type string',
    '1: json: cannot unmarshal string into Go struct field Rule.egress of type []api.EgressRule',
  ])
})

test('YAML ports written as numbers are taken as the string they mean', () => {
  const {rules} = parsePolicyText('- endpointSelector: {}\n  egress: [{toPorts: [{ports: [{port: 80, protocol: TCP}]}]}]\n', 'p.yaml')
  assert.deepEqual(rules[0].rule.egress?.[0].toPorts?.[0].ports, [{port: '80', protocol: 'TCP'}])
})

test('JSON syntax errors point at the line and column like cilium policy import', () => {
  const {issues} = parsePolicyText('[\n  {"endpointSelector": {},\n   "ingress": [}\n]\n', 'x.json')
  assert.equal(issues.length, 1)
  assert.match(issues[0].message, /^x\.json:3: syntax error at offset \d+:\n {3}"ingress": \[}\n +\^$/)
  assert.equal(parsePolicyText('{', 'y.json').issues[0].message, 'malformed policy, not JSON?')
})

test('unsupported kinds and nameless objects are issues with a location', () => {
  const {issues} = parsePolicyText('kind: NetworkPolicy\napiVersion: networking.k8s.io/v1\n---\nkind: CiliumNetworkPolicy\nmetadata: {}\nspec: {}\n', 'k.yaml')
  assert.deepEqual(issues.map(issueText), [
    'k.yaml: unsupported kind "NetworkPolicy": expected CiliumNetworkPolicy, CiliumClusterwideNetworkPolicy or a List of them',
    'k.yaml: CiliumNetworkPolicy default/: metadata.name must be set',
  ])
})
