/** Shared helpers of the benchmarks: interleaved rounds, medians, ratios. */
import {spawnSync} from 'node:child_process'

export function median(xs: readonly number[]): number {
  const s = [...xs].sort((a, b) => a - b)
  const m = s.length >> 1
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2
}

/** Wall time of one run of a command, in milliseconds; throws if it fails. */
export function timeCommand(file: string, args: readonly string[], env: NodeJS.ProcessEnv = process.env): number {
  const t0 = process.hrtime.bigint()
  const r = spawnSync(file, args, {env, stdio: ['ignore', 'ignore', 'pipe']})
  const ms = Number(process.hrtime.bigint() - t0) / 1e6
  if (r.status !== 0) throw new Error(`${file} ${args.join(' ')} exited ${r.status}: ${r.stderr}`)
  return ms
}

/**
 * Runs every variant once per round, in a shuffled order each round, so background
 * load on a shared machine hits all variants alike. Returns the times by variant.
 */
export function interleave(rounds: number, variants: Record<string, () => number>): Record<string, number[]> {
  const names = Object.keys(variants)
  const times: Record<string, number[]> = Object.fromEntries(names.map((n) => [n, []]))
  for (let r = 0; r < rounds; r++) {
    const order = [...names].sort(() => Math.random() - 0.5)
    for (const n of order) times[n].push(variants[n]())
  }
  return times
}
