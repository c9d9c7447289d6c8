/**
 * `cilium map list|get` against a real agent with the real datapath, as the newest Cilium answers:
 * the caches hold what the agent wrote for an endpoint (cilium_lxc, the ipcache), its policy map
 * (no cache in Cilium) is what the kernel holds, cilium_metrics (a pkg/ebpf map there) is listed
 * without a cache and unknown to GET /map/{name}, and an unknown map is the API's 404. And the
 * enforcement mode `cilium config` sets reaching the endpoint's datapath config.
 * Root + BPF; under CI=true a missing capability fails the test instead of skipping it.
 */
import assert from 'node:assert/strict'
import {writeFileSync} from 'node:fs'
import {join} from 'node:path'
import {test} from 'node:test'
import {endpointName, startAgent} from '../helpers/agent.js'
import {skipUnlessBpf, tempBpffsDir} from '../helpers/kernel.js'
import type {BPFMap, BPFMapList} from '../../src/api/models.js'
import {BpfMap} from '../../src/bpf/index.js'
import {DatapathMaps, EP_CONFIG, decodeEndpointConfig} from '../../src/datapath/index.js'
import {encodeCt} from '../../src/maps/ct.js'
import {encodePolicyKey} from '../../src/maps/policy.js'

test('cilium map list/get show the entries the agent wrote for an endpoint and its policy', async (t) => {
  if (skipUnlessBpf(t, 'tc')) return
  const bpffs = tempBpffsDir(t)
  const agent = await startAgent(t, {bpffs})
  const created = await agent.cilium(['endpoint', 'create', '--name', endpointName(t, 'maps'), '--labels', 'role=backend', '-o', 'json'])
  assert.equal(created.code, 0, created.stderr + agent.log())
  const ep = JSON.parse(created.stdout) as {id: number; status: {identity: {id: number}; networking: {addressing: {ipv4: string}[]}}}
  const ip = ep.status.networking.addressing[0].ipv4
  const identity = ep.status.identity.id
  const rules = JSON.stringify([{endpointSelector: {matchLabels: {role: 'backend'}},
    ingress: [{fromEntities: ['host'], toPorts: [{ports: [{port: '80', protocol: 'TCP'}]}]}]}])
  const policyMap = `cilium_policy_v3_${String(ep.id).padStart(5, '0')}`
  const file = join(agent.dir, 'rules.json')
  writeFileSync(file, rules)
  const imp = await agent.cilium(['policy', 'import', file])
  assert.equal(imp.code, 0, imp.stderr)

  const list = await agent.cilium(['map', 'list'])
  assert.equal(list.code, 0, list.stderr)
  const lines = list.stdout.split('\n')
  assert.match(lines[0], /^Name +Num entries +Num errors +Cache enabled$/)
  assert.ok(lines.some((l) => /^cilium_lxc +1 +0 +true$/.test(l)), list.stdout)
  assert.ok(lines.some((l) => new RegExp(`^${policyMap} +\\d+ +0 +true$`).test(l)), list.stdout)
  assert.ok(lines.some((l) => /^cilium_ct4_global +\d+ +0 +true$/.test(l)), list.stdout)
  assert.ok(lines.some((l) => /^cilium_ipcache_v2 +\d+ +0 +true$/.test(l)), list.stdout)
  // cilium_metrics and cilium_policystats are pkg/ebpf maps in Cilium: listed, no entries shown.
  assert.ok(lines.some((l) => /^cilium_metrics +0 +0 +false$/.test(l)), list.stdout)
  assert.ok(lines.some((l) => /^cilium_policystats +0 +0 +false$/.test(l)), list.stdout)

  const lxc = await agent.cilium(['map', 'get', 'cilium_lxc'])
  assert.equal(lxc.code, 0, lxc.stderr)
  assert.match(lxc.stdout, /^Key +Value +State +Error\n/)
  assert.match(lxc.stdout, new RegExp(`^${ip.replace(/\./g, '\\.')}:0 +id=${ep.id} +sec_id=${identity} +flags=0x0000 .* sync +\\n`, 'm'))

  const ipcache = JSON.parse((await agent.cilium(['map', 'get', 'cilium_ipcache_v2', '-o', 'json'])).stdout) as BPFMap
  assert.equal(ipcache.path, `${bpffs}/tc/globals/cilium_ipcache_v2`)
  assert.deepEqual(ipcache.cache?.find((e) => e.key === `${ip}/32`),
    {'desired-action': 'sync', key: `${ip}/32`, value: `identity=${identity} encryptkey=0 tunnelendpoint=0.0.0.0 flags=<none>`})

  // The host may send to port 80; everything else in ingress is denied by default. Read from the
  // kernel: key and value text, no desired action and no error.
  const policy = await agent.cilium(['map', 'get', policyMap])
  assert.equal(policy.code, 0, policy.stderr)
  assert.match(policy.stdout, /^Key +Value +State +Error\n/)
  assert.match(policy.stdout, /^Ingress: 1 80\/TCP +0 24 +$/m)
  const policyJson = JSON.parse((await agent.cilium(['map', 'get', policyMap, '-o', 'json'])).stdout) as BPFMap
  assert.deepEqual(policyJson.cache?.find((e) => e.key === 'Ingress: 1 80/TCP'), {key: 'Ingress: 1 80/TCP', value: '0 24'})
  // An entry removed behind the agent's back is gone from the answer: it is the kernel's content, not a cache.
  const pinned = BpfMap.openPinned(join(bpffs, 'tc', 'globals', policyMap))
  try {
    pinned.delete(encodePolicyKey('v3', {prefixLen: 24, identity: 1, egress: false, protocol: 6, dport: 80}))
  } finally {
    pinned.close()
  }
  const after = JSON.parse((await agent.cilium(['map', 'get', policyMap, '-o', 'json'])).stdout) as BPFMap
  assert.equal(after.cache?.some((e) => e.key === 'Ingress: 1 80/TCP'), false, JSON.stringify(after))
  assert.equal(after.cache?.length, (policyJson.cache?.length ?? 0) - 1)

  // cilium_metrics is opened through pkg/ebpf in Cilium: listed, but GET /map/{name} does not know it.
  const metrics = await agent.cilium(['map', 'get', 'cilium_metrics'])
  assert.equal(metrics.code, 1)
  assert.equal(metrics.stderr, 'Error: [GET /map/{name}][404] getMapNameNotFound\n')

  // A conntrack map has no cache in Cilium either: an entry written behind the agent's back is in the answer.
  const ctPath = join(bpffs, 'tc', 'globals', DatapathMaps.ct4)
  const ct = BpfMap.openPinned(ctPath)
  try {
    ct.update(...encodeCt({ipv6: false, daddr: Buffer.from([192, 0, 2, 2]), saddr: Buffer.from([192, 0, 2, 1]), dport: 80, sport: 40000,
      nexthdr: 6, tupleFlags: 0, backendId: 0n, packets: 3n, bytes: 180n, lifetime: 4242, flags: 0, revNat: 0, txFlagsSeen: 0x02,
      rxFlagsSeen: 0, srcSecId: identity, lastTxReport: 4000, lastRxReport: 0}))
  } finally {
    ct.close()
  }
  const cts = JSON.parse((await agent.cilium(['map', 'get', DatapathMaps.ct4, '-o', 'json'])).stdout) as BPFMap
  assert.equal(cts.path, ctPath)
  assert.deepEqual(cts.cache?.find((e) => e.key === '192.0.2.1:16540 --> 192.0.2.2:20480, 6, 0'), {key: '192.0.2.1:16540 --> 192.0.2.2:20480, 6, 0',
    value: 'expires=4242 Packets=3 Bytes=180 RxFlagsSeen=0x00 LastRxReport=0 TxFlagsSeen=0x02 LastTxReport=4000 Flags=0x0000 [ ] '
      + `RevNAT=0 SourceSecurityID=${identity} BackendID=0 NatPort=0 \n`}, JSON.stringify(cts))

  const verbose = await agent.cilium(['map', 'list', '--verbose'])
  assert.match(verbose.stdout, /^## Map: cilium_metrics\nCache is disabled\n\n\n/m)
  assert.match(verbose.stdout, /^## Map: cilium_ct4_global\nKey +Value +State +Error\n192\.0\.2\.1:16540 --> 192\.0\.2\.2:20480, 6, 0 +expires=4242 /m)
  const all = JSON.parse((await agent.cilium(['map', 'list', '-o', 'json'])).stdout) as BPFMapList
  assert.deepEqual(all.maps?.find((m) => m.path?.endsWith('/cilium_metrics')), {cache: null, path: `${bpffs}/tc/globals/cilium_metrics`})

  // Deleting the endpoint drops its entries and its policy map.
  assert.equal((await agent.cilium(['endpoint', 'delete', String(ep.id)])).code, 0)
  assert.match((await agent.cilium(['map', 'get', 'cilium_lxc'])).stdout, /^Cache is empty\n\n$/)
  const gone = await agent.cilium(['map', 'get', policyMap])
  assert.equal(gone.code, 1)
  assert.equal(gone.stderr, 'Error: [GET /map/{name}][404] getMapNameNotFound\n')
  const none = await agent.cilium(['map', 'get'])
  assert.equal(none.code, 1)
  assert.equal(none.stderr, 'Error: map name must be specified\n')
})

test('cilium config PolicyEnforcement=never after a start with --enable-policy always reaches the endpoint\'s datapath config', async (t) => {
  if (skipUnlessBpf(t, 'tc')) return
  const bpffs = tempBpffsDir(t)
  const agent = await startAgent(t, {bpffs, args: ['--enable-policy', 'always']})
  const created = await agent.cilium(['endpoint', 'create', '--name', endpointName(t, 'enf'), '--labels', 'role=enf', '-o', 'json'])
  assert.equal(created.code, 0, created.stderr + agent.log())
  const id = (JSON.parse(created.stdout) as {id: number}).id
  const config = async () => {
    const m = BpfMap.openPinned(join(bpffs, 'tc', 'globals', DatapathMaps.config))
    try {
      for await (const [, v] of m.entries()) if (v.readUInt16LE(EP_CONFIG.endpoint_id) === id) return decodeEndpointConfig(v)
      return assert.fail(`no config slot for endpoint ${id}`)
    } finally {
      m.close()
    }
  }
  const enforcing = await config()
  assert.deepEqual([enforcing.policyEnforcement, enforcing.selected], ['default', {ingress: true, egress: true}])
  assert.equal((await agent.cilium(['config', 'PolicyEnforcement=never'])).code, 0)
  const open = await config()
  assert.deepEqual([open.policyEnforcement, open.selected], ['default', {ingress: false, egress: false}])
})
