/** The options of every flow printer, with their defaults in one place (as hubble's printer.New). */
import type {GetFlowsResponse} from '../proto/index.js'

export type OutputMode = 'compact' | 'dict' | 'table' | 'json' | 'jsonpb'

/** The names `-o` accepts (`tab` and `JSON` are the real CLI's aliases). */
export const outputNames = ['compact', 'dict', 'json', 'JSON', 'jsonpb', 'table', 'tab'] as const

/** The `--time-format` names (case-insensitive; anything else means StampMilli, as the real CLI). */
export const timeFormatNames = ['StampMilli', 'YearMonthDay', 'YearMonthDayHour', 'YearMonthDayHourMinute',
  'RFC3339', 'RFC3339Milli', 'RFC3339Micro', 'RFC3339Nano', 'RFC1123Z'] as const
export type TimeFormat = typeof timeFormatNames[number]

export interface PrinterOptions {
  mode: OutputMode
  out: NodeJS.WritableStream
  err: NodeJS.WritableStream
  /** Colour for compact and dict (table never colours); decided by the caller from --color. */
  color: boolean
  nodeName: boolean
  policyNames: boolean
  timeFormat: TimeFormat
  /** Show pod, service and DNS names instead of IPs (--ip-translation, off with --numeric). */
  ipTranslation: boolean
  /** Print every node status event, not only unavailable/error ones (-D). */
  debug: boolean
  /** Drop what would go to stderr (-s/--silent-errors). */
  silentErrors: boolean
  /** HUBBLE_COMPAT=legacy-json-output: `-o json` prints the inner object only. */
  legacyJson: boolean
}

export const defaults = (): PrinterOptions => ({
  mode: 'compact', out: process.stdout, err: process.stderr, color: false, nodeName: false, policyNames: false,
  timeFormat: 'StampMilli', ipTranslation: true, debug: false, silentErrors: false, legacyJson: false,
})

/** `-o` value → mode; undefined for a name the real CLI rejects (`invalid output format: <v>`). */
export function outputMode(name: string): OutputMode | undefined {
  switch (name) {
    case 'compact': case 'dict': case 'jsonpb': return name
    case 'json': case 'JSON': return 'json'
    case 'table': case 'tab': return 'table'
  }
  return undefined
}

/** `--time-format` name → format; unknown names fall back to StampMilli, as in the real CLI. */
export function timeFormat(name: string): TimeFormat {
  const lower = name.toLowerCase()
  return timeFormatNames.find((n) => n.toLowerCase() === lower) ?? 'StampMilli'
}

/** One printer per output mode behind one interface. */
export interface Printer {
  /**
   * Prints one response: a flow or a lost event to `out`, a node status event to `err`.
   * Output is batched; a returned promise means the stream asked to wait ('drain').
   */
  write(res: GetFlowsResponse): Promise<void> | undefined
  /**
   * Prints a line that already is this printer's text for a flow (without its newline): a saved
   * `-o jsonpb` line the JSON printer would print unchanged. Only printers that can, have it.
   */
  writeRaw?: (line: string) => Promise<void> | undefined
  /** Flushes what is buffered (the whole table in table mode). */
  close(): Promise<void>
}
