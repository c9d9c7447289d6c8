/**
 * `cilium status` text from the agent's StatusResponse (GET /healthz), line by line as
 * cilium-dbg prints it (research/cilium.md §4.8): Go tabwriter (minwidth 2, padding 3), each
 * line only when its section is present. Works on a real agent's answer as on ours.
 */
import type {Status, StatusResponse} from '../api/models.js'
import {parseGoDuration} from '../api/wait.js'
import {tabwrite} from '../maps/text.js'

interface Sections {
  kubernetes?: {state?: string; msg?: string; 'k8s-api-versions'?: string[]}
  'kube-proxy-replacement'?: {mode?: string; devices?: {name?: string; ips?: string[]}[]}
  'host-firewall'?: {mode?: string; devices?: string[]}
  'cni-chaining'?: {mode?: string}
  'cni-file'?: Status
  nodeMonitor?: {cpus?: number; npages?: number; pagesize?: number; lost?: number; unknown?: number}
  'cluster'?: {ciliumHealth?: Status}
  ipam?: {ipv4?: string[]; allocations?: Record<string, string>; status?: string}
  routing?: {'inter-host-routing-mode'?: string; 'intra-host-routing-mode'?: string; 'tunnel-protocol'?: string}
  'attach-mode'?: string
  'datapath-mode'?: string
  masquerading?: {enabled?: boolean; mode?: string}
  controllers?: {name?: string; status?: {'consecutive-failure-count'?: number; 'last-failure-msg'?: string}}[]
  proxy?: {ip?: string; 'port-range'?: string; 'total-redirects'?: number}
  'identity-range'?: {'min-identity'?: number; 'max-identity'?: number}
  hubble?: {state?: string; msg?: string; observer?: {'max-flows'?: number; 'current-flows'?: number; 'seen-flows'?: number;
    uptime?: string}; metrics?: {state?: string}}
  encryption?: {mode?: string; msg?: string}
}

const stateMsg = (label: string, s: Status | undefined): string[] =>
  s ? [`${label}:\t${s.state ?? ''}\t${s.msg ?? ''}`] : []

function hubbleLine(h: NonNullable<Sections['hubble']>): string {
  let line = `Hubble:\t${h.state ?? ''}`
  if (h.msg) line += `\t${h.msg}`
  const o = h.observer
  if (o) {
    const max = o['max-flows'] ?? 0
    const cur = o['current-flows'] ?? 0
    const pct = max > 0 ? (cur / max) * 100 : 0
    let uptimeSec = 0
    try {
      uptimeSec = o.uptime ? parseGoDuration(o.uptime) / 1000 : 0
    } catch {
      uptimeSec = 0
    }
    const rate = uptimeSec > 0 ? (o['seen-flows'] ?? 0) / uptimeSec : 0
    line += `\tCurrent/Max Flows: ${cur}/${max} (${pct.toFixed(2)}%), Flows/s: ${rate.toFixed(2)}`
  }
  if (h.metrics) line += `\tMetrics: ${h.metrics.state ?? ''}`
  return line
}

/** The full (non-brief) status text. `verbose` adds the allocated addresses and the controller table. */
export function statusText(sr: StatusResponse, verbose = false): string {
  const s = sr as StatusResponse & Sections
  const lines: string[] = []
  lines.push(...stateMsg('KVStore', s.kvstore))
  if (s.kubernetes) {
    lines.push(`Kubernetes:\t${s.kubernetes.state ?? ''}\t${s.kubernetes.msg ?? ''}`)
    if (s.kubernetes.state !== 'Disabled' && s.kubernetes['k8s-api-versions']) {
      lines.push(`Kubernetes APIs:\t[${[...s.kubernetes['k8s-api-versions']].sort().map((v) => `"${v}"`).join(', ')}]`)
    }
  }
  if (s['kube-proxy-replacement']) {
    const devs = (s['kube-proxy-replacement'].devices ?? []).map((d) => [d.name, ...(d.ips ?? [])].join(' '))
    lines.push(`KubeProxyReplacement:\t${s['kube-proxy-replacement'].mode ?? ''}\t[${devs.join(', ')}]`)
  }
  if (s['host-firewall']) {
    const devs = s['host-firewall'].devices
    lines.push(`Host firewall:\t${s['host-firewall'].mode ?? ''}${devs?.length ? `\t[${devs.join(', ')}]` : ''}`)
  }
  if (s['cni-chaining']) lines.push(`CNI Chaining:\t${s['cni-chaining'].mode ?? ''}`)
  if (s['cni-file']) lines.push(`CNI Config file:\t${s['cni-file'].msg ?? ''}`)
  if (s.cilium) lines.push(`Cilium:\t${s.cilium.state ?? ''}   ${s.cilium.msg ?? ''}`)
  const nm = s.nodeMonitor
  if (nm) {
    lines.push(`NodeMonitor:\tListening for events on ${nm.cpus ?? 0} CPUs with ${nm.npages ?? 0}x${nm.pagesize ?? 0} of shared memory`)
    if (nm.lost || nm.unknown) lines.push(`\t${nm.lost ?? 0} events lost, ${nm.unknown ?? 0} unknown notifications`)
  } else {
    lines.push('NodeMonitor:\tDisabled')
  }
  if (s.cluster?.ciliumHealth) lines.push(...stateMsg('Cilium health daemon', s.cluster.ciliumHealth))
  if (s.ipam) {
    lines.push(`IPAM:\t${s.ipam.status ?? ''}, `)
    if (verbose) {
      lines.push('Allocated addresses:')
      for (const [ip, owner] of Object.entries(s.ipam.allocations ?? {}).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
        lines.push(`  ${ip} (${owner})`)
      }
    }
  }
  if (s.routing) {
    const net = s.routing['inter-host-routing-mode'] === 'Tunnel' ? `Tunnel [${s.routing['tunnel-protocol']}]` : s.routing['inter-host-routing-mode']
    lines.push(`Routing:\tNetwork: ${net}   Host: ${s.routing['intra-host-routing-mode']}`)
  }
  if (s['attach-mode']) lines.push(`Attach Mode:\t${s['attach-mode'] === 'tcx' ? 'TCX' : 'Legacy TC'}`)
  if (s['datapath-mode']) lines.push(`Device Mode:\t${s['datapath-mode']}`)
  if (s.masquerading) lines.push(`Masquerading:\t${s.masquerading.enabled ? s.masquerading.mode ?? 'Enabled' : 'Disabled'}`)
  if (s.controllers) {
    const failing = s.controllers.filter((c) => (c.status?.['consecutive-failure-count'] ?? 0) > 0)
    lines.push(`Controller Status:\t${s.controllers.length - failing.length}/${s.controllers.length} healthy`)
    if (verbose || failing.length > 0) {
      lines.push('  Name\tLast success\tLast error\tCount\tMessage')
      for (const c of verbose ? s.controllers : failing) {
        lines.push(`  ${c.name ?? ''}\tnever\tnever\t${c.status?.['consecutive-failure-count'] ?? 0}\t${c.status?.['last-failure-msg'] || 'no error'}`)
      }
    }
  }
  if (s.proxy) {
    lines.push(`Proxy Status:\t${(s.proxy['total-redirects'] ?? 0) > 0
      ? `OK, ip ${s.proxy.ip}, ${s.proxy['total-redirects']} redirects active on ports ${s.proxy['port-range']}`
      : 'No managed proxy redirect'}`)
  }
  const range = s['identity-range']
  if (range) lines.push(`Global Identity Range:\tmin ${range['min-identity']}, max ${range['max-identity']}`)
  if (s.hubble) lines.push(hubbleLine(s.hubble))
  if (s.encryption) lines.push(`Encryption:\t${s.encryption.mode ?? ''}${s.encryption.msg ? `\t${s.encryption.msg}` : ''}`)
  return tabwrite(lines.join('\n') + '\n', {minwidth: 2, padding: 3})
}

/** `--brief`: `OK`, or `error in <first failing section>`. `healthy` is false unless Cilium is Ok or Disabled. */
export function briefStatus(sr: StatusResponse): {text: string; healthy: boolean} {
  const s = sr as StatusResponse & Sections
  const bad = (st: Status | undefined) => st?.state !== undefined && st.state !== 'Ok' && st.state !== 'Disabled'
  const failing = bad(s.kvstore) ? `kvstore: ${s.kvstore?.msg}`
    : bad(s['container-runtime']) ? `container runtime: ${s['container-runtime']?.msg}`
      : s.kubernetes && bad(s.kubernetes as Status) ? `kubernetes: ${s.kubernetes.msg}`
        : bad(s.cilium) ? `cilium: ${s.cilium?.msg}`
          : bad(s.cluster?.ciliumHealth) ? `cilium-health: ${s.cluster?.ciliumHealth?.msg}`
            : undefined
  const controller = s.controllers?.find((c) => (c.status?.['consecutive-failure-count'] ?? 0) > 0)
  const msg = failing ?? (controller ? `controller ${controller.name}: ${controller.status?.['last-failure-msg']}` : undefined)
  const healthy = s.cilium?.state === 'Ok' || s.cilium?.state === 'Disabled'
  return {text: msg ? `error in ${msg}` : 'OK', healthy}
}
