import assert from 'node:assert/strict'
import {test} from 'node:test'
import {decodeEndpointConfig, decodeEvent, defaultEndpointConfig, encodeEndpointConfig, EP_CONFIG, L7_NOTIFY, POLICY_VERDICT,
  summarizePacket, TRACE_NOTIFY} from '../../src/datapath/index.js'

/** Ethernet + IPv6 with a hop-by-hop header + TCP SYN from fd00::1:40000 to fd00::2:80. */
function ipv6TcpFrame(): Buffer {
  const f = Buffer.alloc(14 + 40 + 8 + 20)
  f.writeUInt16BE(0x86dd, 12)
  f[14] = 0x60
  f[14 + 6] = 0  // next header: hop-by-hop options
  f[14 + 8] = 0xfd; f[14 + 23] = 1
  f[14 + 24] = 0xfd; f[14 + 39] = 2
  f[54] = 6  // hop-by-hop's next header: TCP, length 0 (8 bytes)
  f.writeUInt16BE(40000, 62); f.writeUInt16BE(80, 64); f[62 + 13] = 0x02
  return f
}

function header(type: number, subtype: number, size: number, packet: Buffer): Buffer {
  const b = Buffer.alloc(size + packet.length)
  b[0] = type; b[1] = subtype; b.writeUInt16LE(42, 2); b.writeUInt32LE(0xabcd, 4)
  b.writeUInt32LE(packet.length, 8); b.writeUInt16LE(packet.length, 12); b[14] = 2
  packet.copy(b, size)
  return b
}

test('packet summary: IPv6 extension headers are skipped to reach the TCP ports and flags', () => {
  assert.deepEqual(summarizePacket(ipv6TcpFrame()), {ipv6: true, src: 'fd00::1', dst: 'fd00::2', protocol: 6, sport: 40000, dport: 80, tcpFlags: 2})
  assert.equal(summarizePacket(Buffer.alloc(10)), undefined)
})

test('a trace record: observation point, identities, conntrack state by name', () => {
  const b = header(4, 0, TRACE_NOTIFY.size, ipv6TcpFrame())
  b.writeUInt32LE(1001, TRACE_NOTIFY.src_label); b.writeUInt32LE(1002, TRACE_NOTIFY.dst_label)
  b.writeUInt16LE(7, TRACE_NOTIFY.dst_id); b[TRACE_NOTIFY.reason] = 2; b[TRACE_NOTIFY.flags] = 1; b.writeUInt32LE(9, TRACE_NOTIFY.ifindex)
  const e = decodeEvent(b)
  assert.equal(e.type, 'trace')
  if (e.type !== 'trace') return
  assert.deepEqual([e.observationPointName, e.srcIdentity, e.dstIdentity, e.dstEndpoint, e.reasonName, e.ipv6, e.ifindex, e.source, e.summary?.dport],
    ['to-endpoint', 1001, 1002, 7, 'reply', true, 9, 42, 80])
})

test('a policy verdict: action, direction, match type and audit from the flags byte', () => {
  const b = header(5, 0, POLICY_VERDICT.size, Buffer.alloc(0))
  b.writeUInt32LE(1001, POLICY_VERDICT.remote_label); b.writeInt32LE(-133, POLICY_VERDICT.verdict)
  b.writeUInt16LE(8080, POLICY_VERDICT.dst_port); b[POLICY_VERDICT.proto] = 6
  b[POLICY_VERDICT.flags] = 2 | (3 << 3) | 0x40  // egress, L4-Only, audited
  const e = decodeEvent(b)
  assert.ok(e.type === 'policy-verdict')
  assert.deepEqual([e.action, e.direction, e.matchTypeName, e.audited, e.verdict, e.dstPort], ['audit', 'egress', 'L4-Only', true, -133, 8080])
  b[POLICY_VERDICT.flags] = 1 | (2 << 3)
  const denied = decodeEvent(b)
  assert.ok(denied.type === 'policy-verdict')
  assert.deepEqual([denied.action, denied.direction, denied.matchTypeName], ['deny', 'ingress', 'L3-L4'])
})

test('an L7 record: method and path for a request, status and latency for a response; short records are unknown', () => {
  const b = header(129, 1, L7_NOTIFY.size, Buffer.alloc(0))
  b[L7_NOTIFY.method_len] = 4; b.write('POST', L7_NOTIFY.method, 'latin1')
  b[L7_NOTIFY.path_len] = 7; b.write('/metric', L7_NOTIFY.path, 'latin1'); b[L7_NOTIFY.http_minor] = 1
  const req = decodeEvent(b)
  assert.ok(req.type === 'l7')
  assert.deepEqual([req.kind, req.method, req.path, req.httpVersion], ['request', 'POST', '/metric', '1.1'])
  b[1] = 2; b.writeUInt16LE(201, L7_NOTIFY.status); b.writeBigUInt64LE(25_000_000n, L7_NOTIFY.latency_ns)
  const res = decodeEvent(b)
  assert.ok(res.type === 'l7')
  assert.deepEqual([res.kind, res.status, res.latencyNs], ['response', 201, 25_000_000n])
  assert.equal(decodeEvent(b.subarray(0, 20)).type, 'unknown')
})

test('endpoint config round-trips through its 20-byte layout', () => {
  const c = {...defaultEndpointConfig(300, 12345), policyEnforcement: 'always' as const, selected: {ingress: true, egress: false},
    monitorAggregation: 0 as const, eventsPerSecond: 50}
  assert.equal(c.options.ConntrackAccounting, false)  // Cilium's default: no per-connection counters
  c.options = {...c.options, PolicyAuditMode: true, HttpVisibility: true, ConntrackAccounting: true}
  const b = encodeEndpointConfig(c)
  assert.equal(b.length, EP_CONFIG.size)
  assert.equal(b.readUInt32LE(EP_CONFIG.options), 0x01 | 0x02 | 0x04 | 0x08 | 0x10 | 0x40 | 0x80)
  assert.deepEqual(decodeEndpointConfig(b), c)
})
