import {Flags} from '@oclif/core'
import {BaseCommand} from '../../cli/base-command.js'
import {agentFlags, outputFlags} from '../../cli/flags.js'
import type {IPListEntry} from '../../api/models.js'

export default class IpList extends BaseCommand {
  static override summary = 'List IP addresses in the userspace IPcache'
  static override description = 'Lists the agent\'s ipcache (GET /v1/ip): each prefix, its identity (by labels, or by number '
    + 'with --numeric) and where the entry came from.'
  static override aliases = ['ip:ls']
  static override examples = ['<%= config.bin %> <%= command.id %>', '<%= config.bin %> <%= command.id %> -n',
    '<%= config.bin %> <%= command.id %> -o json']
  static override flags = {
    ...agentFlags,
    ...outputFlags,
    numeric: Flags.boolean({char: 'n', description: 'Print numeric identities', default: false}),
    verbose: Flags.boolean({char: 'v', description: 'Print all fields of ipcache', default: false}),
  }

  async run(): Promise<IPListEntry[]> {
    const {flags} = await this.parse(IpList)
    const {AgentClient, withContext} = await import('../../api/client.js')
    const client = AgentClient.fromHost(flags.host)
    const entries = await withContext('Cannot get ipcache entries. err', client.getIpcache())
    const {sortIpcacheEntries} = await import('../../api/format.js')
    if (flags.output !== 'table') {
      const sorted = sortIpcacheEntries(entries)
      const {renderJson, renderYaml} = await import('../../output/format.js')
      this.out(flags.output === 'json' ? renderJson(sorted) : renderYaml(sorted))
      return sorted
    }
    const {nameIdentities} = await import('../../api/ip.js')
    const {ipListTable} = await import('../../api/format.js')
    const listing = await nameIdentities(client, entries, flags.numeric, (line) => process.stderr.write(line))
    this.out(ipListTable(listing.entries, listing.names, flags.verbose))
    return listing.entries
  }
}
