import {tabwrite} from './text.js'

/*
 * cilium_runtime_config (cilium.md §1.6): an ARRAY of u64 indexed by enum runtime_config,
 * 256 slots so that an older datapath ignores indices it does not know.
 */

export const RUNTIME_CONFIG = {keySize: 4, valueSize: 8} as const

/** The indices `bpf config list` prints, in its order, with their names. */
export const RUNTIME_CONFIG_INDICES: ReadonlyArray<readonly [name: string, index: number]> = [
  ['AgentLiveness', 1],
  ['UTimeOffset', 0],
]

/** One row as cilium-dbg's configEntry holds it (its JSON field names). */
export interface RuntimeConfigEntry {
  Key: string
  Value: bigint
}

export function runtimeConfigTable(entries: readonly RuntimeConfigEntry[]): string {
  let text = 'KEY\tVALUE\n'
  for (const e of entries) text += `${e.Key}\t${e.Value}\n`
  return tabwrite(text)
}

export function encodeRuntimeConfigIndex(index: number): Buffer {
  const b = Buffer.alloc(RUNTIME_CONFIG.keySize)
  b.writeUInt32LE(index)
  return b
}
