// `hubble observe` against our Hubble server over a real unix socket: the server holds the 12
// flows of sample-flows.jsonl, the built CLI asks for them, and what it prints must be what the real
// hubble printed for the same flows (observe-cases.md). Filters travel in the request and run in
// the server; a bad filter comes back as the server's bare message; Ctrl-C ends --follow with 0.
import assert from 'node:assert/strict'
import {spawn} from 'node:child_process'
import {mkdtempSync, readFileSync, rmSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {after, before, test} from 'node:test'
import {parseFlowJson} from '../../src/hubble/codec/index.js'
import type {flow} from '../../src/hubble/proto/index.js'
import {createHubbleServer, type FlowObserver, type HubbleServer} from '../../src/hubble/server/index.js'

const root = new URL('../../../', import.meta.url).pathname
const fixtures = join(root, 'test/fixtures/hubble')
const bin = join(root, 'bin/hubble.js')
const golden = (n: number): string => readFileSync(join(fixtures, 'observe-cases', `${n}.stdout`), 'utf8')
const flows: flow.IFlow[] = readFileSync(join(fixtures, 'sample-flows.jsonl'), 'utf8').trim().split('\n')
  .map((line) => parseFlowJson(line).response!.flow!)

let dir: string
let observer: FlowObserver
let server: HubbleServer
let address: string

before(async () => {
  dir = mkdtempSync(join(tmpdir(), 'ck-observe-server-'))
  ;({observer, server} = createHubbleServer({nodeName: 'kind-worker', version: 'test'}))
  for (const f of flows) observer.addFlow(f)
  address = await server.listen(`unix://${join(dir, 'hubble.sock')}`)
})
after(async () => {
  await server.close()
  rmSync(dir, {recursive: true, force: true})
})

function hubble(args: string[]): Promise<{stdout: string; stderr: string; code: number | null}> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [bin, 'observe', '--server', address, ...args],
      {env: {PATH: process.env.PATH, HOME: dir, TZ: 'UTC'}, stdio: ['ignore', 'pipe', 'pipe']})
    let stdout = '', stderr = ''
    child.stdout.setEncoding('utf8').on('data', (d: string) => { stdout += d })
    child.stderr.setEncoding('utf8').on('data', (d: string) => { stderr += d })
    child.on('error', reject)
    child.on('close', (code) => resolve({stdout, stderr, code}))
  })
}

const cases: Array<[args: string[], recorded: number]> = [
  [[], 1],                                        // the last 20 of 12 flows: all of them
  [['-o', 'dict'], 3],
  [['-o', 'table'], 4],
  [['-o', 'jsonpb'], 7],
  [['--verdict', 'DROPPED'], 56],
  [['--from-pod', 'default/frontend'], 59],
  [['--not', '--namespace', 'default'], 122],
  [['--http-path', '^/api/v1/items$'], 49],
  [['--ip', '10.244.2.20'], 95],
  [['--type', 'trace:to-stack', '--type', 'drop'], 91],
]
for (const [args, recorded] of cases) {
  test(`observe --server ${args.join(' ')} prints what hubble printed (case ${recorded})`, async () => {
    const r = await hubble(args)
    assert.equal(r.stderr, '')
    assert.equal(r.stdout, golden(recorded))
    assert.equal(r.code, 0)
  })
}

test('--last 3 and --first 3 select in the server', async () => {
  assert.equal((await hubble(['--last', '3'])).stdout, golden(160))
  assert.equal((await hubble(['--first', '3'])).stdout, golden(161))
})

test('a bad filter value comes back as the server\'s bare message, exit 1', async () => {
  const r = await hubble(['--http-path', '('])
  assert.equal(r.stdout, '')
  assert.equal(r.stderr, 'invalid http path filter: (: error parsing regexp: missing closing ): `(`\n')
  assert.equal(r.code, 1)
})

test('no server: one line with the gRPC status, exit 1', async () => {
  const child = spawn(process.execPath, [bin, 'observe', '--server', `unix://${join(dir, 'nothing.sock')}`],
    {env: {PATH: process.env.PATH, HOME: dir}, stdio: ['ignore', 'pipe', 'pipe']})
  let stderr = ''
  child.stderr.setEncoding('utf8').on('data', (d: string) => { stderr += d })
  const code = await new Promise((resolve) => child.on('close', resolve))
  assert.equal(code, 1)
  assert.match(stderr, /^rpc error: code = Unavailable desc = .*\n$/)
})

test('--follow prints new flows as they come and Ctrl-C ends it with exit 0', async () => {
  const child = spawn(process.execPath, [bin, 'observe', '--server', address, '--follow', '--verdict', 'DROPPED'],
    {env: {PATH: process.env.PATH, HOME: dir, TZ: 'UTC'}, stdio: ['ignore', 'pipe', 'pipe']})
  let stdout = ''
  const firstLine = new Promise<void>((resolve) => {
    child.stdout.setEncoding('utf8').on('data', (d: string) => {
      stdout += d
      if (stdout.includes('\n')) resolve()
    })
  })
  const closed = new Promise<number | null>((resolve) => child.on('close', resolve))
  // A follower gets only new flows; feed until the first one is printed (the stream may start late).
  const feeder = setInterval(() => observer.addFlow(flows[4]), 100)
  await firstLine
  clearInterval(feeder)
  child.kill('SIGINT')
  assert.equal(await closed, 0)
  assert.match(stdout, /^May 10 12:00:04\.000: 203\.0\.113\.7:51515 \(world\) -> default\/backend-5f6d4c9b8-qw7rt:8080 \(ID:31950\) Policy denied DROPPED \(TCP Flags: SYN\)\n/)
})
