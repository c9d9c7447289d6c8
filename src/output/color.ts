import type {ChalkInstance} from 'chalk'
import type {ColorMode} from './modes.js'

export {colorModes, type ColorMode} from './modes.js'

/**
 * Decides once whether to colour a stream. chalk ignores NO_COLOR, so we check it here;
 * under `auto` colour needs a TTY that is not TERM=dumb.
 */
export function useColor(mode: ColorMode, stream: {isTTY?: boolean} = process.stdout,
  env: NodeJS.ProcessEnv = process.env): boolean {
  if (mode !== 'auto') return mode === 'always'
  if (env.NO_COLOR) return false
  return stream.isTTY === true && env.TERM !== 'dumb'
}

/** A chalk whose level follows the decision above (level 0 prints plain text); loaded on first use. */
export async function palette(enabled: boolean): Promise<ChalkInstance> {
  const {Chalk} = await import('chalk')
  return new Chalk({level: enabled ? 1 : 0})
}
