import {Args} from '@oclif/core'
import {ValidationError} from '../../../errors.js'
import {configPath, hubbleConfigKeys, parseConfigValue, writeConfigValues} from '../../../hubble/config.js'
import {HubbleCommand} from '../../../cli/hubble-command.js'

export default class HubbleConfigSet extends HubbleCommand {
  static override summary = 'Set an individual value in the hubble config file'
  static override description = 'Writes KEY into the configuration file (created with mode 0600 if missing). Without VALUE, KEY is set to its default.'
  static override examples = [
    '<%= config.bin %> <%= command.id %> server localhost:4245',
    '<%= config.bin %> <%= command.id %> tls true',
    '<%= config.bin %> <%= command.id %> tls-ca-cert-files ca.pem,other-ca.pem',
  ]
  static override args = {
    key: Args.string({description: 'Configuration key (e.g. server, tls, timeout)'}),
    value: Args.string({description: 'Value to set (the default when omitted)'}),
  }
  static override strict = false

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
