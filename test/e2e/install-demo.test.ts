import assert from 'node:assert/strict'
import {test} from 'node:test'
import {repoRoot, run} from '../helpers/cli.js'
import {skipUnlessBpf} from '../helpers/kernel.js'
import {snapshot, tempNode} from './install-support.js'

// The node part of `make demo` (scripts/demo-steps.sh), run as demo.sh runs it but under a temp root.
test('the demo: install, endpoints, the seeds\' policies, traffic, flows, policy map rows, uninstall', {timeout: 240_000}, async (t) => {
  if (skipUnlessBpf(t, 'tc')) return
  const node = tempNode(t, 'ck-demo-')
  const before = snapshot(node.root, node.paths, {netns: ['ck-demo-world', 'ck-demo-frontend', 'ck-demo-backend', 'ck-demo-myservice'],
    interfaces: ['ckdemo-w']})
  const script = 'set -euo pipefail; cilium() { node bin/cilium.js "$@"; }; hubble() { node bin/hubble.js "$@"; }; ' +
    'step() { printf "\\n== %s\\n" "$*"; }; source scripts/demo-steps.sh; ck_demo_node'
  const r = await run('bash', ['-c', script], {cwd: repoRoot, timeout: 200_000, env: {...process.env, DEMO_ROOT: node.root, KEEP: ''}})
  assert.equal(r.code, 0, `${r.stdout}\n${r.stderr}`)
  const section = (title: string) => {
    const at = r.stdout.indexOf(`== ${title}\n`)
    assert.ok(at >= 0, `section ${title} in\n${r.stdout}`)
    const end = r.stdout.indexOf('\n== ', at + 1)
    return r.stdout.slice(at, end < 0 ? undefined : end)
  }
  const flows = section('hubble observe --last 20')
  assert.match(flows, / FORWARDED /)
  assert.match(flows, / DROPPED /)
  assert.match(section('hubble observe --http-method POST'), /http-request FORWARDED \(HTTP\/1\.1 POST http:\/\/10\.210\.0\.1\/metric\)/)
  const maps = section('cilium bpf policy get --all')
  assert.match(maps, /^Allow +Egress +k8s:io\.kubernetes\.pod\.namespace=default +80\/TCP /m)
  assert.match(maps, /^Deny +Ingress +reserved:world /m)
  assert.match(section('cilium endpoint list'), /k8s:role=frontend/)
  section('cilium uninstall')
  assert.match(r.stderr, /Removing endpoints\.\.\. done \(3 removed\)/)  // progress goes to stderr
  assert.deepEqual(snapshot(node.root, node.paths, {netns: ['ck-demo-world', 'ck-demo-frontend', 'ck-demo-backend', 'ck-demo-myservice'],
    interfaces: ['ckdemo-w']}), before)
})
