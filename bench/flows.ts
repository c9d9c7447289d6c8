/**
 * The 1,000,000-flow input of the observe benchmarks, regenerated from
 * research/peers/perf-flow-template.json: line i = variant i % 12 with both times set to
 * base_time + i * time_step_ns (RFC 3339, 9 fraction digits). And the floor those benchmarks
 * compare with: a loop that only splits the file into lines and JSON.parses them.
 */
import {closeSync, openSync, readFileSync, writeSync} from 'node:fs'
import {join} from 'node:path'
import {fileURLToPath} from 'node:url'

const root = fileURLToPath(new URL('../../', import.meta.url))
const template = JSON.parse(readFileSync(join(root, 'test/fixtures/hubble/perf-flow-template.json'), 'utf8')) as {
  base_time: string; time_step_ns: number; variants: Array<Record<string, unknown> & {flow: Record<string, unknown>}>
}

function rfc3339Nanos(ns: bigint): string {
  const s = ns / 1_000_000_000n
  return new Date(Number(s) * 1000).toISOString().slice(0, 19) + '.' + String(ns % 1_000_000_000n).padStart(9, '0') + 'Z'
}

export function writeFlowFile(path: string, flows: number): void {
  const fd = openSync(path, 'w')
  const base = BigInt(Date.parse(template.base_time)) * 1_000_000n
  let chunk = ''
  for (let i = 0; i < flows; i++) {
    const v = template.variants[i % template.variants.length]
    const t = rfc3339Nanos(base + BigInt(i) * BigInt(template.time_step_ns))
    chunk += JSON.stringify({...v, flow: {...v.flow, time: t}, time: t}) + '\n'
    if (chunk.length > 1 << 22) {
      writeSync(fd, chunk)
      chunk = ''
    }
  }
  writeSync(fd, chunk)
  closeSync(fd)
}

/** `node -e bareLoop FILE`: read, split into lines, JSON.parse; nothing printed. */
export const bareLoop = `
const fs = require('node:fs')
let rest = '', n = 0
const s = fs.createReadStream(process.argv[1], {highWaterMark: 1 << 20, encoding: 'utf8'})
s.on('data', (c) => {
  const t = rest + c
  let i = 0
  for (let j = t.indexOf('\\n'); j >= 0; j = t.indexOf('\\n', i)) { JSON.parse(t.slice(i, j)); n++; i = j + 1 }
  rest = t.slice(i)
})
s.on('end', () => { if (rest) { JSON.parse(rest); n++ } })
`
