import type {EntryBatch} from './batch.js'
import {dropReasonText} from './drop-reasons.js'
import {tabwrite} from './text.js'

/*
 * cilium_metrics (cilium.md §1.6, §2.8): PERCPU_HASH of (reason, direction, source
 * line, file) -> (packets, bytes). The CLI sums the CPUs and every row that differs
 * only in line/file. Same sizes since 1.9: line and file took reserved zero bytes.
 */

/** Mirrors struct metrics_key in bpf/include/ck/metrics.h. */
export const METRICS_KEY = {size: 8, reason: 0, dir: 1, line: 2, file: 4, reserved: 5} as const
/** Mirrors struct metrics_value (one per possible CPU). */
export const METRICS_VALUE = {size: 16, count: 0, bytes: 8} as const

const directions = ['UNKNOWN', 'INGRESS', 'EGRESS', 'SERVICE'] as const

export interface MetricsRow {
  reason: string
  direction: string
  packets: bigint
  bytes: bigint
}

/** Sums batches of cilium_metrics into one row per (reason, direction). */
export function sumMetrics(batches: Iterable<EntryBatch>): MetricsRow[] {
  const rows = new Map<string, MetricsRow>()
  for (const b of batches) {
    const slot = (METRICS_VALUE.size + 7) & ~7
    const cpus = b.valueStride / slot
    for (let i = 0; i < b.count; i++) {
      const k = i * b.keySize
      const reason = dropReasonText(b.keys[k + METRICS_KEY.reason])
      const direction = directions[b.keys[k + METRICS_KEY.dir] & 0x3]
      const id = `${reason}\u0000${direction}`
      let row = rows.get(id)
      if (!row) rows.set(id, row = {reason, direction, packets: 0n, bytes: 0n})
      for (let c = 0; c < cpus; c++) {
        const v = i * b.valueStride + c * slot
        row.packets += b.values.readBigUInt64LE(v + METRICS_VALUE.count)
        row.bytes += b.values.readBigUInt64LE(v + METRICS_VALUE.bytes)
      }
    }
  }
  return [...rows.values()]
}

/** Rows sorted as the CLI sorts them: lexicographically by the four printed cells. */
export function sortMetrics(rows: MetricsRow[]): MetricsRow[] {
  const cells = (r: MetricsRow) => [r.reason, r.direction, r.packets.toString(), r.bytes.toString()]
  return rows.sort((a, b) => {
    const x = cells(a), y = cells(b)
    for (let i = 0; i < 4; i++) if (x[i] !== y[i]) return x[i] < y[i] ? -1 : 1
    return 0
  })
}

export function metricsTable(rows: readonly MetricsRow[]): string {
  let text = 'REASON\tDIRECTION\tPACKETS\tBYTES\t\n'
  for (const r of rows) text += `${r.reason}\t${r.direction}\t${r.packets}\t${r.bytes}\t\n`
  return tabwrite(text)
}

/** The newest JSON: [{reason, direction (lowercase), packets, bytes}]. */
export function metricsJson(rows: readonly MetricsRow[]): Array<Record<string, unknown>> {
  return rows.map((r) => ({reason: r.reason, direction: r.direction.toLowerCase(), packets: r.packets, bytes: r.bytes}))
}

export function encodeMetricsKey(reason: number, dir: number, line = 0, file = 0): Buffer {
  const b = Buffer.alloc(METRICS_KEY.size)
  b[METRICS_KEY.reason] = reason
  b[METRICS_KEY.dir] = dir
  b.writeUInt16LE(line, METRICS_KEY.line)
  b[METRICS_KEY.file] = file
  return b
}

export function encodeMetricsValue(count: bigint, bytes: bigint): Buffer {
  const b = Buffer.alloc(METRICS_VALUE.size)
  b.writeBigUInt64LE(count, METRICS_VALUE.count)
  b.writeBigUInt64LE(bytes, METRICS_VALUE.bytes)
  return b
}
