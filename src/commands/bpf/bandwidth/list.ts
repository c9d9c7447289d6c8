import {BaseCommand} from '../../../cli/base-command.js'
import {bpffsFlags} from '../../../cli/bpf-flags.js'
import {outputFlags} from '../../../cli/flags.js'

export default class BpfBandwidthList extends BaseCommand {
  static override summary = 'List BPF datapath bandwidth settings'
  static override description = 'Rates of the bandwidth manager (cilium_throttle) per endpoint and direction, in bits per second.'
  static override examples = [
    '<%= config.bin %> <%= command.id %>',
    '<%= config.bin %> <%= command.id %> -o json',
  ]
  static override flags = {...outputFlags, ...bpffsFlags}

  async run(): Promise<unknown> {
    const {flags} = await this.parse(BpfBandwidthList)
    const [{bandwidthList}, {printOutput}] = await Promise.all([import('../../../maps/listings.js'), import('../../../lib/stdout.js')])
    return printOutput(await bandwidthList(flags.bpffs, flags.output))
  }
}
