import {CiliumkitError} from '../errors.js'

/** What the kernel reports about a map, enough to tell Cilium's layouts apart. */
export interface MapShape {
  /** The kernel's map type as bpftool spells it (hash, lru_hash, lpm_trie, …). */
  type: string
  keySize: number
  valueSize: number
}

/** One layout of one map family, as some range of Cilium releases wrote it. */
export interface Generation<Id extends string = string> {
  id: Id
  /** Cilium releases that wrote this layout (cilium.md §2). */
  releases: string
  types: readonly string[]
  keySize: number
  valueSize: number
}

const HASH = 'hash', LRU_HASH = 'lru_hash', LPM_TRIE = 'lpm_trie', PERCPU_HASH = 'percpu_hash'
const LRU_PERCPU_HASH = 'lru_percpu_hash', HASH_OF_MAPS = 'hash_of_maps', ARRAY = 'array'
// Cilium falls back from LRU to plain hash maps on kernels without LRU support.
const hashes = [HASH, LRU_HASH] as const

/**
 * Every layout a user may still run, per family. Sizes and types are the only facts
 * a pinned map gives away (BPF_OBJ_GET_INFO_BY_FD); where two releases share sizes the
 * newer decoder reads the older bytes correctly (the changed bytes were zero padding),
 * which each family module notes at its layout.
 */
export const GENERATIONS = {
  policy: [
    {id: 'hash', releases: '1.9-1.15', types: [HASH], keySize: 8, valueSize: 24},
    {id: 'lpm', releases: '1.16', types: [LPM_TRIE], keySize: 12, valueSize: 24},
    {id: 'v2', releases: '1.17-1.18', types: [LPM_TRIE], keySize: 12, valueSize: 8},
    {id: 'v3', releases: '1.19+', types: [LPM_TRIE], keySize: 12, valueSize: 12},
  ],
  policystats: [{id: 'v1', releases: '1.17+', types: [LRU_PERCPU_HASH, PERCPU_HASH], keySize: 12, valueSize: 16}],
  ct4: [{id: 'v4', releases: '1.9+', types: hashes, keySize: 14, valueSize: 56}],
  ct6: [{id: 'v6', releases: '1.9+', types: hashes, keySize: 38, valueSize: 56}],
  nat4: [{id: 'v4', releases: '1.9+', types: hashes, keySize: 14, valueSize: 40}],
  nat6: [{id: 'v6', releases: '1.9+', types: hashes, keySize: 38, valueSize: 56}],
  lb4Services: [{id: 'v2', releases: '1.9+', types: [HASH], keySize: 12, valueSize: 12}],
  lb6Services: [{id: 'v2', releases: '1.9+', types: [HASH], keySize: 24, valueSize: 12}],
  lb4Backends: [
    {id: 'v1', releases: '1.9', types: [HASH], keySize: 2, valueSize: 8},
    {id: 'v2', releases: '1.10-1.13', types: [HASH], keySize: 4, valueSize: 8},
    {id: 'v3', releases: '1.14+', types: [HASH], keySize: 4, valueSize: 12},
  ],
  lb6Backends: [
    {id: 'v1', releases: '1.9', types: [HASH], keySize: 2, valueSize: 20},
    {id: 'v2', releases: '1.10-1.13', types: [HASH], keySize: 4, valueSize: 20},
    {id: 'v3', releases: '1.14+', types: [HASH], keySize: 4, valueSize: 24},
  ],
  lb4RevNat: [{id: 'v4', releases: '1.9+', types: [HASH], keySize: 2, valueSize: 6}],
  lb6RevNat: [{id: 'v6', releases: '1.9+', types: [HASH], keySize: 2, valueSize: 18}],
  maglevOuter: [{id: 'v1', releases: '1.9+', types: [HASH_OF_MAPS], keySize: 2, valueSize: 4}],
  ipcache: [
    {id: 'v1', releases: '1.13-1.18', types: [LPM_TRIE], keySize: 24, valueSize: 12},
    {id: 'v2', releases: '1.19+', types: [LPM_TRIE], keySize: 24, valueSize: 24},
  ],
  endpoint: [{id: 'v1', releases: '1.9+', types: [HASH], keySize: 20, valueSize: 48}],
  tunnel: [{id: 'v1', releases: '1.9+', types: [HASH], keySize: 20, valueSize: 20}],
  metrics: [{id: 'v1', releases: '1.9+', types: [PERCPU_HASH], keySize: 8, valueSize: 16}],
  auth: [{id: 'v1', releases: '1.14+', types: [HASH], keySize: 12, valueSize: 8}],
  nodeid: [
    {id: 'v1', releases: '1.14-1.15', types: [HASH], keySize: 20, valueSize: 2},
    {id: 'v2', releases: '1.16+', types: [HASH], keySize: 20, valueSize: 4},
  ],
  // 1.9-1.16 keyed by a u64 endpoint ID, newest by {u32 id, u8 direction}: same sizes (bandwidth.ts).
  bandwidth: [{id: 'v1', releases: '1.9+', types: [HASH], keySize: 8, valueSize: 56}],
  runtimeConfig: [{id: 'v1', releases: 'newest', types: [ARRAY], keySize: 4, valueSize: 8}],
  egress4: [{id: 'v4', releases: '1.10+', types: [LPM_TRIE], keySize: 12, valueSize: 8}],
  egress6: [{id: 'v6', releases: 'newest', types: [LPM_TRIE], keySize: 36, valueSize: 32}],
  frag4: [{id: 'v4', releases: '1.9+', types: hashes, keySize: 12, valueSize: 4}],
  frag6: [{id: 'v6', releases: 'newest', types: hashes, keySize: 40, valueSize: 4}],
  vtep: [{id: 'v1', releases: '1.12+', types: [HASH], keySize: 4, valueSize: 16}],
  ipmasq4: [{id: 'v4', releases: '1.9+', types: [LPM_TRIE], keySize: 8, valueSize: 1}],
  ipmasq6: [{id: 'v6', releases: 'newest', types: [LPM_TRIE], keySize: 20, valueSize: 1}],
} as const satisfies Record<string, readonly Generation[]>

export type Family = keyof typeof GENERATIONS
export type GenerationOf<F extends Family> = (typeof GENERATIONS)[F][number]['id']

/** A pinned map whose type and sizes match no layout we know: never decode it into garbage. */
export class UnknownLayoutError extends CiliumkitError {
  constructor(family: Family, shape: MapShape, path?: string) {
    const known = GENERATIONS[family]
      .map((g) => `${g.releases}: ${g.types.join('|')} key ${g.keySize} value ${g.valueSize}`).join('; ')
    super(`${path ? `${path}: ` : ''}unknown ${family} map layout: ${shape.type}, key ${shape.keySize} bytes, value ${shape.valueSize} bytes`,
      `known layouts: ${known}`)
  }
}

/** Picks the generation of a family from the map's type and sizes; throws UnknownLayoutError. */
export function detectGeneration<F extends Family>(family: F, shape: MapShape, path?: string): GenerationOf<F> {
  const gens: readonly Generation[] = GENERATIONS[family]
  const hit = gens.find((g) => g.types.includes(shape.type) && g.keySize === shape.keySize && g.valueSize === shape.valueSize)
  if (!hit) throw new UnknownLayoutError(family, shape, path)
  return hit.id as GenerationOf<F>
}
