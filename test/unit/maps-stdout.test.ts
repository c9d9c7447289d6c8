import assert from 'node:assert/strict'
import {Writable} from 'node:stream'
import {test} from 'node:test'
import {writeOutput} from '../../src/lib/stdout.js'

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

test('writeOutput: every chunk in order through a small, slow sink (waits for drain)', async () => {
  const p = producer(200)
  const {stream, written} = sink(Infinity)
  await writeOutput(p.chunks, stream)
  await new Promise<void>((resolve) => stream.end(resolve))
  assert.equal(written.join(''), Array.from({length: 200}, (_, i) => `${i}\n`).join(''))
})

test('writeOutput: a reader that goes away (EPIPE) ends the listing quietly and stops the producer', async () => {
  const p = producer(100_000)
  const {stream} = sink(3, 'EPIPE')
  assert.equal(await writeOutput(p.chunks, stream), 'closed')
  assert.ok(p.closed(), 'the producer closed (its maps)')
  assert.ok(p.pulled() < 100, `pulled ${p.pulled()} chunks`)
})

test('writeOutput: any other write error is one CiliumkitError line in Go\'s words (as hubble observe\'s)', async () => {
  const p = producer(100_000)
  const {stream} = sink(3, 'ENOSPC')
  await assert.rejects(writeOutput(p.chunks, stream), (err: Error & {exitCode?: number}) =>
    err.name === 'CiliumkitError' && err.message === 'write /dev/stdout: ENOSPC' && err.exitCode === 1)
  assert.ok(p.closed())
})

test('writeOutput: one text waits until it is written, and a full sink fails it with the strerror text', async () => {
  const {stream, written} = sink(Infinity)
  assert.equal(await writeOutput('a\nb\n', stream), 'done')
  assert.deepEqual(written, ['a\nb\n'])
  const full = new Writable({write(_chunk, _enc, cb) {
    cb(Object.assign(new Error('ENOSPC: no space left on device, write'), {code: 'ENOSPC'}))
  }})
  await assert.rejects(writeOutput('x', full), {message: 'write /dev/stdout: no space left on device'})
})
