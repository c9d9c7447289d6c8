import assert from 'node:assert/strict'
import {Writable} from 'node:stream'
import {test} from 'node:test'
import {setImmediate as nextTurn} from 'node:timers/promises'
import {BatchedOutput} from '../../src/hubble/printer/output.js'

function sink(highWaterMark = 1 << 20): {stream: Writable; chunks: string[]; release: () => void} {
  const chunks: string[] = []
  let held: (() => void) | undefined
  const stream = new Writable({highWaterMark, write(chunk, _enc, cb) {
    chunks.push(String(chunk))
    if (highWaterMark < 1 << 20) held = cb
    else cb()
  }})
  return {stream, chunks, release: () => { const cb = held; held = undefined; cb?.() }}
}

test('text pushed in one turn goes out together once the loop is idle, without an explicit flush', async () => {
  const {stream, chunks} = sink()
  const out = new BatchedOutput(stream)
  assert.equal(out.push('a\n'), undefined)
  assert.equal(out.push('b\n'), undefined)
  assert.deepEqual(chunks, [])  // batched: nothing written in the same turn
  await nextTurn()
  assert.deepEqual(chunks, ['a\nb\n'])  // a follower sees its flow without waiting for 64 KiB
})

test('a full stream makes the next push wait for drain', async () => {
  const {stream, chunks, release} = sink(4)
  const out = new BatchedOutput(stream)
  out.push('0123456789')
  await nextTurn()
  assert.deepEqual(chunks, ['0123456789'])
  const wait = out.push('more')
  assert.ok(wait instanceof Promise, 'the caller is told to wait')
  let drained = false
  void wait.then(() => { drained = true })
  await nextTurn()
  assert.equal(drained, false)
  release()
  await wait
  assert.equal(drained, true)
  void out.flush()
  assert.deepEqual(chunks, ['0123456789', 'more'])
  release()
})
