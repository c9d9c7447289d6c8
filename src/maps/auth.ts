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

/**
 * Go's time.Time.String() in the zone of `timeZone` (default: this process's):
 * `2026-11-23 22:00:00.5 +0000 UTC`, fractional seconds without trailing zeros.
 */
export function goTimeString(ns: bigint, timeZone?: string): string {
  const ms = Number(ns / 1_000_000n)
  const frac = (ns % 1_000_000_000n).toString().padStart(9, '0').replace(/0+$/, '')
  const parts = Object.fromEntries(new Intl.DateTimeFormat('en-US', {timeZone, hourCycle: 'h23', year: 'numeric',
    month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit', timeZoneName: 'longOffset'})
    .formatToParts(new Date(ms)).map((p) => [p.type, p.value]))
  const offset = parts.timeZoneName === 'GMT' ? '+0000' : String(parts.timeZoneName).replace('GMT', '').replace(':', '')
  const abbr = new Intl.DateTimeFormat('en-US', {timeZone, timeZoneName: 'short'}).formatToParts(new Date(ms))
    .find((p) => p.type === 'timeZoneName')?.value ?? ''
  const zone = /^GMT$|^UTC$/.test(abbr) ? 'UTC' : /^GMT[+-]/.test(abbr) ? offset.slice(0, 3) : abbr
  return `${parts.year}-${parts.month}-${parts.day} ${parts.hour}:${parts.minute}:${parts.second}${frac ? `.${frac}` : ''} ${offset} ${zone}`
}

export function authTable(entries: readonly AuthEntry[], timeZone?: string): string {
  let text = 'SRC IDENTITY\tDST IDENTITY\tREMOTE NODE ID\tAUTH TYPE\tEXPIRATION\n'
  const sorted = [...entries].sort((a, b) => a.localIdentity - b.localIdentity || a.remoteIdentity - b.remoteIdentity ||
    a.remoteNodeId - b.remoteNodeId || a.authType - b.authType)
  for (const e of sorted) {
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
