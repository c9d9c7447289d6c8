/**
 * The text GET /v1/map/{name} gives a global conntrack entry dumped from the kernel, as the newest
 * Cilium prints it: CtKey4Global/CtKey6Global.String() with the ports as stored (network order read
 * as a host u16) and CtEntry.String() (the CLI's entry text, which ends in NatPort and ` \n`).
 */
import assert from 'node:assert/strict'
import {test} from 'node:test'
import {ctMapEntryText} from '../../src/agent/map-cache.js'
import {mapEntriesText} from '../../src/api/format.js'
import {CT_ENTRY_V2, type CtEntry, encodeCt} from '../../src/maps/ct.js'

const ct = (o: Partial<CtEntry>): CtEntry => ({ipv6: false, daddr: Buffer.from([10, 0, 0, 2]), saddr: Buffer.from([10, 0, 0, 1]), dport: 80,
  sport: 40000, nexthdr: 6, tupleFlags: 1, backendId: 0n, packets: 5n, bytes: 300n, lifetime: 1234, flags: 0x13, revNat: 258,
  txFlagsSeen: 0x1b, rxFlagsSeen: 0x12, srcSecId: 257, lastTxReport: 9999, lastRxReport: 9998, ...o})

function text(e: CtEntry, natPort = 0) {
  const [k, v] = encodeCt(e)
  v.writeUInt16BE(natPort, CT_ENTRY_V2.nat_port)
  return ctMapEntryText(e.ipv6, k, 0, v, 0)
}

test('an IPv4 entry: `<saddr>:<sport> --> <daddr>:<dport>, <nexthdr>, <flags>` with stored ports; the entry text ends in NatPort', () => {
  // 40000 is 9c 40 on the wire, 16540 read as a little-endian u16; 80 (00 50) reads 20480.
  assert.deepEqual(text(ct({}), 8080), {key: '10.0.0.1:16540 --> 10.0.0.2:20480, 6, 1',
    value: 'expires=1234 Packets=5 Bytes=300 RxFlagsSeen=0x12 LastRxReport=9998 TxFlagsSeen=0x1b LastTxReport=9999 '
      + 'Flags=0x0013 [ RxClosing TxClosing SeenNonSyn ] RevNAT=258 SourceSecurityID=257 BackendID=0 NatPort=8080 \n'})
})

test('an IPv6 entry puts its addresses in brackets; a key without a protocol still has its entry text', () => {
  const v6 = ct({ipv6: true, saddr: Buffer.from('f00d0000000000000000000000000001', 'hex'), daddr: Buffer.from('f00d0000000000000000000000000002', 'hex'),
    nexthdr: 17, tupleFlags: 0, backendId: 7n, flags: 0})
  assert.deepEqual(text(v6), {key: '[f00d::1]:16540 --> [f00d::2]:20480, 17, 0',
    value: 'expires=1234 Packets=5 Bytes=300 RxFlagsSeen=0x12 LastRxReport=9998 TxFlagsSeen=0x1b LastTxReport=9999 '
      + 'Flags=0x0000 [ ] RevNAT=258 SourceSecurityID=257 BackendID=7 NatPort=0 \n'})
  const none = text(ct({nexthdr: 0, tupleFlags: 0, sport: 0, dport: 0}))
  assert.equal(none.key, '10.0.0.1:0 --> 10.0.0.2:0, 0, 0')
  assert.match(none.value ?? '', /^expires=1234 Packets=5 .* NatPort=0 \n$/)
})

test('`cilium map get` of a CT map: the value\'s own newline ends the row, the State and Error cells follow on a line of spaces (Go\'s tabwriter)', () => {
  // What cilium-dbg's printMapEntries writes for these two entries, taken from Go 1.x text/tabwriter.
  const text = mapEntriesText({path: '/sys/fs/bpf/tc/globals/cilium_ct4_global', cache: [
    {key: '192.0.2.1:16540 --> 192.0.2.2:20480, 6, 0', value: 'expires=4242 Packets=3 Flags=0x0000 [ ] NatPort=0 \n'},
    {key: '10.0.0.1:1 --> 10.0.0.2:2, 17, 1', value: 'expires=1 Packets=1 NatPort=0 \n'}]})
  assert.equal(text, [
    'Key                                         Value   State   Error',
    '192.0.2.1:16540 --> 192.0.2.2:20480, 6, 0   expires=4242 Packets=3 Flags=0x0000 [ ] NatPort=0 ',
    ' '.repeat(49),
    '10.0.0.1:1 --> 10.0.0.2:2, 17, 1            expires=1 Packets=1 NatPort=0 ',
    ' '.repeat(49),
    ''].join('\n'))
})
