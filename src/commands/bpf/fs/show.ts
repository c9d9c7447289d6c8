import {BaseCommand} from '../../../cli/base-command.js'
import {outputFlags} from '../../../cli/flags.js'

export default class BpfFsShow extends BaseCommand {
  static override summary = 'Show bpf filesystem mount details'
  static override description = 'The first bpf filesystem mount of this process\'s mount namespace (/proc/self/mountinfo).'
  static override examples = [
    '<%= config.bin %> <%= command.id %>',
    '<%= config.bin %> <%= command.id %> -o json',
  ]
  static override flags = {...outputFlags}

  async run(): Promise<unknown> {
    const {flags} = await this.parse(BpfFsShow)
    const [{bpffsShow}, {printOutput}] = await Promise.all([import('../../../maps/listings.js'), import('../../../lib/stdout.js')])
    return printOutput(await bpffsShow(flags.output))
  }
}
