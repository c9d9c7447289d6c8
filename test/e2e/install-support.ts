/**
 * What install and uninstall may change on a node, read so a test can compare before and after:
 * network namespaces, qdiscs, pins under the test's bpffs, the agent processes of the test's
 * state directory, mounts, and the test directory's files.
 */
import {execFileSync} from 'node:child_process'
import {existsSync, mkdtempSync, readdirSync, readFileSync, rmSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join, relative} from 'node:path'
import type {TestContext} from 'node:test'
import {isOnBpffs, unmountBpffs} from '../../src/bpf/index.js'
import type {NodePaths} from '../../src/install/layout.js'
import {runCli} from '../helpers/cli.js'

export interface NodeSnapshot {
  netns: string[]
  qdiscs: string[]
  links: string[]
  pins: string[]
  processes: string[]
  mounts: string[]
  files: string[]
}

function lines(file: string, args: string[]): string[] {
  return execFileSync(file, args, {encoding: 'utf8'}).split('\n').filter(Boolean).sort()
}

function filesUnder(dir: string): string[] {
  if (!existsSync(dir)) return []
  try {
    return (readdirSync(dir, {recursive: true}) as string[]).map((f) => relative(dir, join(dir, f))).sort()
  } catch {
    return ['<unreadable>']
  }
}

/**
 * Everything install could leave behind, for the paths of one test. Namespaces, links and qdiscs
 * are global and other tests make their own at the same time: only those named in `owned`
 * (the test's endpoint namespaces and host interfaces) count.
 */
export function snapshot(root: string, p: NodePaths, owned: Owned = {netns: [], interfaces: []}): NodeSnapshot {
  const mine = (text: string, names: string[]) => names.some((n) => text.split(/[\s:@]+/).includes(n))
  return {
    netns: lines('ip', ['netns', 'list']).filter((l) => mine(l, owned.netns)),
    qdiscs: lines('tc', ['qdisc', 'show']).filter((l) => mine(l, owned.interfaces)),
    links: lines('ip', ['-o', 'link', 'show']).filter((l) => mine(l, owned.interfaces)),
    pins: filesUnder(p.bpffs),
    processes: lines('ps', ['-eo', 'pid=,args=']).filter((l) => l.includes(p.stateDir)),
    mounts: readFileSync('/proc/self/mounts', 'utf8').split('\n').filter((l) => l.includes(root)).sort(),
    files: filesUnder(root),
  }
}

/** The network namespaces and host interfaces a test's endpoints have, from the agent's saved state. */
export interface Owned {
  netns: string[]
  interfaces: string[]
}

export function endpointsOf(stateDir: string): Owned {
  const doc = JSON.parse(readFileSync(join(stateDir, 'agent.json'), 'utf8')) as {records?: Array<{link: {netns: string; hostInterface: string}}>}
  const links = (doc.records ?? []).map((r) => r.link)
  return {netns: links.map((l) => l.netns), interfaces: links.map((l) => l.hostInterface)}
}

/**
 * Node paths inside a fresh temp directory. After the test, whatever happened in it, `cilium
 * uninstall` runs on them first (it needs the install record inside), then the directory goes.
 */
export function tempNode(t: TestContext, prefix = 'ck-install-'): {root: string; paths: NodePaths; flags: string[]} {
  const root = mkdtempSync(join(tmpdir(), prefix))
  const paths: NodePaths = {stateDir: join(root, 'state'), bpffs: join(root, 'bpffs'), socket: join(root, 'run', 'cilium.sock'),
    hubbleSocket: join(root, 'run', 'hubble.sock')}
  const flags = ['--state-dir', paths.stateDir, '--bpffs', paths.bpffs, '--socket', paths.socket, '--hubble-socket', paths.hubbleSocket]
  t.after(async () => {
    if (existsSync(paths.stateDir)) await runCli('cilium', ['uninstall', ...flags])
    // Should uninstall itself have failed: never leave a mount behind.
    if (isOnBpffs(paths.bpffs)) unmountBpffs(paths.bpffs)
    rmSync(root, {recursive: true, force: true})
  })
  return {root, paths, flags}
}

/** A directory with a read-only tmpfs on it, unmounted and removed after the test: bpffs cannot be mounted under it. */
export function readOnlyDir(t: TestContext): string {
  const dir = mkdtempSync(join(tmpdir(), 'ck-ro-'))
  execFileSync('mount', ['-t', 'tmpfs', '-o', 'ro,size=64k', 'tmpfs', dir])
  t.after(() => {
    execFileSync('umount', [dir])
    rmSync(dir, {recursive: true, force: true})
  })
  return dir
}

let seq = 0

/**
 * A veth pair whose first end carries `address` (and so the host a route for its prefix),
 * deleted after the test. A veth, not a dummy: not every kernel has the dummy driver.
 */
export function hostRoute(t: TestContext, address: string): string {
  const name = `ckrt${process.pid % 10000}${seq++}`.slice(0, 13)
  execFileSync('ip', ['link', 'add', `${name}a`, 'type', 'veth', 'peer', 'name', `${name}b`])
  t.after(() => execFileSync('ip', ['link', 'del', `${name}a`]))
  execFileSync('ip', ['addr', 'add', address, 'dev', `${name}a`])
  for (const end of ['a', 'b']) execFileSync('ip', ['link', 'set', `${name}${end}`, 'up'])
  return `${name}a`
}
