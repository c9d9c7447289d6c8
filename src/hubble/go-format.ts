/**
 * Numbers, durations and tables as the Go hubble CLI prints them (fmt, time.Duration,
 * text/tabwriter), for `hubble status` and `hubble list`.
 */
import type {Int64} from './proto/index.js'

/** fmt's %.Nf: rounds the exact binary value, half to even on an exact tie (0.125 -> "0.12"). */
export function goFixed(x: number, digits = 2): string {
  const scale = 10 ** digits
  const scaled = x * scale
  if (Number.isFinite(scaled) && Number.isInteger(scaled * 2) && !Number.isInteger(scaled)) {
    const lower = Math.floor(scaled)
    return ((lower % 2 === 0 ? lower : lower + 1) / scale).toFixed(digits)
  }
  return x.toFixed(digits)
}

/** An integer with comma digit grouping (2,348,885), exact for 64-bit values. */
export function groupDigits(v: Int64 | string | null | undefined): string {
  const s = String(v ?? 0)
  const neg = s.startsWith('-')
  const digits = neg ? s.slice(1) : s
  return (neg ? '-' : '') + digits.replace(/\B(?=(\d{3})+(?!\d))/g, ',')
}

/** time.Duration.String() of a nanosecond count ("5m1.515181665s", "1h0m0s", "1.5ms", "0s"). */
export function goDuration(nsValue: Int64 | string | bigint | null | undefined): string {
  let ns = BigInt(String(nsValue ?? 0))
  if (ns === 0n) return '0s'
  const neg = ns < 0n
  if (neg) ns = -ns
  const sign = neg ? '-' : ''
  const frac = (v: bigint, unit: bigint, width: number): string => {
    const whole = v / unit
    const rest = (v % unit).toString().padStart(width, '0').replace(/0+$/, '')
    return rest ? `${whole}.${rest}` : `${whole}`
  }
  if (ns < 1000n) return `${sign}${ns}ns`
  if (ns < 1_000_000n) return `${sign}${frac(ns, 1000n, 3)}µs`
  if (ns < 1_000_000_000n) return `${sign}${frac(ns, 1_000_000n, 6)}ms`
  const totalSec = ns / 1_000_000_000n
  const h = totalSec / 3600n, m = (totalSec / 60n) % 60n
  const s = frac(ns % 60_000_000_000n, 1_000_000_000n, 9)
  return sign + (h > 0n ? `${h}h` : '') + (h > 0n || m > 0n ? `${m}m` : '') + `${s}s`
}

/** Duration.Round(time.Second): half away from zero. */
export function roundToSecondNs(nsValue: Int64 | string | bigint | null | undefined): bigint {
  const ns = BigInt(String(nsValue ?? 0))
  const r = ns % 1_000_000_000n
  return r >= 500_000_000n ? ns - r + 1_000_000_000n : ns - r
}

/**
 * text/tabwriter with minwidth 2, padding 3, padded with spaces (hubble's tables): every cell
 * but a line's last is padded to its column's width plus 3.
 */
export function tabwrite(rows: readonly (readonly string[])[]): string {
  const widths: number[] = []
  for (const row of rows) {
    row.forEach((cell, i) => {
      if (i < row.length - 1) widths[i] = Math.max(widths[i] ?? 0, [...cell].length)
    })
  }
  return rows.map((row) => row.map((cell, i) => i < row.length - 1 ? cell + ' '.repeat(widths[i]! + 3 - [...cell].length) : cell).join('')).join('\n') + '\n'
}
