// The filter engine against the conformance cases of research/hubble.md §3.3 (taken from the
// upstream pkg/hubble/filters tests). Each row: case number, allow list, deny list, then
// [flow, expected] pairs, or 'ERR' when compiling must fail with the server's message.
import assert from 'node:assert/strict'
import {test} from 'node:test'
import {compileEventFilters, compileFlowFilters, type ObserverEvent} from '../../src/hubble/filters/index.js'
import {flow} from '../../src/hubble/proto/index.js'
import {ValidationError} from '../../src/errors.js'

type F = flow.IFlow
type FF = flow.IFlowFilter

const FORWARDED = 1, DROPPED = 2, TRANSLATED = 7, VERDICT_UNKNOWN = 0
const INGRESS = 1, TRAFFIC_DIRECTION_UNKNOWN = 0
const IPv4 = 1, IP_NOT_USED = 0

const src = (namespace: string, podName: string): F => ({source: {namespace, podName}})
const http = (code: number, method = 'GET', url = '/'): F => ({eventType: {type: 129}, l7: {http: {code, method, url}}})
const url = (u: string): F => ({eventType: {type: 129}, l7: {http: {url: u}}})
const srcLabels = (...labels: string[]): F => ({source: {labels}})
const node = (nodeName: string): F => ({nodeName})
const tcp = (flags?: flow.ITCPFlags): F => ({l4: {TCP: {sourcePort: 1, destinationPort: 2, flags}}})

// Events that are not flows, as GetFlowsResponse / v1.Event carry them.
type Ev = {agentEvent: flow.IAgentEvent} | {debugEvent: flow.IDebugEvent} | {lostEvents: flow.ILostEvent}
const agent = (type: flow.AgentEventType): Ev => ({agentEvent: {type}})
const lost: Ev = {lostEvents: {source: flow.LostEventSource.PERF_EVENT_RING_BUFFER, numEventsLost: 3}}
const debug = (type: flow.DebugEventType): Ev => ({debugEvent: {type}})
const isEvent = (x: F | Ev | null): x is Ev => x != null && ('agentEvent' in x || 'debugEvent' in x || 'lostEvents' in x)

type Row = [n: number, allow: FF[], deny: FF[], expect: Array<[F | Ev | null, boolean]> | 'ERR']

const rows: Row[] = [
  [1, [{sourcePod: ['xwing', 'default/tiefighter']}], [], [[src('default', 'xwing'), true]]],
  [2, [{sourcePod: ['xwing', 'default/tiefighter']}], [], [[src('kube-system', 'xwing'), false]]],
  [3, [{sourcePod: ['xwing', 'default/tiefighter']}], [], [[{destination: {namespace: 'default', podName: 'xwing'}}, false]]],
  [4, [{sourcePod: ['xwing', 'kube-system/coredns-']}], [], [[src('default', 'xwing-t-65b'), true]]],
  [5, [{sourcePod: ['xwing', 'kube-system/coredns-']}], [], [[src('kube-system', '-coredns-12345'), false]]],
  [6, [{sourcePod: ['xwing', 'kube-system/coredns-']}], [], [[src('', 'xwing'), false]]],
  [7, [{sourcePod: ['kube-system/']}, {destinationPod: ['kube-system/']}], [],
    [[{source: {namespace: 'default', podName: 'tiefighter'}, destination: {namespace: 'kube-system', podName: 'coredns'}}, true]]],
  [8, [{sourcePod: ['xwing', 'tiefighter'], destinationPod: ['deathstar']}], [],
    [[{source: {namespace: 'default', podName: 'deathstar'}, destination: {namespace: 'default', podName: 'xwing'}}, false]]],
  [9, [{sourcePod: ['']}], [], 'ERR'],
  [10, [{destinationService: ['default/', 'kube-system/kube-']}], [],
    [[{destinationService: {namespace: 'kube-system', name: 'kube-dns'}}, true]]],
  [11, [{sourceIp: ['1.1.1.1', 'f00d::a10:0:0:9195']}], [],
    [[{IP: {source: 'f00d::a10:0:0:9195', destination: 'ff02::1:ff00:b3e5'}}, true]]],
  [12, [{sourceIp: ['1.1.1.1']}, {destinationIp: ['10.0.0.2']}], [], [[{IP: {source: '10.0.0.2', destination: '10.0.0.2'}}, true]]],
  [13, [{sourceIp: ['1.1.1.0/24', 'f00d::/16']}], [],
    [[{IP: {source: '10.0.0.2'}}, false], [{IP: {source: '1.1.1.1'}}, true], [{IP: {source: 'f00d::1'}}, true]]],
  [14, [{sourceIp: ['320.320.320.320']}], [], 'ERR'],
  [14, [{destinationIp: ['']}], [], 'ERR'],
  [14, [{sourceIp: ['1.1.1.1/1234']}], [], 'ERR'],
  // A response without a flow (null: what Hubble's file reader hands over) and an agent event fail it.
  [15, [{ipVersion: [IP_NOT_USED]}], [], [[{IP: {}}, true], [{}, true], [null, false], [agent(flow.AgentEventType.AGENT_STARTED), false],
    [{IP: {ipVersion: IPv4}}, false]]],
  [16, [{httpStatusCode: ['40+', '5+'], eventType: [{type: 129}]}], [],
    [[http(302), false], [http(400), true], [http(404), true], [http(410), false], [http(4), false],
      [http(500), true], [http(501), true], [http(510), true], [http(40), false]]],
  [17, [{httpStatusCode: ['200'], eventType: [{type: 129}]}], [],
    [[http(0), false], [http(777), false], [{eventType: {type: 129}}, false]]],
  [18, [{httpStatusCode: ['200'], eventType: []}], [], [[http(200), true]]],
  [19, [{httpMethod: ['GET'], eventType: [{type: 4}]}], [], 'ERR'],
  [20, [{httpMethod: ['GET'], eventType: [{type: 129}]}, {httpMethod: ['POST'], eventType: [{type: 129}]}], [],
    [[http(200, 'gEt'), true], [http(200, 'PUT'), false]]],
  [21, [{httpPath: ['/docs/[a-z]+', '/post/\\d+']}], [],
    [[url('/docs/'), false], [url('/docs/tutorial/'), true], [url('/post/'), false], [url('/post/0'), true],
      [url('/post/slug'), false], [url('/post/123?key=value'), true], [url('/slug'), false]]],
  [22, [{httpPath: ['/post/\\d+']}], [], [[url('?/post/0'), false]]],
  [23, [{sourceFqdn: ['cilium.io', 'ebpf.io']}], [], [[{destinationNames: ['cilium.io']}, false]]],
  [24, [{sourceFqdn: ['cilium.io.']}], [],
    [[{sourceNames: ['cilium.io.']}, false], [{sourceNames: ['www.cilium.io']}, false], [{sourceNames: ['']}, false]]],
  [25, [{sourceFqdn: ['*.cilium.io', '*.org.']}, {destinationFqdn: ['*']}], [],
    [[{sourceNames: ['www.cilium.io']}, true], [{sourceNames: ['multiple.domains.org']}, true],
      [{sourceNames: ['cilium.io']}, false], [{sourceNames: ['tiefighter', 'empire.org']}, true],
      [{destinationNames: []}, false], [{destinationNames: ['anything.really']}, true], [{destinationNames: ['']}, true]]],
  [26, [{sourceFqdn: ['']}], [], 'ERR'],
  [26, [{destinationFqdn: ['.']}], [], 'ERR'],
  [27, [{dnsQuery: ['.*\\.com$', '.*\\.io']}], [], [[{l7: {dns: {query: 'cilium.io'}}}, true]]],
  [27, [{dnsQuery: ['.*\\.com$', '.*\\.net']}], [], [[{l7: {dns: {query: 'cilium.io'}}}, false]]],
  [27, [{dnsQuery: ['*']}], [], 'ERR'],
  [28, [{sourceLabel: ['label1', 'label2']}], [], [[srcLabels('label1=val1'), true], [srcLabels('label3'), false]]],
  [29, [{sourceLabel: ['label1=val1', 'label2=val2']}], [],
    [[srcLabels('label1'), false], [srcLabels('label1=val2', 'label2=val1', 'label3'), false], [srcLabels('label1=val1=toomuch'), false]]],
  [30, [{sourceLabel: ['label1 in (val1, val2), label3 notin ()']}], [],
    [[srcLabels('label1=val2', 'label2=val1', 'label3=val3'), true], [srcLabels('label1'), false]]],
  [31, [{sourceLabel: ['k8s:app=bar', 'foo', 'reserved:host']}], [],
    [[srcLabels('k8s:app=bar'), true], [srcLabels('k8s:foo=baz'), true], [srcLabels('k8s.app=bar'), false],
      [srcLabels('container:foo=bar', 'reserved:host'), true]]],
  [32, [{sourceLabel: ['any:key']}], [], [[srcLabels('key'), true], [srcLabels('reserved:key'), true], [srcLabels('any.key'), false]]],
  [33, [{sourceLabel: ['']}], [], [[{}, true], [srcLabels(''), true], [srcLabels('a=b'), true]]],
  [34, [{sourceLabel: ['()']}], [], 'ERR'],
  [34, [{destinationLabel: ['=']}], [], 'ERR'],
  [35, [{nodeName: ['k8s1']}], [], [[node('k8s1'), true], [node('default/k8s1'), true], [node('default/k8s2'), false]]],
  [36, [{nodeName: ['/']}], [], [[node(''), false], [node('k8s1'), true]]],
  [36, [], [], [[node(''), true]]],
  [37, [{nodeName: ['cluster-*/k8s1']}], [], [[node('cluster-1/k8s1'), true], [node('default/k8s1'), false], [node('k8s1'), false]]],
  [38, [{nodeName: ['cluster-name/*.com']}], [], [[node('cluster-name/foo.bar.com'), true], [node('cluster-name/foo.com.org'), false]]],
  [39, [{nodeName: ['cluster-name/node-name/more']}], [], 'ERR'],
  [39, [{nodeName: ['']}], [], 'ERR'],
  [39, [{nodeName: ['cluster|name/']}], [], 'ERR'],
  [40, [{sourcePort: ['12345'], destinationPort: ['53']}], [], [[{l4: {UDP: {sourcePort: 12345, destinationPort: 53}}}, true]]],
  [41, [{destinationPort: ['80']}], [], [[{l4: {TCP: {sourcePort: 80, destinationPort: 32320}}}, false]]],
  [42, [{destinationPort: ['0']}], [], [[{l4: {ICMPv4: {type: 8}}}, false]]],
  [42, [{sourcePort: ['999999']}], [], 'ERR'],
  [43, [{protocol: ['icmp']}], [], [[{l4: {ICMPv6: {type: 128}}}, true]]],
  [43, [{protocol: ['tcp', 'kafka']}], [], [[tcp(), true]]],
  [43, [{protocol: ['not a protocol']}], [], 'ERR'],
  [44, [{protocol: ['http']}], [], [[{l4: {TCP: {}}, l7: {http: {}}}, true]]],
  [45, [{reply: [false]}], [], [[{verdict: DROPPED}, true]]],
  [46, [{reply: [false]}], [], [[{verdict: FORWARDED, eventType: {type: 4, subType: 5}}, false]]],
  [47, [{reply: []}], [], [[{}, true], [{isReply: {value: true}}, true]]],
  [48, [{tcpFlags: [{SYN: true, ACK: true}]}], [], [[tcp({SYN: true}), false], [tcp({SYN: true, ACK: true}), true]]],
  [49, [{tcpFlags: [{SYN: true}, {ACK: true}]}], [], [[tcp({PSH: true, ACK: true}), true]]],
  [50, [{tcpFlags: [{SYN: true}]}], [], [[tcp(), false]]],
  // Lost events pass any event-type filter; an agent event is of type 130, a debug event of type 2.
  [51, [{eventType: [{type: 1}]}], [],
    [[{eventType: {type: 1, subType: 2}}, true], [{eventType: {type: 3}}, false], [agent(flow.AgentEventType.ENDPOINT_CREATED), false],
      [lost, true], [{}, false], [null, false], [debug(flow.DebugEventType.DBG_GENERIC), false]]],
  [52, [{eventType: [{type: 1, matchSubType: true, subType: 2}]}], [], [[{eventType: {type: 1, subType: 0}}, false]]],
  [53, [{eventType: [{type: 130, matchSubType: true, subType: 7}]}], [],
    [[agent(flow.AgentEventType.ENDPOINT_CREATED), true], [agent(flow.AgentEventType.POLICY_DELETED), false], [lost, true], [null, false]]],
  [53, [{eventType: [{type: 130}]}, {eventType: [{type: 2, matchSubType: true, subType: 2}]}], [],
    [[agent(flow.AgentEventType.POLICY_DELETED), true], [debug(2), true], [debug(1), false], [{eventType: {type: 4}}, false]]],
  [54, [{dropReasonDesc: [139, 133]}], [], [[{verdict: VERDICT_UNKNOWN, dropReasonDesc: 139}, false], [{verdict: DROPPED, dropReasonDesc: 139}, true]]],
  [55, [{sourceClusterName: ['aws-south-1', 'gke-europe-west1-c']}], [],
    [[{destination: {clusterName: 'gke-europe-west1-c'}}, false], [{source: {clusterName: 'aws-south-1'}}, true]]],
  [55, [{sourceClusterName: ['']}], [], 'ERR'],
  [56, [{sourceWorkload: [{}]}], [], [[{source: {workloads: []}}, false], [{source: {workloads: [{name: 'a', kind: 'Deployment'}]}}, true]]],
  [57, [{sourceWorkload: [{kind: 'Deployment', name: ''}]}], [], [[{source: {workloads: [{name: 'hubble-relay', kind: 'Deployment'}]}}, true]]],
  [57, [{sourceWorkload: [{name: 'hubble-relay-78bcd57c9c-c4wsl'}]}], [], [[{source: {workloads: [{name: 'hubble-relay', kind: 'Deployment'}]}}, false]]],
  [58, [{interface: [{}]}], [], [[{}, false], [{interface: {index: 1, name: 'eth0'}}, true]]],
  [58, [{interface: [{index: 42}]}], [], [[{interface: {index: 1}}, false]]],
  [58, [{interface: [{name: 'eth1'}]}], [], [[{interface: {index: 3, name: 'eth1'}}, true]]],
  [59, [{trafficDirection: [INGRESS]}], [], [[{trafficDirection: TRAFFIC_DIRECTION_UNKNOWN}, false], [{trafficDirection: INGRESS}, true]]],
  [60, [{sourceIdentity: [1, 2, 3]}], [], [[{source: {identity: 3}}, true], [{source: {identity: 4}}, false]]],
  [61, [{experimental: {celExpression: ['_flow.verdict == Verdict.FORWARDED || _flow.verdict == Verdict.TRANSLATED']}}], [],
    [[{verdict: DROPPED}, false], [{verdict: TRANSLATED}, true]]],
  [62, [{experimental: {celExpression: ['has(_flow.l4.TCP) && (_flow.l4.TCP.destination_port == uint(80) || _flow.l4.TCP.destination_port == uint(443))']}}], [],
    [[{l4: {UDP: {destinationPort: 53}}}, false], [{l4: {TCP: {destinationPort: 443}}}, true]]],
  [63, [{experimental: {celExpression: ['_flow']}}], [], 'ERR'],
  [63, [{experimental: {celExpression: ['']}}], [], 'ERR'],
  [63, [{experimental: {celExpression: ['something-invalid']}}], [], 'ERR'],
  [64, [{verdict: [FORWARDED]}], [{verdict: [FORWARDED]}], [[{verdict: FORWARDED}, false]]],
  [64, [], [], [[{verdict: FORWARDED}, true], [null, true]]],
]

for (const [n, allow, deny, expect] of rows) {
  test(`§3.3 case ${n}: allow ${JSON.stringify(allow)} deny ${JSON.stringify(deny)}`, () => {
    if (expect === 'ERR') {
      assert.throws(() => compileFlowFilters(allow, deny), ValidationError)
      return
    }
    const pass = compileFlowFilters(allow, deny)
    const passEvent = compileEventFilters(allow, deny)
    for (const [x, want] of expect) {
      const ev: ObserverEvent = isEvent(x) ? x : {flow: x}
      assert.equal(passEvent(ev), want, `event ${JSON.stringify(ev)}`)
      if (!isEvent(x)) assert.equal(pass(x), want, `flow ${JSON.stringify(x)}`)
    }
  })
}

test('a GetFlowsResponse is an observer event: flow, lost events, or (node status) an empty flow', () => {
  const passEvent = compileEventFilters([{eventType: [{type: 1}]}], [])
  const responses = [{flow: {eventType: {type: 1}}, nodeName: 'a'}, {lostEvents: {numEventsLost: 1}}, {nodeStatus: {message: 'x'}}]
  assert.deepEqual(responses.map((r) => passEvent(r)), [true, true, false])
  // Decoded messages carry every field of the oneof (null when unset) on their prototype.
  const decoded = flow.AgentEvent.decode(flow.AgentEvent.encode({type: flow.AgentEventType.AGENT_STARTED}).finish())
  assert.equal(compileEventFilters([{eventType: [{type: 130, matchSubType: true, subType: 2}]}], [])({flow: null, agentEvent: decoded}), true)
})

test('every §3.3 case number is covered', () => {
  const seen = new Set(rows.map((r) => r[0]))
  for (let n = 1; n <= 64; n++) assert.ok(seen.has(n), `case ${n}`)
})

// The server's own error texts, one per validated field.
const errors: Array<[FF, string]> = [
  [{sourceIp: ['320.320.320.320']}, 'invalid IP address "320.320.320.320" in filter: ParseAddr("320.320.320.320"): IPv4 field has value >255'],
  [{sourceIp: ['not-an-ip']}, 'invalid IP address "not-an-ip" in filter: ParseAddr("not-an-ip"): unable to parse IP'],
  [{sourceIp: ['1.1.1.1/1234']}, 'invalid IP prefix "1.1.1.1/1234" in filter: netip.ParsePrefix("1.1.1.1/1234"): prefix length out of range'],
  [{httpPath: ['(']}, 'invalid http path filter: (: error parsing regexp: missing closing ): `(`'],
  [{dnsQuery: ['*']}, 'invalid DNS query filter: failed to compile regexp: error parsing regexp: missing argument to repetition operator: `*`'],
  [{sourcePort: ['abc']}, 'invalid source port filter: invalid port "abc": strconv.ParseUint: parsing "abc": invalid syntax'],
  [{destinationPort: ['999999']}, 'invalid destination port filter: invalid port "999999": strconv.ParseUint: parsing "999999": value out of range'],
  [{httpStatusCode: ['abc']}, 'invalid http status code filter: invalid status code prefix: "abc"'],
  [{httpStatusCode: ['200'], eventType: [{type: 4}]}, "filtering by http status code requires the event type filter to only match 'l7' events"],
  [{protocol: ['bogus']}, 'invalid protocol filter: unknown protocol: "bogus"'],
  [{sourcePod: ['']}, 'invalid filter, name must not be empty'],
  [{destinationService: ['']}, 'invalid destination service filter: invalid filter, name must not be empty'],
  [{sourceFqdn: ['?']}, "'?': invalid rune in pattern"],
  [{nodeName: ['a/b/c']}, 'too many slashes in pattern'],
]
for (const [ff, message] of errors) {
  test(`error text: ${message}`, () => assert.throws(() => compileFlowFilters([ff], []), {message}))
}

test('a filter value compiles once; evaluating many flows does not re-validate', () => {
  const pass = compileFlowFilters([{sourceIp: ['10.0.0.0/8'], httpPath: ['^/api']}], [])
  const hit = {IP: {source: '10.1.2.3'}, l7: {http: {url: 'http://x/api/v1'}}}
  for (let i = 0; i < 1000; i++) assert.equal(pass(hit), true)
})

// The path the http_path filter sees: Go's url.ParseRequestURI, then path unescaping.
test('http_path reads the URL as Go\'s url.ParseRequestURI', () => {
  const path = (re: string, u: string): boolean => compileFlowFilters([{httpPath: [re]}], [])(url(u))
  assert.equal(path('^/a b$', '/a%20b?x=%zz'), true)           // only the path is unescaped
  assert.equal(path('^/a/b$', '/a%2Fb'), true)                  // %2F is a slash in Go's Path
  assert.equal(path('^/a', '/a%zz'), false)                      // a bad escape: the URL does not parse
  assert.equal(path('^/admin\uFFFD$', '/admin%ff'), true)       // bytes that are not UTF-8 still match
  assert.equal(path('^/x#frag$', '/x#frag'), true)               // a request URI keeps its fragment in the path
  assert.equal(path('^$', 'mailto:someone'), true)               // opaque: the path is empty
  assert.equal(path('^\\*$', '*'), true)
  assert.equal(path('^/a', '/a\tb'), false)                     // control characters: the URL does not parse
  assert.equal(path('^//h/p$', '//h/p'), true)                   // no scheme: no authority either
  assert.equal(path('^/p$', 'http://h:8080/p?q'), true)
})

// Client-supplied patterns run on a linear-time engine (Go's RE2 semantics). Each input below
// makes a backtracking engine take exponential or high-polynomial time: JS RegExp needed about
// 0.4 s of CPU for `(a+)+$` against 24 a's and a `!` (bench/regexp, Node 20), doubling per extra
// a, so 30 would take about half a minute.
// The evidence is that these tests finish at all; no time is asserted.
const evil = 'a'.repeat(30) + '!'
const redos: Array<[what: string, allow: FF[], flow: F, want: boolean]> = [
  ['http_path (a+)+$', [{httpPath: ['(a+)+$']}], url('/' + evil), false],
  ['http_url (x+x+)+y', [{httpUrl: ['(x+x+)+y']}], url('http://h/' + 'x'.repeat(30)), false],
  ['dns_query (.*a){20}!', [{dnsQuery: ['(.*a){20}!']}], {l7: {dns: {query: 'a'.repeat(40)}}}, false],
  ['dns_query (a|aa)+$ matching', [{dnsQuery: ['^(a|aa)+$']}], {l7: {dns: {query: 'a'.repeat(40)}}}, true],
  ['source_fqdn with many stars', [{sourceFqdn: ['*a*a*a*a*a*a*a*a*a*a*a*a*b']}], {sourceNames: ['a'.repeat(60) + '.c']}, false],
  ['node_name with many stars', [{nodeName: ['*a*a*a*a*a*a*a*a*a*a*a*a*b']}], node('a'.repeat(60) + '.c'), false],
  ['CEL matches()', [{experimental: {celExpression: ["_flow.node_name.matches('(a+)+$')"]}}], node(evil), false],
]
for (const [what, allow, f, want] of redos) {
  test(`linear-time matching: ${what}`, () => assert.equal(compileFlowFilters(allow, [])(f), want))
}

// Go syntax and semantics that JS RegExp spells differently or lacks.
const goSyntax: Array<[pattern: string, yes: string[], no: string[]]> = [
  ['(?i)^/API/v1', ['/api/V1/items'], ['/v1/api']],
  ['^/a(?i)bc$', ['/aBC'], ['/ABC']],                       // flags from the middle on
  ['/items\\z', ['/x/items'], ['/x/items/']],
  ['^/[[:alpha:]]+$', ['/Docs'], ['/docs1']],
  ['^/[[:^digit:]]+$', ['/docs'], ['/docs1']],
  ['^/\\pL+$', ['/café'], ['/caf3']],
  ['^/\\p{Greek}+$', ['/αβγ'], ['/abc']],
  ['\\Q/a.b\\E$', ['/x/a.b'], ['/x/aXb']],
  ['^/(?P<id>\\d+)$', ['/42'], ['/x42']],
  ['^/\\w+$', ['/abc_1'], ['/é']],                          // \w is ASCII in Go
  ['(?s)^/a.b$', ['/a\nb'], []],
  ['^/a.b$', ['/a-b'], ['/a\nb']],
  ['^/x$', ['/x'], ['/x\n']],                               // $ is the end of text without (?m)
  ['(?U)^/a+', ['/aaa'], []],
  ['\\A/docs', ['/docs/x'], ['/x/docs']],
  ['^/a{,2}$', ['/a{,2}'], ['/aa']],                        // not a repeat in Go: literal braces
]
for (const [pattern, yes, no] of goSyntax) {
  test(`Go regexp syntax: ${pattern}`, () => {
    const pass = compileFlowFilters([{httpUrl: [pattern]}], [])
    for (const u of yes) assert.equal(pass(url(u)), true, u)
    for (const u of no) assert.equal(pass(url(u)), false, u)
  })
}

// Go's messages for patterns RE2 rejects (regexp/syntax), behind the server's field prefix.
const badPatterns: Array<[pattern: string, goError: string]> = [
  ['(?=a)', 'invalid or unsupported Perl syntax: `(?=`'],
  ['(?<=a)b', 'invalid named capture: `(?<=a)b`'],
  ['(a)\\1', 'invalid escape sequence: `\\1`'],
  ['a**', 'invalid nested repetition operator: `**`'],
  ['x{1001}', 'invalid repeat count: `{1001}`'],
  ['(a{100}){100}', 'invalid repeat count: `{100}`'],
  ['[z-a]', 'invalid character class range: `z-a`'],
  ['\\p{Foo}', 'invalid character class range: `\\p{Foo}`'],
  ['[a', 'missing closing ]: `[a`'],
  ['a)', 'unexpected ): `a)`'],
  ['(?x)a', 'invalid or unsupported Perl syntax: `(?x`'],
  ['\\', 'trailing backslash at end of expression: ``'],
]
for (const [pattern, goError] of badPatterns) {
  test(`bad regexp ${pattern}: Go's error text`, () => {
    assert.throws(() => compileFlowFilters([{httpPath: [pattern]}], []),
      {name: 'ValidationError', message: `invalid http path filter: ${pattern}: error parsing regexp: ${goError}`})
    assert.throws(() => compileFlowFilters([{dnsQuery: [pattern]}], []),
      {message: `invalid DNS query filter: failed to compile regexp: error parsing regexp: ${goError}`})
  })
}

test('bad regexp: nesting deeper than Go allows', () => {
  const deep = '('.repeat(1001) + ')'.repeat(1001)
  assert.throws(() => compileFlowFilters([{httpUrl: [deep]}], []),
    {message: `invalid http url filter: ${deep}: error parsing regexp: expression nests too deeply: \`${deep}\``})
})

// Plain literals take a string search instead of the automaton, and a literal prefix must be
// found before the automaton runs: both shortcuts must answer as the automaton does.
test('literal patterns and literal prefixes answer as the automaton does', async () => {
  const {RE2JS} = await import('re2js')
  const {compileGoRegexp} = await import('../../src/hubble/filters/go-regexp.js')
  const patterns = ['', '^', '$', '^$', 'api', '^/api', 'v1$', '^/api/v1$', '\\.js$', '^\\$', 'a\\$', '\\\\$', '^\\^a',
    '/a\\.b/', 'é', 'a.b', '^a+$', '\\d', '#x y', 'a{', '\\/\\-',
    '/orders/\\d+$', '^/api/v[0-9]+/items', 'ab*c', 'ab+', 'a\\.+b', '^ab?c', 'ax{2}', 'x😀+y', '(?i)abc', 'abc(?i)DEF',
    'a\\\\*', 'ab|cd', '\\d+x', '^\\^a[bc]', 'a{2,}b', '^/a\\Q.b\\E', 'ab\\pL', '^ab(c|d)']
  const inputs = ['', '/api/v1', '/api', 'x/api/v1', 'app.js', 'appxjs', '$', 'a$', 'b\\', '\\', '^a', '/a.b/', '/aXb/',
    'café', 'a+b', 'a{', '#x y', '/-', 'v1\n', '/orders/12', '/orders/', 'x/orders/7', '/api/v12/items', '/api/vx/items',
    'ac', 'abbc', 'ab', 'a', 'a..b', 'ab', 'abc', 'axx', 'x😀😀y', 'xy', 'ABC', 'abcdef', 'abcDEF', 'abcdEF', 'a\\\\', 'cd',
    '12x', '^ab', 'aab', '/a.b', 'abé', 'abd', 'abe']
  for (const p of patterns) {
    const ours = compileGoRegexp(p)
    const re2 = RE2JS.compile(p)
    for (const s of inputs) assert.equal(ours.test(s), re2.test(s), `pattern ${JSON.stringify(p)} input ${JSON.stringify(s)}`)
  }
})

test('CEL matches(): a constant pattern compiles once, up front; a bad one fails the filter', () => {
  const pass = compileFlowFilters([{experimental: {celExpression: ["_flow.node_name.matches('^k8s[0-9]+$')"]}}], [])
  assert.equal(pass(node('k8s12')), true)
  assert.equal(pass(node('k8s')), false)
  assert.throws(() => compileFlowFilters([{experimental: {celExpression: ["_flow.node_name.matches('(')"]}}], []),
    {name: 'ValidationError', message: 'error building CEL program: error parsing regexp: missing closing ): `(`'})
  assert.throws(() => compileFlowFilters([{experimental: {celExpression: ["has(_flow.l7) && _flow.node_name.matches('\\\\1')"]}}], []),
    {message: 'error building CEL program: error parsing regexp: invalid escape sequence: `\\1`'})
})

test('CEL: the parser limits of the Hubble server (4096 code points, nesting depth 250)', () => {
  const cel = (e: string) => () => compileFlowFilters([{experimental: {celExpression: [e]}}], [])
  const long = Array(300).fill("_flow.node_name == 'k8s1'").join(' || ')
  assert.throws(cel(long), {message: `error compiling CEL expression: ERROR: <input>:-1:0: expression code point size exceeds limit: size: ${long.length}, limit 4096`})
  assert.throws(cel('('.repeat(300) + 'true' + ')'.repeat(300)), {message: 'error compiling CEL expression: ERROR: <input>:-1:0: max recursion depth exceeded'})
  assert.throws(cel('!'.repeat(2000) + 'true'), {message: 'error compiling CEL expression: ERROR: <input>:-1:0: max recursion depth exceeded'})
  assert.equal(cel('('.repeat(100) + 'true' + ')'.repeat(100))()({}), true)
  assert.equal(cel(Array(140).fill("_flow.node_name == 'k8s1'").join(' || '))()({nodeName: 'k8s1'}), true)
})

test('CEL matches(): a pattern computed from the flow that does not compile makes the expression false', () => {
  const pass = compileFlowFilters([{experimental: {celExpression: ['_flow.node_name.matches(_flow.uuid)']}}], [])
  assert.equal(pass({nodeName: 'k8s1', uuid: 'k8s[0-9]'}), true)
  assert.equal(pass({nodeName: 'k8s1', uuid: '('}), false)
})
