/**
 * Against a real agent with the real datapath: `cilium map events` shows the writes the agent
 * made for an endpoint (cilium_lxc, the ipcache), `-f` streams the next one, a map without
 * events is the API's 404; and `cilium status` prints the node monitor's figures of the event ring.
 * Root + BPF; under CI=true a missing capability fails the test instead of skipping it.
 */
import assert from 'node:assert/strict'
import {spawn} from 'node:child_process'
import {join} from 'node:path'
import {test} from 'node:test'
import {endpointName, startAgent} from '../helpers/agent.js'
import {repoRoot} from '../helpers/cli.js'
import {skipUnlessBpf, tempBpffsDir} from '../helpers/kernel.js'

test('cilium map events lists and follows the agent\'s writes; cilium status shows the event ring', async (t) => {
  if (skipUnlessBpf(t, 'tc')) return
  const agent = await startAgent(t, {bpffs: tempBpffsDir(t)})
  const create = async (label: string) => {
    const r = await agent.cilium(['endpoint', 'create', '--name', endpointName(t, label), '--labels', `role=${label}`, '-o', 'json'])
    assert.equal(r.code, 0, r.stderr + agent.log())
    return JSON.parse(r.stdout) as {id: number; status: {identity: {id: number}; networking: {addressing: {ipv4: string}[]}}}
  }
  const first = await create('one')
  const ip = first.status.networking.addressing[0].ipv4

  const lxc = await agent.cilium(['map', 'events', 'cilium_lxc'])
  assert.equal(lxc.code, 0, lxc.stderr)
  assert.match(lxc.stdout, new RegExp(`^key="${ip.replaceAll('.', '\\.')}:0" value="[^"]*" time=\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ action=update desiredState=sync lastError="<nil>"$`, 'm'))
  const ipcache = await agent.cilium(['map', 'events', 'cilium_ipcache_v2', '-o', 'json'])
  assert.equal(ipcache.code, 0, ipcache.stderr)
  assert.match(ipcache.stdout, new RegExp(`"key": "${ip.replaceAll('.', '\\.')}/32"`))
  assert.match(ipcache.stdout, new RegExp(`"value": "identity=${first.status.identity.id} `))

  const policyMap = `cilium_policy_v3_${String(first.id).padStart(5, '0')}`
  const none = await agent.cilium(['map', 'events', policyMap])
  assert.equal(none.code, 1)
  assert.equal(none.stderr, 'Error: could not get map name events: [GET /map/{name}/events][404] getMapNameEventsNotFound\n')

  // Following: the kept events, then the write for an endpoint created after it started.
  const follow = spawn(process.execPath, [join(repoRoot, 'bin', 'cilium.js'), 'map', 'events', 'cilium_lxc', '-f'], {env: agent.env, stdio: ['ignore', 'pipe', 'pipe']})
  t.after(() => {
    if (follow.exitCode === null && follow.signalCode === null) follow.kill('SIGKILL')
  })
  let out = ''
  follow.stdout.on('data', (d: Buffer) => { out += d.toString() })
  const until = async (probe: () => boolean, what: string) => {
    for (const deadline = Date.now() + 10_000; !probe();) {
      if (Date.now() > deadline) assert.fail(`${what}; got:\n${out}`)
      await new Promise((r) => setTimeout(r, 50))
    }
  }
  await until(() => out.includes(`key="${ip}:0"`), 'the kept event')
  const second = await create('two')
  const ip2 = second.status.networking.addressing[0].ipv4
  await until(() => out.includes(`key="${ip2}:0"`), 'the followed event')
  const exited = new Promise<number | null>((resolve) => follow.once('exit', resolve))
  follow.kill('SIGINT')
  assert.equal(await exited, 0)

  // The datapath's ring: 4 MiB in pages, written by the CPUs online.
  const status = await agent.cilium(['status'])
  assert.match(status.stdout, /^NodeMonitor: +Listening for events on [1-9]\d* CPUs with \d+x\d+ of shared memory$/m)
  const health = await agent.client.healthz()
  const nm = health.nodeMonitor as {cpus: number; npages: number; pagesize: number}
  assert.equal(nm.npages * nm.pagesize, 4 << 20)
})
