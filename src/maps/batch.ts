/**
 * One batch of map entries in two flat Buffers, as src/bpf's BpfMap.batches() yields
 * them: key i at keys[i*keySize], value i at values[i*valueStride]. Every family
 * decoder reads at offsets into these Buffers; nothing slices one Buffer per entry.
 */
export interface EntryBatch {
  keys: Buffer
  values: Buffer
  count: number
  keySize: number
  valueStride: number
}

/** Builds a batch from whole keys and values (tests and small maps). */
export function batchOf(entries: ReadonlyArray<readonly [Buffer, Buffer]>): EntryBatch {
  const keySize = entries[0]?.[0].length ?? 0
  const valueStride = entries[0]?.[1].length ?? 0
  return {keys: Buffer.concat(entries.map((e) => e[0])), values: Buffer.concat(entries.map((e) => e[1])),
    count: entries.length, keySize, valueStride}
}
