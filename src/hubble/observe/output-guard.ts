/**
 * What `hubble observe` does when its stdout fails. A reader that goes away (EPIPE:
 * `hubble observe | head`) ends the command quietly with exit 0: the real CLI dies of
 * SIGPIPE there, silently, and a pipeline's status is head's. Any other write error
 * (a full disk, EIO) ends it with one line and exit 1, in Go's words for a failed write.
 */
import {CiliumkitError} from '../../errors.js'

/**
 * Runs `work`, which writes to `stream`, until it ends or the stream fails; a failure
 * aborts `stop` (the flow source ends) and stops waiting for `work` (its last writes may
 * never drain). Resolves 'done' when work ended, 'closed' when the reader went away;
 * rejects with one CiliumkitError on another write error, and with work's own error.
 *
 * While work runs, this is the stream's only 'error' listener: oclif's Command module
 * installs one on stdout that rethrows every error but EPIPE, which would crash the
 * process with a stack trace. They come back when work ends with the stream intact.
 */
export async function guardOutput(stream: NodeJS.EventEmitter, stop: AbortController, work: () => Promise<void>,
  name = '/dev/stdout'): Promise<'done' | 'closed'> {
  let failure: NodeJS.ErrnoException | undefined
  let failed = (): void => {}
  const onFailure = new Promise<void>((resolve) => { failed = resolve })
  const others = stream.rawListeners('error') as Array<(...args: unknown[]) => void>
  stream.removeAllListeners('error')
  // Records, never throws. It stays attached after a failure: a pipe reports EPIPE on a later
  // tick than the write that hit it, and the writes still queued report more errors after that.
  const onError = (err: NodeJS.ErrnoException): void => {
    if (failure) return
    failure = err
    stop.abort()
    failed()
  }
  stream.on('error', onError)
  const working = work()
  working.catch(() => {})  // once the stream failed, how work ends no longer matters
  try {
    // A file reports a failed write on a later tick: look once more after work ends.
    await Promise.race([working.then(nextTurn), onFailure])
  } catch (error) {
    if (failure === undefined) throw error
  } finally {
    if (failure === undefined) {
      stream.off('error', onError)
      for (const listener of others) stream.on('error', listener)
    }
  }
  if (failure === undefined) return 'done'
  if (failure.code === 'EPIPE') return 'closed'
  throw new CiliumkitError(`write ${name}: ${errnoText(failure)}`, undefined, {cause: failure})
}

function nextTurn(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve))
}

/** The strerror text Go prints (`no space left on device`); Node has it in the message of fs errors only. */
function errnoText(err: NodeJS.ErrnoException): string {
  return /^[A-Z0-9]+: (.+), \w+$/.exec(err.message)?.[1] ?? err.code ?? err.message
}

/**
 * A stream to stdout as both observe commands run it: Ctrl-C ends it cleanly (exit 0), and so,
 * quietly, does a closed pipe (`| head`), through guardOutput. `work` stops when `signal` aborts.
 */
export async function streamToStdout(work: (signal: AbortSignal) => Promise<void>): Promise<'done' | 'closed'> {
  const stop = new AbortController()
  const onSignal = (): void => stop.abort()
  process.once('SIGINT', onSignal)
  try {
    return await guardOutput(process.stdout, stop, () => work(stop.signal))
  } finally {
    process.off('SIGINT', onSignal)
  }
}
