import assert from 'node:assert/strict'
import {test} from 'node:test'
import {KernelError} from '../../src/errors.js'
import {already, done, Progress, skipped} from '../../src/install/progress.js'

class Sink {
  text = ''
  constructor(readonly isTTY: boolean) {}
  write(s: string): boolean {
    this.text += s
    return true
  }
}

test('plain lines when stderr is not a terminal: one per finished step, nothing for a failed one', async () => {
  const sink = new Sink(false)
  const p = new Progress(sink)
  await p.step('Mounting bpffs at /x', async () => done())
  await p.step('Starting the agent', async () => already('already running, pid 42'))
  await p.step('Enabling the unit', async () => skipped('not asked'))
  await p.step('Starting the agent', async () => done('pid 7'))
  await assert.rejects(p.step('Checking the node', async () => { throw new KernelError('no') }), /no/)
  assert.equal(sink.text, 'Mounting bpffs at /x... done\nStarting the agent... already running, pid 42\n' +
    'Enabling the unit... skipped (not asked)\nStarting the agent... done (pid 7)\n')
  assert.deepEqual(p.finished.map((f) => f.state), ['done', 'already', 'skipped', 'done'])
})

test('a spinner on a terminal, cleared before the result line and after a failure', async () => {
  const prev = process.env.TERM
  process.env.TERM = 'xterm'
  try {
    const sink = new Sink(true)
    const p = new Progress(sink, 5)
    await p.step('Building the datapath', () => new Promise((resolve) => setTimeout(() => resolve(done()), 30)))
    // The escape (carriage return, ESC [2K: erase the line) shown as <CLR>.
    const shown = sink.text.replaceAll('\r\x1b[2K', '<CLR>')
    assert.match(shown, /^<CLR>⠋ Building the datapath\.\.\.(<CLR>. Building the datapath\.\.\.)+<CLR>Building the datapath\.\.\. done\n$/)
    const failed = new Sink(true)
    await assert.rejects(new Progress(failed, 5).step('Checking', async () => { throw new Error('x') }))
    assert.equal(failed.text, '\r\x1b[2K⠋ Checking...\r\x1b[2K')
  } finally {
    process.env.TERM = prev
  }
})
