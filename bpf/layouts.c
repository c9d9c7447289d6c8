// SPDX-License-Identifier: Apache-2.0
/*
 * One BTF-typed map per shared layout, and nothing else: the compiled object carries
 * the BTF of every key and value struct in include/ck/, which
 * test/kernel/maps-btf.test.ts compares field by field with the layouts in src/maps.
 * Map types, sizes and flags are Cilium's, so the object also documents them.
 */
#include <linux/bpf.h>
#include <bpf/bpf_helpers.h>

#include "include/ck/policy.h"
#include "include/ck/ct.h"
#include "include/ck/nat.h"
#include "include/ck/lb.h"
#include "include/ck/ipcache.h"
#include "include/ck/endpoint.h"
#include "include/ck/metrics.h"
#include "include/ck/auth.h"
#include "include/ck/node.h"

#define CK_LAYOUT_MAP(_name, _type, _key, _value, _max, _flags)	\
	struct {							\
		__uint(type, _type);					\
		__type(key, _key);					\
		__type(value, _value);					\
		__uint(max_entries, _max);				\
		__uint(map_flags, _flags);				\
	} _name SEC(".maps")

CK_LAYOUT_MAP(cilium_policy_v3, BPF_MAP_TYPE_LPM_TRIE, struct policy_key, struct policy_entry,
	      POLICY_MAP_MAX_ENTRIES, BPF_F_NO_PREALLOC);
CK_LAYOUT_MAP(cilium_policystats, BPF_MAP_TYPE_LRU_PERCPU_HASH, struct policy_stats_key,
	      struct policy_stats_value, POLICY_STATS_MAP_MAX_ENTRIES, BPF_F_NO_COMMON_LRU);
CK_LAYOUT_MAP(cilium_ct4_global, BPF_MAP_TYPE_LRU_HASH, struct ipv4_ct_tuple, struct ct_entry,
	      CT_MAP_SIZE_TCP, 0);
CK_LAYOUT_MAP(cilium_ct6_global, BPF_MAP_TYPE_LRU_HASH, struct ipv6_ct_tuple, struct ct_entry,
	      CT_MAP_SIZE_TCP, 0);
CK_LAYOUT_MAP(cilium_snat_v4_external, BPF_MAP_TYPE_LRU_HASH, struct ipv4_ct_tuple,
	      struct ipv4_nat_entry, SNAT_MAP_SIZE, 0);
CK_LAYOUT_MAP(cilium_snat_v6_external, BPF_MAP_TYPE_LRU_HASH, struct ipv6_ct_tuple,
	      struct ipv6_nat_entry, SNAT_MAP_SIZE, 0);
CK_LAYOUT_MAP(cilium_lb4_services_v2, BPF_MAP_TYPE_HASH, struct lb4_key, struct lb_service,
	      LB_MAP_MAX_ENTRIES, 0);
CK_LAYOUT_MAP(cilium_lb6_services_v2, BPF_MAP_TYPE_HASH, struct lb6_key, struct lb_service,
	      LB_MAP_MAX_ENTRIES, 0);
CK_LAYOUT_MAP(cilium_lb4_backends_v3, BPF_MAP_TYPE_HASH, __u32, struct lb4_backend,
	      LB_MAP_MAX_ENTRIES, 0);
CK_LAYOUT_MAP(cilium_lb6_backends_v3, BPF_MAP_TYPE_HASH, __u32, struct lb6_backend,
	      LB_MAP_MAX_ENTRIES, 0);
CK_LAYOUT_MAP(cilium_lb4_reverse_nat, BPF_MAP_TYPE_HASH, __be16, struct lb4_reverse_nat,
	      LB_MAP_MAX_ENTRIES, 0);
CK_LAYOUT_MAP(cilium_lb6_reverse_nat, BPF_MAP_TYPE_HASH, __be16, struct lb6_reverse_nat,
	      LB_MAP_MAX_ENTRIES, 0);
CK_LAYOUT_MAP(cilium_ipcache_v2, BPF_MAP_TYPE_LPM_TRIE, struct ipcache_key,
	      struct remote_endpoint_info, IPCACHE_MAP_SIZE, BPF_F_NO_PREALLOC);
CK_LAYOUT_MAP(cilium_lxc, BPF_MAP_TYPE_HASH, struct endpoint_key, struct endpoint_info,
	      ENDPOINTS_MAP_SIZE, 0);
CK_LAYOUT_MAP(cilium_tunnel_map, BPF_MAP_TYPE_HASH, struct tunnel_key, struct tunnel_value,
	      TUNNEL_MAP_SIZE, 0);
CK_LAYOUT_MAP(cilium_metrics, BPF_MAP_TYPE_PERCPU_HASH, struct metrics_key, struct metrics_value,
	      METRICS_MAP_SIZE, 0);
CK_LAYOUT_MAP(cilium_auth_map, BPF_MAP_TYPE_HASH, struct auth_key, struct auth_info,
	      AUTH_MAP_SIZE, BPF_F_NO_PREALLOC);
CK_LAYOUT_MAP(cilium_node_map_v2, BPF_MAP_TYPE_HASH, struct node_key, struct node_value,
	      NODE_MAP_SIZE, 0);

char _license[] SEC("license") = "Dual BSD/GPL";
