/**
 * The answers an install is made from: the same few choices drive the node install (the agent's
 * flags) and the Kubernetes install (the official chart's Helm values). They come from flags or,
 * on a terminal with no flags, from prompts (src/commands/install.ts asks `installQuestions`).
 */
import {UsageError} from '../errors.js'
import {parseCidr} from './cidr.js'

/** The agent's policy enforcement modes (cilium-agent --enable-policy; the chart's policyEnforcementMode). */
export const enforcementModes = ['default', 'always', 'never'] as const
export type EnforcementMode = (typeof enforcementModes)[number]

/**
 * Hubble's flow ring sizes: 2^n - 1, as the chart documents them for hubble.eventBufferCapacity
 * (a power of two minus one, so an index wraps with a mask).
 */
export const ringCapacities = [1, 3, 7, 15, 31, 63, 127, 255, 511, 1023, 2047, 4095, 8191, 16383, 32767, 65535] as const

/** Hubble's default ring capacity (the agent's and the chart's). */
export const defaultRingCapacity = 4095

/** Server certificate and key (PEM files) for Hubble's TCP listener. */
export interface HubbleTls {
  certFile: string
  keyFile: string
  /** The CA bundle whose client certificates the listener accepts (mutual TLS); none: any client. */
  clientCaFile?: string
}

export interface InstallAnswers {
  /** IPv4 CIDR endpoint addresses come from (the chart's cluster-pool list). */
  pool: string
  enablePolicy: EnforcementMode
  /** Policy audit mode: drops are reported as AUDIT verdicts and forwarded. */
  auditMode: boolean
  /** Hubble's TCP listener (`:4244`, `127.0.0.1:4245`); undefined: the unix socket only. */
  hubbleListenAddress?: string
  /** TLS for the TCP listener; undefined: plaintext (only meaningful with a listener). */
  hubbleTls?: HubbleTls
  /** Flows Hubble keeps in its ring. */
  ringCapacity: number
}

export const defaultAnswers: Readonly<InstallAnswers> = Object.freeze({
  pool: '10.200.0.0/24',
  enablePolicy: 'default',
  auditMode: false,
  ringCapacity: defaultRingCapacity,
})

/**
 * Checks answers that came from flags or prompts and returns them normalised (the pool as its
 * network address). Throws UsageError naming the bad answer.
 */
export function validateAnswers(a: InstallAnswers): InstallAnswers {
  const pool = parseCidr(a.pool)
  if (!pool || pool.family !== 4) {
    throw new UsageError(`invalid pool "${a.pool}"`, 'give an IPv4 CIDR, e.g. 10.200.0.0/24')
  }
  if (pool.bits < 8 || pool.bits > 30) {
    throw new UsageError(`invalid pool "${a.pool}": the prefix length must be between 8 and 30`, 'e.g. 10.200.0.0/24')
  }
  if (!(enforcementModes as readonly string[]).includes(a.enablePolicy)) {
    throw new UsageError(`invalid policy enforcement mode "${a.enablePolicy}"`, `use one of ${enforcementModes.join(', ')}`)
  }
  if (!(ringCapacities as readonly number[]).includes(a.ringCapacity)) {
    throw new UsageError(`invalid ring capacity ${a.ringCapacity}`, 'use 2^n-1 between 1 and 65535, e.g. 4095')
  }
  if (a.hubbleListenAddress !== undefined) parseListenAddress(a.hubbleListenAddress)
  if (a.hubbleTls && a.hubbleListenAddress === undefined) {
    throw new UsageError('Hubble TLS needs a TCP listener', 'add --hubble-listen-address, e.g. :4244')
  }
  return {...a, pool: `${pool.address}/${pool.bits}`}
}

/** `host:port` or `:port` (all addresses), as the agent's --hubble-listen-address takes it. Throws UsageError. */
export function parseListenAddress(text: string): {host: string; port: number} {
  const m = /^(\[[0-9a-fA-F:.]+\]|[^:[\]]*):(\d{1,5})$/.exec(text)
  const port = m ? Number(m[2]) : NaN
  if (!m || port < 1 || port > 65535) {
    throw new UsageError(`invalid Hubble listen address "${text}"`, 'use host:port or :port, e.g. :4244')
  }
  return {host: m[1].replace(/^\[|\]$/g, ''), port}
}

/** One prompt, in the shape inquirer takes; built here so the wording and the validation live with the answers. */
export interface Question {
  type: 'input' | 'select' | 'confirm'
  name: string
  message: string
  default?: string | boolean | number
  choices?: Array<{name: string; value: string | number}>
  validate?: (input: string) => true | string
  when?: (answersSoFar: Record<string, unknown>) => boolean
}

function usageMessage(check: () => unknown): true | string {
  try {
    check()
    return true
  } catch (err) {
    return err instanceof UsageError ? (err.hint ? `${err.message} (${err.hint})` : err.message) : String(err)
  }
}

/** The prompts `cilium install` asks on a terminal when no flags are given. */
export function installQuestions(d: InstallAnswers = defaultAnswers): Question[] {
  return [
    {type: 'input', name: 'pool', message: 'Endpoint address pool (IPv4 CIDR)', default: d.pool,
      validate: (v) => usageMessage(() => validateAnswers({...d, pool: v.trim()}))},
    {type: 'select', name: 'enablePolicy', message: 'Policy enforcement mode', default: d.enablePolicy, choices: [
      {name: 'default: enforce on endpoints that a policy selects', value: 'default'},
      {name: 'always: deny what no policy allows, on every endpoint', value: 'always'},
      {name: 'never: allow everything', value: 'never'},
    ]},
    {type: 'confirm', name: 'auditMode', message: 'Audit mode (report drops, forward the packets)?', default: d.auditMode},
    {type: 'input', name: 'hubbleListenAddress', message: 'Hubble TCP listener (host:port, empty for the unix socket only)',
      default: d.hubbleListenAddress ?? '', validate: (v) => v.trim() === '' ? true : usageMessage(() => parseListenAddress(v.trim()))},
    {type: 'confirm', name: 'hubbleTlsEnabled', message: 'Serve the Hubble listener over TLS?', default: d.hubbleTls !== undefined,
      when: (so) => typeof so.hubbleListenAddress === 'string' && so.hubbleListenAddress.trim() !== ''},
    {type: 'input', name: 'hubbleTlsCertFile', message: 'Server certificate (PEM file)', default: d.hubbleTls?.certFile,
      validate: (v) => v.trim() !== '' || 'give a file', when: (so) => so.hubbleTlsEnabled === true},
    {type: 'input', name: 'hubbleTlsKeyFile', message: 'Server key (PEM file)', default: d.hubbleTls?.keyFile,
      validate: (v) => v.trim() !== '' || 'give a file', when: (so) => so.hubbleTlsEnabled === true},
    {type: 'select', name: 'ringCapacity', message: 'Flows Hubble keeps in its ring', default: d.ringCapacity,
      choices: ringCapacities.filter((n) => n >= 255).map((n) => ({name: String(n), value: n}))},
  ]
}

/** Turns the prompts' raw replies into answers. Throws UsageError as validateAnswers does. */
export function answersFromPrompts(r: Record<string, unknown>): InstallAnswers {
  const listen = typeof r.hubbleListenAddress === 'string' && r.hubbleListenAddress.trim() !== '' ? r.hubbleListenAddress.trim() : undefined
  return validateAnswers({
    pool: String(r.pool).trim(),
    enablePolicy: r.enablePolicy as EnforcementMode,
    auditMode: r.auditMode === true,
    hubbleListenAddress: listen,
    hubbleTls: listen && r.hubbleTlsEnabled === true
      ? {certFile: String(r.hubbleTlsCertFile).trim(), keyFile: String(r.hubbleTlsKeyFile).trim()}
      : undefined,
    ringCapacity: Number(r.ringCapacity),
  })
}
