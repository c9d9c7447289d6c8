import assert from 'node:assert/strict'
import {mkdirSync, mkdtempSync, rmSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {Readable} from 'node:stream'
import {test} from 'node:test'
import {maxStdinBytes, readPolicySources} from '../../src/policy/files.js'
import {parsePolicyText} from '../../src/policy/parse.js'

test('a directory: its files first (by name), then sub-directories, .git skipped', async (t) => {
  const dir = mkdtempSync(join(tmpdir(), 'ck-pol-'))
  t.after(() => rmSync(dir, {recursive: true, force: true}))
  mkdirSync(join(dir, 'a-sub'))
  mkdirSync(join(dir, '.git'))
  writeFileSync(join(dir, 'z.yaml'), 'z')
  writeFileSync(join(dir, 'b.json'), 'b')
  writeFileSync(join(dir, 'a-sub', 'c.yaml'), 'c')
  writeFileSync(join(dir, '.git', 'HEAD'), 'ref')
  const got = await readPolicySources(dir)
  assert.deepEqual(got.map((s) => [s.file.slice(dir.length + 1), s.text]), [['b.json', 'b'], ['z.yaml', 'z'], ['a-sub/c.yaml', 'c']])
  await assert.rejects(readPolicySources(join(dir, 'missing.yaml')), {message: `Cannot parse policy ${join(dir, 'missing.yaml')}: open ${join(dir, 'missing.yaml')}: no such file or directory`})
})

test('- reads stdin, at most 1 MiB', async () => {
  assert.deepEqual(await readPolicySources('-', Readable.from([Buffer.from('[]')])), [{file: '-', text: '[]'}])
  await assert.rejects(readPolicySources('-', Readable.from([Buffer.alloc(maxStdinBytes + 1)])), /larger than 1048576 bytes/)
})

test('a YAML syntax error is one issue with js-yaml\'s line and column', () => {
  const {rules, issues} = parsePolicyText('kind: CiliumNetworkPolicy\nspec:\n  endpointSelector: {\n', 'bad.yaml')
  assert.equal(rules.length, 0)
  assert.equal(issues.length, 1)
  assert.match(issues[0].message, /^yaml: .*\(4:1\)$/)
})
