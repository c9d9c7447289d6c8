/**
 * IP addresses and prefixes as Go's net/netip reads them: the Hubble server validates
 * filter values with netip.ParseAddr / netip.ParsePrefix, so invalid values fail with
 * netip's own wording, which we reproduce.
 */
import {isIPv6} from 'node:net'

/** 16 bytes; IPv4 addresses use the first 4 and `v4` is set. */
export interface Addr {
  v4: boolean
  bytes: Uint8Array
}

export interface Prefix {
  addr: Addr
  bits: number
}

export class AddrParseError extends Error {}

function addrError(s: string, msg: string, at = ''): AddrParseError {
  return new AddrParseError(`ParseAddr(${JSON.stringify(s)}): ${msg}${at ? ` (at ${JSON.stringify(at)})` : ''}`)
}

function parseIPv4(s: string): Addr {
  const bytes = new Uint8Array(16)
  let field = 0
  let digits = 0
  let val = 0
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i)
    if (c >= 48 && c <= 57) {
      if (digits === 1 && val === 0) throw addrError(s, 'IPv4 field has octet with leading zero')
      val = val * 10 + (c - 48)
      digits++
      if (val > 255) throw addrError(s, 'IPv4 field has value >255')
    } else if (c === 46) {
      if (digits === 0) throw addrError(s, 'IPv4 field must have at least one digit', s.slice(i))
      if (field === 3) throw addrError(s, 'IPv4 address too long')
      bytes[field++] = val
      val = 0
      digits = 0
    } else {
      throw addrError(s, 'unexpected character', s.slice(i))
    }
  }
  if (field < 3) throw addrError(s, 'IPv4 address too short')
  if (digits === 0) throw addrError(s, 'IPv4 field must have at least one digit', '')
  bytes[3] = val
  return {v4: true, bytes}
}

function parseIPv6(s: string): Addr {
  const zone = s.indexOf('%')
  const text = zone >= 0 ? s.slice(0, zone) : s
  if (!isIPv6(text)) throw addrError(s, 'unable to parse IP')
  const bytes = new Uint8Array(16)
  let head = text
  let tail = ''
  const dbl = text.indexOf('::')
  if (dbl >= 0) {
    head = text.slice(0, dbl)
    tail = text.slice(dbl + 2)
  }
  const words = (part: string): number[] => {
    if (part === '') return []
    const out: number[] = []
    for (const g of part.split(':')) {
      if (g.includes('.')) {
        const v4 = parseIPv4(g).bytes
        out.push((v4[0] << 8) | v4[1], (v4[2] << 8) | v4[3])
      } else out.push(parseInt(g, 16))
    }
    return out
  }
  const h = words(head)
  const t = words(tail)
  const all = [...h, ...new Array(8 - h.length - t.length).fill(0), ...t]
  for (let k = 0; k < 8; k++) {
    bytes[2 * k] = all[k] >> 8
    bytes[2 * k + 1] = all[k] & 0xff
  }
  return {v4: false, bytes}
}

/** netip.ParseAddr; throws AddrParseError with Go's message. */
export function parseAddr(s: string): Addr {
  for (let i = 0; i < s.length; i++) {
    const c = s[i]
    if (c === '.') return parseIPv4(s)
    if (c === ':') return parseIPv6(s)
    if (c === '%') throw addrError(s, 'missing IPv6 address')
  }
  throw addrError(s, 'unable to parse IP')
}

/** netip.ParsePrefix; throws AddrParseError with Go's message. */
export function parsePrefix(s: string): Prefix {
  const slash = s.lastIndexOf('/')
  const head = `netip.ParsePrefix(${JSON.stringify(s)}): `
  if (slash < 0) throw new AddrParseError(head + "no '/'")
  let addr: Addr
  try {
    addr = parseAddr(s.slice(0, slash))
  } catch (error) {
    throw new AddrParseError(head + (error as Error).message)
  }
  if (s.slice(0, slash).includes('%')) throw new AddrParseError(head + 'IPv6 zones cannot be present in a prefix')
  const bitsText = s.slice(slash + 1)
  if (!/^(0|[1-9][0-9]*)$/.test(bitsText) || bitsText.length > 18) {
    throw new AddrParseError(head + `bad bits after slash: ${JSON.stringify(bitsText)}`)
  }
  const bits = Number(bitsText)
  if (bits > (addr.v4 ? 32 : 128)) throw new AddrParseError(head + 'prefix length out of range')
  return {addr, bits}
}

/** Whether `addr` lies in `prefix` (an IPv4 prefix never contains an IPv6 address, as in netip). */
export function prefixContains(prefix: Prefix, addr: Addr): boolean {
  if (prefix.addr.v4 !== addr.v4) return false
  const a = prefix.addr.bytes
  const b = addr.bytes
  let bits = prefix.bits
  for (let i = 0; bits > 0; i++, bits -= 8) {
    const mask = bits >= 8 ? 0xff : (0xff << (8 - bits)) & 0xff
    if ((a[i] & mask) !== (b[i] & mask)) return false
  }
  return true
}
