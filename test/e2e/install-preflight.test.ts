import assert from 'node:assert/strict'
import {chmodSync} from 'node:fs'
import {test} from 'node:test'
import {runCli} from '../helpers/cli.js'
import {hostRoute, readOnlyDir, snapshot, tempNode} from './install-support.js'

const isRoot = process.getuid?.() === 0

/** Runs `cilium install` and checks the run failed with exactly one line on stderr and changed nothing. */
async function failsCleanly(root: string, node: ReturnType<typeof tempNode>, args: string[], wrap: string[] = []): Promise<string> {
  const before = snapshot(root, node.paths)
  const r = wrap.length === 0 ? await runCli('cilium', ['install', ...node.flags, ...args])
    : await runCliAs(wrap, ['install', ...node.flags, ...args])
  const errLines = r.stderr.split('\n').filter(Boolean)
  assert.equal(r.code, 1, r.stderr)
  assert.equal(errLines.length, 1, `one line on stderr, got:\n${r.stderr}`)
  assert.equal(r.stdout, '')
  assert.deepEqual(snapshot(root, node.paths), before, 'install changed the node')
  return errLines[0]
}

async function runCliAs(wrap: string[], args: string[]) {
  const {run, repoRoot} = await import('../helpers/cli.js')
  const {join} = await import('node:path')
  // HOME elsewhere: oclif would warn that it cannot read root's data directory.
  return run(wrap[0], [...wrap.slice(1), 'env', 'HOME=/nonexistent', process.execPath, join(repoRoot, 'bin', 'cilium.js'), ...args])
}

test('not root: one line, nothing changed', {skip: !isRoot && 'needs root to drop to nobody'}, async (t) => {
  const node = tempNode(t)
  chmodSync(node.root, 0o755)
  const line = await failsCleanly(node.root, node, [], ['setpriv', '--reuid=65534', '--regid=65534', '--clear-groups'])
  assert.equal(line, 'Error: cilium install must run as root (running as uid 65534) (run it with sudo)')
})

test('bpffs not mountable (under a read-only file system): one line, nothing changed', {skip: !isRoot && 'needs root'}, async (t) => {
  const node = tempNode(t)
  const ro = readOnlyDir(t)
  node.flags[node.flags.indexOf('--bpffs') + 1] = `${ro}/bpffs`
  node.paths.bpffs = `${ro}/bpffs`
  const line = await failsCleanly(node.root, node, [])
  assert.equal(line, `Error: bpffs cannot be mounted at ${ro}/bpffs: ${ro}: read-only file system (give --bpffs a writable place)`)
})

test('bpffs path is a file: one line, nothing changed', {skip: !isRoot && 'needs root'}, async (t) => {
  const node = tempNode(t)
  const {writeFileSync} = await import('node:fs')
  writeFileSync(`${node.root}/afile`, '')
  node.flags[node.flags.indexOf('--bpffs') + 1] = `${node.root}/afile`
  const line = await failsCleanly(node.root, node, [])
  assert.equal(line, `Error: bpffs cannot be mounted at ${node.root}/afile: not a directory (give --bpffs a directory)`)
})

test('pool overlapping a host route: one line, nothing changed', {skip: !isRoot && 'needs root'}, async (t) => {
  const node = tempNode(t)
  const dev = hostRoute(t, '10.254.77.1/24')
  const line = await failsCleanly(node.root, node, ['--pool', '10.254.77.128/25'])
  assert.equal(line, `Error: pool 10.254.77.128/25 overlaps the host route 10.254.77.0/24 dev ${dev} (choose another --pool)`)
})

test('a bad answer is a usage error (exit 2) before any check', async (t) => {
  const node = tempNode(t)
  const r = await runCli('cilium', ['install', ...node.flags, '--pool', '10.0.0.0/31'])
  assert.equal(r.code, 2)
  assert.equal(r.stderr, 'Error: invalid pool "10.0.0.0/31": the prefix length must be between 8 and 30 (e.g. 10.200.0.0/24)\n')
})

test('--dry-run prints the plan on stdout and changes nothing', async (t) => {
  const node = tempNode(t)
  const before = snapshot(node.root, node.paths)
  const r = await runCli('cilium', ['install', ...node.flags, '--dry-run', '--pool', '10.201.0.0/24', '--enable-policy', 'always'])
  assert.equal(r.code, 0, r.stderr)
  assert.equal(r.stderr, '')
  assert.match(r.stdout, /^cilium install would:\n {2}1\. check the node: root, kernel, BPF maps, bpffs, no other Cilium and free sockets, BTF, datapath objects, pool 10\.201\.0\.0\/24 free of host routes\n/)
  assert.match(r.stdout, new RegExp(`  2\\. create the state directory ${node.paths.stateDir}\\n`))
  assert.match(r.stdout, /agent --state-dir .* --pool 10\.201\.0\.0\/24 --enable-policy always --hubble-event-buffer-capacity 4095\n/)
  assert.deepEqual(snapshot(node.root, node.paths), before)
  const unit = await runCli('cilium', ['install', ...node.flags, '--dry-run', '--systemd', '--systemd-unit-dir', `${node.root}/units`])
  assert.match(unit.stdout, /write the systemd unit .*\/units\/ciliumkit-agent\.service:\n\s{5}\[Unit\]\n/)
  assert.match(unit.stdout, /ExecStart=.* agent --state-dir /)
  assert.deepEqual(snapshot(node.root, node.paths), before)
})
