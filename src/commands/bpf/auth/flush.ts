import {BaseCommand} from '../../../cli/base-command.js'
import {bpffsFlags} from '../../../cli/bpf-flags.js'

export default class BpfAuthFlush extends BaseCommand {
  static override summary = 'Deletes all entries for authenticated connections between identities'
  static override examples = ['<%= config.bin %> <%= command.id %>']
  static override flags = {...bpffsFlags}

  async run(): Promise<unknown> {
    const {flags} = await this.parse(BpfAuthFlush)
    const [{authFlush}, {printOutput}] = await Promise.all([import('../../../maps/listings.js'), import('../../../lib/stdout.js')])
    return printOutput(await authFlush(flags.bpffs))
  }
}
