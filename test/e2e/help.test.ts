import assert from 'node:assert/strict'
import {readFileSync} from 'node:fs'
import {join} from 'node:path'
import {test} from 'node:test'
import {repoRoot, run, runCli} from '../helpers/cli.js'

// The real hubble's --help pages, recorded (/work/shared/research/peers/README.md: v0.11.6 unless named).
const peers = join(repoRoot, 'test', 'fixtures', 'peers')
const recorded = (name: string) => readFileSync(join(peers, `help-${name}.txt`), 'utf8')
/** The section titles of a cobra page (`Usage:`, `Server Flags:`, ...), in order. */
const titles = (page: string) => page.split('\n').filter((l) => /^[A-Z][\w -]*:$/.test(l))

// The real hubble's pages (v0.11.6, peers/README.md) where our command and flags are the same.
const identical: Array<[string, string[]]> = [
  ['config', ['config']], ['config-get', ['config', 'get']], ['config-set', ['config', 'set']],
  ['config-reset', ['config', 'reset']], ['config-view', ['config', 'view']], ['version', ['version']],
]

test('hubble <cmd> --help is byte for byte the real hubble\'s where the command and its flags are the same', async () => {
  for (const [file, args] of identical) {
    const r = await runCli('hubble', [...args, '--help'])
    assert.equal(r.code, 0, r.stderr)
    assert.equal(r.stdout, recorded(file), `hubble ${args.join(' ')} --help`)
  }
})

test('hubble --help is the real v0.12.3 root page plus our `serve` command', async () => {
  const r = await runCli('hubble', ['--help'])
  assert.equal(r.code, 0, r.stderr)
  const expected = recorded('root-v0.12.3').replace('\n  status ', '\n  serve       Serve a saved flow log over the Hubble API\n  status ')
  assert.equal(r.stdout, expected)
})

test('hubble pages where we are newer than the recordings keep the real sections in the real order', async () => {
  // Newer hubble adds flags (--basic-auth-*, --request-timeout, filters) and `list namespaces`;
  // the recordings' TLS texts carry a "\r" before each line break, which ours leave out
  // (the text also feeds shell completion descriptions). The layout is the same.
  for (const [file, args] of [['status', ['status']], ['list', ['list']], ['list-nodes', ['list', 'nodes']],
    ['observe-agent-events', ['observe', 'agent-events']], ['observe-debug-events', ['observe', 'debug-events']]] as const) {
    const r = await runCli('hubble', [...args, '--help'])
    assert.equal(r.code, 0, r.stderr)
    // Our agent-events and debug-events take no --print-raw-filters/--silent-errors (the real
    // ones accept and ignore them): no Other Flags section.
    const expected = titles(recorded(file)).filter((t) => !(file.startsWith('observe-') && t === 'Other Flags:'))
    assert.deepEqual(titles(r.stdout), expected, `hubble ${args.join(' ')} --help`)
    assert.equal(r.stdout.split('\n')[0], recorded(file).split('\n')[0], `hubble ${args.join(' ')} --help: first line`)
  }
})

test('hubble observe flows --help: the real v0.12.3 page\'s sections, and its flag lines where the flag is unchanged', async () => {
  const r = await runCli('hubble', ['observe', 'flows', '--help'])
  assert.equal(r.code, 0, r.stderr)
  const real = recorded('observe-flows-v0.12.3')
  assert.deepEqual(titles(r.stdout), titles(real))
  // Padding depends on the longest flag of a section (we have newer flags): compare with spaces collapsed.
  const flagLines = (page: string) => new Map(page.split('\n').filter((l) => /^ {2}(-\w, | {4})--\S/.test(l))
    .map((l) => [/--([\w-]+)/.exec(l)?.[1] ?? '', l.replaceAll(/ +/g, ' ')]))
  const ours = flagLines(r.stdout)
  // Changed since v0.12.3 (newest hubble's texts): --ip says "originating or terminating", --server names
  // --port-forward, the experimental field-mask flags lost their prefix (--field-mask, --use-default-field-masks).
  const changed = new Set(['ip', 'server', 'experimental-field-mask', 'experimental-use-default-field-masks'])
  for (const [name, line] of flagLines(real)) {
    if (changed.has(name)) continue
    assert.equal(ours.get(name), line, `--${name}`)
  }
  assert.ok(ours.size >= 90, `${ours.size} flags`)
})

test('`help X`, `X -h`, `X --help` and `cilium hubble X --help` print the same cobra page', async () => {
  const page = (await runCli('hubble', ['config', 'get', '--help'])).stdout
  assert.equal((await runCli('hubble', ['help', 'config', 'get'])).stdout, page)
  assert.equal((await runCli('hubble', ['config', 'get', '-h'])).stdout, page)
  const viaCilium = await runCli('cilium', ['hubble', 'config', 'get', '--help'])
  assert.equal(viaCilium.stdout, page.replaceAll('hubble config get', 'cilium hubble config get'))
  assert.equal((await runCli('hubble', ['help'])).stdout, (await runCli('hubble', [])).stdout)
  // `cilium hubble X` is `hubble X`, groups (their long text, flag sets, aliases left out) included.
  for (const args of [['config'], ['list'], ['observe'], ['observe', 'flows']]) {
    const viaHubble = await runCli('hubble', [...args, '--help'])
    const viaCiliumHubble = await runCli('cilium', ['hubble', ...args, '--help'])
    const paths = (page: string) => page.replaceAll('cilium hubble', 'hubble')
    assert.equal(paths(viaCiliumHubble.stdout), paths(viaHubble.stdout), args.join(' '))
  }
  // A group without a Run prints its help page, as `--help` does.
  assert.equal((await runCli('hubble', ['list'])).stdout, (await runCli('hubble', ['list', '--help'])).stdout)
  // cobra's help command for a topic it cannot find: the %#q line and the root's usage, on stderr, exit 0.
  const unknown = await runCli('hubble', ['help', 'foo', 'bar'])
  assert.equal(unknown.code, 0)
  assert.equal(unknown.stdout, '')
  const root = (await runCli('hubble', ['--help'])).stdout
  assert.equal(unknown.stderr, `Unknown help topic [\`foo\` \`bar\`]\n${root.slice(root.indexOf('Usage:'))}`)
})

test('cilium --help and a cilium command page follow cobra\'s default template', async () => {
  const root = await runCli('cilium', ['--help'])
  assert.equal(root.code, 0, root.stderr)
  assert.match(root.stdout, /\n\nUsage:\n {2}cilium \[command\]\n\nAvailable Commands:\n/)
  assert.match(root.stdout, /\n {2}bpf {9}\S/)
  assert.match(root.stdout, /\n {2}help {8}Help about any command\n/)
  assert.match(root.stdout, /\n\nFlags:\n {2}-D, --debug {3}Enable debug messages\n {2}-h, --help {4}help for cilium\n/)
  assert.match(root.stdout, /\n\nUse "cilium \[command\] --help" for more information about a command\.\n$/)
  const leaf = await runCli('cilium', ['bpf', 'policy', 'get', '--help'])
  assert.equal(leaf.code, 0, leaf.stderr)
  assert.deepEqual(titles(leaf.stdout).filter((t) => t !== 'Examples:'), ['Usage:', 'Flags:', 'Global Flags:'])
  assert.match(leaf.stdout, /\n {2}-h, --help +help for get\n/)
  assert.doesNotMatch(leaf.stdout, /Use "/)
})

test('every command has a summary, in both bins', () => {
  for (const manifest of ['oclif.manifest.json', 'hubble-root/oclif.manifest.json']) {
    const {commands} = JSON.parse(readFileSync(join(repoRoot, manifest), 'utf8')) as
      {commands: Record<string, {summary?: string; hidden?: boolean}>}
    assert.ok(Object.keys(commands).length > 5, manifest)
    for (const [id, c] of Object.entries(commands)) {
      if (c.hidden) continue
      assert.ok(c.summary, `${manifest}: ${id} has a summary`)
    }
  }
})

test('every topic (a command id prefix) has its own description, in both roots', () => {
  for (const dir of ['.', 'hubble-root']) {
    const {commands} = JSON.parse(readFileSync(join(repoRoot, dir, 'oclif.manifest.json'), 'utf8')) as {commands: Record<string, unknown>}
    const {oclif} = JSON.parse(readFileSync(join(repoRoot, dir, 'package.json'), 'utf8')) as
      {oclif: {topics: Record<string, {description?: string}>}}
    const topics = new Set(Object.keys(commands).flatMap((id) => id.split(':').slice(0, -1).map((_, i, a) => a.slice(0, i + 1).join(':'))))
    for (const topic of topics) assert.ok(oclif.topics[topic]?.description, `${dir}/package.json: oclif.topics["${topic}"] describes the topic`)
  }
})

test('unknown commands and flags are usage errors with cobra\'s first line: exit 2 (cilium) or 1 (hubble, as the real one)', async () => {
  const flag = await runCli('cilium', ['hubble', 'config', 'view', '--bogus'])
  assert.deepEqual([flag.code, flag.stderr], [2, 'Error: unknown flag: --bogus\n'])
  const short = await runCli('hubble', ['observe', '-Q'])
  assert.deepEqual([short.code, short.stderr], [1, 'unknown shorthand flag: \'Q\' in -Q\n'])
  const top = await runCli('hubble', ['frobnicate'])
  assert.deepEqual([top.code, top.stderr], [1, 'unknown command "frobnicate" for "hubble"\n'])
  // cilium-dbg lets cobra print its "Run ... for usage." line after the error (hubble silences it).
  const cilium = await runCli('cilium', ['frobnicate'])
  assert.deepEqual([cilium.code, cilium.stderr], [2, 'Error: unknown command "frobnicate" for "cilium"\nRun \'cilium --help\' for usage.\n'])
})

test('an unknown command close to a real one gets cobra\'s "Did you mean this?" suggestions', async () => {
  const hubble = await runCli('hubble', ['obsrve'])
  assert.deepEqual([hubble.code, hubble.stdout, hubble.stderr], [1, '', 'unknown command "obsrve" for "hubble"\n\nDid you mean this?\n\tobserve\n\n'])
  const cilium = await runCli('cilium', ['stauts'])
  assert.deepEqual([cilium.code, cilium.stdout, cilium.stderr],
    [2, '', 'Error: unknown command "stauts" for "cilium"\n\nDid you mean this?\n\tstatus\n\nRun \'cilium --help\' for usage.\n'])
})

test('an unknown subcommand of a group prints the group\'s help, exit 0, as cobra does below the root', async () => {
  for (const [bin, group] of [['hubble', ['list']], ['cilium', ['bpf']], ['cilium', ['bpf', 'policy']], ['cilium', ['hubble', 'list']]] as const) {
    const alone = await runCli(bin, group)
    assert.equal(alone.code, 0, alone.stderr)
    assert.match(alone.stdout, /\S/)
    const unknown = await runCli(bin, [...group, 'frobnicate', 'x'])
    assert.deepEqual(unknown, alone, `${bin} ${group.join(' ')} frobnicate x`)
  }
})

test('version: `hubble version` and `--version` as the real hubble prints them', async () => {
  const {version} = JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8')) as {version: string}
  const long = await runCli('hubble', ['version'])
  assert.equal(long.code, 0, long.stderr)
  assert.match(long.stdout, new RegExp(`^hubble v${version.replaceAll('.', '\\.')}(@[\\w./-]+-[0-9a-f]+)? compiled with node v\\d+\\.\\d+\\.\\d+ on linux/\\w+\\n$`))
  assert.equal((await runCli('cilium', ['hubble', 'version'])).stdout, long.stdout)
  assert.equal((await runCli('hubble', ['--version'])).stdout, `hubble v${version}\n`)
})

test('the README command reference matches the manifests', async () => {
  const r = await run(process.execPath, [join(repoRoot, 'scripts', 'readme-commands.js'), '--check'])
  assert.equal(r.code, 0, r.stderr)
})
