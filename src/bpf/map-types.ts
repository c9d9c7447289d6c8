/**
 * Map types by the kernel's names (enum bpf_map_type in include/uapi/linux/bpf.h),
 * spelled as bpftool prints them. The position is the kernel's number.
 */
const names = [
  'unspec', 'hash', 'array', 'prog_array', 'perf_event_array', 'percpu_hash', 'percpu_array', 'stack_trace',
  'cgroup_array', 'lru_hash', 'lru_percpu_hash', 'lpm_trie', 'array_of_maps', 'hash_of_maps', 'devmap', 'sockmap',
  'cpumap', 'xskmap', 'sockhash', 'cgroup_storage', 'reuseport_sockarray', 'percpu_cgroup_storage', 'queue', 'stack',
  'sk_storage', 'devmap_hash', 'struct_ops', 'ringbuf', 'inode_storage', 'task_storage', 'bloom_filter', 'user_ringbuf',
  'cgrp_storage', 'arena',
] as const

export type MapTypeName = Exclude<(typeof names)[number], 'unspec'>

/** The kernel number of a map type name. */
export function mapTypeNumber(name: MapTypeName): number {
  return names.indexOf(name)
}

/** The name of a kernel map type number; unknown (newer) types print as their number. */
export function mapTypeName(type: number): string {
  return names[type] ?? `type_${type}`
}

const perCpuTypes = new Set<number>(['percpu_hash', 'percpu_array', 'lru_percpu_hash', 'percpu_cgroup_storage']
  .map((n) => names.indexOf(n as MapTypeName)))

/** Per-CPU maps hold one value per possible CPU. */
export function isPerCpuType(type: number): boolean {
  return perCpuTypes.has(type)
}

/** BPF_F_NO_PREALLOC: required by LPM tries, optional for hash maps. */
export const BPF_F_NO_PREALLOC = 1
