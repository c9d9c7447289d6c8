import assert from 'node:assert/strict'
import {mkdtempSync, readFileSync, rmSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {test} from 'node:test'
import {FileIdentityStore, IdentityAllocator, MemoryIdentityStore, labelsSHA256} from '../../src/identity/allocator.js'
import {parsePrefix, type Prefix} from '../../src/identity/cidr.js'
import {parseLabels} from '../../src/identity/labels.js'
import {LocalIdentityFlag, clusterIdentityRange, identityString, isLocalIdentity} from '../../src/identity/reserved.js'

const prefix = (t: string): Prefix => parsePrefix(t) as Prefix

test('reserved identities 0-10 exist from the start with their labels', () => {
  const a = new IdentityAllocator()
  assert.deepEqual(a.get(1)?.labels, ['reserved:host'])
  assert.deepEqual(a.get(2)?.labels, ['reserved:world'])
  assert.deepEqual(a.get(6)?.labels, ['reserved:remote-node'])
  assert.deepEqual(a.get(7)?.labels, ['reserved:kube-apiserver', 'reserved:remote-node'])
  assert.deepEqual(a.get(8)?.labels, ['reserved:ingress'])
  assert.equal(identityString(4), 'health')
  assert.equal(identityString(300), '300')
})

test('endpoints get the lowest free cluster identity from 256; the same labels get the same number', () => {
  const a = new IdentityAllocator()
  const web = a.allocate(parseLabels(['k8s:app=web']))
  const db = a.allocate(parseLabels(['k8s:app=db']))
  assert.equal(web.id, 256)
  assert.equal(db.id, 257)
  // Order of the labels does not matter.
  const x = a.allocate(parseLabels(['k8s:b=2', 'k8s:a=1']))
  assert.equal(a.allocate(parseLabels(['k8s:a=1', 'k8s:b=2'])).id, x.id)
  assert.deepEqual(x.labels, ['k8s:a=1', 'k8s:b=2'])
  assert.equal(x.labelsSHA256, labelsSHA256(['k8s:a=1', 'k8s:b=2']))
  assert.equal(a.refCount(x.id), 2)
})

test('a label set with reserved:host is the host identity; reserved-only sets map to theirs', () => {
  const a = new IdentityAllocator()
  assert.equal(a.allocate(parseLabels(['reserved:host', 'k8s:node-role=worker'])).id, 1)
  assert.equal(a.allocate(parseLabels(['reserved:health'])).id, 4)
  assert.equal(a.allocate(parseLabels(['reserved:world'])).id, 2)
})

test('release frees a number when the last reference goes; the next allocation reuses it', () => {
  const a = new IdentityAllocator()
  const web = a.allocate(parseLabels(['k8s:app=web']))
  a.allocate(parseLabels(['k8s:app=web']))
  assert.equal(a.release(web.id), false)
  assert.equal(a.release(web.id), true)
  assert.equal(a.get(web.id), undefined)
  assert.equal(a.allocate(parseLabels(['k8s:app=other'])).id, 256)
  assert.equal(a.release(1), false, 'reserved identities are never released')
})

test('CIDR identities are local scope (1<<24 | n) with cidr: and reserved:world labels', () => {
  const a = new IdentityAllocator()
  const c = a.allocateCidr(prefix('10.0.0.0/8'))
  assert.equal(c.id, LocalIdentityFlag + 1)
  assert.equal(isLocalIdentity(c.id), true)
  assert.deepEqual(c.labels, ['cidr:10.0.0.0/8', 'reserved:world'])
  const v6 = a.allocateCidr(prefix('2001:db8::/32'))
  assert.deepEqual(v6.labels, ['cidr:2001-db8--/32', 'reserved:world'])
  assert.equal(v6.id, LocalIdentityFlag + 2)
  assert.deepEqual(a.prefixOf(v6.id), prefix('2001:db8::/32'))
})

test('cluster ranges: cluster 0 is 256..65535, cluster c is c<<16..', () => {
  assert.deepEqual(clusterIdentityRange(0), {min: 256, max: 65535})
  assert.deepEqual(clusterIdentityRange(3), {min: 3 << 16, max: (4 << 16) - 1})
  assert.throws(() => clusterIdentityRange(256), /outside 0..255/)
  assert.equal(new IdentityAllocator(new MemoryIdentityStore(), 2).allocate(parseLabels(['k8s:a=b'])).id, 2 << 16)
})

test('allocations persist through the store and come back in a new allocator', (t) => {
  const dir = mkdtempSync(join(tmpdir(), 'ck-identity-'))
  t.after(() => rmSync(dir, {recursive: true, force: true}))
  const path = join(dir, 'identities.json')
  const a = new IdentityAllocator(new FileIdentityStore(path))
  const web = a.allocate(parseLabels(['k8s:app=web']))
  const cidr = a.allocateCidr(prefix('192.0.2.0/24'))
  assert.match(readFileSync(path, 'utf8'), /k8s:app=web/)
  const b = new IdentityAllocator(new FileIdentityStore(path))
  assert.deepEqual(b.get(web.id), web)
  assert.deepEqual(b.get(cidr.id), cidr)
  assert.equal(b.allocate(parseLabels(['k8s:app=db'])).id, 257)
})

test('batch writes the store once, after the last change inside it; outside a batch every change is written', () => {
  const saves: number[] = []
  const store = new MemoryIdentityStore()
  const counting = {load: () => store.load(), save: (s: Parameters<MemoryIdentityStore['save']>[0]) => { saves.push(s.length); store.save(s) }}
  const a = new IdentityAllocator(counting)
  const ids = a.batch(() => {
    const out = ['10.0.0.0/8', '10.1.0.0/16', '10.2.0.0/16'].map((p) => a.allocateCidr(prefix(p)).id)
    a.batch(() => a.release(out[1]))
    assert.deepEqual(saves, [], 'nothing is written inside the batch')
    return out
  })
  assert.deepEqual(saves, [2])
  assert.deepEqual(store.load().map((s) => s.id), [ids[0], ids[2]])
  a.allocate(parseLabels(['k8s:app=web']))
  assert.deepEqual(saves, [2, 3])
  assert.equal(a.batch(() => 'no change'), 'no change')
  assert.deepEqual(saves, [2, 3], 'a batch without changes writes nothing')
})

test('selectable: parsed labels and CIDR prefixes by number, refreshed after a change', () => {
  const a = new IdentityAllocator()
  const web = a.allocate(parseLabels(['k8s:app=web']))
  const cidr = a.allocateCidr(prefix('192.0.2.0/24'))
  const view = a.selectable()
  assert.deepEqual(view.map((i) => i.id), [...Array.from({length: 11}, (_, i) => i), web.id, cidr.id])
  assert.deepEqual(view.find((i) => i.id === web.id), {id: web.id, labels: parseLabels(['k8s:app=web'])})
  assert.deepEqual(view.find((i) => i.id === cidr.id)?.prefix, prefix('192.0.2.0/24'))
  assert.equal(a.selectable(), view, 'unchanged allocator, same view')
  a.release(web.id)
  assert.deepEqual(a.selectable().map((i) => i.id).slice(-1), [cidr.id])
})
