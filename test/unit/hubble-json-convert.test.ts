/**
 * The compiled JSON → message converters (one switch per message type, checks inline): what
 * they accept, refuse and drop, value by value, as protojson with DiscardUnknown.
 */
import assert from 'node:assert/strict'
import {test} from 'node:test'
import {fromJsonValue, JsonCodecError, parseFlowJson, parseTimestamp} from '../../src/hubble/codec/index.js'

const error = (type: string, value: unknown): string => {
  try {
    fromJsonValue(type, value)
  } catch (e) {
    assert.ok(e instanceof JsonCodecError, String(e))
    return e.message
  }
  return 'no error'
}

test('json convert: 32-bit integers as numbers or decimal strings, in range, integral', () => {
  assert.deepEqual(fromJsonValue('flow.TCP', {source_port: 4294967295, destination_port: '80'}), {sourcePort: 4294967295, destinationPort: 80})
  assert.equal(error('flow.TCP', {source_port: 4294967296}), 'invalid value for uint32 field: 4294967296')
  assert.equal(error('flow.TCP', {source_port: -1}), 'invalid value for uint32 field: -1')
  assert.equal(error('flow.TCP', {source_port: 1.5}), 'invalid value for uint32 field: 1.5')
  assert.equal(error('flow.TCP', {source_port: true}), 'invalid value for uint32 field: true')
  assert.deepEqual(fromJsonValue('flow.ICMPv4', {type: 2147483647, code: 0}), {type: 2147483647, code: 0})
  assert.equal(error('flow.Endpoint', {ID: 2 ** 32}), `invalid value for uint32 field: ${2 ** 32}`)
})

test('json convert: both names of a field, null as absent, lists, nested messages', () => {
  const m = fromJsonValue('flow.Endpoint', {pod_name: 'a', podName: 'b', namespace: null, labels: ['x', 'y'], workloads: [{name: 'w'}]})
  assert.deepEqual(m, {podName: 'b', labels: ['x', 'y'], workloads: [{name: 'w'}]})
  assert.equal(error('flow.Endpoint', {labels: 'x'}), 'unexpected token "x" for string')
  assert.equal(error('flow.Endpoint', {labels: [1]}), 'invalid value for string field: 1')
  assert.equal(error('flow.Endpoint', {workloads: [null]}), 'unexpected token null for flow.Workload')
  assert.equal(error('flow.Endpoint', 'x'), 'unexpected token "x" for flow.Endpoint')
})

test('json convert: unknown fields are an error, or dropped and reported once each as they come', () => {
  assert.equal(error('flow.Endpoint', {pod_name: 'a', nope: null}), 'unknown field "nope"')
  const seen: string[] = []
  const m = fromJsonValue('flow.Endpoint', {x: 1, pod_name: 'a', y: null}, {discardUnknown: true, onUnknown: (k) => seen.push(k)})
  assert.deepEqual(m, {podName: 'a'})
  assert.deepEqual(seen, ['x', 'y'])
})

test('json convert: enum names are the enum\'s own, not Object.prototype members', () => {
  for (const name of ['toString', '__proto__', 'constructor', 'hasOwnProperty']) {
    const {response, warnings} = parseFlowJson(`{"flow":{"verdict":"${name}"}}`)
    assert.equal(response, undefined, name)
    assert.equal(warnings[0]?.error, `proto: invalid value for enum field: "${name}"`)
  }
  assert.equal(parseFlowJson('{"flow":{"verdict":"DROPPED"}}').response?.flow?.verdict, 2)
})

test('json convert: timestamps in the second of the last one read keep their checks', () => {
  assert.deepEqual(parseTimestamp('2023-05-10T12:00:01Z'), {seconds: 1683720001, nanos: 0})
  assert.deepEqual(parseTimestamp('2023-05-10T12:00:01.5Z'), {seconds: 1683720001, nanos: 500_000_000})
  assert.deepEqual(parseTimestamp('2023-05-10T12:00:01.000000001z'), {seconds: 1683720001, nanos: 1})
  assert.deepEqual(parseTimestamp('2023-05-10T12:00:01.12345678Z'), {seconds: 1683720001, nanos: 123_456_780})
  for (const bad of ['2023-05-10T12:00:01.Z', '2023-05-10T12:00:01.1234567891Z', '2023-05-10T12:00:01.5', '2023-05-10T12:00:01.5ZZ', '2023-05-10T12:00:01.5x']) {
    assert.throws(() => parseTimestamp(bad), JsonCodecError, bad)
  }
  assert.deepEqual(parseTimestamp('2023-05-10T12:00:01+01:00'), {seconds: 1683716401, nanos: 0})
})
