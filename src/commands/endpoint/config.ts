import {Args, Flags} from '@oclif/core'
import {BaseCommand} from '../../cli/base-command.js'
import {agentFlags} from '../../cli/flags.js'
import type {EndpointConfigurationStatus} from '../../api/models.js'

export default class EndpointConfig extends BaseCommand {
  static override summary = 'View & modify endpoint configuration'
  static override description = 'Without options, prints the endpoint\'s immutable and realized options. With Option=value '
    + 'arguments (true/false, enable/disable, on/off, 1/0; MonitorAggregationLevel takes none|lowest|low|medium|max), '
    + 'changes them through the agent.'
  static override examples = [
    '<%= config.bin %> <%= command.id %> 5421',
    '<%= config.bin %> <%= command.id %> 5421 DropNotification=false TraceNotification=false PolicyVerdictNotification=true',
    '<%= config.bin %> <%= command.id %> --list-options',
  ]
  static override strict = false
  static override args = {endpoint: Args.string({description: 'Endpoint ID'})}
  static override flags = {
    ...agentFlags,
    'list-options': Flags.boolean({description: 'List available options', default: false}),
    output: Flags.option({char: 'o', options: ['json', 'yaml'] as const, description: 'json| yaml output'})(),
  }

  async run(): Promise<EndpointConfigurationStatus | undefined> {
    const {args, argv, flags} = await this.parse(EndpointConfig)
    const options = await import('../../api/options.js')
    if (flags['list-options']) {
      this.out(options.listOptionsText())
      return undefined
    }
    const {CiliumkitError, UsageError} = await import('../../errors.js')
    if (args.endpoint === undefined) throw new UsageError('Missing endpoint id argument')
    const id = args.endpoint
    const settings = (argv as string[]).slice(1).map((arg) => {
      try {
        return options.parseOptionArg(arg)
      } catch (err) {
        throw new CiliumkitError(`Cannot parse option ${arg}: ${(err as Error).message}`)
      }
    })
    const {AgentClient, withContext} = await import('../../api/client.js')
    const client = AgentClient.fromHost(flags.host)
    const cfg = await withContext(`Cannot get configuration of endpoint ${id}`, client.getEndpointConfig(id))
    if (settings.length === 0) {
      const {renderJson, renderYaml} = await import('../../output/format.js')
      this.out(flags.output === 'json' ? renderJson(cfg) : flags.output === 'yaml' ? renderYaml(cfg)
        : options.dumpConfigurationMap(cfg.immutable ?? {}) + options.dumpConfigurationMap(cfg.realized?.options ?? {}))
      return cfg
    }
    const realized = {...cfg.realized, options: {...cfg.realized?.options}}
    for (const s of settings) realized.options[s.name] = String(s.value)
    await withContext(`Cannot update endpoint ${id}`, client.patchEndpointConfig(id, realized))
    this.out(`Endpoint ${id} configuration updated successfully\n`)
    return undefined
  }
}
