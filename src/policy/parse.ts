/**
 * Reads policy files: Kubernetes documents (CiliumNetworkPolicy, CiliumClusterwideNetworkPolicy,
 * their List kinds and v1 List), multi-document YAML, and the agent's rule array as
 * `cilium policy import` takes it (JSON or YAML). Every problem is collected, none thrown,
 * so that validating a set reports all of them at once.
 */
import jsyaml from 'js-yaml'
import {decodeRule} from './decode.js'
import type {EndpointSelector, Rule, RuleLabel, SourcedRule} from './types.js'

/** One problem, located: file, document, rule and (if known) the rule's name. */
export interface PolicyIssue {
  file: string
  document?: number
  index?: number
  name?: string
  message: string
}

export interface ParsedPolicies {
  rules: SourcedRule[]
  issues: PolicyIssue[]
}

export const PodNamespaceLabel = 'io.kubernetes.pod.namespace'
export const PolicyLabel = {
  derivedFrom: 'io.cilium.k8s.policy.derived-from',
  name: 'io.cilium.k8s.policy.name',
  namespace: 'io.cilium.k8s.policy.namespace',
  uid: 'io.cilium.k8s.policy.uid',
} as const

const cnpKind = 'CiliumNetworkPolicy'
const ccnpKind = 'CiliumClusterwideNetworkPolicy'

/** The text of one issue as a user reads it. */
export function issueText(i: PolicyIssue): string {
  const where = [i.file, i.name, i.index === undefined ? undefined : `rule ${i.index}`].filter(Boolean).join(': ')
  return `${where}: ${i.message}`
}

/** Parses the text of one file (JSON or YAML, one or many documents). */
export function parsePolicyText(text: string, file: string): ParsedPolicies {
  const out: ParsedPolicies = {rules: [], issues: []}
  const trimmed = text.trimStart()
  let docs: unknown[]
  if (trimmed.startsWith('[') || trimmed.startsWith('{')) {
    try {
      docs = [JSON.parse(text)]
    } catch (err) {
      out.issues.push({file, message: jsonSyntaxMessage(text, file, err as SyntaxError)})
      return out
    }
  } else {
    // js-yaml, not the yaml package: on 2,000 policy documents it parses about six times
    // faster (bench/policy). The core schema keeps dates and the like as the strings
    // Kubernetes would see.
    try {
      docs = jsyaml.loadAll(text, null, {filename: file, schema: jsyaml.CORE_SCHEMA})
    } catch (err) {
      out.issues.push({file, message: `yaml: ${(err as Error).message.split('\n')[0]}`})
      return out
    }
  }
  for (const [d, doc] of docs.entries()) {
    if (doc === undefined || doc === null) continue
    collectDocument(doc, file, d, out)
  }
  return out
}

/**
 * The JSON syntax error as `cilium policy import` reports it: `<file>:<line>: syntax error at
 * offset <col>:` then the line and a caret; a failure at the very start says `malformed policy, not JSON?`.
 */
function jsonSyntaxMessage(text: string, file: string, err: SyntaxError): string {
  const pos = /position (\d+)/.exec(err.message)
  // Node 20 names no position for some errors; then find it ourselves.
  const offset = pos ? Number(pos[1]) : jsonErrorOffset(text)
  if (offset <= 1) return 'malformed policy, not JSON?'
  const before = text.slice(0, offset)
  const line = before.split('\n').length
  const lineStart = before.lastIndexOf('\n') + 1
  const lineText = text.slice(lineStart).split('\n')[0]
  const col = offset - lineStart
  return `${file}:${line}: syntax error at offset ${col}:\n${lineText}\n${' '.repeat(col)}^`
}

/** The offset of the first JSON syntax error (a small recursive-descent scan; text.length when it runs off the end). */
export function jsonErrorOffset(text: string): number {
  let i = 0
  const ws = (): void => { while (i < text.length && ' \t\n\r'.includes(text[i])) i++ }
  const fail = (): never => { throw i }
  const value = (depth: number): void => {
    if (depth > 512) fail()
    ws()
    const c = text[i]
    if (c === '{' || c === '[') {
      const close = c === '{' ? '}' : ']'
      i++
      ws()
      if (text[i] === close) { i++; return }
      for (;;) {
        if (c === '{') {
          ws()
          if (text[i] !== '"') fail()
          str()
          ws()
          if (text[i] !== ':') fail()
          i++
        }
        value(depth + 1)
        ws()
        if (text[i] === ',') { i++; continue }
        if (text[i] === close) { i++; return }
        fail()
      }
    }
    if (c === '"') return str()
    const m = /^(-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?|true|false|null)/.exec(text.slice(i, i + 64))
    if (!m) fail()
    i += (m as RegExpExecArray)[0].length
  }
  const str = (): void => {
    i++
    while (i < text.length && text[i] !== '"') i += text[i] === '\\' ? 2 : 1
    if (i >= text.length) fail()
    i++
  }
  try {
    value(0)
    ws()
    return i < text.length ? i : text.length
  } catch (at) {
    return at as number
  }
}

function collectDocument(doc: unknown, file: string, document: number, out: ParsedPolicies): void {
  if (Array.isArray(doc)) {
    // The agent's rule array.
    for (const [index, r] of doc.entries()) addRule(r, {file, document, index, name: 'rules'}, out)
    return
  }
  if (typeof doc !== 'object' || doc === null) {
    out.issues.push({file, document, message: `json: cannot unmarshal ${typeof doc} into Go value of type api.Rules`})
    return
  }
  const obj = doc as Record<string, unknown>
  const kind = obj.kind
  if (kind === undefined) {
    addRule(obj, {file, document, index: 0, name: 'rules'}, out)
    return
  }
  if (kind === 'List' || kind === `${cnpKind}List` || kind === `${ccnpKind}List`) {
    if (!Array.isArray(obj.items)) {
      out.issues.push({file, document, message: `${String(kind)} has no items`})
      return
    }
    for (const item of obj.items) collectDocument(item, file, document, out)
    return
  }
  if (kind !== cnpKind && kind !== ccnpKind) {
    out.issues.push({file, document, message: `unsupported kind "${String(kind)}": expected ${cnpKind}, ${ccnpKind} or a List of them`})
    return
  }
  const meta = (obj.metadata ?? {}) as Record<string, unknown>
  const name = typeof meta.name === 'string' ? meta.name : ''
  const namespace = kind === cnpKind ? (typeof meta.namespace === 'string' && meta.namespace ? meta.namespace : 'default') : undefined
  const uid = typeof meta.uid === 'string' ? meta.uid : undefined
  const title = namespace === undefined ? `${kind} ${name}` : `${kind} ${namespace}/${name}`
  if (!name) {
    out.issues.push({file, document, name: title, message: 'metadata.name must be set'})
    return
  }
  const specs: unknown[] = []
  if (obj.spec !== undefined && obj.spec !== null) specs.push(obj.spec)
  if (Array.isArray(obj.specs)) specs.push(...obj.specs)
  if (specs.length === 0) {
    // The CRD's own words when both are missing.
    out.issues.push({file, document, name: title, message: 'empty policy'})
    return
  }
  const labels = derivedLabels(kind, name, namespace, uid)
  for (const [index, spec] of specs.entries()) {
    addRule(spec, {file, document, index, name: title}, out, (rule) => scopeRule(rule, labels, namespace))
  }
}

function addRule(v: unknown, origin: SourcedRule['origin'], out: ParsedPolicies, adjust?: (r: Rule) => Rule): void {
  const {rule, errors} = decodeRule(v)
  for (const message of errors) out.issues.push({...origin, message})
  if (errors.length === 0) out.rules.push({rule: adjust ? adjust(rule) : rule, origin})
}

/** The rule labels the agent gives rules of a Kubernetes policy object. */
function derivedLabels(kind: string, name: string, namespace: string | undefined, uid: string | undefined): RuleLabel[] {
  const l = (key: string, value: string): RuleLabel => ({key, value, source: 'k8s'})
  return [l(PolicyLabel.derivedFrom, kind), l(PolicyLabel.name, name),
    ...(namespace === undefined ? [] : [l(PolicyLabel.namespace, namespace)]), ...(uid ? [l(PolicyLabel.uid, uid)] : [])]
}

/** Rule fields in Go struct order, as `cilium policy get` prints them. */
const ruleFieldOrder: (keyof Rule)[] = ['endpointSelector', 'nodeSelector', 'ingress', 'ingressDeny', 'egress', 'egressDeny',
  'labels', 'enableDefaultDeny', 'description', 'log']

/**
 * What the agent does to a CNP rule: its labels name the object, and in a namespaced policy
 * the endpoint selector and every peer endpoint selector that does not name a namespace
 * are confined to the policy's namespace (a cluster-wide policy's selectors stay as written).
 * `rule` is a freshly decoded one that nothing else holds: its selectors are changed in place.
 */
function scopeRule(rule: Rule, labels: RuleLabel[], namespace: string | undefined): Rule {
  const out: Record<string, unknown> = {}
  for (const k of ruleFieldOrder) {
    let v: unknown = rule[k]
    if (k === 'labels') v = rule.labels ? [...labels, ...rule.labels] : labels
    else if (v === undefined) continue
    else if (namespace !== undefined) {
      if (k === 'endpointSelector') v = withNamespace(v as EndpointSelector, namespace)
      else if (k === 'ingress' || k === 'ingressDeny') scopePeers(v as Record<string, unknown>[], 'fromEndpoints', 'fromRequires', namespace)
      else if (k === 'egress' || k === 'egressDeny') scopePeers(v as Record<string, unknown>[], 'toEndpoints', 'toRequires', namespace)
    }
    out[k] = v
  }
  return out as Rule
}

/** Confines the peer endpoint selectors of rule elements to `namespace`, in place. */
function scopePeers(elems: Record<string, unknown>[], endpoints: string, requires: string, namespace: string): void {
  for (const e of elems) {
    for (const f of [endpoints, requires]) {
      const sels = e[f] as EndpointSelector[] | undefined
      if (sels) for (let i = 0; i < sels.length; i++) if (!selectsReserved(sels[i])) sels[i] = withNamespace(sels[i], namespace)
    }
  }
}

const keyName = (k: string): string => (k.includes(':') ? k.slice(k.indexOf(':') + 1) : k)

function mentionsNamespace(s: EndpointSelector): boolean {
  return Object.keys(s.matchLabels ?? {}).some((k) => keyName(k) === PodNamespaceLabel)
    || (s.matchExpressions ?? []).some((e) => keyName(e.key) === PodNamespaceLabel)
}

function selectsReserved(s: EndpointSelector): boolean {
  return Object.keys(s.matchLabels ?? {}).some((k) => k.startsWith('reserved:'))
    || (s.matchExpressions ?? []).some((e) => e.key.startsWith('reserved:'))
}

/** The selector confined to `namespace` (unless it names one): its matchLabels gain the namespace label, in place when it has some. */
function withNamespace(s: EndpointSelector, namespace: string): EndpointSelector {
  if (mentionsNamespace(s)) return s
  if (s.matchLabels) {
    s.matchLabels[`k8s:${PodNamespaceLabel}`] = namespace
    return s
  }
  // A new object, so that matchLabels comes before matchExpressions as Go prints them.
  const out: EndpointSelector = {matchLabels: {[`k8s:${PodNamespaceLabel}`]: namespace}}
  if (s.matchExpressions) out.matchExpressions = s.matchExpressions
  return out
}
