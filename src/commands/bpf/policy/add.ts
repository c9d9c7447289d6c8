import {BaseCommand} from '../../../cli/base-command.js'
import {policyChangeArgs, policyChangeFlags} from '../../../cli/bpf-flags.js'

export default class BpfPolicyAdd extends BaseCommand {
  static override summary = 'Add/update policy entry'
  static override description = 'A port given with protocol ANY (or without a protocol) applies to TCP, UDP and SCTP: ' +
    'one entry each. The map must exist; it is never created.'
  static override examples = [
    '<%= config.bin %> <%= command.id %> 1234 ingress 256 80/TCP',
    '<%= config.bin %> <%= command.id %> host egress 2 --deny',
  ]
  static override args = policyChangeArgs
  static override flags = policyChangeFlags

  async run(): Promise<void> {
    const {args, flags} = await this.parse(BpfPolicyAdd)
    const {changePolicy} = await import('../../../maps/policy-read.js')
    await changePolicy(flags.bpffs, {...args, deny: flags.deny}, 'add')
  }
}
