import assert from 'node:assert/strict'
import {statSync} from 'node:fs'
import {request} from 'node:http'
import {type TestContext, test} from 'node:test'
import {AgentApiError, AgentClient, resolveAgentTarget} from '../../src/api/client.js'
import type {Endpoint, EndpointConfigurationStatus, LabelConfiguration} from '../../src/api/models.js'
import {type AgentState, createAgentState, createEndpoint, regenerate} from '../../src/agent/rest/state.js'
import {ConnectionError} from '../../src/errors.js'
import {serveApi} from '../helpers/api-server.js'

/** A real HTTP server on a real unix socket in a temp dir, closed when the test ends. */
async function serve(t: TestContext, state: AgentState = createAgentState()): Promise<{client: AgentClient; socket: string; state: AgentState}> {
  return {...await serveApi(t, {state}), state}
}

/** A raw request, to check statuses and bodies without our client in between. */
function raw(socket: string, method: string, path: string, body?: unknown): Promise<{status: number; body: unknown}> {
  return new Promise((resolve, reject) => {
    const payload = body === undefined ? undefined : JSON.stringify(body)
    const req = request({socketPath: socket, method, path, headers: {Host: 'localhost', ...(payload ? {'Content-Type': 'application/json', 'Content-Length': String(Buffer.byteLength(payload))} : {})}}, (res) => {
      const chunks: Buffer[] = []
      res.on('data', (c: Buffer) => chunks.push(c))
      res.on('end', () => {
        const text = Buffer.concat(chunks).toString()
        resolve({status: res.statusCode ?? 0, body: text ? JSON.parse(text) : undefined})
      })
    })
    req.on('error', reject)
    req.end(payload)
  })
}

const seedRules = JSON.stringify([
  {endpointSelector: {matchLabels: {role: 'frontend'}}, egress: [{toEndpoints: [{matchLabels: {role: 'backend'}}],
    toPorts: [{ports: [{port: '80', protocol: 'TCP'}]}]}], labels: [{key: 'name', value: 'fe', source: 'unspec'}]},
])

test('socket mode 0660; unknown paths 404 and wrong methods 405', async (t) => {
  const {socket} = await serve(t)
  assert.equal(statSync(socket).mode & 0o777, 0o660)
  assert.equal((await raw(socket, 'GET', '/v1/nothing')).status, 404)
  assert.equal((await raw(socket, 'POST', '/v1/policy')).status, 405)
  assert.equal((await raw(socket, 'GET', '/v1/healthz')).status, 200)
})

test('endpoints: PUT creates (201, then 409), GET lists and gets, DELETE removes (then 404)', async (t) => {
  const {client, socket} = await serve(t)
  const created = await raw(socket, 'PUT', '/v1/endpoint/12', {state: 'waiting-for-identity', labels: ['k8s:role=frontend'],
    addressing: {ipv4: '10.200.0.12'}, 'k8s-pod-name': 'fe', 'k8s-namespace': 'default'})
  assert.equal(created.status, 201)
  assert.equal((created.body as Endpoint).status?.identity?.id, 256)
  assert.equal((await raw(socket, 'PUT', '/v1/endpoint/12', {state: 'ready'})).status, 409)
  assert.equal((await raw(socket, 'PUT', '/v1/endpoint/70000', {state: 'ready'})).status, 400)
  const list = await client.getEndpoints()
  assert.deepEqual(list.map((e) => [e.id, e.status?.labels?.['security-relevant'], e.status?.networking?.addressing?.[0].ipv4]),
    [[12, ['k8s:role=frontend'], '10.200.0.12']])
  assert.equal((await client.getEndpoint('cilium-local:12')).id, 12)
  assert.equal((await client.getEndpoint('pod-name:default/fe')).id, 12)
  assert.equal((await raw(socket, 'GET', '/v1/endpoint/abc:1')).status, 400)
  assert.equal((await raw(socket, 'GET', '/v1/endpoint', ['k8s:role=nobody'])).status, 404)
  assert.equal((await raw(socket, 'DELETE', '/v1/endpoint/12')).status, 200)
  await assert.rejects(client.getEndpoint(12), (err: unknown) => {
    assert.ok(err instanceof AgentApiError)
    assert.equal(err.status, 404)
    assert.equal(err.message, '[GET /endpoint/{id}][404] getEndpointIdNotFound  endpoint 12 not found')
    return true
  })
})

test('endpoint config: GET realized options; PATCH validates names and values with the agent\'s errors', async (t) => {
  const {client, socket, state} = await serve(t)
  createEndpoint(state, 7, {state: 'ready', labels: ['k8s:role=db']})
  const cfg = (await client.getEndpointConfig(7)) as EndpointConfigurationStatus
  assert.equal(cfg.realized?.options?.PolicyAuditMode, 'Disabled')
  assert.deepEqual(cfg.immutable, {})
  await client.patchEndpointConfig(7, {options: {policyauditmode: '1', MonitorAggregationLevel: '4'}})
  const after = await client.getEndpointConfig(7)
  assert.equal(after.realized?.options?.PolicyAuditMode, 'Enabled')
  assert.equal(after.realized?.options?.MonitorAggregationLevel, 'Max')
  const bad = await raw(socket, 'PATCH', '/v1/endpoint/7/config', {options: {NoSuchOption: '1'}})
  assert.deepEqual(bad, {status: 400, body: 'unknown option "NoSuchOption"'})
  assert.deepEqual(await raw(socket, 'PATCH', '/v1/endpoint/7/config', {options: {Debug: 'maybe'}}), {status: 400, body: 'invalid option value maybe'})
  assert.equal((await raw(socket, 'PATCH', '/v1/endpoint/99/config', {options: {}})).status, 404)
})

test('endpoint labels: PATCH user labels moves the endpoint to the identity of its new label set', async (t) => {
  const {client, state} = await serve(t)
  createEndpoint(state, 7, {state: 'ready', labels: ['k8s:role=db']})
  await client.patchEndpointLabels(7, {user: ['env=prod']})
  const labels = (await client.getEndpointLabels(7)) as LabelConfiguration
  assert.deepEqual(labels.status?.['security-relevant'], ['k8s:role=db', 'unspec:env=prod'])
  assert.deepEqual(labels.status?.realized?.user, ['unspec:env=prod'])
  const ep = await client.getEndpoint(7)
  assert.equal(ep.status?.identity?.id, 257)
  assert.equal(state.identities.get(256), undefined, 'the old identity was released')
})

test('policy: PUT returns the revision, GET filters by labels, an invalid rule is 500 and changes nothing, DELETE', async (t) => {
  const {client, socket} = await serve(t)
  const empty = await client.getPolicy()
  assert.deepEqual(empty, {revision: 1, policy: '[]'})
  const put = await client.putPolicy(seedRules)
  assert.equal(put.revision, 2)
  assert.match(put.policy, /"any:role": "frontend"/)
  const bad = await raw(socket, 'PUT', '/v1/policy', JSON.stringify([{endpointSelector: {}, ingress: [{fromEntities: ['moon']}]}]))
  assert.deepEqual(bad, {status: 500, body: 'unsupported entity: moon'})
  assert.equal((await raw(socket, 'PUT', '/v1/policy', 'not json')).status, 400)
  assert.equal((await raw(socket, 'PUT', '/v1/policy', {not: 'a string'})).status, 400)
  assert.equal((await client.getPolicy()).revision, 2)
  assert.equal((await client.getPolicy(['name=fe'])).revision, 2)
  assert.equal((await raw(socket, 'GET', '/v1/policy', ['name=nope'])).status, 404)
  assert.equal((await raw(socket, 'DELETE', '/v1/policy', ['name=nope'])).status, 404)
  const del = await client.deletePolicy(['name=fe'])
  assert.deepEqual(del, {revision: 3, policy: '[]'})
})

test('regeneration: endpoints realize the revision and their enforcement; onRegenerate gets the entries', async (t) => {
  const seen: number[] = []
  const state = createAgentState({onRegenerate: (_p, rev) => seen.push(rev)})
  const {client} = await serve(t, state)
  createEndpoint(state, 1, {state: 'ready', labels: ['k8s:role=frontend']})
  createEndpoint(state, 2, {state: 'ready', labels: ['k8s:role=backend']})
  await client.putPolicy(seedRules)
  const fe = await client.getEndpoint(1)
  assert.equal(fe.status?.policy?.realized?.['policy-revision'], 2)
  assert.equal(fe.status?.policy?.realized?.['policy-enabled'], 'egress')
  assert.deepEqual(fe.status?.policy?.realized?.['allowed-egress-identities'], [257])
  assert.deepEqual(state.policies.get(1)?.entries.filter((e) => e.egress).map((e) => [e.identity, e.protocol, e.dport]), [[257, 6, 80]])
  assert.deepEqual(seen, [1, 1, 2])
  await client.patchEndpointConfig(1, {options: {PolicyAuditMode: 'true'}})
  assert.equal((await client.getEndpoint(1)).status?.policy?.realized?.['policy-enabled'], 'audit-egress')
})

test('identities: list (no 0), get by ID (400/404), filter by labels; ipcache rows at /ip', async (t) => {
  const {client, socket, state} = await serve(t)
  createEndpoint(state, 5, {state: 'ready', labels: ['k8s:app=web'], addressing: {ipv4: '10.200.0.5'}})
  const ids = await client.getIdentities()
  assert.deepEqual(ids.slice(0, 2).map((i) => i.id), [1, 2])
  assert.equal(ids.at(-1)?.id, 256)
  assert.deepEqual((await client.getIdentity(256)).labels, ['k8s:app=web'])
  assert.equal((await raw(socket, 'GET', '/v1/identity/abc')).status, 400)
  assert.equal((await raw(socket, 'GET', '/v1/identity/4242')).status, 404)
  assert.deepEqual((await client.getIdentities(['app=web'])).map((i) => i.id), [256])
  assert.deepEqual(await client.getIpcache(), [{cidr: '10.200.0.5/32', identity: 256, hostIP: '', encryptKey: 0,
    metadata: {source: 'custom-resource'}}])
  assert.deepEqual((await raw(socket, 'GET', '/v1/identity/endpoints')).body, [{identity: state.identities.get(256), refCount: 1}])
})

test('no agent: a ConnectionError that says what failed and asks whether the agent runs', async () => {
  const client = new AgentClient('/nonexistent/ck/cilium.sock', 2000)
  await assert.rejects(client.getEndpoints(), (err: unknown) => {
    assert.ok(err instanceof ConnectionError)
    assert.equal(err.message, 'Get "http://localhost/v1/endpoint": dial unix /nonexistent/ck/cilium.sock: connect: no such file or directory')
    assert.match(err.hint ?? '', /^is the agent running\?/)
    return true
  })
})

test('-H/--host and CILIUM_SOCK resolve like cilium-dbg', () => {
  assert.deepEqual(resolveAgentTarget(undefined, {}), {socketPath: '/var/run/cilium/cilium.sock'})
  assert.deepEqual(resolveAgentTarget(undefined, {CILIUM_SOCK: 'unix:///tmp/a.sock'}), {socketPath: '/tmp/a.sock'})
  assert.deepEqual(resolveAgentTarget('unix:///run/x.sock', {CILIUM_SOCK: '/tmp/a.sock'}), {socketPath: '/run/x.sock'})
  assert.deepEqual(resolveAgentTarget('tcp://127.0.0.1:9234', {}), {host: '127.0.0.1', port: 9234})
  assert.throws(() => resolveAgentTarget('ftp://x', {}), /invalid API URI "ftp:\/\/x"/)
})

test('named ports on ingress resolve against the endpoint\'s namedPorts', () => {
  const state = createAgentState()
  const ep = createEndpoint(state, 3, {state: 'ready', labels: ['k8s:app=web']})
  if (ep.status) ep.status.namedPorts = [{name: 'http-alt', port: 8080, protocol: 'TCP'}]
  state.repository.add([{endpointSelector: {matchLabels: {app: 'web'}}, ingress: [{toPorts: [{ports: [{port: 'http-alt'}]}]}]}])
  regenerate(state)
  assert.deepEqual(state.policies.get(3)?.entries.filter((e) => e.protocol !== 0).map((e) => [e.identity, e.protocol, e.dport, e.prefixLen]),
    [[0, 6, 8080, 24]])
})
