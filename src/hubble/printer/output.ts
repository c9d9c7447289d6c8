/**
 * Batched writes with back-pressure: printers append text, and a chunk goes to the
 * stream once it is large enough, or once the event loop has nothing else to do (a
 * `--follow` that receives one flow a minute must print it at once). When the stream's
 * buffer is full (write() returned false) the caller gets a promise that settles on
 * 'drain' (or when the stream ends). `finish` turns each chunk into what is written (the
 * text printers' terminal escaping: one scan of a chunk instead of one per record).
 */
const chunkChars = 64 * 1024

export class BatchedOutput {
  private buf = ''
  private idleFlush: NodeJS.Immediate | undefined
  private draining: Promise<void> | undefined

  constructor(private readonly stream: NodeJS.WritableStream, private readonly finish?: (chunk: string) => string) {}

  /** Appends text; returns a promise only when the caller should wait before writing more. */
  push(text: string): Promise<void> | undefined {
    this.buf += text
    if (this.draining) return this.draining
    if (this.buf.length >= chunkChars) return this.flush()
    // Everything pushed in this turn of the event loop goes out together.
    this.idleFlush ??= setImmediate(() => {
      this.idleFlush = undefined
      this.flush()
    })
    return undefined
  }

  /** Writes what is buffered. */
  flush(): Promise<void> | undefined {
    if (this.idleFlush) {
      clearImmediate(this.idleFlush)
      this.idleFlush = undefined
    }
    if (this.buf === '') return this.draining
    const chunk = this.finish ? this.finish(this.buf) : this.buf
    this.buf = ''
    if (this.stream.write(chunk)) return this.draining
    this.draining = new Promise<void>((resolve) => {
      const done = (): void => {
        this.stream.off('drain', done)
        this.stream.off('close', done)
        this.stream.off('error', done)
        this.draining = undefined
        resolve()
      }
      this.stream.on('drain', done)
      this.stream.on('close', done)
      this.stream.on('error', done)
    })
    return this.draining
  }
}
