import {BaseCommand} from '../../../../cli/base-command.js'
import {bpffsFlags} from '../../../../cli/bpf-flags.js'
import {outputFlags} from '../../../../cli/flags.js'

export default class BpfLbMaglevList extends BaseCommand {
  static override summary = 'List Maglev lookup tables'
  static override aliases = ['bpf:lb:maglev:ls']
  static override examples = [
    '<%= config.bin %> <%= command.id %>',
    '<%= config.bin %> <%= command.id %> -o json',
  ]
  static override flags = {...outputFlags, ...bpffsFlags}

  async run(): Promise<unknown> {
    const {flags} = await this.parse(BpfLbMaglevList)
    const [{maglevList}, {printOutput}] = await Promise.all([import('../../../../maps/listings.js'), import('../../../../lib/stdout.js')])
    return printOutput(await maglevList(flags.bpffs, flags.output))
  }
}
