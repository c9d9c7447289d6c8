import {HubbleCommand} from '../../cli/hubble-command.js'

export default class HubbleVersion extends HubbleCommand {
  static override summary = 'Display detailed version information'
  static override description = 'Prints the version, the runtime it runs on and the platform, as `hubble version` does.'
  static override examples = ['<%= config.bin %> <%= command.id %>']

  async run(): Promise<string> {
    await this.parse(HubbleVersion)
    const {hubbleVersionLine} = await import('../../lib/version.js')
    const line = hubbleVersionLine(this.config.version)
    this.out(`${line}\n`)
    return line
  }
}
