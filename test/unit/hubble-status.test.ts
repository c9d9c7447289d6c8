// `hubble status` and `hubble list` output against what the real CLI printed for known server
// data (grpc-fake-server-cases.md #2-#6, #9-#11). Those were recorded with v0.11.6; v1.19 adds the
// FLOWS PER SECOND line/column (hubble.md §4.7), which the expected text below includes.
import assert from 'node:assert/strict'
import {test} from 'node:test'
import {goDuration, goFixed, groupDigits, roundToSecondNs} from '../../src/hubble/go-format.js'
import {formatNamespaces, formatNodes, listMode} from '../../src/hubble/nodes.js'
import {formatServerStatus, statusMode} from '../../src/hubble/status.js'

const fake = {numFlows: 12, maxFlows: 16380, seenFlows: 1234567, uptimeNs: 3600000000000, numConnectedNodes: {value: 3},
  numUnavailableNodes: {value: 1}, unavailableNodes: ['kind-worker3'], version: '1.13.4'}

test('status compact (#2): flows/s computed from seen/uptime when the server sends no rate', () => {
  assert.equal(formatServerStatus(fake, 'compact'),
    'Current/Max Flows: 12/16,380 (0.07%)\nFlows/s: 342.94\nConnected Nodes: 3/4\nUnavailable Nodes: 1\n  - kind-worker3\n')
  assert.equal(formatServerStatus({...fake, numConnectedNodes: null, numUnavailableNodes: null, unavailableNodes: [], maxFlows: 0}, 'compact'),
    'Current/Max Flows: 12/0\nFlows/s: 342.94\n')
  assert.equal(formatServerStatus({...fake, numUnavailableNodes: {value: 3}, unavailableNodes: ['b', 'a']}, 'compact'),
    'Current/Max Flows: 12/16,380 (0.07%)\nFlows/s: 342.94\nConnected Nodes: 3/6\nUnavailable Nodes: 3\n  - a\n  - b\n  - and 1 more...\n')
})

test('status dict (#3) and table (#6), with v1.19\'s FLOWS PER SECOND', () => {
  assert.equal(formatServerStatus(fake, 'dict'), [
    '          NUM FLOWS: 12',
    '          MAX FLOWS: 16,380',
    '         SEEN FLOWS: 1,234,567',
    '   FLOWS PER SECOND: N/A',
    '             UPTIME: 1h0m0s',
    'NUM CONNECTED NODES: 3',
    ' NUM UNAVAIL. NODES: 1',
    '            VERSION: 1.13.4', ''].join('\n'))
  assert.equal(formatServerStatus({...fake, flowsRate: 23.456}, 'table'),
    'NUM FLOWS   MAX FLOWS   SEEN FLOWS   FLOWS PER SECOND   UPTIME   NUM CONNECTED NODES   NUM UNAVAILABLE NODES   VERSION\n'
    + '12          16,380      1,234,567    23.46              1h0m0s   3                     1                       1.13.4\n')
})

test('status json (#4/#5) and the -o values', () => {
  assert.equal(formatServerStatus(fake, 'json'),
    '{"num_flows":"12","max_flows":"16380","seen_flows":"1234567","uptime_ns":"3600000000000","num_connected_nodes":3,"num_unavailable_nodes":1,"unavailable_nodes":["kind-worker3"],"version":"1.13.4"}\n')
  assert.deepEqual(['compact', 'dict', 'json', 'JSON', 'jsonpb', 'table', 'tab'].map(statusMode),
    ['compact', 'dict', 'json', 'json', 'json', 'table', 'table'])
  assert.throws(() => statusMode('bogus'), {message: 'invalid output format: bogus'})
})

const nodes = [
  {name: 'kind-worker3', address: '172.18.0.5:4244', state: 3},
  {name: 'kind-control-plane', version: '1.13.4', address: '172.18.0.2:4244', state: 1, tls: {enabled: true, serverName: 'kind-control-plane.kind.hubble-grpc.cilium.io'},
    uptimeNs: 7200000000000, numFlows: 4095, maxFlows: 4095, seenFlows: 210000},
  {name: 'kind-worker2', version: '1.13.3', address: '172.18.0.4:4244', state: 2},
  {name: 'kind-worker', version: '1.13.4', address: '172.18.0.3:4244', state: 1, tls: {}, uptimeNs: 90000000000, numFlows: 1200, maxFlows: 4095, seenFlows: 1200},
]

test('list nodes table (#9), wide (#10), json (#11), sorted by name', () => {
  assert.equal(formatNodes(nodes, 'table'), [
    'NAME                 STATUS        AGE      FLOWS/S   CURRENT/MAX-FLOWS',
    'kind-control-plane   Connected     2h0m0s   29.17     4095/4095 (100.00%)',
    'kind-worker          Connected     1m30s    13.33     1200/4095 ( 29.30%)',
    'kind-worker2         Unavailable   N/A      N/A       N/A',
    'kind-worker3         Gone          N/A      N/A       N/A', ''].join('\n'))
  assert.equal(formatNodes(nodes, 'wide'), [
    'NAME                 STATUS        AGE      FLOWS/S   CURRENT/MAX-FLOWS     VERSION   ADDRESS           TLS',
    'kind-control-plane   Connected     2h0m0s   29.17     4095/4095 (100.00%)   1.13.4    172.18.0.2:4244   Enabled',
    'kind-worker          Connected     1m30s    13.33     1200/4095 ( 29.30%)   1.13.4    172.18.0.3:4244   Disabled',
    'kind-worker2         Unavailable   N/A      N/A       N/A                   1.13.3    172.18.0.4:4244   N/A',
    'kind-worker3         Gone          N/A      N/A       N/A                   N/A       172.18.0.5:4244   N/A', ''].join('\n'))
  assert.equal(formatNodes(nodes, 'json'), `[
  {
    "name": "kind-control-plane",
    "version": "1.13.4",
    "address": "172.18.0.2:4244",
    "state": "NODE_CONNECTED",
    "tls": {
      "enabled": true,
      "server_name": "kind-control-plane.kind.hubble-grpc.cilium.io"
    },
    "uptime_ns": "7200000000000",
    "num_flows": "4095",
    "max_flows": "4095",
    "seen_flows": "210000"
  },
  {
    "name": "kind-worker",
    "version": "1.13.4",
    "address": "172.18.0.3:4244",
    "state": "NODE_CONNECTED",
    "tls": {},
    "uptime_ns": "90000000000",
    "num_flows": "1200",
    "max_flows": "4095",
    "seen_flows": "1200"
  },
  {
    "name": "kind-worker2",
    "version": "1.13.3",
    "address": "172.18.0.4:4244",
    "state": "NODE_UNAVAILABLE"
  },
  {
    "name": "kind-worker3",
    "address": "172.18.0.5:4244",
    "state": "NODE_GONE"
  }
]
`)
  assert.throws(() => listMode('bogus'), {message: 'unknown output format: bogus'})
})

test('list namespaces', () => {
  const ns = [{namespace: 'default'}, {cluster: 'c1', namespace: 'shop'}]
  assert.equal(formatNamespaces(ns, 'table'), 'NAMESPACE\ndefault\nshop\n')
  assert.equal(formatNamespaces(ns, 'json'), '[\n  {\n    "namespace": "default"\n  },\n  {\n    "cluster": "c1",\n    "namespace": "shop"\n  }\n]\n')
})

test('Go formatting: %.2f ties to even, digit grouping, durations', () => {
  assert.equal(goFixed(0.125), '0.12')
  assert.equal(goFixed(0.375), '0.38')
  assert.equal(goFixed(342.935), '342.94')
  assert.equal(groupDigits(2348885), '2,348,885')
  assert.equal(groupDigits('18446744073709551615'), '18,446,744,073,709,551,615')
  assert.equal(goDuration(301515181665), '5m1.515181665s')
  assert.equal(goDuration(3600e9), '1h0m0s')
  assert.equal(goDuration(1500000), '1.5ms')
  assert.equal(goDuration(0), '0s')
  assert.equal(goDuration(roundToSecondNs(999_600_000_000)), '16m40s')
})
