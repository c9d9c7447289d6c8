import {BaseCommand} from '../../../cli/base-command.js'
import {bpffsFlags} from '../../../cli/bpf-flags.js'
import {outputFlags} from '../../../cli/flags.js'

export default class BpfConfigList extends BaseCommand {
  static override summary = 'List all runtime config entries'
  static override description = 'The datapath runtime config entries (cilium_runtime_config) the agent maintains.'
  static override aliases = ['bpf:config:ls']
  static override examples = [
    '<%= config.bin %> <%= command.id %>',
    '<%= config.bin %> <%= command.id %> -o json',
  ]
  static override flags = {...outputFlags, ...bpffsFlags}

  async run(): Promise<unknown> {
    const {flags} = await this.parse(BpfConfigList)
    const [{runtimeConfigList}, {printOutput}] = await Promise.all([import('../../../maps/listings.js'), import('../../../lib/stdout.js')])
    return printOutput(await runtimeConfigList(flags.bpffs, flags.output))
  }
}
