import {Args} from '@oclif/core'
import {BaseCommand} from '../../../cli/base-command.js'
import {bpffsFlags} from '../../../cli/bpf-flags.js'
import {outputFlags} from '../../../cli/flags.js'

export default class BpfCtList extends BaseCommand {
  static override summary = 'List connection tracking entries'
  static override description = 'Lists the global conntrack maps (cilium_ct{4,6}_global, cilium_ct_any{4,6}_global) or ' +
    'the per-endpoint ones. Entries stream as they are read, so large maps print at once.'
  static override aliases = ['bpf:ct:ls']
  static override examples = [
    '<%= config.bin %> <%= command.id %> global',
    '<%= config.bin %> <%= command.id %> endpoint 1234',
    '<%= config.bin %> <%= command.id %> global -o json',
  ]
  static override args = {
    type: Args.string({description: 'global | endpoint | <endpoint id>'}),
    id: Args.string({description: 'Endpoint ID (with `endpoint`)'}),
  }
  static override flags = {...outputFlags, ...bpffsFlags}

  async run(): Promise<void> {
    const {args, flags} = await this.parse(BpfCtList)
    const {ctListChunks, parseCtTarget} = await import('../../../maps/ct-read.js')
    const {writeOutput} = await import('../../../lib/stdout.js')
    const target = parseCtTarget([args.type, args.id].filter((a): a is string => a !== undefined))
    await writeOutput(ctListChunks({bpffs: flags.bpffs, target, format: flags.output,
      warn: (line) => process.stderr.write(`${line}\n`)}))
  }
}
