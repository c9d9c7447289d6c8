import assert from 'node:assert/strict'
import {mkdirSync} from 'node:fs'
import {join} from 'node:path'
import {fileURLToPath} from 'node:url'
import {test} from 'node:test'
import {BpfMap, BpfObject} from '../../src/bpf/index.js'
import {repoRoot, run, runCli} from '../helpers/cli.js'
import {skipUnlessBpf, tempBpffsDir} from '../helpers/kernel.js'

const objectFile = join(repoRoot, 'bpf', 'build', 'pkt_counter.o')

async function cilium(args: string[], env: NodeJS.ProcessEnv = {}): Promise<{stdout: string; stderr: string; status: number}> {
  const r = await runCli('cilium', args, {env: {...process.env, NO_COLOR: '1', ...env}})
  return {stdout: r.stdout, stderr: r.stderr, status: r.code}
}

/** A bpffs with: a hash map (no BTF) at the top, the test object's BTF maps in pins/, a per-CPU array in tc/globals. */
function populate(t: Parameters<typeof tempBpffsDir>[0]): string {
  const fs = tempBpffsDir(t)
  const hash = BpfMap.create({type: 'hash', keySize: 4, valueSize: 8, maxEntries: 16, name: 'ck_hash'})
  t.after(() => hash.close())
  hash.pin(join(fs, 'ck_hash'))
  hash.update(Buffer.from([1, 0, 0, 0]), Buffer.from([2, 0, 0, 0, 0, 0, 0, 0xff]))
  hash.update(Buffer.from([0xa, 0, 0, 0]), Buffer.alloc(8))
  mkdirSync(join(fs, 'tc', 'globals'), {recursive: true})
  const pcpu = BpfMap.create({type: 'percpu_array', keySize: 4, valueSize: 4, maxEntries: 1, name: 'cilium_pcpu'})
  t.after(() => pcpu.close())
  pcpu.pin(join(fs, 'tc', 'globals', 'cilium_pcpu'))
  const obj = BpfObject.open(objectFile)
  t.after(() => obj.close())
  obj.pinMapsUnder(join(fs, 'pins'))
  mkdirSync(join(fs, 'pins'))
  obj.load()
  const counts = obj.map('pkt_counts')
  t.after(() => counts.close())
  const key = Buffer.alloc(8)
  key.writeUInt32LE(7, 0)
  key[4] = 17
  const value = Buffer.alloc(16)
  value.writeBigUInt64LE(3n, 0)
  value.writeBigUInt64LE(180n, 8)
  counts.update(key, value)
  return fs
}

test('cilium bpf map list: every pinned map with its entry count, table and json', async (t) => {
  if (skipUnlessBpf(t)) return
  const fs = populate(t)
  const table = await cilium(['bpf', 'map', 'list', '--bpffs', fs])
  assert.equal(table.status, 0, table.stderr)
  const lines = table.stdout.trimEnd().split('\n')
  assert.match(lines[0], /^NAME\s+TYPE\s+KEY SIZE\s+VALUE SIZE\s+MAX ENTRIES\s+ENTRIES\s+PATH$/)
  assert.match(table.stdout, new RegExp(`^ck_hash\\s+hash\\s+4\\s+8\\s+16\\s+2\\s+${fs}/ck_hash$`, 'm'))
  assert.match(table.stdout, /^pkt_events\s+ringbuf\s+0\s+0\s+65536\s+\//m)
  const rows = JSON.parse((await cilium(['bpf', 'map', 'list', '-o', 'json'], {CILIUM_BPFFS: fs})).stdout) as Array<Record<string, unknown>>
  assert.deepEqual(rows.map((r) => [r.name, r.type, r.entries]), [
    ['ck_hash', 'hash', 2], ['pkt_counts', 'hash', 1], ['pkt_events', 'ringbuf', null], ['pkt_lost', 'array', 1],
    ['cilium_pcpu', 'percpu_array', 1],
  ])
})

test('cilium bpf map get: hex without BTF, fields with BTF, per-CPU values, by name or path', async (t) => {
  if (skipUnlessBpf(t)) return
  const fs = populate(t)
  const hex = await cilium(['bpf', 'map', 'get', 'ck_hash', '--bpffs', fs])
  assert.equal(hex.status, 0, hex.stderr)
  const lines = hex.stdout.split('\n')
  assert.equal(lines[0], 'KEY           VALUE')
  assert.deepEqual(lines.slice(1).sort(), ['', '01 00 00 00   02 00 00 00 00 00 00 ff', '0a 00 00 00   00 00 00 00 00 00 00 00'])
  const json = JSON.parse((await cilium(['bpf', 'map', 'get', join(fs, 'ck_hash'), '-o', 'json'])).stdout) as Array<{key: string}>
  assert.deepEqual(json.map((e) => e.key).sort(), ['01 00 00 00', '0a 00 00 00'])

  const btf = await cilium(['bpf', 'map', 'get', 'pkt_counts', '--bpffs', fs])
  assert.equal(btf.stdout, 'KEY                                 VALUE\nifindex=7 protocol=17 pad=[0 0 0]   packets=3 bytes=180\n')
  assert.deepEqual(JSON.parse((await cilium(['bpf', 'map', 'get', 'pkt_counts', '--bpffs', fs, '-o', 'json'])).stdout),
    [{key: {ifindex: 7, protocol: 17, pad: [0, 0, 0]}, value: {packets: 3, bytes: 180}}])
  assert.match((await cilium(['bpf', 'map', 'get', 'pkt_counts', '--bpffs', fs, '--no-btf'])).stdout, /^07 00 00 00 11 00 00 00 {3}03 00/m)
  assert.match((await cilium(['bpf', 'map', 'get', 'pkt_counts', '--bpffs', fs, '-o', 'yaml'])).stdout, /^- key:\n {6}ifindex: 7\n/)

  const pcpu = await cilium(['bpf', 'map', 'get', 'cilium_pcpu', '--bpffs', fs])
  const cpus = BpfMap.openPinned(join(fs, 'tc', 'globals', 'cilium_pcpu'))
  t.after(() => cpus.close())
  assert.equal(pcpu.stdout.split('\n')[1], '00 00 00 00   ' + Array(cpus.possibleCpus).fill('00 00 00 00').join(' | '))
})

test('cilium bpf map: one-line errors with exit 1', async (t) => {
  if (skipUnlessBpf(t)) return
  const fs = populate(t)
  const missing = await cilium(['bpf', 'map', 'get', 'nope', '--bpffs', fs])
  assert.equal(missing.status, 1)
  assert.equal(missing.stderr, `Error: no map pinned at ${fs}/nope (list pinned maps with \`cilium bpf map list\`)\n`)
  const ring = await cilium(['bpf', 'map', 'get', 'pkt_events', '--bpffs', fs])
  assert.equal(ring.status, 1)
  assert.match(ring.stderr, /^Error: dump of a ringbuf map .*not supported/)
  const notFs = await cilium(['bpf', 'map', 'list', '--bpffs', fileURLToPath(new URL('.', import.meta.url))])
  assert.equal(notFs.status, 1)
  assert.match(notFs.stderr, /^Error: .* is not on a bpf filesystem \(mount one with/)
})

test('cilium bpf map get: a reader that stops (| head) ends it quietly with exit 0; other write errors are one line, exit 1',
  async (t) => {
    if (skipUnlessBpf(t)) return
    const fs = tempBpffsDir(t)
    const big = BpfMap.create({type: 'hash', keySize: 8, valueSize: 8, maxEntries: 200_000, name: 'ck_big'})
    t.after(() => big.close())
    big.pin(join(fs, 'ck_big'))
    const k = Buffer.alloc(8)
    for (let i = 0; i < 200_000; i++) {
      k.writeUInt32LE(i, 0)
      big.update(k, k)
    }
    const cli = `"${process.execPath}" "${join(repoRoot, 'bin', 'cilium.js')}" bpf map get ck_big --bpffs "${fs}"`
    // 200,000 lines (7 MB) do not fit in a pipe: the CLI is still writing when head exits.
    const head = await run('bash', ['-c', `set -o pipefail; ${cli} | head -1`])
    assert.deepEqual(head, {code: 0, stdout: 'KEY                       VALUE\n', stderr: ''})
    const full = await run('bash', ['-c', `${cli} > /dev/full`])
    assert.deepEqual(full, {code: 1, stdout: '', stderr: 'Error: write /dev/stdout: no space left on device\n'})
  })
