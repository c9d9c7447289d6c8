/**
 * The agent REST API's JSON models (api/v1 openapi), with the field names exactly as on the
 * wire (research/cilium.md §4.3). Only the fields this toolkit reads or writes are typed;
 * the rest pass through untouched.
 */

export type ConfigurationMap = Record<string, string>
export type Labels = string[]

export interface LabelConfigurationSpec {
  user?: Labels
}

export interface EndpointConfigurationSpec {
  options?: ConfigurationMap
  'label-configuration'?: LabelConfigurationSpec
}

export interface EndpointConfigurationStatus {
  realized?: EndpointConfigurationSpec
  immutable?: ConfigurationMap
  error?: string
}

export interface IdentityModel {
  id: number
  labels: Labels
  labelsSHA256?: string
}

export interface AddressPair {
  ipv4?: string
  'ipv4-expiration-uuid'?: string
  'ipv4-pool-name'?: string
  ipv6?: string
  'ipv6-expiration-uuid'?: string
  'ipv6-pool-name'?: string
}

export interface EndpointNetworking {
  addressing?: AddressPair[]
  'host-mac'?: string
  mac?: string
  'interface-name'?: string
  'interface-index'?: number
  'container-interface-name'?: string
}

export type EndpointPolicyEnabled = 'none' | 'ingress' | 'egress' | 'both' | 'audit-ingress' | 'audit-egress' | 'audit-both'

export interface EndpointPolicy {
  'policy-revision'?: number
  id?: number
  'policy-enabled'?: EndpointPolicyEnabled
  build?: number
  'allowed-ingress-identities'?: number[]
  'denied-ingress-identities'?: number[]
  'allowed-egress-identities'?: number[]
  'denied-egress-identities'?: number[]
  l4?: {ingress?: {rule: string; 'derived-from-rules'?: string[][]}[]; egress?: {rule: string; 'derived-from-rules'?: string[][]}[]}
}

export interface EndpointPolicyStatus {
  spec?: EndpointPolicy
  realized?: EndpointPolicy
  'proxy-policy-revision'?: number
}

export type EndpointState = 'waiting-for-identity' | 'not-ready' | 'waiting-to-regenerate' | 'regenerating' | 'restoring'
  | 'ready' | 'disconnecting' | 'disconnected' | 'invalid'

export interface LabelConfigurationStatus {
  realized?: LabelConfigurationSpec
  'security-relevant'?: Labels
  derived?: Labels
  disabled?: Labels
}

export type EndpointHealthStatus = 'OK' | 'Bootstrap' | 'Pending' | 'Warning' | 'Failure' | 'Disabled'

export interface EndpointHealth {
  overallHealth?: EndpointHealthStatus
  bpf?: EndpointHealthStatus
  policy?: EndpointHealthStatus
  connected?: boolean
}

export interface EndpointStatusChange {
  timestamp?: string
  /** The schema says ok|failed; the agent sends its StatusCode's text, `OK` or `Failure`. */
  code?: string
  message?: string
  state?: EndpointState
}

export interface EndpointIdentifiers {
  'cni-attachment-id'?: string
  'container-id'?: string
  'container-name'?: string
  'docker-endpoint-id'?: string
  'docker-network-id'?: string
  'pod-name'?: string
  'k8s-pod-name'?: string
  'k8s-namespace'?: string
}

export interface EndpointStatus {
  'external-identifiers'?: EndpointIdentifiers
  identity?: IdentityModel
  labels?: LabelConfigurationStatus
  realized?: EndpointConfigurationSpec
  networking?: EndpointNetworking
  policy?: EndpointPolicyStatus
  log?: EndpointStatusChange[]
  state: EndpointState
  health?: EndpointHealth
  namedPorts?: {name?: string; port?: number; protocol?: string}[]
}

export interface Endpoint {
  id: number
  spec?: EndpointConfigurationSpec
  status?: EndpointStatus
}

export interface EndpointChangeRequest {
  id?: number
  'container-id'?: string
  'container-name'?: string
  labels?: Labels
  'interface-name'?: string
  'interface-index'?: number
  state: EndpointState
  mac?: string
  'host-mac'?: string
  addressing?: AddressPair
  'k8s-pod-name'?: string
  'k8s-namespace'?: string
  'policy-enabled'?: boolean
  'netns-cookie'?: string
  properties?: Record<string, unknown>
}

export interface LabelConfiguration {
  spec?: LabelConfigurationSpec
  status?: LabelConfigurationStatus
}

export interface Policy {
  revision: number
  policy: string
}

export interface DaemonConfigurationSpec {
  options?: ConfigurationMap
  'policy-enforcement'?: 'default' | 'always' | 'never'
}

export interface DaemonConfiguration {
  spec?: DaemonConfigurationSpec
  status?: {realized?: DaemonConfigurationSpec; immutable?: ConfigurationMap; 'daemon-configuration-map'?: Record<string, unknown>
    'node-monitor'?: {npages?: number}; 'k8s-configuration'?: string; 'k8s-endpoint'?: string; [k: string]: unknown}
}

export interface Status {
  state?: 'Ok' | 'Warning' | 'Failure' | 'Disabled'
  msg?: string
}

/** GET /healthz; the agent fills many more sections, which `cilium status` reads when present. */
export interface StatusResponse {
  cilium?: Status
  kvstore?: Status
  'container-runtime'?: Status
  kubernetes?: {state?: string; msg?: string; 'k8s-api-versions'?: string[]}
  'identity-range'?: {'min-identity'?: number; 'max-identity'?: number}
  [section: string]: unknown
}

export interface IPListEntry {
  cidr: string
  identity: number
  hostIP?: string
  encryptKey?: number
  metadata?: {source?: string; namespace?: string; name?: string}
}

export interface IdentityEndpoints {
  identity: IdentityModel
  refCount: number
}

/** One label set of the rules that use a selector (the API's LabelArray). */
export type SelectorLabelArray = {key: string; value?: string; source: string}[]

export interface SelectorIdentityMapping {
  selector: string
  identities?: number[]
  labels?: SelectorLabelArray[]
  users: number
}

/**
 * One entry of a map's userspace cache (GET /map/{name}). The schema lists ok|insert|delete, but
 * the agent sends its DesiredAction's text: `sync`, `to-be-inserted`, `to-be-deleted`.
 */
export interface BPFMapEntry {
  'desired-action'?: string
  key?: string
  'last-error'?: string
  value?: string
}

/** One write of a map (GET /map/{name}/events streams them, one JSON object per line). */
export interface MapEvent {
  action?: 'update' | 'delete'
  'desired-action'?: string
  key?: string
  'last-error'?: string
  /** RFC 3339 with milliseconds (strfmt.DateTime). */
  timestamp?: string
  value?: string
}

/** A map the agent has open: its pin path and, when the agent caches it, the entries it holds (null: no cache). */
export interface BPFMap {
  cache: BPFMapEntry[] | null
  path?: string
}

export interface BPFMapList {
  maps?: BPFMap[]
}
