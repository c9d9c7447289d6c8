import {Flags} from '@oclif/core'
import {BaseCommand} from '../../cli/base-command.js'
import {agentFlags, outputFlags} from '../../cli/flags.js'
import type {Endpoint} from '../../api/models.js'

export default class EndpointList extends BaseCommand {
  static override summary = 'List all endpoints'
  static override aliases = ['endpoint:ls']
  static override examples = ['<%= config.bin %> <%= command.id %>', '<%= config.bin %> <%= command.id %> -o json']
  static override flags = {
    ...agentFlags,
    ...outputFlags,
    'no-headers': Flags.boolean({description: 'Do not print headers', default: false}),
  }

  async run(): Promise<Endpoint[]> {
    const {flags} = await this.parse(EndpointList)
    const {AgentClient, withContext} = await import('../../api/client.js')
    const eps = await withContext('Cannot get endpoint list', AgentClient.fromHost(flags.host).getEndpoints())
    const sorted = [...eps].sort((a, b) => a.id - b.id)
    const {endpointListTable} = await import('../../api/format.js')
    const {renderJson, renderYaml} = await import('../../output/format.js')
    this.out(flags.output === 'json' ? renderJson(sorted) : flags.output === 'yaml' ? renderYaml(sorted)
      : endpointListTable(sorted, flags['no-headers']))
    return sorted
  }
}
