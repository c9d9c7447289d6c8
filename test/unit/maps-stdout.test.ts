import assert from 'node:assert/strict'
import {Writable} from 'node:stream'
import {test} from 'node:test'
import {writeChunks} from '../../src/maps/stdout.js'

/** Chunks 0..n-1 as text; records how many were pulled and whether the producer's finally ran. */
function producer(n: number): {chunks: AsyncGenerator<string>; pulled: () => number; closed: () => boolean} {
  let pulled = 0, closed = false
  async function* gen(): AsyncGenerator<string> {
    try {
      for (let i = 0; i < n; i++) {
        pulled++
        yield `${i}\n`
      }
    } finally {
      closed = true
    }
  }
  return {chunks: gen(), pulled: () => pulled, closed: () => closed}
}

/** A sink that takes `accept` chunks (each after a tick, so it fills up), then fails every write with `code`. */
function sink(accept: number, code?: string): {stream: Writable; written: string[]} {
  const written: string[] = []
  const stream = new Writable({highWaterMark: 4, write(chunk: Buffer, _enc, cb) {
    if (written.length >= accept && code) {
      cb(Object.assign(new Error(`write ${code}`), {code}))
      return
    }
    written.push(chunk.toString())
    setImmediate(cb)
  }})
  return {stream, written}
}

test('writeChunks: every chunk in order through a small, slow sink (waits for drain)', async () => {
  const p = producer(200)
  const {stream, written} = sink(Infinity)
  await writeChunks(p.chunks, stream)
  await new Promise<void>((resolve) => stream.end(resolve))
  assert.equal(written.join(''), Array.from({length: 200}, (_, i) => `${i}\n`).join(''))
})

test('writeChunks: a reader that goes away (EPIPE) ends the listing quietly and stops the producer', async () => {
  const p = producer(100_000)
  const {stream} = sink(3, 'EPIPE')
  await writeChunks(p.chunks, stream)
  assert.ok(p.closed(), 'the producer closed (its maps)')
  assert.ok(p.pulled() < 100, `pulled ${p.pulled()} chunks`)
})

test('writeChunks: any other write error is one CiliumkitError line', async () => {
  const p = producer(100_000)
  const {stream} = sink(3, 'ENOSPC')
  await assert.rejects(writeChunks(p.chunks, stream), (err: Error & {exitCode?: number}) =>
    err.name === 'CiliumkitError' && err.message === 'Unable to write output: write ENOSPC' && err.exitCode === 1)
  assert.ok(p.closed())
})
