// The flow printers, one flow cloned into variants (reply, unknown direction, policy verdict, lost
// event, node status), each row with its options and the expected text written out (STYLE §2, §9).
// Expected texts follow hubble.md §4.6 (upstream printer tests and the v1.19 printer).
import assert from 'node:assert/strict'
import {Writable} from 'node:stream'
import {test} from 'node:test'
import {createPrinter, type PrinterOptions} from '../../src/hubble/printer/index.js'
import {escapeTerminal, joinNodeNames, timestampFormatter} from '../../src/hubble/printer/format.js'
import type {flow, GetFlowsResponse} from '../../src/hubble/proto/index.js'

class TextSink extends Writable {
  text = ''
  override _write(chunk: Buffer, _enc: string, done: () => void): void {
    this.text += chunk.toString()
    done()
  }
}

// 1970-01-01T00:20:34.567800Z, the upstream printer tests' time
const time = {seconds: 1234, nanos: 567800000}
const base: flow.IFlow = {
  time, verdict: 2, IP: {source: '1.1.1.1', destination: '2.2.2.2'},
  l4: {TCP: {sourcePort: 31793, destinationPort: 8080, flags: {SYN: true}}},
  source: {identity: 4}, destination: {identity: 12345}, Type: 1, nodeName: 'k8s1',
  eventType: {type: 1, subType: 133}, isReply: {value: false}, Summary: 'TCP Flags: SYN',
}
const clone = (over: flow.IFlow): flow.IFlow => ({...base, ...over})

async function print(responses: GetFlowsResponse[], opts: Partial<PrinterOptions>): Promise<{out: string; err: string}> {
  const out = new TextSink()
  const err = new TextSink()
  const p = createPrinter({out, err, ...opts})
  for (const r of responses) await p.write(r)
  await p.close()
  return {out: out.text, err: err.text}
}

const cases: Array<[name: string, responses: GetFlowsResponse[], opts: Partial<PrinterOptions>, out: string, err?: string]> = [
  ['compact, node name', [{flow: base}], {nodeName: true},
    'Jan  1 00:20:34.567 [k8s1]: 1.1.1.1:31793 (health) -> 2.2.2.2:8080 (ID:12345) Policy denied DROPPED (TCP Flags: SYN)\n'],
  ['compact, reply swaps the sides', [{flow: clone({isReply: {value: true}})}], {},
    'Jan  1 00:20:34.567: 2.2.2.2:8080 (ID:12345) <- 1.1.1.1:31793 (health) Policy denied DROPPED (TCP Flags: SYN)\n'],
  ['compact, unknown direction', [{flow: clone({isReply: null})}], {},
    'Jan  1 00:20:34.567: 1.1.1.1:31793 (health) <> 2.2.2.2:8080 (ID:12345) Policy denied DROPPED (TCP Flags: SYN)\n'],
  ['compact, IP trace id and auth', [{flow: clone({ipTraceId: {traceId: 1234}, authType: 1})}], {},
    'Jan  1 00:20:34.567: 1.1.1.1:31793 (health) -> 2.2.2.2:8080 (ID:12345) Policy denied DROPPED (IP Trace ID: 1234; TCP Flags: SYN; Auth: SPIRE)\n'],
  ['compact, policy verdict with policy names', [{flow: clone({
    verdict: 1, isReply: null, eventType: {type: 5}, trafficDirection: 1, policyMatchType: 1,
    ingressAllowedBy: [{name: 'my-policy', kind: 'CiliumNetworkPolicy'}, {name: 'nameless'},
      {name: 'my-policy-2', kind: 'CiliumClusterwideNetworkPolicy'}]})}], {nodeName: true, policyNames: true},
  'Jan  1 00:20:34.567 [k8s1]: 1.1.1.1:31793 (health) <> 2.2.2.2:8080 (ID:12345) policy-verdict:L3-Only INGRESS ALLOWED BY my-policy (CiliumNetworkPolicy), my-policy-2 (CiliumClusterwideNetworkPolicy) (TCP Flags: SYN)\n'],
  ['compact, denied policy verdict without names', [{flow: clone({eventType: {type: 5}, trafficDirection: 2})}], {},
    'Jan  1 00:20:34.567: 1.1.1.1:31793 (health) -> 2.2.2.2:8080 (ID:12345) policy-verdict:none EGRESS DENIED (TCP Flags: SYN)\n'],
  ['compact, unknown drop reason and trace point', [{flow: clone({eventType: {type: 1, subType: 99}})},
    {flow: clone({verdict: 1, eventType: {type: 4, subType: 99}})}], {},
  'Jan  1 00:20:34.567: 1.1.1.1:31793 (health) -> 2.2.2.2:8080 (ID:12345) 99, 0 DROPPED (TCP Flags: SYN)\n'
    + 'Jan  1 00:20:34.567: 1.1.1.1:31793 (health) -> 2.2.2.2:8080 (ID:12345) 99 FORWARDED (TCP Flags: SYN)\n'],
  ['compact, colours', [{flow: clone({source: {identity: 4, namespace: 'default', podName: 'pod'}})}], {color: true},
    'Jan  1 00:20:34.567: \x1b[36mdefault/pod:\x1b[33m31793\x1b[0m\x1b[0m \x1b[35m(health)\x1b[0m -> '
    + '\x1b[36m2.2.2.2:\x1b[33m8080\x1b[0m\x1b[0m \x1b[35m(ID:12345)\x1b[0m Policy denied \x1b[31mDROPPED\x1b[0m (TCP Flags: SYN)\n'],
  ['compact, terminal escaping of network text', [{flow: clone({Summary: 'evil\x1b[2J\rx', source: {identity: 4, podName: 'p\x1b[31m'}})}],
    {color: true},
  'Jan  1 00:20:34.567: \x1b[36mp\x1b[31m:\x1b[33m31793\x1b[0m\x1b[0m \x1b[35m(health)\x1b[0m -> \x1b[36m2.2.2.2:\x1b[33m8080\x1b[0m\x1b[0m '
    + '\x1b[35m(ID:12345)\x1b[0m Policy denied \x1b[31mDROPPED\x1b[0m (evil^[[2J\\rx)\n'],
  ['compact, IPv6, service and DNS names, --numeric', [{flow: clone({IP: {source: 'f00d::1', destination: '2.2.2.2'},
    destinationService: {namespace: 'kube-system', name: 'kube-dns'}})}], {ipTranslation: false},
  'Jan  1 00:20:34.567: [f00d::1]:31793 (health) -> 2.2.2.2:8080 (ID:12345) Policy denied DROPPED (TCP Flags: SYN)\n'],
  ['compact, service and names translated', [{flow: clone({l4: {ICMPv4: {type: 8}}, destinationService: {namespace: 'kube-system', name: 'kube-dns'},
    sourceNames: ['a.example', 'b.example']})}], {},
  'Jan  1 00:20:34.567: a.example,b.example (health) -> kube-system/kube-dns (ID:12345) Policy denied DROPPED (TCP Flags: SYN)\n'],
  ['compact, lost event (no node even with --print-node-name)', [{lostEvents: {source: 3, numEventsLost: 1, cpu: {value: 5}},
    nodeName: 'node-name', time}], {nodeName: true}, 'Jan  1 00:20:34.567 EVENTS LOST: HUBBLE_RING_BUFFER CPU(5) 1\n'],
  ['compact, lost event with first and last', [{lostEvents: {source: 1, numEventsLost: 7, cpu: {value: 1},
    first: {seconds: 1}, last: {seconds: 2}}, time}], {timeFormat: 'RFC3339'},
  '1970-01-01T00:20:34Z EVENTS LOST: PERF_EVENT_RING_BUFFER CPU(1) 7 (first: 1970-01-01T00:00:01Z, last: 1970-01-01T00:00:02Z)\n'],
  ['compact, node status to stderr, cut after 50 characters', [{nodeStatus: {stateChange: 4, message: 'a "b"',
    nodeNames: ['node-aaaaaaaaaaaa', 'node-bbbbbbbbbbbb', 'node-cccccccccccc', 'node-dddddddddddd']}, nodeName: 'relay', time}], {},
  '', 'Jan  1 00:20:34.567 [relay]: Error "a \\"b\\"" on 4 nodes: node-aaaaaaaaaaaa, node-bbbbbbbbbbbb (and 2 more)\n'],
  ['compact, connected nodes only with -D, nothing with -s', [
    {nodeStatus: {stateChange: 1, nodeNames: ['a', 'b']}, nodeName: 'relay', time},
    {nodeStatus: {stateChange: 2, nodeNames: ['c']}, nodeName: 'relay', time}], {silentErrors: true}, ''],
  ['dict, separators and node status', [{flow: base}, {nodeStatus: {stateChange: 2, nodeNames: ['k8s3']}, nodeName: 'relay', time},
    {lostEvents: {source: 3, numEventsLost: 1, cpu: {value: 5}}, time}], {nodeName: true},
  '  TIMESTAMP: Jan  1 00:20:34.567\n       NODE: k8s1\n     SOURCE: 1.1.1.1:31793\nDESTINATION: 2.2.2.2:8080\n       TYPE: Policy denied\n'
    + '    VERDICT: DROPPED\n    SUMMARY: TCP Flags: SYN\n------------\n  TIMESTAMP: Jan  1 00:20:34.567\n       NODE: -\n     SOURCE: HUBBLE_RING_BUFFER\n'
    + '       TYPE: EVENTS LOST\n    VERDICT: -\n    SUMMARY: CPU(5) - 1\n',
  '------------\n  TIMESTAMP: Jan  1 00:20:34.567\n      STATE: NODE_UNAVAILABLE\n      NODES: k8s3\n    MESSAGE: N/A\n'],
  ['table, widths from every row, lost event, no colour', [{flow: base},
    {flow: clone({source: {identity: 4, namespace: 'ns', podName: 'pöd-ünicode'}})},
    {lostEvents: {source: 3, numEventsLost: 1, cpu: {value: 5}}, time}], {color: true},
  'TIMESTAMP             SOURCE                 DESTINATION    TYPE            VERDICT   SUMMARY\n'
    + 'Jan  1 00:20:34.567   1.1.1.1:31793          2.2.2.2:8080   Policy denied   DROPPED   TCP Flags: SYN\n'
    + 'Jan  1 00:20:34.567   ns/pöd-ünicode:31793   2.2.2.2:8080   Policy denied   DROPPED   TCP Flags: SYN\n'
    + 'Jan  1 00:20:34.567   HUBBLE_RING_BUFFER     -              EVENTS LOST     -         CPU(5) - 1\n'],
  ['table, no rows: no header', [{nodeStatus: {stateChange: 1}}], {mode: 'table'}, ''],
  ['jsonpb, node status to stderr', [{flow: {time, verdict: 1}, nodeName: 'k8s1'}, {nodeStatus: {stateChange: 2, nodeNames: ['x']}}],
    {mode: 'jsonpb'}, '{"flow":{"time":"1970-01-01T00:20:34.567800Z","verdict":"FORWARDED"},"node_name":"k8s1"}\n',
  '{"node_status":{"state_change":"NODE_UNAVAILABLE","node_names":["x"]}}\n'],
  ['json, legacy (HUBBLE_COMPAT)', [{flow: {time, verdict: 1}, nodeName: 'k8s1'}, {nodeStatus: {stateChange: 2}}],
    {mode: 'json', legacyJson: true}, '{"time":"1970-01-01T00:20:34.567800Z","verdict":"FORWARDED"}\n'],
]
for (const [name, responses, opts, out, err = ''] of cases) {
  test(`printer: ${name}`, async () => {
    const mode = opts.mode ?? (name.startsWith('dict') ? 'dict' : name.startsWith('table') ? 'table' : 'compact')
    assert.deepEqual(await print(responses, {...opts, mode}), {out, err})
  })
}

test('time formats: UTC, truncated fractions, trailing zeros trimmed, N/A', () => {
  const t = {seconds: 1683720001, nanos: 123456789}
  const want: Record<string, string> = {
    StampMilli: 'May 10 12:00:01.123', YearMonthDay: '2023-05-10', YearMonthDayHour: '2023-05-10T12Z',
    YearMonthDayHourMinute: '2023-05-10T12:00Z', RFC3339: '2023-05-10T12:00:01Z', RFC3339Milli: '2023-05-10T12:00:01.123Z',
    RFC3339Micro: '2023-05-10T12:00:01.123456Z', RFC3339Nano: '2023-05-10T12:00:01.123456789Z', RFC1123Z: 'Wed, 10 May 2023 12:00:01 +0000',
  }
  for (const [format, text] of Object.entries(want)) {
    assert.equal(timestampFormatter(format as 'RFC3339')(t), text, format)
  }
  assert.equal(timestampFormatter('RFC3339Milli')({seconds: 1683720003, nanos: 500000000}), '2023-05-10T12:00:03.5Z')
  assert.equal(timestampFormatter('RFC3339Nano')({seconds: 1683720002}), '2023-05-10T12:00:02Z')
  assert.equal(timestampFormatter('StampMilli')({seconds: 1683720002}), 'May 10 12:00:02.000')
  assert.equal(timestampFormatter('StampMilli')(null), 'N/A')
  assert.equal(timestampFormatter('StampMilli')({seconds: 253402300800}), 'N/A')
})

test('escaping keeps the colour sequences only while colour is on', () => {
  assert.equal(escapeTerminal('a\x1b[31mb\x1b[0m', true), 'a\x1b[31mb\x1b[0m')
  assert.equal(escapeTerminal('a\x1b[31mb\x1b[0m', false), 'a^[[31mb^[[0m')
  assert.equal(escapeTerminal('x\ry', false), 'x\\ry')
  assert.equal(escapeTerminal('\x1b\x1b[3\r\x1b[0m\r', true), '^[^[[3\\r\x1b[0m\\r')
})

test('escaping a chunk of records is escaping each record (the printers escape whole chunks)', () => {
  const records = ['a\x1b[31mred\x1b[0m\n', 'plain\n', '\r\n', 'x\x1b[2Jy\x1b[3\n', '\x1b[0m\x1b\n', 'tail \x1b[36mc\n']
  for (const keep of [true, false]) {
    assert.equal(escapeTerminal(records.join(''), keep), records.map((r) => escapeTerminal(r, keep)).join(''))
    // Idempotent: the table escapes its cells, then the chunk again.
    const once = escapeTerminal(records.join(''), keep)
    assert.equal(escapeTerminal(once, keep), once)
  }
})

test('node names: at least one, then cut past 50 characters', () => {
  assert.equal(joinNodeNames(['k8s3', 'k8s4']), 'k8s3, k8s4')
  assert.equal(joinNodeNames(['x'.repeat(60), 'y']), `${'x'.repeat(60)} (and 1 more)`)
})

test('write() hands back the stream\'s back-pressure and resumes on drain', async () => {
  let writes = 0
  const slow = new Writable({highWaterMark: 1, write(_c, _e, done) { writes++; setImmediate(done) }})
  const p = createPrinter({mode: 'compact', out: slow, err: slow})
  let waited = 0
  for (let i = 0; i < 2000; i++) {
    const w = p.write({flow: base})
    if (w) {
      waited++
      await w
    }
  }
  await p.close()
  assert.ok(waited > 0, 'a full stream makes the printer wait')
  assert.ok(writes > 1 && writes < 2000, `writes are batched (${writes} writes for 2000 flows)`)
})
