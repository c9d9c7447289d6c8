import {Args} from '@oclif/core'
import {BaseCommand} from '../../cli/base-command.js'
import {agentFlags, outputFlags} from '../../cli/flags.js'
import type {EndpointStatusChange} from '../../api/models.js'

export default class EndpointLog extends BaseCommand {
  static override summary = 'View endpoint status log'
  static override description = 'Prints the status changes of an endpoint (GET /v1/endpoint/{id}/log): when, ok or failed, '
    + 'the state it went to, and why.'
  static override examples = ['<%= config.bin %> <%= command.id %> 5421', '<%= config.bin %> <%= command.id %> 5421 -o json']
  static override args = {endpoint: Args.string({description: 'Endpoint ID'})}
  static override flags = {...agentFlags, ...outputFlags}

  async run(): Promise<EndpointStatusChange[]> {
    const {args, flags} = await this.parse(EndpointLog)
    const {UsageError} = await import('../../errors.js')
    if (args.endpoint === undefined || args.endpoint === '') throw new UsageError('Missing endpoint id argument')
    const {AgentClient, withContext} = await import('../../api/client.js')
    const log = await withContext(`Cannot get endpoint log ${args.endpoint}`, AgentClient.fromHost(flags.host).getEndpointLog(args.endpoint))
    if (flags.output !== 'table') {
      const {renderJson, renderYaml} = await import('../../output/format.js')
      this.out(flags.output === 'json' ? renderJson(log) : renderYaml(log))
    } else {
      const {endpointLogTable} = await import('../../api/format.js')
      this.out(endpointLogTable(log))
    }
    return log
  }
}
