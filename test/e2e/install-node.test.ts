import assert from 'node:assert/strict'
import {readFileSync} from 'node:fs'
import {join} from 'node:path'
import {test} from 'node:test'
import {repoRoot, runCli} from '../helpers/cli.js'
import {skipUnlessBpf} from '../helpers/kernel.js'
import {TcxLink} from '../../src/bpf/index.js'
import {isAgentProcess} from '../../src/install/agent-process.js'
import {endpointsOf, snapshot, tempNode} from './install-support.js'

const stepLines = (stderr: string) => stderr.split('\n').filter(Boolean)

test('install twice, uninstall twice: idempotent, and nothing is left behind', {timeout: 120_000}, async (t) => {
  if (skipUnlessBpf(t, 'tc')) return
  const node = tempNode(t)
  const before = snapshot(node.root, node.paths)
  const env = {...process.env, CILIUM_SOCK: `unix://${node.paths.socket}`}
  const install = ['install', ...node.flags, '--pool', '10.251.7.0/24', '--wait', '--wait-duration', '60s']

  const first = await runCli('cilium', install)
  assert.equal(first.code, 0, first.stderr)
  assert.deepEqual(stepLines(first.stderr).map((l) => l.replace(/\.\.\. .*/, '')), ['Checking the node',
    `Creating the state directory ${node.paths.stateDir}`, `Mounting bpffs at ${node.paths.bpffs}`, 'Building the datapath',
    'Starting the agent', 'Waiting for the agent to be healthy'])
  const pid = Number(readFileSync(join(node.paths.stateDir, 'agent.pid'), 'utf8'))
  assert.ok(readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes(node.paths.stateDir))
  assert.match(readFileSync(join(node.paths.stateDir, 'agent.log'), 'utf8'), /Agent started/)

  // An endpoint: a namespace, a veth with programs (on tcx, or a clsact qdisc before 6.6), pins. Uninstall must take all of it.
  const ep = await runCli('cilium', ['endpoint', 'create', '--name', `ckinst${process.pid % 10000}`, '-l', 'role=backend'], {env})
  assert.equal(ep.code, 0, ep.stderr)
  const owned = endpointsOf(node.paths.stateDir)
  const during = snapshot(node.root, node.paths, owned)
  assert.equal(during.netns.length, 1, 'the endpoint has a namespace')
  assert.equal(during.links.length, 1, 'the endpoint has a host veth')
  assert.ok(during.qdiscs.some((q) => q.includes('clsact')) || owned.interfaces.some((i) => TcxLink.programs(i, 'ingress').length > 0),
    'the endpoint veth has our programs')
  assert.ok(during.pins.some((p) => p.startsWith('tc/globals/cilium_')), 'the datapath pinned its maps')

  const second = await runCli('cilium', install)
  assert.equal(second.code, 0, second.stderr)
  assert.deepEqual(stepLines(second.stderr).slice(1, 5), [`Creating the state directory ${node.paths.stateDir}... already there`,
    `Mounting bpffs at ${node.paths.bpffs}... already mounted by this install`, 'Building the datapath... prebuilt bpf/build/bpf_lxc.o',
    `Starting the agent... already running, pid ${pid}`])
  assert.deepEqual(snapshot(node.root, node.paths, owned).processes, during.processes, 'still the one agent')

  const other = await runCli('cilium', ['install', ...node.flags, '--pool', '10.251.8.0/24'])
  assert.equal(other.code, 2)
  assert.match(other.stderr, /^Error: ciliumkit is already installed on this node with different answers \(pool 10\.251\.7\.0\/24/)

  const un = await runCli('cilium', ['uninstall', ...node.flags])
  assert.equal(un.code, 0, un.stderr)
  assert.deepEqual(stepLines(un.stderr), ['Removing endpoints... done (1 removed)', `Stopping the agent... done (pid ${pid})`,
    'Removing leftover endpoint namespaces... none', `Unpinning maps... done (unmounted ${node.paths.bpffs})`, 'Removing the state... done'])
  assert.deepEqual(snapshot(node.root, node.paths, owned), before)

  const again = await runCli('cilium', ['uninstall', ...node.flags])
  assert.equal(again.code, 0, again.stderr)
  assert.deepEqual(stepLines(again.stderr), ['Removing endpoints... the agent is not running', 'Stopping the agent... not running',
    'Removing leftover endpoint namespaces... none', 'Unpinning maps... none', 'Removing the state... none'])
  assert.deepEqual(snapshot(node.root, node.paths, owned), before)
})

test('uninstall after the agent died: its endpoints are still removed', {timeout: 120_000}, async (t) => {
  if (skipUnlessBpf(t, 'tc')) return
  const node = tempNode(t)
  const before = snapshot(node.root, node.paths)
  const env = {...process.env, CILIUM_SOCK: `unix://${node.paths.socket}`}
  const r = await runCli('cilium', ['install', ...node.flags, '--pool', '10.251.9.0/24', '--wait', '--wait-duration', '60s'])
  assert.equal(r.code, 0, r.stderr)
  const ep = await runCli('cilium', ['endpoint', 'create', '--name', `ckdead${process.pid % 10000}`], {env})
  assert.equal(ep.code, 0, ep.stderr)
  const owned = endpointsOf(node.paths.stateDir)
  assert.equal(snapshot(node.root, node.paths, owned).netns.length, 1)
  const pid = Number(readFileSync(join(node.paths.stateDir, 'agent.pid'), 'utf8').trim())
  process.kill(pid, 'SIGKILL')
  // Dead once its /proc entry has no command line (gone, or a zombie): a loaded machine takes its time.
  for (let i = 0; i < 1000 && isAgentProcess(pid, node.paths.stateDir); i++) await new Promise((resolve) => setTimeout(resolve, 10))
  assert.equal(isAgentProcess(pid, node.paths.stateDir), false, 'the agent died')
  const un = await runCli('cilium', ['uninstall', ...node.flags])
  assert.equal(un.code, 0, un.stderr)
  assert.match(un.stderr, /Removing leftover endpoint namespaces\.\.\. done \(1 removed\)/)
  assert.deepEqual(snapshot(node.root, node.paths, owned), before)
})

test('--systemd writes the unit (never enabled in tests) and uninstall removes it', {timeout: 60_000}, async (t) => {
  if (skipUnlessBpf(t)) return
  const node = tempNode(t)
  const before = snapshot(node.root, node.paths)
  const unitDir = join(node.root, 'units')
  const r = await runCli('cilium', ['install', ...node.flags, '--systemd', '--systemd-unit-dir', unitDir, '--no-systemd-enable',
    '--enable-policy', 'always', '--hubble-event-buffer-capacity', '8191'])
  assert.equal(r.code, 0, r.stderr)
  assert.match(r.stderr, new RegExp(`Writing the systemd unit ${unitDir}/ciliumkit-agent.service\\.\\.\\. done\\n` +
    'Enabling and starting the unit\\.\\.\\. skipped \\(not asked to enable it\\)\\n'))
  const unit = readFileSync(join(unitDir, 'ciliumkit-agent.service'), 'utf8')
  assert.match(unit, new RegExp(`^ExecStart=${process.execPath} ${repoRoot}bin/cilium.js agent --state-dir ${node.paths.stateDir} ` +
    `--bpffs ${node.paths.bpffs} .* --pool 10\\.200\\.0\\.0/24 --enable-policy always --hubble-event-buffer-capacity 8191$`, 'm'))
  assert.match(unit, /^Restart=on-failure$/m)
  assert.match(unit, new RegExp(`^StandardOutput=append:${node.paths.stateDir}/agent.log$`, 'm'))
  assert.deepEqual(snapshot(node.root, node.paths).processes, [], 'no agent started')
  const again = await runCli('cilium', ['install', ...node.flags, '--systemd', '--systemd-unit-dir', unitDir, '--no-systemd-enable',
    '--enable-policy', 'always', '--hubble-event-buffer-capacity', '8191'])
  assert.match(again.stderr, /Writing the systemd unit .*\.\.\. already written\n/)
  const un = await runCli('cilium', ['uninstall', ...node.flags])
  assert.equal(un.code, 0, un.stderr)
  assert.match(un.stderr, /Stopping the agent\.\.\. done \(unit ciliumkit-agent\.service removed\)/)
  assert.deepEqual(snapshot(node.root, node.paths), before)
})

test('audit mode through the API (kept by the agent) and the Hubble TLS listener', {timeout: 120_000}, async (t) => {
  if (skipUnlessBpf(t, 'tc')) return
  const node = tempNode(t)
  const before = snapshot(node.root, node.paths)
  const tls = join(repoRoot, 'test', 'fixtures', 'install', 'tls')
  const port = 20000 + (process.pid % 20000)
  const install = ['install', ...node.flags, '--pool', '10.251.10.0/24', '--policy-audit-mode', '--hubble-listen-address', `127.0.0.1:${port}`,
    '--hubble-tls-cert-file', join(tls, 'server.crt'), '--hubble-tls-key-file', join(tls, 'server.key')]
  const r = await runCli('cilium', install)
  assert.equal(r.code, 0, r.stderr)
  assert.match(r.stderr, /Turning on policy audit mode\.\.\. done\n/)
  const {AgentClient} = await import('../../src/api/client.js')
  const config = await new AgentClient(node.paths.socket).getConfig()
  assert.equal(config.status?.realized?.options?.PolicyAuditMode, 'Enabled')
  const {connect} = await import('node:tls')
  const cert = await new Promise<string>((resolve, reject) => {
    const s = connect({host: '127.0.0.1', port, rejectUnauthorized: false, ALPNProtocols: ['h2']}, () => {
      resolve(s.getPeerCertificate().subject.CN as string)
      s.end()
    })
    s.on('error', reject)
  })
  assert.equal(cert, 'hubble.ciliumkit.test')
  const again = await runCli('cilium', install)
  assert.match(again.stderr, /Turning on policy audit mode\.\.\. already on\n/)
  const un = await runCli('cilium', ['uninstall', ...node.flags])
  assert.equal(un.code, 0, un.stderr)
  assert.deepEqual(snapshot(node.root, node.paths), before)
})
