import assert from 'node:assert/strict'
import {readFileSync} from 'node:fs'
import {join} from 'node:path'
import {test} from 'node:test'
import {repoRoot, run, runCli} from '../helpers/cli.js'

/** The `NAME  description` rows of one section of oclif's help. */
function section(help: string, title: string): Map<string, string> {
  const rows = new Map<string, string>()
  const lines = help.split('\n')
  let i = lines.indexOf(title) + 1
  if (i === 0) return rows
  for (; i < lines.length && lines[i].startsWith('  '); i++) {
    const m = /^ {2}(\S+(?: \S+)*?) {2,}(\S.*)$/.exec(lines[i])
    if (m) rows.set(m[1], m[2])
  }
  return rows
}

test('cilium --help lists the topics and commands with one-line descriptions', async () => {
  const r = await runCli('cilium', ['--help'])
  assert.equal(r.code, 0)
  const topics = section(r.stdout, 'TOPICS')
  for (const t of ['bpf', 'endpoint', 'hubble', 'policy']) assert.ok(topics.get(t), `topic ${t} in\n${r.stdout}`)
  const commands = section(r.stdout, 'COMMANDS')
  for (const c of ['completion', 'install', 'status', 'uninstall']) assert.ok(commands.get(c), `command ${c} in\n${r.stdout}`)
})

test('hubble --help shows the hubble commands as top-level ones', async () => {
  const r = await runCli('hubble', ['--help'])
  assert.equal(r.code, 0)
  assert.match(r.stdout, /^Hubble is a utility to observe and inspect recent Cilium routed traffic in a cluster\./)
  assert.match(r.stdout, /\$ hubble \[COMMAND\]/)
  assert.equal(section(r.stdout, 'TOPICS').get('config'), 'Modify or view hubble config')
  assert.equal(section(r.stdout, 'TOPICS').get('list'), 'List Hubble objects')
  for (const c of ['completion', 'observe', 'status']) assert.ok(section(r.stdout, 'COMMANDS').get(c), c)
})

test('cilium hubble --help lists the same commands under the hubble topic', async () => {
  const r = await runCli('cilium', ['hubble', '--help'])
  assert.equal(r.code, 0)
  assert.equal(section(r.stdout, 'TOPICS').get('hubble config'), 'Modify or view hubble config')
  assert.ok(section(r.stdout, 'COMMANDS').get('hubble observe'))
})

test('every command has a summary and examples, in both bins', () => {
  for (const manifest of ['oclif.manifest.json', 'hubble-root/oclif.manifest.json']) {
    const {commands} = JSON.parse(readFileSync(join(repoRoot, manifest), 'utf8')) as
      {commands: Record<string, {summary?: string; examples?: string[]; hidden?: boolean}>}
    assert.ok(Object.keys(commands).length > 5, manifest)
    for (const [id, c] of Object.entries(commands)) {
      if (c.hidden) continue
      assert.ok(c.summary, `${manifest}: ${id} has a summary`)
      assert.ok((c.examples ?? []).length > 0, `${manifest}: ${id} has examples`)
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

test('a command help shows its examples with the bin it was called by', async () => {
  const viaHubble = await runCli('hubble', ['config', 'set', '--help'])
  assert.match(viaHubble.stdout, /^EXAMPLES\n {2}\$ hubble config set server localhost:4245$/m)
  const viaCilium = await runCli('cilium', ['hubble', 'config', 'set', '--help'])
  assert.match(viaCilium.stdout, /^ {2}\$ cilium hubble config set server localhost:4245$/m)
})

test('unknown commands and flags are usage errors with cobra\'s first line: exit 2 (cilium) or 1 (hubble, as the real one)', async () => {
  const flag = await runCli('cilium', ['hubble', 'config', 'view', '--bogus'])
  assert.deepEqual([flag.code, flag.stderr], [2, 'Error: unknown flag: --bogus\n'])
  const short = await runCli('hubble', ['observe', '-Q'])
  assert.deepEqual([short.code, short.stderr], [1, 'unknown shorthand flag: \'Q\' in -Q\n'])
  const top = await runCli('hubble', ['frobnicate'])
  assert.deepEqual([top.code, top.stderr], [1, 'unknown command "frobnicate" for "hubble"\n'])
  const cilium = await runCli('cilium', ['frobnicate'])
  assert.deepEqual([cilium.code, cilium.stderr], [2, 'Error: unknown command "frobnicate" for "cilium"\n'])
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
