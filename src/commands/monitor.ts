import {Flags} from '@oclif/core'
import {BaseCommand} from '../cli/base-command.js'
import {agentFlags} from '../cli/flags.js'

const endpointIdFlag = (description: string) => Flags.integer({description, multiple: true, min: 0, max: 65535, helpValue: '<id>'})

/** -v counts (-v: debug, -vv: verbose), which a boolean flag cannot: counted and removed before parsing. */
function countVerbose(argv: readonly string[]): {argv: string[]; count: number} {
  let count = 0
  const rest: string[] = []
  for (const [i, a] of argv.entries()) {
    if (a === '--') {
      rest.push(...argv.slice(i))
      break
    }
    if (a === '--verbose' || /^-v+$/.test(a)) count += a === '--verbose' ? 1 : a.length - 1
    else rest.push(a)
  }
  return {argv: rest, count}
}

export default class Monitor extends BaseCommand {
  static override summary = 'Display BPF program events'
  static override description = `The monitor displays notifications and events emitted by the BPF
programs attached to endpoints and devices. This includes:
  * Dropped packet notifications
  * Captured packet traces
  * Policy verdict notifications
  * Debugging information

It reads the agent's monitor socket (a gob stream of payloads, as Cilium's agent serves it), so it
works against our agent and a real Cilium agent alike.`
  static override examples = [
    '<%= config.bin %> <%= command.id %>',
    '<%= config.bin %> <%= command.id %> --type drop',
    '<%= config.bin %> <%= command.id %> --type trace --related-to 1234',
    '<%= config.bin %> <%= command.id %> -vv --hex',
    '<%= config.bin %> <%= command.id %> -j',
  ]
  static override flags = {
    ...agentFlags,
    hex: Flags.boolean({description: 'Do not dissect, print payload in HEX', default: false}),
    type: Flags.string({char: 't', multiple: true, helpValue: '<type>',
      description: 'Filter by event types [agent capture debug drop l7 policy-verdict recorder trace trace-sock]'}),
    from: endpointIdFlag('Filter by source endpoint id'),
    to: endpointIdFlag('Filter by destination endpoint id'),
    'related-to': endpointIdFlag('Filter by either source or destination endpoint id'),
    verbose: Flags.boolean({char: 'v', description: 'Enable verbose output (-v, -vv)'}),
    json: Flags.boolean({char: 'j', description: 'Enable json output. Shadows -v flag', default: false}),
    numeric: Flags.boolean({char: 'n', description: 'Display all security identities as numeric values', default: false}),
    'monitor-socket': Flags.string({description: 'Configure monitor socket path', env: 'CILIUM_MONITOR_SOCK', helpValue: '<path>'}),
  }

  async run(): Promise<void> {
    const {argv, count} = countVerbose(this.argv)
    const {flags} = await this.parse(Monitor, argv)
    const [{runMonitor, parseMessageType}, {streamToStdout}, {DEFAULT_MONITOR_SOCKET}, {AgentClient}] = await Promise.all([
      import('../monitor/run.js'), import('../hubble/observe/output-guard.js'), import('../monitor/payload.js'), import('../api/client.js')])
    const types = new Set((flags.type ?? []).map(parseMessageType))
    const verbosity = flags.json ? 'json' : count >= 2 ? 'verbose' : count === 1 ? 'debug' : 'info'
    // The start line needs the agent's node-monitor figures; without an agent API it is left out, as cilium-dbg does.
    const health = await AgentClient.fromHost(flags.host, process.env, 5000).healthz(true).catch(() => undefined)
    const nodeMonitor = (health as {nodeMonitor?: {cpus?: number; npages?: number; pagesize?: number}} | undefined)?.nodeMonitor
    const ending = await streamToStdout((signal) => runMonitor({
      socketPath: flags['monitor-socket'] || DEFAULT_MONITOR_SOCKET,
      format: {verbosity, numeric: flags.numeric, hex: flags.hex, types, from: new Set(flags.from ?? []), to: new Set(flags.to ?? []),
        related: new Set(flags['related-to'] ?? [])},
      nodeMonitor, stdout: process.stdout, stderr: process.stderr, signal}))
    // A closed pipe: exit now, oclif's final flush of stdout would wait on it forever.
    if (ending === 'closed') this.exit(0)
  }
}
