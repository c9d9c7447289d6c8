import {Flags} from '@oclif/core'
import {BaseCommand} from '../cli/base-command.js'
import {hubbleListenerFlags, hubbleTlsFiles} from '../install/flags.js'
import {monitorSocketPath} from '../install/layout.js'

export default class AgentCommand extends BaseCommand {
  static override summary = 'Run the node-local agent in the foreground'
  static override description = 'Restores its state, loads the datapath (pinning maps under <bpffs>/tc/globals), serves the '
    + 'Cilium REST API on --socket and the Hubble API on --hubble-socket (and --hubble-listen-address), manages endpoints '
    + '(network namespaces with veth pairs and addresses from --pool) and turns datapath events into flows. '
    + 'Logs one record a line to stderr. SIGTERM or SIGINT stops it; programs and pinned maps stay and keep enforcing.'
  static override examples = [
    '<%= config.bin %> <%= command.id %>',
    '<%= config.bin %> <%= command.id %> --state-dir /tmp/ck --socket /tmp/ck/cilium.sock --hubble-socket /tmp/ck/hubble.sock',
    '<%= config.bin %> <%= command.id %> --hubble-listen-address :4244 --hubble-tls-cert-file tls.crt --hubble-tls-key-file tls.key',
  ]
  static override flags = {
    'state-dir': Flags.string({description: 'Directory for the agent state (endpoints, identities, policies)',
      default: '/var/run/cilium/state', helpValue: '<dir>'}),
    bpffs: Flags.string({description: 'Root of the bpf filesystem the maps are pinned under (<bpffs>/tc/globals)',
      default: '/sys/fs/bpf', helpValue: '<dir>'}),
    socket: Flags.string({description: 'Unix socket of the agent REST API', default: '/var/run/cilium/cilium.sock', helpValue: '<path>'}),
    'hubble-socket': Flags.string({description: 'Unix socket of the Hubble API', default: '/var/run/cilium/hubble.sock', helpValue: '<path>'}),
    'monitor-socket': Flags.string({description: 'Unix socket of the monitor (cilium monitor) [default: monitor1_2.sock next to --socket]',
      helpValue: '<path>'}),
    ...hubbleListenerFlags,
    pool: Flags.string({description: 'IPv4 pool endpoint addresses come from', default: '10.200.0.0/24', helpValue: '<cidr>'}),
    'enable-policy': Flags.option({description: 'Policy enforcement mode', options: ['default', 'always', 'never'] as const,
      default: 'default' as const})(),
    'node-name': Flags.string({description: 'Node name in flows [default: the host name]', helpValue: '<name>'}),
    'cluster-name': Flags.string({description: 'Cluster name in flows and selectors', default: 'default', helpValue: '<name>'}),
    'hubble-event-buffer-capacity': Flags.integer({description: 'Flows the Hubble ring keeps', default: 4095, min: 1}),
    'log-level': Flags.option({description: 'Lowest level logged', options: ['debug', 'info', 'warn', 'error'] as const,
      default: 'info' as const})(),
    'no-datapath': Flags.boolean({description: 'Run without loading the datapath (nothing is enforced, no flows)', default: false}),
  }

  async run(): Promise<void> {
    const {flags} = await this.parse(AgentCommand)
    const {Agent} = await import('../agent/agent.js')
    const {defaultAgentConfig} = await import('../agent/config.js')
    const {loadBpfDatapath} = await import('../agent/datapath-load.js')
    const agent = new Agent({
      ...defaultAgentConfig(),
      stateDir: flags['state-dir'], bpffs: flags.bpffs, socket: flags.socket, hubbleSocket: flags['hubble-socket'],
      hubbleListenAddress: flags['hubble-listen-address'],
      hubbleTls: hubbleTlsFiles(flags),
      pool: flags.pool, enablePolicy: flags['enable-policy'], clusterName: flags['cluster-name'],
      flowCapacity: flags['hubble-event-buffer-capacity'], logLevel: flags['log-level'],
      ...(flags['node-name'] ? {nodeName: flags['node-name']} : {}),
      // Next to the API socket: /var/run/cilium/monitor1_2.sock by default, as Cilium's agent serves it.
      monitorSocket: flags['monitor-socket'] ?? monitorSocketPath(flags.socket),
    }, {loadDatapath: flags['no-datapath'] ? undefined : loadBpfDatapath})
    // Handlers first: a signal during start-up lets the start finish (or undo itself), then stops.
    let signal: string | undefined
    let wake: (() => void) | undefined
    for (const name of ['SIGTERM', 'SIGINT'] as const) {
      process.once(name, () => {
        signal ??= name
        wake?.()
      })
    }
    await agent.start()
    if (!signal) await new Promise<void>((resolve) => { wake = resolve })
    agent.log.info('Received signal, stopping', {signal})
    await agent.stop()
  }
}
