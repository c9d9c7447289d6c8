/** One printer per output mode behind one interface; the mode is an option. */
import {CompactPrinter} from './compact.js'
import {DictPrinter} from './dict.js'
import {JsonPrinter} from './json.js'
import {defaults, type Printer, type PrinterOptions} from './options.js'
import {TablePrinter} from './table.js'

export {defaults, outputMode, outputNames, timeFormat, timeFormatNames, type OutputMode, type Printer,
  type PrinterOptions, type TimeFormat} from './options.js'

export function createPrinter(options: Partial<PrinterOptions> = {}): Printer {
  const opts = {...defaults(), ...options}
  switch (opts.mode) {
    case 'compact': return new CompactPrinter(opts, opts.color)
    case 'dict': return new DictPrinter(opts, opts.color)
    case 'table': return new TablePrinter(opts)
    case 'json': case 'jsonpb': return new JsonPrinter(opts)
  }
}
