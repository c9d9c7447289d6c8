/* SPDX-License-Identifier: Apache-2.0 */
/*
 * Per-endpoint policy map and the shared policy stats map, newest Cilium generation
 * (cilium_policy_v3_<EP5>: LPM key 12 bytes, value 12 bytes; cilium_policystats).
 * ABI shared with src/maps/policy.ts and src/maps/policystats.ts and with real Cilium
 * nodes: change a byte here and both TS layouts and test/kernel/maps-btf.test.ts follow.
 * Byte order: host order unless a field is __be16/__be32 (then network order).
 * Bit fields are spelled as whole bytes with masks below, so the BTF names one member
 * per byte and the TS side reads the same byte.
 */
#ifndef CK_POLICY_H
#define CK_POLICY_H

#include <linux/types.h>

#define POLICY_MAP_MAX_ENTRIES		16384
#define POLICY_STATS_MAP_MAX_ENTRIES	65536

/* The key's prefixlen counts bits after itself: identity (32) + flags (8) are always
 * matched; protocol (8) and dport (16) may be wildcarded from the right. */
#define POLICY_STATIC_PREFIX_BITS	40
#define POLICY_FULL_PREFIX_BITS		64

struct policy_key {
	__u32  prefixlen;	/* LPM: bits to match, counted after this field */
	__u32  identity;	/* remote security identity, host order; 0 = any peer */
	__u8   flags;		/* bit 0: egress (1) / ingress (0); bits 1-7 zero */
	__u8   protocol;	/* IP protocol; 0 = any (only with dport wildcarded) */
	__be16 dport;		/* network order: the trie compares bytes */
};
_Static_assert(sizeof(struct policy_key) == 12, "ABI: update src/maps/policy.ts (POLICY_KEY) too");

#define POLICY_KEY_EGRESS		0x01

struct policy_entry {
	__be16 proxy_port;	/* network order; 0 = no L7 redirect */
	__u8   flags;		/* bit 0 deny, bits 1-2 reserved, bits 3-7 lpm_prefix_length (= key prefixlen - 40) */
	__u8   auth_type;	/* bits 0-6 the auth type, bit 7 has_explicit_auth_type */
	__u32  precedence;	/* host order; higher wins: inverted priority << 8, low byte 0xff deny, 2+ redirect, 1 allow */
	__u32  cookie;		/* host order; links the entry to its policy rule log record */
};
_Static_assert(sizeof(struct policy_entry) == 12, "ABI: update src/maps/policy.ts (POLICY_ENTRY_V3) too");

#define POLICY_ENTRY_DENY		0x01
#define POLICY_ENTRY_PREFIX_SHIFT	3
#define POLICY_ENTRY_AUTH_TYPE_MASK	0x7f
#define POLICY_ENTRY_EXPLICIT_AUTH	0x80

/* cilium_policystats: LRU_PERCPU_HASH, one counter pair per CPU. The key repeats the
 * policy key with the wildcarded port bits zeroed, plus the endpoint it belongs to. */
struct policy_stats_key {
	__u16  endpoint_id;	/* host order */
	__u8   pad1;
	__u8   prefix_len;	/* protocol+port prefix length, 0..24 */
	__u32  identity;	/* host order */
	__u8   flags;		/* bit 0: egress */
	__u8   protocol;
	__be16 dport;		/* network order, wildcarded bits zero */
};
_Static_assert(sizeof(struct policy_stats_key) == 12, "ABI: update src/maps/policystats.ts too");

struct policy_stats_value {
	__u64 packets;
	__u64 bytes;
};
_Static_assert(sizeof(struct policy_stats_value) == 16, "ABI: update src/maps/policystats.ts too");

#endif /* CK_POLICY_H */
