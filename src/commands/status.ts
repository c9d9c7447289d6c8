import {Flags} from '@oclif/core'
import {BaseCommand} from '../cli/base-command.js'
import {agentFlags} from '../cli/flags.js'
import type {StatusResponse} from '../api/models.js'

export default class Status extends BaseCommand {
  static override summary = 'Display status of the Cilium agent on this node'
  static override description = 'Reads GET /v1/healthz of our agent or a real Cilium agent and prints it as cilium-dbg does.'
  static override examples = [
    '<%= config.bin %> <%= command.id %>',
    '<%= config.bin %> <%= command.id %> --brief',
    '<%= config.bin %> <%= command.id %> --verbose',
    '<%= config.bin %> <%= command.id %> -o json',
  ]
  static override flags = {
    ...agentFlags,
    brief: Flags.boolean({description: 'Only print a one-line status message', default: false, exclusive: ['verbose']}),
    verbose: Flags.boolean({description: 'Equivalent to --all-addresses --all-controllers and more detail', default: false}),
    timeout: Flags.string({description: 'Sets the timeout to use when querying for health', default: '30s', helpValue: '<duration>'}),
    output: Flags.option({char: 'o', options: ['json', 'yaml'] as const, description: 'json| yaml output'})(),
  }

  async run(): Promise<StatusResponse | undefined> {
    const {flags} = await this.parse(Status)
    const {parseGoDuration} = await import('../api/wait.js')
    const {AgentClient} = await import('../api/client.js')
    const client = AgentClient.fromHost(flags.host, process.env, parseGoDuration(flags.timeout))
    let sr: StatusResponse
    try {
      sr = await client.healthz(flags.brief)
    } catch (err) {
      if (!flags.brief) throw err
      process.stderr.write('cilium: daemon unreachable\n')
      process.exitCode = 1
      return undefined
    }
    if (flags.output) {
      const {renderJson, renderYaml} = await import('../output/format.js')
      this.out(flags.output === 'json' ? renderJson(sr) : renderYaml(sr))
      return sr
    }
    const {briefStatus, statusText} = await import('../agent/status-format.js')
    if (flags.brief) {
      const b = briefStatus(sr)
      this.out(`${b.text}\n`)
      if (!b.healthy) process.exitCode = 1
      return sr
    }
    this.out(statusText(sr, flags.verbose))
    if (!briefStatus(sr).healthy) process.exitCode = 1
    return sr
  }
}
