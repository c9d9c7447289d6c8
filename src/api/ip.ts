/**
 * `cilium ip list|get`: the ipcache entries from GET /v1/ip in cilium-dbg's order, and the names
 * its IDENTITY column shows: the number (`numeric`), a reserved identity's name, or the labels
 * of the identity as GET /v1/identity/{id} gives them (asked once per identity).
 */
import {identityString} from '../identity/reserved.js'
import type {AgentClient} from './client.js'
import {sortIpcacheEntries} from './format.js'
import type {IPListEntry} from './models.js'

export interface IpcacheListing {
  entries: IPListEntry[]
  /** The IDENTITY cell(s) of an entry's identity. */
  names: (identity: number) => readonly string[]
}

/**
 * Names the identities of `entries`. An identity the agent cannot give is shown by number, and
 * `warn` gets cilium-dbg's line for it (`Cannot get identity for ID 256: ...`).
 */
export async function nameIdentities(client: AgentClient, entries: readonly IPListEntry[], numeric: boolean,
  warn: (line: string) => void): Promise<IpcacheListing> {
  const names = new Map<number, readonly string[]>()
  for (const e of entries) {
    const id = e.identity
    if (names.has(id)) continue
    const name = identityString(id)
    if (numeric || name !== String(id)) {
      names.set(id, [numeric ? String(id) : name])
      continue
    }
    try {
      names.set(id, [...(await client.getIdentity(id)).labels].sort())
    } catch (err) {
      warn(`Cannot get identity for ID ${id}: ${(err as Error).message}\n`)
      names.set(id, [name])
    }
  }
  return {entries: sortIpcacheEntries(entries), names: (id) => names.get(id) ?? [String(id)]}
}
