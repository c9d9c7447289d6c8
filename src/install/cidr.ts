/**
 * CIDR prefixes of both families as integers, for one question: does the pool overlap a route
 * the host already has? (`ip -j route` prints `dst` as a bare address for a host route.)
 */
import {isIPv4, isIPv6} from 'node:net'

export interface Cidr {
  family: 4 | 6
  /** The network address (host bits cleared), as text. */
  address: string
  bits: number
  /** The network address as an integer (IPv4 in the low 32 bits). */
  network: bigint
}

function v4ToBigint(ip: string): bigint {
  return ip.split('.').reduce((n, o) => (n << 8n) | BigInt(Number(o)), 0n)
}

function v6ToBigint(ip: string): bigint {
  let text = ip
  // An embedded IPv4 tail (::ffff:192.0.2.1) becomes two groups.
  const tail = /(\d+\.\d+\.\d+\.\d+)$/.exec(text)
  if (tail) {
    const v = v4ToBigint(tail[1])
    text = text.slice(0, -tail[1].length) + `${(v >> 16n).toString(16)}:${(v & 0xffffn).toString(16)}`
  }
  const [head, rest] = text.split('::')
  const a = head ? head.split(':') : []
  const b = rest !== undefined && rest !== '' ? rest.split(':') : []
  const groups = rest === undefined ? a : [...a, ...Array<string>(8 - a.length - b.length).fill('0'), ...b]
  return groups.reduce((n, g) => (n << 16n) | BigInt(parseInt(g, 16)), 0n)
}

function bigintToV4(n: bigint): string {
  return [24n, 16n, 8n, 0n].map((s) => String((n >> s) & 255n)).join('.')
}

function bigintToV6(n: bigint): string {
  const groups = Array.from({length: 8}, (_, i) => ((n >> BigInt(112 - 16 * i)) & 0xffffn).toString(16))
  // The longest run of zero groups (at least two) becomes "::", as RFC 5952 writes it.
  let best = -1, bestLen = 1
  for (let i = 0; i < 8;) {
    let j = i
    while (j < 8 && groups[j] === '0') j++
    if (j - i > bestLen) [best, bestLen] = [i, j - i]
    i = j === i ? i + 1 : j
  }
  if (best < 0) return groups.join(':')
  return `${groups.slice(0, best).join(':')}::${groups.slice(best + bestLen).join(':')}`
}

/** Parses `a.b.c.d/n`, `x::y/n`, or a bare address (a host prefix). Returns undefined for anything else. */
export function parseCidr(text: string): Cidr | undefined {
  const [ip, len, extra] = text.split('/')
  if (extra !== undefined) return undefined
  const family = isIPv4(ip) ? 4 : isIPv6(ip) ? 6 : 0
  if (family === 0) return undefined
  const width = family === 4 ? 32 : 128
  if (len !== undefined && !/^\d{1,3}$/.test(len)) return undefined
  const bits = len === undefined ? width : Number(len)
  if (bits > width) return undefined
  const value = family === 4 ? v4ToBigint(ip) : v6ToBigint(ip)
  const mask = ((1n << BigInt(width)) - 1n) ^ ((1n << BigInt(width - bits)) - 1n)
  const network = value & mask
  return {family, bits, network, address: family === 4 ? bigintToV4(network) : bigintToV6(network)}
}

/** Whether two prefixes share an address: one contains the other's network. */
export function overlaps(a: Cidr, b: Cidr): boolean {
  if (a.family !== b.family) return false
  const width = a.family === 4 ? 32 : 128
  const bits = Math.min(a.bits, b.bits)
  const shift = BigInt(width - bits)
  return (a.network >> shift) === (b.network >> shift)
}
