import {BaseCommand} from '../../../cli/base-command.js'
import {bpffsFlags} from '../../../cli/bpf-flags.js'
import {outputFlags} from '../../../cli/flags.js'

export default class BpfIpmasqList extends BaseCommand {
  static override summary = 'List ip-masq-agent CIDRs'
  static override description = 'List ip-masq-agent CIDRs. Packets sent from pods to IPs from these CIDRs avoid masquerading.'
  static override aliases = ['bpf:ipmasq:ls']
  static override examples = [
    '<%= config.bin %> <%= command.id %>',
    '<%= config.bin %> <%= command.id %> -o json',
  ]
  static override flags = {...outputFlags, ...bpffsFlags}

  async run(): Promise<unknown> {
    const {flags} = await this.parse(BpfIpmasqList)
    const [{ipMasqList}, {printOutput}] = await Promise.all([import('../../../maps/listings.js'), import('../../../lib/stdout.js')])
    return printOutput(await ipMasqList(flags.bpffs, flags.output))
  }
}
