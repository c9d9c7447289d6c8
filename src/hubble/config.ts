/**
 * The hubble CLI's configuration: the keys, types and defaults of the real hubble
 * (v1.19), its YAML file, its HUBBLE_* environment variables, and the precedence
 * flag > environment > file > default. A file written here is read by the real
 * hubble and the other way round.
 */
import {existsSync, mkdirSync, readFileSync} from 'node:fs'
import {homedir} from 'node:os'
import {basename, dirname, extname, join} from 'node:path'
import {createRequire} from 'node:module'
import {ValidationError} from '../errors.js'

// yaml is loaded on first use: the commands that only declare config flags must not pay for it.
const require = createRequire(import.meta.url)
const yaml = (): typeof import('yaml') => require('yaml') as typeof import('yaml')

export {hubbleConfigKeys, hubbleConfigKeyNames, type ConfigKeySpec, type ConfigValue, type ConfigValueType} from './config-keys.js'
import {hubbleConfigKeys, type ConfigKeySpec, type ConfigValue, type ConfigValueType} from './config-keys.js'

/** `HUBBLE_TLS_ALLOW_INSECURE` for `tls-allow-insecure`. */
export function envVarName(key: string): string {
  return 'HUBBLE_' + key.toUpperCase().replaceAll('-', '_')
}

/**
 * Where the real hubble looks by default: $XDG_CONFIG_HOME/hubble/config.yaml
 * (~/.config when unset), or ~/.hubble/config.yaml without a home config dir.
 */
export function defaultConfigPath(env: NodeJS.ProcessEnv = process.env): string {
  if (env.XDG_CONFIG_HOME) return join(env.XDG_CONFIG_HOME, 'hubble', 'config.yaml')
  const home = env.HOME || homedir()
  return home ? join(home, '.config', 'hubble', 'config.yaml') : join('.hubble', 'config.yaml')
}

/** --config, else HUBBLE_CONFIG, else the default path. */
export function configPath(flag: string | undefined, env: NodeJS.ProcessEnv = process.env): string {
  return flag || env.HUBBLE_CONFIG || defaultConfigPath(env)
}

// Go's time.ParseDuration grammar: a sequence of decimal numbers, each with a unit.
const goDuration = /^[+-]?((\d+(\.\d*)?|\.\d+)(ns|us|µs|μs|ms|s|m|h))+$/
const goDurationTerm = /(\d+(?:\.\d*)?|\.\d+)(ns|us|µs|μs|ms|s|m|h)/g
const unitMs: Record<string, number> = {ns: 1e-6, us: 1e-3, µs: 1e-3, μs: 1e-3, ms: 1, s: 1e3, m: 60e3, h: 3600e3}

/** Milliseconds of a Go duration string ("1m30s", "500ms"); throws Go's own message. */
export function parseGoDurationMs(text: string): number {
  if (text === '0') return 0
  if (!goDuration.test(text)) {
    const missingUnit = /^[+-]?(\d+(\.\d*)?|\.\d+)$/.test(text)
    throw new Error(`time: ${missingUnit ? 'missing unit in duration' : 'invalid duration'} ${JSON.stringify(text)}`)
  }
  let ms = 0
  for (const [, num, unit] of text.matchAll(goDurationTerm)) ms += Number(num) * unitMs[unit]
  return text.startsWith('-') ? -ms : ms
}

const goTrue = new Set(['1', 't', 'T', 'TRUE', 'true', 'True'])
const goFalse = new Set(['0', 'f', 'F', 'FALSE', 'false', 'False'])

function parseGoBool(text: string): boolean {
  if (goTrue.has(text)) return true
  if (goFalse.has(text)) return false
  throw new Error(`strconv.ParseBool: parsing ${JSON.stringify(text)}: invalid syntax`)
}

/** A comma-separated list, optionally in [brackets], as pflag's string slices read it. */
function parseStringSlice(text: string): string[] {
  const inner = text.startsWith('[') && text.endsWith(']') ? text.slice(1, -1) : text
  return inner === '' ? [] : inner.split(',').map((s) => s.trim())
}

function parseTyped(type: ConfigValueType, text: string): ConfigValue {
  switch (type) {
    case 'string': return text
    case 'bool': return parseGoBool(text)
    case 'duration': parseGoDurationMs(text); return text
    case 'stringSlice': return parseStringSlice(text)
    case 'uint16': {
      if (!/^\d+$/.test(text) || Number(text) > 65535) {
        throw new Error(`strconv.ParseUint: parsing ${JSON.stringify(text)}: ${/^\d+$/.test(text) ? 'value out of range' : 'invalid syntax'}`)
      }
      return Number(text)
    }
  }
}

function specOf(key: string): ConfigKeySpec {
  const spec = hubbleConfigKeys[key]
  if (!spec) throw new ValidationError(`unknown key: ${key}`)
  return spec
}

/** Parses a value typed by a user (`config set`, an env var) for a key; the real CLI's messages. */
export function parseConfigValue(key: string, text: string): ConfigValue {
  const spec = specOf(key)
  try {
    return parseTyped(spec.type, text)
  } catch (error) {
    throw new ValidationError(`cannot assign value=${text} for key=${key}, expected type=${spec.type}: ${(error as Error).message}`)
  }
}

/** Flags arrive typed by oclif except durations, which are checked here with pflag's message. */
function parseFlagValue(key: string, spec: ConfigKeySpec, value: ConfigValue): ConfigValue {
  if (spec.type !== 'duration' || typeof value !== 'string') return value
  try {
    parseGoDurationMs(value)
  } catch (error) {
    throw new ValidationError(`invalid argument ${JSON.stringify(value)} for "--${key}" flag: ${(error as Error).message}`)
  }
  return value
}

/** Checks a value read from a YAML file against its key's type; a string is parsed as if typed. */
function coerceFileValue(key: string, value: unknown, path: string): ConfigValue {
  const spec = hubbleConfigKeys[key]
  if (!spec) return value as ConfigValue  // extra keys pass through, as viper keeps them
  if (typeof value === 'string') return parseConfigValue(key, value)
  const ok = spec.type === 'bool' ? typeof value === 'boolean'
    : spec.type === 'uint16' ? Number.isInteger(value) && (value as number) >= 0 && (value as number) <= 65535
      : spec.type === 'stringSlice' ? Array.isArray(value) && value.every((v) => typeof v === 'string')
        : false
  if (!ok) {
    throw new ValidationError(`invalid value for ${key} in ${path}: expected ${spec.type}, got ${JSON.stringify(value)}`)
  }
  return value as ConfigValue
}

export type ConfigFile = Record<string, unknown>

/** YAML as hubble writes its config: keys sorted, sequences indented under their key. */
export function formatConfigYaml(values: ConfigFile): string {
  const sorted = Object.fromEntries(Object.keys(values).sort().map((k) => [k, values[k]]))
  return yaml().stringify(sorted, {indent: 4, indentSeq: true, lineWidth: 0})
}

/** Parses a config file's text; anything but a mapping (or nothing) is an error naming the file. */
export function parseConfigYaml(text: string, path: string): ConfigFile {
  let doc: unknown
  try {
    doc = yaml().parse(text)
  } catch (error) {
    throw new ValidationError(`cannot parse config file ${path}: ${(error as Error).message.split('\n')[0]}`)
  }
  if (doc === null || doc === undefined) return {}
  if (typeof doc !== 'object' || Array.isArray(doc)) {
    throw new ValidationError(`cannot parse config file ${path}: expected a mapping of keys to values`)
  }
  return doc as ConfigFile
}

/** The file's keys and values, or {} when there is no file (as the real hubble ignores a missing one). */
export function readConfigFile(path: string): ConfigFile {
  if (!existsSync(path)) return {}
  return parseConfigYaml(readFileSync(path, 'utf8'), path)
}

/**
 * The merged settings: flag > HUBBLE_* env > file > default, every known key plus any
 * extra keys of the file. `flags` holds only the flags the user gave (undefined = not given).
 */
export async function effectiveConfig(opts: {
  path: string
  flags?: Record<string, ConfigValue | undefined>
  env?: NodeJS.ProcessEnv
}): Promise<Record<string, ConfigValue>> {
  const env = opts.env ?? process.env
  const file = readConfigFile(opts.path)
  const merged: Record<string, ConfigValue> = {}
  for (const [key, value] of Object.entries(file)) merged[key] = coerceFileValue(key, value, opts.path)
  for (const [key, spec] of Object.entries(hubbleConfigKeys)) {
    const fromEnv = env[envVarName(key)]
    const fromFlag = opts.flags?.[key]
    if (fromFlag !== undefined) merged[key] = parseFlagValue(key, spec, fromFlag)
    else if (fromEnv !== undefined && key !== 'config') {
      // Lists in the environment are split on whitespace, as the real hubble (viper) does.
      merged[key] = spec.type === 'stringSlice' ? fromEnv.split(/\s+/).filter(Boolean) : parseConfigValue(key, fromEnv)
    } else if (!(key in merged)) merged[key] = spec.default
  }
  merged.config = opts.path
  return merged
}

/** Typed connection settings that the Hubble client takes. */
export interface HubbleSettings {
  server: string
  tls: boolean
  tlsAllowInsecure: boolean
  tlsCaCertFiles: string[]
  tlsClientCertFile: string
  tlsClientKeyFile: string
  tlsServerName: string
  basicAuthUsername: string
  basicAuthPassword: string
  timeoutMs: number
  requestTimeoutMs: number
  debug: boolean
}

/**
 * Settings for a command that talks to a Hubble server, with the real CLI's flag
 * validation (`invalid flag(s): ...`).
 */
export async function resolveHubbleSettings(opts: {
  configFlag?: string
  flags?: Record<string, ConfigValue | undefined>
  env?: NodeJS.ProcessEnv
}): Promise<HubbleSettings> {
  const env = opts.env ?? process.env
  const c = await effectiveConfig({path: configPath(opts.configFlag, env), flags: opts.flags, env})
  const s: HubbleSettings = {
    server: c.server as string,
    tls: c.tls as boolean,
    tlsAllowInsecure: c['tls-allow-insecure'] as boolean,
    tlsCaCertFiles: c['tls-ca-cert-files'] as string[],
    tlsClientCertFile: c['tls-client-cert-file'] as string,
    tlsClientKeyFile: c['tls-client-key-file'] as string,
    tlsServerName: c['tls-server-name'] as string,
    basicAuthUsername: c['basic-auth-username'] as string,
    basicAuthPassword: c['basic-auth-password'] as string,
    timeoutMs: parseGoDurationMs(c.timeout as string),
    requestTimeoutMs: parseGoDurationMs(c['request-timeout'] as string),
    debug: c.debug as boolean,
  }
  if (Boolean(s.tlsClientCertFile) !== Boolean(s.tlsClientKeyFile)) {
    throw new ValidationError('invalid flag(s): certificate and private key are both required, but only one was provided')
  }
  if (s.tlsClientCertFile && !s.tls && !s.server.startsWith('tls://')) {
    throw new ValidationError('invalid flag(s): transport layer security required')
  }
  if (Boolean(s.basicAuthUsername) !== Boolean(s.basicAuthPassword)) {
    throw new ValidationError('invalid flag(s): must specify both basic-auth-username and basic-auth-password')
  }
  return s
}

/** The observe allow/deny lists that the real hubble also reads from the file and HUBBLE_ALLOWLIST/DENYLIST. */
export async function observeFilterLists(opts: {configFlag?: string; env?: NodeJS.ProcessEnv}):
Promise<{allowlist: string[]; denylist: string[]}> {
  const env = opts.env ?? process.env
  const path = configPath(opts.configFlag, env)
  const file = readConfigFile(path)
  const list = (key: 'allowlist' | 'denylist'): string[] => {
    const fromEnv = env[envVarName(key)]
    if (fromEnv !== undefined) return fromEnv.split(/\s+/).filter(Boolean)
    const v = file[key]
    if (v === undefined || v === null) return []
    if (!Array.isArray(v) || !v.every((x) => typeof x === 'string')) {
      throw new ValidationError(`invalid value for ${key} in ${path}: expected a list of JSON filters`)
    }
    return v
  }
  return {allowlist: list('allowlist'), denylist: list('denylist')}
}

/** One value as `config get KEY` prints it: a YAML scalar or list. */
export function formatConfigValue(value: ConfigValue): string {
  return yaml().stringify(value, {indent: 4, lineWidth: 0})
}

/**
 * Writes `values` into the file atomically (temp file + rename) with mode 0600, keeping
 * every other key of the file; a file that does not parse is left as it is.
 */
export async function writeConfigValues(path: string, values: Record<string, ConfigValue>): Promise<void> {
  readConfigFile(path)  // refuse to overwrite a file we cannot read
  mkdirSync(dirname(path), {recursive: true, mode: 0o750})
  // conf costs ~100 ms to import (ajv): only the commands that write pay for it.
  const {default: Conf} = await import('conf')
  const ext = extname(path)
  const store = new Conf<ConfigFile>({
    cwd: dirname(path),
    configName: basename(path, ext),
    fileExtension: ext.slice(1),
    projectSuffix: '',
    accessPropertiesByDotNotation: false,
    configFileMode: 0o600,
    serialize: formatConfigYaml,
    deserialize: (text) => parseConfigYaml(text, path),
  })
  store.set(values)
}
