import {BaseCommand} from '../../../cli/base-command.js'
import {bpffsFlags} from '../../../cli/bpf-flags.js'
import {outputFlags} from '../../../cli/flags.js'

export default class BpfEndpointList extends BaseCommand {
  static override summary = 'List local endpoint entries'
  static override aliases = ['bpf:endpoint:ls']
  static override examples = [
    '<%= config.bin %> <%= command.id %>',
    '<%= config.bin %> <%= command.id %> -o json',
  ]
  static override flags = {...outputFlags, ...bpffsFlags}

  async run(): Promise<unknown> {
    const {flags} = await this.parse(BpfEndpointList)
    const [{endpointList}, {printOutput}] = await Promise.all([import('../../../maps/listings.js'), import('../../../lib/stdout.js')])
    return printOutput(await endpointList(flags.bpffs, flags.output))
  }
}
