import {Args} from '@oclif/core'
import {BaseCommand} from '../../../../cli/base-command.js'
import {bpffsFlags} from '../../../../cli/bpf-flags.js'
import {outputFlags} from '../../../../cli/flags.js'

export default class BpfLbMaglevGet extends BaseCommand {
  static override summary = 'Get Maglev lookup table for given service by ID'
  static override examples = [
    '<%= config.bin %> <%= command.id %> 1',
  ]
  static override args = {id: Args.integer({description: 'Service ID (rev-NAT index)', required: true, min: 0, max: 65535})}
  static override flags = {...outputFlags, ...bpffsFlags}

  async run(): Promise<unknown> {
    const {args, flags} = await this.parse(BpfLbMaglevGet)
    const [{maglevList}, {printOutput}] = await Promise.all([import('../../../../maps/listings.js'), import('../../../../lib/stdout.js')])
    return printOutput(await maglevList(flags.bpffs, flags.output, args.id))
  }
}
