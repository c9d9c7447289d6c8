import {BaseCommand} from '../../../cli/base-command.js'
import {bpffsFlags} from '../../../cli/bpf-flags.js'
import {outputFlags} from '../../../cli/flags.js'

export default class BpfAuthList extends BaseCommand {
  static override summary = 'List entries in the auth map'
  static override aliases = ['bpf:auth:ls']
  static override examples = [
    '<%= config.bin %> <%= command.id %>',
    '<%= config.bin %> <%= command.id %> -o json',
  ]
  static override flags = {...outputFlags, ...bpffsFlags}

  async run(): Promise<unknown> {
    const {flags} = await this.parse(BpfAuthList)
    const [{authList}, {printOutput}] = await Promise.all([import('../../../maps/listings.js'), import('../../../lib/stdout.js')])
    return printOutput(await authList(flags.bpffs, flags.output))
  }
}
