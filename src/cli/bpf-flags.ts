import {Flags} from '@oclif/core'

/** Every `bpf` inspection command reads the maps pinned under <bpffs>/tc/globals. */
export const bpffsFlags = {
  bpffs: Flags.string({description: 'Root of the bpf filesystem the maps are pinned under (<bpffs>/tc/globals) [default: /sys/fs/bpf]',
    env: 'CILIUM_BPFFS', helpValue: '<dir>'}),
}
