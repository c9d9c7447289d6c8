/**
 * Saved flows: one `hubble observe -o jsonpb` line at a time (`--input-file`, `hubble serve`).
 * A line is a GetFlowsResponse (`{"flow":…,"node_name":…,"time":…}`) or, as written by
 * HUBBLE_COMPAT=legacy-json-output, a bare Flow. A bad line gives the warning the real CLI logs
 * ("Failed to unmarshal json to flow"); unknown fields are dropped with a warning, which
 * {@link FlowJsonReader} gives only once, like `hubble observe --input-file` (v0.12+).
 */
import type {flow, observer} from '../proto/index.js'
import {describeSyntaxError, fromJsonValue, JsonCodecError} from './json-parse.js'

export interface FlowJsonWarning {
  kind: 'bad-line' | 'unknown-field'
  /** the real CLI's log message */
  message: string
  /** protojson's error text, with its "proto: " prefix */
  error: string
  /** the offending line (bad-line only) */
  line?: string
}

export interface ParsedFlowLine {
  /** undefined when the line could not be read */
  response?: observer.GetFlowsResponse.$Properties
  warnings: FlowJsonWarning[]
}

export const BAD_LINE = 'Failed to unmarshal json to flow'
export const UNKNOWN_FIELD = 'unknown field detected, upgrade the Hubble CLI to get rid of this warning'

const responseKeys = new Set(['flow', 'node_status', 'nodeStatus', 'lost_events', 'lostEvents', 'node_name', 'nodeName', 'time'])
const eventKeys = ['flow', 'node_status', 'nodeStatus', 'lost_events', 'lostEvents']

/** Reads one line; never throws for bad input (it becomes a warning). */
export function parseFlowJson(line: string): ParsedFlowLine {
  let value: unknown
  try {
    value = JSON.parse(line)
  } catch {
    return badLine(line, describeSyntaxError(line))
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    return badLine(line, `syntax error (line 1:${line.length - line.trimStart().length + 1}): unexpected token ${line.trim()}`)
  }
  let unknown: string | undefined
  const opts = {discardUnknown: true, onUnknown: (k: string) => { unknown ??= k }}
  try {
    const o = value as Record<string, unknown>
    let response: observer.GetFlowsResponse.$Properties
    if (eventKeys.some((k) => k in o) || Object.keys(o).every((k) => responseKeys.has(k))) {
      response = fromJsonValue('observer.GetFlowsResponse', o, opts)
    } else {
      const f = fromJsonValue('flow.Flow', o, opts) as flow.Flow.$Properties
      response = {flow: f, nodeName: f.nodeName ?? '', time: f.time ?? null}
    }
    const warnings: FlowJsonWarning[] = unknown === undefined ? []
      : [{kind: 'unknown-field', message: UNKNOWN_FIELD, error: `proto: ${at(line, unknown)}unknown field ${JSON.stringify(unknown)}`}]
    return {response, warnings}
  } catch (e) {
    if (e instanceof JsonCodecError) return badLine(line, e.key === undefined ? e.message : at(line, e.key) + e.message)
    throw e
  }
}

// protojson reports where the key starts: "(line 1:1033): ".
function at(line: string, key: string): string {
  const i = line.indexOf(JSON.stringify(key))
  return i < 0 ? '' : `(line 1:${i + 1}): `
}

function badLine(line: string, error: string): ParsedFlowLine {
  return {warnings: [{kind: 'bad-line', message: BAD_LINE, error: `proto: ${error}`, line}]}
}

/** parseFlowJson with the CLI's memory: the unknown-field warning comes once per input. */
export class FlowJsonReader {
  private warnedUnknown = false

  parse(line: string): ParsedFlowLine {
    const parsed = parseFlowJson(line)
    if (parsed.warnings.length > 0 && parsed.warnings[0]!.kind === 'unknown-field') {
      if (this.warnedUnknown) parsed.warnings = []
      this.warnedUnknown = true
    }
    return parsed
  }
}
