/**
 * The packet texts of `cilium monitor` (pkg/monitor dissect): the one-line connection summary
 * (`10.0.1.5:41324 -> 10.0.2.7:80 tcp SYN`, `10.0.0.1 -> 10.0.0.2 EchoRequest`), and for -vv
 * a hex dump (--hex) or one line per decoded layer. Headers are read by summarizePacket
 * (src/datapath/events.ts); ICMP type-codes print as gopacket names them.
 */
import {summarizePacket, type PacketSummary} from '../datapath/events.js'

/** How the captured bytes start: flags of the trace/drop/verdict record. */
export interface DecodeOpts {
  /** No Ethernet header: the capture starts at the IP header. */
  l3Device?: boolean
  ipv6?: boolean
}

const icmp4Types: Record<number, [string, Record<number, string>?]> = {
  0: ['EchoReply'], 3: ['DestinationUnreachable', {0: 'Net', 1: 'Host', 2: 'Protocol', 3: 'Port', 4: 'FragmentationNeeded',
    5: 'SourceRoutingFailed', 6: 'NetUnknown', 7: 'HostUnknown', 8: 'SourceIsolated', 9: 'NetAdminProhibited',
    10: 'HostAdminProhibited', 11: 'NetTOS', 12: 'HostTOS', 13: 'CommAdminProhibited', 14: 'HostPrecedence', 15: 'PrecedenceCutoff'}],
  4: ['SourceQuench'], 5: ['Redirect', {0: 'Network', 1: 'Host', 2: 'TOS+Network', 3: 'TOS+Host'}], 8: ['EchoRequest'],
  9: ['RouterAdvertisement'], 10: ['RouterSolicitation'], 11: ['TimeExceeded', {0: 'TTLExceeded', 1: 'FragmentReassemblyTimeExceeded'}],
  12: ['ParameterProblem', {0: 'PointerIndicatesError', 1: 'MissingOption', 2: 'BadLength'}], 13: ['TimestampRequest'],
  14: ['TimestampReply'], 15: ['InfoRequest'], 16: ['InfoReply'], 17: ['AddressMaskRequest'], 18: ['AddressMaskReply'],
}
const icmp6Types: Record<number, [string, Record<number, string>?]> = {
  1: ['DestinationUnreachable', {0: 'NoRouteToDst', 1: 'AdminProhibited', 2: 'BeyondScopeOfSrc', 3: 'AddressUnreachable',
    4: 'PortUnreachable', 5: 'SrcAddressFailedPolicy', 6: 'RejectRouteToDst'}],
  2: ['PacketTooBig'], 3: ['TimeExceeded', {0: 'HopLimitExceeded', 1: 'FragmentReassemblyTimeExceeded'}],
  4: ['ParameterProblem', {0: 'ErroneousHeaderField', 1: 'UnrecognizedNextHeader', 2: 'UnrecognizedIPv6Option'}],
  128: ['EchoRequest'], 129: ['EchoReply'], 130: ['MLDQuery'], 131: ['MLDReport'], 132: ['MLDDone'], 133: ['RouterSolicitation'],
  134: ['RouterAdvertisement'], 135: ['NeighborSolicitation'], 136: ['NeighborAdvertisement'], 137: ['Redirect'],
}

/** gopacket's ICMPv4TypeCode/ICMPv6TypeCode String(). */
export function icmpTypeCode(ipv6: boolean, type: number, code: number): string {
  const info = (ipv6 ? icmp6Types : icmp4Types)[type]
  if (!info) return `${type}(${code})`
  const [typeName, codes] = info
  if (!codes) return code === 0 ? typeName : `${typeName}(Code: ${code})`
  const codeName = codes[code]
  return codeName === undefined ? `${typeName}(Code: ${code})` : `${typeName}(${codeName})`
}

/** The captured bytes with an Ethernet header in front when the device had none, so one parser reads both. */
function withEthernet(data: Buffer, opts: DecodeOpts): Buffer {
  if (!opts.l3Device) return data
  const eth = Buffer.alloc(14)
  const v6 = data.length > 0 ? (data[0] >> 4) === 6 : opts.ipv6
  eth.writeUInt16BE(v6 ? 0x86dd : 0x0800, 12)
  return Buffer.concat([eth, data])
}

function hostPort(ip: string, port: number | undefined, ipv6: boolean): string {
  return ipv6 ? `[${ip}]:${port ?? 0}` : `${ip}:${port ?? 0}`
}

function mac(b: Buffer, at: number): string {
  return [...b.subarray(at, at + 6)].map((x) => x.toString(16).padStart(2, '0')).join(':')
}

const ethernetTypes: Record<number, string> = {0x0800: 'IPv4', 0x0806: 'ARP', 0x86dd: 'IPv6', 0x8100: 'Dot1Q', 0x88cc: 'LinkLayerDiscovery'}

const protoNames: Record<number, string> = {6: 'tcp', 17: 'udp', 132: 'sctp', 1: 'icmp', 58: 'icmp', 50: 'IPsecESP', 51: 'IPsecAH'}

function tcpFlagText(flags: number): string {
  return [['SYN', 0x02], ['ACK', 0x10], ['RST', 0x04], ['FIN', 0x01]].filter(([, bit]) => flags & (bit as number)).map(([n]) => n).join(', ')
}

/** GetConnectionSummary: what the one-line forms end with. */
export function connectionSummary(data: Buffer, opts: DecodeOpts = {}): string {
  const p = withEthernet(data, opts)
  const s: PacketSummary | undefined = summarizePacket(p)
  if (!s) {
    if (p.length >= 14) {
      const et = p.readUInt16BE(12)
      return `${mac(p, 6)} -> ${mac(p, 0)} ${ethernetTypes[et] ?? 'UnknownEthernetType'}`
    }
    return '[unknown]'
  }
  if (s.icmpType !== undefined) return `${s.src} -> ${s.dst} ${icmpTypeCode(s.ipv6, s.icmpType, s.icmpCode ?? 0)}`
  const proto = protoNames[s.protocol]
  if (proto && s.sport !== undefined) {
    const line = `${hostPort(s.src, s.sport, s.ipv6)} -> ${hostPort(s.dst, s.dport, s.ipv6)} ${proto}`
    return proto === 'tcp' ? `${line} ${tcpFlagText(s.tcpFlags ?? 0)}` : line
  }
  if (proto === 'IPsecESP' || proto === 'IPsecAH') return `${hostPort(s.src, 0, s.ipv6)} -> ${hostPort(s.dst, 0, s.ipv6)} ${proto}`
  return `${s.src} -> ${s.dst}`
}

/** The src/dst pairs of the monitor's JSON summary (DissectSummary l2, l3, l4); undefined without a packet. */
export function packetFlows(data: Buffer, opts: DecodeOpts = {}): Record<string, {src: string; dst: string}> | undefined {
  if (data.length === 0) return undefined
  const p = withEthernet(data, opts)
  const out: Record<string, {src: string; dst: string}> = {}
  if (!opts.l3Device && p.length >= 14) out.l2 = {src: mac(p, 6), dst: mac(p, 0)}
  const s = summarizePacket(p)
  if (s) {
    out.l3 = {src: s.src, dst: s.dst}
    if (s.sport !== undefined) out.l4 = {src: String(s.sport), dst: String(s.dport)}
  }
  return out
}

/** Go's hex.Dump: 16 bytes a line, offset, two groups of eight, then the printable characters. */
export function hexDump(data: Buffer): string {
  let out = ''
  for (let off = 0; off < data.length; off += 16) {
    const row = data.subarray(off, off + 16)
    let hex = ''
    for (let i = 0; i < 16; i++) {
      hex += i < row.length ? `${row[i].toString(16).padStart(2, '0')} ` : '   '
      if (i === 7) hex += ' '
    }
    const text = [...row].map((c) => (c >= 32 && c <= 126 ? String.fromCharCode(c) : '.')).join('')
    out += `${off.toString(16).padStart(8, '0')}  ${hex} |${text}|\n`
  }
  return out
}

/** One line per decoded layer (the -vv form without --hex): layer name and its main fields. */
export function dissectLayers(data: Buffer, opts: DecodeOpts = {}): string {
  const p = withEthernet(data, opts)
  const lines: string[] = []
  if (p.length < 14) return '  Packet has been truncated\n'
  if (!opts.l3Device) {
    const et = p.readUInt16BE(12)
    lines.push(`Ethernet\t{SrcMAC=${mac(p, 6)} DstMAC=${mac(p, 0)} EthernetType=${ethernetTypes[et] ?? 'UnknownEthernetType'}}`)
  }
  const s = summarizePacket(p)
  if (s) {
    const ipTotal = s.ipv6 ? p.length - 14 : p.length >= 18 ? p.readUInt16BE(16) : 0
    lines.push(s.ipv6 ? `IPv6\t{SrcIP=${s.src} DstIP=${s.dst} NextHeader=${s.protocol} HopLimit=${p[21] ?? 0}}`
      : `IPv4\t{Length=${ipTotal} TTL=${p[22] ?? 0} Protocol=${s.protocol} SrcIP=${s.src} DstIP=${s.dst}}`)
    if (s.protocol === 6 && s.sport !== undefined) lines.push(`TCP\t{SrcPort=${s.sport} DstPort=${s.dport} ${tcpFlagText(s.tcpFlags ?? 0).replace(/, /g, ' ')}}`)
    else if (s.protocol === 17 && s.sport !== undefined) lines.push(`UDP\t{SrcPort=${s.sport} DstPort=${s.dport}}`)
    else if (s.protocol === 132 && s.sport !== undefined) lines.push(`SCTP\t{SrcPort=${s.sport} DstPort=${s.dport}}`)
    else if (s.icmpType !== undefined) lines.push(`${s.ipv6 ? 'ICMPv6' : 'ICMPv4'}\t{TypeCode=${icmpTypeCode(s.ipv6, s.icmpType, s.icmpCode ?? 0)}}`)
  }
  return lines.map((l) => `${l}\n`).join('')
}
