import {Args} from '@oclif/core'
import {ValidationError} from '../../../errors.js'
import {configPath, effectiveConfig, formatConfigValue, formatConfigYaml} from '../../../hubble/config.js'
import {HubbleCommand} from '../../../cli/hubble-command.js'

export default class HubbleConfigGet extends HubbleCommand {
  static override summary = 'Get an individual value in the hubble config file'
  static override description = `Get an individual value in the hubble config file.
If KEY is not provided, this command is equivalent to 'view'.`
  static override args = {key: Args.string({description: 'Configuration key (e.g. server, tls, timeout)'})}
  static override strict = false

  async run(): Promise<unknown> {
    const {args, argv, flags} = await this.parse(HubbleConfigGet)
    if (argv.length > 1) {
      throw new ValidationError(`invalid arguments: get requires exactly 0 or 1 argument: got '${argv.join(' ')}'`)
    }
    const merged = await effectiveConfig({path: configPath(flags.config), flags: {debug: flags.debug || undefined}})
    if (args.key === undefined) {
      this.out(formatConfigYaml(merged))
      return merged
    }
    if (!(args.key in merged)) throw new ValidationError(`unknown key: ${args.key}`)
    this.out(formatConfigValue(merged[args.key]))
    return merged[args.key]
  }
}
