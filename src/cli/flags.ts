import {Flags} from '@oclif/core'
import {colorModes, outputFormats} from '../output/modes.js'

/** Every listing command spreads these; the parser rejects a bad value, not run(). */
export const outputFlags = {
  output: Flags.option({char: 'o', options: outputFormats, default: 'table' as const,
    description: 'Output format'})(),
  color: Flags.option({options: colorModes, default: 'auto' as const,
    description: 'When to use colour (NO_COLOR is honoured under auto)'})(),
}

/** Commands that talk to the agent's REST API: where it is (cilium-dbg's global -H/--host). */
export const agentFlags = {
  host: Flags.string({char: 'H', description: 'URI to server-side API (unix:///path or tcp://host:port) [default: $CILIUM_SOCK or unix:///var/run/cilium/cilium.sock]',
    helpValue: '<uri>'}),
}
