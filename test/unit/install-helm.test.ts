import assert from 'node:assert/strict'
import {readFileSync, writeFileSync} from 'node:fs'
import {join} from 'node:path'
import {test} from 'node:test'
import {UsageError} from '../../src/errors.js'
import {type InstallAnswers, defaultAnswers, validateAnswers} from '../../src/install/answers.js'
import {applySet, findKubeconfig, helmArgs, helmValues, manualInstallScript, mergedValues, mergeValues, renderValuesYaml,
  type HelmTarget, type UserValues, type Values, valueKeyPaths} from '../../src/install/helm.js'
import {repoRoot, tempDir} from '../helpers/cli.js'

const fixtures = join(repoRoot, 'test', 'fixtures', 'install')

/** The chart's documented keys (comments and blank lines skipped). */
const chartKeys = new Set(readFileSync(join(fixtures, 'chart-value-keys.txt'), 'utf8').split('\n').filter((l) => l !== '' && !l.startsWith('#')))

const answerSets: Array<{name: string; answers: InstallAnswers; user: UserValues}> = [
  {name: 'default', answers: {...defaultAnswers}, user: {valuesFiles: [], set: [], setString: []}},
  {name: 'strict', user: {valuesFiles: [], set: [], setString: []},
    answers: {pool: '10.42.0.0/16', enablePolicy: 'always', auditMode: true, hubbleListenAddress: ':4244', ringCapacity: 65535}},
  {name: 'tls', user: {valuesFiles: [join(fixtures, 'user-values.yaml')], set: ['operator.replicas=2,debug.enabled=true'],
    setString: ['hubble.eventBufferCapacity=16383']},
  answers: {pool: '172.20.0.5/26', enablePolicy: 'never', auditMode: false, hubbleListenAddress: '0.0.0.0:4245', ringCapacity: 8191,
    hubbleTls: {certFile: join(fixtures, 'tls', 'server.crt'), keyFile: join(fixtures, 'tls', 'server.key')}}},
]

for (const {name, answers, user} of answerSets) {
  test(`helm values for the ${name} answers match test/fixtures/install/helm-values-${name}.yaml`, () => {
    const values = mergedValues(helmValues(validateAnswers(answers)), user)
    const yaml = renderValuesYaml(values)
    const golden = join(fixtures, `helm-values-${name}.yaml`)
    if (process.env.UPDATE_GOLDEN) writeFileSync(golden, yaml)
    assert.equal(yaml, readFileSync(golden, 'utf8'))
  })

  test(`every value key of the ${name} answers is one the chart documents`, () => {
    const values = mergedValues(helmValues(validateAnswers(answers)), user)
    const unknown = valueKeyPaths(values).filter((k) => !chartKeys.has(k))
    assert.deepEqual(unknown, [])
  })
}

test('the chart key list is the real one: it has the keys we rely on and not made-up ones', () => {
  assert.ok(chartKeys.size > 1000)
  for (const k of ['policyEnforcementMode', 'policyAuditMode', 'hubble.listenAddress', 'hubble.eventBufferCapacity',
    'hubble.tls.server.cert', 'ipam.operator.clusterPoolIPv4PodCIDRList', 'operator.replicas']) assert.ok(chartKeys.has(k), k)
  assert.equal(chartKeys.has('hubble.ringCapacity'), false)
  assert.deepEqual(valueKeyPaths({a: {b: 1, c: {}}, l: [1]}), ['a.b', 'a.c', 'l'])
})

test('the values differ from the chart defaults only where the answers do', () => {
  assert.deepEqual(helmValues(defaultAnswers), {operator: {replicas: 1},
    ipam: {mode: 'cluster-pool', operator: {clusterPoolIPv4PodCIDRList: ['10.200.0.0/24']}}, hubble: {listenAddress: ''}})
  const tls = helmValues({...defaultAnswers, hubbleListenAddress: ':4244',
    hubbleTls: {certFile: 'c.pem', keyFile: 'k.pem'}}, (p) => Buffer.from(`pem of ${p}`))
  assert.deepEqual((tls.hubble as Values).tls, {auto: {enabled: false},
    server: {cert: Buffer.from('pem of c.pem').toString('base64'), key: Buffer.from('pem of k.pem').toString('base64')}})
  assert.throws(() => helmValues({...defaultAnswers, hubbleListenAddress: ':1', hubbleTls: {certFile: '/nonexistent.pem',
    keyFile: 'k'}}), /cannot read \/nonexistent.pem: ENOENT/)
})

const setCases: Array<[expr: string, want: Values, asString?: boolean]> = [
  ['a=1', {a: 1}],
  ['a.b=true,c=false,d=null', {a: {b: true}, c: false}],
  ['a=007,b=1.5,c=-3,d=', {a: '007', b: '1.5', c: -3, d: ''}],
  ['list={a,b,3}', {list: ['a', 'b', 3]}],
  ['list={}', {list: []}],
  ['s[1].port=80', {s: [null, {port: 80}]}],
  ['m[0]=x,m[2]=z', {m: ['x', null, 'z']}],
  ['a\\.b=c\\,d', {'a.b': 'c,d'}],
  ['nodeSelector.kubernetes\\.io/os=linux', {nodeSelector: {'kubernetes.io/os': 'linux'}}],
  ['a=1,b=true', {a: '1', b: 'true'}, true],
]
for (const [expr, want, asString] of setCases) {
  test(`--set${asString ? '-string' : ''} ${expr}`, () => assert.deepEqual(applySet({}, expr, asString), want))
}

test('--set replaces, deletes and deepens what the answers set; malformed ones fail as helm does', () => {
  const base = helmValues(defaultAnswers)
  const v = applySet(structuredClone(base), 'operator=null,ipam.operator.clusterPoolIPv4PodCIDRList={10.9.0.0/16},hubble.relay.enabled=true')
  assert.deepEqual(v, {ipam: {mode: 'cluster-pool', operator: {clusterPoolIPv4PodCIDRList: ['10.9.0.0/16']}},
    hubble: {listenAddress: '', relay: {enabled: true}}})
  assert.throws(() => applySet({}, 'novalue'), (e: Error) => e instanceof UsageError && e.message === 'failed parsing --set data: key "novalue" has no value')
  assert.throws(() => applySet({}, '=x'), UsageError)
  assert.throws(() => applySet({}, 'a[70000]=1'), /greater than maximum supported index of 65536/)
})

test('values files merge map by map, null removes, lists replace', () => {
  assert.deepEqual(mergeValues({a: {b: 1, c: [1, 2]}, d: 1}, {a: {c: [3], e: 'x'}, d: null}), {a: {b: 1, c: [3], e: 'x'}})
})

test('a values file that is not a map is one clear error', (t) => {
  const dir = tempDir(t)
  writeFileSync(join(dir, 'list.yaml'), '- a\n- b\n')
  writeFileSync(join(dir, 'bad.yaml'), 'a: [\n')
  assert.throws(() => mergedValues({}, {valuesFiles: [join(dir, 'list.yaml')], set: [], setString: []}), /values file .*list.yaml is not a map of values/)
  assert.throws(() => mergedValues({}, {valuesFiles: [join(dir, 'bad.yaml')], set: [], setString: []}), /cannot read values file .*bad.yaml: /)
  assert.throws(() => mergedValues({}, {valuesFiles: [join(dir, 'none.yaml')], set: [], setString: []}), /ENOENT/)
})

const target: HelmTarget = {release: 'cilium', namespace: 'kube-system', version: '1.19.5', repository: 'https://helm.cilium.io'}

test('helm upgrade --install argv, from the repository or a chart directory', () => {
  assert.deepEqual(helmArgs(target, 'v.yaml'), ['upgrade', '--install', 'cilium', 'cilium', '--repo', 'https://helm.cilium.io',
    '--version', '1.19.5', '--namespace', 'kube-system', '--values', 'v.yaml'])
  assert.deepEqual(helmArgs({...target, chartDirectory: './cilium', kubeconfig: '/k', context: 'kind-a', waitDuration: '5m'}, 'v.yaml'),
    ['upgrade', '--install', 'cilium', './cilium', '--namespace', 'kube-system', '--values', 'v.yaml', '--kubeconfig', '/k',
      '--kube-context', 'kind-a', '--wait', '--timeout', '5m'])
})

test('what to run by hand: a heredoc with the values, then the helm command', () => {
  assert.equal(manualInstallScript({...target, context: "it's"}, 'a: 1\n'),
    "cat > cilium-values.yaml <<'EOF'\na: 1\nEOF\n" +
    "helm upgrade --install cilium cilium --repo https://helm.cilium.io --version 1.19.5 --namespace kube-system --values cilium-values.yaml --kube-context 'it'\\''s'\n")
})

test('the kubeconfig helm would use', (t) => {
  const home = tempDir(t)
  assert.equal(findKubeconfig(undefined, {}, home), undefined)
  assert.equal(findKubeconfig(join(home, 'nope'), {}, home), undefined)
  writeFileSync(join(home, 'kc'), '')
  assert.equal(findKubeconfig(undefined, {KUBECONFIG: `${join(home, 'missing')}:${join(home, 'kc')}`}, home), join(home, 'kc'))
  assert.equal(findKubeconfig(join(home, 'kc'), {}, home), join(home, 'kc'))
})
