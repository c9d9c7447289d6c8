import {existsSync} from 'node:fs'
import {createRequire} from 'node:module'
import {CiliumkitError} from '../errors.js'
import {packagePath} from '../paths.js'

/** What the kernel reports for a map (struct bpf_map_info), plus the bytes one lookup writes. */
export interface NativeMapInfo {
  type: number
  id: number
  keySize: number
  valueSize: number
  /** value_size, or round_up(value_size, 8) × possible CPUs for per-CPU maps. */
  valueStride: number
  maxEntries: number
  flags: number
  name: string
  btfId: number
  btfKeyTypeId: number
  btfValueTypeId: number
  possibleCpus: number
}

export interface NativeBatch {
  keys: Buffer
  values: Buffer
  count: number
  done: boolean
  cursor: Buffer
}

/** Reads every batch of a map on its own thread, a few batches ahead of JS. */
export interface NativeMapReader {
  /** The next batch; undefined when none is ready yet (onReady runs when one is); null after stop(). Throws the read's error. */
  take(): NativeBatch | null | undefined
  /** Ends the thread after its current read. */
  stop(): void
}

export interface NativeMap {
  info(): NativeMapInfo
  lookup(key: Uint8Array): Buffer | null
  update(key: Uint8Array, value: Uint8Array, flags: number): void
  updateBatch(keys: Uint8Array, values: Uint8Array, flags: number): Promise<void>
  fd(): number
  delete(key: Uint8Array): boolean
  nextKey(key: Uint8Array | null): Buffer | null
  lookupBatch(cursor: Uint8Array | null, count: number): Promise<NativeBatch>
  walk(lastKey: Uint8Array | null, count: number): Promise<NativeBatch>
  reader(useBatch: boolean, count: number, onReady: () => void): NativeMapReader
  count(): Promise<number>
  pin(path: string): void
  close(): void
  isClosed(): boolean
}

export interface NativeObjectMap {
  name: string
  type: number
  keySize: number
  valueSize: number
  maxEntries: number
  internal: boolean
  pinPath?: string
}

export interface NativeObjectProgram {
  name: string
  section: string
  type: number
}

export interface NativeTcAttachment {
  ifindex: number
  handle: number
  priority: number
  programId: number
  createdHook: boolean
}

export interface NativeObject {
  maps(): NativeObjectMap[]
  programs(): NativeObjectProgram[]
  setPinRoot(dir: string): void
  load(): void
  map(name: string): NativeMap
  tcAttach(program: string, iface: number | string, point: 'ingress' | 'egress', netns: string | null,
    priority: number, handle: number): NativeTcAttachment
  tcxAttach(program: string, iface: number | string, point: 'ingress' | 'egress', netns: string | null): {ifindex: number; programId: number}
  testRun(program: string, data: Uint8Array, repeat: number): {retval: number; durationNs: number; data: Buffer}
  close(): void
}

export interface NativeRingBuffer {
  stats(): {received: number; lost: number; queuedBytes: number}
  close(): Promise<void>
  ref(): void
  unref(): void
}

/** A BTF type as the addon describes it (typedefs and modifiers resolved, the written name kept). */
export interface NativeBtfType {
  name: string
  kind: 'int' | 'enum' | 'array' | 'struct' | 'union' | 'ptr' | 'float' | 'other' | 'unknown'
  size: number
  signed?: boolean
  bool?: boolean
  length?: number
  element?: NativeBtfType
  values?: Array<{name: string; value: number}>
  members?: Array<{name: string; offset: number; bitOffset?: number; bitSize?: number; type: NativeBtfType}>
}

export interface Addon {
  mapCreate(type: number, keySize: number, valueSize: number, maxEntries: number, flags: number, name: string | null,
    innerMap: NativeMap | null): NativeMap
  mapOpenPinned(path: string): NativeMap
  mapFromId(id: number): NativeMap
  numPossibleCpus(): number
  objectOpen(path: string, kconfig?: string | null): NativeObject
  tcDetach(iface: number | string, point: 'ingress' | 'egress', handle: number, priority: number, netns: string | null): void
  tcHookDestroy(iface: number | string, netns: string | null): boolean
  tcxDetach(iface: number | string, point: 'ingress' | 'egress', programId: number, netns: string | null): void
  tcxPrograms(iface: number | string, point: 'ingress' | 'egress', netns: string | null): Array<{id: number; name: string}>
  ringBufferOpen(map: NativeMap, onBatch: (data: Buffer, offsets: Uint32Array, errno: number) => void,
    maxQueuedBytes: number, pollTimeoutMs: number): NativeRingBuffer
  btfDescribe(btfId: number, typeIds: number[]): Array<NativeBtfType | null>
  mountBpffs(path: string): void
  unmount(path: string): void
}

const addonFile = 'ciliumkit_bpf.node'

let loaded: Addon | undefined

/** Loads the addon once. Throws a CiliumkitError naming the missing file when src/native is not built. */
export function addon(): Addon {
  if (loaded) return loaded
  const file = packagePath('src', 'native', 'build', 'Release', addonFile)
  if (!existsSync(file)) throw new CiliumkitError('the eBPF addon is not built', `${file} is missing: run \`make addon\``)
  loaded = createRequire(import.meta.url)(file) as Addon
  return loaded
}
