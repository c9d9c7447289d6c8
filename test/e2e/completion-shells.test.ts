// Drives the real shells with the scripts the built CLI prints: bash through its
// completion function with COMP_WORDS/COMP_CWORD set, zsh through its function with
// words/CURRENT set (compadd stubbed to print what zsh would offer), fish through
// `complete -C`. PowerShell is not installable here: see test/unit/completion.test.ts.
import assert from 'node:assert/strict'
import {mkdirSync, writeFileSync} from 'node:fs'
import {join} from 'node:path'
import {test, type TestContext} from 'node:test'
import {startApiServer} from '../../src/agent/api-server.js'
import {createAgentState, createEndpoint} from '../../src/agent/rest/state.js'
import {binDir, run, tempDir} from '../helpers/cli.js'

async function shellEnv(t: TestContext): Promise<NodeJS.ProcessEnv> {
  return {...process.env, PATH: `${binDir(t)}:${process.env.PATH}`, XDG_CONFIG_HOME: tempDir(t)}
}

function sh(words: string[]): string {
  return words.map((w) => `'${w}'`).join(' ')
}

async function bashComplete(t: TestContext, words: string[], env?: NodeJS.ProcessEnv): Promise<string[]> {
  const bin = words[0]
  const script = `source <(${bin} completion bash) || exit 3
complete -p ${bin} | grep -q -- '-F __ck_${bin}_complete' || exit 4
COMP_WORDS=(${sh(words)}); COMP_CWORD=${words.length - 1}
__ck_${bin}_complete; printf '%s\\n' "\${COMPREPLY[@]}"`
  const r = await run('bash', ['-c', script], {env: env ?? await shellEnv(t)})
  assert.equal(r.code, 0, r.stderr)
  return r.stdout.split('\n').filter(Boolean)
}

async function zshComplete(t: TestContext, words: string[], env?: NodeJS.ProcessEnv): Promise<string[]> {
  const bin = words[0]
  // compadd offers its words that match the prefix typed so far ($PREFIX); this stub does the same.
  const script = `compdef() { :; }
compadd() { while [[ $1 != -- ]]; do shift; done; shift; print -l -- \${(M)@:#\${PREFIX}*}; }
source <(${bin} completion zsh) || exit 3
words=(${sh(words)}); CURRENT=${words.length}; PREFIX=\${words[CURRENT]}
__ck_${bin}_complete`
  const r = await run('zsh', ['-f', '-c', script], {env: env ?? await shellEnv(t)})
  assert.equal(r.code, 0, r.stderr)
  return r.stdout.split('\n').filter(Boolean)
}

async function fishComplete(t: TestContext, line: string, env?: NodeJS.ProcessEnv): Promise<string[]> {
  const bin = line.split(' ')[0]
  const r = await run('fish', ['--no-config', '-c', `${bin} completion fish | source; complete -C ${JSON.stringify(line)}`],
    {env: env ?? await shellEnv(t)})
  assert.equal(r.code, 0, r.stderr)
  return r.stdout.split('\n').filter(Boolean).map((l) => l.split('\t')[0])
}

// bash replaces only the text after the last '=' or ':' of a word, so its replies start there.
const cases: Array<{what: string; words: string[]; want: string[]; bashWant?: string[]}> = [
  {what: 'a command', words: ['hubble', 'con'], want: ['config']},
  {what: 'a subcommand', words: ['cilium', 'hubble', 'config', 'v'], want: ['view']},
  {what: 'a flag', words: ['hubble', 'config', 'view', '--con'], want: ['--config']},
  {what: 'an enumerated argument value', words: ['hubble', 'completion', 'f'], want: ['fish']},
  {what: 'config keys', words: ['hubble', 'config', 'get', 'tls-s'], want: ['tls-server-name']},
  {what: 'an enumerated flag value', words: ['cilium', 'bpf', 'map', 'list', '-o', 'y'], want: ['yaml']},
  {what: 'an observe flag', words: ['hubble', 'observe', '--verd'], want: ['--verdict']},
  {what: 'a --verdict value', words: ['hubble', 'observe', '--verdict', 'DR'], want: ['DROPPED']},
  {what: 'a --type value with a colon', words: ['hubble', 'observe', '--type', 'trace:to-e'], want: ['trace:to-endpoint'],
    bashWant: ['to-endpoint']},
  {what: 'a --protocol value after another filter', words: ['cilium', 'hubble', 'observe', '--pod', 'x', '--protocol', 'ic'],
    want: ['icmp', 'icmpv4', 'icmpv6']},
  {what: 'an enumerated --flag=value', words: ['cilium', 'bpf', 'map', 'list', '--color=n'], want: ['--color=never'], bashWant: ['never']},
]

for (const c of cases) {
  test(`bash completes ${c.what}: ${c.words.join(' ')}`, async (t) => {
    assert.deepEqual(await bashComplete(t, c.words), c.bashWant ?? c.want)
  })
  test(`zsh completes ${c.what}: ${c.words.join(' ')}`, async (t) => {
    assert.deepEqual(await zshComplete(t, c.words), c.want)
  })
  test(`fish completes ${c.what}: ${c.words.join(' ')}`, async (t) => {
    assert.deepEqual(await fishComplete(t, c.words.join(' ')), c.want)
  })
}

test('dynamic values come from __complete: pinned map names under CILIUM_BPFFS', async (t) => {
  const bpffs = tempDir(t)
  mkdirSync(join(bpffs, 'tc', 'globals'), {recursive: true})
  for (const name of ['cilium_ipcache_v2', 'cilium_lxc', 'cilium_policy_v2_00042']) writeFileSync(join(bpffs, 'tc', 'globals', name), '')
  const env = {...await shellEnv(t), CILIUM_BPFFS: bpffs}
  const want = ['cilium_ipcache_v2']
  assert.deepEqual(await bashComplete(t, ['cilium', 'bpf', 'map', 'get', 'cilium_ip'], env), want)
  assert.deepEqual(await zshComplete(t, ['cilium', 'bpf', 'map', 'get', 'cilium_ip'], env), want)
  assert.deepEqual(await fishComplete(t, 'cilium bpf map get cilium_ip', env), want)
})

test('dynamic values come from __complete: endpoint IDs from the agent API (CILIUM_SOCK)', async (t) => {
  const socket = join(tempDir(t), 'cilium.sock')
  const state = createAgentState()
  for (const id of [101, 102, 2301]) createEndpoint(state, id, {state: 'ready', labels: [`k8s:app=a${id}`]})
  const server = await startApiServer({state}, socket)
  t.after(() => server.close())
  const env = {...await shellEnv(t), CILIUM_SOCK: socket}
  const want = ['101', '102']
  assert.deepEqual(await bashComplete(t, ['cilium', 'endpoint', 'get', '10'], env), want)
  assert.deepEqual(await zshComplete(t, ['cilium', 'endpoint', 'get', '10'], env), want)
  assert.deepEqual(await fishComplete(t, 'cilium endpoint get 10', env), want)
  // No agent: no candidates, and the TAB still returns promptly.
  assert.deepEqual(await bashComplete(t, ['cilium', 'endpoint', 'get', ''], {...env, CILIUM_SOCK: join(tempDir(t), 'none.sock')}), [])
})
