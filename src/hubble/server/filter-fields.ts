/**
 * Which fields of a flow the filter engine (src/hubble/filters) reads for a FlowFilter field. The
 * server filters flows it holds encoded: decoding only those fields (the ring entry masked to
 * them, then decoded) costs a fraction of decoding the whole flow, and the filters see the same
 * values. A FlowFilter field missing here (a new one), or a CEL expression, which may read
 * anything, makes the server decode whole flows.
 */
import type {flow} from '../proto/index.js'

/** FlowFilter field (as decoded, camelCase) -> the flow.Flow fields (proto names) its check reads. */
export const FLOW_FIELDS_READ: Readonly<Record<string, readonly string[]>> = {
  uuid: ['uuid'],
  verdict: ['verdict'],
  dropReasonDesc: ['verdict', 'drop_reason_desc'],
  reply: ['verdict', 'is_reply'],
  encrypted: ['IP'],
  sourceIdentity: ['source'],
  destinationIdentity: ['destination'],
  protocol: ['l4', 'l7'],
  sourceIp: ['IP'],
  destinationIp: ['IP'],
  sourceIpXlated: ['IP'],
  ipVersion: ['IP'],
  sourcePod: ['source'],
  destinationPod: ['destination'],
  sourceWorkload: ['source'],
  destinationWorkload: ['destination'],
  sourceLabel: ['source'],
  destinationLabel: ['destination'],
  sourceClusterName: ['source'],
  destinationClusterName: ['destination'],
  sourceService: ['source_service'],
  destinationService: ['destination_service'],
  sourceFqdn: ['source_names'],
  destinationFqdn: ['destination_names'],
  dnsQuery: ['l7'],
  nodeLabels: ['node_labels'],
  sourcePort: ['l4'],
  destinationPort: ['l4'],
  tcpFlags: ['l4'],
  httpStatusCode: ['l7'],
  httpMethod: ['l7'],
  httpPath: ['l7'],
  httpUrl: ['l7'],
  httpHeader: ['l7'],
  nodeName: ['node_name'],
  traceId: ['trace_context'],
  trafficDirection: ['traffic_direction'],
  interface: ['interface'],
  ipTraceId: ['ip_trace_id'],
  eventType: ['event_type'],
}

/**
 * The flow fields `filters` read (sorted, no repeats), or undefined when they may read any
 * field (a CEL expression, or a field this table does not know).
 */
export function flowFieldsRead(filters: readonly flow.IFlowFilter[]): string[] | undefined {
  const fields = new Set<string>()
  for (const ff of filters) {
    for (const [key, value] of Object.entries(ff)) {
      if (value == null || (Array.isArray(value) && value.length === 0)) continue
      const read = FLOW_FIELDS_READ[key]
      if (!read) return undefined
      for (const f of read) fields.add(f)
    }
  }
  return [...fields].sort()
}
