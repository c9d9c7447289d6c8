/*
 * Writers of ASCII text straight into a Buffer, for listings that print a line per entry of
 * a million-entry map (bpf ct list): no string per field, no rope to flatten, no UTF-8
 * encoding on the way to stdout. Each writes at offset `o` of `out` and returns the offset
 * after what it wrote; the caller sizes `out` for the longest line.
 */

/** The bytes of an ASCII string, made once for the constant parts of a line. */
export function ascii(text: string): Uint8Array {
  return Uint8Array.from(text, (c) => c.charCodeAt(0))
}

/** Copies `bytes`; a loop beats Buffer#copy for the few bytes of a field name. */
export function put(out: Buffer, o: number, bytes: Uint8Array): number {
  for (let i = 0; i < bytes.length; i++) out[o++] = bytes[i]
  return o
}

const tens = Uint8Array.from({length: 100}, (_, i) => 48 + Math.floor(i / 10))
const ones = Uint8Array.from({length: 100}, (_, i) => 48 + (i % 10))

function digitCount(n: number): number {
  if (n < 1e5) return n < 100 ? (n < 10 ? 1 : 2) : n < 1e3 ? 3 : n < 1e4 ? 4 : 5
  let d = 6
  for (let x = n; x >= 1e6; x = Math.floor(x / 10)) d++
  return d
}

/** A non-negative integer below 2^53 in decimal, two digits per step. */
export function putUint(out: Buffer, o: number, n: number): number {
  const end = o + digitCount(n)
  let i = end
  while (n >= 100) {
    const q = Math.floor(n / 100), r = n - q * 100
    out[--i] = ones[r]
    out[--i] = tens[r]
    n = q
  }
  if (n >= 10) {
    out[--i] = ones[n]
    out[--i] = tens[n]
  } else {
    out[--i] = 48 + n
  }
  return end
}

/** The little-endian u64 at `at` in decimal; a BigInt only when it does not fit in 53 bits. */
export function putU64(out: Buffer, o: number, b: Buffer, at: number): number {
  const lo = b.readUInt32LE(at), hi = b.readUInt32LE(at + 4)
  if (hi < 0x20_0000) return putUint(out, o, hi * 0x1_0000_0000 + lo)
  return o + out.write(b.readBigUInt64LE(at).toString(), o, 'latin1')
}

const octets = Array.from({length: 256}, (_, i) => ascii(String(i)))

/** The dotted quad of the 4 bytes at `at`. */
export function putIpv4(out: Buffer, o: number, b: Buffer, at: number): number {
  o = put(out, o, octets[b[at]])
  out[o++] = 46
  o = put(out, o, octets[b[at + 1]])
  out[o++] = 46
  o = put(out, o, octets[b[at + 2]])
  out[o++] = 46
  return put(out, o, octets[b[at + 3]])
}

const hexDigit = ascii('0123456789abcdef')

function putHex16(out: Buffer, o: number, n: number): number {
  if (n >= 0x1000) out[o++] = hexDigit[n >> 12]
  if (n >= 0x100) out[o++] = hexDigit[(n >> 8) & 15]
  if (n >= 0x10) out[o++] = hexDigit[(n >> 4) & 15]
  out[o++] = hexDigit[n & 15]
  return o
}

/** The 16 bytes at `at` as Go's netip.Addr prints them (RFC 5952, IPv4-mapped as ::ffff:a.b.c.d). */
export function putIpv6(out: Buffer, o: number, b: Buffer, at: number): number {
  let bestStart = -1, bestLen = 1, runStart = -1
  for (let i = 0; i <= 8; i++) {
    const zero = i < 8 && b[at + 2 * i] === 0 && b[at + 2 * i + 1] === 0
    if (zero) {
      if (runStart < 0) runStart = i
    } else if (runStart >= 0) {
      if (i - runStart > bestLen) { bestStart = runStart; bestLen = i - runStart }
      runStart = -1
    }
  }
  if (bestStart === 0 && bestLen === 5 && b[at + 10] === 0xff && b[at + 11] === 0xff) {
    o = put(out, o, mappedPrefix)
    return putIpv4(out, o, b, at + 12)
  }
  for (let i = 0; i < 8; i++) {
    if (i === bestStart) {
      out[o++] = 58
      if (i === 0) out[o++] = 58
      i += bestLen - 1
      continue
    }
    o = putHex16(out, o, (b[at + 2 * i] << 8) | b[at + 2 * i + 1])
    if (i < 7) out[o++] = 58
  }
  return o
}

const mappedPrefix = ascii('::ffff:')

/** Go's `%#02x` of a byte: 0x00 … 0xff. */
export function putHexByte(out: Buffer, o: number, n: number): number {
  out[o] = 48
  out[o + 1] = 120
  out[o + 2] = hexDigit[n >> 4]
  out[o + 3] = hexDigit[n & 15]
  return o + 4
}
