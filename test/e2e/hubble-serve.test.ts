// `hubble serve` as a real process on a unix socket, queried by the built `hubble observe`,
// `status` and `list`; and what a user sees when that server is killed mid-follow or is absent.
import assert from 'node:assert/strict'
import {spawn, type ChildProcess} from 'node:child_process'
import {appendFileSync, copyFileSync, mkdtempSync, readFileSync, rmSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {test, type TestContext} from 'node:test'

const root = new URL('../../../', import.meta.url).pathname
const bin = join(root, 'bin/hubble.js')
const sample = join(root, 'test/fixtures/peers/sample-flows.jsonl')
const sampleLines = readFileSync(sample, 'utf8').trim().split('\n')

function tempDir(t: TestContext): string {
  const dir = mkdtempSync(join(tmpdir(), 'ck-hubble-serve-'))
  t.after(() => rmSync(dir, {recursive: true, force: true}))
  return dir
}

interface Run {stdout: string, stderr: string, code: number | null, signal: NodeJS.Signals | null}

function hubble(args: string[], opts: {until?: (out: string) => boolean, child?: (c: ChildProcess) => void} = {}): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [bin, ...args], {env: {PATH: process.env.PATH, HOME: tmpdir(), TZ: 'UTC'}, stdio: ['ignore', 'pipe', 'pipe']})
    opts.child?.(child)
    let stdout = '', stderr = ''
    const timer = setTimeout(() => child.kill('SIGKILL'), 30_000)
    child.stdout.setEncoding('utf8').on('data', (d: string) => { stdout += d })
    child.stderr.setEncoding('utf8').on('data', (d: string) => { stderr += d })
    child.on('error', reject)
    child.on('close', (code, signal) => { clearTimeout(timer); resolve({stdout, stderr, code, signal}) })
  })
}

/** Starts `hubble serve`; resolves once it says it is serving. Killed after the test. */
async function serve(t: TestContext, file: string, socket: string, extra: string[] = []): Promise<ChildProcess> {
  const child = spawn(process.execPath, [bin, 'serve', '--input-file', file, '--listen-address', `unix://${socket}`,
    '--node-name', 'kind-worker', ...extra], {stdio: ['ignore', 'ignore', 'pipe']})
  t.after(() => { if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL') })
  let err = ''
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`serve did not start: ${err}`)), 20_000)
    child.stderr!.setEncoding('utf8').on('data', (d: string) => {
      err += d
      if (err.includes('Serving ')) { clearTimeout(timer); resolve() }
    })
    child.on('exit', () => reject(new Error(`serve exited: ${err}`)))
  })
  return child
}

test('serve + observe: the saved flows come back byte for byte as jsonpb, and as --input-file prints them', async (t) => {
  const dir = tempDir(t)
  const sock = join(dir, 'hubble.sock')
  await serve(t, sample, sock)
  const server = `unix://${sock}`
  const json = await hubble(['observe', '--server', server, '--all', '-o', 'jsonpb'])
  assert.equal(json.code, 0, json.stderr)
  assert.equal(json.stdout, readFileSync(join(root, 'test/fixtures/hubble/observe-cases/7.stdout'), 'utf8'))
  for (const args of [[], ['-o', 'dict'], ['-o', 'table'], ['--http-method', 'POST'], ['--last', '3'], ['--first', '2', '--print-node-name']]) {
    const viaServer = await hubble(['observe', '--server', server, ...(args.includes('--last') || args.includes('--first') ? [] : ['--all']), ...args])
    const viaFile = await hubble(['observe', '--input-file', sample, ...(args.includes('--last') || args.includes('--first') ? [] : ['--all']), ...args])
    assert.equal(viaServer.code, 0, viaServer.stderr)
    assert.equal(viaServer.stdout, viaFile.stdout, `observe ${args.join(' ')}`)
  }
})

test('serve + status and list: the server\'s own numbers in the real layouts', async (t) => {
  const dir = tempDir(t)
  const sock = join(dir, 'hubble.sock')
  await serve(t, sample, sock)
  const server = `unix://${sock}`
  const status = await hubble(['status', '--server', server])
  assert.equal(status.code, 0, status.stderr)
  assert.match(status.stdout, new RegExp(`^Healthcheck \\(via ${server.replace(/[/.]/g, '\\$&')}\\): Ok\nCurrent/Max Flows: 12/4,095 \\(0\\.29%\\)\nFlows/s: \\d+\\.\\d\\d\n$`))
  const json = await hubble(['status', '--server', server, '-o', 'json'])
  assert.match(json.stdout, /^\{"num_flows":"12","max_flows":"4095","seen_flows":"12","uptime_ns":"\d+","version":"ciliumkit v[^"]+","flows_rate":[\d.e-]+\}\n$/)
  const nodes = await hubble(['list', 'nodes', '--server', server])
  assert.match(nodes.stdout, /^NAME {10}STATUS {6}AGE {3,}FLOWS\/S {3}CURRENT\/MAX-FLOWS\nkind-worker {3}Connected {3}\d+s +[\d.]+ +12\/4095 \( {2}0\.29%\)\n$/)
  const namespaces = await hubble(['list', 'namespaces', '--server', server])
  assert.equal(namespaces.stdout, 'NAMESPACE\ndefault\nkube-system\nshop\ntenant-b\n')
  const bad = await hubble(['status', '--server', server, '-o', 'bogus'])
  assert.deepEqual([bad.code, bad.stderr], [1, 'invalid output format: bogus\n'])
})

/** Resolves once `check` holds, polling; rejects after `ms`. */
async function eventually(check: () => boolean, ms: number, what: string): Promise<void> {
  const deadline = Date.now() + ms
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`)
    await new Promise((r) => setTimeout(r, 50))
  }
}

test('--follow prints each flow as it arrives: the last one at once, then a line appended to the log', async (t) => {
  const dir = tempDir(t)
  const sock = join(dir, 'hubble.sock')
  const log = join(dir, 'flows.json')
  copyFileSync(sample, log)
  await serve(t, log, sock, ['--follow-file'])
  let follower: ChildProcess | undefined
  let seen = ''
  const run = hubble(['observe', '--server', `unix://${sock}`, '--follow', '--last', '1'], {child: (c) => {
    follower = c
    c.stdout!.on('data', (d: Buffer | string) => { seen += String(d) })
  }})
  // Nothing else arrives after the first flow: it must be printed without waiting for more output.
  await eventually(() => seen.split('\n').length === 2, 20_000, 'the last flow')
  assert.match(seen, /to-overlay FORWARDED \(TCP Flags: ACK, PSH\)\n$/)
  appendFileSync(log, sampleLines[8] + '\n')
  await eventually(() => seen.split('\n').length === 3, 20_000, 'the appended flow')
  assert.match(seen.split('\n')[1], /http-request FORWARDED \(HTTP\/1.1 POST http:\/\/orders-api.shop.svc.cluster.local\/api\/v1\/orders\)$/)
  follower!.kill('SIGINT')  // Ctrl-C ends a follow with exit 0
  const r = await run
  assert.equal(r.code, 0, r.stderr)
})

test('the server killed mid-follow: one line, exit 1; no server: one line, exit 1', async (t) => {
  const dir = tempDir(t)
  const sock = join(dir, 'hubble.sock')
  const server = await serve(t, sample, sock)
  // Kill the server once the follower has printed the two flows (no fixed wait: a loaded machine is slow).
  let printed!: Promise<void>
  const following = hubble(['observe', '--server', `unix://${sock}`, '--follow', '--last', '2'], {child: (c) => {
    printed = new Promise((resolve) => {
      let text = ''
      c.stdout?.on('data', (d: Buffer | string) => {
        text += String(d)
        if (text.split('\n').length > 2) resolve()
      })
      c.on('close', () => resolve())
    })
  }})
  await printed
  server.kill('SIGKILL')
  const r = await following
  assert.equal(r.code, 1)
  assert.equal(r.stdout.split('\n').length - 1, 2, 'the two flows before the kill were printed')
  assert.match(r.stderr, /^rpc error: code = Unavailable desc = error reading from server: EOF \(.+\)\n$/)

  const absent = await hubble(['observe', '--server', `unix://${sock}`])
  assert.equal(absent.code, 1)
  assert.match(absent.stderr, new RegExp(`^rpc error: code = Unavailable desc = connection error: desc = "transport: Error while dialing: dial unix ${sock.replace(/[/.]/g, '\\$&')}: connect: (no such file or directory|connection refused)" \\(check that .+\\)\n$`))
})
