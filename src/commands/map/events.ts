import {Args, Flags} from '@oclif/core'
import {BaseCommand} from '../../cli/base-command.js'
import {agentFlags, outputFlags} from '../../cli/flags.js'

export default class MapEvents extends BaseCommand {
  static override summary = 'Display cached list of events for a BPF map'
  static override description = 'Prints the writes the agent keeps for one map (GET /v1/map/{name}/events): time, action (update, delete), '
    + 'key, value, the desired action after it and its last error, oldest first. With --follow, then each new write until Ctrl-C. '
    + 'The agent keeps events for the maps it writes key by key (cilium_lxc, cilium_ipcache_v2).'
  static override examples = ['<%= config.bin %> <%= command.id %> cilium_ipcache_v2',
    '<%= config.bin %> <%= command.id %> cilium_lxc --follow', '<%= config.bin %> <%= command.id %> cilium_lxc -o json']
  static override args = {map: Args.string({description: 'Map name (under the agent\'s pin directory) or pinned path'})}
  static override flags = {
    ...agentFlags,
    ...outputFlags,
    follow: Flags.boolean({char: 'f', description: 'If set then events will be streamed', default: false}),
  }

  async run(): Promise<void> {
    const {args, flags} = await this.parse(MapEvents)
    const {CiliumkitError} = await import('../../errors.js')
    if (!args.map) throw new CiliumkitError('map name must be specified')
    const [{AgentClient}, {mapEventText}, {renderJson, renderYaml}, {streamToStdout}] = await Promise.all([import('../../api/client.js'),
      import('../../api/format.js'), import('../../output/format.js'), import('../../hubble/observe/output-guard.js')])
    const client = AgentClient.fromHost(flags.host)
    const ending = await streamToStdout(async (signal) => {
      try {
        await client.mapEvents(args.map!, flags.follow, (e) => {
          process.stdout.write(flags.output === 'json' ? renderJson(e) : flags.output === 'yaml' ? renderYaml(e) : mapEventText(e))
        }, signal)
      } catch (err) {
        throw new CiliumkitError(`could not get map name events: ${(err as Error).message}`, err instanceof CiliumkitError ? err.hint : undefined)
      }
      if (signal.aborted) process.stderr.write('\nReceived an interrupt, disconnecting from event stream...\n\n')
    })
    if (ending === 'closed') this.exit(0)
  }
}
