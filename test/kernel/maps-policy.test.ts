import assert from 'node:assert/strict'
import {createServer} from 'node:http'
import {join} from 'node:path'
import {test, type TestContext} from 'node:test'
import {BpfMap} from '../../src/bpf/index.js'
import {decodePolicyEntry, encodePolicyKey, encodePolicyValue, type PolicyGeneration} from '../../src/maps/policy.js'
import {skipUnlessBpf, tempBpffsDir} from '../helpers/kernel.js'
import {assertLines, be16, bpffs, bytes, cilium, le16, le32, le64, pinned, zeros} from './maps-support.js'

// Layouts from cilium.md §2.3, written out here, not taken from src/maps:
// LPM key (12): 0 u32 prefixlen (40 + proto/port prefix) · 4 u32 identity · 8 u8 bit0 egress · 9 u8 proto · 10 be16 dport.
const lpmKey = (p: number, identity: number, egress: number, proto: number, port: number) =>
  bytes(12, le32(40 + p), le32(identity), [egress, proto], be16(port))
// hash key (8, 1.9-1.15): 0 u32 identity · 4 be16 dport · 6 u8 proto · 7 u8 bit0 egress.
const hashKey = (identity: number, egress: number, proto: number, port: number) => bytes(8, le32(identity), be16(port), [proto, egress])
// v3 value (12): 0 be16 proxy_port · 2 u8 {deny:1, reserved:2, prefix:5} · 3 u8 {auth:7, explicit:1} · 4 u32 precedence · 8 u32 cookie.
const v3Value = (proxy: number, deny: number, p: number, auth: number, precedence: number, cookie: number) =>
  bytes(12, be16(proxy), [deny | (p << 3), auth], le32(precedence), le32(cookie))
// v2 value (8): 0 be16 proxy_port · 2 u8 flags (as v3) · 3 u8 auth · 4 u8 proxy_port_priority · 5 u8 pad · 6 u16 pad.
const v2Value = (proxy: number, deny: number, p: number, auth: number) => bytes(8, be16(proxy), [deny | (p << 3), auth, 0, 0], zeros(2))
// 1.9-1.16 value (24): 0 be16 proxy_port · 2 u8 bit0 deny · 3 u8 auth_type · 4 u16 pad · 6 u16 pad · 8 u64 packets · 16 u64 bytes.
const v1Value = (proxy: number, deny: number, auth: number, packets: number, byteCount: number) =>
  bytes(24, be16(proxy), [deny, auth], zeros(4), le64(packets), le64(byteCount))
// cilium_policystats key (12): 0 u16 endpoint · 2 u8 pad · 3 u8 prefix · 4 u32 identity · 8 u8 egress · 9 u8 proto · 10 be16 dport.
const statsKey = (ep: number, p: number, identity: number, egress: number, proto: number, port: number) =>
  bytes(12, le16(ep), [0, p], le32(identity), [egress, proto], be16(port))

const lpmSpec = (valueSize: number) => ({type: 'lpm_trie' as const, keySize: 12, valueSize, maxEntries: 16384, flags: 1})

/** Endpoint 123's v3 map, plus cilium_policystats counters for one entry. */
function v3Scenario(t: TestContext): string {
  const [root, globals] = bpffs(t)
  const m = pinned(t, globals, 'cilium_policy_v3_00123', lpmSpec(12))
  m.update(lpmKey(0, 0, 0, 0, 0), v3Value(0, 0, 0, 0, 0, 0))
  m.update(lpmKey(0, 1, 0, 0, 0), v3Value(0, 0, 0, 0, 0, 0))
  m.update(lpmKey(24, 256, 1, 6, 80), v3Value(15001, 0, 24, 0, 0, 5))
  m.update(lpmKey(20, 300, 0, 6, 8080), v3Value(0, 1, 20, 0, 0xffffffff, 0))
  m.update(lpmKey(24, 7, 1, 17, 53), v3Value(0, 0, 24, 0x81, 0, 0))
  const stats = pinned(t, globals, 'cilium_policystats', {type: 'lru_percpu_hash', keySize: 12, valueSize: 16, maxEntries: 1024})
  const perCpu = Array.from({length: stats.possibleCpus}, (_, cpu) =>
    cpu === 0 ? bytes(16, le64(5), le64(600)) : cpu === 1 ? bytes(16, le64(7), le64(900)) : Buffer.alloc(16))
  stats.update(statsKey(123, 0, 1, 0, 0, 0), perCpu)
  return root
}

const v3Numeric = [
  'POLICY   DIRECTION   IDENTITY   PORT/PROTO      PROXY PORT   AUTH TYPE   BYTES   PACKETS   PREFIX   COOKIE   ',
  'Deny     Ingress     300        8080-8095/TCP   NONE         disabled    -       -         20       0        ',
  'Allow    Ingress     0          ANY             NONE         disabled    -       -         0        0        ',
  'Allow    Ingress     1          ANY             NONE         disabled    1500    12        0        0        ',
  'Allow    Egress      7          53/UDP          NONE         spire       -       -         24       0        ',
  'Allow    Egress      256        80/TCP          15001        disabled    -       -         24       5        ',
]

test('bpf policy get: v3 map (LPM 12 -> 12) with cilium_policystats, -n', async (t) => {
  if (skipUnlessBpf(t)) return
  const root = v3Scenario(t)
  const r = await cilium(root, ['bpf', 'policy', 'get', '123', '-n'])
  assert.equal(r.status, 0, r.stderr)
  assertLines(r.stdout, v3Numeric)
  assert.equal(r.stderr, '')
})

test('bpf policy get: labels for reserved identities, numbers and the real warning when no agent answers', async (t) => {
  if (skipUnlessBpf(t)) return
  const root = v3Scenario(t)
  const r = await cilium(root, ['bpf', 'policy', 'get', '123'])
  assert.equal(r.status, 0, r.stderr)
  assertLines(r.stdout, [
    'POLICY   DIRECTION   LABELS (source:key[=value])   PORT/PROTO      PROXY PORT   AUTH TYPE   BYTES   PACKETS   PREFIX   COOKIE   ',
    'Deny     Ingress     300                           8080-8095/TCP   NONE         disabled    -       -         20       0        ',
    'Allow    Ingress     ANY                           ANY             NONE         disabled    -       -         0        0        ',
    'Allow    Ingress     reserved:host                 ANY             NONE         disabled    1500    12        0        0        ',
    'Allow    Egress      reserved:kube-apiserver       53/UDP          NONE         spire       -       -         24       0        ',
    // Continuation row: empty POLICY (9) and DIRECTION (12), the label in its 30 columns, seven empty cells (77).
    ' '.repeat(21) + 'reserved:remote-node'.padEnd(30) + ' '.repeat(77),
    'Allow    Egress      256                           80/TCP          15001        disabled    -       -         24       5        ',
  ])
  const dial = (id: number) => `Was impossible to retrieve label ID ${id}: Get "http://localhost/v1/identity/${id}": ` +
    'dial unix /nonexistent/cilium.sock: connect: no such file or directory'
  assertLines(r.stderr, [dial(300), dial(256)], 'stderr')
})

test('bpf policy get: identities resolved through the agent API on its unix socket', async (t) => {
  if (skipUnlessBpf(t)) return
  const root = v3Scenario(t)
  const sock = join(tempBpffsDir(t), '..', `ck-agent-${process.pid}.sock`)
  const requests: string[] = []
  const server = createServer((req, res) => {
    requests.push(`${req.method} ${req.url} ${req.headers.host}`)
    if (req.url === '/v1/identity/256') {
      res.setHeader('content-type', 'application/json')
      res.end(JSON.stringify({id: 256, labels: ['k8s:io.kubernetes.pod.namespace=default', 'k8s:app=web']}))
    } else {
      res.statusCode = 404
      res.end()
    }
  })
  await new Promise<void>((resolve) => server.listen(sock, resolve))
  t.after(() => new Promise<void>((resolve) => server.close(() => resolve())))
  const {spawn} = await import('node:child_process')
  const child = spawn(process.execPath, [(await import('./maps-support.js')).bin, 'bpf', 'policy', 'get', '123', '--bpffs', root],
    {env: {...process.env, CILIUM_SOCK: `unix://${sock}`}})
  let stdout = '', stderr = ''
  child.stdout.on('data', (d: Buffer) => { stdout += d })
  child.stderr.on('data', (d: Buffer) => { stderr += d })
  const code = await new Promise<number | null>((resolve) => child.on('close', resolve))
  assert.equal(code, 0, stderr)
  // The label column is now as wide as the longest label (39 + 3).
  assertLines(stdout.split('\n').slice(6, 8).join('\n') + '\n', [
    'Allow    Egress      ' + 'k8s:app=web'.padEnd(42) + '80/TCP          15001        disabled    -       -         24       5        ',
    ' '.repeat(21) + 'k8s:io.kubernetes.pod.namespace=default'.padEnd(42) + ' '.repeat(77),
  ], 'labelled rows')
  assert.deepEqual(requests.sort(), ['GET /v1/identity/256 localhost', 'GET /v1/identity/300 localhost'])
  assertLines(stderr, ['Was impossible to retrieve label ID 300: [GET /identity/{id}][404] getIdentityIdNotFound'], 'stderr')
})

test('bpf policy get: v2 map (LPM 12 -> 8, 1.17-1.18) prints the 1.18 columns, counters from cilium_policystats', async (t) => {
  if (skipUnlessBpf(t)) return
  const [root, globals] = bpffs(t)
  const m = pinned(t, globals, 'cilium_policy_v2_00042', lpmSpec(8))
  m.update(lpmKey(0, 0, 0, 0, 0), v2Value(0, 0, 0, 0))
  m.update(lpmKey(0, 1, 0, 0, 0), v2Value(0, 0, 0, 0))
  m.update(lpmKey(0, 0, 1, 0, 0), v2Value(0, 0, 0, 0))
  const stats = pinned(t, globals, 'cilium_policystats', {type: 'lru_percpu_hash', keySize: 12, valueSize: 16, maxEntries: 1024})
  const oneCpu = (packets: number, byteCount: number) =>
    Array.from({length: stats.possibleCpus}, (_, c) => (c === 0 ? bytes(16, le64(packets), le64(byteCount)) : Buffer.alloc(16)))
  stats.update(statsKey(42, 0, 1, 0, 0, 0), oneCpu(1017, 88487))
  stats.update(statsKey(42, 0, 0, 1, 0, 0), oneCpu(177, 17382))
  // The 1.18.0 sysdump in cilium.md §1.1, byte for byte.
  const r = await cilium(root, ['bpf', 'policy', 'get', '42', '-n'])
  assert.equal(r.status, 0, r.stderr)
  assertLines(r.stdout, [
    'POLICY   DIRECTION   IDENTITY   PORT/PROTO   PROXY PORT   AUTH TYPE   BYTES   PACKETS   PREFIX   ',
    'Allow    Ingress     0          ANY          NONE         disabled    -       -         0        ',
    'Allow    Ingress     1          ANY          NONE         disabled    88487   1017      0        ',
    'Allow    Egress      0          ANY          NONE         disabled    17382   177       0        ',
  ])
})

test('bpf policy get: 1.16 map (LPM 12 -> 24) keeps counters in the entry and prints port ranges as 0x…/bits', async (t) => {
  if (skipUnlessBpf(t)) return
  const [root, globals] = bpffs(t)
  const m = pinned(t, globals, 'cilium_policy_00007', lpmSpec(24))
  m.update(lpmKey(20, 256, 0, 6, 8080), v1Value(0, 0, 0, 3, 180))
  m.update(lpmKey(8, 2, 1, 17, 0), v1Value(0, 1, 0, 0, 0))
  const r = await cilium(root, ['bpf', 'policy', 'get', '7', '-n'])
  assert.equal(r.status, 0, r.stderr)
  assertLines(r.stdout, [
    'POLICY   DIRECTION   IDENTITY   PORT/PROTO      PROXY PORT   AUTH TYPE   BYTES   PACKETS   PREFIX   ',
    'Deny     Egress      2          UDP             NONE         disabled    0       0         8        ',
    'Allow    Ingress     256        0x1f90/12/TCP   NONE         disabled    180     3         20       ',
  ])
})

test('bpf policy get: 1.9-1.15 hash map (8 -> 24), the host endpoint by reserved name', async (t) => {
  if (skipUnlessBpf(t)) return
  const [root, globals] = bpffs(t)
  const m = pinned(t, globals, 'cilium_policy_reserved_1', {type: 'hash', keySize: 8, valueSize: 24, maxEntries: 16384})
  // The 1.6 dump of issue #8507: identity 102, port 53/TCP, egress, proxy port 44793.
  m.update(hashKey(102, 1, 6, 53), v1Value(44793, 0, 0, 12, 1400))
  m.update(hashKey(0, 0, 0, 0), v1Value(0, 0, 1, 0, 0))
  const r = await cilium(root, ['bpf', 'policy', 'get', 'host', '-n'])
  assert.equal(r.status, 0, r.stderr)
  assertLines(r.stdout, [
    'POLICY   DIRECTION   IDENTITY   PORT/PROTO   PROXY PORT   AUTH TYPE   BYTES   PACKETS   ',
    'Allow    Ingress     0          ANY          NONE         spire       0       0         ',
    'Allow    Egress      102        53/TCP       44793        disabled    1400    12        ',
  ])
})

test('bpf policy get --all / list: every map with its header, JSON of all; `no maps found` without any', async (t) => {
  if (skipUnlessBpf(t)) return
  const [root, globals] = bpffs(t)
  assert.deepEqual(await cilium(root, ['bpf', 'policy', 'get', '--all']), {stdout: 'no maps found\n', stderr: '', status: 0})
  const a = pinned(t, globals, 'cilium_policy_v3_00100', lpmSpec(12))
  a.update(lpmKey(24, 0, 0, 6, 443), v3Value(0, 0, 24, 0, 0, 1))
  pinned(t, globals, 'cilium_policy_v3_02000', lpmSpec(12))
  const r = await cilium(root, ['bpf', 'policy', 'list', '-n'])
  assert.equal(r.status, 0, r.stderr)
  assertLines(r.stdout, [
    'Endpoint ID: 100',
    `Path: ${globals}/cilium_policy_v3_00100`,
    '',
    'POLICY   DIRECTION   IDENTITY   PORT/PROTO   PROXY PORT   AUTH TYPE   BYTES   PACKETS   PREFIX   COOKIE   ',
    'Allow    Ingress     0          443/TCP      NONE         disabled    -       -         24       1        ',
    '',
    '',
    'Endpoint ID: 2000',
    `Path: ${globals}/cilium_policy_v3_02000`,
    '',
    'POLICY   DIRECTION   IDENTITY   PORT/PROTO   PROXY PORT   AUTH TYPE   BYTES   PACKETS   PREFIX   COOKIE   ',
    'Policy stats empty. Perhaps the policy enforcement is disabled?',
    '',
    '',
  ])
  const j = await cilium(root, ['bpf', 'policy', 'get', '--all', '-o', 'json'])
  assert.equal(j.status, 0, j.stderr)
  assertLines(j.stdout, [
    '[',
    '  {',
    '    "EndpointID": "100",',
    `    "Path": "${globals}/cilium_policy_v3_00100",`,
    '    "Content": [',
    '      {',
    '        "ProxyPortNetwork": 0,',
    '        "Flags": 192,',
    '        "AuthRequirement": 0,',
    '        "Precedence": 0,',
    '        "Cookie": 1,',
    '        "Packets": 18446744073709551615,',
    '        "Bytes": 18446744073709551615,',
    '        "Key": {',
    '          "Prefixlen": 64,',
    '          "Identity": 0,',
    '          "TrafficDirection": 0,',
    '          "Nexthdr": 6,',
    '          "DestPortNetwork": 47873',
    '        }',
    '      }',
    '    ]',
    '  },',
    '  {',
    '    "EndpointID": "2000",',
    `    "Path": "${globals}/cilium_policy_v3_02000",`,
    '    "Content": null',
    '  }',
    ']',
  ])
})

test('bpf policy get: a bad endpoint id, a missing map and a map of unknown sizes are one-line errors, exit 1', async (t) => {
  if (skipUnlessBpf(t)) return
  const [root, globals] = bpffs(t)
  assert.deepEqual(await cilium(root, ['bpf', 'policy', 'get', 'notanid']),
    {stdout: '', stderr: 'Error: Failed to parse endpointID "notanid"\n', status: 1})
  assert.deepEqual(await cilium(root, ['bpf', 'policy', 'get', '70000']),
    {stdout: '', stderr: 'Error: Failed to parse endpointID "70000"\n', status: 1})
  const missing = await cilium(root, ['bpf', 'policy', 'get', '5'])
  assert.equal(missing.status, 1)
  assert.equal(missing.stderr.split('\n')[0],
    `Error: Failed to open map: no map pinned at ${globals}/cilium_policy_v3_00005 (list pinned maps with \`cilium bpf map list\`)`)
  pinned(t, globals, 'cilium_policy_v3_00009', lpmSpec(16))
  const odd = await cilium(root, ['bpf', 'policy', 'get', '9'])
  assert.equal(odd.status, 1)
  assert.equal(odd.stdout, '')
  assert.match(odd.stderr, new RegExp(`^Error: ${globals}/cilium_policy_v3_00009: unknown policy map layout: lpm_trie, ` +
    'key 12 bytes, value 16 bytes \\(known layouts: 1\\.9-1\\.15: hash key 8 value 24; .*1\\.19\\+: lpm_trie key 12 value 12\\)\\n$'))
})

test('bpf policy add|delete write the map in its own generation; the round trip reads back', async (t) => {
  if (skipUnlessBpf(t)) return
  const [root, globals] = bpffs(t)
  const m = pinned(t, globals, 'cilium_policy_v3_00123', lpmSpec(12))
  for (const args of [['123', 'ingress', '256', '80/TCP'], ['123', 'Egress', '0'], ['123', 'ingress', '300', '53'],
    ['123', 'ingress', '7', '443/tcp', '--deny']]) {
    const r = await cilium(root, ['bpf', 'policy', 'add', ...args])
    assert.deepEqual(r, {stdout: '', stderr: '', status: 0}, args.join(' '))
  }
  // 53 without a protocol: one entry per L4 protocol. The key bytes, read straight from the map, as the layout says.
  const stored = new Map<string, string>()
  for await (const [k, v] of m.entries()) stored.set(k.toString('hex'), v.toString('hex'))
  for (const proto of ['06', '11', '84']) assert.ok(stored.has(`40000000${'2c010000'}00${proto}0035`), `53/${proto} key`)
  // Values as cilium-dbg writes them (MapStateEntry{}.WithDeny): proxy port 0, flags deny | 24 << 3, auth 0,
  // precedence (u32 LE) 1 for an allow and 0xff for a deny (the verdict byte on the lowest priority level), cookie 0.
  assert.equal(stored.get(`40000000${'00010000'}00060050`), '0000c000' + '01000000' + '00000000', 'allow 256 80/TCP')
  assert.equal(stored.get(`40000000${'07000000'}000601bb`), '0000c100' + 'ff000000' + '00000000', 'deny 7 443/TCP')
  const r = await cilium(root, ['bpf', 'policy', 'get', '123', '-n'])
  assertLines(r.stdout, [
    'POLICY   DIRECTION   IDENTITY   PORT/PROTO   PROXY PORT   AUTH TYPE   BYTES   PACKETS   PREFIX   COOKIE   ',
    'Deny     Ingress     7          443/TCP      NONE         disabled    -       -         24       0        ',
    'Allow    Ingress     256        80/TCP       NONE         disabled    -       -         24       0        ',
    'Allow    Ingress     300        53/TCP       NONE         disabled    -       -         24       0        ',
    'Allow    Ingress     300        53/UDP       NONE         disabled    -       -         24       0        ',
    'Allow    Ingress     300        53/SCTP      NONE         disabled    -       -         24       0        ',
    'Allow    Egress      0          ANY          NONE         disabled    -       -         0        0        ',
  ])
  assert.deepEqual(await cilium(root, ['bpf', 'policy', 'delete', '123', 'ingress', '300', '53']), {stdout: '', stderr: '', status: 0})
  assert.equal((await cilium(root, ['bpf', 'policy', 'get', '123', '-n'])).stdout.split('\n').length, 5)
  assert.deepEqual(await cilium(root, ['bpf', 'policy', 'add', '123', 'sideways', '1']),
    {stdout: '', stderr: 'Error: Failed to convert sideways to a valid traffic direction: invalid direction "sideways" provided\n', status: 1})
  assert.deepEqual(await cilium(root, ['bpf', 'policy', 'add', '123', 'ingress', '1', '80/XYZ']),
    {stdout: '', stderr: 'Error: invalid protocol "XYZ"\n', status: 1})
  assert.equal((await cilium(root, ['bpf', 'policy', 'add', '123', 'ingress'])).status, 2)
})

test('encoder round trip: entries written with our encoder read back identically in every generation', async (t) => {
  if (skipUnlessBpf(t)) return
  const [, globals] = bpffs(t)
  const specs: Array<[PolicyGeneration, Parameters<typeof BpfMap.create>[0]]> = [
    ['hash', {type: 'hash', keySize: 8, valueSize: 24, maxEntries: 64}], ['lpm', lpmSpec(24)], ['v2', lpmSpec(8)], ['v3', lpmSpec(12)]]
  for (const [gen, spec] of specs) {
    const m = pinned(t, globals, `cilium_policy_rt_${gen}`, {...spec, maxEntries: 64})
    const source = decodePolicyEntry('v3', lpmKey(24, 4242, 1, 6, 8443), 0, v3Value(15000, 0, 24, 1, 7, 9), 0)
    const e = gen === 'hash' || gen === 'lpm' ? {...source, precedence: 0, cookie: 0, packets: 11n, bytes: 1100n}
      : gen === 'v2' ? {...source, precedence: 0, cookie: 0} : source
    m.update(encodePolicyKey(gen, e), encodePolicyValue(gen, e))
    const got: unknown[] = []
    for await (const [k, v] of m.entries()) got.push(decodePolicyEntry(gen, k, 0, v, 0))
    assert.deepEqual(got, [e], gen)
  }
})
