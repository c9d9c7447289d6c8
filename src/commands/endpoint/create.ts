import {Flags} from '@oclif/core'
import {BaseCommand} from '../../cli/base-command.js'
import {agentFlags} from '../../cli/flags.js'
import type {Endpoint} from '../../api/models.js'

export default class EndpointCreate extends BaseCommand {
  static override summary = 'Create an endpoint: a network namespace with a veth pair and an address from the agent\'s pool'
  static override description = 'Our agent only (a Cilium cluster creates endpoints through its CNI plugin): the agent makes '
    + 'network namespace ck-<name>, a veth pair (host side lxc<hash>, eth0 inside), gives it the next address of its pool '
    + 'and routes through the pool\'s router address, allocates the identity of the labels and attaches the datapath. '
    + 'Labels without a source get k8s:, and the endpoint carries k8s:io.kubernetes.pod.namespace=<namespace>.'
  static override examples = [
    '<%= config.bin %> <%= command.id %> --name frontend --labels role=frontend',
    '<%= config.bin %> <%= command.id %> --name db --namespace prod --labels app=db --labels tier=data -o json',
  ]
  static override flags = {
    ...agentFlags,
    name: Flags.string({description: 'Endpoint (pod) name; the namespace is ck-<name>', required: true, helpValue: '<name>'}),
    namespace: Flags.string({description: 'Kubernetes-style namespace of the endpoint', default: 'default', helpValue: '<ns>'}),
    labels: Flags.string({char: 'l', description: 'Label key=value (repeatable); source:key=value keeps its source',
      multiple: true, default: [], helpValue: '<key=value>'}),
    output: Flags.option({char: 'o', options: ['json', 'yaml'] as const, description: 'Print the endpoint model instead of its ID'})(),
  }

  async run(): Promise<Endpoint> {
    const {flags} = await this.parse(EndpointCreate)
    const labels = flags.labels.map((l) => (/^[^=]*:/.test(l) ? l : `k8s:${l}`))
    const {AgentClient, withContext} = await import('../../api/client.js')
    const ep = await withContext('Cannot create endpoint', AgentClient.fromHost(flags.host).call<Endpoint>('putEndpointId', {
      params: {id: 0}, body: {state: 'waiting-for-identity', 'container-name': flags.name, 'k8s-pod-name': flags.name,
        'k8s-namespace': flags.namespace, labels}}))
    if (flags.output) {
      const {renderJson, renderYaml} = await import('../../output/format.js')
      this.out(flags.output === 'json' ? renderJson(ep) : renderYaml(ep))
    } else {
      const a = ep.status?.networking?.addressing?.[0]
      this.out(`Endpoint ${ep.id} created: ${flags.name} ${a?.ipv4 ?? ''} identity ${ep.status?.identity?.id ?? ''}\n`)
    }
    return ep
  }
}
