/**
 * The `__complete` fast path: bin/*.js calls runComplete before oclif loads, so a TAB
 * costs a Node start, a JSON.parse of the manifest and this module, nothing more.
 */
import {readFileSync, readdirSync} from 'node:fs'
import {join} from 'node:path'
import {packageRoot} from '../paths.js'
import {completeWords, formatAnswer, type Candidate} from './candidates.js'
import {buildCompletionModel, type DynamicSource, type ManifestCommand, type ManifestTopics} from './model.js'

function readJson(path: string): Record<string, unknown> {
  return JSON.parse(readFileSync(path, 'utf8')) as Record<string, unknown>
}

/** The manifest and topics of a bin's oclif root. */
export function loadManifest(bin: 'cilium' | 'hubble'): {commands: ManifestCommand[]; topics: ManifestTopics} {
  const dir = bin === 'hubble' ? join(packageRoot, 'hubble-root') : packageRoot
  const manifest = readJson(join(dir, 'oclif.manifest.json')) as {commands: Record<string, ManifestCommand>}
  const pkg = readJson(join(dir, 'package.json')) as {oclif?: {topics?: ManifestTopics}}
  return {commands: Object.values(manifest.commands), topics: pkg.oclif?.topics ?? {}}
}

/** Names of the maps pinned under a bpffs tree (CILIUM_BPFFS, else /sys/fs/bpf); [] when none. */
export function pinnedMapNames(root = process.env.CILIUM_BPFFS || '/sys/fs/bpf'): string[] {
  try {
    return readdirSync(root, {recursive: true, withFileTypes: true})
      .filter((e) => e.isFile()).map((e) => e.name).sort()
  } catch {
    return []
  }
}

/**
 * The endpoint IDs the agent knows (CILIUM_SOCK or the default socket); [] when no agent
 * answers within a TAB's patience.
 */
async function agentEndpointIds(): Promise<Candidate[]> {
  const {AgentClient} = await import('../api/client.js')
  try {
    const endpoints = await AgentClient.fromHost(undefined, process.env, 2000).getEndpoints()
    return endpoints.map((ep) => ({value: String(ep.id), description: ep.status?.identity?.labels?.join(' ') ?? ''}))
  } catch {
    return []
  }
}

async function dynamicCandidates(source: DynamicSource): Promise<Candidate[]> {
  switch (source) {
    case 'maps': return pinnedMapNames().map((value) => ({value, description: ''}))
    case 'endpoints': return agentEndpointIds()
  }
}

/** Answers one completion request with the text to print. */
export async function answerComplete(bin: 'cilium' | 'hubble', words: string[]): Promise<string> {
  const {commands, topics} = loadManifest(bin)
  const answer = completeWords(buildCompletionModel(bin, commands, topics), words.length ? words : [''])
  if (answer.dynamic) {
    const current = words.at(-1) ?? ''
    answer.candidates.push(...(await dynamicCandidates(answer.dynamic)).filter((c) => c.value.startsWith(current)))
  }
  return formatAnswer(answer)
}
