// `hubble observe --input-file` against what the real hubble printed (research/peers/observe-cases.md,
// copied to test/fixtures/hubble/observe-cases/<n>.stdout|.stderr with index.json holding the command
// and exit code). Each recorded command `hubble observe ARGS < FILE [| head -N] [| cat -v] [| wc -l]`
// runs as `node bin/hubble.js observe ARGS --input-file FILE` with the same pipeline applied to our
// stdout. The recordings come from v0.11.6 (stdin) and v0.12.3 (--input-file); where the newest CLI
// (v1.19) prints something else (hubble.md §4.10) we follow the newest: the expected text is then
// <n>.v119.stdout|.stderr and the reason is given below.
import assert from 'node:assert/strict'
import {spawn} from 'node:child_process'
import {readFileSync, existsSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {describe, test} from 'node:test'
import {parseFlowJson} from '../../src/hubble/codec/index.js'
import {createHubbleServer} from '../../src/hubble/server/index.js'
import {repoRoot, run, runCli, tempDir, type RunResult} from '../helpers/cli.js'

const fixtures = join(repoRoot, 'test/fixtures/hubble')
const cases = join(fixtures, 'observe-cases')

interface Recorded {title: string; command: string; exit: number}
const index = JSON.parse(readFileSync(join(cases, 'index.json'), 'utf8')) as Record<string, Recorded>

/** Cases that are not about --input-file output, or that need what a test cannot give. */
const notApplicable: Record<number, string> = {
  13: 'a python comparison of two runs', 37: 'needs a TTY', 38: 'needs a TTY', 39: 'needs a TTY', 40: 'needs a TTY',
  149: 'debug log lines of v0.11 (logrus request dump)', 154: 'v0.11 reads stdin when it is not a char device',
  155: 'v0.11 stdin detection', 156: 'agent-events need a server', 157: 'debug-events need a server',
  158: 'v0.11 has no --input-file', 164: 'needs a server', 166: 'cmp of two binaries', 167: 'diff of two binaries',
  168: 'diff of two binaries',
}

/** Where v1.19 prints something else than the recording, and why (expected: <n>.v119.*). */
const newest: Record<number, string> = {
  99: 'the IP is checked with netip: `invalid IP address "x" in filter: ParseAddr("x"): unable to parse IP`',
  110: 'the reserved identities now include world-ipv4, world-ipv6 and 11',
  130: "v1.19's conflict table names --ip before --to-namespace",
  134: 'YAML v3 indents the list items (as v0.12.3 in case 171)',
  135: 'YAML v3 indents the list items', 136: 'YAML v3 indents the list items',
  138: '--input-file honours --last (v0.11 stdin ignored it; v0.12.3 case 160 prints the last 3)',
  139: '--input-file honours --first (v0.12.3 case 161 prints the first 3)',
  144: 'unknown fields are dropped with one warning (as v0.12.3 case 169), lost events are printed (v1.16+), warnings are slog lines',
  145: 'as 144, in jsonpb', 146: 'as 144, and the node status separator goes to stderr with the record',
  147: 'as 144, in table form', 148: 'as 144: 11 lines', 169: 'lost events are printed (v1.16+), warnings are slog lines',
}

/** Splits a recorded shell command into env, argv, input file and pipeline stages. */
function parseCommand(command: string): {env: Record<string, string>; args: string[]; input?: string; stdinFile?: string; pipe: string[]} {
  const [main, ...pipe] = command.split(' | ')
  const words = main.match(/'[^']*'|"[^"]*"|\S+/g)!.map((w) => (/^['"]/.test(w) ? w.slice(1, -1) : w))
  const env: Record<string, string> = {}
  while (/^[A-Z_]+=/.test(words[0])) {
    const [k, v] = words.shift()!.split('=')
    env[k] = v
  }
  words.shift()  // hubble / hubble-0.12.3
  const args: string[] = []
  let input: string | undefined
  let stdinFile: string | undefined
  for (let i = 0; i < words.length; i++) {
    if (words[i] === '<') stdinFile = words[++i]
    else args.push(words[i])
  }
  const at = args.indexOf('--input-file')
  if (at >= 0) input = args[at + 1]
  return {env, args, input, stdinFile, pipe}
}

/** `hubble ARGS` in the fixtures directory, with a clean environment and `stdin` as its whole input. */
function runHubble(args: string[], opts: {env?: Record<string, string>; stdin?: string | Buffer} = {}): Promise<RunResult> {
  return runCli('hubble', args, {cwd: fixtures, input: opts.stdin ?? '',
    env: {PATH: process.env.PATH, HOME: tmpdir(), TZ: 'UTC', TERM: 'xterm', ...opts.env}})
}

function applyPipe(out: string, stages: string[]): string {
  for (const stage of stages) {
    const head = /^head -(\d+)$/.exec(stage)
    if (head) out = out.split(/(?<=\n)/).slice(0, Number(head[1])).join('')
    else if (stage === 'cat -v') out = out.replaceAll('\x1b', '^[')
    else if (stage === 'wc -l') out = `${out.split('\n').length - 1}\n`
    else throw new Error(`unknown pipeline stage ${stage}`)
  }
  return out
}

// Warnings carry the time of the run; compare them without it.
const untimed = (s: string): string => s.replace(/^time=\S+ /gm, 'time=T ')

function expected(n: number, stream: 'stdout' | 'stderr'): string {
  const v119 = join(cases, `${n}.v119.${stream}`)
  const recorded = join(cases, `${n}.${stream}`)
  if (newest[n] !== undefined && existsSync(v119)) return readFileSync(v119, 'utf8')
  return existsSync(recorded) ? readFileSync(recorded, 'utf8') : ''
}

describe('observe-cases.md through --input-file', {concurrency: 8}, () => {
  for (const [key, rec] of Object.entries(index)) {
    const n = Number(key)
    if (notApplicable[n] !== undefined || n >= 150 && n <= 153) continue
    const cmd = parseCommand(rec.command)
    const title = `case ${n}: ${rec.title}${newest[n] ? ` (v1.19: ${newest[n]})` : ''}`
    test(title, async () => {
      let args = cmd.args
      // The recorded round trip (12) pipes one observe into another: run both.
      if (n === 12) {
        const first = await runHubble(['observe', '-o', 'jsonpb', '--input-file', 'sample-flows.jsonl'])
        const second = await runHubble(['observe', '-o', 'compact', '--input-file', '-'], {stdin: first.stdout})
        assert.equal(second.stdout, expected(n, 'stdout'))
        return
      }
      if (cmd.stdinFile && !cmd.input) args = [...args, '--input-file', cmd.stdinFile]
      else if (cmd.stdinFile) args = [...args]
      const stdin = cmd.stdinFile && cmd.input === '-' ? readFileSync(join(fixtures, cmd.stdinFile)) : undefined
      const r = await runHubble(args.slice(0), {env: cmd.env, stdin})
      assert.equal(applyPipe(r.stdout, cmd.pipe), expected(n, 'stdout'), 'stdout')
      assert.equal(untimed(r.stderr), untimed(expected(n, 'stderr')), 'stderr')
      // A pipeline's status is its last stage's; the recorded code of `hubble` alone is checked when there is none.
      if (cmd.pipe.length === 0) assert.equal(r.code, rec.exit, 'exit code')
    })
  }
})

describe('unusual input files (cases 150-153)', () => {
  const sample = readFileSync(join(fixtures, 'sample-flows.jsonl'), 'utf8').split('\n')
  const two = expected(151, 'stdout')

  test('case 150: a line over 64 KiB stops the read with bufio\'s error (exit 1), what came before is printed', async (t) => {
    const dir = tempDir(t)
    const long = JSON.stringify({flow: {Summary: 'x'.repeat(70 * 1024)}})
    writeFileSync(join(dir, 'long.jsonl'), `${sample[0]}\n${long}\n${sample[1]}\n`)
    const r = await runHubble(['observe', '--input-file', join(dir, 'long.jsonl')])
    assert.equal(r.stdout, sample.length > 0 ? two.split('\n')[0] + '\n' : '')
    assert.equal(r.stderr, 'bufio.Scanner: token too long\n')
    assert.equal(r.code, 1)
  })
  test('case 151: the last line needs no newline', async (t) => {
    const dir = tempDir(t)
    writeFileSync(join(dir, 'no-newline.jsonl'), `${sample[0]}\n${sample[1]}`)
    const r = await runHubble(['observe', '--input-file', join(dir, 'no-newline.jsonl')])
    assert.equal(r.stdout, two)
  })
  test('case 152: CRLF line endings', async (t) => {
    const dir = tempDir(t)
    writeFileSync(join(dir, 'crlf.jsonl'), `${sample[0]}\r\n${sample[1]}\r\n`)
    const r = await runHubble(['observe', '--input-file', join(dir, 'crlf.jsonl')])
    assert.equal(r.stdout, expected(152, 'stdout'))
  })
  test('case 153: empty stdin prints nothing', async () => {
    const r = await runHubble(['observe', '--input-file', '-'], {stdin: ''})
    assert.deepEqual(r, {stdout: '', stderr: '', code: 0})
  })
})

test('`observe flows` is `observe` (same flags, same output)', async () => {
  const r = await runHubble(['observe', 'flows', '--input-file', 'sample-flows.jsonl', '--verdict', 'DROPPED'])
  assert.deepEqual(r, {stdout: expected(56, 'stdout'), stderr: '', code: 0})
})

test('a bad CIDR in a filter: one line, exit 1, nothing printed', async () => {
  const r = await runHubble(['observe', '--input-file', 'sample-flows.jsonl', '--to-ip', '10.0.0.0/33'])
  assert.deepEqual(r, {stdout: '', code: 1,
    stderr: 'invalid IP prefix "10.0.0.0/33" in filter: netip.ParsePrefix("10.0.0.0/33"): prefix length out of range\n'})
})

test('a garbage line: the real warning on stderr, the other lines printed, exit 0', async () => {
  const lines = readFileSync(join(fixtures, 'sample-flows.jsonl'), 'utf8').split('\n')
  const r = await runHubble(['observe', '--input-file', '-'], {stdin: `${lines[0]}\nnot json at all\n${lines[1]}\n`})
  assert.equal(r.stdout, expected(151, 'stdout'))
  assert.equal(untimed(r.stderr), 'time=T level=WARN msg="Failed to unmarshal json to flow" error="proto: syntax error (line 1:1): invalid value not" line="not json at all"\n')
  assert.match(r.stderr, /^time=\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z /)
  assert.equal(r.code, 0)
})

test('a bad pattern in a CEL matches() fails before any flow, one line, exit 1', async () => {
  const r = await runHubble(['observe', '--input-file', 'sample-flows.jsonl', '--cel-expression', "_flow.node_name.matches('(')"])
  assert.deepEqual(r, {code: 1, stdout: '', stderr: 'error building CEL program: error parsing regexp: missing closing ): `(`\n'})
})

test('a pattern that backtracks for minutes in JS RegExp: --http-path (a+)+$ on a 40-character path ends at once', async () => {
  const evil = JSON.stringify({flow: {time: '2023-05-10T12:00:00Z', event_type: {type: 129},
    l7: {type: 'REQUEST', http: {method: 'GET', url: `/${'a'.repeat(40)}!`}}}, time: '2023-05-10T12:00:00Z'})
  const r = await runHubble(['observe', '--input-file', '-', '--http-path', '(a+)+$'], {stdin: `${evil}\n`})
  assert.deepEqual(r, {code: 0, stdout: '', stderr: ''})
})

test('--allowlist/--denylist are appended after the filter flags\' FlowFilters (--print-raw-filters)', async () => {
  const r = await runHubble(['observe', '--verdict', 'DROPPED', '--allowlist', '{"source_pod":["a"]}', '--not', '--from-pod', 'x',
    '--denylist', '{"verdict":["FORWARDED"]} {"uuid":["u"]}', '--print-raw-filters'])
  assert.deepEqual(r, {code: 0, stderr: '', stdout: 'allowlist:\n    - \'{"verdict":["DROPPED"]}\'\n    - \'{"source_pod":["a"]}\'\n'
    + 'denylist:\n    - \'{"source_pod":["x"]}\'\n    - \'{"verdict":["FORWARDED"]}\'\n    - \'{"uuid":["u"]}\'\n'})
})

// stdout failures. The real CLI dies of SIGPIPE when `| head` has read enough: silently, and the
// pipeline's status is head's. Ours ends the stream quietly with exit 0; any other write error is
// one line and exit 1.
describe('stdout closed or failing', () => {
  const sample = readFileSync(join(fixtures, 'sample-flows.jsonl'), 'utf8')
  const hubbleJs = join(repoRoot, 'bin', 'hubble.js')

  test('| head -1 on 24,000 flows: head prints one line, hubble exits 0 without a word', async (t) => {
    const file = join(tempDir(t), 'many.jsonl')
    writeFileSync(file, sample.repeat(2000))
    const r = await run('bash', ['-c', `"$0" "$1" observe --input-file "$2" | head -1; exit "\${PIPESTATUS[0]}"`,
      process.execPath, hubbleJs, file], {env: {PATH: process.env.PATH, HOME: tmpdir(), TZ: 'UTC'}})
    assert.deepEqual(r, {code: 0, stderr: '', stdout: expected(151, 'stdout').split('\n')[0] + '\n'})
  })

  test('--follow from a server: the reader closes its end of the pipe, hubble exits 0 without a word', async (t) => {
    const flows = sample.trim().split('\n').map((line) => parseFlowJson(line).response!.flow!)
    const {observer, server} = createHubbleServer({nodeName: 'kind-worker', version: 'test'})
    const address = await server.listen(`unix://${join(tempDir(t), 'hubble.sock')}`)
    t.after(() => server.close())
    const child = spawn(process.execPath, [hubbleJs, 'observe', '--server', address, '--follow'],
      {env: {PATH: process.env.PATH, HOME: tmpdir(), TZ: 'UTC'}, stdio: ['ignore', 'pipe', 'pipe']})
    t.after(() => child.kill('SIGKILL'))
    let stderr = ''
    child.stderr.setEncoding('utf8').on('data', (d: string) => { stderr += d })
    const exited = new Promise<number | null>((resolve) => child.on('close', resolve))
    const firstOutput = new Promise<void>((resolve) => child.stdout.once('data', () => resolve()))
    // A follower gets only new flows: feed until one is printed, close our end of the pipe, and
    // go on feeding (at most ~60 s) until hubble's next write meets the closed pipe and it exits.
    let running = true
    void exited.then(() => { running = false })
    const feeding = (async () => {
      for (let i = 0; running && i < 6000; i++) {
        observer.addFlow(flows[i % flows.length])
        await new Promise((resolve) => setTimeout(resolve, 10))
      }
    })()
    await firstOutput
    child.stdout.destroy()
    assert.equal(await exited, 0)
    await feeding
    assert.equal(stderr, '')
  })

  test('> /dev/full: one line in Go\'s words, exit 1', async () => {
    const r = await run('bash', ['-c', '"$0" "$1" observe --input-file "$2" > /dev/full',
      process.execPath, hubbleJs, join(fixtures, 'sample-flows.jsonl')], {env: {PATH: process.env.PATH, HOME: tmpdir(), TZ: 'UTC'}})
    assert.deepEqual(r, {code: 1, stdout: '', stderr: 'write /dev/stdout: no space left on device\n'})
  })
})
