import {configPath, effectiveConfig, formatConfigYaml} from '../../../hubble/config.js'
import {HubbleCommand} from '../../../cli/hubble-command.js'

export default class HubbleConfigView extends HubbleCommand {
  static override summary = 'Display merged configuration settings'

  async run(): Promise<Record<string, unknown>> {
    const {flags} = await this.parse(HubbleConfigView)
    const merged = await effectiveConfig({path: configPath(flags.config), flags: {debug: flags.debug || undefined}})
    this.out(formatConfigYaml(merged))
    return merged
  }
}
