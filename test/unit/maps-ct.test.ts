import assert from 'node:assert/strict'
import {test} from 'node:test'
import {batchOf} from '../../src/maps/batch.js'
import {ctEntryJsonText, formatCtBatch} from '../../src/maps/ct.js'
import {goJson} from '../../src/maps/json.js'

// ipv4_ct_tuple (14): 0 be32 daddr · 4 be32 saddr · 8 be16 dport · 10 be16 sport · 12 nexthdr · 13 flags.
const key = Buffer.from([10, 0, 0, 2, 10, 0, 0, 1, 0x00, 0x50, 0xa0, 0x00, 6, 1])
// ct_entry 1.16+ (56), little-endian except rev_nat_index (be16 at 38).
const value = Buffer.from([
  0, 0, 0, 0, 0, 0, 0, 0, /* reserved0 */ 7, 0, 0, 0, 0, 0, 0, 0, /* backend_id */
  5, 0, 0, 0, 0, 0, 0, 0, /* packets */ 0x40, 1, 0, 0, 0, 0, 0, 0, /* bytes 320 */
  0x10, 0x27, 0, 0, /* lifetime 10000 */ 0x13, 0, /* flags */ 0x01, 0x02, /* rev_nat 258 */ 0x1f, 0x90, /* nat_port 8080 */
  0x1b, 0x12, /* tx, rx flags seen */ 1, 1, 0, 0, /* src_sec_id 257 */ 0x0f, 0x27, 0, 0, /* last_tx 9999 */ 0x0e, 0x27, 0, 0])

test('formatCtBatch: the newest line format, global maps print the tuple swapped back', () => {
  assert.equal(formatCtBatch(batchOf([[key, value]]), {ipv6: false, gen: 'v2', global: true}).toString(), 'TCP IN 10.0.0.2:40960 -> 10.0.0.1:80 expires=10000 Packets=5 Bytes=320 RxFlagsSeen=0x12 LastRxReport=9998 ' +
    'TxFlagsSeen=0x1b LastTxReport=9999 Flags=0x0013 [ RxClosing TxClosing SeenNonSyn ] RevNAT=258 SourceSecurityID=257 BackendID=7 NatPort=8080 \n')
})

test('formatCtBatch: newest flag names (bit 7 DSRInternal) and bit 9 (Reserved1) known but never printed', () => {
  const flagged = Buffer.from(value)
  flagged.writeUInt16LE(0x0080 | 0x0200 | 0x0400 | 0x0800, 36)
  assert.match(formatCtBatch(batchOf([[key, flagged]]), {ipv6: false, gen: 'v2', global: true}).toString(),
    / Flags=0x0e80 \[ DSRInternal FromTunnel Unknown=0x0800 \] /)
  assert.match(formatCtBatch(batchOf([[key, flagged]]), {ipv6: false, gen: 'v1', global: true}).toString(),
    / Flags=0x0e80 \[ DSR AuthRequired FromTunnel Unknown=0x0800 \] /)
})

test('formatCtBatch: a service entry prints `<saddr>:<dport> -> <daddr>:<sport>` (its ports are stored swapped)', () => {
  const svc = Buffer.from(key)
  svc[13] = 4
  assert.match(formatCtBatch(batchOf([[svc, value]]), {ipv6: false, gen: 'v2', global: true}).toString(),
    /^TCP SVC 10\.0\.0\.1:80 -> 10\.0\.0\.2:40960 expires=/)
})

test('formatCtBatch: ≤1.15 entries, service flag, skipped nexthdr 0', () => {
  const svc = Buffer.from(key)
  svc[13] = 4
  const zeroProto = Buffer.from(key)
  zeroProto[12] = 0
  assert.equal(formatCtBatch(batchOf([[svc, value], [zeroProto, value]]), {ipv6: false, gen: 'v1', global: true}).toString(), 'TCP OUT 10.0.0.2:40960 -> 10.0.0.1:80 service expires=10000 RxPackets=0 RxBytes=7 RxFlagsSeen=0x12 ' +
    'LastRxReport=9998 TxPackets=5 TxBytes=320 TxFlagsSeen=0x1b LastTxReport=9999 Flags=0x0013 [ RxClosing TxClosing SeenNonSyn ] ' +
    'RevNAT=258 SourceSecurityID=257 IfIndex=36895 \n') // bytes 40-41: ifindex here, nat_port 8080 in the newest entry
})

test('ctEntryJsonText is exactly Go MarshalIndent of {Key, Value} at the second level', () => {
  const expected = {
    Key: {DestAddr: [10, 0, 0, 2], SourceAddr: [10, 0, 0, 1], DestPort: 0x5000, SourcePort: 0x00a0, NextHeader: 6, Flags: 1},
    Value: {Union0: [0, 7], Packets: 5, Bytes: 320, Lifetime: 10000, Flags: 0x13, RevNAT: 0x0201, NatPort: 0x901f,
      TxFlagsSeen: 0x1b, RxFlagsSeen: 0x12, SourceSecurityID: 257, LastTxReport: 9999, LastRxReport: 9998},
  }
  const go = goJson([expected])
  assert.equal(`[\n${ctEntryJsonText(key, 0, value, 0, {ipv6: false, gen: 'v2'})}\n]\n`, go)
})
