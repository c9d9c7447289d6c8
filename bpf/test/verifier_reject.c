// SPDX-License-Identifier: GPL-2.0
/* A tc program the verifier must reject: it reads packet data without checking
 * data_end. test/kernel/bpf-object.test.ts expects the load to fail with the
 * verifier's log in the error. */
#include <linux/bpf.h>
#include <bpf/bpf_helpers.h>

SEC("tc")
int read_unchecked(struct __sk_buff *skb)
{
	unsigned char *data = (void *)(long)skb->data;

	return data[20];
}

char LICENSE[] SEC("license") = "GPL";
