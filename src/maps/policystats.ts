import type {PolicyEntry} from './policy.js'

/*
 * cilium_policystats (1.17+): one LRU_PERCPU_HASH for every endpoint's policy counters.
 * The key is the policy key plus the endpoint ID, with the wildcarded port bits zeroed,
 * so a reader finds an entry's counters with one exact lookup.
 */

/** Mirrors struct policy_stats_key in bpf/include/ck/policy.h. */
export const POLICY_STATS_KEY = {size: 12, endpoint_id: 0, pad1: 2, prefix_len: 3, identity: 4, flags: 8, protocol: 9, dport: 10} as const
/** Mirrors struct policy_stats_value: one of these per possible CPU. */
export const POLICY_STATS_VALUE = {size: 16, packets: 0, bytes: 8} as const

export const POLICY_STATS_MAP = 'cilium_policystats'

export interface PolicyStats {
  packets: bigint
  bytes: bigint
}

/** The stats key of a policy entry of endpoint `endpointId`. */
export function encodePolicyStatsKey(endpointId: number, e: Pick<PolicyEntry, 'prefixLen' | 'identity' | 'egress' | 'protocol' | 'dport'>): Buffer {
  const b = Buffer.alloc(POLICY_STATS_KEY.size)
  b.writeUInt16LE(endpointId, POLICY_STATS_KEY.endpoint_id)
  b[POLICY_STATS_KEY.prefix_len] = e.prefixLen
  b.writeUInt32LE(e.identity, POLICY_STATS_KEY.identity)
  b[POLICY_STATS_KEY.flags] = e.egress ? 1 : 0
  b[POLICY_STATS_KEY.protocol] = e.protocol
  const portBits = Math.max(0, e.prefixLen - 8)
  const mask = portBits === 0 ? 0 : (0xffff << (16 - portBits)) & 0xffff
  b.writeUInt16BE(e.dport & mask, POLICY_STATS_KEY.dport)
  return b
}

/** Sums the per-CPU values of one lookup: `cpus` slots of 16 bytes each. */
export function sumPolicyStats(values: Buffer, at = 0, cpus = values.length / POLICY_STATS_VALUE.size): PolicyStats {
  let packets = 0n, bytes = 0n
  for (let c = 0; c < cpus; c++) {
    const o = at + c * POLICY_STATS_VALUE.size
    packets += values.readBigUInt64LE(o + POLICY_STATS_VALUE.packets)
    bytes += values.readBigUInt64LE(o + POLICY_STATS_VALUE.bytes)
  }
  return {packets, bytes}
}

/** One CPU slot's bytes (tests and `policy add` write per-CPU values through this). */
export function encodePolicyStatsValue(s: PolicyStats): Buffer {
  const b = Buffer.alloc(POLICY_STATS_VALUE.size)
  b.writeBigUInt64LE(s.packets, POLICY_STATS_VALUE.packets)
  b.writeBigUInt64LE(s.bytes, POLICY_STATS_VALUE.bytes)
  return b
}
