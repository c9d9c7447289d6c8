/**
 * What `cilium config` changes survives an agent restart (the state dir keeps it), and the
 * status says whether Hubble is reachable, both against real `cilium agent` processes.
 */
import assert from 'node:assert/strict'
import {rmSync} from 'node:fs'
import {test} from 'node:test'
import type {DaemonConfiguration, Status} from '../../src/api/models.js'
import {endpointName, startAgent} from '../helpers/agent.js'
import {skipUnlessBpf} from '../helpers/kernel.js'

test('cilium config Option=value and PolicyEnforcement survive a restart; a new --enable-policy wins over the saved one', async (t) => {
  if (skipUnlessBpf(t, 'netns')) return
  const first = await startAgent(t)
  const ep = await first.cilium(['endpoint', 'create', '--name', endpointName(t, 'cfg'), '--labels', 'role=x'])
  assert.equal(ep.code, 0, ep.stderr)
  const set = await first.cilium(['config', 'Debug=true', 'DropNotification=false', 'PolicyEnforcement=always'])
  assert.equal(set.code, 0, set.stderr)
  assert.equal(await first.stop(), 0)

  const second = await startAgent(t, {stateDir: first.stateDir, nodeNetns: first.nodeNetns})
  const shown = await second.cilium(['config'])
  assert.equal(shown.code, 0, shown.stderr)
  assert.match(shown.stdout, /^Debug +: Enabled$/m)
  assert.match(shown.stdout, /^DropNotification +: Disabled$/m)
  assert.match(shown.stdout, /^PolicyEnforcement +: always$/m)
  const cfg = await second.client.getConfig() as DaemonConfiguration
  assert.equal(cfg.spec?.['policy-enforcement'], 'always')
  // The endpoint enforces as the restored mode says: always, with no rule selecting it.
  const got = JSON.parse((await second.cilium(['endpoint', 'get', '1'])).stdout) as {status: {policy: {realized: {'policy-enabled': string}}}}[]
  assert.equal(got[0].status.policy.realized['policy-enabled'], 'both')
  assert.equal(await second.stop('SIGKILL'), 'SIGKILL')

  // Started again with another --enable-policy: the flag is the newer word; the options stay.
  const third = await startAgent(t, {stateDir: first.stateDir, nodeNetns: first.nodeNetns, args: ['--enable-policy', 'never']})
  const again = await third.cilium(['config'])
  assert.match(again.stdout, /^PolicyEnforcement +: never$/m)
  assert.match(again.stdout, /^Debug +: Enabled$/m)
})

test('status: Hubble is Ok while its socket leads to the agent, a Failure once the socket file is gone', async (t) => {
  if (skipUnlessBpf(t, 'netns')) return
  const agent = await startAgent(t)
  let s = await agent.client.healthz()
  assert.equal((s.hubble as Status).state, 'Ok')
  rmSync(agent.hubbleSocket)
  s = await agent.client.healthz()
  assert.deepEqual(s.hubble, {state: 'Failure', msg: 'Server not listening'})
  assert.match(s.cilium?.msg ?? '', /; hubble server not listening$/)
  const status = await agent.cilium(['status'])
  assert.match(status.stdout, /^Hubble: +Failure +Server not listening/m)
})
