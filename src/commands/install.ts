import {Flags} from '@oclif/core'
import {BaseCommand} from '../cli/base-command.js'
import type {InstallAnswers} from '../install/answers.js'
import {hubbleListenerFlags, hubbleTlsFiles, kubernetesTargetFlags} from '../install/flags.js'

export default class Install extends BaseCommand {
  static override summary = 'Install ciliumkit on this node (bpffs, the datapath, the agent), or Cilium on Kubernetes'
  static override description = 'Checks the node first (root, kernel and BPF, bpffs, BTF, clang or prebuilt objects, a pool free of '
    + 'host routes) and changes nothing when a check fails. Then mounts bpffs, builds the datapath if needed and starts the agent '
    + 'in the background (pid and log file in --state-dir) or, with --systemd, as a systemd unit. A second run reports what is '
    + 'already there. On a terminal without flags it asks for the answers.\n\n'
    + 'With --kubernetes (or --set, --values, --dry-run-helm-values) the same answers become Helm values for the official Cilium '
    + 'chart, installed with `helm upgrade --install` when helm and a kubeconfig are present; otherwise it prints what to run.'
  static override examples = [
    '<%= config.bin %> <%= command.id %> --wait',
    '<%= config.bin %> <%= command.id %> --pool 10.42.0.0/24 --enable-policy always --policy-audit-mode',
    '<%= config.bin %> <%= command.id %> --hubble-listen-address :4244 --hubble-tls-cert-file tls.crt --hubble-tls-key-file tls.key',
    '<%= config.bin %> <%= command.id %> --dry-run',
    '<%= config.bin %> <%= command.id %> --systemd --wait',
    '<%= config.bin %> <%= command.id %> --kubernetes --dry-run-helm-values --set hubble.ui.enabled=true',
  ]

  static override flags = {
    pool: Flags.string({description: 'IPv4 pool endpoint addresses come from', default: '10.200.0.0/24', helpValue: '<cidr>'}),
    'enable-policy': Flags.option({description: 'Policy enforcement mode', options: ['default', 'always', 'never'] as const,
      default: 'default' as const})(),
    'policy-audit-mode': Flags.boolean({description: 'Report what policy would drop as AUDIT and forward it', default: false}),
    ...hubbleListenerFlags,
    'hubble-event-buffer-capacity': Flags.integer({description: 'Flows the Hubble ring keeps (2^n-1)', default: 4095}),
    'state-dir': Flags.string({description: 'Directory for the agent state, pid and log file', default: '/var/run/cilium/state',
      helpValue: '<dir>', helpGroup: 'NODE'}),
    bpffs: Flags.string({description: 'Where bpffs is (or gets) mounted', default: '/sys/fs/bpf', helpValue: '<dir>', helpGroup: 'NODE'}),
    socket: Flags.string({description: 'Unix socket of the agent REST API', default: '/var/run/cilium/cilium.sock',
      helpValue: '<path>', helpGroup: 'NODE'}),
    'hubble-socket': Flags.string({description: 'Unix socket of the Hubble API', default: '/var/run/cilium/hubble.sock',
      helpValue: '<path>', helpGroup: 'NODE'}),
    systemd: Flags.boolean({description: 'Run the agent as a systemd unit instead of a background process', default: false,
      helpGroup: 'NODE'}),
    'systemd-unit-dir': Flags.string({description: 'Where the unit is written', default: '/etc/systemd/system', hidden: true}),
    'systemd-enable': Flags.boolean({description: 'Enable and start the unit once written', default: true, allowNo: true,
      hidden: true}),
    wait: Flags.boolean({description: 'Wait for the agent (or Helm) to be ready', default: false}),
    'wait-duration': Flags.string({description: 'How long --wait waits', default: '5m', helpValue: '<duration>'}),
    'dry-run': Flags.boolean({description: 'Print what install would do and change nothing', default: false}),
    kubernetes: Flags.boolean({description: 'Install Cilium on the current Kubernetes cluster with Helm', default: false,
      helpGroup: 'KUBERNETES'}),
    'dry-run-helm-values': Flags.boolean({description: 'Print the Helm values (YAML) and change nothing', default: false,
      helpGroup: 'KUBERNETES'}),
    values: Flags.string({char: 'f', description: 'Helm values file (can be repeated)', multiple: true, helpValue: '<file>',
      helpGroup: 'KUBERNETES'}),
    set: Flags.string({description: 'Helm value: key=value,key2=value2 (can be repeated)', multiple: true, helpGroup: 'KUBERNETES'}),
    'set-string': Flags.string({description: 'Helm value kept a string: key=value (can be repeated)', multiple: true,
      helpGroup: 'KUBERNETES'}),
    version: Flags.string({description: 'Cilium chart version', helpValue: '<version>', helpGroup: 'KUBERNETES'}),
    repository: Flags.string({description: 'Helm chart repository', default: 'https://helm.cilium.io', helpGroup: 'KUBERNETES'}),
    'chart-directory': Flags.string({description: 'A local Cilium chart instead of the repository', helpValue: '<dir>',
      helpGroup: 'KUBERNETES'}),
    ...kubernetesTargetFlags,
  }

  async run(): Promise<void> {
    const {flags} = await this.parse(Install)
    const {defaultAnswers, validateAnswers, installQuestions, answersFromPrompts} = await import('../install/answers.js')
    const {Progress} = await import('../install/progress.js')
    const {parseGoDuration} = await import('../api/wait.js')

    let answers: InstallAnswers
    const flagGiven = this.argv.some((a) => a.startsWith('-') && !['-D', '--debug'].includes(a))
    if (!flagGiven && process.stdin.isTTY && process.stdout.isTTY) {
      const {default: inquirer} = await import('inquirer')
      answers = answersFromPrompts(await inquirer.prompt(installQuestions(defaultAnswers) as never))
    } else {
      answers = validateAnswers({pool: flags.pool, enablePolicy: flags['enable-policy'], auditMode: flags['policy-audit-mode'],
        hubbleListenAddress: flags['hubble-listen-address'], hubbleTls: hubbleTlsFiles(flags), ringCapacity: flags['hubble-event-buffer-capacity']})
    }
    const waitMs = flags.wait ? parseGoDuration(flags['wait-duration']) : undefined
    const progress = new Progress(process.stderr)

    if (flags.kubernetes || flags['dry-run-helm-values'] || flags.set || flags['set-string'] || flags.values) {
      const {installKubernetes} = await import('../install/kubernetes.js')
      const result = await installKubernetes({answers, dryRunValues: flags['dry-run-helm-values'] || flags['dry-run'],
        user: {valuesFiles: flags.values ?? [], set: flags.set ?? [], setString: flags['set-string'] ?? []},
        target: {release: flags['helm-release-name'], namespace: flags.namespace, repository: flags.repository,
          version: flags.version ?? (await import('../install/helm.js')).chartVersion, chartDirectory: flags['chart-directory'],
          kubeconfig: flags.kubeconfig, context: flags.context, waitDuration: flags.wait ? flags['wait-duration'] : undefined}}, progress)
      this.out(result)
      return
    }

    const {installNode, planNode} = await import('../install/node.js')
    const options = {answers, waitMs,
      paths: {stateDir: flags['state-dir'], bpffs: flags.bpffs, socket: flags.socket, hubbleSocket: flags['hubble-socket']},
      systemd: flags.systemd ? {unitDir: flags['systemd-unit-dir'], enable: flags['systemd-enable']} : undefined}
    if (flags['dry-run']) {
      this.out(await planNode(options))
      return
    }
    await installNode(options, progress)
  }
}
