/**
 * Hubble's JSON, both ways: the exact text of `hubble observe -o json|jsonpb` (and of status and
 * list nodes), and the reader of saved flow logs and raw filters. The wire (protobuf) side is the
 * generated code in src/hubble/proto.
 */
export {encodeFlowsResponseJson, encodeJson, encodeLegacyResponseJson, formatTimestamp, indentJson, jsonString} from './json-encode.js'
export {describeSyntaxError, fromJsonValue, JsonCodecError, parseTimestamp, type ParseOptions} from './json-parse.js'
export {BAD_LINE, FlowJsonReader, parseFlowJson, UNKNOWN_FIELD, type FlowJsonWarning, type ParsedFlowLine} from './flow-json.js'
export {isCanonicalFlowsResponseJson} from './json-canonical.js'
