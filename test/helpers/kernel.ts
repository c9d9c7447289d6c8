/**
 * Shared helpers for kernel tests (root + BPF). Each helper registers its cleanup with
 * t.after the moment its resource exists, so a failing test still leaves nothing behind.
 * Traffic stays inside network namespaces the test creates.
 */
import {execFileSync} from 'node:child_process'
import {mkdtempSync, rmSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import type {TestContext} from 'node:test'
import {BpfMap, ensureBpffs, isOnBpffs, unmountBpffs} from '../../src/bpf/index.js'

export type KernelFeature = 'bpf' | 'tc'

const probed = new Map<KernelFeature, string | null>()

function probe(feature: KernelFeature): string | null {
  if (process.getuid?.() !== 0) return 'needs root'
  try {
    BpfMap.create({type: 'hash', keySize: 4, valueSize: 4, maxEntries: 1}).close()
  } catch (err) {
    return `cannot create a BPF map: ${(err as Error).message}`
  }
  if (feature === 'tc') {
    try {
      execFileSync('ip', ['netns', 'list'], {stdio: 'pipe'})
    } catch (err) {
      return `iproute2 netns unavailable: ${(err as Error).message}`
    }
  }
  return null
}

/**
 * Skips the test when BPF (or tc with network namespaces) is unavailable, probing once per
 * process. Under CI=true it throws instead: a CI runner without BPF must fail, not go green.
 * Returns true when the caller must return (t.skip() does not stop the test body).
 */
export function skipUnlessBpf(t: TestContext, feature: KernelFeature = 'bpf'): boolean {
  if (!probed.has(feature)) probed.set(feature, probe(feature))
  const reason = probed.get(feature)
  if (reason === null || reason === undefined) return false
  if (process.env.CI === 'true') throw new Error(`kernel test cannot run under CI: ${reason}`)
  t.skip(reason)
  return true
}

/**
 * A fresh bpffs mounted on a temporary directory; unmounted (dropping its pins) and removed
 * after the test. One hook does both: t.after hooks run in the order they were registered.
 */
export function tempBpffsDir(t: TestContext): string {
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
export function netns(t: TestContext, label = 'ns'): Netns {
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
