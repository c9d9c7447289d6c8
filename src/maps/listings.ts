import {CiliumkitError} from '../errors.js'
import type {CommandOutput} from '../lib/stdout.js'
import type {OutputFormat} from '../output/modes.js'
import {authJson, authTable, compareAuthEntries, decodeAuthBatch} from './auth.js'
import {decodeThrottleBatch, throttleKeyString, throttleTable, throttleValueString} from './bandwidth.js'
import {bpffsMountTable, findBpffsMount, type MountInfo} from './bpffs-mount.js'
import {egressRows, egressTable, type EgressPolicyRow} from './egress.js'
import {fragRows, fragTable, type FragRow} from './frag.js'
import {decodeIpMasqKey, ipMasqCidrString, type IpMasqCidr} from './ipmasq.js'
import {encodeRuntimeConfigIndex, RUNTIME_CONFIG_INDICES, runtimeConfigTable, type RuntimeConfigEntry} from './runtime-config.js'
import {vtepKeyString, vtepValueString} from './vtep.js'
import type {EntryBatch} from './batch.js'
import {decodeEndpoint, encodeEndpointKey, endpointKeyString, endpointValueString} from './endpoint.js'
import {detectGeneration, type Family} from './generations.js'
import {decodeIpcache, ipcacheContains, ipcacheKeyString, ipcacheValueString, type IpcacheEntry} from './ipcache.js'
import {backendString, decodeBackend, decodeBackendId, revNatString, serviceEntries, serviceKeyString,
  serviceSlotString, type Backend} from './lb.js'
import {metricsJson, metricsTable, sortMetrics, sumMetrics} from './metrics.js'
import {formatNatBatch, natEntryJson} from './nat.js'
import {nodeIdRows, nodeIdTable} from './nodeid.js'
import {renderListing} from './output.js'
import {bpffsRoot, globalsPath, openIfPinned, readAll, shapeOf} from './pinned.js'
import {addRow, NO_ENTRIES_MESSAGE, twoColumnJson, twoColumnTable} from './table-printer.js'
import {parseIp} from './text.js'
import {tunnelKeyString, tunnelValueString} from './tunnel.js'

/*
 * The kernel side of the small `bpf … list` commands: open the family's pinned maps
 * (newest name first), check their layout, read them whole (these maps are bounded and
 * their output is sorted) and render the real CLI's table or the JSON of the same rows.
 */

/** What a listing prints (stdout text, stderr note, the value behind them, the exit code); the command prints it. */
export type Listing = CommandOutput

interface Opened {
  path: string
  gen: string
  batches: EntryBatch[]
}

/** Opens the first pinned of `names`, checks it is a layout of `family` and reads it; undefined when none is pinned. */
async function readFamily(root: string, family: Family, names: readonly string[]): Promise<Opened | undefined> {
  for (const name of names) {
    const path = globalsPath(root, name)
    const map = await openIfPinned(path)
    if (!map) continue
    try {
      const gen = detectGeneration(family, shapeOf(map), path)
      return {path, gen, batches: await readAll(map)}
    } finally {
      map.close()
    }
  }
  return undefined
}

function forEach(batches: readonly EntryBatch[], fn: (keys: Buffer, k: number, values: Buffer, v: number) => void): void {
  for (const b of batches) for (let i = 0; i < b.count; i++) fn(b.keys, i * b.keySize, b.values, i * b.valueStride)
}

async function tableListing(format: OutputFormat, titles: readonly [string, string], rows: Map<string, string[]>): Promise<Listing> {
  const value = twoColumnJson(rows)
  if (rows.size === 0 && format === 'table') return {text: '', stderr: NO_ENTRIES_MESSAGE, value}
  return {text: await renderListing(format, value, () => twoColumnTable(titles, rows)), value}
}

// ---- ipcache --------------------------------------------------------------------------

const IPCACHE_NAMES = ['cilium_ipcache_v2', 'cilium_ipcache'] as const

async function ipcacheEntries(root: string): Promise<{gen: 'v1' | 'v2'; entries: IpcacheEntry[]} | undefined> {
  const m = await readFamily(root, 'ipcache', IPCACHE_NAMES)
  if (!m) return undefined
  const gen = m.gen as 'v1' | 'v2'
  const entries: IpcacheEntry[] = []
  forEach(m.batches, (keys, k, values, v) => entries.push(decodeIpcache(gen, keys, k, values, v)))
  return {gen, entries}
}

export async function ipcacheList(bpffs: string | undefined, format: OutputFormat): Promise<Listing> {
  const r = await ipcacheEntries(bpffsRoot(bpffs))
  const rows = new Map<string, string[]>()
  for (const e of r?.entries ?? []) addRow(rows, ipcacheKeyString(e), ipcacheValueString(r!.gen, e))
  return tableListing(format, ['IP PREFIX/ADDRESS', 'IDENTITY'], rows)
}

/** `bpf ipcache get <ip>`: the longest prefix holding the address, matched over a dump as the real CLI does. */
export async function ipcacheGet(bpffs: string | undefined, ipText: string | undefined): Promise<Listing> {
  const form = 'IP address must be in dotted decimal (192.168.1.1) or IPv6 (feab::f02b) form'
  if (!ipText) throw new CiliumkitError(`No ip provided. ${form}`)
  const ip = parseIp(ipText)
  if (!ip) throw new CiliumkitError(`Invalid ip address. ${form}`)
  const r = await ipcacheEntries(bpffsRoot(bpffs))
  if (!r || r.entries.length === 0) return {text: '', stderr: NO_ENTRIES_MESSAGE, value: null, exitCode: 1}
  let best = -1
  const values: string[] = []
  for (const e of r.entries) {
    if (!ipcacheContains(e, ip) || e.prefixLen < best) continue
    if (e.prefixLen > best) { best = e.prefixLen; values.length = 0 }
    values.push(ipcacheValueString(r.gen, e))
  }
  if (best < 0) return {text: `${ipText} does not map to any identity\n`, value: null, exitCode: 1}
  return {text: `${ipText} maps to identity ${values.join(',')}\n`, value: values}
}

// ---- endpoints, tunnels ---------------------------------------------------------------

export async function endpointList(bpffs: string | undefined, format: OutputFormat): Promise<Listing> {
  const m = await readFamily(bpffsRoot(bpffs), 'endpoint', ['cilium_lxc'])
  const rows = new Map<string, string[]>()
  forEach(m?.batches ?? [], (keys, k, values, v) => {
    const e = decodeEndpoint(keys, k, values, v)
    addRow(rows, endpointKeyString(e), endpointValueString(e))
  })
  return tableListing(format, ['IP ADDRESS', 'LOCAL ENDPOINT INFO'], rows)
}

export async function endpointDelete(bpffs: string | undefined, ipText: string | undefined): Promise<void> {
  if (!ipText) throw new CiliumkitError('Please specify the endpoint to delete')
  const ip = parseIp(ipText)
  if (!ip) throw new CiliumkitError(`Unable to parse IP '${ipText}'`)
  const path = globalsPath(bpffsRoot(bpffs), 'cilium_lxc')
  const map = await openIfPinned(path)
  if (!map) throw new CiliumkitError(`Unable to delete endpoint entry: no map pinned at ${path}`)
  try {
    detectGeneration('endpoint', shapeOf(map), path)
    map.delete(encodeEndpointKey(ip))
  } catch (err) {
    if (err instanceof CiliumkitError && err.name === 'UnknownLayoutError') throw err
    throw new CiliumkitError(`Unable to delete endpoint entry: ${(err as Error).message}`, undefined, {cause: err})
  } finally {
    map.close()
  }
}

export async function tunnelList(bpffs: string | undefined, format: OutputFormat): Promise<Listing> {
  const m = await readFamily(bpffsRoot(bpffs), 'tunnel', ['cilium_tunnel_map'])
  const rows = new Map<string, string[]>()
  forEach(m?.batches ?? [], (keys, k, values, v) => addRow(rows, tunnelKeyString(keys, k), tunnelValueString(values, v)))
  return tableListing(format, ['TUNNEL', 'VALUE'], rows)
}

// ---- load balancer --------------------------------------------------------------------

export type LbMode = 'services' | 'revnat' | 'frontends' | 'backends'

async function backends(root: string): Promise<Map<number, Backend>> {
  const out = new Map<number, Backend>()
  for (const [family, ipv6, names] of [
    ['lb4Backends', false, ['cilium_lb4_backends_v3', 'cilium_lb4_backends_v2', 'cilium_lb4_backends']],
    ['lb6Backends', true, ['cilium_lb6_backends_v3', 'cilium_lb6_backends_v2', 'cilium_lb6_backends']],
  ] as const) {
    const m = await readFamily(root, family, names)
    for (const b of m?.batches ?? []) {
      for (let i = 0; i < b.count; i++) {
        out.set(decodeBackendId(b.keys, i * b.keySize, b.keySize), decodeBackend(b.values, i * b.valueStride, ipv6, b.valueStride))
      }
    }
  }
  return out
}

export async function lbList(bpffs: string | undefined, mode: LbMode, format: OutputFormat): Promise<Listing> {
  const root = bpffsRoot(bpffs)
  const rows = new Map<string, string[]>()
  const slotTitle = 'BACKEND ADDRESS (REVNAT_ID) (SLOT)'
  if (mode === 'revnat') {
    for (const [family, ipv6, name] of [['lb4RevNat', false, 'cilium_lb4_reverse_nat'], ['lb6RevNat', true, 'cilium_lb6_reverse_nat']] as const) {
      const m = await readFamily(root, family, [name])
      forEach(m?.batches ?? [], (keys, k, values, v) => addRow(rows, String(keys.readUInt16BE(k)), revNatString(values, v, ipv6)))
    }
    return tableListing(format, ['ID', slotTitle], rows)
  }
  const bes = await backends(root)
  if (mode === 'backends') {
    for (const [id, be] of [...bes].sort(([a], [b]) => a - b)) addRow(rows, String(id), backendString(be))
    return tableListing(format, ['ID', slotTitle], rows)
  }
  const slots: Array<[string, number, string]> = []
  for (const [family, ipv6, name] of [['lb4Services', false, 'cilium_lb4_services_v2'], ['lb6Services', true, 'cilium_lb6_services_v2']] as const) {
    const m = await readFamily(root, family, [name])
    for (const b of m?.batches ?? []) {
      for (const [k, v] of serviceEntries(b, ipv6)) {
        slots.push([serviceKeyString(k), k.slot, mode === 'frontends' ? `${v.backendId} (${v.revNat}) (${k.slot})` : serviceSlotString(k, v, bes)])
      }
    }
  }
  // The frontend (slot 0) first, then the backends by slot, under each service key.
  slots.sort((a, b) => a[1] - b[1])
  for (const [key, , value] of slots) addRow(rows, key, value)
  return tableListing(format, mode === 'frontends' ? ['SERVICE ADDRESS', 'BACKEND ID'] : ['SERVICE ADDRESS', slotTitle], rows)
}

/** `bpf lb maglev list|get`: each service's lookup table (backend IDs, comma separated) under `[<id>]/v4|v6`. */
export async function maglevList(bpffs: string | undefined, format: OutputFormat, serviceId?: number): Promise<Listing> {
  const root = bpffsRoot(bpffs)
  const {BpfMap} = await import('../bpf/index.js')
  const rows = new Map<string, string[]>()
  for (const [ipv6, name] of [[false, 'cilium_lb4_maglev'], [true, 'cilium_lb6_maglev']] as const) {
    const path = globalsPath(root, name)
    const outer = await openIfPinned(path)
    if (!outer) continue
    try {
      detectGeneration('maglevOuter', shapeOf(outer), path)
      for (const b of await readAll(outer)) {
        for (let i = 0; i < b.count; i++) {
          const id = b.keys.readUInt16LE(i * b.keySize)
          if (serviceId !== undefined && id !== serviceId) continue
          // Reading a map-in-map from user space yields the inner map's ID, not an fd.
          const inner = BpfMap.fromId(b.values.readUInt32LE(i * b.valueStride))
          try {
            const table = inner.lookup(Buffer.alloc(4))
            const ids: number[] = []
            for (let o = 0; o + 4 <= table.length; o += 4) ids.push(table.readUInt32LE(o))
            addRow(rows, `[${id}]/${ipv6 ? 'v6' : 'v4'}`, ids.join(','))
          } finally {
            inner.close()
          }
        }
      }
    } finally {
      outer.close()
    }
  }
  return tableListing(format, ['SVC ID', 'LOOKUP TABLE'], rows)
}

// ---- metrics, nat, auth, node IDs ------------------------------------------------------

export async function metricsList(bpffs: string | undefined, format: OutputFormat): Promise<Listing> {
  const root = bpffsRoot(bpffs)
  const m = await readFamily(root, 'metrics', ['cilium_metrics'])
  if (!m) throw new CiliumkitError(`Unable to open ${globalsPath(root, 'cilium_metrics')}: no such file or directory`)
  const rows = sortMetrics(sumMetrics(m?.batches ?? []))
  const value = metricsJson(rows)
  return {text: await renderListing(format, value, () => metricsTable(rows)), value}
}

/** `bpf nat list`: v4 then v6 map, one line per entry; `Created` counts back from CLOCK_MONOTONIC. */
export async function natList(bpffs: string | undefined, format: OutputFormat): Promise<Listing> {
  const root = bpffsRoot(bpffs)
  const nowSec = Number(process.hrtime.bigint() / 1_000_000_000n)
  let text = '', stderr = ''
  const value: unknown[] = []
  for (const [family, ipv6, name] of [['nat4', false, 'cilium_snat_v4_external'], ['nat6', true, 'cilium_snat_v6_external']] as const) {
    const path = globalsPath(root, name)
    const m = await readFamily(root, family, [name])
    if (!m) {
      if (!ipv6) stderr += `Unable to open ${path}: no such file or directory. Skipping.\n`
      continue
    }
    for (const b of m.batches) {
      text += formatNatBatch(b, ipv6, nowSec)
      for (let i = 0; i < b.count; i++) value.push(natEntryJson(b.keys, i * b.keySize, b.values, i * b.valueStride, ipv6))
    }
  }
  return {text: await renderListing(format, value, () => text), stderr: stderr || undefined, value}
}

/**
 * `bpf auth list` and `bpf nodeid list`: without their map the real CLI says so on stderr and
 * exits 0; an empty map prints `No entries found.` on stderr in table mode.
 */
export async function authList(bpffs: string | undefined, format: OutputFormat): Promise<Listing> {
  const m = await readFamily(bpffsRoot(bpffs), 'auth', ['cilium_auth_map'])
  if (!m) return {text: '', stderr: 'Cannot find auth bpf map\n', value: null}
  const entries = m.batches.flatMap(decodeAuthBatch).sort(compareAuthEntries)
  return smallTableListing(format, authJson(entries), entries.length, () => authTable(entries))
}

export async function nodeIdList(bpffs: string | undefined, format: OutputFormat): Promise<Listing> {
  const m = await readFamily(bpffsRoot(bpffs), 'nodeid', ['cilium_node_map_v2', 'cilium_node_map'])
  if (!m) return {text: '', stderr: 'Cannot find node bpf map\n', value: []}
  const rows = nodeIdRows(m.batches)
  return smallTableListing(format, rows, rows.length, () => nodeIdTable(rows))
}

async function smallTableListing(format: OutputFormat, value: unknown, count: number, table: () => string): Promise<Listing> {
  if (count === 0 && format === 'table') return {text: '', stderr: NO_ENTRIES_MESSAGE, value}
  return {text: await renderListing(format, value, table), value}
}

// ---- bandwidth, runtime config, egress gateway, fragments, VTEP, ip-masq -----------------

/** `bpf bandwidth list`: without cilium_throttle the real CLI says the manager is off (no newline) and exits 1. */
export async function bandwidthList(bpffs: string | undefined, format: OutputFormat): Promise<Listing> {
  const m = await readFamily(bpffsRoot(bpffs), 'bandwidth', ['cilium_throttle'])
  if (!m) return {text: '', stderr: 'bandwidth manager not enabled', value: null, exitCode: 1}
  const entries = m.batches.flatMap(decodeThrottleBatch)
  const rows = new Map<string, string[]>()
  for (const e of entries) addRow(rows, throttleKeyString(e), throttleValueString(e))
  return smallTableListing(format, twoColumnJson(rows), entries.length, () => throttleTable(entries))
}

/** `bpf config list`: AgentLiveness and UTimeOffset from cilium_runtime_config; no map is a note and exit 0. */
export async function runtimeConfigList(bpffs: string | undefined, format: OutputFormat): Promise<Listing> {
  const path = globalsPath(bpffsRoot(bpffs), 'cilium_runtime_config')
  const map = await openIfPinned(path)
  if (!map) return {text: '', stderr: 'Cannot find config bpf map\n', value: null}
  const entries: RuntimeConfigEntry[] = []
  try {
    detectGeneration('runtimeConfig', shapeOf(map), path)
    for (const [name, index] of RUNTIME_CONFIG_INDICES) {
      let value: Buffer
      try {
        value = map.lookup(encodeRuntimeConfigIndex(index))
      } catch (err) {
        throw new CiliumkitError(`Cannot load value with index "${name}" from config bpf map: ${(err as Error).message}`, undefined, {cause: err})
      }
      entries.push({Key: name, Value: value.readBigUInt64LE(0)})
    }
  } finally {
    map.close()
  }
  return {text: await renderListing(format, entries, () => runtimeConfigTable(entries)), value: entries}
}

/** `bpf egress list`: the IPv4 then the IPv6 policy map; neither pinned is a note and exit 0, as the real CLI. */
export async function egressList(bpffs: string | undefined, format: OutputFormat): Promise<Listing> {
  const root = bpffsRoot(bpffs)
  const m4 = await readFamily(root, 'egress4', ['cilium_egress_gw_policy_v4'])
  const m6 = await readFamily(root, 'egress6', ['cilium_egress_gw_policy_v6'])
  if (!m4 && !m6) return {text: '', stderr: 'Cannot find egress gateway bpf maps\n', value: null}
  // The real CLI prints in map order; the trie's order is the same for the same entries, but
  // sorting by source and destination keeps the output independent of it.
  const byAddress = (a: EgressPolicyRow, b: EgressPolicyRow) => compareText(a.SourceIP, b.SourceIP) || compareText(a.DestCIDR, b.DestCIDR)
  const rows = [...(m4?.batches ?? []).flatMap((b) => egressRows(b, false)).sort(byAddress),
    ...(m6?.batches ?? []).flatMap((b) => egressRows(b, true)).sort(byAddress)]
  return smallTableListing(format, rows, rows.length, () => egressTable(rows))
}

/** `bpf frag list`: the IPv4 then the IPv6 fragment map, each missing one noted on stderr. */
export async function fragList(bpffs: string | undefined, format: OutputFormat): Promise<Listing> {
  const root = bpffsRoot(bpffs)
  let stderr = ''
  const rows: FragRow[] = []
  for (const [family, ipv6, name, label] of [['frag4', false, 'cilium_ipv4_frag_datagrams', 'IPv4'],
    ['frag6', true, 'cilium_ipv6_frag_datagrams', 'IPv6']] as const) {
    const m = await readFamily(root, family, [name])
    if (!m) stderr += `${label} map doesn't exist, skipping\n`
    // Hash order in the real CLI; by ID here, so that output is reproducible.
    rows.push(...(m?.batches ?? []).flatMap((b) => fragRows(b, ipv6)).sort((a, b) => a.ID - b.ID || a.Proto - b.Proto))
  }
  // A nil Go slice when nothing was read.
  const value = rows.length === 0 ? null : rows
  if (rows.length === 0 && format === 'table') return {text: '', stderr: stderr + NO_ENTRIES_MESSAGE, value}
  return {text: await renderListing(format, value, () => fragTable(rows)), stderr: stderr || undefined, value}
}

/** `bpf vtep list`: the TablePrinter of cilium_vtep_map; a missing map fails the dump, exit 1. */
export async function vtepList(bpffs: string | undefined, format: OutputFormat): Promise<Listing> {
  const root = bpffsRoot(bpffs)
  const m = await readFamily(root, 'vtep', ['cilium_vtep_map'])
  if (!m) {
    // Cilium's Map.Dump opens the pin first and words a failure so.
    return {text: '', stderr: `error dumping contents of map: loading pinned map ${globalsPath(root, 'cilium_vtep_map')}: ` +
      'no such file or directory\n', value: null, exitCode: 1}
  }
  const rows = new Map<string, string[]>()
  forEach(m.batches, (keys, k, values, v) => addRow(rows, vtepKeyString(keys, k), vtepValueString(values, v)))
  return tableListing(format, ['IP PREFIX/ADDRESS', 'VTEP'], rows)
}

/**
 * `bpf ipmasq list`: the CIDRs of cilium_ipmasq_v4 and _v6 under an empty second title. As
 * cilium-dbg (OpenIPMasqBPFMap skips a map that is not pinned), a missing map adds nothing:
 * neither pinned is `No entries found.`, exit 0, and `[]` in JSON.
 */
export async function ipMasqList(bpffs: string | undefined, format: OutputFormat): Promise<Listing> {
  const root = bpffsRoot(bpffs)
  const m4 = await readFamily(root, 'ipmasq4', ['cilium_ipmasq_v4'])
  const m6 = await readFamily(root, 'ipmasq6', ['cilium_ipmasq_v6'])
  const cidrs: IpMasqCidr[] = []
  for (const [m, ipv6] of [[m4, false], [m6, true]] as const) {
    const family: IpMasqCidr[] = []
    forEach(m?.batches ?? [], (keys, k) => family.push(decodeIpMasqKey(keys, k, ipv6)))
    // Map order in the real CLI; sorted here so that JSON does not depend on the trie's walk.
    cidrs.push(...family.sort((a, b) => compareText(ipMasqCidrString(a), ipMasqCidrString(b))))
  }
  const rows = new Map<string, string[]>()
  for (const c of cidrs) rows.set(ipMasqCidrString(c), [''])
  // JSON: the []netip.Prefix the real CLI dumps (strings), not the table's rows.
  return smallTableListing(format, cidrs.map(ipMasqCidrString), cidrs.length, () => twoColumnTable(['IP PREFIX/ADDRESS', ''], rows))
}

// ---- bpffs mount ---------------------------------------------------------------------

/** `bpf fs show`: the first bpf mount of /proc/self/mountinfo (`mountinfo` for tests). */
export async function bpffsShow(format: OutputFormat, mountinfo = '/proc/self/mountinfo'): Promise<Listing> {
  const {readFile} = await import('node:fs/promises')
  let mount: MountInfo | undefined
  try {
    mount = findBpffsMount(await readFile(mountinfo, 'utf8'))
  } catch (err) {
    throw new CiliumkitError(`Unable to find the mount ${(err as Error).message}`, undefined, {cause: err})
  }
  if (!mount) throw new CiliumkitError('No BPF filesystems are mounted')
  const found = mount
  return {text: await renderListing(format, found, () => bpffsMountTable(found)), value: found}
}

// ---- flush ---------------------------------------------------------------------------

/** Deletes every entry of a pinned map of `family`; undefined when nothing is pinned at `path`. */
async function flushPinned(path: string, family: Family): Promise<number | undefined> {
  const map = await openIfPinned(path)
  if (!map) return undefined
  try {
    detectGeneration(family, shapeOf(map), path)
    let deleted = 0
    for (const b of await readAll(map)) {
      for (let i = 0; i < b.count; i++) {
        map.delete(b.keys.subarray(i * b.keySize, (i + 1) * b.keySize))
        deleted++
      }
    }
    return deleted
  } finally {
    map.close()
  }
}

/** `bpf metrics flush`: silent; a missing map is one line and exit 1. */
export async function metricsFlush(bpffs: string | undefined): Promise<Listing> {
  const path = globalsPath(bpffsRoot(bpffs), 'cilium_metrics')
  const n = await flushPinned(path, 'metrics')
  if (n === undefined) return {text: '', stderr: `error loading BPF metrics map: unable to open ${path}: no such file or directory\n`, value: null, exitCode: 1}
  return {text: '', value: n}
}

/** `bpf auth flush`: `Flushed N entries`; a missing map is a note and exit 0. */
export async function authFlush(bpffs: string | undefined): Promise<Listing> {
  const n = await flushPinned(globalsPath(bpffsRoot(bpffs), 'cilium_auth_map'), 'auth')
  if (n === undefined) return {text: '', stderr: 'Cannot find auth bpf map\n', value: null}
  return {text: `Flushed ${n} entries\n`, value: n}
}

/** `bpf nat flush`: `Flushed N entries from <path>` per map, as `bpf nat list` notes a missing IPv4 map. */
export async function natFlush(bpffs: string | undefined): Promise<Listing> {
  const root = bpffsRoot(bpffs)
  let text = '', stderr = ''
  for (const [family, name] of [['nat4', 'cilium_snat_v4_external'], ['nat6', 'cilium_snat_v6_external']] as const) {
    const path = globalsPath(root, name)
    const n = await flushPinned(path, family)
    if (n === undefined) {
      if (family === 'nat4') stderr += `Unable to open ${path}: no such file or directory. Skipping.\n`
      continue
    }
    text += `Flushed ${n} entries from ${path}\n`
  }
  return {text, stderr: stderr || undefined, value: null}
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0
}
