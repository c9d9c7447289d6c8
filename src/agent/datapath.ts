/**
 * What the agent needs of a datapath. The agent's endpoint manager and policy sync speak only
 * this interface; src/datapath provides the BPF implementation (adapted in
 * datapath-bpf.ts), and `absentDatapath` stands in where it cannot load, so the agent still
 * serves its API and says in `cilium status` that nothing is enforced (it never makes up flows).
 */
import type {IpcacheEntry} from '../identity/ipcache.js'
import type {EndpointPolicy} from '../policy/entries.js'
import type {DatapathEvent} from '../datapath/events.js'
import {MapRegistry} from './map-cache.js'

/** What the datapath needs to know of an endpoint to attach to it. */
export interface DatapathEndpoint {
  id: number
  identity: number
  ipv4: string
  mac: string
  hostMac: string
  hostInterface: string
  hostIfindex: number
  netns: string
  /** Endpoint options (API names, `Enabled`/`Disabled` values). */
  options: Readonly<Record<string, string>>
}

export type {DatapathEvent}

export interface DatapathStatus {
  /** `Ok` when programs are loaded, `Disabled` when there is no datapath. */
  state: 'Ok' | 'Disabled' | 'Failure'
  msg: string
}

export interface Datapath {
  status(): DatapathStatus
  /** The maps it has open and the entries it wrote to them (GET /v1/map). */
  readonly maps: MapRegistry
  /** Loads (once) and attaches the endpoint programs; idempotent for an attached endpoint (restart). */
  attach(ep: DatapathEndpoint): Promise<void>
  /** Detaches and removes the endpoint's maps. Idempotent. */
  detach(endpointId: number): Promise<void>
  /**
   * Makes the endpoint's policy map hold exactly the policy's entries, then sets which directions
   * it enforces. Entries to add or change are written before stale ones are deleted, so a flow
   * both the old and the new policy allow never misses.
   */
  applyPolicy(endpointId: number, policy: EndpointPolicy): Promise<void>
  /** Writes the endpoint's options (PolicyAuditMode, notifications) where its program reads them. */
  setOptions(endpointId: number, options: Readonly<Record<string, string>>): Promise<void>
  /** Makes the ipcache map hold exactly `rows`. */
  syncIpcache(rows: readonly IpcacheEntry[]): Promise<void>
  /** Datapath events until `signal` aborts; `lost` counts events the kernel could not queue. */
  events(signal: AbortSignal): AsyncIterable<DatapathEvent>
  /** Events the ring buffer dropped so far (reported as LostEvents). */
  lostEvents(): number
  /** Releases file descriptors; pinned maps and attached programs stay (they keep enforcing). */
  close(): Promise<void>
  /** Undoes loading for a start that failed: close(), and removes what loading pinned that nothing uses yet. */
  discard(): Promise<void>
}

/** The stand-in when no datapath is loaded: accepts state, enforces nothing, emits no events. */
export function absentDatapath(reason: string): Datapath {
  return {
    status: () => ({state: 'Disabled', msg: `datapath not loaded: ${reason}`}),
    maps: new MapRegistry(''),
    attach: async () => undefined,
    detach: async () => undefined,
    applyPolicy: async () => undefined,
    setOptions: async () => undefined,
    syncIpcache: async () => undefined,
    events: (signal) => ({
      [Symbol.asyncIterator]: () => ({
        // No events ever: the one next() ends when the agent stops.
        next: () => new Promise<IteratorResult<DatapathEvent>>((resolve) => {
          const done = () => resolve({done: true, value: undefined})
          if (signal.aborted) done()
          else signal.addEventListener('abort', done, {once: true})
        }),
      }),
    }),
    lostEvents: () => 0,
    close: async () => undefined,
    discard: async () => undefined,
  }
}
