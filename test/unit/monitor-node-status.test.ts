/**
 * The node monitor's section of /healthz (MonitorStatus cpus/npages/pagesize/lost) and the
 * lines `cilium status` and `cilium monitor` print from it, as cilium-dbg prints them.
 */
import assert from 'node:assert/strict'
import {execFileSync} from 'node:child_process'
import {createServer} from 'node:net'
import {join} from 'node:path'
import {PassThrough} from 'node:stream'
import {test} from 'node:test'
import {absentDatapath} from '../../src/agent/datapath.js'
import {healthz, type HealthInputs} from '../../src/agent/health.js'
import {pageSize} from '../../src/agent/monitor-socket.js'
import {statusText} from '../../src/agent/status-format.js'
import {runMonitor} from '../../src/monitor/run.js'
import {tempDir} from '../helpers/cli.js'

const inputs = (o: Partial<HealthInputs> = {}): HealthInputs => ({version: 'test', datapath: absentDatapath('test').status(), endpoints: [],
  controllers: [], lostEvents: 0, config: {}, revision: 1, ...o})

test('pageSize() is the page size the system reports (getconf PAGESIZE)', () => {
  assert.equal(pageSize(), Number(execFileSync('getconf', ['PAGESIZE'], {encoding: 'utf8'}).trim()))
})

test('healthz: nodeMonitor carries the ring figures and the losses; without a ring it is absent', () => {
  const on = healthz(inputs({nodeMonitor: {cpus: 2, npages: 1024, pagesize: 4096}, lostEvents: 7}))
  assert.deepEqual(on.nodeMonitor, {cpus: 2, npages: 1024, pagesize: 4096, lost: 7, unknown: 0})
  assert.equal(healthz(inputs()).nodeMonitor, undefined)
})

test('cilium status: the NodeMonitor line, the losses under it, Disabled without a node monitor', () => {
  // The widest label of these texts ("Global Identity Range:") and tabwriter's padding of 3 put the values at column 25.
  const line = (text: string) => text.split('\n').filter((l) => l.startsWith('NodeMonitor:') || l.includes('events lost'))
  assert.deepEqual(line(statusText(healthz(inputs({nodeMonitor: {cpus: 2, npages: 1024, pagesize: 4096}})))),
    [`${'NodeMonitor:'.padEnd(25)}Listening for events on 2 CPUs with 1024x4096 of shared memory`])
  assert.deepEqual(line(statusText(healthz(inputs({nodeMonitor: {cpus: 4, npages: 64, pagesize: 4096}, lostEvents: 3})))),
    [`${'NodeMonitor:'.padEnd(25)}Listening for events on 4 CPUs with 64x4096 of shared memory`, `${''.padEnd(25)}3 events lost, 0 unknown notifications`])
  assert.deepEqual(line(statusText(healthz(inputs()))), [`${'NodeMonitor:'.padEnd(25)}Disabled`])
})

test('cilium monitor: the start line from the agent\'s figures', async (t) => {
  const path = join(tempDir(t), 'monitor.sock')
  // A monitor socket that closes every stream at once: the run ends at the first reconnect wait.
  const server = createServer((s) => s.end())
  await new Promise<void>((resolve) => server.listen(path, resolve))
  t.after(() => server.close())
  const stderr = new PassThrough()
  let err = ''
  stderr.on('data', (d: Buffer) => { err += d.toString() })
  const ac = new AbortController()
  const run = runMonitor({socketPath: path, format: {verbosity: 'info', numeric: false, hex: false, types: new Set(), from: new Set(), to: new Set(),
    related: new Set(), linkName: String}, nodeMonitor: {cpus: 2, npages: 1024, pagesize: 4096}, stdout: new PassThrough(), stderr, signal: ac.signal,
  reconnectMs: 60_000})
  while (!err.includes('Press Ctrl-C')) await new Promise((r) => setTimeout(r, 5))
  ac.abort()
  await run
  assert.match(err, /^Listening for events on 2 CPUs with 1024x4096 of shared memory\nPress Ctrl-C to quit\n/)
})
