import {tabwrite} from './text.js'

/*
 * `bpf fs show`: the first bpf filesystem in /proc/self/mountinfo, field for field as
 * Cilium's mountinfo parser splits a line (proc(5): ID, parent, major:minor, root, mount
 * point, options, optional fields…, "-", type, source, super options).
 */

/** One mountinfo line as Cilium's MountInfo holds it (its JSON field names). */
export interface MountInfo {
  MountID: number
  ParentID: number
  StDev: string
  Root: string
  MountPoint: string
  MountOptions: string
  /** null when there are none (a nil Go slice). */
  OptionalFields: string[] | null
  FilesystemType: string
  MountSource: string
  SuperOptions: string
}

/** Parses mountinfo text; a line that is not one yields undefined for it (the caller names it). */
export function parseMountInfoLine(line: string): MountInfo | undefined {
  const halves = line.split(' - ')
  if (halves.length !== 2) return undefined
  const left = halves[0].trim().split(' '), right = halves[1].trim().split(' ')
  if (left.length < 6 || right.length !== 3 || !/^\d+$/.test(left[0]) || !/^\d+$/.test(left[1])) return undefined
  return {MountID: Number(left[0]), ParentID: Number(left[1]), StDev: left[2], Root: left[3], MountPoint: left[4],
    MountOptions: left[5], OptionalFields: left.length > 6 ? left.slice(6) : null, FilesystemType: right[0],
    MountSource: right[1], SuperOptions: right[2]}
}

/** The first bpf mount of a mountinfo text; throws on a line that does not parse, as Cilium's parser fails. */
export function findBpffsMount(text: string): MountInfo | undefined {
  for (const line of text.split('\n')) {
    if (line === '') continue
    const m = parseMountInfoLine(line)
    if (!m) throw new Error(`invalid mountinfo entry: ${line}`)
    if (m.FilesystemType === 'bpf') return m
  }
  return undefined
}

/** The real table: `Name:` and value, tabwriter with minwidth 2 and padding 3; slices print as Go's `[a b]`. */
export function bpffsMountTable(m: MountInfo): string {
  const rows: Array<[string, string | number | boolean]> = [
    ['MountID', m.MountID], ['ParentID', m.ParentID], ['Mounted State', true], ['MountPoint', m.MountPoint],
    ['MountOptions', m.MountOptions], ['OptionFields', `[${(m.OptionalFields ?? []).join(' ')}]`],
    ['FilesystemType', m.FilesystemType], ['MountSource', m.MountSource], ['SuperOptions', m.SuperOptions],
  ]
  return tabwrite(rows.map(([k, v]) => `${k}:\t${v}\n`).join(''), {minwidth: 2, padding: 3})
}
