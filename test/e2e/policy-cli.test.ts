// The built CLI (`node bin/cilium.js ...`) against the agent's REST layer served on a real
// unix socket by this test process: policy, endpoint and identity commands end to end.
import assert from 'node:assert/strict'
import {join} from 'node:path'
import {type TestContext, test} from 'node:test'
import {startApiServer} from '../../src/agent/api-server.js'
import {type AgentState, createAgentState, createEndpoint} from '../../src/agent/rest/state.js'
import {type RunResult, repoRoot, runCli, tempDir} from '../helpers/cli.js'

const fixtures = join(repoRoot, 'test/fixtures/policy')

/** Runs the CLI as a separate process (asynchronously: the server lives in this process); stdin is `input` or empty. */
function cilium(args: string[], env: Record<string, string> = {}, input = ''): Promise<RunResult> {
  return runCli('cilium', args, {cwd: repoRoot, env: {...process.env, NO_COLOR: '1', ...env}, timeout: 30_000, input})
}

/** An agent REST layer with the seeds' three endpoints, on a temp socket. */
async function agent(t: TestContext): Promise<{state: AgentState; env: Record<string, string>; socket: string}> {
  const socket = join(tempDir(t, 'ck-e2e-'), 'cilium.sock')
  const state = createAgentState()
  createEndpoint(state, 101, {state: 'ready', labels: ['k8s:role=frontend', 'k8s:io.kubernetes.pod.namespace=default'],
    addressing: {ipv4: '10.200.0.11'}, 'k8s-pod-name': 'frontend', 'k8s-namespace': 'default'})
  createEndpoint(state, 102, {state: 'ready', labels: ['k8s:role=backend', 'k8s:io.kubernetes.pod.namespace=default'],
    addressing: {ipv4: '10.200.0.12', ipv6: 'fd00::12'}})
  createEndpoint(state, 103, {state: 'ready', labels: ['k8s:app=myService'], addressing: {ipv4: '10.200.0.13'}})
  const server = await startApiServer({state}, socket)
  t.after(() => server.close())
  return {state, env: {CILIUM_SOCK: socket}, socket}
}

test('policy validate works offline: valid files, every error of an invalid one, exit 1', async () => {
  const ok = await cilium(['policy', 'validate', join(fixtures, 'frontend-backend.yaml')], {CILIUM_SOCK: '/nonexistent.sock'})
  assert.deepEqual(ok, {code: 0, stdout: 'All policy elements are valid.\n', stderr: ''})
  const bad = await cilium(['policy', 'validate', join(fixtures, 'one-invalid.yaml')])
  assert.equal(bad.code, 1)
  assert.equal(bad.stdout, '')
  assert.equal(bad.stderr, `Error: Validation of policy has failed: ${join(fixtures, 'one-invalid.yaml')}: CiliumNetworkPolicy default/mixed: rule 1: unsupported entity: outer-space\n`)
  const printed = await cilium(['policy', 'validate', '--print', join(fixtures, 'world-lockdown.yaml')])
  assert.equal(printed.code, 0)
  assert.equal(printed.stdout, `[
  {
    "endpointSelector": {},
    "ingress": [
      {
        "fromEntities": [
          "all"
        ]
      }
    ],
    "ingressDeny": [
      {
        "fromEntities": [
          "world"
        ]
      }
    ],
    "labels": [
      {
        "key": "io.cilium.k8s.policy.derived-from",
        "value": "CiliumClusterwideNetworkPolicy",
        "source": "k8s"
      },
      {
        "key": "io.cilium.k8s.policy.name",
        "value": "lockdown-world",
        "source": "k8s"
      }
    ]
  }
]
All policy elements are valid.
`)
})

test('policy import / get / delete against the agent; an invalid file changes nothing', async (t) => {
  const {env, state} = await agent(t)
  assert.deepEqual(await cilium(['policy', 'get'], env), {code: 0, stdout: '[]\nRevision: 1\n', stderr: ''})
  assert.deepEqual(await cilium(['policy', 'import', join(fixtures, 'frontend-backend.yaml')], env), {code: 0, stdout: 'Revision: 2\n', stderr: ''})
  const before = state.repository.list().length
  const bad = await cilium(['policy', 'import', join(fixtures, 'one-invalid.yaml')], env)
  assert.equal(bad.code, 1)
  assert.match(bad.stderr, /^Error: Cannot import policy: .*one-invalid\.yaml: CiliumNetworkPolicy default\/mixed: rule 1: unsupported entity: outer-space\n$/)
  assert.equal(state.repository.revision, 2)
  assert.equal(state.repository.list().length, before)
  const got = await cilium(['policy', 'get', 'k8s:io.cilium.k8s.policy.name=frontend-to-backend'], env)
  assert.equal(got.code, 0)
  assert.match(got.stdout, /^\[\n {2}\{\n {4}"endpointSelector": \{\n {6}"matchLabels": \{\n {8}"any:role": "frontend",\n {8}"k8s:io.kubernetes.pod.namespace": "default"\n/)
  assert.match(got.stdout, /\nRevision: 2\n$/)
  const json = JSON.parse((await cilium(['policy', 'get', '-o', 'json'], env)).stdout) as {revision: number; policy: string}
  assert.equal(json.revision, 2)
  assert.equal((JSON.parse(json.policy) as unknown[]).length, 1)
  assert.equal((await cilium(['policy', 'get', 'name=nothing'], env)).stderr, 'Error: Cannot get policy: [GET /policy][404] getPolicyNotFound  policy not found\n')
  // stdin, the agent's rule array; --print shows what was sent.
  const stdin = await cilium(['policy', 'import', '--print', '-'], env, '[{"endpointSelector": {"matchLabels": {"app": "myService"}}, "egress": [{"toEntities": ["host"]}], "labels": [{"key": "n", "value": "x", "source": "unspec"}]}]')
  assert.equal(stdin.code, 0)
  assert.match(stdin.stdout, /"any:app": "myService"[\s\S]*\]\nRevision: 3\n$/)
  assert.deepEqual(await cilium(['policy', 'delete'], env), {code: 1, stdout: '', stderr: 'Error: Please use --all flag to delete all policies\n'})
  assert.deepEqual(await cilium(['policy', 'delete', 'unspec:n=x'], env), {code: 0, stdout: 'Revision: 4\n', stderr: ''})
  assert.deepEqual(await cilium(['policy', 'delete', '--all'], env), {code: 0, stdout: 'Revision: 5\n', stderr: ''})
  assert.deepEqual(await cilium(['policy', 'wait', '5', '--sleep-time', '10ms'], env),
    {code: 0, stdout: 'All endpoints are ready, revision 5\n', stderr: 'Waiting for endpoints to run policy revision 5: 3/3\n'})
})

test('endpoint list: the real two-line header, trailing spaces, one label a line; -o json', async (t) => {
  const {env} = await agent(t)
  assert.equal((await cilium(['policy', 'import', join(fixtures, 'frontend-backend.yaml')], env)).code, 0)
  const list = await cilium(['endpoint', 'list'], env)
  assert.equal(list.code, 0)
  assert.equal(list.stdout, [
    'ENDPOINT   POLICY (ingress)   POLICY (egress)   IDENTITY   LABELS (source:key[=value])               IPv6       IPv4          STATUS   ',
    '           ENFORCEMENT        ENFORCEMENT                                                                                              ',
    '101        Disabled           Enabled           256        k8s:io.kubernetes.pod.namespace=default              10.200.0.11   ready    ',
    '                                                           k8s:role=frontend                                                           ',
    '102        Disabled           Disabled          257        k8s:io.kubernetes.pod.namespace=default   fd00::12   10.200.0.12   ready    ',
    '                                                           k8s:role=backend                                                            ',
    '103        Disabled           Disabled          258        k8s:app=myService                                    10.200.0.13   ready    ',
    ''].join('\n'))
  const json = JSON.parse((await cilium(['endpoint', 'list', '-o', 'json'], env)).stdout) as {id: number}[]
  assert.deepEqual(json.map((e) => e.id), [101, 102, 103])
  const get = JSON.parse((await cilium(['endpoint', 'get', '102'], env)).stdout) as {id: number; status: {identity: {id: number}}}[]
  assert.deepEqual(get.map((e) => [e.id, e.status.identity.id]), [[102, 257]])
  assert.equal((await cilium(['endpoint', 'get', '999'], env)).stderr,
    'Error: Cannot get endpoint 999: [GET /endpoint/{id}][404] getEndpointIdNotFound  endpoint 999 not found\n')
})

test('endpoint config: the dump, a change (PolicyAuditMode shows as Audit), the real parse errors', async (t) => {
  const {env} = await agent(t)
  const dump = await cilium(['endpoint', 'config', '101'], env)
  assert.equal(dump.stdout, [
    'ConntrackAccounting               : Disabled', 'Debug                             : Disabled',
    'DebugLB                           : Disabled', 'DebugPolicy                       : Disabled',
    'DropNotification                  : Enabled', 'MonitorAggregationLevel           : Medium',
    'PolicyAccounting                  : Enabled', 'PolicyAuditMode                   : Disabled',
    'PolicyVerdictNotification         : Enabled', 'SourceIPVerification              : Enabled',
    'TraceNotification                 : Enabled', ''].join('\n'))
  assert.equal((await cilium(['policy', 'import', join(fixtures, 'frontend-backend.yaml')], env)).code, 0)
  assert.deepEqual(await cilium(['endpoint', 'config', '101', 'PolicyAuditMode=true', 'MonitorAggregationLevel=low'], env),
    {code: 0, stdout: 'Endpoint 101 configuration updated successfully\n', stderr: ''})
  assert.match((await cilium(['endpoint', 'config', '101'], env)).stdout, /MonitorAggregationLevel {11}: Low\n[\s\S]*PolicyAuditMode {19}: Enabled\n/)
  assert.match((await cilium(['endpoint', 'list'], env)).stdout, /\n101 {8}Disabled {11}Disabled \(Audit\) {3}256 /)
  assert.deepEqual(await cilium(['endpoint', 'config', '101', 'Bogus=true'], env),
    {code: 1, stdout: '', stderr: 'Error: Cannot parse option Bogus=true: unknown option "Bogus"\n'})
  assert.equal((await cilium(['endpoint', 'config', '101', 'Debug=maybe'], env)).stderr, 'Error: Cannot parse option Debug=maybe: invalid option value maybe\n')
  assert.equal((await cilium(['endpoint', 'config', '101', 'MonitorAggregationLevel=9'], env)).stderr,
    'Error: Cannot parse option MonitorAggregationLevel=9: monitor aggregation level must be between 0 and 4\n')
  assert.equal((await cilium(['endpoint', 'config', '101', 'Debug'], env)).stderr, 'Error: Cannot parse option Debug: invalid option format\n')
  const list = await cilium(['endpoint', 'config', '--list-options'], env)
  assert.match(list.stdout, /^ConntrackAccounting {6}Enable per flow \(conntrack\) statistics\n/)
})

test('endpoint labels: add and delete user labels; the identity follows', async (t) => {
  const {env} = await agent(t)
  const out = await cilium(['endpoint', 'labels', '103', '-a', 'env=prod'], env)
  assert.deepEqual(out, {code: 0, stdout: 'unspec:env=prod     Enabled\nk8s:app=myService   Enabled\n', stderr: ''})
  const ep = JSON.parse((await cilium(['endpoint', 'get', '103'], env)).stdout) as {status: {identity: {id: number}}}[]
  assert.equal(ep[0].status.identity.id, 259)
  assert.equal((await cilium(['endpoint', 'labels', '103', '-d', 'env=prod'], env)).stdout, 'k8s:app=myService   Enabled\n')
})

test('identity list and get: the real table and JSON', async (t) => {
  const {env} = await agent(t)
  const list = await cilium(['identity', 'list'], env)
  assert.equal(list.code, 0)
  assert.ok(list.stdout.startsWith('ID    LABELS\n1     reserved:host\n2     reserved:world\n'), list.stdout)
  assert.ok(list.stdout.endsWith(['256   k8s:io.kubernetes.pod.namespace=default', '      k8s:role=frontend',
    '257   k8s:io.kubernetes.pod.namespace=default', '      k8s:role=backend', '258   k8s:app=myService', ''].join('\n')), list.stdout)
  assert.equal((await cilium(['identity', 'get', '258'], env)).stdout, 'ID    LABELS\n258   k8s:app=myService\n')
  const json = JSON.parse((await cilium(['identity', 'get', '7', '-o', 'json'], env)).stdout) as {id: number; labels: string[]}[]
  assert.deepEqual(json.map((i) => [i.id, i.labels]), [[7, ['reserved:kube-apiserver', 'reserved:remote-node']]])
  assert.equal((await cilium(['identity', 'list', 'k8s:role=backend'], env)).stdout,
    'ID    LABELS\n257   k8s:io.kubernetes.pod.namespace=default\n      k8s:role=backend\n')
  assert.equal((await cilium(['identity', 'get', '4242'], env)).stderr,
    'Error: Cannot get identity for given ID 4242: [GET /identity/{id}][404] getIdentityIdNotFound  identity 4242 not found\n')
})

test('-H unix:///path selects the socket; without an agent the error asks whether it runs', async (t) => {
  const {socket} = await agent(t)
  const viaHost = await cilium(['-H', `unix://${socket}`, 'identity', 'get', '1'], {CILIUM_SOCK: '/nonexistent.sock'})
  assert.deepEqual(viaHost, {code: 0, stdout: 'ID   LABELS\n1    reserved:host\n', stderr: ''})
  const none = await cilium(['endpoint', 'list'], {CILIUM_SOCK: '/nonexistent/ck.sock'})
  assert.equal(none.code, 1)
  assert.equal(none.stderr, 'Error: Cannot get endpoint list: Get "http://localhost/v1/endpoint": dial unix /nonexistent/ck.sock: connect: no such file or directory '
    + '(is the agent running? Start it with `cilium install` or `cilium agent`, or point -H/--host or CILIUM_SOCK at its socket (now unix:///nonexistent/ck.sock))\n')
})

test('policy import --replace and --replace-with-labels swap rules in one revision', async (t) => {
  const {env, state} = await agent(t)
  const rule = (name: string, port: string): string => JSON.stringify([{endpointSelector: {matchLabels: {role: 'backend'}},
    ingress: [{toPorts: [{ports: [{port, protocol: 'TCP'}]}]}], labels: [{key: 'name', value: name, source: 'unspec'}]}])
  assert.equal((await cilium(['policy', 'import', '-'], env, rule('a', '80'))).stdout, 'Revision: 2\n')
  assert.equal((await cilium(['policy', 'import', '--replace', '-'], env, rule('a', '81'))).stdout, 'Revision: 3\n')
  assert.deepEqual(state.repository.list().map((r) => r.ingress?.[0].toPorts?.[0].ports?.[0].port), ['81'])
  assert.equal((await cilium(['policy', 'import', '--replace-with-labels', 'unspec:name=a', '-'], env, rule('b', '82'))).stdout, 'Revision: 4\n')
  assert.deepEqual(state.repository.list().map((r) => r.labels?.[0].value), ['b'])
  assert.deepEqual(state.policies.get(102)?.entries.filter((e) => e.protocol === 6).map((e) => e.dport), [82])
})
