import {basename, join, relative} from 'node:path'
import {BpfMap} from './map.js'
import {pinnedPaths} from './bpffs.js'
import {NotAMapError, NotPinnedError} from './errors.js'

/** One pinned map as `cilium bpf map list` shows it. */
export interface PinnedMapRow {
  name: string
  path: string
  type: string
  keySize: number
  valueSize: number
  maxEntries: number
  /** Counted by iterating (the kernel keeps no count for hash maps); null for maps without keys (ringbuf, queue). */
  entries: number | null
}

/**
 * Every map pinned under `root` (a bpffs mount), sorted by path. Pinned programs, links
 * and other files are skipped. Throws NotBpffsError when `root` is not on bpffs.
 */
export async function listPinnedMaps(root: string): Promise<PinnedMapRow[]> {
  const rows: PinnedMapRow[] = []
  for (const path of pinnedPaths(root)) {
    let map: BpfMap
    try {
      map = BpfMap.openPinned(path)
    } catch (err) {
      // Programs, links, and the kernel's own maps.debug/progs.debug iterator files are not maps.
      if (err instanceof NotAMapError || err instanceof NotPinnedError) continue
      throw err
    }
    try {
      rows.push({name: map.name || basename(path), path, type: map.type, keySize: map.keySize, valueSize: map.valueSize,
        maxEntries: map.maxEntries, entries: map.keySize === 0 ? null : await map.count()})
    } finally {
      map.close()
    }
  }
  return rows
}

/**
 * Finds a pinned map by path, or by name under `root`: `<root>/<name>`, then Cilium's
 * `<root>/tc/globals/<name>`, then the one pin anywhere under `root` with that file name.
 * Throws NotPinnedError when none (or more than one) matches.
 */
export function resolvePinnedMap(nameOrPath: string, root: string): string {
  if (nameOrPath.includes('/')) return nameOrPath
  const all = pinnedPaths(root)
  for (const p of [join(root, nameOrPath), join(root, 'tc', 'globals', nameOrPath)]) if (all.includes(p)) return p
  const matches = all.filter((p) => basename(p) === nameOrPath)
  if (matches.length === 1) return matches[0]
  throw new NotPinnedError('open pinned map', join(root, nameOrPath), matches.length > 1
    ? `several pins are named ${nameOrPath}: give a path (${matches.map((m) => relative(root, m)).join(', ')})`
    : undefined)
}
