import {BaseCommand} from '../../../cli/base-command.js'
import {bpffsFlags} from '../../../cli/bpf-flags.js'
import {outputFlags} from '../../../cli/flags.js'

export default class BpfNatList extends BaseCommand {
  static override summary = 'List all NAT mapping entries'
  static override aliases = ['bpf:nat:ls']
  static override examples = [
    '<%= config.bin %> <%= command.id %>',
    '<%= config.bin %> <%= command.id %> -o json',
  ]
  static override flags = {...outputFlags, ...bpffsFlags}

  async run(): Promise<unknown> {
    const {flags} = await this.parse(BpfNatList)
    const {natList, printListing} = await import('../../../maps/listings.js')
    return printListing(await natList(flags.bpffs, flags.output), (text) => this.out(text))
  }
}
