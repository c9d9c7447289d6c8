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
import {decodeLogRecord, encodeLogRecord, type GoUrl, type LogRecord, parseGoUrl} from '../../src/monitor/logrecord.js'
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

test('a non-nil pointer to an all-zero HTTP part is sent (its delta, then the empty struct\'s 0) and decodes non-nil, as in Go', () => {
  const empty: LogRecord = {...request, http: {code: 0, method: '', url: '', protocol: ''}}
  const data = encodeLogRecord(empty)
  // TransportProtocol (field 8, delta 2 past the empty Info) = 6, HTTP (field 9, delta 1) with no field, end of HTTP, end of LogRecord.
  assert.deepEqual([...data.subarray(-5)], [0x02, 0x06, 0x01, 0x00, 0x00])
  assert.deepEqual(decodeLogRecord(data), empty)
  const json = JSON.parse(formatter({verbosity: 'json'}).format({data, cpu: 0, lost: 0n, type: PayloadType.sample})) as {l7Proto: string}
  assert.equal(json.l7Proto, 'http')
  // A nil pointer is left out of the stream and stays absent.
  const {http: _, ...bare} = request
  assert.equal(decodeLogRecord(encodeLogRecord(bare)).http, undefined)
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

/**
 * Records as a real agent's Go encoder writes them (encoding/gob of LogRecord-shaped structs with
 * a DNS, a Kafka and a generic L7 part; generated once with Go 1.19 from the field facts of
 * pkg/proxy/accesslog record.go, the encoder's own type ids and order).
 */
// Each stream's type definitions, the same in all three: LogRecord, EndpointInfo, []string, LogRecordKafka, KafkaTopic,
// LogRecordDNS, []net.IP, []uint16, LogRecordL7 and map[string]string, in the encoder's id order.
const goTypeDefinitions = [
  '81ffbcff81030101094c6f675265636f726401ff8200010b010454797065010c00010954696d657374616d70010c0001104f6273657276617469',
  '6f6e506f696e74010c00010e536f75726365456e64706f696e7401ff8400011344657374696e6174696f6e456e64706f696e7401ff8400010949',
  '5056657273696f6e010600010756657264696374010c0001115472616e73706f727450726f746f636f6c01060001054b61666b6101ff88000103',
  '444e5301ff8c0001024c3701ff9200000055ff830301010c456e64706f696e74496e666f01ff8400010601024944010600010449507634010c00',
  '010449507636010c000104506f727401060001084964656e7469747901060001064c6162656c7301ff8600000016ff85020101085b5d73747269',
  '6e6701ff8600010c000061ff870301010e4c6f675265636f72644b61666b6101ff8800010501094572726f72436f6465010400010a4150495665',
  '7273696f6e01040001064150494b6579010c00010d436f7272656c6174696f6e49440104000105546f70696301ff8a00000022ff890301010a4b',
  '61666b61546f70696301ff8a0001010105546f706963010c0000007eff8b0301010c4c6f675265636f7264444e5301ff8c000108010551756572',
  '79010c00010349507301ff8e00010354544c0106000106434e414d457301ff860001114f62736572766174696f6e536f75726365010c00010552',
  '436f6465010400010651547970657301ff9000010b416e73776572547970657301ff9000000016ff8d020101085b5d6e65742e495001ff8e0001',
  '0a000016ff8f020101085b5d75696e74313601ff9000010600002fff910301010b4c6f675265636f72644c3701ff92000102010550726f746f01',
  '0c0001064669656c647301ff9400000021ff93040101116d61705b737472696e675d737472696e6701ff9400010c010c0000'].join('')

/** Each record: the type definitions, then the LogRecord value's message. */
const goRecords = {
  dnsResponse: goTypeDefinitions + [
    'ffd4ff820108526573706f6e73650114323032362d31312d32345430363a33303a30305a010645677265737301010c010831302e302e302e3502',
    'fecf0801fe012c01010b6b38733a6170703d7765620001020a31302e39362e302e31300235010201010e72657365727665643a776f726c640002',
    '09466f72776172646564011102010a63696c69756d2e696f2e01021000000000000000000000ffff68c60e341020010db8000000000000000000',
    '00000101fe012c01010e7777772e63696c69756d2e696f2e010570726f78790201010102011c0000'].join(''),
  kafkaRequest: goTypeDefinitions + [
    'ff9eff820107526571756573740114323032362d31312d32345430363a33303a30315a0107496e677265737301010c010831302e302e302e3502',
    'fecf0801fe012c01010b6b38733a6170703d7765620001020a31302e39362e302e31300235010201010e72657365727665643a776f726c640002',
    '0644656e6965640106010204010770726f64756365010e01010f6465617468737461722d706c616e73000000'].join(''),
  genericRequest: goTypeDefinitions + [
    'ffa9ff820107526571756573740114323032362d31312d32345430363a33303a30325a0107496e677265737301010c010831302e302e302e3502',
    'fecf0801fe012c01010b6b38733a6170703d7765620001020a31302e39362e302e31300235010201010e72657365727665643a776f726c640002',
    '09466f72776172646564010603010472326432010303636d6404524541440466696c65072f7075626c696306737461747573026f6b0000'].join(''),
}

test('records a Go encoder wrote decode, and print as DumpInfo and DumpJSON do for DNS, Kafka and generic L7 parts', () => {
  const web = '12 ([k8s:app=web])', world = '0 ([reserved:world])'
  const dns = decodeLogRecord(hex(goRecords.dnsResponse))
  assert.deepEqual(dns.dns, {query: 'cilium.io.', ips: ['104.198.14.52', '2001:db8::1'], ttl: 300, cnames: ['www.cilium.io.'],
    observationSource: 'proxy', rcode: 0, qtypes: [1], answerTypes: [1, 28]})
  assert.deepEqual([dns.source.port, dns.destination.ipv4, dns.transportProtocol, dns.http], [53000, '10.96.0.10', 17, undefined])
  const goSample = (h: string) => ({data: hex(h), cpu: 0, lost: 0n, type: PayloadType.sample})
  assert.equal(formatter().format(goSample(goRecords.dnsResponse)), `-> Response dns to ${world} from ${web}, identity 300->2, verdict Forwarded`
    + ' DNS proxy: cilium.io. A TTL: 300 Answer: \'104.198.14.52,2001:db8::1\' CNAMEs: www.cilium.io.\n')
  const dnsJson = JSON.parse(formatter({verbosity: 'json'}).format(goSample(goRecords.dnsResponse))) as
    {l7Proto: string; dns: unknown}
  assert.equal(dnsJson.l7Proto, 'dns')
  assert.deepEqual(dnsJson.dns, {Query: 'cilium.io.', IPs: ['104.198.14.52', '2001:db8::1'], TTL: 300, CNAMEs: ['www.cilium.io.'],
    ObservationSource: 'proxy', QTypes: [1], AnswerTypes: [1, 28]})

  const kafka = decodeLogRecord(hex(goRecords.kafkaRequest))
  assert.deepEqual(kafka.kafka, {errorCode: 0, apiVersion: 2, apiKey: 'produce', correlationId: 7, topic: 'deathstar-plans'})
  assert.equal(formatter().format(goSample(goRecords.kafkaRequest)),
    `<- Request kafka from ${web} to ${world}, identity 300->2, verdict Denied produce topic deathstar-plans => 0\n`)

  const generic = decodeLogRecord(hex(goRecords.genericRequest))
  assert.deepEqual(generic.l7, {proto: 'r2d2', fields: {cmd: 'READ', file: '/public', status: 'ok'}})
  assert.equal(formatter().format(goSample(goRecords.genericRequest)),
    `<- Request r2d2 from ${web} to ${world}, identity 300->2, verdict Forwarded cmd:READ file:/public => status:ok\n`)
})

test('an HTTP record\'s URL in -j is url.URL as Go\'s url.Parse fills it: host as written, no path, RawPath, query, fragment', () => {
  const none: GoUrl = {Scheme: '', Opaque: '', User: false, Host: '', Path: '', RawPath: '', OmitHost: false, ForceQuery: false, RawQuery: '',
    Fragment: '', RawFragment: ''}
  const cases: [string, Partial<GoUrl>][] = [
    // Case and the default port are kept; no path is "", not "/".
    ['http://Example.com:80', {Scheme: 'http', Host: 'Example.com:80'}],
    ['HTTP://Example.com:80/a', {Scheme: 'http', Host: 'Example.com:80', Path: '/a'}],
    // RawPath only when the default escaping of Path differs from what was sent.
    ['http://h/a%2Fb', {Scheme: 'http', Host: 'h', Path: '/a/b', RawPath: '/a%2Fb'}],
    ['http://h/a%20b', {Scheme: 'http', Host: 'h', Path: '/a b'}],
    ['http://h/%41', {Scheme: 'http', Host: 'h', Path: '/A', RawPath: '/%41'}],
    ['http://h/a b', {Scheme: 'http', Host: 'h', Path: '/a b', RawPath: '/a b'}],
    ['http://h/p?x=1&y=%20#frag%21', {Scheme: 'http', Host: 'h', Path: '/p', RawQuery: 'x=1&y=%20', Fragment: 'frag!', RawFragment: 'frag%21'}],
    ['http://h/p?#f%20g', {Scheme: 'http', Host: 'h', Path: '/p', ForceQuery: true, Fragment: 'f g'}],
    ['http://h/p?a?', {Scheme: 'http', Host: 'h', Path: '/p', RawQuery: 'a?'}],
    ['http://u:p%40ss@[fe80::1%25eth0]:8080/', {Scheme: 'http', User: true, Host: '[fe80::1%eth0]:8080', Path: '/'}],
    ['http:/only/path', {Scheme: 'http', OmitHost: true, Path: '/only/path'}],
    ['mailto:a@b?subject=x', {Scheme: 'mailto', Opaque: 'a@b', RawQuery: 'subject=x'}],
    ['a:b/c', {Scheme: 'a', Opaque: 'b/c'}],
    ['/relative?q', {Path: '/relative', RawQuery: 'q'}],
    ['*', {Path: '*'}],
  ]
  for (const [text, fields] of cases) assert.deepEqual(parseGoUrl(text), {...none, ...fields}, text)
  for (const [text, why] of [['http://h/%zz', 'invalid URL escape "%zz"'], ['http://h:x/', 'invalid port ":x" after host'],
    ['1a:b', 'first path segment in URL cannot contain colon'], [':x', 'missing protocol scheme'],
    ['http://h^/', 'invalid character "^" in host name'], ['http://h/\n', 'net/url: invalid control character in URL']] as const) {
    assert.throws(() => parseGoUrl(text), {message: `parse ${JSON.stringify(text)}: ${why}`}, text)
  }
  const json = (url: string) => (JSON.parse(formatter({verbosity: 'json'}).format(sample({...request, http: {...request.http!, url}}))) as
    {http: {URL: unknown}}).http.URL
  assert.deepEqual(json('http://Example.com:80/a%2Fb?x=1#top'), {Scheme: 'http', Opaque: '', User: null, Host: 'Example.com:80', Path: '/a/b',
    RawPath: '/a%2Fb', OmitHost: false, ForceQuery: false, RawQuery: 'x=1', Fragment: 'top', RawFragment: ''})
  assert.deepEqual((json('http://me@h') as {User: unknown; Path: string}).User, {})
  // url.URL's UnmarshalBinary fails on a URL Go cannot parse, and with it the record's decoding.
  assert.equal(formatter().format(sample({...request, http: {...request.http!, url: 'http://h/%zz'}})),
    'Error while decoding LogRecord notification message: parse "http://h/%zz": invalid URL escape "%zz"\n')
})
