import {Args, Flags} from '@oclif/core'
import {BaseCommand} from '../../../cli/base-command.js'
import {bpffsFlags} from '../../../cli/bpf-flags.js'
import {outputFlags} from '../../../cli/flags.js'
import {CiliumkitError} from '../../../errors.js'

export default class BpfPolicyGet extends BaseCommand {
  static override summary = 'Get contents of a policy BPF map'
  static override description = 'Prints the policy map of an endpoint (by ID or reserved name, e.g. host), or of every ' +
    'endpoint with --all. Identities are resolved to labels through the agent API unless -n is given.'
  static override examples = [
    '<%= config.bin %> <%= command.id %> 1234',
    '<%= config.bin %> <%= command.id %> host -n',
    '<%= config.bin %> <%= command.id %> --all -o json',
  ]
  static override args = {endpoint: Args.string({description: 'Endpoint ID or reserved identity name'})}
  static override flags = {
    ...outputFlags,
    ...bpffsFlags,
    numeric: Flags.boolean({char: 'n', description: 'Do not resolve IDs', default: false}),
    all: Flags.boolean({description: 'Dump all policy maps', default: false}),
  }

  async run(): Promise<unknown> {
    const {args, flags} = await this.parse(BpfPolicyGet)
    const [{policyGetOutput}, {writeOutput}] = await Promise.all([import('../../../maps/policy-output.js'), import('../../../lib/stdout.js')])
    if (!flags.all && args.endpoint === undefined) throw new CiliumkitError('Missing endpoint id argument')
    const result = await policyGetOutput({bpffs: flags.bpffs, endpoint: flags.all ? undefined : args.endpoint,
      numeric: flags.numeric, format: flags.output, warn: (line) => process.stderr.write(`${line}\n`)})
    await writeOutput(result.text)
    return result.value
  }
}
