/**
 * Resolves on the stream's next 'drain', or when it closes or fails, or `signal` aborts: whatever
 * comes first, so a writer waiting for room never waits on a stream that is gone.
 */
export function drained(stream: NodeJS.EventEmitter, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const done = (): void => {
      stream.off('drain', done)
      stream.off('close', done)
      stream.off('error', done)
      signal?.removeEventListener('abort', done)
      resolve()
    }
    stream.on('drain', done)
    stream.on('close', done)
    stream.on('error', done)
    signal?.addEventListener('abort', done, {once: true})
  })
}
