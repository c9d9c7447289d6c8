import {Args} from '@oclif/core'
import {BaseCommand} from '../../cli/base-command.js'
import {agentFlags} from '../../cli/flags.js'

export default class EndpointDelete extends BaseCommand {
  static override summary = 'Delete an endpoint'
  static override description = 'For an endpoint our agent created, also removes its network namespace, veth pair and address.'
  static override examples = ['<%= config.bin %> <%= command.id %> 1234', '<%= config.bin %> <%= command.id %> pod-name:default/frontend']
  static override args = {endpoint: Args.string({required: true, description: 'Endpoint ID (or container-id:, pod-name:ns/name)'})}
  static override flags = {...agentFlags}

  async run(): Promise<void> {
    const {args, flags} = await this.parse(EndpointDelete)
    const {AgentClient, withContext} = await import('../../api/client.js')
    await withContext(`Cannot delete endpoint ${args.endpoint}`,
      AgentClient.fromHost(flags.host).call('deleteEndpointId', {params: {id: args.endpoint}}))
    this.out(`Endpoint ${args.endpoint} deleted\n`)
  }
}
