import {Args} from '@oclif/core'
import {ValidationError} from '../../../errors.js'
import {configPath, hubbleConfigKeys, parseConfigValue, writeConfigValues} from '../../../hubble/config.js'
import {HubbleCommand} from '../../../cli/hubble-command.js'

export default class HubbleConfigSet extends HubbleCommand {
  static override summary = 'Set an individual value in the hubble config file'
  static override description = `Set an individual value in the hubble config file.
If VALUE is not provided, the value is reset to its default value.`
  static override args = {
    key: Args.string({description: 'Configuration key (e.g. server, tls, timeout)'}),
    value: Args.string({description: 'Value to set (the default when omitted)'}),
  }
  static override strict = false
  // KEY is checked by run() with the real CLI's message; the usage line still shows it as required.
  static override usage = '<%= command.id %> KEY [VALUE] [flags]'

  async run(): Promise<void> {
    const {args, argv, flags} = await this.parse(HubbleConfigSet)
    if (argv.length < 1 || argv.length > 2) {
      throw new ValidationError(`invalid arguments: set requires exactly 1 or 2 argument(s): got '${argv.join(' ')}'`)
    }
    const key = args.key as string
    const spec = hubbleConfigKeys[key]
    if (!spec) throw new ValidationError(`unknown key: ${key}`)
    const value = args.value === undefined ? spec.default : parseConfigValue(key, args.value)
    await writeConfigValues(configPath(flags.config), {[key]: value})
  }
}
