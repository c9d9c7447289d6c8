import {Flags} from '@oclif/core'
import {HubbleCommand, serverFlags} from '../../../cli/hubble-command.js'

export default class HubbleListNodes extends HubbleCommand {
  static override summary = 'List Hubble nodes'
  static override aliases = ['hubble:list:node']
  static override flags = {
    output: Flags.string({char: 'o', description: 'Specify the output format, one of:\n json:     JSON encoding\n table:    Tab-aligned columns\n wide:     Tab-aligned columns with additional information',
      default: 'table', helpGroup: 'Formatting'}),
    ...serverFlags,
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
