/**
 * `cilium monitor` against the agent with the real datapath: endpoints in namespaces, a policy,
 * real traffic, and the lines `--type drop` and `--type trace` print for it, read from the
 * agent's monitor socket (a gob stream, as Cilium's agent serves it).
 * Root + BPF; under CI=true a missing capability fails the test instead of skipping it.
 */
import assert from 'node:assert/strict'
import {spawn} from 'node:child_process'
import {join} from 'node:path'
import {test, type TestContext} from 'node:test'
import {repoRoot} from '../helpers/cli.js'
import {type AgentProcess, httpRequest, httpServer, startAgent, tcpConnect} from '../helpers/agent.js'
import {skipUnlessBpf, tempBpffsDir} from '../helpers/kernel.js'

interface Monitor {
  stdout: () => string
  stderr: () => string
  /** Resolves when stdout matches `re` (fails after `timeoutMs`). */
  waitFor: (re: RegExp, timeoutMs?: number) => Promise<string>
  /** Ctrl-C; resolves with the exit code. */
  interrupt: () => Promise<number | null>
}

/** Runs `cilium monitor ARGS` on the agent's monitor socket until interrupted. */
async function monitor(t: TestContext, agent: AgentProcess, args: string[]): Promise<Monitor> {
  const child = spawn(process.execPath, [join(repoRoot, 'bin', 'cilium.js'), 'monitor', '--monitor-socket', join(agent.dir, 'monitor1_2.sock'), ...args],
    {env: agent.env, stdio: ['ignore', 'pipe', 'pipe']})
  t.after(() => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL')
  })
  let out = '', err = ''
  child.stdout.on('data', (d: Buffer) => { out += d.toString() })
  child.stderr.on('data', (d: Buffer) => { err += d.toString() })
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)))
  const until = async (probe: () => boolean, what: string, timeoutMs: number) => {
    const deadline = Date.now() + timeoutMs
    while (!probe()) {
      if (Date.now() > deadline || child.exitCode !== null) assert.fail(`${what}; stdout:\n${out}\nstderr:\n${err}`)
      await new Promise((r) => setTimeout(r, 50))
    }
  }
  await until(() => err.includes('Press Ctrl-C to quit\n'), 'monitor did not start', 20_000)
  return {
    stdout: () => out,
    stderr: () => err,
    waitFor: async (re, timeoutMs = 10_000) => {
      await until(() => re.test(out), `no line matching ${re}`, timeoutMs)
      return re.exec(out)![0]
    },
    interrupt: async () => {
      child.kill('SIGINT')
      return exited
    },
  }
}

test('cilium monitor --type drop shows the policy drop, --type trace the forwarded packet', async (t) => {
  if (skipUnlessBpf(t, 'tc')) return
  const agent = await startAgent(t, {bpffs: tempBpffsDir(t)})
  const frontend = await agent.createEndpoint(t, 'front', ['role=frontend'])
  const backend = await agent.createEndpoint(t, 'back', ['role=backend'])
  await httpServer(t, backend.netns, 80)
  await httpServer(t, backend.netns, 8080)
  const imported = await agent.cilium(['policy', 'import', `${repoRoot}/test/fixtures/policy/frontend-backend.yaml`])
  assert.equal(imported.code, 0, imported.stderr)

  const drops = await monitor(t, agent, ['--type', 'drop'])
  const traces = await monitor(t, agent, ['--type', 'trace', '--related-to', String(backend.id)])
  const everything = await monitor(t, agent, ['-n'])
  // One ring shared by the CPUs online: its pages, of the page size (no zeros: the agent read the pinned ring).
  assert.match(drops.stderr(), /^Listening for events on [1-9]\d* CPUs with [1-9]\d*x[1-9]\d* of shared memory\nPress Ctrl-C to quit\n$/)

  assert.equal(await tcpConnect(frontend.netns, '10.200.0.3', 80), 'connected')
  assert.equal(await tcpConnect(frontend.netns, '10.200.0.3', 8080), 'timeout')

  const drop = await drops.waitFor(/^xx drop \(Policy denied\) flow 0x[0-9a-f]+ to endpoint \d+, ifindex \d+, file \S+:\d+, , identity \d+->\d+: 10\.200\.0\.2:\d+ -> 10\.200\.0\.3:8080 tcp SYN$/m)
  t.diagnostic(drop)
  // Only drops: no trace or policy verdict line.
  assert.doesNotMatch(drops.stdout(), /^(->|<-|Policy verdict)/m)

  const trace = await traces.waitFor(new RegExp(`^-> endpoint ${backend.id} flow 0x[0-9a-f]+ , identity \\S+->\\S+ state new ifindex \\S+ orig-ip 10\\.200\\.0\\.2: 10\\.200\\.0\\.2:\\d+ -> 10\\.200\\.0\\.3:80 tcp SYN$`, 'm'))
  t.diagnostic(trace)
  assert.doesNotMatch(traces.stdout(), /^xx drop/m)
  assert.doesNotMatch(traces.stdout(), /:8080 tcp/) // the denied connection never reached the backend

  // Unfiltered and numeric: the policy notification and both kinds of events.
  await everything.waitFor(/^>> Policy updated: |^xx drop \(Policy denied\)/m)
  await everything.waitFor(/^xx drop \(Policy denied\) .*, identity \d+->\d+: /m)

  for (const m of [drops, traces, everything]) {
    assert.equal(await m.interrupt(), 0)
    assert.match(m.stderr(), /\nReceived an interrupt, disconnecting from monitor...\n\n$/)
  }
})

test('L7: an HTTP request and its response through the proxy rule as access-log records (-t l7), -j as LogRecord JSON', async (t) => {
  if (skipUnlessBpf(t, 'tc')) return
  const agent = await startAgent(t, {bpffs: tempBpffsDir(t)})
  const svc = await agent.createEndpoint(t, 'svc', ['app=myService'])
  await httpServer(t, agent.nodeNetns, 80, '10.200.0.1')
  const imported = await agent.cilium(['policy', 'import', `${repoRoot}/test/fixtures/policy/metric-post.yaml`])
  assert.equal(imported.code, 0, imported.stderr)
  const text = await monitor(t, agent, ['-t', 'l7'])
  const json = await monitor(t, agent, ['-j', '-t', 'l7', '--related-to', String(svc.id)])
  const drops = await monitor(t, agent, ['-t', 'drop'])

  assert.equal(await httpRequest(svc.netns, 'http://10.200.0.1/metric', 'POST'), '200')
  const labels = '\\(\\[[^\\]]*k8s:app=myService[^\\]]*\\]\\)'
  const request = await text.waitFor(new RegExp(`^-> Request http from ${svc.id} ${labels} to \\d+ \\(\\[[^\\]]*\\]\\), identity \\d+->1, verdict Forwarded POST http://10\\.200\\.0\\.1/metric => 0$`, 'm'))
  t.diagnostic(request)
  // Both halves in the request's orientation: the client (our endpoint) is the source.
  const response = await text.waitFor(new RegExp(`^-> Response http to \\d+ \\(\\[[^\\]]*\\]\\) from ${svc.id} ${labels}, identity \\d+->1, verdict Forwarded POST http://10\\.200\\.0\\.1/metric => 200$`, 'm'))
  t.diagnostic(response)
  const line = await json.waitFor(/^\{"type":"logRecord",.*"flowType":"Response".*\}$/m)
  const record = JSON.parse(line) as {srcEpID: number; dstIdentity: number; http: {Code: number; Method: string; URL: {Host: string; Path: string}}}
  assert.equal(record.srcEpID, svc.id)
  assert.equal(record.dstIdentity, 1)
  assert.deepEqual([record.http.Code, record.http.Method, record.http.URL.Host, record.http.URL.Path], [200, 'POST', '10.200.0.1', '/metric'])
  for (const m of [text, json, drops]) assert.equal(await m.interrupt(), 0)
  assert.equal(drops.stdout(), '')
})

test('agent notifications: endpoint and policy changes as >> lines, -j as JSON, other types filtered out', async (t) => {
  if (skipUnlessBpf(t, 'netns')) return
  const agent = await startAgent(t)
  const text = await monitor(t, agent, ['--type', 'agent'])
  const json = await monitor(t, agent, ['-j', '-t', 'agent'])
  const drops = await monitor(t, agent, ['-t', 'drop'])
  const ep = await agent.createEndpoint(t, 'mon', ['app=mon'])
  const imported = await agent.cilium(['policy', 'import', `${repoRoot}/test/fixtures/policy/frontend-backend.yaml`])
  assert.equal(imported.code, 0, imported.stderr)
  await text.waitFor(new RegExp(`^>> Endpoint created: \\{"id":${ep.id},"labels":\\[[^\\]]*"k8s:app=mon"[^\\]]*\\],"pod-name":"${ep.netns.slice(3)}","namespace":"default"\\}$`, 'm'))
  await text.waitFor(/^>> Policy updated: \{"labels":\[[^\]]+\],"revision":\d+,"rule_count":1\}$/m)
  const line = await json.waitFor(/^\{"type":"agent","subtype":"Policy updated",.*\}$/m)
  assert.equal((JSON.parse(line) as {message: {rule_count: number}}).message.rule_count, 1)
  for (const m of [text, json, drops]) assert.equal(await m.interrupt(), 0)
  assert.equal(drops.stdout(), '')
})

test('cilium monitor without an agent: one error line naming the socket, exit 1', async (t) => {
  const {tempDir, runCli} = await import('../helpers/cli.js')
  const sock = join(tempDir(t), 'monitor1_2.sock')
  const r = await runCli('cilium', ['monitor', '--monitor-socket', sock], {env: {...process.env, CILIUM_SOCK: join(tempDir(t), 'none.sock')}})
  assert.equal(r.code, 1)
  assert.equal(r.stdout, '')
  assert.equal(r.stderr, `Error: Cannot find or open a supported node-monitor socket. ${sock}: no such file (is the agent running? start it with \`cilium agent\`, or pass --monitor-socket)\n`)
})
