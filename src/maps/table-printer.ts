import {tabwrite} from './text.js'

/**
 * cilium-dbg's generic two-column TablePrinter (cilium.md §0.1): a header `T1\tT2\n`,
 * then per key `KEY\tVALUE\t\n` with the 2nd..nth values of a key under an empty first
 * cell. Every value row ends in a tab, so the value column is padded (trailing spaces),
 * exactly as the real one prints. The real tool walks a Go map, i.e. random order; we
 * sort keys (numerically when every key is a number) so output is reproducible.
 */
export function twoColumnTable(titles: readonly [string, string], rows: ReadonlyMap<string, readonly string[]>): string {
  const keys = [...rows.keys()]
  const numeric = keys.every((k) => /^\d+$/.test(k))
  keys.sort(numeric ? (a, b) => Number(a) - Number(b) : (a, b) => (a < b ? -1 : a > b ? 1 : 0))
  let text = `${titles[0]}\t${titles[1]}\n`
  for (const key of keys) {
    rows.get(key)!.forEach((value, i) => { text += `${i === 0 ? key : ''}\t${value}\t\n` })
  }
  return tabwrite(text)
}

/** Adds `value` under `key`, keeping the values of a key in insertion order. */
export function addRow(rows: Map<string, string[]>, key: string, value: string): void {
  const list = rows.get(key)
  if (list) list.push(value)
  else rows.set(key, [value])
}

/** The JSON form of a TablePrinter dump: Go marshals map[string][]string with sorted keys. */
export function twoColumnJson(rows: ReadonlyMap<string, readonly string[]>): Record<string, readonly string[]> {
  return Object.fromEntries([...rows.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
}

/** What the TablePrinter users print on stderr for an empty map. */
export const NO_ENTRIES_MESSAGE = 'No entries found.\n'
