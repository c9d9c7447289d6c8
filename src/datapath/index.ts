/** The endpoint datapath: loader, endpoint config, and decoded notifications. */
export {Datapath, DatapathMaps, datapathObject, policyMapName, type DatapathOptions, type EndpointSpec} from './datapath.js'
export {defaultEndpointConfig, decodeEndpointConfig, encodeEndpointConfig, EndpointOption, EP_CONFIG, EP_CONFIG_SLOTS, EVENT_BUDGET,
  type EndpointConfig, type EndpointOptionName, type MonitorAggregation, type PolicyEnforcement} from './config.js'
export * from './events.js'
