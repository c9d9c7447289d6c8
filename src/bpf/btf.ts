import {addon, type NativeBtfType} from './native.js'
import {kernelCall, type ErrorSubject} from './errors.js'

export type BtfType = NativeBtfType

/** The key and value types of a map, from its BTF. */
export interface MapBtf {
  key?: BtfType
  value?: BtfType
}

/** A decoded BTF value: numbers (strings past 2^53), arrays, objects, enum names. */
export type BtfValue = number | string | boolean | BtfValue[] | {[field: string]: BtfValue}

/** Reads the BTF of a map; undefined when the map carries none (created without BTF). */
export function describeMapBtf(info: {btfId: number; btfKeyTypeId: number; btfValueTypeId: number},
  subject: ErrorSubject = {}): MapBtf | undefined {
  if (info.btfId === 0 || (info.btfKeyTypeId === 0 && info.btfValueTypeId === 0)) return undefined
  const [key, value] = kernelCall(subject, () => addon().btfDescribe(info.btfId, [info.btfKeyTypeId, info.btfValueTypeId]))
  return {key: key ?? undefined, value: value ?? undefined}
}

/**
 * Decodes `type` at `at` in `buf`, little-endian as the host lays it out. Integers up to 2^53
 * are numbers, larger ones decimal strings (JSON has no bigint); an enum value is its name
 * when it has one.
 */
export function decodeBtf(type: BtfType, buf: Buffer, at = 0): BtfValue {
  switch (type.kind) {
    case 'int': return readInt(buf, at, type.size, type.signed === true, type.bool === true)
    case 'enum': {
      const n = readInt(buf, at, type.size, type.signed === true, false)
      return type.values?.find((v) => v.value === n)?.name ?? n
    }
    case 'array': {
      const el = type.element
      if (!el || el.size === 0) return hex(buf, at, type.size)
      const out: BtfValue[] = []
      for (let i = 0; i < (type.length ?? 0); i++) out.push(decodeBtf(el, buf, at + i * el.size))
      return out
    }
    case 'struct': case 'union': {
      const out: {[field: string]: BtfValue} = {}
      for (const m of type.members ?? []) {
        const name = m.name || `_${m.offset}`
        out[name] = m.bitSize ? readBits(buf, at, m.bitOffset ?? 0, m.bitSize) : decodeBtf(m.type, buf, at + m.offset)
      }
      return out
    }
    default: return hex(buf, at, type.size)
  }
}

/** One line for a table cell: `a=1 b={c=2 d=3} e=[1 2]`. */
export function formatBtfValue(v: BtfValue): string {
  if (Array.isArray(v)) return `[${v.map(formatBtfValue).join(' ')}]`
  if (typeof v === 'object') return Object.entries(v).map(([k, x]) => `${k}=${isComposite(x) ? `{${formatBtfValue(x)}}` : formatBtfValue(x)}`).join(' ')
  return String(v)
}

function isComposite(v: BtfValue): boolean {
  return typeof v === 'object' && !Array.isArray(v)
}

function readInt(buf: Buffer, at: number, size: number, signed: boolean, bool: boolean): number | string | boolean {
  if (at + size > buf.length) return ''
  let n: number | bigint
  switch (size) {
    case 1: n = signed ? buf.readInt8(at) : buf[at]; break
    case 2: n = signed ? buf.readInt16LE(at) : buf.readUInt16LE(at); break
    case 4: n = signed ? buf.readInt32LE(at) : buf.readUInt32LE(at); break
    case 8: n = signed ? buf.readBigInt64LE(at) : buf.readBigUInt64LE(at); break
    default: return hex(buf, at, size)
  }
  if (bool) return n !== 0
  if (typeof n === 'bigint') return n <= BigInt(Number.MAX_SAFE_INTEGER) && n >= -BigInt(Number.MAX_SAFE_INTEGER) ? Number(n) : n.toString()
  return n
}

function readBits(buf: Buffer, at: number, bitOffset: number, bitSize: number): number {
  let v = 0
  for (let i = bitSize - 1; i >= 0; i--) {
    const bit = bitOffset + i
    v = v * 2 + ((buf[at + (bit >> 3)] >> (bit & 7)) & 1)
  }
  return v
}

function hex(buf: Buffer, at: number, size: number): string {
  return buf.subarray(at, at + size).toString('hex')
}
