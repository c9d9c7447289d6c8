import assert from 'node:assert/strict'
import {test} from 'node:test'
import {decodeEvent} from '../../src/datapath/events.js'
import {connectionSummary, hexDump, icmpTypeCode} from '../../src/monitor/dissect.js'
import {type FormatOptions, MonitorFormatter, separator} from '../../src/monitor/format.js'
import {encodeAgentNotify, type Payload} from '../../src/monitor/payload.js'
import {decodeRecord, encodeRecord} from '../../src/monitor/records.js'
import {parseMessageType} from '../../src/monitor/run.js'

/** Ethernet + IPv4 + TCP SYN 10.0.0.1:41324 -> 10.0.0.2:80. */
function tcpSyn(): Buffer {
  const f = Buffer.alloc(14 + 20 + 20)
  f.writeUInt16BE(0x0800, 12)
  f[14] = 0x45
  f.writeUInt16BE(40, 16)
  f[22] = 64
  f[23] = 6
  Buffer.from([10, 0, 0, 1]).copy(f, 26)
  Buffer.from([10, 0, 0, 2]).copy(f, 30)
  f.writeUInt16BE(41324, 34)
  f.writeUInt16BE(80, 36)
  f[34 + 13] = 0x02
  return f
}

/** Ethernet + IPv4 + ICMP echo request 10.0.0.1 -> 10.0.0.2. */
function ping(): Buffer {
  const f = Buffer.alloc(14 + 20 + 8)
  f.writeUInt16BE(0x0800, 12)
  f[14] = 0x45
  f[23] = 1
  Buffer.from([10, 0, 0, 1]).copy(f, 26)
  Buffer.from([10, 0, 0, 2]).copy(f, 30)
  f[34] = 8
  return f
}

/** A record in Cilium's layout: common + capture header, `fields` written at their offsets, then the packet. */
function record(type: number, subtype: number, size: number, version: number, packet: Buffer, fields: (b: Buffer) => void): Buffer {
  const b = Buffer.alloc(size + packet.length)
  b[0] = type
  b[1] = subtype
  b.writeUInt16LE(7, 2) // source endpoint
  b.writeUInt32LE(0x1234, 4) // hash
  b.writeUInt32LE(packet.length, 8)
  b.writeUInt16LE(packet.length, 12)
  b[14] = version
  fields(b)
  packet.copy(b, size)
  return b
}

const trace = (obs: number, packet = tcpSyn(), version = 2, size = 56) => record(4, obs, size, version, packet, (b) => {
  b.writeUInt32LE(256, 16); b.writeUInt32LE(257, 20); b.writeUInt16LE(9, 24); b[26] = 0; b[27] = 0; b.writeUInt32LE(5, 28)
  if (version >= 1) Buffer.from([10, 0, 0, 1]).copy(b, 32)
})

const drop = (version = 3, size = 48) => record(1, 133, size, version, tcpSyn(), (b) => {
  b.writeUInt32LE(2, 16); b.writeUInt32LE(257, 20); b.writeUInt32LE(9, 24); b.writeUInt16LE(1234, 28); b[30] = 2; b[31] = 0; b.writeUInt32LE(5, 32)
})

const verdict = (flags: number, v: number) => record(5, 0, 40, 0, tcpSyn(), (b) => {
  b.writeUInt32LE(2, 16); b.writeInt32LE(v, 20); b.writeUInt16LE(80, 24); b[26] = 6; b[27] = flags
})

const sample = (data: Buffer, cpu = 1): Payload => ({data, cpu, lost: 0n, type: 9})

function formatter(o: Partial<FormatOptions> = {}): MonitorFormatter {
  return new MonitorFormatter({verbosity: 'info', numeric: false, hex: false, types: new Set(), from: new Set(), to: new Set(),
    related: new Set(), linkName: (i) => (i === 5 ? 'lxc1' : String(i)), ...o})
}

test('trace: the one-line form per observation point', () => {
  const f = formatter()
  assert.equal(f.format(sample(trace(0))),
    '-> endpoint 9 flow 0x1234 , identity 256->257 state new ifindex lxc1 orig-ip 10.0.0.1: 10.0.0.1:41324 -> 10.0.0.2:80 tcp SYN\n')
  assert.equal(f.format(sample(trace(5))),
    '<- endpoint 7 flow 0x1234 , identity 256->257 state new ifindex lxc1 orig-ip 10.0.0.1: 10.0.0.1:41324 -> 10.0.0.2:80 tcp SYN\n')
  assert.match(f.format(sample(trace(1))), /^-> proxy port 9 flow /)
  assert.match(f.format(sample(trace(2))), /^-> host from flow /)
  assert.match(f.format(sample(trace(3))), /^-> stack flow /)
  assert.match(f.format(sample(trace(11))), /^-> network flow /)
  assert.match(f.format(sample(trace(99))), /^unknown trace flow /)
  // v0 records (32 bytes) have no original address; the packet starts right after them.
  assert.equal(f.format(sample(trace(0, ping(), 0, 32))),
    '-> endpoint 9 flow 0x1234 , identity 256->257 state new ifindex lxc1 orig-ip <nil>: 10.0.0.1 -> 10.0.0.2 EchoRequest\n')
  assert.equal(f.format(sample(record(4, 0, 56, 7, tcpSyn(), () => undefined))),
    'Error while parsing trace notification message: Unrecognized trace event (version 7)\n')
})

test('drop: reason, file and line, identities by reserved name unless -n', () => {
  const line = 'xx drop (Policy denied) flow 0x1234 to endpoint 9, ifindex 5, file bpf_lxc.c:1234, , identity world->257: 10.0.0.1:41324 -> 10.0.0.2:80 tcp SYN\n'
  assert.equal(formatter().format(sample(drop())), line)
  assert.equal(formatter({numeric: true}).format(sample(drop())), line.replace('world->257', '2->257'))
  // Older records: v1 (36 bytes) and v2 (40) put the packet earlier.
  assert.equal(formatter().format(sample(drop(1, 36))), line)
  assert.equal(formatter().format(sample(drop(2, 40))), line)
})

test('policy verdict: direction, action, auth and match type', () => {
  const f = formatter()
  assert.equal(f.format(sample(verdict(1 | (2 << 3), 0))),
    'Policy verdict log: flow 0x1234 local EP ID 7, remote ID world, proto 6, ingress, action allow, auth: disabled, match L3-L4, 10.0.0.1:41324 -> 10.0.0.2:80 tcp SYN\n')
  assert.match(f.format(sample(verdict(2, -133))), /, egress, action deny, auth: disabled, match none, /)
  assert.match(f.format(sample(verdict(1 | 0x40, -133))), /, action audit, /)
  assert.match(f.format(sample(verdict(1, 15001))), /, action redirect, /)
})

test('filters: --type, --from, --to, --related-to', () => {
  assert.equal(formatter({types: new Set([1])}).format(sample(trace(0))), '')
  assert.notEqual(formatter({types: new Set([4])}).format(sample(trace(0))), '')
  assert.equal(formatter({from: new Set([8])}).format(sample(trace(0))), '')
  assert.notEqual(formatter({from: new Set([7])}).format(sample(trace(0))), '')
  assert.notEqual(formatter({to: new Set([9])}).format(sample(drop())), '')
  assert.equal(formatter({to: new Set([7])}).format(sample(drop())), '')
  assert.notEqual(formatter({related: new Set([9])}).format(sample(trace(0))), '')
  assert.notEqual(formatter({related: new Set([7])}).format(sample(trace(0))), '')
  assert.equal(formatter({related: new Set([3])}).format(sample(trace(0))), '')
  assert.equal(parseMessageType('policy-verdict'), 5)
  assert.throws(() => parseMessageType('drops'), {message: 'invalid argument "drops" for "-t, --type" flag: Unknown type (drops). Please use one ' +
    'of the following ones map[agent:130 capture:3 debug:2 drop:1 l7:129 policy-verdict:5 recorder:6 trace:4 trace-sock:7]'})
})

test('lost events, agent notifications, debug and unknown types', () => {
  const f = formatter()
  assert.equal(f.format({data: Buffer.alloc(0), cpu: 3, lost: 12n, type: 2}), 'CPU 03: Lost 12 events\n')
  assert.equal(f.format(sample(encodeAgentNotify({type: 5, text: '{"labels":["k8s:app=x"],"revision":3,"rule_count":1}'}))),
    '>> Policy updated: {"labels":["k8s:app=x"],"revision":3,"rule_count":1}\n')
  assert.equal(formatter({verbosity: 'json'}).format(sample(encodeAgentNotify({type: 2, text: '{"time":"t"}'}))),
    '{"type":"agent","subtype":"Cilium agent started","message":{"time":"t"}}\n')
  const dbg = Buffer.alloc(24)
  dbg[0] = 2; dbg[1] = 1; dbg.writeUInt16LE(7, 2); dbg.writeUInt32LE(16, 4); dbg.writeUInt32LE(10, 8); dbg.writeUInt32LE(255, 12)
  assert.equal(f.format(sample(dbg)), '') // debug messages show from -v on
  assert.equal(formatter({verbosity: 'debug'}).format(sample(dbg, 0)), 'CPU 00: MARK 0x10 FROM 7 DEBUG: No message, arg1=10 (0xa) arg2=255 (0xff)\n')
  assert.equal(f.format(sample(Buffer.from([99, 1]), 2)), 'CPU 02: Unknown event: [99 1]\n')
})

test('capture: delivery and load-balancer heads, nothing for the kinds the one-line form skips', () => {
  const capture = (subtype: number, arg1: number) => {
    const p = tcpSyn()
    const b = Buffer.alloc(24 + p.length)
    b[0] = 3; b[1] = subtype; b.writeUInt16LE(7, 2); b.writeUInt32LE(0x99, 4); b.writeUInt32LE(p.length, 8); b.writeUInt32LE(p.length, 12)
    b.writeUInt32LE(arg1, 16)
    p.copy(b, 24)
    return sample(b)
  }
  assert.equal(formatter().format(capture(4, 5)), '-> lxc1: 10.0.0.1:41324 -> 10.0.0.2:80 tcp SYN\n')
  assert.equal(formatter().format(capture(5, 3)), '<- load-balancer 3: 10.0.0.1:41324 -> 10.0.0.2:80 tcp SYN\n')
  assert.equal(formatter().format(capture(9, 0x983a)), '-> proxy port 15000: 10.0.0.1:41324 -> 10.0.0.2:80 tcp SYN\n')
  assert.equal(formatter().format(capture(10, 5)), '')
  assert.equal(formatter({verbosity: 'verbose', hex: true}).format(capture(10, 5)).split('\n')[1],
    'CPU 01: MARK 0x99 FROM 7 DEBUG: 54 bytes, Packet going into snat engine on ifindex 5')
})

test('-vv: separator, MARK header, then the layers or a hex dump', () => {
  const out = formatter({verbosity: 'verbose'}).format(sample(trace(0)))
  const lines = out.split('\n')
  assert.equal(lines[0], separator)
  assert.equal(lines[1], 'CPU 01: MARK 0x1234 FROM 7 to-endpoint: 54 bytes (54 captured), state new, interface lxc1, , identity 256->257, orig-ip 10.0.0.1, to endpoint 9')
  assert.match(lines[2], /^Ethernet\t\{/)
  assert.match(lines[3], /^IPv4\t\{.*SrcIP=10\.0\.0\.1 DstIP=10\.0\.0\.2\}$/)
  assert.equal(lines[4], 'TCP\t{SrcPort=41324 DstPort=80 SYN}')
  const hexed = formatter({verbosity: 'verbose', hex: true}).format(sample(drop())).split('\n')
  assert.equal(hexed[1], 'CPU 01: MARK 0x1234 FROM 7 DROP: 54 bytes, reason Policy denied, identity world->257, to endpoint 9')
  assert.equal(hexed[2], '00000000  00 00 00 00 00 00 00 00  00 00 00 00 08 00 45 00  |..............E.|')
})

test('-j: one JSON object per line', () => {
  const j = JSON.parse(formatter({verbosity: 'json'}).format(sample(drop(), 0))) as Record<string, unknown>
  assert.deepEqual(j, {cpu: 'CPU 00:', type: 'drop', mark: '0x1234', reason: 'Policy denied', source: 7, bytes: 54, srcLabel: 2, dstLabel: 257,
    dstID: 9, Line: 1234, File: 2, ExtError: 0, Ifindex: 5, summary: {l2: {src: '00:00:00:00:00:00', dst: '00:00:00:00:00:00'}, l3: {src: '10.0.0.1', dst: '10.0.0.2'}, l4: {src: '41324', dst: '80'}}})
})

test('dissect: ICMP names as gopacket prints them, IPv6 host:port, non-IP frames, Go hex.Dump', () => {
  assert.equal(icmpTypeCode(false, 3, 3), 'DestinationUnreachable(Port)')
  assert.equal(icmpTypeCode(false, 0, 0), 'EchoReply')
  assert.equal(icmpTypeCode(true, 128, 0), 'EchoRequest')
  assert.equal(icmpTypeCode(false, 42, 1), '42(1)')
  const arp = Buffer.alloc(42)
  arp.writeUInt16BE(0x0806, 12)
  arp[6] = 0xaa
  assert.equal(connectionSummary(arp), 'aa:00:00:00:00:00 -> 00:00:00:00:00:00 ARP')
  assert.equal(connectionSummary(Buffer.alloc(3)), '[unknown]')
  // An L3 device: the capture starts at the IP header.
  assert.equal(connectionSummary(tcpSyn().subarray(14), {l3Device: true}), '10.0.0.1:41324 -> 10.0.0.2:80 tcp SYN')
  assert.equal(hexDump(Buffer.from('hello')), '00000000  68 65 6c 6c 6f                                    |hello|\n')
})

test('our datapath events go out in Cilium\'s newest layouts and read back the same', () => {
  for (const raw of [trace(0, tcpSyn(), 2, 56), drop(3, 48)]) {
    // Our ring buffer's own drop record is 48 bytes (versioned 2 by our datapath); decodeEvent reads it, encodeRecord writes v3.
    const ev = decodeEvent(raw)
    const again = encodeRecord(ev)
    assert.ok(again)
    const a = decodeRecord(raw), b = decodeRecord(again)
    assert.deepEqual({...b, version: 0}, {...a, version: 0})
  }
  const pv = decodeEvent(verdict(1 | (2 << 3), 0))
  assert.deepEqual(decodeRecord(encodeRecord(pv)!), decodeRecord(verdict(1 | (2 << 3), 0)))
})
