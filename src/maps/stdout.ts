/**
 * A writer for streaming listings: resolves once the stream can take more (the
 * back-pressure that keeps a slow reader such as `less` from making us buffer a whole
 * map), and rejects with the stream's error, e.g. EPIPE when `| head` stops reading.
 */
export function streamWriter(stream: NodeJS.WritableStream = process.stdout): (chunk: string) => Promise<void> {
  let failure: Error | undefined
  stream.on('error', (err: Error) => { failure = err })
  return (chunk) => new Promise((resolve, reject) => {
    if (failure) return reject(failure)
    const onError = (err: Error) => reject(err)
    stream.once('error', onError)
    const done = () => { stream.off('error', onError); if (failure) reject(failure); else resolve() }
    if (stream.write(chunk)) done()
    else stream.once('drain', done)
  })
}

/** Whether an error means the reader went away (`| head`): a listing then ends quietly, as Go's does on SIGPIPE. */
export function isBrokenPipe(err: unknown): boolean {
  return (err as NodeJS.ErrnoException | undefined)?.code === 'EPIPE'
}
