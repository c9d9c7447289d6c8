import {Args} from '@oclif/core'
import {BaseCommand} from '../../../cli/base-command.js'
import {bpffsFlags} from '../../../cli/bpf-flags.js'

export default class BpfCtFlush extends BaseCommand {
  static override summary = 'Flush all connection tracking entries'
  static override examples = ['<%= config.bin %> <%= command.id %> global', '<%= config.bin %> <%= command.id %> endpoint 1234']
  static override args = {
    type: Args.string({description: 'global | endpoint | <endpoint id>'}),
    id: Args.string({description: 'Endpoint ID (with `endpoint`)'}),
  }
  static override flags = {...bpffsFlags}

  async run(): Promise<void> {
    const {args, flags} = await this.parse(BpfCtFlush)
    const [{ctFlush, parseCtTarget}, {writeOutput}] = await Promise.all([import('../../../maps/ct-read.js'), import('../../../lib/stdout.js')])
    const target = parseCtTarget([args.type, args.id].filter((a): a is string => a !== undefined))
    await writeOutput(await ctFlush(flags.bpffs, target, (line) => process.stderr.write(`${line}\n`)))
  }
}
