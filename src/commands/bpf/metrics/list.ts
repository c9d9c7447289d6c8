import {BaseCommand} from '../../../cli/base-command.js'
import {bpffsFlags} from '../../../cli/bpf-flags.js'
import {outputFlags} from '../../../cli/flags.js'

export default class BpfMetricsList extends BaseCommand {
  static override summary = 'List BPF datapath traffic metrics'
  static override description = 'Packets and bytes per reason and direction, summed over the CPUs.'
  static override aliases = ['bpf:metrics:ls']
  static override examples = [
    '<%= config.bin %> <%= command.id %>',
    '<%= config.bin %> <%= command.id %> -o json',
  ]
  static override flags = {...outputFlags, ...bpffsFlags}

  async run(): Promise<unknown> {
    const {flags} = await this.parse(BpfMetricsList)
    const [{metricsList}, {printOutput}] = await Promise.all([import('../../../maps/listings.js'), import('../../../lib/stdout.js')])
    return printOutput(await metricsList(flags.bpffs, flags.output))
  }
}
