import assert from 'node:assert/strict'
import {test} from 'node:test'
import {endpointLabelsTable, endpointListTable, identityTable, policyText} from '../../src/api/format.js'
import type {Endpoint} from '../../src/api/models.js'

test('endpoint list: enforcement words per policy-enabled, Unknown/No address/no labels/<no label id>', () => {
  const eps: Endpoint[] = [
    {id: 9, status: {state: 'ready', policy: {realized: {'policy-enabled': 'audit-both'}}, identity: {id: 300, labels: []},
      labels: {'security-relevant': ['k8s:b=2', 'k8s:a=1']}, networking: {addressing: []}}},
    {id: 3, status: {state: 'waiting-for-identity'}},
  ]
  assert.equal(endpointListTable(eps, true), [
    '3    Unknown            Unknown            <no label id>   no labels   Unknown      Unknown      waiting-for-identity   ',
    '9    Disabled (Audit)   Disabled (Audit)   300             k8s:a=1     No address   No address   ready                  ',
    `${' '.repeat(59)}k8s:b=2${' '.repeat(54)}`,
    ''].join('\n'))
})

test('identity table, labels table, policy text', () => {
  assert.equal(identityTable([{id: 256, labels: ['k8s:z=1', 'k8s:a=1']}, {id: 1, labels: ['reserved:host']}]),
    'ID    LABELS\n1     reserved:host\n256   k8s:a=1\n      k8s:z=1\n')
  assert.equal(endpointLabelsTable({status: {realized: {user: ['unspec:x=1']}, 'security-relevant': ['k8s:app=web'], disabled: ['k8s:old=1']}}),
    'unspec:x=1    Enabled\nk8s:app=web   Enabled\nk8s:old=1     Disabled\n')
  assert.equal(policyText({revision: 4, policy: '[]'}), '[]\nRevision: 4\n')
})
