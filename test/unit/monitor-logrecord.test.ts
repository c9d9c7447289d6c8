/**
 * L7 access-log records (monitor message type 129): the gob stream of an accesslog.LogRecord
 * our encoder writes, read back by our decoder; the record of an L7 flow; and the lines
 * `cilium monitor` prints for it (LogRecordNotify.DumpInfo / DumpJSON).
 */
import assert from 'node:assert/strict'
import {test} from 'node:test'
import {logRecordFromFlow} from '../../src/agent/monitor-socket.js'
import {decodeAll, GobEncoder, type GobSliceSpec, type GobMarshalerSpec} from '../../src/monitor/gob.js'
import {MonitorFormatter, type FormatOptions} from '../../src/monitor/format.js'
import {decodeLogRecord, encodeLogRecord, type LogRecord} from '../../src/monitor/logrecord.js'
import {MessageType, PayloadType} from '../../src/monitor/payload.js'

const hex = (s: string): Buffer => Buffer.from(s.replace(/\s+/g, ''), 'hex')
const ascii = (s: string): string => Buffer.from(s, 'latin1').toString('hex')

const request: LogRecord = {type: 'Request', timestamp: '2026-11-24T06:30:00.123456789Z', observationPoint: 'Egress',
  source: {id: 1234, ipv4: '10.200.0.2', port: 41324, identity: 30001, labels: ['k8s:role=frontend', 'k8s:io.kubernetes.pod.namespace=default']},
  destination: {id: 567, ipv4: '10.200.0.3', port: 80, identity: 30002, labels: ['k8s:role=backend']},
  ipVersion: 0, verdict: 'Forwarded', transportProtocol: 6, http: {code: 0, method: 'GET', url: 'http://10.200.0.3/api?x=1', protocol: 'HTTP/1.1'}}

test('a slice of strings and a BinaryMarshaler field: their type definitions and values as the gob spec lays them out', () => {
  const strings: GobSliceSpec = {name: '[]string', slice: 'string'}
  const url: GobMarshalerSpec = {name: 'URL', marshaler: 'binary'}
  const spec = {name: 'S', fields: [{name: 'L', kind: strings}, {name: 'U', kind: url}]}
  const out = new GobEncoder().encode(spec, {L: ['a', ''], U: 'http://x/'})
  // S is type 65 (its definition first), then []string 66 and URL 67 in field order.
  const defS = `ff81 03 01 01 01 ${ascii('S')} 01 ff82 00 01 02 01 01 ${ascii('L')} 01 ff84 00 01 01 ${ascii('U')} 01 ff86 00 00 00`
  const defSlice = `ff83 02 01 01 08 ${ascii('[]string')} 01 ff84 00 01 0c 00 00`
  const defUrl = `ff85 06 01 01 03 ${ascii('URL')} 01 ff86 00 00 00`
  // Every element of a slice is sent, the empty string too.
  const value = `ff82 01 02 01 ${ascii('a')} 00 01 09 ${ascii('http://x/')} 00`
  const msg = (body: string) => { const b = hex(body); return Buffer.concat([Buffer.from([b.length]), b]) }
  assert.deepEqual(out, Buffer.concat([msg(defS), msg(defSlice), msg(defUrl), msg(value)]))
  assert.deepEqual(decodeAll(out), [{type: 'S', value: {L: ['a', ''], U: Buffer.from('http://x/')}}])
})

test('an access-log record our encoder writes decodes to the same record; a nil HTTP part stays absent', () => {
  const data = encodeLogRecord(request)
  assert.equal(data[0], MessageType.accessLog)
  assert.deepEqual(decodeLogRecord(data), request)
  const response: LogRecord = {...request, type: 'Response', http: {...request.http!, code: 503}}
  assert.deepEqual(decodeLogRecord(encodeLogRecord(response)), response)
  const {http: _, ...bare} = request
  assert.deepEqual(decodeLogRecord(encodeLogRecord(bare)), bare)
})

test('the record of an L7 flow: request orientation for both halves (the client is the source), ports, verdict, time', () => {
  const client = {ID: 1234, identity: 30001, labels: ['k8s:role=frontend']}
  const server = {ID: 567, identity: 30002, labels: ['k8s:role=backend']}
  const flow = {time: {seconds: 1795501800, nanos: 120000000}, verdict: 1, IP: {source: '10.200.0.3', destination: '10.200.0.2', ipVersion: 1},
    l4: {TCP: {sourcePort: 80, destinationPort: 41324}}, source: server, destination: client, trafficDirection: 1,
    l7: {type: 2, latencyNs: 1000, http: {code: 200, method: 'GET', url: 'http://10.200.0.3/api', protocol: 'HTTP/1.1'}}}
  assert.deepEqual(logRecordFromFlow(flow), {type: 'Response', timestamp: '2026-11-24T06:30:00.12Z', observationPoint: 'Ingress',
    source: {id: 1234, ipv4: '10.200.0.2', port: 41324, identity: 30001, labels: ['k8s:role=frontend']},
    destination: {id: 567, ipv4: '10.200.0.3', port: 80, identity: 30002, labels: ['k8s:role=backend']},
    ipVersion: 0, verdict: 'Forwarded', transportProtocol: 6, http: {code: 200, method: 'GET', url: 'http://10.200.0.3/api', protocol: 'HTTP/1.1'}})
  assert.equal(logRecordFromFlow({...flow, l7: undefined}), undefined)
})

function formatter(o: Partial<FormatOptions> = {}): MonitorFormatter {
  return new MonitorFormatter({verbosity: 'info', numeric: false, hex: false, types: new Set(), from: new Set(), to: new Set(),
    related: new Set(), linkName: String, ...o})
}

const sample = (r: LogRecord) => ({data: encodeLogRecord(r), cpu: 0, lost: 0n, type: PayloadType.sample})

test('cilium monitor prints access-log records as DumpInfo does, -j as DumpJSON, and filters them by type and endpoint', () => {
  assert.equal(formatter().format(sample(request)),
    '-> Request http from 1234 ([k8s:role=frontend k8s:io.kubernetes.pod.namespace=default]) to 567 ([k8s:role=backend]), '
    + 'identity 30001->30002, verdict Forwarded GET http://10.200.0.3/api?x=1 => 0\n')
  const response: LogRecord = {...request, type: 'Response', observationPoint: 'Ingress', http: {...request.http!, code: 200}}
  assert.equal(formatter({verbosity: 'verbose'}).format(sample(response)),
    '<- Response http to 567 ([k8s:role=backend]) from 1234 ([k8s:role=frontend k8s:io.kubernetes.pod.namespace=default]), '
    + 'identity 30001->30002, verdict Forwarded GET http://10.200.0.3/api?x=1 => 200\n')
  const json = JSON.parse(formatter({verbosity: 'json'}).format(sample(response))) as Record<string, unknown>
  assert.deepEqual(json, {type: 'logRecord', observationPoint: 'Ingress', flowType: 'Response', l7Proto: 'http', srcEpID: 1234,
    srcEpLabels: ['k8s:role=frontend', 'k8s:io.kubernetes.pod.namespace=default'], srcIdentity: 30001, dstEpID: 567,
    dstEpLabels: ['k8s:role=backend'], dstIdentity: 30002, verdict: 'Forwarded',
    http: {Code: 200, Method: 'GET', URL: {Scheme: 'http', Opaque: '', User: null, Host: '10.200.0.3', Path: '/api', RawPath: '', OmitHost: false,
      ForceQuery: false, RawQuery: 'x=1', Fragment: '', RawFragment: ''}, Protocol: 'HTTP/1.1', Headers: null, MissingHeaders: null,
    RejectedHeaders: null}})
  assert.equal(formatter({types: new Set([MessageType.drop])}).format(sample(request)), '')
  assert.notEqual(formatter({types: new Set([MessageType.accessLog])}).format(sample(request)), '')
  assert.equal(formatter({from: new Set([567])}).format(sample(request)), '')
  assert.notEqual(formatter({related: new Set([567])}).format(sample(request)), '')
  assert.equal(formatter().format({...sample(request), data: Buffer.from([MessageType.accessLog, 1, 2])}),
    'Error while decoding LogRecord notification message: gob: unexpected end of message\n')
})
