import {Args, Flags} from '@oclif/core'
import {BaseCommand} from '../../cli/base-command.js'
import {agentFlags, outputFlags} from '../../cli/flags.js'
import type {IPListEntry} from '../../api/models.js'

export default class IpGet extends BaseCommand {
  static override summary = 'Display IP Cache information'
  static override description = 'Prints the ipcache entries inside a CIDR (GET /v1/ip?cidr=...), or with -l those whose '
    + 'identity carries all the given labels.'
  static override examples = ['<%= config.bin %> <%= command.id %> 10.200.0.0/24', '<%= config.bin %> <%= command.id %> -l k8s:role=backend',
    '<%= config.bin %> <%= command.id %> 10.200.0.2/32 -o json']
  static override args = {cidr: Args.string({description: 'CIDR whose entries to show'})}
  static override flags = {
    ...agentFlags,
    ...outputFlags,
    labels: Flags.string({char: 'l', description: 'list of labels', multiple: true, delimiter: ','}),
    verbose: Flags.boolean({char: 'v', description: 'Print all fields of ipcache', default: false}),
  }

  async run(): Promise<IPListEntry[]> {
    const {args, flags} = await this.parse(IpGet)
    const {CiliumkitError, UsageError} = await import('../../errors.js')
    const labels = (flags.labels ?? []).filter((l) => l !== '')
    if (labels.length > 0 && args.cidr !== undefined) throw new UsageError('Cannot provide both cidr and labels arguments concurrently')
    const {AgentClient, withContext} = await import('../../api/client.js')
    const client = AgentClient.fromHost(flags.host)
    const format = await import('../../api/format.js')
    const {renderJson, renderYaml} = await import('../../output/format.js')
    const print = async (entries: IPListEntry[], brief: boolean): Promise<IPListEntry[]> => {
      const sorted = format.sortIpcacheEntries(entries)
      if (flags.output !== 'table') this.out(flags.output === 'json' ? renderJson(sorted) : renderYaml(sorted))
      else if (brief) this.out(format.ipBriefTable(sorted))
      else {
        const {nameIdentities} = await import('../../api/ip.js')
        const listing = await nameIdentities(client, sorted, false, (line) => process.stderr.write(line))
        this.out(format.ipListTable(listing.entries, listing.names, flags.verbose))
      }
      return sorted
    }
    if (labels.length > 0) {
      const {parseLabel, labelString} = await import('../../identity/labels.js')
      const model = [...new Set(labels.map((l) => labelString(parseLabel(l))))].sort()
      this.out(format.ipLabelsHeader(model))
      return print(await withContext('Cannot get ipcache entries. err', client.getIpcache({labels: model})), !flags.verbose)
    }
    if (args.cidr === undefined || args.cidr === '') throw new UsageError('Missing cidr argument')
    const {parsePrefix} = await import('../../identity/cidr.js')
    if (typeof parsePrefix(args.cidr) === 'string') {
      throw new CiliumkitError(`Unable to parse CIDR "${args.cidr}": invalid CIDR address: ${args.cidr}`)
    }
    return print(await withContext('Cannot get ipcache entries. err', client.getIpcache({cidr: args.cidr})), false)
  }
}
