import {Args, Flags} from '@oclif/core'
import {BaseCommand} from '../../../cli/base-command.js'
import {bpffsFlags} from '../../../cli/bpf-flags.js'
import {UsageError} from '../../../errors.js'

export default class BpfPolicyDelete extends BaseCommand {
  static override summary = 'Remove policy entry'
  static override description = 'A port given with protocol ANY (or without a protocol) applies to TCP, UDP and SCTP: ' +
    'one entry each. The map must exist; it is never created.'
  static override examples = [
    '<%= config.bin %> <%= command.id %> 1234 ingress 256 80/TCP',
    '<%= config.bin %> <%= command.id %> host egress 2 --deny',
  ]
  static override args = {
    endpoint: Args.string({description: 'Endpoint ID or reserved identity name'}),
    direction: Args.string({description: 'Traffic direction: ingress or egress'}),
    identity: Args.string({description: 'Remote security identity (0 = any)'}),
    port: Args.string({description: 'port[/protocol] (TCP, UDP, SCTP, ICMP, ICMPV6, ANY)'}),
  }
  static override flags = {
    ...bpffsFlags,
    deny: Flags.boolean({description: 'Sets deny mode', default: false}),
  }

  async run(): Promise<void> {
    const {args, flags} = await this.parse(BpfPolicyDelete)
    if (args.endpoint === undefined || args.direction === undefined || args.identity === undefined) {
      throw new UsageError('<endpoint id>, <traffic-direction>, and <identity> required')
    }
    const {bpffsRoot} = await import('../../../maps/pinned.js')
    const {changePolicy} = await import('../../../maps/policy-read.js')
    await changePolicy(bpffsRoot(flags.bpffs), {endpoint: args.endpoint, direction: args.direction,
      identity: args.identity, port: args.port, deny: flags.deny}, false)
  }
}
