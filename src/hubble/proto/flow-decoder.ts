/**
 * A hand-written decoder of GetFlowsResponse for the client's hot path (`hubble observe`
 * over a stream): the same objects as the generated `observer.GetFlowsResponse.decode`
 * (the generated classes, the same fields set, the same zero-value and oneof rules), in
 * about half its time. The generated code calls a reader method per varint and per string,
 * builds strings of 13+ characters as ropes that every later use flattens again, and runs a
 * oneof setter that loops over the members for each oneof field.
 *
 * It covers the messages a flow usually carries (Flow, Endpoint, Layer4, Layer7 with HTTP and
 * DNS, and the small ones); the rare sub-messages (Emitter, Tunnel, Policy, FileInfo, ...) go
 * to their generated decoders on the same bytes. Anything off the usual path (a field this
 * decoder does not know, an unexpected wire type, a varint longer than it reads, a string
 * that is not valid UTF-8, a truncated message) makes it give up, and the whole message
 * is decoded again by the generated code: its result, or its error, is the answer.
 */
import $protobuf from 'protobufjs/minimal.js'
import {flow, google, observer, relay} from './index.js'

// Thrown to leave the fast path; never escapes this module.
const giveUp = new Error('decode the generated way')

// The message being decoded and the read position: module state, so the readers below are
// plain functions V8 inlines (one decode runs at a time; nothing here awaits).
let b: Uint8Array = new Uint8Array(0)
let p = 0
let reader: $protobuf.Reader | undefined

// Strings of up to 64 ASCII bytes are kept in a small table by a hash of a few of their bytes: flows
// repeat names, addresses and namespaces, and a hit costs a compare instead of a new string.
const tableSize = 4096
const maxInterned = 64
const table: Array<string | undefined> = new Array<string | undefined>(tableSize).fill(undefined)
const tableLengths = new Int32Array(tableSize)
const tableBytes = new Uint8Array(tableSize * maxInterned)
const strictUtf8 = new TextDecoder('utf-8', {fatal: true, ignoreBOM: true})

function varint32(): number {
  let x = b[p++]!
  if (x < 0x80) return x
  let v = x & 0x7f
  x = b[p++]!
  v |= (x & 0x7f) << 7
  if (x < 0x80) return v
  x = b[p++]!
  v |= (x & 0x7f) << 14
  if (x < 0x80) return v
  x = b[p++]!
  v |= (x & 0x7f) << 21
  if (x < 0x80) return v
  x = b[p++]!
  // A fifth byte with more than 4 bits (a negative int32, or more bytes) is left to protobufjs.
  if (x < 0x10) return (v | (x << 28)) >>> 0
  throw giveUp
}

/** A varint of up to 7 bytes (below 2^49) as a number, what protobufjs gives for such a 64-bit value here. */
function varint49(): number {
  let v = 0
  let scale = 1
  for (let i = 0; i < 7; i++) {
    const x = b[p++]!
    v += (x & 0x7f) * scale
    if (x < 0x80) return v
    scale *= 128
  }
  throw giveUp
}

/** Reads a length prefix; returns where the field ends (checked against the enclosing end). */
function fieldEnd(end: number): number {
  const len = varint32()
  const e = p + len
  if (e > end || p > end) throw giveUp
  return e
}

function string(end: number): string {
  const e = fieldEnd(end)
  const s = p
  const len = e - s
  p = e
  if (len === 0) return ''
  const buf = b
  if (len > maxInterned) return fresh(s, e)
  // A hash of a few bytes is enough: a hit is compared byte for byte.
  const slot = (Math.imul(Math.imul(len ^ buf[s]!, 0x01000193) ^ buf[e - 1]!, 0x01000193) ^ buf[s + (len >> 1)]! ^ (buf[e - 2]! << 7)) & (tableSize - 1)
  // The bytes of the string in the slot are kept too: comparing bytes with bytes is about
  // twice as fast as comparing them with the string's characters.
  const base = slot * maxInterned
  if (tableLengths[slot] === len) {
    let i = 0
    while (i < len && tableBytes[base + i] === buf[s + i]) i++
    if (i === len) return table[slot]!
  }
  const str = fresh(s, e)
  // Only ASCII is kept (the same length in characters as in bytes).
  if (str.length === len) {
    table[slot] = str
    tableLengths[slot] = len
    tableBytes.set(buf.subarray(s, e), base)
  }
  return str
}

/** A new string of the bytes: ASCII directly, anything else through a strict UTF-8 decoder. */
function fresh(s: number, e: number): string {
  const buf = b
  let high = 0
  for (let i = s; i < e; i++) high |= buf[i]!
  if (high >= 0x80) {
    try {
      return strictUtf8.decode(buf.subarray(s, e))
    } catch {
      throw giveUp
    }
  }
  return ascii(s, e)
}

// A flat string of ASCII bytes.
function ascii(s: number, e: number): string {
  const buf = b as Uint8Array & {latin1Slice?: (start: number, end: number) => string}
  if (e - s > 12 && buf.latin1Slice !== undefined) return buf.latin1Slice(s, e)
  let str = ''
  for (let i = s; i < e; i++) str += String.fromCharCode(b[i]!)
  return str
}

interface GeneratedType<T> {
  decode(r: $protobuf.Reader, length: number, end: undefined, depth: number, target?: T): T
}

/** A sub-message this module does not decode: the generated decoder, on the same bytes. */
function generated<T>(type: GeneratedType<T>, end: number, depth: number, target?: T | null): T {
  const e = fieldEnd(end)
  const r = reader ??= $protobuf.Reader.create(b)
  r.pos = p
  const m = type.decode(r, e - p, undefined, depth, target ?? undefined)
  p = r.pos
  return m
}

// Wire types: 0 varint, 2 length-delimited. A field number with another wire type gives up.
const VARINT = 0, LEN = 2

function getFlowsResponse(end: number): observer.GetFlowsResponse {
  const m = new observer.GetFlowsResponse()
  while (p < end) {
    const tag = varint32()
    if ((tag & 7) !== LEN) throw giveUp
    switch (tag >>> 3) {
      case 1:
        m.flow = flowMessage(fieldEnd(end), m.flow)
        if (m.nodeStatus !== null) delete (m as Partial<observer.GetFlowsResponse>).nodeStatus
        if (m.lostEvents !== null) delete (m as Partial<observer.GetFlowsResponse>).lostEvents
        break
      case 2:
        m.nodeStatus = generated(relay.NodeStatusEvent, end, 1, m.nodeStatus)
        if (m.flow !== null) delete (m as Partial<observer.GetFlowsResponse>).flow
        if (m.lostEvents !== null) delete (m as Partial<observer.GetFlowsResponse>).lostEvents
        break
      case 3:
        m.lostEvents = generated(flow.LostEvent, end, 1, m.lostEvents)
        if (m.flow !== null) delete (m as Partial<observer.GetFlowsResponse>).flow
        if (m.nodeStatus !== null) delete (m as Partial<observer.GetFlowsResponse>).nodeStatus
        break
      case 1000: {
        const v = string(end)
        if (v.length) m.nodeName = v
        else delete (m as Partial<observer.GetFlowsResponse>).nodeName
        break
      }
      case 1001:
        m.time = timestamp(fieldEnd(end), m.time)
        break
      default: throw giveUp
    }
  }
  if (p !== end) throw giveUp
  return m
}

// The readers of the generated code's rules: a zero value read deletes the field (proto3:
// absent), a message field read twice merges into the first, a repeated field appends.
type Fields<T> = {-readonly [K in keyof T]?: T[K]}

function timestamp(end: number, target: google.protobuf.Timestamp.$Properties | null | undefined): google.protobuf.Timestamp {
  const m = (target ?? new google.protobuf.Timestamp()) as google.protobuf.Timestamp
  const o = m as Fields<google.protobuf.Timestamp>
  while (p < end) {
    const tag = varint32()
    if ((tag & 7) !== VARINT) throw giveUp
    switch (tag >>> 3) {
      case 1: {
        const v = varint49()
        if (v !== 0) m.seconds = v
        else delete o.seconds
        break
      }
      case 2: {
        const v = varint32() | 0
        if (v) m.nanos = v
        else delete o.nanos
        break
      }
      default: throw giveUp
    }
  }
  if (p !== end) throw giveUp
  return m
}

function flowMessage(end: number, target: flow.Flow.$Properties | null | undefined): flow.Flow {
  const m = (target ?? new flow.Flow()) as flow.Flow
  const o = m as Fields<flow.Flow>
  while (p < end) {
    const tag = varint32()
    const wire = tag & 7
    const id = tag >>> 3
    if (wire === VARINT) {
      switch (id) {
        case 2: { const v = varint32() | 0; if (v) m.verdict = v; else delete o.verdict; break }
        case 3: { const v = varint32(); if (v) m.dropReason = v; else delete o.dropReason; break }
        case 35: { const v = varint32() | 0; if (v) m.authType = v; else delete o.authType; break }
        case 10: { const v = varint32() | 0; if (v) m.Type = v; else delete o.Type; break }
        case 16: { const v = varint32() !== 0; if (v) m.reply = v; else delete o.reply; break }
        case 22: { const v = varint32() | 0; if (v) m.trafficDirection = v; else delete o.trafficDirection; break }
        case 23: { const v = varint32(); if (v) m.policyMatchType = v; else delete o.policyMatchType; break }
        case 24: { const v = varint32() | 0; if (v) m.traceObservationPoint = v; else delete o.traceObservationPoint; break }
        case 36: { const v = varint32() | 0; if (v) m.traceReason = v; else delete o.traceReason; break }
        case 25: { const v = varint32() | 0; if (v) m.dropReasonDesc = v; else delete o.dropReasonDesc; break }
        case 27: { const v = varint32() | 0; if (v) m.debugCapturePoint = v; else delete o.debugCapturePoint; break }
        case 29: { const v = varint32(); if (v) m.proxyPort = v; else delete o.proxyPort; break }
        case 31: { const v = varint32() | 0; if (v) m.sockXlatePoint = v; else delete o.sockXlatePoint; break }
        case 32: { const v = varint49(); if (v !== 0) m.socketCookie = v; else delete o.socketCookie; break }
        case 33: { const v = varint49(); if (v !== 0) m.cgroupId = v; else delete o.cgroupId; break }
        default: throw giveUp
      }
      continue
    }
    if (wire !== LEN) throw giveUp
    switch (id) {
      case 1: m.time = timestamp(fieldEnd(end), m.time); break
      case 34: { const v = string(end); if (v.length) m.uuid = v; else delete o.uuid; break }
      case 41: m.emitter = generated(flow.Emitter, end, 2, m.emitter); break
      case 4: m.ethernet = ethernet(fieldEnd(end), m.ethernet); break
      case 5: m.IP = ip(fieldEnd(end), m.IP); break
      case 6: m.l4 = layer4(fieldEnd(end), m.l4); break
      case 39: m.tunnel = generated(flow.Tunnel, end, 2, m.tunnel); break
      case 8: m.source = endpoint(fieldEnd(end), m.source); break
      case 9: m.destination = endpoint(fieldEnd(end), m.destination); break
      case 11: { const v = string(end); if (v.length) m.nodeName = v; else delete o.nodeName; break }
      case 37: m.nodeLabels.push(string(end)); break
      case 13: m.sourceNames.push(string(end)); break
      case 14: m.destinationNames.push(string(end)); break
      case 15: m.l7 = layer7(fieldEnd(end), m.l7); break
      case 19: m.eventType = eventType(fieldEnd(end), m.eventType); break
      case 20: m.sourceService = service(fieldEnd(end), m.sourceService); break
      case 21: m.destinationService = service(fieldEnd(end), m.destinationService); break
      case 38: m.file = generated(flow.FileInfo, end, 2, m.file); break
      case 40: m.ipTraceId = ipTraceId(fieldEnd(end), m.ipTraceId); break
      case 26: m.isReply = boolValue(fieldEnd(end), m.isReply); break
      case 28: m.interface = generated(flow.NetworkInterface, end, 2, m.interface); break
      case 30: m.traceContext = generated(flow.TraceContext, end, 2, m.traceContext); break
      case 100000: { const v = string(end); if (v.length) m.Summary = v; else delete o.Summary; break }
      case 150000: m.extensions = generated(google.protobuf.Any, end, 2, m.extensions); break
      case 21001: m.egressAllowedBy.push(generated(flow.Policy, end, 2)); break
      case 21002: m.ingressAllowedBy.push(generated(flow.Policy, end, 2)); break
      case 21004: m.egressDeniedBy.push(generated(flow.Policy, end, 2)); break
      case 21005: m.ingressDeniedBy.push(generated(flow.Policy, end, 2)); break
      case 21006: m.policyLog.push(string(end)); break
      case 21007: m.aggregate = generated(flow.Aggregate, end, 2, m.aggregate); break
      default: throw giveUp
    }
  }
  if (p !== end) throw giveUp
  return m
}

function ethernet(end: number, target: flow.Ethernet.$Properties | null | undefined): flow.Ethernet {
  const m = (target ?? new flow.Ethernet()) as flow.Ethernet
  const o = m as Fields<flow.Ethernet>
  while (p < end) {
    const tag = varint32()
    if ((tag & 7) !== LEN) throw giveUp
    const v = string(end)
    switch (tag >>> 3) {
      case 1: if (v.length) m.source = v; else delete o.source; break
      case 2: if (v.length) m.destination = v; else delete o.destination; break
      default: throw giveUp
    }
  }
  if (p !== end) throw giveUp
  return m
}

function ip(end: number, target: flow.IP.$Properties | null | undefined): flow.IP {
  const m = (target ?? new flow.IP()) as flow.IP
  const o = m as Fields<flow.IP>
  while (p < end) {
    const tag = varint32()
    const wire = tag & 7
    switch (tag >>> 3) {
      case 1: { if (wire !== LEN) throw giveUp; const v = string(end); if (v.length) m.source = v; else delete o.source; break }
      case 2: { if (wire !== LEN) throw giveUp; const v = string(end); if (v.length) m.destination = v; else delete o.destination; break }
      case 5: { if (wire !== LEN) throw giveUp; const v = string(end); if (v.length) m.sourceXlated = v; else delete o.sourceXlated; break }
      case 3: { if (wire !== VARINT) throw giveUp; const v = varint32() | 0; if (v) m.ipVersion = v; else delete o.ipVersion; break }
      case 4: { if (wire !== VARINT) throw giveUp; const v = varint32() !== 0; if (v) m.encrypted = v; else delete o.encrypted; break }
      default: throw giveUp
    }
  }
  if (p !== end) throw giveUp
  return m
}

/** TCP, UDP and SCTP (ports) and ICMPv4/v6 (type, code): two uint32 fields 1 and 2, TCP's flags as 3. */
interface TwoNumbers { [k: string]: unknown }
function twoNumbers<T extends object>(end: number, m: T, first: keyof T & string, second: keyof T & string, withFlags: boolean): T {
  const o = m as unknown as TwoNumbers
  while (p < end) {
    const tag = varint32()
    const wire = tag & 7
    const id = tag >>> 3
    if (id === 3 && withFlags) {
      if (wire !== LEN) throw giveUp
      const t = m as unknown as flow.TCP
      t.flags = tcpFlags(fieldEnd(end), t.flags)
      continue
    }
    if (wire !== VARINT || (id !== 1 && id !== 2)) throw giveUp
    const name = id === 1 ? first : second
    const v = varint32()
    if (v) o[name] = v
    else delete o[name]
  }
  if (p !== end) throw giveUp
  return m
}

const tcpFlagNames = ['', 'FIN', 'SYN', 'RST', 'PSH', 'ACK', 'URG', 'ECE', 'CWR', 'NS'] as const

function tcpFlags(end: number, target: flow.TCPFlags.$Properties | null | undefined): flow.TCPFlags {
  const m = (target ?? new flow.TCPFlags()) as flow.TCPFlags
  const o = m as unknown as Record<string, boolean>
  while (p < end) {
    const tag = varint32()
    const id = tag >>> 3
    if ((tag & 7) !== VARINT || id < 1 || id > 9) throw giveUp
    const name = tcpFlagNames[id]!
    if (varint32() !== 0) o[name] = true
    else delete o[name]
  }
  if (p !== end) throw giveUp
  return m
}

const layer4Members = ['TCP', 'UDP', 'ICMPv4', 'ICMPv6', 'SCTP', 'VRRP', 'IGMP'] as const

function layer4(end: number, target: flow.Layer4.$Properties | null | undefined): flow.Layer4 {
  const m = (target ?? new flow.Layer4()) as flow.Layer4
  while (p < end) {
    const tag = varint32()
    const id = tag >>> 3
    if ((tag & 7) !== LEN) throw giveUp
    switch (id) {
      case 1: m.TCP = twoNumbers(fieldEnd(end), m.TCP ?? new flow.TCP(), 'sourcePort', 'destinationPort', true); break
      case 2: m.UDP = twoNumbers(fieldEnd(end), m.UDP ?? new flow.UDP(), 'sourcePort', 'destinationPort', false); break
      case 3: m.ICMPv4 = twoNumbers(fieldEnd(end), m.ICMPv4 ?? new flow.ICMPv4(), 'type', 'code', false); break
      case 4: m.ICMPv6 = twoNumbers(fieldEnd(end), m.ICMPv6 ?? new flow.ICMPv6(), 'type', 'code', false); break
      case 5: m.SCTP = twoNumbers(fieldEnd(end), m.SCTP ?? new flow.SCTP(), 'sourcePort', 'destinationPort', false); break
      case 6: m.VRRP = generated(flow.VRRP, end, 3, m.VRRP); break
      case 7: m.IGMP = generated(flow.IGMP, end, 3, m.IGMP); break
      default: throw giveUp
    }
    // The oneof: setting one member removes the others.
    const own = m as unknown as Record<string, unknown>
    for (let i = 0; i < layer4Members.length; i++) if (i !== id - 1 && own[layer4Members[i]!] !== null) delete own[layer4Members[i]!]
  }
  if (p !== end) throw giveUp
  return m
}

function endpoint(end: number, target: flow.Endpoint.$Properties | null | undefined): flow.Endpoint {
  const m = (target ?? new flow.Endpoint()) as flow.Endpoint
  const o = m as Fields<flow.Endpoint>
  while (p < end) {
    const tag = varint32()
    const wire = tag & 7
    switch (tag >>> 3) {
      case 1: { if (wire !== VARINT) throw giveUp; const v = varint32(); if (v) m.ID = v; else delete o.ID; break }
      case 2: { if (wire !== VARINT) throw giveUp; const v = varint32(); if (v) m.identity = v; else delete o.identity; break }
      case 7: { if (wire !== LEN) throw giveUp; const v = string(end); if (v.length) m.clusterName = v; else delete o.clusterName; break }
      case 3: { if (wire !== LEN) throw giveUp; const v = string(end); if (v.length) m.namespace = v; else delete o.namespace; break }
      case 4: if (wire !== LEN) throw giveUp; m.labels.push(string(end)); break
      case 5: { if (wire !== LEN) throw giveUp; const v = string(end); if (v.length) m.podName = v; else delete o.podName; break }
      case 6: if (wire !== LEN) throw giveUp; m.workloads.push(workload(fieldEnd(end))); break
      default: throw giveUp
    }
  }
  if (p !== end) throw giveUp
  return m
}

function workload(end: number): flow.Workload {
  const m = new flow.Workload()
  const o = m as Fields<flow.Workload>
  while (p < end) {
    const tag = varint32()
    if ((tag & 7) !== LEN) throw giveUp
    const v = string(end)
    switch (tag >>> 3) {
      case 1: if (v.length) m.name = v; else delete o.name; break
      case 2: if (v.length) m.kind = v; else delete o.kind; break
      default: throw giveUp
    }
  }
  if (p !== end) throw giveUp
  return m
}

function eventType(end: number, target: flow.CiliumEventType.$Properties | null | undefined): flow.CiliumEventType {
  const m = (target ?? new flow.CiliumEventType()) as flow.CiliumEventType
  const o = m as Fields<flow.CiliumEventType>
  while (p < end) {
    const tag = varint32()
    if ((tag & 7) !== VARINT) throw giveUp
    const v = varint32() | 0
    switch (tag >>> 3) {
      case 1: if (v) m.type = v; else delete o.type; break
      case 2: if (v) m.subType = v; else delete o.subType; break
      default: throw giveUp
    }
  }
  if (p !== end) throw giveUp
  return m
}

function service(end: number, target: flow.Service.$Properties | null | undefined): flow.Service {
  const m = (target ?? new flow.Service()) as flow.Service
  const o = m as Fields<flow.Service>
  while (p < end) {
    const tag = varint32()
    if ((tag & 7) !== LEN) throw giveUp
    const v = string(end)
    switch (tag >>> 3) {
      case 1: if (v.length) m.name = v; else delete o.name; break
      case 2: if (v.length) m.namespace = v; else delete o.namespace; break
      default: throw giveUp
    }
  }
  if (p !== end) throw giveUp
  return m
}

function ipTraceId(end: number, target: flow.IPTraceID.$Properties | null | undefined): flow.IPTraceID {
  const m = (target ?? new flow.IPTraceID()) as flow.IPTraceID
  const o = m as Fields<flow.IPTraceID>
  while (p < end) {
    const tag = varint32()
    if ((tag & 7) !== VARINT) throw giveUp
    switch (tag >>> 3) {
      case 1: { const v = varint49(); if (v !== 0) m.traceId = v; else delete o.traceId; break }
      case 2: { const v = varint32(); if (v) m.ipOptionType = v; else delete o.ipOptionType; break }
      default: throw giveUp
    }
  }
  if (p !== end) throw giveUp
  return m
}

function boolValue(end: number, target: google.protobuf.BoolValue.$Properties | null | undefined): google.protobuf.BoolValue {
  const m = (target ?? new google.protobuf.BoolValue()) as google.protobuf.BoolValue
  while (p < end) {
    const tag = varint32()
    if (tag !== 8) throw giveUp
    if (varint32() !== 0) m.value = true
    else delete (m as Fields<google.protobuf.BoolValue>).value
  }
  if (p !== end) throw giveUp
  return m
}

function layer7(end: number, target: flow.Layer7.$Properties | null | undefined): flow.Layer7 {
  const m = (target ?? new flow.Layer7()) as flow.Layer7
  const o = m as Fields<flow.Layer7>
  while (p < end) {
    const tag = varint32()
    const wire = tag & 7
    switch (tag >>> 3) {
      case 1: { if (wire !== VARINT) throw giveUp; const v = varint32() | 0; if (v) m.type = v; else delete o.type; break }
      case 2: { if (wire !== VARINT) throw giveUp; const v = varint49(); if (v !== 0) m.latencyNs = v; else delete o.latencyNs; break }
      case 100:
        if (wire !== LEN) throw giveUp
        m.dns = dns(fieldEnd(end), m.dns)
        if (m.http !== null) delete o.http
        if (m.kafka !== null) delete o.kafka
        break
      case 101:
        if (wire !== LEN) throw giveUp
        m.http = http(fieldEnd(end), m.http)
        if (m.dns !== null) delete o.dns
        if (m.kafka !== null) delete o.kafka
        break
      case 102:
        if (wire !== LEN) throw giveUp
        m.kafka = generated(flow.Kafka, end, 3, m.kafka)
        if (m.dns !== null) delete o.dns
        if (m.http !== null) delete o.http
        break
      default: throw giveUp
    }
  }
  if (p !== end) throw giveUp
  return m
}

function http(end: number, target: flow.HTTP.$Properties | null | undefined): flow.HTTP {
  const m = (target ?? new flow.HTTP()) as flow.HTTP
  const o = m as Fields<flow.HTTP>
  while (p < end) {
    const tag = varint32()
    const wire = tag & 7
    switch (tag >>> 3) {
      case 1: { if (wire !== VARINT) throw giveUp; const v = varint32(); if (v) m.code = v; else delete o.code; break }
      case 2: { if (wire !== LEN) throw giveUp; const v = string(end); if (v.length) m.method = v; else delete o.method; break }
      case 3: { if (wire !== LEN) throw giveUp; const v = string(end); if (v.length) m.url = v; else delete o.url; break }
      case 4: { if (wire !== LEN) throw giveUp; const v = string(end); if (v.length) m.protocol = v; else delete o.protocol; break }
      case 5: if (wire !== LEN) throw giveUp; m.headers.push(httpHeader(fieldEnd(end))); break
      default: throw giveUp
    }
  }
  if (p !== end) throw giveUp
  return m
}

function httpHeader(end: number): flow.HTTPHeader {
  const m = new flow.HTTPHeader()
  const o = m as Fields<flow.HTTPHeader>
  while (p < end) {
    const tag = varint32()
    if ((tag & 7) !== LEN) throw giveUp
    const v = string(end)
    switch (tag >>> 3) {
      case 1: if (v.length) m.key = v; else delete o.key; break
      case 2: if (v.length) m.value = v; else delete o.value; break
      default: throw giveUp
    }
  }
  if (p !== end) throw giveUp
  return m
}

function dns(end: number, target: flow.DNS.$Properties | null | undefined): flow.DNS {
  const m = (target ?? new flow.DNS()) as flow.DNS
  const o = m as Fields<flow.DNS>
  while (p < end) {
    const tag = varint32()
    const wire = tag & 7
    const id = tag >>> 3
    if (id === 3 || id === 6) {
      if (wire !== VARINT) throw giveUp
      const v = varint32()
      if (id === 3) {
        if (v) m.ttl = v
        else delete o.ttl
      } else if (v) m.rcode = v
      else delete o.rcode
      continue
    }
    if (wire !== LEN) throw giveUp
    switch (id) {
      case 1: { const v = string(end); if (v.length) m.query = v; else delete o.query; break }
      case 2: m.ips.push(string(end)); break
      case 4: m.cnames.push(string(end)); break
      case 5: { const v = string(end); if (v.length) m.observationSource = v; else delete o.observationSource; break }
      case 7: m.qtypes.push(string(end)); break
      case 8: m.rrtypes.push(string(end)); break
      default: throw giveUp
    }
  }
  if (p !== end) throw giveUp
  return m
}

/**
 * Decodes one GetFlowsResponse message: the generated decoder's result (or error) for the
 * same bytes, faster for the messages a Hubble server streams.
 */
export function decodeGetFlowsResponse(bytes: Uint8Array): observer.GetFlowsResponse {
  return decodeUsualGetFlowsResponse(bytes) ?? observer.GetFlowsResponse.decode(bytes)
}

/** The fast path alone: undefined where it gives up (then only the generated decoder knows). */
export function decodeUsualGetFlowsResponse(bytes: Uint8Array): observer.GetFlowsResponse | undefined {
  b = bytes
  p = 0
  reader = undefined
  try {
    return getFlowsResponse(bytes.length)
  } catch (err) {
    // Bad bytes end in giveUp or a generated sub-decoder's error (the generated decoder then says what is wrong);
    // a TypeError or ReferenceError is a bug of this module, which a silent fallback would hide.
    if (err instanceof TypeError || err instanceof ReferenceError) throw err
    return undefined
  } finally {
    b = empty
    reader = undefined
  }
}

const empty = new Uint8Array(0)
