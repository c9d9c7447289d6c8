// The server decodes only the fields a request's filters read (src/hubble/server/filter-fields.ts):
// the table must know every FlowFilter field, and a flow decoded that way must pass or fail each
// filter exactly as the whole flow does.
import assert from 'node:assert/strict'
import {readFileSync} from 'node:fs'
import {join} from 'node:path'
import {test} from 'node:test'
import {FlowJsonReader} from '../../src/hubble/codec/index.js'
import {messages} from '../../src/hubble/codec/schema.js'
import {compileFlowFilters} from '../../src/hubble/filters/index.js'
import {flow, observer} from '../../src/hubble/proto/index.js'
import {compileFlowProjection} from '../../src/hubble/server/field-mask.js'
import {FLOW_FIELDS_READ, flowFieldsRead} from '../../src/hubble/server/filter-fields.js'
import {repoRoot} from '../helpers/cli.js'

const camel = (name: string) => name.replace(/_([a-z])/g, (_, c: string) => c.toUpperCase())

// One filter per FlowFilter field, with values that some of the flows below match.
const filters: flow.IFlowFilter[] = [
  {uuid: ['0f2e3c4d-1111-2222-3333-444455556666']},
  {verdict: [flow.Verdict.FORWARDED]},
  {dropReasonDesc: [flow.DropReason.POLICY_DENIED]},
  {reply: [true]},
  {encrypted: [true]},
  {sourceIdentity: [24577]},
  {destinationIdentity: [31950]},
  {protocol: ['tcp', 'dns']},
  {sourceIp: ['10.244.1.0/24']},
  {destinationIp: ['10.244.2.20']},
  {sourceIpXlated: ['192.0.2.7']},
  {ipVersion: [flow.IPVersion.IPv4]},
  {sourcePod: ['default/frontend-']},
  {destinationPod: ['default/']},
  {sourceWorkload: [{name: 'frontend'}]},
  {destinationWorkload: [{kind: 'Deployment'}]},
  {sourceLabel: ['k8s:app=frontend']},
  {destinationLabel: ['k8s:app=backend']},
  {sourceClusterName: ['kind-kind']},
  {destinationClusterName: ['kind-kind']},
  {sourceService: ['default/frontend']},
  {destinationService: ['default/']},
  {sourceFqdn: ['*.example.com']},
  {destinationFqdn: ['api.example.com']},
  {dnsQuery: ['example\\.com']},
  {nodeLabels: ['zone=a']},
  {sourcePort: ['43210']},
  {destinationPort: ['8080']},
  {tcpFlags: [{SYN: true}]},
  {httpStatusCode: ['2+']},
  {httpMethod: ['POST']},
  {httpPath: ['^/api']},
  {httpUrl: ['example']},
  {httpHeader: [{key: 'x-trace', value: 'on'}]},
  {nodeName: ['kind-*']},
  {traceId: ['abc123']},
  {trafficDirection: [flow.TrafficDirection.EGRESS]},
  {interface: [{name: 'eth0'}]},
  {ipTraceId: [7]},
  {eventType: [{type: 129}]},
  {sourcePod: ['default/'], destinationPort: ['8080'], verdict: [flow.Verdict.FORWARDED]},
]

// Flows that carry the fields the fixtures lack.
const extra: flow.IFlow[] = [
  {uuid: '0f2e3c4d-1111-2222-3333-444455556666', verdict: flow.Verdict.DROPPED, dropReasonDesc: flow.DropReason.POLICY_DENIED,
    IP: {source: '10.244.1.10', destination: '1.1.1.1', sourceXlated: '192.0.2.7', ipVersion: flow.IPVersion.IPv4, encrypted: true},
    sourceService: {namespace: 'default', name: 'frontend'}, destinationService: {namespace: 'default', name: 'api'},
    sourceNames: ['a.example.com'], destinationNames: ['api.example.com'], nodeLabels: ['zone=a'], nodeName: 'kind-worker',
    traceContext: {parent: {traceId: 'abc123'}}, interface: {index: 3, name: 'eth0'}, ipTraceId: {traceId: 7},
    trafficDirection: flow.TrafficDirection.EGRESS, isReply: {value: true}},
  {eventType: {type: 129}, verdict: flow.Verdict.FORWARDED, l7: {type: flow.L7FlowType.REQUEST, dns: {query: 'api.example.com.'}},
    source: {namespace: 'default', podName: 'frontend-1', clusterName: 'kind-kind', identity: 24577}},
  {eventType: {type: 129}, verdict: flow.Verdict.FORWARDED, l7: {http: {code: 201, method: 'POST', url: 'http://example/api/v1',
    headers: [{key: 'x-trace', value: 'on'}]}}, destination: {namespace: 'default', podName: 'backend-1', identity: 31950,
    labels: ['k8s:app=backend'], workloads: [{name: 'backend', kind: 'Deployment'}], clusterName: 'kind-kind'}},
]

function fixtureFlows(): flow.IFlow[] {
  const reader = new FlowJsonReader()
  const out: flow.IFlow[] = []
  for (const file of ['sample-flows.jsonl', 'edge-flows.jsonl']) {
    for (const line of readFileSync(join(repoRoot, 'test', 'fixtures', 'hubble', file), 'utf8').split('\n')) {
      if (!line.trim()) continue
      const f = reader.parse(line).response?.flow
      if (f) out.push(f)
    }
  }
  return out
}

test('the table knows every FlowFilter field (CEL excepted) and names real flow fields', () => {
  for (const field of messages['flow.FlowFilter']!) {
    if (field.name === 'experimental') continue
    assert.ok(FLOW_FIELDS_READ[camel(field.name)], `FlowFilter.${field.name} is in FLOW_FIELDS_READ`)
  }
  for (const paths of Object.values(FLOW_FIELDS_READ)) assert.doesNotThrow(() => compileFlowProjection(paths))
  assert.deepEqual(new Set(filters.flatMap((f) => Object.keys(f))), new Set(Object.keys(FLOW_FIELDS_READ)), 'a test filter per field')
  assert.deepEqual(flowFieldsRead([{httpMethod: ['POST']}, {destinationPort: ['80'], verdict: [1]}]), ['l4', 'l7', 'verdict'])
  assert.equal(flowFieldsRead([{experimental: {celExpression: ['true']}}]), undefined, 'CEL may read anything')
  assert.deepEqual(flowFieldsRead([{}]), [])
})

test('a flow decoded with only the fields the filters read passes and fails them as the whole flow does', () => {
  const encoded = [...fixtureFlows(), ...extra].map((f) =>
    observer.GetFlowsResponse.encode({flow: f, nodeName: f.nodeName ?? '', time: f.time ?? null}).finish().slice())
  let matched = 0
  for (const ff of filters) {
    for (const [allow, deny] of [[[ff], []], [[], [ff]]]) {
      const predicate = compileFlowFilters(allow, deny)
      const narrow = compileFlowProjection(flowFieldsRead([...allow, ...deny])!, true)
      for (const bytes of encoded) {
        const whole = predicate(observer.GetFlowsResponse.decode(bytes).flow)
        const narrowed = predicate(observer.GetFlowsResponse.decode(narrow(bytes)).flow)
        assert.equal(narrowed, whole, `${JSON.stringify({allow, deny})} on ${JSON.stringify(observer.GetFlowsResponse.decode(bytes).flow)}`)
        if (allow.length > 0 && whole) matched++
      }
    }
  }
  assert.ok(matched >= filters.length, `the filters match some flows (${matched} matches)`)
})
