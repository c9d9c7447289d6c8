/**
 * The datapath object against the TS layouts: every map's key and value size (from the
 * object's BTF map definitions) equals the src/maps or src/datapath layout that reads it,
 * and the structs only our datapath has (ep_config) agree member by member.
 */
import assert from 'node:assert/strict'
import {execFileSync} from 'node:child_process'
import {existsSync} from 'node:fs'
import {test} from 'node:test'
import {BpfObject} from '../../src/bpf/index.js'
import {DatapathMaps, datapathObject, EP_CONFIG, EP_CONFIG_SLOTS, EVENT_BUDGET} from '../../src/datapath/index.js'
import {CT4_TUPLE, CT6_TUPLE, CT_ENTRY_V2} from '../../src/maps/ct.js'
import {ENDPOINT_INFO, ENDPOINT_KEY} from '../../src/maps/endpoint.js'
import {IPCACHE_KEY_V2, IPCACHE_VALUE_V2} from '../../src/maps/ipcache.js'
import {METRICS_KEY, METRICS_VALUE} from '../../src/maps/metrics.js'
import {POLICY_STATS_KEY, POLICY_STATS_VALUE} from '../../src/maps/policystats.js'

/** Map name -> [key size, value size] as the TS side reads them; 0/0 for the ring buffer. */
const expected: Record<string, [number, number]> = {
  [DatapathMaps.policyMaps]: [4, 4],  // endpoint ID -> inner map fd
  [DatapathMaps.policyStats]: [POLICY_STATS_KEY.size, POLICY_STATS_VALUE.size],
  [DatapathMaps.ct4]: [CT4_TUPLE.size, CT_ENTRY_V2.size], [DatapathMaps.ctAny4]: [CT4_TUPLE.size, CT_ENTRY_V2.size],
  [DatapathMaps.ct6]: [CT6_TUPLE.size, CT_ENTRY_V2.size], [DatapathMaps.ctAny6]: [CT6_TUPLE.size, CT_ENTRY_V2.size],
  [DatapathMaps.ipcache]: [IPCACHE_KEY_V2.size, IPCACHE_VALUE_V2.size],
  [DatapathMaps.lxc]: [ENDPOINT_KEY.size, ENDPOINT_INFO.size],
  [DatapathMaps.metrics]: [METRICS_KEY.size, METRICS_VALUE.size],
  [DatapathMaps.config]: [4, EP_CONFIG.size], [DatapathMaps.eventBudget]: [4, EVENT_BUDGET.size],
  [DatapathMaps.events]: [0, 0], [DatapathMaps.l7Pending]: [CT6_TUPLE.size, 8],
  ck_http_scratch: [4, 96],
}

function object(): string {
  const path = datapathObject()
  assert.ok(existsSync(path), `${path} is missing: run \`make datapath\``)
  return path
}

test('every map of bpf_lxc.o has the key and value sizes its TS layout reads', (t) => {
  const obj = BpfObject.open(object())
  t.after(() => obj.close())
  const maps = obj.maps().filter((m) => !m.internal)
  assert.deepEqual(maps.map((m) => m.name).sort(), Object.keys(expected).sort())
  for (const m of maps) assert.deepEqual([m.keySize, m.valueSize], expected[m.name], m.name)
})

test('ck_ep_config is an array with the slots the loader checks interface indexes against', (t) => {
  const obj = BpfObject.open(object())
  t.after(() => obj.close())
  const config = obj.maps().find((m) => m.name === DatapathMaps.config)
  assert.deepEqual([config?.type, config?.maxEntries], ['array', EP_CONFIG_SLOTS])
})

test('struct ep_config and struct event_budget agree with src/datapath/config.ts member by member', () => {
  const {types} = JSON.parse(execFileSync('bpftool', ['-j', 'btf', 'dump', 'file', object(), 'format', 'raw'], {encoding: 'utf8'})) as
    {types: Array<{kind: string; name: string; size?: number; members?: Array<{name: string; bits_offset: number}>}>}
  for (const [name, layout] of [['ep_config', EP_CONFIG], ['event_budget', EVENT_BUDGET]] as const) {
    const c = types.find((ty) => ty.kind === 'STRUCT' && ty.name === name)
    assert.ok(c, `struct ${name} is not in the object's BTF`)
    const {size, ...fields} = layout as Record<string, number>
    assert.equal(c.size, size, name)
    const cFields = Object.fromEntries(c.members!.filter((m) => !m.name.startsWith('pad')).map((m) => [m.name, m.bits_offset / 8]))
    assert.deepEqual(cFields, fields, name)
  }
})
