/* SPDX-License-Identifier: Apache-2.0 */
/*
 * cilium_metrics (PERCPU_HASH, 8-byte key -> 16 bytes per CPU), newest Cilium
 * generation: readers sum the CPUs and the rows that differ only in line/file.
 * ABI shared with src/maps/metrics.ts and real Cilium nodes.
 */
#ifndef CK_METRICS_H
#define CK_METRICS_H

#include <linux/types.h>

#define METRICS_MAP_SIZE	1024

#define METRIC_INGRESS		1
#define METRIC_EGRESS		2
#define METRIC_SERVICE		3

struct metrics_key {
	__u8  reason;		/* 0 forwarded, else a drop reason (absolute DROP_* value) */
	__u8  dir;		/* bits 0-1: METRIC_*; bits 2-7 zero */
	__u16 line;		/* source line of the drop, host order */
	__u8  file;		/* source file id */
	__u8  reserved[3];
};
_Static_assert(sizeof(struct metrics_key) == 8, "ABI: update src/maps/metrics.ts (METRICS_KEY) too");

struct metrics_value {
	__u64 count;
	__u64 bytes;
};
_Static_assert(sizeof(struct metrics_value) == 16, "ABI: update src/maps/metrics.ts (METRICS_VALUE) too");

#endif /* CK_METRICS_H */
