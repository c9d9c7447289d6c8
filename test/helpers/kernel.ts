/**
 * Shared helpers for kernel tests (root + BPF). Each helper registers its cleanup with
 * t.after the moment its resource exists, so a failing test still leaves nothing behind.
 * Traffic stays inside network namespaces the test creates.
 */
import {execFile, execFileSync, spawn, type ChildProcess} from 'node:child_process'
import {mkdtempSync, rmSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import type {TestContext} from 'node:test'
import {BpfMap, ensureBpffs, isOnBpffs, unmountBpffs} from '../../src/bpf/index.js'
import {probeTimedOut} from './cli.js'

/** bpf: root and BPF maps; netns: root and iproute2 network namespaces; tc: both. */
export type KernelFeature = 'bpf' | 'netns' | 'tc'

const probed = new Map<KernelFeature, string | null>()

function probe(feature: KernelFeature): string | null {
  if (process.getuid?.() !== 0) return 'needs root'
  if (feature !== 'netns') {
    try {
      BpfMap.create({type: 'hash', keySize: 4, valueSize: 4, maxEntries: 1}).close()
    } catch (err) {
      return `cannot create a BPF map: ${(err as Error).message}`
    }
  }
  if (feature !== 'bpf') {
    try {
      execFileSync('ip', ['netns', 'list'], {stdio: 'pipe'})
    } catch (err) {
      return `iproute2 netns unavailable: ${(err as Error).message}`
    }
  }
  return null
}

/**
 * Skips the test when root with BPF (or network namespaces, or both for tc) is unavailable,
 * probing once per process. Under CI=true it throws instead: a CI runner without them must
 * fail, not go green. Returns true when the caller must return (t.skip() does not stop the test body).
 */
export function skipUnlessBpf(t: TestContext, feature: KernelFeature = 'bpf'): boolean {
  if (!probed.has(feature)) probed.set(feature, probe(feature))
  const reason = probed.get(feature)
  if (reason === null || reason === undefined) return false
  if (process.env.CI === 'true') throw new Error(`kernel test cannot run under CI: ${reason}`)
  t.skip(reason)
  return true
}

/** Where a helper registers its cleanup: a test's context (t.after), or a file's after() hook for a resource its tests share. */
export interface Cleanup {
  after(fn: () => void | Promise<void>): void
}

/**
 * A fresh bpffs mounted on a temporary directory; unmounted (dropping its pins) and removed
 * after the test. One hook does both: t.after hooks run in the order they were registered.
 */
export function tempBpffsDir(t: Cleanup): string {
  const dir = mkdtempSync(join(tmpdir(), 'ck-bpffs-'))
  t.after(() => {
    if (isOnBpffs(dir)) unmountBpffs(dir)
    rmSync(dir, {recursive: true, force: true})
  })
  ensureBpffs(dir)
  return dir
}

/** A network namespace made for one test. */
export interface Netns {
  name: string
  /** The namespace file, for setns (BpfObject.attachTc's netns option). */
  path: string
  /** Runs a program inside the namespace and returns its stdout. */
  exec(file: string, args: readonly string[], timeoutMs?: number): string
}

let seq = 0

/** Creates a network namespace with loopback up; deleted after the test (its interfaces go with it). */
export function netns(t: Cleanup, label = 'ns'): Netns {
  const name = `ck-${label}-${process.pid}-${seq++}`
  ip(['netns', 'add', name])
  t.after(() => ip(['netns', 'del', name]))
  const ns: Netns = {
    name,
    path: `/var/run/netns/${name}`,
    exec: (file, args, timeoutMs = 10_000) =>
      execFileSync('ip', ['netns', 'exec', name, file, ...args], {encoding: 'utf8', stdio: 'pipe', timeout: timeoutMs}),
  }
  ns.exec('ip', ['link', 'set', 'lo', 'up'])
  return ns
}

/** One end of a veth pair inside a namespace. */
export interface VethEnd {
  ns: Netns
  ifname: string
  ip: string
}

/**
 * A veth pair from namespace `a` to namespace `b`, addressed 10.199.<subnet>.1/24 and .2/24 and up.
 * The veths die with their namespaces; the host side is deleted after the test should a step fail
 * before both ends moved.
 */
export function vethPair(t: TestContext, a: Netns, b: Netns, subnet = 1 + (process.pid % 250)): [VethEnd, VethEnd] {
  const id = `${process.pid % 100000}${seq++}`
  const ifA = `ckva${id}`.slice(0, 15), ifB = `ckvb${id}`.slice(0, 15)
  ip(['link', 'add', ifA, 'type', 'veth', 'peer', 'name', ifB])
  t.after(() => {
    try { ip(['link', 'del', ifA]) } catch { /* already gone with its namespace */ }
  })
  ip(['link', 'set', ifA, 'netns', a.name])
  ip(['link', 'set', ifB, 'netns', b.name])
  const ends: [VethEnd, VethEnd] = [{ns: a, ifname: ifA, ip: `10.199.${subnet}.1`}, {ns: b, ifname: ifB, ip: `10.199.${subnet}.2`}]
  for (const e of ends) {
    e.ns.exec('ip', ['addr', 'add', `${e.ip}/24`, 'dev', e.ifname])
    e.ns.exec('ip', ['link', 'set', e.ifname, 'up'])
  }
  return ends
}

/** Sends `count` UDP datagrams from inside `from`'s namespace to `to` (a Node child process: no ping here). */
export function sendUdp(from: Netns, toIp: string, port: number, count: number): void {
  const script = `const s=require('dgram').createSocket('udp4');let n=0;` +
    `const send=()=>{if(n++>=${count})return s.close();s.send('ck-test-'+n,${port},'${toIp}',()=>setTimeout(send,5))};send()`
  from.exec(process.execPath, ['-e', script])
}

function ip(args: readonly string[]): void {
  execFileSync('ip', args, {stdio: 'pipe'})
}

/** An endpoint of endpointNetwork: a namespace behind a veth whose host side sits in the node namespace. */
export interface Endpoint {
  ns: Netns
  /** The veth end inside the endpoint's namespace. */
  ifname: string
  /** The host-side veth (in the node namespace), where the datapath attaches. */
  hostIfname: string
  hostIfindex: number
  ip4: string
  ip6: string
}

/**
 * A node namespace routing between `count` endpoint namespaces, as Cilium wires pods: each
 * endpoint has a /32 and a /128 behind its veth and a default route to the node, which has
 * 10.199.<subnet>.254 and fe80::1 on every host-side veth and a host route per endpoint.
 * Endpoint i (from 0) is 10.199.<subnet>.<11+i> and fd00:199:<subnet>::<11+i>.
 * Everything goes with the namespaces after the test.
 */
export function endpointNetwork(t: Cleanup, count = 2, subnet = 1 + (process.pid % 250)): {node: Netns; endpoints: Endpoint[]} {
  const node = netns(t, 'node')
  noDad(node)
  node.exec('sysctl', ['-qw', 'net.ipv4.ip_forward=1', 'net.ipv6.conf.all.forwarding=1'])
  const gw4 = `10.199.${subnet}.254`
  const endpoints: Endpoint[] = []
  for (let i = 0; i < count; i++) {
    const ns = netns(t, `ep${i}`)
    noDad(ns)
    const id = `${process.pid % 100000}${seq++}`
    const hostIfname = `ckh${id}`.slice(0, 15), ifname = `cke${id}`.slice(0, 15)
    ip(['link', 'add', hostIfname, 'type', 'veth', 'peer', 'name', ifname])
    t.after(() => {
      try { ip(['link', 'del', hostIfname]) } catch { /* already gone with its namespace */ }
    })
    ip(['link', 'set', hostIfname, 'netns', node.name])
    ip(['link', 'set', ifname, 'netns', ns.name])
    const ip4 = `10.199.${subnet}.${11 + i}`, ip6 = `fd00:199:${subnet}::${11 + i}`
    node.exec('ip', ['addr', 'add', `${gw4}/32`, 'dev', hostIfname])
    node.exec('ip', ['-6', 'addr', 'add', 'fe80::1/64', 'dev', hostIfname, 'nodad'])
    node.exec('ip', ['link', 'set', hostIfname, 'up'])
    node.exec('ip', ['route', 'add', `${ip4}/32`, 'dev', hostIfname])
    node.exec('ip', ['-6', 'route', 'add', `${ip6}/128`, 'dev', hostIfname])
    ns.exec('ip', ['addr', 'add', `${ip4}/32`, 'dev', ifname])
    ns.exec('ip', ['-6', 'addr', 'add', `${ip6}/128`, 'dev', ifname, 'nodad'])
    ns.exec('ip', ['link', 'set', ifname, 'up'])
    ns.exec('ip', ['route', 'add', gw4, 'dev', ifname])
    ns.exec('ip', ['route', 'add', 'default', 'via', gw4, 'dev', ifname])
    ns.exec('ip', ['-6', 'route', 'add', 'default', 'via', 'fe80::1', 'dev', ifname])
    const hostIfindex = Number(node.exec('cat', [`/sys/class/net/${hostIfname}/ifindex`]).trim())
    endpoints.push({ns, ifname, hostIfname, hostIfindex, ip4, ip6})
  }
  return {node, endpoints}
}

/** New interfaces in the namespace skip IPv6 duplicate address detection, so addresses work at once. */
function noDad(ns: Netns): void {
  ns.exec('sysctl', ['-qw', 'net.ipv6.conf.all.accept_dad=0', 'net.ipv6.conf.default.accept_dad=0'])
}

/**
 * Starts a long-running program inside a namespace (a server); killed after the test.
 * Resolves once it printed its first line on stdout (a server says "ready" that way).
 */
export async function spawnIn(t: Cleanup, ns: Netns, file: string, args: readonly string[]): Promise<ChildProcess> {
  const child = spawn('ip', ['netns', 'exec', ns.name, file, ...args], {stdio: ['ignore', 'pipe', 'pipe']})
  t.after(() => { child.kill('SIGKILL') })
  let stderr = ''
  child.stderr?.on('data', (d: Buffer) => { stderr += d.toString() })
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`${file} did not get ready in 10 s: ${stderr}`)), 10_000)
    child.stdout?.once('data', () => {
      clearTimeout(timer)
      // A server left running by a failed cleanup must not keep the test process alive.
      child.stdout?.destroy()
      child.stderr?.destroy()
      child.unref()
      resolve()
    })
    child.once('exit', (code) => { clearTimeout(timer); reject(new Error(`${file} exited with ${code}: ${stderr}`)) })
  })
  return child
}

/** Runs a program inside a namespace without blocking the event loop; resolves with stdout (rejects on a non-zero exit). */
export function execIn(ns: Netns, file: string, args: readonly string[], timeoutMs = 10_000): Promise<string> {
  return new Promise((resolve, reject) => {
    execFile('ip', ['netns', 'exec', ns.name, file, ...args], {encoding: 'utf8', timeout: timeoutMs}, (err, stdout, stderr) => {
      if (err) reject(Object.assign(err, {stdout, stderr}))
      else resolve(stdout)
    })
  })
}

/**
 * Opens a TCP connection from inside `from` and sends `payload` if given: 'connected' when the
 * handshake completed (the reply came back through the datapath), 'timeout' when it did not
 * within timeoutMs, 'refused' on a reset.
 */
export async function tcpConnect(from: Netns, host: string, port: number, timeoutMs = 1000): Promise<'connected' | 'timeout' | 'refused'> {
  const script = `let done=false;const s=require('net').connect({host:${JSON.stringify(host)},port:${port}});` +
    `const t=setTimeout(${probeTimedOut},${timeoutMs});` +
    `s.on('connect',()=>{done=true;console.log('connected');clearTimeout(t);s.end('ck');s.on('close',()=>process.exit(0));setTimeout(()=>process.exit(0),200)});` +
    `s.on('error',(e)=>{done=true;console.log(e.code==='ECONNREFUSED'?'refused':'error '+e.code);process.exit(0)})`
  const out = (await execIn(from, process.execPath, ['-e', script], timeoutMs + 5000)).trim()
  if (out !== 'connected' && out !== 'timeout' && out !== 'refused') throw new Error(`tcp connect: ${out}`)
  return out
}

/** A TCP server inside `ns` that accepts on `port` (IPv4 and IPv6) and reads until the peer closes. */
export function tcpServer(t: TestContext, ns: Netns, port: number): Promise<ChildProcess> {
  const script = `require('net').createServer((s)=>{s.on('data',()=>{});s.on('error',()=>{})})` +
    `.listen(${port},'::',()=>console.log('ready'))`
  return spawnIn(t, ns, process.execPath, ['-e', script])
}

/** Pings once from inside `from`: true when the echo reply came back within timeoutMs. */
export async function ping(from: Netns, host: string, timeoutMs = 1000): Promise<boolean> {
  try {
    await execIn(from, 'ping', ['-c', '1', '-W', String(Math.max(1, Math.ceil(timeoutMs / 1000))), host], timeoutMs + 5000)
    return true
  } catch {
    return false
  }
}
