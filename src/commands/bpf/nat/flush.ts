import {BaseCommand} from '../../../cli/base-command.js'
import {bpffsFlags} from '../../../cli/bpf-flags.js'

export default class BpfNatFlush extends BaseCommand {
  static override summary = 'Flush all NAT mapping entries'
  static override examples = ['<%= config.bin %> <%= command.id %>']
  static override flags = {...bpffsFlags}

  async run(): Promise<unknown> {
    const {flags} = await this.parse(BpfNatFlush)
    const [{natFlush}, {printOutput}] = await Promise.all([import('../../../maps/listings.js'), import('../../../lib/stdout.js')])
    return printOutput(await natFlush(flags.bpffs))
  }
}
