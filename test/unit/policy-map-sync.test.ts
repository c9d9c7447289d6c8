import assert from 'node:assert/strict'
import {test} from 'node:test'
import {KeyNotFoundError} from '../../src/bpf/errors.js'
import {Precedence, type PolicyEntry} from '../../src/policy/entries.js'
import {type PolicyMapHandle, PolicyMapSync} from '../../src/policy/map-sync.js'
import {decodePolicyEntry, encodePolicyKey, encodePolicyValue, STAT_NOT_AVAILABLE} from '../../src/maps/policy.js'

/** A policy map held in memory, logging every operation (the kernel map's semantics: a batch writes in order and stops at a failure). */
class LoggedMap implements PolicyMapHandle {
  readonly content = new Map<string, Buffer>()
  readonly log: string[] = []
  failUpdatesAfter = Infinity
  async updateBatch(keys: readonly Uint8Array[], values: readonly Uint8Array[]): Promise<void> {
    for (const [i, key] of keys.entries()) {
      if (this.failUpdatesAfter-- <= 0) throw new Error('E2BIG')
      this.log.push(`update ${describe(Buffer.from(key), Buffer.from(values[i]))}`)
      this.content.set(Buffer.from(key).toString('hex'), Buffer.from(values[i]))
    }
  }
  delete(key: Uint8Array): void {
    const k = Buffer.from(key).toString('hex')
    if (!this.content.delete(k)) throw new KeyNotFoundError('map delete')
    this.log.push(`delete ${k}`)
  }
  async *entries(): AsyncIterable<[Buffer, Buffer]> {
    this.log.push('read')
    for (const [k, v] of this.content) yield [Buffer.from(k, 'hex'), v]
  }
}

function describe(key: Buffer, value: Buffer): string {
  const e = decodePolicyEntry('v3', key, 0, value, 0)
  return `${e.deny ? 'deny' : 'allow'} ${e.identity} ${e.protocol}/${e.dport}${e.proxyPort ? ` proxy ${e.proxyPort}` : ''}`
}

const entry = (identity: number, dport: number, extra: Partial<PolicyEntry> = {}): PolicyEntry => ({identity, egress: false,
  protocol: 6, dport, prefixLen: 24, deny: false, proxyPort: 0, auth: 0, precedence: Precedence.allow, cookie: 0, ...extra})

test('first sync reads the map, writes what is new, then deletes what an earlier writer left', async () => {
  const m = new LoggedMap()
  const left = entry(300, 22)
  m.content.set(encodePolicyKey('v3', left).toString('hex'), encodePolicyValue('v3', {...left, proxyPortPriority: 0,
    packets: STAT_NOT_AVAILABLE, bytes: STAT_NOT_AVAILABLE}))
  const r = await new PolicyMapSync(m).sync([entry(256, 80), entry(300, 22)])
  assert.deepEqual(r, {written: 1, deleted: 0}, 'the entry already in the map is not written again')
  assert.deepEqual(m.log, ['read', 'update allow 256 6/80'])
})

test('later syncs write only changed entries, deletes come after every write, and the map is not read again', async () => {
  const m = new LoggedMap()
  const s = new PolicyMapSync(m)
  await s.sync([entry(256, 80), entry(257, 443), entry(258, 53)])
  m.log.length = 0
  const r = await s.sync([entry(256, 80), entry(257, 443, {proxyPort: 10000, precedence: Precedence.redirect}), entry(259, 8080)])
  assert.deepEqual(r, {written: 2, deleted: 1})
  assert.deepEqual(m.log, ['update allow 257 6/443 proxy 10000', 'update allow 259 6/8080', `delete ${encodePolicyKey('v3', entry(258, 53)).toString('hex')}`])
  m.log.length = 0
  assert.deepEqual(await s.sync([entry(256, 80), entry(257, 443, {proxyPort: 10000, precedence: Precedence.redirect}), entry(259, 8080)]),
    {written: 0, deleted: 0})
  assert.deepEqual(m.log, [], 'an unchanged policy costs no map operation')
})

test('a sync that fails part-way makes the next one read the map again; a key already gone is not an error', async () => {
  const m = new LoggedMap()
  const s = new PolicyMapSync(m)
  await s.sync([entry(256, 80), entry(257, 81)])
  m.failUpdatesAfter = 1
  await assert.rejects(s.sync([entry(256, 90), entry(256, 91), entry(256, 92)]), /E2BIG/)
  m.failUpdatesAfter = Infinity
  m.content.delete(encodePolicyKey('v3', entry(257, 81)).toString('hex'))
  m.log.length = 0
  assert.deepEqual(await s.sync([entry(256, 90), entry(256, 91), entry(256, 92)]), {written: 2, deleted: 1})
  assert.equal(m.log[0], 'read')
  assert.deepEqual([...m.content.values()].map((v, i) => describe(Buffer.from([...m.content.keys()][i], 'hex'), v)).sort(),
    ['allow 256 6/90', 'allow 256 6/91', 'allow 256 6/92'])
})

test('every rereadEvery syncs, and after rereadAfterMs, a sync reads the map again and repairs a change made behind its back', async () => {
  const m = new LoggedMap()
  let now = 1_000
  const s = new PolicyMapSync(m, {rereadEvery: 3, rereadAfterMs: 10_000, now: () => now})
  const policy = [entry(256, 80), entry(257, 443)]
  await s.sync(policy)
  m.content.delete(encodePolicyKey('v3', entry(257, 443)).toString('hex'))  // as `cilium bpf policy delete` would
  m.log.length = 0
  assert.deepEqual(await s.sync(policy), {written: 0, deleted: 0}, 'between rereads the sync trusts what it wrote')
  await s.sync(policy)
  assert.deepEqual(m.log, [])
  assert.deepEqual(await s.sync(policy), {written: 1, deleted: 0}, 'the third sync after a read reads again')
  assert.deepEqual(m.log, ['read', 'update allow 257 6/443'])
  m.content.delete(encodePolicyKey('v3', entry(256, 80)).toString('hex'))
  m.log.length = 0
  now += 10_000
  assert.deepEqual(await s.sync(policy), {written: 1, deleted: 0}, 'rereadAfterMs passed')
  assert.deepEqual(m.log, ['read', 'update allow 256 6/80'])
})
