/**
 * Taking a unix socket path for a server without taking it from someone: a socket file is
 * removed only when nothing answers on it (a stale file of a server that died). When a
 * process listens there, the caller gets one error naming the socket and that process, so an
 * agent never unlinks the socket of a running Cilium agent (or of another ciliumkit agent).
 */
import {lstatSync, readdirSync, readFileSync, readlinkSync, rmSync} from 'node:fs'
import {connect} from 'node:net'
import {CiliumkitError} from '../errors.js'

/** How long a connect may take before the socket counts as served (a full accept queue). */
const connectTimeoutMs = 1000

/** What is at a unix socket path: nothing, a file nobody listens on, or a live server. */
export type SocketState = 'absent' | 'stale' | 'listening'

/** Connects once to find out whether a server answers on the socket at `path`. */
export function probeSocket(path: string): Promise<SocketState> {
  return new Promise((resolve) => {
    const s = connect({path})
    const done = (state: SocketState) => {
      clearTimeout(timer)
      s.destroy()
      resolve(state)
    }
    const timer = setTimeout(() => done('listening'), connectTimeoutMs)
    s.once('connect', () => done('listening'))
    s.once('error', (err: NodeJS.ErrnoException) => {
      // ECONNREFUSED: a socket file without a listener. EACCES and others: someone's socket we may not use.
      done(err.code === 'ENOENT' ? 'absent' : err.code === 'ECONNREFUSED' ? 'stale' : 'listening')
    })
  })
}

/** Inodes of listening unix sockets bound to `path`, from one /proc/<pid>/net/unix table. */
function listeningInodes(table: string, path: string): Set<string> {
  const out = new Set<string>()
  for (const line of table.split('\n').slice(1)) {
    // Num RefCount Protocol Flags Type St Inode Path
    const f = line.trim().split(/\s+/)
    if (f.length >= 8 && f.slice(7).join(' ') === path && (parseInt(f[3], 16) & 0x10000) !== 0) out.add(f[6])
  }
  return out
}

function readOr(path: string, fallback = ''): string {
  try {
    return readFileSync(path, 'utf8')
  } catch {
    return fallback
  }
}

/**
 * The process listening on a unix socket path (`pid 812: cilium-agent --config-dir=...`), or
 * undefined when /proc does not tell (another user's process without privileges). Reads the
 * socket tables of every network namespace in use, since the server may run in another one.
 */
export function socketOwner(path: string): string | undefined {
  const pids = readdirSync('/proc').filter((p) => /^\d+$/.test(p))
  const inodes = new Set<string>(listeningInodes(readOr('/proc/self/net/unix'), path))
  if (inodes.size === 0) {
    const seen = new Set<string>()
    for (const pid of pids) {
      let ns: string
      try {
        ns = readlinkSync(`/proc/${pid}/ns/net`)
      } catch {
        continue
      }
      if (seen.has(ns)) continue
      seen.add(ns)
      for (const i of listeningInodes(readOr(`/proc/${pid}/net/unix`), path)) inodes.add(i)
    }
  }
  if (inodes.size === 0) return undefined
  const wanted = new Set([...inodes].map((i) => `socket:[${i}]`))
  for (const pid of pids) {
    let fds: string[]
    try {
      fds = readdirSync(`/proc/${pid}/fd`)
    } catch {
      continue
    }
    for (const fd of fds) {
      let target: string
      try {
        target = readlinkSync(`/proc/${pid}/fd/${fd}`)
      } catch {
        continue
      }
      if (!wanted.has(target)) continue
      const cmd = readOr(`/proc/${pid}/cmdline`).split('\0').filter(Boolean).slice(0, 4).join(' ')
      return `pid ${pid}: ${cmd || readOr(`/proc/${pid}/comm`).trim()}`
    }
  }
  return undefined
}

/** The socket path is served by another process (or holds something that is not a socket). */
export class SocketInUseError extends CiliumkitError {}

/**
 * Checks that no server holds `path` and returns what is there. Throws SocketInUseError when a
 * process answers on it (naming the process) or when the path is not a socket. `what` names
 * the socket in the message (`the agent API socket`).
 */
export async function assertSocketFree(path: string, what: string): Promise<SocketState> {
  let isSocket: boolean
  try {
    isSocket = lstatSync(path).isSocket()
  } catch {
    return 'absent'
  }
  if (!isSocket) throw new SocketInUseError(`${what} ${path} exists and is not a socket`, 'remove it or choose another path')
  const state = await probeSocket(path)
  if (state === 'listening') {
    throw new SocketInUseError(`${what} ${path} is in use by ${socketOwner(path) ?? 'another process'}`,
      'stop that process first, or choose another socket path')
  }
  return state
}

/**
 * Makes `path` free for a server to bind: nothing there is fine, a stale socket file (its
 * server died) is removed. Throws what assertSocketFree throws; a file is never removed.
 */
export async function claimSocketPath(path: string, what: string): Promise<void> {
  if (await assertSocketFree(path, what) === 'stale') rmSync(path, {force: true})
}
