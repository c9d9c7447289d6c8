import {isIPv4, isIPv6} from 'node:net'

/**
 * Text helpers that reproduce how cilium-dbg (Go) prints map contents: Go's
 * text/tabwriter, net.IP / netip address strings, and the `%#0Nx` hex verb.
 */

export interface TabwriterOptions {
  /** Minimal cell width including padding (cilium-dbg: 5). */
  minwidth: number
  /** Spaces added to the widest cell of a column (cilium-dbg: 3). */
  padding: number
}

/** The tabwriter settings every cilium-dbg table uses: NewWriter(w, 5, 0, 3, ' ', 0). */
export const CILIUM_TABWRITER: TabwriterOptions = {minwidth: 5, padding: 3}

/**
 * Formats text the way Go's text/tabwriter does with a space pad char and no flags.
 * A cell is text terminated by a tab; the text after a line's last tab is not part of
 * any column. A column block is a run of consecutive lines that all have a cell in
 * that column, so a line without tabs (a blank line) ends every block, exactly as in Go.
 */
export function tabwrite(text: string, opts: TabwriterOptions = CILIUM_TABWRITER): string {
  const endsWithNewline = text.endsWith('\n')
  const lines = (endsWithNewline ? text.slice(0, -1) : text).split('\n').map((l) => l.split('\t'))
  const out: string[] = []
  const widths: number[] = []
  const writeLines = (from: number, to: number) => {
    for (let i = from; i < to; i++) {
      const cells = lines[i]
      let s = ''
      for (let j = 0; j < cells.length; j++) {
        const c = cells[j]
        s += c
        if (j < widths.length && j < cells.length - 1) s += ' '.repeat(Math.max(0, widths[j] - width(c)))
      }
      out.push(s)
    }
  }
  const format = (line0: number, line1: number) => {
    const column = widths.length
    for (let cur = line0; cur < line1; cur++) {
      if (column >= lines[cur].length - 1) continue
      writeLines(line0, cur)
      line0 = cur
      let w = opts.minwidth
      for (; cur < line1; cur++) {
        const cells = lines[cur]
        if (column >= cells.length - 1) break
        w = Math.max(w, width(cells[column]) + opts.padding)
      }
      widths.push(w)
      format(line0, cur)
      widths.pop()
      line0 = cur
      cur-- // the for loop's increment must not skip the line that ended the block
    }
    writeLines(line0, line1)
  }
  format(0, lines.length)
  return out.join('\n') + (endsWithNewline ? '\n' : '')
}

/** Go counts a cell's width in runes (utf8.RuneCount), not UTF-16 units. */
function width(s: string): number {
  let n = 0
  for (const _ of s) n++
  return n
}

/** Dotted quad of 4 bytes at `at` (network order, as stored in the maps). */
export function ipv4String(b: Buffer, at: number): string {
  return `${b[at]}.${b[at + 1]}.${b[at + 2]}.${b[at + 3]}`
}

/**
 * An IPv6 address as Go's netip.Addr prints it (RFC 5952): lowercase, no leading
 * zeros, the longest run of two or more zero groups (the first on a tie) as `::`,
 * and an IPv4-mapped address as ::ffff:a.b.c.d.
 */
export function ipv6String(b: Buffer, at: number): string {
  const g: number[] = []
  for (let i = 0; i < 8; i++) g.push(b.readUInt16BE(at + 2 * i))
  if (g[0] === 0 && g[1] === 0 && g[2] === 0 && g[3] === 0 && g[4] === 0 && g[5] === 0xffff) {
    return `::ffff:${ipv4String(b, at + 12)}`
  }
  let bestStart = -1, bestLen = 1
  for (let i = 0; i < 8;) {
    if (g[i] !== 0) { i++; continue }
    let j = i
    while (j < 8 && g[j] === 0) j++
    if (j - i > bestLen) { bestStart = i; bestLen = j - i }
    i = j
  }
  if (bestStart < 0) return g.map((x) => x.toString(16)).join(':')
  const head = g.slice(0, bestStart).map((x) => x.toString(16)).join(':')
  const tail = g.slice(bestStart + bestLen).map((x) => x.toString(16)).join(':')
  return `${head}::${tail}`
}

/** Go's `%#0<digits>x`: the digits are zero-padded, then `0x` goes in front (0x00, 0x0013). */
export function hex(n: number, digits: number): string {
  return '0x' + n.toString(16).padStart(digits, '0')
}

/** A MAC held in the first 6 bytes (memory order) of a u64, lowercase colon hex. */
export function macString(b: Buffer, at: number): string {
  const parts: string[] = []
  for (let i = 0; i < 6; i++) parts.push(b[at + i].toString(16).padStart(2, '0'))
  return parts.join(':')
}

/** Go's `host:port` join: IPv6 hosts get brackets. */
export function joinHostPort(host: string, port: number | string): string {
  return host.includes(':') ? `[${host}]:${port}` : `${host}:${port}`
}

/** Parses an IPv4 or IPv6 address into 4 or 16 bytes; undefined when it is not one. */
export function parseIp(text: string): Buffer | undefined {
  if (isIPv4(text)) return Buffer.from(text.split('.').map(Number))
  if (!isIPv6(text)) return undefined
  let s = text
  const dotted = /(\d+)\.(\d+)\.(\d+)\.(\d+)$/.exec(s)
  if (dotted) {
    const [a, b, c, d] = dotted.slice(1).map(Number)
    s = `${s.slice(0, dotted.index)}${((a << 8) | b).toString(16)}:${((c << 8) | d).toString(16)}`
  }
  const [head, tail] = s.split('::').map((half) => (half === '' ? [] : half.split(':').map((g) => parseInt(g, 16))))
  const groups = tail === undefined ? head : [...head, ...new Array(8 - head.length - tail.length).fill(0), ...tail]
  const out = Buffer.alloc(16)
  groups.forEach((g, i) => out.writeUInt16BE(g, 2 * i))
  return out
}
