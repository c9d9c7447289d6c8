import {Args, Flags} from '@oclif/core'
import {BaseCommand} from '../../cli/base-command.js'
import {agentFlags} from '../../cli/flags.js'
import type {LabelConfiguration} from '../../api/models.js'

export default class EndpointLabels extends BaseCommand {
  static override summary = 'Manage label configuration of endpoint'
  static override description = 'Prints the endpoint\'s labels (Enabled: they make its identity; Disabled: they do not), '
    + 'after adding or deleting user labels when -a/-d are given. The endpoint moves to the identity of its new label set.'
  static override examples = [
    '<%= config.bin %> <%= command.id %> 5421',
    '<%= config.bin %> <%= command.id %> 5421 -a env=prod -d env=dev',
  ]
  static override args = {endpoint: Args.string({required: true, description: 'Endpoint ID'})}
  static override flags = {
    ...agentFlags,
    add: Flags.string({char: 'a', description: 'Add/enable labels', multiple: true, default: []}),
    delete: Flags.string({char: 'd', description: 'Delete/disable labels', multiple: true, default: []}),
  }

  async run(): Promise<LabelConfiguration> {
    const {args, flags} = await this.parse(EndpointLabels)
    const {AgentClient, withContext} = await import('../../api/client.js')
    const {labelString, parseLabel} = await import('../../identity/labels.js')
    const client = AgentClient.fromHost(flags.host)
    const id = args.endpoint
    if (flags.add.length > 0 || flags.delete.length > 0) {
      const current = await withContext('Cannot get endpoint labels', client.getEndpointLabels(id))
      const canon = (l: string): string => labelString(parseLabel(l))
      const remove = new Set(flags.delete.map(canon))
      const user = [...new Set([...(current.status?.realized?.user ?? current.spec?.user ?? []).map(canon), ...flags.add.map(canon)])]
        .filter((l) => !remove.has(l))
      await withContext('Cannot modifying labels', client.patchEndpointLabels(id, {user}))
    }
    const cfg = await withContext('Cannot get endpoint labels', client.getEndpointLabels(id))
    const {endpointLabelsTable} = await import('../../api/format.js')
    this.out(endpointLabelsTable(cfg))
    return cfg
  }
}
