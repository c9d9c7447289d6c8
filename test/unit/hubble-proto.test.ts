import assert from 'node:assert/strict'
import {execFileSync} from 'node:child_process'
import {mkdtempSync, readdirSync, readFileSync, rmSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {dirname, join, resolve} from 'node:path'
import {test} from 'node:test'
import {fileURLToPath} from 'node:url'
import $protobuf from 'protobufjs/minimal.js'
import {flow, observer} from '../../src/hubble/proto/index.js'

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../../..')
const generated = join(root, 'src/hubble/proto/generated')

test('regenerating the proto code gives no diff', (t) => {
  const out = mkdtempSync(join(tmpdir(), 'gen-proto-test-'))
  t.after(() => rmSync(out, {recursive: true, force: true}))
  execFileSync(process.execPath, [join(root, 'scripts/gen-proto.js'), out])
  const files = readdirSync(generated).sort()
  assert.deepEqual(readdirSync(out).sort(), files)
  for (const f of files) assert.ok(readFileSync(join(out, f)).equals(readFileSync(join(generated, f))), `${f} differs`)
})

// Bytes written by hand with Hubble's field numbers (hubble.md §1.2, §2.2), decoded by our code:
// a wrong number or type in proto/ breaks this, whatever the generated code agrees with itself.
test('wire: a GetFlowsResponse built from Hubble field numbers decodes field by field', () => {
  const w = $protobuf.Writer.create
  const ts = w().uint32(8).int64(1683720001).uint32(16).int32(123456789).finish()
  const ip = w().uint32(10).string('10.0.0.1').uint32(18).string('fd00::1').uint32(24).int32(2).finish()
  const tcp = w().uint32(8).uint32(43210).uint32(16).uint32(8080).uint32(26).bytes(w().uint32(16).bool(true).finish()).finish()
  const l4 = w().uint32(10).bytes(tcp).finish()
  const http = w().uint32(8).uint32(200).uint32(18).string('POST').finish()
  const l7 = w().uint32(8).int32(2).uint32(16).uint64(2000123).uint32((101 << 3) | 2).bytes(http).finish()
  const f = w()
    .uint32(10).bytes(ts)                      // time = 1
    .uint32(16).int32(2)                       // verdict = 2 (DROPPED)
    .uint32(42).bytes(ip)                      // IP = 5
    .uint32(50).bytes(l4)                      // l4 = 6
    .uint32(80).int32(2)                       // Type = 10 (L7)
    .uint32(90).string('kind-worker')          // node_name = 11
    .uint32(122).bytes(l7)                     // l7 = 15
    .uint32((19 << 3) | 2).bytes(w().uint32(8).int32(1).uint32(16).int32(133).finish()) // event_type
    .uint32((25 << 3)).int32(181)              // drop_reason_desc = 25 (POLICY_DENY)
    .uint32((26 << 3) | 2).bytes(w().uint32(8).bool(true).finish()) // is_reply = 26 (BoolValue)
    .uint32((32 << 3)).uint64('18446744073709551615') // socket_cookie = 32, beyond 2^53
    .uint32((100000 << 3) | 2).string('TCP Flags: SYN') // Summary = 100000
    .uint32((21002 << 3) | 2).bytes(w().uint32(10).string('allow-all').uint32(32).uint64(7).finish())
    .finish()
  const resp = w().uint32(10).bytes(f).uint32((1000 << 3) | 2).string('node-a').uint32((1001 << 3) | 2).bytes(ts).finish()

  const r = observer.GetFlowsResponse.decode(resp)
  assert.equal(r.responseTypes, 'flow')
  assert.equal(r.nodeName, 'node-a')
  assert.deepEqual({...r.time}, {seconds: 1683720001, nanos: 123456789})
  const fl = r.flow!
  assert.equal(fl.verdict, flow.Verdict.DROPPED)
  assert.deepEqual({...fl.IP}, {source: '10.0.0.1', destination: 'fd00::1', ipVersion: flow.IPVersion.IPv6})
  assert.equal(fl.l4?.TCP?.sourcePort, 43210)
  assert.equal(fl.l4?.TCP?.destinationPort, 8080)
  assert.equal(fl.l4?.TCP?.flags?.SYN, true)
  assert.equal(fl.Type, flow.FlowType.L7)
  assert.equal(fl.nodeName, 'kind-worker')
  assert.equal(fl.l7?.type, flow.L7FlowType.RESPONSE)
  assert.equal(fl.l7?.latencyNs, 2000123, 'small 64-bit values decode to plain numbers')
  assert.equal(fl.l7?.http?.method, 'POST')
  assert.equal(fl.eventType?.type, 1)
  assert.equal(fl.eventType?.subType, 133)
  assert.equal(fl.dropReasonDesc, flow.DropReason.POLICY_DENY)
  assert.equal(fl.isReply?.value, true)
  assert.equal(String(fl.socketCookie), '18446744073709551615', 'large 64-bit values stay exact')
  assert.equal(fl.Summary, 'TCP Flags: SYN')
  assert.equal(fl.ingressAllowedBy?.[0]?.name, 'allow-all')
  assert.equal(fl.ingressAllowedBy?.[0]?.revision, 7)
})

test('wire: GetFlowsRequest and FlowFilter use Hubble field numbers', () => {
  const bytes = observer.GetFlowsRequest.encode({number: 20, follow: true, first: true,
    whitelist: [{httpMethod: ['POST'], sourcePod: ['default/']}], blacklist: [{verdict: [flow.Verdict.DROPPED]}]}).finish()
  const r = $protobuf.Reader.create(bytes)
  const seen: Array<[number, number]> = []
  while (r.pos < r.len) {
    const tag = r.uint32()
    seen.push([tag >>> 3, tag & 7])
    r.skipType(tag & 7)
  }
  assert.deepEqual(seen.sort((a, b) => a[0] - b[0]), [[1, 0], [3, 0], [5, 2], [6, 2], [9, 0]])
  const filter = flow.FlowFilter.encode({httpMethod: ['POST'], sourcePod: ['default/'], ipTraceId: [7]}).finish()
  const fr = $protobuf.Reader.create(filter)
  const ids: number[] = []
  while (fr.pos < fr.len) {
    const tag = fr.uint32()
    ids.push(tag >>> 3)
    fr.skipType(tag & 7)
  }
  assert.deepEqual(ids.sort((a, b) => a - b), [2, 21, 39])
})
