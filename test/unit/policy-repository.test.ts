import assert from 'node:assert/strict'
import {readFileSync} from 'node:fs'
import {test} from 'node:test'
import {parseLabel} from '../../src/identity/labels.js'
import {PolicyNotFoundError, PolicyRepository, PolicyValidationError, checkPolicyText, rulesJson} from '../../src/policy/repository.js'
import type {Rule} from '../../src/policy/types.js'

const fixtureText = (name: string): string => readFileSync(new URL(`../../../test/fixtures/policy/${name}`, import.meta.url), 'utf8')
const named = (name: string, extra: Partial<Rule> = {}): Rule => ({endpointSelector: {matchLabels: {app: name}},
  ingress: [{fromEntities: ['cluster']}], labels: [{key: 'name', value: name, source: 'unspec'}], ...extra})

test('the revision starts at 1 and grows by one per add and delete', () => {
  const repo = new PolicyRepository()
  assert.equal(repo.revision, 1)
  assert.equal(repo.add([named('a'), named('b')]), 2)
  assert.equal(repo.add([named('c')]), 3)
  assert.deepEqual(repo.delete([parseLabel('name=b')]), {revision: 4, deleted: 1})
  assert.deepEqual(repo.list().map((r) => r.labels?.[0].value), ['a', 'c'])
  assert.deepEqual(repo.delete(), {revision: 5, deleted: 2})
  assert.deepEqual(repo.list(), [])
})

test('an import with one invalid rule changes nothing, and says every problem', () => {
  const repo = new PolicyRepository()
  repo.add([named('a')])
  const before = rulesJson(repo.list())
  const bad = [named('b'), named('c', {ingress: [{fromEntities: ['moon']}]}), named('d', {egress: [{toCIDR: ['']}], endpointSelector: undefined})]
  assert.throws(() => repo.add(bad), (err: unknown) => {
    assert.ok(err instanceof PolicyValidationError)
    assert.deepEqual(err.issues.map((i) => `${i.index}: ${i.message}`), ['1: unsupported entity: moon',
      '2: rule must have one of EndpointSelector or NodeSelector', '2: IP must be specified'])
    return true
  })
  assert.equal(repo.revision, 2)
  assert.equal(rulesJson(repo.list()), before)
})

test('a file import with one invalid rule (parsed path, --replace too) keeps the repository as it was: same revision, same rule list', () => {
  const repo = new PolicyRepository()
  repo.add([named('a'), named('b')])
  const list = repo.list()
  const {rules, issues} = checkPolicyText(fixtureText('one-invalid.yaml'), 'one-invalid.yaml')
  assert.equal(issues.length, 1, 'the CLI sees the bad rule and sends nothing')
  const bad = [...rules, {rule: named('a', {egress: [{toPorts: [{ports: [{port: '99999'}]}]}]}), origin: {file: 'x.yaml', document: 0, index: 0, name: 'x'}}]
  for (const opts of [{}, {replace: true}, {replaceWithLabels: [parseLabel('name=b')]}]) {
    assert.throws(() => repo.addParsed(bad, opts), PolicyValidationError)
    assert.equal(repo.revision, 2)
    // The very same list: regeneration keeps its caches and computes the same entries.
    assert.equal(repo.list(), list)
  }
})

test('the fixture with one invalid rule: every issue located, no rule passes', () => {
  const {rules, issues} = checkPolicyText(fixtureText('one-invalid.yaml'), 'one-invalid.yaml')
  assert.equal(rules.length, 2)
  assert.deepEqual(issues.map((i) => [i.name, i.index, i.message]), [['CiliumNetworkPolicy default/mixed', 1, 'unsupported entity: outer-space']])
})

test('--replace swaps rules with the same labels; --replace-with-labels those that carry the given ones', () => {
  const repo = new PolicyRepository()
  repo.add([named('a'), named('b')])
  repo.add([named('a', {description: 'new a'})], {replace: true})
  assert.deepEqual(repo.list().map((r) => [r.labels?.[0].value, r.description]), [['b', undefined], ['a', 'new a']])
  repo.add([named('z')], {replaceWithLabels: [parseLabel('name=b')]})
  assert.deepEqual(repo.list().map((r) => r.labels?.[0].value), ['a', 'z'])
})

test('get filters by labels (404 when labels match nothing); delete of unknown labels is 404 and keeps the revision', () => {
  const repo = new PolicyRepository()
  repo.add([named('a'), named('b')])
  assert.deepEqual(repo.get([parseLabel('unspec:name=a')]).map((r) => r.labels?.[0].value), ['a'])
  assert.equal(repo.get().length, 2)
  assert.throws(() => repo.get([parseLabel('name=zzz')]), PolicyNotFoundError)
  assert.throws(() => repo.delete([parseLabel('name=zzz')]), PolicyNotFoundError)
  assert.equal(repo.revision, 2)
})

test('stored rules are sanitized and print in the Go field order with source-prefixed keys', () => {
  const repo = new PolicyRepository()
  repo.add([{labels: [{key: 'name', value: 'r', source: 'unspec'}], egress: [{toPorts: [{ports: [{port: '80', protocol: 'tcp'}]}], toEndpoints: [{matchLabels: {role: 'b'}}]}],
    endpointSelector: {matchLabels: {role: 'a'}}}])
  assert.equal(rulesJson(repo.list()), `[
  {
    "endpointSelector": {
      "matchLabels": {
        "any:role": "a"
      }
    },
    "egress": [
      {
        "toEndpoints": [
          {
            "matchLabels": {
              "any:role": "b"
            }
          }
        ],
        "toPorts": [
          {
            "ports": [
              {
                "port": "80",
                "protocol": "TCP"
              }
            ]
          }
        ]
      }
    ],
    "labels": [
      {
        "key": "name",
        "value": "r",
        "source": "unspec"
      }
    ]
  }
]`)
})
