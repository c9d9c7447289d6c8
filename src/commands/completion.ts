import {Args} from '@oclif/core'
import {BaseCommand} from '../cli/base-command.js'
import {buildCompletionModel, type ManifestCommand} from '../completion/model.js'
import {completionScript, shells, type Shell} from '../completion/scripts.js'

export default class Completion extends BaseCommand {
  static override summary = 'Generate the autocompletion script for the specified shell'
  static override description = `Prints a script that completes commands, subcommands, flags and the values of
enumerated flags. A TAB runs only the shell: values that only this system knows
(endpoint IDs, pinned map names) come from a fast hidden \`__complete\` command.

  bash:        source <(<%= config.bin %> completion bash)
               (every shell: <%= config.bin %> completion bash > /etc/bash_completion.d/<%= config.bin %>)
  zsh:         source <(<%= config.bin %> completion zsh)
               (every shell: <%= config.bin %> completion zsh > "\${fpath[1]}/_<%= config.bin %>")
  fish:        <%= config.bin %> completion fish | source
               (every shell: <%= config.bin %> completion fish > ~/.config/fish/completions/<%= config.bin %>.fish)
  powershell:  <%= config.bin %> completion powershell | Out-String | Invoke-Expression`
  static override examples = [
    'source <(<%= config.bin %> <%= command.id %> bash)',
    '<%= config.bin %> <%= command.id %> fish > ~/.config/fish/completions/<%= config.bin %>.fish',
  ]
  static override args = {shell: Args.string({required: true, options: [...shells], description: 'Shell to generate the script for'})}

  async run(): Promise<void> {
    const {args} = await this.parse(Completion)
    const commands = this.config.commands as unknown as ManifestCommand[]
    const model = buildCompletionModel(this.config.bin, commands, Object.fromEntries(
      this.config.topics.map((t) => [t.name, {description: t.description, hidden: t.hidden}])))
    this.out(completionScript(args.shell as Shell, model))
  }
}
