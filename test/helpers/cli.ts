import {execFile, type ExecFileOptions} from 'node:child_process'
import {mkdtempSync, rmSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {fileURLToPath} from 'node:url'
import type {TestContext} from 'node:test'

/** The repository root, from dist/test/helpers. */
export const repoRoot = fileURLToPath(new URL('../../../', import.meta.url))

export interface RunResult {
  code: number
  stdout: string
  stderr: string
}

/** execFile's options, and `input`: what the program reads on stdin (then end of file). */
export type RunOptions = ExecFileOptions & {input?: string | Buffer}

/** Runs a program and collects its output; never rejects on a non-zero exit. */
export function run(file: string, args: readonly string[], {input, ...options}: RunOptions = {}): Promise<RunResult> {
  return new Promise((resolve) => {
    const child = execFile(file, args, {encoding: 'utf8', maxBuffer: 64 << 20, timeout: 60_000, ...options}, (error, stdout, stderr) => {
      const code = error ? (typeof error.code === 'number' ? error.code : 1) : 0
      resolve({code, stdout: String(stdout), stderr: String(stderr)})
    })
    if (input !== undefined) child.stdin?.end(input)
  })
}

/**
 * For the `node -e` probes of the network helpers: the callback of their deadline, which prints
 * `timeout` and exits only if the answer has not come (the probe's handlers set `done`) once the
 * I/O already due has run. A probe stalled past its deadline on a loaded machine runs its timers
 * before its I/O, and would otherwise call an answer that was waiting a timeout.
 */
export const probeTimedOut = "()=>setImmediate(()=>{if(!done){console.log('timeout');process.exit(0)}})"

/** Runs the built CLI as a user would: `node bin/<bin>.js args...`. */
export function runCli(bin: 'cilium' | 'hubble', args: readonly string[], options: RunOptions = {}): Promise<RunResult> {
  return run(process.execPath, [join(repoRoot, 'bin', `${bin}.js`), ...args], options)
}

/** A temp directory removed after the test. */
export function tempDir(t: TestContext, prefix = 'ciliumkit-'): string {
  const dir = mkdtempSync(join(tmpdir(), prefix))
  t.after(() => rmSync(dir, {recursive: true, force: true}))
  return dir
}

/** A directory with `cilium` and `hubble` executables that run this checkout, for PATH. */
export function binDir(t: TestContext): string {
  const dir = tempDir(t, 'ciliumkit-bin-')
  for (const bin of ['cilium', 'hubble']) {
    writeFileSync(join(dir, bin), `#!/bin/sh\nexec "${process.execPath}" "${join(repoRoot, 'bin', `${bin}.js`)}" "$@"\n`, {mode: 0o755})
  }
  return dir
}
