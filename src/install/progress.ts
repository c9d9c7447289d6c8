/**
 * The progress display of install and uninstall, on stderr: a spinner that redraws one line when
 * the stream is a terminal, and one plain line per finished step otherwise (logs, CI, pipes),
 * in the shape of oclif's ux.action (`Mounting bpffs... done`). stdout stays for data (--dry-run's plan).
 */

/** How a step ended: it did its work, or found it already done (a second install). */
export interface StepOutcome {
  state: 'done' | 'already' | 'skipped'
  /** Said after `done`/`skipped` in brackets (`pid 4242`); for `already`, instead of it (`already mounted`). */
  detail?: string
}

export const done = (detail?: string): StepOutcome => ({state: 'done', detail})
export const already = (detail?: string): StepOutcome => ({state: 'already', detail})
export const skipped = (detail?: string): StepOutcome => ({state: 'skipped', detail})

export interface ProgressStream {
  write(text: string): unknown
  isTTY?: boolean
}

const frames = ['⠋', '⠙', '⠹', '⠸', '⠼', '⠴', '⠦', '⠧', '⠇', '⠏']

/** `done`, `done (pid 42)`, `already mounted`, `skipped (why)`: an `already` outcome's detail says it all. */
export function outcomeText(o: StepOutcome): string {
  if (o.state === 'already') return o.detail ?? 'already there'
  return o.detail ? `${o.state} (${o.detail})` : o.state
}

export class Progress {
  /** Every finished step, in order: what a second run reports and what tests read. */
  readonly finished: Array<{title: string} & StepOutcome> = []
  private readonly tty: boolean

  constructor(private readonly stream: ProgressStream, private readonly frameMs = 80) {
    this.tty = stream.isTTY === true && process.env.TERM !== 'dumb'
  }

  /**
   * Runs one step under a spinner (terminal) and reports its outcome. A step that throws prints
   * nothing: the command prints the error as its one line, and the spinner line is cleared.
   */
  async step(title: string, work: () => Promise<StepOutcome>): Promise<StepOutcome> {
    let frame = 0
    const draw = (): void => { this.stream.write(`\r\x1b[2K${frames[frame++ % frames.length]} ${title}...`) }
    const timer = this.tty ? setInterval(draw, this.frameMs) : undefined
    if (this.tty) draw()
    try {
      const outcome = await work()
      this.finished.push({title, ...outcome})
      this.stream.write(`${this.tty ? '\r\x1b[2K' : ''}${title}... ${outcomeText(outcome)}\n`)
      return outcome
    } catch (err) {
      if (this.tty) this.stream.write('\r\x1b[2K')
      throw err
    } finally {
      if (timer) clearInterval(timer)
    }
  }

  /** A line of its own (a warning, the next thing to run). */
  note(line: string): void {
    this.stream.write(`${line}\n`)
  }
}
