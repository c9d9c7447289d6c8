/**
 * Cilium's reserved numeric identities and the ranges of allocated ones.
 * Numbers are a wire contract shared with real Cilium nodes (research/cilium.md §3.1-3.2).
 */

/** Reserved identities by name; the label of each is `reserved:<name>`. */
export const ReservedIdentity = {
  unknown: 0,
  host: 1,
  world: 2,
  unmanaged: 3,
  health: 4,
  init: 5,
  'remote-node': 6,
  'kube-apiserver': 7,
  ingress: 8,
  'world-ipv4': 9,
  'world-ipv6': 10,
} as const
export type ReservedName = keyof typeof ReservedIdentity

/** The label sets of the reserved identities; kube-apiserver also carries remote-node. */
export const reservedLabelStrings: ReadonlyMap<number, readonly string[]> = new Map(
  Object.entries(ReservedIdentity).map(([name, id]): [number, string[]] =>
    [id, name === 'kube-apiserver' ? ['reserved:kube-apiserver', 'reserved:remote-node'] : [`reserved:${name}`]]),
)

/** First identity of the cluster scope for cluster ID 0; below it are reserved, well-known and user-reserved. */
export const MinClusterIdentity = 256
/** Last identity of the cluster scope for cluster ID 0 (16 bits). */
export const MaxClusterIdentity = 65_535
/** Bit 24 marks node-local identities (CIDR and FQDN prefixes); they never leave the node. */
export const LocalIdentityFlag = 1 << 24
/** The last local-scope identity. */
export const MaxLocalIdentity = LocalIdentityFlag | 0xFF_FFFF

/** The reserved name of an identity, if it is one. */
export function reservedName(id: number): ReservedName | undefined {
  for (const [name, n] of Object.entries(ReservedIdentity)) if (n === id) return name as ReservedName
  return undefined
}

/** `NumericIdentity.String()`: the reserved name for reserved IDs, the decimal otherwise. */
export function identityString(id: number): string {
  return reservedName(id) ?? String(id)
}

/** Whether an identity is node-local (CIDR/FQDN) rather than cluster-wide. */
export function isLocalIdentity(id: number): boolean {
  return (id & 0xFF00_0000) === LocalIdentityFlag
}

/** The cluster-scope range for a cluster ID (c<<16 .. (c+1)<<16 - 1); cluster 0 starts at 256. */
export function clusterIdentityRange(clusterId: number): {min: number; max: number} {
  if (!Number.isInteger(clusterId) || clusterId < 0 || clusterId > 255) {
    throw new RangeError(`cluster ID ${clusterId} is outside 0..255`)
  }
  return clusterId === 0 ? {min: MinClusterIdentity, max: MaxClusterIdentity}
    : {min: clusterId << 16, max: ((clusterId + 1) << 16) - 1}
}
