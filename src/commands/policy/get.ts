import {Flags} from '@oclif/core'
import {BaseCommand} from '../../cli/base-command.js'
import {agentFlags} from '../../cli/flags.js'
import type {Policy} from '../../api/models.js'

export default class PolicyGet extends BaseCommand {
  static override summary = 'Display policy node information'
  static override description = 'Prints the rules of the agent\'s policy repository (those carrying all the given labels, if any) and its revision.'
  static override examples = [
    '<%= config.bin %> <%= command.id %>',
    '<%= config.bin %> <%= command.id %> io.cilium.k8s.policy.name=frontend-to-backend',
    '<%= config.bin %> <%= command.id %> -o json',
  ]
  static override strict = false
  static override flags = {
    ...agentFlags,
    output: Flags.option({char: 'o', options: ['json', 'yaml'] as const, description: 'json| yaml output'})(),
  }

  async run(): Promise<Policy> {
    const {argv, flags} = await this.parse(PolicyGet)
    const {AgentClient, withContext} = await import('../../api/client.js')
    const policy = await withContext('Cannot get policy', AgentClient.fromHost(flags.host).getPolicy(argv as string[]))
    const {policyText} = await import('../../api/format.js')
    const {renderJson, renderYaml} = await import('../../output/format.js')
    this.out(flags.output === 'json' ? renderJson(policy) : flags.output === 'yaml' ? renderYaml(policy) : policyText(policy))
    return policy
  }
}
