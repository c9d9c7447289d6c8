import assert from 'node:assert/strict'
import {test} from 'node:test'
import {parseErrorLine} from '../../src/cli/base-command.js'
import {suggestionsText, unknownCommand} from '../../src/cli/main.js'
import {ciliumVersionString, goPlatform, hubbleVersionLine, parseCiliumVersion} from '../../src/lib/version.js'

test('goPlatform names the architecture as Go does', () => {
  assert.equal(goPlatform('linux', 'x64'), 'linux/amd64')
  assert.equal(goPlatform('linux', 'arm64'), 'linux/arm64')
  assert.equal(goPlatform('darwin', 'riscv64'), 'darwin/riscv64')
})

test('hubbleVersionLine has the real shape: name, v-prefixed version[@branch-commit], runtime, platform', () => {
  assert.match(hubbleVersionLine('1.2.3', {}, 'v22.1.0'), /^hubble v1\.2\.3 compiled with node v22\.1\.0 on \w+\/\w+$/)
  assert.match(hubbleVersionLine('1.2.3', {revision: 'abc1234', branch: 'main'}, 'v22.1.0'),
    /^hubble v1\.2\.3@main-abc1234 compiled with node v22\.1\.0 on \w+\/\w+$/)
})

test('the cilium version string has the seven fields Cilium\'s FromString splits, and parses back', () => {
  const text = ciliumVersionString({revision: 'abc1234', authorDate: '2026-11-24T00:00:00+00:00'}, '0.1.0', 'v20.20.2')
  assert.equal(text.split(' ').length, 7)
  assert.deepEqual(parseCiliumVersion(text), {Version: '0.1.0', Revision: 'abc1234', GoRuntimeVersion: 'v20.20.2',
    Arch: goPlatform(), AuthorDate: '2026-11-24T00:00:00+00:00'})
  // A real agent's string parses the same way; anything else gives empty fields, as in Go.
  assert.equal(parseCiliumVersion('1.16.0 82999990 2024-07-23T22:20:21-07:00 go version go1.22.5 linux/amd64').GoRuntimeVersion, 'go1.22.5')
  assert.deepEqual(parseCiliumVersion('garbage'), {Version: '', Revision: '', GoRuntimeVersion: '', Arch: '', AuthorDate: ''})
})

test('unknownCommand: an unknown word at the root is an error; below a group, the group runs (cobra\'s legacyArgs)', () => {
  const topics = new Set(['bpf', 'bpf:policy', 'list'])
  const isTopic = (id: string) => topics.has(id)
  const roots = ['bpf', 'list']
  // cilium-dbg lets cobra print the error and its "Run ... for usage." line; hubble silences cobra and prints the error alone.
  assert.deepEqual(unknownCommand('cilium', ['foo', 'bar'], isTopic, roots), {stderr: 'Error: unknown command "foo" for "cilium"\nRun \'cilium --help\' for usage.\n'})
  assert.deepEqual(unknownCommand('hubble', ['foo'], isTopic, roots), {stderr: 'unknown command "foo" for "hubble"\n'})
  assert.deepEqual(unknownCommand('cilium', ['bpf', 'policy', 'x', 'y'], isTopic, roots), {group: ['bpf', 'policy']})
  assert.deepEqual(unknownCommand('cilium', ['bpf', 'x'], isTopic, roots), {group: ['bpf']})
  assert.deepEqual(unknownCommand('hubble', ['list', 'foo'], isTopic, roots), {group: ['list']})
})

test('unknownCommand at the root suggests close commands as cobra\'s findSuggestions does', () => {
  const isTopic = () => false
  const hubble = ['config', 'list', 'observe', 'status', 'version', 'completion']
  assert.deepEqual(unknownCommand('hubble', ['obsrve'], isTopic, hubble),
    {stderr: 'unknown command "obsrve" for "hubble"\n\nDid you mean this?\n\tobserve\n\n'})
  assert.deepEqual(unknownCommand('cilium', ['stats'], isTopic, ['bpf', 'status', 'version']),
    {stderr: 'Error: unknown command "stats" for "cilium"\n\nDid you mean this?\n\tstatus\n\nRun \'cilium --help\' for usage.\n'})
  // A prefix (any length) and case-insensitive distance both count; the given order is kept.
  assert.equal(suggestionsText('co', hubble), '\n\nDid you mean this?\n\tconfig\n\tcompletion\n')
  assert.equal(suggestionsText('VERSOIN', hubble), '\n\nDid you mean this?\n\tversion\n')
  // Distance 3 is too far.
  assert.equal(suggestionsText('xyzerve', hubble), '')
})

test('parseErrorLine speaks cobra for unknown flags and keeps other parse errors\' first line', () => {
  const nonexistent = (flags: string[]) => Object.assign(new Error(`Nonexistent flag: ${flags.join(', ')}\nSee more help`), {flags})
  assert.equal(parseErrorLine(nonexistent(['--bogus', '--other'])), 'unknown flag: --bogus')
  assert.equal(parseErrorLine(nonexistent(['-Q'])), 'unknown shorthand flag: \'Q\' in -Q')
  assert.equal(parseErrorLine(new Error('Expected --output=x to be one of: json, yaml\nSee more help')),
    'Expected --output=x to be one of: json, yaml')
})
