import {BaseCommand} from '../../../cli/base-command.js'
import {bpffsFlags} from '../../../cli/bpf-flags.js'
import {outputFlags} from '../../../cli/flags.js'

export default class BpfTunnelList extends BaseCommand {
  static override summary = 'List tunnel endpoint entries'
  static override aliases = ['bpf:tunnel:ls']
  static override examples = [
    '<%= config.bin %> <%= command.id %>',
    '<%= config.bin %> <%= command.id %> -o json',
  ]
  static override flags = {...outputFlags, ...bpffsFlags}

  async run(): Promise<unknown> {
    const {flags} = await this.parse(BpfTunnelList)
    const [{tunnelList}, {printOutput}] = await Promise.all([import('../../../maps/listings.js'), import('../../../lib/stdout.js')])
    return printOutput(await tunnelList(flags.bpffs, flags.output))
  }
}
