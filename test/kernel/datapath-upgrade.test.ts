/**
 * The agent's upgrade from clsact to tcx: a node whose programs an older agent attached as
 * filters on a clsact qdisc, then an agent that attaches on tcx (6.6+). The older filters go,
 * and the qdisc they leave empty goes with them; a qdisc holding someone else's filter stays.
 * The agent's datapath runs in a child process inside the test's namespace (it calls `tc` there).
 */
import assert from 'node:assert/strict'
import {execFileSync} from 'node:child_process'
import {existsSync} from 'node:fs'
import {release} from 'node:os'
import {test, type TestContext} from 'node:test'
import {fileURLToPath} from 'node:url'
import {BpfObject, TcxLink} from '../../src/bpf/index.js'
import {netns, skipUnlessBpf, tempBpffsDir, vethPair, type VethEnd} from '../helpers/kernel.js'

// Built by `make datapath` (bpf/Makefile) from bpf/test/pkt_counter.c: stands for the older agent's programs.
const counterObject = fileURLToPath(new URL('../../../bpf/build/pkt_counter.o', import.meta.url))
const agentDatapath = new URL('../../src/agent/datapath-bpf.js', import.meta.url).href

/** A veth whose host end (in its own namespace) carries the older agent's BPF filter on both clsact hooks. */
function olderAgentNode(t: TestContext): VethEnd {
  const [host] = vethPair(t, netns(t, 'upnode'), netns(t, 'upep'))
  assert.ok(existsSync(counterObject), `${counterObject} is missing: run \`make datapath\``)
  const obj = BpfObject.open(counterObject)
  t.after(() => obj.close())
  obj.load()
  // The filters outlive the object, as an older agent's outlive it.
  for (const point of ['ingress', 'egress'] as const) obj.attachTc(host.ifname, point, 'count_packets', {netns: host.ns.path})
  return host
}

/** Starts the agent's datapath in the node's namespace and attaches one endpoint on `host`, as a restarted agent does. */
function attachAsNewAgent(t: TestContext, host: VethEnd): void {
  const bpffs = tempBpffsDir(t)
  const ifindex = Number(host.ns.exec('cat', [`/sys/class/net/${host.ifname}/ifindex`]).trim())
  const script = `
    const {BpfAgentDatapath} = await import(${JSON.stringify(agentDatapath)})
    const {Logger} = await import(${JSON.stringify(new URL('../../src/agent/log.js', import.meta.url).href)})
    const dp = await BpfAgentDatapath.load({bpffs: ${JSON.stringify(bpffs)}, enablePolicy: 'default'}, new Logger(process.stderr))
    await dp.attach({id: 7, identity: 1000, ipv4: '10.199.77.2', mac: '02:00:00:00:00:07', hostMac: '02:00:00:00:00:08',
      hostInterface: ${JSON.stringify(host.ifname)}, hostIfindex: ${ifindex}, netns: '', options: {}})
  `
  execFileSync('ip', ['netns', 'exec', host.ns.name, process.execPath, '--input-type=module', '-e', script], {stdio: 'pipe', timeout: 30_000})
}

/** tcx came with Linux 6.6; before it the new agent attaches on clsact as the older one did. */
function tcxAvailable(): boolean {
  const [major, minor] = release().split('.').map(Number)
  return major > 6 || (major === 6 && minor >= 6)
}

function qdiscs(host: VethEnd): string {
  return host.ns.exec('tc', ['qdisc', 'show', 'dev', host.ifname])
}

test('clsact to tcx: the older agent\'s filters go and so does the clsact qdisc they leave empty', async (t) => {
  if (skipUnlessBpf(t, 'tc')) return
  const host = olderAgentNode(t)
  if (!tcxAvailable()) {
    t.skip('no tcx on this kernel: the new agent attaches on clsact too')
    return
  }
  assert.match(qdiscs(host), /qdisc clsact/)
  attachAsNewAgent(t, host)
  for (const point of ['ingress', 'egress'] as const) {
    assert.equal(TcxLink.programs(host.ifname, point, {netns: host.ns.path}).length, 1, `one program on tcx ${point}`)
  }
  assert.doesNotMatch(qdiscs(host), /clsact/)
})

test('clsact to tcx: a clsact qdisc that holds someone else\'s filter stays, with that filter', async (t) => {
  if (skipUnlessBpf(t, 'tc')) return
  const host = olderAgentNode(t)
  if (!tcxAvailable()) {
    t.skip('no tcx on this kernel: the new agent attaches on clsact too')
    return
  }
  host.ns.exec('tc', ['filter', 'add', 'dev', host.ifname, 'ingress', 'pref', '7', 'u32', 'match', 'u32', '0', '0', 'flowid', '1:1'])
  attachAsNewAgent(t, host)
  assert.match(qdiscs(host), /qdisc clsact/)
  const filters = JSON.parse(host.ns.exec('tc', ['-j', 'filter', 'show', 'dev', host.ifname, 'ingress'])) as Array<{kind?: string}>
  assert.deepEqual([...new Set(filters.map((f) => f.kind))], ['u32'])
})
