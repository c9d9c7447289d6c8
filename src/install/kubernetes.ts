/**
 * `cilium install --kubernetes`: the answers as Helm values for the official chart, then
 * `helm upgrade --install` when helm and a kubeconfig are there, or the exact commands to run.
 */
import type {InstallAnswers} from './answers.js'
import {findHelm, findKubeconfig, type HelmTarget, helmValues, manualInstallScript, mergedValues, renderValuesYaml, runHelm,
  runProgram, shellWord, type UserValues} from './helm.js'
import {done, type Progress} from './progress.js'

export interface KubernetesInstallOptions {
  answers: InstallAnswers
  user: UserValues
  target: HelmTarget
  /** Only render the values (--dry-run-helm-values): no helm, no cluster. */
  dryRunValues: boolean
}

/** Returns what goes to stdout: the values (dry run), helm's output, or the script to run by hand. */
export async function installKubernetes(o: KubernetesInstallOptions, progress: Progress): Promise<string> {
  const yaml = renderValuesYaml(mergedValues(helmValues(o.answers), o.user))
  if (o.dryRunValues) return yaml
  const helm = findHelm()
  const kubeconfig = findKubeconfig(o.target.kubeconfig)
  if (!helm || !kubeconfig) {
    const missing = [!helm && 'helm is not installed', !kubeconfig && 'no kubeconfig was found'].filter(Boolean).join(' and ')
    progress.note(`${missing}: to install Cilium ${o.target.chartDirectory ? 'from ' + o.target.chartDirectory : o.target.version} run:`)
    return manualInstallScript(o.target, yaml)
  }
  let output = ''
  await progress.step(`Installing Cilium ${o.target.chartDirectory ?? o.target.version} with helm (release ${o.target.release} in ${o.target.namespace})`,
    async () => {
      output = await runHelm(helm, {...o.target, kubeconfig}, yaml)
      return done()
    })
  return output
}

export interface KubernetesRelease {
  release: string
  namespace: string
  kubeconfig?: string
  context?: string
}

/** `helm uninstall` of the release, or the command to run when helm or a kubeconfig is missing. */
export async function uninstallKubernetes(r: KubernetesRelease, progress: Progress): Promise<string> {
  const args = ['uninstall', r.release, '--namespace', r.namespace, ...(r.kubeconfig ? ['--kubeconfig', r.kubeconfig] : []),
    ...(r.context ? ['--kube-context', r.context] : [])]
  const helm = findHelm()
  const kubeconfig = findKubeconfig(r.kubeconfig)
  if (!helm || !kubeconfig) {
    progress.note(`${!helm ? 'helm is not installed' : 'no kubeconfig was found'}: to uninstall Cilium run:`)
    return ['helm', ...args].map(shellWord).join(' ') + '\n'
  }
  let output = ''
  await progress.step(`Uninstalling Cilium (release ${r.release} in ${r.namespace})`, async () => {
    output = await runProgram(helm, args)
    return done()
  })
  return output
}
