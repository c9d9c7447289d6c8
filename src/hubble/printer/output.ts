/**
 * Batched writes with back-pressure: printers append text, and a chunk goes to the
 * stream once it is large enough. When the stream's buffer is full (write() returned
 * false) the caller gets a promise that settles on 'drain' (or when the stream ends).
 */
const chunkChars = 64 * 1024

export class BatchedOutput {
  private buf = ''

  constructor(private readonly stream: NodeJS.WritableStream) {}

  /** Appends text; returns a promise only when the caller should wait before writing more. */
  push(text: string): Promise<void> | undefined {
    this.buf += text
    return this.buf.length >= chunkChars ? this.flush() : undefined
  }

  /** Writes what is buffered. */
  flush(): Promise<void> | undefined {
    if (this.buf === '') return undefined
    const chunk = this.buf
    this.buf = ''
    if (this.stream.write(chunk)) return undefined
    return new Promise((resolve) => {
      const done = (): void => {
        this.stream.off('drain', done)
        this.stream.off('close', done)
        this.stream.off('error', done)
        resolve()
      }
      this.stream.on('drain', done)
      this.stream.on('close', done)
      this.stream.on('error', done)
    })
  }
}
