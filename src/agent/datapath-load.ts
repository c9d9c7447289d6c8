/**
 * Loads the BPF datapath for the agent. Until src/datapath is part of the build, the agent
 * runs without one and reports it (`cilium status` shows why).
 */
import {CiliumkitError} from '../errors.js'
import type {AgentConfig} from './config.js'
import type {Datapath} from './datapath.js'
import type {Logger} from './log.js'

export async function loadBpfDatapath(_config: AgentConfig, _log: Logger): Promise<Datapath> {
  throw new CiliumkitError('the BPF datapath (src/datapath) is not in this build yet')
}
