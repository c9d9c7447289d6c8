import assert from 'node:assert/strict'
import {writeFileSync} from 'node:fs'
import {join} from 'node:path'
import {test} from 'node:test'
import {ValidationError} from '../../src/errors.js'
import {configPath, defaultConfigPath, effectiveConfig, envVarName, formatConfigYaml, parseConfigValue,
  parseGoDurationMs, resolveHubbleSettings} from '../../src/hubble/config.js'
import {tempDir} from '../helpers/cli.js'

test('paths: XDG_CONFIG_HOME, HOME, then --config and HUBBLE_CONFIG', () => {
  assert.equal(defaultConfigPath({XDG_CONFIG_HOME: '/x'}), '/x/hubble/config.yaml')
  assert.equal(defaultConfigPath({HOME: '/home/u'}), '/home/u/.config/hubble/config.yaml')
  assert.equal(configPath(undefined, {HUBBLE_CONFIG: '/e.yaml', HOME: '/h'}), '/e.yaml')
  assert.equal(configPath('/f.yaml', {HUBBLE_CONFIG: '/e.yaml'}), '/f.yaml')
  assert.equal(envVarName('tls-allow-insecure'), 'HUBBLE_TLS_ALLOW_INSECURE')
})

test('values are parsed as the real hubble parses them, with its messages', () => {
  assert.equal(parseConfigValue('tls', 'T'), true)
  assert.equal(parseConfigValue('tls', '0'), false)
  assert.deepEqual(parseConfigValue('tls-ca-cert-files', '[a.pem,b.pem]'), ['a.pem', 'b.pem'])
  assert.deepEqual(parseConfigValue('tls-ca-cert-files', ''), [])
  assert.equal(parseConfigValue('port-forward-port', '4245'), 4245)
  assert.equal(parseConfigValue('timeout', '1m30s'), '1m30s')
  assert.throws(() => parseConfigValue('tls', 'notabool'), {name: 'ValidationError',
    message: 'cannot assign value=notabool for key=tls, expected type=bool: strconv.ParseBool: parsing "notabool": invalid syntax'})
  assert.throws(() => parseConfigValue('timeout', 'notaduration'),
    {message: 'cannot assign value=notaduration for key=timeout, expected type=duration: time: invalid duration "notaduration"'})
  assert.throws(() => parseConfigValue('timeout', '10'), /time: missing unit in duration "10"/)
  assert.throws(() => parseConfigValue('port-forward-port', '70000'), /value out of range/)
  assert.throws(() => parseConfigValue('bogus-key', 'x'), {message: 'unknown key: bogus-key'})
})

test('Go durations in milliseconds', () => {
  assert.equal(parseGoDurationMs('5s'), 5000)
  assert.equal(parseGoDurationMs('1h2m3.5s'), 3_723_500)
  assert.equal(parseGoDurationMs('250ms'), 250)
  assert.equal(parseGoDurationMs('0'), 0)
})

test('precedence: flag > env > file > default; file extras are kept', async (t) => {
  const path = join(tempDir(t), 'config.yaml')
  writeFileSync(path, 'server: file:1\ntimeout: 10s\ntls: true\nextra: kept\n')
  const env = {HUBBLE_SERVER: 'env:2', HUBBLE_TLS_CA_CERT_FILES: 'a.pem b.pem'}
  const merged = await effectiveConfig({path, env})
  assert.equal(merged.server, 'env:2')
  assert.equal(merged.timeout, '10s')
  assert.equal(merged.tls, true)
  assert.equal(merged['request-timeout'], '12s')
  assert.equal(merged.extra, 'kept')
  assert.deepEqual(merged['tls-ca-cert-files'], ['a.pem', 'b.pem'])
  assert.equal((await effectiveConfig({path, env, flags: {server: 'flag:3'}})).server, 'flag:3')
})

test('settings: the real flag validation', async () => {
  const env = {HOME: '/nonexistent'}
  const s = await resolveHubbleSettings({env, flags: {timeout: '2s'}})
  assert.equal(s.server, 'localhost:4245')
  assert.equal(s.timeoutMs, 2000)
  assert.equal(s.requestTimeoutMs, 12000)
  await assert.rejects(resolveHubbleSettings({env, flags: {'tls-client-cert-file': 'c.pem'}}),
    {message: 'invalid flag(s): certificate and private key are both required, but only one was provided'})
  await assert.rejects(resolveHubbleSettings({env, flags: {'tls-client-cert-file': 'c.pem', 'tls-client-key-file': 'k.pem'}}),
    {message: 'invalid flag(s): transport layer security required'})
  await assert.rejects(resolveHubbleSettings({env, flags: {'basic-auth-username': 'u'}}),
    {message: 'invalid flag(s): must specify both basic-auth-username and basic-auth-password'})
  await assert.rejects(resolveHubbleSettings({env, flags: {timeout: 'soon'}}),
    {message: 'invalid argument "soon" for "--timeout" flag: time: invalid duration "soon"'})
})

test('a config file of the wrong shape is a ValidationError naming the file', async (t) => {
  const path = join(tempDir(t), 'config.yaml')
  writeFileSync(path, '- a\n- b\n')
  await assert.rejects(effectiveConfig({path, env: {}}), (e: Error) => e instanceof ValidationError && e.message.includes(path))
  writeFileSync(path, 'tls: [1, 2]\n')
  await assert.rejects(effectiveConfig({path, env: {}}), /invalid value for tls/)
})

test('YAML as the real hubble writes it: sorted keys, sequences indented by four', () => {
  assert.equal(formatConfigYaml({tls: true, server: 'x:1', 'tls-ca-cert-files': ['a.pem'], name: ''}),
    'name: ""\nserver: x:1\ntls: true\ntls-ca-cert-files:\n    - a.pem\n')
})
