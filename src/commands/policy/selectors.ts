import {Flags} from '@oclif/core'
import {BaseCommand} from '../../cli/base-command.js'
import {agentFlags, outputFlags} from '../../cli/flags.js'
import type {SelectorIdentityMapping} from '../../api/models.js'

export default class PolicySelectors extends BaseCommand {
  static override summary = 'Display cached information about selectors'
  static override description = 'Lists the selectors of the policy repository (GET /v1/policy/selectors): the policies that '
    + 'use each, how many rules use it, and the identities it selects now.'
  static override examples = ['<%= config.bin %> <%= command.id %>', '<%= config.bin %> <%= command.id %> -v',
    '<%= config.bin %> <%= command.id %> -o json']
  static override flags = {
    ...agentFlags,
    ...outputFlags,
    verbose: Flags.boolean({char: 'v', description: 'Show the full labels', default: false}),
  }

  async run(): Promise<SelectorIdentityMapping[]> {
    const {flags} = await this.parse(PolicySelectors)
    const {AgentClient, withContext} = await import('../../api/client.js')
    const selectors = (await withContext('Cannot get policy', AgentClient.fromHost(flags.host).getPolicySelectors())) ?? []
    if (flags.output !== 'table') {
      const {renderJson, renderYaml} = await import('../../output/format.js')
      this.out(flags.output === 'json' ? renderJson(selectors) : renderYaml(selectors))
    } else {
      const {policySelectorsTable} = await import('../../api/format.js')
      this.out(policySelectorsTable(selectors, flags.verbose))
    }
    return selectors
  }
}
