/**
 * The monitor socket protocol (Cilium's "1.2" listener, research/cilium.md §2.10): the agent
 * writes one gob stream per connection of `payload.Payload{Data []byte; CPU int; Lost uint64;
 * Type int}`. Type 9 (PERF_RECORD_SAMPLE) carries an event in Data, whose first byte is the
 * message type; type 2 (PERF_RECORD_LOST) says Lost events were lost on CPU. Agent
 * notifications (message type 130) carry, after the type byte, a separate gob stream of one
 * `api.AgentNotify{Type uint32; Text string}`.
 */
import {asStruct, decodeAll, GobDecoder, GobEncoder, GobError, type GobStructSpec, type GobValue} from './gob.js'

/** Where the real agent serves the monitor (pkg/defaults MonitorSockPath1_2). */
export const DEFAULT_MONITOR_SOCKET = '/var/run/cilium/monitor1_2.sock'

/** payload.Payload Type values (linux/perf_event.h). */
export const PayloadType = {sample: 9, lost: 2} as const

/** Message types (the first byte of a sample), Cilium's monitor API numbering. */
export const MessageType = {drop: 1, debug: 2, capture: 3, trace: 4, policyVerdict: 5, recorder: 6, traceSock: 7,
  accessLog: 129, agent: 130} as const

/** `--type` names and their message types (api.MessageTypeNames). */
export const messageTypeNames: Readonly<Record<string, number>> = {
  drop: MessageType.drop, debug: MessageType.debug, capture: MessageType.capture, trace: MessageType.trace,
  l7: MessageType.accessLog, agent: MessageType.agent, 'policy-verdict': MessageType.policyVerdict,
  recorder: MessageType.recorder, 'trace-sock': MessageType.traceSock,
}

export interface Payload {
  data: Buffer
  cpu: number
  lost: bigint
  type: number
}

const payloadSpec: GobStructSpec = {name: 'Payload', fields: [
  {name: 'Data', kind: 'bytes'}, {name: 'CPU', kind: 'int'}, {name: 'Lost', kind: 'uint'}, {name: 'Type', kind: 'int'}]}

const agentNotifySpec: GobStructSpec = {name: 'AgentNotify', fields: [{name: 'Type', kind: 'uint'}, {name: 'Text', kind: 'string'}]}

/** One connection's writer: the first payload carries the type definition. */
export class PayloadEncoder {
  private readonly gob = new GobEncoder()

  /** The type definition a stream carries before its first payload; empty once given (encode() then sends values only). */
  definition(): Buffer {
    return this.gob.define(payloadSpec)
  }

  encode(p: Payload): Buffer {
    return this.gob.encode(payloadSpec, {Data: p.data, CPU: p.cpu, Lost: p.lost, Type: p.type})
  }
}

function asNumber(v: GobValue | undefined): number {
  return typeof v === 'number' ? v : typeof v === 'bigint' ? Number(v) : 0
}

function toPayload(value: GobValue): Payload {
  const v = asStruct(value)
  if (!v) throw new GobError('monitor: payload is not a struct')
  const data = v.Data
  const lost = v.Lost
  return {data: Buffer.isBuffer(data) ? data : Buffer.alloc(0), cpu: asNumber(v.CPU),
    lost: typeof lost === 'bigint' ? lost : BigInt(asNumber(lost)), type: asNumber(v.Type)}
}

/** One connection's reader: bytes in, payloads out (values of other types are ignored). */
export class PayloadDecoder {
  private readonly gob = new GobDecoder()

  push(chunk: Buffer): Payload[] {
    return this.gob.push(chunk).map((m) => toPayload(m.value))
  }
}

/** api.AgentNotification types and their texts. */
export const agentNotifyTypes: readonly string[] = ['unspecified', 'Message', 'Cilium agent started', 'Endpoint regenerated',
  'Failed endpoint regeneration', 'Policy updated', 'Policy deleted', 'Endpoint created', 'Endpoint deleted',
  'IPCache entry upserted', 'IPCache entry deleted', 'Service upserted', 'Service deleted']

export const AgentNotifyType = {generic: 1, start: 2, endpointRegenerated: 3, endpointRegenerateFailed: 4, policyUpdated: 5,
  policyDeleted: 6, endpointCreated: 7, endpointDeleted: 8, ipcacheUpserted: 9, ipcacheDeleted: 10} as const

export interface AgentNotify {
  type: number
  /** The notification as JSON text. */
  text: string
}

/** A sample's data for an agent notification: the type byte, then its own gob stream. */
export function encodeAgentNotify(n: AgentNotify): Buffer {
  return Buffer.concat([Buffer.from([MessageType.agent]), new GobEncoder().encode(agentNotifySpec, {Type: n.type, Text: n.text})])
}

export function decodeAgentNotify(data: Buffer): AgentNotify {
  const values = decodeAll(data.subarray(1))
  const v = asStruct(values[0]?.value)
  if (!v) throw new GobError('monitor: agent notification is not a struct')
  return {type: asNumber(v.Type), text: typeof v.Text === 'string' ? v.Text : ''}
}
