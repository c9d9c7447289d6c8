import assert from 'node:assert/strict'
import {test} from 'node:test'
import {detectGeneration, UnknownLayoutError} from '../../src/maps/generations.js'
import {comparePolicyEntries, decodePolicyEntry, encodePolicyKey, encodePolicyValue, policyEntryJson,
  policyTableText, portProtoString, STAT_NOT_AVAILABLE} from '../../src/maps/policy.js'
import {encodePolicyStatsKey, sumPolicyStats} from '../../src/maps/policystats.js'
import {goJson} from '../../src/maps/json.js'
import {tabwrite} from '../../src/maps/text.js'

// Keys and values written out byte by byte from cilium.md §2.3, not through our encoder.
// v3 key: prefixlen u32 LE · identity u32 LE · flags (bit0 egress) · protocol · dport BE16.
const v3Key = (prefixlen: number, identity: number, egress: number, proto: number, port: number) => Buffer.from([
  prefixlen, 0, 0, 0, identity & 0xff, (identity >> 8) & 0xff, (identity >> 16) & 0xff, identity >>> 24,
  egress, proto, port >> 8, port & 0xff])
// v3 value: proxy_port BE16 · flags (bit0 deny, bits3-7 prefix) · auth · precedence u32 LE · cookie u32 LE.
const v3Value = (proxy: number, flags: number, auth: number, precedence: number, cookie: number) => Buffer.from([
  proxy >> 8, proxy & 0xff, flags, auth, precedence & 0xff, (precedence >> 8) & 0xff, (precedence >> 16) & 0xff,
  precedence >>> 24, cookie, 0, 0, 0])

test('generation detection: every policy layout by type and sizes; unknown sizes name what was seen', () => {
  assert.equal(detectGeneration('policy', {type: 'hash', keySize: 8, valueSize: 24}), 'hash')
  assert.equal(detectGeneration('policy', {type: 'lpm_trie', keySize: 12, valueSize: 24}), 'lpm')
  assert.equal(detectGeneration('policy', {type: 'lpm_trie', keySize: 12, valueSize: 8}), 'v2')
  assert.equal(detectGeneration('policy', {type: 'lpm_trie', keySize: 12, valueSize: 12}), 'v3')
  assert.throws(() => detectGeneration('policy', {type: 'lpm_trie', keySize: 12, valueSize: 16}, '/x/cilium_policy_v9_00001'),
    (err: Error) => err instanceof UnknownLayoutError &&
      err.message === '/x/cilium_policy_v9_00001: unknown policy map layout: lpm_trie, key 12 bytes, value 16 bytes')
  assert.equal(detectGeneration('ipcache', {type: 'lpm_trie', keySize: 24, valueSize: 12}), 'v1')
  assert.equal(detectGeneration('ipcache', {type: 'lpm_trie', keySize: 24, valueSize: 24}), 'v2')
  assert.equal(detectGeneration('lb4Backends', {type: 'hash', keySize: 2, valueSize: 8}), 'v1')
  assert.equal(detectGeneration('lb6Backends', {type: 'hash', keySize: 4, valueSize: 24}), 'v3')
})

test('v3 decode reads every field at its offset and byte order', () => {
  const e = decodePolicyEntry('v3', v3Key(64, 0x01020304, 1, 6, 8080), 0, v3Value(15001, 1 | (24 << 3), 0x81, 7, 9), 0)
  assert.deepEqual({...e}, {prefixLen: 24, identity: 0x01020304, egress: true, protocol: 6, dport: 8080, proxyPort: 15001,
    deny: true, auth: 0x81, precedence: 7, cookie: 9, proxyPortPriority: 0, packets: STAT_NOT_AVAILABLE, bytes: STAT_NOT_AVAILABLE})
})

test('legacy hash entry (1.6 dump in issue #8507): identity 102, port 53/TCP egress, proxy port 44793', () => {
  const key = Buffer.from('6600000000350601', 'hex')
  const value = Buffer.from('aef9000000000000' + '0500000000000000' + '0002000000000000', 'hex')
  const e = decodePolicyEntry('hash', key, 0, value, 0)
  assert.equal(e.identity, 102)
  assert.equal(e.dport, 53)
  assert.equal(e.protocol, 6)
  assert.equal(e.egress, true)
  assert.equal(e.proxyPort, 44793)
  assert.equal(e.packets, 5n)
  assert.equal(e.bytes, 512n)
  assert.equal(portProtoString('hash', e), '53/TCP')
  assert.deepEqual(encodePolicyKey('hash', e), key)
})

test('PORT/PROTO by prefix length, newest and 1.16 spellings', () => {
  const at = (p: number, proto: number, port: number) => decodePolicyEntry('v3', v3Key(40 + p, 0, 0, proto, port), 0, v3Value(0, 0, 0, 0, 0), 0)
  assert.equal(portProtoString('v3', at(0, 0, 0)), 'ANY')
  assert.equal(portProtoString('v3', at(8, 17, 0)), 'UDP')
  assert.equal(portProtoString('v3', at(20, 6, 8080)), '8080-8095/TCP')
  assert.equal(portProtoString('lpm', at(20, 6, 8080)), '0x1f90/12/TCP')
  assert.equal(portProtoString('v3', at(24, 132, 443)), '443/SCTP')
  assert.equal(portProtoString('v3', at(25, 6, 1)), '<INVALID PREFIX LENGTH: 25>')
  assert.equal(portProtoString('v3', at(24, 99, 1)), '1/99')
})

test('sort: deny first, then ingress before egress, then identity ascending', () => {
  const mk = (deny: boolean, egress: boolean, identity: number) =>
    decodePolicyEntry('v3', v3Key(40, identity, egress ? 1 : 0, 0, 0), 0, v3Value(0, deny ? 1 : 0, 0, 0, 0), 0)
  const sorted = [mk(false, true, 1), mk(false, false, 300), mk(true, true, 5), mk(false, false, 2), mk(true, false, 9)]
    .sort(comparePolicyEntries).map((e) => `${e.deny ? 'D' : 'A'}${e.egress ? 'E' : 'I'}${e.identity}`)
  assert.deepEqual(sorted, ['DI9', 'DE5', 'AI2', 'AI300', 'AE1'])
})

test('policy table: labels one per line, reserved:unknown as ANY, numbers when unresolved, trailing padding', () => {
  const entries = [
    decodePolicyEntry('v3', v3Key(40, 0, 0, 0, 0), 0, v3Value(0, 0, 0, 0, 0), 0),
    decodePolicyEntry('v3', v3Key(64, 256, 0, 6, 80), 0, v3Value(0, 24 << 3, 0, 0, 3), 0),
    decodePolicyEntry('v3', v3Key(40, 7, 1, 0, 0), 0, v3Value(0, 0, 0, 0, 0), 0),
  ].sort(comparePolicyEntries)
  entries[1].packets = 10n
  entries[1].bytes = 1000n
  const labels = new Map<number, string[]>([[0, ['reserved:unknown']], [7, ['reserved:kube-apiserver', 'reserved:remote-node']]])
  assert.equal(tabwrite(policyTableText('v3', entries, false, (id) => labels.get(id))),
    'POLICY   DIRECTION   LABELS (source:key[=value])   PORT/PROTO   PROXY PORT   AUTH TYPE   BYTES   PACKETS   PREFIX   COOKIE   \n' +
    'Allow    Ingress     ANY                           ANY          NONE         disabled    -       -         0        0        \n' +
    'Allow    Ingress     256                           80/TCP       NONE         disabled    1000    10        24       3        \n' +
    'Allow    Egress      reserved:kube-apiserver       ANY          NONE         disabled    -       -         0        0        \n' +
    '                     reserved:remote-node                                                                                    \n')
  // The 1.18 sysdump header with -n (cilium.md §1.1) has no COOKIE column.
  assert.equal(tabwrite(policyTableText('v2', [], true, () => undefined)),
    'POLICY   DIRECTION   IDENTITY   PORT/PROTO   PROXY PORT   AUTH TYPE   BYTES   PACKETS   PREFIX   \n')
})

test('encoders write the bytes the decoders read, per generation', () => {
  for (const gen of ['lpm', 'v2', 'v3'] as const) {
    const e = decodePolicyEntry(gen, v3Key(64, 4242, 1, 17, 53), 0,
      gen === 'v3' ? v3Value(15000, 1 | (24 << 3), 1, 0xffffffff, 11) : gen === 'v2'
        ? Buffer.from([0x3a, 0x98, 1 | (24 << 3), 1, 0, 0, 0, 0]) : Buffer.concat([Buffer.from([0x3a, 0x98, 1, 1, 0, 0, 0, 0]), Buffer.alloc(16)]), 0)
    const again = decodePolicyEntry(gen, encodePolicyKey(gen, e), 0, encodePolicyValue(gen, e), 0)
    assert.deepEqual(again, gen === 'v2' || gen === 'v3' ? e : {...e, packets: 0n, bytes: 0n})
  }
})

test('policy JSON keeps Go field names, network-order ports and exact u64 counters', () => {
  const e = decodePolicyEntry('v3', v3Key(64, 256, 1, 6, 80), 0, v3Value(8080, 24 << 3, 0, 0, 0), 0)
  assert.equal(goJson([policyEntryJson('v3', e)]), `[
  {
    "ProxyPortNetwork": 36895,
    "Flags": 192,
    "AuthRequirement": 0,
    "Precedence": 0,
    "Cookie": 0,
    "Packets": 18446744073709551615,
    "Bytes": 18446744073709551615,
    "Key": {
      "Prefixlen": 64,
      "Identity": 256,
      "TrafficDirection": 1,
      "Nexthdr": 6,
      "DestPortNetwork": 20480
    }
  }
]
`)
})

test('policy stats key zeroes wildcarded port bits; per-CPU values are summed', () => {
  const e = decodePolicyEntry('v3', v3Key(40 + 20, 300, 1, 6, 8081), 0, v3Value(0, 0, 0, 0, 0), 0)
  // endpoint 123 LE · pad · prefix 20 · identity 300 LE · egress · TCP · 8080 BE (low 4 port bits masked).
  assert.deepEqual([...encodePolicyStatsKey(123, e)], [123, 0, 0, 20, 0x2c, 1, 0, 0, 1, 6, 0x1f, 0x90])
  const perCpu = Buffer.alloc(32)
  perCpu.writeBigUInt64LE(3n, 0); perCpu.writeBigUInt64LE(300n, 8); perCpu.writeBigUInt64LE(4n, 16); perCpu.writeBigUInt64LE(400n, 24)
  assert.deepEqual(sumPolicyStats(perCpu), {packets: 7n, bytes: 700n})
})
