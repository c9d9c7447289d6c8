/** PolicyMapSync on a real policy map: a change made behind its back is repaired by a later sync. Root + BPF. */
import assert from 'node:assert/strict'
import {test} from 'node:test'
import {BpfMap} from '../../src/bpf/index.js'
import {decodePolicyEntry, encodePolicyKey, encodePolicyValue, POLICY_ENTRY_V3, POLICY_KEY, STAT_NOT_AVAILABLE} from '../../src/maps/policy.js'
import {Precedence, type PolicyEntry} from '../../src/policy/entries.js'
import {PolicyMapSync} from '../../src/policy/map-sync.js'
import {skipUnlessBpf} from '../helpers/kernel.js'

const entry = (identity: number, dport: number): PolicyEntry => ({identity, egress: false, protocol: 6, dport, prefixLen: 24,
  deny: false, proxyPort: 0, auth: 0, precedence: Precedence.allow, cookie: 0})

async function rows(m: BpfMap): Promise<string[]> {
  const out: string[] = []
  for await (const [k, v] of m.entries()) {
    const e = decodePolicyEntry('v3', k, 0, v, 0)
    out.push(`${e.identity}/${e.dport}`)
  }
  return out.sort()
}

test('an entry deleted and one added behind the sync\'s back are repaired by the next full read', async (t) => {
  if (skipUnlessBpf(t)) return
  const m = BpfMap.create({type: 'lpm_trie', keySize: POLICY_KEY.size, valueSize: POLICY_ENTRY_V3.size, maxEntries: 64})
  t.after(() => m.close())
  const s = new PolicyMapSync(m, {rereadEvery: 2})
  const policy = [entry(256, 80), entry(257, 443)]
  await s.sync(policy)
  // A foreign writer (`cilium bpf policy delete/add`) changes the map.
  m.delete(encodePolicyKey('v3', entry(257, 443)))
  const stray = entry(999, 22)
  m.update(encodePolicyKey('v3', stray), encodePolicyValue('v3', {...stray, proxyPortPriority: 0, packets: STAT_NOT_AVAILABLE,
    bytes: STAT_NOT_AVAILABLE}))
  assert.deepEqual(await rows(m), ['256/80', '999/22'])
  assert.deepEqual(await s.sync(policy), {written: 0, deleted: 0})  // trusts what it wrote: not yet due
  assert.deepEqual(await s.sync(policy), {written: 1, deleted: 1})  // the second sync since the read reads the map
  assert.deepEqual(await rows(m), ['256/80', '257/443'])
})
