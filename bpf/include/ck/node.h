/* SPDX-License-Identifier: Apache-2.0 */
/*
 * cilium_node_map_v2 (HASH, 20-byte key -> 4-byte value), newest Cilium generation;
 * the older cilium_node_map held a bare u16 ID. ABI shared with src/maps/nodeid.ts
 * and real Cilium nodes.
 */
#ifndef CK_NODE_H
#define CK_NODE_H

#include <linux/types.h>

#define NODE_MAP_SIZE		16384

struct node_key {
	__u16 pad1;
	__u8  pad2;
	__u8  family;		/* 1 IPv4, 2 IPv6 */
	__u8  ip[16];		/* network order; IPv4 in the first 4 bytes */
};
_Static_assert(sizeof(struct node_key) == 20, "ABI: update src/maps/nodeid.ts (NODE_KEY) too");

struct node_value {
	__u16 id;		/* node ID, host order */
	__u8  spi;		/* IPsec SPI */
	__u8  pad;
};
_Static_assert(sizeof(struct node_value) == 4, "ABI: update src/maps/nodeid.ts (NODE_VALUE_V2) too");

#endif /* CK_NODE_H */
