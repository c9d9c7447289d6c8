import {readdirSync, existsSync} from 'node:fs'
import {join} from 'node:path'
import {CiliumkitError, UsageError} from '../errors.js'
import type {BpfMap} from '../bpf/index.js'
import {cliPrecedence, comparePolicyEntries, decodePolicyEntry, encodePolicyKey, encodePolicyValue, parsePolicyPort,
  POLICY_EMPTY_MESSAGE, POLICY_FULL_PREFIX_BITS, policyEntryJson, policyGeneration,
  policyMapEndpointId, policyMapPath, policyTableText, STAT_NOT_AVAILABLE, type PolicyEntry, type PolicyMapDump} from './policy.js'
import {tabwrite} from './text.js'
import {parseProto, PORT_PROTOCOLS, protoName} from './proto.js'
import {encodePolicyStatsKey, POLICY_STATS_MAP, sumPolicyStats} from './policystats.js'
import {bpffsRoot, globalsDir, globalsPath, openIfPinned, openPinned, readAll, shapeOf} from './pinned.js'
import {ReservedIdentity, reservedLabelStrings} from '../identity/reserved.js'

/*
 * The kernel side of `bpf policy get|list|add|delete`: find the endpoint's map under
 * <bpffs>/tc/globals, read and decode it, and join the counters of cilium_policystats.
 */

export function reservedIdentityByName(name: string): number | undefined {
  const bare = name.startsWith('reserved:') ? name.slice('reserved:'.length) : name
  return Object.hasOwn(ReservedIdentity, bare) ? ReservedIdentity[bare as keyof typeof ReservedIdentity] : undefined
}

/** The path of an endpoint's policy map (see policyMapPath). */
export function endpointPolicyMapPath(root: string, arg: string): string {
  return policyMapPath(arg, globalsDir(root), existsSync, reservedIdentityByName)
}

/** Every `cilium_policy_*` file under tc/globals, sorted as Go's filepath.Glob returns them. */
export function policyMapPaths(root: string): string[] {
  const dir = globalsDir(root)
  let names: string[]
  try {
    names = readdirSync(dir)
  } catch {
    return []
  }
  return names.filter((n) => n.startsWith('cilium_policy_')).sort().map((n) => join(dir, n))
}

/** The counters of every entry of cilium_policystats, by key bytes (hex). */
async function readPolicyStats(root: string): Promise<Map<string, {packets: bigint; bytes: bigint}> | undefined> {
  const map = await openIfPinned(globalsPath(root, POLICY_STATS_MAP))
  if (!map) return undefined
  try {
    const out = new Map<string, {packets: bigint; bytes: bigint}>()
    const slot = (map.valueSize + 7) & ~7
    for (const b of await readAll(map)) {
      for (let i = 0; i < b.count; i++) {
        const key = b.keys.toString('hex', i * b.keySize, (i + 1) * b.keySize)
        out.set(key, sumPolicyStats(b.values, i * b.valueStride, b.valueStride / slot))
      }
    }
    return out
  } finally {
    map.close()
  }
}

/**
 * Reads, decodes and sorts one policy map. Throws CiliumkitError `Failed to open map: …`
 * when nothing is pinned there and UnknownLayoutError for sizes of no known generation.
 */
export async function dumpPolicyMap(root: string, path: string): Promise<PolicyMapDump> {
  let map: BpfMap
  try {
    map = await openPinned(path)
  } catch (err) {
    throw new CiliumkitError(`Failed to open map: ${(err as Error).message}`, (err as CiliumkitError).hint, {cause: err})
  }
  try {
    const gen = policyGeneration(shapeOf(map), path)
    const entries: PolicyEntry[] = []
    for (const b of await readAll(map)) {
      for (let i = 0; i < b.count; i++) entries.push(decodePolicyEntry(gen, b.keys, i * b.keySize, b.values, i * b.valueStride))
    }
    if (gen === 'v2' || gen === 'v3') {
      const stats = await readPolicyStats(root)
      const endpointId = Number(policyMapEndpointId(path)) || 0
      for (const e of entries) {
        const s = stats?.get(encodePolicyStatsKey(endpointId, e).toString('hex'))
        e.packets = s?.packets ?? STAT_NOT_AVAILABLE
        e.bytes = s?.bytes ?? STAT_NOT_AVAILABLE
      }
    }
    entries.sort(comparePolicyEntries)
    return {path, endpointId: policyMapEndpointId(path), gen, entries}
  } finally {
    map.close()
  }
}

/** Resolves identities to labels, as `bpf policy get` does without -n. */
export interface LabelSource {
  /** Labels from the agent (GET /v1/identity/<id>); rejects when it cannot answer. */
  getIdentity(id: number): Promise<readonly string[]>
  /** Where the per-entry warning goes (stderr). */
  warn(line: string): void
}

/**
 * The labels of every entry's identity: reserved identities by name without asking, others
 * from the agent, sorted. For each entry whose identity cannot be resolved the real CLI's
 * warning is written (once per entry, as cilium-dbg does) and the number is printed instead.
 */
export async function resolveLabels(entries: readonly PolicyEntry[], source: LabelSource):
  Promise<(identity: number) => readonly string[] | undefined> {
  const resolved = new Map<number, readonly string[] | Error>()
  for (const e of entries) {
    const id = e.identity
    const reserved = reservedLabelStrings.get(id)
    if (reserved) { resolved.set(id, reserved); continue }
    if (!resolved.has(id)) {
      try {
        resolved.set(id, [...await source.getIdentity(id)].sort())
      } catch (err) {
        resolved.set(id, err as Error)
      }
    }
    const r = resolved.get(id)
    if (r instanceof Error) source.warn(`Was impossible to retrieve label ID ${id}: ${r.message}`)
  }
  return (id) => {
    const r = resolved.get(id)
    return r instanceof Error ? undefined : r
  }
}

/** One map's table as `bpf policy get` prints it: aligned, then the empty-map note if it is empty. */
export function policyTable(dump: PolicyMapDump, numeric: boolean, labels: (id: number) => readonly string[] | undefined): string {
  return tabwrite(policyTableText(dump.gen, dump.entries, numeric, labels)) + (dump.entries.length === 0 ? POLICY_EMPTY_MESSAGE : '')
}

/** The JSON value of one map: Go prints a nil slice (no entries) as null. */
export function policyJson(dump: PolicyMapDump): unknown {
  return dump.entries.length === 0 ? null : dump.entries.map((e) => policyEntryJson(dump.gen, e))
}

/** What `bpf policy add|delete` was asked, as typed (arguments may be missing). */
export interface PolicyChange {
  endpoint?: string
  direction?: string
  identity?: string
  /** `port[/proto]`, absent for "any port, any protocol". */
  port?: string
  deny: boolean
}

/**
 * `bpf policy add|delete`: adds or deletes the entries of one call in an existing map (never
 * creates one). Entries are written in the map's own generation: allow/deny, no proxy port,
 * no auth, the precedence cilium-dbg writes. Throws UsageError/CiliumkitError with the real
 * CLI's messages.
 */
export async function changePolicy(bpffs: string | undefined, change: PolicyChange, op: 'add' | 'delete'): Promise<void> {
  const {endpoint, direction, identity: identityText} = change
  if (endpoint === undefined || direction === undefined || identityText === undefined) {
    throw new UsageError('<endpoint id>, <traffic-direction>, and <identity> required')
  }
  const dir = direction.toLowerCase()
  if (dir !== 'ingress' && dir !== 'egress') {
    throw new CiliumkitError(`Failed to convert ${direction} to a valid traffic direction: invalid direction "${direction}" provided`)
  }
  if (!/^\d+$/.test(identityText) || Number(identityText) > 0xffff_ffff) {
    throw new CiliumkitError(`Failed to convert ${identityText}`)
  }
  const identity = Number(identityText)
  const {port, protocols} = change.port === undefined ? {port: 0, protocols: [0]}
    : parsePolicyPort(change.port, parseProto, PORT_PROTOCOLS)
  const root = bpffsRoot(bpffs)
  const path = endpointPolicyMapPath(root, endpoint)
  let map: BpfMap
  try {
    map = await openPinned(path)
  } catch (err) {
    throw new CiliumkitError(`Cannot open policymap "${path}" : ${(err as Error).message}`, (err as CiliumkitError).hint, {cause: err})
  }
  try {
    const gen = policyGeneration(shapeOf(map), path)
    for (const protocol of protocols) {
      const prefixLen = port !== 0 ? POLICY_FULL_PREFIX_BITS : protocol !== 0 ? 8 : 0
      const entry: PolicyEntry = {prefixLen, identity, egress: dir === 'egress', protocol, dport: port, proxyPort: 0,
        deny: change.deny, auth: 0, precedence: cliPrecedence(change.deny), cookie: 0, proxyPortPriority: 0,
        packets: 0n, bytes: 0n}
      try {
        if (op === 'add') map.update(encodePolicyKey(gen, entry), encodePolicyValue(gen, entry))
        else map.delete(encodePolicyKey(gen, entry))
      } catch (err) {
        throw new CiliumkitError(`Cannot ${op} policy key '${identity} ${port}/${protoName(protocol)}': ${(err as Error).message}`,
          undefined, {cause: err})
      }
    }
  } finally {
    map.close()
  }
}
