import {configPath, effectiveConfig, formatConfigYaml} from '../../../hubble/config.js'
import {HubbleCommand} from '../../../cli/hubble-command.js'

export default class HubbleConfigView extends HubbleCommand {
  static override summary = 'Display merged configuration settings'
  static override description = 'Prints every setting with the value in effect: flag > environment variable (HUBBLE_<KEY>) > configuration file > default.'
  static override examples = [
    '<%= config.bin %> <%= command.id %>',
    'HUBBLE_SERVER=localhost:4245 <%= config.bin %> <%= command.id %>',
    '<%= config.bin %> <%= command.id %> --config ./hubble.yaml',
  ]

  async run(): Promise<Record<string, unknown>> {
    const {flags} = await this.parse(HubbleConfigView)
    const merged = await effectiveConfig({path: configPath(flags.config), flags: {debug: flags.debug || undefined}})
    this.out(formatConfigYaml(merged))
    return merged
  }
}
