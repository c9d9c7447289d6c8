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
  return !paths || paths.length === 0 ? undefined : compileFlowProjection(paths)
}

/**
 * The same projection for any list of paths: with none, the flow stays present but empty (what
 * a filter that reads no field needs). With `flowOnly`, the response keeps nothing but its flow.
 */
export function compileFlowProjection(paths: readonly string[], flowOnly = false): (response: Uint8Array) => Uint8Array {
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
  return projection(flowOnly ? [0, flowMask] /* field 1 only: the flow */ : responseMask(flowMask))
}

/**
 * The projection of encoded GetFlowsResponses by the response's mask table: returns a view of a
 * scratch buffer, valid until its next call.
 */
function projection(mask: MaskTable): (response: Uint8Array) => Uint8Array {
  let scratch = new Uint8Array(4096)
  return (response) => {
    // The masked response is never longer than the original (a shorter payload never needs a longer length).
    if (scratch.length < response.length) scratch = new Uint8Array(response.length * 2)
    const end = maskMessage(response, 0, response.length, mask, scratch, 0)
    return scratch.subarray(0, end)
  }
}

// GetFlowsResponse: every field as it is (node_name and time are 1000 and 1001), but the flow masked.
const responseMasks = new WeakMap<MaskTable, MaskTable>()
function responseMask(flowMask: MaskTable): MaskTable {
  let m = responseMasks.get(flowMask)
  if (!m) {
    m = new Array<1>(2048).fill(1)
    m[FLOW_FIELD] = flowMask
    responseMasks.set(flowMask, m)
  }
  return m
}

/**
 * Per field number: 1 keep all of it, 0 drop it, or the table of the sub-message's fields.
 * Dense up to the highest number kept: a lookup past the end of a sparse array is V8's slow path.
 */
type MaskTable = Array<MaskTable | 0 | 1>

function toTable(tree: MaskTree): MaskTable {
  const table: MaskTable = new Array<0>(Math.max(-1, ...tree.keys()) + 1).fill(0)
  for (const [id, sub] of tree) table[id] = sub === true ? 1 : toTable(sub)
  return table
}

/**
 * Copies the fields of the message buf[start, end) that `mask` keeps into out[o...]; returns the
 * end offset in `out`. A field the mask keeps in part (a sub-message) keeps its tag, and its
 * payload is masked in turn; a present sub-message stays present even when none of its masked
 * fields are set, as Go's copy does. Field numbers past the end of a table are dropped. Varints
 * are read inline (one or two bytes are the rule: tags of fields below 2048, short lengths).
 */
function maskMessage(buf: Uint8Array, start: number, end: number, mask: MaskTable, out: Uint8Array, o: number): number {
  let p = start
  // Kept fields that follow each other are copied as one run.
  let runStart = p
  let runEnd = p
  while (p < end) {
    const fieldStart = p
    let tag = buf[p++]!
    if (tag >= 0x80) {
      let b = buf[p++]!
      tag = (tag & 0x7f) | ((b & 0x7f) << 7)
      for (let shift = 14; b >= 0x80; shift += 7) {
        b = buf[p++]!
        tag += (b & 0x7f) * 2 ** shift
      }
    }
    const tagEnd = p
    const wire = tag & 7
    let payload = p
    let next: number
    if (wire === 2) {
      let len = buf[p++]!
      if (len >= 0x80) {
        let b = buf[p++]!
        len = (len & 0x7f) | ((b & 0x7f) << 7)
        for (let shift = 14; b >= 0x80; shift += 7) {
          b = buf[p++]!
          len += (b & 0x7f) * 2 ** shift
        }
      }
      payload = p
      next = p + len
    } else if (wire === 0) {
      while (buf[p++]! >= 0x80) { /* varint */ }
      next = p
    } else if (wire === 1) {
      next = p + 8
    } else if (wire === 5) {
      next = p + 4
    } else {
      throw new RangeError(`unsupported wire type ${wire}`)
    }
    if (next > end) throw new RangeError('truncated field')
    const id = tag >>> 3
    const keep = id < mask.length ? mask[id]! : 0
    if (keep === 1 || (keep !== 0 && wire !== 2)) {
      if (fieldStart !== runEnd) {
        o = copy(buf, runStart, runEnd, out, o)
        runStart = fieldStart
      }
      runEnd = next
    } else if (keep !== 0) {
      o = copy(buf, runStart, runEnd, out, o)
      runStart = runEnd = next
      // The tag, then room for the length as long as it was (a masked payload is never longer).
      o = copy(buf, fieldStart, tagEnd, out, o)
      const reserved = payload - tagEnd
      const contentStart = o + reserved
      const w = maskMessage(buf, payload, next, keep, out, contentStart)
      const newLen = w - contentStart
      const lengthBytes = varintSize(newLen)
      if (lengthBytes < reserved) out.copyWithin(o + lengthBytes, contentStart, w)
      writeVarint(out, o, newLen)
      o += lengthBytes + newLen
    }
    p = next
  }
  return copy(buf, runStart, runEnd, out, o)
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
