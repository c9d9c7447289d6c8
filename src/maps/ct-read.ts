import {CiliumkitError} from '../errors.js'
import type {OutputFormat} from '../output/modes.js'
import type {BpfMap} from '../bpf/index.js'
import {ctEntryJsonText, formatCtBatch, type CtEntryGeneration} from './ct.js'
import {detectGeneration} from './generations.js'
import {bpffsRoot, globalsPath, openIfPinned, shapeOf} from './pinned.js'
import {policyMapPaths} from './policy-read.js'

/*
 * The kernel side of `bpf ct list|flush`. A listing streams: each batch is formatted and
 * written (with back-pressure) before the next is read, so a million-entry map prints
 * from the first batch on and never sits in memory whole.
 */

/** `global`, or one endpoint's maps (ConntrackLocal). */
export type CtTarget = {kind: 'global'} | {kind: 'endpoint'; id: number}

interface CtMapRef {
  path: string
  ipv6: boolean
}

/** Parses `global` | `endpoint <id>` | `<id>` with the real CLI's argument errors. */
export function parseCtTarget(args: readonly string[]): CtTarget {
  if (args.length === 0) throw new CiliumkitError('Invalid argument: no CT map type provided')
  const [type, id] = args
  if (type === 'global') return {kind: 'global'}
  const idText = type === 'endpoint' ? id : type
  if (type === 'endpoint' && id === undefined) throw new CiliumkitError('Invalid argument: missing endpointID')
  if (!/^\d+$/.test(idText) || Number(idText) > 0xffff) {
    throw new CiliumkitError(type === 'endpoint' ? `Invalid argument: invalid endpointID: ${idText}` : `Invalid argument: unknown type ${type}`)
  }
  return {kind: 'endpoint', id: Number(idText)}
}

function ctMaps(root: string, target: CtTarget): CtMapRef[] {
  const suffix = target.kind === 'global' ? 'global' : String(target.id).padStart(5, '0')
  return [['cilium_ct4_', false], ['cilium_ct_any4_', false], ['cilium_ct6_', true], ['cilium_ct_any6_', true]]
    .map(([prefix, ipv6]) => ({path: globalsPath(root, `${prefix}${suffix}`), ipv6: ipv6 as boolean}))
}

/**
 * The CT entry generation of a node. Both are 56 bytes, so the map cannot say; the policy
 * maps can: Cilium moved them to LPM tries (1.16) in the release that changed ct_entry.
 */
export async function ctGenerationHint(root: string): Promise<CtEntryGeneration> {
  const paths = policyMapPaths(root)
  if (paths.length === 0) return 'v2'
  const map = await openIfPinned(paths[0])
  if (!map) return 'v2'
  try {
    return map.type === 'hash' ? 'v1' : 'v2'
  } finally {
    map.close()
  }
}

/** Opens the maps of a target that are pinned; says on `warn` which are missing, as the real CLI does. */
async function openCtMaps(root: string, target: CtTarget, warn: (line: string) => void): Promise<Array<CtMapRef & {map: BpfMap}>> {
  const out: Array<CtMapRef & {map: BpfMap}> = []
  for (const ref of ctMaps(root, target)) {
    const map = await openIfPinned(ref.path)
    if (!map) {
      // IPv6 maps exist only on IPv6-enabled nodes; the real CLI does not look for them otherwise.
      if (target.kind === 'endpoint') {
        warn(`Unable to open ${ref.path}: no such file or directory: please try using "cilium bpf ct list global". Skipping.`)
      } else if (!ref.ipv6) warn(`Unable to open ${ref.path}: no such file or directory. Skipping.`)
      continue
    }
    try {
      detectGeneration(ref.ipv6 ? 'ct6' : 'ct4', shapeOf(map), ref.path)
    } catch (err) {
      map.close()
      for (const o of out) o.map.close()
      throw err
    }
    out.push({...ref, map})
  }
  return out
}

export interface CtListOptions {
  bpffs?: string
  target: CtTarget
  format: OutputFormat
  warn: (line: string) => void
  batchSize?: number
}

/**
 * `bpf ct list` as a stream of chunks, one per batch: per map its lines, then an empty line
 * (text); one JSON array of {Key, Value} over all maps (json). The next batch is read only
 * when the consumer (src/lib/stdout.ts writeOutput) asks for it, and the maps close when it stops early.
 */
export async function* ctListChunks(o: CtListOptions): AsyncGenerator<string | Buffer> {
  const root = bpffsRoot(o.bpffs)
  const gen = await ctGenerationHint(root)
  const maps = await openCtMaps(root, o.target, o.warn)
  let first = true
  try {
    if (o.format === 'yaml') throw new CiliumkitError('bpf ct list supports -o json (yaml would hold every entry in memory)')
    if (o.format === 'json') yield '['
    for (const {map, ipv6} of maps) {
      const f = {ipv6, gen, global: o.target.kind === 'global'}
      for await (const b of map.batches({batchSize: o.batchSize})) {
        if (o.format === 'table') {
          const lines = formatCtBatch(b, f)
          if (lines.length > 0) yield lines
          continue
        }
        let chunk = ''
        for (let i = 0; i < b.count; i++) {
          chunk += (first ? '\n' : ',\n') + ctEntryJsonText(b.keys, i * b.keySize, b.values, i * b.valueStride, f)
          first = false
        }
        if (chunk) yield chunk
      }
      if (o.format === 'table') yield '\n'
    }
    if (o.format === 'json') yield first ? ']\n' : '\n]\n'
  } finally {
    for (const m of maps) m.map.close()
  }
}

/** `bpf ct flush`: deletes every entry of the target's maps; one `Flushed N entries from <path>` line per map. */
export async function ctFlush(bpffs: string | undefined, target: CtTarget, warn: (line: string) => void): Promise<string> {
  const root = bpffsRoot(bpffs)
  const maps = await openCtMaps(root, target, warn)
  const {KeyNotFoundError} = await import('../bpf/index.js')
  let out = ''
  try {
    for (const {map, path} of maps) {
      const keys: Buffer[] = []
      for await (const k of map.keys()) keys.push(Buffer.from(k))
      let n = 0
      for (const k of keys) {
        try {
          map.delete(k)
          n++
        } catch (err) {
          // An LRU map may have evicted the entry since we read its key.
          if (!(err instanceof KeyNotFoundError)) throw err
        }
      }
      out += `Flushed ${n} entries from ${path}\n`
    }
  } finally {
    for (const m of maps) m.map.close()
  }
  return out
}
