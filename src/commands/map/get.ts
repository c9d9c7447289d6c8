import {Args} from '@oclif/core'
import {BaseCommand} from '../../cli/base-command.js'
import {agentFlags, outputFlags} from '../../cli/flags.js'
import type {BPFMap} from '../../api/models.js'

export default class MapGet extends BaseCommand {
  static override summary = 'Display cached content of given BPF map'
  static override description = 'Prints one map as the agent serves it (GET /v1/map/{name}): for a map the agent writes key by key, '
    + 'the entries of its cache with key, value, the desired action (sync, to-be-inserted, to-be-deleted) and the last error; '
    + 'for a map without a cache (an endpoint\'s policy map), the entries the kernel holds, key and value only.'
  static override examples = ['<%= config.bin %> <%= command.id %> cilium_ipcache_v2',
    '<%= config.bin %> <%= command.id %> cilium_lxc -o json']
  static override args = {map: Args.string({description: 'Map name (under the agent\'s pin directory) or pinned path'})}
  static override flags = {...agentFlags, ...outputFlags}

  async run(): Promise<BPFMap | undefined> {
    const {args, flags} = await this.parse(MapGet)
    const {CiliumkitError} = await import('../../errors.js')
    if (!args.map) throw new CiliumkitError('map name must be specified')
    const {AgentClient} = await import('../../api/client.js')
    const map = await AgentClient.fromHost(flags.host).getMap(args.map)
    if (!map) return undefined
    if (flags.output !== 'table') {
      const {renderJson, renderYaml} = await import('../../output/format.js')
      this.out(flags.output === 'json' ? renderJson(map) : renderYaml(map))
    } else {
      const {mapEntriesText} = await import('../../api/format.js')
      this.out(mapEntriesText(map))
    }
    return map
  }
}
