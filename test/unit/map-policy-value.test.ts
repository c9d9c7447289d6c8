/**
 * The value text GET /v1/map/{name} gives a policy map entry: the newest PolicyEntry.String()
 * (pkg/maps/policymap), proxy port then LPM prefix length; precedence, cookie, deny and auth are
 * not part of it.
 */
import assert from 'node:assert/strict'
import {test} from 'node:test'
import {policyKeyString, policyValueString} from '../../src/agent/map-cache.js'
import type {PolicyEntry} from '../../src/policy/entries.js'

const entry = (o: Partial<PolicyEntry>): PolicyEntry => ({identity: 0, egress: false, protocol: 0, dport: 0, prefixLen: 0, deny: false,
  proxyPort: 0, auth: 0, precedence: 1, cookie: 0, ...o})

test('a policy entry\'s value is `<proxy port> <prefix length>`, whatever its precedence, cookie, deny or auth', () => {
  assert.equal(policyValueString(entry({proxyPort: 10000, protocol: 6, dport: 80, prefixLen: 24, precedence: 0xffff, cookie: 7})), '10000 24')
  assert.equal(policyValueString(entry({deny: true, protocol: 17, prefixLen: 8, precedence: 0xffffffff})), '0 8')
  assert.equal(policyValueString(entry({auth: 0x81})), '0 0')
  // A port range block: the key shows the range (newest PortProtoString), the value its prefix length.
  const range = entry({protocol: 6, dport: 8080, prefixLen: 21})
  assert.deepEqual([policyKeyString(range), policyValueString(range)], ['Ingress: 0 8080-8087/TCP', '0 21'])
})
