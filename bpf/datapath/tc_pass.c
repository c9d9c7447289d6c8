// SPDX-License-Identifier: GPL-2.0
/* A tc program that passes every packet and does nothing else: bench/datapath attaches it
 * where the datapath goes, so the kernel's run-time statistics of an empty program (the
 * measurement's own floor) and the throughput of an attached hook sit next to bpf_lxc's. */
#include <linux/bpf.h>
#include <linux/pkt_cls.h>
#include <bpf/bpf_helpers.h>

SEC("tc")
int tc_pass(struct __sk_buff *skb)
{
	return TC_ACT_OK;
}

char _license[] SEC("license") = "GPL";
