import {Flags} from '@oclif/core'
import {HubbleCommand, serverFlags} from '../../cli/hubble-command.js'

export default class HubbleStatus extends HubbleCommand {
  static override summary = 'Display status of Hubble server'
  static override description = `Display shows the status of the Hubble server. This is intended as a basic
connectivity health check.`
  // The real one registers only its Server flags for the help page; -o works but is not listed.
  static helpFlagGroups = ['Server']
  static override flags = {
    output: Flags.string({char: 'o', description: 'Specify the output format, one of:\n compact:  Compact output\n dict:     Status is shown as KEY:VALUE pair\n json:     JSON encoding\n table:    Tab-aligned columns\n',
      default: 'compact', helpGroup: 'Formatting'}),
    ...serverFlags,
  }

  async run(): Promise<void> {
    const {flags} = await this.parse(HubbleStatus)
    const {statusMode, hubbleStatus, UnhealthyError} = await import('../../hubble/status.js')
    const mode = statusMode(flags.output)
    const settings = await this.hubbleSettings(flags)
    const {HubbleClient} = await import('../../hubble/client.js')
    const client = HubbleClient.connect(settings)
    try {
      this.out(await hubbleStatus(client, mode))
    } catch (e) {
      if (e instanceof UnhealthyError) this.out(e.stdout)
      throw e
    } finally {
      client.close()
    }
  }
}
