/**
 * `cilium install` and `cilium uninstall` on this node (no Kubernetes): preflight, bpffs, the
 * datapath objects, the state directory, the agent (background process or systemd unit), and
 * the way back. Both directions are idempotent: each step first looks whether its work is
 * already there and says so. The install record in the state directory lists what the install
 * made (a bpffs mount, directories, which pins were there before), so uninstall removes exactly
 * that and nothing a user had before.
 */
import {execFile} from 'node:child_process'
import {existsSync, mkdirSync, readFileSync, readdirSync, rmSync, rmdirSync, writeFileSync, renameSync} from 'node:fs'
import {dirname, join, relative} from 'node:path'
import {KernelError, UsageError} from '../errors.js'
import {packagePath} from '../paths.js'
import {type InstallAnswers} from './answers.js'
import {agentArgs, runningAgentPid, startAgent, stopAgent, systemctl, unitPath, unitText} from './agent-process.js'
import {installFiles, monitorSocketPath, type NodePaths, pinRoot, unitName} from './layout.js'
import {checks, datapathObjects, type PreflightCheck, preflightContext, runPreflight} from './preflight.js'
import {already, done, type Progress, skipped} from './progress.js'
import {probeSocket} from '../lib/unix-socket.js'

/** What an install made, kept in `<stateDir>/install.json` for the next install and for uninstall. */
export interface InstallRecord {
  version: 1
  answers: InstallAnswers
  paths: NodePaths
  mode: 'background' | 'systemd'
  unitFile?: string
  /** Whether install enabled the unit (tests only write it). */
  unitEnabled?: boolean
  /** Install mounted bpffs at paths.bpffs: uninstall unmounts it. */
  mountedBpffs: boolean
  /** Pinned objects under the pin root before the install: uninstall leaves them. */
  preexistingPins: string[]
  /** Whether the pin root (tc/globals) was there before: if not, uninstall removes it once empty. */
  pinRootExisted: boolean
  /** Directories install created, deepest last: uninstall removes them when empty. */
  createdDirs: string[]
}

export interface SystemdOptions {
  unitDir: string
  /** Run `systemctl daemon-reload` and `enable --now`; tests only write the unit. */
  enable: boolean
}

export interface NodeInstallOptions {
  answers: InstallAnswers
  paths: NodePaths
  /** The CLI entry the agent runs from (bin/cilium.js). */
  cliEntry?: string
  systemd?: SystemdOptions
  /** Wait this long for GET /v1/healthz to answer; no wait when omitted. */
  waitMs?: number
  /** The checks to run (tests give the host's own subset). */
  checks?: readonly PreflightCheck[]
}

export function readRecord(stateDir: string): InstallRecord | undefined {
  const {record} = installFiles(stateDir)
  if (!existsSync(record)) return undefined
  return JSON.parse(readFileSync(record, 'utf8')) as InstallRecord
}

function writeRecord(r: InstallRecord): void {
  const {record} = installFiles(r.paths.stateDir)
  writeFileSync(`${record}.tmp`, JSON.stringify(r, null, 2) + '\n', {mode: 0o600})
  renameSync(`${record}.tmp`, record)
}

/** Every file under `dir` (relative paths, sorted); empty when it does not exist. */
function filesUnder(dir: string): string[] {
  if (!existsSync(dir)) return []
  return (readdirSync(dir, {recursive: true, withFileTypes: true}) as import('node:fs').Dirent[])
    .filter((e) => !e.isDirectory())
    .map((e) => relative(dir, join(e.parentPath, e.name)))
    .sort()
}

/** mkdir -p that reports the directories it made, outermost first. */
function makeDirs(path: string, mode = 0o755): string[] {
  const first = mkdirSync(path, {recursive: true, mode})
  if (first === undefined) return []
  const made: string[] = []
  for (let p = path; ; p = dirname(p)) {
    made.unshift(p)
    if (p === first || dirname(p) === p) break
  }
  return made
}

/** JSON with sorted keys and no undefined members: the record read back compares equal to the answers given. */
function canonical(v: unknown): string {
  return JSON.stringify(v, (_k, x: unknown) => x && typeof x === 'object' && !Array.isArray(x)
    ? Object.fromEntries(Object.entries(x).filter(([, e]) => e !== undefined).sort(([a], [b]) => a.localeCompare(b))) : x)
}

function differences(a: InstallRecord, answers: InstallAnswers, paths: NodePaths): string | undefined {
  if (canonical(a.answers) !== canonical(answers)) return 'different answers'
  if (canonical(a.paths) !== canonical(paths)) return 'different paths'
  return undefined
}

const cliEntryDefault = (): string => packagePath('bin', 'cilium.js')

/**
 * Installs on this node, reporting each step to `progress`. Throws PreflightError (nothing
 * changed) when a check fails, UsageError when an install with other settings is there.
 */
export async function installNode(o: NodeInstallOptions, progress: Progress): Promise<InstallRecord> {
  const {answers, paths} = o
  const existing = readRecord(paths.stateDir)
  if (existing) {
    const why = differences(existing, answers, paths)
    if (why) {
      throw new UsageError(`ciliumkit is already installed on this node with ${why} (pool ${existing.answers.pool}, state ${existing.paths.stateDir})`,
        'run `cilium uninstall` first')
    }
  }
  await progress.step('Checking the node', async () => {
    const found = await runPreflight(preflightContext(answers, paths, existing?.answers.pool), o.checks ?? checks)
    return done(found.map((f) => `${f.name}: ${f.found}`).join(', '))
  })

  const record: InstallRecord = existing ?? {version: 1, answers, paths, mode: o.systemd ? 'systemd' : 'background',
    mountedBpffs: false, preexistingPins: [], pinRootExisted: false, createdDirs: []}

  await progress.step(`Creating the state directory ${paths.stateDir}`, async () => {
    if (existing) return already('already there')
    record.createdDirs.push(...makeDirs(paths.stateDir, 0o700))
    for (const sock of [paths.socket, paths.hubbleSocket]) record.createdDirs.push(...makeDirs(dirname(sock)))
    writeRecord(record)
    return done()
  })

  await progress.step(`Mounting bpffs at ${paths.bpffs}`, async () => {
    const {ensureBpffs, isOnBpffs} = await import('../bpf/index.js')
    if (isOnBpffs(paths.bpffs)) return already(record.mountedBpffs ? 'already mounted by this install' : 'already mounted')
    const made = existsSync(paths.bpffs) ? [] : makeDirs(paths.bpffs)
    ensureBpffs(paths.bpffs)
    record.createdDirs.push(...made)
    record.mountedBpffs = true
    writeRecord(record)
    return done()
  })
  if (!existing) {
    record.preexistingPins = filesUnder(pinRoot(paths.bpffs))
    record.pinRootExisted = existsSync(pinRoot(paths.bpffs))
    writeRecord(record)
  }

  await progress.step('Building the datapath', async () => {
    const missing = datapathObjects.filter((f) => !existsSync(packagePath('bpf', 'build', f)))
    if (missing.length === 0) return already(`prebuilt bpf/build/${datapathObjects.join(', ')}`)
    await run('make', ['-C', packagePath('bpf'), '--no-print-directory'])
    return done(`clang built bpf/build/${missing.join(', ')}`)
  })

  const cliEntry = o.cliEntry ?? cliEntryDefault()
  const args = agentArgs(answers, paths)
  if (o.systemd) {
    const systemd = o.systemd
    const file = unitPath(systemd.unitDir)
    await progress.step(`Writing the systemd unit ${file}`, async () => {
      const text = unitText(cliEntry, args, paths)
      if (existsSync(file) && readFileSync(file, 'utf8') === text) return already('already written')
      record.createdDirs.push(...makeDirs(systemd.unitDir))
      writeFileSync(file, text, {mode: 0o644})
      record.unitFile = file
      writeRecord(record)
      return done()
    })
    await progress.step('Enabling and starting the unit', async () => {
      if (!systemd.enable) return skipped('not asked to enable it')
      await systemctl(['daemon-reload'])
      await systemctl(['enable', '--now', file.split('/').pop() as string])
      record.unitEnabled = true
      writeRecord(record)
      return done()
    })
  } else {
    await progress.step('Starting the agent', async () => {
      const pid = runningAgentPid(paths.stateDir)
      if (pid !== undefined) return already(`already running, pid ${pid}`)
      const started = await startAgent(cliEntry, args, paths)
      return done(`pid ${started}, log ${installFiles(paths.stateDir).logFile}`)
    })
  }

  const agentRuns = !o.systemd || o.systemd.enable
  const logHint = `see ${o.systemd ? `journalctl -u ${unitName} and ` : ''}${installFiles(paths.stateDir).logFile}`
  if (answers.auditMode) {
    await progress.step('Turning on policy audit mode', async () => {
      if (!agentRuns) return skipped('the agent is not running: run `cilium config PolicyAuditMode=true` once it is')
      await waitForHealth(paths.socket, Math.max(o.waitMs ?? 0, 30_000), logHint)
      const {AgentClient} = await import('../api/client.js')
      const client = new AgentClient(paths.socket, 10_000)
      const config = await client.getConfig()
      if (config.status?.realized?.options?.PolicyAuditMode === 'Enabled') return already('already on')
      await client.call('patchConfig', {body: {options: {PolicyAuditMode: 'Enabled'}}})
      return done()
    })
  }

  if (o.waitMs !== undefined) {
    const waitMs = o.waitMs
    await progress.step('Waiting for the agent to be healthy', async () =>
      agentRuns ? done(await waitForHealth(paths.socket, waitMs, logHint)) : skipped('the unit is not enabled'))
  }
  return record
}

/** Polls GET /v1/healthz until the agent answers without a failure; returns its state. Throws on timeout. */
export async function waitForHealth(socket: string, timeoutMs: number, hint?: string, pollMs = 250): Promise<string> {
  const {AgentClient} = await import('../api/client.js')
  const {WaitTimeoutError} = await import('../api/wait.js')
  const client = new AgentClient(socket, Math.max(1000, Math.min(timeoutMs, 5000)))
  const deadline = Date.now() + timeoutMs
  let last = 'no answer'
  for (;;) {
    try {
      const s = await client.healthz(true)
      const state = s.cilium?.state ?? 'Ok'
      if (state !== 'Failure') return `cilium ${state}`
      last = `cilium ${state}${s.cilium?.msg ? `: ${s.cilium.msg}` : ''}`
    } catch (err) {
      last = (err as Error).message
    }
    if (Date.now() + pollMs > deadline) {
      throw new WaitTimeoutError(`the agent is not healthy after ${Math.round(timeoutMs / 1000)}s: ${last}`, hint)
    }
    await new Promise((resolve) => setTimeout(resolve, pollMs))
  }
}

function run(file: string, args: readonly string[]): Promise<string> {
  return new Promise((resolve, reject) => {
    execFile(file, [...args], {encoding: 'utf8', timeout: 300_000}, (err, stdout, stderr) => {
      if (err) reject(new UsageError(`${file} ${args.join(' ')} failed: ${String(stderr).trim().split('\n').pop() ?? err.message}`))
      else resolve(stdout)
    })
  })
}

/** The agent's saved endpoint links (agent.json in the state dir), for cleanup when the agent cannot do it. */
interface SavedLinks {records?: Array<{link?: {netns?: string; hostInterface?: string}}>}

function savedEndpointLinks(stateDir: string): Array<{netns: string; hostInterface?: string}> {
  const file = join(stateDir, 'agent.json')
  if (!existsSync(file)) return []
  try {
    const doc = JSON.parse(readFileSync(file, 'utf8')) as SavedLinks
    return (doc.records ?? []).flatMap((r) => r.link?.netns ? [{netns: r.link.netns, hostInterface: r.link.hostInterface || undefined}] : [])
  } catch {
    return []
  }
}

export interface NodeUninstallOptions {
  paths: NodePaths
  /** Where a unit would be when no record says (uninstall --systemd-unit-dir). */
  unitDir?: string
}

/** Uninstalls from this node; a second run finds nothing and says so. */
export async function uninstallNode(o: NodeUninstallOptions, progress: Progress): Promise<void> {
  const {paths} = o
  const record = readRecord(paths.stateDir)

  await progress.step('Removing endpoints', async () => {
    const removed = await removeEndpointsViaApi(paths.socket)
    if (removed === undefined) return already('the agent is not running')
    return removed === 0 ? already('none') : done(`${removed} removed`)
  })

  await progress.step('Stopping the agent', async () => {
    if (record?.unitFile) {
      const unit = record.unitFile.split('/').pop() as string
      if (record.unitEnabled) await systemctl(['disable', '--now', unit])
      rmSync(record.unitFile, {force: true})
      if (record.unitEnabled) await systemctl(['daemon-reload'])
      return done(`unit ${unit} removed`)
    }
    const pid = await stopAgent(paths.stateDir)
    return pid === undefined ? already('not running') : done(`pid ${pid}`)
  })

  await progress.step('Removing leftover endpoint namespaces', async () => {
    // What the agent could not remove (it was not running): its saved endpoint links.
    let n = 0
    for (const link of savedEndpointLinks(paths.stateDir)) {
      if (existsSync(`/var/run/netns/${link.netns}`)) {
        await run('ip', ['netns', 'del', link.netns])
        n++
      }
      // The host end usually goes with the namespace (its peer dies); the kernel may still be reaping it.
      if (link.hostInterface && existsSync(`/sys/class/net/${link.hostInterface}`)) {
        await run('ip', ['link', 'del', link.hostInterface]).catch(() => {
          if (existsSync(`/sys/class/net/${link.hostInterface}`)) throw new KernelError(`cannot delete ${link.hostInterface}`)
        })
      }
    }
    return n === 0 ? already('none') : done(`${n} removed`)
  })

  await progress.step('Unpinning maps', async () => {
    const {isOnBpffs, unmountBpffs} = await import('../bpf/index.js')
    const root = pinRoot(paths.bpffs)
    if (record?.mountedBpffs && isOnBpffs(paths.bpffs)) {
      unmountBpffs(paths.bpffs)
      return done(`unmounted ${paths.bpffs}`)
    }
    const keep = new Set(record?.preexistingPins ?? filesUnder(root))
    const pins = filesUnder(root).filter((f) => !keep.has(f))
    for (const f of pins) rmSync(join(root, f))
    // The datapath made tc/globals (and tc) on a bpffs that was there: remove them once empty.
    let dirs = 0
    if (record && !record.pinRootExisted) {
      for (const d of [root, dirname(root)]) {
        try {
          rmdirSync(d)
          dirs++
        } catch {
          // Not empty (other pins) or gone.
        }
      }
    }
    return pins.length + dirs === 0 ? already('none') : done(`${pins.length} removed from ${root}`)
  })

  await progress.step('Removing the state', async () => {
    // A socket something still listens on (another agent's) is not ours to remove.
    const sockets = []
    for (const p of [paths.socket, paths.hubbleSocket, monitorSocketPath(paths.socket)]) if (existsSync(p) && await probeSocket(p) !== 'listening') sockets.push(p)
    const leftovers = [...(existsSync(paths.stateDir) ? [paths.stateDir] : []), ...sockets]
    for (const p of leftovers) rmSync(p, {recursive: true, force: true})
    let dirs = 0
    for (const d of [...(record?.createdDirs ?? [])].reverse()) {
      try {
        rmdirSync(d)
        dirs++
      } catch {
        // Not empty (someone else's files) or already gone: leave it.
      }
    }
    return leftovers.length + dirs === 0 ? already('none') : done()
  })
}

/** Deletes every endpoint through the agent's API; undefined when no agent answers on `socket`. */
async function removeEndpointsViaApi(socket: string): Promise<number | undefined> {
  if (!existsSync(socket)) return undefined
  const {AgentClient} = await import('../api/client.js')
  const client = new AgentClient(socket, 10_000)
  let endpoints
  try {
    endpoints = await client.getEndpoints()
  } catch {
    return undefined
  }
  for (const ep of endpoints) await client.call('deleteEndpointId', {params: {id: ep.id ?? 0}})
  return endpoints.length
}

/** What `cilium install --dry-run` prints: the steps, with what is already there, changing nothing. */
export async function planNode(o: NodeInstallOptions): Promise<string> {
  const {answers, paths} = o
  const {isOnBpffs} = await import('../bpf/index.js')
  const existing = readRecord(paths.stateDir)
  const cliEntry = o.cliEntry ?? cliEntryDefault()
  const args = agentArgs(answers, paths)
  const missing = datapathObjects.filter((f) => !existsSync(packagePath('bpf', 'build', f)))
  const lines = [
    `check the node: root, kernel, BPF maps, bpffs, no other Cilium and free sockets, BTF, datapath objects, pool ${answers.pool} free of host routes`,
    `create the state directory ${paths.stateDir}${existing ? ' (already there)' : ''}`,
    `mount bpffs at ${paths.bpffs}${isOnBpffs(paths.bpffs) ? ' (already mounted)' : ''}`,
    missing.length === 0 ? `use the prebuilt datapath bpf/build/${datapathObjects.join(', ')}` : `build the datapath with clang (make -C bpf)`,
  ]
  if (o.systemd) {
    lines.push(`write the systemd unit ${unitPath(o.systemd.unitDir)}:\n${unitText(cliEntry, args, paths).replace(/^/gm, '     ').trimEnd()}`)
    lines.push(o.systemd.enable ? 'run systemctl daemon-reload and systemctl enable --now ciliumkit-agent.service' : 'leave the unit disabled')
  } else {
    const {pidFile, logFile} = installFiles(paths.stateDir)
    const pid = runningAgentPid(paths.stateDir)
    lines.push(`start the agent in the background${pid ? ` (already running, pid ${pid})` : ''}: ${process.execPath} ${cliEntry} ${args.join(' ')}` +
      `\n     pid file ${pidFile}, log file ${logFile}`)
  }
  if (o.waitMs !== undefined) lines.push(`wait up to ${Math.round(o.waitMs / 1000)}s for GET /v1/healthz on ${paths.socket}`)
  return `cilium install would:\n${lines.map((l, i) => `  ${i + 1}. ${l}`).join('\n')}\n`
}
