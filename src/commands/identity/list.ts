import {Flags} from '@oclif/core'
import {BaseCommand} from '../../cli/base-command.js'
import {agentFlags} from '../../cli/flags.js'
import type {IdentityModel} from '../../api/models.js'

export default class IdentityList extends BaseCommand {
  static override summary = 'List identities'
  static override description = 'Lists the identities the agent knows (reserved ones included), or those whose labels contain all the given labels.'
  static override examples = ['<%= config.bin %> <%= command.id %>', '<%= config.bin %> <%= command.id %> k8s:role=backend -o json',
    '<%= config.bin %> <%= command.id %> --endpoints']
  static override strict = false
  static override flags = {
    ...agentFlags,
    endpoints: Flags.boolean({description: 'list identities of locally managed endpoints', default: false}),
    output: Flags.option({char: 'o', options: ['json', 'yaml'] as const, description: 'json| yaml output'})(),
  }

  async run(): Promise<IdentityModel[]> {
    const {argv, flags} = await this.parse(IdentityList)
    const {AgentClient, withContext} = await import('../../api/client.js')
    const client = AgentClient.fromHost(flags.host)
    const {renderJson, renderYaml} = await import('../../output/format.js')
    if (flags.endpoints) {
      const used = await withContext('Cannot get identities for endpoints', client.call<{identity: IdentityModel; refCount: number}[]>('getIdentityEndpoints'))
      const {tabwrite} = await import('../../maps/text.js')
      this.out(flags.output === 'json' ? renderJson(used) : flags.output === 'yaml' ? renderYaml(used)
        : tabwrite('IDENTITY\tLABELS (source:key[=value])\tREFCOUNT\t\n' + used.flatMap((u) => [...u.identity.labels].sort()
          .map((l, i) => (i === 0 ? `${u.identity.id}\t${l}\t${u.refCount}\t\n` : `\t${l}\t\t\n`))).join('')))
      return used.map((u) => u.identity)
    }
    const ids = await withContext('Cannot get identities for given labels', client.getIdentities(argv as string[]))
    const sorted = [...ids].sort((a, b) => a.id - b.id)
    const {identityTable} = await import('../../api/format.js')
    this.out(flags.output === 'json' ? renderJson(sorted) : flags.output === 'yaml' ? renderYaml(sorted) : identityTable(sorted))
    return sorted
  }
}
