/**
 * `cilium monitor` end to end, without the command class: the start lines on stderr, then the
 * socket's payloads through the formatter to stdout until Ctrl-C (signal) or the agent goes.
 * As cilium-dbg does, a stream the agent closes is reopened after a pause.
 */
import {readFileSync, readdirSync} from 'node:fs'
import {drained} from '../lib/drain.js'
import {sleep} from '../lib/sleep.js'
import {openMonitor, readPayloads} from './client.js'
import {type FormatOptions, MonitorFormatter} from './format.js'
import {messageTypeNames} from './payload.js'
import {CiliumkitError} from '../errors.js'

export interface MonitorRun {
  socketPath: string
  format: Omit<FormatOptions, 'linkName'> & {linkName?: FormatOptions['linkName']}
  /** The node-monitor section of the agent's /healthz, when the agent answered. */
  nodeMonitor?: {cpus?: number; npages?: number; pagesize?: number}
  stdout: NodeJS.WritableStream
  stderr: NodeJS.WritableStream
  signal: AbortSignal
  /** Pause before reopening a stream the agent closed (cilium-dbg: 12 s). */
  reconnectMs?: number
}

/** `--type` value -> message type; throws the real CLI's sentence for an unknown name. */
export function parseMessageType(name: string): number {
  const t = messageTypeNames[name]
  if (t === undefined) {
    // Go prints the map sorted by key: map[agent:130 capture:3 ...].
    const all = Object.keys(messageTypeNames).sort().map((k) => `${k}:${messageTypeNames[k]}`).join(' ')
    throw new CiliumkitError(`invalid argument "${name}" for "-t, --type" flag: Unknown type (${name}). Please use one of the following ones map[${all}]`)
  }
  return t
}

/** Interface names of this network namespace by ifindex, read once from /sys/class/net. */
export function sysLinkNames(): (ifindex: number) => string {
  const names = new Map<number, string>()
  try {
    for (const name of readdirSync('/sys/class/net')) {
      try {
        names.set(Number(readFileSync(`/sys/class/net/${name}/ifindex`, 'utf8').trim()), name)
      } catch {
        // an interface that went away between the listing and the read
      }
    }
  } catch {
    // no sysfs: numbers only
  }
  return (ifindex) => names.get(ifindex) ?? String(ifindex)
}

export async function runMonitor(r: MonitorRun): Promise<void> {
  const formatter = new MonitorFormatter({...r.format, linkName: r.format.linkName ?? sysLinkNames()})
  // Opened before the start lines, so a missing socket is one error line and nothing else.
  let socket = await openMonitor(r.socketPath)
  if (r.nodeMonitor) {
    const nm = r.nodeMonitor
    r.stderr.write(`Listening for events on ${nm.cpus ?? 0} CPUs with ${nm.npages ?? 0}x${nm.pagesize ?? 0} of shared memory\n`)
  }
  r.stderr.write('Press Ctrl-C to quit\n')
  while (!r.signal.aborted) {
    try {
      for await (const p of readPayloads(socket, r.signal)) {
        const text = formatter.format(p)
        if (text && !r.stdout.write(text)) await drained(r.stdout, r.signal)
      }
    } catch (err) {
      r.stderr.write(`level=warn msg="connection closed" error="${(err as Error).message}"\n`)
    }
    if (r.signal.aborted) break
    await sleep(r.reconnectMs ?? 12_000, r.signal)
    if (r.signal.aborted) break
    try {
      socket = await openMonitor(r.socketPath)
    } catch (err) {
      r.stderr.write(`level=error msg="Cannot open monitor socket" error="${(err as Error).message}"\n`)
      return
    }
  }
  r.stderr.write('\nReceived an interrupt, disconnecting from monitor...\n\n')
}
