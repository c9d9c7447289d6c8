import {Flags} from '@oclif/core'
import {colorModes, outputFormats} from '../output/modes.js'

/** Every listing command spreads these; the parser rejects a bad value, not run(). */
export const outputFlags = {
  output: Flags.option({char: 'o', options: outputFormats, default: 'table' as const,
    description: 'Output format'})(),
  color: Flags.option({options: colorModes, default: 'auto' as const,
    description: 'When to use colour (NO_COLOR is honoured under auto)'})(),
}
