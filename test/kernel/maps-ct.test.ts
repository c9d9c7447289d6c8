import assert from 'node:assert/strict'
import {test} from 'node:test'
import {encodeCt} from '../../src/maps/ct.js'
import {parseIp} from '../../src/maps/text.js'
import {skipUnlessBpf} from '../helpers/kernel.js'
import {assertLines, be16, bpffs, bytes, cilium, ip4, le16, le32, le64, pinned} from './maps-support.js'

// cilium.md §2.4, written out: ipv4_ct_tuple (14, packed) 0 be32 daddr · 4 be32 saddr · 8 be16 dport · 10 be16 sport ·
// 12 u8 nexthdr · 13 u8 flags; ipv6_ct_tuple (38): 0 daddr[16] · 16 saddr[16] · 32 be16 dport · 34 be16 sport · 36 · 37.
const tuple4 = (daddr: string, saddr: string, dport: number, sport: number, proto: number, flags: number) =>
  bytes(14, ip4(daddr), ip4(saddr), be16(dport), be16(sport), [proto, flags])
const ip6 = (s: string) => [...parseIp(s)!]
const tuple6 = (daddr: string, saddr: string, dport: number, sport: number, proto: number, flags: number) =>
  bytes(38, ip6(daddr), ip6(saddr), be16(dport), be16(sport), [proto, flags])
// ct_entry 1.16+ (56): 0 u64 reserved0 · 8 u64 backend_id · 16 u64 packets · 24 u64 bytes · 32 u32 lifetime · 36 u16 flags ·
// 38 be16 rev_nat_index · 40 be16 nat_port · 42 u8 tx_flags_seen · 43 u8 rx_flags_seen · 44 u32 src_sec_id ·
// 48 u32 last_tx_report · 52 u32 last_rx_report.
interface V2 { backend: number; packets: number; bytes: number; lifetime: number; flags: number; revNat: number; tx: number; rx: number
  src: number; lastTx: number; lastRx: number }
const entryV2 = (e: V2) => bytes(56, le64(0), le64(e.backend), le64(e.packets), le64(e.bytes), le32(e.lifetime), le16(e.flags),
  be16(e.revNat), le16(0), [e.tx, e.rx], le32(e.src), le32(e.lastTx), le32(e.lastRx))
// ct_entry ≤1.15 (56): 0 rx_packets · 8 rx_bytes · 16 tx_packets · 24 tx_bytes · 32 lifetime · 36 flags · 38 rev_nat ·
// 40 u16 ifindex · 42 tx_flags_seen · 43 rx_flags_seen · 44 src_sec_id · 48 last_tx_report · 52 last_rx_report.
const entryV1 = (rxP: number, rxB: number, txP: number, txB: number, lifetime: number, flags: number, revNat: number, ifindex: number,
  tx: number, rx: number, src: number, lastTx: number, lastRx: number) =>
  bytes(56, le64(rxP), le64(rxB), le64(txP), le64(txB), le32(lifetime), le16(flags), be16(revNat), le16(ifindex), [tx, rx],
    le32(src), le32(lastTx), le32(lastRx))

/**
 * The text of Go's MarshalIndent of a one-entry [{Key, Value}] dump: the two addresses as
 * byte arrays first in Key, then the other fields in order.
 */
function ctJson(daddr: number[], saddr: number[], key: Array<[string, number]>, value: Array<[string, number]>,
  union0?: number[]): string[] {
  const addr = (name: string, values: number[]) =>
    [`      "${name}": [`, ...values.map((b, i) => `        ${b}${i < values.length - 1 ? ',' : ''}`), '      ],']
  const fields = (list: Array<[string, number]>) => list.map(([n, v], i) => `      "${n}": ${v}${i < list.length - 1 ? ',' : ''}`)
  return ['[', '  {', '    "Key": {', ...addr('DestAddr', daddr), ...addr('SourceAddr', saddr), ...fields(key),
    '    },', '    "Value": {', ...(union0 ? addr('Union0', union0) : []), ...fields(value), '    }', '  }', ']']
}

const ctSpec = (keySize: number) => ({type: 'lru_hash' as const, keySize, valueSize: 56, maxEntries: 4096})

test('bpf ct list global: the two real lines of issue #40820 (IPv6, 1.16+ entry), with the newest NatPort field', async (t) => {
  if (skipUnlessBpf(t)) return
  const [root, globals] = bpffs(t)
  pinned(t, globals, 'cilium_ct4_global', ctSpec(14))
  pinned(t, globals, 'cilium_ct_any4_global', ctSpec(14))
  const ct6 = pinned(t, globals, 'cilium_ct6_global', ctSpec(38))
  ct6.update(tuple6('2a00:23c8:bcb:5101:cce4:dbf7:957:33a4', 'fd85:ee78:d8a6:8607::1:fe5', 8000, 47224, 6, 1),
    entryV2({backend: 0, packets: 0, bytes: 0, lifetime: 26562518, flags: 0x13, revNat: 0, tx: 0x1b, rx: 0x1b, src: 10,
      lastTx: 26562514, lastRx: 26562514}))
  const ct6any = pinned(t, globals, 'cilium_ct_any6_global', ctSpec(38))
  // A service entry as the datapath stores it: daddr the service address, ports swapped (dport the client's).
  ct6any.update(tuple6('2a03:3f40:88:1::24', '2603:8080:c0f0:d2e0:99f2:9195:c043:304f', 44564, 80, 6, 4),
    entryV2({backend: 98, packets: 0, bytes: 0, lifetime: 26806933, flags: 0x13, revNat: 218, tx: 0x1b, rx: 0, src: 0,
      lastTx: 26806929, lastRx: 0}))
  const r = await cilium(root, ['bpf', 'ct', 'list', 'global'])
  assert.equal(r.status, 0, r.stderr)
  assert.equal(r.stderr, '')
  // Each map's dump is followed by an empty line: two empty IPv4 maps, then the two IPv6 ones.
  assertLines(r.stdout, ['', '',
    'TCP IN 2a00:23c8:bcb:5101:cce4:dbf7:957:33a4:47224 -> fd85:ee78:d8a6:8607::1:fe5:8000 expires=26562518 Packets=0 Bytes=0 RxFlagsSeen=0x1b LastRxReport=26562514 TxFlagsSeen=0x1b LastTxReport=26562514 Flags=0x0013 [ RxClosing TxClosing SeenNonSyn ] RevNAT=0 SourceSecurityID=10 BackendID=0 NatPort=0 ',
    '',
    'TCP SVC 2603:8080:c0f0:d2e0:99f2:9195:c043:304f:44564 -> 2a03:3f40:88:1::24:80 expires=26806933 Packets=0 Bytes=0 RxFlagsSeen=0x00 LastRxReport=0 TxFlagsSeen=0x1b LastTxReport=26806929 Flags=0x0013 [ RxClosing TxClosing SeenNonSyn ] RevNAT=218 SourceSecurityID=0 BackendID=98 NatPort=0 ',
    ''])
})

test('bpf ct list: IPv4, related/unknown flags, skipped nexthdr 0, -o json, per-endpoint maps, flush', async (t) => {
  if (skipUnlessBpf(t)) return
  const [root, globals] = bpffs(t)
  const ct4 = pinned(t, globals, 'cilium_ct4_global', ctSpec(14))
  ct4.update(tuple4('10.0.0.2', '10.0.0.1', 80, 40960, 6, 0),
    entryV2({backend: 0, packets: 5, bytes: 320, lifetime: 10000, flags: 0x0200 | 0x0040, revNat: 3, tx: 0x12, rx: 0, src: 257,
      lastTx: 9999, lastRx: 0}))
  ct4.update(tuple4('10.0.0.9', '10.0.0.8', 0, 0, 0, 0), entryV2({backend: 0, packets: 0, bytes: 0, lifetime: 0, flags: 0, revNat: 0,
    tx: 0, rx: 0, src: 0, lastTx: 0, lastRx: 0}))
  const any4 = pinned(t, globals, 'cilium_ct_any4_global', ctSpec(14))
  any4.update(tuple4('192.168.1.1', '192.168.1.2', 53, 33000, 17, 1 | 2),
    entryV2({backend: 0, packets: 1, bytes: 64, lifetime: 60, flags: 0, revNat: 0, tx: 0, rx: 0, src: 2, lastTx: 0, lastRx: 0}))
  const r = await cilium(root, ['bpf', 'ct', 'list', 'global'])
  assert.equal(r.status, 0, r.stderr)
  assertLines(r.stdout, [
    'TCP OUT 10.0.0.2:40960 -> 10.0.0.1:80 expires=10000 Packets=5 Bytes=320 RxFlagsSeen=0x00 LastRxReport=0 TxFlagsSeen=0x12 LastTxReport=9999 Flags=0x0240 [ ProxyRedirect ] RevNAT=3 SourceSecurityID=257 BackendID=0 NatPort=0 ',
    '',
    'UDP IN 192.168.1.1:33000 -> 192.168.1.2:53 related expires=60 Packets=1 Bytes=64 RxFlagsSeen=0x00 LastRxReport=0 TxFlagsSeen=0x00 LastTxReport=0 Flags=0x0000 [ ] RevNAT=0 SourceSecurityID=2 BackendID=0 NatPort=0 ',
    '',
  ])
  const j = JSON.parse((await cilium(root, ['bpf', 'ct', 'list', 'global', '-o', 'json'])).stdout) as Array<{Key: Record<string, unknown>; Value: Record<string, unknown>}>
  const udp = j.find((e) => e.Key.NextHeader === 17)!
  assert.deepEqual(udp.Key, {DestAddr: [192, 168, 1, 1], SourceAddr: [192, 168, 1, 2], DestPort: 0x3500, SourcePort: 0xe880,
    NextHeader: 17, Flags: 3})
  assert.equal(udp.Value.SourceSecurityID, 2)
  assert.equal(j.length, 3)
  // Per-endpoint maps print only the address the tuple keeps, then the ports.
  const ep = pinned(t, globals, 'cilium_ct4_00123', ctSpec(14))
  ep.update(tuple4('10.0.0.5', '0.0.0.0', 8080, 51000, 6, 0), entryV2({backend: 0, packets: 0, bytes: 0, lifetime: 5, flags: 0,
    revNat: 0, tx: 0, rx: 0, src: 0, lastTx: 0, lastRx: 0}))
  const e = await cilium(root, ['bpf', 'ct', 'list', 'endpoint', '123'])
  assert.equal(e.status, 0)
  assert.equal(e.stdout.split('\n')[0], 'TCP OUT 10.0.0.5 8080:51000 expires=5 Packets=0 Bytes=0 RxFlagsSeen=0x00 LastRxReport=0 TxFlagsSeen=0x00 LastTxReport=0 Flags=0x0000 [ ] RevNAT=0 SourceSecurityID=0 BackendID=0 NatPort=0 ')
  assert.match(e.stderr, /^Unable to open .*\/cilium_ct_any4_00123: no such file or directory: please try using "cilium bpf ct list global". Skipping.$/m)
  assert.deepEqual(await cilium(root, ['bpf', 'ct', 'list', 'cluster']), {stdout: '', stderr: 'Error: Invalid argument: unknown type cluster\n', status: 1})
  const f = await cilium(root, ['bpf', 'ct', 'flush', 'global'])
  assertLines(f.stdout, [`Flushed 2 entries from ${globals}/cilium_ct4_global`, `Flushed 1 entries from ${globals}/cilium_ct_any4_global`])
  assert.equal((await cilium(root, ['bpf', 'ct', 'list', 'global'])).stdout, '\n\n')
})

test('bpf ct list: a ≤1.15 node (hash policy maps) is read with the old entry and printed in the old format', async (t) => {
  if (skipUnlessBpf(t)) return
  const [root, globals] = bpffs(t)
  pinned(t, globals, 'cilium_policy_00001', {type: 'hash', keySize: 8, valueSize: 24, maxEntries: 16})
  const ct4 = pinned(t, globals, 'cilium_ct4_global', ctSpec(14))
  pinned(t, globals, 'cilium_ct_any4_global', ctSpec(14))
  ct4.update(tuple4('10.1.0.1', '10.1.0.2', 443, 50000, 6, 4),
    entryV1(2, 120, 3, 180, 21600, 0x0010, 7, 12, 0x1a, 0x12, 256, 100, 101))
  const r = await cilium(root, ['bpf', 'ct', 'list', 'global'])
  assert.equal(r.status, 0, r.stderr)
  assertLines(r.stdout, [
    'TCP OUT 10.1.0.1:50000 -> 10.1.0.2:443 service expires=21600 RxPackets=2 RxBytes=120 RxFlagsSeen=0x12 LastRxReport=101 TxPackets=3 TxBytes=180 TxFlagsSeen=0x1a LastTxReport=100 Flags=0x0010 [ SeenNonSyn ] RevNAT=7 SourceSecurityID=256 IfIndex=12 ',
    '', ''])
  // -o json: the ≤1.15 CtEntry's Go field names; ports and RevNAT as the stored network-order u16 read in host order.
  assertLines((await cilium(root, ['bpf', 'ct', 'list', 'global', '-o', 'json'])).stdout, ctJson([10, 1, 0, 1], [10, 1, 0, 2],
    [['DestPort', 47873], ['SourcePort', 20675], ['NextHeader', 6], ['Flags', 4]],
    [['RxPackets', 2], ['RxBytes', 120], ['TxPackets', 3], ['TxBytes', 180], ['Lifetime', 21600], ['Flags', 16], ['RevNAT', 1792],
      ['IfIndex', 12], ['TxFlagsSeen', 26], ['RxFlagsSeen', 18], ['SourceSecurityID', 256], ['LastTxReport', 100], ['LastRxReport', 101]]))
})

test('bpf ct list -o json: the newest CtEntry (Union0 [reserved, backend id], NatPort), line by line', async (t) => {
  if (skipUnlessBpf(t)) return
  const [root, globals] = bpffs(t)
  pinned(t, globals, 'cilium_ct4_global', ctSpec(14)).update(tuple4('10.0.0.2', '10.0.0.1', 80, 40960, 6, 1),
    entryV2({backend: 4, packets: 9, bytes: 900, lifetime: 77, flags: 3, revNat: 5, tx: 2, rx: 0x12, src: 300, lastTx: 70, lastRx: 71}))
  pinned(t, globals, 'cilium_ct_any4_global', ctSpec(14))
  assertLines((await cilium(root, ['bpf', 'ct', 'list', 'global', '-o', 'json'])).stdout, ctJson([10, 0, 0, 2], [10, 0, 0, 1],
    [['DestPort', 20480], ['SourcePort', 160], ['NextHeader', 6], ['Flags', 1]],
    [['Packets', 9], ['Bytes', 900], ['Lifetime', 77], ['Flags', 3], ['RevNAT', 1280],
      ['NatPort', 0], ['TxFlagsSeen', 2], ['RxFlagsSeen', 18], ['SourceSecurityID', 300], ['LastTxReport', 70], ['LastRxReport', 71]],
    [0, 4]))
})

test('bpf ct list: an entry written with our encoder reads back as the same line', async (t) => {
  if (skipUnlessBpf(t)) return
  const [root, globals] = bpffs(t)
  const ct4 = pinned(t, globals, 'cilium_ct4_global', ctSpec(14))
  pinned(t, globals, 'cilium_ct_any4_global', ctSpec(14))
  const [k, v] = encodeCt({ipv6: false, daddr: Buffer.from([10, 0, 0, 2]), saddr: Buffer.from([10, 0, 0, 1]), dport: 80,
    sport: 40960, nexthdr: 6, tupleFlags: 1, backendId: 4n, packets: 9n, bytes: 900n, lifetime: 77, flags: 0x3, revNat: 5,
    txFlagsSeen: 2, rxFlagsSeen: 0x12, srcSecId: 300, lastTxReport: 70, lastRxReport: 71})
  assert.deepEqual(k, tuple4('10.0.0.2', '10.0.0.1', 80, 40960, 6, 1))
  ct4.update(k, v)
  assert.equal((await cilium(root, ['bpf', 'ct', 'list', 'global'])).stdout.split('\n')[0],
    'TCP IN 10.0.0.2:40960 -> 10.0.0.1:80 expires=77 Packets=9 Bytes=900 RxFlagsSeen=0x12 LastRxReport=71 TxFlagsSeen=0x02 LastTxReport=70 Flags=0x0003 [ RxClosing TxClosing ] RevNAT=5 SourceSecurityID=300 BackendID=4 NatPort=0 ')
})

test('bpf ct list: a conntrack map of unknown sizes is an error naming them', async (t) => {
  if (skipUnlessBpf(t)) return
  const [root, globals] = bpffs(t)
  pinned(t, globals, 'cilium_ct4_global', {type: 'lru_hash', keySize: 14, valueSize: 64, maxEntries: 16})
  const r = await cilium(root, ['bpf', 'ct', 'list', 'global'])
  assert.equal(r.status, 1)
  assert.match(r.stderr, /^Error: .*cilium_ct4_global: unknown ct4 map layout: lru_hash, key 14 bytes, value 64 bytes/)
})
