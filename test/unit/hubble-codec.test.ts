import assert from 'node:assert/strict'
import {readFileSync} from 'node:fs'
import {dirname, join, resolve} from 'node:path'
import {test} from 'node:test'
import {fileURLToPath} from 'node:url'
import {encodeFlowsResponseJson, encodeJson, encodeLegacyResponseJson, FlowJsonReader, formatTimestamp, fromJsonValue,
  indentJson, parseFlowJson} from '../../src/hubble/codec/index.js'
import {flow, observer} from '../../src/hubble/proto/index.js'

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../../..')
const peers = join(root, 'test/fixtures/peers')
const sample = readFileSync(join(peers, 'sample-flows.jsonl'), 'utf8')
const edge = readFileSync(join(peers, 'edge-flows.jsonl'), 'utf8')
const cases = readFileSync(join(peers, 'observe-cases.md'), 'utf8')

/** The recorded stdout of case N of observe-cases.md. */
function stdoutOf(n: number): string {
  const start = cases.indexOf(`\n### ${n}. `)
  assert.ok(start >= 0, `case ${n} exists`)
  const m = /stdout:\n\n```text\n([\s\S]*?)```/.exec(cases.slice(start))
  return m![1]!
}

const lines = (text: string) => text.split('\n').filter((l, i, a) => i < a.length - 1 || l !== '')

/** What `observe -o json|jsonpb` prints for a file: every parsed response that has an event. */
function observeJson(text: string, encode = encodeFlowsResponseJson): {stdout: string, warnings: string[]} {
  const reader = new FlowJsonReader()
  let stdout = ''
  const warnings: string[] = []
  for (const line of lines(text)) {
    const {response, warnings: w} = reader.parse(line)
    warnings.push(...w.map((x) => `${x.message}: ${x.error}`))
    // node status goes to stderr, an empty response prints nothing (hubble.md §4.6)
    if (response && (response.flow || response.lostEvents)) stdout += encode(response)
  }
  return {stdout, warnings}
}

for (const n of [6, 7]) {
  test(`observe-cases #${n}: -o json/jsonpb of sample-flows.jsonl, byte for byte`, () => {
    assert.equal(observeJson(sample).stdout, stdoutOf(n))
  })
}

for (const n of [8, 10, 17]) {
  test(`observe-cases #${n}: first line (-o JSON, jsonpb with HUBBLE_COMPAT, --print-node-name -o json)`, () => {
    assert.equal(observeJson(sample).stdout.split('\n')[0] + '\n', stdoutOf(n))
  })
}

test('observe-cases #9: HUBBLE_COMPAT=legacy-json-output prints the bare flow', () => {
  assert.equal(observeJson(sample, encodeLegacyResponseJson).stdout, stdoutOf(9))
})

test('observe-cases #13: jsonpb output read back prints the same bytes', () => {
  const once = observeJson(sample).stdout
  assert.equal(observeJson(once).stdout, once)
})

// Recorded with v0.11.6, which rejects a line with an unknown field and drops lost events. The
// newest CLI (hubble.md §4.9/§4.10, case #169 with v0.12.3) warns once and keeps that line, and
// prints lost events; those two lines are added to the recording here.
test('observe-cases #145: edge-flows.jsonl -o jsonpb, as the newest CLI prints it', () => {
  const recorded = lines(stdoutOf(145))
  const unknownFieldLine = lines(edge)[4]!.replace(',"some_future_field":42', '') + '\n'
  const lost = '{"lost_events":{"source":"PERF_EVENT_RING_BUFFER","num_events_lost":"7","cpu":1},"node_name":"n3","time":"2023-05-10T12:00:12Z"}'
  const expected = [recorded[0], unknownFieldLine.trimEnd(), ...recorded.slice(1, 4), lost, ...recorded.slice(4)].join('\n') + '\n'
  const {stdout, warnings} = observeJson(edge)
  assert.equal(stdout, expected)
  assert.deepEqual(warnings, [
    'Failed to unmarshal json to flow: proto: unexpected EOF',
    'Failed to unmarshal json to flow: proto: syntax error (line 1:1): unexpected token ',
    'Failed to unmarshal json to flow: proto: syntax error (line 1:1): invalid value this',
    'unknown field detected, upgrade the Hubble CLI to get rid of this warning: proto: (line 1:1033): unknown field "some_future_field"',
  ])
})

test('strings: Go escapes & < > and U+2028/9, control characters as \\u00XX, keeps non-ASCII raw', () => {
  const out = encodeJson('flow.Flow', {Summary: 'a&b<c>d\u2028\u001b\n\t"\\ é✓'})
  assert.equal(out, '{"Summary":"a\\u0026b\\u003cc\\u003ed\\u2028\\u001b\\n\\t\\"\\\\ é✓"}')
})

test('defaults are omitted, wrappers and empty messages are not, 64-bit are strings', () => {
  const out = encodeJson('flow.Flow', {verdict: 0, uuid: '', reply: false, sourceNames: [], isReply: {value: false},
    ethernet: {}, socketCookie: 0, cgroupId: 12, l7: {latencyNs: 1500000}, IP: {ipVersion: 0}})
  assert.equal(out, '{"ethernet":{},"IP":{},"l7":{"latency_ns":"1500000"},"is_reply":false,"cgroup_id":"12"}')
})

test('enums by name, unknown numbers as numbers; repeated enums keep zero values', () => {
  assert.equal(encodeJson('flow.Flow', {verdict: 99}), '{"verdict":99}')
  assert.equal(encodeJson('flow.FlowFilter', {ipVersion: [0, 2], verdict: [2]}), '{"verdict":["DROPPED"],"ip_version":["IP_NOT_USED","IPv6"]}')
})

test('declaration order, not field-number order: ip_trace_id (40) before drop_reason_desc (25) before is_reply (26)', () => {
  const out = encodeJson('flow.Flow', {isReply: {value: true}, dropReasonDesc: flow.DropReason.POLICY_DENIED, ipTraceId: {traceId: 7}})
  assert.equal(out, '{"ip_trace_id":{"trace_id":"7"},"drop_reason_desc":"POLICY_DENIED","is_reply":true}')
})

test('timestamps: UTC, 0/3/6/9 fraction digits', () => {
  assert.equal(formatTimestamp(1234, 567800000), '1970-01-01T00:20:34.567800Z')
  assert.equal(formatTimestamp(1704164646, 0), '2024-01-02T03:04:06Z')
  assert.equal(formatTimestamp(1704164646, 124000000), '2024-01-02T03:04:06.124Z')
  assert.equal(formatTimestamp(1704164646, 1), '2024-01-02T03:04:06.000000001Z')
})

test('64-bit values beyond 2^53 survive JSON -> memory -> wire -> memory -> JSON', () => {
  const line = '{"flow":{"ip_trace_id":{"trace_id":"9007199254740993"},"socket_cookie":"18446744073709551615"}}'
  const {response} = parseFlowJson(line)
  const wire = observer.GetFlowsResponse.decode(observer.GetFlowsResponse.encode(response!).finish())
  assert.equal(encodeFlowsResponseJson(wire), line + '\n')
})

test('the upstream printer example (hubble.md §4.6) and a lost event', () => {
  const resp = {flow: {time: {seconds: 1234, nanos: 567800000}, verdict: flow.Verdict.DROPPED, IP: {source: '1.1.1.1', destination: '2.2.2.2'},
    l4: {TCP: {sourcePort: 31793, destinationPort: 8080}}, source: {identity: 4}, destination: {identity: 12345}, Type: flow.FlowType.L3_L4,
    nodeName: 'k8s1', eventType: {type: 1, subType: 133}, isReply: {value: false}, Summary: 'TCP Flags: SYN'}}
  assert.equal(encodeFlowsResponseJson(resp), '{"flow":{"time":"1970-01-01T00:20:34.567800Z","verdict":"DROPPED","IP":{"source":"1.1.1.1","destination":"2.2.2.2"},"l4":{"TCP":{"source_port":31793,"destination_port":8080}},"source":{"identity":4},"destination":{"identity":12345},"Type":"L3_L4","node_name":"k8s1","event_type":{"type":1,"sub_type":133},"is_reply":false,"Summary":"TCP Flags: SYN"}}\n')
  const lost = {lostEvents: {source: flow.LostEventSource.HUBBLE_RING_BUFFER, numEventsLost: 1, cpu: {value: 5}}, nodeName: 'node-name', time: {seconds: 1234, nanos: 567800000}}
  assert.equal(encodeFlowsResponseJson(lost), '{"lost_events":{"source":"HUBBLE_RING_BUFFER","num_events_lost":"1","cpu":5},"node_name":"node-name","time":"1970-01-01T00:20:34.567800Z"}\n')
})

test('status -o json (grpc-fake-server-cases #4) and list nodes -o json indentation', () => {
  const status = {numFlows: 12, maxFlows: 16380, seenFlows: 1234567, uptimeNs: 3600000000000, numConnectedNodes: {value: 3},
    numUnavailableNodes: {value: 1}, unavailableNodes: ['kind-worker3'], version: '1.13.4'}
  assert.equal(encodeJson('observer.ServerStatusResponse', status),
    '{"num_flows":"12","max_flows":"16380","seen_flows":"1234567","uptime_ns":"3600000000000","num_connected_nodes":3,"num_unavailable_nodes":1,"unavailable_nodes":["kind-worker3"],"version":"1.13.4"}')
  const node = encodeJson('observer.Node', {name: 'kind-worker', address: '172.18.0.3:4244', state: 1, tls: {}, numFlows: 1200})
  assert.equal(indentJson(`[${node}]`), '[\n  {\n    "name": "kind-worker",\n    "address": "172.18.0.3:4244",\n    "state": "NODE_CONNECTED",\n    "tls": {},\n    "num_flows": "1200"\n  }\n]')
})

test('parsing: proto and lowerCamel names, enum numbers, bare flows, errors', () => {
  const camel = parseFlowJson('{"flow":{"l4":{"TCP":{"sourcePort":1111}},"nodeName":"n1","verdict":2}}').response!
  assert.equal(camel.flow?.l4?.TCP?.sourcePort, 1111)
  assert.equal(camel.flow?.verdict, flow.Verdict.DROPPED)
  const bare = parseFlowJson('{"time":"2023-05-10T12:00:01.5Z","verdict":"FORWARDED","node_name":"a"}').response!
  assert.equal(bare.flow?.verdict, flow.Verdict.FORWARDED)
  assert.equal(bare.nodeName, 'a')
  assert.deepEqual(bare.time, {seconds: 1683720001, nanos: 500000000})
  assert.deepEqual(parseFlowJson('{}').response, {})
  assert.match(parseFlowJson('{"flow":{"verdict":"NOPE"}}').warnings[0]!.error, /invalid value for enum/)
  assert.match(parseFlowJson('[1]').warnings[0]!.error, /unexpected token \[1\]/)
  assert.throws(() => fromJsonValue('flow.FlowFilter', {invalid: 1}), /unknown field "invalid"/)
  assert.deepEqual(fromJsonValue('flow.FlowFilter', {source_pod: ['default/'], ip_trace_id: ['7']}), {sourcePod: ['default/'], ipTraceId: [7]})
})
