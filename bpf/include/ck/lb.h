/* SPDX-License-Identifier: Apache-2.0 */
/*
 * Load-balancer maps, newest Cilium generation: cilium_lb{4,6}_services_v2,
 * cilium_lb{4,6}_backends_v3, cilium_lb{4,6}_reverse_nat, cilium_lb{4,6}_maglev.
 * ABI shared with src/maps/lb.ts and real Cilium nodes. Addresses, ports and
 * rev_nat_index are network order; IDs, counts and flags are host order.
 */
#ifndef CK_LB_H
#define CK_LB_H

#include <linux/types.h>

#define LB_MAP_MAX_ENTRIES	65536
#define LB_MAGLEV_TABLE_SIZE	16381	/* default M: prime, one u32 backend ID per slot */

struct lb4_key {
	__be32 address;		/* service VIP */
	__be16 dport;
	__u16  backend_slot;	/* 0 = the service (master) entry, 1..count = backends */
	__u8   proto;		/* IP protocol; 0 = any (always 0 before 1.16) */
	__u8   scope;		/* 0 external, 1 internal (two-scope services) */
	__u8   pad[2];
};
_Static_assert(sizeof(struct lb4_key) == 12, "ABI: update src/maps/lb.ts (LB4_KEY) too");

struct lb6_key {
	__u8   address[16];
	__be16 dport;
	__u16  backend_slot;
	__u8   proto;
	__u8   scope;
	__u8   pad[2];
};
_Static_assert(sizeof(struct lb6_key) == 24, "ABI: update src/maps/lb.ts (LB6_KEY) too");

/* The same value for both families. backend_id means: the backend (slot > 0); on
 * the master slot, the affinity timeout (low 24 bits, seconds) with the algorithm in
 * the high 8 bits, or the L7 proxy port (host order) for L7 load-balanced services. */
struct lb_service {
	__u32  backend_id;
	__u16  count;		/* number of backend slots (master entry) */
	__be16 rev_nat_index;	/* network order */
	__u8   flags;		/* SVC_FLAG_* */
	__u8   flags2;		/* SVC_FLAG2_* */
	__u16  qcount;		/* quarantined backends (master entry) */
};
_Static_assert(sizeof(struct lb_service) == 12, "ABI: update src/maps/lb.ts (LB_SERVICE) too");

#define SVC_FLAG_EXTERNAL_IP		0x01
#define SVC_FLAG_NODEPORT		0x02
#define SVC_FLAG_EXT_LOCAL_SCOPE	0x04
#define SVC_FLAG_HOSTPORT		0x08
#define SVC_FLAG_AFFINITY		0x10
#define SVC_FLAG_LOADBALANCER		0x20
#define SVC_FLAG_ROUTABLE		0x40
#define SVC_FLAG_SOURCE_RANGE		0x80
#define SVC_FLAG2_LOCALREDIRECT		0x01
#define SVC_FLAG2_NAT_46X64		0x02
#define SVC_FLAG2_L7LOADBALANCER	0x04
#define SVC_FLAG2_LOOPBACK		0x08
#define SVC_FLAG2_INT_LOCAL_SCOPE	0x10
#define SVC_FLAG2_TWO_SCOPES		0x20
#define SVC_FLAG2_QUARANTINED		0x40
#define SVC_FLAG2_FWD_MODE_DSR		0x80

/* Backend maps are keyed by a u32 backend ID (host order). */
struct lb4_backend {
	__be32 address;
	__be16 port;
	__u8   proto;
	__u8   flags;		/* state: 0 active, 1 terminating, 2 quarantined, 3 maintenance */
	__u16  cluster_id;	/* host order */
	__u8   zone;
	__u8   pad;
};
_Static_assert(sizeof(struct lb4_backend) == 12, "ABI: update src/maps/lb.ts (LB4_BACKEND_V3) too");

struct lb6_backend {
	__u8   address[16];
	__be16 port;
	__u8   proto;
	__u8   flags;
	__u16  cluster_id;
	__u8   zone;
	__u8   pad;
};
_Static_assert(sizeof(struct lb6_backend) == 24, "ABI: update src/maps/lb.ts (LB6_BACKEND_V3) too");

/* Reverse NAT maps are keyed by the service's rev_nat_index as a __be16. Packed:
 * Cilium declares them so, which makes the IPv4 value 6 bytes, not 8. */
struct lb4_reverse_nat {
	__be32 address;
	__be16 port;
} __attribute__((packed));
_Static_assert(sizeof(struct lb4_reverse_nat) == 6, "ABI: update src/maps/lb.ts (LB4_REVNAT) too");

struct lb6_reverse_nat {
	__u8   address[16];
	__be16 port;
} __attribute__((packed));
_Static_assert(sizeof(struct lb6_reverse_nat) == 18, "ABI: update src/maps/lb.ts (LB6_REVNAT) too");

#endif /* CK_LB_H */
