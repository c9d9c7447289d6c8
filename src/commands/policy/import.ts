import {Args, Flags} from '@oclif/core'
import {BaseCommand} from '../../cli/base-command.js'
import {agentFlags} from '../../cli/flags.js'
import type {Policy} from '../../api/models.js'

export default class PolicyImport extends BaseCommand {
  static override summary = 'Import security policy in JSON or YAML format'
  static override description = 'Reads CiliumNetworkPolicy / CiliumClusterwideNetworkPolicy documents or the agent\'s rule array '
    + 'from a file, a directory or - (stdin), validates every rule (all or nothing) and adds them to the agent\'s repository.'
  static override examples = [
    '<%= config.bin %> <%= command.id %> policy.yaml',
    '<%= config.bin %> <%= command.id %> ./policies/ --replace',
    'cat rules.json | <%= config.bin %> <%= command.id %> -',
  ]
  static override args = {path: Args.string({required: true, description: 'Policy file, directory or - for stdin'})}
  static override flags = {
    ...agentFlags,
    print: Flags.boolean({description: 'Print policy after import', default: false}),
    replace: Flags.boolean({description: 'Replace existing policy', default: false}),
    'replace-with-labels': Flags.string({description: 'Replace existing policies that match given labels', multiple: true,
      multipleNonGreedy: true, delimiter: ','}),
    output: Flags.option({char: 'o', options: ['json', 'yaml'] as const, description: 'json| yaml output'})(),
  }

  async run(): Promise<Policy | undefined> {
    const {args, flags} = await this.parse(PolicyImport)
    const {readPolicySources} = await import('../../policy/files.js')
    const {checkPolicyText, rulesJson} = await import('../../policy/repository.js')
    const {issueText} = await import('../../policy/parse.js')
    const {ValidationError} = await import('../../errors.js')
    const rules = []
    const issues = []
    for (const src of await readPolicySources(args.path)) {
      const checked = checkPolicyText(src.text, src.file)
      rules.push(...checked.rules.map((r) => r.rule))
      issues.push(...checked.issues)
    }
    // All or nothing: one bad rule anywhere and nothing is sent.
    if (issues.length > 0) throw new ValidationError(issues.map((i) => `Cannot import policy: ${issueText(i)}`).join('\n'))
    if (rules.length === 0) {
      this.out('No policy specified')
      return undefined
    }
    // Compact on the wire (half the bytes of the indented text, which only --print shows).
    const {AgentClient, withContext} = await import('../../api/client.js')
    const policy = await withContext('Cannot import policy', AgentClient.fromHost(flags.host)
      .putPolicy(JSON.stringify(rules), {replace: flags.replace, replaceWithLabels: flags['replace-with-labels']}))
    if (flags.output) {
      const {renderJson, renderYaml} = await import('../../output/format.js')
      this.out(flags.output === 'json' ? renderJson(policy) : renderYaml(policy))
    } else {
      this.out(`${flags.print ? `${rulesJson(rules)}\n` : ''}Revision: ${policy.revision}\n`)
    }
    return policy
  }
}
