import {Args} from '@oclif/core'
import {BaseCommand} from '../../../cli/base-command.js'
import {bpffsFlags} from '../../../cli/bpf-flags.js'

export default class BpfIpcacheGet extends BaseCommand {
  static override summary = 'Retrieve identity for an ip'
  static override description = 'Finds the longest prefix that holds the address, as the datapath does.'
  static override examples = [
    '<%= config.bin %> <%= command.id %> 10.0.1.184',
    '<%= config.bin %> <%= command.id %> f00d::1',
  ]
  static override args = {ip: Args.string({description: 'IPv4 or IPv6 address'})}
  static override flags = {...bpffsFlags}

  async run(): Promise<unknown> {
    const {args, flags} = await this.parse(BpfIpcacheGet)
    const [{ipcacheGet}, {printOutput}] = await Promise.all([import('../../../maps/listings.js'), import('../../../lib/stdout.js')])
    return printOutput(await ipcacheGet(flags.bpffs, args.ip))
  }
}
