import {Args, Flags} from '@oclif/core'
import {BaseCommand} from '../../cli/base-command.js'
import type {Rule} from '../../policy/types.js'

export default class PolicyValidate extends BaseCommand {
  static override summary = 'Validate a policy'
  static override description = 'Parses and validates policy files offline (no agent needed), with the agent\'s own messages. '
    + 'Every problem of every rule is listed; the exit status is 1 when any rule is invalid.'
  static override examples = [
    '<%= config.bin %> <%= command.id %> policy.yaml',
    '<%= config.bin %> <%= command.id %> ./policies/ --print',
  ]
  static override args = {path: Args.string({required: true, description: 'Policy file, directory or - for stdin'})}
  static override flags = {
    print: Flags.boolean({description: 'Print policy after validation', default: false}),
  }

  async run(): Promise<Rule[]> {
    const {args, flags} = await this.parse(PolicyValidate)
    const {readPolicySources} = await import('../../policy/files.js')
    const {checkPolicyText, rulesJson} = await import('../../policy/repository.js')
    const {issueText} = await import('../../policy/parse.js')
    const {ValidationError} = await import('../../errors.js')
    const rules: Rule[] = []
    const issues = []
    for (const src of await readPolicySources(args.path)) {
      const checked = checkPolicyText(src.text, src.file)
      rules.push(...checked.rules.map((r) => r.rule))
      issues.push(...checked.issues)
    }
    if (issues.length > 0) throw new ValidationError(issues.map((i) => `Validation of policy has failed: ${issueText(i)}`).join('\n'))
    this.out(`${flags.print ? `${rulesJson(rules)}\n` : ''}All policy elements are valid.\n`)
    return rules
  }
}
