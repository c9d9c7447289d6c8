import {addon, type NativeRingBuffer} from './native.js'
import {ClosedError, fromErrno, kernelCall} from './errors.js'
import type {BpfMap} from './map.js'

export interface RingBufferOptions {
  /** Bytes waiting for JS before new events are dropped and counted as lost (default 16 MiB). */
  maxQueuedBytes?: number
  /** How long the consumer thread waits per poll; bounds how long close() takes (default 100 ms). */
  pollTimeoutMs?: number
  /** A poll error ends consumption; it arrives here (default: kept in `error`). */
  onError?: (err: Error) => void
}

/**
 * Consumes a ringbuf map on its own thread and calls `onEvents` once per batch of
 * events (each event a view into one Buffer), never once per event.
 *
 * `lost` counts events dropped here when JS falls behind by more than maxQueuedBytes.
 * Events the BPF program could not reserve never reach user space: count those in the program.
 */
export class RingBuffer {
  /** The poll error that ended consumption, if any. */
  error?: Error
  private closing?: Promise<void>

  private readonly native: NativeRingBuffer

  private constructor(map: BpfMap, onEvents: (events: Buffer[]) => void, options: RingBufferOptions) {
    const onBatch = (data: Buffer, offsets: Uint32Array, errno: number): void => {
      if (offsets.length > 1) {
        const events = new Array<Buffer>(offsets.length - 1)
        for (let i = 0; i < events.length; i++) events[i] = data.subarray(offsets[i], offsets[i + 1])
        onEvents(events)
      }
      if (errno !== 0) {
        this.error = fromErrno('ring buffer poll', errno, {map: map.name})
        options.onError?.(this.error)
      }
    }
    this.native = kernelCall({map: map.name}, () => addon().ringBufferOpen(map.native, onBatch,
      options.maxQueuedBytes ?? 16 << 20, options.pollTimeoutMs ?? 100))
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
