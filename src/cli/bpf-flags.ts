import {Args, Flags} from '@oclif/core'

/** Every `bpf` inspection command reads the maps pinned under <bpffs>/tc/globals. */
export const bpffsFlags = {
  bpffs: Flags.string({description: 'Root of the bpf filesystem the maps are pinned under (<bpffs>/tc/globals) [default: /sys/fs/bpf]',
    env: 'CILIUM_BPFFS', helpValue: '<dir>'}),
}

/** The arguments of `bpf policy add|delete`, shared so both parse the same words. */
export const policyChangeArgs = {
  endpoint: Args.string({description: 'Endpoint ID or reserved identity name'}),
  direction: Args.string({description: 'Traffic direction: ingress or egress'}),
  identity: Args.string({description: 'Remote security identity (0 = any)'}),
  port: Args.string({description: 'port[/protocol] (TCP, UDP, SCTP, ICMP, ICMPV6, ANY)'}),
}

export const policyChangeFlags = {
  ...bpffsFlags,
  deny: Flags.boolean({description: 'Sets deny mode', default: false}),
}
