import type {OutputFormat} from '../output/modes.js'
import {goJson} from './json.js'

/**
 * The text of a `bpf` listing in the chosen format: the table text for `table`, Go-style
 * JSON (exact u64s) or YAML of the same value otherwise, so both come from one value.
 */
export async function renderListing(format: OutputFormat, value: unknown, table: () => string): Promise<string> {
  if (format === 'json') return goJson(value)
  if (format === 'yaml') {
    const {renderYaml} = await import('../output/format.js')
    return renderYaml(value)
  }
  return table()
}
