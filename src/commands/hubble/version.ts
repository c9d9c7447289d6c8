import {HubbleCommand} from '../../cli/hubble-command.js'

export default class HubbleVersion extends HubbleCommand {
  static override summary = 'Display detailed version information'
  static override description = 'Displays information about the version of this software.'

  async run(): Promise<string> {
    await this.parse(HubbleVersion)
    const {hubbleVersionLine} = await import('../../lib/version.js')
    const line = hubbleVersionLine(this.config.version)
    this.out(`${line}\n`)
    return line
  }
}
