import assert from 'node:assert/strict'
import {readFileSync, statSync, writeFileSync} from 'node:fs'
import {join} from 'node:path'
import {test} from 'node:test'
import {runCli, tempDir} from '../helpers/cli.js'

test('hubble config: set, get, view, reset round-trip in a temp config dir', async (t) => {
  const home = tempDir(t)
  const env: NodeJS.ProcessEnv = {...process.env, XDG_CONFIG_HOME: home}
  delete env.HUBBLE_SERVER
  const file = join(home, 'hubble', 'config.yaml')
  const hubble = (...args: string[]) => runCli('hubble', args, {env})

  assert.deepEqual(await hubble('config', 'set', 'server', 'x:1234'), {code: 0, stdout: '', stderr: ''})
  assert.equal(readFileSync(file, 'utf8'), 'server: x:1234\n')
  assert.equal(statSync(file).mode & 0o777, 0o600)
  assert.equal(statSync(join(home, 'hubble')).mode & 0o777, 0o750)
  assert.equal((await hubble('config', 'get', 'server')).stdout, 'x:1234\n')

  await hubble('config', 'set', 'tls', 'true')
  await hubble('config', 'set', 'tls-ca-cert-files', 'a.pem,b.pem')
  // The layout the real hubble writes and reads (keys sorted, sequences under their key).
  assert.equal(readFileSync(file, 'utf8'), 'server: x:1234\ntls: true\ntls-ca-cert-files:\n    - a.pem\n    - b.pem\n')

  const view = await hubble('config', 'view')
  assert.equal(view.code, 0)
  assert.deepEqual(view.stdout.split('\n').filter((l) => /^(config|server|tls|tls-ca-cert-files|timeout):|^ {4}-/.test(l)), [
    `config: ${file}`, 'server: x:1234', 'timeout: 5s', 'tls: true', 'tls-ca-cert-files:', '    - a.pem', '    - b.pem'])
  assert.equal((await runCli('cilium', ['hubble', 'config', 'get', 'server'], {env: {...env, HUBBLE_SERVER: 'env:1'}})).stdout, 'env:1\n')

  assert.equal((await hubble('config', 'reset', 'server')).code, 0)
  assert.equal((await hubble('config', 'get', 'server')).stdout, 'localhost:4245\n')
  assert.match(readFileSync(file, 'utf8'), /^server: localhost:4245$/m)
})

test('hubble config: a bad key or value is one error line, exit 1, and the file is unchanged', async (t) => {
  const dir = tempDir(t)
  const file = join(dir, 'config.yaml')
  const before = 'server: keep:1\ntimeout: 10s\n'
  writeFileSync(file, before, {mode: 0o600})
  const cases: Array<[string[], string]> = [
    [['config', 'set', 'bogus-key', 'x'], 'unknown key: bogus-key\n'],
    [['config', 'set', 'timeout', 'notaduration'], 'cannot assign value=notaduration for key=timeout, expected type=duration: time: invalid duration "notaduration"\n'],
    [['config', 'set', 'tls', 'notabool'], 'cannot assign value=notabool for key=tls, expected type=bool: strconv.ParseBool: parsing "notabool": invalid syntax\n'],
    [['config', 'set', 'server', 'a', 'b'], "invalid arguments: set requires exactly 1 or 2 argument(s): got 'server a b'\n"],
    [['config', 'get', 'bogus-key'], 'unknown key: bogus-key\n'],
    [['config', 'reset', 'bogus-key'], 'unknown key: bogus-key\n'],
  ]
  for (const [args, stderr] of cases) {
    const r = await runCli('hubble', ['--config', file, ...args])
    assert.deepEqual(r, {code: 1, stdout: '', stderr}, args.join(' '))
    assert.equal(readFileSync(file, 'utf8'), before, args.join(' '))
  }
  // A file that does not parse is reported, never overwritten.
  writeFileSync(file, 'server: [unclosed\n')
  const r = await runCli('hubble', ['--config', file, 'config', 'set', 'server', 'x:1'])
  assert.equal(r.code, 1)
  assert.match(r.stderr, /^cannot parse config file .*config\.yaml: /)
  assert.equal(readFileSync(file, 'utf8'), 'server: [unclosed\n')
})
