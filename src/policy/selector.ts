/**
 * Endpoint selectors: Kubernetes label selectors over Cilium labels. A key names its source
 * (`k8s:app`); a key without one matches the label from any source (`any:app`), which is how the
 * agent sanitizes selectors. Entities are selectors over reserved labels.
 */
import {type Label, LabelSource, parseSelectLabel} from '../identity/labels.js'
import type {EndpointSelector, SelectorOperator} from './types.js'

interface Requirement {
  source: string
  key: string
  operator: SelectorOperator
  values: readonly string[]
}

/** A compiled selector. `isWildcard` is the empty selector `{}`: every peer, identity 0 in a map. */
export class Selector {
  readonly isWildcard: boolean
  private constructor(private readonly reqs: readonly Requirement[], readonly text: string) {
    this.isWildcard = reqs.length === 0
  }

  static compile(s: EndpointSelector): Selector {
    const reqs: Requirement[] = []
    for (const [k, v] of Object.entries(s.matchLabels ?? {})) {
      const l = parseSelectLabel(k)
      reqs.push({source: l.source, key: l.key, operator: 'In', values: [v]})
    }
    for (const e of s.matchExpressions ?? []) {
      const l = parseSelectLabel(e.key)
      reqs.push({source: l.source, key: l.key, operator: e.operator, values: e.values ?? []})
    }
    const text = reqs.map((r) => `${r.source}:${r.key} ${r.operator} (${[...r.values].sort().join(',')})`).sort().join('; ')
    return new Selector(reqs, text)
  }

  /** Whether the labels satisfy every requirement (Kubernetes semantics per operator). */
  matches(labels: readonly Label[]): boolean {
    for (const r of this.reqs) {
      const anySource = r.source === LabelSource.any
      let found = false
      let valueIn = false
      for (const l of labels) {
        if (l.key !== r.key || (!anySource && l.source !== r.source)) continue
        found = true
        if (r.values.includes(l.value)) valueIn = true
      }
      switch (r.operator) {
        case 'In': if (!valueIn) return false; break
        case 'NotIn': if (valueIn) return false; break
        case 'Exists': if (!found) return false; break
        case 'DoesNotExist': if (found) return false; break
      }
    }
    return true
  }
}

/** A selector key with its source: `any:` when it names none (`$name` is `reserved:name`). */
function keyWithSource(k: string): string {
  // Most keys the agent sees already carry a source (`k8s:app`): they stay as they are.
  const colon = k.indexOf(':')
  if (colon > 0 && !k.startsWith('$') && !k.includes('=')) return k
  const l = parseSelectLabel(k)
  return `${l.source}:${l.key}`
}

/** Selector keys as the agent stores them: with a source (`any:` when none was written). */
export function sanitizeSelector(s: EndpointSelector): EndpointSelector {
  const out: EndpointSelector = {}
  if (s.matchLabels) {
    const labels: Record<string, string> = {}
    for (const k in s.matchLabels) labels[keyWithSource(k)] = s.matchLabels[k]
    out.matchLabels = labels
  }
  if (s.matchExpressions) {
    out.matchExpressions = s.matchExpressions.map((e) => ({...e, key: keyWithSource(e.key)}))
  }
  return out
}

/** Entities and the reserved labels they select (research/cilium.md §5.1). `all` is the wildcard. */
export const entityNames = ['all', 'world', 'world-ipv4', 'world-ipv6', 'cluster', 'host', 'remote-node',
  'kube-apiserver', 'ingress', 'health', 'init', 'unmanaged', 'none'] as const

const reservedSel = (name: string): EndpointSelector => ({matchLabels: {[`reserved:${name}`]: ''}})

/**
 * The selectors an entity stands for. `cluster` also takes every endpoint labelled with this
 * cluster's name; `none` selects nothing. Returns undefined for an unknown entity.
 */
export function entitySelectors(entity: string, clusterName = 'default'): EndpointSelector[] | undefined {
  switch (entity) {
    case 'all': return [{}]
    case 'world': return [reservedSel('world'), reservedSel('world-ipv4'), reservedSel('world-ipv6')]
    case 'cluster': return [...['host', 'remote-node', 'init', 'ingress', 'health', 'unmanaged', 'kube-apiserver'].map(reservedSel),
      {matchLabels: {'k8s:io.cilium.k8s.policy.cluster': clusterName}}]
    case 'world-ipv4': case 'world-ipv6': case 'host': case 'remote-node': case 'kube-apiserver':
    case 'ingress': case 'health': case 'init': case 'unmanaged': case 'none':
      return [reservedSel(entity)]
    default: return undefined
  }
}
