/**
 * Keeps one endpoint's policy map (the cilium_policy_v3 layout) equal to its computed entries,
 * in place: new and changed keys are written first and stale ones deleted after, so a packet
 * that both the old and the new policy allow never misses (research/cilium.md §5.4 step 8).
 * The map is read at the first sync (it may hold what an earlier agent wrote); later syncs
 * diff against what the previous one wrote, as the agent's realized state does, so an
 * unchanged entry costs no syscall. Every rereadEvery syncs, or when rereadAfterMs passed since
 * the last read, a sync reads the map again and reconciles it fully: an entry changed behind
 * our back (`cilium bpf policy add/delete`) is repaired then instead of at the next restart.
 */
import {KeyNotFoundError} from '../bpf/errors.js'
import {encodePolicyKey, encodePolicyValue, STAT_NOT_AVAILABLE} from '../maps/policy.js'
import type {PolicyEntry} from './entries.js'

/** What a sync needs of a map (src/bpf's BpfMap has it); `delete` throws KeyNotFoundError for an absent key. */
export interface PolicyMapHandle {
  /** Writes every pair, in order, off the main thread (one by one in the kernel for an LPM trie, which has no batch op). */
  updateBatch(keys: readonly Uint8Array[], values: readonly Uint8Array[]): Promise<void>
  delete(key: Uint8Array): void
  entries(): AsyncIterable<[Buffer, Buffer]>
}

export interface PolicySyncResult {
  written: number
  deleted: number
}

export interface PolicyMapSyncOptions {
  /** Read the map again at every Nth sync (default 16). */
  rereadEvery?: number
  /** Read the map again when this long passed since the last read (default 60 s). */
  rereadAfterMs?: number
  /** The clock for rereadAfterMs (default Date.now); no timer is ever set. */
  now?: () => number
}

export class PolicyMapSync {
  /** Key -> value (hex) as the last sync left the map; undefined before the first and after a failed one. */
  private realized?: Map<string, string>
  private syncsSinceRead = 0
  private lastReadAt = 0
  private readonly rereadEvery: number
  private readonly rereadAfterMs: number
  private readonly now: () => number

  constructor(private readonly map: PolicyMapHandle, options: PolicyMapSyncOptions = {}) {
    this.rereadEvery = options.rereadEvery ?? 16
    this.rereadAfterMs = options.rereadAfterMs ?? 60_000
    this.now = options.now ?? Date.now
  }

  /** Makes the map hold exactly `entries`. A failure part-way makes the next sync read the map again. */
  async sync(entries: readonly PolicyEntry[]): Promise<PolicySyncResult> {
    const due = this.syncsSinceRead >= this.rereadEvery || this.now() - this.lastReadAt >= this.rereadAfterMs
    const before = (due ? undefined : this.realized) ?? await this.read()
    this.syncsSinceRead++
    this.realized = undefined
    const wanted = new Map<string, string>()
    const keys: Buffer[] = []
    const values: Buffer[] = []
    for (const e of entries) {
      const key = encodePolicyKey('v3', e)
      const value = encodePolicyValue('v3', {prefixLen: e.prefixLen, identity: e.identity, egress: e.egress, protocol: e.protocol,
        dport: e.dport, proxyPort: e.proxyPort, deny: e.deny, auth: e.auth, precedence: e.precedence, cookie: e.cookie,
        proxyPortPriority: 0, packets: STAT_NOT_AVAILABLE, bytes: STAT_NOT_AVAILABLE})
      const k = key.toString('hex')
      const v = value.toString('hex')
      wanted.set(k, v)
      if (before.get(k) !== v) {
        keys.push(key)
        values.push(value)
      }
    }
    // One call for all writes (half the wall time of one call per entry on 3,650 entries); the deletes wait for it.
    if (keys.length > 0) await this.map.updateBatch(keys, values)
    let deleted = 0
    for (const k of before.keys()) {
      if (wanted.has(k)) continue
      try {
        this.map.delete(Buffer.from(k, 'hex'))
        deleted++
      } catch (err) {
        if (!(err instanceof KeyNotFoundError)) throw err
      }
    }
    this.realized = wanted
    return {written: keys.length, deleted}
  }

  private async read(): Promise<Map<string, string>> {
    this.syncsSinceRead = 0
    this.lastReadAt = this.now()
    const out = new Map<string, string>()
    for await (const [k, v] of this.map.entries()) out.set(k.toString('hex'), v.toString('hex'))
    return out
  }
}
