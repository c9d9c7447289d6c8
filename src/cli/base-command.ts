import {Command, Flags} from '@oclif/core'
import {CiliumkitError, errorLine, usageExitCode} from '../errors.js'

/**
 * The parent of every command: the global --debug flag and the one place where an
 * error becomes the line a user reads and the exit code a script checks.
 */
export abstract class BaseCommand extends Command {
  static override baseFlags = {
    debug: Flags.boolean({char: 'D', description: 'Enable debug messages',
      default: false, helpGroup: 'GLOBAL'}),
  }

  protected get debugEnabled(): boolean {
    return this.argv.includes('--debug') || this.argv.includes('-D')
  }

  /** Writes text to stdout as is (oclif's log adds a newline and formats its argument). */
  protected out(text: string): void {
    process.stdout.write(text)
  }

  protected override async catch(err: Error & {exitCode?: number; oclif?: {exit?: number}}): Promise<unknown> {
    if (this.debugEnabled) throw err
    if (err instanceof CiliumkitError) return this.fail(errorLine(err), err.exitCode)
    // oclif's own parse errors (bad flag, bad option value, missing arg) are usage errors:
    // keep their first line, drop the usage dump.
    if (err.oclif?.exit !== undefined) {
      // this.exit(): oclif's ExitError (its name is plain 'Error'; its code says what it is).
      if ((err as {code?: unknown}).code === 'EEXIT') throw err
      return this.fail(parseErrorLine(err), err.oclif.exit)
    }
    // Anything else is a bug of ours: still one line, and --debug shows where it came from.
    return this.fail(`${err.message || err.name} (unexpected error: run again with --debug for the stack trace)`, 1)
  }

  private fail(line: string, code: number): never {
    // The real hubble prints the bare error text; cilium-dbg prefixes "Error: ".
    process.stderr.write(this.config.bin === 'hubble' ? `${line}\n` : `Error: ${line}\n`)
    return this.exit(code === 2 ? usageExitCode(this.config.bin) : code)
  }
}

/** oclif's parse error in the words of cobra (which both real CLIs use) where they differ. */
export function parseErrorLine(err: Error & {flags?: string[]}): string {
  const flag = err.flags?.[0]
  if (flag !== undefined && err.message.startsWith('Nonexistent flag')) {
    return flag.startsWith('--') ? `unknown flag: ${flag}` : `unknown shorthand flag: '${flag.slice(1, 2)}' in ${flag}`
  }
  return err.message.split('\n')[0]
}
