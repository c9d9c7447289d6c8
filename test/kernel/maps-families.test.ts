import assert from 'node:assert/strict'
import {execFileSync} from 'node:child_process'
import {join} from 'node:path'
import {test} from 'node:test'
import {encodeBackend, encodeRevNat, encodeServiceKey, encodeServiceValue} from '../../src/maps/lb.js'
import {encodeIpcacheKey, encodeIpcacheValue} from '../../src/maps/ipcache.js'
import {encodeEndpointInfo, encodeEndpointKey} from '../../src/maps/endpoint.js'
import {encodeMetricsKey, encodeMetricsValue} from '../../src/maps/metrics.js'
import {encodeNat} from '../../src/maps/nat.js'
import {encodeAuth} from '../../src/maps/auth.js'
import {encodeNodeKey, encodeNodeValue} from '../../src/maps/nodeid.js'
import {encodeTunnelKey, encodeTunnelValue} from '../../src/maps/tunnel.js'
import {parseIp} from '../../src/maps/text.js'
import {runCli} from '../helpers/cli.js'
import {skipUnlessBpf} from '../helpers/kernel.js'
import {assertLines, be16, bpffs, bytes, cilium, ip4, le16, le32, le64, pinned, zeros} from './maps-support.js'

const ip6 = (s: string) => [...parseIp(s)!]
const hash = (keySize: number, valueSize: number) => ({type: 'hash' as const, keySize, valueSize, maxEntries: 1024})

// cilium.md §2.6. lb4_key (12): 0 be32 address · 4 be16 dport · 6 u16 backend_slot · 8 u8 proto · 9 u8 scope · 10 pad[2].
const lb4Key = (addr: string, port: number, slot: number, proto: number, scope: number) =>
  bytes(12, ip4(addr), be16(port), le16(slot), [proto, scope], zeros(2))
const lb6Key = (addr: string, port: number, slot: number, proto: number, scope: number) =>
  bytes(24, ip6(addr), be16(port), le16(slot), [proto, scope], zeros(2))
// lb_service (12): 0 u32 backend_id · 4 u16 count · 6 be16 rev_nat_index · 8 u8 flags · 9 u8 flags2 · 10 u16 qcount.
const lbService = (backend: number, count: number, revNat: number, flags: number, flags2: number) =>
  bytes(12, le32(backend), le16(count), be16(revNat), [flags, flags2], le16(0))
// lb4_backend v3 (12): 0 be32 address · 4 be16 port · 6 u8 proto · 7 u8 flags · 8 u16 cluster_id · 10 u8 zone · 11 pad.
const lb4BackendV3 = (addr: string, port: number, proto: number, flags: number) => bytes(12, ip4(addr), be16(port), [proto, flags], le16(0), [0, 0])
// lb6_backend v3 (24): 0 address[16] · 16 be16 port · 18 proto · 19 flags · 20 u16 cluster_id · 22 zone · 23 pad.
const lb6BackendV3 = (addr: string, port: number, proto: number) => bytes(24, ip6(addr), be16(port), [proto, 0], le16(0), [0, 0])

function lbScenario(t: Parameters<typeof bpffs>[0]): [string, string] {
  const [root, globals] = bpffs(t)
  const svc4 = pinned(t, globals, 'cilium_lb4_services_v2', hash(12, 12))
  svc4.update(lb4Key('10.96.0.1', 443, 0, 6, 0), lbService(0, 2, 1, 0x00, 0))
  svc4.update(lb4Key('10.96.0.1', 443, 1, 6, 0), lbService(11, 0, 1, 0, 0))
  svc4.update(lb4Key('10.96.0.1', 443, 2, 6, 0), lbService(12, 0, 1, 0, 0))
  const svc6 = pinned(t, globals, 'cilium_lb6_services_v2', hash(24, 12))
  svc6.update(lb6Key('fd00::10', 80, 0, 0, 1), lbService(0, 1, 2, 0x40 | 0x02, 0x20))
  svc6.update(lb6Key('fd00::10', 80, 1, 0, 1), lbService(13, 0, 2, 0, 0))
  pinned(t, globals, 'cilium_lb4_backends_v3', hash(4, 12)).update(bytes(4, le32(11)), lb4BackendV3('10.0.1.5', 8443, 6, 0))
  pinned(t, globals, 'cilium_lb6_backends_v3', hash(4, 24)).update(bytes(4, le32(13)), lb6BackendV3('fd00::5', 8080, 6))
  // Rev-NAT key: the index as a __be16; value lb4_reverse_nat (packed, 6): be32 address · be16 port.
  pinned(t, globals, 'cilium_lb4_reverse_nat', hash(2, 6)).update(bytes(2, be16(1)), bytes(6, ip4('10.96.0.1'), be16(443)))
  pinned(t, globals, 'cilium_lb6_reverse_nat', hash(2, 18)).update(bytes(2, be16(2)), bytes(18, ip6('fd00::10'), be16(80)))
  return [root, globals]
}

test('bpf lb list: services with their slots, --backends, --revnat, --frontends', async (t) => {
  if (skipUnlessBpf(t)) return
  const [root] = lbScenario(t)
  const r = await cilium(root, ['bpf', 'lb', 'list'])
  assert.equal(r.status, 0, r.stderr)
  // Key column: the longest key (19) + 3; value column: the longest value (43) + 3, trailing spaces included.
  const v = (s: string) => s.padEnd(46)
  assertLines(r.stdout, [
    'SERVICE ADDRESS       BACKEND ADDRESS (REVNAT_ID) (SLOT)',
    '10.96.0.1:443/TCP     ' + v('0.0.0.0:0 (1) (0) [ClusterIP, non-routable]'),
    '                      ' + v('10.0.1.5:8443/TCP (1) (1)'),
    '                      ' + v('backend 12 not found'),
    '[fd00::10]:80/ANY/i   ' + v('[::]:0 (2) (0) [NodePort, two-scopes]'),
    '                      ' + v('[fd00::5]:8080/TCP (2) (1)'),
  ])
  assertLines((await cilium(root, ['bpf', 'lb', 'list', '--backends'])).stdout, [
    'ID   BACKEND ADDRESS (REVNAT_ID) (SLOT)',
    '11   TCP://10.0.1.5:8443    ',
    '13   TCP://[fd00::5]:8080   ',
  ])
  assertLines((await cilium(root, ['bpf', 'lb', 'list', '--revnat'])).stdout, [
    'ID   BACKEND ADDRESS (REVNAT_ID) (SLOT)',
    '1    10.96.0.1:443   ',
    '2    [fd00::10]:80   ',
  ])
  assertLines((await cilium(root, ['bpf', 'lb', 'list', '--frontends'])).stdout, [
    'SERVICE ADDRESS       BACKEND ID',
    '10.96.0.1:443/TCP     0 (1) (0)    ',
    '                      11 (1) (1)   ',
    '                      12 (1) (2)   ',
    '[fd00::10]:80/ANY/i   0 (2) (0)    ',
    '                      13 (2) (1)   ',
  ])
  assertLines((await cilium(root, ['bpf', 'lb', 'list', '-o', 'json'])).stdout, [
    '{',
    '  "10.96.0.1:443/TCP": [',
    '    "0.0.0.0:0 (1) (0) [ClusterIP, non-routable]",',
    '    "10.0.1.5:8443/TCP (1) (1)",',
    '    "backend 12 not found"',
    '  ],',
    '  "[fd00::10]:80/ANY/i": [',
    '    "[::]:0 (2) (0) [NodePort, two-scopes]",',
    '    "[fd00::5]:8080/TCP (2) (1)"',
    '  ]',
    '}',
  ])
})

test('bpf lb list: 1.9 (u16 key) and 1.10-1.13 (v2) backend maps', async (t) => {
  if (skipUnlessBpf(t)) return
  const [root, globals] = bpffs(t)
  // lb4_backend 1.9 (8): be32 address · be16 port · u8 proto · u8 pad; keyed by a u16 ID.
  pinned(t, globals, 'cilium_lb4_backends', hash(2, 8)).update(bytes(2, le16(3)), bytes(8, ip4('10.0.0.3'), be16(80), [6, 0]))
  // lb6_backend v2 (20): address[16] · be16 port · u8 proto · u8 flags; keyed by a u32 ID.
  pinned(t, globals, 'cilium_lb6_backends_v2', hash(4, 20)).update(bytes(4, le32(4)), bytes(20, ip6('fd00::3'), be16(80), [17, 1]))
  assertLines((await cilium(root, ['bpf', 'lb', 'list', '--backends'])).stdout, [
    'ID   BACKEND ADDRESS (REVNAT_ID) (SLOT)',
    '3    TCP://10.0.0.3:80                  ',
    '4    UDP://[fd00::3]:80 [terminating]   ',
  ])
  // -o json: the same map[string][]string the table prints, keyed by backend ID (Go sorts the keys).
  assertLines((await cilium(root, ['bpf', 'lb', 'list', '--backends', '-o', 'json'])).stdout,
    ['{', '  "3": [', '    "TCP://10.0.0.3:80"', '  ],', '  "4": [', '    "UDP://[fd00::3]:80 [terminating]"', '  ]', '}'])
})

test('bpf lb maglev list|get: each service lookup table from the inner map of a hash-of-maps', async (t) => {
  if (skipUnlessBpf(t)) return
  const [root, globals] = bpffs(t)
  const inner = pinned(t, globals, 'ck_maglev_inner', {type: 'array', keySize: 4, valueSize: 4 * 7, maxEntries: 1})
  inner.update(bytes(4, le32(0)), bytes(28, ...[11, 12, 11, 12, 11, 12, 11].map(le32)))
  const outer = join(globals, 'cilium_lb4_maglev')
  execFileSync('bpftool', ['map', 'create', outer, 'type', 'hash_of_maps', 'key', '2', 'value', '4', 'entries', '16',
    'name', 'cilium_lb4_magl', 'inner_map', 'pinned', join(globals, 'ck_maglev_inner')])
  execFileSync('bpftool', ['map', 'update', 'pinned', outer, 'key', 'hex', '01', '00', 'value', 'pinned', join(globals, 'ck_maglev_inner')])
  const expected = ['SVC ID   LOOKUP TABLE', '[1]/v4   11,12,11,12,11,12,11   ']
  assertLines((await cilium(root, ['bpf', 'lb', 'maglev', 'list'])).stdout, expected)
  assertLines((await cilium(root, ['bpf', 'lb', 'maglev', 'get', '1'])).stdout, expected)
  // cilium-dbg prints DumpBackends' map[string][]string: one joined table per "[id]/v4" key.
  assertLines((await cilium(root, ['bpf', 'lb', 'maglev', 'list', '-o', 'json'])).stdout,
    ['{', '  "[1]/v4": [', '    "11,12,11,12,11,12,11"', '  ]', '}'])
  assert.equal((await cilium(root, ['bpf', 'lb', 'maglev', 'get', '2'])).stderr, 'No entries found.\n')
})

test('bpf lb list: the encoder writes what the table reads', async (t) => {
  if (skipUnlessBpf(t)) return
  const [root, globals] = bpffs(t)
  const addr = Buffer.from([10, 96, 0, 10])
  const svc = pinned(t, globals, 'cilium_lb4_services_v2', hash(12, 12))
  svc.update(encodeServiceKey({ipv6: false, address: addr, port: 53, slot: 0, proto: 17, scope: 0}),
    encodeServiceValue({backendId: 0, count: 1, revNat: 9, flags: 0x40, flags2: 0, qcount: 0}))
  svc.update(encodeServiceKey({ipv6: false, address: addr, port: 53, slot: 1, proto: 17, scope: 0}),
    encodeServiceValue({backendId: 21, count: 0, revNat: 9, flags: 0, flags2: 0, qcount: 0}))
  pinned(t, globals, 'cilium_lb4_backends_v3', hash(4, 12)).update(bytes(4, le32(21)),
    encodeBackend({ipv6: false, address: Buffer.from([10, 0, 0, 21]), port: 5353, proto: 17, flags: 0, clusterId: 0, zone: 0}))
  pinned(t, globals, 'cilium_lb4_reverse_nat', hash(2, 6)).update(bytes(2, be16(9)), encodeRevNat(addr, 53))
  assertLines((await cilium(root, ['bpf', 'lb', 'list'])).stdout, [
    'SERVICE ADDRESS    BACKEND ADDRESS (REVNAT_ID) (SLOT)',
    '10.96.0.10:53/UDP   0.0.0.0:0 (9) (0) [ClusterIP]   ',
    '                    10.0.0.21:5353/UDP (9) (1)      ',
  ].map((l, i) => (i === 0 ? 'SERVICE ADDRESS     BACKEND ADDRESS (REVNAT_ID) (SLOT)' : l)))
  assertLines((await cilium(root, ['bpf', 'lb', 'list', '--revnat'])).stdout, ['ID   BACKEND ADDRESS (REVNAT_ID) (SLOT)', '9    10.96.0.10:53   '])
})

// cilium.md §2.7. ipcache key (24): 0 u32 prefixlen (32 + bits) · newest 4 u16 cluster_id · 6 u8 pad · 7 u8 family · 8 ip[16];
// v1: 4 u16 pad · 6 u8 cluster_id · 7 u8 family.
const ipcacheKeyV2 = (ip: number[], bits: number, cluster: number) =>
  bytes(24, le32(32 + bits), le16(cluster), [0, ip.length === 16 ? 2 : 1], ip, zeros(16 - ip.length))
const ipcacheKeyV1 = (ip: number[], bits: number, cluster: number) =>
  bytes(24, le32(32 + bits), le16(0), [cluster, ip.length === 16 ? 2 : 1], ip, zeros(16 - ip.length))
// remote_endpoint_info v2 (24): 0 u32 sec_identity · 4 tunnel_endpoint[16] · 20 u16 pad · 22 u8 key · 23 u8 flags.
const ipcacheValueV2 = (identity: number, tunnel: number[], key: number, flags: number) =>
  bytes(24, le32(identity), tunnel, zeros(16 - tunnel.length), le16(0), [key, flags])
// v1 (12): 0 u32 sec_identity · 4 be32 tunnel_endpoint · 8 u16 node_id · 10 u8 key · 11 u8 flags.
const ipcacheValueV1 = (identity: number, tunnel: string, nodeId: number, key: number) =>
  bytes(12, le32(identity), ip4(tunnel), le16(nodeId), [key, 0])

test('bpf ipcache list|get on cilium_ipcache_v2: prefixes, cluster suffix, flags; longest-prefix match', async (t) => {
  if (skipUnlessBpf(t)) return
  const [root, globals] = bpffs(t)
  const m = pinned(t, globals, 'cilium_ipcache_v2', {type: 'lpm_trie', keySize: 24, valueSize: 24, maxEntries: 512000, flags: 1})
  m.update(ipcacheKeyV2(ip4('10.0.0.0'), 8, 0), ipcacheValueV2(2, [], 0, 0))
  m.update(ipcacheKeyV2(ip4('10.0.1.184'), 32, 0), ipcacheValueV2(256, ip4('192.168.1.2'), 3, 0x02))
  m.update(ipcacheKeyV2(ip6('f00d::1'), 128, 2), ipcacheValueV2(6, ip6('fd00::2'), 0, 0x02 | 0x04 | 0x08))
  const r = await cilium(root, ['bpf', 'ipcache', 'list'])
  assert.equal(r.status, 0, r.stderr)
  const v = (s: string) => s.padEnd(90)  // the longest value (87) + 3
  assertLines(r.stdout, [
    'IP PREFIX/ADDRESS   IDENTITY',
    '10.0.0.0/8          ' + v('identity=2 encryptkey=0 tunnelendpoint=0.0.0.0 flags=<none>'),
    '10.0.1.184/32       ' + v('identity=256 encryptkey=3 tunnelendpoint=192.168.1.2 flags=hastunnel'),
    'f00d::1/128@2       ' + v('identity=6 encryptkey=0 tunnelendpoint=fd00::2 flags=hastunnel,ipv6tunnel,remotecluster'),
  ])
  assert.deepEqual(await cilium(root, ['bpf', 'ipcache', 'get', '10.0.1.184']), {status: 0, stderr: '',
    stdout: '10.0.1.184 maps to identity identity=256 encryptkey=3 tunnelendpoint=192.168.1.2 flags=hastunnel\n'})
  assert.equal((await cilium(root, ['bpf', 'ipcache', 'get', '10.200.3.4'])).stdout,
    '10.200.3.4 maps to identity identity=2 encryptkey=0 tunnelendpoint=0.0.0.0 flags=<none>\n')
  assert.deepEqual(await cilium(root, ['bpf', 'ipcache', 'get', '11.0.0.1']), {status: 1, stderr: '', stdout: '11.0.0.1 does not map to any identity\n'})
  assert.equal((await cilium(root, ['bpf', 'ipcache', 'get', 'nope'])).stderr,
    'Error: Invalid ip address. IP address must be in dotted decimal (192.168.1.1) or IPv6 (feab::f02b) form\n')
  // -o json: Go's MarshalIndent of the map[string][]string, keys sorted, < and > escaped as Go does.
  assertLines((await cilium(root, ['bpf', 'ipcache', 'list', '-o', 'json'])).stdout, [
    '{',
    '  "10.0.0.0/8": [',
    '    "identity=2 encryptkey=0 tunnelendpoint=0.0.0.0 flags=\\u003cnone\\u003e"',
    '  ],',
    '  "10.0.1.184/32": [',
    '    "identity=256 encryptkey=3 tunnelendpoint=192.168.1.2 flags=hastunnel"',
    '  ],',
    '  "f00d::1/128@2": [',
    '    "identity=6 encryptkey=0 tunnelendpoint=fd00::2 flags=hastunnel,ipv6tunnel,remotecluster"',
    '  ]',
    '}',
  ])
})

test('bpf ipcache list on cilium_ipcache_v2: the encoder writes what the table reads', async (t) => {
  if (skipUnlessBpf(t)) return
  const [root, globals] = bpffs(t)
  const m = pinned(t, globals, 'cilium_ipcache_v2', {type: 'lpm_trie', keySize: 24, valueSize: 24, maxEntries: 512000, flags: 1})
  m.update(encodeIpcacheKey('v2', Buffer.from(ip4('10.0.2.0')), 24, 3), encodeIpcacheValue('v2',
    {identity: 16777217, tunnelEndpoint: Buffer.from(ip4('192.168.1.7')), encryptKey: 2, nodeId: 0, flags: 0x02 | 0x08}))
  m.update(encodeIpcacheKey('v2', Buffer.from(ip6('fd00::7')), 128), encodeIpcacheValue('v2',
    {identity: 300, tunnelEndpoint: Buffer.from(ip6('2001:db8::1')), encryptKey: 0, nodeId: 0, flags: 0x01 | 0x04}))
  const v = (text: string) => text.padEnd(90)  // the longest value (87) + 3
  assertLines((await cilium(root, ['bpf', 'ipcache', 'list'])).stdout, [
    'IP PREFIX/ADDRESS   IDENTITY',
    '10.0.2.0/24@3       ' + v('identity=16777217 encryptkey=2 tunnelendpoint=192.168.1.7 flags=hastunnel,remotecluster'),
    'fd00::7/128         ' + v('identity=300 encryptkey=0 tunnelendpoint=2001:db8::1 flags=skiptunnel,ipv6tunnel'),
  ])
})

test('bpf ipcache list on the 1.13-1.18 cilium_ipcache (12-byte value) and the encoder round trip', async (t) => {
  if (skipUnlessBpf(t)) return
  const [root, globals] = bpffs(t)
  const m = pinned(t, globals, 'cilium_ipcache', {type: 'lpm_trie', keySize: 24, valueSize: 12, maxEntries: 512000, flags: 1})
  m.update(ipcacheKeyV1(ip4('10.0.0.7'), 32, 3), ipcacheValueV1(300, '192.168.1.9', 5, 1))
  m.update(encodeIpcacheKey('v1', Buffer.from(ip4('10.0.0.8')), 32),
    encodeIpcacheValue('v1', {identity: 301, tunnelEndpoint: Buffer.from(ip4('192.168.1.10')), encryptKey: 0, nodeId: 6, flags: 0}))
  assertLines((await cilium(root, ['bpf', 'ipcache', 'list'])).stdout, [
    'IP PREFIX/ADDRESS   IDENTITY',
    '10.0.0.7/32@3       identity=300 encryptkey=1 tunnelendpoint=192.168.1.9 nodeid=5    ',
    '10.0.0.8/32         identity=301 encryptkey=0 tunnelendpoint=192.168.1.10 nodeid=6   ',
  ])
  assertLines((await cilium(root, ['bpf', 'ipcache', 'list', '-o', 'json'])).stdout, [
    '{',
    '  "10.0.0.7/32@3": [',
    '    "identity=300 encryptkey=1 tunnelendpoint=192.168.1.9 nodeid=5"',
    '  ],',
    '  "10.0.0.8/32": [',
    '    "identity=301 encryptkey=0 tunnelendpoint=192.168.1.10 nodeid=6"',
    '  ]',
    '}',
  ])
})

// cilium.md §2.8. endpoint_key (20, packed): 0 ip[16] · 16 u8 family · 17 u8 key · 18 u16 cluster_id.
const endpointKey = (ip: string) => bytes(20, ip4(ip), zeros(12), [1, 0], le16(0))
// endpoint_info (48): 0 u32 ifindex · 4 u16 unused · 6 u16 lxc_id · 8 u32 flags · 12 pad · 16 mac (u64) · 24 node_mac · 32 u32 sec_id ·
// 36 u32 parent_ifindex · 40 pad[2].
const endpointInfo = (ifindex: number, lxcId: number, flags: number, mac: number[], nodeMac: number[], secId: number, parent: number) =>
  bytes(48, le32(ifindex), le16(0), le16(lxcId), le32(flags), zeros(4), mac, [0, 0], nodeMac, [0, 0], le32(secId), le32(parent), zeros(8))

test('bpf endpoint list|delete on cilium_lxc', async (t) => {
  if (skipUnlessBpf(t)) return
  const [root, globals] = bpffs(t)
  const m = pinned(t, globals, 'cilium_lxc', hash(20, 48))
  m.update(endpointKey('10.0.1.184'), endpointInfo(12, 1234, 0, [0x0a, 0x1b, 0x2c, 0x3d, 0x4e, 0x5f], [0xfe, 0, 0, 0, 0, 1], 256, 0))
  m.update(endpointKey('10.0.0.1'), endpointInfo(0, 0, 1, zeros(6), zeros(6), 0, 0))
  m.update(encodeEndpointKey(Buffer.from(ip6('f00d::5'))), encodeEndpointInfo({ifindex: 7, lxcId: 77, flags: 0,
    mac: '02:00:00:00:00:07', nodeMac: '02:00:00:00:00:01', secId: 70000, parentIfindex: 3}))
  // %-5d / %-3d pad inside the value; the column is the longest value (113) + 3.
  const v = (s: string) => s.padEnd(116)
  assertLines((await cilium(root, ['bpf', 'endpoint', 'list'])).stdout, [
    'IP ADDRESS     LOCAL ENDPOINT INFO',
    '10.0.0.1:0     ' + v('(localhost)'),
    '10.0.1.184:0   ' + v('id=1234  sec_id=256   flags=0x0000 ifindex=12  mac=0a:1b:2c:3d:4e:5f nodemac=fe:00:00:00:00:01 parent_ifindex=0  '),
    '[f00d::5]:0    ' + v('id=77    sec_id=70000 flags=0x0000 ifindex=7   mac=02:00:00:00:00:07 nodemac=02:00:00:00:00:01 parent_ifindex=3  '),
  ])
  assertLines((await cilium(root, ['bpf', 'endpoint', 'list', '-o', 'json'])).stdout, [
    '{',
    '  "10.0.0.1:0": [',
    '    "(localhost)"',
    '  ],',
    '  "10.0.1.184:0": [',
    '    "id=1234  sec_id=256   flags=0x0000 ifindex=12  mac=0a:1b:2c:3d:4e:5f nodemac=fe:00:00:00:00:01 parent_ifindex=0  "',
    '  ],',
    '  "[f00d::5]:0": [',
    '    "id=77    sec_id=70000 flags=0x0000 ifindex=7   mac=02:00:00:00:00:07 nodemac=02:00:00:00:00:01 parent_ifindex=3  "',
    '  ]',
    '}',
  ])
  assert.deepEqual(await cilium(root, ['bpf', 'endpoint', 'delete', '10.0.1.184']), {stdout: '', stderr: '', status: 0})
  assert.equal((await cilium(root, ['bpf', 'endpoint', 'list'])).stdout.split('\n').length, 4)
  assert.equal((await cilium(root, ['bpf', 'endpoint', 'delete', 'bogus'])).stderr, "Error: Unable to parse IP 'bogus'\n")
  assert.match((await cilium(root, ['bpf', 'endpoint', 'delete', '10.9.9.9'])).stderr, /^Error: Unable to delete endpoint entry: map delete .*: key not found\n$/)
})

test('bpf tunnel list, and `No entries found.` on an empty map', async (t) => {
  if (skipUnlessBpf(t)) return
  const [root, globals] = bpffs(t)
  const m = pinned(t, globals, 'cilium_tunnel_map', hash(20, 20))
  assert.deepEqual(await cilium(root, ['bpf', 'tunnel', 'list']), {stdout: '', stderr: 'No entries found.\n', status: 0})
  // tunnel_key (20): ip[16] · u8 family · u8 cluster_id · u16 pad; tunnel_value (20): ip[16] · u8 family · u8 key · u16 node_id.
  m.update(bytes(20, ip4('10.0.2.0'), zeros(12), [1, 0], zeros(2)), bytes(20, ip4('192.168.1.2'), zeros(12), [1, 0], le16(3)))
  m.update(encodeTunnelKey(Buffer.from(ip4('10.0.3.0'))), encodeTunnelValue(Buffer.from(ip4('192.168.1.3')), 1))
  assertLines((await cilium(root, ['bpf', 'tunnel', 'list'])).stdout, [
    'TUNNEL       VALUE',
    '10.0.2.0:0   192.168.1.2:0   ',
    '10.0.3.0:0   192.168.1.3:1   ',
  ])
  assertLines((await cilium(root, ['bpf', 'tunnel', 'list', '-o', 'json'])).stdout, [
    '{',
    '  "10.0.2.0:0": [',
    '    "192.168.1.2:0"',
    '  ],',
    '  "10.0.3.0:0": [',
    '    "192.168.1.3:1"',
    '  ]',
    '}',
  ])
})

test('bpf metrics list: per-CPU values and line/file rows summed per reason and direction, sorted as the CLI', async (t) => {
  if (skipUnlessBpf(t)) return
  const [root, globals] = bpffs(t)
  const m = pinned(t, globals, 'cilium_metrics', {type: 'percpu_hash', keySize: 8, valueSize: 16, maxEntries: 1024})
  const cpus = m.possibleCpus
  const perCpu = (values: Array<[number, number]>) => Array.from({length: cpus}, (_, c) =>
    c < values.length ? bytes(16, le64(values[c][0]), le64(values[c][1])) : Buffer.alloc(16))
  // metrics_key (8): 0 u8 reason · 1 u8 dir · 2 u16 line · 4 u8 file · 5 reserved[3]. Value per CPU: u64 count · u64 bytes.
  m.update(bytes(8, [133, 1], le16(100), [2], zeros(3)), perCpu(cpus > 1 ? [[2, 120], [1, 60]] : [[3, 180]]))
  m.update(bytes(8, [133, 1], le16(200), [3], zeros(3)), perCpu([[1, 60]]))
  m.update(bytes(8, [0, 2], le16(0), [0], zeros(3)), perCpu([[10, 1000]]))
  m.update(encodeMetricsKey(250, 3), perCpu([[1, 1]]).map((b, c) => (c === 0 ? encodeMetricsValue(1n, 1n) : b)))
  assertLines((await cilium(root, ['bpf', 'metrics', 'list'])).stdout, [
    'REASON          DIRECTION   PACKETS   BYTES   ',
    '250             SERVICE     1         1       ',
    'Policy denied   INGRESS     4         240     ',
    'Success         EGRESS      10        1000    ',
  ])
  const row = (reason: string, direction: string, packets: number, byteCount: number) => ['  {', `    "reason": "${reason}",`,
    `    "direction": "${direction}",`, `    "packets": ${packets},`, `    "bytes": ${byteCount}`]
  assertLines((await cilium(root, ['bpf', 'metrics', 'list', '-o', 'json'])).stdout, ['[',
    ...row('250', 'service', 1, 1), '  },', ...row('Policy denied', 'ingress', 4, 240), '  },',
    ...row('Success', 'egress', 10, 1000), '  }', ']'])
})

test('bpf nat list: OUT entries translate the source, IN entries the destination', async (t) => {
  if (skipUnlessBpf(t)) return
  const [root, globals] = bpffs(t)
  const m = pinned(t, globals, 'cilium_snat_v4_external', {type: 'lru_hash', keySize: 14, valueSize: 40, maxEntries: 1024})
  const nowSec = Number(process.hrtime.bigint() / 1_000_000_000n)
  // Key: the CT tuple, not reversed (0 daddr · 4 saddr · 8 dport · 10 sport · 12 nexthdr · 13 flags).
  // ipv4_nat_entry (40): 0 u64 created · 8 u64 needs_ct · 16 pad · 24 pad · 32 be32 to_addr · 36 be16 to_port · 38 pad.
  m.update(bytes(14, ip4('1.1.1.1'), ip4('10.0.1.5'), be16(80), be16(33388), [6, 0]),
    bytes(40, le64(nowSec - 155), le64(0), zeros(16), ip4('192.168.64.2'), be16(33388), zeros(2)))
  const [k, v] = encodeNat({ipv6: false, daddr: Buffer.from(ip4('192.168.64.2')), saddr: Buffer.from(ip4('1.1.1.1')), dport: 33388,
    sport: 80, nexthdr: 6, tupleFlags: 1, created: BigInt(nowSec - 155), needsCt: true, toAddr: Buffer.from(ip4('10.0.1.5')), toPort: 33388})
  m.update(k, v)
  const r = await cilium(root, ['bpf', 'nat', 'list'])
  assert.equal(r.status, 0, r.stderr)
  // `Created` counts from the clock when the CLI runs: 155 s plus however long this loaded machine took since.
  const ago = Math.round(Number(process.hrtime.bigint() / 1_000_000_000n) - nowSec + 155)
  const lines = r.stdout.trimEnd().split('\n').sort().map((l) => l.replace(/Created=(\d+)sec/, (_, n: string) =>
    `Created=${Math.abs(Number(n) - ago) <= 1 ? '~' : n}sec`))
  assertLines(lines.join('\n') + '\n', [
    'TCP IN 1.1.1.1:80 -> 192.168.64.2:33388 XLATE_DST 10.0.1.5:33388 Created=~sec ago NeedsCT=1',
    'TCP OUT 10.0.1.5:33388 -> 1.1.1.1:80 XLATE_SRC 192.168.64.2:33388 Created=~sec ago NeedsCT=0',
  ])
})

test('bpf auth list: Go time strings in TZ, -o json; without the map or entries the real CLI\'s stderr lines, exit 0', async (t) => {
  if (skipUnlessBpf(t)) return
  const [root, globals] = bpffs(t)
  assert.deepEqual(await cilium(root, ['bpf', 'auth', 'list']), {stdout: '', stderr: 'Cannot find auth bpf map\n', status: 0})
  const m = pinned(t, globals, 'cilium_auth_map', {type: 'hash', keySize: 12, valueSize: 8, maxEntries: 1024, flags: 1})
  assert.deepEqual(await cilium(root, ['bpf', 'auth', 'list']), {stdout: '', stderr: 'No entries found.\n', status: 0})
  assert.deepEqual(await cilium(root, ['bpf', 'auth', 'list', '-o', 'json']), {stdout: 'null\n', stderr: '', status: 0})
  // auth_key (12): u32 local · u32 remote · u16 remote_node_id · u8 auth_type · u8 pad; auth_info: u64 expiration (ns >> 9).
  const ns = 1_795_471_200_000_000_000n  // 2026-11-23 22:00:00 UTC
  m.update(bytes(12, le32(256), le32(300), le16(0), [1, 0]), Buffer.from(new BigUint64Array([ns >> 9n]).buffer))
  const [k, v] = encodeAuth({localIdentity: 256, remoteIdentity: 301, remoteNodeId: 4, authType: 2, expirationNs: ns + 512_000n})
  m.update(k, v)
  assertLines((await cilium(root, ['bpf', 'auth', 'list'], {TZ: 'UTC'})).stdout, [
    'SRC IDENTITY   DST IDENTITY   REMOTE NODE ID   AUTH TYPE          EXPIRATION',
    '256            300            0                spire              2026-11-23 22:00:00 +0000 UTC',
    '256            301            4                test-always-fail   2026-11-23 22:00:00.000512 +0000 UTC',
  ])
  // cilium-dbg's authEntry slice (Go field names), time.Time as RFC 3339 in the local zone.
  const json = await cilium(root, ['bpf', 'auth', 'list', '-o', 'json'], {TZ: 'America/New_York'})
  const entry = (local: number, remote: number, node: number, type: number, expiration: string) => [
    '  {', `    "LocalIdentity": ${local},`, `    "RemoteIdentity": ${remote},`, `    "RemoteNodeID": ${node},`,
    `    "AuthType": ${type},`, `    "Expiration": "${expiration}"`]
  assertLines(json.stdout, ['[',
    ...entry(256, 300, 0, 1, '2026-11-23T17:00:00-05:00'), '  },',
    ...entry(256, 301, 4, 2, '2026-11-23T17:00:00.000512-05:00'), '  }',
    ']'])
})

test('bpf nodeid list on cilium_node_map_v2 and the older cilium_node_map: one row per address, -o json', async (t) => {
  if (skipUnlessBpf(t)) return
  const [root, globals] = bpffs(t)
  assert.deepEqual(await cilium(root, ['bpf', 'nodeid', 'list']), {stdout: '', stderr: 'Cannot find node bpf map\n', status: 0})
  const m = pinned(t, globals, 'cilium_node_map_v2', hash(20, 4))
  assert.deepEqual(await cilium(root, ['bpf', 'nodeid', 'list']), {stdout: '', stderr: 'No entries found.\n', status: 0})
  // node_key (20): u16 pad · u8 pad · u8 family · ip[16]; node_value v2 (4): u16 id · u8 spi · u8 pad.
  m.update(bytes(20, zeros(3), [1], ip4('192.168.1.3'), zeros(12)), bytes(4, le16(5), [3, 0]))
  m.update(bytes(20, zeros(3), [1], ip4('192.168.1.2'), zeros(12)), bytes(4, le16(5), [3, 0]))
  m.update(encodeNodeKey(Buffer.from(ip4('10.0.0.9'))), encodeNodeValue(16, 0))
  assertLines((await cilium(root, ['bpf', 'nodeid', 'list'])).stdout, [
    'NODE ID   IP ADDRESSES   SPI',
    '0x5       192.168.1.2    3',
    '0x5       192.168.1.3    3',
    '0x10      10.0.0.9       0',
  ])
  // cilium-dbg's nodeID slice: its Go field names.
  const node = (id: number, address: string, spi: number) => ['  {', `    "ID": ${id},`, `    "Address": "${address}",`, `    "SPI": ${spi}`]
  assertLines((await cilium(root, ['bpf', 'nodeid', 'list', '-o', 'json'])).stdout, ['[',
    ...node(5, '192.168.1.2', 3), '  },', ...node(5, '192.168.1.3', 3), '  },', ...node(16, '10.0.0.9', 0), '  }', ']'])
  const [root2, globals2] = bpffs(t)
  pinned(t, globals2, 'cilium_node_map', hash(20, 2)).update(bytes(20, zeros(3), [2], ip6('fd00::9')), bytes(2, le16(7)))
  assertLines((await cilium(root2, ['bpf', 'nodeid', 'list'])).stdout, ['NODE ID   IP ADDRESSES   SPI', '0x7       fd00::9        0'])
  assertLines((await cilium(root2, ['bpf', 'nodeid', 'list', '-o', 'json'])).stdout,
    ['[', '  {', '    "ID": 7,', '    "Address": "fd00::9",', '    "SPI": 0', '  }', ']'])
})

test('bpf nat list: IPv6 entries (56-byte value), -o json; CILIUM_BPFFS names the root without the flag', async (t) => {
  if (skipUnlessBpf(t)) return
  const [root, globals] = bpffs(t)
  pinned(t, globals, 'cilium_snat_v4_external', {type: 'lru_hash', keySize: 14, valueSize: 40, maxEntries: 64})
  const m = pinned(t, globals, 'cilium_snat_v6_external', {type: 'lru_hash', keySize: 38, valueSize: 56, maxEntries: 64})
  const nowSec = Number(process.hrtime.bigint() / 1_000_000_000n)
  // ipv6 tuple (38) as the CT one; ipv6_nat_entry (56): 0 created · 8 needs_ct · 16 pad · 24 pad · 32 to_addr[16] · 48 be16 to_port · 50 pad.
  m.update(bytes(38, ip6('2001:db8::1'), ip6('fd00::5'), be16(443), be16(40000), [6, 0]),
    bytes(56, le64(nowSec - 10), le64(1), zeros(16), ip6('2001:db8:dead:beef::2'), be16(40001), zeros(6)))
  const r = (await runCli('cilium', ['bpf', 'nat', 'list'], {env: {...process.env, CILIUM_BPFFS: root}})).stdout
  const created = /^TCP OUT \[fd00::5\]:40000 -> \[2001:db8::1\]:443 XLATE_SRC \[2001:db8:dead:beef::2\]:40001 Created=(\d+)sec ago NeedsCT=1\n$/.exec(r)
  assert.ok(created, r)
  // 10 s before the fill, plus however long this (loaded) machine took since.
  assert.ok(Number(created[1]) >= 10 && Number(created[1]) <= 10 + Number(process.hrtime.bigint() / 1_000_000_000n) - nowSec + 1, r)
  // Go's {Key, Value}: addresses as byte arrays, ports as the stored network-order u16 read in host order.
  const bytesField = (name: string, values: number[], last = false) =>
    [`      "${name}": [`, ...values.map((b, i) => `        ${b}${i < values.length - 1 ? ',' : ''}`), `      ]${last ? '' : ','}`]
  assertLines((await cilium(root, ['bpf', 'nat', 'list', '-o', 'json'])).stdout, [
    '[', '  {', '    "Key": {',
    ...bytesField('DestAddr', ip6('2001:db8::1')), ...bytesField('SourceAddr', ip6('fd00::5')),
    '      "DestPort": 47873,', '      "SourcePort": 16540,', '      "NextHeader": 6,', '      "Flags": 0',
    '    },', '    "Value": {',
    `      "Created": ${nowSec - 10},`, '      "NeedsCT": 1,', ...bytesField('Addr', ip6('2001:db8:dead:beef::2')), '      "Port": 16796',
    '    }', '  }', ']'])
})
