import {Flags} from '@oclif/core'
import {BaseCommand} from '../../../cli/base-command.js'
import {bpffsFlags} from '../../../cli/bpf-flags.js'
import {outputFlags} from '../../../cli/flags.js'

export default class BpfPolicyList extends BaseCommand {
  static override summary = 'List contents of all policy BPF maps'
  static override description = 'The same as `bpf policy get --all`.'
  static override aliases = ['bpf:policy:ls']
  static override examples = ['<%= config.bin %> <%= command.id %>', '<%= config.bin %> <%= command.id %> -n -o json']
  static override flags = {
    ...outputFlags,
    ...bpffsFlags,
    numeric: Flags.boolean({char: 'n', description: 'Do not resolve IDs', default: false}),
  }

  async run(): Promise<unknown> {
    const {flags} = await this.parse(BpfPolicyList)
    const [{policyGetOutput}, {writeOutput}] = await Promise.all([import('../../../maps/policy-output.js'), import('../../../lib/stdout.js')])
    const result = await policyGetOutput({bpffs: flags.bpffs, numeric: flags.numeric, format: flags.output,
      warn: (line) => process.stderr.write(`${line}\n`)})
    await writeOutput(result.text)
    return result.value
  }
}
