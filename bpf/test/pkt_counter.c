// SPDX-License-Identifier: GPL-2.0
/* A tc program for the kernel tests of src/bpf: counts packets per interface and
 * IP protocol in a BTF-typed hash map and sends one event per packet through a
 * ring buffer. Reservations that fail are counted in pkt_lost, since user space
 * never sees them. Layouts are read back through BTF by test/kernel/bpf-object.test.ts. */
#include <linux/bpf.h>
#include <linux/if_ether.h>
#include <linux/ip.h>
#include <linux/pkt_cls.h>
#include <bpf/bpf_endian.h>
#include <bpf/bpf_helpers.h>

struct pkt_key {
	__u32 ifindex;
	__u8 protocol;	/* IPPROTO_*, 0 for non-IPv4 */
	__u8 pad[3];
};

struct pkt_count {
	__u64 packets;
	__u64 bytes;
};

struct pkt_event {
	__u64 ktime_ns;
	__u32 ifindex;
	__u32 len;
	__be32 saddr;
	__be32 daddr;
	__u8 protocol;
	__u8 pad[7];
};
_Static_assert(sizeof(struct pkt_event) == 32, "test/kernel/bpf-object.test.ts reads this layout");

struct {
	__uint(type, BPF_MAP_TYPE_HASH);
	__uint(max_entries, 1024);
	__type(key, struct pkt_key);
	__type(value, struct pkt_count);
} pkt_counts SEC(".maps");

struct {
	__uint(type, BPF_MAP_TYPE_RINGBUF);
	__uint(max_entries, 1 << 16);
} pkt_events SEC(".maps");

struct {
	__uint(type, BPF_MAP_TYPE_ARRAY);
	__uint(max_entries, 1);
	__type(key, __u32);
	__type(value, __u64);
} pkt_lost SEC(".maps");

SEC("tc")
int count_packets(struct __sk_buff *skb)
{
	void *data = (void *)(long)skb->data;
	void *data_end = (void *)(long)skb->data_end;
	struct pkt_key key = {.ifindex = skb->ifindex};
	__be32 saddr = 0, daddr = 0;

	if (skb->protocol == bpf_htons(ETH_P_IP)) {
		struct iphdr *ip = data + sizeof(struct ethhdr);

		if ((void *)(ip + 1) <= data_end) {
			key.protocol = ip->protocol;
			saddr = ip->saddr;
			daddr = ip->daddr;
		}
	}

	struct pkt_count *c = bpf_map_lookup_elem(&pkt_counts, &key);
	if (c) {
		__sync_fetch_and_add(&c->packets, 1);
		__sync_fetch_and_add(&c->bytes, skb->len);
	} else {
		struct pkt_count first = {.packets = 1, .bytes = skb->len};

		bpf_map_update_elem(&pkt_counts, &key, &first, BPF_NOEXIST);
	}

	struct pkt_event *ev = bpf_ringbuf_reserve(&pkt_events, sizeof(*ev), 0);
	if (!ev) {
		__u32 zero = 0;
		__u64 *lost = bpf_map_lookup_elem(&pkt_lost, &zero);

		if (lost)
			__sync_fetch_and_add(lost, 1);
		return TC_ACT_OK;
	}
	__builtin_memset(ev, 0, sizeof(*ev));
	ev->ktime_ns = bpf_ktime_get_ns();
	ev->ifindex = skb->ifindex;
	ev->len = skb->len;
	ev->saddr = saddr;
	ev->daddr = daddr;
	ev->protocol = key.protocol;
	bpf_ringbuf_submit(ev, 0);
	return TC_ACT_OK;
}

char LICENSE[] SEC("license") = "GPL";
