import type {EntryBatch} from './batch.js'
import {authTypeName} from './policy.js'
import {tabwrite} from './text.js'

/* cilium_auth_map (cilium.md §1.6, §2.8): authenticated (local, remote, node, type) tuples. */

/** Mirrors struct auth_key in bpf/include/ck/auth.h. */
export const AUTH_KEY = {size: 12, local_sec_label: 0, remote_sec_label: 4, remote_node_id: 8, auth_type: 10, pad: 11} as const
/** Mirrors struct auth_info: expiration in Unix nanoseconds >> 9. */
export const AUTH_INFO = {size: 8, expiration: 0} as const

export interface AuthEntry {
  localIdentity: number
  remoteIdentity: number
  remoteNodeId: number
  authType: number
  /** Unix time in nanoseconds. */
  expirationNs: bigint
}

/**
 * The real CLI prints entries in the map's order (random); ours are sorted by local, remote
 * identity, node and type so that table and JSON are reproducible.
 */
export function compareAuthEntries(a: AuthEntry, b: AuthEntry): number {
  return a.localIdentity - b.localIdentity || a.remoteIdentity - b.remoteIdentity || a.remoteNodeId - b.remoteNodeId ||
    a.authType - b.authType
}

export function decodeAuthBatch(b: EntryBatch): AuthEntry[] {
  const out: AuthEntry[] = []
  for (let i = 0; i < b.count; i++) {
    const k = i * b.keySize
    out.push({localIdentity: b.keys.readUInt32LE(k), remoteIdentity: b.keys.readUInt32LE(k + AUTH_KEY.remote_sec_label),
      remoteNodeId: b.keys.readUInt16LE(k + AUTH_KEY.remote_node_id), authType: b.keys[k + AUTH_KEY.auth_type],
      expirationNs: b.values.readBigUInt64LE(i * b.valueStride) << 9n})
  }
  return out
}

interface GoTime {
  date: string
  clock: string
  /** Fractional seconds without trailing zeros, '' for none. */
  frac: string
  /** `+0000`, `-0500`. */
  offset: string
  /** The zone abbreviation Go prints (`UTC`, `EST`, or the offset's hours). */
  zone: string
}

/** The parts of a Unix time in nanoseconds in the zone of `timeZone` (default: this process's). */
function goTime(ns: bigint, timeZone?: string): GoTime {
  const ms = Number(ns / 1_000_000n)
  const frac = (ns % 1_000_000_000n).toString().padStart(9, '0').replace(/0+$/, '')
  const parts = Object.fromEntries(new Intl.DateTimeFormat('en-US', {timeZone, hourCycle: 'h23', year: 'numeric',
    month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit', timeZoneName: 'longOffset'})
    .formatToParts(new Date(ms)).map((p) => [p.type, p.value]))
  const offset = parts.timeZoneName === 'GMT' ? '+0000' : String(parts.timeZoneName).replace('GMT', '').replace(':', '')
  const abbr = new Intl.DateTimeFormat('en-US', {timeZone, timeZoneName: 'short'}).formatToParts(new Date(ms))
    .find((p) => p.type === 'timeZoneName')?.value ?? ''
  const zone = /^GMT$|^UTC$/.test(abbr) ? 'UTC' : /^GMT[+-]/.test(abbr) ? offset.slice(0, 3) : abbr
  return {date: `${parts.year}-${parts.month}-${parts.day}`, clock: `${parts.hour}:${parts.minute}:${parts.second}`, frac, offset, zone}
}

/** Go's time.Time.String(): `2026-11-23 22:00:00.5 +0000 UTC`. */
export function goTimeString(ns: bigint, timeZone?: string): string {
  const t = goTime(ns, timeZone)
  return `${t.date} ${t.clock}${t.frac ? `.${t.frac}` : ''} ${t.offset} ${t.zone}`
}

/** Go's time.Time JSON (RFC 3339 with nanoseconds): `2026-11-23T22:00:00.000512Z`, `…-05:00` elsewhere. */
export function goTimeJson(ns: bigint, timeZone?: string): string {
  const t = goTime(ns, timeZone)
  const zone = t.offset === '+0000' ? 'Z' : `${t.offset.slice(0, 3)}:${t.offset.slice(3)}`
  return `${t.date}T${t.clock}${t.frac ? `.${t.frac}` : ''}${zone}`
}

/** The JSON value of `bpf auth list`: cilium-dbg's authEntry slice, null when there is none (a nil Go slice). */
export function authJson(entries: readonly AuthEntry[], timeZone?: string): unknown {
  if (entries.length === 0) return null
  return entries.map((e) => ({LocalIdentity: e.localIdentity, RemoteIdentity: e.remoteIdentity, RemoteNodeID: e.remoteNodeId,
    AuthType: e.authType, Expiration: goTimeJson(e.expirationNs, timeZone)}))
}

export function authTable(entries: readonly AuthEntry[], timeZone?: string): string {
  let text = 'SRC IDENTITY\tDST IDENTITY\tREMOTE NODE ID\tAUTH TYPE\tEXPIRATION\n'
  for (const e of entries) {
    text += `${e.localIdentity}\t${e.remoteIdentity}\t${e.remoteNodeId}\t${authTypeName(e.authType)}\t${goTimeString(e.expirationNs, timeZone)}\n`
  }
  return tabwrite(text)
}

export function encodeAuth(e: AuthEntry): [Buffer, Buffer] {
  const k = Buffer.alloc(AUTH_KEY.size)
  k.writeUInt32LE(e.localIdentity, AUTH_KEY.local_sec_label)
  k.writeUInt32LE(e.remoteIdentity, AUTH_KEY.remote_sec_label)
  k.writeUInt16LE(e.remoteNodeId, AUTH_KEY.remote_node_id)
  k[AUTH_KEY.auth_type] = e.authType
  const v = Buffer.alloc(AUTH_INFO.size)
  v.writeBigUInt64LE(e.expirationNs >> 9n, AUTH_INFO.expiration)
  return [k, v]
}
