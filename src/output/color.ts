import {Chalk, type ChalkInstance} from 'chalk'

export type ColorMode = 'auto' | 'always' | 'never'
export const colorModes: readonly ColorMode[] = ['auto', 'always', 'never']

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

/** A chalk whose level follows the decision above (level 0 prints plain text). */
export function palette(enabled: boolean): ChalkInstance {
  return new Chalk({level: enabled ? 1 : 0})
}
