import {NotBuiltError} from '../errors.js'
import {BaseCommand} from './base-command.js'

interface NotBuiltSpec {
  summary: string
  examples: string[]
  /** The issue that builds it. */
  issue: number
}

/**
 * A command whose capability a later issue builds. It exists so the command tree,
 * help and completion are whole, and it says plainly that it is not built (exit 1):
 * no fake output.
 */
export function notBuiltCommand(spec: NotBuiltSpec): typeof BaseCommand {
  return class NotBuilt extends BaseCommand {
    static override summary = `${spec.summary} (not built yet)`
    static override examples = spec.examples
    static override strict = false

    async run(): Promise<void> {
      throw new NotBuiltError(`\`${this.config.bin} ${this.id}\``, spec.issue)
    }
  }
}
