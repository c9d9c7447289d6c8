/**
 * GET /v1/map/{name}/events: the bounded event log of the maps the agent writes key by key,
 * served as JSON lines over a real unix socket (the kept events, or, following, each new one),
 * a 404 for a map without events, and the line `cilium map events` prints for each.
 */
import assert from 'node:assert/strict'
import {test} from 'node:test'
import {KeyedMapCache, MapEventLog, MapRegistry} from '../../src/agent/map-cache.js'
import {createAgentState} from '../../src/agent/rest/state.js'
import {AgentApiError, AgentClient} from '../../src/api/client.js'
import {mapEventText} from '../../src/api/format.js'
import type {MapEvent} from '../../src/api/models.js'
import {runCli} from '../helpers/cli.js'
import {serveApi} from '../helpers/api-server.js'

const at = (s: number) => new Date(Date.UTC(2026, 10, 24, 6, 30, s, 250))

test('the event log keeps the last `capacity` events, oldest first, and tells followers of each new one until they stop', () => {
  const log = new MapEventLog(3)
  const seen: string[] = []
  const stop = log.follow((e) => seen.push(e.key!))
  for (const key of ['a', 'b', 'c', 'd', 'e']) log.add({action: 'update', key})
  assert.deepEqual(log.list().map((e) => e.key), ['c', 'd', 'e'])
  stop()
  log.add({action: 'delete', key: 'f'})
  assert.deepEqual(seen, ['a', 'b', 'c', 'd', 'e'])
  assert.deepEqual(log.list().map((e) => e.key), ['d', 'e', 'f'])
})

test('a keyed cache records each update and delete as the real agent\'s MapEvent: desired action, value of an update, error or <nil>', () => {
  const c = new KeyedMapCache()
  c.updated('10.0.0.1/32', 'identity=256', undefined, at(0))
  c.updated('10.0.0.2/32', 'identity=257', new Error('update: no space left on device'), at(1))
  c.deleted('10.0.0.1/32', undefined, at(2))
  c.deleted('10.0.0.2/32', new Error('delete: operation not permitted'), at(3))
  assert.deepEqual(c.events.list(), [
    {action: 'update', 'desired-action': 'sync', key: '10.0.0.1/32', 'last-error': '<nil>', timestamp: '2026-11-24T06:30:00.250Z', value: 'identity=256'},
    {action: 'update', 'desired-action': 'to-be-inserted', key: '10.0.0.2/32', 'last-error': 'update: no space left on device',
      timestamp: '2026-11-24T06:30:01.250Z', value: 'identity=257'},
    // A delete is to-be-deleted whether it worked or not, and carries no value (Cilium's deleteMapEvent).
    {action: 'delete', 'desired-action': 'to-be-deleted', key: '10.0.0.1/32', 'last-error': '<nil>', timestamp: '2026-11-24T06:30:02.250Z'},
    {action: 'delete', 'desired-action': 'to-be-deleted', key: '10.0.0.2/32', 'last-error': 'delete: operation not permitted',
      timestamp: '2026-11-24T06:30:03.250Z'},
  ])
  // The JSON field order of Go's models.MapEvent.
  assert.deepEqual(Object.keys(c.events.list()[0]), ['action', 'desired-action', 'key', 'last-error', 'timestamp', 'value'])
})

test('cilium map events prints cilium-dbg\'s line: quoted key, value and error, the time to the second', () => {
  assert.equal(mapEventText({action: 'update', 'desired-action': 'sync', key: '10.200.0.2:0', 'last-error': '<nil>',
    timestamp: '2026-11-24T06:30:00.250Z', value: 'id=1 sec_id=256 "x"'}),
  'key="10.200.0.2:0" value="id=1 sec_id=256 \\\\\\"x\\\\\\"" time=2026-11-24T06:30:00Z action=update desiredState=sync lastError="<nil>"\n')
  assert.equal(mapEventText({action: 'delete', key: 'k', timestamp: '2026-11-24T07:30:00.000+01:00'}),
    'key="k" value="" time=2026-11-24T07:30:00+01:00 action=delete desiredState= lastError=""\n')
})

test('GET /v1/map/{name}/events over the socket: the kept events as JSON lines; follow streams new ones; no events is a 404', async (t) => {
  const maps = new MapRegistry('/sys/fs/bpf/tc/globals')
  maps.open('cilium_metrics')
  const lxc = maps.keyed('cilium_lxc')
  lxc.updated('10.200.0.2:0', 'id=1', undefined, at(0))
  lxc.updated('10.200.0.3:0', 'id=2', undefined, at(1))
  const {client, socket} = await serveApi(t, {state: createAgentState(), maps})

  const got: MapEvent[] = []
  await client.mapEvents('cilium_lxc', false, (e) => got.push(e))
  assert.deepEqual(got, lxc.events.list())
  // By pinned path too, as GET /map/{name}.
  const byPath: MapEvent[] = []
  await client.mapEvents('/sys/fs/bpf/tc/globals/cilium_lxc', false, (e) => byPath.push(e))
  assert.equal(byPath.length, 2)

  for (const name of ['cilium_nope', 'cilium_metrics']) {
    await assert.rejects(client.mapEvents(name, false, () => undefined), (err: unknown) => err instanceof AgentApiError && err.status === 404
      && err.message === '[GET /map/{name}/events][404] getMapNameEventsNotFound')
  }

  const followed: MapEvent[] = []
  const ac = new AbortController()
  let wake = (): void => undefined
  const following = client.mapEvents('cilium_lxc', true, (e) => {
    followed.push(e)
    wake()
  }, ac.signal)
  const until = (n: number) => new Promise<void>((resolve) => {
    wake = () => followed.length >= n && resolve()
    wake()
  })
  await until(2)
  lxc.deleted('10.200.0.2:0', undefined, at(5))
  await until(3)
  assert.deepEqual(followed[2], {action: 'delete', 'desired-action': 'to-be-deleted', key: '10.200.0.2:0', 'last-error': '<nil>',
    timestamp: '2026-11-24T06:30:05.250Z'})
  ac.abort()
  await following

  const cli = await runCli('cilium', ['map', 'events', 'cilium_lxc'], {env: {...process.env, CILIUM_SOCK: socket}})
  assert.equal(cli.code, 0, cli.stderr)
  assert.deepEqual(cli.stdout.split('\n').slice(0, 2), ['key="10.200.0.2:0" value="id=1" time=2026-11-24T06:30:00Z action=update desiredState=sync lastError="<nil>"',
    'key="10.200.0.3:0" value="id=2" time=2026-11-24T06:30:01Z action=update desiredState=sync lastError="<nil>"'])
  const missing = await runCli('cilium', ['map', 'events', 'cilium_metrics'], {env: {...process.env, CILIUM_SOCK: socket}})
  assert.equal(missing.code, 1)
  assert.equal(missing.stderr, 'Error: could not get map name events: [GET /map/{name}/events][404] getMapNameEventsNotFound\n')
})

test('following a map with no events yet: the response head comes at once, so the client does not time out, and the first event arrives', async (t) => {
  const maps = new MapRegistry('/sys/fs/bpf/tc/globals')
  const lxc = maps.keyed('cilium_lxc')
  const {socket} = await serveApi(t, {state: createAgentState(), maps})
  // The client's dial/response timeout is 500 ms; the follow stays quiet for longer than that.
  const client = new AgentClient(socket, 500)
  const ac = new AbortController()
  const got: MapEvent[] = []
  let first = (): void => undefined
  const arrived = new Promise<void>((resolve) => { first = resolve })
  const following = client.mapEvents('cilium_lxc', true, (e) => {
    got.push(e)
    first()
  }, ac.signal)
  let failure: unknown
  following.catch((e: unknown) => { failure = e })
  await new Promise((resolve) => setTimeout(resolve, 1000))
  assert.equal(failure, undefined)
  lxc.updated('10.200.0.9:0', 'id=9', undefined, at(9))
  await arrived
  ac.abort()
  await following
  assert.deepEqual(got.map((e) => e.key), ['10.200.0.9:0'])
})
