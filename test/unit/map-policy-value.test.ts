/**
 * The text GET /v1/map/{name} gives a policy map entry dumped from the kernel: the newest
 * PolicyKey.String() (direction, identity, PortProtoString) and PolicyEntry.String() (proxy port
 * then the prefix length held in the value's flags; precedence, cookie, deny and auth are not
 * part of it), from the bytes of a cilium_policy_v3_ key and value.
 */
import assert from 'node:assert/strict'
import {test} from 'node:test'
import {policyMapEntryText} from '../../src/agent/map-cache.js'
import {encodePolicyKey, encodePolicyValue, type PolicyEntry, STAT_NOT_AVAILABLE} from '../../src/maps/policy.js'

const entry = (o: Partial<PolicyEntry>): PolicyEntry => ({identity: 0, egress: false, protocol: 0, dport: 0, prefixLen: 0, deny: false,
  proxyPort: 0, auth: 0, precedence: 1, cookie: 0, proxyPortPriority: 0, packets: STAT_NOT_AVAILABLE, bytes: STAT_NOT_AVAILABLE, ...o})

/** The text of `e` written as a v3 key and value; `valuePrefix` writes another prefix length into the value. */
function text(e: PolicyEntry, valuePrefix = e.prefixLen) {
  return policyMapEntryText('v3', encodePolicyKey('v3', e), 0, encodePolicyValue('v3', {...e, prefixLen: valuePrefix}), 0)
}

test('a policy map entry reads `<Ingress|Egress>: <identity> <port/proto>` => `<proxy port> <prefix length>`', () => {
  assert.deepEqual(text(entry({identity: 257, egress: true, protocol: 6, dport: 80, prefixLen: 24})), {key: 'Egress: 257 80/TCP', value: '0 24'})
  assert.deepEqual(text(entry({})), {key: 'Ingress: 0 ANY', value: '0 0'})
  assert.deepEqual(text(entry({identity: 2, protocol: 17, prefixLen: 8, deny: true, precedence: 0xffffffff})), {key: 'Ingress: 2 UDP', value: '0 8'})
  assert.deepEqual(text(entry({identity: 3, proxyPort: 10000, protocol: 6, dport: 80, prefixLen: 24, precedence: 0xffff, cookie: 7, auth: 0x81})),
    {key: 'Ingress: 3 80/TCP', value: '10000 24'})
  // A port range block: the key shows the range, the value its prefix length.
  assert.deepEqual(text(entry({protocol: 6, dport: 8080, prefixLen: 21})), {key: 'Ingress: 0 8080-8087/TCP', value: '0 21'})
})

test('the value\'s prefix length is the one in the value\'s flags, not the key\'s (PolicyEntry.String() sees only the value)', () => {
  assert.deepEqual(text(entry({protocol: 6, dport: 80, prefixLen: 24}), 16), {key: 'Ingress: 0 80/TCP', value: '0 16'})
})
