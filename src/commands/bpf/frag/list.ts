import {BaseCommand} from '../../../cli/base-command.js'
import {bpffsFlags} from '../../../cli/bpf-flags.js'
import {outputFlags} from '../../../cli/flags.js'

export default class BpfFragList extends BaseCommand {
  static override summary = 'List IPv4 and IPv6 fragments'
  static override description = 'L4 ports of fragmented datagrams (cilium_ipv4_frag_datagrams, cilium_ipv6_frag_datagrams).'
  static override aliases = ['bpf:frag:ls']
  static override examples = [
    '<%= config.bin %> <%= command.id %>',
    '<%= config.bin %> <%= command.id %> -o json',
  ]
  static override flags = {...outputFlags, ...bpffsFlags}

  async run(): Promise<unknown> {
    const {flags} = await this.parse(BpfFragList)
    const [{fragList}, {printOutput}] = await Promise.all([import('../../../maps/listings.js'), import('../../../lib/stdout.js')])
    return printOutput(await fragList(flags.bpffs, flags.output))
  }
}
