/**
 * What protojson refuses in a saved flow line and Date or a plain object would let through: a time
 * field out of its range (rolled over by Date) or outside years 1-9999, and a second member of a
 * oneof (the last one would silently win). Each is a bad line, skipped with the real warning.
 */
import assert from 'node:assert/strict'
import {test} from 'node:test'
import {parseFlowJson} from '../../src/hubble/codec/flow-json.js'

const errorOf = (line: string): string | undefined => {
  const parsed = parseFlowJson(line)
  return parsed.response ? undefined : parsed.warnings[0]?.error
}

test('a timestamp Go\'s time.Parse or protojson refuses is a bad line, not a rolled-over date', () => {
  for (const t of ['2020-02-30T00:00:00Z', '2021-02-29T00:00:00Z', '2020-01-01T24:00:00Z', '2020-01-01T00:60:00Z',
    '2016-12-31T23:59:60Z', '2020-13-01T00:00:00Z', '0000-01-01T00:00:00Z', '0001-01-01T00:00:00+01:00', '2020-01-01T00:00:00+25:00']) {
    assert.equal(errorOf(`{"flow":{"time":"${t}"}}`), `proto: invalid google.protobuf.Timestamp value "${t}"`, t)
  }
  // The edges of the range, a leap day and an offset are fine.
  for (const t of ['0001-01-01T00:00:00Z', '9999-12-31T23:59:59.999999999Z', '2020-02-29T12:00:00Z', '2020-02-29T00:00:00-05:30']) {
    assert.equal(errorOf(`{"flow":{"time":"${t}"}}`), undefined, t)
  }
})

test('a second member of a oneof is a bad line with protojson\'s text and position; a null member is absent', () => {
  assert.equal(errorOf('{"flow":{"l4":{"TCP":{"source_port":1},"UDP":{"source_port":2}}}}'),
    'proto: (line 1:40): error parsing "UDP", oneof flow.Layer4.protocol is already set')
  assert.equal(errorOf('{"flow":{"verdict":"FORWARDED"},"node_status":{}}'),
    'proto: (line 1:33): error parsing "node_status", oneof observer.GetFlowsResponse.response_types is already set')
  assert.deepEqual(parseFlowJson('{"flow":{"l4":{"TCP":null,"UDP":{"source_port":2}}}}').response?.flow?.l4, {UDP: {sourcePort: 2}})
})

test('an offset time does not become the cached second of the UTC times that follow it', () => {
  const first = parseFlowJson('{"flow":{"time":"2020-01-01T10:00:00+01:00"}}').response?.flow?.time
  const next = parseFlowJson('{"flow":{"time":"2020-01-01T10:00:00.5Z"}}').response?.flow?.time
  assert.deepEqual(first, {seconds: 1577869200, nanos: 0})
  assert.deepEqual(next, {seconds: 1577872800, nanos: 500_000_000})
})
