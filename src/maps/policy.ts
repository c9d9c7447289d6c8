import {CiliumkitError} from '../errors.js'
import {detectGeneration, type GenerationOf, type MapShape} from './generations.js'
import {protoName} from './proto.js'

/*
 * Per-endpoint policy maps (cilium.md §2.3). Four generations, picked by key and value
 * size: `hash` (1.9-1.15, HASH 8 -> 24), `lpm` (1.16, LPM 12 -> 24), `v2` (1.17-1.18,
 * LPM 12 -> 8, counters in cilium_policystats) and `v3` (newest, LPM 12 -> 12). The
 * 1.9-1.13 value had zero padding where 1.14 put auth_type, so one decoder reads both.
 */

export type PolicyGeneration = GenerationOf<'policy'>

/** Mirrors struct policy_key in bpf/include/ck/policy.h (LPM generations). */
export const POLICY_KEY = {size: 12, prefixlen: 0, identity: 4, flags: 8, protocol: 9, dport: 10} as const
/** The 1.9-1.15 hash key: identity (host order), dport (network order), protocol, direction byte. */
export const POLICY_KEY_HASH = {size: 8, identity: 0, dport: 4, protocol: 6, flags: 7} as const
/** Mirrors struct policy_entry in bpf/include/ck/policy.h. */
export const POLICY_ENTRY_V3 = {size: 12, proxy_port: 0, flags: 2, auth_type: 3, precedence: 4, cookie: 8} as const
/** 1.17-1.18: the v3 entry before precedence/cookie, with a proxy port priority. */
export const POLICY_ENTRY_V2 = {size: 8, proxy_port: 0, flags: 2, auth_type: 3, proxy_port_priority: 4, pad1: 5, pad2: 6} as const
/** 1.9-1.16: counters live in the entry itself. */
export const POLICY_ENTRY_V1 = {size: 24, proxy_port: 0, flags: 2, auth_type: 3, pad1: 4, pad2: 6, packets: 8, bytes: 16} as const

export const POLICY_KEY_EGRESS = 0x01
export const POLICY_ENTRY_DENY = 0x01
export const POLICY_ENTRY_PREFIX_SHIFT = 3
export const POLICY_ENTRY_AUTH_TYPE_MASK = 0x7f
export const POLICY_ENTRY_EXPLICIT_AUTH = 0x80
/** identity (32) + direction byte (8): always matched; protocol (8) and port (16) may not be. */
export const POLICY_STATIC_PREFIX_BITS = 40
export const POLICY_FULL_PREFIX_BITS = 24

/*
 * The v3 entry's precedence (Cilium's policy types.Precedence): higher wins. The upper 24 bits
 * hold the rule's priority level, inverted (API priority 0, the default, is 0xffffff); the low
 * byte the verdict on that level: 0xff deny, 2..254 a proxy redirect (by listener priority),
 * 1 a plain allow. A deny at the default level is all ones, which the datapath takes as final.
 */
export const PRECEDENCE_DENY = 0xff
export const PRECEDENCE_ALLOW = 1
/** A redirect without an explicit listener priority: just above a plain allow. */
export const PRECEDENCE_REDIRECT = 2
/** The default priority level's base (0xffffff << 8): where the agent writes a rule's entries. */
export const DEFAULT_PRIORITY_PRECEDENCE = 0xffff_ff00

/** The precedence of an entry the agent writes for a rule at the default priority. */
export function rulePrecedence(e: {deny: boolean; proxyPort: number}): number {
  return DEFAULT_PRIORITY_PRECEDENCE + (e.deny ? PRECEDENCE_DENY : e.proxyPort !== 0 ? PRECEDENCE_REDIRECT : PRECEDENCE_ALLOW)
}

/**
 * The precedence `cilium-dbg bpf policy add` writes: MapStateEntry{}.WithDeny(deny), i.e. the
 * verdict byte alone, on the lowest priority level (cilium-dbg/cmd/helpers.go updatePolicyKey).
 */
export function cliPrecedence(deny: boolean): number {
  return deny ? PRECEDENCE_DENY : PRECEDENCE_ALLOW
}

/** Counters that are not in any map: Go's policymap.StatNotAvailable (max u64), printed as `-`. */
export const STAT_NOT_AVAILABLE = 0xffff_ffff_ffff_ffffn

/** One policy map entry, generation-neutral; ports in host order. */
export interface PolicyEntry {
  /** Protocol+port prefix length, 0..24 (LPM generations; 0/8/24 derived for hash maps). */
  prefixLen: number
  identity: number
  egress: boolean
  protocol: number
  dport: number
  proxyPort: number
  deny: boolean
  /** The auth_type byte: the type in bits 0-6, "explicit" in bit 7 (v2/v3); the plain type before. */
  auth: number
  precedence: number
  cookie: number
  proxyPortPriority: number
  /** Counters from the entry (hash/lpm) or from cilium_policystats (v2/v3), or STAT_NOT_AVAILABLE. */
  packets: bigint
  bytes: bigint
}

export function policyGeneration(shape: MapShape, path?: string): PolicyGeneration {
  return detectGeneration('policy', shape, path)
}

export function decodePolicyEntry(gen: PolicyGeneration, key: Buffer, k: number, value: Buffer, v: number): PolicyEntry {
  const e: PolicyEntry = {prefixLen: 0, identity: 0, egress: false, protocol: 0, dport: 0, proxyPort: value.readUInt16BE(v),
    deny: (value[v + 2] & POLICY_ENTRY_DENY) !== 0, auth: value[v + 3], precedence: 0, cookie: 0, proxyPortPriority: 0,
    packets: STAT_NOT_AVAILABLE, bytes: STAT_NOT_AVAILABLE}
  if (gen === 'hash') {
    e.identity = key.readUInt32LE(k + POLICY_KEY_HASH.identity)
    e.dport = key.readUInt16BE(k + POLICY_KEY_HASH.dport)
    e.protocol = key[k + POLICY_KEY_HASH.protocol]
    e.egress = (key[k + POLICY_KEY_HASH.flags] & POLICY_KEY_EGRESS) !== 0
    e.prefixLen = e.dport !== 0 ? POLICY_FULL_PREFIX_BITS : e.protocol !== 0 ? 8 : 0
  } else {
    e.prefixLen = key.readUInt32LE(k + POLICY_KEY.prefixlen) - POLICY_STATIC_PREFIX_BITS
    e.identity = key.readUInt32LE(k + POLICY_KEY.identity)
    e.egress = (key[k + POLICY_KEY.flags] & POLICY_KEY_EGRESS) !== 0
    e.protocol = key[k + POLICY_KEY.protocol]
    e.dport = key.readUInt16BE(k + POLICY_KEY.dport)
  }
  if (gen === 'hash' || gen === 'lpm') {
    e.packets = value.readBigUInt64LE(v + POLICY_ENTRY_V1.packets)
    e.bytes = value.readBigUInt64LE(v + POLICY_ENTRY_V1.bytes)
  } else if (gen === 'v2') {
    e.proxyPortPriority = value[v + POLICY_ENTRY_V2.proxy_port_priority]
  } else {
    e.precedence = value.readUInt32LE(v + POLICY_ENTRY_V3.precedence)
    e.cookie = value.readUInt32LE(v + POLICY_ENTRY_V3.cookie)
  }
  return e
}

/** Writes the key of `e` for a map of generation `gen` into a fresh Buffer. */
export function encodePolicyKey(gen: PolicyGeneration, e: Pick<PolicyEntry, 'prefixLen' | 'identity' | 'egress' | 'protocol' | 'dport'>): Buffer {
  if (gen === 'hash') {
    const b = Buffer.alloc(POLICY_KEY_HASH.size)
    b.writeUInt32LE(e.identity, POLICY_KEY_HASH.identity)
    b.writeUInt16BE(e.dport, POLICY_KEY_HASH.dport)
    b[POLICY_KEY_HASH.protocol] = e.protocol
    b[POLICY_KEY_HASH.flags] = e.egress ? POLICY_KEY_EGRESS : 0
    return b
  }
  const b = Buffer.alloc(POLICY_KEY.size)
  b.writeUInt32LE(POLICY_STATIC_PREFIX_BITS + e.prefixLen, POLICY_KEY.prefixlen)
  b.writeUInt32LE(e.identity, POLICY_KEY.identity)
  b[POLICY_KEY.flags] = e.egress ? POLICY_KEY_EGRESS : 0
  b[POLICY_KEY.protocol] = e.protocol
  b.writeUInt16BE(e.dport, POLICY_KEY.dport)
  return b
}

/** Writes the value of `e` for a map of generation `gen`; counters only where the entry holds them. */
export function encodePolicyValue(gen: PolicyGeneration, e: PolicyEntry): Buffer {
  const size = gen === 'v3' ? POLICY_ENTRY_V3.size : gen === 'v2' ? POLICY_ENTRY_V2.size : POLICY_ENTRY_V1.size
  const b = Buffer.alloc(size)
  b.writeUInt16BE(e.proxyPort, 0)
  b[2] = (e.deny ? POLICY_ENTRY_DENY : 0) | (gen === 'v2' || gen === 'v3' ? e.prefixLen << POLICY_ENTRY_PREFIX_SHIFT : 0)
  b[3] = e.auth
  if (gen === 'hash' || gen === 'lpm') {
    b.writeBigUInt64LE(e.packets === STAT_NOT_AVAILABLE ? 0n : e.packets, POLICY_ENTRY_V1.packets)
    b.writeBigUInt64LE(e.bytes === STAT_NOT_AVAILABLE ? 0n : e.bytes, POLICY_ENTRY_V1.bytes)
  } else if (gen === 'v2') {
    b[POLICY_ENTRY_V2.proxy_port_priority] = e.proxyPortPriority
  } else {
    b.writeUInt32LE(e.precedence, POLICY_ENTRY_V3.precedence)
    b.writeUInt32LE(e.cookie, POLICY_ENTRY_V3.cookie)
  }
  return b
}

/** Deny first, then ingress before egress, then identity ascending (Go's PolicyEntriesDump.Less). */
export function comparePolicyEntries(a: PolicyEntry, b: PolicyEntry): number {
  if (a.deny !== b.deny) return a.deny ? -1 : 1
  if (a.egress !== b.egress) return a.egress ? 1 : -1
  if (a.identity !== b.identity) return a.identity - b.identity
  // Go's sort.Slice leaves ties in any order; ours are stable by protocol and port.
  return a.protocol - b.protocol || a.dport - b.dport || a.prefixLen - b.prefixLen
}

/** The PORT/PROTO cell, as the CLI of that generation prints it. */
export function portProtoString(gen: PolicyGeneration, e: PolicyEntry): string {
  const proto = protoName(e.protocol)
  if (gen === 'hash') return e.dport === 0 && e.protocol === 0 ? 'ANY' : `${e.dport}/${proto}`
  const p = e.prefixLen
  if (p === 0 || p === 8) return proto
  if (p > 8 && p < POLICY_FULL_PREFIX_BITS) {
    const portPrefix = p - 8
    if (gen === 'lpm') return `0x${e.dport.toString(16)}/${portPrefix}/${proto}`
    return `${e.dport}-${(e.dport + (0xffff >> portPrefix)) & 0xffff}/${proto}`
  }
  if (p === POLICY_FULL_PREFIX_BITS) return `${e.dport}/${proto}`
  return `<INVALID PREFIX LENGTH: ${p}>`
}

/** AuthRequirement.AuthType().String(): the explicit bit is not part of the type. */
export function authTypeName(auth: number): string {
  const t = auth & POLICY_ENTRY_AUTH_TYPE_MASK
  switch (t) {
    case 0: return 'disabled'
    case 1: return 'spire'
    case 2: return 'test-always-fail'
    default: return `Unknown-auth-type-${t}`
  }
}

/** The JSON element of one entry: Go's PolicyEntryDump of that generation (ports in network order). */
export function policyEntryJson(gen: PolicyGeneration, e: PolicyEntry): Record<string, unknown> {
  const swap16 = (n: number) => ((n & 0xff) << 8) | (n >> 8)
  const flags = (e.deny ? POLICY_ENTRY_DENY : 0) | (gen === 'v2' || gen === 'v3' ? e.prefixLen << POLICY_ENTRY_PREFIX_SHIFT : 0)
  const dir = e.egress ? 1 : 0
  if (gen === 'hash') {
    return {ProxyPortNetwork: swap16(e.proxyPort), Flags: flags, AuthType: e.auth, Pad1: 0, Pad2: 0,
      Packets: e.packets, Bytes: e.bytes,
      Key: {Identity: e.identity, DestPortNetwork: swap16(e.dport), Nexthdr: e.protocol, TrafficDirection: dir}}
  }
  const key = {Prefixlen: POLICY_STATIC_PREFIX_BITS + e.prefixLen, Identity: e.identity, TrafficDirection: dir,
    Nexthdr: e.protocol, DestPortNetwork: swap16(e.dport)}
  if (gen === 'lpm') {
    return {ProxyPortNetwork: swap16(e.proxyPort), Flags: flags, AuthType: e.auth, Pad1: 0, Pad2: 0,
      Packets: e.packets, Bytes: e.bytes, Key: key}
  }
  if (gen === 'v2') {
    return {ProxyPortNetwork: swap16(e.proxyPort), Flags: flags, AuthRequirement: e.auth,
      ProxyPortPriority: e.proxyPortPriority, Pad1: 0, Pad2: 0, Packets: e.packets, Bytes: e.bytes, Key: key}
  }
  return {ProxyPortNetwork: swap16(e.proxyPort), Flags: flags, AuthRequirement: e.auth, Precedence: e.precedence,
    Cookie: e.cookie, Packets: e.packets, Bytes: e.bytes, Key: key}
}

/** How the table of a generation looks: its columns grew over the releases (cilium.md §1.1). */
function policyHeader(gen: PolicyGeneration, numeric: boolean): string[] {
  const cols = ['POLICY', 'DIRECTION', numeric ? 'IDENTITY' : 'LABELS (source:key[=value])', 'PORT/PROTO', 'PROXY PORT',
    'AUTH TYPE', 'BYTES', 'PACKETS']
  if (gen !== 'hash') cols.push('PREFIX')
  if (gen === 'v3') cols.push('COOKIE')
  return cols
}

/**
 * The policy table's text before tabwriter alignment: every cell tab-terminated, one
 * row per label, continuation rows with only the label cell filled (cilium-dbg
 * formatMap). `labels` returns the sorted labels of an identity, or undefined to print
 * the number.
 */
export function policyTableText(gen: PolicyGeneration, entries: readonly PolicyEntry[], numeric: boolean,
  labels: (identity: number) => readonly string[] | undefined): string {
  const header = policyHeader(gen, numeric)
  let out = header.join('\t') + '\t\n'
  const stat = (n: bigint) => (n === STAT_NOT_AVAILABLE ? '-' : n.toString())
  for (const e of entries) {
    const rest = [portProtoString(gen, e), e.proxyPort === 0 ? 'NONE' : String(e.proxyPort), authTypeName(e.auth),
      stat(e.bytes), stat(e.packets)]
    if (gen !== 'hash') rest.push(String(e.prefixLen))
    if (gen === 'v3') rest.push(String(e.cookie))
    const head = [e.deny ? 'Deny' : 'Allow', e.egress ? 'Egress' : 'Ingress']
    const lbls = numeric ? undefined : labels(e.identity)
    if (!lbls || lbls.length === 0) {
      out += [...head, String(e.identity), ...rest].join('\t') + '\t\n'
      continue
    }
    lbls.forEach((raw, i) => {
      const lbl = raw === 'reserved:unknown' ? 'ANY' : raw
      out += (i === 0 ? [...head, lbl, ...rest] : ['', '', lbl, ...rest.map(() => '')]).join('\t') + '\t\n'
    })
  }
  return out
}

export const POLICY_EMPTY_MESSAGE = 'Policy stats empty. Perhaps the policy enforcement is disabled?\n'

/**
 * Parses `port[/proto]` as `bpf policy add|delete` does. Returns the port and the
 * protocols it applies to (a port with ANY means one entry per L4 protocol).
 */
export function parsePolicyPort(text: string, parseProto: (p: string) => number | undefined,
  portProtocols: readonly number[]): {port: number; protocols: number[]} {
  const parts = text.split('/')
  if (parts.length > 2) throw new CiliumkitError(`invalid format "${text}". Should be <port>[/<protocol>]`)
  const port = Number(parts[0])
  if (!/^\d+$/.test(parts[0]) || port > 0xffff) {
    throw new CiliumkitError(`invalid port "${parts[0]}": strconv.ParseUint: parsing "${parts[0]}": invalid syntax`)
  }
  let proto = 0
  if (parts.length === 2) {
    const p = parseProto(parts[1])
    if (p === undefined) throw new CiliumkitError(`invalid protocol "${parts[1]}"`)
    proto = p
  }
  return {port, protocols: proto === 0 && port !== 0 ? [...portProtocols] : [proto]}
}

// ---- Reading pinned policy maps -------------------------------------------------------

/** Name prefixes of the per-endpoint maps, newest first: `get <id>` opens the first one pinned. */
export const POLICY_MAP_PREFIXES = ['cilium_policy_v3_', 'cilium_policy_v2_', 'cilium_policy_'] as const

/** A whole policy map, decoded and sorted as the CLI prints it. */
export interface PolicyMapDump {
  path: string
  /** The text after the last `_` of the file name, leading zeros trimmed (as cilium-dbg). */
  endpointId: string
  gen: PolicyGeneration
  entries: PolicyEntry[]
}

/**
 * The map file of an endpoint argument: a uint16 endpoint ID (`<prefix>%05d`) or a reserved
 * identity name (`<prefix>reserved_<id>`), under the first prefix that is pinned (else the
 * newest). Throws CiliumkitError `Failed to parse endpointID "<arg>"` for anything else.
 */
export function policyMapPath(arg: string, dir: string, exists: (path: string) => boolean,
  reservedByName: (name: string) => number | undefined): string {
  let suffix: string
  if (/^\d+$/.test(arg) && Number(arg) <= 0xffff) suffix = String(Number(arg)).padStart(5, '0')
  else {
    const id = reservedByName(arg)
    if (id === undefined) throw new CiliumkitError(`Failed to parse endpointID "${arg}"`)
    suffix = `reserved_${id}`
  }
  const candidates = POLICY_MAP_PREFIXES.map((p) => `${dir}/${p}${suffix}`)
  return candidates.find(exists) ?? candidates[0]
}

/** The endpoint ID part of a policy map path, as `--all` prints it. */
export function policyMapEndpointId(path: string): string {
  return path.slice(path.lastIndexOf('_') + 1).replace(/^0+/, '')
}
