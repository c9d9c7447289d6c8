/**
 * The agent with the real datapath: endpoints in namespaces, the seed policies imported through
 * our CLI, real traffic, and what `hubble observe` and `cilium bpf policy get` show for it.
 * Also PolicyAuditMode, an invalid import that changes no map, and kill -9 under traffic.
 * Root + BPF; under CI=true a missing capability fails the test instead of skipping it.
 */
import assert from 'node:assert/strict'
import {execFileSync} from 'node:child_process'
import {existsSync, mkdirSync, readdirSync} from 'node:fs'
import {join} from 'node:path'
import {test, type TestContext} from 'node:test'
import {repoRoot} from '../helpers/cli.js'
import {decodeEndpointConfig, DatapathMaps, EP_CONFIG} from '../../src/datapath/index.js'
import {BpfMap, TcxLink} from '../../src/bpf/index.js'
import {type AgentProcess, endpointName, httpRequest, httpServer, inNetns, ping, startAgent, tcpConnect, testNetns} from '../helpers/agent.js'
import {skipUnlessBpf, tempBpffsDir} from '../helpers/kernel.js'

const fixture = (name: string) => `${repoRoot}/test/fixtures/policy/${name}`

interface Seeds {
  agent: AgentProcess
  frontend: {id: number; netns: string}
  backend: {id: number; netns: string}
  myService: {id: number; netns: string}
}

/** An agent with frontend, backend and myService endpoints, HTTP servers on backend :80/:8080 and on the node's router address :80. */
async function seeds(t: TestContext, bpffs = tempBpffsDir(t)): Promise<Seeds> {
  const agent = await startAgent(t, {bpffs})
  const make = async (label: string, labels: string[]) => {
    const name = endpointName(t, label)
    const r = await agent.cilium(['endpoint', 'create', '--name', name, ...labels.flatMap((l) => ['--labels', l]), '-o', 'json'])
    assert.equal(r.code, 0, r.stderr + agent.log())
    return {id: (JSON.parse(r.stdout) as {id: number}).id, netns: `ck-${name}`}
  }
  const frontend = await make('front', ['role=frontend'])
  const backend = await make('back', ['role=backend'])
  const myService = await make('svc', ['app=myService'])
  await httpServer(t, backend.netns, 80)
  await httpServer(t, backend.netns, 8080)
  await httpServer(t, agent.nodeNetns, 80, '10.200.0.1')
  return {agent, frontend, backend, myService}
}

async function observe(agent: AgentProcess, args: string[]): Promise<string> {
  const r = await agent.hubble(['observe', '--last', '1000', ...args])
  assert.equal(r.code, 0, r.stderr)
  return r.stdout
}

async function policyRows(agent: AgentProcess, id: number): Promise<string> {
  const r = await agent.cilium(['bpf', 'policy', 'get', String(id)])
  assert.equal(r.code, 0, r.stderr)
  return r.stdout
}

async function eventually(what: string, probe: () => Promise<boolean>, timeoutMs = 5000): Promise<void> {
  const deadline = Date.now() + timeoutMs
  while (!(await probe())) {
    if (Date.now() > deadline) assert.fail(`timed out waiting for ${what}`)
    await new Promise((r) => setTimeout(r, 100))
  }
}

test('the three seed policies: traffic, hubble observe verdicts and bpf policy get rows', async (t) => {
  if (skipUnlessBpf(t, 'tc')) return
  const {agent, frontend, backend, myService} = await seeds(t)

  // Seed 1: frontend -> backend TCP/80 only, on egress.
  assert.equal((await agent.cilium(['policy', 'import', fixture('frontend-backend.yaml')])).stdout, 'Revision: 2\n')
  assert.equal(await tcpConnect(frontend.netns, '10.200.0.3', 80), 'connected')
  assert.equal(await tcpConnect(frontend.netns, '10.200.0.3', 8080), 'timeout')
  await eventually('the drop in hubble', async () => /Policy denied DROPPED/.test(await observe(agent, ['--port', '8080'])))
  const seen = await observe(agent, ['--from-pod', 'default/' + frontend.netns.slice(3)])
  assert.match(seen, /default\/front-\S+:\d+ \(ID:256\) -> default\/back-\S+:80 \(ID:257\) policy-verdict:L3-L4 EGRESS ALLOWED \(TCP Flags: SYN\)/)
  assert.match(seen, /default\/front-\S+:\d+ \(ID:256\) -> default\/back-\S+:80 \(ID:257\) to-endpoint FORWARDED \(TCP Flags: SYN\)/)
  assert.match(seen, /default\/front-\S+:\d+ \(ID:256\) <> default\/back-\S+:8080 \(ID:257\) policy-verdict:none EGRESS DENIED \(TCP Flags: SYN\)/)
  assert.match(seen, /default\/front-\S+:\d+ \(ID:256\) <> default\/back-\S+:8080 \(ID:257\) Policy denied DROPPED \(TCP Flags: SYN\)/)
  const dropped = JSON.parse((await observe(agent, ['--verdict', 'DROPPED', '--port', '8080', '-o', 'json'])).trim().split('\n')[0])
  assert.equal(dropped.flow.drop_reason_desc, 'POLICY_DENIED')
  assert.equal(dropped.flow.traffic_direction, 'EGRESS')
  assert.equal(dropped.flow.source.pod_name, frontend.netns.slice(3))
  assert.deepEqual(dropped.flow.destination.labels, ['k8s:io.kubernetes.pod.namespace=default', 'k8s:role=backend'])
  assert.equal(dropped.flow.node_name, 'ck-node')
  const front = await policyRows(agent, frontend.id)
  assert.match(front, /^Allow +Ingress +ANY +ANY +NONE +disabled /m)
  assert.match(front, /^Allow +Egress +k8s:io\.kubernetes\.pod\.namespace=default +80\/TCP +NONE +disabled /m)
  assert.match(front, /^ +k8s:role=backend +$/m)
  assert.doesNotMatch(front, /Egress +ANY/)

  // Seed 2: myService may POST /metric to the host on TCP/80 (an L7 rule: redirect entry, HTTP flows).
  assert.equal((await agent.cilium(['policy', 'import', fixture('metric-post.yaml')])).stdout, 'Revision: 3\n')
  assert.equal(await httpRequest(myService.netns, 'http://10.200.0.1/metric', 'POST'), '200')
  assert.equal(await tcpConnect(myService.netns, '10.200.0.3', 80), 'timeout')
  await eventually('the HTTP response flow', async () => /http-response/.test(await observe(agent, ['--type', 'l7'])))
  const l7 = await observe(agent, ['--type', 'l7'])
  assert.match(l7, /default\/svc-\S+:\d+ \(ID:258\) -> 10\.200\.0\.1:80 \(host\) http-request FORWARDED \(HTTP\/1\.1 POST http:\/\/10\.200\.0\.1\/metric\)/)
  assert.match(l7, /default\/svc-\S+:\d+ \(ID:258\) <- 10\.200\.0\.1:80 \(host\) http-response FORWARDED \(HTTP\/1\.1 200 \d+ms \(POST http:\/\/10\.200\.0\.1\/metric\)\)/)
  assert.match(await observe(agent, ['--verdict', 'REDIRECTED']), /-> 10\.200\.0\.1:80 \(host\) policy-verdict:L3-L4 EGRESS \S+ \(TCP Flags: SYN\)/)
  assert.match(await policyRows(agent, myService.id), /^Allow +Egress +reserved:host +80\/TCP +10000 +disabled /m)

  // Seed 3: nothing from the world reaches any endpoint; everything else still does.
  execFileSync('ip', ['-n', agent.nodeNetns, 'addr', 'add', '192.0.2.10/32', 'dev', 'lo'])
  assert.equal(await ping(agent.nodeNetns, '10.200.0.3', '192.0.2.10'), true)
  assert.equal((await agent.cilium(['policy', 'import', fixture('world-lockdown.yaml')])).stdout, 'Revision: 4\n')
  assert.equal(await ping(agent.nodeNetns, '10.200.0.3', '192.0.2.10'), false)
  assert.equal(await ping(agent.nodeNetns, '10.200.0.3'), true)  // from the host: allowed
  assert.equal(await tcpConnect(frontend.netns, '10.200.0.3', 80), 'connected')
  await eventually('the world drop', async () => /192\.0\.2\.10 \(world\) <> default\/back-\S+ \(ID:257\) Policy denied by denylist DROPPED \(ICMPv4 EchoRequest\)/
    .test(await observe(agent, ['--verdict', 'DROPPED'])))
  const back = await policyRows(agent, backend.id)
  assert.match(back, /^Deny +Ingress +reserved:world +ANY +NONE +disabled /m)
  assert.match(back, /^Allow +Ingress +ANY +ANY +NONE +disabled /m)
})

test('PolicyAuditMode turns the next drops into AUDIT verdicts; bad options are the real errors', async (t) => {
  if (skipUnlessBpf(t, 'tc')) return
  const {agent, frontend} = await seeds(t)
  assert.equal((await agent.cilium(['policy', 'import', fixture('frontend-backend.yaml')])).code, 0)
  assert.equal(await tcpConnect(frontend.netns, '10.200.0.3', 8080), 'timeout')
  const on = await agent.cilium(['endpoint', 'config', String(frontend.id), 'PolicyAuditMode=true'])
  assert.equal(on.stdout, `Endpoint ${frontend.id} configuration updated successfully\n`, on.stderr)
  assert.equal(await tcpConnect(frontend.netns, '10.200.0.3', 8080), 'connected')
  await eventually('the audit verdict', async () => /policy-verdict:none EGRESS AUDITED \(TCP Flags: SYN\)/
    .test(await observe(agent, ['--verdict', 'AUDIT'])))
  assert.match((await agent.cilium(['endpoint', 'list'])).stdout, new RegExp(`^${frontend.id} +Disabled +Disabled \\(Audit\\) `, 'm'))
  const off = await agent.cilium(['endpoint', 'config', String(frontend.id), 'PolicyAuditMode=false'])
  assert.equal(off.code, 0, off.stderr)
  assert.equal(await tcpConnect(frontend.netns, '10.200.0.3', 8080), 'timeout')

  const badName = await agent.cilium(['endpoint', 'config', String(frontend.id), 'PolicyAudit=true'])
  assert.equal(badName.code, 1)
  assert.equal(badName.stderr, 'Error: Cannot parse option PolicyAudit=true: unknown option "PolicyAudit"\n')
  const badValue = await agent.cilium(['endpoint', 'config', String(frontend.id), 'PolicyAuditMode=maybe'])
  assert.equal(badValue.stderr, 'Error: Cannot parse option PolicyAuditMode=maybe: invalid option value maybe\n')
  // The agent itself refuses a bad value sent around the CLI's check.
  await assert.rejects(agent.client.patchEndpointConfig(frontend.id, {options: {PolicyAuditMode: 'maybe'}}),
    /\[400\] patchEndpointIdConfigInvalid {2}invalid option value maybe/)
})

test('ConntrackAccounting set through `cilium endpoint config` reaches the endpoint\'s datapath config bit', async (t) => {
  if (skipUnlessBpf(t, 'tc')) return
  const bpffs = tempBpffsDir(t)
  const agent = await startAgent(t, {bpffs})
  const created = await agent.cilium(['endpoint', 'create', '--name', endpointName(t, 'acct'), '--labels', 'role=acct', '-o', 'json'])
  assert.equal(created.code, 0, created.stderr + agent.log())
  const id = (JSON.parse(created.stdout) as {id: number}).id
  const accounting = async (): Promise<boolean> => {
    const m = BpfMap.openPinned(join(bpffs, 'tc', 'globals', DatapathMaps.config))
    try {
      for await (const [, v] of m.entries()) {
        if (v.readUInt16LE(EP_CONFIG.endpoint_id) === id) return decodeEndpointConfig(v).options.ConntrackAccounting
      }
      assert.fail(`no config slot for endpoint ${id}`)
    } finally {
      m.close()
    }
  }
  assert.equal(await accounting(), false)
  const on = await agent.cilium(['endpoint', 'config', String(id), 'ConntrackAccounting=true'])
  assert.equal(on.code, 0, on.stderr)
  assert.equal(await accounting(), true)
  assert.equal((await agent.cilium(['endpoint', 'config', String(id), 'ConntrackAccounting=false'])).code, 0)
  assert.equal(await accounting(), false)
})

test('an import with one invalid rule changes no policy map and not the revision', async (t) => {
  if (skipUnlessBpf(t, 'tc')) return
  const {agent, frontend, backend, myService} = await seeds(t)
  assert.equal((await agent.cilium(['policy', 'import', fixture('frontend-backend.yaml')])).stdout, 'Revision: 2\n')
  const maps = async () => Promise.all([frontend, backend, myService].map(async (e) => {
    const r = await agent.cilium(['bpf', 'policy', 'get', String(e.id), '-o', 'json'])
    assert.equal(r.code, 0, r.stderr)
    return r.stdout
  }))
  const before = await maps()
  const bad = await agent.cilium(['policy', 'import', fixture('one-invalid.yaml')])
  assert.equal(bad.code, 1)
  assert.match(bad.stderr, /^Error: Cannot import policy: .*one-invalid\.yaml: CiliumNetworkPolicy default\/mixed: rule 1: unsupported entity: outer-space\n$/)
  // Around the CLI's check, straight to the agent: refused as a whole too.
  const {readFileSync} = await import('node:fs')
  const {parsePolicyText} = await import('../../src/policy/parse.js')
  const rules = parsePolicyText(readFileSync(fixture('one-invalid.yaml'), 'utf8'), 'one-invalid.yaml').rules.map((r) => r.rule)
  await assert.rejects(agent.client.putPolicy(JSON.stringify(rules)), /\[500\] putPolicyFailure {2}.*unsupported entity: outer-space/)
  assert.deepEqual(await maps(), before)
  assert.match((await agent.cilium(['policy', 'get'])).stdout, /\nRevision: 2\n$/)
  assert.equal(await tcpConnect(frontend.netns, '10.200.0.3', 80), 'connected')
})

test('kill -9 under traffic: allowed keeps flowing, denied stays denied; the restart restores everything', async (t) => {
  if (skipUnlessBpf(t, 'tc')) return
  const bpffs = tempBpffsDir(t)
  const {agent, frontend, backend} = await seeds(t, bpffs)
  assert.equal((await agent.cilium(['policy', 'import', fixture('frontend-backend.yaml')])).stdout, 'Revision: 2\n')
  const listed = (await agent.cilium(['endpoint', 'list'])).stdout
  const rules = (await agent.cilium(['policy', 'get'])).stdout
  const rowsBefore = await policyRows(agent, frontend.id)

  // Traffic runs while the agent dies: a loop of connects to the allowed and the denied port.
  const traffic = inNetns(frontend.netns, process.execPath, ['-e', `
    const net = require('net'); const out = {ok80: 0, fail80: 0, ok8080: 0}; const end = Date.now() + 3000
    const once = (port) => new Promise((r) => { const s = net.connect({host: '10.200.0.3', port})
      const t = setTimeout(() => { s.destroy(); r(false) }, 300)
      s.on('connect', () => { clearTimeout(t); s.destroy(); r(true) }); s.on('error', () => { clearTimeout(t); r(false) }) })
    ;(async () => { while (Date.now() < end) {
      if (await once(80)) out.ok80++; else out.fail80++
      if (await once(8080)) out.ok8080++ }
      console.log(JSON.stringify(out)) })()`], 15_000)
  await new Promise((r) => setTimeout(r, 1000))
  assert.equal(await agent.stop('SIGKILL'), 'SIGKILL')
  const result = JSON.parse((await traffic).stdout) as {ok80: number; fail80: number; ok8080: number}
  assert.ok(result.ok80 > 3, JSON.stringify(result))
  assert.equal(result.fail80, 0, JSON.stringify(result))
  assert.equal(result.ok8080, 0, JSON.stringify(result))
  assert.equal(await tcpConnect(frontend.netns, '10.200.0.3', 80), 'connected')
  assert.equal(await tcpConnect(frontend.netns, '10.200.0.3', 8080), 'timeout')

  const again = await startAgent(t, {stateDir: agent.stateDir, nodeNetns: agent.nodeNetns, bpffs})
  assert.equal((await again.cilium(['endpoint', 'list'])).stdout, listed)
  assert.equal((await again.cilium(['policy', 'get'])).stdout, rules)
  // The same rows; only the BYTES and PACKETS the traffic added differ.
  const withoutStats = (rows: string) => rows.replace(/disabled +\S+ +\S+ +/g, 'disabled ')
  assert.equal(withoutStats(await policyRows(again, frontend.id)), withoutStats(rowsBefore))
  // The new agent's programs replaced the old ones: one program per hook (tcx on 6.6+, else one clsact filter).
  for (const hook of ['ingress', 'egress'] as const) {
    const dev = JSON.parse((await again.cilium(['endpoint', 'get', String(backend.id), '-o', 'json'])).stdout)
    const ep = Array.isArray(dev) ? dev[0] : dev
    const tcx = TcxLink.programs(ep.status.networking['interface-name'], hook, {netns: `/run/netns/${again.nodeNetns}`})
    const filters = tcx.length ? JSON.stringify(tcx) : execFileSync('ip', ['netns', 'exec', again.nodeNetns, 'tc', '-j', 'filter', 'show', 'dev',
      ep.status.networking['interface-name'], hook], {encoding: 'utf8'})
    assert.equal(new Set((JSON.parse(filters) as {pref?: number; id?: number}[]).map((f) => f.pref ?? f.id)).size, 1, filters)
  }
  assert.equal(await tcpConnect(frontend.netns, '10.200.0.3', 80), 'connected')
  assert.equal(await tcpConnect(frontend.netns, '10.200.0.3', 8080), 'timeout')
  await eventually('flows from the new agent', async () => /Policy denied DROPPED/.test(await observe(again, ['--port', '8080'])))

  // SIGTERM: a clean exit that releases the descriptors and leaves the programs enforcing.
  assert.equal(await again.stop('SIGTERM'), 0)
  assert.match(again.log(), /msg="Agent stopped"/)
  assert.equal(await tcpConnect(frontend.netns, '10.200.0.3', 80), 'connected')
  assert.equal(await tcpConnect(frontend.netns, '10.200.0.3', 8080), 'timeout')
})

test('a bpffs holding another Cilium\'s pins: the agent refuses and pins nothing', async (t) => {
  if (skipUnlessBpf(t, 'tc')) return
  const bpffs = tempBpffsDir(t)
  const pins = join(bpffs, 'tc', 'globals')
  mkdirSync(pins, {recursive: true})
  const calls = BpfMap.create({type: 'prog_array', keySize: 4, valueSize: 4, maxEntries: 4, name: 'cilium_calls'})
  t.after(() => calls.close())
  calls.pin(join(pins, 'cilium_calls_00042'))
  await assert.rejects(startAgent(t, {bpffs}), /Error: .* holds the datapath of another Cilium \(cilium_calls_00042\); ciliumkit did not pin these/)
  assert.deepEqual(readdirSync(pins), ['cilium_calls_00042'])
})

test('a start that fails after the datapath loaded (Hubble TCP port taken) undoes every step: no pins, sockets or state', async (t) => {
  if (skipUnlessBpf(t, 'tc')) return
  const bpffs = tempBpffsDir(t)
  const nodeNetns = testNetns(t, 'node')
  await httpServer(t, nodeNetns, 4244, '127.0.0.1')
  const bpffsBefore = readdirSync(bpffs)
  const failure = await startAgent(t, {bpffs, nodeNetns, args: ['--hubble-listen-address', '127.0.0.1:4244']}).then(
    () => assert.fail('the agent started'), (err: Error) => err.message)
  assert.match(failure, /msg="Datapath loaded"/)
  assert.match(failure, /failed to listen on 127\.0\.0\.1:4244/)
  assert.deepEqual(readdirSync(bpffs), bpffsBefore, 'pins left behind')
  // The paths the agent logged at start: gone again.
  for (const key of ['stateDir', 'socket', 'hubbleSocket']) {
    const path = new RegExp(` ${key}=(\\S+)`).exec(failure)?.[1]
    assert.ok(path && !existsSync(path), `${key} ${path} left behind`)
  }
})
