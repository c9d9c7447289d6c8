/**
 * `cilium policy wait <revision>`: polls the endpoints until every one has realized the
 * revision, or the time is up.
 */
import {CiliumkitError, UsageError} from '../errors.js'
import type {AgentClient} from './client.js'

/** Go's time.ParseDuration for the units the flags use: `360s`, `1m30s`, `500ms`, `1.5h`. Throws UsageError. */
export function parseGoDuration(text: string): number {
  const units: Record<string, number> = {ns: 1e-6, us: 1e-3, 'µs': 1e-3, ms: 1, s: 1000, m: 60_000, h: 3_600_000}
  if (text === '0') return 0
  const re = /(\d+(?:\.\d+)?)(ns|us|µs|ms|s|m|h)/gy
  let ms = 0
  let at = 0
  for (let m = re.exec(text); m; m = re.exec(text)) {
    ms += Number(m[1]) * units[m[2]]
    at = re.lastIndex
  }
  if (at !== text.length || text === '') throw new UsageError(`time: invalid duration "${text}"`)
  return ms
}

export class WaitTimeoutError extends CiliumkitError {}

export interface WaitOptions {
  maxWaitMs: number
  sleepMs: number
  /** Called after each poll with the endpoints that are ready and the total. */
  onProgress?: (ready: number, total: number) => void
  signal?: AbortSignal
}

/** Resolves when every endpoint's realized policy revision is >= `revision`. Throws WaitTimeoutError. */
export async function waitForRevision(client: AgentClient, revision: number, o: WaitOptions): Promise<void> {
  const deadline = Date.now() + o.maxWaitMs
  for (;;) {
    const eps = await client.getEndpoints()
    const ready = eps.filter((e) => (e.status?.policy?.realized?.['policy-revision'] ?? 0) >= revision).length
    o.onProgress?.(ready, eps.length)
    if (ready === eps.length) return
    if (Date.now() + o.sleepMs > deadline) {
      throw new WaitTimeoutError(`timeout while waiting for policy revision ${revision}: ${ready}/${eps.length} endpoints ready`)
    }
    await new Promise((resolve) => setTimeout(resolve, o.sleepMs))
    if (o.signal?.aborted) throw new WaitTimeoutError('interrupted')
  }
}
