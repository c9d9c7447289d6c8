import {BaseCommand} from '../../../cli/base-command.js'
import {policyChangeArgs, policyChangeFlags} from '../../../cli/bpf-flags.js'

export default class BpfPolicyDelete extends BaseCommand {
  static override summary = 'Remove policy entry'
  static override description = 'Deletes the entries `bpf policy add` with the same arguments writes (one per protocol ' +
    'for a port with ANY). The map must exist.'
  static override examples = [
    '<%= config.bin %> <%= command.id %> 1234 ingress 256 80/TCP',
    '<%= config.bin %> <%= command.id %> host egress 2',
  ]
  static override args = policyChangeArgs
  static override flags = policyChangeFlags

  async run(): Promise<void> {
    const {args, flags} = await this.parse(BpfPolicyDelete)
    const {changePolicy} = await import('../../../maps/policy-read.js')
    await changePolicy(flags.bpffs, {...args, deny: flags.deny}, 'delete')
  }
}
