import assert from 'node:assert/strict'
import {test} from 'node:test'
import {goTimeJson, goTimeString} from '../../src/maps/auth.js'
import {batchOf} from '../../src/maps/batch.js'
import {decodeEndpoint, endpointKeyString, endpointValueString} from '../../src/maps/endpoint.js'
import {decodeIpcache, ipcacheContains, ipcacheKeyString, ipcacheValueString} from '../../src/maps/ipcache.js'
import {backendString, decodeBackend, decodeServiceKey, decodeServiceValue, serviceFlagsString, serviceKeyString,
  serviceSlotString} from '../../src/maps/lb.js'
import {metricsTable, sortMetrics, sumMetrics} from '../../src/maps/metrics.js'
import {nodeIdRows} from '../../src/maps/nodeid.js'
import {dropReasonText} from '../../src/maps/drop-reasons.js'

test('lb: service key, master slot and backend slot strings', () => {
  // lb4_key: 10.96.0.1 · be16 443 · slot 0 LE · TCP · scope internal · pad.
  const master = decodeServiceKey(Buffer.from([10, 96, 0, 1, 0x01, 0xbb, 0, 0, 6, 1, 0, 0]), 0, false)
  assert.equal(serviceKeyString(master), '10.96.0.1:443/TCP/i')
  // lb_service: backend_id 0 · count 1 · rev_nat be16 5 · flags NodePort|routable · flags2 0 · qcount 0.
  const mv = decodeServiceValue(Buffer.from([0, 0, 0, 0, 1, 0, 0, 5, 0x42, 0, 0, 0]), 0)
  assert.equal(serviceSlotString(master, mv, new Map()), '0.0.0.0:0 (5) (0) [NodePort]')
  const be = decodeBackend(Buffer.from([10, 0, 0, 9, 0x1f, 0x90, 6, 0, 3, 0, 1, 0]), 0, false, 12)
  assert.deepEqual(be, {ipv6: false, address: '10.0.0.9', port: 8080, proto: 6, flags: 0, clusterId: 3, zone: 1})
  assert.equal(backendString(be), 'TCP://10.0.0.9:8080')
  assert.equal(serviceSlotString({...master, slot: 1}, {...mv, backendId: 4}, new Map([[4, be]])), '10.0.0.9:8080/TCP (5) (1)')
  assert.equal(serviceFlagsString(0x10 | 0x04, 0x04), 'ClusterIP, Local, sessionAffinity, l7-load-balancer, non-routable')
})

test('ipcache: v2 and v1 keys and values, prefix containment', () => {
  const key = Buffer.from([56, 0, 0, 0, 0, 0, 0, 1, 10, 1, 0, 0, ...new Array(12).fill(0)])  // 10.1.0.0/24
  const v2 = Buffer.from([0, 1, 0, 0, 192, 168, 0, 7, ...new Array(12).fill(0), 0, 0, 2, 0x03])
  const e = decodeIpcache('v2', key, 0, v2, 0)
  assert.equal(ipcacheKeyString(e), '10.1.0.0/24')
  assert.equal(ipcacheValueString('v2', e), 'identity=256 encryptkey=2 tunnelendpoint=192.168.0.7 flags=skiptunnel,hastunnel')
  assert.ok(ipcacheContains(e, Buffer.from([10, 1, 0, 200])))
  assert.ok(!ipcacheContains(e, Buffer.from([10, 1, 1, 0])))
  const v1 = Buffer.from([44, 1, 0, 0, 192, 168, 0, 8, 9, 0, 1, 0])
  const keyV1 = Buffer.from(key)
  keyV1[6] = 4
  const e1 = decodeIpcache('v1', keyV1, 0, v1, 0)
  assert.equal(`${ipcacheKeyString(e1)} ${ipcacheValueString('v1', e1)}`, '10.1.0.0/24@4 identity=300 encryptkey=1 tunnelendpoint=192.168.0.8 nodeid=9')
})

test('endpoint: key and the padded value string', () => {
  const key = Buffer.from([10, 0, 1, 184, ...new Array(12).fill(0), 1, 0, 0, 0])
  const info = Buffer.alloc(48)
  info.writeUInt32LE(12, 0); info.writeUInt16LE(1234, 6); info.writeUInt32LE(0x2a, 8)
  Buffer.from([0xa, 0xb, 0xc, 0xd, 0xe, 0xf]).copy(info, 16); info.writeUInt32LE(256, 32)
  const e = decodeEndpoint(key, 0, info, 0)
  assert.equal(endpointKeyString(e), '10.0.1.184:0')
  assert.equal(endpointValueString(e), 'id=1234  sec_id=256   flags=0x002A ifindex=12  mac=0a:0b:0c:0d:0e:0f nodemac=00:00:00:00:00:00 parent_ifindex=0  ')
})

test('metrics: CPUs and line/file rows summed, sorted by the printed cells', () => {
  const key = (reason: number, dir: number, line: number) => Buffer.from([reason, dir, line & 0xff, line >> 8, 1, 0, 0, 0])
  const cpus = (...pairs: Array<[number, number]>) => Buffer.concat(pairs.map(([p, b]) => {
    const x = Buffer.alloc(16); x.writeBigUInt64LE(BigInt(p), 0); x.writeBigUInt64LE(BigInt(b), 8); return x
  }))
  const rows = sortMetrics(sumMetrics([batchOf([[key(181, 2, 10), cpus([1, 100], [2, 200])], [key(181, 2, 20), cpus([3, 300], [0, 0])],
    [key(0, 1, 0), cpus([9, 900], [1, 100])]])]))
  assert.equal(metricsTable(rows),
    'REASON                      DIRECTION   PACKETS   BYTES   \n' +
    'Policy denied by denylist   EGRESS      6         600     \n' +
    'Success                     INGRESS     10        1000    \n')
  assert.equal(dropReasonText(133), 'Policy denied')
  assert.equal(dropReasonText(255), '255')
})

test('nodeid: one row per entry (as cilium-dbg), by node ID then address', () => {
  const key = (ip: number[]) => Buffer.from([0, 0, 0, 1, ...ip, ...new Array(12).fill(0)])
  const rows = nodeIdRows([batchOf([[key([10, 0, 0, 2]), Buffer.from([5, 0, 9, 0])], [key([10, 0, 0, 1]), Buffer.from([5, 0, 9, 0])],
    [key([10, 0, 0, 3]), Buffer.from([4, 0, 0, 0])]])])
  assert.deepEqual(rows, [{ID: 4, Address: '10.0.0.3', SPI: 0}, {ID: 5, Address: '10.0.0.1', SPI: 9}, {ID: 5, Address: '10.0.0.2', SPI: 9}])
})

test('goTimeString prints Go time.Time.String(), goTimeJson its RFC 3339 JSON, in the given zone', () => {
  assert.equal(goTimeString(1_795_471_200_123_000_000n, 'UTC'), '2026-11-23 22:00:00.123 +0000 UTC')
  assert.equal(goTimeString(1_795_471_200_000_000_000n, 'America/New_York'), '2026-11-23 17:00:00 -0500 EST')
  assert.equal(goTimeJson(1_795_471_200_123_000_000n, 'UTC'), '2026-11-23T22:00:00.123Z')
  assert.equal(goTimeJson(1_795_471_200_000_000_000n, 'America/New_York'), '2026-11-23T17:00:00-05:00')
})
