import assert from 'node:assert/strict'
import {writeFileSync} from 'node:fs'
import {join} from 'node:path'
import {test} from 'node:test'
import {decimalQuantity} from '../../src/maps/bandwidth.js'
import {bpffsMountTable, findBpffsMount} from '../../src/maps/bpffs-mount.js'
import {bpffsShow} from '../../src/maps/listings.js'
import {tempDir} from '../helpers/cli.js'

test('decimalQuantity: Kubernetes DecimalSI of an integer, as bpf bandwidth list prints bits/s', () => {
  const cases: Array<[bigint, string]> = [[0n, '0'], [999n, '999'], [1000n, '1k'], [1500n, '1500'], [12_000n, '12k'],
    [1_000_000n, '1M'], [80_000_000n, '80M'], [10_000_000_000n, '10G'], [2_500_000_000_000n, '2500G'], [10n ** 18n, '1E'],
    [10n ** 21n, '1000E']]
  for (const [n, text] of cases) assert.equal(decimalQuantity(n), text, String(n))
})

// proc(5) mountinfo lines: one with optional fields, the bpf one without.
const MOUNTINFO = [
  '22 1 0:21 / /proc rw,nosuid,nodev,noexec,relatime shared:12 master:1 - proc proc rw',
  '41 22 0:36 / /sys/fs/bpf rw,nosuid,nodev,noexec,relatime - bpf bpffs rw,mode=700',
  '97 41 0:50 / /sys/fs/bpf/other rw,relatime shared:50 - bpf none rw',
].join('\n') + '\n'

test('bpf fs show: the first bpf line, Cilium\'s fields, tabwriter minwidth 2 / padding 3; slices as Go prints them', async (t) => {
  const m = findBpffsMount(MOUNTINFO)!
  assert.deepEqual(m, {MountID: 41, ParentID: 22, StDev: '0:36', Root: '/', MountPoint: '/sys/fs/bpf',
    MountOptions: 'rw,nosuid,nodev,noexec,relatime', OptionalFields: null, FilesystemType: 'bpf', MountSource: 'bpffs',
    SuperOptions: 'rw,mode=700'})
  assert.equal(bpffsMountTable(m), [
    'MountID:          41',
    'ParentID:         22',
    'Mounted State:    true',
    'MountPoint:       /sys/fs/bpf',
    'MountOptions:     rw,nosuid,nodev,noexec,relatime',
    'OptionFields:     []',
    'FilesystemType:   bpf',
    'MountSource:      bpffs',
    'SuperOptions:     rw,mode=700',
  ].join('\n') + '\n')
  assert.match(bpffsMountTable(findBpffsMount(MOUNTINFO.split('\n').slice(2).join('\n'))!), /^OptionFields: {5}\[shared:50\]$/m)
  const file = join(tempDir(t), 'mountinfo')
  writeFileSync(file, MOUNTINFO)
  const json = await bpffsShow('json', file)
  assert.match(json.text, /^ {2}"OptionalFields": null,$/m)
  writeFileSync(file, MOUNTINFO.split('\n')[0] + '\n')
  await assert.rejects(bpffsShow('table', file), {message: 'No BPF filesystems are mounted'})
  writeFileSync(file, 'garbage\n')
  await assert.rejects(bpffsShow('table', file), {message: 'Unable to find the mount invalid mountinfo entry: garbage'})
})
