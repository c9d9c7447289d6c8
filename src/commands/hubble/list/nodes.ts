import {Flags} from '@oclif/core'
import {HubbleCommand, serverFlags} from '../../../cli/hubble-command.js'

export default class HubbleListNodes extends HubbleCommand {
  static override summary = 'Lists Hubble nodes'
  static override description = 'Lists the nodes Hubble Relay knows, with their status, flow rate and buffer use (a single Hubble server lists itself).'
  static override aliases = ['hubble:list:node']
  static override examples = ['<%= config.bin %> <%= command.id %>', '<%= config.bin %> <%= command.id %> -o wide']
  static override flags = {
    ...serverFlags,
    output: Flags.string({char: 'o', description: 'Specify the output format, one of:\n json:  JSON encoding\n table: Tab-aligned columns\n wide:  Tab-aligned columns with additional information',
      default: 'table', helpGroup: 'Formatting'}),
  }

  async run(): Promise<void> {
    const {flags} = await this.parse(HubbleListNodes)
    const {formatNodes, listMode} = await import('../../../hubble/nodes.js')
    const mode = listMode(flags.output)
    const {HubbleClient} = await import('../../../hubble/client.js')
    const client = HubbleClient.connect(await this.hubbleSettings(flags))
    try {
      const {nodes} = await client.getNodes()
      this.out(formatNodes(nodes, mode))
    } finally {
      client.close()
    }
  }
}
