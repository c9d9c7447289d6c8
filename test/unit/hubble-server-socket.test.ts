import assert from 'node:assert/strict'
import {existsSync, writeFileSync} from 'node:fs'
import {createServer} from 'node:net'
import {join} from 'node:path'
import {test} from 'node:test'
import {createHubbleServer} from '../../src/hubble/server/index.js'
import {tempDir} from '../helpers/cli.js'

test('hubble serve never unlinks a live socket (a real Cilium\'s hubble.sock); a stale one is replaced', async (t) => {
  const dir = tempDir(t)
  const live = join(dir, 'live.sock')
  const other = createServer()
  await new Promise<void>((resolve) => other.listen(live, resolve))
  t.after(() => other.close())
  const {server} = createHubbleServer({nodeName: 'n', version: 'test'})
  await assert.rejects(server.listen(`unix://${live}`), /in use/)
  assert.ok(existsSync(live), 'the live socket is still there')

  const stale = join(dir, 'stale.sock')
  const gone = createServer()
  await new Promise<void>((resolve) => gone.listen(stale, resolve))
  gone.close()  // a socket file nobody listens on
  writeFileSync(join(dir, 'marker'), '')
  const {server: ours} = createHubbleServer({nodeName: 'n', version: 'test'})
  assert.equal(await ours.listen(`unix://${stale}`), `unix://${stale}`)
  await ours.close()
  assert.equal(existsSync(stale), false, 'our own socket is removed on close')
})
