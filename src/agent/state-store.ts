/**
 * The agent's state directory: JSON documents written atomically (temp file, fsync, rename,
 * fsync of the directory), so a crash at any instant leaves either the old or the new
 * document, never a torn one. Restart reads them back.
 */
import {closeSync, fsyncSync, mkdirSync, openSync, readFileSync, renameSync, writeSync} from 'node:fs'
import {join} from 'node:path'
import {CiliumkitError} from '../errors.js'

export class StateStore {
  constructor(readonly dir: string) {
    mkdirSync(dir, {recursive: true, mode: 0o700})
  }

  path(name: string): string {
    return join(this.dir, name)
  }

  /** Writes `name` atomically. Throws the fs error (ENOSPC, EACCES) unchanged. */
  write(name: string, value: unknown): void {
    const target = this.path(name)
    const tmp = `${target}.${process.pid}.tmp`
    const fd = openSync(tmp, 'w', 0o600)
    try {
      writeSync(fd, JSON.stringify(value) + '\n')
      fsyncSync(fd)
    } finally {
      closeSync(fd)
    }
    renameSync(tmp, target)
    const dirFd = openSync(this.dir, 'r')
    try {
      fsyncSync(dirFd)
    } finally {
      closeSync(dirFd)
    }
  }

  /** Reads `name`, or undefined when it was never written. Throws CiliumkitError on a document that does not parse. */
  read<T>(name: string): T | undefined {
    let text: string
    try {
      text = readFileSync(this.path(name), 'utf8')
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') return undefined
      throw err
    }
    try {
      return JSON.parse(text) as T
    } catch (err) {
      throw new CiliumkitError(`state file ${this.path(name)} is corrupt: ${(err as Error).message}`,
        'move it away to start with an empty state', {cause: err})
    }
  }
}
