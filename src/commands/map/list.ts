import {Flags} from '@oclif/core'
import {BaseCommand} from '../../cli/base-command.js'
import {agentFlags, outputFlags} from '../../cli/flags.js'
import type {BPFMapList} from '../../api/models.js'

export default class MapList extends BaseCommand {
  static override summary = 'List all open BPF maps'
  static override description = 'Lists the maps the agent has open (GET /v1/map): how many entries each holds (its cache, or the kernel\'s '
    + 'entries for a map without one), how many of them carry an error, and whether entries are shown for it at all.'
  static override examples = ['<%= config.bin %> <%= command.id %>', '<%= config.bin %> <%= command.id %> --verbose',
    '<%= config.bin %> <%= command.id %> -o json']
  static override flags = {
    ...agentFlags,
    ...outputFlags,
    verbose: Flags.boolean({description: 'Print cache contents of all maps', default: false}),
  }

  async run(): Promise<BPFMapList> {
    const {flags} = await this.parse(MapList)
    const {AgentClient} = await import('../../api/client.js')
    const list = await AgentClient.fromHost(flags.host).getMaps()
    if (!list) return {}
    if (flags.output !== 'table') {
      const {renderJson, renderYaml} = await import('../../output/format.js')
      this.out(flags.output === 'json' ? renderJson(list) : renderYaml(list))
    } else if (list.maps) {
      const {mapListTable, mapListVerbose} = await import('../../api/format.js')
      this.out(flags.verbose ? mapListVerbose(list) : mapListTable(list))
    }
    return list
  }
}
