/** IP protocol names as Cilium's u8proto prints them (newest); others print as a number. */
const names: ReadonlyMap<number, string> = new Map([
  [0, 'ANY'], [1, 'ICMP'], [2, 'IGMP'], [4, 'IPIP'], [6, 'TCP'], [17, 'UDP'], [41, 'IPv6'], [47, 'GRE'],
  [50, 'ESP'], [51, 'AH'], [58, 'ICMPv6'], [112, 'VRRP'], [132, 'SCTP'],
])

export function protoName(proto: number): string {
  return names.get(proto) ?? String(proto)
}

/** Protocols `bpf policy add` accepts (case-insensitive), as the real CLI parses them. */
const parsable: ReadonlyMap<string, number> = new Map([
  ['ANY', 0], ['ICMP', 1], ['TCP', 6], ['UDP', 17], ['ICMPV6', 58], ['SCTP', 132],
])

export function parseProto(text: string): number | undefined {
  return parsable.get(text.toUpperCase())
}

/** The L4 protocols a port applies to: `bpf policy add ... 80/ANY` writes one entry for each. */
export const PORT_PROTOCOLS: readonly number[] = [6, 17, 132]
