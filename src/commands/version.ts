import {BaseCommand} from '../cli/base-command.js'
import {agentFlags} from '../cli/flags.js'
import {Flags} from '@oclif/core'
import type {CiliumVersion} from '../lib/version.js'

export default class Version extends BaseCommand {
  static override summary = 'Print version information'
  static override description = 'The client\'s version and the agent\'s (GET /v1/debuginfo; "Not responding" when no agent answers).'
  static override examples = ['<%= config.bin %> <%= command.id %>', '<%= config.bin %> <%= command.id %> -o json']
  static override flags = {
    ...agentFlags,
    output: Flags.option({char: 'o', options: ['json', 'yaml'] as const, description: 'json| yaml output'})(),
  }

  async run(): Promise<{Client: CiliumVersion; Daemon: CiliumVersion}> {
    const {flags} = await this.parse(Version)
    const {ciliumVersionString, parseCiliumVersion} = await import('../lib/version.js')
    const {AgentClient} = await import('../api/client.js')
    const client = ciliumVersionString()
    const daemon = await AgentClient.fromHost(flags.host).debuginfo()
      .then((info) => info['cilium-version'] ?? '', () => undefined)
    const data = {Client: parseCiliumVersion(client), Daemon: parseCiliumVersion(daemon ?? '')}
    if (flags.output) {
      const {renderJson, renderYaml} = await import('../output/format.js')
      this.out(flags.output === 'json' ? renderJson(data) : renderYaml(data))
    } else {
      this.out(`Client: ${client}\nDaemon: ${daemon ?? 'Not responding'}\n`)
    }
    return data
  }
}
