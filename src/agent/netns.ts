/**
 * Endpoint plumbing with iproute2, the way a CNI plugin lays it out for Cilium: a named network
 * namespace, a veth pair (host side `lxc<hash>`, endpoint side `eth0`), the endpoint's /32
 * address, and routes through the pool's router address. The host side of every veth carries
 * the router address, so the endpoint's ARP for its gateway is answered by the kernel, and
 * forwarding is switched on per interface only (the node's global sysctl stays as it was).
 * Commands go through `ip -batch`, one process per namespace side.
 */
import {execFile} from 'node:child_process'
import {createHash} from 'node:crypto'
import {existsSync} from 'node:fs'
import {writeFile} from 'node:fs/promises'
import {KernelError} from '../errors.js'

export interface EndpointLink {
  /** The network namespace's name (`ip netns` name; file /var/run/netns/<name>). */
  netns: string
  /** Host-side veth name. */
  hostInterface: string
  hostIfindex: number
  hostMac: string
  /** Endpoint-side interface (always eth0) and its MAC. */
  containerInterface: string
  mac: string
  ipv4: string
  router: string
}

const netnsDir = '/var/run/netns'

/** The path of a named network namespace, for setns. */
export function netnsPath(name: string): string {
  return `${netnsDir}/${name}`
}

export function netnsExists(name: string): boolean {
  return existsSync(netnsPath(name))
}

/** The host-side interface name of an endpoint's veth: `lxc` and 12 hex digits (IFNAMSIZ is 16). */
export function hostInterfaceName(netns: string): string {
  return 'lxc' + createHash('sha256').update(netns).digest('hex').slice(0, 12)
}

/** Runs `ip args...` with `input` on stdin. Throws KernelError with ip's own message. */
export function ip(args: readonly string[], input?: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = execFile('ip', [...args], {encoding: 'utf8', timeout: 30_000}, (err, stdout, stderr) => {
      if (err) {
        const text = String(stderr).trim() || err.message
        reject(new KernelError(`ip ${args.join(' ')}: ${text}`))
        return
      }
      resolve(String(stdout))
    })
    // ip may exit before reading its input (an error on the first line): that EPIPE is not ours to report.
    child.stdin?.on('error', () => undefined)
    child.stdin?.end(input ?? '')
  })
}

interface IpLink {ifindex: number; ifname: string; address: string}

async function linkInfo(name: string, netns?: string): Promise<IpLink> {
  const out = await ip([...(netns ? ['-n', netns] : []), '-j', 'link', 'show', 'dev', name])
  const [link] = JSON.parse(out) as IpLink[]
  return link
}

/**
 * Creates the namespace, the veth pair, addresses and routes. On any failure, removes what it
 * made (the namespace and the host-side veth) and throws KernelError.
 */
export async function createEndpointLink(netns: string, ipv4: string, router: string): Promise<EndpointLink> {
  const hostInterface = hostInterfaceName(netns)
  await ip(['netns', 'add', netns])
  try {
    await ip(['-batch', '-'], [
      `link add ${hostInterface} type veth peer name eth0 netns ${netns}`,
      `link set ${hostInterface} up`,
      `addr add ${router}/32 dev ${hostInterface} scope link`,
      `route add ${ipv4}/32 dev ${hostInterface} src ${router}`,
    ].join('\n') + '\n')
    // Forwarding is decided by the interface a packet comes in on.
    await writeFile(`/proc/sys/net/ipv4/conf/${hostInterface}/forwarding`, '1')
    await ip(['-n', netns, '-batch', '-'], [
      'link set lo up',
      'link set eth0 up',
      `addr add ${ipv4}/32 dev eth0`,
      `route add ${router}/32 dev eth0 scope link`,
      `route add default via ${router} dev eth0 src ${ipv4}`,
    ].join('\n') + '\n')
    const host = await linkInfo(hostInterface)
    const inner = await linkInfo('eth0', netns)
    return {netns, hostInterface, hostIfindex: host.ifindex, hostMac: host.address, containerInterface: 'eth0',
      mac: inner.address, ipv4, router}
  } catch (err) {
    await deleteEndpointLink(netns, hostInterface).catch(() => undefined)
    throw err
  }
}

/** Removes the namespace (the endpoint side of the veth goes with it, and so the host side). Idempotent. */
export async function deleteEndpointLink(netns: string, hostInterface: string): Promise<void> {
  if (netnsExists(netns)) await ip(['netns', 'del', netns])
  // Deleting one end of a veth deletes the other; this only matters if the namespace was gone already.
  await ip(['link', 'del', 'dev', hostInterface]).catch(() => undefined)
}

/** The host-side ifindex of an endpoint's veth, or undefined when the interface is gone. */
export async function hostIfindex(hostInterface: string): Promise<number | undefined> {
  try {
    return (await linkInfo(hostInterface)).ifindex
  } catch {
    return undefined
  }
}
