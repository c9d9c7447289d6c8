/**
 * The CiliumNetworkPolicy rule language as data: one `Rule` is one element of the agent's
 * rules array (the `spec` of a CNP/CCNP). Field names are the JSON names on the wire, and
 * objects are built in the Go structs' field order so JSON.stringify prints them in the order
 * `cilium policy get` does (research/cilium.md §4.7, §5.1).
 */

export type SelectorOperator = 'In' | 'NotIn' | 'Exists' | 'DoesNotExist'

export interface SelectorRequirement {
  key: string
  operator: SelectorOperator
  values?: string[]
}

/** A Kubernetes LabelSelector; keys carry their source after sanitizing (`any:app`, `k8s:io.kubernetes.pod.namespace`). */
export interface EndpointSelector {
  matchLabels?: Record<string, string>
  matchExpressions?: SelectorRequirement[]
}

export interface CIDRRule {
  cidr?: string
  cidrGroupRef?: string
  cidrGroupSelector?: EndpointSelector
  except?: string[]
}

export interface PortProtocol {
  port?: string
  endPort?: number
  protocol?: string
}

export interface PortRuleHTTP {
  path?: string
  method?: string
  host?: string
  headers?: string[]
  headerMatches?: {name: string; value?: string; secret?: {namespace?: string; name: string}; mismatch?: string}[]
}

export interface PortRuleDNS {
  matchName?: string
  matchPattern?: string
}

export interface PortRuleKafka {
  role?: string
  apiKey?: string
  apiVersion?: string
  clientID?: string
  topic?: string
}

export interface L7Rules {
  http?: PortRuleHTTP[]
  kafka?: PortRuleKafka[]
  dns?: PortRuleDNS[]
  l7proto?: string
  l7?: Record<string, string>[]
}

export interface PortRule {
  ports?: PortProtocol[]
  terminatingTLS?: Record<string, unknown>
  originatingTLS?: Record<string, unknown>
  serverNames?: string[]
  listener?: {envoyConfig?: {kind?: string; name: string}; name: string; priority?: number}
  rules?: L7Rules
}

export interface ICMPField {
  family?: string
  type: number | string
}

export interface ICMPRule {
  fields: ICMPField[]
}

export interface Authentication {
  mode: 'disabled' | 'required' | 'test-always-fail' | string
}

export interface Service {
  k8sService?: {serviceName?: string; namespace?: string}
  k8sServiceSelector?: {selector: EndpointSelector; namespace?: string}
}

export interface FQDNSelector {
  matchName?: string
  matchPattern?: string
}

/** An `ingress` / `ingressDeny` element. Deny elements take no L7 rules and no authentication. */
export interface IngressRule {
  fromEndpoints?: EndpointSelector[]
  fromRequires?: EndpointSelector[]
  fromCIDR?: string[]
  fromCIDRSet?: CIDRRule[]
  fromEntities?: string[]
  fromGroups?: Record<string, unknown>[]
  fromNodes?: EndpointSelector[]
  toPorts?: PortRule[]
  icmps?: ICMPRule[]
  authentication?: Authentication
}

/** An `egress` / `egressDeny` element. */
export interface EgressRule {
  toEndpoints?: EndpointSelector[]
  toRequires?: EndpointSelector[]
  toCIDR?: string[]
  toCIDRSet?: CIDRRule[]
  toEntities?: string[]
  toServices?: Service[]
  toGroups?: Record<string, unknown>[]
  toNodes?: EndpointSelector[]
  toPorts?: PortRule[]
  toFQDNs?: FQDNSelector[]
  icmps?: ICMPRule[]
  authentication?: Authentication
}

/** A rule label as the API prints it: `{key, value, source}`. */
export interface RuleLabel {
  key: string
  value: string
  source: string
}

export interface Rule {
  endpointSelector?: EndpointSelector
  nodeSelector?: EndpointSelector
  ingress?: IngressRule[]
  ingressDeny?: IngressRule[]
  egress?: EgressRule[]
  egressDeny?: EgressRule[]
  labels?: RuleLabel[]
  enableDefaultDeny?: {ingress?: boolean; egress?: boolean}
  description?: string
  log?: {value?: string}
}

/** Where a rule came from, for error messages: the file, the document and the rule index in it. */
export interface RuleOrigin {
  file: string
  /** 0-based document index in a multi-document file. */
  document: number
  /** 0-based rule index within the document (the `specs` index, or the array index). */
  index: number
  /** `CiliumNetworkPolicy default/name`, or `rules` for a bare rule array. */
  name: string
}

export interface SourcedRule {
  rule: Rule
  origin: RuleOrigin
}

/** Peer fields of an element, in the order the validator names them in "Combining A and B". */
export const ingressPeerFields = ['fromEndpoints', 'fromCIDR', 'fromCIDRSet', 'fromEntities', 'fromNodes', 'fromGroups'] as const
export const egressPeerFields = ['toEndpoints', 'toCIDR', 'toCIDRSet', 'toEntities', 'toServices', 'toFQDNs', 'toGroups', 'toNodes'] as const
