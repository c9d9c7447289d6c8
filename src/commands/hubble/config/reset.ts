import {Args} from '@oclif/core'
import {ValidationError} from '../../../errors.js'
import {configPath, hubbleConfigKeys, writeConfigValues, type ConfigValue} from '../../../hubble/config.js'
import {HubbleCommand} from '../../../cli/hubble-command.js'

export default class HubbleConfigReset extends HubbleCommand {
  static override summary = 'Reset all or an individual value in the hubble config file'
  static override description = `Reset all or an individual value in the hubble config file.
When KEY is provided, this command is equivalent to 'set KEY'.
If KEY is not provided, all values are reset to their default value.`
  static override args = {key: Args.string({description: 'Configuration key to reset (all keys when omitted)'})}
  static override strict = false

  async run(): Promise<void> {
    const {args, argv, flags} = await this.parse(HubbleConfigReset)
    if (argv.length > 1) {
      throw new ValidationError(`invalid arguments: reset requires exactly 0 or 1 argument: got '${argv.join(' ')}'`)
    }
    if (args.key !== undefined && !hubbleConfigKeys[args.key]) throw new ValidationError(`unknown key: ${args.key}`)
    const keys = args.key === undefined ? Object.keys(hubbleConfigKeys).filter((k) => k !== 'config') : [args.key]
    const defaults: Record<string, ConfigValue> = Object.fromEntries(keys.map((k) => [k, hubbleConfigKeys[k].default]))
    await writeConfigValues(configPath(flags.config), defaults)
  }
}
