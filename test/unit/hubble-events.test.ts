import assert from 'node:assert/strict'
import {test} from 'node:test'
import {createAgentState, createEndpoint, deleteEndpoint} from '../../src/agent/rest/state.js'
import {handle} from '../../src/agent/rest/handlers.js'
import {eventsRequest} from '../../src/hubble/observe/events.js'
import {agentEventDetails, debugEventSource, EventPrinter, type EventPrinterOptions} from '../../src/hubble/printer/events.js'
import type {flow} from '../../src/hubble/proto/index.js'

const time = {seconds: 1700000000, nanos: 123_000_000}  // Nov 14 22:13:20.123 UTC
const stamp = (): string => 'T'

function printed(opts: Partial<EventPrinterOptions>, feed: (p: EventPrinter) => void, kind: 'agent' | 'debug' = 'agent'): string {
  let out = ''
  const p = new EventPrinter({mode: 'compact', timeFormat: 'StampMilli', nodeName: false, legacyJson: false, ...opts}, (s) => { out += s })
  feed(p)
  p.close(kind)
  return out
}

test('agentEventDetails: the real text for every agent event type, UNKNOWN without its notification', () => {
  const cases: Array<[flow.IAgentEvent, string]> = [
    [{type: 0, unknown: {type: 'x', notification: 'y'}}, 'type: x, notification: y'],
    [{type: 2, agentStart: {time}}, 'start time: T'],
    [{type: 3, policyUpdate: {labels: ['k8s:a=b', 'k8s:c=d'], revision: 7, ruleCount: 2}}, 'labels: [k8s:a=b,k8s:c=d], revision: 7, count: 2'],
    [{type: 6, endpointRegenerate: {id: 12, labels: ['a'], error: 'boom'}}, 'id: 12, labels: [a], error: boom'],
    [{type: 7, endpointUpdate: {id: 12, namespace: 'default', podName: 'web'}}, 'id: 12, namespace: default, pod name: web'],
    [{type: 8, endpointUpdate: {id: 12}}, 'id: 12'],
    [{type: 9, ipcacheUpdate: {cidr: '10.0.0.1/32', identity: 5, oldIdentity: {value: 4}, hostIp: '192.0.2.1', encryptKey: 0}},
      'cidr: 10.0.0.1/32, identity: 5, old identity: 4, host ip: 192.0.2.1, encrypt key: 0'],
    [{type: 11, serviceUpsert: {id: 3, frontendAddress: {ip: 'fd00::1', port: 80}, backendAddresses: [{ip: '10.0.0.2', port: 8080}], type: 'ClusterIP'}},
      'id: 3, frontend: [fd00::1]:80, backends: [10.0.0.2:8080], type: ClusterIP'],
    [{type: 12, serviceDelete: {id: 3}}, 'id: 3'],
    [{type: 3}, 'UNKNOWN'],
  ]
  for (const [event, text] of cases) assert.equal(agentEventDetails(event, stamp), text, JSON.stringify(event))
})

test('debugEventSource: pod, a lone reserved label, a bare ID, or N/A', () => {
  assert.equal(debugEventSource({ID: 9, namespace: 'ns', podName: 'p'}), 'ns/p (ID: 9)')
  assert.equal(debugEventSource({ID: 1, labels: ['reserved:host']}), 'reserved:host (ID: 1)')
  assert.equal(debugEventSource({ID: 1, labels: ['reserved:host', 'k8s:x']}), 'ID: 1')
  assert.equal(debugEventSource(null), 'N/A')
})

test('EventPrinter: compact, dict (with the separator quirk), table and jsonpb, as the real printer', () => {
  const started = {agentEvent: {type: 2, agentStart: {time}}, nodeName: 'node-1', time}
  const created = {agentEvent: {type: 7, endpointUpdate: {id: 42}}, nodeName: 'node-1', time}
  assert.equal(printed({nodeName: true}, (p) => { p.agent(started); p.agent(created) }),
    'Nov 14 22:13:20.123 [node-1]: AGENT_STARTED (start time: Nov 14 22:13:20.123)\n'
    + 'Nov 14 22:13:20.123 [node-1]: ENDPOINT_CREATED (id: 42)\n')
  assert.equal(printed({mode: 'dict'}, (p) => { p.agent(started); p.agent(created) }),
    '  TIMESTAMP: Nov 14 22:13:20.123\n       TYPE: AGENT_STARTED\n    DETAILS: start time: Nov 14 22:13:20.123\n'
    + '------------  TIMESTAMP: Nov 14 22:13:20.123\n       TYPE: ENDPOINT_CREATED\n    DETAILS: id: 42\n')
  assert.equal(printed({mode: 'table'}, (p) => { p.agent(started); p.agent(created) }),
    'TIMESTAMP             TYPE               DETAILS\n'
    + 'Nov 14 22:13:20.123   AGENT_STARTED      start time: Nov 14 22:13:20.123\n'
    + 'Nov 14 22:13:20.123   ENDPOINT_CREATED   id: 42\n')
  assert.equal(printed({mode: 'jsonpb'}, (p) => p.agent(created)),
    '{"agent_event":{"type":"ENDPOINT_CREATED","endpoint_update":{"id":"42"}},"node_name":"node-1","time":"2023-11-14T22:13:20.123Z"}\n')
  assert.equal(printed({mode: 'json', legacyJson: true}, (p) => p.agent(created)),
    '{"type":"ENDPOINT_CREATED","endpoint_update":{"id":"42"}}\n')
  const dbg = {debugEvent: {type: 5, source: {ID: 9, namespace: 'ns', podName: 'p'}, hash: {value: 0xabc}, cpu: {value: 1}, message: 'denied'}, time}
  assert.equal(printed({}, (p) => p.debug(dbg), 'debug'),
    'Nov 14 22:13:20.123: ns/p (ID: 9) DBG_POLICY_DENIED MARK: 0xabc CPU: 01 (denied)\n')
  assert.equal(printed({}, (p) => p.debug({debugEvent: {type: 1}, time}), 'debug'),
    'Nov 14 22:13:20.123: N/A DBG_GENERIC MARK: N/A CPU: N/A ()\n')
})

test('eventsRequest: --last 20 by default, --first, --all, --since as GetFlows', () => {
  assert.deepEqual(eventsRequest({}), {number: 20, first: false, follow: false})
  assert.deepEqual(eventsRequest({first: '3'}), {number: 3, first: true, follow: false})
  const since = eventsRequest({since: '1m', follow: true}, new Date(60_000 + 5_000)).since
  assert.deepEqual(since, {seconds: 5, nanos: 0})
})

test('the agent state reports endpoints made and removed and policy changes as agent events', () => {
  const events: flow.IAgentEvent[] = []
  const state = createAgentState()
  state.onAgentEvent = (e) => events.push(e)
  createEndpoint(state, 12, {state: 'ready', labels: ['k8s:app=web'], 'k8s-namespace': 'default', 'k8s-pod-name': 'web-1'})
  const rules = [{endpointSelector: {matchLabels: {app: 'web'}}, ingress: [{}], labels: [{key: 'name', value: 'p1', source: 'user'}]}]
  const put = handle(state, 'putPolicy', {params: {}, query: new URLSearchParams(), headers: {}, body: JSON.stringify(rules)})
  assert.equal(put.status, 200)
  handle(state, 'deletePolicy', {params: {}, query: new URLSearchParams(), headers: {}, body: ['user:name=p1']})
  deleteEndpoint(state, 12)
  assert.deepEqual(events, [
    {type: 7, endpointUpdate: {id: 12, labels: ['k8s:app=web'], namespace: 'default', podName: 'web-1'}},
    {type: 3, policyUpdate: {revision: 2, ruleCount: 1, labels: ['user:name=p1']}},
    {type: 4, policyUpdate: {revision: 3, ruleCount: 1, labels: ['user:name=p1']}},
    {type: 8, endpointUpdate: {id: 12, labels: ['k8s:app=web'], namespace: 'default', podName: 'web-1'}},
  ])
})

test('EventPrinter: text modes escape ESC and CR from event data as the flow printers do; JSON keeps them as JSON escapes', () => {
  const dbg = {debugEvent: {type: 1, message: 'a\x1b[2Jb\rc'}, time}
  assert.equal(printed({}, (p) => p.debug(dbg), 'debug'),
    'Nov 14 22:13:20.123: N/A DBG_GENERIC MARK: N/A CPU: N/A (a^[[2Jb\\rc)\n')
  assert.match(printed({mode: 'dict'}, (p) => p.debug(dbg), 'debug'), /MESSAGE: a\^\[\[2Jb\\rc\n/)
  assert.match(printed({mode: 'table'}, (p) => p.debug(dbg), 'debug'), /a\^\[\[2Jb\\rc\n$/)
  assert.match(printed({mode: 'jsonpb'}, (p) => p.debug(dbg), 'debug'), /"message":"a\\u001b\[2Jb\\rc"/)
})
