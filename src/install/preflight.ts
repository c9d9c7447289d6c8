/**
 * The checks `cilium install` runs before it changes anything. Each failure is one line that
 * names what is wrong and how to fix it; a check never changes the node (the bpffs check mounts
 * a trial bpffs on a fresh temp directory and unmounts it again).
 */
import {execFileSync} from 'node:child_process'
import {accessSync, constants, existsSync, mkdtempSync, readFileSync, rmdirSync, statSync} from 'node:fs'
import {release, tmpdir} from 'node:os'
import {dirname, join} from 'node:path'
import {CiliumkitError} from '../errors.js'
import {packagePath} from '../paths.js'
import type {InstallAnswers} from './answers.js'
import {parseCidr} from './cidr.js'
import {monitorSocketPath, type NodePaths} from './layout.js'
import {describeRoute, type HostRoute, hostRoutes, overlappingRoutes} from './routes.js'

/** A failed preflight check: nothing was changed. */
export class PreflightError extends CiliumkitError {}

/**
 * The kernel the datapath needs (README, "The datapath"): global BPF functions that take
 * pointers to memory (5.12), besides BPF ring buffers (5.8).
 */
export const minimumKernel: readonly [number, number] = [5, 12]

/** The datapath objects the agent loads, built by `make -C bpf` into bpf/build. */
export const datapathObjects = ['bpf_lxc.o'] as const

export interface PreflightContext {
  answers: InstallAnswers
  paths: NodePaths
  uid: number
  kernelRelease: string
  btfPath: string
  /** The pool of the install already on this node, if any (its own routes overlap it). */
  installedPool?: string
  /** The host's routes; read with `ip -j route` when omitted. */
  routes?: () => Promise<HostRoute[]>
}

export function preflightContext(answers: InstallAnswers, paths: NodePaths, installedPool?: string): PreflightContext {
  return {answers, paths, uid: process.getuid?.() ?? 0, kernelRelease: release(), btfPath: '/sys/kernel/btf/vmlinux', installedPool}
}

/** What a passed check found (`6.18.44`, `mounted at /sys/fs/bpf`). Throw PreflightError to fail. */
export interface PreflightCheck {
  name: string
  run(ctx: PreflightContext): Promise<string>
}

function fail(message: string, hint?: string): never {
  throw new PreflightError(message, hint)
}

/** `6.18.44-fc-v669` -> [6, 18]; undefined when the release does not start with a version. */
export function kernelVersion(text: string): [number, number] | undefined {
  const m = /^(\d+)\.(\d+)/.exec(text)
  return m ? [Number(m[1]), Number(m[2])] : undefined
}

function nearestExisting(path: string): string {
  let p = path
  while (!existsSync(p) && dirname(p) !== p) p = dirname(p)
  return p
}

function errnoText(err: unknown): string {
  const e = err as NodeJS.ErrnoException
  const words: Record<string, string> = {EROFS: 'read-only file system', EACCES: 'permission denied', EPERM: 'operation not permitted',
    ENOTDIR: 'not a directory'}
  return (e.code && words[e.code]) ?? e.message
}

export const checks: readonly PreflightCheck[] = [
  {name: 'root', async run(ctx) {
    if (ctx.uid !== 0) fail(`cilium install must run as root (running as uid ${ctx.uid})`, 'run it with sudo')
    return 'uid 0'
  }},
  {name: 'kernel', async run(ctx) {
    const v = kernelVersion(ctx.kernelRelease)
    const [major, minor] = minimumKernel
    if (!v || v[0] < major || (v[0] === major && v[1] < minor)) {
      fail(`kernel ${ctx.kernelRelease} is too old: the datapath needs Linux ${major}.${minor} or newer`)
    }
    return ctx.kernelRelease
  }},
  {name: 'BPF', async run() {
    const {BpfMap, BpfError} = await import('../bpf/index.js')
    for (const spec of [{type: 'hash', keySize: 4, valueSize: 4, maxEntries: 1}, {type: 'lpm_trie', keySize: 8, valueSize: 4, maxEntries: 1},
      {type: 'ringbuf', keySize: 0, valueSize: 0, maxEntries: 4096}] as const) {
      try {
        BpfMap.create({...spec, name: 'ck_preflight'}).close()
      } catch (err) {
        // Not the kernel's answer (the addon is not built): say that, not "cannot create".
        if (!(err instanceof BpfError)) fail((err as Error).message, (err as CiliumkitError).hint)
        fail(`the kernel cannot create a BPF ${spec.type} map: ${(err as Error).message}`,
          (err as CiliumkitError).hint ?? 'the datapath needs CONFIG_BPF_SYSCALL and BPF ring buffers')
      }
    }
    return 'hash, lpm_trie and ringbuf maps'
  }},
  {name: 'bpffs', async run(ctx) {
    const {isOnBpffs, ensureBpffs, unmountBpffs} = await import('../bpf/index.js')
    const at = ctx.paths.bpffs
    if (isOnBpffs(at)) return `mounted at ${at}`
    const cannot = `bpffs cannot be mounted at ${at}`
    if (existsSync(at) && !statSync(at).isDirectory()) fail(`${cannot}: not a directory`, 'give --bpffs a directory')
    const parent = nearestExisting(at)
    if (!statSync(parent).isDirectory()) fail(`${cannot}: ${parent} is not a directory`, 'give --bpffs a directory')
    try {
      accessSync(parent, constants.W_OK)
    } catch (err) {
      if (!existsSync(at)) fail(`${cannot}: ${parent}: ${errnoText(err)}`, 'give --bpffs a writable place')
    }
    if (!/\tbpf$/m.test(readFileSync('/proc/filesystems', 'utf8'))) fail(`${cannot}: this kernel has no bpf filesystem`, 'it needs CONFIG_BPF_SYSCALL')
    // Whether this mount namespace lets us mount bpffs at all, on a directory nobody else uses.
    const trial = mkdtempSync(join(tmpdir(), 'ck-preflight-'))
    try {
      ensureBpffs(trial)
      unmountBpffs(trial)
    } catch (err) {
      fail(`${cannot}: ${(err as Error).message}`, 'run in the host mount namespace with CAP_SYS_ADMIN')
    } finally {
      rmdirSync(trial)
    }
    return `mountable at ${at}`
  }},
  {name: 'Cilium', async run(ctx) {
    // The datapath pins where Cilium pins and the agent serves Cilium's sockets: never on a node a real Cilium runs.
    const {assertNoForeignCilium} = await import('../agent/node-guard.js')
    const {assertSocketFree} = await import('../lib/unix-socket.js')
    try {
      assertNoForeignCilium(ctx.paths.bpffs)
      // An install already here serves these sockets itself.
      if (ctx.installedPool === undefined) {
        await assertSocketFree(ctx.paths.socket, 'the agent API socket')
        await assertSocketFree(ctx.paths.hubbleSocket, 'the Hubble API socket')
        await assertSocketFree(monitorSocketPath(ctx.paths.socket), 'the monitor socket')
      }
    } catch (err) {
      fail((err as CiliumkitError).message, (err as CiliumkitError).hint)
    }
    return ctx.installedPool === undefined ? 'none on this node, sockets free' : 'none besides this install'
  }},
  {name: 'BTF', async run(ctx) {
    if (!existsSync(ctx.btfPath)) fail(`kernel BTF is missing (${ctx.btfPath})`, 'the datapath needs a kernel built with CONFIG_DEBUG_INFO_BTF')
    return ctx.btfPath
  }},
  {name: 'datapath', async run() {
    const missing = datapathObjects.filter((o) => !existsSync(packagePath('bpf', 'build', o)))
    if (missing.length === 0) return `prebuilt bpf/build/${datapathObjects.join(', ')}`
    const clang = hasProgram('clang')
    if (!clang || !existsSync(packagePath('bpf', 'Makefile'))) {
      fail(`no datapath objects (bpf/build/${missing.join(', ')}) and no clang to build them`, 'install clang and llvm, or run make build')
    }
    return 'clang builds it'
  }},
  {name: 'pool', async run(ctx) {
    const pool = parseCidr(ctx.answers.pool)
    if (!pool) fail(`invalid pool "${ctx.answers.pool}"`)
    if (ctx.installedPool === ctx.answers.pool) return `${ctx.answers.pool} (this install's)`
    const routes = await (ctx.routes ?? hostRoutes)()
    const hit = overlappingRoutes(pool, routes)
    if (hit.length > 0) fail(`pool ${ctx.answers.pool} overlaps the host route ${describeRoute(hit[0])}`, 'choose another --pool')
    return `${ctx.answers.pool} is free`
  }},
]

function hasProgram(name: string): boolean {
  try {
    execFileSync('sh', ['-c', `command -v ${name}`], {stdio: 'ignore'})
    return true
  } catch {
    return false
  }
}

/** Runs every check in order and returns what each found; throws the first failure (PreflightError). */
export async function runPreflight(ctx: PreflightContext, only: readonly PreflightCheck[] = checks): Promise<Array<{name: string; found: string}>> {
  const out: Array<{name: string; found: string}> = []
  for (const c of only) out.push({name: c.name, found: await c.run(ctx)})
  return out
}
