import {BaseCommand} from '../../../cli/base-command.js'
import {bpffsFlags} from '../../../cli/bpf-flags.js'
import {outputFlags} from '../../../cli/flags.js'

export default class BpfIpcacheList extends BaseCommand {
  static override summary = 'List endpoint IPs (local and remote) and their corresponding security identities'
  static override aliases = ['bpf:ipcache:ls']
  static override examples = [
    '<%= config.bin %> <%= command.id %>',
    '<%= config.bin %> <%= command.id %> -o json',
  ]
  static override flags = {...outputFlags, ...bpffsFlags}

  async run(): Promise<unknown> {
    const {flags} = await this.parse(BpfIpcacheList)
    const [{ipcacheList}, {printOutput}] = await Promise.all([import('../../../maps/listings.js'), import('../../../lib/stdout.js')])
    return printOutput(await ipcacheList(flags.bpffs, flags.output))
  }
}
