import assert from 'node:assert/strict'
import {readFileSync} from 'node:fs'
import {join} from 'node:path'
import {test} from 'node:test'
import {encodeEgress4} from '../../src/maps/egress.js'
import {encodeFrag4} from '../../src/maps/frag.js'
import {encodeIpMasqKey} from '../../src/maps/ipmasq.js'
import {encodeThrottle} from '../../src/maps/bandwidth.js'
import {encodeRuntimeConfigIndex} from '../../src/maps/runtime-config.js'
import {encodeVtep} from '../../src/maps/vtep.js'
import {parseIp} from '../../src/maps/text.js'
import {run} from '../helpers/cli.js'
import {skipUnlessBpf} from '../helpers/kernel.js'
import {assertLines, be16, bin, bpffs, bytes, cilium, ip4, le16, le32, le64, pinned, zeros} from './maps-support.js'

/*
 * The `bpf` listings added after the first families (cilium.md §1.4, §1.6, §1.7): each map
 * created with Cilium's type and sizes, entries composed byte by byte from the layout, the
 * command's text and JSON compared line by line, then an entry written through our encoder.
 */

const ip6 = (s: string) => [...parseIp(s)!]
const be32 = (n: number): number[] => [(n >>> 24) & 0xff, (n >> 16) & 0xff, (n >> 8) & 0xff, n & 0xff]

test('bpf bandwidth list: rates as bits/s quantities sorted as strings, -o json the dump map; empty, missing', async (t) => {
  if (skipUnlessBpf(t)) return
  const [root, globals] = bpffs(t)
  const missing = await cilium(root, ['bpf', 'bandwidth', 'list'])
  assert.deepEqual(missing, {stdout: '', stderr: 'bandwidth manager not enabled', status: 1})
  const m = pinned(t, globals, 'cilium_throttle', {type: 'hash', keySize: 8, valueSize: 56, maxEntries: 1024, flags: 1})
  assert.deepEqual(await cilium(root, ['bpf', 'bandwidth', 'list']), {stdout: '', stderr: 'No entries found.\n', status: 0})
  assert.deepEqual(await cilium(root, ['bpf', 'bandwidth', 'list', '-o', 'json']), {stdout: '{}\n', stderr: '', status: 0})
  // edt_id (8): u32 id · u8 direction (1 ingress) · pad[3]. edt_info (56): u64 bps (bytes/s) · u64 t_last ·
  // u64 t_horizon_drop · u32 prio · u32 pad · u64 pad[3].
  const info = (bps: number, prio: number) => bytes(56, le64(bps), le64(0), le64(2_000_000_000), le32(prio), le32(0), zeros(24))
  m.update(bytes(8, le32(1234), [0], zeros(3)), info(10_000_000, 0))
  m.update(bytes(8, le32(1234), [1], zeros(3)), info(125_000, 3))
  // The 1.9-1.16 key, a u64 endpoint ID: the same bytes for an ID below 2^32 (direction 0, egress).
  m.update(bytes(8, le64(77)), info(1500, 0))
  assertLines((await cilium(root, ['bpf', 'bandwidth', 'list'])).stdout, [
    'IDENTITY   DIRECTION   PRIO   BANDWIDTH (BitsPerSec)',
    '1234       Egress      0      80M',
    '1234       Ingress     3      1M',
    '77         Egress      0      12k',
  ])
  assertLines((await cilium(root, ['bpf', 'bandwidth', 'list', '-o', 'json'])).stdout, [
    '{', '  "1234, 0": [', '    "10000000, 0"', '  ],', '  "1234, 1": [', '    "125000, 3"', '  ],',
    '  "77, 0": [', '    "1500, 0"', '  ]', '}'])
  m.update(...encodeThrottle({id: 9, direction: 1, bps: 1_250_000_000n, prio: 1}))
  assert.match((await cilium(root, ['bpf', 'bandwidth', 'list'])).stdout, /\n9 +Ingress +1 +10G\n$/)
})

test('bpf config list: AgentLiveness then UTimeOffset, -o json; no map is a note and exit 0; a failed stdout is one line', async (t) => {
  if (skipUnlessBpf(t)) return
  const [root, globals] = bpffs(t)
  assert.deepEqual(await cilium(root, ['bpf', 'config', 'list']), {stdout: '', stderr: 'Cannot find config bpf map\n', status: 0})
  const m = pinned(t, globals, 'cilium_runtime_config', {type: 'array', keySize: 4, valueSize: 8, maxEntries: 256})
  // ARRAY u32 index → u64: 0 UTimeOffset, 1 AgentLiveness.
  m.update(bytes(4, le32(0)), bytes(8, le64(1_234_567_890_123)))
  m.update(bytes(4, le32(1)), bytes(8, le64(42)))
  assertLines((await cilium(root, ['bpf', 'config', 'list'])).stdout, [
    'KEY             VALUE',
    'AgentLiveness   42',
    'UTimeOffset     1234567890123',
  ])
  assertLines((await cilium(root, ['bpf', 'config', 'ls', '-o', 'json'])).stdout, ['[',
    '  {', '    "Key": "AgentLiveness",', '    "Value": 42', '  },',
    '  {', '    "Key": "UTimeOffset",', '    "Value": 1234567890123', '  }', ']'])
  m.update(encodeRuntimeConfigIndex(1), Buffer.from(new BigUint64Array([2n ** 64n - 1n]).buffer))
  assert.match((await cilium(root, ['bpf', 'config', 'list'])).stdout, /^AgentLiveness {3}18446744073709551615$/m)
  // The listings fail a write as hubble observe does: Go's words, exit 1.
  const full = await run('bash', ['-c', '"$0" "$1" bpf config list --bpffs "$2" > /dev/full', process.execPath, bin, root])
  assert.deepEqual(full, {code: 1, stdout: '', stderr: 'Error: write /dev/stdout: no space left on device\n'})
})

test('bpf egress list: IPv4 and IPv6 policies with the special gateways, -o json; missing maps, empty map', async (t) => {
  if (skipUnlessBpf(t)) return
  const [root, globals] = bpffs(t)
  assert.deepEqual(await cilium(root, ['bpf', 'egress', 'list']),
    {stdout: '', stderr: 'Cannot find egress gateway bpf maps\n', status: 0})
  const m4 = pinned(t, globals, 'cilium_egress_gw_policy_v4', {type: 'lpm_trie', keySize: 12, valueSize: 8, maxEntries: 1024})
  assert.deepEqual(await cilium(root, ['bpf', 'egress', 'list']), {stdout: '', stderr: 'No entries found.\n', status: 0})
  assert.deepEqual(await cilium(root, ['bpf', 'egress', 'list', '-o', 'json']), {stdout: '[]\n', stderr: '', status: 0})
  // Key (12): u32 prefixlen (32 source bits + the CIDR's) · be32 saddr · be32 daddr. Value (8): be32 egress_ip · be32 gateway_ip.
  m4.update(bytes(12, le32(32 + 16), ip4('10.0.1.5'), ip4('192.168.0.0')), bytes(8, ip4('172.18.0.10'), ip4('172.18.0.2')))
  m4.update(bytes(12, le32(32 + 12), ip4('10.0.1.5'), ip4('10.96.0.0')), bytes(8, ip4('0.0.0.0'), ip4('0.0.0.1')))
  m4.update(...encodeEgress4(Buffer.from(ip4('10.0.1.7')), Buffer.from(ip4('0.0.0.0')), 0, Buffer.from(ip4('172.18.0.10')),
    Buffer.from(ip4('0.0.0.0'))))
  // v6 key (36): u32 prefixlen · saddr[16] · daddr[16]. Value (32): egress_ip[16] · be32 gateway_ip · u32 reserved[3].
  const m6 = pinned(t, globals, 'cilium_egress_gw_policy_v6', {type: 'lpm_trie', keySize: 36, valueSize: 32, maxEntries: 1024})
  m6.update(bytes(36, le32(128 + 64), ip6('fd00::5'), ip6('fd00:10::')), bytes(32, ip6('fd00::a'), ip4('172.18.0.2'), zeros(12)))
  assertLines((await cilium(root, ['bpf', 'egress', 'list'])).stdout, [
    'Source IP   Destination CIDR   Egress IP     Gateway IP',
    '10.0.1.5    10.96.0.0/12       0.0.0.0       Excluded CIDR',
    '10.0.1.5    192.168.0.0/16     172.18.0.10   172.18.0.2',
    '10.0.1.7    0.0.0.0/0          172.18.0.10   Not Found',
    'fd00::5     fd00:10::/64       fd00::a       172.18.0.2',
  ])
  const row = (s: string, d: string, e: string, g: string, last = false) =>
    ['  {', `    "SourceIP": "${s}",`, `    "DestCIDR": "${d}",`, `    "EgressIP": "${e}",`, `    "GatewayIP": "${g}"`, last ? '  }' : '  },']
  assertLines((await cilium(root, ['bpf', 'egress', 'list', '-o', 'json'])).stdout, ['[',
    ...row('10.0.1.5', '10.96.0.0/12', '0.0.0.0', 'Excluded CIDR'), ...row('10.0.1.5', '192.168.0.0/16', '172.18.0.10', '172.18.0.2'),
    ...row('10.0.1.7', '0.0.0.0/0', '172.18.0.10', 'Not Found'), ...row('fd00::5', 'fd00:10::/64', 'fd00::a', '172.18.0.2', true), ']'])
})

test('bpf frag list: IPv4 and IPv6 fragments (ID in host order, ports as cilium-dbg reads them), -o json; missing maps', async (t) => {
  if (skipUnlessBpf(t)) return
  const [root, globals] = bpffs(t)
  const skipped = 'IPv4 map doesn\'t exist, skipping\nIPv6 map doesn\'t exist, skipping\n'
  assert.deepEqual(await cilium(root, ['bpf', 'frag', 'list']), {stdout: '', stderr: `${skipped}No entries found.\n`, status: 0})
  assert.deepEqual(await cilium(root, ['bpf', 'frag', 'list', '-o', 'json']), {stdout: 'null\n', stderr: skipped, status: 0})
  // ipv4_frag_id (12): be32 daddr · be32 saddr · be16 id · u8 proto · u8 pad. l4ports (4): be16 sport · be16 dport.
  const m4 = pinned(t, globals, 'cilium_ipv4_frag_datagrams', {type: 'lru_hash', keySize: 12, valueSize: 4, maxEntries: 1024})
  m4.update(bytes(12, ip4('10.0.0.2'), ip4('10.0.0.1'), be16(0x1234), [17, 0]), bytes(4, be16(53), be16(40000)))
  // ipv6_frag_id (40): be32 id · u8 proto · pad[3] · saddr[16] · daddr[16].
  const m6 = pinned(t, globals, 'cilium_ipv6_frag_datagrams', {type: 'lru_hash', keySize: 40, valueSize: 4, maxEntries: 1024})
  m6.update(bytes(40, be32(0xabcdef), [6], zeros(3), ip6('fd00::1'), ip6('fd00::2')), bytes(4, be16(443), be16(8080)))
  // cilium-dbg prints the __be16 ports as host-order integers: 53 (00 35) shows as 13568, 40000 as 16540,
  // 443 as 47873, 8080 as 36895. It brackets only the IPv6 destination.
  assertLines((await cilium(root, ['bpf', 'frag', 'list'])).stdout, [
    'ID         PROTO   SOURCE ADDRESS:PORT   DEST ADDRESS:PORT',
    '4660       UDP     10.0.0.1:13568        10.0.0.2:16540',
    '11259375   TCP     fd00::1:47873         [fd00::2]:36895',
  ])
  assertLines((await cilium(root, ['bpf', 'frag', 'list', '-o', 'json'])).stdout, ['[',
    '  {', '    "ID": 4660,', '    "Proto": 17,', '    "SourceAddress": "10.0.0.1:13568",', '    "DestAddress": "10.0.0.2:16540"', '  },',
    '  {', '    "ID": 11259375,', '    "Proto": 6,', '    "SourceAddress": "fd00::1:47873",', '    "DestAddress": "[fd00::2]:36895"', '  }',
    ']'])
  m4.update(...encodeFrag4(Buffer.from(ip4('10.0.0.3')), Buffer.from(ip4('10.0.0.4')), 1, 6, 53, 40000))
  assert.match((await cilium(root, ['bpf', 'frag', 'list'])).stdout, /^1 +TCP +10\.0\.0\.3:13568 +10\.0\.0\.4:16540$/m)
})

test('bpf vtep list: the TablePrinter with upper-case MACs, -o json; empty and missing map', async (t) => {
  if (skipUnlessBpf(t)) return
  const [root, globals] = bpffs(t)
  const missing = await cilium(root, ['bpf', 'vtep', 'list'])
  assert.equal(missing.status, 1)
  assert.equal(missing.stderr, `error dumping contents of map: loading pinned map ${join(globals, 'cilium_vtep_map')}: no such file or directory\n`)
  const m = pinned(t, globals, 'cilium_vtep_map', {type: 'hash', keySize: 4, valueSize: 16, maxEntries: 8})
  assert.deepEqual(await cilium(root, ['bpf', 'vtep', 'list']), {stdout: '', stderr: 'No entries found.\n', status: 0})
  // vtep_key (4): be32 vtep_ip. vtep_value (16): mac_t (MAC in the first 6 bytes of a u64) · be32 tunnel_endpoint · pad.
  m.update(bytes(4, ip4('10.1.1.0')), bytes(16, [0x82, 0x36, 0x4c, 0x98, 0x2e, 0x56], zeros(2), ip4('10.169.72.236'), zeros(4)))
  const value = 'vtepmac=82:36:4C:98:2E:56 tunnelendpoint=10.169.72.236'
  assertLines((await cilium(root, ['bpf', 'vtep', 'list'])).stdout, [
    'IP PREFIX/ADDRESS   VTEP',
    `10.1.1.0            ${value.padEnd(value.length + 3)}`,
  ])
  assertLines((await cilium(root, ['bpf', 'vtep', 'ls', '-o', 'json'])).stdout, ['{', '  "10.1.1.0": [', `    "${value}"`, '  ]', '}'])
  m.update(...encodeVtep(Buffer.from(ip4('10.2.0.0')), '0a:0b:0c:0d:0e:0f', Buffer.from(ip4('10.0.0.9'))))
  assert.match((await cilium(root, ['bpf', 'vtep', 'list'])).stdout, /^10\.2\.0\.0 +vtepmac=0A:0B:0C:0D:0E:0F tunnelendpoint=10\.0\.0\.9 +$/m)
})

test('bpf ipmasq list: IPv4 and IPv6 CIDRs under an empty title, -o json as Go marshals netip.Prefix; missing maps add nothing', async (t) => {
  if (skipUnlessBpf(t)) return
  const [root, globals] = bpffs(t)
  // cilium-dbg skips a map that is not pinned (OpenIPMasqBPFMap), so none at all lists nothing.
  assert.deepEqual(await cilium(root, ['bpf', 'ipmasq', 'list']), {stdout: '', stderr: 'No entries found.\n', status: 0})
  assert.deepEqual(await cilium(root, ['bpf', 'ipmasq', 'list', '-o', 'json']), {stdout: '[]\n', stderr: '', status: 0})
  // lpm_v4_key (8): u32 prefixlen · be32 addr; lpm_v6_key (20): u32 prefixlen · addr[16]; value: one unused byte.
  const m4 = pinned(t, globals, 'cilium_ipmasq_v4', {type: 'lpm_trie', keySize: 8, valueSize: 1, maxEntries: 1024})
  assert.deepEqual(await cilium(root, ['bpf', 'ipmasq', 'list']), {stdout: '', stderr: 'No entries found.\n', status: 0})
  assert.deepEqual(await cilium(root, ['bpf', 'ipmasq', 'list', '-o', 'json']), {stdout: '[]\n', stderr: '', status: 0})
  m4.update(bytes(8, le32(16), ip4('192.168.0.0')), bytes(1, [0]))
  m4.update(encodeIpMasqKey(Buffer.from(ip4('10.0.0.0')), 8), bytes(1, [0]))
  const m6 = pinned(t, globals, 'cilium_ipmasq_v6', {type: 'lpm_trie', keySize: 20, valueSize: 1, maxEntries: 1024})
  m6.update(bytes(20, le32(16), ip6('fd00::')), bytes(1, [0]))
  // The header's one cell is padded to the key column (20); each row's empty value cell to the minimum width (5).
  assertLines((await cilium(root, ['bpf', 'ipmasq', 'list'])).stdout, [
    'IP PREFIX/ADDRESS   ',
    '10.0.0.0/8'.padEnd(25),
    '192.168.0.0/16'.padEnd(25),
    'fd00::/16'.padEnd(25),
  ])
  assertLines((await cilium(root, ['bpf', 'ipmasq', 'list', '-o', 'json'])).stdout,
    ['[', '  "10.0.0.0/8",', '  "192.168.0.0/16",', '  "fd00::/16"', ']'])
})

test('bpf fs show: the first bpf mount of the CLI\'s /proc/self/mountinfo, table and -o json', async (t) => {
  if (skipUnlessBpf(t)) return
  bpffs(t)
  const show = (...args: string[]) => run(process.execPath, [bin, 'bpf', 'fs', 'show', ...args], {env: {...process.env, NO_COLOR: '1'}})
  const r = await show()
  assert.equal(r.code, 0, r.stderr)
  // Other tests may mount and unmount bpffs meanwhile: check the mount it names against this
  // namespace's mountinfo (same namespace as the CLI) rather than assume which one comes first.
  const id = /^MountID: +(\d+)$/m.exec(r.stdout)?.[1]
  const line = readFileSync('/proc/self/mountinfo', 'utf8').split('\n').find((l) => l.startsWith(`${id} `))
  assert.ok(line, `mount ${id} is in /proc/self/mountinfo`)
  const [left, right] = line.split(' - ')
  const [mountId, parentId, , , point, options, ...optional] = left.split(' ')
  const [type, source, superOptions] = right.split(' ')
  assert.equal(type, 'bpf')
  const pad = (k: string) => `${k}:`.padEnd(18)  // the longest name, FilesystemType:, is 15 wide; + padding 3
  assertLines(r.stdout, [`${pad('MountID')}${mountId}`, `${pad('ParentID')}${parentId}`, `${pad('Mounted State')}true`,
    `${pad('MountPoint')}${point}`, `${pad('MountOptions')}${options}`, `${pad('OptionFields')}[${optional.join(' ')}]`,
    `${pad('FilesystemType')}bpf`, `${pad('MountSource')}${source}`, `${pad('SuperOptions')}${superOptions}`])
  const json = JSON.parse((await show('-o', 'json')).stdout) as Record<string, unknown>
  assert.equal(json.FilesystemType, 'bpf')
  assert.deepEqual(Object.keys(json), ['MountID', 'ParentID', 'StDev', 'Root', 'MountPoint', 'MountOptions', 'OptionalFields',
    'FilesystemType', 'MountSource', 'SuperOptions'])
})

test('bpf metrics|auth|nat flush: every entry deleted, the real messages; missing maps', async (t) => {
  if (skipUnlessBpf(t)) return
  const [root, globals] = bpffs(t)
  const metricsPath = join(globals, 'cilium_metrics')
  assert.deepEqual(await cilium(root, ['bpf', 'metrics', 'flush']), {stdout: '',
    stderr: `error loading BPF metrics map: unable to open ${metricsPath}: no such file or directory\n`, status: 1})
  assert.deepEqual(await cilium(root, ['bpf', 'auth', 'flush']), {stdout: '', stderr: 'Cannot find auth bpf map\n', status: 0})
  const natPath = join(globals, 'cilium_snat_v4_external')
  assert.deepEqual(await cilium(root, ['bpf', 'nat', 'flush']),
    {stdout: '', stderr: `Unable to open ${natPath}: no such file or directory. Skipping.\n`, status: 0})

  const metrics = pinned(t, globals, 'cilium_metrics', {type: 'percpu_hash', keySize: 8, valueSize: 16, maxEntries: 1024})
  const perCpu = () => Array.from({length: metrics.possibleCpus}, () => bytes(16, le64(1), le64(60)))
  metrics.update(bytes(8, [133, 1], le16(100), [2], zeros(3)), perCpu())
  metrics.update(bytes(8, [0, 2], le16(0), [0], zeros(3)), perCpu())
  assert.deepEqual(await cilium(root, ['bpf', 'metrics', 'flush']), {stdout: '', stderr: '', status: 0})
  assertLines((await cilium(root, ['bpf', 'metrics', 'list'])).stdout, ['REASON   DIRECTION   PACKETS   BYTES   '])

  const auth = pinned(t, globals, 'cilium_auth_map', {type: 'hash', keySize: 12, valueSize: 8, maxEntries: 1024, flags: 1})
  auth.update(bytes(12, le32(256), le32(300), le16(0), [1, 0]), bytes(8, le64(1)))
  auth.update(bytes(12, le32(256), le32(301), le16(4), [2, 0]), bytes(8, le64(2)))
  assert.deepEqual(await cilium(root, ['bpf', 'auth', 'flush']), {stdout: 'Flushed 2 entries\n', stderr: '', status: 0})
  assert.deepEqual(await cilium(root, ['bpf', 'auth', 'list']), {stdout: '', stderr: 'No entries found.\n', status: 0})

  const nat = pinned(t, globals, 'cilium_snat_v4_external', {type: 'lru_hash', keySize: 14, valueSize: 40, maxEntries: 64})
  nat.update(bytes(14, ip4('1.1.1.1'), ip4('10.0.1.5'), be16(80), be16(33388), [6, 0]),
    bytes(40, le64(1), le64(0), zeros(16), ip4('192.168.64.2'), be16(33388), zeros(2)))
  assert.deepEqual(await cilium(root, ['bpf', 'nat', 'flush']), {stdout: `Flushed 1 entries from ${natPath}\n`, stderr: '', status: 0})
  assert.deepEqual(await cilium(root, ['bpf', 'nat', 'list']), {stdout: '', stderr: '', status: 0})
})
