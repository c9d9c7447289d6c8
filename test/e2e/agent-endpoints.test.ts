/**
 * `cilium agent` as a process: endpoints with real namespaces and veths, the REST API through
 * our CLI, structured logs, SIGTERM, and state restored after a clean stop and after kill -9.
 * The agent runs with --no-datapath here (test/kernel/agent-*.test.ts covers the datapath).
 */
import assert from 'node:assert/strict'
import {existsSync} from 'node:fs'
import {test} from 'node:test'
import {repoRoot} from '../helpers/cli.js'
import {endpointName, ping, startAgent} from '../helpers/agent.js'
import {skipUnlessBpf} from '../helpers/kernel.js'

const fixture = (name: string) => `${repoRoot}/test/fixtures/policy/${name}`

test('endpoint create/delete make and remove a namespace, a veth, an address and an identity', async (t) => {
  if (skipUnlessBpf(t, 'netns')) return
  const agent = await startAgent(t)
  const a = endpointName(t, 'front'), b = endpointName(t, 'back')
  const ca = await agent.cilium(['endpoint', 'create', '--name', a, '--labels', 'role=frontend', '-o', 'json'])
  assert.equal(ca.code, 0, ca.stderr)
  const epA = JSON.parse(ca.stdout)
  const cb = await agent.cilium(['endpoint', 'create', '--name', b, '--labels', 'role=backend'])
  assert.equal(cb.code, 0, cb.stderr)
  assert.match(cb.stdout, /^Endpoint 2 created: .* 10\.200\.0\.3 identity 257\n$/)
  assert.equal(epA.id, 1)
  assert.equal(epA.status.networking.addressing[0].ipv4, '10.200.0.2')
  assert.deepEqual(epA.status.labels['security-relevant'], ['k8s:io.kubernetes.pod.namespace=default', 'k8s:role=frontend'])
  assert.equal(epA.status.identity.id, 256)
  assert.ok(existsSync(`/var/run/netns/ck-${a}`))

  // The namespaces route through the node: one endpoint reaches the other.
  assert.equal(await ping(`ck-${a}`, '10.200.0.3'), true)

  const list = await agent.cilium(['endpoint', 'list'])
  assert.equal(list.code, 0, list.stderr)
  assert.match(list.stdout, /^1 +Disabled +Disabled +256 +k8s:io\.kubernetes\.pod\.namespace=default +10\.200\.0\.2 +ready/m)
  const ids = await agent.cilium(['identity', 'list'])
  if (ids.code === 0) assert.match(ids.stdout, /257 +k8s:io\.kubernetes\.pod\.namespace=default/)

  // A taken name is the API's 409, a bad name its 400.
  const dup = await agent.cilium(['endpoint', 'create', '--name', a])
  assert.equal(dup.code, 1)
  assert.match(dup.stderr, /^Error: Cannot create endpoint: \[PUT \/endpoint\/\{id\}\]\[409\] putEndpointIdExists {2}endpoint .* exists/)
  const bad = await agent.cilium(['endpoint', 'create', '--name', 'Bad_Name'])
  assert.match(bad.stderr, /\[400\] putEndpointIdInvalid {2}invalid endpoint name "Bad_Name"/)

  const del = await agent.cilium(['endpoint', 'delete', '1'])
  assert.equal(del.code, 0, del.stderr)
  assert.equal(existsSync(`/var/run/netns/ck-${a}`), false)
  const gone = await agent.cilium(['endpoint', 'get', '1'])
  assert.notEqual(gone.code, 0)
  // The freed address and ID go to the next endpoint.
  const c = endpointName(t, 'again')
  const cc = await agent.cilium(['endpoint', 'create', '--name', c, '--labels', 'role=frontend'])
  assert.match(cc.stdout, /^Endpoint 1 created: .* 10\.200\.0\.2 identity 256\n$/)

  // Structured logs: one record a line, logfmt.
  const log = agent.log().trim().split('\n')
  assert.ok(log.length >= 4)
  for (const line of log) assert.match(line, /^time=\S+ level=(debug|info|warn|error) msg=/)
  assert.ok(log.some((l) => /msg="Created endpoint" .*endpointID=2 /.test(l)))
})

test('status says that the datapath is absent, briefly and in full', async (t) => {
  if (skipUnlessBpf(t, 'netns')) return
  const agent = await startAgent(t)
  const full = await agent.cilium(['status'])
  assert.equal(full.code, 1)
  assert.match(full.stdout, /^KVStore: {17}Ok {9}Disabled$/m)
  assert.match(full.stdout, /^Cilium: {18}Warning {3}ciliumkit \S+; datapath not loaded: /m)
  assert.match(full.stdout, /^IPAM: {20}IPv4: 0\/253 allocated from 10\.200\.0\.0\/24, $/m)
  // The ring may hold the agent's own events (agent started), not only flows.
  assert.match(full.stdout, /^Hubble: {18}Ok {3}Current\/Max Flows: \d\/4095 \(0\.0\d%\), Flows\/s: 0\.00 {3}Metrics: Disabled$/m)
  const brief = await agent.cilium(['status', '--brief'])
  assert.equal(brief.code, 1)
  assert.match(brief.stdout, /^error in cilium: ciliumkit \S+; datapath not loaded: .*\n$/)
  const json = JSON.parse((await agent.cilium(['status', '-o', 'json'])).stdout)
  assert.equal(json.cilium.state, 'Warning')
  assert.equal(json.hubble.observer['max-flows'], 4095)
  await agent.stop()
  const down = await agent.cilium(['status', '--brief'])
  assert.equal(down.code, 1)
  assert.equal(down.stderr, 'cilium: daemon unreachable\n')
})

test('SIGTERM stops cleanly; a restart restores endpoints, policies and the revision; so does one after kill -9', async (t) => {
  if (skipUnlessBpf(t, 'netns')) return
  const first = await startAgent(t)
  const a = endpointName(t, 'front'), b = endpointName(t, 'back')
  assert.equal((await first.cilium(['endpoint', 'create', '--name', a, '--labels', 'role=frontend'])).code, 0)
  assert.equal((await first.cilium(['endpoint', 'create', '--name', b, '--labels', 'role=backend'])).code, 0)
  const imp = await first.cilium(['policy', 'import', fixture('frontend-backend.yaml')])
  assert.equal(imp.stdout, 'Revision: 2\n', imp.stderr)
  const before = (await first.cilium(['endpoint', 'list'])).stdout
  assert.match(before, /^1 +Disabled +Enabled +256 /m)
  const policyBefore = (await first.cilium(['policy', 'get'])).stdout

  assert.equal(await first.stop('SIGTERM'), 0)
  assert.match(first.log(), /msg="Agent stopped"/)

  const second = await startAgent(t, {stateDir: first.stateDir, nodeNetns: first.nodeNetns})
  assert.equal((await second.cilium(['endpoint', 'list'])).stdout, before)
  assert.equal((await second.cilium(['policy', 'get'])).stdout, policyBefore)
  assert.equal(await ping(`ck-${a}`, '10.200.0.3'), true)
  // New state after the restart, then kill -9: nothing of it is lost either.
  const lock = await second.cilium(['policy', 'import', fixture('world-lockdown.yaml')])
  assert.equal(lock.stdout, 'Revision: 3\n', lock.stderr)
  const c = endpointName(t, 'db')
  assert.equal((await second.cilium(['endpoint', 'create', '--name', c, '--labels', 'role=db'])).code, 0)
  const listed = (await second.cilium(['endpoint', 'list'])).stdout
  assert.equal(await second.stop('SIGKILL'), 'SIGKILL')

  const third = await startAgent(t, {stateDir: first.stateDir, nodeNetns: first.nodeNetns})
  assert.equal((await third.cilium(['endpoint', 'list'])).stdout, listed)
  assert.match((await third.cilium(['policy', 'get'])).stdout, /Revision: 3\n$/)
  // Identities kept their numbers and references: a new label set gets the next number.
  const d = endpointName(t, 'other')
  const cd = await third.cilium(['endpoint', 'create', '--name', d, '--labels', 'role=other'])
  assert.match(cd.stdout, /identity 259\n$/)
})

test('an import with one invalid rule changes nothing: clear error, same revision, same endpoint policy', async (t) => {
  if (skipUnlessBpf(t, 'netns')) return
  const agent = await startAgent(t)
  const a = endpointName(t, 'front')
  assert.equal((await agent.cilium(['endpoint', 'create', '--name', a, '--labels', 'role=frontend'])).code, 0)
  assert.equal((await agent.cilium(['policy', 'import', fixture('frontend-backend.yaml')])).stdout, 'Revision: 2\n')
  const before = JSON.parse((await agent.cilium(['endpoint', 'get', '1', '-o', 'json'])).stdout)
  const bad = await agent.cilium(['policy', 'import', fixture('one-invalid.yaml')])
  assert.equal(bad.code, 1)
  assert.match(bad.stderr, /unsupported entity: outer-space/)
  // The same file sent straight to the API (no client-side check) is refused by the agent too.
  const {readFileSync} = await import('node:fs')
  const {parsePolicyText} = await import('../../src/policy/parse.js')
  const rules = parsePolicyText(readFileSync(fixture('one-invalid.yaml'), 'utf8'), 'one-invalid.yaml').rules.map((r) => r.rule)
  await assert.rejects(agent.client.putPolicy(JSON.stringify(rules)), /\[500\] putPolicyFailure {2}.*unsupported entity: outer-space/)
  assert.match((await agent.cilium(['policy', 'get'])).stdout, /Revision: 2\n$/)
  const after = JSON.parse((await agent.cilium(['endpoint', 'get', '1', '-o', 'json'])).stdout)
  assert.deepEqual(after[0]?.status?.policy ?? after.status?.policy, before[0]?.status?.policy ?? before.status?.policy)
})
