/* SPDX-License-Identifier: Apache-2.0 */
/*
 * cilium_ipcache_v2 (LPM_TRIE, 24-byte key -> 24-byte value), newest Cilium generation.
 * ABI shared with src/maps/ipcache.ts and real Cilium nodes.
 */
#ifndef CK_IPCACHE_H
#define CK_IPCACHE_H

#include <linux/types.h>

#define IPCACHE_MAP_SIZE		512000
/* prefixlen counts the 32 static bits (cluster_id, pad, family) before the address. */
#define IPCACHE_STATIC_PREFIX_BITS	32

#define ENDPOINT_KEY_IPV4	1
#define ENDPOINT_KEY_IPV6	2

struct ipcache_key {
	__u32 prefixlen;	/* host order: 32 + address prefix bits */
	__u16 cluster_id;	/* host order */
	__u8  pad1;
	__u8  family;		/* ENDPOINT_KEY_IPV4 / ENDPOINT_KEY_IPV6 */
	__u8  ip[16];		/* network order; IPv4 in the first 4 bytes, the rest zero */
};
_Static_assert(sizeof(struct ipcache_key) == 24, "ABI: update src/maps/ipcache.ts (IPCACHE_KEY_V2) too");

struct remote_endpoint_info {
	__u32 sec_identity;	/* host order */
	__u8  tunnel_endpoint[16]; /* network order; IPv4 in the first 4 bytes */
	__u16 pad;
	__u8  key;		/* IPsec key index */
	__u8  flags;		/* REMOTE_EP_F_* */
};
_Static_assert(sizeof(struct remote_endpoint_info) == 24, "ABI: update src/maps/ipcache.ts (IPCACHE_VALUE_V2) too");

#define REMOTE_EP_F_SKIP_TUNNEL		0x01
#define REMOTE_EP_F_HAS_TUNNEL_EP	0x02
#define REMOTE_EP_F_IPV6_TUNNEL_EP	0x04
#define REMOTE_EP_F_REMOTE_CLUSTER	0x08

#endif /* CK_IPCACHE_H */
