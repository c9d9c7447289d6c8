import {Flags} from '@oclif/core'
import {BaseCommand} from '../../../cli/base-command.js'
import {bpffsFlags} from '../../../cli/bpf-flags.js'
import {outputFlags} from '../../../cli/flags.js'

export default class BpfLbList extends BaseCommand {
  static override summary = 'List load-balancing configuration'
  static override aliases = ['bpf:lb:ls']
  static override examples = [
    '<%= config.bin %> <%= command.id %>',
    '<%= config.bin %> <%= command.id %> --revnat',
    '<%= config.bin %> <%= command.id %> --backends',
  ]
  static override flags = {
    ...outputFlags,
    ...bpffsFlags,
    revnat: Flags.boolean({description: 'List reverse NAT entries', default: false, exclusive: ['backends', 'frontends']}),
    backends: Flags.boolean({description: 'List all service backend entries', default: false, exclusive: ['frontends']}),
    frontends: Flags.boolean({description: 'List all service frontend entries', default: false}),
  }

  async run(): Promise<unknown> {
    const {flags} = await this.parse(BpfLbList)
    const [{lbList}, {printOutput}] = await Promise.all([import('../../../maps/listings.js'), import('../../../lib/stdout.js')])
    const mode = flags.revnat ? 'revnat' : flags.backends ? 'backends' : flags.frontends ? 'frontends' : 'services'
    return printOutput(await lbList(flags.bpffs, mode, flags.output))
  }
}
