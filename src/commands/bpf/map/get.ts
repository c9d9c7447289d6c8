import {Args, Flags} from '@oclif/core'
import {BaseCommand} from '../../../cli/base-command.js'
import {outputFlags} from '../../../cli/flags.js'

export default class BpfMapGet extends BaseCommand {
  static override summary = 'Display all entries of a BPF map'
  static override description = 'Prints every entry of a pinned map, streaming batch by batch. Keys and values '
    + 'print as fields when the map carries BTF, as hex bytes otherwise; per-CPU maps print one value per CPU.'
  static override examples = [
    '<%= config.bin %> <%= command.id %> cilium_ipcache_v2',
    '<%= config.bin %> <%= command.id %> /sys/fs/bpf/tc/globals/cilium_lxc -o json',
  ]
  static override args = {
    map: Args.string({required: true, description: 'Map name (searched under --bpffs) or pinned path'}),
  }
  static override flags = {
    ...outputFlags,
    bpffs: Flags.string({description: 'Root of the bpf filesystem to search', env: 'CILIUM_BPFFS', default: '/sys/fs/bpf'}),
    btf: Flags.boolean({description: 'Decode keys and values with the map\'s BTF when it has one', default: true, allowNo: true}),
  }

  async run(): Promise<void> {
    const {args, flags} = await this.parse(BpfMapGet)
    const {BpfMap} = await import('../../../bpf/map.js')
    const {resolvePinnedMap} = await import('../../../bpf/pinned.js')
    const {dumpMap} = await import('../../../maps/map-dump.js')
    const {writeOutput} = await import('../../../lib/stdout.js')
    const map = BpfMap.openPinned(resolvePinnedMap(args.map, flags.bpffs))
    try {
      await writeOutput(dumpMap(map, {format: flags.output, useBtf: flags.btf}))
    } finally {
      map.close()
    }
  }
}
