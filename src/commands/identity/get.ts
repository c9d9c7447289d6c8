import {Args, Flags} from '@oclif/core'
import {BaseCommand} from '../../cli/base-command.js'
import {agentFlags} from '../../cli/flags.js'
import type {IdentityModel} from '../../api/models.js'

export default class IdentityGet extends BaseCommand {
  static override summary = 'Retrieve information about an identity'
  static override examples = ['<%= config.bin %> <%= command.id %> 256', '<%= config.bin %> <%= command.id %> --label k8s:role=backend -o json']
  static override args = {identity: Args.string({description: 'Identity'})}
  static override flags = {
    ...agentFlags,
    label: Flags.string({char: 'l', description: 'label to lookup', multiple: true}),
    output: Flags.option({char: 'o', options: ['json', 'yaml'] as const, description: 'json| yaml output'})(),
  }

  async run(): Promise<IdentityModel[]> {
    const {args, flags} = await this.parse(IdentityGet)
    const {UsageError} = await import('../../errors.js')
    const {AgentClient, withContext} = await import('../../api/client.js')
    const client = AgentClient.fromHost(flags.host)
    let ids: IdentityModel[]
    if (flags.label?.length) {
      ids = await withContext('Cannot get identity for labels', client.getIdentities(flags.label))
    } else if (args.identity === undefined) {
      throw new UsageError('Identity or --label required')
    } else {
      ids = [await withContext(`Cannot get identity for given ID ${args.identity}`, client.getIdentity(args.identity))]
    }
    const {identityTable} = await import('../../api/format.js')
    const {renderJson, renderYaml} = await import('../../output/format.js')
    this.out(flags.output === 'json' ? renderJson(ids) : flags.output === 'yaml' ? renderYaml(ids) : identityTable(ids))
    return ids
  }
}
