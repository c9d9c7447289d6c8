/**
 * The flow ring: the last `capacity` events, each kept as its encoded GetFlowsResponse (a flow is
 * encoded once, on the way in, and sent as bytes to every reader). Readers hold a sequence
 * number; one that falls more than `capacity` behind the writer has been lapped and learns how
 * many events it lost (Hubble answers that with a LostEvent, source HUBBLE_RING_BUFFER).
 */

export interface RingEntry {
  /**
   * The encoded response it is sent as: a GetFlowsResponse (a flow or a lost event), or for
   * `kind` 'agent'/'debug' a GetAgentEventsResponse/GetDebugEventsResponse
   */
  bytes: Uint8Array
  /** which stream reads it: GetFlows when absent, else GetAgentEvents or GetDebugEvents */
  kind?: 'agent' | 'debug'
  /** a LostEvent of GetFlows: sent to every reader, never filtered, counted or time-ranged */
  lost?: true
  /** event time (flow.time), for since/until */
  seconds: number
  nanos: number
}

/** Hubble's default: a power of two minus one (`--hubble-event-buffer-capacity`). */
export const DEFAULT_RING_CAPACITY = 4095

export class FlowRing {
  private readonly slots: Array<RingEntry | undefined>
  /** sequence number of the next write; entries [written - length, written) are readable */
  private written = 0
  private waiters: Array<() => void> = []

  constructor(readonly capacity = DEFAULT_RING_CAPACITY) {
    if (!Number.isInteger(capacity) || capacity < 1) throw new RangeError(`ring capacity must be a positive integer, got ${capacity}`)
    this.slots = new Array<RingEntry | undefined>(capacity)
  }

  push(entry: RingEntry): void {
    this.slots[this.written % this.capacity] = entry
    this.written++
    if (this.waiters.length > 0) {
      const ws = this.waiters
      this.waiters = []
      for (const w of ws) w()
    }
  }

  /** Entries currently held. */
  get length(): number {
    return Math.min(this.written, this.capacity)
  }

  /** Sequence number of the oldest readable entry. */
  get oldest(): number {
    return this.written - this.length
  }

  /** Sequence number the next push will get (one past the newest entry). */
  get next(): number {
    return this.written
  }

  /** The entry at `seq`, or undefined once it has been overwritten (or not written yet). */
  at(seq: number): RingEntry | undefined {
    return seq >= this.oldest && seq < this.written ? this.slots[seq % this.capacity] : undefined
  }

  /** Resolves once an entry with sequence number >= seq exists, or when the signal aborts. */
  waitFor(seq: number, signal: AbortSignal): Promise<void> {
    if (seq < this.written || signal.aborted) return Promise.resolve()
    return new Promise((resolve) => {
      const done = () => {
        signal.removeEventListener('abort', done)
        resolve()
      }
      signal.addEventListener('abort', done, {once: true})
      this.waiters.push(done)
    })
  }
}
