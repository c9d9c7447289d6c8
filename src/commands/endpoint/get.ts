import {Args, Flags} from '@oclif/core'
import {BaseCommand} from '../../cli/base-command.js'
import {agentFlags} from '../../cli/flags.js'
import type {Endpoint} from '../../api/models.js'

export default class EndpointGet extends BaseCommand {
  static override summary = 'Display endpoint information'
  static override description = 'Prints the endpoint as the agent\'s Endpoint model (a JSON array, as cilium-dbg prints it). '
    + 'The ID may carry a prefix: cilium-local:, container-id:, container-name:, pod-name:<ns>/<name>.'
  static override examples = ['<%= config.bin %> <%= command.id %> 1234', '<%= config.bin %> <%= command.id %> pod-name:default/web -o yaml',
    '<%= config.bin %> <%= command.id %> -l k8s:role=backend']
  static override args = {endpoint: Args.string({description: 'Endpoint ID'})}
  static override flags = {
    ...agentFlags,
    labels: Flags.string({char: 'l', description: 'list of labels', multiple: true}),
    output: Flags.option({char: 'o', options: ['json', 'yaml'] as const, description: 'json| yaml output'})(),
  }

  async run(): Promise<Endpoint[]> {
    const {args, flags} = await this.parse(EndpointGet)
    const {UsageError} = await import('../../errors.js')
    if ((args.endpoint === undefined) === (flags.labels === undefined)) {
      throw new UsageError('Cannot use both labels and endpoint id; give exactly one of them')
    }
    const {AgentClient, withContext} = await import('../../api/client.js')
    const client = AgentClient.fromHost(flags.host)
    const eps = args.endpoint === undefined
      ? await withContext('Cannot get endpoints for given list of labels', client.getEndpoints(flags.labels))
      : [await withContext(`Cannot get endpoint ${args.endpoint}`, client.getEndpoint(args.endpoint))]
    const {renderJson, renderYaml} = await import('../../output/format.js')
    this.out(flags.output === 'yaml' ? renderYaml(eps) : renderJson(eps))
    return eps
  }
}
