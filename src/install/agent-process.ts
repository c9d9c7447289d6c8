/**
 * How the agent runs once installed: a detached `cilium agent` process with a pid file and a log
 * file in the state directory, or a systemd unit. Both run the same argv, built from the answers.
 */
import {execFile, spawn} from 'node:child_process'
import {closeSync, existsSync, openSync, readFileSync, rmSync, writeFileSync} from 'node:fs'
import {join} from 'node:path'
import {CiliumkitError} from '../errors.js'
import type {InstallAnswers} from './answers.js'
import {installFiles, type NodePaths, unitName} from './layout.js'

/** The agent could not be started, or stopped when asked. */
export class AgentProcessError extends CiliumkitError {}

/**
 * `cilium agent ...` for these answers (the argv after the CLI's entry script). Audit mode is
 * not a flag of the agent: install sets it through the API (PATCH /config), and the agent keeps it.
 */
export function agentArgs(a: InstallAnswers, p: NodePaths): string[] {
  return ['agent', '--state-dir', p.stateDir, '--bpffs', p.bpffs, '--socket', p.socket, '--hubble-socket', p.hubbleSocket,
    '--pool', a.pool, '--enable-policy', a.enablePolicy,
    ...(a.hubbleListenAddress !== undefined ? ['--hubble-listen-address', a.hubbleListenAddress] : []),
    ...(a.hubbleTls ? ['--hubble-tls-cert-file', a.hubbleTls.certFile, '--hubble-tls-key-file', a.hubbleTls.keyFile,
      ...(a.hubbleTls.clientCaFile ? ['--hubble-tls-client-ca-files', a.hubbleTls.clientCaFile] : [])] : []),
    '--hubble-event-buffer-capacity', String(a.ringCapacity)]
}

/** Whether `pid` is alive and is the agent of this state directory (a recycled pid is not). */
export function isAgentProcess(pid: number, stateDir: string): boolean {
  let argv: string[]
  try {
    argv = readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0')
  } catch {
    return false
  }
  const at = argv.indexOf('--state-dir')
  return argv.includes('agent') && at >= 0 && argv[at + 1] === stateDir
}

/** The pid of the running background agent of `stateDir`, from its pid file; undefined when none runs. */
export function runningAgentPid(stateDir: string): number | undefined {
  const {pidFile} = installFiles(stateDir)
  if (!existsSync(pidFile)) return undefined
  const pid = Number(readFileSync(pidFile, 'utf8').trim())
  return Number.isInteger(pid) && pid > 0 && isAgentProcess(pid, stateDir) ? pid : undefined
}

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms))

function lastLogLine(logFile: string): string {
  try {
    const lines = readFileSync(logFile, 'utf8').trim().split('\n')
    return lines[lines.length - 1] ?? ''
  } catch {
    return ''
  }
}

/**
 * Starts `node <cliEntry> agent ...` detached from this process (its own session, output appended
 * to the log file) and writes its pid file. Resolves once the process has lived `settleMs` or its
 * API socket exists; throws AgentProcessError with the log's last line when it exits before that.
 */
export async function startAgent(cliEntry: string, args: readonly string[], p: NodePaths, settleMs = 1500): Promise<number> {
  const {pidFile, logFile} = installFiles(p.stateDir)
  const log = openSync(logFile, 'a', 0o600)
  let exited: number | null | undefined
  let child
  try {
    child = spawn(process.execPath, [cliEntry, ...args], {detached: true, stdio: ['ignore', log, log], cwd: '/'})
  } finally {
    closeSync(log)
  }
  const pid = child.pid
  if (pid === undefined) throw new AgentProcessError('cannot start the agent', `see ${logFile}`)
  child.on('exit', (code, signal) => { exited = code ?? (signal ? 128 : 1) })
  child.unref()
  writeFileSync(pidFile, `${pid}\n`, {mode: 0o644})
  const until = Date.now() + settleMs
  while (Date.now() < until && exited === undefined && !existsSync(p.socket)) await sleep(50)
  if (exited !== undefined) {
    rmSync(pidFile, {force: true})
    const why = lastLogLine(logFile)
    throw new AgentProcessError(`the agent exited at start (status ${exited})${why ? `: ${why}` : ''}`, `its log is ${logFile}`)
  }
  return pid
}

/**
 * Stops the background agent: SIGTERM (it shuts down cleanly), SIGKILL after `graceMs`.
 * Returns the pid it stopped, or undefined when none was running. Removes the pid file.
 */
export async function stopAgent(stateDir: string, graceMs = 10_000): Promise<number | undefined> {
  const {pidFile} = installFiles(stateDir)
  const pid = runningAgentPid(stateDir)
  if (pid !== undefined) {
    process.kill(pid, 'SIGTERM')
    const until = Date.now() + graceMs
    while (Date.now() < until && isAgentProcess(pid, stateDir)) await sleep(50)
    if (isAgentProcess(pid, stateDir)) {
      process.kill(pid, 'SIGKILL')
      for (let i = 0; i < 100 && isAgentProcess(pid, stateDir); i++) await sleep(20)
    }
  }
  rmSync(pidFile, {force: true})
  return pid
}

/** The systemd unit that runs the agent (`Restart=on-failure`, log appended to the state dir's log). */
export function unitText(cliEntry: string, args: readonly string[], p: NodePaths, node = process.execPath): string {
  const {logFile} = installFiles(p.stateDir)
  const exec = [node, cliEntry, ...args].map(systemdWord).join(' ')
  return `[Unit]
Description=ciliumkit agent: Cilium-compatible eBPF datapath, REST API and Hubble
Documentation=https://docs.cilium.io
After=network-online.target local-fs.target
Wants=network-online.target

[Service]
Type=simple
ExecStart=${exec}
Restart=on-failure
RestartSec=2
KillSignal=SIGTERM
TimeoutStopSec=15
StandardOutput=append:${logFile}
StandardError=append:${logFile}

[Install]
WantedBy=multi-user.target
`
}

/** Quotes an ExecStart word the way systemd.syntax(7) reads it. */
function systemdWord(w: string): string {
  return /^[A-Za-z0-9_@%+=:,./-]+$/.test(w) ? w : `"${w.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`
}

/** Runs systemctl; throws AgentProcessError with its message. */
export function systemctl(args: readonly string[]): Promise<string> {
  return new Promise((resolve, reject) => {
    execFile('systemctl', [...args], {encoding: 'utf8', timeout: 60_000}, (err, stdout, stderr) => {
      if (err) reject(new AgentProcessError(`systemctl ${args.join(' ')}: ${String(stderr).trim() || err.message}`))
      else resolve(stdout)
    })
  })
}

/** The unit file's path in `unitDir`. */
export function unitPath(unitDir: string): string {
  return join(unitDir, unitName)
}
