/**
 * GET /v1/map and /v1/map/{name}: the agent's map caches (desired action, last error), the maps
 * Cilium dumps (no cache) and the ones it only lists, served over a real unix socket, and
 * `cilium map list|get` text as cilium-dbg prints it.
 */
import assert from 'node:assert/strict'
import {type TestContext, test} from 'node:test'
import {MapRegistry, endpointCacheEntry, ipcacheCacheValue} from '../../src/agent/map-cache.js'
import {createAgentState} from '../../src/agent/rest/state.js'
import {AgentApiError, type AgentClient} from '../../src/api/client.js'
import {mapEntriesText, mapListTable, mapListVerbose} from '../../src/api/format.js'
import {serveApi} from '../helpers/api-server.js'

function registry(): MapRegistry {
  const r = new MapRegistry('/sys/fs/bpf/tc/globals')
  r.open('cilium_metrics')
  const lxc = r.keyed('cilium_lxc')
  const [k, v] = endpointCacheEntry({ip: Buffer.from([10, 200, 0, 2]), key: 0, clusterId: 0, ifindex: 7, lxcId: 1, flags: 0,
    mac: '02:00:00:00:00:01', nodeMac: '00:00:00:00:00:00', secId: 256, parentIfindex: 0})
  lxc.updated(k, v)
  const ipcache = r.keyed('cilium_ipcache_v2')
  ipcache.updated('10.200.0.2/32', ipcacheCacheValue(256))
  ipcache.updated('10.0.0.0/8', ipcacheCacheValue(16777217), new Error('update: no space left on device'))
  ipcache.updated('192.0.2.1/32', ipcacheCacheValue(2))
  ipcache.deleted('192.0.2.1/32', new Error('delete: operation not permitted'))
  r.policy('cilium_policy_v3_00001')
  return r
}

test('keyed caches: a write is sync, a failed write to-be-inserted, a failed delete to-be-deleted, a delete drops it', async () => {
  const r = registry()
  const ipcache = await r.get('cilium_ipcache_v2')
  assert.deepEqual(ipcache, {path: '/sys/fs/bpf/tc/globals/cilium_ipcache_v2', cache: [
    {'desired-action': 'to-be-inserted', key: '10.0.0.0/8', 'last-error': 'update: no space left on device',
      value: 'identity=16777217 encryptkey=0 tunnelendpoint=0.0.0.0 flags=<none>'},
    {'desired-action': 'sync', key: '10.200.0.2/32', value: 'identity=256 encryptkey=0 tunnelendpoint=0.0.0.0 flags=<none>'},
    {'desired-action': 'to-be-deleted', key: '192.0.2.1/32', 'last-error': 'delete: operation not permitted',
      value: 'identity=2 encryptkey=0 tunnelendpoint=0.0.0.0 flags=<none>'},
  ]})
  r.keyed('cilium_ipcache_v2').deleted('192.0.2.1/32')
  r.keyed('cilium_ipcache_v2').updated('10.0.0.0/8', ipcacheCacheValue(16777217))
  assert.deepEqual((await r.get('cilium_ipcache_v2'))?.cache?.map((e) => [e.key, e['desired-action'], e['last-error']]),
    [['10.0.0.0/8', 'sync', undefined], ['10.200.0.2/32', 'sync', undefined]])
  assert.deepEqual((await r.get('cilium_lxc'))?.cache, [{'desired-action': 'sync', key: '10.200.0.2:0',
    value: 'id=1     sec_id=256   flags=0x0000 ifindex=7   mac=02:00:00:00:00:01 nodemac=00:00:00:00:00:00 parent_ifindex=0  '}])
  // By name or by absolute path; an unknown one is undefined, and so is a map Cilium only lists (pkg/ebpf).
  assert.equal((await r.get('/sys/fs/bpf/tc/globals/cilium_lxc'))?.path, '/sys/fs/bpf/tc/globals/cilium_lxc')
  assert.equal(await r.get('cilium_nothing'), undefined)
  assert.equal(await r.get('/elsewhere/cilium_lxc'), undefined)
  assert.equal(await r.get('cilium_metrics'), undefined)
  assert.deepEqual((await r.list()).find((m) => m.path?.endsWith('/cilium_metrics')), {cache: null, path: '/sys/fs/bpf/tc/globals/cilium_metrics'})
  r.close('cilium_lxc')
  assert.equal(await r.get('cilium_lxc'), undefined)
})

test('a policy map has no cache: its model is the kernel\'s entries, and nothing when its pin cannot be read', async () => {
  const r = new MapRegistry('/nonexistent/tc/globals')
  r.policy('cilium_policy_v3_00003')
  assert.deepEqual(await r.get('cilium_policy_v3_00003'), {cache: [], path: '/nonexistent/tc/globals/cilium_policy_v3_00003'})
  assert.equal(r.events('cilium_policy_v3_00003'), undefined)
})

async function serve(t: TestContext, maps?: MapRegistry): Promise<AgentClient> {
  return (await serveApi(t, {state: createAgentState(), maps})).client
}

test('GET /map lists every open map; GET /map/{name} one of them, 404 without a body for an unknown name', async (t) => {
  const client = await serve(t, registry())
  const list = await client.getMaps()
  assert.deepEqual(list.maps?.map((m) => [m.path, m.cache?.length ?? null]), [
    ['/sys/fs/bpf/tc/globals/cilium_ipcache_v2', 3], ['/sys/fs/bpf/tc/globals/cilium_lxc', 1],
    ['/sys/fs/bpf/tc/globals/cilium_metrics', null], ['/sys/fs/bpf/tc/globals/cilium_policy_v3_00001', 0]])
  assert.equal((await client.getMap('cilium_lxc')).cache?.[0].key, '10.200.0.2:0')
  assert.equal((await client.getMap('/sys/fs/bpf/tc/globals/cilium_lxc')).cache?.length, 1)
  await assert.rejects(client.getMap('cilium_nothing'), (err: Error) => err instanceof AgentApiError && err.status === 404
    && err.message === '[GET /map/{name}][404] getMapNameNotFound')
  // A server without a datapath has no maps open.
  assert.deepEqual(await (await serve(t)).getMaps(), {maps: []})
})

test('map list/get text: cilium-dbg\'s columns, the disabled and empty cache lines, --verbose sections', async () => {
  const list = {maps: await registry().list()}
  assert.equal(mapListTable(list), [
    'Name                     Num entries   Num errors   Cache enabled',
    'cilium_ipcache_v2        3             2            true',
    'cilium_lxc               1             0            true',
    'cilium_metrics           0             0            false',
    'cilium_policy_v3_00001   0             0            true',
    ''].join('\n'))
  assert.equal(mapEntriesText(list.maps[2]), 'Cache is disabled\n\n')
  assert.equal(mapEntriesText(list.maps[3]), 'Cache is empty\n\n')
  assert.equal(mapEntriesText(list.maps[0]), [
    'Key             Value                                                                State            Error',
    '10.0.0.0/8      identity=16777217 encryptkey=0 tunnelendpoint=0.0.0.0 flags=<none>   to-be-inserted   update: no space left on device',
    '10.200.0.2/32   identity=256 encryptkey=0 tunnelendpoint=0.0.0.0 flags=<none>        sync             ',
    '192.0.2.1/32    identity=2 encryptkey=0 tunnelendpoint=0.0.0.0 flags=<none>          to-be-deleted    delete: operation not permitted',
    ''].join('\n'))
  const verbose = mapListVerbose(list)
  assert.match(verbose, /^## Map: cilium_ipcache_v2\nKey {13}Value/)
  assert.match(verbose, /\n## Map: cilium_metrics\nCache is disabled\n\n\n## Map: cilium_policy_v3_00001\nCache is empty\n\n\n$/)
  assert.equal(mapListTable({}), 'Name   Num entries   Num errors   Cache enabled\n')
})
