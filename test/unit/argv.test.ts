import assert from 'node:assert/strict'
import {test} from 'node:test'
import {hoistGlobalFlags} from '../../src/cli/argv.js'

test('leading global flags move behind the command words', () => {
  assert.deepEqual(hoistGlobalFlags(['--config', 'c.yaml', 'config', 'view']), ['config', 'view', '--config', 'c.yaml'])
  assert.deepEqual(hoistGlobalFlags(['-D', '--config=c.yaml', 'status']), ['status', '-D', '--config=c.yaml'])
  assert.deepEqual(hoistGlobalFlags(['--debug', 'observe', '--', '-x']), ['observe', '--debug', '--', '-x'])
})

test('anything else is left as it is', () => {
  assert.deepEqual(hoistGlobalFlags(['config', 'view', '--config', 'c.yaml']), ['config', 'view', '--config', 'c.yaml'])
  assert.deepEqual(hoistGlobalFlags(['--server', 'x', 'status']), ['--server', 'x', 'status'])
  assert.deepEqual(hoistGlobalFlags(['--config', 'c.yaml']), ['--config', 'c.yaml'])
  assert.deepEqual(hoistGlobalFlags([]), [])
})
