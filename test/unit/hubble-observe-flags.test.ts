// Every `hubble observe` filter and selector flag → the request it builds (STYLE §7): argv in,
// FlowFilter lists out, with no server and no printer. Expected values follow the real CLI
// (v1.19 flows_filter.go semantics; research/hubble.md §4.5 and observe-cases.md).
import assert from 'node:assert/strict'
import {test} from 'node:test'
import {buildFlowFilters, type FlowFilters} from '../../src/hubble/observe/filter-flags.js'
import {formatRawFilters, parseRawFilters} from '../../src/hubble/observe/raw-filters.js'
import {buildSelector, parseHubbleTime} from '../../src/hubble/observe/selectors.js'
import {observeFlags} from '../../src/commands/hubble/observe.js'

const valueFlags = new Set(['-o', '--output', '--server', '--since', '--until', '--last', '--first', '--time-format'])
const build = (argv: string[]): FlowFilters => buildFlowFilters(argv, valueFlags)

const FORWARDED = 1, DROPPED = 2, IPv4 = 1, IPv6 = 2, IP_NOT_USED = 0, INGRESS = 1, EGRESS = 2
const POLICY_DENIED = 133

const cases: Array<[argv: string[], want: FlowFilters]> = [
  // either-side flags: a source filter and a destination filter
  [['--ip', '192.0.2.1'], {allow: [{sourceIp: ['192.0.2.1']}, {destinationIp: ['192.0.2.1']}], deny: []}],
  [['--pod', 'default/frontend', '--port', '80'], {allow: [
    {sourcePod: ['default/frontend'], sourcePort: ['80']}, {destinationPod: ['default/frontend'], destinationPort: ['80']}], deny: []}],
  [['--fqdn', '*.cilium.io'], {allow: [{sourceFqdn: ['*.cilium.io']}, {destinationFqdn: ['*.cilium.io']}], deny: []}],
  [['-l', 'app=x', '--label', 'k3'], {allow: [{sourceLabel: ['app=x', 'k3']}, {destinationLabel: ['app=x', 'k3']}], deny: []}],
  [['--service', 'kube-dns'], {allow: [{sourceService: ['kube-dns']}, {destinationService: ['kube-dns']}], deny: []}],
  [['--identity', 'world', '--identity', '1234'], {allow: [{sourceIdentity: [2, 1234]}, {destinationIdentity: [2, 1234]}], deny: []}],
  [['--workload', 'Deployment/orders-api'], {allow: [
    {sourceWorkload: [{kind: 'Deployment', name: 'orders-api'}]}, {destinationWorkload: [{kind: 'Deployment', name: 'orders-api'}]}], deny: []}],
  [['--cluster', 'c1'], {allow: [{sourceClusterName: ['c1']}, {destinationClusterName: ['c1']}], deny: []}],
  // one-sided flags
  [['--from-ip', '1.2.3.4', '--from-ip', '5.6.7.8'], {allow: [{sourceIp: ['1.2.3.4', '5.6.7.8']}], deny: []}],
  [['--to-ip', '10.0.0.0/8'], {allow: [{destinationIp: ['10.0.0.0/8']}], deny: []}],
  [['--snat-ip', '1.1.1.1'], {allow: [{sourceIpXlated: ['1.1.1.1']}], deny: []}],
  [['--from-pod', 'frontend'], {allow: [{sourcePod: ['frontend']}], deny: []}],
  [['--to-pod', 'default/backend'], {allow: [{destinationPod: ['default/backend']}], deny: []}],
  [['--from-fqdn', 'a.io'], {allow: [{sourceFqdn: ['a.io']}], deny: []}],
  [['--to-fqdn', 'dns.google'], {allow: [{destinationFqdn: ['dns.google']}], deny: []}],
  [['--from-label', 'reserved:world'], {allow: [{sourceLabel: ['reserved:world']}], deny: []}],
  [['--to-label', 'app in (a,b)'], {allow: [{destinationLabel: ['app in (a,b)']}], deny: []}],
  [['--from-service', 'a'], {allow: [{sourceService: ['a']}], deny: []}],
  [['--to-service', 'kube-system/kube-dns'], {allow: [{destinationService: ['kube-system/kube-dns']}], deny: []}],
  [['--from-port', '53'], {allow: [{sourcePort: ['53']}], deny: []}],
  [['--to-port', '53'], {allow: [{destinationPort: ['53']}], deny: []}],
  [['--from-identity', 'host'], {allow: [{sourceIdentity: [1]}], deny: []}],
  [['--to-identity', '31950'], {allow: [{destinationIdentity: [31950]}], deny: []}],
  [['--from-workload', 'backend'], {allow: [{sourceWorkload: [{name: 'backend'}]}], deny: []}],
  [['--to-workload', 'Deployment/'], {allow: [{destinationWorkload: [{kind: 'Deployment'}]}], deny: []}],
  [['--to-workload', ''], {allow: [{destinationWorkload: [{}]}], deny: []}],
  [['--from-cluster', 'a'], {allow: [{sourceClusterName: ['a']}], deny: []}],
  [['--to-cluster', 'b'], {allow: [{destinationClusterName: ['b']}], deny: []}],
  // flags on both sides
  [['--uuid', 'u1'], {allow: [{uuid: ['u1']}], deny: []}],
  [['--verdict', 'DROPPED', '--verdict', 'FORWARDED'], {allow: [{verdict: [DROPPED, FORWARDED]}], deny: []}],
  [['--drop-reason-desc', 'POLICY_DENIED'], {allow: [{dropReasonDesc: [POLICY_DENIED]}], deny: []}],
  [['--http-status', '5+'], {allow: [{httpStatusCode: ['5+']}], deny: []}],
  [['--http-method', 'get'], {allow: [{httpMethod: ['get']}], deny: []}],
  [['--http-path', '/api/v1/.*'], {allow: [{httpPath: ['/api/v1/.*']}], deny: []}],
  [['--http-url', 'http://x/.*'], {allow: [{httpUrl: ['http://x/.*']}], deny: []}],
  [['--http-header', 'Foo:coco:bar'], {allow: [{httpHeader: [{key: 'Foo', value: 'coco:bar'}]}], deny: []}],
  [['--protocol', 'udp'], {allow: [{protocol: ['udp']}], deny: []}],
  [['--tcp-flags', 'syn,ack', '--tcp-flags', 'FIN'], {allow: [{tcpFlags: [{SYN: true, ACK: true}, {FIN: true}]}], deny: []}],
  [['--node-name', 'k8s*'], {allow: [{nodeName: ['k8s*']}], deny: []}],
  [['--node-label', 'io.cilium/egress-gateway'], {allow: [{nodeLabels: ['io.cilium/egress-gateway']}], deny: []}],
  [['--trace-id', 'abc'], {allow: [{traceId: ['abc']}], deny: []}],
  [['--ip-trace-id', '7'], {allow: [{ipTraceId: [7]}], deny: []}],
  [['--traffic-direction', 'Ingress', '--traffic-direction', 'egress'], {allow: [{trafficDirection: [INGRESS, EGRESS]}], deny: []}],
  [['--cel-expression', '_flow.verdict == Verdict.DROPPED'], {allow: [{experimental: {celExpression: ['_flow.verdict == Verdict.DROPPED']}}], deny: []}],
  [['--interface', 'eth0'], {allow: [{interface: [{name: 'eth0'}]}], deny: []}],
  [['--encrypted'], {allow: [{encrypted: [true]}], deny: []}],
  [['--unencrypted'], {allow: [{encrypted: [false]}], deny: []}],
  // the real CLI appends true (false) whatever value the flag is given
  [['--encrypted=false'], {allow: [{encrypted: [true]}], deny: []}],
  [['--unencrypted=false'], {allow: [{encrypted: [false]}], deny: []}],
  [['--not', '--encrypted'], {allow: [], deny: [{encrypted: [true]}]}],
  [['-4'], {allow: [{ipVersion: [IPv4]}], deny: []}],
  [['--ipv4'], {allow: [{ipVersion: [IPv4]}], deny: []}],
  [['-6'], {allow: [{ipVersion: [IPv6]}], deny: []}],
  [['--ipv6'], {allow: [{ipVersion: [IPv6]}], deny: []}],
  [['-46'], {allow: [{ipVersion: [IPv4, IPv6]}], deny: []}],
  [['--ip-version', 'v6', '--ip-version', 'IP4', '--ip-version', 'none'], {allow: [{ipVersion: [IPv6, IPv4, IP_NOT_USED]}], deny: []}],
  // --type: names, sub-types, numbers (sub_type 0 is left out, as in the JSON the real CLI prints)
  [['-t', '254', '-t', '255:127', '-t', 'trace:to-endpoint', '-t', 'agent:policy-updated'], {allow: [{eventType: [
    {type: 254}, {type: 255, matchSubType: true, subType: 127}, {type: 4, matchSubType: true}, {type: 130, matchSubType: true, subType: 5}]}], deny: []}],
  [['--type', 'l7', '-tdrop'], {allow: [{eventType: [{type: 129}, {type: 1}]}], deny: []}],
  // namespaces merge into pods and services (v1.19)
  [['--namespace', 'kube-system', '--to-port', '53', '--protocol', 'udp'], {allow: [
    {sourcePod: ['kube-system/'], protocol: ['udp'], destinationPort: ['53']},
    {destinationPod: ['kube-system/'], protocol: ['udp'], destinationPort: ['53']}], deny: []}],
  [['-n', 'cilium', '--pod', 'foo-9c76d6c95-tf788'], {allow: [
    {sourcePod: ['cilium/foo-9c76d6c95-tf788']}, {destinationPod: ['cilium/foo-9c76d6c95-tf788']}], deny: []}],
  [['--namespace', 'cilium', '--namespace', 'kube-system', '--service', 'foo', '--service', 'bar'], {allow: [
    {sourceService: ['cilium/foo', 'kube-system/foo', 'cilium/bar', 'kube-system/bar']},
    {destinationService: ['cilium/foo', 'kube-system/foo', 'cilium/bar', 'kube-system/bar']}], deny: []}],
  [['--to-all-namespaces', '--to-pod', 'foo'], {allow: [{destinationPod: ['/foo']}], deny: []}],
  [['-A'], {allow: [{sourcePod: ['/']}, {destinationPod: ['/']}], deny: []}],
  [['--all-namespaces'], {allow: [{sourcePod: ['/']}, {destinationPod: ['/']}], deny: []}],
  [['-A', '--service', 'foo'], {allow: [{sourceService: ['/foo']}, {destinationService: ['/foo']}], deny: []}],
  [['--to-all-namespaces'], {allow: [{destinationPod: ['/']}], deny: []}],
  [['--from-namespace', 'ns', '--from-service', 'svc'], {allow: [{sourceService: ['ns/svc']}], deny: []}],
  [['--to-namespace', 'a', '--to-service', 'b', '--to-pod', 'c'], {allow: [{destinationService: ['a/b'], destinationPod: ['a/c']}], deny: []}],
  [['--from-namespace', 'default', '--to-namespace', 'default'], {allow: [{sourcePod: ['default/'], destinationPod: ['default/']}], deny: []}],
  [['--from-all-namespaces'], {allow: [{sourcePod: ['/']}], deny: []}],
  // --not sends the next flag to the deny list; several --not flags AND inside the deny filter
  [['--not', '--verdict', 'DROPPED'], {allow: [], deny: [{verdict: [DROPPED]}]}],
  [['--from-ip', '1.2.3.4', '--from-ip', '5.6.7.8', '--not', '--to-ip', '5.5.5.5', '--verdict', 'DROPPED', '-t', 'l7'], {
    allow: [{sourceIp: ['1.2.3.4', '5.6.7.8'], verdict: [DROPPED], eventType: [{type: 129}]}], deny: [{destinationIp: ['5.5.5.5']}]}],
  [['--ip', '1.2.3.4', '--verdict', 'DROPPED', '--not', '--pod', 'deathstar', '--not', '--http-status', '200', '--http-method', 'get'], {
    allow: [{sourceIp: ['1.2.3.4'], verdict: [DROPPED], httpMethod: ['get']}, {destinationIp: ['1.2.3.4'], verdict: [DROPPED], httpMethod: ['get']}],
    deny: [{sourcePod: ['deathstar'], httpStatusCode: ['200']}, {destinationPod: ['deathstar'], httpStatusCode: ['200']}]}],
  [['--not', '--from-pod', 'default/frontend', '--not', '--to-pod', 'default/frontend'], {allow: [],
    deny: [{sourcePod: ['default/frontend'], destinationPod: ['default/frontend']}]}],
  [['--not=false', '--verdict', 'DROPPED'], {allow: [], deny: [{verdict: [DROPPED]}]}],
  [['--not', '--ip', '1.1.1.1'], {allow: [], deny: [{sourceIp: ['1.1.1.1']}, {destinationIp: ['1.1.1.1']}]}],
  // other flags and their values are skipped, `=` forms are read
  [['-o', 'json', '--server', 'x:1', '--verdict=AUDIT', '--since', '1h', '--print-node-name'], {allow: [{verdict: [4]}], deny: []}],
  [['--', '--verdict', 'DROPPED'], {allow: [], deny: []}],
  [[], {allow: [], deny: []}],
]

for (const [argv, want] of cases) {
  test(`observe ${argv.join(' ')}`, () => assert.deepEqual(build(argv), want))
}

test('every filter flag of `hubble observe` has a case above', () => {
  const tokens = cases.flatMap(([argv]) => argv)
  const filterFlags = Object.entries(observeFlags).filter(([, f]) => f.helpGroup === 'Filters')
  assert.ok(filterFlags.some(([name]) => name === 'http-method'))
  for (const [name, f] of filterFlags) {
    const char = 'char' in f ? f.char : undefined
    const used = tokens.some((t) => t === `--${name}` || t.startsWith(`--${name}=`) || (char && /^-[^-]/.test(t) && t.includes(char)))
    assert.ok(used, `--${name} has no FlowFilter case`)
  }
})

const errors: Array<[argv: string[], message: string]> = [
  [['--from-pod', 'default/frontend', '--from-ip', '10.0.0.1'],
    'invalid argument "10.0.0.1" for "--from-ip" flag: filters --from-ip and --from-pod cannot be combined'],
  [['--label', 'app=x', '--from-label', 'app=y'], 'invalid argument "app=y" for "--from-label" flag: filters --label and --from-label cannot be combined'],
  // v0.11.6 printed "--to-namespace and --ip" (observe-cases.md #130); v1.19's conflict table names --ip first.
  [['--ip', '10.244.2.20', '--to-namespace', 'shop'], 'invalid argument "shop" for "--to-namespace" flag: filters --ip and --to-namespace cannot be combined'],
  [['--port', '8080', '--to-port', '80'], 'invalid argument "80" for "--to-port" flag: filters --port and --to-port cannot be combined'],
  [['--encrypted', '--unencrypted'], 'invalid argument "true" for "--unencrypted" flag: filters --encrypted and --unencrypted cannot be combined'],
  [['--verdict', 'dropped'], 'invalid argument "dropped" for "--verdict" flag: invalid --verdict value: dropped'],
  [['--drop-reason-desc', 'nope'], 'invalid argument "nope" for "--drop-reason-desc" flag: invalid --drop-reason-desc value: nope'],
  [['--drop-reason-desc', ''], 'invalid argument "" for "--drop-reason-desc" flag: empty --drop-reason-desc value'],
  [['--type', 'bogus'], 'invalid argument "bogus" for "-t, --type" flag: unable to parse type \'bogus\', not a known type name and unable to parse as numeric value: strconv.ParseUint: parsing "bogus": invalid syntax'],
  [['--type', 'trace:bogus'], 'invalid argument "trace:bogus" for "-t, --type" flag: unable to parse event sub-type \'bogus\', not a known sub-type name and unable to parse as numeric value: strconv.ParseUint: parsing "bogus": invalid syntax'],
  [['--tcp-flags', 'bogus'], 'invalid argument "bogus" for "--tcp-flags" flag: unknown tcp flag: bogus'],
  [['--tcp-flags', 'syn,'], 'invalid argument "syn," for "--tcp-flags" flag: unknown tcp flag: '],
  [['--identity', 'bogus'], 'invalid argument "bogus" for "--identity" flag: invalid security identity, expected one of [host world unmanaged health init remote-node kube-apiserver ingress world-ipv4 world-ipv6 11] or a numeric value'],
  [['--http-header', 'nocolon'], 'invalid argument "nocolon" for "--http-header" flag: invalid http-header value "nocolon", expected name:value'],
  [['--ip-trace-id', '0'], 'invalid argument "0" for "--ip-trace-id" flag: invalid --ip-trace-id value; must be greater than 0'],
  [['--ip-trace-id', 'x'], 'invalid argument "x" for "--ip-trace-id" flag: invalid --ip-trace-id value: strconv.ParseUint: parsing "x": invalid syntax'],
  [['--traffic-direction', 'UP'], 'invalid argument "UP" for "--traffic-direction" flag: up: invalid traffic direction, expected ingress or egress'],
  [['--not', '--not', '--verdict', 'DROPPED'], 'invalid argument "true" for "--not" flag: consecutive --not statements'],
  [['--verdict', 'DROPPED', '--not'], 'trailing --not found in the arguments'],
  [['-n', 'cilium', '--pod', 'kube-system/foo'], 'invalid argument "kube-system/foo" for "--pod" flag: namespace conflict: "cilium" does not contain "kube-system/foo"'],
  [['--from-pod', 'ns1/a', '--from-service', 'b'], 'invalid argument "b" for "--from-service" flag: namespace of service "b" conflict with pod "ns1"'],
]
for (const [argv, message] of errors) {
  test(`observe ${argv.join(' ')} fails`, () => assert.throws(() => build(argv), {name: 'ValidationError', message}))
}

const now = new Date('2023-05-10T12:00:00Z')
const at = (iso: string): {seconds: number; nanos: number} => ({seconds: Date.parse(iso) / 1000, nanos: 0})

test('selectors: a bare observe asks for the last 20 flows', () => {
  assert.deepEqual(buildSelector({}, now), {number: 20n, first: false, follow: false, since: undefined, until: undefined})
})
test('selectors: --follow alone asks for new flows only; --input-file has no default', () => {
  assert.equal(buildSelector({follow: true}, now).number, 0n)
  assert.equal(buildSelector({inputFile: 'f'}, now).number, 0n)
})
test('selectors: --last, --first, --all', () => {
  assert.deepEqual(buildSelector({last: '5'}, now), {number: 5n, first: false, follow: false, since: undefined, until: undefined})
  assert.deepEqual(buildSelector({first: '3'}, now), {number: 3n, first: true, follow: false, since: undefined, until: undefined})
  assert.equal(buildSelector({all: true}, now).number, 0xffffffffffffffffn)
})
test('selectors: --since replaces the default count; --until is dropped while following', () => {
  const s = buildSelector({since: '1h', until: '2023-05-10T11:30:00Z'}, now)
  assert.deepEqual(s, {number: 0n, first: false, follow: false, since: at('2023-05-10T11:00:00Z'), until: at('2023-05-10T11:30:00Z')})
  assert.equal(buildSelector({follow: true, until: '1m'}, now).until, undefined)
  assert.equal(buildSelector({last: '5', since: '1h'}, now).number, 5n)
})
test('selectors: conflicts and bad numbers', () => {
  assert.throws(() => buildSelector({first: '3', last: '3'}), {message: 'cannot set both --first and --last'})
  assert.throws(() => buildSelector({first: '3', all: true}), {message: 'cannot set both --first and --all'})
  assert.throws(() => buildSelector({first: '3', follow: true}), {message: 'cannot set both --first and --follow'})
  assert.throws(() => buildSelector({last: '3', all: true}), {message: 'cannot set both --last and --all'})
  assert.throws(() => buildSelector({last: 'x'}), {message: 'invalid argument "x" for "--last" flag: strconv.ParseUint: parsing "x": invalid syntax'})
})
test('time: every absolute layout the real CLI accepts, relative durations, and the error', () => {
  const t = (s: string): {seconds: number; nanos: number} => parseHubbleTime('since', s, now)
  assert.deepEqual(t('2023-05-10'), at('2023-05-10T00:00:00Z'))
  assert.deepEqual(t('2023-05-10T12Z'), at('2023-05-10T12:00:00Z'))
  assert.deepEqual(t('2023-05-10T12+02:00'), at('2023-05-10T10:00:00Z'))
  assert.deepEqual(t('2023-05-10T12:34Z'), at('2023-05-10T12:34:00Z'))
  assert.deepEqual(t('2023-05-10T12:34:56Z'), at('2023-05-10T12:34:56Z'))
  assert.deepEqual(t('2023-05-10T12:34:56.123456789-07:00'), {seconds: Date.parse('2023-05-10T19:34:56Z') / 1000, nanos: 123456789})
  assert.deepEqual(t('2023-05-10T12:34:56.5Z'), {seconds: Date.parse('2023-05-10T12:34:56Z') / 1000, nanos: 500000000})
  assert.deepEqual(t('Wed, 10 May 2023 12:34:56 +0000'), at('2023-05-10T12:34:56Z'))
  assert.deepEqual(t('1h43m'), at('2023-05-10T10:17:00Z'))
  assert.deepEqual(t('1.5h'), at('2023-05-10T10:30:00Z'))
  assert.deepEqual(t('90s'), at('2023-05-10T11:58:30Z'))
  for (const bad of ['bogus', 'May 10 12:00:01.123', '1d', '2023-13-01', '2023-02-30']) {
    assert.throws(() => t(bad), {message: `failed to parse the since time: failed to convert ${bad} to time`})
  }
})

test('--allowlist/--denylist: concatenated JSON FlowFilters, proto or lowerCamel names, enum names', () => {
  assert.deepEqual(parseRawFilters('allowlist', ['{"verdict":["DROPPED"]} {"sourcePod":["a"]}', '{"event_type":[{"type":129}]}']),
    [{verdict: [DROPPED]}, {sourcePod: ['a']}, {eventType: [{type: 129}]}])
  assert.throws(() => parseRawFilters('allowlist', ['{bad']),
    {message: "invalid --allowlist flag: failed to decode '{bad': invalid character 'b' looking for beginning of object key string"})
  assert.throws(() => parseRawFilters('denylist', ['{"verdict":["DROPPED"]']),
    {message: `invalid --denylist flag: failed to decode '{"verdict":["DROPPED"]': unexpected EOF`})
  assert.throws(() => parseRawFilters('allowlist', ['{"invalid":1}']),
    {message: `invalid --allowlist flag: failed to decode '{"invalid":1}': proto: (line 1:2): unknown field "invalid"`})
})

test('--print-raw-filters: YAML v3 lists of compact protojson, {} without filters', () => {
  assert.equal(formatRawFilters(build(['--from-pod', 'default/frontend', '--http-method', 'GET', '--not', '--verdict', 'DROPPED']).allow,
    build(['--not', '--verdict', 'DROPPED']).deny),
  `allowlist:\n    - '{"source_pod":["default/frontend"],"http_method":["GET"]}'\ndenylist:\n    - '{"verdict":["DROPPED"]}'\n`)
  assert.equal(formatRawFilters([], []), '{}\n')
  assert.equal(formatRawFilters(build(['--cel-expression', "_flow.node_name == 'a'"]).allow, []),
    `allowlist:\n    - '{"experimental":{"cel_expression":["_flow.node_name == ''a''"]}}'\n`)
})
