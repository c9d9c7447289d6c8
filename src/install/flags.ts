/**
 * Flags that `cilium agent`, `cilium install` and `cilium uninstall` share, defined once so the
 * same option means the same thing (and says so in the same words) in each. Light: oclif only,
 * as command files import it at top level.
 */
import {Flags} from '@oclif/core'

/** The Hubble TCP listener and its TLS (agent and install). */
export const hubbleListenerFlags = {
  'hubble-listen-address': Flags.string({description: 'Also serve the Hubble API on TCP (e.g. ":4244"); off by default',
    helpValue: '<addr>'}),
  'hubble-tls-cert-file': Flags.string({description: 'PEM certificate for the Hubble TCP listener', helpValue: '<file>',
    dependsOn: ['hubble-tls-key-file', 'hubble-listen-address']}),
  'hubble-tls-key-file': Flags.string({description: 'PEM key for the Hubble TCP listener', helpValue: '<file>',
    dependsOn: ['hubble-tls-cert-file']}),
  'hubble-tls-client-ca-files': Flags.string({description: 'PEM CA bundle: Hubble clients must present a certificate it signed (mTLS)',
    helpValue: '<file>', dependsOn: ['hubble-tls-cert-file']}),
}

/** The TLS files of the Hubble listener from parsed hubbleListenerFlags; undefined without a certificate. */
export function hubbleTlsFiles(flags: {'hubble-tls-cert-file'?: string; 'hubble-tls-key-file'?: string; 'hubble-tls-client-ca-files'?: string}):
  {certFile: string; keyFile: string; clientCaFile?: string} | undefined {
  const certFile = flags['hubble-tls-cert-file']
  const keyFile = flags['hubble-tls-key-file']
  return certFile && keyFile ? {certFile, keyFile, clientCaFile: flags['hubble-tls-client-ca-files']} : undefined
}

/** Where Cilium's Helm release is (install and uninstall with --kubernetes). */
export const kubernetesTargetFlags = {
  'helm-release-name': Flags.string({description: 'Helm release name', default: 'cilium', helpGroup: 'KUBERNETES'}),
  namespace: Flags.string({char: 'n', description: 'Namespace Cilium is installed in', default: 'kube-system',
    env: 'CILIUM_NAMESPACE', helpGroup: 'KUBERNETES'}),
  kubeconfig: Flags.string({description: 'Path to the kubeconfig file', helpGroup: 'KUBERNETES'}),
  context: Flags.string({description: 'Kubernetes context', helpGroup: 'KUBERNETES'}),
}
