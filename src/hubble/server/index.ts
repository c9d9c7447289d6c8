/**
 * The Hubble server: a flow ring behind Hubble's gRPC API. The agent feeds it from the datapath;
 * `hubble serve` feeds it from a saved flow log.
 */
import {compileFlowFilters} from '../filters/index.js'
import {FlowObserver} from './observer.js'
import {HubbleServer, type ServerTlsOptions} from './grpc-server.js'

export {FlowObserver, InvalidRequestError, type FlowFilterCompiler, type FlowSink, type ObserverOptions} from './observer.js'
export {DEFAULT_RING_CAPACITY, FlowRing, type RingEntry} from './ring.js'
export {HubbleServer, type HubbleServerOptions, type ServerTlsOptions} from './grpc-server.js'

export interface CreateServerOptions {
  nodeName: string
  version: string
  capacity?: number
  tls?: ServerTlsOptions
}

/** An observer with the shared filter engine, and a server in front of it (not listening yet). */
export function createHubbleServer(opts: CreateServerOptions): {observer: FlowObserver, server: HubbleServer} {
  const observer = new FlowObserver({nodeName: opts.nodeName, version: opts.version, capacity: opts.capacity,
    compileFilters: compileFlowFilters})
  return {observer, server: new HubbleServer({observer, tls: opts.tls})}
}
