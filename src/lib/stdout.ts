/**
 * What a command does when its stdout fails, the same for every command that prints. A reader
 * that goes away (EPIPE: `… | head`) ends the command quietly with exit 0: the real CLIs die
 * of SIGPIPE there, silently, and a pipeline's status is head's. Any other write error (a full
 * disk, EIO) ends it with one line and exit 1, in Go's words for a failed write.
 */
import {CiliumkitError} from '../errors.js'
import {drained} from './drain.js'

/**
 * Runs `work`, which writes to `stream`, until it ends or the stream fails; a failure
 * aborts `stop` (the producer ends) and stops waiting for `work` (its last writes may
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
  throw new CiliumkitError(`write ${name}: ${strerror(failure)}`, undefined, {cause: failure})
}

function nextTurn(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve))
}

/** The strerror text Go prints (`no space left on device`); Node has it in the message of fs errors only. */
function strerror(err: NodeJS.ErrnoException): string {
  return /^[A-Z0-9]+: (.+), \w+$/.exec(err.message)?.[1] ?? err.code ?? err.message
}

/**
 * Writes `output` (one text, or chunks pulled one at a time) to `stream` through guardOutput.
 * When the stream is full it waits for 'drain' before pulling the next chunk, so a slow reader
 * (`less`) keeps a producer from buffering a whole map; when the reader goes away it stops
 * pulling (the producer's `finally` closes its maps) and resolves 'closed'.
 */
export async function writeOutput(output: string | AsyncIterable<string | Buffer>,
  stream: NodeJS.WritableStream = process.stdout): Promise<'done' | 'closed'> {
  const stop = new AbortController()
  const chunks = typeof output === 'string' ? [output] : output
  let pump: Promise<void> | undefined
  const result = await guardOutput(stream, stop, () => pump = (async () => {
    let lastWritten: Promise<void> | undefined
    for await (const chunk of chunks) {
      if (stop.signal.aborted) break
      let full = false
      lastWritten = new Promise<void>((resolve) => { full = !stream.write(chunk, () => resolve()) })
      if (full) await drained(stream, stop.signal)
    }
    // A write's callback runs once its chunk left (or failed): work ends after the last one.
    if (!stop.signal.aborted) await lastWritten
  })())
  // On a failure guardOutput stops waiting; wait for the producer to stop so its maps are closed.
  await pump?.catch(() => {})
  return result
}

/** What a command prints: stdout text, an optional stderr note, the value behind the text, the exit code. */
export interface CommandOutput {
  text: string
  stderr?: string
  value: unknown
  exitCode?: number
}

/**
 * Prints a command's output as cilium-dbg does: the text on stdout (guarded as above), then the
 * note on stderr; the exit code applies when the command returns. Returns the value behind the text.
 */
export async function printOutput(r: CommandOutput): Promise<unknown> {
  if (r.text) await writeOutput(r.text)
  if (r.stderr) process.stderr.write(r.stderr)
  if (r.exitCode) process.exitCode = r.exitCode
  return r.value
}
