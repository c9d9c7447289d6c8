/**
 * Endpoint options (the `options` ConfigurationMap of an endpoint's config) and the way
 * cilium-dbg and the agent parse and print them (research/cilium.md §4.4, 1.18 option set).
 * The CLI and the agent's REST layer share this module, so both give the same errors.
 */
import {ValidationError} from '../errors.js'
import type {DaemonConfigurationSpec} from './models.js'

export interface EndpointOption {
  name: string
  description: string
  /** The MonitorAggregationLevel option takes levels, every other one a boolean. */
  kind: 'bool' | 'level'
}

/** Mutable endpoint options, as `cilium endpoint config --list-options` names them. */
export const endpointOptions: readonly EndpointOption[] = [
  {name: 'ConntrackAccounting', description: 'Enable per flow (conntrack) statistics', kind: 'bool'},
  {name: 'Debug', description: 'Enable debugging trace statements', kind: 'bool'},
  {name: 'DebugLB', description: 'Enable debugging trace statements for load balancer', kind: 'bool'},
  {name: 'DebugPolicy', description: 'Enable debugging trace statements for policy enforcement', kind: 'bool'},
  {name: 'DropNotification', description: 'Enable drop notifications', kind: 'bool'},
  {name: 'MonitorAggregationLevel', description: 'Set the level of aggregation for monitor events in the datapath', kind: 'level'},
  {name: 'PolicyAccounting', description: 'Enable policy accounting ', kind: 'bool'},
  {name: 'PolicyAuditMode', description: 'Enable audit mode for policies', kind: 'bool'},
  {name: 'PolicyVerdictNotification', description: 'Enable policy verdict notifications', kind: 'bool'},
  {name: 'SourceIPVerification', description: 'Enable the check of the source IP on pod egress', kind: 'bool'},
  {name: 'TraceNotification', description: 'Enable trace notifications', kind: 'bool'},
]

/** A new endpoint's options, as an agent with default flags reports them. */
export const defaultEndpointOptions: Readonly<Record<string, string>> = {
  ConntrackAccounting: 'Disabled', Debug: 'Disabled', DebugLB: 'Disabled', DebugPolicy: 'Disabled',
  DropNotification: 'Enabled', MonitorAggregationLevel: 'Medium', PolicyAccounting: 'Enabled', PolicyAuditMode: 'Disabled',
  PolicyVerdictNotification: 'Enabled', SourceIPVerification: 'Enabled', TraceNotification: 'Enabled',
}

export const aggregationLevels = ['None', 'Lowest', 'Low', 'Medium', 'Max'] as const

/** Go's NormalizeBool: 1, 0, or undefined for anything else. */
function normalizeBool(v: string): 0 | 1 | undefined {
  switch (v.toLowerCase()) {
    case 'true': case 'on': case 'enable': case 'enabled': case '1': return 1
    case 'false': case 'off': case 'disable': case 'disabled': case '0': return 0
    default: return undefined
  }
}

/** A level name or number -> 0..4. Throws ValidationError in the agent's words. */
function parseLevel(v: string): number {
  const names: Record<string, number> = {none: 0, disabled: 0, '': 0, lowest: 1, low: 2, medium: 3, max: 4, maximum: 4}
  const n = names[v.toLowerCase()]
  if (n !== undefined) return n
  if (/^-?\d+$/.test(v)) {
    const i = Number(v)
    if (i < 0 || i > 4) throw new ValidationError('monitor aggregation level must be between 0 and 4')
    return i
  }
  throw new ValidationError(`invalid monitor aggregation level "${v}"`)
}

/** Looks an option up by name, case-insensitively. */
export function findOption(name: string): EndpointOption | undefined {
  return endpointOptions.find((o) => o.name.toLowerCase() === name.toLowerCase())
}

/**
 * Parses `Name=value` (or `!Name` to disable) into the canonical name and its numeric value.
 * Throws ValidationError with the agent's messages: `invalid option format`, `unknown option "X"`,
 * `invalid option value v`, `invalid boolean format`, and the aggregation level errors.
 */
export function parseOptionArg(arg: string): {name: string; value: number} {
  if (arg.startsWith('!')) {
    if (arg.includes('=')) throw new ValidationError('invalid boolean format')
    const opt = findOption(arg.slice(1))
    if (!opt) throw new ValidationError(`unknown option "${arg.slice(1)}"`)
    return {name: opt.name, value: 0}
  }
  const eq = arg.indexOf('=')
  if (eq < 0) throw new ValidationError('invalid option format')
  const key = arg.slice(0, eq)
  return {name: optionName(key), value: parseOptionValue(key, arg.slice(eq + 1))}
}

/** The canonical name of an option. Throws ValidationError `unknown option "X"`. */
export function optionName(key: string): string {
  const opt = findOption(key)
  if (!opt) throw new ValidationError(`unknown option "${key}"`)
  return opt.name
}

/** The numeric value of an option setting. Throws ValidationError in the agent's words. */
export function parseOptionValue(key: string, value: string): number {
  const opt = findOption(key)
  if (!opt) throw new ValidationError(`unknown option "${key}"`)
  if (opt.kind === 'level') return parseLevel(value)
  const b = normalizeBool(value)
  if (b === undefined) throw new ValidationError(`invalid option value ${value}`)
  return b
}

/** How the agent reports a value: Enabled/Disabled, or the level name. */
export function formatOptionValue(key: string, value: number): string {
  return findOption(key)?.kind === 'level' ? aggregationLevels[value] ?? String(value) : value ? 'Enabled' : 'Disabled'
}

/** A value as `endpoint config` prints it: the option's word when it parses as a setting, else the raw text. */
export function displayOptionValue(key: string, value: string): string {
  try {
    return formatOptionValue(key, parseOptionValue(key, value))
  } catch {
    return value
  }
}

/**
 * cilium-dbg's dumper for a ConfigurationMap: one line per key, keys sorted, `%-34s: %s`.
 */
export function dumpConfigurationMap(options: Readonly<Record<string, string>>): string {
  return Object.keys(options).sort().map((k) => `${k.padEnd(34)}: ${displayOptionValue(k, options[k])}\n`).join('')
}

/** `--list-options`: every mutable option as `%-24s %s`. */
export function listOptionsText(): string {
  return endpointOptions.map((o) => `${o.name.padEnd(24)} ${o.description}\n`).join('')
}

/**
 * `cilium config A=v B=v`: the PATCH /config body as cilium-dbg builds it. PolicyEnforcement
 * goes as is (the agent validates it); a boolean option is sent as Enabled/Disabled, a level as
 * typed. Throws ValidationError (`Improper configuration format provided`, the option errors).
 */
export function daemonConfigPatch(args: readonly string[]): DaemonConfigurationSpec {
  const spec: DaemonConfigurationSpec = {}
  const opts: Record<string, string> = {}
  for (const arg of args) {
    const eq = arg.indexOf('=')
    if (eq < 0) throw new ValidationError('Improper configuration format provided')
    if (arg.slice(0, eq) === 'PolicyEnforcement') {
      spec['policy-enforcement'] = arg.slice(eq + 1) as DaemonConfigurationSpec['policy-enforcement']
      continue
    }
    const {name, value} = parseOptionArg(arg)
    opts[name] = findOption(name)?.kind === 'level' ? arg.slice(eq + 1) : value ? 'Enabled' : 'Disabled'
  }
  if (Object.keys(opts).length > 0) spec.options = opts
  return spec
}
