import {Args, Flags} from '@oclif/core'
import {BaseCommand} from '../cli/base-command.js'
import {agentFlags} from '../cli/flags.js'

export default class Config extends BaseCommand {
  static override summary = 'Cilium configuration options'
  static override description = 'Without arguments, prints the agent\'s read-write options (GET /v1/config). '
    + 'With Option=value arguments (true/false, enable/disable, on/off; MonitorAggregationLevel takes none|lowest|low|medium|max; '
    + 'PolicyEnforcement takes default|always|never), changes them on the agent and on every endpoint (PATCH /v1/config).'
  static override examples = [
    '<%= config.bin %> <%= command.id %>',
    '<%= config.bin %> <%= command.id %> PolicyAuditMode=true',
    '<%= config.bin %> <%= command.id %> DropNotification=false TraceNotification=false',
    '<%= config.bin %> <%= command.id %> --all',
  ]
  static override strict = false
  static override args = {option: Args.string({description: 'Option=value to set'})}
  static override flags = {
    ...agentFlags,
    'list-options': Flags.boolean({description: 'List available options', default: false}),
    'read-only': Flags.boolean({char: 'r', description: 'Display read only configurations', default: false}),
    all: Flags.boolean({char: 'a', description: 'Display all cilium configurations', default: false}),
    output: Flags.option({char: 'o', options: ['json', 'yaml'] as const, description: 'json| yaml output'})(),
  }

  async run(): Promise<void> {
    const {argv, flags} = await this.parse(Config)
    const options = await import('../api/options.js')
    if (flags['list-options']) {
      this.out(options.listOptionsText())
      return
    }
    const {AgentClient, withContext} = await import('../api/client.js')
    const client = AgentClient.fromHost(flags.host)
    const cfg = await withContext('Error while retrieving configuration', client.getConfig())
    const settings = argv as string[]
    if (settings.length === 0) {
      const status = cfg.status ?? {}
      if (flags.output) {
        const {renderJson, renderYaml} = await import('../output/format.js')
        const data = flags['read-only'] ? status['daemon-configuration-map'] ?? {}
          : flags.all ? {...status['daemon-configuration-map'], ...status.realized} : status.realized?.options ?? {}
        this.out(flags.output === 'json' ? renderJson(data) : renderYaml(data))
        return
      }
      const {daemonConfigText} = await import('../api/format.js')
      this.out(daemonConfigText(cfg, {readOnly: flags['read-only'], all: flags.all}))
      return
    }
    const {daemonConfigPatch} = await import('../api/options.js')
    await withContext('Unable to change agent configuration', client.patchConfig(daemonConfigPatch(settings)))
  }
}
