/** `hubble list nodes` and `hubble list namespaces` output (hubble.md §4.8). */
import {CiliumkitError} from '../errors.js'
import {encodeJson, indentJson} from './codec/index.js'
import {goDuration, goFixed, roundToSecondNs, tabwrite} from './go-format.js'
import type {observer} from './proto/index.js'

export type ListMode = 'table' | 'wide' | 'json'

/** -o table|wide|json; anything else is "unknown output format: <v>". */
export function listMode(output: string): ListMode {
  if (output === 'table' || output === 'wide' || output === 'json') return output
  throw new CiliumkitError(`unknown output format: ${output}`)
}

const stateNames: Record<number, string> = {1: 'Connected', 2: 'Unavailable', 3: 'Gone', 4: 'Error'}

/** Nodes sorted by name, in the chosen mode. */
export function formatNodes(nodes: readonly observer.INode[], mode: ListMode): string {
  const sorted = [...nodes].sort((a, b) => (a.name ?? '') < (b.name ?? '') ? -1 : (a.name ?? '') > (b.name ?? '') ? 1 : 0)
  if (mode === 'json') return indentJson(`[${sorted.map((n) => encodeJson('observer.Node', n)).join(',')}]`) + '\n'
  const header = ['NAME', 'STATUS', 'AGE', 'FLOWS/S', 'CURRENT/MAX-FLOWS']
  if (mode === 'wide') header.push('VERSION', 'ADDRESS', 'TLS')
  const rows = sorted.map((n) => {
    const uptimeNs = Number(n.uptimeNs ?? 0)
    const num = Number(n.numFlows ?? 0), max = Number(n.maxFlows ?? 0)
    const row = [
      n.name ?? '',
      stateNames[n.state ?? 0] ?? 'Unknown',
      uptimeNs > 0 ? goDuration(roundToSecondNs(n.uptimeNs)) : 'N/A',
      uptimeNs > 0 ? goFixed(Number(n.seenFlows ?? 0) / (uptimeNs / 1e9)) : 'N/A',
      max > 0 ? `${String(n.numFlows ?? 0)}/${String(n.maxFlows)} (${goFixed(num / max * 100).padStart(6)}%)` : 'N/A',
    ]
    if (mode === 'wide') row.push(n.version || 'N/A', n.address ?? '', n.tls ? (n.tls.enabled ? 'Enabled' : 'Disabled') : 'N/A')
    return row
  })
  return tabwrite([header, ...rows])
}

export function formatNamespaces(namespaces: readonly observer.INamespace[], mode: ListMode): string {
  if (mode === 'json') return indentJson(`[${namespaces.map((n) => encodeJson('observer.Namespace', n)).join(',')}]`) + '\n'
  if (mode === 'wide') return tabwrite([['CLUSTER', 'NAMESPACE'], ...namespaces.map((n) => [n.cluster ?? '', n.namespace ?? ''])])
  return tabwrite([['NAMESPACE'], ...namespaces.map((n) => [n.namespace ?? ''])])
}
