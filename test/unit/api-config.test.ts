import assert from 'node:assert/strict'
import {join} from 'node:path'
import {test} from 'node:test'
import {startApiServer} from '../../src/agent/api-server.js'
import {createAgentState, createEndpoint} from '../../src/agent/rest/state.js'
import {AgentApiError, AgentClient} from '../../src/api/client.js'
import {daemonConfigText} from '../../src/api/format.js'
import {daemonConfigPatch} from '../../src/api/options.js'
import {ValidationError} from '../../src/errors.js'
import {tempDir} from '../helpers/cli.js'

test('daemonConfigText prints the read-write section as the real `cilium config` (research/cilium.md §4.6)', () => {
  const options = {ConntrackAccounting: 'Disabled', Debug: 'Disabled', DebugLB: 'Disabled', DropNotification: 'Enabled',
    MonitorAggregationLevel: 'Medium', PolicyAccounting: 'Enabled', PolicyAuditMode: 'Disabled', PolicyTracing: 'Disabled',
    PolicyVerdictNotification: 'Enabled', SourceIPVerification: 'Enabled', TraceNotification: 'Enabled'}
  const text = daemonConfigText({status: {realized: {options, 'policy-enforcement': 'default'}, 'node-monitor': {npages: 64}}})
  assert.equal(text, [
    '##### Read-write configurations #####',
    'ConntrackAccounting               : Disabled',
    'Debug                             : Disabled',
    'DebugLB                           : Disabled',
    'DropNotification                  : Enabled',
    'MonitorAggregationLevel           : Medium',
    'PolicyAccounting                  : Enabled',
    'PolicyAuditMode                   : Disabled',
    'PolicyTracing                     : Disabled',
    'PolicyVerdictNotification         : Enabled',
    'SourceIPVerification              : Enabled',
    'TraceNotification                 : Enabled',
    'MonitorNumPages                   : 64',
    'PolicyEnforcement                 : default',
    ''].join('\n'))
})

test('daemonConfigText --read-only and --all: read-only values sorted, maps nested, then the k8s lines', () => {
  const cfg = {status: {realized: {options: {Debug: 'Enabled'}, 'policy-enforcement': 'always' as const},
    'daemon-configuration-map': {Tunnel: 'vxlan', EnableIPv4: true, Labels: {a: 1}}, 'k8s-configuration': '', 'k8s-endpoint': ''}}
  const readOnly = ['#### Read-only configurations ####', 'EnableIPv4                        : true',
    'Labels', 'a                                 : 1', 'Tunnel                            : vxlan',
    'k8s-configuration                 : ', 'k8s-endpoint                      : ']
  assert.equal(daemonConfigText(cfg, {readOnly: true}), `${readOnly.join('\n')}\n`)
  assert.equal(daemonConfigText(cfg, {all: true}), [...readOnly, '##### Read-write configurations #####',
    'Debug                             : Enabled', 'PolicyEnforcement                 : always', ''].join('\n'))
})

test('daemonConfigPatch builds the body cilium-dbg sends, and rejects what it rejects', () => {
  assert.deepEqual(daemonConfigPatch(['PolicyAuditMode=true', 'debug=off', 'MonitorAggregationLevel=low', 'PolicyEnforcement=always']),
    {'policy-enforcement': 'always', options: {PolicyAuditMode: 'Enabled', Debug: 'Disabled', MonitorAggregationLevel: 'low'}})
  assert.throws(() => daemonConfigPatch(['!Debug']), {name: 'ValidationError', message: 'Improper configuration format provided'})
  assert.throws(() => daemonConfigPatch(['Bogus=true']), (e: Error) => e instanceof ValidationError && e.message === 'unknown option "Bogus"')
  assert.throws(() => daemonConfigPatch(['Debug=maybe']), {message: 'invalid option value maybe'})
})

test('PATCH /config changes the daemon options and every endpoint\'s; new endpoints inherit them; a bad option changes nothing', async (t) => {
  const state = createAgentState()
  createEndpoint(state, 101, {state: 'ready', labels: ['k8s:app=a']})
  const socket = join(tempDir(t), 'cilium.sock')
  const server = await startApiServer({state}, socket)
  t.after(() => server.close())
  const client = new AgentClient(socket)

  await client.patchConfig({options: {PolicyAuditMode: 'Enabled', Debug: 'Enabled'}})
  assert.equal((await client.getConfig()).status?.realized?.options?.PolicyAuditMode, 'Enabled')
  assert.equal((await client.getEndpointConfig(101)).realized?.options?.PolicyAuditMode, 'Enabled')
  createEndpoint(state, 102, {state: 'ready', labels: ['k8s:app=b']})
  assert.equal((await client.getEndpointConfig(102)).realized?.options?.Debug, 'Enabled')

  const before = JSON.stringify(await client.getConfig())
  await assert.rejects(client.patchConfig({options: {TraceNotification: 'Disabled', Bogus: 'Enabled'}}),
    (e: Error) => e instanceof AgentApiError && /400/.test(e.message) && /unknown option "Bogus"/.test(e.message))
  assert.equal(JSON.stringify(await client.getConfig()), before)
  assert.equal((await client.getEndpointConfig(101)).realized?.options?.TraceNotification, 'Enabled')
})
