/**
 * ciliumkit as a library (`import {HubbleClient} from 'ciliumkit'`): the same modules the CLI
 * uses. Hubble: the client, the server, the JSON codec and the wire types.
 */
export {HubbleClient, toConnectionError, type HubbleClientOptions, type ServingStatusName} from './hubble/client.js'
export {createHubbleServer, FlowObserver, FlowRing, HubbleServer, type CreateServerOptions, type ServerTlsOptions} from './hubble/server/index.js'
export {encodeFlowsResponseJson, encodeJson, FlowJsonReader, fromJsonValue, parseFlowJson} from './hubble/codec/index.js'
export {flow, Long, observer, peer, relay, type Flow, type FlowFilter, type GetFlowsRequest, type GetFlowsResponse} from './hubble/proto/index.js'
export {CiliumkitError, ConnectionError, UsageError, ValidationError} from './errors.js'
