/**
 * Labels -> numeric identity, as the agent's allocator does: reserved identities for
 * reserved label sets, the cluster scope (256..65535 for cluster 0) for endpoints, and the
 * local scope (1<<24 | n) for CIDR prefixes. Allocation is deterministic (the lowest free
 * number) and every change is written through an injected store.
 */
import {createHash} from 'node:crypto'
import {readFileSync, renameSync, writeFileSync} from 'node:fs'
import {type Label, LabelSource, parseLabel, sortedLabelStrings} from './labels.js'
import {type Prefix, cidrLabelKey, prefixFromCidrLabelKey} from './cidr.js'
import {LocalIdentityFlag, MaxLocalIdentity, ReservedIdentity, clusterIdentityRange, reservedLabelStrings} from './reserved.js'
import {CiliumkitError} from '../errors.js'

/** An identity as the agent API's `Identity` model carries it. */
export interface Identity {
  id: number
  labels: string[]
  labelsSHA256: string
}

/** What the store keeps per allocated identity: the reserved ones are never stored. */
export interface StoredIdentity {
  id: number
  labels: string[]
  refCount: number
}

/** Where allocations persist. The agent gives a file in its state dir; tests give memory. */
export interface IdentityStore {
  load(): StoredIdentity[]
  save(identities: StoredIdentity[]): void
}

export class MemoryIdentityStore implements IdentityStore {
  private saved: StoredIdentity[] = []
  load(): StoredIdentity[] { return this.saved.map((s) => ({...s, labels: [...s.labels]})) }
  save(identities: StoredIdentity[]): void { this.saved = identities.map((s) => ({...s, labels: [...s.labels]})) }
}

/** A JSON file written atomically (temp file + rename), so a crash leaves the old or the new state. */
export class FileIdentityStore implements IdentityStore {
  constructor(readonly path: string) {}
  load(): StoredIdentity[] {
    let text: string
    try {
      text = readFileSync(this.path, 'utf8')
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') return []
      throw err
    }
    return (JSON.parse(text) as {identities: StoredIdentity[]}).identities
  }
  save(identities: StoredIdentity[]): void {
    const tmp = `${this.path}.tmp`
    writeFileSync(tmp, JSON.stringify({identities}, null, 2) + '\n', {mode: 0o600})
    renameSync(tmp, this.path)
  }
}

export class IdentityExhaustedError extends CiliumkitError {}

/** Cilium's labelsSHA256: the SHA-256 of the sorted labels, each written `source:key=value;`. */
export function labelsSHA256(labels: readonly string[]): string {
  return createHash('sha256').update([...labels].sort().map((l) => `${l};`).join('')).digest('hex')
}

/** An identity as selectors see it: parsed labels, and the prefix of a CIDR identity. */
export interface SelectableIdentity {
  id: number
  labels: readonly Label[]
  prefix?: Prefix
}

interface Entry {
  id: number
  /** Sorted. */
  labels: string[]
  refCount: number
  /** Worked out on first use: the labels never change. */
  sha256?: string
  selectable?: SelectableIdentity
}

function toIdentity(e: Entry): Identity {
  e.sha256 ??= labelsSHA256(e.labels)
  return {id: e.id, labels: [...e.labels], labelsSHA256: e.sha256}
}

function selectable(e: Entry): SelectableIdentity {
  if (!e.selectable) {
    const cidr = e.labels.find((l) => l.startsWith('cidr:'))
    const prefix = cidr === undefined ? undefined : prefixFromCidrLabelKey(cidr.slice('cidr:'.length))
    e.selectable = {id: e.id, labels: e.labels.map((l) => parseLabel(l)), ...(prefix ? {prefix} : {})}
  }
  return e.selectable
}

/** Reserved labels that decide the identity of any label set they are in. */
const singleReserved = {
  host: ReservedIdentity.host, health: ReservedIdentity.health, init: ReservedIdentity.init,
  unmanaged: ReservedIdentity.unmanaged, ingress: ReservedIdentity.ingress,
} as const

export class IdentityAllocator {
  private readonly byId = new Map<number, Entry>()
  private readonly byKey = new Map<string, Entry>()
  private readonly range: {min: number; max: number}
  /** Open batch() calls; changes are persisted when the outermost one ends. */
  private batchDepth = 0
  private dirty = false
  private view?: SelectableIdentity[]

  /** Loads earlier allocations from the store; `clusterId` picks the cluster-scope range. */
  constructor(private readonly store: IdentityStore = new MemoryIdentityStore(), clusterId = 0) {
    this.range = clusterIdentityRange(clusterId)
    for (const [id, labels] of reservedLabelStrings) this.insert({id, labels: [...labels], refCount: 0})
    for (const s of store.load()) this.insert({id: s.id, labels: [...s.labels].sort(), refCount: s.refCount})
  }

  private insert(e: Entry): void {
    this.byId.set(e.id, e)
    this.byKey.set(e.labels.join('\n'), e)
    this.view = undefined
  }

  /**
   * Runs `fn` and writes the store once at the end instead of after every allocation and
   * release inside it (a policy naming 500 CIDRs allocates 500 identities in one go).
   */
  batch<T>(fn: () => T): T {
    this.batchDepth++
    try {
      return fn()
    } finally {
      if (--this.batchDepth === 0 && this.dirty) this.persist()
    }
  }

  /**
   * The identity of a label set, allocating the lowest free number of its scope when it is new
   * (and taking a reference). A set holding only reserved labels maps to its reserved identity, and
   * so does a set with `reserved:host`, `health`, `init`, `unmanaged` or `ingress` among other labels
   * (the host endpoint carries its node labels too); a set with a `cidr:` label goes to the local scope.
   * Throws IdentityExhaustedError when the scope is full.
   */
  allocate(labels: readonly Label[]): Identity {
    const strings = sortedLabelStrings(labels)
    const key = strings.join('\n')
    const known = this.byKey.get(key)
    if (known) {
      if (!this.isReserved(known.id)) {
        known.refCount++
        this.persist()
      }
      return toIdentity(known)
    }
    const reserved = labels.find((l) => l.source === LabelSource.reserved && l.key in singleReserved)
    if (reserved) {
      const id = singleReserved[reserved.key as keyof typeof singleReserved]
      const e = this.byId.get(id)
      return e ? toIdentity(e) : {id, labels: [], labelsSHA256: labelsSHA256([])}
    }
    const isCidr = labels.some((l) => l.source === LabelSource.cidr)
    const id = isCidr ? this.free(LocalIdentityFlag + 1, MaxLocalIdentity) : this.free(this.range.min, this.range.max)
    const e = {id, labels: strings, refCount: 1}
    this.insert(e)
    this.persist()
    return toIdentity(e)
  }

  /** The local-scope identity of a CIDR prefix: labels `cidr:<prefix>` and `reserved:world`. */
  allocateCidr(prefix: Prefix): Identity {
    return this.allocate([{source: LabelSource.cidr, key: cidrLabelKey(prefix), value: ''},
      {source: LabelSource.reserved, key: 'world', value: ''}])
  }

  /** Drops a reference; the number is freed when none is left. Reserved identities stay. Returns whether it was freed. */
  release(id: number): boolean {
    const e = this.byId.get(id)
    if (!e || this.isReserved(id)) return false
    e.refCount--
    if (e.refCount <= 0) {
      this.byId.delete(id)
      this.byKey.delete(e.labels.join('\n'))
      this.view = undefined
    }
    this.persist()
    return e.refCount <= 0
  }

  get(id: number): Identity | undefined {
    const e = this.byId.get(id)
    return e && toIdentity(e)
  }

  /** Every known identity (reserved included), by number. */
  list(): Identity[] {
    return [...this.byId.values()].sort((a, b) => a.id - b.id).map(toIdentity)
  }

  /** Every known identity with parsed labels and CIDR prefixes, by number: what regeneration selects from. Kept until the next change. */
  selectable(): readonly SelectableIdentity[] {
    this.view ??= [...this.byId.values()].sort((a, b) => a.id - b.id).map(selectable)
    return this.view
  }

  /** Identity labels parsed back into Labels, for selector matching. */
  labelsOf(id: number): Label[] | undefined {
    const e = this.byId.get(id)
    return e && [...selectable(e).labels]
  }

  /** The CIDR prefix of a local identity, if it is one. */
  prefixOf(id: number): Prefix | undefined {
    const e = this.byId.get(id)
    return e && selectable(e).prefix
  }

  refCount(id: number): number {
    return this.byId.get(id)?.refCount ?? 0
  }

  private isReserved(id: number): boolean {
    return reservedLabelStrings.has(id)
  }

  private free(min: number, max: number): number {
    for (let id = min; id <= max; id++) if (!this.byId.has(id)) return id
    throw new IdentityExhaustedError(`no free identity between ${min} and ${max}`,
      'release identities of deleted endpoints or CIDR rules')
  }

  private persist(): void {
    if (this.batchDepth > 0) {
      this.dirty = true
      return
    }
    this.dirty = false
    const stored = [...this.byId.values()].filter((e) => !this.isReserved(e.id))
      .sort((a, b) => a.id - b.id).map((e) => ({id: e.id, labels: [...e.labels], refCount: e.refCount}))
    this.store.save(stored)
  }
}

