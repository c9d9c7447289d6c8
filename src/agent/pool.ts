/**
 * The endpoint address pool (`--pool 10.200.0.0/24`): the first host address is the router
 * address every endpoint routes through (the host side of each veth carries it), the others
 * go to endpoints, lowest free first. Allocations are not stored apart: a restart rebuilds
 * them from the restored endpoints' addresses.
 */
import {ValidationError} from '../errors.js'

function ipToNumber(ip: string): number {
  const parts = ip.split('.').map(Number)
  return ((parts[0] << 24) >>> 0) + (parts[1] << 16) + (parts[2] << 8) + parts[3]
}

function numberToIp(n: number): string {
  return [n >>> 24, (n >>> 16) & 255, (n >>> 8) & 255, n & 255].join('.')
}

export class PoolExhaustedError extends ValidationError {}

export class AddressPool {
  readonly network: number
  readonly bits: number
  private readonly used = new Set<number>()

  /** Throws ValidationError for a CIDR that is not IPv4 `a.b.c.d/n` with 8 <= n <= 30. */
  constructor(readonly cidr: string) {
    const m = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})\/(\d{1,2})$/.exec(cidr)
    if (!m || m.slice(1, 5).some((o) => Number(o) > 255) || Number(m[5]) < 8 || Number(m[5]) > 30) {
      throw new ValidationError(`invalid pool "${cidr}"`, 'give an IPv4 CIDR with a prefix length between 8 and 30, e.g. 10.200.0.0/24')
    }
    this.bits = Number(m[5])
    const mask = this.bits === 0 ? 0 : (~0 << (32 - this.bits)) >>> 0
    this.network = (ipToNumber(m.slice(1, 5).join('.')) & mask) >>> 0
  }

  private get size(): number { return 2 ** (32 - this.bits) }

  /** The router address: the pool's first host address. */
  get router(): string { return numberToIp(this.network + 1) }

  contains(ip: string): boolean {
    const n = ipToNumber(ip)
    return n > this.network + 1 && n < this.network + this.size - 1
  }

  /** Marks an address as used (restore). Returns false when it is outside the pool or taken. */
  claim(ip: string): boolean {
    const n = ipToNumber(ip)
    if (!this.contains(ip) || this.used.has(n)) return false
    this.used.add(n)
    return true
  }

  /** The lowest free endpoint address. Throws PoolExhaustedError when none is left. */
  allocate(): string {
    for (let n = this.network + 2; n < this.network + this.size - 1; n++) {
      if (!this.used.has(n)) {
        this.used.add(n)
        return numberToIp(n)
      }
    }
    throw new PoolExhaustedError(`no free address in pool ${this.cidr}`, 'delete endpoints or start the agent with a larger --pool')
  }

  release(ip: string): void {
    this.used.delete(ipToNumber(ip))
  }

  get allocated(): number { return this.used.size }
  /** Addresses endpoints can get (the router address excluded). */
  get capacity(): number { return this.size - 3 }
}
