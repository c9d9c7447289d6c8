/**
 * What `cilium policy import|validate <path>` reads: a file, a directory (its files first, then
 * its sub-directories, recursively; `.git` skipped) or `-` for stdin (at most 1 MiB), as the
 * real CLI does (research/cilium.md §4.7).
 */
import {readFile, readdir, stat} from 'node:fs/promises'
import {join} from 'node:path'
import {ValidationError} from '../errors.js'

export const maxStdinBytes = 1 << 20

export interface PolicySource {
  file: string
  text: string
}

/** Reads every policy file under `path`. Throws ValidationError `<path> is not a file or a directory`. */
export async function readPolicySources(path: string, stdin: AsyncIterable<Buffer | string> = process.stdin): Promise<PolicySource[]> {
  if (path === '-') return [{file: '-', text: await readLimited(stdin)}]
  let st
  try {
    st = await stat(path)
  } catch (err) {
    throw new ValidationError(`Cannot parse policy ${path}: ${(err as NodeJS.ErrnoException).code === 'ENOENT'
      ? `open ${path}: no such file or directory` : (err as Error).message}`)
  }
  if (st.isFile()) return [{file: path, text: await readFile(path, 'utf8')}]
  if (!st.isDirectory()) throw new ValidationError(`${path} is not a file or a directory`)
  const entries = (await readdir(path, {withFileTypes: true})).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
  const out: PolicySource[] = []
  for (const e of entries) if (e.isFile()) out.push({file: join(path, e.name), text: await readFile(join(path, e.name), 'utf8')})
  for (const e of entries) if (e.isDirectory() && e.name !== '.git') out.push(...await readPolicySources(join(path, e.name), stdin))
  return out
}

async function readLimited(stream: AsyncIterable<Buffer | string>): Promise<string> {
  const chunks: Buffer[] = []
  let size = 0
  for await (const c of stream) {
    const b = typeof c === 'string' ? Buffer.from(c) : c
    size += b.length
    if (size > maxStdinBytes) throw new ValidationError(`policy on stdin is larger than ${maxStdinBytes} bytes`)
    chunks.push(b)
  }
  return Buffer.concat(chunks).toString('utf8')
}
