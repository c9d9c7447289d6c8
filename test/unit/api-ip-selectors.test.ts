/**
 * GET /v1/ip with cidr and labels filters as the real agent answers them, and the text of
 * `cilium ip list|get`, `cilium policy selectors` and `cilium endpoint log`, line by line.
 */
import assert from 'node:assert/strict'
import {type TestContext, test} from 'node:test'
import {type AgentState, createAgentState, createEndpoint, logStatus, statusChange} from '../../src/agent/rest/state.js'
import {AgentApiError, type AgentClient} from '../../src/api/client.js'
import {compareLabelArrays, endpointLogTable, ipBriefTable, ipLabelsHeader, ipListTable, policySelectorsTable, sortIpcacheEntries} from '../../src/api/format.js'
import {nameIdentities} from '../../src/api/ip.js'
import type {IPListEntry} from '../../src/api/models.js'
import {serveApi} from '../helpers/api-server.js'

async function serve(t: TestContext, state: AgentState): Promise<AgentClient> {
  return (await serveApi(t, {state})).client
}

function twoEndpoints(): AgentState {
  const state = createAgentState({hostIps: ['10.200.0.1']})
  createEndpoint(state, 5, {state: 'ready', labels: ['k8s:app=web', 'k8s:tier=front'], addressing: {ipv4: '10.200.0.5'},
    'k8s-pod-name': 'web', 'k8s-namespace': 'shop'})
  createEndpoint(state, 6, {state: 'ready', labels: ['k8s:app=db'], addressing: {ipv4: '10.200.0.6'}})
  return state
}

test('GET /ip: cidr keeps the entries inside it, labels those of matching identities; none is 404, a bad CIDR 400', async (t) => {
  const client = await serve(t, twoEndpoints())
  assert.deepEqual((await client.getIpcache()).map((e) => e.cidr).sort(), ['10.200.0.1/32', '10.200.0.5/32', '10.200.0.6/32'])
  assert.deepEqual((await client.getIpcache({cidr: '10.200.0.4/31'})).map((e) => e.cidr), ['10.200.0.5/32'])
  assert.deepEqual((await client.getIpcache({cidr: '10.0.0.0/8'})).length, 3)
  assert.deepEqual((await client.getIpcache({labels: ['k8s:app=web']})).map((e) => e.cidr), ['10.200.0.5/32'])
  assert.deepEqual((await client.getIpcache({labels: ['k8s:app=web', 'k8s:tier=front']})).map((e) => e.identity), [256])
  assert.deepEqual((await client.getIpcache({labels: ['reserved:host']})).map((e) => e.cidr), ['10.200.0.1/32'])
  // The labels are the request's body (the Labels model), as cilium-dbg sends them; the spec has
  // no labels query parameter, so one is ignored.
  assert.deepEqual((await client.call<IPListEntry[]>('getIp', {body: ['k8s:app=db']})).map((e) => e.cidr), ['10.200.0.6/32'])
  assert.equal((await client.call<IPListEntry[]>('getIp', {query: {labels: 'k8s:app=db'}})).length, 3)
  await assert.rejects(client.call('getIp', {body: {labels: ['k8s:app=db']}}), (e: Error) => e instanceof AgentApiError && e.status === 400)
  await assert.rejects(client.getIpcache({cidr: '192.0.2.0/24'}), (e: Error) => e instanceof AgentApiError && e.status === 404
    && e.message === '[GET /ip][404] getIpNotFound')
  await assert.rejects(client.getIpcache({cidr: '10.0.0.1'}), (e: Error) => e instanceof AgentApiError && e.status === 400
    && e.message === '[GET /ip][400] getIpBadRequest  invalid CIDR address: 10.0.0.1')
})

test('ip list: Go\'s order, reserved names, one label a line, numeric, verbose; a failed identity lookup warns and shows the number', async (t) => {
  const state = twoEndpoints()
  const client = await serve(t, state)
  const entries = await client.getIpcache()
  const warnings: string[] = []
  const named = await nameIdentities(client, [...entries, {cidr: '192.0.2.0/24', identity: 4242}], false, (l) => warnings.push(l))
  assert.deepEqual(warnings, ['Cannot get identity for ID 4242: [GET /identity/{id}][404] getIdentityIdNotFound  identity 4242 not found\n'])
  assert.equal(ipListTable(named.entries, named.names), [
    'IP              IDENTITY         SOURCE',
    '192.0.2.0/24    4242             ',
    '10.200.0.1/32   host             local',
    '10.200.0.5/32   k8s:app=web      custom-resource',
    '                k8s:tier=front   ',
    '10.200.0.6/32   k8s:app=db       custom-resource',
    ''].join('\n'))
  const numeric = await nameIdentities(client, entries, true, () => assert.fail('no lookup with --numeric'))
  assert.equal(ipListTable(numeric.entries, numeric.names, true), [
    'IP              IDENTITY   SOURCE            HOST   ENCRYPT_KEY',
    '10.200.0.1/32   1          local                    0',
    '10.200.0.5/32   256        custom-resource          0',
    '10.200.0.6/32   257        custom-resource          0',
    ''].join('\n'))
  assert.equal(ipLabelsHeader(['k8s:app=web']), '===========================\nLabels:\n    k8s:app=web\n===========================\n')
  assert.equal(ipBriefTable(named.entries.slice(2, 3)), 'IP              HOST   IDENTITY   POD   NAMESPACE\n10.200.0.5/32          256        web   shop\n')
})

test('ipcache order: prefix length first, then address, IPv4 before IPv6', () => {
  const e = (cidr: string): IPListEntry => ({cidr, identity: 2})
  assert.deepEqual(sortIpcacheEntries([e('fd00::1/128'), e('10.0.0.2/32'), e('::/0'), e('0.0.0.0/0'), e('10.0.0.10/32'), e('10.0.0.0/8')])
    .map((x) => x.cidr), ['0.0.0.0/0', '::/0', '10.0.0.0/8', '10.0.0.2/32', '10.0.0.10/32', 'fd00::1/128'])
})

test('policy selectors: sorted rows, namespace/name of the policies, every label set with -v, identities one a line', () => {
  const policy = (ns: string, name: string) => [{key: 'io.cilium.k8s.policy.name', value: name, source: 'k8s'},
    {key: 'io.cilium.k8s.policy.namespace', value: ns, source: 'k8s'}]
  const selectors = [
    {selector: '{"matchLabels":{"role":"frontend"}}', identities: [256, 258], users: 2, labels: [policy('default', 'fe'), policy('prod', 'fe2')]},
    {selector: '{"matchLabels":{"role":"backend"}}', identities: [], users: 1, labels: [[{key: 'name', value: 'x', source: 'unspec'}]]},
  ]
  assert.equal(policySelectorsTable(selectors), [
    'SELECTOR                              LABELS                USERS   IDENTITIES',
    '{"matchLabels":{"role":"backend"}}                          1       ',
    '{"matchLabels":{"role":"frontend"}}   default/fe,prod/fe2   2       256   ',
    '                                                                    258   ',
    ''].join('\n'))
  assert.match(policySelectorsTable(selectors, true), /^\{"matchLabels":\{"role":"backend"\}\} +\[unspec:name=x\] +1 +$/m)
  assert.match(policySelectorsTable(selectors, true),
    /\[k8s:io\.cilium\.k8s\.policy\.name=fe k8s:io\.cilium\.k8s\.policy\.namespace=default\], \[k8s:io\.cilium\.k8s\.policy\.name=fe2 /)
})

test('policy selectors -v: label sets in Go\'s LabelArrayList order (key, value, source; a prefix first), not string order', () => {
  const set = (...labels: string[]) => labels.map((l) => {
    const [source, kv] = [l.slice(0, l.indexOf(':')), l.slice(l.indexOf(':') + 1)]
    const [key, value] = kv.split('=')
    return {source, key, value}
  })
  // Each pair is in string order, the reverse of Go's.
  const lists = [set('k8s:a=x', 'k8s:b=y'), set('k8s:a=x'), set('any:app=y'), set('k8s:ap=z'), set('any:role=b'), set('k8s:role=a')]
  const rendered = lists.map((arr) => `[${arr.map((l) => `${l.source}:${l.key}=${l.value}`).join(' ')}]`)
  for (let i = 0; i < rendered.length; i += 2) assert.ok(rendered[i] < rendered[i + 1], rendered[i])
  assert.deepEqual([...lists].sort(compareLabelArrays), [lists[1], lists[0], lists[3], lists[2], lists[5], lists[4]])
  const row = policySelectorsTable([{selector: '{}', identities: [], users: 1, labels: lists}], true).split('\n')[1]
  assert.match(row, /^\{\} +\[k8s:a=x\], \[k8s:a=x k8s:b=y\], \[k8s:ap=z\], \[any:app=y\], \[k8s:role=a\], \[any:role=b\] +1 +$/)
})

test('endpoint log: Timestamp Status State Message in the agent\'s order; the agent\'s entries are newest first, to the second', () => {
  const ep = {id: 1, status: {state: 'ready' as const, log: []}}
  logStatus(ep, statusChange('OK', 'ready', 'Endpoint created', new Date('2026-11-24T04:00:00.500Z')))
  logStatus(ep, statusChange('Failure', 'not-ready', 'Error regenerating endpoint: attach failed', new Date('2026-11-24T04:00:01.250Z')))
  assert.equal(endpointLogTable(ep.status.log), [
    'Timestamp              Status    State       Message',
    '2026-11-24T04:00:01Z   Failure   not-ready   Error regenerating endpoint: attach failed',
    '2026-11-24T04:00:00Z   OK        ready       Endpoint created',
    ''].join('\n'))
  assert.equal(endpointLogTable([]), 'Timestamp   Status   State   Message\n')
})
