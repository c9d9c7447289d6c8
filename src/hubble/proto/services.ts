/**
 * gRPC service definitions for @grpc/grpc-js over the generated static code (pbjs has no
 * grpc-js generator). Method paths are Hubble's: /observer.Observer/GetFlows, … A response
 * serializer passes an already-encoded Uint8Array through untouched: the server encodes each
 * flow once, when it enters the ring, not once per client.
 */
import type {MethodDefinition, ServiceDefinition} from '@grpc/grpc-js'
import {grpc, observer, peer} from './index.js'

interface StaticType<T> {
  encode(m: T): {finish(): Uint8Array}
  decode(b: Uint8Array): T
}

const toBuffer = (u: Uint8Array): Buffer => Buffer.from(u.buffer, u.byteOffset, u.byteLength)

function method<Req, Res>(service: string, name: string, Req: StaticType<Req>, Res: StaticType<Res>,
  responseStream = false): MethodDefinition<Req, Res | Uint8Array> {
  return {
    path: `/${service}/${name}`,
    requestStream: false,
    responseStream,
    requestSerialize: (m: Req) => toBuffer(Req.encode(m).finish()),
    requestDeserialize: (b: Buffer) => Req.decode(b),
    responseSerialize: (m: Res | Uint8Array) => toBuffer(m instanceof Uint8Array ? m : Res.encode(m).finish()),
    responseDeserialize: (b: Buffer) => Res.decode(b),
    originalName: name[0]!.toLowerCase() + name.slice(1),
  }
}

export const OBSERVER_SERVICE = 'observer.Observer'
export const observerService = {
  GetFlows: method(OBSERVER_SERVICE, 'GetFlows', observer.GetFlowsRequest, observer.GetFlowsResponse, true),
  GetAgentEvents: method(OBSERVER_SERVICE, 'GetAgentEvents', observer.GetAgentEventsRequest, observer.GetAgentEventsResponse, true),
  GetDebugEvents: method(OBSERVER_SERVICE, 'GetDebugEvents', observer.GetDebugEventsRequest, observer.GetDebugEventsResponse, true),
  GetNodes: method(OBSERVER_SERVICE, 'GetNodes', observer.GetNodesRequest, observer.GetNodesResponse),
  GetNamespaces: method(OBSERVER_SERVICE, 'GetNamespaces', observer.GetNamespacesRequest, observer.GetNamespacesResponse),
  ServerStatus: method(OBSERVER_SERVICE, 'ServerStatus', observer.ServerStatusRequest, observer.ServerStatusResponse),
} satisfies ServiceDefinition

export const healthService = {
  Check: method('grpc.health.v1.Health', 'Check', grpc.health.v1.HealthCheckRequest, grpc.health.v1.HealthCheckResponse),
  Watch: method('grpc.health.v1.Health', 'Watch', grpc.health.v1.HealthCheckRequest, grpc.health.v1.HealthCheckResponse, true),
} satisfies ServiceDefinition

export const peerService = {
  Notify: method('peer.Peer', 'Notify', peer.NotifyRequest, peer.ChangeNotification, true),
} satisfies ServiceDefinition

/** The service name `hubble status` health-checks. */
export const HEALTH_SERVICE_NAME = 'hubble.server.Observer'
