import type {OutputFormat} from '../output/modes.js'
import {renderListing} from './output.js'
import {bpffsRoot} from './pinned.js'
import {dumpPolicyMap, endpointPolicyMapPath, policyJson, policyMapPaths, policyTable, resolveLabels,
  type LabelSource} from './policy-read.js'
import type {PolicyMapDump} from './policy.js'

export interface PolicyGetOptions {
  bpffs?: string
  /** The endpoint argument; undefined means every map (`--all`, `bpf policy list`). */
  endpoint?: string
  numeric: boolean
  format: OutputFormat
  warn: (line: string) => void
  /** Where labels come from; defaults to the agent API on its unix socket. */
  labels?: LabelSource
}

async function agentLabels(warn: (line: string) => void): Promise<LabelSource> {
  const {AgentClient} = await import('../api/client.js')
  const client = new AgentClient()
  return {getIdentity: async (id) => (await client.getIdentity(id)).labels ?? [], warn}
}

/**
 * `bpf policy get <ep>` / `--all` end to end: the text to print and the value behind it.
 * `--all` with no map prints `no maps found`; an empty map prints the real CLI's note.
 */
export async function policyGetOutput(o: PolicyGetOptions): Promise<{text: string; value: unknown}> {
  const root = bpffsRoot(o.bpffs)
  const source = o.labels ?? await agentLabels(o.warn)
  const labelsOf = async (d: PolicyMapDump) =>
    o.numeric || o.format !== 'table' ? () => undefined : resolveLabels(d.entries, source)
  if (o.endpoint !== undefined) {
    const dump = await dumpPolicyMap(root, endpointPolicyMapPath(root, o.endpoint))
    const labels = await labelsOf(dump)
    const value = policyJson(dump)
    return {text: await renderListing(o.format, value, () => policyTable(dump, o.numeric, labels)), value}
  }
  const paths = policyMapPaths(root)
  if (paths.length === 0) return {text: 'no maps found\n', value: []}
  const dumps: PolicyMapDump[] = []
  for (const p of paths) dumps.push(await dumpPolicyMap(root, p))
  const value = dumps.map((d) => ({EndpointID: d.endpointId, Path: d.path, Content: policyJson(d)}))
  if (o.format !== 'table') return {text: await renderListing(o.format, value, () => ''), value}
  let text = ''
  for (const d of dumps) {
    text += `Endpoint ID: ${d.endpointId}\nPath: ${d.path}\n\n${policyTable(d, o.numeric, await labelsOf(d))}\n\n`
  }
  return {text, value}
}
