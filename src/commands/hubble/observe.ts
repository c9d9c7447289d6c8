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

// helpValue is the pflag type name `--help` shows (src/cli/help.ts): the real filter flags are of type "filter".
const filter = (description: string, extra: {char?: 'n' | 'l' | 't'; options?: string[]} = {}) =>
  Flags.string({description, helpGroup: filters, multiple: true, multipleNonGreedy: true, helpValue: 'filter', ...extra})
// Filter flags that stand alone (`--not`, `-4`); `--encrypted=false` and such are read from argv.
// pflag shows the value a bare flag stands for: `-4, --ipv4 filter[=v4]`.
const standalone = (description: string, char?: string, bare = 'true') =>
  Flags.boolean(Object.assign({description, helpGroup: filters, allowNo: false}, {helpValue: `filter[=${bare}]`}, char ? {char: char as 'A'} : {}))

const timeFormats = ['StampMilli', 'YearMonthDay', 'YearMonthDayHour', 'YearMonthDayHourMinute', 'RFC3339',
  'RFC3339Milli', 'RFC3339Micro', 'RFC3339Nano', 'RFC1123Z']
/** The real CLI's list of time layouts in --since/--until/--time-format help (`zone` stands for Go's Z07:00). */
const timeLayouts = (zone: string) => [['StampMilli', 'Jan _2 15:04:05.000'], ['YearMonthDay', '2006-01-02'],
  ['YearMonthDayHour', `2006-01-02T15${zone}`], ['YearMonthDayHourMinute', `2006-01-02T15:04${zone}`],
  ['RFC3339', `2006-01-02T15:04:05${zone}`], ['RFC3339Milli', `2006-01-02T15:04:05.999${zone}`],
  ['RFC3339Micro', `2006-01-02T15:04:05.999999${zone}`], ['RFC3339Nano', `2006-01-02T15:04:05.999999999${zone}`],
  ['RFC1123Z', 'Mon, 02 Jan 2006 15:04:05 -0700']].map(([name, layout]) => `\n  ${`${name}:`.padEnd(24)}${layout}`).join('') + '\n '
const sinceUntil = (what: string) =>
  `Filter flows ${what} a specific date. The format is relative (e.g. 3s, 4m, 1h43,, ...) or one of:${timeLayouts('-07:00')}`
const flowTypes = ['capture', 'drop', 'l7', 'policy-verdict', 'trace', 'trace-sock', ...[
  'from-endpoint', 'from-host', 'from-network', 'from-overlay', 'from-proxy', 'from-stack', 'from-crypto', 'to-endpoint',
  'to-host', 'to-network', 'to-overlay', 'to-proxy', 'to-stack', 'to-crypto'].map((p) => `trace:${p}`)]
const identities = ['host', 'world', 'unmanaged', 'health', 'init', 'remote-node', 'kube-apiserver', 'ingress',
  'world-ipv4', 'world-ipv6', 'overlay-to-encrypt']
/** --type's help: the types and their subtypes as the real CLI's tabwriter (padding 1) aligns them. */
const typeHelp = 'Filter by event types TYPE[:SUBTYPE]. Available types and subtypes:\n' + [['TYPE', 'SUBTYPE'],
  ...['capture', 'drop', 'l7', 'policy-verdict', 'trace', 'trace-sock'].flatMap((type) => {
    const subtypes = flowTypes.filter((t) => t.startsWith(`${type}:`)).map((t) => t.slice(type.length + 1))
    return subtypes.length === 0 ? [[type, 'n/a']] : subtypes.map((sub, i) => [i === 0 ? type : '', sub])
  })].map(([type, sub]) => `${`${type} `.padEnd(16)} ${sub}`.trim() === sub ? `${' '.repeat(17)}${sub}` : `${`${type} `.padEnd(16)} ${sub}`).join('\n')
const verdicts = ['FORWARDED', 'DROPPED', 'AUDIT', 'REDIRECTED', 'ERROR', 'TRACED', 'TRANSLATED']
const protocols = ['icmp', 'icmpv4', 'icmpv6', 'sctp', 'tcp', 'udp', 'vrrp', 'igmp', 'dns', 'http', 'kafka']
const httpMethods = ['CONNECT', 'DELETE', 'GET', 'HEAD', 'OPTIONS', 'PATCH', 'POST', 'PUT', 'TRACE']

export const observeFlags = {
  all: Flags.boolean({description: 'Get all flows stored in Hubble\'s buffer. Note: this option may cause Hubble to return a lot of data. It is recommended to only use it along filters to limit the amount of data returned.', helpGroup: selectors}),
  last: Flags.string({description: 'Get last N flows stored in Hubble\'s buffer (default 20). When querying against Hubble Relay, this gets N flows per instance of Hubble connected to that Relay.', helpGroup: selectors, helpValue: 'uint'}),
  first: Flags.string({description: 'Get first N flows stored in Hubble\'s buffer. When querying against Hubble Relay, this gets N flows per instance of Hubble connected to that Relay.', helpGroup: selectors, helpValue: 'uint'}),
  follow: Flags.boolean({char: 'f', description: 'Follow flows output', helpGroup: selectors}),
  since: Flags.string({description: sinceUntil('since'), helpGroup: selectors}),
  until: Flags.string({description: sinceUntil('until'), helpGroup: selectors}),

  not: standalone('Reverses the next filter to be blacklist i.e. --not --from-ip 2.2.2.2'),
  uuid: filter('Show the only flow matching this unique flow identifier, if any'),
  'node-name': filter('Show all flows which match the given node names (e.g. "k8s*", "test-cluster/*.company.com")'),
  'node-label': filter('Show only flows observed on nodes matching the given label filter (e.g. "key1=value1", "io.cilium/egress-gateway")'),
  cluster: filter('Show all flows which match the cluster names (e.g. "test-cluster", "prod-*")'),
  'from-cluster': filter('Show all flows originating from endpoints known to be in the given cluster name'),
  'to-cluster': filter('Show all flows destined to endpoints known to be in the given cluster name'),
  protocol: filter('Show only flows which match the given L4/L7 flow protocol (e.g. "udp", "http")', {options: candidates(protocols)}),
  'tcp-flags': filter('Show only flows which match the given TCP flags (e.g. "syn", "ack", "fin")'),
  type: filter(typeHelp,
    {char: 't', options: candidates(flowTypes)}),
  verdict: filter('Show only flows with this verdict [FORWARDED, DROPPED, AUDIT, REDIRECTED, ERROR, TRACED, TRANSLATED]',
    {options: candidates(verdicts)}),
  'drop-reason-desc': filter('Show only flows which match this drop reason describe (e.g. "POLICY_DENIED", "UNSUPPORTED_L3_PROTOCOL")'),
  'http-status': filter('Show only flows which match this HTTP status code prefix (e.g. "404", "5+")'),
  'http-method': filter('Show only flows which match this HTTP method (e.g. "get", "post")', {options: candidates(httpMethods)}),
  'http-path': filter('Show only flows which match this HTTP path regular expressions (e.g. "/page/\\\\d+")'),
  'http-url': filter('Show only flows which match this HTTP URL regular expressions (e.g. "http://.*cilium\\.io/page/\\\\d+")'),
  'http-header': filter('Show only flows which match this HTTP header key:value pairs (e.g. "foo:bar")'),
  'trace-id': filter('Show only flows which match this trace ID'),
  'ip-trace-id': filter('Show only flows which match this IP trace ID'),
  fqdn: filter('Show all flows related to the given fully qualified domain name (e.g. "*.cilium.io").'),
  'from-fqdn': filter('Show all flows originating at the given fully qualified domain name (e.g. "*.cilium.io").'),
  'to-fqdn': filter('Show all flows terminating at the given fully qualified domain name (e.g. "*.cilium.io").'),
  ip: filter('Show all flows originating or terminating at the given IP address. Each of the IPs can be specified as an exact match (e.g. \'1.1.1.1\') or as a CIDR range (e.g.\'1.1.1.0/24\').'),
  'from-ip': filter('Show all flows originating at the given IP address. Each of the source IPs can be specified as an exact match (e.g. \'1.1.1.1\') or as a CIDR range (e.g.\'1.1.1.0/24\').'),
  'to-ip': filter('Show all flows terminating at the given IP address. Each of the destination IPs can be specified as an exact match (e.g. \'1.1.1.1\') or as a CIDR range (e.g.\'1.1.1.0/24\').'),
  'snat-ip': filter('Show all flows SNATed with the given IP address. Each of the SNAT IPs can be specified as an exact match (e.g. \'1.1.1.1\') or as a CIDR range (e.g.\'1.1.1.0/24\').'),
  ipv4: standalone('Show only IPv4 flows', '4', 'v4'),
  ipv6: standalone('Show only IPv6 flows', '6', 'v6'),
  'ip-version': filter('Show only IPv4, IPv6 flows or non IP flows (e.g. ARP packets) (ie: "none", "v4", "v6")', {options: candidates(['none', 'v4', 'v6'])}),
  pod: filter('Show all flows related to the given pod name prefix ([namespace/]<pod-name>). If namespace is not provided, \'default\' is used.'),
  'from-pod': filter('Show all flows originating in the given pod name prefix([namespace/]<pod-name>). If namespace is not provided, \'default\' is used'),
  'to-pod': filter('Show all flows terminating in the given pod name prefix([namespace/]<pod-name>). If namespace is not provided, \'default\' is used'),
  namespace: filter('Show all flows related to the given Kubernetes namespace.', {char: 'n'}),
  'from-namespace': filter('Show all flows originating in the given Kubernetes namespace.'),
  'to-namespace': filter('Show all flows terminating in the given Kubernetes namespace.'),
  'all-namespaces': standalone('Show all flows in any Kubernetes namespace.', 'A'),
  'from-all-namespaces': standalone('Show flows originating in any Kubernetes namespace.'),
  'to-all-namespaces': standalone('Show flows terminating in any Kubernetes namespace.'),
  label: filter('Show only flows related to an endpoint with the given labels (e.g. "key1=value1", "reserved:world")', {char: 'l'}),
  'from-label': filter('Show only flows originating in an endpoint with the given labels (e.g. "key1=value1", "reserved:world")'),
  'to-label': filter('Show only flows terminating in an endpoint with given labels (e.g. "key1=value1", "reserved:world")'),
  service: filter('Shows flows where either the source or destination IP address matches the ClusterIP address of the given service name prefix ([namespace/]<svc-name>). If namespace is not provided, \'default\' is used. '),
  'from-service': filter('Shows flows where the source IP address matches the ClusterIP address of the given service name prefix([namespace/]<svc-name>). If namespace is not provided, \'default\' is used'),
  'to-service': filter('Shows flows where the destination IP address matches the ClusterIP address of the given service name prefix ([namespace/]<svc-name>). If namespace is not provided, \'default\' is used'),
  port: filter('Show only flows with given port in either source or destination (e.g. 8080)'),
  'from-port': filter('Show only flows with the given source port (e.g. 8080)'),
  'to-port': filter('Show only flows with the given destination port (e.g. 8080)'),
  workload: filter('Show all flows related to an endpoint with the given workload'),
  'from-workload': filter('Show all flows originating at an endpoint with the given workload'),
  'to-workload': filter('Show all flows terminating at an endpoint with the given workload'),
  identity: filter('Show all flows related to an endpoint with the given security identity',
    {options: candidates(identities)}),
  'from-identity': filter('Show all flows originating at an endpoint with the given security identity', {options: candidates(identities)}),
  'to-identity': filter('Show all flows terminating at an endpoint with the given security identity', {options: candidates(identities)}),
  'traffic-direction': filter('Show all flows in the given traffic direction (either ingress or egress)', {options: candidates(['ingress', 'egress'])}),
  'cel-expression': filter('Filter flows using the given CEL expression'),
  interface: filter('Show all flows observed at the given interface name (e.g. eth0)'),
  encrypted: standalone('Only encrypted flows (WireGuard/IPsec)'),
  unencrypted: standalone('Only unencrypted flows'),

  allowlist: Flags.string({description: 'Specify allowlist as JSON encoded FlowFilters',
    helpGroup: rawFilters, multiple: true, multipleNonGreedy: true}),
  denylist: Flags.string({description: 'Specify denylist as JSON encoded FlowFilters',
    helpGroup: rawFilters, multiple: true, multipleNonGreedy: true}),

  output: Flags.string({char: 'o', default: 'compact', helpGroup: formatting,
    description: 'Specify the output format, one of:\n  compact:  Compact output\n  dict:     Each flow is shown as KEY:VALUE pair\n  jsonpb:   JSON encoded GetFlowResponse according to proto3\'s JSON mapping\n  json:     Alias for jsonpb\n  table:    Tab-aligned columns\n',
    options: candidates(['compact', 'dict', 'json', 'jsonpb', 'table'])}),
  'print-node-name': Flags.boolean({description: 'Print node name in output', helpGroup: formatting}),
  'print-policy-names': Flags.boolean({description: 'Print policy names in output', helpGroup: formatting}),
  'time-format': Flags.string({default: 'StampMilli', helpGroup: formatting, options: candidates(timeFormats),
    description: `Specify the time format for printing. This option does not apply to the json and jsonpb output type. One of:${timeLayouts('Z07:00')}`}),

  color: Flags.string({default: 'auto', helpGroup: flowFormat, options: candidates(['auto', 'always', 'never']),
    description: 'Colorize the output when the output format is one of \'compact\' or \'dict\'. The value is one of \'auto\' (default), \'always\' or \'never\''}),
  'ip-translation': Flags.boolean({default: true, allowNo: true, helpGroup: flowFormat,
    description: 'Translate IP addresses to logical names such as pod name, FQDN, ...'}),
  numeric: Flags.boolean({description: 'Display all information in numeric form', helpGroup: flowFormat}),

  ...serverFlags,
  'port-forward': Flags.boolean({char: 'P', description: 'Automatically forward the relay port to the local machine. Analoguous to running: \'cilium hubble port-forward\'.',
    helpGroup: 'Server'}),
  'port-forward-port': Flags.string({description: 'Local port to forward to. 0 will select a random port. This option is only considered when --port-forward is set. (default 4245)', helpGroup: 'Server', helpValue: 'uint16'}),
  'kube-context': Flags.string({description: 'Kubernetes configuration context. This option is only considered when --port-forward is set.', helpGroup: 'Server'}),
  'kube-namespace': Flags.string({description: 'Namespace Cilium is running in. This option is only considered when --port-forward is set. (default "kube-system")', helpGroup: 'Server'}),
  kubeconfig: Flags.string({description: 'Path to the kubeconfig file. This option is only considered when --port-forward is set.', helpGroup: 'Server'}),

  'silent-errors': Flags.boolean({char: 's', description: 'Silently ignores errors and warnings', helpGroup: other}),
  'print-raw-filters': Flags.boolean({description: 'Print allowlist/denylist filters and exit without sending the request to Hubble server', helpGroup: other}),
  'input-file': Flags.string({description: 'Query flows from this file instead of the server. Use \'-\' to read from stdin.', helpGroup: other}),
  'field-mask': Flags.string({description: 'Comma-separated list of fields for mask. Fields not in the mask will be removed from server response.',
    helpGroup: other, multiple: true, delimiter: ','}),
  'use-default-field-masks': Flags.boolean({default: true, allowNo: true, helpGroup: other,
    description: 'Request only visible fields when the output format is compact, tab, or dict.'}),
}

export default class HubbleObserve extends HubbleCommand {
  static override summary = 'Observe flows and events of a Hubble server'
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
