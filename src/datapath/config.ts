/**
 * The per-endpoint configuration map ck_ep_config (bpf/include/ck/config.h): one entry per
 * endpoint, keyed by the ifindex of its host-side veth, read by the datapath on every
 * packet. The options carry Cilium's endpoint option names (research/cilium.md §4.4).
 */

/** Mirrors struct ep_config. */
export const EP_CONFIG = {size: 20, endpoint_id: 0, policy_enforcement: 2, selected: 3, identity: 4, options: 8,
  monitor_aggregation: 12, events_per_sec: 16} as const
/**
 * ck_ep_config is an array indexed by the host veth's ifindex (bpf_lxc.c EP_CONFIG_SLOTS): an
 * endpoint's host interface needs an index below this.
 */
export const EP_CONFIG_SLOTS = 1 << 18
/** Mirrors struct event_budget (ck_event_budget). */
export const EVENT_BUDGET = {size: 16, window_start_ns: 0, sent: 8, suppressed: 12} as const

/**
 * Option bits (EP_OPT_*). HttpVisibility is ours: the datapath parses HTTP/1.x first lines.
 * ConntrackAccounting counts packets and bytes per connection (two atomic adds on an entry both
 * directions share, so it is off by default as in Cilium).
 */
export const EndpointOption = {
  Conntrack: 0x01, PolicyAuditMode: 0x02, DropNotification: 0x04, TraceNotification: 0x08,
  PolicyVerdictNotification: 0x10, Debug: 0x20, HttpVisibility: 0x40, ConntrackAccounting: 0x80,
} as const
export type EndpointOptionName = keyof typeof EndpointOption

export type PolicyEnforcement = 'default' | 'always' | 'never'
const enforcementCodes: Record<PolicyEnforcement, number> = {default: 0, always: 1, never: 2}

/** MonitorAggregationLevel: 0 none, 1 lowest (no from-endpoint traces), 2 low, 3 medium (traces when conntrack reports), 4 max. */
export type MonitorAggregation = 0 | 1 | 2 | 3 | 4

export interface EndpointConfig {
  endpointId: number
  /** The endpoint's own security identity. */
  identity: number
  options: Record<EndpointOptionName, boolean>
  policyEnforcement: PolicyEnforcement
  /** Whether a rule selects the endpoint in that direction: under `default` enforcement that turns default deny on. */
  selected: {ingress: boolean; egress: boolean}
  monitorAggregation: MonitorAggregation
  /** Notifications per second this endpoint may send; 0 = unlimited. */
  eventsPerSecond: number
}

/** Cilium's defaults for a new endpoint (MonitorAggregationLevel medium, notifications on). */
export function defaultEndpointConfig(endpointId: number, identity: number): EndpointConfig {
  return {endpointId, identity,
    options: {Conntrack: true, PolicyAuditMode: false, DropNotification: true, TraceNotification: true,
      PolicyVerdictNotification: true, Debug: false, HttpVisibility: false, ConntrackAccounting: false},
    policyEnforcement: 'default', selected: {ingress: false, egress: false}, monitorAggregation: 3, eventsPerSecond: 0}
}

export function encodeEndpointConfig(c: EndpointConfig): Buffer {
  const b = Buffer.alloc(EP_CONFIG.size)
  b.writeUInt16LE(c.endpointId, EP_CONFIG.endpoint_id)
  b[EP_CONFIG.policy_enforcement] = enforcementCodes[c.policyEnforcement]
  b[EP_CONFIG.selected] = (c.selected.ingress ? 1 : 0) | (c.selected.egress ? 2 : 0)
  b.writeUInt32LE(c.identity, EP_CONFIG.identity)
  let options = 0
  for (const [name, bit] of Object.entries(EndpointOption)) if (c.options[name as EndpointOptionName]) options |= bit
  b.writeUInt32LE(options, EP_CONFIG.options)
  b[EP_CONFIG.monitor_aggregation] = c.monitorAggregation
  b.writeUInt32LE(c.eventsPerSecond, EP_CONFIG.events_per_sec)
  return b
}

export function decodeEndpointConfig(b: Buffer, at = 0): EndpointConfig {
  const bits = b.readUInt32LE(at + EP_CONFIG.options)
  const options = Object.fromEntries(Object.entries(EndpointOption).map(([n, bit]) => [n, (bits & bit) !== 0])) as Record<EndpointOptionName, boolean>
  const selected = b[at + EP_CONFIG.selected]
  const enforcement = (Object.keys(enforcementCodes) as PolicyEnforcement[])[b[at + EP_CONFIG.policy_enforcement]] ?? 'default'
  return {endpointId: b.readUInt16LE(at + EP_CONFIG.endpoint_id), identity: b.readUInt32LE(at + EP_CONFIG.identity), options,
    policyEnforcement: enforcement, selected: {ingress: (selected & 1) !== 0, egress: (selected & 2) !== 0},
    monitorAggregation: Math.min(b[at + EP_CONFIG.monitor_aggregation], 4) as MonitorAggregation,
    eventsPerSecond: b.readUInt32LE(at + EP_CONFIG.events_per_sec)}
}
