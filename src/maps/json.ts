/**
 * JSON as cilium-dbg prints it (Go encoding/json, MarshalIndent with two spaces):
 * u64 counters stay exact (a bigint prints as bare digits, never through a double),
 * and <, > and & inside strings are escaped as Go does.
 */
export function goJson(value: unknown): string {
  const text = JSON.stringify(value, (_k, v) => (typeof v === 'bigint' ? `\u0000u64:${v}` : v), 2)
  return text
    .replace(/"\\u0000u64:(\d+)"/g, '$1')
    .replace(/</g, '\\u003c').replace(/>/g, '\\u003e').replace(/&/g, '\\u0026') + '\n'
}
