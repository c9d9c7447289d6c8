import {Flags} from '@oclif/core'
import {BaseCommand} from '../../cli/base-command.js'
import {agentFlags} from '../../cli/flags.js'
import type {Policy} from '../../api/models.js'

export default class PolicyDelete extends BaseCommand {
  static override summary = 'Delete policy rules'
  static override description = 'Deletes the rules that carry all the given labels, or every rule with --all.'
  static override examples = [
    '<%= config.bin %> <%= command.id %> io.cilium.k8s.policy.name=frontend-to-backend',
    '<%= config.bin %> <%= command.id %> --all',
  ]
  static override strict = false
  static override flags = {
    ...agentFlags,
    all: Flags.boolean({description: 'Delete all policies', default: false}),
    output: Flags.option({char: 'o', options: ['json', 'yaml'] as const, description: 'json| yaml output'})(),
  }

  async run(): Promise<Policy> {
    const {argv, flags} = await this.parse(PolicyDelete)
    const {CiliumkitError} = await import('../../errors.js')
    if (argv.length === 0 && !flags.all) throw new CiliumkitError('Please use --all flag to delete all policies')
    const {AgentClient, withContext} = await import('../../api/client.js')
    const policy = await withContext('Cannot delete policy', AgentClient.fromHost(flags.host).deletePolicy(argv as string[]))
    if (flags.output) {
      const {renderJson, renderYaml} = await import('../../output/format.js')
      this.out(flags.output === 'json' ? renderJson(policy) : renderYaml(policy))
    } else {
      this.out(`Revision: ${policy.revision}\n`)
    }
    return policy
  }
}
