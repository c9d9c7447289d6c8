import assert from 'node:assert/strict'
import {test} from 'node:test'
import {containsLabels, hasLabel, labelString, parseLabel, parseSelectLabel} from '../../src/identity/labels.js'

const cases: Array<[text: string, want: ReturnType<typeof parseLabel>]> = [
  ['k8s:app=web', {source: 'k8s', key: 'app', value: 'web'}],
  ['reserved:host', {source: 'reserved', key: 'host', value: ''}],
  ['$world', {source: 'reserved', key: 'world', value: ''}],
  ['app=web', {source: 'unspec', key: 'app', value: 'web'}],
  ['app=a:b', {source: 'unspec', key: 'app', value: 'a:b'}],
  ['k8s:io.kubernetes.pod.namespace=default', {source: 'k8s', key: 'io.kubernetes.pod.namespace', value: 'default'}],
  ['cidr:10.0.0.0/8', {source: 'cidr', key: '10.0.0.0/8', value: ''}],
]
for (const [text, want] of cases) test(`parseLabel ${text}`, () => assert.deepEqual(parseLabel(text), want))

test('selector labels default to source any; labelString drops an empty value', () => {
  assert.deepEqual(parseSelectLabel('role=backend'), {source: 'any', key: 'role', value: 'backend'})
  assert.equal(labelString({source: 'reserved', key: 'host', value: ''}), 'reserved:host')
  assert.equal(labelString({source: 'k8s', key: 'app', value: 'x'}), 'k8s:app=x')
})

test('matching: any and unspec match every source, a named source only itself', () => {
  const labels = [parseLabel('k8s:app=web'), parseLabel('reserved:host')]
  assert.equal(hasLabel(labels, parseSelectLabel('app=web')), true)
  assert.equal(hasLabel(labels, parseLabel('app=web')), true)
  assert.equal(hasLabel(labels, parseLabel('container:app=web')), false)
  assert.equal(hasLabel(labels, parseLabel('k8s:app=db')), false)
  assert.equal(containsLabels(labels, [parseLabel('k8s:app=web'), parseLabel('reserved:host')]), true)
  assert.equal(containsLabels(labels, []), true)
})
