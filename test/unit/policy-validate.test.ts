import assert from 'node:assert/strict'
import {test} from 'node:test'
import type {Rule} from '../../src/policy/types.js'
import {parsePort, sanitizeRule, validateRule} from '../../src/policy/validate.js'

const sel = {matchLabels: {role: 'web'}}
const ing = (e: object): Rule => ({endpointSelector: sel, ingress: [e]})
const eg = (e: object): Rule => ({endpointSelector: sel, egress: [e]})
const tcp80 = {ports: [{port: '80', protocol: 'TCP'}]}
const http = {http: [{method: 'GET'}]}

// One row per message of research/cilium.md §5.2 (plus the newest agent's "at least one" check).
const cases: Array<[what: string, rule: Rule, message: string, opts?: object]> = [
  ['no direction at all', {endpointSelector: sel}, 'rule must have at least one of Ingress, IngressDeny, Egress, EgressDeny'],
  ['neither selector', {ingress: [{}]}, 'rule must have one of EndpointSelector or NodeSelector'],
  ['both selectors', {endpointSelector: sel, nodeSelector: sel, ingress: [{}]}, 'rule cannot have both EndpointSelector and NodeSelector'],
  ['L7 in a host policy', {nodeSelector: sel, egress: [{toPorts: [{...tcp80, rules: http}]}]}, 'host policies do not support L7 rules yet'],
  ['two peer kinds (ingress)', ing({fromEndpoints: [sel], fromCIDR: ['10.0.0.0/8']}), 'Combining FromEndpoints and FromCIDR is not supported yet'],
  ['two peer kinds (egress)', eg({toEntities: ['world'], toCIDRSet: [{cidr: '10.0.0.0/8'}]}), 'Combining ToCIDRSet and ToEntities is not supported yet'],
  ['toServices with toPorts', eg({toServices: [{k8sService: {serviceName: 'a', namespace: 'b'}}], toPorts: [tcp80]}), 'Combining ToServices and ToPorts is not supported yet'],
  ['L7 with the proxy off', eg({toPorts: [{...tcp80, rules: http}]}), 'L7 policy is not supported since L7 proxy is not enabled', {enableL7Proxy: false}],
  ['DNS on ingress', ing({toPorts: [{ports: [{port: '53', protocol: 'UDP'}], rules: {dns: [{matchName: 'a.example'}]}}]}), 'L7 protocol DNS is not supported on ingress yet'],
  ['DNS without a port', eg({toPorts: [{rules: {dns: [{matchPattern: '*'}]}}]}), 'Port 53 must be specified for DNS rules'],
  ['l7 without l7proto', eg({toPorts: [{...tcp80, rules: {l7: [{k: 'v'}]}}]}), `'l7' may only be specified when a 'l7proto' is also specified`],
  ['two L7 kinds', eg({toPorts: [{...tcp80, rules: {http: [{}], kafka: [{topic: 't'}]}}]}), 'multiple L7 protocol rule types specified in single rule'],
  ['L7 on UDP', eg({toPorts: [{ports: [{port: '80', protocol: 'UDP'}], rules: http}]}), 'L7 rules can only apply to TCP (not UDP) except for DNS rules'],
  ['L7 on port 0', eg({toPorts: [{ports: [{port: '0', protocol: 'TCP'}], rules: http}]}), 'L7 rules can not be used when a port is 0'],
  ['41 ports', eg({toPorts: [{ports: Array.from({length: 41}, (_, i) => ({port: String(i + 1), protocol: 'TCP'}))}]}), 'too many ports, the max is 40'],
  ['serverNames without TLS', eg({toPorts: [{...tcp80, serverNames: ['a.example'], rules: http}]}), 'ServerNames are not allowed with L7 rules without TLS termination'],
  ['empty server name', eg({toPorts: [{...tcp80, serverNames: ['']}]}), 'Empty server name is not allowed'],
  ['listener on ingress', ing({toPorts: [{...tcp80, listener: {envoyConfig: {name: 'e'}, name: 'l1'}}]}), 'Listener is not allowed on ingress (l1)'],
  ['listener with L7', eg({toPorts: [{...tcp80, listener: {envoyConfig: {name: 'e'}, name: 'l2'}, rules: http}]}), 'Listener is not allowed with L7 rules (l2)'],
  ['port missing', eg({toPorts: [{ports: [{protocol: 'TCP'}]}]}), 'Port must be specified'],
  ['port out of range', eg({toPorts: [{ports: [{port: '70000', protocol: 'TCP'}]}]}), 'Unable to parse port: strconv.ParseUint: parsing "70000": value out of range'],
  ['bad protocol', eg({toPorts: [{ports: [{port: '80', protocol: 'QUIC'}]}]}), 'invalid protocol "QUIC", must be { tcp | udp | sctp | icmp | icmpv6 | any }'],
  ['ICMP with the flag off', eg({icmps: [{fields: [{type: 8}]}]}), 'ICMP rules can only be applied when the "enable-icmp-rules" flag is set', {enableICMPRules: false}],
  ['ICMP with toPorts', eg({icmps: [{fields: [{type: 8}]}], toPorts: [tcp80]}), 'The ICMPs block may only be present without ToPorts. Define a separate rule to use ToPorts.'],
  ['ICMP family', eg({icmps: [{fields: [{family: 'IPv5', type: 8}]}]}), 'wrong family: IPv5'],
  ['41 ICMP types', eg({icmps: [{fields: Array.from({length: 41}, () => ({type: 8}))}]}), 'too many types, the max is 40'],
  ['empty CIDR', ing({fromCIDR: ['']}), 'IP must be specified'],
  ['bad CIDR', ing({fromCIDR: ['10.0.0.300/8']}), 'unable to parse CIDR: netip.ParsePrefix("10.0.0.300/8"): ParseAddr("10.0.0.300"): unable to parse IP'],
  ['bad CIDRRule', ing({fromCIDRSet: [{cidr: '10.0.0.0'}]}), `Unable to parse CIDRRule "10.0.0.0": netip.ParsePrefix("10.0.0.0"): no '/'`],
  ['except outside the CIDR', eg({toCIDRSet: [{cidr: '10.0.0.0/8', except: ['192.168.0.0/16']}]}), 'allow CIDR prefix 10.0.0.0/8 does not contain exclude CIDR prefix 192.168.0.0/16'],
  ['unknown entity', ing({fromEntities: ['outer-space']}), 'unsupported entity: outer-space'],
  ['HTTP header match without a name', eg({toPorts: [{...tcp80, rules: {http: [{headerMatches: [{name: ''}]}]}}]}), 'Header name missing'],
  ['HTTP header action', eg({toPorts: [{...tcp80, rules: {http: [{headerMatches: [{name: 'X', mismatch: 'DROP'}]}]}}]}), 'Invalid header action: DROP'],
  ['HTTP secret without a name', eg({toPorts: [{...tcp80, rules: {http: [{headerMatches: [{name: 'X', secret: {name: ''}}]}]}}]}), 'Secret name missing'],
  ['DNS matchName characters', eg({toPorts: [{ports: [{port: '53', protocol: 'ANY'}], rules: {dns: [{matchName: 'a b'}]}}]}), 'Invalid characters in MatchName: "a b". Only 0-9, a-z, A-Z and . and - characters are allowed'],
  ['DNS matchPattern characters', eg({toPorts: [{ports: [{port: '53', protocol: 'ANY'}], rules: {dns: [{matchPattern: 'a?b'}]}}]}), 'Invalid characters in MatchPattern: "a?b". Only 0-9, a-z, A-Z and ., -, _ and * characters are allowed'],
  ['DNS matchPattern length', eg({toPorts: [{ports: [{port: '53', protocol: 'ANY'}], rules: {dns: [{matchPattern: 'a'.repeat(256)}]}}]}), `Invalid MatchPattern: "${'a'.repeat(256)}". Must be <= 255 characters long.`],
  ['FQDN with both fields', eg({toFQDNs: [{matchName: 'a.example', matchPattern: '*.example'}]}), 'only one of MatchName or MatchPattern is allowed in an FQDNSelector'],
  ['Kafka role and apiKey', eg({toPorts: [{ports: [{port: '9092', protocol: 'TCP'}], rules: {kafka: [{role: 'produce', apiKey: 'fetch'}]}}]}), 'cannot set both Role "produce" and APIKey "fetch" together'],
  ['Kafka apiKey', eg({toPorts: [{ports: [{port: '9092', protocol: 'TCP'}], rules: {kafka: [{apiKey: 'explode'}]}}]}), 'invalid Kafka APIKey "explode"'],
  ['Kafka role', eg({toPorts: [{ports: [{port: '9092', protocol: 'TCP'}], rules: {kafka: [{role: 'admin'}]}}]}), 'invalid Kafka Role "admin"'],
  ['Kafka apiVersion', eg({toPorts: [{ports: [{port: '9092', protocol: 'TCP'}], rules: {kafka: [{apiVersion: 'v1'}]}}]}), 'invalid Kafka APIVersion "v1"'],
  ['Kafka topic length', eg({toPorts: [{ports: [{port: '9092', protocol: 'TCP'}], rules: {kafka: [{topic: 't'.repeat(256)}]}}]}), 'kafka topic exceeds maximum len of 255'],
  ['Kafka topic name', eg({toPorts: [{ports: [{port: '9092', protocol: 'TCP'}], rules: {kafka: [{topic: 'a/b'}]}}]}), 'invalid Kafka Topic name "a/b"'],
  ['selector operator', ing({fromEndpoints: [{matchExpressions: [{key: 'a', operator: 'Near'}]}]}), '"Near" is not a valid label selector operator'],
]

for (const [what, rule, message, opts] of cases) {
  test(`validate: ${what}`, () => assert.deepEqual(validateRule(rule, opts), [message]))
}

test('valid rules of every construct give no errors', () => {
  const rules: Rule[] = [
    {endpointSelector: {matchExpressions: [{key: 'k8s:app', operator: 'In', values: ['a', 'b']}, {key: 'tier', operator: 'NotIn', values: ['x']},
      {key: 'env', operator: 'Exists'}, {key: 'legacy', operator: 'DoesNotExist'}]},
    ingress: [{fromEndpoints: [sel], toPorts: [{ports: [{port: '8080', endPort: 8095, protocol: 'TCP'}, {port: 'http'}]}]}],
    ingressDeny: [{fromEntities: ['world', 'remote-node']}],
    egress: [{toCIDRSet: [{cidr: '10.0.0.0/8', except: ['10.96.0.0/12']}]}, {toCIDR: ['192.0.2.1', '2001:db8::/32']},
      {toEntities: ['kube-apiserver'], toPorts: [{ports: [{port: '443', protocol: 'TCP'}]}]},
      {toEndpoints: [{}], toPorts: [{ports: [{port: '80', protocol: 'TCP'}], rules: {http: [{method: 'POST', path: '/metric', host: 'a.example', headers: ['X-Auth']}]}}]},
      {toEndpoints: [sel], toPorts: [{ports: [{port: '53', protocol: 'ANY'}], rules: {dns: [{matchPattern: '*.example'}]}}]},
      {icmps: [{fields: [{type: 8}, {family: 'IPv6', type: 'EchoRequest'}]}]}],
    egressDeny: [{toPorts: [{ports: [{port: '25', protocol: 'SCTP'}]}]}]},
  ]
  for (const r of rules) assert.deepEqual(validateRule(r), [])
})

test('every error of a rule is reported, not only the first', () => {
  const errs = validateRule({ingress: [{fromEntities: ['moon']}], egress: [{toCIDR: ['']}]})
  assert.deepEqual(errs, ['rule must have one of EndpointSelector or NodeSelector', 'unsupported entity: moon', 'IP must be specified'])
})

test('ports parse as Go strconv.ParseUint(s, 0, 16) does', () => {
  assert.equal(parsePort('80'), 80)
  assert.equal(parsePort('0x50'), 80)
  assert.equal(parsePort('0o120'), 80)
  assert.equal(parsePort('65535'), 65535)
  assert.equal(parsePort('-1'), 'strconv.ParseUint: parsing "-1": invalid syntax')
  assert.equal(parsePort('1.5'), 'strconv.ParseUint: parsing "1.5": invalid syntax')
})

test('sanitize: selector keys get a source, protocols their canonical name, named ports lower case', () => {
  const r = sanitizeRule({endpointSelector: {matchLabels: {role: 'web', 'k8s:app': 'x'}},
    ingress: [{fromEndpoints: [{matchExpressions: [{key: 'tier', operator: 'Exists'}]}], toPorts: [{ports: [{port: 'HTTP', protocol: 'tcp'}, {port: '53'}]}]}]})
  assert.deepEqual(r, {endpointSelector: {matchLabels: {'any:role': 'web', 'k8s:app': 'x'}},
    ingress: [{fromEndpoints: [{matchExpressions: [{key: 'any:tier', operator: 'Exists'}]}],
      toPorts: [{ports: [{port: 'http', protocol: 'TCP'}, {port: '53', protocol: 'ANY'}]}]}]})
})
