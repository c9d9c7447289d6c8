import {CiliumkitError, KernelError} from '../errors.js'

/**
 * The only switch on errno in ciliumkit: the addon throws Errors that carry `errno`
 * and `op`; fromErrno gives them a name, the path or map they concern, and what to do.
 */

// Linux errno values (asm-generic/errno-base.h, errno.h).
export const EPERM = 1, ENOENT = 2, EINTR = 4, E2BIG = 7, EBADF = 9, EAGAIN = 11, ENOMEM = 12, EACCES = 13,
  EFAULT = 14, EBUSY = 16, EEXIST = 17, ENODEV = 19, EINVAL = 22, ENOTTY = 25, ENOSPC = 28, ENOSYS = 38,
  EBADFD = 77, EOPNOTSUPP = 95
/** Kernel-internal "not supported" (include/linux/errno.h); it leaks out of bpf(2) for map ops a type lacks. */
export const ENOTSUPP = 524

/** Where an operation failed: the pinned path or the map's name, for the message. */
export interface ErrorSubject {
  path?: string
  map?: string
}

/** A bpf(2), netlink or mount call that failed; `errno` is the kernel's answer. */
export class BpfError extends KernelError {
  constructor(readonly op: string, readonly errno: number, readonly subject: ErrorSubject = {}, message?: string,
    hint?: string) {
    super(message ?? `${op}${describe(subject)}: ${errnoText(errno)}`, hint)
  }
}

/** The key is not in the map (lookup, delete). */
export class KeyNotFoundError extends BpfError {
  constructor(op: string, subject: ErrorSubject = {}) {
    super(op, ENOENT, subject, `${op}${describe(subject)}: key not found`)
  }
}

/** update with the NOEXIST flag found the key already there. */
export class KeyExistsError extends BpfError {
  constructor(op: string, subject: ErrorSubject = {}) {
    super(op, EEXIST, subject, `${op}${describe(subject)}: key already exists`)
  }
}

/** No capability to use bpf(2) (or to enter a namespace, mount bpffs). */
export class PermissionError extends BpfError {
  constructor(op: string, errno: number, subject: ErrorSubject = {}) {
    super(op, errno, subject, `${op}${describe(subject)}: permission denied`, 'run as root or grant CAP_BPF/CAP_SYS_ADMIN')
  }
}

/** Nothing is pinned at the path. */
export class NotPinnedError extends BpfError {
  constructor(op: string, path: string, hint = 'list pinned maps with `cilium bpf map list`') {
    super(op, ENOENT, {path}, `no map pinned at ${path}`, hint)
  }
}

/** Something is pinned at the path, but it is a program or link, not a map. */
export class NotAMapError extends BpfError {
  constructor(op: string, path: string) {
    super(op, ENOTTY, {path}, `${path} is not a BPF map`)
  }
}

/** The path is not on a bpf filesystem, so nothing can be pinned or opened there. */
export class NotBpffsError extends BpfError {
  constructor(op: string, path: string) {
    super(op, EINVAL, {path}, `${path} is not on a bpf filesystem`, `mount one with \`mount -t bpf bpf ${path}\``)
  }
}

/** The kernel lacks the operation for this map type (or at all, before the version that added it). */
export class NotSupportedError extends BpfError {
  constructor(op: string, errno: number, subject: ErrorSubject = {}) {
    super(op, errno, subject, `${op}${describe(subject)}: not supported by this kernel or map type`)
  }
}

/** update on a full map (E2BIG). */
export class MapFullError extends BpfError {
  constructor(op: string, subject: ErrorSubject = {}) {
    super(op, E2BIG, subject, `${op}${describe(subject)}: map is full`, 'delete entries or create the map with more max entries')
  }
}

/** The map, object or ring buffer was closed before this call. */
export class ClosedError extends BpfError {
  constructor(op: string, subject: ErrorSubject = {}) {
    super(op, EBADF, subject, `${op}${describe(subject)}: already closed`)
  }
}

/** A callback of the caller's threw (a RingBuffer's onEvents); `cause` is what it threw. */
export class CallbackError extends CiliumkitError {
  constructor(what: string, subject: ErrorSubject, cause: unknown) {
    super(`${what}${describe(subject)} threw: ${cause instanceof Error ? cause.message : String(cause)}`, undefined, {cause})
  }
}

const keyOps = new Set(['map lookup', 'map update', 'map update batch', 'map delete'])

/** The kernel refused to load a program; the message ends with the tail of libbpf's log (the verifier's verdict). */
export class ProgramLoadError extends BpfError {
  constructor(op: string, errno: number, subject: ErrorSubject, readonly log: string) {
    super(op, errno, subject, `${op}${describe(subject)}: ${errnoText(errno)}\n${log}`,
      errno === EPERM ? 'run as root or grant CAP_BPF/CAP_SYS_ADMIN' : undefined)
  }
}

/** Turns an errno from the addon into its named error. */
export function fromErrno(op: string, errno: number, subject: ErrorSubject = {}, detail?: string): BpfError {
  // A program the verifier rejects comes back as EACCES or EINVAL, which is not a missing capability.
  if (op === 'object load' && detail) return new ProgramLoadError(op, errno, subject, detail)
  switch (errno) {
    case EPERM: case EACCES: return new PermissionError(op, errno, subject)
    case ENOENT:
      if (op === 'open pinned map' && subject.path) return new NotPinnedError(op, subject.path)
      if (keyOps.has(op)) return new KeyNotFoundError(op, subject)
      return new BpfError(op, errno, subject, `${op}${describe(subject)}: not found`)
    case EEXIST: return new KeyExistsError(op, subject)
    case E2BIG: return op === 'map update' || op === 'map update batch' ? new MapFullError(op, subject) : new BpfError(op, errno, subject)
    case EBADF: return new ClosedError(op, subject)
    case ENOTTY: return subject.path ? new NotAMapError(op, subject.path) : new BpfError(op, errno, subject)
    case EOPNOTSUPP: case ENOTSUPP: case ENOSYS: return new NotSupportedError(op, errno, subject)
    default: {
      const message = `${op}${describe(subject)}: ${errnoText(errno)}` + (detail ? `\n${detail}` : '')
      return new BpfError(op, errno, subject, message)
    }
  }
}

/**
 * Runs one addon call and rethrows what it throws: an Error with `errno` becomes a
 * named BpfError (its own message kept as the cause); TypeErrors and RangeErrors
 * about bad arguments pass unchanged.
 */
export function kernelCall<T>(subject: ErrorSubject, fn: () => T): T {
  try {
    return fn()
  } catch (err) {
    throw translate(err, subject)
  }
}

/** The same as kernelCall for the addon's promises. */
export async function kernelCallAsync<T>(subject: ErrorSubject, fn: () => Promise<T>): Promise<T> {
  try {
    return await fn()
  } catch (err) {
    throw translate(err, subject)
  }
}

/** Converts an error thrown by the addon; anything without errno is returned as is. */
export function translate(err: unknown, subject: ErrorSubject = {}): unknown {
  if (!(err instanceof Error) || typeof (err as {errno?: unknown}).errno !== 'number') return err
  const {errno, op} = err as Error & {errno: number; op?: string}
  const detail = err.message.includes('\n') ? err.message.slice(err.message.indexOf('\n') + 1) : undefined
  const named = fromErrno(op ?? 'bpf', errno, subject, detail)
  ;(named as {cause?: unknown}).cause = err
  return named
}

const errnoNames: Record<number, string> = {
  [EPERM]: 'EPERM', [ENOENT]: 'ENOENT', [EINTR]: 'EINTR', [E2BIG]: 'E2BIG', [EBADF]: 'EBADF', [EAGAIN]: 'EAGAIN',
  [ENOMEM]: 'ENOMEM', [EACCES]: 'EACCES', [EFAULT]: 'EFAULT', [EBUSY]: 'EBUSY', [EEXIST]: 'EEXIST',
  [ENODEV]: 'ENODEV', [EINVAL]: 'EINVAL', [ENOTTY]: 'ENOTTY', [ENOSPC]: 'ENOSPC', [ENOSYS]: 'ENOSYS',
  [EBADFD]: 'EBADFD', [EOPNOTSUPP]: 'EOPNOTSUPP', [ENOTSUPP]: 'ENOTSUPP',
}

/** "EINVAL (22)", or the bare number for an errno without a name here. */
export function errnoText(errno: number): string {
  const name = errnoNames[errno]
  return name ? `${name} (${errno})` : `errno ${errno}`
}

function describe(s: ErrorSubject): string {
  if (s.path) return ` ${s.path}`
  if (s.map) return ` (map ${s.map})`
  return ''
}
