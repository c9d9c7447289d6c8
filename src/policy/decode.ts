/**
 * Turns untyped JSON/YAML values into the typed rule model, field by field, with the errors
 * Go's encoding/json gives (strict: unknown fields are errors, since a misspelt `fromEndpoint`
 * would otherwise silently widen a rule to every peer). Objects are rebuilt in the Go field
 * order so that printing them matches `cilium policy get`.
 */
import type {Rule} from './types.js'

type Kind = 'string' | 'int' | 'bool' | 'port' | 'intOrString' | 'object'
  | {array: Kind} | {struct: string} | {map: 'string'}

/** Field lists in Go struct order (pkg/policy/api). */
const structs: Record<string, [string, Kind][]> = {
  Rule: [['endpointSelector', {struct: 'EndpointSelector'}], ['nodeSelector', {struct: 'EndpointSelector'}],
    ['ingress', {array: {struct: 'IngressRule'}}], ['ingressDeny', {array: {struct: 'IngressDenyRule'}}],
    ['egress', {array: {struct: 'EgressRule'}}], ['egressDeny', {array: {struct: 'EgressDenyRule'}}],
    ['labels', {array: {struct: 'Label'}}], ['enableDefaultDeny', {struct: 'DefaultDenyConfig'}],
    ['description', 'string'], ['log', {struct: 'LogConfig'}]],
  EndpointSelector: [['matchLabels', {map: 'string'}], ['matchExpressions', {array: {struct: 'LabelSelectorRequirement'}}]],
  LabelSelectorRequirement: [['key', 'string'], ['operator', 'string'], ['values', {array: 'string'}]],
  Label: [['key', 'string'], ['value', 'string'], ['source', 'string']],
  DefaultDenyConfig: [['ingress', 'bool'], ['egress', 'bool']],
  LogConfig: [['value', 'string']],
  IngressRule: [['fromEndpoints', {array: {struct: 'EndpointSelector'}}], ['fromRequires', {array: {struct: 'EndpointSelector'}}],
    ['fromCIDR', {array: 'string'}], ['fromCIDRSet', {array: {struct: 'CIDRRule'}}], ['fromEntities', {array: 'string'}],
    ['fromGroups', {array: 'object'}], ['fromNodes', {array: {struct: 'EndpointSelector'}}],
    ['toPorts', {array: {struct: 'PortRule'}}], ['icmps', {array: {struct: 'ICMPRule'}}],
    ['authentication', {struct: 'Authentication'}]],
  IngressDenyRule: [['fromEndpoints', {array: {struct: 'EndpointSelector'}}], ['fromRequires', {array: {struct: 'EndpointSelector'}}],
    ['fromCIDR', {array: 'string'}], ['fromCIDRSet', {array: {struct: 'CIDRRule'}}], ['fromEntities', {array: 'string'}],
    ['fromGroups', {array: 'object'}], ['fromNodes', {array: {struct: 'EndpointSelector'}}],
    ['toPorts', {array: {struct: 'PortDenyRule'}}], ['icmps', {array: {struct: 'ICMPRule'}}]],
  EgressRule: [['toEndpoints', {array: {struct: 'EndpointSelector'}}], ['toRequires', {array: {struct: 'EndpointSelector'}}],
    ['toCIDR', {array: 'string'}], ['toCIDRSet', {array: {struct: 'CIDRRule'}}], ['toEntities', {array: 'string'}],
    ['toServices', {array: {struct: 'Service'}}], ['toGroups', {array: 'object'}], ['toNodes', {array: {struct: 'EndpointSelector'}}],
    ['toPorts', {array: {struct: 'PortRule'}}], ['toFQDNs', {array: {struct: 'FQDNSelector'}}],
    ['icmps', {array: {struct: 'ICMPRule'}}], ['authentication', {struct: 'Authentication'}]],
  EgressDenyRule: [['toEndpoints', {array: {struct: 'EndpointSelector'}}], ['toRequires', {array: {struct: 'EndpointSelector'}}],
    ['toCIDR', {array: 'string'}], ['toCIDRSet', {array: {struct: 'CIDRRule'}}], ['toEntities', {array: 'string'}],
    ['toServices', {array: {struct: 'Service'}}], ['toGroups', {array: 'object'}], ['toNodes', {array: {struct: 'EndpointSelector'}}],
    ['toPorts', {array: {struct: 'PortDenyRule'}}], ['icmps', {array: {struct: 'ICMPRule'}}]],
  CIDRRule: [['cidr', 'string'], ['cidrGroupRef', 'string'], ['cidrGroupSelector', {struct: 'EndpointSelector'}],
    ['except', {array: 'string'}]],
  PortRule: [['ports', {array: {struct: 'PortProtocol'}}], ['terminatingTLS', 'object'], ['originatingTLS', 'object'],
    ['serverNames', {array: 'string'}], ['listener', {struct: 'Listener'}], ['rules', {struct: 'L7Rules'}]],
  PortDenyRule: [['ports', {array: {struct: 'PortProtocol'}}]],
  Listener: [['envoyConfig', {struct: 'EnvoyConfig'}], ['name', 'string'], ['priority', 'int']],
  EnvoyConfig: [['kind', 'string'], ['name', 'string']],
  PortProtocol: [['port', 'port'], ['endPort', 'int'], ['protocol', 'string']],
  L7Rules: [['http', {array: {struct: 'PortRuleHTTP'}}], ['kafka', {array: {struct: 'PortRuleKafka'}}],
    ['dns', {array: {struct: 'PortRuleDNS'}}], ['l7proto', 'string'], ['l7', {array: {map: 'string'}}]],
  PortRuleHTTP: [['path', 'string'], ['method', 'string'], ['host', 'string'], ['headers', {array: 'string'}],
    ['headerMatches', {array: {struct: 'HeaderMatch'}}]],
  HeaderMatch: [['mismatch', 'string'], ['name', 'string'], ['secret', {struct: 'Secret'}], ['value', 'string']],
  Secret: [['namespace', 'string'], ['name', 'string']],
  PortRuleKafka: [['role', 'string'], ['apiKey', 'string'], ['apiVersion', 'string'], ['clientID', 'string'], ['topic', 'string']],
  PortRuleDNS: [['matchName', 'string'], ['matchPattern', 'string']],
  FQDNSelector: [['matchName', 'string'], ['matchPattern', 'string']],
  ICMPRule: [['fields', {array: {struct: 'ICMPField'}}]],
  ICMPField: [['family', 'string'], ['type', 'intOrString']],
  Authentication: [['mode', 'string']],
  Service: [['k8sService', {struct: 'K8sServiceNamespace'}], ['k8sServiceSelector', {struct: 'ServiceSelector'}]],
  K8sServiceNamespace: [['serviceName', 'string'], ['namespace', 'string']],
  ServiceSelector: [['selector', {struct: 'EndpointSelector'}], ['namespace', 'string']],
}

/** Field names per struct, for the unknown-field check (built once). */
const knownFields = new Map(Object.entries(structs).map(([name, fields]) => [name, new Set(fields.map(([f]) => f))]))

const goType = (k: Kind): string => {
  if (typeof k === 'string') {
    return {string: 'string', int: 'int32', bool: 'bool', port: 'string', intOrString: 'intstr.IntOrString',
      object: 'map[string]interface {}'}[k]
  }
  if ('array' in k) return `[]${goType(k.array)}`
  if ('struct' in k) return `api.${k.struct}`
  return 'map[string]string'
}

const jsonType = (v: unknown): string =>
  v === null ? 'null' : Array.isArray(v) ? 'array' : typeof v === 'object' ? 'object' : typeof v

interface Ctx {
  errors: string[]
}

function decode(v: unknown, kind: Kind, path: string, struct: string, ctx: Ctx): unknown {
  const fail = (): undefined => {
    ctx.errors.push(`json: cannot unmarshal ${jsonType(v)} into Go struct field ${struct}.${path} of type ${goType(kind)}`)
    return undefined
  }
  if (v === null || v === undefined) return undefined
  if (typeof kind === 'string') {
    switch (kind) {
      case 'string': return typeof v === 'string' ? v : fail()
      case 'bool': return typeof v === 'boolean' ? v : fail()
      case 'int': return typeof v === 'number' && Number.isInteger(v) ? v : fail()
      // YAML writes `port: 80` unquoted all the time; the CRD's string is what it means.
      case 'port': return typeof v === 'string' ? v : typeof v === 'number' && Number.isInteger(v) ? String(v) : fail()
      case 'intOrString': return typeof v === 'string' || (typeof v === 'number' && Number.isInteger(v)) ? v : fail()
      case 'object': return typeof v === 'object' && !Array.isArray(v) ? v : fail()
    }
  }
  if ('array' in kind) {
    if (!Array.isArray(v)) return fail()
    return v.map((e) => decode(e, kind.array, path, struct, ctx) ?? (isStruct(kind.array) ? {} : e))
  }
  if ('map' in kind) {
    if (typeof v !== 'object' || Array.isArray(v)) return fail()
    const out: Record<string, string> = {}
    for (const [k, e] of Object.entries(v as Record<string, unknown>)) {
      const s = decode(e, 'string', `${path}.${k}`, struct, ctx)
      if (typeof s === 'string') out[k] = s
    }
    return out
  }
  return decodeStruct(v, kind.struct, path, ctx)
}

const isStruct = (k: Kind): boolean => typeof k === 'object' && 'struct' in k

function decodeStruct(v: unknown, name: string, path: string, ctx: Ctx): Record<string, unknown> | undefined {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) {
    ctx.errors.push(`json: cannot unmarshal ${jsonType(v)} into Go ${path ? `struct field ${name}.${path}` : 'value'} of type api.${name}`)
    return undefined
  }
  const fields = structs[name]
  const input = v as Record<string, unknown>
  const known = knownFields.get(name) as Set<string>
  for (const k in input) {
    if (!known.has(k)) ctx.errors.push(`json: unknown field "${k}"${path ? ` in ${path}` : ''}`)
  }
  const out: Record<string, unknown> = {}
  for (const [f, kind] of fields) {
    if (!(f in input)) continue
    const d = decode(input[f], kind, path ? `${path}.${f}` : f, isStruct(kind) ? (kind as {struct: string}).struct : name, ctx)
    if (d !== undefined) out[f] = d
  }
  return out
}

/** Decodes one rule; `errors` lists every type error and unknown field found (empty when it decoded cleanly). */
export function decodeRule(v: unknown): {rule: Rule; errors: string[]} {
  const ctx: Ctx = {errors: []}
  const rule = (decodeStruct(v, 'Rule', '', ctx) ?? {}) as Rule
  return {rule, errors: ctx.errors}
}
