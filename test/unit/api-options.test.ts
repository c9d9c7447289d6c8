import assert from 'node:assert/strict'
import {test} from 'node:test'
import {displayOptionValue, dumpConfigurationMap, listOptionsText, parseOptionArg} from '../../src/api/options.js'

const ok: Array<[arg: string, name: string, value: number]> = [
  ['PolicyAuditMode=true', 'PolicyAuditMode', 1], ['policyauditmode=enabled', 'PolicyAuditMode', 1],
  ['Debug=off', 'Debug', 0], ['DropNotification=0', 'DropNotification', 0], ['!TraceNotification', 'TraceNotification', 0],
  ['MonitorAggregationLevel=maximum', 'MonitorAggregationLevel', 4], ['MonitorAggregationLevel=none', 'MonitorAggregationLevel', 0],
  ['MonitorAggregationLevel=2', 'MonitorAggregationLevel', 2],
]
for (const [arg, name, value] of ok) test(`option ${arg}`, () => assert.deepEqual(parseOptionArg(arg), {name, value}))

const bad: Array<[arg: string, message: string]> = [
  ['Debug', 'invalid option format'], ['!Debug=1', 'invalid boolean format'], ['Nope=1', 'unknown option "Nope"'],
  ['Debug=sometimes', 'invalid option value sometimes'], ['MonitorAggregationLevel=high', 'invalid monitor aggregation level "high"'],
  ['MonitorAggregationLevel=7', 'monitor aggregation level must be between 0 and 4'],
]
for (const [arg, message] of bad) test(`option error ${arg}`, () => assert.throws(() => parseOptionArg(arg), {message}))

test('the dumper: keys sorted, padded to 34, values as the agent reports them', () => {
  assert.equal(dumpConfigurationMap({TraceNotification: '1', MonitorAggregationLevel: '3', Debug: 'Disabled', Custom: 'x'}),
    'Custom                            : x\nDebug                             : Disabled\n'
    + 'MonitorAggregationLevel           : Medium\nTraceNotification                 : Enabled\n')
  assert.equal(displayOptionValue('PolicyAuditMode', 'true'), 'Enabled')
  assert.match(listOptionsText(), /^ConntrackAccounting {6}Enable per flow \(conntrack\) statistics\n[\s\S]*\nTraceNotification {8}Enable trace notifications\n$/)
})
