import {CiliumkitError} from '../errors.js'
import {drained} from '../lib/drain.js'

/**
 * Writes the chunks of a streaming listing to `stream` in order. When the stream is full
 * it waits for 'drain' before pulling the next chunk, so a slow reader (`less`) keeps us
 * from buffering a whole map. When the reader goes away (EPIPE, e.g. `| head`) it stops
 * pulling (the producer's `finally` closes its maps) and resolves: the listing ends quietly
 * with exit 0, as cilium-dbg's does. Any other write error rejects with one CiliumkitError.
 */
export async function writeChunks(chunks: AsyncIterable<string | Buffer>, stream: NodeJS.WritableStream = process.stdout):
  Promise<void> {
  let failure: NodeJS.ErrnoException | undefined
  // Ours records and never throws; oclif's Command module puts one on stdout that rethrows
  // every error but EPIPE (an uncaught exception with a stack trace), so it goes. Ours stays
  // attached: a stream reports an error on a later tick than the write that caused it.
  stream.removeAllListeners('error')
  stream.on('error', (err: NodeJS.ErrnoException) => { failure ??= err })
  for await (const chunk of chunks) {
    try {
      if (!stream.write(chunk)) await drained(stream)
    } catch (err) {
      // A file stream writes synchronously and throws instead of emitting 'error'.
      failure ??= err as NodeJS.ErrnoException
    }
    if (failure) break
  }
  if (failure && failure.code !== 'EPIPE') {
    throw new CiliumkitError(`Unable to write output: ${failure.message}`, undefined, {cause: failure})
  }
}
