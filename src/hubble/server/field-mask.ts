/**
 * GetFlowsRequest.field_mask applied to the encoded bytes a ring entry holds: the flow of a
 * GetFlowsResponse keeps only the masked fields (hubble.md §1.3: a parent path keeps the whole
 * sub-message, `source.identity` keeps one field of it), node_name and time stay, lost events
 * are not masked. Working on the wire bytes copies the kept fields as they are, with no
 * decode/encode round trip, so a mask makes a flow cheaper to send, not dearer.
 */
import {messages} from '../codec/schema.js'
import {InvalidRequestError} from './observer.js'

/** Field number -> `true` (keep the whole field) or the mask of the sub-message. */
type MaskTree = Map<number, MaskTree | true>

const FLOW_FIELD = 1  // GetFlowsResponse.flow

/**
 * The projection of encoded GetFlowsResponses for the mask's paths (proto names, dot-separated,
 * relative to flow.Flow); undefined when there is nothing to mask (no paths). Throws
 * InvalidRequestError for a path that names no field. What it returns is a view of a scratch
 * buffer, valid until its next call (a sink copies it into its batch at once).
 */
export function compileFieldMask(paths: readonly string[] | null | undefined): ((response: Uint8Array) => Uint8Array) | undefined {
  if (!paths || paths.length === 0) return undefined
  const root: MaskTree = new Map()
  for (const path of paths) {
    let node = root
    let type = 'flow.Flow'
    const parts = path.split('.')
    for (let i = 0; i < parts.length; i++) {
      const field = messages[type]?.find((f) => f.name === parts[i])
      if (!field || (i < parts.length - 1 && (field.kind !== 'message' || field.repeated))) {
        throw new InvalidRequestError(`invalid fieldmask: proto: invalid path ${JSON.stringify(path)} for message "flow.Flow"`)
      }
      const existing = node.get(field.id)
      if (existing === true) break  // a parent path already keeps all of it
      if (i === parts.length - 1) {
        node.set(field.id, true)
        break
      }
      let child = existing
      if (!child) {
        child = new Map()
        node.set(field.id, child)
      }
      node = child
      type = field.type
    }
  }
  const flowMask = toTable(root)
  let scratch = new Uint8Array(4096)
  return (response) => {
    const flowAt = findFlow(response)
    if (flowAt < 0) return response
    // The masked response is never longer than the original (a shorter payload never needs a longer length).
    if (scratch.length < response.length) scratch = new Uint8Array(response.length * 2)
    let o = copy(response, 0, flowAt, scratch, 0)
    const rest = fieldEnd
    o = maskField(response, flowAt, flowMask, scratch, o)
    o = copy(response, rest, response.length, scratch, o)
    return scratch.subarray(0, o)
  }
}

/**
 * Per field number: 1 keep all of it, 0 drop it, or the table of the sub-message's fields.
 * Dense up to the highest number kept: a lookup past the end of a sparse array is V8's slow path.
 */
type MaskTable = Array<MaskTable | 0 | 1>

function toTable(tree: MaskTree): MaskTable {
  const table: MaskTable = new Array<0>(Math.max(...tree.keys()) + 1).fill(0)
  for (const [id, sub] of tree) table[id] = sub === true ? 1 : toTable(sub)
  return table
}

// Scanning state of the readers below (no tuple per varint on this hot path).
let pos = 0
let fieldEnd = 0

// The offset of the GetFlowsResponse.flow field's tag (-1 if there is none); fieldEnd = its end.
function findFlow(buf: Uint8Array): number {
  let p = 0
  while (p < buf.length) {
    const fieldStart = p
    const tag = readVarint(buf, p)
    const next = skipValue(buf, pos, tag & 7)
    if (tag === ((FLOW_FIELD << 3) | 2)) {
      fieldEnd = next
      return fieldStart
    }
    p = next
  }
  return -1
}

/**
 * Copies the length-delimited field whose tag starts at `at` into out[o...], its payload
 * masked by `mask`; returns the end offset in `out`. A present sub-message stays present even
 * when none of its masked fields are set, as Go's copy does.
 */
function maskField(buf: Uint8Array, at: number, mask: MaskTable, out: Uint8Array, o: number): number {
  readVarint(buf, at)
  const lengthAt = pos
  const len = readVarint(buf, lengthAt)
  const payload = pos
  const end = payload + len
  o = copy(buf, at, lengthAt, out, o)  // the tag
  const reserved = payload - lengthAt
  const contentStart = o + reserved
  let w = contentStart
  let p = payload
  // Kept fields that follow each other are copied as one run.
  let runStart = p
  let runEnd = p
  while (p < end) {
    const fieldStart = p
    const tag = readVarint(buf, p)
    const wire = tag & 7
    const next = skipValue(buf, pos, wire)
    const id = tag >>> 3
    const keep = id < mask.length ? mask[id]! : 0
    if (keep === 1 || (keep !== 0 && wire !== 2)) {
      if (fieldStart !== runEnd) {
        w = copy(buf, runStart, runEnd, out, w)
        runStart = fieldStart
      }
      runEnd = next
    } else if (keep !== 0) {
      w = copy(buf, runStart, runEnd, out, w)
      w = maskField(buf, fieldStart, keep, out, w)
      runStart = runEnd = next
    }
    p = next
  }
  w = copy(buf, runStart, runEnd, out, w)
  const newLen = w - contentStart
  const lengthBytes = varintSize(newLen)
  if (lengthBytes < reserved) out.copyWithin(o + lengthBytes, contentStart, w)
  writeVarint(out, o, newLen)
  return o + lengthBytes + newLen
}

// Copies from[start, end) to to[o...]; returns the end offset in `to`. A loop for short runs,
// where subarray() + set() costs more than the copy itself.
function copy(from: Uint8Array, start: number, end: number, to: Uint8Array, o: number): number {
  if (end - start > 32) {
    to.set(from.subarray(start, end), o)
    return o + end - start
  }
  for (let i = start; i < end; i++) to[o++] = from[i]!
  return o
}

// Reads a varint at p; the offset after it goes to `pos`.
function readVarint(buf: Uint8Array, p: number): number {
  let b = buf[p++]!
  if (b < 0x80) {
    pos = p
    return b
  }
  let value = b & 0x7f
  let scale = 128
  for (;;) {
    if (p >= buf.length) throw new RangeError('truncated varint')
    b = buf[p++]!
    value += (b & 0x7f) * scale
    if (b < 0x80) {
      pos = p
      return value
    }
    scale *= 128
  }
}

// The offset after the value that starts at p.
function skipValue(buf: Uint8Array, p: number, wire: number): number {
  switch (wire) {
    case 0:
      readVarint(buf, p)
      return pos
    case 1: return p + 8
    case 2: return readVarint(buf, p) + pos
    case 5: return p + 4
    default: throw new RangeError(`unsupported wire type ${wire}`)
  }
}

function varintSize(n: number): number {
  let size = 1
  while (n >= 0x80) {
    n = Math.floor(n / 128)
    size++
  }
  return size
}

function writeVarint(buf: Uint8Array, p: number, n: number): number {
  while (n >= 0x80) {
    buf[p++] = (n & 0x7f) | 0x80
    n = Math.floor(n / 128)
  }
  buf[p++] = n
  return p
}
