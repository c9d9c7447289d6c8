/**
 * The host's routes, from `ip -j route` and `ip -j -6 route` (the main table), and the ones a
 * pool would collide with: endpoint addresses inside a routed prefix would be unreachable or
 * would shadow the host's own network.
 */
import {execFile} from 'node:child_process'
import {KernelError} from '../errors.js'
import {type Cidr, overlaps, parseCidr} from './cidr.js'

export interface HostRoute {
  /** As ip prints it: `192.0.2.0/24`, a bare host address, or `default`. */
  dst: string
  dev?: string
  gateway?: string
  protocol?: string
}

/** Reads the routes of one `ip -j route` output. Throws KernelError on output that is not ip's JSON. */
export function parseIpRoutes(json: string): HostRoute[] {
  let rows: unknown
  try {
    rows = JSON.parse(json.trim() === '' ? '[]' : json)
  } catch (err) {
    throw new KernelError(`cannot read the output of ip -j route: ${(err as Error).message}`)
  }
  if (!Array.isArray(rows)) throw new KernelError('cannot read the output of ip -j route: not a list')
  return rows.filter((r): r is HostRoute => typeof r === 'object' && r !== null && typeof (r as HostRoute).dst === 'string')
}

function ipJson(args: readonly string[]): Promise<string> {
  return new Promise((resolve, reject) => {
    execFile('ip', args, {encoding: 'utf8', timeout: 10_000}, (err, stdout, stderr) => {
      if (err) reject(new KernelError(`ip ${args.join(' ')}: ${String(stderr).trim() || err.message}`, 'is iproute2 installed?'))
      else resolve(stdout)
    })
  })
}

/** The host's IPv4 and IPv6 routes (main table). Throws KernelError when ip cannot run. */
export async function hostRoutes(): Promise<HostRoute[]> {
  const [v4, v6] = await Promise.all([ipJson(['-j', 'route']), ipJson(['-j', '-6', 'route'])])
  return [...parseIpRoutes(v4), ...parseIpRoutes(v6)]
}

/**
 * The routes whose prefix overlaps `pool`. The default route overlaps everything and is
 * ignored; so are routes `isOurs` claims (the routes an installed agent made for this pool).
 */
export function overlappingRoutes(pool: Cidr, routes: readonly HostRoute[], isOurs: (r: HostRoute) => boolean = () => false): HostRoute[] {
  return routes.filter((r) => {
    if (r.dst === 'default' || isOurs(r)) return false
    const dst = parseCidr(r.dst)
    return dst !== undefined && overlaps(pool, dst)
  })
}

/** `192.0.2.0/24 dev eth0`, as ip would print the route. */
export function describeRoute(r: HostRoute): string {
  return [r.dst, r.gateway && `via ${r.gateway}`, r.dev && `dev ${r.dev}`].filter(Boolean).join(' ')
}
