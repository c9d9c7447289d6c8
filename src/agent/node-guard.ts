/**
 * Refusing to take over a node that runs a real Cilium. The agent pins its maps where Cilium
 * pins its own (<bpffs>/tc/globals, same cilium_* names), so on a Cilium node it would reuse
 * and rewrite that agent's maps. Two markers tell the nodes apart: a running `cilium-agent`
 * process, and pins under tc/globals that our datapath did not make. Ours always include
 * ck_ep_config, a map no Cilium has; without it every cilium_* pin is someone else's, and
 * with it a cilium_* pin outside our datapath's set (cilium_calls_*, cilium_tunnel_map, ...)
 * still is. `cilium agent` and the install preflight run the same checks.
 */
import {existsSync, readdirSync, readFileSync} from 'node:fs'
import {join} from 'node:path'
import {CiliumkitError} from '../errors.js'
import {DatapathMaps} from '../datapath/datapath.js'

/** This node runs (or ran) a real Cilium whose datapath ciliumkit must not touch. */
export class ForeignCiliumError extends CiliumkitError {}

const ownMarker = DatapathMaps.config
const ownNames = new Set<string>(Object.values(DatapathMaps))
const ownPolicyMap = /^cilium_policy_v3_\d{5}$/

/** Pins under `<bpffs>/tc/globals` (and Cilium's `<bpffs>/cilium` link directory) that our datapath did not make. */
export function foreignPins(bpffs: string): string[] {
  const pinDir = join(bpffs, 'tc', 'globals')
  let names: string[] = []
  try {
    names = readdirSync(pinDir)
  } catch {
    // no pin directory: nothing pinned
  }
  const ours = names.includes(ownMarker)
  const foreign = names.filter((n) => n.startsWith('cilium_') && !(ours && (ownNames.has(n) || ownPolicyMap.test(n)))).sort()
  // Cilium 1.16+ pins its tcx links and programs there; we never make it.
  if (existsSync(join(bpffs, 'cilium'))) foreign.push(join(bpffs, 'cilium'))
  return foreign
}

/** A running cilium-agent process (`pid 812: cilium-agent --config-dir=...`), or undefined. */
export function ciliumAgentProcess(): string | undefined {
  for (const pid of readdirSync('/proc')) {
    if (!/^\d+$/.test(pid)) continue
    let comm: string
    try {
      comm = readFileSync(`/proc/${pid}/comm`, 'utf8').trim()
    } catch {
      continue  // exited meanwhile
    }
    if (comm !== 'cilium-agent') continue
    let cmd = ''
    try {
      cmd = readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').filter(Boolean).slice(0, 3).join(' ')
    } catch {
      // exited between the two reads: comm is enough to name it
    }
    return `pid ${pid}: ${cmd || comm}`
  }
  return undefined
}

/** Throws ForeignCiliumError when a Cilium agent runs here or `bpffs` holds another Cilium's pins. */
export function assertNoForeignCilium(bpffs: string): void {
  const agent = ciliumAgentProcess()
  if (agent) {
    throw new ForeignCiliumError(`a Cilium agent runs on this node (${agent}); ciliumkit's agent would take over its datapath`,
      'use the cilium and hubble commands against that agent instead')
  }
  const pins = foreignPins(bpffs)
  if (pins.length > 0) {
    const shown = pins.slice(0, 3).join(', ') + (pins.length > 3 ? `, ... (${pins.length} in all)` : '')
    throw new ForeignCiliumError(`${bpffs} holds the datapath of another Cilium (${shown}); ciliumkit did not pin these`,
      'remove that Cilium first, or give ciliumkit its own bpffs with --bpffs')
  }
}
