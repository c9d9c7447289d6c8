/**
 * `hubble observe agent-events` and `debug-events`: one line (compact), a block (dict), a row
 * (table) or the response as JSON per event, with the real CLI's texts (research/hubble.md
 * §4.6): `<time>[ [node]]: <TYPE> (<details>)` for agent events, `<time>[ [node]]: <from>
 * <TYPE> MARK: <hash> CPU: <cpu> (<message>)` for debug events.
 */
import {encodeJson} from '../codec/index.js'
import {enumNames} from '../codec/schema.js'
import type {flow, observer} from '../proto/index.js'
import {tabwrite} from '../../maps/text.js'
import {escapeTerminal, timestampFormatter} from './format.js'
import type {OutputMode, TimeFormat} from './options.js'

type AgentEventsResponse = observer.IGetAgentEventsResponse
type DebugEventsResponse = observer.IGetDebugEventsResponse
type Timestamp = Parameters<ReturnType<typeof timestampFormatter>>[0]

export interface EventPrinterOptions {
  mode: OutputMode
  timeFormat: TimeFormat
  nodeName: boolean
  /** HUBBLE_COMPAT=legacy-json-output: `-o json` prints the inner event only. */
  legacyJson: boolean
}

const enumText = (type: string, v: number | null | undefined): string => enumNames[type]?.[v ?? 0] ?? String(v ?? 0)
const num = (v: unknown): string => String(v ?? 0)
const addr = (a: flow.IServiceUpsertNotificationAddr): string =>
  (a.ip ?? '').includes(':') ? `[${a.ip}]:${a.port ?? 0}` : `${a.ip ?? ''}:${a.port ?? 0}`

/** The details of an agent event, by its type; `UNKNOWN` when the matching notification is absent. */
export function agentEventDetails(e: flow.IAgentEvent, time: (t: Timestamp) => string): string {
  const type = enumText('flow.AgentEventType', e.type)
  switch (type) {
    case 'AGENT_EVENT_UNKNOWN':
      if (e.unknown) return `type: ${e.unknown.type ?? ''}, notification: ${e.unknown.notification ?? ''}`
      break
    case 'AGENT_STARTED':
      if (e.agentStart) return `start time: ${time(e.agentStart.time)}`
      break
    case 'POLICY_UPDATED': case 'POLICY_DELETED':
      if (e.policyUpdate) {
        const p = e.policyUpdate
        return `labels: [${(p.labels ?? []).join(',')}], revision: ${num(p.revision)}, count: ${num(p.ruleCount)}`
      }
      break
    case 'ENDPOINT_REGENERATE_SUCCESS': case 'ENDPOINT_REGENERATE_FAILURE':
      if (e.endpointRegenerate) {
        const r = e.endpointRegenerate
        return `id: ${num(r.id)}, labels: [${(r.labels ?? []).join(',')}]${r.error ? `, error: ${r.error}` : ''}`
      }
      break
    case 'ENDPOINT_CREATED': case 'ENDPOINT_DELETED':
      if (e.endpointUpdate) {
        const u = e.endpointUpdate
        return `id: ${num(u.id)}${u.namespace ? `, namespace: ${u.namespace}` : ''}${u.podName ? `, pod name: ${u.podName}` : ''}`
      }
      break
    case 'IPCACHE_UPSERTED': case 'IPCACHE_DELETED':
      if (e.ipcacheUpdate) {
        const i = e.ipcacheUpdate
        return `cidr: ${i.cidr ?? ''}, identity: ${num(i.identity)}`
          + (i.oldIdentity ? `, old identity: ${num(i.oldIdentity.value)}` : '')
          + (i.hostIp ? `, host ip: ${i.hostIp}` : '') + (i.oldHostIp ? `, old host ip: ${i.oldHostIp}` : '')
          + `, encrypt key: ${num(i.encryptKey)}`
      }
      break
    case 'SERVICE_UPSERTED':
      if (e.serviceUpsert) {
        const s = e.serviceUpsert
        return `id: ${num(s.id)}` + (s.frontendAddress ? `, frontend: ${addr(s.frontendAddress)}` : '')
          + (s.backendAddresses?.length ? `, backends: [${s.backendAddresses.map(addr).join(',')}]` : '')
          + (s.type ? `, type: ${s.type}` : '') + (s.trafficPolicy ? `, traffic policy: ${s.trafficPolicy}` : '')
          + (s.namespace ? `, namespace: ${s.namespace}` : '') + (s.name ? `, name: ${s.name}` : '')
      }
      break
    case 'SERVICE_DELETED':
      if (e.serviceDelete) return `id: ${num(e.serviceDelete.id)}`
      break
  }
  return 'UNKNOWN'
}

/** Where a debug event comes from: `ns/pod (ID: n)`, `reserved:x (ID: n)`, `ID: n` or `N/A`. */
export function debugEventSource(ep: flow.IEndpoint | null | undefined): string {
  if (!ep) return 'N/A'
  const id = `ID: ${num(ep.ID)}`
  if (ep.namespace && ep.podName) return `${ep.namespace}/${ep.podName} (${id})`
  const labels = ep.labels ?? []
  if (labels.length === 1 && labels[0].startsWith('reserved:')) return `${labels[0]} (${id})`
  return id
}

const hex = (v: {value?: number | null} | null | undefined): string => (v ? `0x${(v.value ?? 0).toString(16)}` : 'N/A')
const cpu = (v: {value?: number | null} | null | undefined): string => (v ? String(v.value ?? 0).padStart(2, '0') : 'N/A')

/** Prints agent or debug events as one of the output modes; the table is printed by close(). */
export class EventPrinter {
  private readonly time: (t: Timestamp) => string
  private line = 0
  private table = ''

  constructor(private readonly opts: EventPrinterOptions, private readonly write: (text: string) => void) {
    this.time = timestampFormatter(opts.timeFormat)
  }

  agent(res: AgentEventsResponse): void {
    const e = res.agentEvent
    if (!e) return
    if (this.json(res, 'observer.GetAgentEventsResponse', e, 'flow.AgentEvent')) return
    const type = enumText('flow.AgentEventType', e.type)
    const details = agentEventDetails(e, this.time)
    this.emit(res, [['TYPE', type], ['DETAILS', details]], `${type} (${details})`, [type, details])
  }

  debug(res: DebugEventsResponse): void {
    const e = res.debugEvent
    if (!e) return
    if (this.json(res, 'observer.GetDebugEventsResponse', e, 'flow.DebugEvent')) return
    const type = enumText('flow.DebugEventType', e.type)
    const from = debugEventSource(e.source)
    this.emit(res, [['TYPE', type], ['FROM', from], ['MARK', hex(e.hash)], ['CPU', cpu(e.cpu)], ['MESSAGE', e.message ?? '']],
      `${from} ${type} MARK: ${hex(e.hash)} CPU: ${cpu(e.cpu)} (${e.message ?? ''})`,
      [from, '', type, `${cpu(e.cpu)} ${hex(e.hash)}`, e.message ?? ''])
  }

  /** Writes the table (its widths depend on every row). */
  close(kind: 'agent' | 'debug'): void {
    if (this.opts.mode !== 'table' || this.line === 0) return
    const header = [this.opts.nodeName ? 'TIMESTAMP\tNODE' : 'TIMESTAMP',
      kind === 'agent' ? 'TYPE\tDETAILS' : 'FROM\t\tTYPE\tCPU/MARK\tMESSAGE'].join('\t')
    this.writeText(tabwrite(`${header}\n${this.table}`, {minwidth: 2, padding: 3}))
    this.table = ''
  }

  private json(res: object, responseType: string, event: object, eventType: string): boolean {
    if (this.opts.mode !== 'json' && this.opts.mode !== 'jsonpb') return false
    const legacy = this.opts.mode === 'json' && this.opts.legacyJson
    this.write(`${legacy ? encodeJson(eventType, event) : encodeJson(responseType, res)}\n`)
    return true
  }

  private emit(res: AgentEventsResponse | DebugEventsResponse, dict: Array<[string, string]>, compact: string, row: string[]): void {
    const time = this.time(res.time)
    const node = res.nodeName ?? ''
    switch (this.opts.mode) {
      case 'dict': {
        // As the real one: records after the first start with the separator, without a newline (a quirk).
        let s = this.line !== 0 ? '------------' : ''
        s += `  TIMESTAMP: ${time}\n`
        if (this.opts.nodeName) s += `       NODE: ${node}\n`
        for (const [k, v] of dict) s += `${k.padStart(11)}: ${v}\n`
        this.writeText(s)
        break
      }
      case 'table':
        this.table += `${[time, ...(this.opts.nodeName ? [node] : []), ...row].join('\t')}\n`
        break
      default:
        this.writeText(`${time}${this.opts.nodeName ? ` [${node}]` : ''}: ${compact}\n`)
    }
    this.line++
  }

  /** Text modes go through the terminal escaping of the flow printers (event messages may carry ESC or CR); JSON does not. */
  private writeText(text: string): void {
    this.write(escapeTerminal(text, false))
  }
}
