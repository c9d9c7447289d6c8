/**
 * Loads the BPF datapath for the agent (imported only when the agent starts, so the CLI never
 * loads the addon for other commands).
 */
import type {AgentConfig} from './config.js'
import type {Datapath} from './datapath.js'
import type {Logger} from './log.js'

export async function loadBpfDatapath(config: AgentConfig, log: Logger): Promise<Datapath> {
  const {BpfAgentDatapath} = await import('./datapath-bpf.js')
  return BpfAgentDatapath.load(config, log)
}
