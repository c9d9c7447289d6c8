/**
 * `cilium ip list|get`, `cilium policy selectors` and `cilium endpoint log` against a real
 * `cilium agent` process with real endpoints (namespaces and veths; no datapath needed).
 */
import assert from 'node:assert/strict'
import {writeFileSync} from 'node:fs'
import {join} from 'node:path'
import {test} from 'node:test'
import {endpointName, startAgent} from '../helpers/agent.js'
import {skipUnlessBpf} from '../helpers/kernel.js'

test('ip list/get, policy selectors and endpoint log print what the agent holds', async (t) => {
  if (skipUnlessBpf(t, 'netns')) return
  const agent = await startAgent(t)
  const front = await agent.cilium(['endpoint', 'create', '--name', endpointName(t, 'ipfront'), '--labels', 'role=frontend'])
  assert.equal(front.code, 0, front.stderr)
  const back = await agent.cilium(['endpoint', 'create', '--name', endpointName(t, 'ipback'), '--labels', 'role=backend'])
  assert.equal(back.code, 0, back.stderr)
  const rules = join(agent.dir, 'rules.json')
  writeFileSync(rules, JSON.stringify([{endpointSelector: {matchLabels: {role: 'frontend'}},
    egress: [{toEndpoints: [{matchLabels: {role: 'backend'}}], toPorts: [{ports: [{port: '80', protocol: 'TCP'}]}]}],
    labels: [{key: 'io.cilium.k8s.policy.name', value: 'fe', source: 'k8s'}, {key: 'io.cilium.k8s.policy.namespace', value: 'default', source: 'k8s'}]}]))
  assert.equal((await agent.cilium(['policy', 'import', rules])).code, 0)

  const list = await agent.cilium(['ip', 'list'])
  assert.equal(list.code, 0, list.stderr)
  assert.equal(list.stdout, [
    'IP              IDENTITY                                  SOURCE',
    '10.200.0.1/32   host                                      local',
    '10.200.0.2/32   k8s:io.kubernetes.pod.namespace=default   custom-resource',
    '                k8s:role=frontend                         ',
    '10.200.0.3/32   k8s:io.kubernetes.pod.namespace=default   custom-resource',
    '                k8s:role=backend                          ',
    ''].join('\n'))
  const numeric = await agent.cilium(['ip', 'list', '-n'])
  assert.match(numeric.stdout, /^10\.200\.0\.2\/32 +256 +custom-resource$/m)
  const json = JSON.parse((await agent.cilium(['ip', 'list', '-o', 'json'])).stdout) as {cidr: string; identity: number}[]
  assert.deepEqual(json.map((e) => [e.cidr, e.identity]), [['10.200.0.1/32', 1], ['10.200.0.2/32', 256], ['10.200.0.3/32', 257]])

  const within = await agent.cilium(['ip', 'get', '10.200.0.2/31', '-o', 'json'])
  assert.deepEqual((JSON.parse(within.stdout) as {cidr: string}[]).map((e) => e.cidr), ['10.200.0.2/32', '10.200.0.3/32'])
  const byLabels = await agent.cilium(['ip', 'get', '-l', 'k8s:role=backend'])
  assert.equal(byLabels.code, 0, byLabels.stderr)
  assert.match(byLabels.stdout, /^=+\nLabels:\n {4}k8s:role=backend\n=+\nIP +HOST +IDENTITY +POD +NAMESPACE\n10\.200\.0\.3\/32 +257 +ipback-\S+ +default\n$/)
  // The agent takes the labels from the GET's JSON body (the Labels model), not from the query.
  const viaBody = await agent.client.call<{cidr: string}[]>('getIp', {body: ['k8s:role=backend']})
  assert.deepEqual(viaBody.map((e) => e.cidr), ['10.200.0.3/32'])
  const viaQuery = await agent.client.call<{cidr: string}[]>('getIp', {query: {labels: 'k8s:role=backend'}})
  assert.equal(viaQuery.length, 3)
  const bare = await agent.cilium(['ip', 'get', '10.200.0.2'])
  assert.equal(bare.code, 1)
  assert.equal(bare.stderr, 'Error: Unable to parse CIDR "10.200.0.2": invalid CIDR address: 10.200.0.2\n')
  const none = await agent.cilium(['ip', 'get', '192.0.2.0/24'])
  assert.equal(none.code, 1)
  assert.equal(none.stderr, 'Error: Cannot get ipcache entries. err: [GET /ip][404] getIpNotFound\n')
  const missing = await agent.cilium(['ip', 'get'])
  assert.notEqual(missing.code, 0)
  assert.match(missing.stderr, /^Error: Missing cidr argument/)

  const selectors = await agent.cilium(['policy', 'selectors'])
  assert.equal(selectors.code, 0, selectors.stderr)
  assert.match(selectors.stdout, /^SELECTOR +LABELS +USERS +IDENTITIES\n/)
  assert.match(selectors.stdout, /role.*backend.* +default\/fe +1 +257 +\n/)
  assert.match(selectors.stdout, /role.*frontend.* +default\/fe +1 +256 +\n/)
  const sj = JSON.parse((await agent.cilium(['policy', 'selectors', '-o', 'json'])).stdout) as {identities: number[]; users: number}[]
  assert.deepEqual(sj.map((s) => s.identities).sort(), [[256], [257]])

  const log = await agent.cilium(['endpoint', 'log', '1'])
  assert.equal(log.code, 0, log.stderr)
  assert.match(log.stdout, new RegExp('^Timestamp +Status +State +Message\n'
    + '\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ +OK +ready +Successfully regenerated endpoint program \\(Reason: Initial build\\)\n'
    + '\\S+Z +OK +ready +Endpoint created\n$'))
  const logJson = JSON.parse((await agent.cilium(['endpoint', 'log', '1', '-o', 'json'])).stdout) as {code: string; message: string}[]
  assert.deepEqual(logJson.map((e) => [e.code, e.message]), [['OK', 'Successfully regenerated endpoint program (Reason: Initial build)'],
    ['OK', 'Endpoint created']])
  const unknown = await agent.cilium(['endpoint', 'log', '99'])
  assert.equal(unknown.code, 1)
  assert.match(unknown.stderr, /^Error: Cannot get endpoint log 99: \[GET \/endpoint\/\{id\}\/log\]\[404\] getEndpointIdLogNotFound {2}endpoint 99 not found\n$/)
  const noId = await agent.cilium(['endpoint', 'log'])
  assert.notEqual(noId.code, 0)
  assert.match(noId.stderr, /^Error: Missing endpoint id argument/)
})
