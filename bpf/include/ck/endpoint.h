/* SPDX-License-Identifier: Apache-2.0 */
/*
 * cilium_lxc (HASH, 20-byte endpoint_key -> 48-byte endpoint_info) and
 * cilium_tunnel_map (HASH, 20-byte tunnel_key -> 20-byte tunnel_value), newest
 * Cilium generation. ABI shared with src/maps/endpoint.ts, src/maps/tunnel.ts and
 * real Cilium nodes.
 */
#ifndef CK_ENDPOINT_H
#define CK_ENDPOINT_H

#include <linux/types.h>

#define ENDPOINTS_MAP_SIZE	65535
#define TUNNEL_MAP_SIZE		65536

struct endpoint_key {
	__u8  ip[16];		/* network order; IPv4 in the first 4 bytes */
	__u8  family;		/* 1 IPv4, 2 IPv6 */
	__u8  key;		/* IPsec key index */
	__u16 cluster_id;	/* host order */
} __attribute__((packed));
_Static_assert(sizeof(struct endpoint_key) == 20, "ABI: update src/maps/endpoint.ts (ENDPOINT_KEY) too");

#define ENDPOINT_F_HOST		0x01	/* the entry is a local host address */
#define ENDPOINT_F_ATHOSTNS	0x02	/* the endpoint lives in the host netns */

struct endpoint_info {
	__u32 ifindex;
	__u16 unused;		/* was sec_label before 1.9 */
	__u16 lxc_id;		/* endpoint ID, host order */
	__u32 flags;		/* ENDPOINT_F_* */
	__u32 pad0;		/* the u64 MACs below are 8-byte aligned */
	__u64 mac;		/* first 6 bytes in memory order are the MAC */
	__u64 node_mac;
	__u32 sec_id;		/* security identity, host order */
	__u32 parent_ifindex;
	__u32 pad[2];
};
_Static_assert(sizeof(struct endpoint_info) == 48, "ABI: update src/maps/endpoint.ts (ENDPOINT_INFO) too");

struct tunnel_key {
	__u8  ip[16];
	__u8  family;
	__u8  cluster_id;
	__u16 pad;
} __attribute__((packed));
_Static_assert(sizeof(struct tunnel_key) == 20, "ABI: update src/maps/tunnel.ts (TUNNEL_KEY) too");

struct tunnel_value {
	__u8  ip[16];		/* the remote node's tunnel endpoint */
	__u8  family;
	__u8  key;		/* IPsec key index */
	__u16 node_id;		/* host order */
} __attribute__((packed));
_Static_assert(sizeof(struct tunnel_value) == 20, "ABI: update src/maps/tunnel.ts (TUNNEL_VALUE) too");

#endif /* CK_ENDPOINT_H */
