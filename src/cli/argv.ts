/**
 * The real hubble and cilium accept their global flags before the command
 * (`hubble --config x.yaml config view`); oclif reads flags only after the command id.
 * This moves leading global flags behind the command words, before any `--`.
 */
const globalValueFlags = new Set(['--config', '-H', '--host'])
const globalBooleanFlags = new Set(['-D', '--debug'])

export function hoistGlobalFlags(argv: readonly string[]): string[] {
  const leading: string[] = []
  let i = 0
  while (i < argv.length) {
    const w = argv[i]
    if (globalBooleanFlags.has(w) || w.startsWith('--config=') || w.startsWith('--host=')) {
      leading.push(w)
      i++
    } else if (globalValueFlags.has(w) && i + 1 < argv.length) {
      leading.push(w, argv[i + 1])
      i += 2
    } else break
  }
  if (leading.length === 0 || i === argv.length) return [...argv]
  const rest = argv.slice(i)
  const dashdash = rest.indexOf('--')
  return dashdash === -1 ? [...rest, ...leading] : [...rest.slice(0, dashdash), ...leading, ...rest.slice(dashdash)]
}
