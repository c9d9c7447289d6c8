import {createRequire} from 'node:module'
import type {OutputFormat} from './modes.js'

export {outputFormats, type OutputFormat} from './modes.js'

// cli-table3 and yaml are loaded on first use: every command module is evaluated at
// start-up (one bundle), and most invocations never print a table or YAML.
const require = createRequire(import.meta.url)
const loadTable = (): typeof import('cli-table3') => require('cli-table3') as typeof import('cli-table3')
const loadYaml = (): typeof import('yaml') => require('yaml') as typeof import('yaml')

/** One column of a table: its header and how to read a cell from a row. */
export interface Column<Row> {
  header: string
  cell: (row: Row) => string | number | boolean | undefined
}

/** JSON as the cilium CLIs print it: two-space indent, trailing newline. */
export function renderJson(value: unknown): string {
  return JSON.stringify(value, null, 2) + '\n'
}

/** YAML with sequences indented under their key, as Go's yaml.v3 writes them. */
export function renderYaml(value: unknown): string {
  return loadYaml().stringify(value, {indent: 4, indentSeq: true, lineWidth: 0})
}

/** A borderless, left-aligned table with the headers in capitals, as cilium-dbg prints lists. */
export function renderTable<Row>(rows: readonly Row[], columns: readonly Column<Row>[]): string {
  const Table = loadTable()
  const table = new Table({
    head: columns.map((c) => c.header),
    chars: {top: '', 'top-mid': '', 'top-left': '', 'top-right': '', bottom: '', 'bottom-mid': '',
      'bottom-left': '', 'bottom-right': '', left: '', 'left-mid': '', mid: '', 'mid-mid': '',
      right: '', 'right-mid': '', middle: '   '},
    style: {head: [], border: [], 'padding-left': 0, 'padding-right': 0, compact: true},
  })
  for (const row of rows) table.push(columns.map((c) => String(c.cell(row) ?? '')))
  return table.toString().split('\n').map((l) => l.trimEnd()).join('\n') + '\n'
}

/** Renders rows in the chosen format; json and yaml print the rows themselves, not the table. */
export function render<Row>(format: OutputFormat, rows: readonly Row[], columns: readonly Column<Row>[]): string {
  switch (format) {
    case 'json': return renderJson(rows)
    case 'yaml': return renderYaml(rows)
    case 'table': return renderTable(rows, columns)
  }
}
