import {BaseCommand} from '../../../cli/base-command.js'
import {bpffsFlags} from '../../../cli/bpf-flags.js'

export default class BpfMetricsFlush extends BaseCommand {
  static override summary = 'Clear BPF datapath traffic metrics (test purpose only)'
  static override examples = ['<%= config.bin %> <%= command.id %>']
  static override flags = {...bpffsFlags}

  async run(): Promise<unknown> {
    const {flags} = await this.parse(BpfMetricsFlush)
    const [{metricsFlush}, {printOutput}] = await Promise.all([import('../../../maps/listings.js'), import('../../../lib/stdout.js')])
    return printOutput(await metricsFlush(flags.bpffs))
  }
}
