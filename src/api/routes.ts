/**
 * The agent API's operations: method, path template (below /v1), the go-swagger operation ID
 * and the names of its responses. Server (src/agent/rest) and client share this table, so a
 * path or status exists once; the client builds go-swagger's error text from it
 * (`[GET /endpoint/{id}][404] getEndpointIdNotFound`). Facts: research/cilium.md §4.2.
 */

export type Method = 'GET' | 'PUT' | 'PATCH' | 'DELETE'

export interface Operation {
  method: Method
  path: string
  /** go-swagger's operation name, lower camel case as its error texts print it. */
  operation: string
  responses: Readonly<Record<number, string>>
}

const tooMany = {429: 'TooManyRequests'}

export const operations = {
  getHealthz: {method: 'GET', path: '/healthz', operation: 'getHealthz', responses: {200: 'OK'}},
  getDebuginfo: {method: 'GET', path: '/debuginfo', operation: 'getDebuginfo', responses: {200: 'OK', 500: 'Failure'}},
  getConfig: {method: 'GET', path: '/config', operation: 'getConfig', responses: {200: 'OK'}},
  patchConfig: {method: 'PATCH', path: '/config', operation: 'patchConfig',
    responses: {200: 'OK', 400: 'BadRequest', 403: 'Forbidden', 500: 'Failure'}},
  getEndpoint: {method: 'GET', path: '/endpoint', operation: 'getEndpoint', responses: {200: 'OK', 404: 'NotFound', ...tooMany}},
  getEndpointId: {method: 'GET', path: '/endpoint/{id}', operation: 'getEndpointId',
    responses: {200: 'OK', 400: 'Invalid', 404: 'NotFound', ...tooMany}},
  putEndpointId: {method: 'PUT', path: '/endpoint/{id}', operation: 'putEndpointId',
    responses: {201: 'Created', 400: 'Invalid', 403: 'Forbidden', 409: 'Exists', 500: 'Failed', ...tooMany}},
  patchEndpointId: {method: 'PATCH', path: '/endpoint/{id}', operation: 'patchEndpointId',
    responses: {200: 'OK', 400: 'Invalid', 403: 'Forbidden', 404: 'NotFound', 500: 'Failed', ...tooMany}},
  deleteEndpointId: {method: 'DELETE', path: '/endpoint/{id}', operation: 'deleteEndpointId',
    responses: {200: 'OK', 206: 'Errors', 400: 'Invalid', 403: 'Forbidden', 404: 'NotFound', ...tooMany}},
  getEndpointIdConfig: {method: 'GET', path: '/endpoint/{id}/config', operation: 'getEndpointIdConfig',
    responses: {200: 'OK', 404: 'NotFound', ...tooMany}},
  patchEndpointIdConfig: {method: 'PATCH', path: '/endpoint/{id}/config', operation: 'patchEndpointIdConfig',
    responses: {200: 'OK', 400: 'Invalid', 403: 'Forbidden', 404: 'NotFound', 500: 'Failed', ...tooMany}},
  getEndpointIdLabels: {method: 'GET', path: '/endpoint/{id}/labels', operation: 'getEndpointIdLabels',
    responses: {200: 'OK', 404: 'NotFound', ...tooMany}},
  patchEndpointIdLabels: {method: 'PATCH', path: '/endpoint/{id}/labels', operation: 'patchEndpointIdLabels',
    responses: {200: 'OK', 403: 'Forbidden', 404: 'NotFound', 500: 'UpdateFailed', ...tooMany}},
  getEndpointIdLog: {method: 'GET', path: '/endpoint/{id}/log', operation: 'getEndpointIdLog',
    responses: {200: 'OK', 400: 'Invalid', 404: 'NotFound', ...tooMany}},
  getEndpointIdHealthz: {method: 'GET', path: '/endpoint/{id}/healthz', operation: 'getEndpointIdHealthz',
    responses: {200: 'OK', 400: 'Invalid', 404: 'NotFound', ...tooMany}},
  getIdentity: {method: 'GET', path: '/identity', operation: 'getIdentity',
    responses: {200: 'OK', 404: 'NotFound', 520: 'Unreachable', 521: 'InvalidStorageFormat'}},
  getIdentityEndpoints: {method: 'GET', path: '/identity/endpoints', operation: 'getIdentityEndpoints',
    responses: {200: 'OK', 404: 'NotFound'}},
  getIdentityId: {method: 'GET', path: '/identity/{id}', operation: 'getIdentityId',
    responses: {200: 'OK', 400: 'BadRequest', 404: 'NotFound', 520: 'Unreachable', 521: 'InvalidStorageFormat'}},
  getPolicy: {method: 'GET', path: '/policy', operation: 'getPolicy', responses: {200: 'OK', 404: 'NotFound'}},
  putPolicy: {method: 'PUT', path: '/policy', operation: 'putPolicy',
    responses: {200: 'OK', 400: 'InvalidPolicy', 403: 'Forbidden', 460: 'InvalidPath', 500: 'Failure'}},
  deletePolicy: {method: 'DELETE', path: '/policy', operation: 'deletePolicy',
    responses: {200: 'OK', 400: 'Invalid', 403: 'Forbidden', 404: 'NotFound', 500: 'Failure'}},
  getPolicySelectors: {method: 'GET', path: '/policy/selectors', operation: 'getPolicySelectors', responses: {200: 'OK'}},
  getIp: {method: 'GET', path: '/ip', operation: 'getIp', responses: {200: 'OK', 400: 'BadRequest', 404: 'NotFound'}},
  getMap: {method: 'GET', path: '/map', operation: 'getMap', responses: {200: 'OK'}},
  getMapName: {method: 'GET', path: '/map/{name}', operation: 'getMapName', responses: {200: 'OK', 404: 'NotFound'}},
  getMapNameEvents: {method: 'GET', path: '/map/{name}/events', operation: 'getMapNameEvents', responses: {200: 'OK', 404: 'NotFound'}},
} as const satisfies Record<string, Operation>

export type OperationName = keyof typeof operations

/** The base path of every operation. */
export const apiBasePath = '/v1'

/** Fills `{id}` in a path template. */
export function operationPath(op: Operation, params: Record<string, string | number> = {}): string {
  return op.path.replace(/\{(\w+)\}/g, (_, k: string) => encodeURIComponent(String(params[k])))
}

/**
 * Matches a request to an operation: the operation and its path parameters, or the status to
 * answer with (404 unknown path, 405 known path with another method).
 */
export function matchOperation(method: string, path: string): {name: OperationName; params: Record<string, string>} | {status: 404 | 405} {
  let pathKnown = false
  for (const [name, op] of Object.entries(operations) as [OperationName, Operation][]) {
    const names: string[] = []
    const re = new RegExp('^' + op.path.replace(/\{(\w+)\}/g, (_, k: string) => { names.push(k); return '([^/]+)' }) + '/?$')
    const m = re.exec(path)
    if (!m) continue
    pathKnown = true
    if (op.method !== method) continue
    return {name, params: Object.fromEntries(names.map((n, i) => [n, decodeURIComponent(m[i + 1])]))}
  }
  return {status: pathKnown ? 405 : 404}
}
