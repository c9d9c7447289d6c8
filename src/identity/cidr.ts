/**
 * IP prefixes for CIDR identities, CIDR selectors and the ipcache. Addresses are held as
 * bigint so IPv4 and IPv6 share one containment test.
 */
import {isIPv4, isIPv6} from 'node:net'

export interface Prefix {
  family: 4 | 6
  /** The network address (host bits cleared). */
  addr: bigint
  bits: number
}

function parseAddr(text: string): {family: 4 | 6; addr: bigint} | undefined {
  if (isIPv4(text)) {
    const o = text.split('.')
    // Four octets fit a double exactly: one BigInt instead of one per octet.
    return {family: 4, addr: BigInt(((Number(o[0]) * 256 + Number(o[1])) * 256 + Number(o[2])) * 256 + Number(o[3]))}
  }
  if (isIPv6(text)) {
    let t = text
    // An embedded IPv4 tail (::ffff:1.2.3.4) becomes two hex groups.
    const v4 = /(\d+\.\d+\.\d+\.\d+)$/.exec(t)
    if (v4) {
      const n = v4[1].split('.').map(Number)
      t = t.slice(0, -v4[1].length) + `${((n[0] << 8) | n[1]).toString(16)}:${((n[2] << 8) | n[3]).toString(16)}`
    }
    const [head, tail] = t.includes('::') ? t.split('::') : [t, undefined]
    const h = head ? head.split(':') : []
    const tl = tail === undefined ? [] : tail ? tail.split(':') : []
    const groups = tail === undefined ? h : [...h, ...Array<string>(8 - h.length - tl.length).fill('0'), ...tl]
    const addr = groups.reduce((a, g) => (a << 16n) | BigInt(parseInt(g, 16)), 0n)
    return {family: 6, addr}
  }
  return undefined
}

const width = (family: 4 | 6): number => (family === 4 ? 32 : 128)

/**
 * Parses `addr/bits` (or a bare address, as a host prefix when `allowBare`). Returns an error
 * string in the words of Go's netip, which Cilium's messages embed.
 */
export function parsePrefix(text: string, allowBare = false): Prefix | string {
  const slash = text.indexOf('/')
  const addrText = slash < 0 ? text : text.slice(0, slash)
  const parsed = parseAddr(addrText)
  if (slash < 0) {
    if (!allowBare) return `netip.ParsePrefix("${text}"): no '/'`
    if (!parsed) return `ParseAddr("${text}"): unable to parse IP`
    return {family: parsed.family, addr: parsed.addr, bits: width(parsed.family)}
  }
  if (!parsed) return `netip.ParsePrefix("${text}"): ParseAddr("${addrText}"): unable to parse IP`
  const bitsText = text.slice(slash + 1)
  const bits = /^\d+$/.test(bitsText) ? Number(bitsText) : NaN
  if (!(bits >= 0 && bits <= width(parsed.family))) return `netip.ParsePrefix("${text}"): bad bits after slash: "${bitsText}"`
  return {family: parsed.family, addr: mask(parsed.addr, bits, parsed.family), bits}
}

/** Network masks by family and prefix length, made once: containment tests run per identity and selector. */
const netmasks = {4: masksOf(32), 6: masksOf(128)}

function masksOf(w: number): bigint[] {
  const all = (1n << BigInt(w)) - 1n
  return Array.from({length: w + 1}, (_, bits) => all & ~((1n << BigInt(w - bits)) - 1n))
}

function mask(addr: bigint, bits: number, family: 4 | 6): bigint {
  return addr & netmasks[family][bits]
}

/** Whether `outer` contains `inner` (same family, shorter or equal prefix, same network bits). */
export function prefixContains(outer: Prefix, inner: Prefix): boolean {
  return outer.family === inner.family && outer.bits <= inner.bits
    && mask(inner.addr, outer.bits, inner.family) === outer.addr
}

/** Canonical text: `10.0.0.0/8`, `2001:db8::/32`. */
export function prefixString(p: Prefix): string {
  return `${addrString(p.family, p.addr)}/${p.bits}`
}

function addrString(family: 4 | 6, addr: bigint): string {
  if (family === 4) return [24n, 16n, 8n, 0n].map((s) => String((addr >> s) & 0xFFn)).join('.')
  const groups = Array.from({length: 8}, (_, i) => Number((addr >> BigInt(112 - 16 * i)) & 0xFFFFn))
  // Compress the longest run of zero groups (at least two), as RFC 5952 asks.
  let best = -1
  let bestLen = 1
  for (let i = 0; i < 8;) {
    if (groups[i] !== 0) { i++; continue }
    let j = i
    while (j < 8 && groups[j] === 0) j++
    if (j - i > bestLen) { best = i; bestLen = j - i }
    i = j
  }
  const hex = groups.map((g) => g.toString(16))
  if (best < 0) return hex.join(':')
  return `${hex.slice(0, best).join(':')}::${hex.slice(best + bestLen).join(':')}`
}

/** The label of a CIDR identity: `cidr:10.0.0.0/8`; IPv6 keys replace `:` with `-` because `:` ends the source. */
export function cidrLabelKey(p: Prefix): string {
  const text = prefixString(p)
  return p.family === 6 ? text.replaceAll(':', '-') : text
}

/** Reads a CIDR label key back into a prefix. */
export function prefixFromCidrLabelKey(key: string): Prefix | undefined {
  const text = key.includes('-') ? key.replaceAll('-', ':') : key
  const p = parsePrefix(text)
  return typeof p === 'string' ? undefined : p
}
