import {mkdirSync, readFileSync, readdirSync, statfsSync} from 'node:fs'
import {join} from 'node:path'
import {addon} from './native.js'
import {kernelCall, NotBpffsError} from './errors.js'

/** BPF_FS_MAGIC (include/uapi/linux/magic.h): statfs's f_type on a bpf filesystem. */
const BPF_FS_MAGIC = 0xcafe4a11

/** The default bpffs of a node, where Cilium pins under tc/globals. */
export const defaultBpffs = '/sys/fs/bpf'

/** Where bpffs is mounted, from /proc/self/mounts (mountinfo octal escapes decoded). */
export function bpffsMounts(mounts = readFileSync('/proc/self/mounts', 'utf8')): string[] {
  const out: string[] = []
  for (const line of mounts.split('\n')) {
    const [, target, fstype] = line.split(' ')
    if (fstype === 'bpf' && target) out.push(target.replace(/\\([0-7]{3})/g, (_, o: string) => String.fromCharCode(parseInt(o, 8))))
  }
  return out
}

/** Whether `path` lies on a bpf filesystem (false when it does not exist). */
export function isOnBpffs(path: string): boolean {
  try {
    return statfsSync(path).type === BPF_FS_MAGIC
  } catch {
    return false
  }
}

/**
 * Makes sure `path` is on bpffs: creates the directory and mounts bpffs there when it is not.
 * Returns true when it mounted one. Throws PermissionError without CAP_SYS_ADMIN.
 */
export function ensureBpffs(path: string): boolean {
  if (isOnBpffs(path)) return false
  mkdirSync(path, {recursive: true})
  kernelCall({path}, () => addon().mountBpffs(path))
  return true
}

/** Unmounts a bpffs (lazily, as umount -l), e.g. one ensureBpffs mounted for a test. */
export function unmountBpffs(path: string): void {
  if (!isOnBpffs(path)) throw new NotBpffsError('unmount', path)
  kernelCall({path}, () => addon().unmount(path))
}

/**
 * Every file under a bpffs directory, depth first, sorted by path. Pinned objects are
 * files there; which of them are maps only opening them tells. Bounded depth: bpffs can
 * hold deep trees, and Cilium's own is two levels (tc/globals).
 */
export function pinnedPaths(root: string, maxDepth = 8): string[] {
  if (!isOnBpffs(root)) throw new NotBpffsError('list pinned maps', root)
  const out: string[] = []
  const walk = (dir: string, depth: number): void => {
    for (const e of readdirSync(dir, {withFileTypes: true}).sort((a, b) => a.name.localeCompare(b.name))) {
      const p = join(dir, e.name)
      if (e.isDirectory()) {
        if (depth < maxDepth) walk(p, depth + 1)
      } else if (e.isFile()) {
        out.push(p)
      }
    }
  }
  walk(root, 0)
  return out
}
