/**
 * Labels as Cilium writes them: `source:key=value`. Identities are made of labels,
 * selectors match labels, and policy rules carry labels as their names.
 * Facts: research/cilium.md §3.3.
 */

/** One label. `source` is where it came from (k8s, reserved, cidr, ...); `any` only appears in selectors. */
export interface Label {
  key: string
  value: string
  source: string
}

export const LabelSource = {
  any: 'any',
  k8s: 'k8s',
  reserved: 'reserved',
  cidr: 'cidr',
  unspec: 'unspec',
  container: 'container',
} as const

/**
 * Parses `source:key=value`, `source:key`, `key=value` or `$name` (shorthand for reserved:name).
 * The source is the text before the first `:` only when that `:` comes before any `=`,
 * so `app=a:b` is key `app`, value `a:b`. A missing source becomes `defaultSource`.
 */
export function parseLabel(text: string, defaultSource: string = LabelSource.unspec): Label {
  let source = defaultSource
  let rest = text
  if (rest.startsWith('$')) {
    source = LabelSource.reserved
    rest = rest.slice(1)
  } else {
    const colon = rest.indexOf(':')
    const eq = rest.indexOf('=')
    if (colon > 0 && (eq < 0 || colon < eq)) {
      source = rest.slice(0, colon)
      rest = rest.slice(colon + 1)
    }
  }
  const eq = rest.indexOf('=')
  return eq < 0 ? {source, key: rest, value: ''} : {source, key: rest.slice(0, eq), value: rest.slice(eq + 1)}
}

/** A label a selector or a filter names: a missing source means any source. */
export function parseSelectLabel(text: string): Label {
  return parseLabel(text, LabelSource.any)
}

/** `source:key=value`, or `source:key` when the value is empty. */
export function labelString(l: Label): string {
  return l.value === '' ? `${l.source}:${l.key}` : `${l.source}:${l.key}=${l.value}`
}

/** Label strings sorted, as identities and `endpoint list` print them. */
export function sortedLabelStrings(labels: readonly Label[]): string[] {
  return labels.map(labelString).sort()
}

/** Whether `want` (a selector or filter label; source any/unspec matches every source) is among `labels`. */
export function hasLabel(labels: readonly Label[], want: Label): boolean {
  const anySource = want.source === LabelSource.any || want.source === LabelSource.unspec
  return labels.some((l) => l.key === want.key && l.value === want.value && (anySource || l.source === want.source))
}

/** Whether every label of `wanted` is in `labels` (an empty filter contains nothing and matches all). */
export function containsLabels(labels: readonly Label[], wanted: readonly Label[]): boolean {
  return wanted.every((w) => hasLabel(labels, w))
}

/** Parses a list of label strings; the result keeps the input order. */
export function parseLabels(texts: readonly string[], defaultSource: string = LabelSource.unspec): Label[] {
  return texts.map((t) => parseLabel(t, defaultSource))
}
