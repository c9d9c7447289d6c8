import {Flags} from '@oclif/core'
import {HubbleCommand, serverFlags, type ServerFlagValues} from '../../cli/hubble-command.js'
import type {observer} from '../../hubble/proto/index.js'

/**
 * Completion candidates that do not restrict the value. oclif rejects a value outside
 * `options`; these flags are checked by `hubble observe` itself with the real CLI's
 * messages (or take any value, like --color and --time-format), so the list only
 * feeds help and shell completion.
 */
function candidates(values: readonly string[]): string[] {
  const list = [...values]
  Object.defineProperty(list, 'includes', {value: () => true})
  return list
}

const selectors = 'Selectors'
const filters = 'Filters'
const rawFilters = 'Raw-Filters'
const formatting = 'Formatting'
const flowFormat = 'Flow Format'
const other = 'Other'

const filter = (description: string, extra: {char?: 'n' | 'l' | 't'; options?: string[]} = {}) =>
  Flags.string({description, helpGroup: filters, multiple: true, multipleNonGreedy: true, ...extra})
// Filter flags that stand alone (`--not`, `-4`); `--encrypted=false` and such are read from argv.
const standalone = (description: string, char?: string) =>
  Flags.boolean({description, helpGroup: filters, allowNo: false, ...(char ? {char: char as 'A'} : {})})

const timeFormats = ['StampMilli', 'YearMonthDay', 'YearMonthDayHour', 'YearMonthDayHourMinute', 'RFC3339',
  'RFC3339Milli', 'RFC3339Micro', 'RFC3339Nano', 'RFC1123Z']
const timeHelp = 'relative (3s, 4m, 1h43m) or one of: 2006-01-02, 2006-01-02T15-07:00, 2006-01-02T15:04-07:00, '
  + 'RFC3339 (2006-01-02T15:04:05-07:00, fraction allowed), RFC1123Z (Mon, 02 Jan 2006 15:04:05 -0700)'
const flowTypes = ['capture', 'drop', 'l7', 'policy-verdict', 'trace', 'trace-sock', ...[
  'from-endpoint', 'from-host', 'from-network', 'from-overlay', 'from-proxy', 'from-stack', 'from-crypto', 'to-endpoint',
  'to-host', 'to-network', 'to-overlay', 'to-proxy', 'to-stack', 'to-crypto'].map((p) => `trace:${p}`)]
const identities = ['host', 'world', 'unmanaged', 'health', 'init', 'remote-node', 'kube-apiserver', 'ingress',
  'world-ipv4', 'world-ipv6', 'overlay-to-encrypt']
const verdicts = ['FORWARDED', 'DROPPED', 'AUDIT', 'REDIRECTED', 'ERROR', 'TRACED', 'TRANSLATED']
const protocols = ['icmp', 'icmpv4', 'icmpv6', 'sctp', 'tcp', 'udp', 'vrrp', 'igmp', 'dns', 'http', 'kafka']
const httpMethods = ['CONNECT', 'DELETE', 'GET', 'HEAD', 'OPTIONS', 'PATCH', 'POST', 'PUT', 'TRACE']

export const observeFlags = {
  all: Flags.boolean({description: 'Get all flows in the buffer (best used with filters)', helpGroup: selectors}),
  last: Flags.string({description: 'Get the last N flows in the buffer (default 20; per node behind Hubble Relay)', helpGroup: selectors}),
  first: Flags.string({description: 'Get the first N flows in the buffer (per node behind Hubble Relay)', helpGroup: selectors}),
  follow: Flags.boolean({char: 'f', description: 'Keep printing new flows as they arrive', helpGroup: selectors}),
  since: Flags.string({description: `Only flows since this time: ${timeHelp}`, helpGroup: selectors}),
  until: Flags.string({description: `Only flows until this time (ignored with --follow): ${timeHelp}`, helpGroup: selectors}),

  not: standalone('Negate the next filter flag: matching flows are left out (--not --from-ip 2.2.2.2)'),
  uuid: filter('The flow with this unique identifier'),
  'node-name': filter('Flows observed on nodes matching this name pattern ("k8s*", "test-cluster/*.company.com")'),
  'node-label': filter('Flows observed on nodes matching this label selector ("key1=value1", "io.cilium/egress-gateway")'),
  cluster: filter('Flows from or to endpoints in this cluster'),
  'from-cluster': filter('Flows from endpoints in this cluster'),
  'to-cluster': filter('Flows to endpoints in this cluster'),
  protocol: filter('Flows of this L4 or L7 protocol ("udp", "http")', {options: candidates(protocols)}),
  'tcp-flags': filter('Flows whose TCP flags include all of these ("syn", "syn,ack")'),
  type: filter('Flows of this event type, TYPE[:SUBTYPE] (drop, trace:to-endpoint, l7, policy-verdict, capture, trace-sock, or a number)',
    {char: 't', options: candidates(flowTypes)}),
  verdict: filter('Flows with this verdict (FORWARDED, DROPPED, AUDIT, REDIRECTED, ERROR, TRACED, TRANSLATED)',
    {options: candidates(verdicts)}),
  'drop-reason-desc': filter('Dropped flows with this drop reason ("POLICY_DENIED", "UNSUPPORTED_L3_PROTOCOL")'),
  'http-status': filter('Flows with this HTTP status code, or prefix ("404", "5+")'),
  'http-method': filter('Flows with this HTTP method ("get", "post")', {options: candidates(httpMethods)}),
  'http-path': filter('Flows whose HTTP path matches this regular expression ("/page/\\\\d+")'),
  'http-url': filter('Flows whose HTTP URL matches this regular expression'),
  'http-header': filter('Flows with this HTTP header, name:value ("foo:bar")'),
  'trace-id': filter('Flows with this trace ID'),
  'ip-trace-id': filter('Flows with this IP trace ID'),
  fqdn: filter('Flows from or to this fully qualified domain name ("*.cilium.io")'),
  'from-fqdn': filter('Flows from this fully qualified domain name'),
  'to-fqdn': filter('Flows to this fully qualified domain name'),
  ip: filter('Flows from or to this IP address or CIDR range ("1.1.1.1", "1.1.1.0/24")'),
  'from-ip': filter('Flows from this IP address or CIDR range'),
  'to-ip': filter('Flows to this IP address or CIDR range'),
  'snat-ip': filter('Flows SNATed to this IP address or CIDR range'),
  ipv4: standalone('Only IPv4 flows', '4'),
  ipv6: standalone('Only IPv6 flows', '6'),
  'ip-version': filter('Only IPv4, IPv6 or non-IP flows ("v4", "v6", "none")', {options: candidates(['none', 'v4', 'v6'])}),
  pod: filter('Flows from or to pods with this name prefix, [namespace/]<pod-name> (namespace "default" if not given)'),
  'from-pod': filter('Flows from pods with this name prefix, [namespace/]<pod-name>'),
  'to-pod': filter('Flows to pods with this name prefix, [namespace/]<pod-name>'),
  namespace: filter('Flows from or to this Kubernetes namespace (applies to --pod and --service too)', {char: 'n'}),
  'from-namespace': filter('Flows from this Kubernetes namespace'),
  'to-namespace': filter('Flows to this Kubernetes namespace'),
  'all-namespaces': standalone('Flows in any Kubernetes namespace', 'A'),
  'from-all-namespaces': standalone('Flows from any Kubernetes namespace'),
  'to-all-namespaces': standalone('Flows to any Kubernetes namespace'),
  label: filter('Flows from or to endpoints with these labels ("key1=value1", "reserved:world")', {char: 'l'}),
  'from-label': filter('Flows from endpoints with these labels'),
  'to-label': filter('Flows to endpoints with these labels'),
  service: filter('Flows from or to this service name prefix, [namespace/]<svc-name>'),
  'from-service': filter('Flows from this service name prefix'),
  'to-service': filter('Flows to this service name prefix'),
  port: filter('Flows with this source or destination port (8080)'),
  'from-port': filter('Flows with this source port'),
  'to-port': filter('Flows with this destination port'),
  workload: filter('Flows from or to endpoints of this workload ([Kind/]name)'),
  'from-workload': filter('Flows from endpoints of this workload'),
  'to-workload': filter('Flows to endpoints of this workload'),
  identity: filter('Flows from or to endpoints with this security identity (number or reserved name)',
    {options: candidates(identities)}),
  'from-identity': filter('Flows from endpoints with this security identity', {options: candidates(identities)}),
  'to-identity': filter('Flows to endpoints with this security identity', {options: candidates(identities)}),
  'traffic-direction': filter('Flows in this traffic direction (ingress or egress)', {options: candidates(['ingress', 'egress'])}),
  'cel-expression': filter('Flows for which this CEL expression is true (_flow.verdict == Verdict.DROPPED)'),
  interface: filter('Flows observed at this network interface ("eth0")'),
  encrypted: standalone('Only encrypted flows (WireGuard/IPsec)'),
  unencrypted: standalone('Only unencrypted flows'),

  allowlist: Flags.string({description: 'Allowlist: JSON encoded FlowFilters (also HUBBLE_ALLOWLIST, config allowlist)',
    helpGroup: rawFilters, multiple: true, multipleNonGreedy: true}),
  denylist: Flags.string({description: 'Denylist: JSON encoded FlowFilters (also HUBBLE_DENYLIST, config denylist)',
    helpGroup: rawFilters, multiple: true, multipleNonGreedy: true}),

  output: Flags.string({char: 'o', default: 'compact', helpGroup: formatting,
    description: 'Output format: compact, dict (KEY: value per flow), jsonpb (GetFlowsResponse as JSON), json (same), table (aligned columns)',
    options: candidates(['compact', 'dict', 'json', 'jsonpb', 'table'])}),
  'print-node-name': Flags.boolean({description: 'Print the node name of each flow', helpGroup: formatting}),
  'print-policy-names': Flags.boolean({description: 'Print the names of the policies behind policy verdicts', helpGroup: formatting}),
  'time-format': Flags.string({default: 'StampMilli', helpGroup: formatting, options: candidates(timeFormats),
    description: 'Time format of compact, dict and table output (StampMilli: Jan _2 15:04:05.000, RFC3339, RFC3339Milli, ...)'}),

  color: Flags.string({default: 'auto', helpGroup: flowFormat, options: candidates(['auto', 'always', 'never']),
    description: 'Colour compact and dict output: auto (a terminal without NO_COLOR), always or never'}),
  'ip-translation': Flags.boolean({default: true, allowNo: true, helpGroup: flowFormat,
    description: 'Show pod, service and DNS names instead of IP addresses'}),
  numeric: Flags.boolean({description: 'Show everything in numeric form (IP addresses)', helpGroup: flowFormat}),

  ...serverFlags,
  'port-forward': Flags.boolean({char: 'P', description: 'Port-forward to Hubble Relay through the Kubernetes API (not supported here)',
    helpGroup: 'Server'}),
  'port-forward-port': Flags.string({description: 'Local port of the port-forward (default 4245)', helpGroup: 'Server'}),
  'kube-context': Flags.string({description: 'Kubernetes context of the port-forward', helpGroup: 'Server'}),
  'kube-namespace': Flags.string({description: 'Namespace of Hubble Relay for the port-forward (default "kube-system")', helpGroup: 'Server'}),
  kubeconfig: Flags.string({description: 'Kubeconfig of the port-forward', helpGroup: 'Server'}),

  'silent-errors': Flags.boolean({char: 's', description: 'Do not print node status errors and warnings of the server', helpGroup: other}),
  'print-raw-filters': Flags.boolean({description: 'Print the allowlist/denylist as YAML (usable as --config) and exit', helpGroup: other}),
  'input-file': Flags.string({description: 'Read flows saved with -o jsonpb from this file (- for stdin) instead of a server', helpGroup: other}),
  'field-mask': Flags.string({description: 'Request only these fields (comma-separated proto paths; json/jsonpb output)',
    helpGroup: other, multiple: true, delimiter: ','}),
  'use-default-field-masks': Flags.boolean({default: true, allowNo: true, helpGroup: other,
    description: 'Request only the fields compact, dict and table print'}),
}

export default class HubbleObserve extends HubbleCommand {
  static override summary = 'Observe flows and events of a Hubble server'
  static override description = `Shows flows from a Hubble server (Cilium agent or Hubble Relay), or from a file saved with -o jsonpb.

A flow matches a filter flag when it matches any of its values; it must match every filter flag given.
--not before a filter flag leaves out the flows that match it; flows matching all the negated flags are left out.`
  static override examples = [
    '<%= config.bin %> <%= command.id %> --last 100 --verdict DROPPED',
    '<%= config.bin %> <%= command.id %> --follow --http-method put --http-method get --to-namespace foo',
    '<%= config.bin %> <%= command.id %> --not --http-method put --not --to-namespace foo',
    '<%= config.bin %> <%= command.id %> -o jsonpb --last 1000 > flows.json',
    '<%= config.bin %> <%= command.id %> --input-file flows.json --pod default/frontend -o dict',
    'cat flows.json | <%= config.bin %> <%= command.id %> --input-file -',
  ]
  static override flags = observeFlags
  // The flag list is long; the grouped sections below the usage line describe it.
  static override usage = '<%= command.id %> [flags]'

  async run(): Promise<void> {
    const {flags} = await this.parse(this.ctor as typeof HubbleObserve, goBoolSyntax(this.argv, this.ctor.flags))
    const [{runObserve}, {streamToStdout}, {observeFilterLists}] = await Promise.all([
      import('../../hubble/observe/run.js'), import('../../hubble/observe/output-guard.js'), import('../../hubble/config.js')])
    // --allowlist/--denylist: flag > HUBBLE_ALLOWLIST/HUBBLE_DENYLIST > config file, as the real CLI binds them.
    const lists = await observeFilterLists({configFlag: flags.config})
    const ending = await streamToStdout((signal) => runObserve({
      argv: this.argv, valueFlags: valueFlagNames({...this.ctor.baseFlags, ...this.ctor.flags}), output: flags.output, timeFormat: flags['time-format'],
      color: flags.color, printNodeName: flags['print-node-name'], printPolicyNames: flags['print-policy-names'],
      numeric: flags.numeric, ipTranslation: flags['ip-translation'], silentErrors: flags['silent-errors'],
      printRawFilters: flags['print-raw-filters'], debug: flags.debug, inputFile: flags['input-file'],
      fieldMask: flags['field-mask'] ?? [], useDefaultFieldMasks: flags['use-default-field-masks'],
      selector: {last: flags.last, first: flags.first, all: flags.all, follow: flags.follow, since: flags.since, until: flags.until},
      allowlist: flags.allowlist ?? lists.allowlist, denylist: flags.denylist ?? lists.denylist,
      stdout: process.stdout, stderr: process.stderr, stdin: process.stdin, env: process.env, signal,
      portForward: flags['port-forward'],
      serverFlows: (request, signal) => this.serverFlows(flags, request, signal),
    }))
    // Exit now: what is left (oclif's final flush of stdout) would wait on the closed pipe forever.
    if (ending === 'closed') this.exit(0)
  }

  /** GetFlows (in batches) from the server the flags, HUBBLE_* variables and config file name. */
  private async *serverFlows(flags: ServerFlagValues & {config?: string}, request: observer.IGetFlowsRequest,
    signal: AbortSignal): AsyncGenerator<observer.GetFlowsResponse[]> {
    const settings = await this.hubbleSettings(flags)
    const {HubbleClient} = await import('../../hubble/client.js')
    const client = HubbleClient.connect(settings)
    try {
      yield* client.flowBatches(request, signal)
    } finally {
      client.close()
    }
  }
}

const goFalse = new Set(['0', 'f', 'F', 'false', 'FALSE', 'False'])

/**
 * The real CLI takes `--flag=false` for booleans (pflag); oclif takes `--no-flag`. Filter
 * flags keep their raw form for the argv scanner, which reads the value itself.
 */
function goBoolSyntax(argv: readonly string[], flags: Record<string, {type: string; allowNo?: boolean; helpGroup?: string}>): string[] {
  return argv.flatMap((tok) => {
    const m = /^--([^=]+)=(.*)$/.exec(tok)
    const flag = m ? flags[m[1]] : undefined
    if (!m || flag?.type !== 'boolean') return [tok]
    if (flag.helpGroup === filters) return [`--${m[1]}`]
    if (!goFalse.has(m[2])) return [`--${m[1]}`]
    return flag.allowNo ? [`--no-${m[1]}`] : []
  })
}

/** `--output`, `-o`, ...: every flag that takes a separate value, so argv scanning can skip it. */
function valueFlagNames(flags: Record<string, {type: string; char?: string}>): Set<string> {
  const names = new Set<string>()
  for (const [name, f] of Object.entries(flags)) {
    if (f.type !== 'option') continue
    names.add(`--${name}`)
    if (f.char) names.add(`-${f.char}`)
  }
  return names
}

const eventsFlagNames = ['all', 'last', 'first', 'follow', 'since', 'until', 'output', 'print-node-name', 'time-format'] as const

/**
 * `hubble observe agent-events` and `debug-events`: the selector, formatting and server
 * flags of `observe`, no filters (the RPCs take none).
 */
export function eventsCommand(kind: 'agent' | 'debug'): typeof HubbleCommand {
  const what = kind === 'agent' ? 'agent events' : 'debug events'
  return class HubbleObserveEvents extends HubbleCommand {
    static override summary = `Observe Cilium ${what}`
    static override flags = {
      ...Object.fromEntries(eventsFlagNames.map((name) => [name, observeFlags[name]])) as Pick<typeof observeFlags, typeof eventsFlagNames[number]>,
      ...serverFlags,
    }

    async run(): Promise<void> {
      const {flags} = await this.parse(HubbleObserveEvents)
      const [{runEvents}, {streamToStdout}, {HubbleClient}] = await Promise.all([import('../../hubble/observe/events.js'),
        import('../../hubble/observe/output-guard.js'), import('../../hubble/client.js')])
      const client = HubbleClient.connect(await this.hubbleSettings(flags))
      let ending: 'done' | 'closed'
      try {
        ending = await streamToStdout((signal) => runEvents({kind, output: flags.output,
          timeFormat: flags['time-format'], printNodeName: flags['print-node-name'], env: process.env,
          selector: {last: flags.last, first: flags.first, all: flags.all, follow: flags.follow, since: flags.since, until: flags.until},
          write: (text) => process.stdout.write(text),
          events: (request) => kind === 'agent' ? client.agentEvents(request, signal) : client.debugEvents(request, signal)}))
      } finally {
        client.close()
      }
      if (ending === 'closed') this.exit(0)
    }
  }
}
