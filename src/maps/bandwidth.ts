import type {EntryBatch} from './batch.js'
import {tabwrite} from './text.js'

/*
 * cilium_throttle (cilium.md §1.6, §2.8): the bandwidth manager's per-endpoint rate.
 * Key edt_id: newest {u32 id · u8 direction · u8 pad[3]}; up to 1.16 {u64 id}. A little-endian
 * u64 ID below 2^32 has zero in the bytes that became direction and pad, so the newest decoder
 * reads both. Value edt_info (56): u64 bps (bytes/s) · u64 t_last · u64 t_horizon_drop|tokens ·
 * u32 prio (newest; zero padding before) · u32 pad · u64 pad[3].
 */

/** Mirrors struct edt_id (newest). */
export const EDT_ID = {size: 8, id: 0, direction: 4, pad: 5} as const
/** Mirrors struct edt_info (newest). */
export const EDT_INFO = {size: 56, bps: 0, t_last: 8, t_horizon_drop: 16, prio: 24, pad_32: 28, pad: 32} as const

export const EDT_DIRECTION_INGRESS = 1

export interface ThrottleEntry {
  id: number
  direction: number
  /** Bytes per second, as the map stores it. */
  bps: bigint
  prio: number
}

export function decodeThrottleBatch(b: EntryBatch): ThrottleEntry[] {
  const out: ThrottleEntry[] = []
  for (let i = 0; i < b.count; i++) {
    const k = i * b.keySize, v = i * b.valueStride
    out.push({id: b.keys.readUInt32LE(k + EDT_ID.id), direction: b.keys[k + EDT_ID.direction],
      bps: b.values.readBigUInt64LE(v + EDT_INFO.bps), prio: b.values.readUInt32LE(v + EDT_INFO.prio)})
  }
  return out
}

/** The key and value strings cilium-dbg's map dump gives (`id, direction` → `bps, prio`): the JSON of the listing. */
export function throttleKeyString(e: ThrottleEntry): string {
  return `${e.id}, ${e.direction}`
}

export function throttleValueString(e: ThrottleEntry): string {
  return `${e.bps}, ${e.prio}`
}

const SI_SUFFIXES = ['', 'k', 'M', 'G', 'T', 'P', 'E'] as const

/** A Kubernetes DecimalSI quantity of an integer (`resource.NewQuantity(n, DecimalSI).String()`): 80000000 → `80M`. */
export function decimalQuantity(n: bigint): string {
  let exp = 0
  while (n !== 0n && n % 1000n === 0n && exp < SI_SUFFIXES.length - 1) {
    n /= 1000n
    exp++
  }
  return `${n}${SI_SUFFIXES[exp]}`
}

/**
 * `IDENTITY  DIRECTION  PRIO  BANDWIDTH (BitsPerSec)`: the rate in bits per second as a quantity,
 * rows sorted by their four cells as strings, as the real CLI sorts them.
 */
export function throttleTable(entries: readonly ThrottleEntry[]): string {
  const rows = entries.map((e) => [String(e.id), e.direction === EDT_DIRECTION_INGRESS ? 'Ingress' : 'Egress', String(e.prio),
    decimalQuantity(e.bps * 8n)])
  rows.sort((a, b) => {
    for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return a[i] < b[i] ? -1 : 1
    return 0
  })
  let text = 'IDENTITY\tDIRECTION\tPRIO\tBANDWIDTH (BitsPerSec)\n'
  for (const r of rows) text += `${r.join('\t')}\n`
  return tabwrite(text)
}

export function encodeThrottle(e: ThrottleEntry): [Buffer, Buffer] {
  const k = Buffer.alloc(EDT_ID.size)
  k.writeUInt32LE(e.id, EDT_ID.id)
  k[EDT_ID.direction] = e.direction
  const v = Buffer.alloc(EDT_INFO.size)
  v.writeBigUInt64LE(e.bps, EDT_INFO.bps)
  v.writeUInt32LE(e.prio, EDT_INFO.prio)
  return [k, v]
}
