/**
 * --wait-duration, in the Go duration form cilium-cli takes (`5m`, `90s`, `1m30s`). Helm gets the
 * same text; the node install needs milliseconds.
 */
import {UsageError} from '../errors.js'

const unitMs: Record<string, number> = {ms: 1, s: 1000, m: 60_000, h: 3_600_000}

/** Milliseconds of a Go duration made of ms, s, m and h parts. Throws UsageError with Go's message. */
export function parseWaitDuration(text: string): number {
  const parts = [...text.matchAll(/(\d+(?:\.\d+)?)(ms|s|m|h)/g)]
  if (text === '' || parts.map((p) => p[0]).join('') !== text) throw new UsageError(`time: invalid duration "${text}"`)
  return parts.reduce((ms, p) => ms + Number(p[1]) * unitMs[p[2]], 0)
}
