/**
 * Where a node install lives. Defaults are Cilium's own paths, so `cilium status`, `cilium bpf`
 * and `hubble observe` find everything without flags; tests give temp directories instead.
 */
import {dirname, join} from 'node:path'

export interface NodePaths {
  /** The agent's state (endpoints, identities, policies) and the install's own files. */
  stateDir: string
  /** Where bpffs is (or gets) mounted; the datapath pins under `<bpffs>/tc/globals`. */
  bpffs: string
  /** The agent REST API socket. */
  socket: string
  /** The Hubble API socket. */
  hubbleSocket: string
}

export const defaultPaths: Readonly<NodePaths> = Object.freeze({
  stateDir: '/var/run/cilium/state',
  bpffs: '/sys/fs/bpf',
  socket: '/var/run/cilium/cilium.sock',
  hubbleSocket: '/var/run/cilium/hubble.sock',
})

/** The monitor socket (`cilium monitor`) the agent serves next to its API socket, as Cilium's agent does. */
export function monitorSocketPath(apiSocket: string): string {
  return join(dirname(apiSocket), 'monitor1_2.sock')
}

/** The systemd unit an install with --systemd writes. */
export const unitName = 'ciliumkit-agent.service'
export const defaultUnitDir = '/etc/systemd/system'

/** The install's files inside the state directory. */
export function installFiles(stateDir: string): {record: string; pidFile: string; logFile: string} {
  return {
    record: join(stateDir, 'install.json'),
    pidFile: join(stateDir, 'agent.pid'),
    logFile: join(stateDir, 'agent.log'),
  }
}

/** The datapath's pin directory under a bpffs (Cilium's layout: tc/globals/cilium_*). */
export function pinRoot(bpffs: string): string {
  return join(bpffs, 'tc', 'globals')
}
