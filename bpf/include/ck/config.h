/* SPDX-License-Identifier: Apache-2.0 */
/*
 * Per-endpoint configuration the datapath reads on every packet (ck_ep_config, an ARRAY
 * indexed by the ifindex of the endpoint's host-side veth), so a change of an endpoint
 * option takes effect on the next packet instead of after a reload. Cilium compiles
 * these options into each endpoint's program as defines (cilium.md §4.4); ours is one
 * program for every endpoint. ABI shared with src/datapath/config.ts.
 */
#ifndef CK_CONFIG_H
#define CK_CONFIG_H

#include <linux/types.h>

#define EP_CONFIG_MAP_SIZE		65535

/* Endpoint options (Cilium's names). */
#define EP_OPT_CONNTRACK		0x0001	/* Conntrack */
#define EP_OPT_POLICY_AUDIT_MODE	0x0002	/* PolicyAuditMode */
#define EP_OPT_DROP_NOTIFY		0x0004	/* DropNotification */
#define EP_OPT_TRACE_NOTIFY		0x0008	/* TraceNotification */
#define EP_OPT_POLICY_VERDICT_NOTIFY	0x0010	/* PolicyVerdictNotification */
#define EP_OPT_DEBUG			0x0020	/* Debug */
#define EP_OPT_HTTP_VISIBILITY		0x0040	/* ours: parse HTTP/1.x first lines into L7 events */
#define EP_OPT_CONNTRACK_ACCOUNTING	0x0080	/* ConntrackAccounting: packets/bytes per connection */

/* PolicyEnforcement mode (agent flag --enable-policy). */
#define POLICY_ENFORCEMENT_DEFAULT	0	/* enforced in a direction once a rule selects the endpoint there */
#define POLICY_ENFORCEMENT_ALWAYS	1
#define POLICY_ENFORCEMENT_NEVER	2

#define EP_SELECTED_INGRESS		0x01
#define EP_SELECTED_EGRESS		0x02

struct ep_config {
	__u16 endpoint_id;
	__u8  policy_enforcement;	/* POLICY_ENFORCEMENT_* */
	__u8  selected;			/* EP_SELECTED_*: a rule selects the endpoint in that direction */
	__u32 identity;			/* the endpoint's security identity */
	__u32 options;			/* EP_OPT_* */
	__u8  monitor_aggregation;	/* MonitorAggregationLevel 0 none .. 4 max */
	__u8  pad[3];
	__u32 events_per_sec;		/* notifications per second for this endpoint; 0 = unlimited */
};
_Static_assert(sizeof(struct ep_config) == 20, "ABI: update src/datapath/config.ts (EP_CONFIG) too");

/* Notification budget of an endpoint (ck_event_budget, keyed like ck_ep_config). */
struct event_budget {
	__u64 window_start_ns;
	__u32 sent;			/* in the current one-second window */
	__u32 suppressed;		/* total dropped by the rate limit or a full ring buffer */
};
_Static_assert(sizeof(struct event_budget) == 16, "ABI: update src/datapath/config.ts (EVENT_BUDGET) too");

#endif /* CK_CONFIG_H */
