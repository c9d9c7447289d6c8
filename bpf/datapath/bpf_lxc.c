// SPDX-License-Identifier: GPL-2.0
/*
 * The endpoint datapath: two tc programs for the host side of an endpoint's veth.
 *   cil_from_container (tc ingress of the host veth): packets the endpoint sends, its egress policy.
 *   cil_to_container   (tc egress of the host veth):  packets to the endpoint, its ingress policy.
 * One object serves every endpoint: the endpoint is found by the ifindex of its host veth
 * in ck_ep_config, its policy map through ck_policy_maps (endpoint ID -> that endpoint's
 * cilium_policy_v3 LPM map, which the loader pins as cilium_policy_v3_<EP5>).
 *
 * Per packet: parse (Ethernet, IPv4, IPv6 with extension headers, TCP/UDP/SCTP/ICMP),
 * look the peer's identity up in cilium_ipcache_v2, conntrack (replies and related ICMP
 * pass without a policy lookup), the newest policy verdict (cilium.md §2.3), metrics,
 * then notifications into the ck_events ring buffer (trace, drop, policy verdict, debug,
 * and our L7 HTTP records), gated and rate-limited by the endpoint's options.
 * Layouts: include/ck/. Headers are read with bpf_skb_load_bytes, which also works on
 * non-linear skbs (GRO'd TCP on veth), so no direct packet access bounds are needed.
 */
#include <linux/bpf.h>
#include <linux/if_ether.h>
#include <linux/in.h>
#include <linux/in6.h>
#include <linux/pkt_cls.h>
#include <bpf/bpf_endian.h>
#include <bpf/bpf_helpers.h>

#include "ck/policy.h"
#include "ck/ct.h"
#include "ck/ipcache.h"
#include "ck/endpoint.h"
#include "ck/metrics.h"
#include "ck/events.h"
#include "ck/config.h"

#define NSEC_PER_SEC		1000000000ULL

/* Conntrack maps: Cilium's layouts, smaller than its defaults (524288/262144) because
 * LRU maps are preallocated and every test run loads its own set; Cilium's dynamic
 * sizing goes as low as these. */
#define CK_CT_SIZE_TCP		131072
#define CK_CT_SIZE_ANY		65536

/* Lifetimes in seconds: Cilium's agent defaults. */
#define CT_LIFETIME_TCP		21600
#define CT_LIFETIME_NONTCP	60
#define CT_LIFETIME_SYN		60
#define CT_CLOSE_TIMEOUT	10
/* MonitorAggregationLevel medium reports an established flow again after this long. */
#define CT_REPORT_INTERVAL	5
#define EPHEMERAL_PORT_MIN	32768

#define MONITOR_AGG_LOWEST	1
#define MONITOR_AGG_MEDIUM	3

#define IDENTITY_WORLD		2

#define IPV6_MAX_EXTHDRS	6
/* Bytes of TCP payload the HTTP parser looks at: method, a path of L7_PATH_MAX, version. */
#define HTTP_SCAN_LEN		96
#define L7_PENDING_SIZE		16384

#define TH_FIN			0x01
#define TH_SYN			0x02
#define TH_RST			0x04
#define TH_ACK			0x10

enum ct_state { CT_NEW, CT_ESTABLISHED, CT_REPLY, CT_RELATED };

/* ---- maps ---------------------------------------------------------------------------- */

/* The inner map template by sizes: clang emits a struct reached only through the template's
 * pointers as a forward declaration, whose size libbpf cannot resolve. */
struct policy_map {
	__uint(type, BPF_MAP_TYPE_LPM_TRIE);
	__uint(key_size, sizeof(struct policy_key));
	__uint(value_size, sizeof(struct policy_entry));
	__uint(max_entries, POLICY_MAP_MAX_ENTRIES);
	__uint(map_flags, BPF_F_NO_PREALLOC);
};

/* Endpoint ID -> the endpoint's policy map. An endpoint without one is denied in every
 * direction its policy is enforced. */
struct {
	__uint(type, BPF_MAP_TYPE_HASH_OF_MAPS);
	__type(key, __u32);
	__uint(max_entries, EP_CONFIG_MAP_SIZE);
	__uint(pinning, LIBBPF_PIN_BY_NAME);
	__array(values, struct policy_map);
} ck_policy_maps SEC(".maps");

struct {
	__uint(type, BPF_MAP_TYPE_LRU_PERCPU_HASH);
	__type(key, struct policy_stats_key);
	__type(value, struct policy_stats_value);
	__uint(max_entries, POLICY_STATS_MAP_MAX_ENTRIES);
	__uint(map_flags, BPF_F_NO_COMMON_LRU);
	__uint(pinning, LIBBPF_PIN_BY_NAME);
} cilium_policystats SEC(".maps");

/* A map pinned by name under the loader's directory (the ones with flags are spelled out). */
#define PINNED_MAP(_name, _type, _key, _value, _size)	\
	struct {					\
		__uint(type, _type);			\
		__type(key, _key);			\
		__type(value, _value);			\
		__uint(max_entries, _size);		\
		__uint(pinning, LIBBPF_PIN_BY_NAME);	\
	} _name SEC(".maps")

PINNED_MAP(cilium_ct4_global, BPF_MAP_TYPE_LRU_HASH, struct ipv4_ct_tuple, struct ct_entry, CK_CT_SIZE_TCP);
PINNED_MAP(cilium_ct_any4_global, BPF_MAP_TYPE_LRU_HASH, struct ipv4_ct_tuple, struct ct_entry, CK_CT_SIZE_ANY);
PINNED_MAP(cilium_ct6_global, BPF_MAP_TYPE_LRU_HASH, struct ipv6_ct_tuple, struct ct_entry, CK_CT_SIZE_TCP);
PINNED_MAP(cilium_ct_any6_global, BPF_MAP_TYPE_LRU_HASH, struct ipv6_ct_tuple, struct ct_entry, CK_CT_SIZE_ANY);

struct {
	__uint(type, BPF_MAP_TYPE_LPM_TRIE);
	__type(key, struct ipcache_key);
	__type(value, struct remote_endpoint_info);
	__uint(max_entries, IPCACHE_MAP_SIZE);
	__uint(map_flags, BPF_F_NO_PREALLOC);
	__uint(pinning, LIBBPF_PIN_BY_NAME);
} cilium_ipcache_v2 SEC(".maps");

PINNED_MAP(cilium_lxc, BPF_MAP_TYPE_HASH, struct endpoint_key, struct endpoint_info, ENDPOINTS_MAP_SIZE);
PINNED_MAP(cilium_metrics, BPF_MAP_TYPE_PERCPU_HASH, struct metrics_key, struct metrics_value, METRICS_MAP_SIZE);
/*
 * Both keyed by the ifindex of the endpoint's host-side veth. ck_ep_config, read by every packet,
 * is an array indexed by it: one inlined bounds check and load, where a hash costs the hash and
 * a bucket walk (~60 ns a packet under traffic here). Endpoint ID 0 marks a slot without an
 * endpoint (IDs start at 1). Ifindexes grow with every interface a namespace creates, hence
 * 2^18 slots (6 MiB); the loader refuses a larger one (src/datapath/config.ts EP_CONFIG_SLOTS).
 */
#define EP_CONFIG_SLOTS		(1 << 18)
PINNED_MAP(ck_ep_config, BPF_MAP_TYPE_ARRAY, __u32, struct ep_config, EP_CONFIG_SLOTS);
PINNED_MAP(ck_event_budget, BPF_MAP_TYPE_HASH, __u32, struct event_budget, EP_CONFIG_MAP_SIZE);

struct {
	__uint(type, BPF_MAP_TYPE_RINGBUF);
	__uint(max_entries, 4 << 20);
	__uint(pinning, LIBBPF_PIN_BY_NAME);
} ck_events SEC(".maps");

/* HTTP requests waiting for their response, keyed by the conntrack tuple of the
 * connection (IPv4 addresses in the first 4 bytes): value = ktime of the request. */
PINNED_MAP(ck_l7_pending, BPF_MAP_TYPE_LRU_HASH, struct ipv6_ct_tuple, __u64, L7_PENDING_SIZE);

struct http_scratch {
	char buf[HTTP_SCAN_LEN];
};

struct {
	__uint(type, BPF_MAP_TYPE_PERCPU_ARRAY);
	__type(key, __u32);
	__type(value, struct http_scratch);
	__uint(max_entries, 1);
} ck_http_scratch SEC(".maps");

/* ---- packet parsing ------------------------------------------------------------------ */

struct pkt {
	__u8   saddr[16];	/* IPv4 in the first 4 bytes */
	__u8   daddr[16];
	__u8   ipv6;
	__u8   proto;		/* L4 protocol after extension headers */
	__u8   tcp_flags;
	__u8   icmp_type;
	__be16 sport;		/* conntrack ports: ICMP echo carries the identifier */
	__be16 dport;
	__be16 policy_dport;	/* the port the policy key matches: ICMP type for ICMP */
	__u8   fragment;	/* a non-first fragment: no L4 header */
	__u8   icmp_error;	/* an ICMP error; inner_* hold the packet it is about */
	__u32  payload_off;	/* TCP payload */
	__u8   inner_proto;
	__u8   pad;
	__be16 inner_sport;
	__be16 inner_dport;
	__u8   inner_saddr[16];
	__u8   inner_daddr[16];
};

static __always_inline int load(struct __sk_buff *skb, __u32 off, void *to, const __u32 len)
{
	void *data = (void *)(long)skb->data, *end = (void *)(long)skb->data_end;

	/* Headers normally sit in the skb's linear part: copy them without a helper call. The
	 * bound on off is for the verifier (a packet pointer's variable offset must be small).
	 * Word-sized copies: clang copies bytes one by one (a load, shift and or each) from a source
	 * it cannot prove aligned, and packet loads need no alignment where the verifier runs
	 * without strict alignment (every architecture with efficient unaligned access). The hot
	 * path's destinations (parse's headers, load_ports) are 4-byte aligned stack buffers; the
	 * cold paths' are not, and may still be copied a byte at a time. */
	if (off < 512 && data + off + len <= end) {
		__builtin_memcpy(to, __builtin_assume_aligned(data + off, 4), len);
		return 0;
	}
	return bpf_skb_load_bytes(skb, off, to, len);
}

/* Ports of a TCP/UDP/SCTP header at off: the first 4 bytes of all three. */
static __always_inline int load_ports(struct __sk_buff *skb, __u32 off, __be16 *sport, __be16 *dport)
{
	__be16 p[2] __attribute__((aligned(4)));

	if (load(skb, off, p, sizeof(p)) < 0)
		return -DROP_CT_INVALID_HDR;
	*sport = p[0];
	*dport = p[1];
	return 0;
}

static __always_inline __u8 is_icmp4_error(__u8 type)
{
	return type == 3 || type == 4 || type == 5 || type == 11 || type == 12;
}

/* The header of the packet an ICMP error quotes, at off: addresses, protocol, ports. */
static __always_inline int parse_inner(struct __sk_buff *skb, __u32 off, struct pkt *p)
{
	__u32 l4;

	if (!p->ipv6) {
		__u8 h[20];

		if (load(skb, off, h, sizeof(h)) < 0)
			return -DROP_INVALID;
		p->inner_proto = h[9];
		__builtin_memcpy(p->inner_saddr, &h[12], 4);
		__builtin_memcpy(p->inner_daddr, &h[16], 4);
		l4 = off + ((h[0] & 0x0f) << 2);
	} else {
		__u8 h[40];

		if (load(skb, off, h, sizeof(h)) < 0)
			return -DROP_INVALID;
		p->inner_proto = h[6];
		__builtin_memcpy(p->inner_saddr, &h[8], 16);
		__builtin_memcpy(p->inner_daddr, &h[24], 16);
		l4 = off + 40;
	}
	if (p->inner_proto == IPPROTO_TCP || p->inner_proto == IPPROTO_UDP || p->inner_proto == IPPROTO_SCTP)
		return load_ports(skb, l4, &p->inner_sport, &p->inner_dport);
	return 0;
}

/*
 * Cold paths (IPv6 extension headers, ICMP, new connections, drops) are subprograms: static
 * __noinline, so the verifier still checks them in their caller's context. The instructions an
 * established packet runs then stay few and together, which matters because bulk traffic
 * evicts the instruction cache between packets.
 */

/* The IPv6 header and its extension headers: the offset of the L4 header, or -DROP_*. */
static __noinline int parse_ipv6(struct __sk_buff *skb, struct pkt *p)
{
	__u32 off = ETH_HLEN + 40;
	__u8 h[40];
	__u8 nexthdr;
	int i;

	if (load(skb, ETH_HLEN, h, sizeof(h)) < 0)
		return -DROP_INVALID;
	if ((h[0] >> 4) != 6)
		return -DROP_INVALID;
	p->ipv6 = 1;
	nexthdr = h[6];
	__builtin_memcpy(p->saddr, &h[8], 16);
	__builtin_memcpy(p->daddr, &h[24], 16);
	/* IPV6_MAX_EXTHDRS is the bound the verifier proves; a chain longer than that is refused. */
	for (i = 0; i < IPV6_MAX_EXTHDRS; i++) {
		__u8 e[4];

		if (nexthdr != 0 && nexthdr != 43 && nexthdr != 60 && nexthdr != 44 && nexthdr != 51)
			break;
		if (load(skb, off, e, sizeof(e)) < 0)
			return -DROP_INVALID_EXTHDR;
		if (nexthdr == 44) {
			/* Fragment header: 8 bytes; offset in the top 13 bits of bytes 2-3. */
			if ((((__u16)e[2] << 8) | e[3]) & 0xfff8)
				p->fragment = 1;
			off += 8;
		} else if (nexthdr == 51) {
			off += ((__u32)e[1] + 2) << 2;	/* AH counts 4-byte units */
		} else {
			off += ((__u32)e[1] + 1) << 3;
		}
		nexthdr = e[0];
	}
	if (nexthdr == 0 || nexthdr == 43 || nexthdr == 60 || nexthdr == 44 || nexthdr == 51)
		return -DROP_INVALID_EXTHDR;
	p->proto = nexthdr;
	return off;
}

/* ICMPv4/v6 at off: the type, echo identifiers as conntrack ports, the quoted packet of an
 * error. Returns 0, 1 for neighbour discovery (passes untouched), or -DROP_*. */
static __noinline int parse_icmp(struct __sk_buff *skb, struct pkt *p, __u32 off)
{
	__u8 c[8];
	__be16 id;

	if (load(skb, off, c, sizeof(c)) < 0)
		return -DROP_CT_INVALID_HDR;
	p->icmp_type = c[0];
	p->policy_dport = bpf_htons(c[0]);
	__builtin_memcpy(&id, &c[4], 2);
	if (!p->ipv6) {
		if (c[0] == 8)		/* echo request: the identifier is the source "port" */
			p->sport = id;
		else if (c[0] == 0)	/* echo reply */
			p->dport = id;
		else if (is_icmp4_error(c[0]))
			p->icmp_error = 1;
	} else {
		/* Neighbour discovery and MLD keep the link working: never subject to policy. */
		if ((c[0] >= 130 && c[0] <= 137) || c[0] == 143)
			return 1;
		if (c[0] == 128)
			p->sport = id;
		else if (c[0] == 129)
			p->dport = id;
		else if (c[0] < 128)
			p->icmp_error = 1;
	}
	if (p->icmp_error)
		return parse_inner(skb, off + 8, p);
	return 0;
}

/* Returns 0, 1 for a packet to pass untouched (ARP, IPv6 neighbour discovery), or -DROP_*. */
static __always_inline int parse(struct __sk_buff *skb, struct pkt *p)
{
	__be16 proto = skb->protocol;
	int off = ETH_HLEN;

	if (proto == bpf_htons(ETH_P_IP)) {
		__u8 h[20] __attribute__((aligned(4)));
		__u32 ihl;

		if (load(skb, off, h, sizeof(h)) < 0)
			return -DROP_INVALID;
		ihl = (h[0] & 0x0f) << 2;
		if ((h[0] >> 4) != 4 || ihl < 20)
			return -DROP_INVALID;
		p->proto = h[9];
		p->fragment = ((((__u16)h[6] << 8) | h[7]) & 0x1fff) != 0;
		__builtin_memcpy(p->saddr, &h[12], 4);
		__builtin_memcpy(p->daddr, &h[16], 4);
		off += ihl;
	} else if (proto == bpf_htons(ETH_P_IPV6)) {
		off = parse_ipv6(skb, p);
		if (off < 0)
			return off;
	} else if (proto == bpf_htons(ETH_P_ARP)) {
		return 1;
	} else {
		return -DROP_UNKNOWN_L3;
	}

	if (p->fragment)
		return 0;

	switch (p->proto) {
	case IPPROTO_TCP: {
		__u8 t[14] __attribute__((aligned(4)));

		if (load(skb, off, t, sizeof(t)) < 0)
			return -DROP_CT_INVALID_HDR;
		__builtin_memcpy(&p->sport, &t[0], 2);
		__builtin_memcpy(&p->dport, &t[2], 2);
		p->tcp_flags = t[13];
		p->payload_off = off + ((t[12] >> 4) << 2);
		p->policy_dport = p->dport;
		return 0;
	}
	case IPPROTO_UDP:
	case IPPROTO_SCTP: {
		int ret = load_ports(skb, off, &p->sport, &p->dport);

		p->policy_dport = p->dport;
		return ret;
	}
	case IPPROTO_ICMP:
	case IPPROTO_ICMPV6:
		return parse_icmp(skb, p, off);
	default:
		return 0;
	}
}

/* ---- identities ---------------------------------------------------------------------- */

static __always_inline __u32 lookup_identity(const __u8 *addr, __u8 ipv6)
{
	struct ipcache_key key = {
		.prefixlen = IPCACHE_STATIC_PREFIX_BITS + (ipv6 ? 128 : 32),
		.family = ipv6 ? ENDPOINT_KEY_IPV6 : ENDPOINT_KEY_IPV4,
	};
	struct remote_endpoint_info *info;

	__builtin_memcpy(key.ip, addr, 16);
	info = bpf_map_lookup_elem(&cilium_ipcache_v2, &key);
	return info ? info->sec_identity : IDENTITY_WORLD;
}

/* The endpoint ID of a local destination address (cilium_lxc), 0 when it is not one. */
static __always_inline __u16 lookup_endpoint_id(const __u8 *addr, __u8 ipv6)
{
	struct endpoint_key key = {.family = ipv6 ? ENDPOINT_KEY_IPV6 : ENDPOINT_KEY_IPV4};
	struct endpoint_info *info;

	__builtin_memcpy(key.ip, addr, 16);
	info = bpf_map_lookup_elem(&cilium_lxc, &key);
	return info ? info->lxc_id : 0;
}

/* ---- conntrack ----------------------------------------------------------------------- */

/* A tuple in the IPv6 layout; IPv4 tuples are cut from it (addresses in the first 4 bytes). */
static __always_inline void make_tuple(struct ipv6_ct_tuple *t, const __u8 *daddr, const __u8 *saddr,
				       __be16 dport, __be16 sport, __u8 nexthdr, __u8 flags)
{
	__builtin_memcpy(t->daddr, daddr, 16);
	__builtin_memcpy(t->saddr, saddr, 16);
	t->dport = dport;
	t->sport = sport;
	t->nexthdr = nexthdr;
	t->flags = flags;
}

/* The conntrack map of a tuple's family (4 or 6) and protocol: TCP, or any other. */
#define CT_MAP_OF(t, family) \
	((t)->nexthdr == IPPROTO_TCP ? (void *)&cilium_ct##family##_global : (void *)&cilium_ct_any##family##_global)

/* The IPv4 map key of a tuple kept in the IPv6 layout. */
static __always_inline void ct_tuple4(const struct ipv6_ct_tuple *t, struct ipv4_ct_tuple *t4)
{
	__builtin_memcpy(&t4->daddr, t->daddr, 4);
	__builtin_memcpy(&t4->saddr, t->saddr, 4);
	t4->dport = t->dport;
	t4->sport = t->sport;
	t4->nexthdr = t->nexthdr;
	t4->flags = t->flags;
}

/* Each lookup names one map: the verifier inlines a hash lookup (a direct call of the bucket
 * walk) only at a call site whose map it knows, and a site fed by CT_MAP_OF's select goes through
 * the generic helper and an indirect call instead (~15% of an established packet under traffic).
 * The empty asm keeps clang from merging the two calls back into one on a selected map. */
#define CT_LOOKUP(proto, key, family) ({						\
	void *_e;									\
	if ((proto) == IPPROTO_TCP) {							\
		_e = bpf_map_lookup_elem(&cilium_ct##family##_global, key);		\
	} else {									\
		asm volatile("");							\
		_e = bpf_map_lookup_elem(&cilium_ct_any##family##_global, key);		\
	}										\
	(struct ct_entry *)_e;								\
})

static __always_inline struct ct_entry *ct_find(const struct ipv6_ct_tuple *t, __u8 ipv6)
{
	struct ipv4_ct_tuple t4;

	if (ipv6)
		return CT_LOOKUP(t->nexthdr, t, 6);
	ct_tuple4(t, &t4);
	return CT_LOOKUP(t->nexthdr, &t4, 4);
}

static __always_inline int ct_insert(const struct ipv6_ct_tuple *t, __u8 ipv6, const struct ct_entry *e)
{
	struct ipv4_ct_tuple t4;

	if (ipv6)
		return bpf_map_update_elem(CT_MAP_OF(t, 6), t, e, BPF_ANY);
	ct_tuple4(t, &t4);
	return bpf_map_update_elem(CT_MAP_OF(t, 4), &t4, e, BPF_ANY);
}

/* The running kernel's tick rate, which libbpf reads from its config (/boot/config-<release> or
 * /proc/config.gz); 0 where neither exists: libbpf fails the load without a config file even for a
 * __weak extern, so the loader (src/datapath) then hands it CONFIG_HZ=0 itself. */
extern unsigned int CONFIG_HZ __kconfig __weak;

/*
 * The conntrack clock: CLOCK_MONOTONIC seconds. From jiffies where the tick rate is known: the
 * verifier turns bpf_jiffies64 into one load, where bpf_ktime_get_coarse_ns is a call that reads
 * the timekeeper under its sequence count and normalizes a timespec (~7% of an established packet
 * under traffic). jiffies start at INITIAL_JIFFIES, 300 s of ticks before the 32-bit wrap, so
 * (jiffies - INITIAL_JIFFIES) / HZ follows CLOCK_MONOTONIC within a tick or so: entries written
 * under either clock stay comparable.
 */
static __always_inline __u32 now_sec(void)
{
	__u32 hz = CONFIG_HZ;

	if (hz)
		return (bpf_jiffies64() - (__u64)(__u32)(-300 * hz)) / hz;
	return bpf_ktime_get_coarse_ns() / NSEC_PER_SEC;
}

static __always_inline __u32 ct_lifetime(const struct pkt *p, const struct ct_entry *e)
{
	if (p->proto != IPPROTO_TCP)
		return CT_LIFETIME_NONTCP;
	if ((e->flags & (CT_F_RX_CLOSING | CT_F_TX_CLOSING)) == (CT_F_RX_CLOSING | CT_F_TX_CLOSING) ||
	    ((e->tx_flags_seen | e->rx_flags_seen) & TH_RST))
		return CT_CLOSE_TIMEOUT;
	/* Until the reply direction acknowledged, the connection is only being opened. */
	if (!(e->rx_flags_seen & TH_ACK))
		return CT_LIFETIME_SYN;
	return CT_LIFETIME_TCP;
}

struct ct_result {
	enum ct_state state;
	__u8  report;		/* the flow is due a trace under MonitorAggregationLevel medium */
	__u32 src_identity;	/* of an existing entry */
	/* The connection's key: the forward key of a created entry, the matched key of a related
	 * packet or an IPv6 one; the IPv4 lookup builds its key apart (ct_key4), so the HTTP path
	 * fills this in for an established or reply IPv4 packet. */
	struct ipv6_ct_tuple tuple;
};

/* The key of the packet's connection if the packet travels in the connection's original direction
 * (reply 0: the endpoint opened it when egress) or answers it (reply 1). */
static __always_inline void ct_key(struct ipv6_ct_tuple *t, const struct pkt *p, __u8 reply, __u8 egress)
{
	if (reply)
		make_tuple(t, p->daddr, p->saddr, p->sport, p->dport, p->proto, egress ? TUPLE_F_IN : TUPLE_F_OUT);
	else
		make_tuple(t, p->saddr, p->daddr, p->dport, p->sport, p->proto, egress ? TUPLE_F_OUT : TUPLE_F_IN);
}

/* The IPv4 map key of ct_key, built in place: an established packet's lookup then copies no
 * tuple in the IPv6 layout first. */
static __always_inline void ct_key4(struct ipv4_ct_tuple *t, const struct pkt *p, __u8 reply, __u8 egress)
{
	if (reply) {
		__builtin_memcpy(&t->daddr, p->daddr, 4);
		__builtin_memcpy(&t->saddr, p->saddr, 4);
		t->dport = p->sport;
		t->sport = p->dport;
		t->flags = egress ? TUPLE_F_IN : TUPLE_F_OUT;
	} else {
		__builtin_memcpy(&t->daddr, p->saddr, 4);
		__builtin_memcpy(&t->saddr, p->daddr, 4);
		t->dport = p->dport;
		t->sport = p->sport;
		t->flags = egress ? TUPLE_F_OUT : TUPLE_F_IN;
	}
	t->nexthdr = p->proto;
}

/* Whether the packet is more likely a reply than a request, by its ports: a client's port is
 * ephemeral (Linux's default ip_local_port_range starts at 32768) and the service's is not. An
 * echo reply carries its identifier as the destination port. Only the lookup order follows this. */
static __always_inline __u8 likely_reply(const struct pkt *p)
{
	return bpf_ntohs(p->dport) >= EPHEMERAL_PORT_MIN && bpf_ntohs(p->sport) < EPHEMERAL_PORT_MIN;
}

/* An ICMP error: the packet it quotes travelled the other way, so it belongs to a connection
 * its source opened (first key) or answered (second key). */
static __noinline void ct_lookup_related(const struct pkt *p, __u8 egress, __u32 now, struct ct_result *r)
{
	struct ct_entry *e;

	make_tuple(&r->tuple, p->inner_saddr, p->inner_daddr, p->inner_dport, p->inner_sport,
		   p->inner_proto, egress ? TUPLE_F_IN : TUPLE_F_OUT);
	e = ct_find(&r->tuple, p->ipv6);
	if (!e) {
		make_tuple(&r->tuple, p->inner_daddr, p->inner_saddr, p->inner_sport, p->inner_dport,
			   p->inner_proto, egress ? TUPLE_F_OUT : TUPLE_F_IN);
		e = ct_find(&r->tuple, p->ipv6);
	}
	if (e && e->lifetime >= now) {
		r->state = CT_RELATED;
		r->src_identity = e->src_sec_id;
	}
}

/*
 * Looks the packet up in the direction `egress` (from the endpoint) or ingress and
 * updates the entry it hits. Keys follow Cilium: addresses named for the reply
 * direction (daddr = the original source), ports for the original direction, flags
 * TUPLE_F_OUT for connections the endpoint opened, TUPLE_F_IN for those opened to it.
 */
static __always_inline void ct_lookup(struct __sk_buff *skb, const struct pkt *p, __u8 egress, __u8 accounting,
				      struct ct_result *r)
{
	struct ct_entry *e;
	__u32 now = now_sec();
	__u8 reply;

	r->state = CT_NEW;
	if (p->icmp_error) {
		ct_lookup_related(p, egress, now, r);
		return;
	}

	/* The likelier key first: a missed lookup costs a cold hash bucket under traffic. */
	reply = likely_reply(p);
	if (p->ipv6) {
		ct_key(&r->tuple, p, reply, egress);
		e = CT_LOOKUP(p->proto, &r->tuple, 6);
		if (!e) {
			reply = !reply;
			ct_key(&r->tuple, p, reply, egress);
			e = CT_LOOKUP(p->proto, &r->tuple, 6);
		}
	} else {
		struct ipv4_ct_tuple t4;

		ct_key4(&t4, p, reply, egress);
		e = CT_LOOKUP(p->proto, &t4, 4);
		if (!e) {
			reply = !reply;
			ct_key4(&t4, p, reply, egress);
			e = CT_LOOKUP(p->proto, &t4, 4);
		}
	}
	if (!e || e->lifetime < now)
		return;
	/* A SYN on a connection that was closing opens a new one. */
	if (!reply && (p->tcp_flags & (TH_SYN | TH_ACK)) == TH_SYN && (e->flags & (CT_F_RX_CLOSING | CT_F_TX_CLOSING)))
		return;

	r->state = reply ? CT_REPLY : CT_ESTABLISHED;
	r->src_identity = e->src_sec_id;
	/* Both directions of a connection hit this entry, often from two CPUs: the counters are
	 * opt-in (ConntrackAccounting, off by default as in Cilium) and the other fields are written
	 * only when they change, so the cache line is not bounced on every packet. */
	if (accounting) {
		__sync_fetch_and_add(&e->packets, 1);
		__sync_fetch_and_add(&e->bytes, skb->len);
	}
	if (reply) {
		if (p->tcp_flags & ~e->rx_flags_seen) {
			r->report = 1;
			e->rx_flags_seen |= p->tcp_flags;
		}
		if ((p->tcp_flags & (TH_FIN | TH_RST)))
			e->flags |= p->tcp_flags & TH_RST ? CT_F_RX_CLOSING | CT_F_TX_CLOSING : CT_F_RX_CLOSING;
		if (r->report || now - e->last_rx_report >= CT_REPORT_INTERVAL) {
			r->report = 1;
			e->last_rx_report = now;
		}
	} else {
		if (p->tcp_flags & ~e->tx_flags_seen) {
			r->report = 1;
			e->tx_flags_seen |= p->tcp_flags;
		}
		if (p->proto == IPPROTO_TCP && !(p->tcp_flags & TH_SYN) && !(e->flags & CT_F_SEEN_NON_SYN))
			e->flags |= CT_F_SEEN_NON_SYN;
		if ((p->tcp_flags & (TH_FIN | TH_RST)))
			e->flags |= p->tcp_flags & TH_RST ? CT_F_RX_CLOSING | CT_F_TX_CLOSING : CT_F_TX_CLOSING;
		if (r->report || now - e->last_tx_report >= CT_REPORT_INTERVAL) {
			r->report = 1;
			e->last_tx_report = now;
		}
	}
	if (e->lifetime != now + ct_lifetime(p, e))
		e->lifetime = now + ct_lifetime(p, e);
}

/* ---- policy -------------------------------------------------------------------------- */

struct verdict {
	__s32 verdict;		/* 0 allow, > 0 proxy port, < 0 -DROP_* */
	__u8  match_type;
	__u8  auth_type;
	__u8  audited;
	__u8  has_entry;	/* stats_key names the entry that decided */
	__u32 cookie;
	struct policy_stats_key stats_key;
};

static __always_inline __u8 entry_prefix(const struct policy_entry *e)
{
	return e->flags >> POLICY_ENTRY_PREFIX_SHIFT;
}

static __always_inline __u8 match_type(__u8 by_identity, __u8 prefix)
{
	if (by_identity)
		return prefix > 8 ? POLICY_MATCH_L3_L4 : prefix > 0 ? POLICY_MATCH_L3_PROTO : POLICY_MATCH_L3_ONLY;
	return prefix == 0 ? POLICY_MATCH_ALL : prefix <= 8 ? POLICY_MATCH_PROTO_ONLY : POLICY_MATCH_L4_ONLY;
}

/*
 * The newest Cilium verdict (cilium.md §2.3): look up (remote identity, direction,
 * protocol, port) and, unless that hit is a final deny, the same with identity 0; the
 * higher precedence wins, then the longer protocol/port prefix. A miss is DROP_POLICY.
 */
static __always_inline void policy_verdict(void *policy, __u16 endpoint_id, __u32 remote, __u8 egress,
					   const struct pkt *p, struct verdict *v)
{
	struct policy_key key = {
		.prefixlen = POLICY_FULL_PREFIX_BITS,
		.identity = remote,
		.flags = egress ? POLICY_KEY_EGRESS : 0,
		.protocol = p->proto,
		.dport = p->fragment ? 0 : p->policy_dport,
	};
	struct policy_entry *a, *b = NULL, *chosen;
	__u8 by_identity, prefix;

	a = bpf_map_lookup_elem(policy, &key);
	if (!a || a->precedence != 0xffffffff) {
		key.identity = 0;
		b = bpf_map_lookup_elem(policy, &key);
	}
	if (b && (!a || b->precedence > a->precedence ||
		  (b->precedence == a->precedence && entry_prefix(b) > entry_prefix(a))))
		chosen = b, by_identity = 0;
	else
		chosen = a, by_identity = 1;
	if (!chosen) {
		v->verdict = p->fragment ? -DROP_FRAG_NOSUPPORT : -DROP_POLICY;
		v->match_type = POLICY_MATCH_NONE;
		return;
	}

	prefix = entry_prefix(chosen);
	if (prefix > 24)
		prefix = 24;
	v->match_type = match_type(by_identity, prefix);
	v->cookie = chosen->cookie;
	v->has_entry = 1;
	v->stats_key.endpoint_id = endpoint_id;
	v->stats_key.prefix_len = prefix;
	v->stats_key.identity = by_identity ? remote : 0;
	v->stats_key.flags = key.flags;
	v->stats_key.protocol = prefix ? p->proto : 0;
	v->stats_key.dport = prefix > 8 ? key.dport & bpf_htons((__u16)(0xffff << (24 - prefix))) : 0;

	if (chosen->flags & POLICY_ENTRY_DENY) {
		v->verdict = -DROP_POLICY_DENY;
		return;
	}
	v->auth_type = chosen->auth_type & POLICY_ENTRY_AUTH_TYPE_MASK;
	/* An entry without its own auth type takes a higher one from the other candidate of equal precedence. */
	if (!(chosen->auth_type & POLICY_ENTRY_EXPLICIT_AUTH)) {
		struct policy_entry *other = chosen == a ? b : a;

		if (other && other->precedence == chosen->precedence &&
		    (other->auth_type & POLICY_ENTRY_AUTH_TYPE_MASK) > v->auth_type)
			v->auth_type = other->auth_type & POLICY_ENTRY_AUTH_TYPE_MASK;
	}
	if (v->auth_type) {
		v->verdict = -DROP_POLICY_AUTH_REQUIRED;
		return;
	}
	v->verdict = bpf_ntohs(chosen->proxy_port);
}

/* The value under key, created from init first when missing (NULL only when the map is full). */
static __always_inline void *lookup_or_init(void *map, const void *key, const void *init)
{
	void *v = bpf_map_lookup_elem(map, key);

	if (v)
		return v;
	bpf_map_update_elem(map, key, init, BPF_NOEXIST);
	return bpf_map_lookup_elem(map, key);
}

static __always_inline void policy_account(struct __sk_buff *skb, const struct verdict *v)
{
	struct policy_stats_value zero = {}, *s;

	if (!v->has_entry)
		return;
	s = lookup_or_init(&cilium_policystats, &v->stats_key, &zero);
	if (s) {
		/* Per-CPU value: only this CPU writes it. */
		s->packets += 1;
		s->bytes += skb->len;
	}
}

/* ---- metrics and notifications ------------------------------------------------------- */

static __always_inline void update_metrics(struct __sk_buff *skb, __u8 reason, __u8 egress, __u16 line)
{
	struct metrics_key key = {
		.reason = reason,
		.dir = egress ? METRIC_EGRESS : METRIC_INGRESS,
		.line = reason ? line : 0,
		.file = reason ? CK_FILE_BPF_LXC : 0,
	};
	struct metrics_value zero = {}, *m = lookup_or_init(&cilium_metrics, &key, &zero);

	if (m) {
		m->count += 1;
		m->bytes += skb->len;
	}
}

/* The endpoint's notification budget (events_per_sec, a one-second window). */
static __always_inline int event_allowed(__u32 ifindex, const struct ep_config *cfg)
{
	struct event_budget *b;
	__u64 now;

	if (!cfg->events_per_sec)
		return 1;
	now = bpf_ktime_get_coarse_ns();	/* a one-second window needs no finer clock than the tick */
	b = lookup_or_init(&ck_event_budget, &ifindex, &(struct event_budget){.window_start_ns = now});
	if (!b)
		return 1;
	if (now - b->window_start_ns >= NSEC_PER_SEC) {
		b->window_start_ns = now;
		b->sent = 0;
	}
	if (b->sent >= cfg->events_per_sec) {
		__sync_fetch_and_add(&b->suppressed, 1);
		return 0;
	}
	__sync_fetch_and_add(&b->sent, 1);
	return 1;
}

/* Space for one notification of the endpoint in ck_events, or NULL when its budget or the ring
 * buffer is spent (a full ring buffer counts as suppressed too: user space never sees those). */
static __always_inline void *reserve_event(__u32 ifindex, const struct ep_config *cfg, __u32 size)
{
	struct event_budget *b;
	void *r;

	if (!event_allowed(ifindex, cfg))
		return NULL;
	r = bpf_ringbuf_reserve(&ck_events, size, 0);
	if (r)
		return r;
	b = lookup_or_init(&ck_event_budget, &ifindex, &(struct event_budget){.window_start_ns = bpf_ktime_get_coarse_ns()});
	if (b)
		__sync_fetch_and_add(&b->suppressed, 1);
	return NULL;
}

static __always_inline void fill_hdr(struct __sk_buff *skb, struct notify_hdr *h, __u8 type, __u8 subtype,
				     __u16 source, __u8 version, void *payload)
{
	__u32 cap = skb->len;

	if (cap > CK_PAYLOAD_LEN)
		cap = CK_PAYLOAD_LEN;
	h->type = type;
	h->subtype = subtype;
	h->source = source;
	h->hash = bpf_get_hash_recalc(skb);
	h->len_orig = skb->len;
	h->version = version;
	h->ext_version = 0;
	h->len_cap = 0;
	if (cap > 0 && bpf_skb_load_bytes(skb, 0, payload, cap) == 0)
		h->len_cap = cap;
}

struct trace_record { struct trace_notify n; __u8 data[CK_PAYLOAD_LEN]; };
struct drop_record { struct drop_notify n; __u8 data[CK_PAYLOAD_LEN]; };
struct verdict_record { struct policy_verdict_notify n; __u8 data[CK_PAYLOAD_LEN]; };
struct l7_record { struct l7_notify n; __u8 data[CK_PAYLOAD_LEN]; };

/* What one packet's notifications share. A copy of the config, not a pointer to the map
 * value: the senders are global functions, which see their arguments as plain memory. */
struct ctx {
	struct ep_config cfg;
	__u32 ifindex;
	__u8  egress;
	__u8  resolved;		/* the fields below are filled (resolve()) */
	__u32 remote;		/* the peer's identity */
	__u32 src_identity;
	__u32 dst_identity;
	__u16 dst_id;
	__u16 drop_line;	/* where handle_new decided a drop (drop_reason) */
	__u8  drop_reason;
};

/* The identities and the destination endpoint cost an LPM and a hash lookup: only new
 * connections (policy) and notifications need them, not every established packet. */
static __always_inline void resolve(struct ctx *c, const struct pkt *p)
{
	if (c->resolved)
		return;
	c->resolved = 1;
	c->remote = lookup_identity(c->egress ? p->daddr : p->saddr, p->ipv6);
	c->src_identity = c->egress ? c->cfg.identity : c->remote;
	c->dst_identity = c->egress ? c->remote : c->cfg.identity;
	c->dst_id = c->egress ? lookup_endpoint_id(p->daddr, p->ipv6) : c->cfg.endpoint_id;
}

__noinline int send_trace(struct __sk_buff *skb, const struct ctx *c, const struct pkt *p, __u8 reason)
{
	struct trace_record *r;

	if (!c || !p)
		return 0;

	r = reserve_event(c->ifindex, &c->cfg, sizeof(*r));
	if (!r)
		return 0;
	fill_hdr(skb, &r->n.hdr, CK_NOTIFY_TRACE, c->egress ? TRACE_FROM_LXC : TRACE_TO_LXC,
		 c->cfg.endpoint_id, TRACE_NOTIFY_VERSION, r->data);
	r->n.src_label = c->src_identity;
	r->n.dst_label = c->dst_identity;
	r->n.dst_id = c->dst_id;
	r->n.reason = reason;
	r->n.flags = p->ipv6 ? NOTIFY_F_IPV6 : 0;
	r->n.ifindex = c->ifindex;
	__builtin_memcpy(r->n.orig_ip, p->saddr, 16);
	r->n.ip_trace_id = 0;
	bpf_ringbuf_submit(r, 0);
	return 0;
}

__noinline int send_drop(struct __sk_buff *skb, const struct ctx *c, const struct pkt *p,
				      __u8 reason, __u16 line)
{
	struct drop_record *r;

	if (!c || !p)
		return 0;

	r = reserve_event(c->ifindex, &c->cfg, sizeof(*r));
	if (!r)
		return 0;
	fill_hdr(skb, &r->n.hdr, CK_NOTIFY_DROP, reason, c->cfg.endpoint_id, DROP_NOTIFY_VERSION, r->data);
	r->n.src_label = c->src_identity;
	r->n.dst_label = c->dst_identity;
	r->n.dst_id = c->dst_id;
	r->n.line = line;
	r->n.file = CK_FILE_BPF_LXC;
	r->n.ext_error = 0;
	r->n.ifindex = c->ifindex;
	r->n.flags = p->ipv6 ? NOTIFY_F_IPV6 : 0;
	r->n.pad[0] = r->n.pad[1] = r->n.pad[2] = 0;
	r->n.ip_trace_id = 0;
	bpf_ringbuf_submit(r, 0);
	return 0;
}

__noinline int send_verdict(struct __sk_buff *skb, const struct ctx *c, const struct pkt *p,
					 __u32 remote, const struct verdict *v)
{
	struct verdict_record *r;

	if (!c || !p || !v)
		return 0;

	r = reserve_event(c->ifindex, &c->cfg, sizeof(*r));
	if (!r)
		return 0;
	fill_hdr(skb, &r->n.hdr, CK_NOTIFY_POLICY_VERDICT, 0, c->cfg.endpoint_id, POLICY_VERDICT_NOTIFY_VERSION, r->data);
	r->n.remote_label = remote;
	r->n.verdict = v->verdict;
	r->n.dst_port = bpf_ntohs(p->policy_dport);
	r->n.proto = p->proto;
	r->n.flags = (c->egress ? PV_DIR_EGRESS : PV_DIR_INGRESS) | (p->ipv6 ? PV_F_IPV6 : 0) |
		     (v->match_type << PV_F_MATCH_SHIFT) | (v->audited ? PV_F_AUDITED : 0);
	r->n.auth_type = v->auth_type;
	r->n.pad0[0] = r->n.pad0[1] = r->n.pad0[2] = 0;
	r->n.cookie = v->cookie;
	r->n.pad1 = 0;
	bpf_ringbuf_submit(r, 0);
	return 0;
}

__noinline int send_debug(struct __sk_buff *skb, const struct ctx *c, __u32 arg1, __u32 arg2, __u32 arg3)
{
	struct debug_msg *m;

	if (!c)
		return 0;

	m = reserve_event(c->ifindex, &c->cfg, sizeof(*m));
	if (!m)
		return 0;
	m->type = CK_NOTIFY_DBG_MSG;
	m->subtype = DBG_CT_VERDICT;
	m->source = c->cfg.endpoint_id;
	m->hash = bpf_get_hash_recalc(skb);
	m->arg1 = arg1;
	m->arg2 = arg2;
	m->arg3 = arg3;
	m->pad = 0;
	bpf_ringbuf_submit(m, 0);
	return 0;
}

/* ---- HTTP/1.x first lines ------------------------------------------------------------ */

static __always_inline int starts_with(const char *buf, const char *word, int len)
{
	for (int i = 0; i < len; i++)
		if (buf[i] != word[i])
			return 0;
	return 1;
}

/* The request methods we parse: each word with its trailing space, and that length. */
#define CK_HTTP_METHODS(X) \
	X("GET ", 4) X("PUT ", 4) X("POST ", 5) X("HEAD ", 5) X("PATCH ", 6) X("DELETE ", 7) \
	X("OPTIONS ", 8) X("CONNECT ", 8)

/* Length of the method if buf starts with "<METHOD> ", else 0. */
static __always_inline __u8 http_method_len(const char *buf)
{
#define CK_METHOD_LEN(word, len) \
	if (starts_with(buf, word, len)) \
		return len - 1;
	CK_HTTP_METHODS(CK_METHOD_LEN)
#undef CK_METHOD_LEN
	return 0;
}

static __always_inline __u8 is_digit(char c)
{
	return c >= '0' && c <= '9';
}

/* Whether a TCP payload may begin an HTTP/1.x first line, by its first four bytes: bulk data
 * then skips the parser's call and its 96-byte copy. */
static __always_inline int http_candidate(struct __sk_buff *skb, __u32 payload_off)
{
	char b[4];

	if (load(skb, payload_off, b, sizeof(b)) < 0)
		return 0;
	if (starts_with(b, "HTTP", 4))
		return 1;
	/* The first four bytes of a method: every word in the list has at least four. */
#define CK_METHOD_START(word, len) \
	if (starts_with(b, word, 4)) \
		return 1;
	CK_HTTP_METHODS(CK_METHOD_START)
#undef CK_METHOD_START
	return 0;
}

/*
 * Reports the first line of an HTTP/1.x request or response carried by this TCP
 * segment. A request remembers its time under the connection's conntrack key; the
 * response on the same connection (the reply direction resolves to the same key)
 * reports the time since.
 */
__noinline int http_visibility(struct __sk_buff *skb, const struct ctx *c, const struct pkt *p,
					    const struct ct_result *ct)
{
	struct http_scratch *s;
	struct l7_record *r;
	__u32 zero = 0, avail, n;
	int ret;
	__u8 method_len = 0, minor = 0;
	__u16 status = 0;
	__u64 now, *pending;

	if (!c || !p || !ct)
		return 0;

	if (p->proto != IPPROTO_TCP || p->fragment || skb->len <= p->payload_off)
		return 0;
	avail = skb->len - p->payload_off;
	/* "GET / HTTP/1.1" is the shortest first line worth reading. */
	if (avail < 14)
		return 0;
	s = bpf_map_lookup_elem(&ck_http_scratch, &zero);
	if (!s)
		return 0;
	/* Load sizes are constants: clang checks a variable length on one register copy and
	 * passes another, which the verifier then finds unbounded. */
	if (avail >= HTTP_SCAN_LEN)
		n = HTTP_SCAN_LEN, ret = bpf_skb_load_bytes(skb, p->payload_off, s->buf, HTTP_SCAN_LEN);
	else if (avail >= 64)
		n = 64, ret = bpf_skb_load_bytes(skb, p->payload_off, s->buf, 64);
	else if (avail >= 32)
		n = 32, ret = bpf_skb_load_bytes(skb, p->payload_off, s->buf, 32);
	else
		n = 14, ret = bpf_skb_load_bytes(skb, p->payload_off, s->buf, 14);
	if (ret < 0)
		return 0;

	if (starts_with(s->buf, "HTTP/1.", 7) && is_digit(s->buf[7]) && s->buf[8] == ' ' &&
	    is_digit(s->buf[9]) && is_digit(s->buf[10]) && is_digit(s->buf[11])) {
		minor = s->buf[7] - '0';
		status = (s->buf[9] - '0') * 100 + (s->buf[10] - '0') * 10 + (s->buf[11] - '0');
	} else {
		method_len = http_method_len(s->buf);
		if (!method_len)
			return 0;
	}
	if (ct->state == CT_NEW && !method_len)
		return 0;	/* a response must belong to a tracked connection */

	now = bpf_ktime_get_ns();
	r = reserve_event(c->ifindex, &c->cfg, sizeof(*r));
	if (!r)
		return 0;
	fill_hdr(skb, &r->n.hdr, CK_NOTIFY_L7, method_len ? L7_TYPE_REQUEST : L7_TYPE_RESPONSE,
		 c->cfg.endpoint_id, L7_NOTIFY_VERSION, r->data);
	r->n.src_label = c->src_identity;
	r->n.dst_label = c->dst_identity;
	r->n.dst_id = c->dst_id;
	r->n.flags = p->ipv6 ? NOTIFY_F_IPV6 : 0;
	r->n.ifindex = c->ifindex;
	r->n.latency_ns = 0;
	r->n.status = status;
	r->n.method_len = method_len;
	r->n.path_len = 0;
	__builtin_memset(r->n.pad, 0, sizeof(r->n.pad));
	__builtin_memset(r->n.method, 0, sizeof(r->n.method));
	__builtin_memset(r->n.path, 0, sizeof(r->n.path));

	if (method_len) {
		__u32 i, at = method_len + 1;

		for (i = 0; i < L7_METHOD_MAX && i < method_len; i++)
			r->n.method[i] = s->buf[i];
		/* L7_PATH_MAX bounds the copy for the verifier; the space before the version ends it. */
		for (i = 0; i < L7_PATH_MAX; i++) {
			__u32 j = at + i;
			char ch;

			if (j >= n || j >= HTTP_SCAN_LEN)
				break;
			ch = s->buf[j];
			if (ch == ' ' || ch == '\r' || ch == '\n')
				break;
			r->n.path[i] = ch;
		}
		r->n.path_len = i;
		{
			/* "<path> HTTP/1.<minor>": the digit sits 8 bytes after the path. */
			__u32 k = at + i + 8;

			if (k < n && k < HTTP_SCAN_LEN && is_digit(s->buf[k]))
				minor = s->buf[k] - '0';
		}
		if (ct->state != CT_NEW)
			bpf_map_update_elem(&ck_l7_pending, &ct->tuple, &now, BPF_ANY);
	} else {
		pending = bpf_map_lookup_elem(&ck_l7_pending, &ct->tuple);
		if (pending) {
			r->n.latency_ns = now - *pending;
			bpf_map_delete_elem(&ck_l7_pending, &ct->tuple);
		}
	}
	r->n.http_minor = minor;
	bpf_ringbuf_submit(r, 0);
	return 0;
}

/* ---- the programs -------------------------------------------------------------------- */

static __always_inline __u8 policy_enforced(const struct ep_config *cfg, __u8 egress)
{
	if (cfg->policy_enforcement == POLICY_ENFORCEMENT_NEVER)
		return 0;
	if (cfg->policy_enforcement == POLICY_ENFORCEMENT_ALWAYS)
		return 1;
	return (cfg->selected & (egress ? EP_SELECTED_EGRESS : EP_SELECTED_INGRESS)) != 0;
}

static __noinline int drop(struct __sk_buff *skb, struct ctx *c, const struct pkt *p, __u8 reason, __u16 line)
{
	update_metrics(skb, reason, c->egress, line);
	if (c->cfg.options & EP_OPT_DROP_NOTIFY) {
		resolve(c, p);
		send_drop(skb, c, p, reason, line);
	}
	return TC_ACT_SHOT;
}

/* Records a new connection under its forward key (left in r->tuple for the HTTP pairing). */
static __noinline int ct_create(struct __sk_buff *skb, const struct ctx *c, const struct pkt *p, struct ct_result *r)
{
	__u8 accounting = (c->cfg.options & EP_OPT_CONNTRACK_ACCOUNTING) != 0;
	__u32 now = now_sec();
	struct ct_entry e = {
		.packets = accounting ? 1 : 0,
		.bytes = accounting ? skb->len : 0,
		.tx_flags_seen = p->tcp_flags,
		.src_sec_id = c->src_identity,
		.last_tx_report = now,
	};

	if (p->proto == IPPROTO_TCP && !(p->tcp_flags & TH_SYN))
		e.flags |= CT_F_SEEN_NON_SYN;
	e.lifetime = now + ct_lifetime(p, &e);
	/* ct_lookup may have ended on the reply key: the forward one. */
	ct_key(&r->tuple, p, 0, c->egress);
	if (ct_insert(&r->tuple, p->ipv6, &e) < 0)
		return -DROP_CT_CREATE_FAILED;
	r->report = 1;
	return 0;
}

/* A packet conntrack does not know: the policy verdict and its notifications. Returns TC_ACT_OK
 * when it may pass, or TC_ACT_SHOT with the drop's reason and line in c for the caller to drop it
 * (drop() and ct_create() are called from handle(): nested here, their frames would exceed the
 * verifier's 512 bytes of stack over all calls). */
static __noinline int handle_new(struct __sk_buff *skb, struct ctx *c, const struct pkt *p, const struct ct_result *ct)
{
	__u32 options = c->cfg.options;
	struct verdict v = {};

	resolve(c, p);
	if (policy_enforced(&c->cfg, c->egress)) {
		void *policy = bpf_map_lookup_elem(&ck_policy_maps, &(__u32){c->cfg.endpoint_id});

		if (policy)
			policy_verdict(policy, c->cfg.endpoint_id, c->remote, c->egress, p, &v);
		else
			v.verdict = -DROP_POLICY;
	} else {
		v.match_type = POLICY_MATCH_ALL;	/* what the allow-all entry of an unenforced direction reports */
	}
	if (v.verdict < 0 && (options & EP_OPT_POLICY_AUDIT_MODE))
		v.audited = 1;
	policy_account(skb, &v);
	if (options & EP_OPT_POLICY_VERDICT_NOTIFY)
		send_verdict(skb, c, p, c->remote, &v);
	if (options & EP_OPT_DEBUG)
		send_debug(skb, c, ct->state, v.verdict, c->remote);
	if (v.verdict < 0 && !v.audited) {
		c->drop_reason = -v.verdict;
		c->drop_line = __LINE__;
		return TC_ACT_SHOT;
	}
	return TC_ACT_OK;
}

/* The ctx of a packet on a slow path (a new connection, a drop, a notification): the endpoint's
 * config is copied only there, an established packet reads the map value in place. */
static __always_inline struct ctx *with_cfg(struct ctx *c, const struct ep_config *cfg)
{
	c->cfg = *cfg;
	return c;
}

/* Starts the load of a cache line the program reads later, so that its miss overlaps the work in
 * between instead of adding to it (bulk traffic evicts the maps' lines between packets). */
#define TOUCH(ptr) asm volatile("" :: "r"(*(volatile __u64 *)(ptr)))

static __always_inline int handle(struct __sk_buff *skb, __u8 egress)
{
	struct pkt p = {};
	struct ct_result ct = {};
	struct ctx c = {.ifindex = skb->ifindex, .egress = egress};
	struct metrics_key forwarded = {.dir = egress ? METRIC_EGRESS : METRIC_INGRESS};
	struct metrics_value *m;
	struct ep_config *cfg;
	__u32 options;
	__u8 trace_reason;
	int ret;

	cfg = bpf_map_lookup_elem(&ck_ep_config, &c.ifindex);
	if (!cfg || !cfg->endpoint_id)
		return TC_ACT_OK;	/* not an endpoint's veth */
	options = cfg->options;
	/* The forwarded packets' metrics row is known before the packet is read: its hash bucket,
	 * element and per-CPU value are a chain of dependent loads, started here to run alongside
	 * the conntrack lookup's own chain. */
	m = bpf_map_lookup_elem(&cilium_metrics, &forwarded);
	if (m)
		TOUCH(&m->count);

	ret = parse(skb, &p);
	if (ret == 1)
		return TC_ACT_OK;
	if (ret < 0)
		return drop(skb, with_cfg(&c, cfg), &p, -ret, __LINE__);

	if (options & EP_OPT_CONNTRACK)
		ct_lookup(skb, &p, egress, options & EP_OPT_CONNTRACK_ACCOUNTING, &ct);

	if (ct.state == CT_NEW) {
		if (handle_new(skb, with_cfg(&c, cfg), &p, &ct) != TC_ACT_OK)
			return drop(skb, &c, &p, c.drop_reason, c.drop_line);
		if (options & EP_OPT_CONNTRACK) {
			ret = ct_create(skb, &c, &p, &ct);
			if (ret < 0)
				return drop(skb, &c, &p, -ret, __LINE__);
		}
	} else if (options & EP_OPT_DEBUG) {
		resolve(with_cfg(&c, cfg), &p);
		send_debug(skb, &c, ct.state, 0, c.remote);
	}

	if (m) {
		m->count += 1;
		m->bytes += skb->len;
	} else {
		update_metrics(skb, 0, egress, 0);
	}
	trace_reason = ct.state == CT_NEW ? TRACE_REASON_NEW : ct.state == CT_ESTABLISHED ? TRACE_REASON_ESTABLISHED :
		       ct.state == CT_REPLY ? TRACE_REASON_REPLY : TRACE_REASON_RELATED;
	if ((options & EP_OPT_TRACE_NOTIFY) &&
	    !(cfg->monitor_aggregation >= MONITOR_AGG_LOWEST && egress) &&
	    (cfg->monitor_aggregation < MONITOR_AGG_MEDIUM || ct.report || !(options & EP_OPT_CONNTRACK))) {
		resolve(with_cfg(&c, cfg), &p);
		send_trace(skb, &c, &p, trace_reason);
	}
	if ((options & EP_OPT_HTTP_VISIBILITY) && p.proto == IPPROTO_TCP && skb->len > p.payload_off &&
	    http_candidate(skb, p.payload_off)) {
		/* The lookup of an established or reply packet left its key unwritten. */
		if (ct.state == CT_ESTABLISHED || ct.state == CT_REPLY)
			ct_key(&ct.tuple, &p, ct.state == CT_REPLY, egress);
		resolve(with_cfg(&c, cfg), &p);
		http_visibility(skb, &c, &p, &ct);
	}
	return TC_ACT_OK;
}

SEC("tc")
int cil_from_container(struct __sk_buff *skb)
{
	return handle(skb, 1);
}

SEC("tc")
int cil_to_container(struct __sk_buff *skb)
{
	return handle(skb, 0);
}

char _license[] SEC("license") = "GPL";
