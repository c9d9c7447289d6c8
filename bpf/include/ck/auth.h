/* SPDX-License-Identifier: Apache-2.0 */
/*
 * cilium_auth_map (HASH, 12-byte key -> 8-byte value), newest Cilium generation.
 * ABI shared with src/maps/auth.ts and real Cilium nodes.
 */
#ifndef CK_AUTH_H
#define CK_AUTH_H

#include <linux/types.h>

#define AUTH_MAP_SIZE		524288

struct auth_key {
	__u32 local_sec_label;	/* host order */
	__u32 remote_sec_label;
	__u16 remote_node_id;	/* 0 = the local node */
	__u8  auth_type;	/* 1 spire, 2 test-always-fail */
	__u8  pad;
};
_Static_assert(sizeof(struct auth_key) == 12, "ABI: update src/maps/auth.ts (AUTH_KEY) too");

struct auth_info {
	__u64 expiration;	/* Unix time in units of 512 ns (ns >> 9) */
};
_Static_assert(sizeof(struct auth_info) == 8, "ABI: update src/maps/auth.ts (AUTH_INFO) too");

#endif /* CK_AUTH_H */
