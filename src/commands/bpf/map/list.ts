import {Flags} from '@oclif/core'
import {BaseCommand} from '../../../cli/base-command.js'
import {outputFlags} from '../../../cli/flags.js'
import type {PinnedMapRow} from '../../../bpf/pinned.js'

export default class BpfMapList extends BaseCommand {
  static override summary = 'List all pinned BPF maps'
  static override description = 'Every map pinned under the bpf filesystem, with its type, key and value size, '
    + 'maximum and current number of entries (counted by iterating the map).'
  static override examples = [
    '<%= config.bin %> <%= command.id %>',
    '<%= config.bin %> <%= command.id %> --bpffs /run/ciliumkit/bpffs -o json',
  ]
  static override flags = {
    ...outputFlags,
    bpffs: Flags.string({description: 'Root of the bpf filesystem to search', env: 'CILIUM_BPFFS', default: '/sys/fs/bpf'}),
  }

  async run(): Promise<PinnedMapRow[]> {
    const {flags} = await this.parse(BpfMapList)
    const {listPinnedMaps} = await import('../../../bpf/pinned.js')
    const {render} = await import('../../../output/index.js')
    const {writeOutput} = await import('../../../lib/stdout.js')
    const rows = await listPinnedMaps(flags.bpffs)
    await writeOutput(render(flags.output, rows, [
      {header: 'NAME', cell: (r) => r.name},
      {header: 'TYPE', cell: (r) => r.type},
      {header: 'KEY SIZE', cell: (r) => r.keySize},
      {header: 'VALUE SIZE', cell: (r) => r.valueSize},
      {header: 'MAX ENTRIES', cell: (r) => r.maxEntries},
      {header: 'ENTRIES', cell: (r) => r.entries ?? ''},
      {header: 'PATH', cell: (r) => r.path},
    ]))
    return rows
  }
}
