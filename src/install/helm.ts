/**
 * The Kubernetes path of `cilium install`: the real Cilium, installed from the official Helm
 * chart, configured from the same answers as the node install. Values follow the chart's
 * documented keys (test/fixtures/install/chart-value-keys.txt lists them); user values merge as
 * cilium-cli merges them: `-f/--values` files in order, then `--set`/`--set-string` on top.
 * Facts: research/cli-perf.md §1.2.
 */
import {execFile, execFileSync} from 'node:child_process'
import {existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync} from 'node:fs'
import {homedir, tmpdir} from 'node:os'
import {delimiter, join} from 'node:path'
import {parse as parseYaml, stringify as stringifyYaml} from 'yaml'
import {ConnectionError, UsageError, ValidationError} from '../errors.js'
import {type InstallAnswers, defaultRingCapacity} from './answers.js'
import {parseCidr} from './cidr.js'

/** A Helm values document: nested maps, lists and scalars. */
export type Values = {[key: string]: Value}
export type Value = string | number | boolean | null | Value[] | Values

/** The chart this release of ciliumkit renders values for (the newest stable cilium-cli embeds). */
export const chartVersion = '1.19.5'
export const chartRepository = 'https://helm.cilium.io'

/** The chart's own default for ipam.operator.clusterPoolIPv4MaskSize: the block each node gets. */
const chartNodeMaskSize = 24

function isMap(v: Value | undefined): v is Values {
  return typeof v === 'object' && v !== null && !Array.isArray(v)
}

/**
 * The chart values the answers stand for; only values that differ from the chart's defaults,
 * as `cilium install --dry-run-helm-values` prints them. `readFile` reads the TLS PEM files
 * (the chart takes them base64-encoded).
 */
export function helmValues(a: InstallAnswers, readFile: (path: string) => Buffer = (p) => readFileSync(p)): Values {
  const pool = parseCidr(a.pool)
  if (!pool) throw new UsageError(`invalid pool "${a.pool}"`)
  const clusterPool: Values = {clusterPoolIPv4PodCIDRList: [`${pool.address}/${pool.bits}`]}
  // A node gets a /24 of the pool by default; a smaller pool is handed to one node whole.
  if (pool.bits > chartNodeMaskSize) clusterPool.clusterPoolIPv4MaskSize = pool.bits
  // cilium-cli always runs one operator replica: a second would wait unscheduled on one node.
  const values: Values = {operator: {replicas: 1}, ipam: {mode: 'cluster-pool', operator: clusterPool}}
  if (a.enablePolicy !== 'default') values.policyEnforcementMode = a.enablePolicy
  if (a.auditMode) values.policyAuditMode = true
  const hubble: Values = {}
  if (a.hubbleListenAddress === undefined) {
    // The chart listens on :4244 by default; the node install's default is the unix socket only.
    hubble.listenAddress = ''
  } else {
    hubble.listenAddress = a.hubbleListenAddress
    // A TCP listener is what Hubble Relay dials: the cluster-wide view a node outgrows into.
    hubble.relay = {enabled: true}
    hubble.tls = a.hubbleTls
      ? {auto: {enabled: false}, server: {cert: readPem(readFile, a.hubbleTls.certFile), key: readPem(readFile, a.hubbleTls.keyFile)}}
      : {enabled: false}
  }
  if (a.ringCapacity !== defaultRingCapacity) hubble.eventBufferCapacity = String(a.ringCapacity)
  values.hubble = hubble
  return values
}

function readPem(readFile: (path: string) => Buffer, path: string): string {
  try {
    return readFile(path).toString('base64')
  } catch (err) {
    throw new ValidationError(`cannot read ${path}: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`)
  }
}

/** Deep merge as Helm merges values files: maps merge key by key, anything else replaces; null deletes. */
export function mergeValues(base: Values, overlay: Values): Values {
  const out: Values = {...base}
  for (const [k, v] of Object.entries(overlay)) {
    if (v === null) delete out[k]
    else if (isMap(v) && isMap(out[k])) out[k] = mergeValues(out[k] as Values, v)
    else out[k] = v
  }
  return out
}

/** Splits on `sep` outside `{...}` and not after a backslash. */
function splitUnescaped(text: string, sep: string): string[] {
  const parts: string[] = []
  let cur = '', depth = 0
  for (let i = 0; i < text.length; i++) {
    const c = text[i]
    if (c === '\\' && i + 1 < text.length) {
      cur += c + text[++i]
      continue
    }
    if (c === '{') depth++
    if (c === '}') depth = Math.max(0, depth - 1)
    if (c === sep && depth === 0) {
      parts.push(cur)
      cur = ''
    } else {
      cur += c
    }
  }
  parts.push(cur)
  return parts
}

const unescape = (s: string): string => s.replace(/\\(.)/g, '$1')

/** Helm's typing of a --set value: true/false, null, an int64 without leading zeros, else a string. */
function typedValue(text: string, asString: boolean): Value {
  if (asString) return text
  if (text === 'true') return true
  if (text === 'false') return false
  if (text === 'null') return null
  if (/^-?(0|[1-9]\d{0,17})$/.test(text)) return Number(text)
  return text
}

function parseValue(raw: string, asString: boolean): Value {
  if (raw.startsWith('{') && raw.endsWith('}')) {
    const inner = raw.slice(1, -1)
    return inner === '' ? [] : splitUnescaped(inner, ',').map((e) => typedValue(unescape(e), asString))
  }
  return typedValue(unescape(raw), asString)
}

type PathPart = {key: string} | {index: number}

function parsePath(key: string, expr: string): PathPart[] {
  const out: PathPart[] = []
  for (const seg of splitUnescaped(key, '.')) {
    const m = /^((?:[^[\\]|\\.)*)((?:\[\d+\])*)$/.exec(seg)
    if (!m || (m[1] === '' && out.length === 0 && m[2] === '')) throw new UsageError(`failed parsing --set data: key "${key}" has no value (${expr})`)
    if (m[1] !== '') out.push({key: unescape(m[1])})
    for (const i of m[2].matchAll(/\[(\d+)\]/g)) {
      const index = Number(i[1])
      if (index > 65536) throw new UsageError(`failed parsing --set data: index of ${index} is greater than maximum supported index of 65536`)
      out.push({index})
    }
  }
  if (out.length === 0 || !('key' in out[0])) throw new UsageError(`failed parsing --set data: key "${key}" has no value (${expr})`)
  return out
}

function setPath(target: Values, path: PathPart[], value: Value): void {
  let node: Values | Value[] = target
  for (let i = 0; i < path.length; i++) {
    const part = path[i]
    const last = i === path.length - 1
    const next = path[i + 1]
    const fresh = (): Value => (next && 'index' in next ? [] : {})
    if ('key' in part) {
      const map = node as Values
      if (last) {
        if (value === null) delete map[part.key]
        else map[part.key] = value
        return
      }
      const want = next && 'index' in next ? Array.isArray(map[part.key]) : isMap(map[part.key])
      if (!want) map[part.key] = fresh()
      node = map[part.key] as Values | Value[]
    } else {
      const list = node as Value[]
      while (list.length <= part.index) list.push(null)
      if (last) {
        list[part.index] = value
        return
      }
      const want = next && 'index' in next ? Array.isArray(list[part.index]) : isMap(list[part.index])
      if (!want) list[part.index] = fresh()
      node = list[part.index] as Values | Value[]
    }
  }
}

/**
 * Applies one `--set` (or `--set-string`) expression onto `target` in place, as Helm's strvals
 * does: `a.b=c,d={x,y},list[0].k=v`; `\,` and `\.` escape; `key=null` removes the key.
 * Throws UsageError with Helm's wording for a malformed expression.
 */
export function applySet(target: Values, expr: string, asString = false): Values {
  for (const assignment of splitUnescaped(expr, ',')) {
    if (assignment === '') continue
    const eq = assignment.search(/(?<!\\)=/)
    if (eq < 0) throw new UsageError(`failed parsing --set data: key "${unescape(assignment)}" has no value`)
    setPath(target, parsePath(assignment.slice(0, eq), expr), parseValue(assignment.slice(eq + 1), asString))
  }
  return target
}

export interface UserValues {
  /** `-f/--values` files, merged in order. */
  valuesFiles: string[]
  set: string[]
  setString: string[]
}

/**
 * The answers' values with the user's on top: values files first, then --set, then --set-string
 * (cilium-cli's order). Throws ValidationError for a values file that cannot be read or is not a map.
 */
export function mergedValues(base: Values, user: UserValues): Values {
  let values = base
  for (const file of user.valuesFiles) {
    let doc: unknown
    try {
      doc = parseYaml(readFileSync(file, 'utf8'))
    } catch (err) {
      throw new ValidationError(`cannot read values file ${file}: ${(err as Error).message.split('\n')[0]}`)
    }
    if (doc === null || doc === undefined) continue
    if (!isMap(doc as Value)) throw new ValidationError(`values file ${file} is not a map of values`)
    values = mergeValues(values, doc as Values)
  }
  values = structuredClone(values)
  for (const s of user.set) applySet(values, s)
  for (const s of user.setString) applySet(values, s, true)
  return values
}

/** The values as YAML, keys sorted and lists unindented, as Helm and cilium-cli print them. */
export function renderValuesYaml(values: Values): string {
  return stringifyYaml(values, {sortMapEntries: true, indentSeq: false, lineWidth: 0})
}

/** Every leaf key path (`hubble.relay.enabled`); a list is a leaf, as the chart documents lists. */
export function valueKeyPaths(values: Values, prefix = ''): string[] {
  return Object.entries(values).flatMap(([k, v]) => {
    const path = prefix ? `${prefix}.${k}` : k
    return isMap(v) && Object.keys(v).length > 0 ? valueKeyPaths(v, path) : [path]
  })
}

export interface HelmTarget {
  release: string
  namespace: string
  version: string
  repository: string
  /** A local chart directory instead of the repository. */
  chartDirectory?: string
  kubeconfig?: string
  context?: string
  /** Helm's --wait with this timeout (`5m`). */
  waitDuration?: string
}

/** The argv of `helm upgrade --install` for the values file `valuesFile`. */
export function helmArgs(t: HelmTarget, valuesFile: string): string[] {
  const chart = t.chartDirectory ? [t.chartDirectory] : ['cilium', '--repo', t.repository, '--version', t.version]
  return ['upgrade', '--install', t.release, ...chart, '--namespace', t.namespace, '--values', valuesFile,
    ...(t.kubeconfig ? ['--kubeconfig', t.kubeconfig] : []), ...(t.context ? ['--kube-context', t.context] : []),
    ...(t.waitDuration ? ['--wait', '--timeout', t.waitDuration] : [])]
}

/** Quotes a word for sh only when it needs it. */
export function shellWord(w: string): string {
  return /^[A-Za-z0-9_@%+=:,./-]+$/.test(w) ? w : `'${w.replace(/'/g, `'\\''`)}'`
}

/**
 * What to run by hand when helm or a kubeconfig is missing: a script that writes the values file
 * and runs helm, exactly what `cilium install --kubernetes` would have run.
 */
export function manualInstallScript(t: HelmTarget, valuesYaml: string, valuesFile = 'cilium-values.yaml'): string {
  return `cat > ${shellWord(valuesFile)} <<'EOF'\n${valuesYaml}EOF\n` + ['helm', ...helmArgs(t, valuesFile)].map(shellWord).join(' ') + '\n'
}

/** The kubeconfig helm would use: --kubeconfig, else any existing file of $KUBECONFIG, else ~/.kube/config. */
export function findKubeconfig(flag: string | undefined, env: NodeJS.ProcessEnv = process.env, home = homedir()): string | undefined {
  if (flag) return existsSync(flag) ? flag : undefined
  if (env.KUBECONFIG) return env.KUBECONFIG.split(delimiter).find((p) => p !== '' && existsSync(p))
  const dflt = join(home, '.kube', 'config')
  return existsSync(dflt) ? dflt : undefined
}

/** The helm binary on PATH, if any. */
export function findHelm(env: NodeJS.ProcessEnv = process.env): string | undefined {
  try {
    return execFileSync('sh', ['-c', 'command -v helm'], {encoding: 'utf8', env, stdio: ['ignore', 'pipe', 'ignore']}).trim() || undefined
  } catch {
    return undefined
  }
}

/**
 * Runs `helm upgrade --install` with the values (written to a private temp file, removed after).
 * Returns helm's output; throws ConnectionError with helm's last error line.
 */
export async function runHelm(helm: string, t: HelmTarget, valuesYaml: string): Promise<string> {
  const dir = mkdtempSync(join(tmpdir(), 'ciliumkit-helm-'))
  try {
    const file = join(dir, 'values.yaml')
    writeFileSync(file, valuesYaml, {mode: 0o600})
    return await runProgram(helm, helmArgs(t, file))
  } finally {
    rmSync(dir, {recursive: true, force: true})
  }
}

/** Runs helm (or another program) and returns its stdout; throws ConnectionError with its last error line. */
export function runProgram(file: string, args: readonly string[]): Promise<string> {
  return new Promise<string>((resolve, reject) => {
    execFile(file, [...args], {encoding: 'utf8', timeout: 30 * 60_000, maxBuffer: 16 << 20}, (err, stdout, stderr) => {
      const why = String(stderr).trim().split('\n').filter(Boolean).pop()
      if (err) reject(new ConnectionError(`${file.split('/').pop()} ${args[0]} failed: ${why ?? err.message}`))
      else resolve(stdout)
    })
  })
}
