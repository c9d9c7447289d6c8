import assert from 'node:assert/strict'
import {execFileSync} from 'node:child_process'
import {existsSync, mkdtempSync, rmSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {fileURLToPath} from 'node:url'
import {test} from 'node:test'
import * as auth from '../../src/maps/auth.js'
import * as ct from '../../src/maps/ct.js'
import * as endpoint from '../../src/maps/endpoint.js'
import * as ipcache from '../../src/maps/ipcache.js'
import * as lb from '../../src/maps/lb.js'
import * as metrics from '../../src/maps/metrics.js'
import * as nat from '../../src/maps/nat.js'
import * as nodeid from '../../src/maps/nodeid.js'
import * as policy from '../../src/maps/policy.js'
import * as policystats from '../../src/maps/policystats.js'
import * as tunnel from '../../src/maps/tunnel.js'

const bpfDir = fileURLToPath(new URL('../../../bpf/', import.meta.url))

/** Every C struct of bpf/include/ck and the TS layout that mirrors it (same member names, byte offsets). */
const pairs: Record<string, Record<string, number>> = {
  policy_key: policy.POLICY_KEY, policy_entry: policy.POLICY_ENTRY_V3,
  policy_stats_key: policystats.POLICY_STATS_KEY, policy_stats_value: policystats.POLICY_STATS_VALUE,
  ipv4_ct_tuple: ct.CT4_TUPLE, ipv6_ct_tuple: ct.CT6_TUPLE, ct_entry: ct.CT_ENTRY_V2,
  ipv4_nat_entry: nat.NAT4_ENTRY, ipv6_nat_entry: nat.NAT6_ENTRY,
  lb4_key: lb.LB4_KEY, lb6_key: lb.LB6_KEY, lb_service: lb.LB_SERVICE, lb4_backend: lb.LB4_BACKEND_V3,
  lb6_backend: lb.LB6_BACKEND_V3, lb4_reverse_nat: lb.LB4_REVNAT, lb6_reverse_nat: lb.LB6_REVNAT,
  ipcache_key: ipcache.IPCACHE_KEY_V2, remote_endpoint_info: ipcache.IPCACHE_VALUE_V2,
  endpoint_key: endpoint.ENDPOINT_KEY, endpoint_info: endpoint.ENDPOINT_INFO,
  tunnel_key: tunnel.TUNNEL_KEY, tunnel_value: tunnel.TUNNEL_VALUE,
  metrics_key: metrics.METRICS_KEY, metrics_value: metrics.METRICS_VALUE,
  auth_key: auth.AUTH_KEY, auth_info: auth.AUTH_INFO,
  node_key: nodeid.NODE_KEY, node_value: nodeid.NODE_VALUE_V2,
}

interface BtfType {
  id: number
  kind: string
  name: string
  size?: number
  type_id?: number
  nr_elems?: number
  members?: Array<{name: string; type_id: number; bits_offset: number; bitfield_size?: number}>
}

/** bpf/build/layouts.o from `make -C bpf`, or compiled here with the same flags when the datapath is not built. */
function layoutsObject(): {path: string; cleanup: () => void} {
  const built = join(bpfDir, 'build', 'layouts.o')
  if (existsSync(built)) return {path: built, cleanup: () => {}}
  const dir = mkdtempSync(join(tmpdir(), 'ck-btf-'))
  const out = join(dir, 'layouts.o')
  execFileSync('clang', ['-target', 'bpf', '-g', '-O2', '-Wall', '-Werror', `-I/usr/include/${process.arch === 'arm64' ? 'aarch64' : 'x86_64'}-linux-gnu`,
    '-c', join(bpfDir, 'layouts.c'), '-o', out])
  return {path: out, cleanup: () => rmSync(dir, {recursive: true, force: true})}
}

test('C headers and TS layouts agree field by field (BTF of bpf/layouts.o)', (t) => {
  const obj = layoutsObject()
  t.after(obj.cleanup)
  const {types} = JSON.parse(execFileSync('bpftool', ['-j', 'btf', 'dump', 'file', obj.path, 'format', 'raw'], {encoding: 'utf8'})) as
    {types: BtfType[]}
  const byId = new Map(types.map((ty) => [ty.id, ty]))
  const sizeOf = (id: number): number => {
    const ty = byId.get(id)!
    if (ty.kind === 'TYPEDEF' || ty.kind === 'VOLATILE' || ty.kind === 'CONST') return sizeOf(ty.type_id!)
    if (ty.kind === 'ARRAY') return ty.nr_elems! * sizeOf(ty.type_id!)
    return ty.size!
  }
  const structs = new Map(types.filter((ty) => ty.kind === 'STRUCT').map((ty) => [ty.name, ty]))
  for (const [name, layout] of Object.entries(pairs)) {
    const c = structs.get(name)
    assert.ok(c, `struct ${name} is not in the BTF of layouts.o`)
    const {size, ...fields} = layout
    assert.equal(c.size, size, `${name}: C size ${c.size}, TS size ${size}`)
    const cMembers = c.members!.map((m) => {
      assert.equal(m.bitfield_size ?? 0, 0, `${name}.${m.name} is a bit field: spell it as a byte with masks`)
      assert.equal(m.bits_offset % 8, 0)
      return {name: m.name, offset: m.bits_offset / 8, size: sizeOf(m.type_id)}
    })
    // TS gives offsets; a field's size is the distance to the next one (the layouts spell out every pad).
    const tsMembers = Object.entries(fields).sort((a, b) => a[1] - b[1])
      .map(([n, offset], i, all) => ({name: n, offset, size: (all[i + 1]?.[1] ?? size) - offset}))
    assert.deepEqual(tsMembers, cMembers, `${name}: members differ`)
  }
})
