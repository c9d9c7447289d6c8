import {Flags} from '@oclif/core'
import {BaseCommand} from '../cli/base-command.js'
import {kubernetesTargetFlags} from '../install/flags.js'

export default class Uninstall extends BaseCommand {
  static override summary = 'Uninstall ciliumkit from this node, or Cilium from Kubernetes'
  static override description = 'Removes the endpoints the agent made (network namespaces, veths and the programs on them), stops '
    + 'the agent (or disables and removes its unit), unpins the maps, unmounts a bpffs the install mounted and removes the state: '
    + 'nothing is left behind. A second run finds nothing and says so. With --kubernetes it runs `helm uninstall` (or prints it).'
  static override examples = [
    '<%= config.bin %> <%= command.id %>',
    '<%= config.bin %> <%= command.id %> --state-dir /tmp/ck/state --bpffs /tmp/ck/bpffs',
    '<%= config.bin %> <%= command.id %> --kubernetes',
  ]

  static override flags = {
    'state-dir': Flags.string({description: 'Directory of the agent state, pid and log file', default: '/var/run/cilium/state',
      helpValue: '<dir>'}),
    bpffs: Flags.string({description: 'Where bpffs is mounted', default: '/sys/fs/bpf', helpValue: '<dir>'}),
    socket: Flags.string({description: 'Unix socket of the agent REST API', default: '/var/run/cilium/cilium.sock', helpValue: '<path>'}),
    'hubble-socket': Flags.string({description: 'Unix socket of the Hubble API', default: '/var/run/cilium/hubble.sock',
      helpValue: '<path>'}),
    kubernetes: Flags.boolean({description: 'Uninstall the Helm release of Cilium from the current Kubernetes cluster',
      default: false, helpGroup: 'KUBERNETES'}),
    ...kubernetesTargetFlags,
  }

  async run(): Promise<void> {
    const {flags} = await this.parse(Uninstall)
    const {Progress} = await import('../install/progress.js')
    const progress = new Progress(process.stderr)
    if (flags.kubernetes) {
      const {uninstallKubernetes} = await import('../install/kubernetes.js')
      this.out(await uninstallKubernetes({release: flags['helm-release-name'], namespace: flags.namespace,
        kubeconfig: flags.kubeconfig, context: flags.context}, progress))
      return
    }
    const {uninstallNode} = await import('../install/node.js')
    await uninstallNode({paths: {stateDir: flags['state-dir'], bpffs: flags.bpffs, socket: flags.socket,
      hubbleSocket: flags['hubble-socket']}}, progress)
  }
}
