/**
 * How cilium-dbg prints the agent's models: `endpoint list`, `endpoint labels`, `identity list`,
 * `policy get` (research/cilium.md §4.5-4.7). Pure functions from models to text.
 */
import {parsePrefix} from '../identity/cidr.js'
import {tabwrite} from '../maps/text.js'
import type {BPFMap, BPFMapList, MapEvent, DaemonConfiguration, Endpoint, EndpointPolicyEnabled, EndpointStatusChange, IdentityModel, IPListEntry,
  LabelConfiguration, Policy, SelectorIdentityMapping, SelectorLabelArray} from './models.js'
import {goQuote} from '../hubble/printer/format.js'
import {dumpConfigurationMap} from './options.js'

const enforcement: Record<EndpointPolicyEnabled, [string, string]> = {
  none: ['Disabled', 'Disabled'],
  ingress: ['Enabled', 'Disabled'],
  egress: ['Disabled', 'Enabled'],
  both: ['Enabled', 'Enabled'],
  'audit-ingress': ['Disabled (Audit)', 'Disabled'],
  'audit-egress': ['Disabled', 'Disabled (Audit)'],
  'audit-both': ['Disabled (Audit)', 'Disabled (Audit)'],
}

/**
 * `cilium endpoint list`: two header lines, one row per endpoint (by ID), its first
 * security-relevant label in the row and the others each on a line of their own. Every cell
 * ends in a tab, so lines carry trailing spaces as the real tool's do.
 */
export function endpointListTable(endpoints: readonly Endpoint[], noHeaders = false): string {
  let text = noHeaders ? ''
    : 'ENDPOINT\tPOLICY (ingress)\tPOLICY (egress)\tIDENTITY\tLABELS (source:key[=value])\tIPv6\tIPv4\tSTATUS\t\n'
      + '\tENFORCEMENT\tENFORCEMENT\t\t\t\t\t\t\n'
  for (const ep of [...endpoints].sort((a, b) => a.id - b.id)) {
    const s = ep.status
    const enabled = s?.policy?.realized?.['policy-enabled']
    const [ingress, egress] = enabled ? enforcement[enabled] ?? ['Unknown', 'Unknown'] : ['Unknown', 'Unknown']
    const identity = s?.identity ? String(s.identity.id) : '<no label id>'
    const labels = [...(s?.labels?.['security-relevant'] ?? [])].sort()
    let ipv6 = 'Unknown'
    let ipv4 = 'Unknown'
    const addressing = s?.networking?.addressing
    if (addressing) {
      if (addressing.length === 0) {
        ipv6 = 'No address'
        ipv4 = 'No address'
      } else {
        ipv6 = addressing[0].ipv6 ?? ''
        ipv4 = addressing[0].ipv4 ?? ''
      }
    }
    const state = s?.state ?? 'Unknown'
    text += `${ep.id}\t${ingress}\t${egress}\t${identity}\t${labels[0] ?? 'no labels'}\t${ipv6}\t${ipv4}\t${state}\t\n`
    for (const l of labels.slice(1)) text += `\t\t\t\t${l}\t\t\t\t\n`
  }
  return tabwrite(text)
}

/** `cilium identity list|get`: `ID  LABELS`, one label a line, the ID only on the first (tabwriter 2,0,3). */
export function identityTable(identities: readonly IdentityModel[]): string {
  let text = 'ID\tLABELS\n'
  for (const id of [...identities].sort((a, b) => a.id - b.id)) {
    const labels = [...(id.labels ?? [])].sort()
    labels.forEach((l, i) => { text += i === 0 ? `${id.id}\t${l}\n` : `\t${l}\n` })
  }
  return tabwrite(text, {minwidth: 2, padding: 3})
}

/** `cilium endpoint labels <id>`: identity labels `Enabled`, disabled ones `Disabled` (tabwriter 2,0,3). */
export function endpointLabelsTable(cfg: LabelConfiguration): string {
  const s = cfg.status ?? {}
  const enabled = [...new Set([...(s.realized?.user ?? []), ...(s['security-relevant'] ?? [])])]
  let text = ''
  for (const l of enabled) text += `${l}\tEnabled\n`
  for (const l of s.disabled ?? []) text += `${l}\tDisabled\n`
  return tabwrite(text, {minwidth: 2, padding: 3})
}

/** `cilium policy get`: the rules JSON, then `Revision: N`. */
export function policyText(p: Policy): string {
  return `${p.policy}\nRevision: ${p.revision}\n`
}

/** Go's `%v` of a read-only value: maps as `map[k:v ...]` with sorted keys, others as text. */
function goValue(v: unknown): string {
  if (Array.isArray(v)) return `[${v.map(goValue).join(' ')}]`
  if (v !== null && typeof v === 'object') {
    return `map[${Object.keys(v).sort().map((k) => `${k}:${goValue((v as Record<string, unknown>)[k])}`).join(' ')}]`
  }
  return String(v ?? '<nil>')
}

/**
 * `cilium config`: the read-write section (the realized options, MonitorNumPages when the agent
 * has a node monitor, PolicyEnforcement); with `readOnly` the read-only section instead, with
 * `all` both, read-only first.
 */
export function daemonConfigText(cfg: DaemonConfiguration, o: {readOnly?: boolean; all?: boolean} = {}): string {
  const status = cfg.status ?? {}
  const line = (k: string, v: string): string => `${k.padEnd(34)}: ${v}\n`
  let out = ''
  if (o.readOnly || o.all) {
    out += '#### Read-only configurations ####\n'
    const ro = status['daemon-configuration-map'] ?? {}
    for (const k of Object.keys(ro).sort()) {
      const v = ro[k]
      if (v !== null && typeof v === 'object' && !Array.isArray(v)) {
        const m = v as Record<string, unknown>
        out += `${k}\n${dumpConfigurationMap(Object.fromEntries(Object.entries(m).map(([mk, mv]) => [mk, goValue(mv)])))}`
      } else {
        out += line(k, goValue(v))
      }
    }
    out += line('k8s-configuration', status['k8s-configuration'] ?? '') + line('k8s-endpoint', status['k8s-endpoint'] ?? '')
    out += dumpConfigurationMap(status.immutable ?? {})
  }
  if (!o.readOnly) {
    out += '##### Read-write configurations #####\n'
    out += dumpConfigurationMap(status.realized?.options ?? {})
    const pages = status['node-monitor']?.npages
    if (pages !== undefined) out += line('MonitorNumPages', String(pages))
    out += line('PolicyEnforcement', status.realized?.['policy-enforcement'] ?? '')
  }
  return out
}

/** The last element of a map's pin path (Go's path.Base; `.` for an empty path). */
function mapBase(path: string | undefined): string {
  const trimmed = (path ?? '').replace(/\/+$/, '')
  if (trimmed === '') return path?.startsWith('/') ? '/' : '.'
  return trimmed.slice(trimmed.lastIndexOf('/') + 1)
}

/** `cilium map list`: name, cached entries, entries with an error, whether the map has a cache (tabwriter 5,0,3). */
export function mapListTable(list: BPFMapList): string {
  let text = 'Name\tNum entries\tNum errors\tCache enabled\n'
  for (const m of list.maps ?? []) {
    const cache = m.cache ?? []
    const errors = cache.filter((e) => e && e['last-error']).length
    text += `${mapBase(m.path)}\t${cache.filter((e) => e).length}\t${errors}\t${m.cache !== null && m.cache !== undefined}\n`
  }
  return tabwrite(text)
}

/** `cilium map get <name>`: the cached entries (`Key Value State Error`), or why there are none. */
export function mapEntriesText(m: BPFMap): string {
  if (m.cache === null || m.cache === undefined) return 'Cache is disabled\n\n'
  if (m.cache.length === 0) return 'Cache is empty\n\n'
  let text = 'Key\tValue\tState\tError\n'
  for (const e of m.cache) if (e) text += `${e.key ?? ''}\t${e.value ?? ''}\t${e['desired-action'] ?? ''}\t${e['last-error'] ?? ''}\n`
  return tabwrite(text)
}

/** A strfmt.DateTime as Go's time.RFC3339 prints it: to the second, in the zone it was sent in. */
function rfc3339Seconds(ts: string): string {
  const m = /^(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d)(?:\.\d+)?(Z|[+-]\d\d:\d\d)$/.exec(ts)
  return m ? `${m[1]}${m[2]}` : ts
}

/**
 * `cilium map events` (cilium-dbg printEvent): one `key=… value=… time=… action=… desiredState=…
 * lastError=…` line per event; quotes and newlines are escaped before quoting, tabs become `\n` as there.
 */
export function mapEventText(e: MapEvent): string {
  const clean = (s: string | undefined) => (s ?? '').replaceAll('"', '\\"').replaceAll('\n', '\\n').replaceAll('\t', '\\n')
  return `key=${goQuote(clean(e.key))} value=${goQuote(clean(e.value))} time=${clean(rfc3339Seconds(e.timestamp ?? '0001-01-01T00:00:00Z'))} `
    + `action=${clean(e.action)} desiredState=${clean(e['desired-action'])} lastError=${goQuote(clean(e['last-error']))}\n`
}

/** `cilium map list --verbose`: every map's entries under `## Map: <name>`. */
export function mapListVerbose(list: BPFMapList): string {
  return (list.maps ?? []).map((m) => `## Map: ${mapBase(m.path)}\n${mapEntriesText(m)}\n`).join('')
}

/** Go's IPListEntrySlice order: shorter prefixes first, then by address (IPv4 before IPv6). */
export function sortIpcacheEntries(entries: readonly IPListEntry[]): IPListEntry[] {
  const keyed = entries.map((e) => ({e, p: parsePrefix(e.cidr)}))
  const bits = (p: ReturnType<typeof parsePrefix>) => (typeof p === 'string' ? 0 : p.bits)
  return keyed.sort((a, b) => {
    const d = bits(a.p) - bits(b.p)
    if (d !== 0 || typeof a.p === 'string' || typeof b.p === 'string') return d
    if (a.p.family !== b.p.family) return a.p.family - b.p.family
    return a.p.addr < b.p.addr ? -1 : a.p.addr > b.p.addr ? 1 : 0
  }).map(({e}) => e)
}

/**
 * `cilium ip list`: one row per entry in the given order; IDENTITY is the numeric identity (`numeric`),
 * the reserved name, or each of the identity's labels on a line of its own (`names` maps an
 * identity to them). `verbose` adds HOST and ENCRYPT_KEY.
 */
export function ipListTable(entries: readonly IPListEntry[], names: (identity: number) => readonly string[], verbose = false): string {
  let text = verbose ? 'IP\tIDENTITY\tSOURCE\tHOST\tENCRYPT_KEY\n' : 'IP\tIDENTITY\tSOURCE\n'
  for (const e of entries) {
    const src = e.metadata?.source ?? ''
    names(e.identity).forEach((name, i) => {
      if (i > 0) text += `\t${name}\t\n`
      else text += verbose ? `${e.cidr}\t${name}\t${src}\t${e.hostIP ?? ''}\t${e.encryptKey ?? 0}\n` : `${e.cidr}\t${name}\t${src}\n`
    })
  }
  return tabwrite(text)
}

/** `cilium ip get -l <labels>` starts with the labels asked for, between rules. */
export function ipLabelsHeader(labels: readonly string[]): string {
  const rule = '===========================\n'
  return `${rule}Labels:\n${labels.map((l) => `    ${l}\n`).join('')}${rule}`
}

/** `cilium ip get -l <labels>` without -v: `IP HOST IDENTITY POD NAMESPACE` per entry. */
export function ipBriefTable(entries: readonly IPListEntry[]): string {
  return tabwrite('IP\tHOST\tIDENTITY\tPOD\tNAMESPACE\n' + entries.map((e) =>
    `${e.cidr}\t${e.hostIP ?? ''}\t${e.identity}\t${e.metadata?.name ?? ''}\t${e.metadata?.namespace ?? ''}\n`).join(''))
}

/** A label as Go's Label.String(): `source:key=value`, `source:key` without a value. */
const selectorLabelText = (l: SelectorLabelArray[number]): string => (l.value ? `${l.source}:${l.key}=${l.value}` : `${l.source}:${l.key}`)

const compareText = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0)

/**
 * The order of Go's LabelArrayList.Sort(): label by label, on key, then value, then source; when
 * one set is a prefix of the other, the shorter first. Not the order of the rendered strings:
 * `[k8s:a=x k8s:b=y]` comes after `[k8s:a=x]`, and `[k8s:app=z]` after `[any:app=y]` or `[k8s:ap=z]`.
 */
export function compareLabelArrays(a: SelectorLabelArray, b: SelectorLabelArray): number {
  for (let i = 0; i < Math.min(a.length, b.length); i++) {
    const order = compareText(a[i].key, b[i].key) || compareText(a[i].value ?? '', b[i].value ?? '')
      || compareText(a[i].source, b[i].source)
    if (order !== 0) return order
  }
  return a.length - b.length
}

/**
 * `cilium policy selectors`: one row per selector (sorted), LABELS as `namespace/name` of the
 * policies using it (`verbose`: every label set, `[a b], [c]`), USERS, then its identities one
 * a line.
 */
export function policySelectorsTable(selectors: readonly SelectorIdentityMapping[], verbose = false): string {
  const policyNs = 'k8s:io.cilium.k8s.policy.namespace', policyName = 'k8s:io.cilium.k8s.policy.name'
  const get = (arr: SelectorLabelArray, k: string) => arr.find((l) => `${l.source}:${l.key}` === k)?.value ?? ''
  let text = 'SELECTOR\tLABELS\tUSERS\tIDENTITIES\n'
  for (const m of [...selectors].sort((a, b) => compareText(a.selector, b.selector))) {
    const lists = m.labels ?? []
    const labels = verbose
      ? [...lists].sort(compareLabelArrays).map((arr) => `[${arr.map(selectorLabelText).join(' ')}]`).join(', ')
      : lists.filter((arr) => get(arr, policyNs) !== '').map((arr) => `${get(arr, policyNs)}/${get(arr, policyName)}`).join(',')
    text += `${m.selector}\t${labels}\t${m.users}`
    const ids = m.identities ?? []
    if (ids.length === 0) text += '\t\n'
    ids.forEach((id, i) => { text += i === 0 ? `\t${id}\t\n` : `\t\t\t${id}\t\n` })
  }
  return tabwrite(text)
}

/** `cilium endpoint log <id>`: `Timestamp Status State Message` (tabwriter 2,0,3), in the agent's order (newest first). */
export function endpointLogTable(log: readonly EndpointStatusChange[]): string {
  let text = 'Timestamp\tStatus\tState\tMessage\n'
  for (const e of log) text += `${e.timestamp ?? ''}\t${e.code ?? ''}\t${e.state ?? ''}\t${e.message ?? ''}\n`
  return tabwrite(text, {minwidth: 2, padding: 3})
}
