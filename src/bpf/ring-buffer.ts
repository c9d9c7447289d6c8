import {addon, type NativeRingBuffer} from './native.js'
import {CallbackError, ClosedError, fromErrno, kernelCall} from './errors.js'
import type {BpfMap} from './map.js'

export interface RingBufferOptions {
  /** Bytes waiting for JS before new events are dropped and counted as lost (default 16 MiB). */
  maxQueuedBytes?: number
  /** How long the consumer thread waits per poll; bounds how long close() takes (default 100 ms). */
  pollTimeoutMs?: number
  /**
   * A poll error, or a CallbackError when onEvents throws, ends consumption and arrives here
   * (always also kept in `error`). Nothing that onEvents or onError throws reaches the process.
   */
  onError?: (err: Error) => void
}

/**
 * Consumes a ringbuf map on its own thread and calls `onEvents` once per batch of
 * events (each event a view into one Buffer), never once per event. If onEvents throws,
 * consumption stops (no further batch is delivered) and the CallbackError goes to onError.
 *
 * `lost` counts events dropped here when JS falls behind by more than maxQueuedBytes.
 * Events the BPF program could not reserve never reach user space: count those in the program.
 */
export class RingBuffer {
  /** The poll error or CallbackError that ended consumption, if any. */
  error?: Error
  private closing?: Promise<void>

  private readonly native: NativeRingBuffer

  private constructor(map: BpfMap, onEvents: (events: Buffer[]) => void, options: RingBufferOptions) {
    // The addon calls this from its thread-safe function, where an exception would be uncaught: it must not throw.
    const onBatch = (data: Buffer, offsets: Uint32Array, errno: number): void => {
      if (offsets.length > 1 && !this.error) {
        const events = new Array<Buffer>(offsets.length - 1)
        for (let i = 0; i < events.length; i++) events[i] = data.subarray(offsets[i], offsets[i + 1])
        try {
          onEvents(events)
        } catch (err) {
          this.fail(new CallbackError('ring buffer callback', {map: map.name}, err), options)
          this.close().catch(() => {})  // resolves: the addon's close never rejects
        }
      }
      if (errno !== 0) this.fail(fromErrno('ring buffer poll', errno, {map: map.name}), options)
    }
    this.native = kernelCall({map: map.name}, () => addon().ringBufferOpen(map.native, onBatch,
      options.maxQueuedBytes ?? 16 << 20, options.pollTimeoutMs ?? 100))
  }

  private fail(err: Error, options: RingBufferOptions): void {
    if (this.error) return
    this.error = err
    try {
      options.onError?.(err)
    } catch (thrown) {
      this.error = new CallbackError('ring buffer onError', {}, thrown)
    }
  }

  /** Starts consuming `map` (a ringbuf map). Throws ClosedError for a closed map, BpfError(EINVAL) for another type. */
  static open(map: BpfMap, onEvents: (events: Buffer[]) => void, options: RingBufferOptions = {}): RingBuffer {
    return new RingBuffer(map, onEvents, options)
  }

  /** Events handed to JS so far. */
  get received(): number {
    return this.native.stats().received
  }

  /** Events dropped because JS fell behind. */
  get lost(): number {
    return this.native.stats().lost
  }

  /** Stops the thread; resolves after the last batch was delivered. Idempotent. */
  close(): Promise<void> {
    this.closing ??= this.native.close()
    return this.closing
  }

  /** Lets the process exit while the ring buffer is open (like a timer's unref). */
  unref(): void {
    if (this.closing) throw new ClosedError('ring buffer unref')
    this.native.unref()
  }
}
