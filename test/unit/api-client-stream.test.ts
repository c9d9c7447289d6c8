/**
 * AgentClient.stream (GET /v1/map/{name}/events, `cilium map events [-f]`) and call() against a real HTTP
 * server on a unix socket: a connection cut before the response ends is an error, not a quiet
 * success; the caller's abort ends it quietly; an error of the caller's callback is its own.
 */
import assert from 'node:assert/strict'
import {mkdtempSync, rmSync} from 'node:fs'
import {type IncomingMessage, type ServerResponse, createServer} from 'node:http'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {type TestContext, test} from 'node:test'
import {AgentClient} from '../../src/api/client.js'
import {ConnectionError} from '../../src/errors.js'

const event = (key: string) => `${JSON.stringify({action: 'update', key})}\n`

async function serve(t: TestContext, handler: (req: IncomingMessage, res: ServerResponse) => void): Promise<AgentClient> {
  const dir = mkdtempSync(join(tmpdir(), 'ck-stream-'))
  const socket = join(dir, 'cilium.sock')
  const server = createServer(handler)
  await new Promise<void>((resolve) => server.listen(socket, resolve))
  t.after(async () => {
    server.closeAllConnections()
    await new Promise((resolve) => server.close(resolve))
    rmSync(dir, {recursive: true, force: true})
  })
  return new AgentClient(socket, 5000)
}

test('a following stream whose agent goes away mid-stream rejects with one ConnectionError line, after the events that came', async (t) => {
  const client = await serve(t, (_req, res) => {
    res.writeHead(200, {'Content-Type': 'application/json'})
    res.write(event('a'))
    setTimeout(() => res.socket?.destroy(), 50)
  })
  const seen: string[] = []
  await assert.rejects(client.mapEvents('cilium_lxc', true, (e) => seen.push(e.key!)), (err: Error) => {
    assert.ok(err instanceof ConnectionError)
    assert.equal(err.message, 'Get "http://localhost/v1/map/cilium_lxc/events?follow=true": unexpected EOF')
    assert.match(err.hint!, /closed the connection before the end of the response/)
    return true
  })
  assert.deepEqual(seen, ['a'])
})

test('a listing cut before its Content-Length is reached rejects instead of passing for complete', async (t) => {
  const client = await serve(t, (_req, res) => {
    const body = event('a') + event('b')
    res.writeHead(200, {'Content-Type': 'application/json', 'Content-Length': String(body.length * 2)})
    res.write(body)
    setTimeout(() => res.socket?.destroy(), 50)
  })
  const seen: string[] = []
  await assert.rejects(client.mapEvents('cilium_lxc', false, (e) => seen.push(e.key!)), ConnectionError)
  assert.deepEqual(seen, ['a', 'b'])
})

test('call(): a response cut before its Content-Length is the same one-line error', async (t) => {
  const client = await serve(t, (_req, res) => {
    res.writeHead(200, {'Content-Type': 'application/json', 'Content-Length': '100'})
    res.write('{"cilium-version":')
    setTimeout(() => res.socket?.destroy(), 50)
  })
  await assert.rejects(client.debuginfo(), {message: 'Get "http://localhost/v1/debuginfo": unexpected EOF'})
})

test('a complete listing and the caller\'s abort of a following stream both resolve', async (t) => {
  const client = await serve(t, (req, res) => {
    res.writeHead(200, {'Content-Type': 'application/json'})
    if (req.url?.includes('follow=true')) res.write(event('a'))
    else res.end(event('a') + event('b'))
  })
  const seen: string[] = []
  await client.mapEvents('cilium_lxc', false, (e) => seen.push(e.key!))
  assert.deepEqual(seen, ['a', 'b'])
  const abort = new AbortController()
  await client.mapEvents('cilium_lxc', true, (e) => {
    seen.push(e.key!)
    abort.abort()
  }, abort.signal)
  assert.deepEqual(seen, ['a', 'b', 'a'])
})

test('an error thrown by the callback rejects as itself, not as invalid JSON', async (t) => {
  const client = await serve(t, (_req, res) => {
    res.writeHead(200, {'Content-Type': 'application/json'})
    res.end(event('a') + event('b'))
  })
  const printing = new Error('write EPIPE')
  const seen: string[] = []
  await assert.rejects(client.mapEvents('cilium_lxc', false, (e) => {
    seen.push(e.key!)
    throw printing
  }), (err) => err === printing)
  assert.deepEqual(seen, ['a'])
})
