import assert from 'node:assert/strict'
import {test} from 'node:test'
import {type Prefix, parsePrefix, prefixContains, prefixString} from '../../src/identity/cidr.js'
import {buildIpcache, lookupIpcache} from '../../src/identity/ipcache.js'

const p = (t: string): Prefix => parsePrefix(t) as Prefix

test('prefixes: parse, canonical text, containment, Go-worded errors', () => {
  assert.equal(prefixString(p('10.1.2.3/8')), '10.0.0.0/8')
  assert.equal(prefixString(p('2001:db8:0:0::1/64')), '2001:db8::/64')
  assert.equal(prefixString(p('::/0')), '::/0')
  assert.equal(prefixContains(p('10.0.0.0/8'), p('10.96.0.0/12')), true)
  assert.equal(prefixContains(p('10.96.0.0/12'), p('10.0.0.0/8')), false)
  assert.equal(prefixContains(p('0.0.0.0/0'), p('::/0')), false)
  assert.equal(parsePrefix('10.0.0.0/33'), 'netip.ParsePrefix("10.0.0.0/33"): bad bits after slash: "33"')
  assert.equal(parsePrefix('10.0.0.1'), 'netip.ParsePrefix("10.0.0.1"): no \'/\'')
  assert.deepEqual(parsePrefix('10.0.0.1', true), p('10.0.0.1/32'))
})

test('ipcache rows from endpoints, CIDR identities and host IPs, longest prefix first', () => {
  const rows = buildIpcache({
    endpoints: [{ips: ['10.200.0.12', 'fd00::12'], identity: 256, namespace: 'default', name: 'web'}],
    cidrIdentities: [{prefix: p('10.0.0.0/8'), identity: 16777217}, {prefix: p('10.96.0.0/12'), identity: 16777218}],
    hostIps: ['10.200.0.1'],
  })
  assert.deepEqual(rows.map((r) => [r.cidr, r.identity, r.prefixLen]), [
    ['10.200.0.1/32', 1, 32], ['10.200.0.12/32', 256, 32], ['10.96.0.0/12', 16777218, 12], ['10.0.0.0/8', 16777217, 8],
    ['fd00::12/128', 256, 128]])
  assert.deepEqual(rows[1].metadata, {source: 'custom-resource', namespace: 'default', name: 'web'})
  assert.equal(lookupIpcache(rows, '10.200.0.12'), 256)
  assert.equal(lookupIpcache(rows, '10.97.1.1'), 16777218)
  assert.equal(lookupIpcache(rows, '10.1.1.1'), 16777217)
  assert.equal(lookupIpcache(rows, '192.0.2.1'), 2, 'nothing matches: world')
})
