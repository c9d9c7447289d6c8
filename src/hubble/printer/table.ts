/**
 * `-o table` (alias `tab`): tab-separated cells aligned as Go's text/tabwriter does with
 * minwidth 2, padding 3 and spaces: every column but the last is as wide as its widest
 * cell plus 3. The widths depend on all rows, so the table is printed on close; colour
 * is always off (the tabwriter cannot measure escape sequences).
 */
import type {flow, GetFlowsResponse} from '../proto/index.js'
import {flowType, summaryText, verdictText} from './format.js'
import type {PrinterOptions} from './options.js'
import {TextPrinter} from './text.js'

// eslint-disable-next-line no-control-regex -- the ASCII range, to skip counting code points
const ascii = /^[\x00-\x7f]*$/
// tabwriter measures cells in runes (code points).
const width = (s: string): number => (ascii.test(s) ? s.length : [...s].length)

export class TablePrinter extends TextPrinter {
  private readonly rows: string[][] = []

  constructor(opts: PrinterOptions) {
    super(opts, false)
  }

  private header(): void {
    if (this.line !== 0) return
    this.rows.push(this.opts.nodeName
      ? ['TIMESTAMP', 'NODE', 'SOURCE', 'DESTINATION', 'TYPE', 'VERDICT', 'SUMMARY']
      : ['TIMESTAMP', 'SOURCE', 'DESTINATION', 'TYPE', 'VERDICT', 'SUMMARY'])
  }

  protected writeFlow(f: flow.IFlow): undefined {
    this.header()
    const [src, dst] = this.hostNames(f)
    const row = [this.time(f.time)]
    if (this.opts.nodeName) row.push(f.nodeName ?? '')
    row.push(src, dst, flowType(f), verdictText(f, this.c, this.opts.policyNames), summaryText(f, this.c))
    this.rows.push(row.map((cell) => this.escape(cell)))
    return undefined
  }

  protected writeLostEvent(res: GetFlowsResponse, e: flow.ILostEvent): undefined {
    this.header()
    const row = [this.time(res.time)]
    if (this.opts.nodeName) row.push(this.escape(res.nodeName || '-'))
    row.push(this.lostSource(e), '-', 'EVENTS LOST', '-', this.lostSummary(e, ' - '))
    this.rows.push(row)
    return undefined
  }

  override async close(): Promise<void> {
    const widths: number[] = []
    for (const row of this.rows) {
      for (let i = 0; i < row.length - 1; i++) widths[i] = Math.max(widths[i] ?? 2, width(row[i]) + 3)
    }
    for (const row of this.rows) {
      let line = ''
      for (let i = 0; i < row.length - 1; i++) line += row[i] + ' '.repeat(widths[i] - width(row[i]))
      const p = this.out.push(line + row[row.length - 1] + '\n')
      if (p) await p
    }
    this.rows.length = 0
    await super.close()
  }
}
