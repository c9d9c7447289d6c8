import assert from 'node:assert/strict'
import {mkdirSync, rmSync, writeFileSync} from 'node:fs'
import {createServer} from 'node:net'
import {join} from 'node:path'
import {test} from 'node:test'
import {UsageError} from '../../src/errors.js'
import {answersFromPrompts, defaultAnswers, installQuestions, parseListenAddress, validateAnswers} from '../../src/install/answers.js'
import {overlaps, parseCidr} from '../../src/install/cidr.js'
import {checks, kernelVersion, PreflightError, preflightContext, runPreflight} from '../../src/install/preflight.js'
import {describeRoute, overlappingRoutes, parseIpRoutes} from '../../src/install/routes.js'
import {defaultPaths} from '../../src/install/layout.js'
import {tempDir} from '../helpers/cli.js'

// `ip -j route` and `ip -j -6 route` as this machine type prints them.
const v4 = '[{"dst":"default","gateway":"192.0.2.1","dev":"eth0","flags":[]},' +
  '{"dst":"192.0.2.0/24","dev":"eth0","protocol":"kernel","scope":"link","prefsrc":"192.0.2.2","flags":[]},' +
  '{"dst":"10.1.2.3","dev":"lxc1","scope":"link","flags":[]}]'
const v6 = '[{"dst":"fd00::/64","dev":"eth0","protocol":"kernel","metric":256,"flags":[],"pref":"medium"},' +
  '{"dst":"default","gateway":"fd00::1","dev":"eth0","metric":1024,"flags":[],"pref":"medium"}]\n'
const routes = [...parseIpRoutes(v4), ...parseIpRoutes(v6)]

test('CIDRs of both families: network address, host prefixes, bad input', () => {
  assert.deepEqual(parseCidr('10.200.0.7/24'), {family: 4, bits: 24, network: 0x0ac80000n, address: '10.200.0.0'})
  assert.equal(parseCidr('10.1.2.3')?.bits, 32)
  assert.equal(parseCidr('fd00::1:2/64')?.address, 'fd00::')
  assert.equal(parseCidr('2001:db8:0:0:1:0:0:1/128')?.address, '2001:db8::1:0:0:1')
  assert.equal(parseCidr('::ffff:192.0.2.1/128')?.address, '::ffff:c000:201')
  for (const bad of ['10.0.0.0/33', '10.0.0/8', 'fd00::/129', 'x/8', '10.0.0.0/8/1', '10.0.0.0/-1', '']) assert.equal(parseCidr(bad), undefined, bad)
})

test('overlap: containment either way, never across families', () => {
  const c = (s: string) => parseCidr(s)!
  assert.equal(overlaps(c('10.0.0.0/8'), c('10.200.0.0/24')), true)
  assert.equal(overlaps(c('10.200.0.0/24'), c('10.0.0.0/8')), true)
  assert.equal(overlaps(c('10.200.0.0/24'), c('10.200.1.0/24')), false)
  assert.equal(overlaps(c('10.200.0.0/24'), c('10.200.0.255')), true)
  assert.equal(overlaps(c('0.0.0.0/0'), c('::/0')), false)
})

test('routes: the default route is ignored, host routes and v6 prefixes count', () => {
  const pool = (s: string) => overlappingRoutes(parseCidr(s)!, routes).map(describeRoute)
  assert.deepEqual(pool('10.200.0.0/24'), [])
  assert.deepEqual(pool('192.0.2.128/25'), ['192.0.2.0/24 dev eth0'])
  assert.deepEqual(pool('10.1.0.0/16'), ['10.1.2.3 dev lxc1'])
  assert.deepEqual(overlappingRoutes(parseCidr('10.1.0.0/16')!, routes, (r) => r.dev === 'lxc1'), [])
  assert.deepEqual(parseIpRoutes(''), [])
  assert.throws(() => parseIpRoutes('Error: x'), /cannot read the output of ip -j route/)
})

test('answers: normalised pool, every bad answer a usage error naming it', () => {
  assert.equal(validateAnswers({...defaultAnswers, pool: '10.9.8.7/16'}).pool, '10.9.0.0/16')
  const bad: Array<[Record<string, unknown>, RegExp]> = [
    [{pool: 'fd00::/64'}, /invalid pool "fd00::\/64"/],
    [{pool: '10.0.0.0/31'}, /prefix length must be between 8 and 30/],
    [{enablePolicy: 'sometimes'}, /invalid policy enforcement mode "sometimes"/],
    [{ringCapacity: 4096}, /invalid ring capacity 4096/],
    [{hubbleListenAddress: '4244'}, /invalid Hubble listen address "4244"/],
    [{hubbleTls: {certFile: 'c', keyFile: 'k'}}, /Hubble TLS needs a TCP listener/],
  ]
  for (const [change, re] of bad) assert.throws(() => validateAnswers({...defaultAnswers, ...change} as never), (e: Error) => e instanceof UsageError && re.test(e.message))
  assert.deepEqual(parseListenAddress(':4244'), {host: '', port: 4244})
  assert.deepEqual(parseListenAddress('[::1]:4245'), {host: '::1', port: 4245})
  assert.throws(() => parseListenAddress('host:70000'), UsageError)
})

test('prompts: validation in the questions, replies become answers', () => {
  const q = Object.fromEntries(installQuestions().map((x) => [x.name, x]))
  assert.equal(q.pool.validate?.('10.1.0.0/16'), true)
  assert.match(String(q.pool.validate?.('192.0.2.0/33')), /invalid pool/)
  assert.equal(q.hubbleListenAddress.validate?.(''), true)
  assert.match(String(q.hubbleListenAddress.validate?.('nope')), /invalid Hubble listen address/)
  assert.equal(q.hubbleTlsEnabled.when?.({hubbleListenAddress: ''}), false)
  assert.equal(q.hubbleTlsCertFile.when?.({hubbleTlsEnabled: true}), true)
  assert.deepEqual(answersFromPrompts({pool: ' 10.1.0.0/16 ', enablePolicy: 'always', auditMode: true, hubbleListenAddress: ':4244',
    hubbleTlsEnabled: true, hubbleTlsCertFile: 'c.pem', hubbleTlsKeyFile: 'k.pem', ringCapacity: 8191}),
  {pool: '10.1.0.0/16', enablePolicy: 'always', auditMode: true, hubbleListenAddress: ':4244',
    hubbleTls: {certFile: 'c.pem', keyFile: 'k.pem'}, ringCapacity: 8191})
  assert.equal(answersFromPrompts({pool: '10.1.0.0/16', enablePolicy: 'default', auditMode: false, hubbleListenAddress: ' ',
    ringCapacity: 4095}).hubbleListenAddress, undefined)
})

const only = (...names: string[]) => checks.filter((c) => names.includes(c.name))

test('preflight: each failure is one line that says what and why, in check order', async () => {
  const ctx = preflightContext(defaultAnswers, defaultPaths)
  const fails = async (c: typeof ctx, names: string[], re: RegExp) =>
    assert.rejects(runPreflight(c, only(...names)), (e: Error) => e instanceof PreflightError && re.test(e.message) && !e.message.includes('\n'))
  await fails({...ctx, uid: 1000}, ['root', 'kernel'], /^cilium install must run as root \(running as uid 1000\)$/)
  await fails({...ctx, uid: 0, kernelRelease: '5.10.0-generic'}, ['root', 'kernel'], /^kernel 5.10.0-generic is too old: the datapath needs Linux 5.12 or newer$/)
  await fails({...ctx, btfPath: '/nonexistent/vmlinux'}, ['BTF'], /^kernel BTF is missing \(\/nonexistent\/vmlinux\)$/)
  await fails({...ctx, answers: {...defaultAnswers, pool: '192.0.2.0/25'}, routes: async () => routes}, ['pool'],
    /^pool 192.0.2.0\/25 overlaps the host route 192.0.2.0\/24 dev eth0$/)
  assert.deepEqual(await runPreflight({...ctx, uid: 0, kernelRelease: '6.18.44-fc', routes: async () => routes}, only('root', 'kernel', 'pool')),
    [{name: 'root', found: 'uid 0'}, {name: 'kernel', found: '6.18.44-fc'}, {name: 'pool', found: '10.200.0.0/24 is free'}])
  // A second install on the same pool: its own routes are in the pool.
  assert.deepEqual(await runPreflight({...ctx, answers: {...defaultAnswers, pool: '10.1.0.0/16'}, installedPool: '10.1.0.0/16',
    routes: async () => routes}, only('pool')), [{name: 'pool', found: '10.1.0.0/16 (this install\'s)'}])
  assert.deepEqual(kernelVersion('6.1.0-18-amd64'), [6, 1])
  assert.equal(kernelVersion('weird'), undefined)
})

test('preflight refuses a node with another Cilium: its pins (not ours), its link directory, a live socket', async (t) => {
  const root = tempDir(t)
  const pins = join(root, 'bpffs', 'tc', 'globals')
  mkdirSync(pins, {recursive: true})
  const paths = {...defaultPaths, bpffs: join(root, 'bpffs'), socket: join(root, 'cilium.sock'), hubbleSocket: join(root, 'hubble.sock')}
  const ctx = preflightContext(defaultAnswers, paths)
  const cilium = only('Cilium')
  const refused = (re: RegExp) => assert.rejects(runPreflight(ctx, cilium), (e: Error) => e instanceof PreflightError && re.test(e.message))
  assert.deepEqual(await runPreflight(ctx, cilium), [{name: 'Cilium', found: 'none on this node, sockets free'}])
  // Cilium's own names, without our marker map: a real Cilium pinned them.
  for (const name of ['cilium_lxc', 'cilium_ipcache_v2']) writeFileSync(join(pins, name), '')
  await refused(new RegExp(`^${paths.bpffs} holds the datapath of another Cilium \\(cilium_ipcache_v2, cilium_lxc\\); ciliumkit did not pin these$`))
  // Ours (ck_ep_config is there): the same names are our datapath's, and so is a policy map.
  for (const name of ['ck_ep_config', 'cilium_policy_v3_00001']) writeFileSync(join(pins, name), '')
  assert.equal((await runPreflight(ctx, cilium)).length, 1)
  writeFileSync(join(pins, 'cilium_calls_00001'), '')
  await refused(/holds the datapath of another Cilium \(cilium_calls_00001\)/)
  rmSync(join(pins, 'cilium_calls_00001'))
  mkdirSync(join(paths.bpffs, 'cilium'))
  await refused(new RegExp(`another Cilium \\(${paths.bpffs}/cilium\\)`))
  rmSync(join(paths.bpffs, 'cilium'), {recursive: true})

  const server = createServer()
  await new Promise<void>((resolve) => server.listen(paths.hubbleSocket, resolve))
  t.after(() => server.close())
  await refused(new RegExp(`^the Hubble API socket ${paths.hubbleSocket} is in use by pid ${process.pid}: `))
  // A second install: its own agent serves the sockets.
  assert.deepEqual(await runPreflight({...ctx, installedPool: defaultAnswers.pool}, cilium), [{name: 'Cilium', found: 'none besides this install'}])
})
