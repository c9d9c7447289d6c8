/**
 * The agent's configuration, as `cilium agent` flags set it, with the defaults in one place.
 */
import {hostname} from 'node:os'
import type {EnforcementMode} from '../policy/entries.js'
import type {LogLevel} from './log.js'

export interface AgentTls {
  certFile: string
  keyFile: string
  /** With a client CA, Hubble clients must present a certificate it signed (mTLS). */
  clientCaFile?: string
}

export interface AgentConfig {
  /** Where state survives restarts (endpoints, identities, policies, revision). */
  stateDir: string
  /** bpffs directory under which the datapath pins its maps. */
  bpffs: string
  /** REST API unix socket. */
  socket: string
  /** Hubble gRPC unix socket. */
  hubbleSocket: string
  /** Hubble gRPC on TCP as well (`:4244`, `127.0.0.1:4244`); off when undefined. */
  hubbleListenAddress?: string
  hubbleTls?: AgentTls
  /** Endpoint address pool (IPv4 CIDR). */
  pool: string
  enablePolicy: EnforcementMode
  nodeName: string
  clusterName: string
  /** Flow ring capacity (Hubble's --hubble-event-buffer-capacity). */
  flowCapacity: number
  logLevel: LogLevel
}

export const defaultAgentConfig = (): AgentConfig => ({
  stateDir: '/var/run/cilium/state',
  bpffs: '/sys/fs/bpf',
  socket: '/var/run/cilium/cilium.sock',
  hubbleSocket: '/var/run/cilium/hubble.sock',
  pool: '10.200.0.0/24',
  enablePolicy: 'default',
  nodeName: hostname(),
  clusterName: 'default',
  flowCapacity: 4095,
  logLevel: 'info',
})
