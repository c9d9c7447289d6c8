import {Args} from '@oclif/core'
import {BaseCommand} from '../../../cli/base-command.js'
import {bpffsFlags} from '../../../cli/bpf-flags.js'

export default class BpfEndpointDelete extends BaseCommand {
  static override summary = 'Delete local endpoint entries'
  static override examples = ['<%= config.bin %> <%= command.id %> 10.0.1.184']
  static override args = {ip: Args.string({description: 'Endpoint IP address'})}
  static override flags = {...bpffsFlags}

  async run(): Promise<void> {
    const {args, flags} = await this.parse(BpfEndpointDelete)
    const {endpointDelete} = await import('../../../maps/listings.js')
    await endpointDelete(flags.bpffs, args.ip)
  }
}
