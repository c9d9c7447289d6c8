/* SPDX-License-Identifier: Apache-2.0 */
/*
 * SNAT maps cilium_snat_v4_external / cilium_snat_v6_external (LRU_HASH). The key is
 * a conntrack tuple (ct.h) that is NOT reversed: saddr is the real source. ABI shared
 * with src/maps/nat.ts and real Cilium nodes.
 */
#ifndef CK_NAT_H
#define CK_NAT_H

#include <linux/types.h>
#include "ct.h"

#define SNAT_MAP_SIZE		524288

struct ipv4_nat_entry {
	__u64  created;		/* datapath clock, seconds */
	__u64  needs_ct;	/* bit 0 only */
	__u64  pad1;
	__u64  pad2;
	__be32 to_addr;		/* to_saddr for OUT entries, to_daddr for IN */
	__be16 to_port;
	__u16  pad3;
};
_Static_assert(sizeof(struct ipv4_nat_entry) == 40, "ABI: update src/maps/nat.ts (NAT4_ENTRY) too");

struct ipv6_nat_entry {
	__u64  created;
	__u64  needs_ct;
	__u64  pad1;
	__u64  pad2;
	__u8   to_addr[16];
	__be16 to_port;
	__u16  pad3;
	__u32  pad4;
};
_Static_assert(sizeof(struct ipv6_nat_entry) == 56, "ABI: update src/maps/nat.ts (NAT6_ENTRY) too");

#endif /* CK_NAT_H */
