import assert from 'node:assert/strict'
import {test} from 'node:test'
import {KernelError} from '../../src/errors.js'
import {BpfError, CallbackError, ClosedError, errnoText, fromErrno, KeyExistsError, KeyNotFoundError, MapFullError, NotAMapError,
  NotPinnedError, NotSupportedError, PermissionError, ProgramLoadError, translate} from '../../src/bpf/errors.js'

test('each errno becomes its named error, with the path or map in the message', () => {
  const cases: Array<[string, number, object, new (...args: never[]) => Error, string]> = [
    ['map lookup', 2, {map: 'cilium_ct4'}, KeyNotFoundError, 'map lookup (map cilium_ct4): key not found'],
    ['open pinned map', 2, {path: '/sys/fs/bpf/x'}, NotPinnedError, 'no map pinned at /sys/fs/bpf/x'],
    ['open map by id', 2, {map: 'id 7'}, BpfError, 'open map by id (map id 7): not found'],
    ['map update', 17, {map: 'm'}, KeyExistsError, 'map update (map m): key already exists'],
    ['map update', 7, {map: 'm'}, MapFullError, 'map update (map m): map is full'],
    ['map update batch', 7, {map: 'm'}, MapFullError, 'map update batch (map m): map is full'],
    ['map update batch', 2, {map: 'm'}, KeyNotFoundError, 'map update batch (map m): key not found'],
    ['map create', 1, {}, PermissionError, 'map create: permission denied'],
    ['open pinned map', 13, {path: '/p'}, PermissionError, 'open pinned map /p: permission denied'],
    ['map lookup batch', 524, {map: 'm'}, NotSupportedError, 'map lookup batch (map m): not supported by this kernel or map type'],
    ['map lookup batch', 95, {map: 'm'}, NotSupportedError, 'map lookup batch (map m): not supported by this kernel or map type'],
    ['map info', 9, {map: 'm'}, ClosedError, 'map info (map m): already closed'],
    ['open pinned map', 25, {path: '/p'}, NotAMapError, '/p is not a BPF map'],
    ['map create', 22, {map: 'x'}, BpfError, 'map create (map x): EINVAL (22)'],
  ]
  for (const [op, errno, subject, cls, message] of cases) {
    const err = fromErrno(op, errno, subject)
    assert.ok(err instanceof cls, `${op} ${errno}: ${err.constructor.name}`)
    assert.ok(err instanceof KernelError)
    assert.equal(err.errno, errno)
    assert.equal(err.message, message)
  }
  assert.equal(fromErrno('map create', 1).hint, 'run as root or grant CAP_BPF/CAP_SYS_ADMIN')
})

test('a rejected load keeps the verifier log; translate keeps the addon error as cause', () => {
  const load = fromErrno('object load', 13, {path: 'a.o'}, 'invalid access to packet')
  assert.ok(load instanceof ProgramLoadError)
  assert.equal(load.log, 'invalid access to packet')
  assert.equal(load.hint, undefined)  // EACCES from the verifier is not a missing capability
  const raw = Object.assign(new Error('bpf obj get: No such file'), {errno: 2, op: 'open pinned map'})
  const named = translate(raw, {path: '/x'}) as NotPinnedError
  assert.ok(named instanceof NotPinnedError)
  assert.equal(named.cause, raw)
  const typeErr = new TypeError('key must be 4 bytes, got 2')
  assert.equal(translate(typeErr), typeErr)
})

test('errno text', () => {
  assert.equal(errnoText(22), 'EINVAL (22)')
  assert.equal(errnoText(524), 'ENOTSUPP (524)')
  assert.equal(errnoText(1234), 'errno 1234')
})

test('a callback that threw: CallbackError names it and keeps what it threw as cause', () => {
  const thrown = new RangeError('bad event')
  const err = new CallbackError('ring buffer callback', {map: 'events'}, thrown)
  assert.equal(err.message, 'ring buffer callback (map events) threw: bad event')
  assert.equal(err.cause, thrown)
  assert.equal(err.name, 'CallbackError')
  assert.equal(new CallbackError('ring buffer onError', {}, 'text').message, 'ring buffer onError threw: text')
})
