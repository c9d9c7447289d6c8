import {BaseCommand} from '../../../cli/base-command.js'
import {bpffsFlags} from '../../../cli/bpf-flags.js'
import {outputFlags} from '../../../cli/flags.js'

export default class BpfEgressList extends BaseCommand {
  static override summary = 'List egress policy entries'
  static override description = 'Egress gateway policy entries (cilium_egress_gw_policy_v4 and _v6).'
  static override aliases = ['bpf:egress:ls']
  static override examples = [
    '<%= config.bin %> <%= command.id %>',
    '<%= config.bin %> <%= command.id %> -o json',
  ]
  static override flags = {...outputFlags, ...bpffsFlags}

  async run(): Promise<unknown> {
    const {flags} = await this.parse(BpfEgressList)
    const [{egressList}, {printOutput}] = await Promise.all([import('../../../maps/listings.js'), import('../../../lib/stdout.js')])
    return printOutput(await egressList(flags.bpffs, flags.output))
  }
}
