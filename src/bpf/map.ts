import {addon, type NativeBatch, type NativeMap, type NativeMapInfo, type NativeMapReader} from './native.js'
import {BpfError, ENOSPC, EINVAL, KeyNotFoundError, kernelCall, kernelCallAsync, NotSupportedError, type ErrorSubject} from './errors.js'
import {BPF_F_NO_PREALLOC, isPerCpuType, mapTypeName, mapTypeNumber, type MapTypeName} from './map-types.js'
import {describeMapBtf, type MapBtf} from './btf.js'

/** What to create: the kernel's map attributes. */
export interface MapSpec {
  type: MapTypeName
  keySize: number
  valueSize: number
  maxEntries: number
  /** map_flags; LPM tries get BPF_F_NO_PREALLOC when omitted, since the kernel requires it. */
  flags?: number
  /** At most 15 bytes. */
  name?: string
  /** hash_of_maps and array_of_maps: what their inner maps look like (a spec, or a map to copy it from). */
  innerMap?: MapSpec | BpfMap
}

/** A map as the kernel describes it. */
export interface MapInfo {
  type: string
  typeId: number
  id: number
  name: string
  keySize: number
  valueSize: number
  maxEntries: number
  flags: number
  btfId: number
  btfKeyTypeId: number
  btfValueTypeId: number
}

/** update's flags, by the kernel's names BPF_ANY, BPF_NOEXIST, BPF_EXIST. */
export type UpdateFlag = 'any' | 'noexist' | 'exist'
const updateFlags: Record<UpdateFlag, number> = {any: 0, noexist: 1, exist: 2}

/** Where a dump continues. Opaque: only valid for the map (and the method) that returned it. */
export interface BatchCursor {
  readonly bytes: Buffer
  readonly walk: boolean
}

/**
 * One batch of entries in two flat Buffers: key i at keys[i*keySize], value i at
 * values[i*valueStride]. Decoders read at offsets instead of slicing per entry.
 */
export interface MapBatch {
  keys: Buffer
  values: Buffer
  count: number
  keySize: number
  /** valueSize, or round_up(valueSize, 8) × possible CPUs for per-CPU maps. */
  valueStride: number
  /** True on the last batch, which may still carry entries. */
  done: boolean
  cursor: BatchCursor
}

export interface IterateOptions {
  /** Entries per batch (default 4096). */
  batchSize?: number
  /** false forces the get-next-key + lookup walk even where BPF_MAP_LOOKUP_BATCH works. */
  useBatch?: boolean
}

const defaultBatchSize = 4096
const maxBatchSize = 1 << 20

/**
 * A BPF map: one file descriptor with the sizes the kernel reported for it.
 * Keys and values are Buffers of exactly keySize / valueSize bytes (a wrong length is a TypeError
 * naming both sizes). Kernel failures throw the named errors of ./errors.js.
 */
export class BpfMap {
  readonly keySize: number
  readonly valueSize: number
  readonly valueStride: number
  readonly maxEntries: number
  readonly typeId: number
  readonly name: string
  readonly possibleCpus: number
  private readonly subject: ErrorSubject

  private constructor(/** @internal the addon's handle, for RingBuffer */ readonly native: NativeMap, private readonly kernelInfo: NativeMapInfo, readonly path?: string) {
    this.keySize = kernelInfo.keySize
    this.valueSize = kernelInfo.valueSize
    this.valueStride = kernelInfo.valueStride
    this.maxEntries = kernelInfo.maxEntries
    this.typeId = kernelInfo.type
    this.name = kernelInfo.name
    this.possibleCpus = kernelInfo.possibleCpus
    this.subject = path ? {path} : {map: kernelInfo.name || `id ${kernelInfo.id}`}
  }

  /** Wraps a map the addon opened (BpfObject hands its maps over this way). */
  static fromNative(native: NativeMap, path?: string): BpfMap {
    return new BpfMap(native, native.info(), path)
  }

  /** Creates a map. Throws PermissionError without CAP_BPF, BpfError(EINVAL) for attributes the kernel rejects. */
  static create(spec: MapSpec): BpfMap {
    const type = mapTypeNumber(spec.type)
    if (type < 1) throw new TypeError(`unknown map type '${spec.type}'`)
    const flags = spec.flags ?? (spec.type === 'lpm_trie' ? BPF_F_NO_PREALLOC : 0)
    const subject = {map: spec.name ?? spec.type}
    const inner = spec.innerMap instanceof BpfMap || spec.innerMap === undefined ? spec.innerMap : BpfMap.create(spec.innerMap)
    try {
      return BpfMap.fromNative(kernelCall(subject, () =>
        addon().mapCreate(type, spec.keySize, spec.valueSize, spec.maxEntries, flags, spec.name ?? null, inner?.native ?? null)))
    } finally {
      if (inner !== spec.innerMap) inner?.close()  // the kernel copied its attributes
    }
  }

  /** Opens the map pinned at `path`. Throws NotPinnedError, NotAMapError, PermissionError. */
  static openPinned(path: string): BpfMap {
    return BpfMap.fromNative(kernelCall({path}, () => addon().mapOpenPinned(path)), path)
  }

  /** Opens a map by its kernel id. Throws BpfError(ENOENT) when no map has that id. */
  static fromId(id: number): BpfMap {
    return BpfMap.fromNative(kernelCall({map: `id ${id}`}, () => addon().mapFromId(id)))
  }

  get type(): string {
    return mapTypeName(this.typeId)
  }

  get isPerCpu(): boolean {
    return isPerCpuType(this.typeId)
  }

  get isClosed(): boolean {
    return this.native.isClosed()
  }

  /**
   * The file descriptor, for what takes one: another map's value (map-in-map, prog array),
   * /proc/self/fdinfo. It stays ours: close() closes it. Throws ClosedError after close().
   */
  get fd(): number {
    return kernelCall(this.subject, () => this.native.fd())
  }

  /** The kernel's description of the map. Throws ClosedError after close(). */
  info(): MapInfo {
    const i = kernelCall(this.subject, () => this.native.info())
    return {type: mapTypeName(i.type), typeId: i.type, id: i.id, name: i.name, keySize: i.keySize,
      valueSize: i.valueSize, maxEntries: i.maxEntries, flags: i.flags, btfId: i.btfId,
      btfKeyTypeId: i.btfKeyTypeId, btfValueTypeId: i.btfValueTypeId}
  }

  /** The key and value types from the map's BTF, or undefined for a map without BTF. */
  btf(): MapBtf | undefined {
    return describeMapBtf(this.info(), this.subject)
  }

  /** Pins the map at `path` (on bpffs). Throws BpfError(EEXIST) if something is pinned there already. */
  pin(path: string): void {
    kernelCall({path}, () => this.native.pin(path))
  }

  /** The value under `key`. Throws KeyNotFoundError; on per-CPU maps use lookupPerCpu. */
  lookup(key: Uint8Array): Buffer {
    if (this.isPerCpu) throw new TypeError(`${this.name} is a per-CPU map: use lookupPerCpu`)
    const v = kernelCall(this.subject, () => this.native.lookup(key))
    if (v === null) throw new KeyNotFoundError('map lookup', this.subject)
    return v
  }

  /** One value per possible CPU (views into one Buffer). Throws KeyNotFoundError. */
  lookupPerCpu(key: Uint8Array): Buffer[] {
    const v = kernelCall(this.subject, () => this.native.lookup(key))
    if (v === null) throw new KeyNotFoundError('map lookup', this.subject)
    return this.splitPerCpu(v, 0)
  }

  /**
   * Sets `key` to `value`. A per-CPU map takes one value per possible CPU (or the flat
   * valueStride bytes). Throws KeyExistsError ('noexist'), KeyNotFoundError ('exist'), MapFullError.
   */
  update(key: Uint8Array, value: Uint8Array | readonly Uint8Array[], flag: UpdateFlag = 'any'): void {
    const flat = Array.isArray(value) ? this.joinPerCpu(value) : value as Uint8Array
    kernelCall(this.subject, () => this.native.update(key, flat, updateFlags[flag]))
  }

  /**
   * Sets many entries with BPF_MAP_UPDATE_BATCH off the main thread, or one update per entry
   * where the kernel has no batch update for this map type or flag (same result). Keys and values
   * are flat (count × keySize and count × valueStride bytes) or one Buffer each; flat memory is
   * used in place, so leave it unchanged until the promise settles. Entries before a failing one
   * stay written. Throws MapFullError, KeyExistsError ('noexist'), KeyNotFoundError ('exist').
   */
  async updateBatch(keys: Uint8Array | readonly Uint8Array[], values: Uint8Array | readonly Uint8Array[], flag: UpdateFlag = 'any'): Promise<void> {
    const flatKeys = Array.isArray(keys) ? this.join(keys, this.keySize, 'key') : keys as Uint8Array
    const flatValues = Array.isArray(values) ? this.join(values, this.valueStride, 'value') : values as Uint8Array
    await kernelCallAsync(this.subject, () => this.native.updateBatch(flatKeys, flatValues, updateFlags[flag]))
  }

  /** Deletes `key`. Throws KeyNotFoundError; array maps throw BpfError(EINVAL), their slots always exist. */
  delete(key: Uint8Array): void {
    if (!kernelCall(this.subject, () => this.native.delete(key))) throw new KeyNotFoundError('map delete', this.subject)
  }

  /** The number of entries, counted off the main thread (the kernel keeps no count for hash maps). */
  async count(): Promise<number> {
    return kernelCallAsync(this.subject, () => this.native.count())
  }

  /**
   * Reads up to `size` entries after `cursor` (omit it on the first call) into flat key/value Buffers
   * with one BPF_MAP_LOOKUP_BATCH, off the main thread.
   * `done` may come back true *with* entries: the kernel ends a dump with ENOENT on a batch that still carries some.
   * Throws NotSupportedError for map types without batch ops (LPM trie) and before Linux 5.6.
   */
  async batch(cursor?: BatchCursor, size = defaultBatchSize): Promise<MapBatch> {
    return this.fetch(cursor, size, false)
  }

  /**
   * Every entry in batches, BPF_MAP_LOOKUP_BATCH where the kernel supports it for this map,
   * otherwise a get-next-key + lookup walk (same batches, same results). The addon reads the next
   * batches on its own thread while the caller handles this one.
   *
   * Not a snapshot: entries added or removed meanwhile may or may not appear. On the walk, deleting
   * the current key restarts from the first key (the kernel's get-next-key), so a map under heavy
   * churn can repeat entries; the batch path loses at most the bucket it is in.
   */
  async *batches(options: IterateOptions = {}): AsyncGenerator<MapBatch> {
    const source = this.source(options)
    try {
      for (;;) {
        const b = source.take() ?? await source.next()
        if (!b) return
        yield b
      }
    } finally {
      source.stop()
    }
  }

  /** Every key (views into batch Buffers). */
  keys(options: IterateOptions = {}): AsyncIterableIterator<Buffer> {
    const ks = this.keySize
    return perEntry(this.source(options), (b) => {
      const keys = viewer(b.keys)
      return (i) => keys(i * ks, ks)
    })
  }

  /**
   * Every [key, value] pair, as views into the batch Buffers (no copy; each batch has its own
   * Buffers, so a view stays valid after the iteration moves on). On per-CPU maps use perCpuEntries.
   */
  entries(options: IterateOptions = {}): AsyncIterableIterator<[Buffer, Buffer]> {
    if (this.isPerCpu) throw new TypeError(`${this.name} is a per-CPU map: use perCpuEntries`)
    const ks = this.keySize, vs = this.valueSize
    return perEntry(this.source(options), (b) => {
      const keys = viewer(b.keys), values = viewer(b.values)
      return (i) => [keys(i * ks, ks), values(i * vs, vs)]
    })
  }

  /** Every [key, one value per possible CPU] pair of a per-CPU map. */
  perCpuEntries(options: IterateOptions = {}): AsyncIterableIterator<[Buffer, Buffer[]]> {
    const ks = this.keySize
    return perEntry(this.source(options), (b) => {
      const keys = viewer(b.keys)
      return (i) => [keys(i * ks, ks), this.splitPerCpu(b.values, i * this.valueStride)]
    })
  }

  /**
   * Closes the fd. Idempotent; later calls throw ClosedError. A batch in flight
   * finishes first (the fd is released after it).
   */
  close(): void {
    this.native.close()
  }

  private source(options: IterateOptions): BatchSource {
    const size = checkBatchSize(options.batchSize ?? defaultBatchSize)
    return new BatchSource(this.subject, options.useBatch === false, (useBatch, onReady) => this.native.reader(useBatch, size, onReady),
      (r, walk) => this.toBatch(r, walk))
  }

  private toBatch(r: NativeBatch, walk: boolean): MapBatch {
    return {keys: r.keys.subarray(0, r.count * this.keySize), values: r.values.subarray(0, r.count * this.valueStride),
      count: r.count, keySize: this.keySize, valueStride: this.valueStride, done: r.done, cursor: {bytes: r.cursor, walk}}
  }

  private async fetch(cursor: BatchCursor | undefined, size: number, walk: boolean): Promise<MapBatch> {
    checkBatchSize(size)
    if (cursor && cursor.walk !== walk) throw new TypeError('this cursor belongs to the other iteration method')
    for (let n = size; ; n = Math.min(n * 2, maxBatchSize)) {
      try {
        const r = await kernelCallAsync(this.subject, () =>
          walk ? this.native.walk(cursor?.bytes ?? null, n) : this.native.lookupBatch(cursor?.bytes ?? null, n))
        return this.toBatch(r, walk)
      } catch (err) {
        // ENOSPC: one hash bucket holds more entries than fit; retry from the same cursor with room for it.
        if (!(err instanceof BpfError && err.errno === ENOSPC) || n >= maxBatchSize) throw err
      }
    }
  }

  private splitPerCpu(flat: Buffer, at: number): Buffer[] {
    const slot = (this.valueSize + 7) & ~7
    const out = new Array<Buffer>(this.possibleCpus)
    const values = viewer(flat)
    for (let c = 0; c < this.possibleCpus; c++) out[c] = values(at + c * slot, this.valueSize)
    return out
  }

  private join(parts: readonly Uint8Array[], size: number, what: string): Buffer {
    const flat = Buffer.allocUnsafe(parts.length * size)
    parts.forEach((p, i) => {
      if (!(p instanceof Uint8Array) || p.length !== size) {
        throw new TypeError(`${what} ${i} must be ${size} bytes, got ${p instanceof Uint8Array ? p.length : typeof p}`)
      }
      flat.set(p, i * size)
    })
    return flat
  }

  private joinPerCpu(values: readonly Uint8Array[]): Buffer {
    if (!this.isPerCpu) throw new TypeError(`${this.name} is not a per-CPU map: pass one value`)
    if (values.length !== this.possibleCpus) {
      throw new TypeError(`per-CPU value needs ${this.possibleCpus} values (one per possible CPU), got ${values.length}`)
    }
    const slot = (this.valueSize + 7) & ~7
    const flat = Buffer.alloc(this.valueStride)
    values.forEach((v, c) => {
      if (!(v instanceof Uint8Array) || v.length !== this.valueSize) {
        throw new TypeError(`value must be ${this.valueSize} bytes, got ${v instanceof Uint8Array ? v.length : typeof v}`)
      }
      flat.set(v, c * slot)
    })
    return flat
  }
}

/** The kernel has no batch lookup for this map type (ENOTSUPP) or at all (EINVAL before Linux 5.6). */
function isBatchUnsupported(err: unknown): boolean {
  return err instanceof NotSupportedError || (err instanceof BpfError && err.errno === EINVAL)
}

/**
 * Buffer views into `buf` without Buffer#subarray's species lookup, which costs about twice
 * as much per entry. Node's own FastBuffer is the same: a Uint8Array subclass on Buffer.prototype.
 * They are Buffers (instanceof, Buffer.isBuffer, every method); only assert.deepStrictEqual,
 * which compares prototypes, tells them apart: compare contents with equals().
 */
class BufferView extends Uint8Array {}
Object.setPrototypeOf(BufferView.prototype, Buffer.prototype)

function viewer(buf: Buffer): (offset: number, length: number) => Buffer {
  const ab = buf.buffer as ArrayBuffer, base = buf.byteOffset
  return (offset, length) => new BufferView(ab, base + offset, length) as Buffer
}

function checkBatchSize(size: number): number {
  if (!Number.isInteger(size) || size < 1 || size > maxBatchSize) {
    throw new RangeError(`batch size must be an integer in [1, ${maxBatchSize}], got ${size}`)
  }
  return size
}

/** How long a dump may run before it lets the event loop turn (other I/O, and the release of batch memory, wait for one). */
const turnMs = 4
/** How many batches a dump hands over without a turn of the event loop, however fast they go (a bound that does not depend on the clock). */
export const maxBatchesPerTurn = 16

/**
 * The batches of one dump from the addon's reader thread. take() hands over a batch that is ready
 * without a turn of the event loop, as long as the loop turned within turnMs and fewer than
 * maxBatchesPerTurn batches ago; next() lets it turn
 * and waits for the thread. When the first batch shows that the kernel has no batch lookup for
 * this map, it starts over with the walk.
 */
class BatchSource {
  private reader?: NativeMapReader
  private started = false
  private finished = false
  private waiting?: Promise<void>
  private wake?: () => void
  private lastTurn = performance.now()
  private batchesSinceTurn = 0

  constructor(private readonly subject: ErrorSubject, private walk: boolean,
    private readonly open: (useBatch: boolean, onReady: () => void) => NativeMapReader,
    private readonly toBatch: (r: NativeBatch, walk: boolean) => MapBatch) {}

  /** The next batch if it is ready (and the loop turned lately); undefined: await next(); null: no more. */
  take(): MapBatch | null | undefined {
    if (this.finished) return null
    if (this.batchesSinceTurn >= maxBatchesPerTurn || performance.now() - this.lastTurn > turnMs) return undefined
    const b = this.takeReady()
    if (b) this.batchesSinceTurn++
    return b
  }

  /** The next batch, after a turn of the event loop; null: no more. */
  async next(): Promise<MapBatch | null> {
    await new Promise<void>((resolve) => setImmediate(resolve))
    this.lastTurn = performance.now()
    this.batchesSinceTurn = 0
    for (;;) {
      if (this.finished) return null
      const b = this.takeReady()
      if (b !== undefined) return b
      await (this.waiting ??= new Promise<void>((resolve) => { this.wake = resolve }))
    }
  }

  stop(): void {
    this.finished = true
    this.reader?.stop()
  }

  private takeReady(): MapBatch | null | undefined {
    let r: NativeBatch | null | undefined
    try {
      this.reader ??= kernelCall(this.subject, () => this.open(!this.walk, () => this.onReady()))
      r = kernelCall(this.subject, () => this.reader!.take())
    } catch (err) {
      this.stop()
      if (this.started || this.walk || !isBatchUnsupported(err)) throw err
      this.walk = true
      this.finished = false
      this.reader = undefined
      return this.takeReady()
    }
    if (r === undefined) return undefined
    if (r === null || r.done) this.finished = true
    if (r === null) return null
    this.started = true
    return this.toBatch(r, this.walk)
  }

  private onReady(): void {
    const wake = this.wake
    this.waiting = this.wake = undefined
    wake?.()
  }
}

/**
 * The entries of every batch as an async iterator whose next() is an already-resolved
 * promise within a batch, and between batches too when the next one is ready: an async
 * generator (or async next) costs a suspension per entry, which at a million entries is most
 * of the time spent.
 */
function perEntry<T>(source: BatchSource, prepare: (b: MapBatch) => (i: number) => T): AsyncIterableIterator<T> {
  let count = 0, i = 0
  let entry: (i: number) => T = () => undefined as T  // replaced before the first entry (count is 0 until then)
  const end: IteratorResult<T> = {done: true, value: undefined}
  const begin = (b: MapBatch): IteratorResult<T> => {
    entry = prepare(b)
    count = b.count
    i = 1
    return {done: false, value: entry(0)}
  }
  const wait = async (): Promise<IteratorResult<T>> => {
    for (;;) {
      const b = await source.next()
      if (!b) return end
      if (b.count > 0) return begin(b)
    }
  }
  const it: AsyncIterableIterator<T> = {
    [Symbol.asyncIterator]: () => it,
    next: () => {
      if (i < count) return Promise.resolve({done: false, value: entry(i++)})
      try {
        for (;;) {
          const b = source.take()
          if (b === undefined) return wait()
          if (!b) return Promise.resolve(end)
          if (b.count > 0) return Promise.resolve(begin(b))
        }
      } catch (err) {
        return Promise.reject(err)
      }
    },
    return: (): Promise<IteratorResult<T>> => {
      count = i = 0
      source.stop()
      return Promise.resolve(end)
    },
  }
  return it
}
