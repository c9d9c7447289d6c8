import assert from 'node:assert/strict'
import {readFileSync, writeFileSync} from 'node:fs'
import {test} from 'node:test'
import {completeWords, formatAnswer} from '../../src/completion/candidates.js'
import {completionTables} from '../../src/completion/model.js'
import {completionScript} from '../../src/completion/scripts.js'
import {fixtureModel} from '../helpers/completion.js'

const model = fixtureModel()
const values = (words: string[]) => completeWords(model, words).candidates.map((c) => c.value)

test('model: topics and commands become a tree; hidden commands and flags are left out', () => {
  assert.deepEqual([...model.root.children.keys()].sort(), ['bpf', 'config', 'observe'])
  assert.equal(model.root.children.get('config')!.summary, 'Modify or view hubble config')
  const observe = model.root.children.get('observe')!
  assert.deepEqual(observe.flags.flatMap((f) => f.names),
    ['--output', '-o', '--verdict', '--type', '-t', '--follow', '-f', '--input-file', '--pod', '--debug', '-D', '--help'])
})

test('tables: value flags are keyed by every name, booleans are absent', () => {
  const t = completionTables(model)
  const fval = new Map(t.fval)
  assert.equal(fval.get('hubble observe -o'), 'compact dict json jsonpb table')
  assert.equal(fval.get('hubble observe --input-file'), '@files')
  assert.equal(fval.get('hubble observe --pod'), '')
  assert.equal(fval.has('hubble observe --follow'), false)
  assert.equal(new Map(t.args).get('hubble bpf map get 0'), '@dynamic')
  assert.ok(new Map(t.args).get('hubble config get 0')!.split(' ').includes('tls-server-name'))
})

test('candidates: commands, flags, enumerated values, --flag=value, config keys', () => {
  assert.deepEqual(values(['']), ['bpf', 'config', 'observe'])
  assert.deepEqual(values(['observe', '--verd']), ['--verdict'])
  assert.deepEqual(values(['observe', '--verdict', '']), ['FORWARDED', 'DROPPED', 'AUDIT'])
  assert.deepEqual(values(['observe', '-o', 'j']), ['json', 'jsonpb'])
  assert.deepEqual(values(['observe', '--output=js']), ['--output=json', '--output=jsonpb'])
  assert.deepEqual(values(['observe', '--follow', '--type', 'trace:']), ['trace:to-endpoint'])
  assert.deepEqual(values(['config', 'get', 'tls-c']), ['tls-ca-cert-files', 'tls-client-cert-file', 'tls-client-key-file'])
  // A value flag swallows the next word: `json` is not taken for a subcommand or argument.
  assert.deepEqual(values(['observe', '-o', 'json', '--fol']), ['--follow'])
})

test('candidates: dynamic sources are named, cobra output format', () => {
  const answer = completeWords(model, ['bpf', 'map', 'get', ''])
  assert.equal(answer.dynamic, 'maps')
  assert.equal(formatAnswer(completeWords(model, ['config', ''])), 'get\tGet an individual value in the hubble config file\n:4\n')
})

test('scripts refuse words that could break out of their quotes', () => {
  const bad = fixtureModel()
  bad.root.children.get('observe')!.flags[0].values = {kind: 'list', values: ["x'; rm -rf /"]}
  assert.throws(() => completionScript('bash', bad), /unsafe word/)
})

// PowerShell cannot be installed here: check the script's structure, then compare it with a golden file.
test('powershell script: structure and golden file', () => {
  const script = completionScript('powershell', model)
  assert.match(script, /^Register-ArgumentCompleter -Native -CommandName 'hubble' -ScriptBlock \{$/m)
  assert.match(script, /^\$global:__ckHubble_fval\['hubble observe --verdict'\] = 'FORWARDED DROPPED AUDIT'$/m)
  assert.match(script, /^\$global:__ckHubble_sub\['hubble'\] = 'bpf config observe'$/m)
  for (const [open, close] of [['{', '}'], ['(', ')'], ['[', ']']]) {
    assert.equal(script.split(open).length, script.split(close).length, `balanced ${open}${close}`)
  }
  assert.equal((script.match(/'/g) ?? []).length % 2, 0, 'balanced single quotes')
  const golden = new URL('../../../test/fixtures/completion/hubble.ps1', import.meta.url)
  if (process.env.UPDATE_GOLDEN) writeFileSync(golden, script)
  assert.equal(script, readFileSync(golden, 'utf8'))
})
