/**
 * `hubble status`: the health check, then ServerStatus, printed as the real CLI prints it in
 * each of its modes (hubble.md §4.7).
 */
import {CiliumkitError, ConnectionError} from '../errors.js'
import type {HubbleClient} from './client.js'
import {encodeJson} from './codec/index.js'
import {goDuration, goFixed, groupDigits, tabwrite} from './go-format.js'
import type {observer} from './proto/index.js'

export type StatusMode = 'compact' | 'dict' | 'json' | 'table'

/** -o values the real CLI accepts; anything else is "invalid output format: <v>". */
export function statusMode(output: string): StatusMode {
  switch (output) {
    case 'compact': return 'compact'
    case 'dict': return 'dict'
    case 'json': case 'JSON': case 'jsonpb': return 'json'
    case 'table': case 'tab': return 'table'
    default: throw new CiliumkitError(`invalid output format: ${output}`)
  }
}

/**
 * Runs the status checks and returns the text to print. Throws ConnectionError with the real
 * CLI's messages (`failed getting status: rpc error: …`, `not healthy`); for an unhealthy server
 * in compact mode the error carries the line already printed by the real CLI in `stdout`.
 */
export async function hubbleStatus(client: HubbleClient, mode: StatusMode): Promise<string> {
  let health: string
  try {
    health = await client.healthCheck()
  } catch (e) {
    const err = e as ConnectionError
    throw new ConnectionError(`failed getting status: ${err.message}`, err.hint)
  }
  if (health !== 'SERVING') {
    throw new UnhealthyError(mode === 'compact' ? `Healthcheck (via ${client.target}): Unavailable: ${health}\n` : '')
  }
  let status: observer.ServerStatusResponse
  try {
    status = await client.serverStatus()
  } catch (e) {
    const err = e as ConnectionError
    throw new ConnectionError(`failed to get hubble server status: ${err.message}`, err.hint)
  }
  const head = mode === 'compact' ? `Healthcheck (via ${client.target}): Ok\n` : ''
  return head + formatServerStatus(status, mode)
}

/** The server is up but its health check does not say SERVING. */
export class UnhealthyError extends ConnectionError {
  constructor(readonly stdout: string) {
    super('not healthy')
  }
}

export function formatServerStatus(s: observer.IServerStatusResponse, mode: StatusMode): string {
  const num = Number(s.numFlows ?? 0), max = Number(s.maxFlows ?? 0), seen = Number(s.seenFlows ?? 0)
  const uptimeSec = Number(s.uptimeNs ?? 0) / 1e9
  const rate = s.flowsRate ?? 0
  const connected = s.numConnectedNodes, unavailable = s.numUnavailableNodes
  switch (mode) {
    case 'json':
      return encodeJson('observer.ServerStatusResponse', s) + '\n'
    case 'compact': {
      let out = `Current/Max Flows: ${groupDigits(s.numFlows)}/${groupDigits(s.maxFlows)}`
      out += max > 0 ? ` (${goFixed(num / max * 100)}%)\n` : '\n'
      const perSec = rate > 0 ? goFixed(rate) : uptimeSec > 0 ? goFixed(seen / uptimeSec) : 'N/A'
      out += `Flows/s: ${perSec}\n`
      if (connected) {
        out += `Connected Nodes: ${connected.value ?? 0}`
        out += unavailable ? `/${(connected.value ?? 0) + (unavailable.value ?? 0)}\n` : '\n'
      }
      const down = unavailable?.value ?? 0
      if (down > 0) {
        out += `Unavailable Nodes: ${down}\n`
        const names = [...(s.unavailableNodes ?? [])].sort()
        for (const n of names) out += `  - ${n}\n`
        if (names.length > 0 && down > names.length) out += `  - and ${down - names.length} more...\n`
      }
      return out
    }
    case 'dict': {
      const rows: Array<[string, string]> = [
        ['NUM FLOWS', groupDigits(s.numFlows)],
        ['MAX FLOWS', groupDigits(s.maxFlows)],
        ['SEEN FLOWS', groupDigits(s.seenFlows)],
        ['FLOWS PER SECOND', rate > 0 ? goFixed(rate) : 'N/A'],
        ['UPTIME', goDuration(s.uptimeNs)],
        ['NUM CONNECTED NODES', connected ? String(connected.value ?? 0) : 'N/A'],
        ['NUM UNAVAIL. NODES', unavailable ? String(unavailable.value ?? 0) : 'N/A'],
        ['VERSION', s.version ?? ''],
      ]
      return rows.map(([k, v]) => `${k.padStart(19)}: ${v}\n`).join('')
    }
    case 'table':
      return tabwrite([
        ['NUM FLOWS', 'MAX FLOWS', 'SEEN FLOWS', 'FLOWS PER SECOND', 'UPTIME', 'NUM CONNECTED NODES', 'NUM UNAVAILABLE NODES', 'VERSION'],
        [groupDigits(s.numFlows), groupDigits(s.maxFlows), groupDigits(s.seenFlows), rate > 0 ? goFixed(rate) : 'N/A',
          goDuration(s.uptimeNs), connected ? String(connected.value ?? 0) : 'N/A', unavailable ? String(unavailable.value ?? 0) : 'N/A',
          s.version ?? ''],
      ])
  }
}
