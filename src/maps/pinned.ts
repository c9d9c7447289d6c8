import {join} from 'node:path'
import type {BpfMap} from '../bpf/index.js'
import type {EntryBatch} from './batch.js'
import type {MapShape} from './generations.js'

/** Where a node mounts bpffs; Cilium pins its maps under <bpffs>/tc/globals. */
export const DEFAULT_BPFFS = '/sys/fs/bpf'

/** The bpffs root: the --bpffs flag, else $CILIUM_BPFFS, else /sys/fs/bpf. */
export function bpffsRoot(flag?: string, env: NodeJS.ProcessEnv = process.env): string {
  return flag ?? env.CILIUM_BPFFS ?? DEFAULT_BPFFS
}

/** The directory Cilium pins its global maps in. */
export function globalsDir(root: string): string {
  return join(root, 'tc', 'globals')
}

/** A map pinned under <root>/tc/globals. */
export function globalsPath(root: string, name: string): string {
  return join(globalsDir(root), name)
}

/**
 * Opens a pinned map. The addon loads on first use (never at a command's import time).
 * Throws NotPinnedError, NotAMapError, PermissionError from src/bpf.
 */
export async function openPinned(path: string): Promise<BpfMap> {
  const {BpfMap} = await import('../bpf/index.js')
  return BpfMap.openPinned(path)
}

/** Opens a pinned map, or undefined when nothing is pinned at `path`. */
export async function openIfPinned(path: string): Promise<BpfMap | undefined> {
  const bpf = await import('../bpf/index.js')
  try {
    return bpf.BpfMap.openPinned(path)
  } catch (err) {
    if (err instanceof bpf.NotPinnedError) return undefined
    throw err
  }
}

export function shapeOf(map: BpfMap): MapShape {
  return {type: map.type, keySize: map.keySize, valueSize: map.valueSize}
}

/** Every batch of a map, read into memory (for the small maps whose output is sorted). */
export async function readAll(map: BpfMap): Promise<EntryBatch[]> {
  const out: EntryBatch[] = []
  for await (const b of map.batches()) if (b.count > 0) out.push(b)
  return out
}
