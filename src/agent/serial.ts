/**
 * One task at a time, in order: every datapath write goes through one queue, so an attach, a
 * policy sync and a detach never interleave and maps are written in the order state changed.
 */
export class SerialQueue {
  private tail: Promise<unknown> = Promise.resolve()

  /** Runs `task` after every task queued before it; its result or error is the caller's alone. */
  run<T>(task: () => Promise<T>): Promise<T> {
    const next = this.tail.then(task, task)
    this.tail = next.catch(() => undefined)
    return next
  }

  /** Resolves when every task queued so far has finished. */
  idle(): Promise<void> {
    return this.run(async () => undefined)
  }
}
