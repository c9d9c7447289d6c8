import assert from 'node:assert/strict'
import {spawn} from 'node:child_process'
import {existsSync, lstatSync, readFileSync, writeFileSync} from 'node:fs'
import {join} from 'node:path'
import {type TestContext, test} from 'node:test'
import {SocketInUseError, claimSocketPath, probeSocket} from '../../src/lib/unix-socket.js'
import {tempDir} from '../helpers/cli.js'

/** A node process listening on `path`; killed (SIGKILL, leaving the socket file) after the test. */
async function listener(t: TestContext, path: string): Promise<number> {
  const child = spawn(process.execPath, ['-e', `require('net').createServer((s)=>s.end()).listen(${JSON.stringify(path)},()=>console.log('up'))`],
    {stdio: ['ignore', 'pipe', 'inherit']})
  t.after(() => {
    child.kill('SIGKILL')
  })
  await new Promise<void>((resolve, reject) => {
    child.stdout!.once('data', () => resolve())
    child.once('exit', (code) => reject(new Error(`listener exited with ${code}`)))
  })
  return child.pid!
}

/** A socket file whose server died without removing it (SIGKILL). */
async function staleSocket(path: string): Promise<void> {
  const child = spawn(process.execPath, ['-e', `require('net').createServer().listen(${JSON.stringify(path)},()=>process.kill(process.pid,'SIGKILL'))`],
    {stdio: 'ignore'})
  await new Promise((resolve) => child.once('exit', resolve))
  assert.ok(lstatSync(path).isSocket())
}

test('a socket a process listens on is refused, naming the socket and the process; the file stays', async (t) => {
  const path = join(tempDir(t), 'cilium.sock')
  const pid = await listener(t, path)
  assert.equal(await probeSocket(path), 'listening')
  await assert.rejects(claimSocketPath(path, 'the agent API socket'), (err: Error) => {
    assert.ok(err instanceof SocketInUseError)
    assert.match(err.message, new RegExp(`^the agent API socket ${path} is in use by pid ${pid}: .*node -e`))
    return true
  })
  assert.ok(lstatSync(path).isSocket())
  assert.equal(await probeSocket(path), 'listening')
})

test('a stale socket file (its server was killed) is removed; a missing one is fine', async (t) => {
  const dir = tempDir(t)
  const path = join(dir, 'hubble.sock')
  await staleSocket(path)
  assert.equal(await probeSocket(path), 'stale')
  await claimSocketPath(path, 'the Hubble API socket')
  assert.equal(existsSync(path), false)
  assert.equal(await probeSocket(path), 'absent')
  await claimSocketPath(join(dir, 'never.sock'), 'the Hubble API socket')
})

test('a path that is not a socket is refused and never removed', async (t) => {
  const path = join(tempDir(t), 'cilium.sock')
  writeFileSync(path, 'precious')
  await assert.rejects(claimSocketPath(path, 'the agent API socket'),
    (err: Error) => err instanceof SocketInUseError && err.message === `the agent API socket ${path} exists and is not a socket`)
  assert.equal(readFileSync(path, 'utf8'), 'precious')
})
