/**
 * `hubble observe` from parsed options to printed flows: the real CLI's order of checks
 * (filters, output format, selectors, raw filters), then either --print-raw-filters,
 * a saved-flow file, or a Hubble server through a flow source the caller supplies.
 */
import {createReadStream} from 'node:fs'
import type {Readable} from 'node:stream'
import {ValidationError} from '../../errors.js'
import {useColor} from '../../output/color.js'
import {messages} from '../codec/schema.js'
import {createPrinter, outputMode, timeFormat, type Printer} from '../printer/index.js'
import type {GetFlowsResponse, observer} from '../proto/index.js'
import {buildFlowFilters} from './filter-flags.js'
import {formatWarning, observeFile, type FlowsQuery} from './input-file.js'
import {formatRawFilters, parseRawFilters} from './raw-filters.js'
import {buildSelector, type SelectorFlags} from './selectors.js'

export interface ObserveOptions {
  /** The raw argv tokens (filter flags are read from them, in order). */
  argv: readonly string[]
  /** Non-filter flags that take a separate value (`-o`, `--server`), so their values are skipped. */
  valueFlags: ReadonlySet<string>
  output: string
  timeFormat: string
  color: string
  printNodeName: boolean
  printPolicyNames: boolean
  numeric: boolean
  ipTranslation: boolean
  silentErrors: boolean
  printRawFilters: boolean
  debug: boolean
  inputFile?: string
  fieldMask: string[]
  useDefaultFieldMasks: boolean
  selector: SelectorFlags
  /** --allowlist / --denylist values, already resolved flag > HUBBLE_* env > config file. */
  allowlist: string[]
  denylist: string[]
  stdout: NodeJS.WriteStream
  stderr: NodeJS.WritableStream
  stdin: NodeJS.ReadableStream
  env: NodeJS.ProcessEnv
  signal: AbortSignal
  /** --port-forward (-P): not supported here, refused with the real messages. */
  portForward: boolean
  /** Streams GetFlows responses from a server, in batches; used when there is no --input-file. */
  serverFlows?: (request: observer.IGetFlowsRequest, signal: AbortSignal) => AsyncIterable<GetFlowsResponse[]>
}

/** A uint64 for protobufjs: a number while exact, else its decimal string (which protobufjs encodes). */
export function uint64(n: bigint): number {
  return n <= BigInt(Number.MAX_SAFE_INTEGER) ? Number(n) : (n.toString() as unknown as number)
}

/** The GetFlowsRequest the real CLI sends for a query (field mask at the top level, as v1.19). */
export function getFlowsRequest(query: FlowsQuery, fieldMask: readonly string[]): observer.IGetFlowsRequest {
  const {selector} = query
  const req: observer.IGetFlowsRequest = {number: uint64(selector.number), first: selector.first, follow: selector.follow,
    whitelist: query.allow, blacklist: query.deny}
  if (selector.since) req.since = selector.since
  if (selector.until) req.until = selector.until
  if (fieldMask.length > 0) req.fieldMask = {paths: [...fieldMask]}
  return req
}

/**
 * The fields the text printers show, requested from a server instead of whole flows.
 * Upstream's list (hubble.md §4.5) plus what it forgot (cilium/cilium#46672): the traffic
 * direction and match type of policy verdicts, the policies, and the DNS names.
 */
export const defaultFieldMask = ['time', 'verdict', 'ethernet', 'IP', 'l4', 'source.identity', 'source.namespace',
  'source.pod_name', 'destination.identity', 'destination.namespace', 'destination.pod_name', 'Type', 'node_name',
  'l7', 'event_type', 'source_service', 'destination_service', 'is_reply', 'Summary', 'ip_trace_id',
  'traffic_direction', 'policy_match_type', 'ingress_allowed_by', 'ingress_denied_by', 'egress_allowed_by',
  'egress_denied_by', 'source_names', 'destination_names', 'auth_type']

function checkFieldMask(paths: string[]): void {
  for (const path of paths) {
    let type = 'flow.Flow'
    for (const part of path.split('.')) {
      const field = messages[type]?.find((f) => f.name === part)
      if (!field) throw new ValidationError(`failed to construct field mask: proto: invalid path ${JSON.stringify(path)} for message "flow.Flow"`)
      type = field.type
    }
  }
}

const errnoText: Record<string, string> = {
  ENOENT: 'no such file or directory', EACCES: 'permission denied', EISDIR: 'is a directory', ENOTDIR: 'not a directory',
}

/**
 * Opens the input as Go's os.Open reports failures (`open <path>: no such file or directory`);
 * aborting `signal` ends a read that waits (stdin from a terminal).
 */
async function openInput(path: string, stdin: NodeJS.ReadableStream, signal: AbortSignal): Promise<AsyncIterable<string | Buffer>> {
  if (path === '-') {
    signal.addEventListener('abort', () => (stdin as Readable).destroy(), {once: true})
    return stdin as AsyncIterable<string | Buffer>
  }
  const stream = createReadStream(path, {highWaterMark: 1 << 20, encoding: 'utf8'})
  await new Promise<void>((resolve, reject) => {
    stream.once('ready', () => resolve())
    stream.once('error', (e: NodeJS.ErrnoException) => {
      reject(new ValidationError(`open ${path}: ${errnoText[e.code ?? ''] ?? e.message}`))
    })
  })
  return stream
}

/** Runs `hubble observe`; throws ValidationError/ConnectionError with the real CLI's one-line messages. */
export async function runObserve(o: ObserveOptions): Promise<void> {
  const filters = buildFlowFilters(o.argv, o.valueFlags)
  const mode = outputMode(o.output)
  if (!mode) throw new ValidationError(`invalid output format: ${o.output}`)
  if (mode === 'table' && o.selector.follow) throw new ValidationError('table output format is not compatible with follow mode')
  const isJson = mode === 'json' || mode === 'jsonpb'
  let fieldMask = o.fieldMask
  if (!isJson) {
    if (fieldMask.length > 0) throw new ValidationError(`${o.output} output format is not compatible with custom field mask`)
    if (o.useDefaultFieldMasks) fieldMask = defaultFieldMask
  }
  const selector = buildSelector({...o.selector, inputFile: o.inputFile})
  let allow = filters.allow
  let deny = filters.deny
  allow = [...allow, ...parseRawFilters('allowlist', o.allowlist)]
  deny = [...deny, ...parseRawFilters('denylist', o.denylist)]
  if (fieldMask !== defaultFieldMask) checkFieldMask(fieldMask)
  if (o.printRawFilters) {
    o.stdout.write(formatRawFilters(allow, deny))
    return
  }

  // As the real CLI: case-insensitive, and any other value behaves like auto.
  const color = o.color.toLowerCase()
  const colorMode = color === 'always' || color === 'never' ? color : 'auto'
  const printer = createPrinter({
    mode, out: o.stdout, err: o.stderr,
    color: mode !== 'table' && useColor(colorMode, o.stdout, o.env),
    nodeName: o.printNodeName, policyNames: o.printPolicyNames, timeFormat: timeFormat(o.timeFormat),
    ipTranslation: o.ipTranslation && !o.numeric, debug: o.debug, silentErrors: o.silentErrors,
    legacyJson: mode === 'json' && legacyJsonOutput(o.env),
  })
  const query: FlowsQuery = {selector, allow, deny}
  if (o.portForward) {
    throw new ValidationError(o.inputFile ? 'cannot use --input-file and --auto-port-forward together'
      : 'port forwarding to Hubble Relay is not supported by this hubble', 'connect with --server (e.g. after kubectl port-forward)')
  }
  try {
    if (o.inputFile) {
      const input = await openInput(o.inputFile, o.stdin, o.signal)
      await observeFile(input, query, printer, (w) => o.stderr.write(formatWarning(w)), o.signal)
    } else {
      if (!o.serverFlows) throw new ValidationError('no Hubble server connection available')
      await printAll(o.serverFlows(getFlowsRequest(query, fieldMask), o.signal), printer)
    }
  } finally {
    await printer.close()
  }
}

async function printAll(batches: AsyncIterable<GetFlowsResponse[]>, printer: Printer): Promise<void> {
  for await (const batch of batches) {
    for (const res of batch) {
      const p = printer.write(res)
      if (p) await p
    }
  }
}

/** HUBBLE_COMPAT: a comma list of options, case-insensitive; only legacy-json-output is known. */
export function legacyJsonOutput(env: NodeJS.ProcessEnv): boolean {
  return (env.HUBBLE_COMPAT ?? '').split(',').some((s) => s.trim().toLowerCase() === 'legacy-json-output')
}
