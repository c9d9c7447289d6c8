import {Args, Flags} from '@oclif/core'
import {BaseCommand} from '../../cli/base-command.js'
import {agentFlags} from '../../cli/flags.js'

export default class PolicyWait extends BaseCommand {
  static override summary = 'Wait for all endpoints to have updated to a given policy revision'
  static override examples = ['<%= config.bin %> <%= command.id %> 12', '<%= config.bin %> <%= command.id %> 12 --max-wait-time 30s']
  static override args = {revision: Args.integer({required: true, min: 0, description: 'Policy revision'})}
  static override flags = {
    ...agentFlags,
    'max-wait-time': Flags.string({description: 'Maximum time to wait for all endpoints', default: '360s'}),
    'sleep-time': Flags.string({description: 'Sleep interval between checks', default: '1s'}),
    'fail-wait-time': Flags.string({description: 'Wait time after which an unsuccessful endpoint policy update is reported as error',
      default: '60s', hidden: true}),
  }

  async run(): Promise<void> {
    const {args, flags} = await this.parse(PolicyWait)
    const {parseGoDuration, waitForRevision} = await import('../../api/wait.js')
    const {AgentClient, withContext} = await import('../../api/client.js')
    const maxWaitMs = parseGoDuration(flags['max-wait-time'])
    const sleepMs = parseGoDuration(flags['sleep-time'])
    let last = ''
    await withContext('Cannot wait for policy revision', waitForRevision(AgentClient.fromHost(flags.host), args.revision, {
      maxWaitMs, sleepMs, onProgress: (ready, total) => {
        const line = `Waiting for endpoints to run policy revision ${args.revision}: ${ready}/${total}\n`
        if (line !== last) process.stderr.write(line)
        last = line
      }}))
    this.out(`All endpoints are ready, revision ${args.revision}\n`)
  }
}
