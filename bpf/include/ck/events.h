/* SPDX-License-Identifier: Apache-2.0 */
/*
 * Datapath notifications (cilium.md §2.10): the record layouts Cilium's programs send
 * through cilium_events, which our datapath writes into a BPF ring buffer instead of a
 * perf event array. Every record is a fixed struct followed by the first bytes of the
 * packet (from the Ethernet header); len_cap says how many of them are real.
 * ABI shared with src/datapath/events.ts (decoders) and with Cilium's monitor readers.
 * Byte order: host order throughout, except the packet bytes.
 */
#ifndef CK_EVENTS_H
#define CK_EVENTS_H

#include <linux/types.h>

/* Message types (CILIUM_NOTIFY_*; 129 is the monitor's access-log type, which our
 * in-datapath HTTP parser reuses for its L7 records). */
#define CK_NOTIFY_DROP			1
#define CK_NOTIFY_DBG_MSG		2
#define CK_NOTIFY_TRACE			4
#define CK_NOTIFY_POLICY_VERDICT	5
#define CK_NOTIFY_L7			129

/* Bytes of packet after each record: Cilium's TRACE_PAYLOAD_LEN. */
#define CK_PAYLOAD_LEN			128

/* Observation points (trace subtype). */
#define TRACE_TO_LXC			0
#define TRACE_FROM_LXC			5

/* Trace reasons: the conntrack state of the packet. */
#define TRACE_REASON_NEW		0
#define TRACE_REASON_ESTABLISHED	1
#define TRACE_REASON_REPLY		2
#define TRACE_REASON_RELATED		3

/* trace/drop flags byte. */
#define NOTIFY_F_IPV6			0x01

struct notify_hdr {
	__u8  type;		/* CK_NOTIFY_* */
	__u8  subtype;		/* observation point, drop reason, 0 */
	__u16 source;		/* endpoint ID of the program that sent it */
	__u32 hash;		/* skb hash */
	/* capture header */
	__u32 len_orig;		/* packet length */
	__u16 len_cap;		/* packet bytes after the record that are real */
	__u8  version;		/* of the record that follows */
	__u8  ext_version;
};
_Static_assert(sizeof(struct notify_hdr) == 16, "ABI: update src/datapath/events.ts (NOTIFY_HDR) too");

/* trace_notify, version 2 (newest). */
#define TRACE_NOTIFY_VERSION		2
struct trace_notify {
	struct notify_hdr hdr;
	__u32 src_label;
	__u32 dst_label;
	__u16 dst_id;		/* destination endpoint ID, 0 if unknown */
	__u8  reason;		/* TRACE_REASON_* */
	__u8  flags;		/* NOTIFY_F_* */
	__u32 ifindex;
	__u8  orig_ip[16];	/* source before SNAT/proxy: the packet's own source here */
	__u64 ip_trace_id;
};
_Static_assert(sizeof(struct trace_notify) == 56, "ABI: update src/datapath/events.ts (TRACE_NOTIFY) too");

/* drop_notify, version 2: the 1.14-1.18 36-byte record plus a flags byte and the trace id. */
#define DROP_NOTIFY_VERSION		2
struct drop_notify {
	struct notify_hdr hdr;	/* subtype: the drop reason (absolute DROP_* value) */
	__u32 src_label;
	__u32 dst_label;
	__u32 dst_id;		/* endpoint ID; 0 on egress or unknown */
	__u16 line;		/* source line of the drop */
	__u8  file;		/* source file id (CK_FILE_*) */
	__s8  ext_error;
	__u32 ifindex;
	__u8  flags;		/* NOTIFY_F_* */
	__u8  pad[3];
	__u64 ip_trace_id;
};
_Static_assert(sizeof(struct drop_notify) == 48, "ABI: update src/datapath/events.ts (DROP_NOTIFY) too");

/* policy_verdict_notify, newest (40 bytes). */
#define POLICY_VERDICT_NOTIFY_VERSION	2
#define PV_DIR_INGRESS			1
#define PV_DIR_EGRESS			2
/* flags byte: dir:2, ipv6:1, match_type:3, audited:1, l3:1 (bit fields from the low bit). */
#define PV_F_DIR_MASK			0x03
#define PV_F_IPV6			0x04
#define PV_F_MATCH_SHIFT		3
#define PV_F_AUDITED			0x40
#define PV_F_L3				0x80

/* Match types. */
#define POLICY_MATCH_NONE		0
#define POLICY_MATCH_L3_ONLY		1
#define POLICY_MATCH_L3_L4		2
#define POLICY_MATCH_L4_ONLY		3
#define POLICY_MATCH_ALL		4
#define POLICY_MATCH_L3_PROTO		5
#define POLICY_MATCH_PROTO_ONLY		6

struct policy_verdict_notify {
	struct notify_hdr hdr;
	__u32 remote_label;
	__s32 verdict;		/* 0 allowed, > 0 proxy port, < 0 drop code */
	__u16 dst_port;		/* host order; the ICMP type for ICMP */
	__u8  proto;
	__u8  flags;		/* PV_F_* */
	__u8  auth_type;
	__u8  pad0[3];
	__u32 cookie;
	__u32 pad1;
};
_Static_assert(sizeof(struct policy_verdict_notify) == 40, "ABI: update src/datapath/events.ts (POLICY_VERDICT) too");

/* L7 HTTP record (ours: Cilium learns L7 from its proxy, we parse the first line in the
 * datapath). A request carries method and path; a response the status and the time since
 * its request on the same connection, paired through the conntrack tuple. */
#define L7_NOTIFY_VERSION		1
#define L7_TYPE_REQUEST			1
#define L7_TYPE_RESPONSE		2
#define L7_METHOD_MAX			8
#define L7_PATH_MAX			64

struct l7_notify {
	struct notify_hdr hdr;	/* subtype: L7_TYPE_* */
	__u32 src_label;
	__u32 dst_label;
	__u16 dst_id;
	__u8  flags;		/* NOTIFY_F_* */
	__u8  http_minor;	/* HTTP/1.<minor> */
	__u32 ifindex;
	__u64 latency_ns;	/* response: ktime since the request; 0 when unpaired */
	__u16 status;		/* response status code */
	__u8  method_len;
	__u8  path_len;		/* bytes of path kept (at most L7_PATH_MAX) */
	__u8  pad[4];
	char  method[L7_METHOD_MAX];
	char  path[L7_PATH_MAX];
};
_Static_assert(sizeof(struct l7_notify) == 120, "ABI: update src/datapath/events.ts (L7_NOTIFY) too");

/* Drop reasons: Cilium's DROP_* codes as the positive number the records and
 * cilium_metrics carry (src/maps/drop-reasons.ts holds their texts). */
#define DROP_POLICY			133
#define DROP_INVALID			134
#define DROP_CT_INVALID_HDR		135
#define DROP_UNKNOWN_L3			139
#define DROP_CT_CREATE_FAILED		155
#define DROP_INVALID_EXTHDR		156
#define DROP_FRAG_NOSUPPORT		157
#define DROP_POLICY_DENY		181
#define DROP_POLICY_AUTH_REQUIRED	189

/* Source file ids of the drop records' `file` field (Cilium's source_info.h numbering). */
#define CK_FILE_BPF_LXC			2

/* Debug messages: one per packet while the endpoint's Debug option is on. */
#define DBG_CT_VERDICT			1	/* arg1 ct state, arg2 policy verdict, arg3 identity */

struct debug_msg {
	__u8  type;
	__u8  subtype;
	__u16 source;
	__u32 hash;
	__u32 arg1;
	__u32 arg2;
	__u32 arg3;
	__u32 pad;
};
_Static_assert(sizeof(struct debug_msg) == 24, "ABI: update src/datapath/events.ts (DEBUG_MSG) too");

#endif /* CK_EVENTS_H */
