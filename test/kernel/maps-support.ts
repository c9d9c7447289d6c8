/**
 * Support for the maps-* kernel tests: pin a map of Cilium's exact type and sizes under a
 * temp bpffs, run the built CLI against it, and compare output line by line.
 */
import assert from 'node:assert/strict'
import {mkdirSync} from 'node:fs'
import {join} from 'node:path'
import type {TestContext} from 'node:test'
import {BpfMap, type MapSpec} from '../../src/bpf/index.js'
import {repoRoot, runCli} from '../helpers/cli.js'
import {tempBpffsDir} from '../helpers/kernel.js'

export const bin = join(repoRoot, 'bin', 'cilium.js')

/** A temp bpffs with tc/globals made; returns [root, globals dir]. */
export function bpffs(t: TestContext): [string, string] {
  const root = tempBpffsDir(t)
  const globals = join(root, 'tc', 'globals')
  mkdirSync(globals, {recursive: true})
  return [root, globals]
}

/** Creates a map, pins it as <globals>/<name> and closes our fd after the test (the pin keeps it). */
export function pinned(t: TestContext, globals: string, name: string, spec: Omit<MapSpec, 'name'>): BpfMap {
  const map = BpfMap.create({...spec, name: name.slice(0, 15)})
  t.after(() => map.close())
  map.pin(join(globals, name))
  return map
}

export interface CliResult {
  stdout: string
  stderr: string
  status: number | null
}

/** Runs `node bin/cilium.js ...` (test/helpers/cli.ts) with the bpffs root given by flag and no agent to ask. */
export async function cilium(root: string, args: readonly string[], env: NodeJS.ProcessEnv = {}): Promise<CliResult> {
  const r = await runCli('cilium', [...args, '--bpffs', root],
    {env: {...process.env, NO_COLOR: '1', CILIUM_SOCK: '/nonexistent/cilium.sock', ...env}})
  return {stdout: r.stdout, stderr: r.stderr, status: r.code}
}

/** Compares text line by line and names the first line that differs, with both versions. */
export function assertLines(actual: string, expected: readonly string[], what = 'output'): void {
  const got = actual.split('\n')
  const want = [...expected, '']
  for (let i = 0; i < Math.max(got.length, want.length); i++) {
    assert.equal(got[i], want[i], `${what}: line ${i + 1} differs\n  got:  ${JSON.stringify(got[i])}\n  want: ${JSON.stringify(want[i])}`)
  }
}

/** Little-endian u16/u32 and big-endian u16 as byte arrays, so test layouts read like the tables in cilium.md. */
export const le16 = (n: number): number[] => [n & 0xff, (n >> 8) & 0xff]
export const le32 = (n: number): number[] => [n & 0xff, (n >> 8) & 0xff, (n >> 16) & 0xff, (n >>> 24) & 0xff]
export const le64 = (n: number): number[] => [...le32(n % 2 ** 32), ...le32(Math.floor(n / 2 ** 32))]
export const be16 = (n: number): number[] => [(n >> 8) & 0xff, n & 0xff]
export const ip4 = (s: string): number[] => s.split('.').map(Number)
export const zeros = (n: number): number[] => new Array<number>(n).fill(0)

/** Assembles bytes and checks the total against the layout size the test states. */
export function bytes(size: number, ...parts: number[][]): Buffer {
  const b = Buffer.from(parts.flat())
  assert.equal(b.length, size, `composed ${b.length} bytes, layout says ${size}`)
  return b
}
