/* SPDX-License-Identifier: Apache-2.0 */
/*
 * Conntrack maps, newest Cilium generation (1.16+ entry): cilium_ct4_global,
 * cilium_ct_any4_global (LRU_HASH, 14-byte tuple -> 56-byte entry) and the IPv6 pair
 * (38-byte tuple). ABI shared with src/maps/ct.ts and real Cilium nodes.
 * The tuple's addresses are named for the reply direction (daddr first), its ports
 * for the original direction; both are network order. The tuples are packed: the
 * kernel hashes every byte of the key, so there is no padding to leave uninitialised.
 */
#ifndef CK_CT_H
#define CK_CT_H

#include <linux/types.h>

#define CT_MAP_SIZE_TCP		524288
#define CT_MAP_SIZE_ANY		262144

#define TUPLE_F_OUT		0x00
#define TUPLE_F_IN		0x01
#define TUPLE_F_RELATED		0x02
#define TUPLE_F_SERVICE		0x04

struct ipv4_ct_tuple {
	__be32 daddr;
	__be32 saddr;
	__be16 dport;
	__be16 sport;
	__u8   nexthdr;		/* IP protocol; entries with 0 are skipped by readers */
	__u8   flags;		/* TUPLE_F_* */
} __attribute__((packed));
_Static_assert(sizeof(struct ipv4_ct_tuple) == 14, "ABI: update src/maps/ct.ts (CT4_TUPLE) too");

struct ipv6_ct_tuple {
	__u8   daddr[16];
	__u8   saddr[16];
	__be16 dport;
	__be16 sport;
	__u8   nexthdr;
	__u8   flags;
} __attribute__((packed));
_Static_assert(sizeof(struct ipv6_ct_tuple) == 38, "ABI: update src/maps/ct.ts (CT6_TUPLE) too");

/* ct_entry flags (u16, host order), bit by bit as the CLI names them. */
#define CT_F_RX_CLOSING		0x0001
#define CT_F_TX_CLOSING		0x0002
#define CT_F_NAT64		0x0004	/* reserved since 1.12 */
#define CT_F_LB_LOOPBACK	0x0008
#define CT_F_SEEN_NON_SYN	0x0010
#define CT_F_NODE_PORT		0x0020
#define CT_F_PROXY_REDIRECT	0x0040
#define CT_F_DSR_INTERNAL	0x0080
#define CT_F_FROM_L7LB		0x0100
#define CT_F_FROM_TUNNEL	0x0400

struct ct_entry {
	__u64 reserved0;	/* was rx_packets before 1.16; always 0 now */
	__u64 backend_id;	/* service entries: the selected backend */
	__u64 packets;
	__u64 bytes;
	__u32 lifetime;		/* seconds of the datapath clock (ktime or jiffies based) */
	__u16 flags;		/* CT_F_* */
	__be16 rev_nat_index;	/* network order */
	__be16 nat_port;	/* network order (newest Cilium); was reserved, and ifindex before 1.18 */
	__u8  tx_flags_seen;	/* TCP flags seen, original direction */
	__u8  rx_flags_seen;	/* TCP flags seen, reply direction */
	__u32 src_sec_id;	/* source security identity, host order */
	__u32 last_tx_report;
	__u32 last_rx_report;
};
_Static_assert(sizeof(struct ct_entry) == 56, "ABI: update src/maps/ct.ts (CT_ENTRY_V2) too");

#endif /* CK_CT_H */
