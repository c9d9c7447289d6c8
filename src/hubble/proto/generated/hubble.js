/*eslint-disable block-scoped-var, id-length, no-control-regex, no-magic-numbers, no-mixed-operators, no-prototype-builtins, no-redeclare, no-shadow, no-var, sort-vars, default-case, jsdoc/require-param*/
import $protobuf from "protobufjs/minimal.js";

const $Reader = $protobuf.Reader, $Writer = $protobuf.Writer, $util = $protobuf.util;
const $oneOfSetter = (fields) => function (name) { for (const f of fields) if (f !== name && $Object.prototype.hasOwnProperty.call(this, f)) delete this[f]; };
const $Object = $util.global.Object, $undefined = $util.global.undefined, $Error = $util.global.Error, $RangeError = $util.global.RangeError;

const $root = $protobuf.roots["default"] || ($protobuf.roots["default"] = {});

/** @type {typeof import("./hubble.js").flow} */
export const flow = $root.flow = (() => {

    const flow = {};

    flow.Flow = (function() {

        const Flow = function (properties) {
            this.nodeLabels = [];
            this.sourceNames = [];
            this.destinationNames = [];
            this.egressAllowedBy = [];
            this.ingressAllowedBy = [];
            this.egressDeniedBy = [];
            this.ingressDeniedBy = [];
            this.policyLog = [];
            if (properties)
                for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                    if (properties[keys[i]] != null && keys[i] !== "__proto__")
                        this[keys[i]] = properties[keys[i]];
        };

        Flow.prototype.time = null;
        Flow.prototype.uuid = "";
        Flow.prototype.emitter = null;
        Flow.prototype.verdict = 0;
        Flow.prototype.dropReason = 0;
        Flow.prototype.authType = 0;
        Flow.prototype.ethernet = null;
        Flow.prototype.IP = null;
        Flow.prototype.l4 = null;
        Flow.prototype.tunnel = null;
        Flow.prototype.source = null;
        Flow.prototype.destination = null;
        Flow.prototype.Type = 0;
        Flow.prototype.nodeName = "";
        Flow.prototype.nodeLabels = $util.emptyArray;
        Flow.prototype.sourceNames = $util.emptyArray;
        Flow.prototype.destinationNames = $util.emptyArray;
        Flow.prototype.l7 = null;
        Flow.prototype.reply = false;
        Flow.prototype.eventType = null;
        Flow.prototype.sourceService = null;
        Flow.prototype.destinationService = null;
        Flow.prototype.trafficDirection = 0;
        Flow.prototype.policyMatchType = 0;
        Flow.prototype.traceObservationPoint = 0;
        Flow.prototype.traceReason = 0;
        Flow.prototype.file = null;
        Flow.prototype.ipTraceId = null;
        Flow.prototype.dropReasonDesc = 0;
        Flow.prototype.isReply = null;
        Flow.prototype.debugCapturePoint = 0;
        Flow.prototype["interface"] = null;
        Flow.prototype.proxyPort = 0;
        Flow.prototype.traceContext = null;
        Flow.prototype.sockXlatePoint = 0;
        Flow.prototype.socketCookie = $util.Long ? $util.Long.fromBits(0,0,true) : 0;
        Flow.prototype.cgroupId = $util.Long ? $util.Long.fromBits(0,0,true) : 0;
        Flow.prototype.Summary = "";
        Flow.prototype.extensions = null;
        Flow.prototype.egressAllowedBy = $util.emptyArray;
        Flow.prototype.ingressAllowedBy = $util.emptyArray;
        Flow.prototype.egressDeniedBy = $util.emptyArray;
        Flow.prototype.ingressDeniedBy = $util.emptyArray;
        Flow.prototype.policyLog = $util.emptyArray;
        Flow.prototype.aggregate = null;

        Flow.create = function(properties) {
            return new Flow(properties);
        };

        Flow.encode = function (message, writer, _depth) {
            if (!writer)
                writer = $Writer.create();
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $util.recursionLimit)
                throw $Error("max depth exceeded");
            if (message.time != null && $Object.hasOwnProperty.call(message, "time"))
                $root.google.protobuf.Timestamp.encode(message.time, writer.uint32(10).fork(), _depth + 1).ldelim();
            if (message.verdict != null && $Object.hasOwnProperty.call(message, "verdict") && message.verdict !== 0)
                writer.uint32(16).int32(message.verdict);
            if (message.dropReason != null && $Object.hasOwnProperty.call(message, "dropReason") && message.dropReason !== 0)
                writer.uint32(24).uint32(message.dropReason);
            if (message.ethernet != null && $Object.hasOwnProperty.call(message, "ethernet"))
                $root.flow.Ethernet.encode(message.ethernet, writer.uint32(34).fork(), _depth + 1).ldelim();
            if (message.IP != null && $Object.hasOwnProperty.call(message, "IP"))
                $root.flow.IP.encode(message.IP, writer.uint32(42).fork(), _depth + 1).ldelim();
            if (message.l4 != null && $Object.hasOwnProperty.call(message, "l4"))
                $root.flow.Layer4.encode(message.l4, writer.uint32(50).fork(), _depth + 1).ldelim();
            if (message.source != null && $Object.hasOwnProperty.call(message, "source"))
                $root.flow.Endpoint.encode(message.source, writer.uint32(66).fork(), _depth + 1).ldelim();
            if (message.destination != null && $Object.hasOwnProperty.call(message, "destination"))
                $root.flow.Endpoint.encode(message.destination, writer.uint32(74).fork(), _depth + 1).ldelim();
            if (message.Type != null && $Object.hasOwnProperty.call(message, "Type") && message.Type !== 0)
                writer.uint32(80).int32(message.Type);
            if (message.nodeName != null && $Object.hasOwnProperty.call(message, "nodeName") && message.nodeName !== "")
                writer.uint32(90).string(message.nodeName);
            if (message.sourceNames != null && message.sourceNames.length)
                for (let i = 0; i < message.sourceNames.length; ++i)
                    writer.uint32(106).string(message.sourceNames[i]);
            if (message.destinationNames != null && message.destinationNames.length)
                for (let i = 0; i < message.destinationNames.length; ++i)
                    writer.uint32(114).string(message.destinationNames[i]);
            if (message.l7 != null && $Object.hasOwnProperty.call(message, "l7"))
                $root.flow.Layer7.encode(message.l7, writer.uint32(122).fork(), _depth + 1).ldelim();
            if (message.reply != null && $Object.hasOwnProperty.call(message, "reply") && message.reply !== false)
                writer.uint32(128).bool(message.reply);
            if (message.eventType != null && $Object.hasOwnProperty.call(message, "eventType"))
                $root.flow.CiliumEventType.encode(message.eventType, writer.uint32(154).fork(), _depth + 1).ldelim();
            if (message.sourceService != null && $Object.hasOwnProperty.call(message, "sourceService"))
                $root.flow.Service.encode(message.sourceService, writer.uint32(162).fork(), _depth + 1).ldelim();
            if (message.destinationService != null && $Object.hasOwnProperty.call(message, "destinationService"))
                $root.flow.Service.encode(message.destinationService, writer.uint32(170).fork(), _depth + 1).ldelim();
            if (message.trafficDirection != null && $Object.hasOwnProperty.call(message, "trafficDirection") && message.trafficDirection !== 0)
                writer.uint32(176).int32(message.trafficDirection);
            if (message.policyMatchType != null && $Object.hasOwnProperty.call(message, "policyMatchType") && message.policyMatchType !== 0)
                writer.uint32(184).uint32(message.policyMatchType);
            if (message.traceObservationPoint != null && $Object.hasOwnProperty.call(message, "traceObservationPoint") && message.traceObservationPoint !== 0)
                writer.uint32(192).int32(message.traceObservationPoint);
            if (message.dropReasonDesc != null && $Object.hasOwnProperty.call(message, "dropReasonDesc") && message.dropReasonDesc !== 0)
                writer.uint32(200).int32(message.dropReasonDesc);
            if (message.isReply != null && $Object.hasOwnProperty.call(message, "isReply"))
                $root.google.protobuf.BoolValue.encode(message.isReply, writer.uint32(210).fork(), _depth + 1).ldelim();
            if (message.debugCapturePoint != null && $Object.hasOwnProperty.call(message, "debugCapturePoint") && message.debugCapturePoint !== 0)
                writer.uint32(216).int32(message.debugCapturePoint);
            if (message["interface"] != null && $Object.hasOwnProperty.call(message, "interface"))
                $root.flow.NetworkInterface.encode(message["interface"], writer.uint32(226).fork(), _depth + 1).ldelim();
            if (message.proxyPort != null && $Object.hasOwnProperty.call(message, "proxyPort") && message.proxyPort !== 0)
                writer.uint32(232).uint32(message.proxyPort);
            if (message.traceContext != null && $Object.hasOwnProperty.call(message, "traceContext"))
                $root.flow.TraceContext.encode(message.traceContext, writer.uint32(242).fork(), _depth + 1).ldelim();
            if (message.sockXlatePoint != null && $Object.hasOwnProperty.call(message, "sockXlatePoint") && message.sockXlatePoint !== 0)
                writer.uint32(248).int32(message.sockXlatePoint);
            if (message.socketCookie != null && $Object.hasOwnProperty.call(message, "socketCookie") && (typeof message.socketCookie === "object" ? message.socketCookie.low || message.socketCookie.high : message.socketCookie !== 0))
                writer.uint32(256).uint64(message.socketCookie);
            if (message.cgroupId != null && $Object.hasOwnProperty.call(message, "cgroupId") && (typeof message.cgroupId === "object" ? message.cgroupId.low || message.cgroupId.high : message.cgroupId !== 0))
                writer.uint32(264).uint64(message.cgroupId);
            if (message.uuid != null && $Object.hasOwnProperty.call(message, "uuid") && message.uuid !== "")
                writer.uint32(274).string(message.uuid);
            if (message.authType != null && $Object.hasOwnProperty.call(message, "authType") && message.authType !== 0)
                writer.uint32(280).int32(message.authType);
            if (message.traceReason != null && $Object.hasOwnProperty.call(message, "traceReason") && message.traceReason !== 0)
                writer.uint32(288).int32(message.traceReason);
            if (message.nodeLabels != null && message.nodeLabels.length)
                for (let i = 0; i < message.nodeLabels.length; ++i)
                    writer.uint32(298).string(message.nodeLabels[i]);
            if (message.file != null && $Object.hasOwnProperty.call(message, "file"))
                $root.flow.FileInfo.encode(message.file, writer.uint32(306).fork(), _depth + 1).ldelim();
            if (message.tunnel != null && $Object.hasOwnProperty.call(message, "tunnel"))
                $root.flow.Tunnel.encode(message.tunnel, writer.uint32(314).fork(), _depth + 1).ldelim();
            if (message.ipTraceId != null && $Object.hasOwnProperty.call(message, "ipTraceId"))
                $root.flow.IPTraceID.encode(message.ipTraceId, writer.uint32(322).fork(), _depth + 1).ldelim();
            if (message.emitter != null && $Object.hasOwnProperty.call(message, "emitter"))
                $root.flow.Emitter.encode(message.emitter, writer.uint32(330).fork(), _depth + 1).ldelim();
            if (message.egressAllowedBy != null && message.egressAllowedBy.length)
                for (let i = 0; i < message.egressAllowedBy.length; ++i)
                    $root.flow.Policy.encode(message.egressAllowedBy[i], writer.uint32(168010).fork(), _depth + 1).ldelim();
            if (message.ingressAllowedBy != null && message.ingressAllowedBy.length)
                for (let i = 0; i < message.ingressAllowedBy.length; ++i)
                    $root.flow.Policy.encode(message.ingressAllowedBy[i], writer.uint32(168018).fork(), _depth + 1).ldelim();
            if (message.egressDeniedBy != null && message.egressDeniedBy.length)
                for (let i = 0; i < message.egressDeniedBy.length; ++i)
                    $root.flow.Policy.encode(message.egressDeniedBy[i], writer.uint32(168034).fork(), _depth + 1).ldelim();
            if (message.ingressDeniedBy != null && message.ingressDeniedBy.length)
                for (let i = 0; i < message.ingressDeniedBy.length; ++i)
                    $root.flow.Policy.encode(message.ingressDeniedBy[i], writer.uint32(168042).fork(), _depth + 1).ldelim();
            if (message.policyLog != null && message.policyLog.length)
                for (let i = 0; i < message.policyLog.length; ++i)
                    writer.uint32(168050).string(message.policyLog[i]);
            if (message.aggregate != null && $Object.hasOwnProperty.call(message, "aggregate"))
                $root.flow.Aggregate.encode(message.aggregate, writer.uint32(168058).fork(), _depth + 1).ldelim();
            if (message.Summary != null && $Object.hasOwnProperty.call(message, "Summary") && message.Summary !== "")
                writer.uint32(800002).string(message.Summary);
            if (message.extensions != null && $Object.hasOwnProperty.call(message, "extensions"))
                $root.google.protobuf.Any.encode(message.extensions, writer.uint32(1200002).fork(), _depth + 1).ldelim();
            if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                for (let i = 0; i < message.$unknowns.length; ++i)
                    writer.raw(message.$unknowns[i]);
            return writer;
        };

        Flow.decode = function (reader, length, _end, _depth, _target) {
            if (!(reader instanceof $Reader))
                reader = $Reader.create(reader);
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $Reader.recursionLimit)
                throw $Error("max depth exceeded");
            let end, message, value;
            if (length === $undefined)
                end = reader.len;
            else {
                end = reader.pos + length;
                if (end > reader.len)
                    throw $RangeError("index out of range");
                length = reader.len;
                reader.len = end;
            }
            message = _target || new $root.flow.Flow();
            while (reader.pos < end) {
                let start = reader.pos;
                let tag = reader.tag();
                if (tag === _end) {
                    _end = $undefined;
                    break;
                }
                let wireType = tag & 7;
                switch (tag >>>= 3) {
                case 1: {
                        if (wireType !== 2)
                            break;
                        message.time = $root.google.protobuf.Timestamp.decode(reader, reader.size(), $undefined, _depth + 1, message.time);
                        continue;
                    }
                case 34: {
                        if (wireType !== 2)
                            break;
                        if ((value = reader.stringVerify()).length)
                            message.uuid = value;
                        else
                            delete message.uuid;
                        continue;
                    }
                case 41: {
                        if (wireType !== 2)
                            break;
                        message.emitter = $root.flow.Emitter.decode(reader, reader.size(), $undefined, _depth + 1, message.emitter);
                        continue;
                    }
                case 2: {
                        if (wireType !== 0)
                            break;
                        if (value = reader.int32())
                            message.verdict = value;
                        else
                            delete message.verdict;
                        continue;
                    }
                case 3: {
                        if (wireType !== 0)
                            break;
                        if (value = reader.uint32())
                            message.dropReason = value;
                        else
                            delete message.dropReason;
                        continue;
                    }
                case 35: {
                        if (wireType !== 0)
                            break;
                        if (value = reader.int32())
                            message.authType = value;
                        else
                            delete message.authType;
                        continue;
                    }
                case 4: {
                        if (wireType !== 2)
                            break;
                        message.ethernet = $root.flow.Ethernet.decode(reader, reader.size(), $undefined, _depth + 1, message.ethernet);
                        continue;
                    }
                case 5: {
                        if (wireType !== 2)
                            break;
                        message.IP = $root.flow.IP.decode(reader, reader.size(), $undefined, _depth + 1, message.IP);
                        continue;
                    }
                case 6: {
                        if (wireType !== 2)
                            break;
                        message.l4 = $root.flow.Layer4.decode(reader, reader.size(), $undefined, _depth + 1, message.l4);
                        continue;
                    }
                case 39: {
                        if (wireType !== 2)
                            break;
                        message.tunnel = $root.flow.Tunnel.decode(reader, reader.size(), $undefined, _depth + 1, message.tunnel);
                        continue;
                    }
                case 8: {
                        if (wireType !== 2)
                            break;
                        message.source = $root.flow.Endpoint.decode(reader, reader.size(), $undefined, _depth + 1, message.source);
                        continue;
                    }
                case 9: {
                        if (wireType !== 2)
                            break;
                        message.destination = $root.flow.Endpoint.decode(reader, reader.size(), $undefined, _depth + 1, message.destination);
                        continue;
                    }
                case 10: {
                        if (wireType !== 0)
                            break;
                        if (value = reader.int32())
                            message.Type = value;
                        else
                            delete message.Type;
                        continue;
                    }
                case 11: {
                        if (wireType !== 2)
                            break;
                        if ((value = reader.stringVerify()).length)
                            message.nodeName = value;
                        else
                            delete message.nodeName;
                        continue;
                    }
                case 37: {
                        if (wireType !== 2)
                            break;
                        if (!(message.nodeLabels && message.nodeLabels.length))
                            message.nodeLabels = [];
                        message.nodeLabels.push(reader.stringVerify());
                        continue;
                    }
                case 13: {
                        if (wireType !== 2)
                            break;
                        if (!(message.sourceNames && message.sourceNames.length))
                            message.sourceNames = [];
                        message.sourceNames.push(reader.stringVerify());
                        continue;
                    }
                case 14: {
                        if (wireType !== 2)
                            break;
                        if (!(message.destinationNames && message.destinationNames.length))
                            message.destinationNames = [];
                        message.destinationNames.push(reader.stringVerify());
                        continue;
                    }
                case 15: {
                        if (wireType !== 2)
                            break;
                        message.l7 = $root.flow.Layer7.decode(reader, reader.size(), $undefined, _depth + 1, message.l7);
                        continue;
                    }
                case 16: {
                        if (wireType !== 0)
                            break;
                        if (value = reader.bool())
                            message.reply = value;
                        else
                            delete message.reply;
                        continue;
                    }
                case 19: {
                        if (wireType !== 2)
                            break;
                        message.eventType = $root.flow.CiliumEventType.decode(reader, reader.size(), $undefined, _depth + 1, message.eventType);
                        continue;
                    }
                case 20: {
                        if (wireType !== 2)
                            break;
                        message.sourceService = $root.flow.Service.decode(reader, reader.size(), $undefined, _depth + 1, message.sourceService);
                        continue;
                    }
                case 21: {
                        if (wireType !== 2)
                            break;
                        message.destinationService = $root.flow.Service.decode(reader, reader.size(), $undefined, _depth + 1, message.destinationService);
                        continue;
                    }
                case 22: {
                        if (wireType !== 0)
                            break;
                        if (value = reader.int32())
                            message.trafficDirection = value;
                        else
                            delete message.trafficDirection;
                        continue;
                    }
                case 23: {
                        if (wireType !== 0)
                            break;
                        if (value = reader.uint32())
                            message.policyMatchType = value;
                        else
                            delete message.policyMatchType;
                        continue;
                    }
                case 24: {
                        if (wireType !== 0)
                            break;
                        if (value = reader.int32())
                            message.traceObservationPoint = value;
                        else
                            delete message.traceObservationPoint;
                        continue;
                    }
                case 36: {
                        if (wireType !== 0)
                            break;
                        if (value = reader.int32())
                            message.traceReason = value;
                        else
                            delete message.traceReason;
                        continue;
                    }
                case 38: {
                        if (wireType !== 2)
                            break;
                        message.file = $root.flow.FileInfo.decode(reader, reader.size(), $undefined, _depth + 1, message.file);
                        continue;
                    }
                case 40: {
                        if (wireType !== 2)
                            break;
                        message.ipTraceId = $root.flow.IPTraceID.decode(reader, reader.size(), $undefined, _depth + 1, message.ipTraceId);
                        continue;
                    }
                case 25: {
                        if (wireType !== 0)
                            break;
                        if (value = reader.int32())
                            message.dropReasonDesc = value;
                        else
                            delete message.dropReasonDesc;
                        continue;
                    }
                case 26: {
                        if (wireType !== 2)
                            break;
                        message.isReply = $root.google.protobuf.BoolValue.decode(reader, reader.size(), $undefined, _depth + 1, message.isReply);
                        continue;
                    }
                case 27: {
                        if (wireType !== 0)
                            break;
                        if (value = reader.int32())
                            message.debugCapturePoint = value;
                        else
                            delete message.debugCapturePoint;
                        continue;
                    }
                case 28: {
                        if (wireType !== 2)
                            break;
                        message["interface"] = $root.flow.NetworkInterface.decode(reader, reader.size(), $undefined, _depth + 1, message["interface"]);
                        continue;
                    }
                case 29: {
                        if (wireType !== 0)
                            break;
                        if (value = reader.uint32())
                            message.proxyPort = value;
                        else
                            delete message.proxyPort;
                        continue;
                    }
                case 30: {
                        if (wireType !== 2)
                            break;
                        message.traceContext = $root.flow.TraceContext.decode(reader, reader.size(), $undefined, _depth + 1, message.traceContext);
                        continue;
                    }
                case 31: {
                        if (wireType !== 0)
                            break;
                        if (value = reader.int32())
                            message.sockXlatePoint = value;
                        else
                            delete message.sockXlatePoint;
                        continue;
                    }
                case 32: {
                        if (wireType !== 0)
                            break;
                        if (typeof (value = reader.uint64()) === "object" ? value.low || value.high : value !== 0)
                            message.socketCookie = value;
                        else
                            delete message.socketCookie;
                        continue;
                    }
                case 33: {
                        if (wireType !== 0)
                            break;
                        if (typeof (value = reader.uint64()) === "object" ? value.low || value.high : value !== 0)
                            message.cgroupId = value;
                        else
                            delete message.cgroupId;
                        continue;
                    }
                case 100000: {
                        if (wireType !== 2)
                            break;
                        if ((value = reader.stringVerify()).length)
                            message.Summary = value;
                        else
                            delete message.Summary;
                        continue;
                    }
                case 150000: {
                        if (wireType !== 2)
                            break;
                        message.extensions = $root.google.protobuf.Any.decode(reader, reader.size(), $undefined, _depth + 1, message.extensions);
                        continue;
                    }
                case 21001: {
                        if (wireType !== 2)
                            break;
                        if (!(message.egressAllowedBy && message.egressAllowedBy.length))
                            message.egressAllowedBy = [];
                        message.egressAllowedBy.push($root.flow.Policy.decode(reader, reader.size(), $undefined, _depth + 1));
                        continue;
                    }
                case 21002: {
                        if (wireType !== 2)
                            break;
                        if (!(message.ingressAllowedBy && message.ingressAllowedBy.length))
                            message.ingressAllowedBy = [];
                        message.ingressAllowedBy.push($root.flow.Policy.decode(reader, reader.size(), $undefined, _depth + 1));
                        continue;
                    }
                case 21004: {
                        if (wireType !== 2)
                            break;
                        if (!(message.egressDeniedBy && message.egressDeniedBy.length))
                            message.egressDeniedBy = [];
                        message.egressDeniedBy.push($root.flow.Policy.decode(reader, reader.size(), $undefined, _depth + 1));
                        continue;
                    }
                case 21005: {
                        if (wireType !== 2)
                            break;
                        if (!(message.ingressDeniedBy && message.ingressDeniedBy.length))
                            message.ingressDeniedBy = [];
                        message.ingressDeniedBy.push($root.flow.Policy.decode(reader, reader.size(), $undefined, _depth + 1));
                        continue;
                    }
                case 21006: {
                        if (wireType !== 2)
                            break;
                        if (!(message.policyLog && message.policyLog.length))
                            message.policyLog = [];
                        message.policyLog.push(reader.stringVerify());
                        continue;
                    }
                case 21007: {
                        if (wireType !== 2)
                            break;
                        message.aggregate = $root.flow.Aggregate.decode(reader, reader.size(), $undefined, _depth + 1, message.aggregate);
                        continue;
                    }
                }
                reader.skipType(wireType, _depth, tag);
                if (!reader.discardUnknown) {
                    $util.makeProp(message, "$unknowns", false);
                    (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                }
            }
            if (length !== $undefined) {
                if (reader.pos !== end)
                    throw $RangeError("index out of range");
                reader.len = length;
            }
            if (_end !== $undefined)
                throw $Error("missing end group");
            return message;
        };

        return Flow;
    })();

    flow.Emitter = (function() {

        const Emitter = function (properties) {
            if (properties)
                for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                    if (properties[keys[i]] != null && keys[i] !== "__proto__")
                        this[keys[i]] = properties[keys[i]];
        };

        Emitter.prototype.name = "";
        Emitter.prototype.version = "";

        Emitter.create = function(properties) {
            return new Emitter(properties);
        };

        Emitter.encode = function (message, writer, _depth) {
            if (!writer)
                writer = $Writer.create();
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $util.recursionLimit)
                throw $Error("max depth exceeded");
            if (message.name != null && $Object.hasOwnProperty.call(message, "name") && message.name !== "")
                writer.uint32(10).string(message.name);
            if (message.version != null && $Object.hasOwnProperty.call(message, "version") && message.version !== "")
                writer.uint32(18).string(message.version);
            if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                for (let i = 0; i < message.$unknowns.length; ++i)
                    writer.raw(message.$unknowns[i]);
            return writer;
        };

        Emitter.decode = function (reader, length, _end, _depth, _target) {
            if (!(reader instanceof $Reader))
                reader = $Reader.create(reader);
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $Reader.recursionLimit)
                throw $Error("max depth exceeded");
            let end, message, value;
            if (length === $undefined)
                end = reader.len;
            else {
                end = reader.pos + length;
                if (end > reader.len)
                    throw $RangeError("index out of range");
                length = reader.len;
                reader.len = end;
            }
            message = _target || new $root.flow.Emitter();
            while (reader.pos < end) {
                let start = reader.pos;
                let tag = reader.tag();
                if (tag === _end) {
                    _end = $undefined;
                    break;
                }
                let wireType = tag & 7;
                switch (tag >>>= 3) {
                case 1: {
                        if (wireType !== 2)
                            break;
                        if ((value = reader.stringVerify()).length)
                            message.name = value;
                        else
                            delete message.name;
                        continue;
                    }
                case 2: {
                        if (wireType !== 2)
                            break;
                        if ((value = reader.stringVerify()).length)
                            message.version = value;
                        else
                            delete message.version;
                        continue;
                    }
                }
                reader.skipType(wireType, _depth, tag);
                if (!reader.discardUnknown) {
                    $util.makeProp(message, "$unknowns", false);
                    (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                }
            }
            if (length !== $undefined) {
                if (reader.pos !== end)
                    throw $RangeError("index out of range");
                reader.len = length;
            }
            if (_end !== $undefined)
                throw $Error("missing end group");
            return message;
        };

        return Emitter;
    })();

    flow.FlowType = (function() {
        const valuesById = $Object.create(null), values = $Object.create(valuesById);
        values[valuesById[0] = "UNKNOWN_TYPE"] = 0;
        values[valuesById[1] = "L3_L4"] = 1;
        values[valuesById[2] = "L7"] = 2;
        values[valuesById[3] = "SOCK"] = 3;
        return values;
    })();

    flow.AuthType = (function() {
        const valuesById = $Object.create(null), values = $Object.create(valuesById);
        values[valuesById[0] = "DISABLED"] = 0;
        values[valuesById[1] = "SPIRE"] = 1;
        values[valuesById[2] = "TEST_ALWAYS_FAIL"] = 2;
        return values;
    })();

    flow.TraceObservationPoint = (function() {
        const valuesById = $Object.create(null), values = $Object.create(valuesById);
        values[valuesById[0] = "UNKNOWN_POINT"] = 0;
        values[valuesById[1] = "TO_PROXY"] = 1;
        values[valuesById[2] = "TO_HOST"] = 2;
        values[valuesById[3] = "TO_STACK"] = 3;
        values[valuesById[4] = "TO_OVERLAY"] = 4;
        values[valuesById[101] = "TO_ENDPOINT"] = 101;
        values[valuesById[5] = "FROM_ENDPOINT"] = 5;
        values[valuesById[6] = "FROM_PROXY"] = 6;
        values[valuesById[7] = "FROM_HOST"] = 7;
        values[valuesById[8] = "FROM_STACK"] = 8;
        values[valuesById[9] = "FROM_OVERLAY"] = 9;
        values[valuesById[10] = "FROM_NETWORK"] = 10;
        values[valuesById[11] = "TO_NETWORK"] = 11;
        values[valuesById[12] = "FROM_CRYPTO"] = 12;
        values[valuesById[13] = "TO_CRYPTO"] = 13;
        return values;
    })();

    flow.TraceReason = (function() {
        const valuesById = $Object.create(null), values = $Object.create(valuesById);
        values[valuesById[0] = "TRACE_REASON_UNKNOWN"] = 0;
        values[valuesById[1] = "NEW"] = 1;
        values[valuesById[2] = "ESTABLISHED"] = 2;
        values[valuesById[3] = "REPLY"] = 3;
        values[valuesById[4] = "RELATED"] = 4;
        values[valuesById[5] = "REOPENED"] = 5;
        values[valuesById[6] = "SRV6_ENCAP"] = 6;
        values[valuesById[7] = "SRV6_DECAP"] = 7;
        values[valuesById[8] = "ENCRYPT_OVERLAY"] = 8;
        return values;
    })();

    flow.FileInfo = (function() {

        const FileInfo = function (properties) {
            if (properties)
                for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                    if (properties[keys[i]] != null && keys[i] !== "__proto__")
                        this[keys[i]] = properties[keys[i]];
        };

        FileInfo.prototype.name = "";
        FileInfo.prototype.line = 0;

        FileInfo.create = function(properties) {
            return new FileInfo(properties);
        };

        FileInfo.encode = function (message, writer, _depth) {
            if (!writer)
                writer = $Writer.create();
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $util.recursionLimit)
                throw $Error("max depth exceeded");
            if (message.name != null && $Object.hasOwnProperty.call(message, "name") && message.name !== "")
                writer.uint32(10).string(message.name);
            if (message.line != null && $Object.hasOwnProperty.call(message, "line") && message.line !== 0)
                writer.uint32(16).uint32(message.line);
            if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                for (let i = 0; i < message.$unknowns.length; ++i)
                    writer.raw(message.$unknowns[i]);
            return writer;
        };

        FileInfo.decode = function (reader, length, _end, _depth, _target) {
            if (!(reader instanceof $Reader))
                reader = $Reader.create(reader);
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $Reader.recursionLimit)
                throw $Error("max depth exceeded");
            let end, message, value;
            if (length === $undefined)
                end = reader.len;
            else {
                end = reader.pos + length;
                if (end > reader.len)
                    throw $RangeError("index out of range");
                length = reader.len;
                reader.len = end;
            }
            message = _target || new $root.flow.FileInfo();
            while (reader.pos < end) {
                let start = reader.pos;
                let tag = reader.tag();
                if (tag === _end) {
                    _end = $undefined;
                    break;
                }
                let wireType = tag & 7;
                switch (tag >>>= 3) {
                case 1: {
                        if (wireType !== 2)
                            break;
                        if ((value = reader.stringVerify()).length)
                            message.name = value;
                        else
                            delete message.name;
                        continue;
                    }
                case 2: {
                        if (wireType !== 0)
                            break;
                        if (value = reader.uint32())
                            message.line = value;
                        else
                            delete message.line;
                        continue;
                    }
                }
                reader.skipType(wireType, _depth, tag);
                if (!reader.discardUnknown) {
                    $util.makeProp(message, "$unknowns", false);
                    (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                }
            }
            if (length !== $undefined) {
                if (reader.pos !== end)
                    throw $RangeError("index out of range");
                reader.len = length;
            }
            if (_end !== $undefined)
                throw $Error("missing end group");
            return message;
        };

        return FileInfo;
    })();

    flow.Layer4 = (function() {

        const Layer4 = function (properties) {
            if (properties)
                for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                    if (properties[keys[i]] != null && keys[i] !== "__proto__")
                        this[keys[i]] = properties[keys[i]];
        };

        Layer4.prototype.TCP = null;
        Layer4.prototype.UDP = null;
        Layer4.prototype.ICMPv4 = null;
        Layer4.prototype.ICMPv6 = null;
        Layer4.prototype.SCTP = null;
        Layer4.prototype.VRRP = null;
        Layer4.prototype.IGMP = null;

        let $oneOfFields;

        $Object.defineProperty(Layer4.prototype, "protocol", {
            get: $util.oneOfGetter($oneOfFields = ["TCP", "UDP", "ICMPv4", "ICMPv6", "SCTP", "VRRP", "IGMP"]),
            set: $oneOfSetter($oneOfFields)
        });

        Layer4.create = function(properties) {
            return new Layer4(properties);
        };

        Layer4.encode = function (message, writer, _depth) {
            if (!writer)
                writer = $Writer.create();
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $util.recursionLimit)
                throw $Error("max depth exceeded");
            if (message.TCP != null && $Object.hasOwnProperty.call(message, "TCP"))
                $root.flow.TCP.encode(message.TCP, writer.uint32(10).fork(), _depth + 1).ldelim();
            if (message.UDP != null && $Object.hasOwnProperty.call(message, "UDP"))
                $root.flow.UDP.encode(message.UDP, writer.uint32(18).fork(), _depth + 1).ldelim();
            if (message.ICMPv4 != null && $Object.hasOwnProperty.call(message, "ICMPv4"))
                $root.flow.ICMPv4.encode(message.ICMPv4, writer.uint32(26).fork(), _depth + 1).ldelim();
            if (message.ICMPv6 != null && $Object.hasOwnProperty.call(message, "ICMPv6"))
                $root.flow.ICMPv6.encode(message.ICMPv6, writer.uint32(34).fork(), _depth + 1).ldelim();
            if (message.SCTP != null && $Object.hasOwnProperty.call(message, "SCTP"))
                $root.flow.SCTP.encode(message.SCTP, writer.uint32(42).fork(), _depth + 1).ldelim();
            if (message.VRRP != null && $Object.hasOwnProperty.call(message, "VRRP"))
                $root.flow.VRRP.encode(message.VRRP, writer.uint32(50).fork(), _depth + 1).ldelim();
            if (message.IGMP != null && $Object.hasOwnProperty.call(message, "IGMP"))
                $root.flow.IGMP.encode(message.IGMP, writer.uint32(58).fork(), _depth + 1).ldelim();
            if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                for (let i = 0; i < message.$unknowns.length; ++i)
                    writer.raw(message.$unknowns[i]);
            return writer;
        };

        Layer4.decode = function (reader, length, _end, _depth, _target) {
            if (!(reader instanceof $Reader))
                reader = $Reader.create(reader);
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $Reader.recursionLimit)
                throw $Error("max depth exceeded");
            let end, message;
            if (length === $undefined)
                end = reader.len;
            else {
                end = reader.pos + length;
                if (end > reader.len)
                    throw $RangeError("index out of range");
                length = reader.len;
                reader.len = end;
            }
            message = _target || new $root.flow.Layer4();
            while (reader.pos < end) {
                let start = reader.pos;
                let tag = reader.tag();
                if (tag === _end) {
                    _end = $undefined;
                    break;
                }
                let wireType = tag & 7;
                switch (tag >>>= 3) {
                case 1: {
                        if (wireType !== 2)
                            break;
                        message.TCP = $root.flow.TCP.decode(reader, reader.size(), $undefined, _depth + 1, message.TCP);
                        message.protocol = "TCP";
                        continue;
                    }
                case 2: {
                        if (wireType !== 2)
                            break;
                        message.UDP = $root.flow.UDP.decode(reader, reader.size(), $undefined, _depth + 1, message.UDP);
                        message.protocol = "UDP";
                        continue;
                    }
                case 3: {
                        if (wireType !== 2)
                            break;
                        message.ICMPv4 = $root.flow.ICMPv4.decode(reader, reader.size(), $undefined, _depth + 1, message.ICMPv4);
                        message.protocol = "ICMPv4";
                        continue;
                    }
                case 4: {
                        if (wireType !== 2)
                            break;
                        message.ICMPv6 = $root.flow.ICMPv6.decode(reader, reader.size(), $undefined, _depth + 1, message.ICMPv6);
                        message.protocol = "ICMPv6";
                        continue;
                    }
                case 5: {
                        if (wireType !== 2)
                            break;
                        message.SCTP = $root.flow.SCTP.decode(reader, reader.size(), $undefined, _depth + 1, message.SCTP);
                        message.protocol = "SCTP";
                        continue;
                    }
                case 6: {
                        if (wireType !== 2)
                            break;
                        message.VRRP = $root.flow.VRRP.decode(reader, reader.size(), $undefined, _depth + 1, message.VRRP);
                        message.protocol = "VRRP";
                        continue;
                    }
                case 7: {
                        if (wireType !== 2)
                            break;
                        message.IGMP = $root.flow.IGMP.decode(reader, reader.size(), $undefined, _depth + 1, message.IGMP);
                        message.protocol = "IGMP";
                        continue;
                    }
                }
                reader.skipType(wireType, _depth, tag);
                if (!reader.discardUnknown) {
                    $util.makeProp(message, "$unknowns", false);
                    (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                }
            }
            if (length !== $undefined) {
                if (reader.pos !== end)
                    throw $RangeError("index out of range");
                reader.len = length;
            }
            if (_end !== $undefined)
                throw $Error("missing end group");
            return message;
        };

        return Layer4;
    })();

    flow.L7FlowType = (function() {
        const valuesById = $Object.create(null), values = $Object.create(valuesById);
        values[valuesById[0] = "UNKNOWN_L7_TYPE"] = 0;
        values[valuesById[1] = "REQUEST"] = 1;
        values[valuesById[2] = "RESPONSE"] = 2;
        values[valuesById[3] = "SAMPLE"] = 3;
        return values;
    })();

    flow.Layer7 = (function() {

        const Layer7 = function (properties) {
            if (properties)
                for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                    if (properties[keys[i]] != null && keys[i] !== "__proto__")
                        this[keys[i]] = properties[keys[i]];
        };

        Layer7.prototype.type = 0;
        Layer7.prototype.latencyNs = $util.Long ? $util.Long.fromBits(0,0,true) : 0;
        Layer7.prototype.dns = null;
        Layer7.prototype.http = null;
        Layer7.prototype.kafka = null;

        let $oneOfFields;

        $Object.defineProperty(Layer7.prototype, "record", {
            get: $util.oneOfGetter($oneOfFields = ["dns", "http", "kafka"]),
            set: $oneOfSetter($oneOfFields)
        });

        Layer7.create = function(properties) {
            return new Layer7(properties);
        };

        Layer7.encode = function (message, writer, _depth) {
            if (!writer)
                writer = $Writer.create();
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $util.recursionLimit)
                throw $Error("max depth exceeded");
            if (message.type != null && $Object.hasOwnProperty.call(message, "type") && message.type !== 0)
                writer.uint32(8).int32(message.type);
            if (message.latencyNs != null && $Object.hasOwnProperty.call(message, "latencyNs") && (typeof message.latencyNs === "object" ? message.latencyNs.low || message.latencyNs.high : message.latencyNs !== 0))
                writer.uint32(16).uint64(message.latencyNs);
            if (message.dns != null && $Object.hasOwnProperty.call(message, "dns"))
                $root.flow.DNS.encode(message.dns, writer.uint32(802).fork(), _depth + 1).ldelim();
            if (message.http != null && $Object.hasOwnProperty.call(message, "http"))
                $root.flow.HTTP.encode(message.http, writer.uint32(810).fork(), _depth + 1).ldelim();
            if (message.kafka != null && $Object.hasOwnProperty.call(message, "kafka"))
                $root.flow.Kafka.encode(message.kafka, writer.uint32(818).fork(), _depth + 1).ldelim();
            if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                for (let i = 0; i < message.$unknowns.length; ++i)
                    writer.raw(message.$unknowns[i]);
            return writer;
        };

        Layer7.decode = function (reader, length, _end, _depth, _target) {
            if (!(reader instanceof $Reader))
                reader = $Reader.create(reader);
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $Reader.recursionLimit)
                throw $Error("max depth exceeded");
            let end, message, value;
            if (length === $undefined)
                end = reader.len;
            else {
                end = reader.pos + length;
                if (end > reader.len)
                    throw $RangeError("index out of range");
                length = reader.len;
                reader.len = end;
            }
            message = _target || new $root.flow.Layer7();
            while (reader.pos < end) {
                let start = reader.pos;
                let tag = reader.tag();
                if (tag === _end) {
                    _end = $undefined;
                    break;
                }
                let wireType = tag & 7;
                switch (tag >>>= 3) {
                case 1: {
                        if (wireType !== 0)
                            break;
                        if (value = reader.int32())
                            message.type = value;
                        else
                            delete message.type;
                        continue;
                    }
                case 2: {
                        if (wireType !== 0)
                            break;
                        if (typeof (value = reader.uint64()) === "object" ? value.low || value.high : value !== 0)
                            message.latencyNs = value;
                        else
                            delete message.latencyNs;
                        continue;
                    }
                case 100: {
                        if (wireType !== 2)
                            break;
                        message.dns = $root.flow.DNS.decode(reader, reader.size(), $undefined, _depth + 1, message.dns);
                        message.record = "dns";
                        continue;
                    }
                case 101: {
                        if (wireType !== 2)
                            break;
                        message.http = $root.flow.HTTP.decode(reader, reader.size(), $undefined, _depth + 1, message.http);
                        message.record = "http";
                        continue;
                    }
                case 102: {
                        if (wireType !== 2)
                            break;
                        message.kafka = $root.flow.Kafka.decode(reader, reader.size(), $undefined, _depth + 1, message.kafka);
                        message.record = "kafka";
                        continue;
                    }
                }
                reader.skipType(wireType, _depth, tag);
                if (!reader.discardUnknown) {
                    $util.makeProp(message, "$unknowns", false);
                    (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                }
            }
            if (length !== $undefined) {
                if (reader.pos !== end)
                    throw $RangeError("index out of range");
                reader.len = length;
            }
            if (_end !== $undefined)
                throw $Error("missing end group");
            return message;
        };

        return Layer7;
    })();

    flow.TraceContext = (function() {

        const TraceContext = function (properties) {
            if (properties)
                for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                    if (properties[keys[i]] != null && keys[i] !== "__proto__")
                        this[keys[i]] = properties[keys[i]];
        };

        TraceContext.prototype.parent = null;

        TraceContext.create = function(properties) {
            return new TraceContext(properties);
        };

        TraceContext.encode = function (message, writer, _depth) {
            if (!writer)
                writer = $Writer.create();
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $util.recursionLimit)
                throw $Error("max depth exceeded");
            if (message.parent != null && $Object.hasOwnProperty.call(message, "parent"))
                $root.flow.TraceParent.encode(message.parent, writer.uint32(10).fork(), _depth + 1).ldelim();
            if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                for (let i = 0; i < message.$unknowns.length; ++i)
                    writer.raw(message.$unknowns[i]);
            return writer;
        };

        TraceContext.decode = function (reader, length, _end, _depth, _target) {
            if (!(reader instanceof $Reader))
                reader = $Reader.create(reader);
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $Reader.recursionLimit)
                throw $Error("max depth exceeded");
            let end, message, value;
            if (length === $undefined)
                end = reader.len;
            else {
                end = reader.pos + length;
                if (end > reader.len)
                    throw $RangeError("index out of range");
                length = reader.len;
                reader.len = end;
            }
            message = _target || new $root.flow.TraceContext();
            while (reader.pos < end) {
                let start = reader.pos;
                let tag = reader.tag();
                if (tag === _end) {
                    _end = $undefined;
                    break;
                }
                let wireType = tag & 7;
                switch (tag >>>= 3) {
                case 1: {
                        if (wireType !== 2)
                            break;
                        message.parent = $root.flow.TraceParent.decode(reader, reader.size(), $undefined, _depth + 1, message.parent);
                        continue;
                    }
                }
                reader.skipType(wireType, _depth, tag);
                if (!reader.discardUnknown) {
                    $util.makeProp(message, "$unknowns", false);
                    (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                }
            }
            if (length !== $undefined) {
                if (reader.pos !== end)
                    throw $RangeError("index out of range");
                reader.len = length;
            }
            if (_end !== $undefined)
                throw $Error("missing end group");
            return message;
        };

        return TraceContext;
    })();

    flow.TraceParent = (function() {

        const TraceParent = function (properties) {
            if (properties)
                for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                    if (properties[keys[i]] != null && keys[i] !== "__proto__")
                        this[keys[i]] = properties[keys[i]];
        };

        TraceParent.prototype.traceId = "";

        TraceParent.create = function(properties) {
            return new TraceParent(properties);
        };

        TraceParent.encode = function (message, writer, _depth) {
            if (!writer)
                writer = $Writer.create();
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $util.recursionLimit)
                throw $Error("max depth exceeded");
            if (message.traceId != null && $Object.hasOwnProperty.call(message, "traceId") && message.traceId !== "")
                writer.uint32(10).string(message.traceId);
            if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                for (let i = 0; i < message.$unknowns.length; ++i)
                    writer.raw(message.$unknowns[i]);
            return writer;
        };

        TraceParent.decode = function (reader, length, _end, _depth, _target) {
            if (!(reader instanceof $Reader))
                reader = $Reader.create(reader);
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $Reader.recursionLimit)
                throw $Error("max depth exceeded");
            let end, message, value;
            if (length === $undefined)
                end = reader.len;
            else {
                end = reader.pos + length;
                if (end > reader.len)
                    throw $RangeError("index out of range");
                length = reader.len;
                reader.len = end;
            }
            message = _target || new $root.flow.TraceParent();
            while (reader.pos < end) {
                let start = reader.pos;
                let tag = reader.tag();
                if (tag === _end) {
                    _end = $undefined;
                    break;
                }
                let wireType = tag & 7;
                switch (tag >>>= 3) {
                case 1: {
                        if (wireType !== 2)
                            break;
                        if ((value = reader.stringVerify()).length)
                            message.traceId = value;
                        else
                            delete message.traceId;
                        continue;
                    }
                }
                reader.skipType(wireType, _depth, tag);
                if (!reader.discardUnknown) {
                    $util.makeProp(message, "$unknowns", false);
                    (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                }
            }
            if (length !== $undefined) {
                if (reader.pos !== end)
                    throw $RangeError("index out of range");
                reader.len = length;
            }
            if (_end !== $undefined)
                throw $Error("missing end group");
            return message;
        };

        return TraceParent;
    })();

    flow.Endpoint = (function() {

        const Endpoint = function (properties) {
            this.labels = [];
            this.workloads = [];
            if (properties)
                for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                    if (properties[keys[i]] != null && keys[i] !== "__proto__")
                        this[keys[i]] = properties[keys[i]];
        };

        Endpoint.prototype.ID = 0;
        Endpoint.prototype.identity = 0;
        Endpoint.prototype.clusterName = "";
        Endpoint.prototype.namespace = "";
        Endpoint.prototype.labels = $util.emptyArray;
        Endpoint.prototype.podName = "";
        Endpoint.prototype.workloads = $util.emptyArray;

        Endpoint.create = function(properties) {
            return new Endpoint(properties);
        };

        Endpoint.encode = function (message, writer, _depth) {
            if (!writer)
                writer = $Writer.create();
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $util.recursionLimit)
                throw $Error("max depth exceeded");
            if (message.ID != null && $Object.hasOwnProperty.call(message, "ID") && message.ID !== 0)
                writer.uint32(8).uint32(message.ID);
            if (message.identity != null && $Object.hasOwnProperty.call(message, "identity") && message.identity !== 0)
                writer.uint32(16).uint32(message.identity);
            if (message.namespace != null && $Object.hasOwnProperty.call(message, "namespace") && message.namespace !== "")
                writer.uint32(26).string(message.namespace);
            if (message.labels != null && message.labels.length)
                for (let i = 0; i < message.labels.length; ++i)
                    writer.uint32(34).string(message.labels[i]);
            if (message.podName != null && $Object.hasOwnProperty.call(message, "podName") && message.podName !== "")
                writer.uint32(42).string(message.podName);
            if (message.workloads != null && message.workloads.length)
                for (let i = 0; i < message.workloads.length; ++i)
                    $root.flow.Workload.encode(message.workloads[i], writer.uint32(50).fork(), _depth + 1).ldelim();
            if (message.clusterName != null && $Object.hasOwnProperty.call(message, "clusterName") && message.clusterName !== "")
                writer.uint32(58).string(message.clusterName);
            if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                for (let i = 0; i < message.$unknowns.length; ++i)
                    writer.raw(message.$unknowns[i]);
            return writer;
        };

        Endpoint.decode = function (reader, length, _end, _depth, _target) {
            if (!(reader instanceof $Reader))
                reader = $Reader.create(reader);
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $Reader.recursionLimit)
                throw $Error("max depth exceeded");
            let end, message, value;
            if (length === $undefined)
                end = reader.len;
            else {
                end = reader.pos + length;
                if (end > reader.len)
                    throw $RangeError("index out of range");
                length = reader.len;
                reader.len = end;
            }
            message = _target || new $root.flow.Endpoint();
            while (reader.pos < end) {
                let start = reader.pos;
                let tag = reader.tag();
                if (tag === _end) {
                    _end = $undefined;
                    break;
                }
                let wireType = tag & 7;
                switch (tag >>>= 3) {
                case 1: {
                        if (wireType !== 0)
                            break;
                        if (value = reader.uint32())
                            message.ID = value;
                        else
                            delete message.ID;
                        continue;
                    }
                case 2: {
                        if (wireType !== 0)
                            break;
                        if (value = reader.uint32())
                            message.identity = value;
                        else
                            delete message.identity;
                        continue;
                    }
                case 7: {
                        if (wireType !== 2)
                            break;
                        if ((value = reader.stringVerify()).length)
                            message.clusterName = value;
                        else
                            delete message.clusterName;
                        continue;
                    }
                case 3: {
                        if (wireType !== 2)
                            break;
                        if ((value = reader.stringVerify()).length)
                            message.namespace = value;
                        else
                            delete message.namespace;
                        continue;
                    }
                case 4: {
                        if (wireType !== 2)
                            break;
                        if (!(message.labels && message.labels.length))
                            message.labels = [];
                        message.labels.push(reader.stringVerify());
                        continue;
                    }
                case 5: {
                        if (wireType !== 2)
                            break;
                        if ((value = reader.stringVerify()).length)
                            message.podName = value;
                        else
                            delete message.podName;
                        continue;
                    }
                case 6: {
                        if (wireType !== 2)
                            break;
                        if (!(message.workloads && message.workloads.length))
                            message.workloads = [];
                        message.workloads.push($root.flow.Workload.decode(reader, reader.size(), $undefined, _depth + 1));
                        continue;
                    }
                }
                reader.skipType(wireType, _depth, tag);
                if (!reader.discardUnknown) {
                    $util.makeProp(message, "$unknowns", false);
                    (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                }
            }
            if (length !== $undefined) {
                if (reader.pos !== end)
                    throw $RangeError("index out of range");
                reader.len = length;
            }
            if (_end !== $undefined)
                throw $Error("missing end group");
            return message;
        };

        return Endpoint;
    })();

    flow.Workload = (function() {

        const Workload = function (properties) {
            if (properties)
                for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                    if (properties[keys[i]] != null && keys[i] !== "__proto__")
                        this[keys[i]] = properties[keys[i]];
        };

        Workload.prototype.name = "";
        Workload.prototype.kind = "";

        Workload.create = function(properties) {
            return new Workload(properties);
        };

        Workload.encode = function (message, writer, _depth) {
            if (!writer)
                writer = $Writer.create();
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $util.recursionLimit)
                throw $Error("max depth exceeded");
            if (message.name != null && $Object.hasOwnProperty.call(message, "name") && message.name !== "")
                writer.uint32(10).string(message.name);
            if (message.kind != null && $Object.hasOwnProperty.call(message, "kind") && message.kind !== "")
                writer.uint32(18).string(message.kind);
            if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                for (let i = 0; i < message.$unknowns.length; ++i)
                    writer.raw(message.$unknowns[i]);
            return writer;
        };

        Workload.decode = function (reader, length, _end, _depth, _target) {
            if (!(reader instanceof $Reader))
                reader = $Reader.create(reader);
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $Reader.recursionLimit)
                throw $Error("max depth exceeded");
            let end, message, value;
            if (length === $undefined)
                end = reader.len;
            else {
                end = reader.pos + length;
                if (end > reader.len)
                    throw $RangeError("index out of range");
                length = reader.len;
                reader.len = end;
            }
            message = _target || new $root.flow.Workload();
            while (reader.pos < end) {
                let start = reader.pos;
                let tag = reader.tag();
                if (tag === _end) {
                    _end = $undefined;
                    break;
                }
                let wireType = tag & 7;
                switch (tag >>>= 3) {
                case 1: {
                        if (wireType !== 2)
                            break;
                        if ((value = reader.stringVerify()).length)
                            message.name = value;
                        else
                            delete message.name;
                        continue;
                    }
                case 2: {
                        if (wireType !== 2)
                            break;
                        if ((value = reader.stringVerify()).length)
                            message.kind = value;
                        else
                            delete message.kind;
                        continue;
                    }
                }
                reader.skipType(wireType, _depth, tag);
                if (!reader.discardUnknown) {
                    $util.makeProp(message, "$unknowns", false);
                    (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                }
            }
            if (length !== $undefined) {
                if (reader.pos !== end)
                    throw $RangeError("index out of range");
                reader.len = length;
            }
            if (_end !== $undefined)
                throw $Error("missing end group");
            return message;
        };

        return Workload;
    })();

    flow.TCP = (function() {

        const TCP = function (properties) {
            if (properties)
                for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                    if (properties[keys[i]] != null && keys[i] !== "__proto__")
                        this[keys[i]] = properties[keys[i]];
        };

        TCP.prototype.sourcePort = 0;
        TCP.prototype.destinationPort = 0;
        TCP.prototype.flags = null;

        TCP.create = function(properties) {
            return new TCP(properties);
        };

        TCP.encode = function (message, writer, _depth) {
            if (!writer)
                writer = $Writer.create();
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $util.recursionLimit)
                throw $Error("max depth exceeded");
            if (message.sourcePort != null && $Object.hasOwnProperty.call(message, "sourcePort") && message.sourcePort !== 0)
                writer.uint32(8).uint32(message.sourcePort);
            if (message.destinationPort != null && $Object.hasOwnProperty.call(message, "destinationPort") && message.destinationPort !== 0)
                writer.uint32(16).uint32(message.destinationPort);
            if (message.flags != null && $Object.hasOwnProperty.call(message, "flags"))
                $root.flow.TCPFlags.encode(message.flags, writer.uint32(26).fork(), _depth + 1).ldelim();
            if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                for (let i = 0; i < message.$unknowns.length; ++i)
                    writer.raw(message.$unknowns[i]);
            return writer;
        };

        TCP.decode = function (reader, length, _end, _depth, _target) {
            if (!(reader instanceof $Reader))
                reader = $Reader.create(reader);
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $Reader.recursionLimit)
                throw $Error("max depth exceeded");
            let end, message, value;
            if (length === $undefined)
                end = reader.len;
            else {
                end = reader.pos + length;
                if (end > reader.len)
                    throw $RangeError("index out of range");
                length = reader.len;
                reader.len = end;
            }
            message = _target || new $root.flow.TCP();
            while (reader.pos < end) {
                let start = reader.pos;
                let tag = reader.tag();
                if (tag === _end) {
                    _end = $undefined;
                    break;
                }
                let wireType = tag & 7;
                switch (tag >>>= 3) {
                case 1: {
                        if (wireType !== 0)
                            break;
                        if (value = reader.uint32())
                            message.sourcePort = value;
                        else
                            delete message.sourcePort;
                        continue;
                    }
                case 2: {
                        if (wireType !== 0)
                            break;
                        if (value = reader.uint32())
                            message.destinationPort = value;
                        else
                            delete message.destinationPort;
                        continue;
                    }
                case 3: {
                        if (wireType !== 2)
                            break;
                        message.flags = $root.flow.TCPFlags.decode(reader, reader.size(), $undefined, _depth + 1, message.flags);
                        continue;
                    }
                }
                reader.skipType(wireType, _depth, tag);
                if (!reader.discardUnknown) {
                    $util.makeProp(message, "$unknowns", false);
                    (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                }
            }
            if (length !== $undefined) {
                if (reader.pos !== end)
                    throw $RangeError("index out of range");
                reader.len = length;
            }
            if (_end !== $undefined)
                throw $Error("missing end group");
            return message;
        };

        return TCP;
    })();

    flow.IP = (function() {

        const IP = function (properties) {
            if (properties)
                for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                    if (properties[keys[i]] != null && keys[i] !== "__proto__")
                        this[keys[i]] = properties[keys[i]];
        };

        IP.prototype.source = "";
        IP.prototype.sourceXlated = "";
        IP.prototype.destination = "";
        IP.prototype.ipVersion = 0;
        IP.prototype.encrypted = false;

        IP.create = function(properties) {
            return new IP(properties);
        };

        IP.encode = function (message, writer, _depth) {
            if (!writer)
                writer = $Writer.create();
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $util.recursionLimit)
                throw $Error("max depth exceeded");
            if (message.source != null && $Object.hasOwnProperty.call(message, "source") && message.source !== "")
                writer.uint32(10).string(message.source);
            if (message.destination != null && $Object.hasOwnProperty.call(message, "destination") && message.destination !== "")
                writer.uint32(18).string(message.destination);
            if (message.ipVersion != null && $Object.hasOwnProperty.call(message, "ipVersion") && message.ipVersion !== 0)
                writer.uint32(24).int32(message.ipVersion);
            if (message.encrypted != null && $Object.hasOwnProperty.call(message, "encrypted") && message.encrypted !== false)
                writer.uint32(32).bool(message.encrypted);
            if (message.sourceXlated != null && $Object.hasOwnProperty.call(message, "sourceXlated") && message.sourceXlated !== "")
                writer.uint32(42).string(message.sourceXlated);
            if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                for (let i = 0; i < message.$unknowns.length; ++i)
                    writer.raw(message.$unknowns[i]);
            return writer;
        };

        IP.decode = function (reader, length, _end, _depth, _target) {
            if (!(reader instanceof $Reader))
                reader = $Reader.create(reader);
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $Reader.recursionLimit)
                throw $Error("max depth exceeded");
            let end, message, value;
            if (length === $undefined)
                end = reader.len;
            else {
                end = reader.pos + length;
                if (end > reader.len)
                    throw $RangeError("index out of range");
                length = reader.len;
                reader.len = end;
            }
            message = _target || new $root.flow.IP();
            while (reader.pos < end) {
                let start = reader.pos;
                let tag = reader.tag();
                if (tag === _end) {
                    _end = $undefined;
                    break;
                }
                let wireType = tag & 7;
                switch (tag >>>= 3) {
                case 1: {
                        if (wireType !== 2)
                            break;
                        if ((value = reader.stringVerify()).length)
                            message.source = value;
                        else
                            delete message.source;
                        continue;
                    }
                case 5: {
                        if (wireType !== 2)
                            break;
                        if ((value = reader.stringVerify()).length)
                            message.sourceXlated = value;
                        else
                            delete message.sourceXlated;
                        continue;
                    }
                case 2: {
                        if (wireType !== 2)
                            break;
                        if ((value = reader.stringVerify()).length)
                            message.destination = value;
                        else
                            delete message.destination;
                        continue;
                    }
                case 3: {
                        if (wireType !== 0)
                            break;
                        if (value = reader.int32())
                            message.ipVersion = value;
                        else
                            delete message.ipVersion;
                        continue;
                    }
                case 4: {
                        if (wireType !== 0)
                            break;
                        if (value = reader.bool())
                            message.encrypted = value;
                        else
                            delete message.encrypted;
                        continue;
                    }
                }
                reader.skipType(wireType, _depth, tag);
                if (!reader.discardUnknown) {
                    $util.makeProp(message, "$unknowns", false);
                    (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                }
            }
            if (length !== $undefined) {
                if (reader.pos !== end)
                    throw $RangeError("index out of range");
                reader.len = length;
            }
            if (_end !== $undefined)
                throw $Error("missing end group");
            return message;
        };

        return IP;
    })();

    flow.Ethernet = (function() {

        const Ethernet = function (properties) {
            if (properties)
                for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                    if (properties[keys[i]] != null && keys[i] !== "__proto__")
                        this[keys[i]] = properties[keys[i]];
        };

        Ethernet.prototype.source = "";
        Ethernet.prototype.destination = "";

        Ethernet.create = function(properties) {
            return new Ethernet(properties);
        };

        Ethernet.encode = function (message, writer, _depth) {
            if (!writer)
                writer = $Writer.create();
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $util.recursionLimit)
                throw $Error("max depth exceeded");
            if (message.source != null && $Object.hasOwnProperty.call(message, "source") && message.source !== "")
                writer.uint32(10).string(message.source);
            if (message.destination != null && $Object.hasOwnProperty.call(message, "destination") && message.destination !== "")
                writer.uint32(18).string(message.destination);
            if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                for (let i = 0; i < message.$unknowns.length; ++i)
                    writer.raw(message.$unknowns[i]);
            return writer;
        };

        Ethernet.decode = function (reader, length, _end, _depth, _target) {
            if (!(reader instanceof $Reader))
                reader = $Reader.create(reader);
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $Reader.recursionLimit)
                throw $Error("max depth exceeded");
            let end, message, value;
            if (length === $undefined)
                end = reader.len;
            else {
                end = reader.pos + length;
                if (end > reader.len)
                    throw $RangeError("index out of range");
                length = reader.len;
                reader.len = end;
            }
            message = _target || new $root.flow.Ethernet();
            while (reader.pos < end) {
                let start = reader.pos;
                let tag = reader.tag();
                if (tag === _end) {
                    _end = $undefined;
                    break;
                }
                let wireType = tag & 7;
                switch (tag >>>= 3) {
                case 1: {
                        if (wireType !== 2)
                            break;
                        if ((value = reader.stringVerify()).length)
                            message.source = value;
                        else
                            delete message.source;
                        continue;
                    }
                case 2: {
                        if (wireType !== 2)
                            break;
                        if ((value = reader.stringVerify()).length)
                            message.destination = value;
                        else
                            delete message.destination;
                        continue;
                    }
                }
                reader.skipType(wireType, _depth, tag);
                if (!reader.discardUnknown) {
                    $util.makeProp(message, "$unknowns", false);
                    (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                }
            }
            if (length !== $undefined) {
                if (reader.pos !== end)
                    throw $RangeError("index out of range");
                reader.len = length;
            }
            if (_end !== $undefined)
                throw $Error("missing end group");
            return message;
        };

        return Ethernet;
    })();

    flow.TCPFlags = (function() {

        const TCPFlags = function (properties) {
            if (properties)
                for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                    if (properties[keys[i]] != null && keys[i] !== "__proto__")
                        this[keys[i]] = properties[keys[i]];
        };

        TCPFlags.prototype.FIN = false;
        TCPFlags.prototype.SYN = false;
        TCPFlags.prototype.RST = false;
        TCPFlags.prototype.PSH = false;
        TCPFlags.prototype.ACK = false;
        TCPFlags.prototype.URG = false;
        TCPFlags.prototype.ECE = false;
        TCPFlags.prototype.CWR = false;
        TCPFlags.prototype.NS = false;

        TCPFlags.create = function(properties) {
            return new TCPFlags(properties);
        };

        TCPFlags.encode = function (message, writer, _depth) {
            if (!writer)
                writer = $Writer.create();
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $util.recursionLimit)
                throw $Error("max depth exceeded");
            if (message.FIN != null && $Object.hasOwnProperty.call(message, "FIN") && message.FIN !== false)
                writer.uint32(8).bool(message.FIN);
            if (message.SYN != null && $Object.hasOwnProperty.call(message, "SYN") && message.SYN !== false)
                writer.uint32(16).bool(message.SYN);
            if (message.RST != null && $Object.hasOwnProperty.call(message, "RST") && message.RST !== false)
                writer.uint32(24).bool(message.RST);
            if (message.PSH != null && $Object.hasOwnProperty.call(message, "PSH") && message.PSH !== false)
                writer.uint32(32).bool(message.PSH);
            if (message.ACK != null && $Object.hasOwnProperty.call(message, "ACK") && message.ACK !== false)
                writer.uint32(40).bool(message.ACK);
            if (message.URG != null && $Object.hasOwnProperty.call(message, "URG") && message.URG !== false)
                writer.uint32(48).bool(message.URG);
            if (message.ECE != null && $Object.hasOwnProperty.call(message, "ECE") && message.ECE !== false)
                writer.uint32(56).bool(message.ECE);
            if (message.CWR != null && $Object.hasOwnProperty.call(message, "CWR") && message.CWR !== false)
                writer.uint32(64).bool(message.CWR);
            if (message.NS != null && $Object.hasOwnProperty.call(message, "NS") && message.NS !== false)
                writer.uint32(72).bool(message.NS);
            if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                for (let i = 0; i < message.$unknowns.length; ++i)
                    writer.raw(message.$unknowns[i]);
            return writer;
        };

        TCPFlags.decode = function (reader, length, _end, _depth, _target) {
            if (!(reader instanceof $Reader))
                reader = $Reader.create(reader);
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $Reader.recursionLimit)
                throw $Error("max depth exceeded");
            let end, message, value;
            if (length === $undefined)
                end = reader.len;
            else {
                end = reader.pos + length;
                if (end > reader.len)
                    throw $RangeError("index out of range");
                length = reader.len;
                reader.len = end;
            }
            message = _target || new $root.flow.TCPFlags();
            while (reader.pos < end) {
                let start = reader.pos;
                let tag = reader.tag();
                if (tag === _end) {
                    _end = $undefined;
                    break;
                }
                let wireType = tag & 7;
                switch (tag >>>= 3) {
                case 1: {
                        if (wireType !== 0)
                            break;
                        if (value = reader.bool())
                            message.FIN = value;
                        else
                            delete message.FIN;
                        continue;
                    }
                case 2: {
                        if (wireType !== 0)
                            break;
                        if (value = reader.bool())
                            message.SYN = value;
                        else
                            delete message.SYN;
                        continue;
                    }
                case 3: {
                        if (wireType !== 0)
                            break;
                        if (value = reader.bool())
                            message.RST = value;
                        else
                            delete message.RST;
                        continue;
                    }
                case 4: {
                        if (wireType !== 0)
                            break;
                        if (value = reader.bool())
                            message.PSH = value;
                        else
                            delete message.PSH;
                        continue;
                    }
                case 5: {
                        if (wireType !== 0)
                            break;
                        if (value = reader.bool())
                            message.ACK = value;
                        else
                            delete message.ACK;
                        continue;
                    }
                case 6: {
                        if (wireType !== 0)
                            break;
                        if (value = reader.bool())
                            message.URG = value;
                        else
                            delete message.URG;
                        continue;
                    }
                case 7: {
                        if (wireType !== 0)
                            break;
                        if (value = reader.bool())
                            message.ECE = value;
                        else
                            delete message.ECE;
                        continue;
                    }
                case 8: {
                        if (wireType !== 0)
                            break;
                        if (value = reader.bool())
                            message.CWR = value;
                        else
                            delete message.CWR;
                        continue;
                    }
                case 9: {
                        if (wireType !== 0)
                            break;
                        if (value = reader.bool())
                            message.NS = value;
                        else
                            delete message.NS;
                        continue;
                    }
                }
                reader.skipType(wireType, _depth, tag);
                if (!reader.discardUnknown) {
                    $util.makeProp(message, "$unknowns", false);
                    (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                }
            }
            if (length !== $undefined) {
                if (reader.pos !== end)
                    throw $RangeError("index out of range");
                reader.len = length;
            }
            if (_end !== $undefined)
                throw $Error("missing end group");
            return message;
        };

        return TCPFlags;
    })();

    flow.UDP = (function() {

        const UDP = function (properties) {
            if (properties)
                for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                    if (properties[keys[i]] != null && keys[i] !== "__proto__")
                        this[keys[i]] = properties[keys[i]];
        };

        UDP.prototype.sourcePort = 0;
        UDP.prototype.destinationPort = 0;

        UDP.create = function(properties) {
            return new UDP(properties);
        };

        UDP.encode = function (message, writer, _depth) {
            if (!writer)
                writer = $Writer.create();
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $util.recursionLimit)
                throw $Error("max depth exceeded");
            if (message.sourcePort != null && $Object.hasOwnProperty.call(message, "sourcePort") && message.sourcePort !== 0)
                writer.uint32(8).uint32(message.sourcePort);
            if (message.destinationPort != null && $Object.hasOwnProperty.call(message, "destinationPort") && message.destinationPort !== 0)
                writer.uint32(16).uint32(message.destinationPort);
            if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                for (let i = 0; i < message.$unknowns.length; ++i)
                    writer.raw(message.$unknowns[i]);
            return writer;
        };

        UDP.decode = function (reader, length, _end, _depth, _target) {
            if (!(reader instanceof $Reader))
                reader = $Reader.create(reader);
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $Reader.recursionLimit)
                throw $Error("max depth exceeded");
            let end, message, value;
            if (length === $undefined)
                end = reader.len;
            else {
                end = reader.pos + length;
                if (end > reader.len)
                    throw $RangeError("index out of range");
                length = reader.len;
                reader.len = end;
            }
            message = _target || new $root.flow.UDP();
            while (reader.pos < end) {
                let start = reader.pos;
                let tag = reader.tag();
                if (tag === _end) {
                    _end = $undefined;
                    break;
                }
                let wireType = tag & 7;
                switch (tag >>>= 3) {
                case 1: {
                        if (wireType !== 0)
                            break;
                        if (value = reader.uint32())
                            message.sourcePort = value;
                        else
                            delete message.sourcePort;
                        continue;
                    }
                case 2: {
                        if (wireType !== 0)
                            break;
                        if (value = reader.uint32())
                            message.destinationPort = value;
                        else
                            delete message.destinationPort;
                        continue;
                    }
                }
                reader.skipType(wireType, _depth, tag);
                if (!reader.discardUnknown) {
                    $util.makeProp(message, "$unknowns", false);
                    (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                }
            }
            if (length !== $undefined) {
                if (reader.pos !== end)
                    throw $RangeError("index out of range");
                reader.len = length;
            }
            if (_end !== $undefined)
                throw $Error("missing end group");
            return message;
        };

        return UDP;
    })();

    flow.SCTP = (function() {

        const SCTP = function (properties) {
            if (properties)
                for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                    if (properties[keys[i]] != null && keys[i] !== "__proto__")
                        this[keys[i]] = properties[keys[i]];
        };

        SCTP.prototype.sourcePort = 0;
        SCTP.prototype.destinationPort = 0;

        SCTP.create = function(properties) {
            return new SCTP(properties);
        };

        SCTP.encode = function (message, writer, _depth) {
            if (!writer)
                writer = $Writer.create();
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $util.recursionLimit)
                throw $Error("max depth exceeded");
            if (message.sourcePort != null && $Object.hasOwnProperty.call(message, "sourcePort") && message.sourcePort !== 0)
                writer.uint32(8).uint32(message.sourcePort);
            if (message.destinationPort != null && $Object.hasOwnProperty.call(message, "destinationPort") && message.destinationPort !== 0)
                writer.uint32(16).uint32(message.destinationPort);
            if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                for (let i = 0; i < message.$unknowns.length; ++i)
                    writer.raw(message.$unknowns[i]);
            return writer;
        };

        SCTP.decode = function (reader, length, _end, _depth, _target) {
            if (!(reader instanceof $Reader))
                reader = $Reader.create(reader);
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $Reader.recursionLimit)
                throw $Error("max depth exceeded");
            let end, message, value;
            if (length === $undefined)
                end = reader.len;
            else {
                end = reader.pos + length;
                if (end > reader.len)
                    throw $RangeError("index out of range");
                length = reader.len;
                reader.len = end;
            }
            message = _target || new $root.flow.SCTP();
            while (reader.pos < end) {
                let start = reader.pos;
                let tag = reader.tag();
                if (tag === _end) {
                    _end = $undefined;
                    break;
                }
                let wireType = tag & 7;
                switch (tag >>>= 3) {
                case 1: {
                        if (wireType !== 0)
                            break;
                        if (value = reader.uint32())
                            message.sourcePort = value;
                        else
                            delete message.sourcePort;
                        continue;
                    }
                case 2: {
                        if (wireType !== 0)
                            break;
                        if (value = reader.uint32())
                            message.destinationPort = value;
                        else
                            delete message.destinationPort;
                        continue;
                    }
                }
                reader.skipType(wireType, _depth, tag);
                if (!reader.discardUnknown) {
                    $util.makeProp(message, "$unknowns", false);
                    (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                }
            }
            if (length !== $undefined) {
                if (reader.pos !== end)
                    throw $RangeError("index out of range");
                reader.len = length;
            }
            if (_end !== $undefined)
                throw $Error("missing end group");
            return message;
        };

        return SCTP;
    })();

    flow.ICMPv4 = (function() {

        const ICMPv4 = function (properties) {
            if (properties)
                for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                    if (properties[keys[i]] != null && keys[i] !== "__proto__")
                        this[keys[i]] = properties[keys[i]];
        };

        ICMPv4.prototype.type = 0;
        ICMPv4.prototype.code = 0;

        ICMPv4.create = function(properties) {
            return new ICMPv4(properties);
        };

        ICMPv4.encode = function (message, writer, _depth) {
            if (!writer)
                writer = $Writer.create();
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $util.recursionLimit)
                throw $Error("max depth exceeded");
            if (message.type != null && $Object.hasOwnProperty.call(message, "type") && message.type !== 0)
                writer.uint32(8).uint32(message.type);
            if (message.code != null && $Object.hasOwnProperty.call(message, "code") && message.code !== 0)
                writer.uint32(16).uint32(message.code);
            if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                for (let i = 0; i < message.$unknowns.length; ++i)
                    writer.raw(message.$unknowns[i]);
            return writer;
        };

        ICMPv4.decode = function (reader, length, _end, _depth, _target) {
            if (!(reader instanceof $Reader))
                reader = $Reader.create(reader);
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $Reader.recursionLimit)
                throw $Error("max depth exceeded");
            let end, message, value;
            if (length === $undefined)
                end = reader.len;
            else {
                end = reader.pos + length;
                if (end > reader.len)
                    throw $RangeError("index out of range");
                length = reader.len;
                reader.len = end;
            }
            message = _target || new $root.flow.ICMPv4();
            while (reader.pos < end) {
                let start = reader.pos;
                let tag = reader.tag();
                if (tag === _end) {
                    _end = $undefined;
                    break;
                }
                let wireType = tag & 7;
                switch (tag >>>= 3) {
                case 1: {
                        if (wireType !== 0)
                            break;
                        if (value = reader.uint32())
                            message.type = value;
                        else
                            delete message.type;
                        continue;
                    }
                case 2: {
                        if (wireType !== 0)
                            break;
                        if (value = reader.uint32())
                            message.code = value;
                        else
                            delete message.code;
                        continue;
                    }
                }
                reader.skipType(wireType, _depth, tag);
                if (!reader.discardUnknown) {
                    $util.makeProp(message, "$unknowns", false);
                    (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                }
            }
            if (length !== $undefined) {
                if (reader.pos !== end)
                    throw $RangeError("index out of range");
                reader.len = length;
            }
            if (_end !== $undefined)
                throw $Error("missing end group");
            return message;
        };

        return ICMPv4;
    })();

    flow.ICMPv6 = (function() {

        const ICMPv6 = function (properties) {
            if (properties)
                for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                    if (properties[keys[i]] != null && keys[i] !== "__proto__")
                        this[keys[i]] = properties[keys[i]];
        };

        ICMPv6.prototype.type = 0;
        ICMPv6.prototype.code = 0;

        ICMPv6.create = function(properties) {
            return new ICMPv6(properties);
        };

        ICMPv6.encode = function (message, writer, _depth) {
            if (!writer)
                writer = $Writer.create();
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $util.recursionLimit)
                throw $Error("max depth exceeded");
            if (message.type != null && $Object.hasOwnProperty.call(message, "type") && message.type !== 0)
                writer.uint32(8).uint32(message.type);
            if (message.code != null && $Object.hasOwnProperty.call(message, "code") && message.code !== 0)
                writer.uint32(16).uint32(message.code);
            if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                for (let i = 0; i < message.$unknowns.length; ++i)
                    writer.raw(message.$unknowns[i]);
            return writer;
        };

        ICMPv6.decode = function (reader, length, _end, _depth, _target) {
            if (!(reader instanceof $Reader))
                reader = $Reader.create(reader);
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $Reader.recursionLimit)
                throw $Error("max depth exceeded");
            let end, message, value;
            if (length === $undefined)
                end = reader.len;
            else {
                end = reader.pos + length;
                if (end > reader.len)
                    throw $RangeError("index out of range");
                length = reader.len;
                reader.len = end;
            }
            message = _target || new $root.flow.ICMPv6();
            while (reader.pos < end) {
                let start = reader.pos;
                let tag = reader.tag();
                if (tag === _end) {
                    _end = $undefined;
                    break;
                }
                let wireType = tag & 7;
                switch (tag >>>= 3) {
                case 1: {
                        if (wireType !== 0)
                            break;
                        if (value = reader.uint32())
                            message.type = value;
                        else
                            delete message.type;
                        continue;
                    }
                case 2: {
                        if (wireType !== 0)
                            break;
                        if (value = reader.uint32())
                            message.code = value;
                        else
                            delete message.code;
                        continue;
                    }
                }
                reader.skipType(wireType, _depth, tag);
                if (!reader.discardUnknown) {
                    $util.makeProp(message, "$unknowns", false);
                    (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                }
            }
            if (length !== $undefined) {
                if (reader.pos !== end)
                    throw $RangeError("index out of range");
                reader.len = length;
            }
            if (_end !== $undefined)
                throw $Error("missing end group");
            return message;
        };

        return ICMPv6;
    })();

    flow.VRRP = (function() {

        const VRRP = function (properties) {
            if (properties)
                for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                    if (properties[keys[i]] != null && keys[i] !== "__proto__")
                        this[keys[i]] = properties[keys[i]];
        };

        VRRP.prototype.type = 0;
        VRRP.prototype.vrid = 0;
        VRRP.prototype.priority = 0;

        VRRP.create = function(properties) {
            return new VRRP(properties);
        };

        VRRP.encode = function (message, writer, _depth) {
            if (!writer)
                writer = $Writer.create();
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $util.recursionLimit)
                throw $Error("max depth exceeded");
            if (message.type != null && $Object.hasOwnProperty.call(message, "type") && message.type !== 0)
                writer.uint32(8).uint32(message.type);
            if (message.vrid != null && $Object.hasOwnProperty.call(message, "vrid") && message.vrid !== 0)
                writer.uint32(16).uint32(message.vrid);
            if (message.priority != null && $Object.hasOwnProperty.call(message, "priority") && message.priority !== 0)
                writer.uint32(24).uint32(message.priority);
            if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                for (let i = 0; i < message.$unknowns.length; ++i)
                    writer.raw(message.$unknowns[i]);
            return writer;
        };

        VRRP.decode = function (reader, length, _end, _depth, _target) {
            if (!(reader instanceof $Reader))
                reader = $Reader.create(reader);
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $Reader.recursionLimit)
                throw $Error("max depth exceeded");
            let end, message, value;
            if (length === $undefined)
                end = reader.len;
            else {
                end = reader.pos + length;
                if (end > reader.len)
                    throw $RangeError("index out of range");
                length = reader.len;
                reader.len = end;
            }
            message = _target || new $root.flow.VRRP();
            while (reader.pos < end) {
                let start = reader.pos;
                let tag = reader.tag();
                if (tag === _end) {
                    _end = $undefined;
                    break;
                }
                let wireType = tag & 7;
                switch (tag >>>= 3) {
                case 1: {
                        if (wireType !== 0)
                            break;
                        if (value = reader.uint32())
                            message.type = value;
                        else
                            delete message.type;
                        continue;
                    }
                case 2: {
                        if (wireType !== 0)
                            break;
                        if (value = reader.uint32())
                            message.vrid = value;
                        else
                            delete message.vrid;
                        continue;
                    }
                case 3: {
                        if (wireType !== 0)
                            break;
                        if (value = reader.uint32())
                            message.priority = value;
                        else
                            delete message.priority;
                        continue;
                    }
                }
                reader.skipType(wireType, _depth, tag);
                if (!reader.discardUnknown) {
                    $util.makeProp(message, "$unknowns", false);
                    (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                }
            }
            if (length !== $undefined) {
                if (reader.pos !== end)
                    throw $RangeError("index out of range");
                reader.len = length;
            }
            if (_end !== $undefined)
                throw $Error("missing end group");
            return message;
        };

        return VRRP;
    })();

    flow.IGMP = (function() {

        const IGMP = function (properties) {
            if (properties)
                for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                    if (properties[keys[i]] != null && keys[i] !== "__proto__")
                        this[keys[i]] = properties[keys[i]];
        };

        IGMP.prototype.type = 0;
        IGMP.prototype.groupAddress = "";

        IGMP.create = function(properties) {
            return new IGMP(properties);
        };

        IGMP.encode = function (message, writer, _depth) {
            if (!writer)
                writer = $Writer.create();
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $util.recursionLimit)
                throw $Error("max depth exceeded");
            if (message.type != null && $Object.hasOwnProperty.call(message, "type") && message.type !== 0)
                writer.uint32(8).uint32(message.type);
            if (message.groupAddress != null && $Object.hasOwnProperty.call(message, "groupAddress") && message.groupAddress !== "")
                writer.uint32(18).string(message.groupAddress);
            if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                for (let i = 0; i < message.$unknowns.length; ++i)
                    writer.raw(message.$unknowns[i]);
            return writer;
        };

        IGMP.decode = function (reader, length, _end, _depth, _target) {
            if (!(reader instanceof $Reader))
                reader = $Reader.create(reader);
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $Reader.recursionLimit)
                throw $Error("max depth exceeded");
            let end, message, value;
            if (length === $undefined)
                end = reader.len;
            else {
                end = reader.pos + length;
                if (end > reader.len)
                    throw $RangeError("index out of range");
                length = reader.len;
                reader.len = end;
            }
            message = _target || new $root.flow.IGMP();
            while (reader.pos < end) {
                let start = reader.pos;
                let tag = reader.tag();
                if (tag === _end) {
                    _end = $undefined;
                    break;
                }
                let wireType = tag & 7;
                switch (tag >>>= 3) {
                case 1: {
                        if (wireType !== 0)
                            break;
                        if (value = reader.uint32())
                            message.type = value;
                        else
                            delete message.type;
                        continue;
                    }
                case 2: {
                        if (wireType !== 2)
                            break;
                        if ((value = reader.stringVerify()).length)
                            message.groupAddress = value;
                        else
                            delete message.groupAddress;
                        continue;
                    }
                }
                reader.skipType(wireType, _depth, tag);
                if (!reader.discardUnknown) {
                    $util.makeProp(message, "$unknowns", false);
                    (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                }
            }
            if (length !== $undefined) {
                if (reader.pos !== end)
                    throw $RangeError("index out of range");
                reader.len = length;
            }
            if (_end !== $undefined)
                throw $Error("missing end group");
            return message;
        };

        return IGMP;
    })();

    flow.IPVersion = (function() {
        const valuesById = $Object.create(null), values = $Object.create(valuesById);
        values[valuesById[0] = "IP_NOT_USED"] = 0;
        values[valuesById[1] = "IPv4"] = 1;
        values[valuesById[2] = "IPv6"] = 2;
        return values;
    })();

    flow.Tunnel = (function() {

        const Tunnel = function (properties) {
            if (properties)
                for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                    if (properties[keys[i]] != null && keys[i] !== "__proto__")
                        this[keys[i]] = properties[keys[i]];
        };

        Tunnel.prototype.protocol = 0;
        Tunnel.prototype.IP = null;
        Tunnel.prototype.l4 = null;
        Tunnel.prototype.vni = 0;

        Tunnel.create = function(properties) {
            return new Tunnel(properties);
        };

        Tunnel.encode = function (message, writer, _depth) {
            if (!writer)
                writer = $Writer.create();
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $util.recursionLimit)
                throw $Error("max depth exceeded");
            if (message.protocol != null && $Object.hasOwnProperty.call(message, "protocol") && message.protocol !== 0)
                writer.uint32(8).int32(message.protocol);
            if (message.IP != null && $Object.hasOwnProperty.call(message, "IP"))
                $root.flow.IP.encode(message.IP, writer.uint32(18).fork(), _depth + 1).ldelim();
            if (message.l4 != null && $Object.hasOwnProperty.call(message, "l4"))
                $root.flow.Layer4.encode(message.l4, writer.uint32(26).fork(), _depth + 1).ldelim();
            if (message.vni != null && $Object.hasOwnProperty.call(message, "vni") && message.vni !== 0)
                writer.uint32(32).uint32(message.vni);
            if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                for (let i = 0; i < message.$unknowns.length; ++i)
                    writer.raw(message.$unknowns[i]);
            return writer;
        };

        Tunnel.decode = function (reader, length, _end, _depth, _target) {
            if (!(reader instanceof $Reader))
                reader = $Reader.create(reader);
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $Reader.recursionLimit)
                throw $Error("max depth exceeded");
            let end, message, value;
            if (length === $undefined)
                end = reader.len;
            else {
                end = reader.pos + length;
                if (end > reader.len)
                    throw $RangeError("index out of range");
                length = reader.len;
                reader.len = end;
            }
            message = _target || new $root.flow.Tunnel();
            while (reader.pos < end) {
                let start = reader.pos;
                let tag = reader.tag();
                if (tag === _end) {
                    _end = $undefined;
                    break;
                }
                let wireType = tag & 7;
                switch (tag >>>= 3) {
                case 1: {
                        if (wireType !== 0)
                            break;
                        if (value = reader.int32())
                            message.protocol = value;
                        else
                            delete message.protocol;
                        continue;
                    }
                case 2: {
                        if (wireType !== 2)
                            break;
                        message.IP = $root.flow.IP.decode(reader, reader.size(), $undefined, _depth + 1, message.IP);
                        continue;
                    }
                case 3: {
                        if (wireType !== 2)
                            break;
                        message.l4 = $root.flow.Layer4.decode(reader, reader.size(), $undefined, _depth + 1, message.l4);
                        continue;
                    }
                case 4: {
                        if (wireType !== 0)
                            break;
                        if (value = reader.uint32())
                            message.vni = value;
                        else
                            delete message.vni;
                        continue;
                    }
                }
                reader.skipType(wireType, _depth, tag);
                if (!reader.discardUnknown) {
                    $util.makeProp(message, "$unknowns", false);
                    (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                }
            }
            if (length !== $undefined) {
                if (reader.pos !== end)
                    throw $RangeError("index out of range");
                reader.len = length;
            }
            if (_end !== $undefined)
                throw $Error("missing end group");
            return message;
        };

        Tunnel.Protocol = (function() {
            const valuesById = $Object.create(null), values = $Object.create(valuesById);
            values[valuesById[0] = "UNKNOWN"] = 0;
            values[valuesById[1] = "VXLAN"] = 1;
            values[valuesById[2] = "GENEVE"] = 2;
            return values;
        })();

        return Tunnel;
    })();

    flow.Verdict = (function() {
        const valuesById = $Object.create(null), values = $Object.create(valuesById);
        values[valuesById[0] = "VERDICT_UNKNOWN"] = 0;
        values[valuesById[1] = "FORWARDED"] = 1;
        values[valuesById[2] = "DROPPED"] = 2;
        values[valuesById[3] = "ERROR"] = 3;
        values[valuesById[4] = "AUDIT"] = 4;
        values[valuesById[5] = "REDIRECTED"] = 5;
        values[valuesById[6] = "TRACED"] = 6;
        values[valuesById[7] = "TRANSLATED"] = 7;
        return values;
    })();

    flow.DropReason = (function() {
        const valuesById = $Object.create(null), values = $Object.create(valuesById);
        values[valuesById[0] = "DROP_REASON_UNKNOWN"] = 0;
        values[valuesById[130] = "INVALID_SOURCE_MAC"] = 130;
        values[valuesById[131] = "INVALID_DESTINATION_MAC"] = 131;
        values[valuesById[132] = "INVALID_SOURCE_IP"] = 132;
        values[valuesById[133] = "POLICY_DENIED"] = 133;
        values[valuesById[134] = "INVALID_PACKET_DROPPED"] = 134;
        values[valuesById[135] = "CT_TRUNCATED_OR_INVALID_HEADER"] = 135;
        values[valuesById[136] = "CT_MISSING_TCP_ACK_FLAG"] = 136;
        values[valuesById[137] = "CT_UNKNOWN_L4_PROTOCOL"] = 137;
        values[valuesById[138] = "CT_CANNOT_CREATE_ENTRY_FROM_PACKET"] = 138;
        values[valuesById[139] = "UNSUPPORTED_L3_PROTOCOL"] = 139;
        values[valuesById[140] = "MISSED_TAIL_CALL"] = 140;
        values[valuesById[141] = "ERROR_WRITING_TO_PACKET"] = 141;
        values[valuesById[142] = "UNKNOWN_L4_PROTOCOL"] = 142;
        values[valuesById[143] = "UNKNOWN_ICMPV4_CODE"] = 143;
        values[valuesById[144] = "UNKNOWN_ICMPV4_TYPE"] = 144;
        values[valuesById[145] = "UNKNOWN_ICMPV6_CODE"] = 145;
        values[valuesById[146] = "UNKNOWN_ICMPV6_TYPE"] = 146;
        values[valuesById[147] = "ERROR_RETRIEVING_TUNNEL_KEY"] = 147;
        values[valuesById[148] = "ERROR_RETRIEVING_TUNNEL_OPTIONS"] = 148;
        values[valuesById[149] = "INVALID_GENEVE_OPTION"] = 149;
        values[valuesById[150] = "UNKNOWN_L3_TARGET_ADDRESS"] = 150;
        values[valuesById[151] = "STALE_OR_UNROUTABLE_IP"] = 151;
        values[valuesById[152] = "NO_MATCHING_LOCAL_CONTAINER_FOUND"] = 152;
        values[valuesById[153] = "ERROR_WHILE_CORRECTING_L3_CHECKSUM"] = 153;
        values[valuesById[154] = "ERROR_WHILE_CORRECTING_L4_CHECKSUM"] = 154;
        values[valuesById[155] = "CT_MAP_INSERTION_FAILED"] = 155;
        values[valuesById[156] = "INVALID_IPV6_EXTENSION_HEADER"] = 156;
        values[valuesById[157] = "IP_FRAGMENTATION_NOT_SUPPORTED"] = 157;
        values[valuesById[158] = "SERVICE_BACKEND_NOT_FOUND"] = 158;
        values[valuesById[160] = "NO_TUNNEL_OR_ENCAPSULATION_ENDPOINT"] = 160;
        values[valuesById[161] = "FAILED_TO_INSERT_INTO_PROXYMAP"] = 161;
        values[valuesById[162] = "REACHED_EDT_RATE_LIMITING_DROP_HORIZON"] = 162;
        values[valuesById[163] = "UNKNOWN_CONNECTION_TRACKING_STATE"] = 163;
        values[valuesById[164] = "LOCAL_HOST_IS_UNREACHABLE"] = 164;
        values[valuesById[165] = "NO_CONFIGURATION_AVAILABLE_TO_PERFORM_POLICY_DECISION"] = 165;
        values[valuesById[166] = "UNSUPPORTED_L2_PROTOCOL"] = 166;
        values[valuesById[167] = "NO_MAPPING_FOR_NAT_MASQUERADE"] = 167;
        values[valuesById[168] = "UNSUPPORTED_PROTOCOL_FOR_NAT_MASQUERADE"] = 168;
        values[valuesById[169] = "FIB_LOOKUP_FAILED"] = 169;
        values[valuesById[170] = "ENCAPSULATION_TRAFFIC_IS_PROHIBITED"] = 170;
        values[valuesById[171] = "INVALID_IDENTITY"] = 171;
        values[valuesById[172] = "UNKNOWN_SENDER"] = 172;
        values[valuesById[173] = "NAT_NOT_NEEDED"] = 173;
        values[valuesById[174] = "IS_A_CLUSTERIP"] = 174;
        values[valuesById[175] = "FIRST_LOGICAL_DATAGRAM_FRAGMENT_NOT_FOUND"] = 175;
        values[valuesById[176] = "FORBIDDEN_ICMPV6_MESSAGE"] = 176;
        values[valuesById[177] = "DENIED_BY_LB_SRC_RANGE_CHECK"] = 177;
        values[valuesById[178] = "SOCKET_LOOKUP_FAILED"] = 178;
        values[valuesById[179] = "SOCKET_ASSIGN_FAILED"] = 179;
        values[valuesById[180] = "PROXY_REDIRECTION_NOT_SUPPORTED_FOR_PROTOCOL"] = 180;
        values[valuesById[181] = "POLICY_DENY"] = 181;
        values[valuesById[182] = "VLAN_FILTERED"] = 182;
        values[valuesById[183] = "INVALID_VNI"] = 183;
        values[valuesById[184] = "INVALID_TC_BUFFER"] = 184;
        values[valuesById[185] = "NO_SID"] = 185;
        values[valuesById[186] = "MISSING_SRV6_STATE"] = 186;
        values[valuesById[187] = "NAT46"] = 187;
        values[valuesById[188] = "NAT64"] = 188;
        values[valuesById[189] = "AUTH_REQUIRED"] = 189;
        values[valuesById[190] = "CT_NO_MAP_FOUND"] = 190;
        values[valuesById[191] = "SNAT_NO_MAP_FOUND"] = 191;
        values[valuesById[192] = "INVALID_CLUSTER_ID"] = 192;
        values[valuesById[193] = "UNSUPPORTED_PROTOCOL_FOR_DSR_ENCAP"] = 193;
        values[valuesById[194] = "NO_EGRESS_GATEWAY"] = 194;
        values[valuesById[195] = "UNENCRYPTED_TRAFFIC"] = 195;
        values[valuesById[196] = "TTL_EXCEEDED"] = 196;
        values[valuesById[197] = "NO_NODE_ID"] = 197;
        values[valuesById[198] = "DROP_RATE_LIMITED"] = 198;
        values[valuesById[199] = "IGMP_HANDLED"] = 199;
        values[valuesById[200] = "IGMP_SUBSCRIBED"] = 200;
        values[valuesById[201] = "MULTICAST_HANDLED"] = 201;
        values[valuesById[202] = "DROP_HOST_NOT_READY"] = 202;
        values[valuesById[203] = "DROP_EP_NOT_READY"] = 203;
        values[valuesById[204] = "DROP_NO_EGRESS_IP"] = 204;
        values[valuesById[205] = "DROP_PUNT_PROXY"] = 205;
        return values;
    })();

    flow.TrafficDirection = (function() {
        const valuesById = $Object.create(null), values = $Object.create(valuesById);
        values[valuesById[0] = "TRAFFIC_DIRECTION_UNKNOWN"] = 0;
        values[valuesById[1] = "INGRESS"] = 1;
        values[valuesById[2] = "EGRESS"] = 2;
        return values;
    })();

    flow.DebugCapturePoint = (function() {
        const valuesById = $Object.create(null), values = $Object.create(valuesById);
        values[valuesById[0] = "DBG_CAPTURE_POINT_UNKNOWN"] = 0;
        values[valuesById[4] = "DBG_CAPTURE_DELIVERY"] = 4;
        values[valuesById[5] = "DBG_CAPTURE_FROM_LB"] = 5;
        values[valuesById[6] = "DBG_CAPTURE_AFTER_V46"] = 6;
        values[valuesById[7] = "DBG_CAPTURE_AFTER_V64"] = 7;
        values[valuesById[8] = "DBG_CAPTURE_PROXY_PRE"] = 8;
        values[valuesById[9] = "DBG_CAPTURE_PROXY_POST"] = 9;
        values[valuesById[10] = "DBG_CAPTURE_SNAT_PRE"] = 10;
        values[valuesById[11] = "DBG_CAPTURE_SNAT_POST"] = 11;
        return values;
    })();

    flow.Policy = (function() {

        const Policy = function (properties) {
            this.labels = [];
            if (properties)
                for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                    if (properties[keys[i]] != null && keys[i] !== "__proto__")
                        this[keys[i]] = properties[keys[i]];
        };

        Policy.prototype.name = "";
        Policy.prototype.namespace = "";
        Policy.prototype.labels = $util.emptyArray;
        Policy.prototype.revision = $util.Long ? $util.Long.fromBits(0,0,true) : 0;
        Policy.prototype.kind = "";

        Policy.create = function(properties) {
            return new Policy(properties);
        };

        Policy.encode = function (message, writer, _depth) {
            if (!writer)
                writer = $Writer.create();
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $util.recursionLimit)
                throw $Error("max depth exceeded");
            if (message.name != null && $Object.hasOwnProperty.call(message, "name") && message.name !== "")
                writer.uint32(10).string(message.name);
            if (message.namespace != null && $Object.hasOwnProperty.call(message, "namespace") && message.namespace !== "")
                writer.uint32(18).string(message.namespace);
            if (message.labels != null && message.labels.length)
                for (let i = 0; i < message.labels.length; ++i)
                    writer.uint32(26).string(message.labels[i]);
            if (message.revision != null && $Object.hasOwnProperty.call(message, "revision") && (typeof message.revision === "object" ? message.revision.low || message.revision.high : message.revision !== 0))
                writer.uint32(32).uint64(message.revision);
            if (message.kind != null && $Object.hasOwnProperty.call(message, "kind") && message.kind !== "")
                writer.uint32(42).string(message.kind);
            if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                for (let i = 0; i < message.$unknowns.length; ++i)
                    writer.raw(message.$unknowns[i]);
            return writer;
        };

        Policy.decode = function (reader, length, _end, _depth, _target) {
            if (!(reader instanceof $Reader))
                reader = $Reader.create(reader);
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $Reader.recursionLimit)
                throw $Error("max depth exceeded");
            let end, message, value;
            if (length === $undefined)
                end = reader.len;
            else {
                end = reader.pos + length;
                if (end > reader.len)
                    throw $RangeError("index out of range");
                length = reader.len;
                reader.len = end;
            }
            message = _target || new $root.flow.Policy();
            while (reader.pos < end) {
                let start = reader.pos;
                let tag = reader.tag();
                if (tag === _end) {
                    _end = $undefined;
                    break;
                }
                let wireType = tag & 7;
                switch (tag >>>= 3) {
                case 1: {
                        if (wireType !== 2)
                            break;
                        if ((value = reader.stringVerify()).length)
                            message.name = value;
                        else
                            delete message.name;
                        continue;
                    }
                case 2: {
                        if (wireType !== 2)
                            break;
                        if ((value = reader.stringVerify()).length)
                            message.namespace = value;
                        else
                            delete message.namespace;
                        continue;
                    }
                case 3: {
                        if (wireType !== 2)
                            break;
                        if (!(message.labels && message.labels.length))
                            message.labels = [];
                        message.labels.push(reader.stringVerify());
                        continue;
                    }
                case 4: {
                        if (wireType !== 0)
                            break;
                        if (typeof (value = reader.uint64()) === "object" ? value.low || value.high : value !== 0)
                            message.revision = value;
                        else
                            delete message.revision;
                        continue;
                    }
                case 5: {
                        if (wireType !== 2)
                            break;
                        if ((value = reader.stringVerify()).length)
                            message.kind = value;
                        else
                            delete message.kind;
                        continue;
                    }
                }
                reader.skipType(wireType, _depth, tag);
                if (!reader.discardUnknown) {
                    $util.makeProp(message, "$unknowns", false);
                    (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                }
            }
            if (length !== $undefined) {
                if (reader.pos !== end)
                    throw $RangeError("index out of range");
                reader.len = length;
            }
            if (_end !== $undefined)
                throw $Error("missing end group");
            return message;
        };

        return Policy;
    })();

    flow.EventTypeFilter = (function() {

        const EventTypeFilter = function (properties) {
            if (properties)
                for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                    if (properties[keys[i]] != null && keys[i] !== "__proto__")
                        this[keys[i]] = properties[keys[i]];
        };

        EventTypeFilter.prototype.type = 0;
        EventTypeFilter.prototype.matchSubType = false;
        EventTypeFilter.prototype.subType = 0;

        EventTypeFilter.create = function(properties) {
            return new EventTypeFilter(properties);
        };

        EventTypeFilter.encode = function (message, writer, _depth) {
            if (!writer)
                writer = $Writer.create();
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $util.recursionLimit)
                throw $Error("max depth exceeded");
            if (message.type != null && $Object.hasOwnProperty.call(message, "type") && message.type !== 0)
                writer.uint32(8).int32(message.type);
            if (message.matchSubType != null && $Object.hasOwnProperty.call(message, "matchSubType") && message.matchSubType !== false)
                writer.uint32(16).bool(message.matchSubType);
            if (message.subType != null && $Object.hasOwnProperty.call(message, "subType") && message.subType !== 0)
                writer.uint32(24).int32(message.subType);
            if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                for (let i = 0; i < message.$unknowns.length; ++i)
                    writer.raw(message.$unknowns[i]);
            return writer;
        };

        EventTypeFilter.decode = function (reader, length, _end, _depth, _target) {
            if (!(reader instanceof $Reader))
                reader = $Reader.create(reader);
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $Reader.recursionLimit)
                throw $Error("max depth exceeded");
            let end, message, value;
            if (length === $undefined)
                end = reader.len;
            else {
                end = reader.pos + length;
                if (end > reader.len)
                    throw $RangeError("index out of range");
                length = reader.len;
                reader.len = end;
            }
            message = _target || new $root.flow.EventTypeFilter();
            while (reader.pos < end) {
                let start = reader.pos;
                let tag = reader.tag();
                if (tag === _end) {
                    _end = $undefined;
                    break;
                }
                let wireType = tag & 7;
                switch (tag >>>= 3) {
                case 1: {
                        if (wireType !== 0)
                            break;
                        if (value = reader.int32())
                            message.type = value;
                        else
                            delete message.type;
                        continue;
                    }
                case 2: {
                        if (wireType !== 0)
                            break;
                        if (value = reader.bool())
                            message.matchSubType = value;
                        else
                            delete message.matchSubType;
                        continue;
                    }
                case 3: {
                        if (wireType !== 0)
                            break;
                        if (value = reader.int32())
                            message.subType = value;
                        else
                            delete message.subType;
                        continue;
                    }
                }
                reader.skipType(wireType, _depth, tag);
                if (!reader.discardUnknown) {
                    $util.makeProp(message, "$unknowns", false);
                    (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                }
            }
            if (length !== $undefined) {
                if (reader.pos !== end)
                    throw $RangeError("index out of range");
                reader.len = length;
            }
            if (_end !== $undefined)
                throw $Error("missing end group");
            return message;
        };

        return EventTypeFilter;
    })();

    flow.CiliumEventType = (function() {

        const CiliumEventType = function (properties) {
            if (properties)
                for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                    if (properties[keys[i]] != null && keys[i] !== "__proto__")
                        this[keys[i]] = properties[keys[i]];
        };

        CiliumEventType.prototype.type = 0;
        CiliumEventType.prototype.subType = 0;

        CiliumEventType.create = function(properties) {
            return new CiliumEventType(properties);
        };

        CiliumEventType.encode = function (message, writer, _depth) {
            if (!writer)
                writer = $Writer.create();
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $util.recursionLimit)
                throw $Error("max depth exceeded");
            if (message.type != null && $Object.hasOwnProperty.call(message, "type") && message.type !== 0)
                writer.uint32(8).int32(message.type);
            if (message.subType != null && $Object.hasOwnProperty.call(message, "subType") && message.subType !== 0)
                writer.uint32(16).int32(message.subType);
            if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                for (let i = 0; i < message.$unknowns.length; ++i)
                    writer.raw(message.$unknowns[i]);
            return writer;
        };

        CiliumEventType.decode = function (reader, length, _end, _depth, _target) {
            if (!(reader instanceof $Reader))
                reader = $Reader.create(reader);
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $Reader.recursionLimit)
                throw $Error("max depth exceeded");
            let end, message, value;
            if (length === $undefined)
                end = reader.len;
            else {
                end = reader.pos + length;
                if (end > reader.len)
                    throw $RangeError("index out of range");
                length = reader.len;
                reader.len = end;
            }
            message = _target || new $root.flow.CiliumEventType();
            while (reader.pos < end) {
                let start = reader.pos;
                let tag = reader.tag();
                if (tag === _end) {
                    _end = $undefined;
                    break;
                }
                let wireType = tag & 7;
                switch (tag >>>= 3) {
                case 1: {
                        if (wireType !== 0)
                            break;
                        if (value = reader.int32())
                            message.type = value;
                        else
                            delete message.type;
                        continue;
                    }
                case 2: {
                        if (wireType !== 0)
                            break;
                        if (value = reader.int32())
                            message.subType = value;
                        else
                            delete message.subType;
                        continue;
                    }
                }
                reader.skipType(wireType, _depth, tag);
                if (!reader.discardUnknown) {
                    $util.makeProp(message, "$unknowns", false);
                    (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                }
            }
            if (length !== $undefined) {
                if (reader.pos !== end)
                    throw $RangeError("index out of range");
                reader.len = length;
            }
            if (_end !== $undefined)
                throw $Error("missing end group");
            return message;
        };

        return CiliumEventType;
    })();

    flow.FlowFilter = (function() {

        const FlowFilter = function (properties) {
            this.uuid = [];
            this.sourceIp = [];
            this.sourceIpXlated = [];
            this.sourcePod = [];
            this.sourceFqdn = [];
            this.sourceLabel = [];
            this.sourceService = [];
            this.sourceWorkload = [];
            this.sourceClusterName = [];
            this.destinationIp = [];
            this.destinationPod = [];
            this.destinationFqdn = [];
            this.destinationLabel = [];
            this.destinationService = [];
            this.destinationWorkload = [];
            this.destinationClusterName = [];
            this.trafficDirection = [];
            this.verdict = [];
            this.dropReasonDesc = [];
            this["interface"] = [];
            this.eventType = [];
            this.httpStatusCode = [];
            this.protocol = [];
            this.sourcePort = [];
            this.destinationPort = [];
            this.reply = [];
            this.dnsQuery = [];
            this.sourceIdentity = [];
            this.destinationIdentity = [];
            this.httpMethod = [];
            this.httpPath = [];
            this.httpUrl = [];
            this.httpHeader = [];
            this.tcpFlags = [];
            this.nodeName = [];
            this.nodeLabels = [];
            this.ipVersion = [];
            this.traceId = [];
            this.ipTraceId = [];
            this.encrypted = [];
            if (properties)
                for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                    if (properties[keys[i]] != null && keys[i] !== "__proto__")
                        this[keys[i]] = properties[keys[i]];
        };

        FlowFilter.prototype.uuid = $util.emptyArray;
        FlowFilter.prototype.sourceIp = $util.emptyArray;
        FlowFilter.prototype.sourceIpXlated = $util.emptyArray;
        FlowFilter.prototype.sourcePod = $util.emptyArray;
        FlowFilter.prototype.sourceFqdn = $util.emptyArray;
        FlowFilter.prototype.sourceLabel = $util.emptyArray;
        FlowFilter.prototype.sourceService = $util.emptyArray;
        FlowFilter.prototype.sourceWorkload = $util.emptyArray;
        FlowFilter.prototype.sourceClusterName = $util.emptyArray;
        FlowFilter.prototype.destinationIp = $util.emptyArray;
        FlowFilter.prototype.destinationPod = $util.emptyArray;
        FlowFilter.prototype.destinationFqdn = $util.emptyArray;
        FlowFilter.prototype.destinationLabel = $util.emptyArray;
        FlowFilter.prototype.destinationService = $util.emptyArray;
        FlowFilter.prototype.destinationWorkload = $util.emptyArray;
        FlowFilter.prototype.destinationClusterName = $util.emptyArray;
        FlowFilter.prototype.trafficDirection = $util.emptyArray;
        FlowFilter.prototype.verdict = $util.emptyArray;
        FlowFilter.prototype.dropReasonDesc = $util.emptyArray;
        FlowFilter.prototype["interface"] = $util.emptyArray;
        FlowFilter.prototype.eventType = $util.emptyArray;
        FlowFilter.prototype.httpStatusCode = $util.emptyArray;
        FlowFilter.prototype.protocol = $util.emptyArray;
        FlowFilter.prototype.sourcePort = $util.emptyArray;
        FlowFilter.prototype.destinationPort = $util.emptyArray;
        FlowFilter.prototype.reply = $util.emptyArray;
        FlowFilter.prototype.dnsQuery = $util.emptyArray;
        FlowFilter.prototype.sourceIdentity = $util.emptyArray;
        FlowFilter.prototype.destinationIdentity = $util.emptyArray;
        FlowFilter.prototype.httpMethod = $util.emptyArray;
        FlowFilter.prototype.httpPath = $util.emptyArray;
        FlowFilter.prototype.httpUrl = $util.emptyArray;
        FlowFilter.prototype.httpHeader = $util.emptyArray;
        FlowFilter.prototype.tcpFlags = $util.emptyArray;
        FlowFilter.prototype.nodeName = $util.emptyArray;
        FlowFilter.prototype.nodeLabels = $util.emptyArray;
        FlowFilter.prototype.ipVersion = $util.emptyArray;
        FlowFilter.prototype.traceId = $util.emptyArray;
        FlowFilter.prototype.ipTraceId = $util.emptyArray;
        FlowFilter.prototype.encrypted = $util.emptyArray;
        FlowFilter.prototype.experimental = null;

        FlowFilter.create = function(properties) {
            return new FlowFilter(properties);
        };

        FlowFilter.encode = function (message, writer, _depth) {
            if (!writer)
                writer = $Writer.create();
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $util.recursionLimit)
                throw $Error("max depth exceeded");
            if (message.sourceIp != null && message.sourceIp.length)
                for (let i = 0; i < message.sourceIp.length; ++i)
                    writer.uint32(10).string(message.sourceIp[i]);
            if (message.sourcePod != null && message.sourcePod.length)
                for (let i = 0; i < message.sourcePod.length; ++i)
                    writer.uint32(18).string(message.sourcePod[i]);
            if (message.destinationIp != null && message.destinationIp.length)
                for (let i = 0; i < message.destinationIp.length; ++i)
                    writer.uint32(26).string(message.destinationIp[i]);
            if (message.destinationPod != null && message.destinationPod.length)
                for (let i = 0; i < message.destinationPod.length; ++i)
                    writer.uint32(34).string(message.destinationPod[i]);
            if (message.verdict != null && message.verdict.length)
                writer.uint32(42).int32s(message.verdict);
            if (message.eventType != null && message.eventType.length)
                for (let i = 0; i < message.eventType.length; ++i)
                    $root.flow.EventTypeFilter.encode(message.eventType[i], writer.uint32(50).fork(), _depth + 1).ldelim();
            if (message.sourceFqdn != null && message.sourceFqdn.length)
                for (let i = 0; i < message.sourceFqdn.length; ++i)
                    writer.uint32(58).string(message.sourceFqdn[i]);
            if (message.destinationFqdn != null && message.destinationFqdn.length)
                for (let i = 0; i < message.destinationFqdn.length; ++i)
                    writer.uint32(66).string(message.destinationFqdn[i]);
            if (message.httpStatusCode != null && message.httpStatusCode.length)
                for (let i = 0; i < message.httpStatusCode.length; ++i)
                    writer.uint32(74).string(message.httpStatusCode[i]);
            if (message.sourceLabel != null && message.sourceLabel.length)
                for (let i = 0; i < message.sourceLabel.length; ++i)
                    writer.uint32(82).string(message.sourceLabel[i]);
            if (message.destinationLabel != null && message.destinationLabel.length)
                for (let i = 0; i < message.destinationLabel.length; ++i)
                    writer.uint32(90).string(message.destinationLabel[i]);
            if (message.protocol != null && message.protocol.length)
                for (let i = 0; i < message.protocol.length; ++i)
                    writer.uint32(98).string(message.protocol[i]);
            if (message.sourcePort != null && message.sourcePort.length)
                for (let i = 0; i < message.sourcePort.length; ++i)
                    writer.uint32(106).string(message.sourcePort[i]);
            if (message.destinationPort != null && message.destinationPort.length)
                for (let i = 0; i < message.destinationPort.length; ++i)
                    writer.uint32(114).string(message.destinationPort[i]);
            if (message.reply != null && message.reply.length)
                writer.uint32(122).bools(message.reply);
            if (message.sourceService != null && message.sourceService.length)
                for (let i = 0; i < message.sourceService.length; ++i)
                    writer.uint32(130).string(message.sourceService[i]);
            if (message.destinationService != null && message.destinationService.length)
                for (let i = 0; i < message.destinationService.length; ++i)
                    writer.uint32(138).string(message.destinationService[i]);
            if (message.dnsQuery != null && message.dnsQuery.length)
                for (let i = 0; i < message.dnsQuery.length; ++i)
                    writer.uint32(146).string(message.dnsQuery[i]);
            if (message.sourceIdentity != null && message.sourceIdentity.length)
                writer.uint32(154).uint32s(message.sourceIdentity);
            if (message.destinationIdentity != null && message.destinationIdentity.length)
                writer.uint32(162).uint32s(message.destinationIdentity);
            if (message.httpMethod != null && message.httpMethod.length)
                for (let i = 0; i < message.httpMethod.length; ++i)
                    writer.uint32(170).string(message.httpMethod[i]);
            if (message.httpPath != null && message.httpPath.length)
                for (let i = 0; i < message.httpPath.length; ++i)
                    writer.uint32(178).string(message.httpPath[i]);
            if (message.tcpFlags != null && message.tcpFlags.length)
                for (let i = 0; i < message.tcpFlags.length; ++i)
                    $root.flow.TCPFlags.encode(message.tcpFlags[i], writer.uint32(186).fork(), _depth + 1).ldelim();
            if (message.nodeName != null && message.nodeName.length)
                for (let i = 0; i < message.nodeName.length; ++i)
                    writer.uint32(194).string(message.nodeName[i]);
            if (message.ipVersion != null && message.ipVersion.length)
                writer.uint32(202).int32s(message.ipVersion);
            if (message.sourceWorkload != null && message.sourceWorkload.length)
                for (let i = 0; i < message.sourceWorkload.length; ++i)
                    $root.flow.Workload.encode(message.sourceWorkload[i], writer.uint32(210).fork(), _depth + 1).ldelim();
            if (message.destinationWorkload != null && message.destinationWorkload.length)
                for (let i = 0; i < message.destinationWorkload.length; ++i)
                    $root.flow.Workload.encode(message.destinationWorkload[i], writer.uint32(218).fork(), _depth + 1).ldelim();
            if (message.traceId != null && message.traceId.length)
                for (let i = 0; i < message.traceId.length; ++i)
                    writer.uint32(226).string(message.traceId[i]);
            if (message.uuid != null && message.uuid.length)
                for (let i = 0; i < message.uuid.length; ++i)
                    writer.uint32(234).string(message.uuid[i]);
            if (message.trafficDirection != null && message.trafficDirection.length)
                writer.uint32(242).int32s(message.trafficDirection);
            if (message.httpUrl != null && message.httpUrl.length)
                for (let i = 0; i < message.httpUrl.length; ++i)
                    writer.uint32(250).string(message.httpUrl[i]);
            if (message.httpHeader != null && message.httpHeader.length)
                for (let i = 0; i < message.httpHeader.length; ++i)
                    $root.flow.HTTPHeader.encode(message.httpHeader[i], writer.uint32(258).fork(), _depth + 1).ldelim();
            if (message.dropReasonDesc != null && message.dropReasonDesc.length)
                writer.uint32(266).int32s(message.dropReasonDesc);
            if (message.sourceIpXlated != null && message.sourceIpXlated.length)
                for (let i = 0; i < message.sourceIpXlated.length; ++i)
                    writer.uint32(274).string(message.sourceIpXlated[i]);
            if (message["interface"] != null && message["interface"].length)
                for (let i = 0; i < message["interface"].length; ++i)
                    $root.flow.NetworkInterface.encode(message["interface"][i], writer.uint32(282).fork(), _depth + 1).ldelim();
            if (message.nodeLabels != null && message.nodeLabels.length)
                for (let i = 0; i < message.nodeLabels.length; ++i)
                    writer.uint32(290).string(message.nodeLabels[i]);
            if (message.sourceClusterName != null && message.sourceClusterName.length)
                for (let i = 0; i < message.sourceClusterName.length; ++i)
                    writer.uint32(298).string(message.sourceClusterName[i]);
            if (message.destinationClusterName != null && message.destinationClusterName.length)
                for (let i = 0; i < message.destinationClusterName.length; ++i)
                    writer.uint32(306).string(message.destinationClusterName[i]);
            if (message.ipTraceId != null && message.ipTraceId.length)
                writer.uint32(314).uint64s(message.ipTraceId);
            if (message.encrypted != null && message.encrypted.length)
                writer.uint32(322).bools(message.encrypted);
            if (message.experimental != null && $Object.hasOwnProperty.call(message, "experimental"))
                $root.flow.FlowFilter.Experimental.encode(message.experimental, writer.uint32(7994).fork(), _depth + 1).ldelim();
            if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                for (let i = 0; i < message.$unknowns.length; ++i)
                    writer.raw(message.$unknowns[i]);
            return writer;
        };

        FlowFilter.decode = function (reader, length, _end, _depth, _target) {
            if (!(reader instanceof $Reader))
                reader = $Reader.create(reader);
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $Reader.recursionLimit)
                throw $Error("max depth exceeded");
            let end, message, value;
            if (length === $undefined)
                end = reader.len;
            else {
                end = reader.pos + length;
                if (end > reader.len)
                    throw $RangeError("index out of range");
                length = reader.len;
                reader.len = end;
            }
            message = _target || new $root.flow.FlowFilter();
            while (reader.pos < end) {
                let start = reader.pos;
                let tag = reader.tag();
                if (tag === _end) {
                    _end = $undefined;
                    break;
                }
                let wireType = tag & 7;
                switch (tag >>>= 3) {
                case 29: {
                        if (wireType !== 2)
                            break;
                        if (!(message.uuid && message.uuid.length))
                            message.uuid = [];
                        message.uuid.push(reader.stringVerify());
                        continue;
                    }
                case 1: {
                        if (wireType !== 2)
                            break;
                        if (!(message.sourceIp && message.sourceIp.length))
                            message.sourceIp = [];
                        message.sourceIp.push(reader.stringVerify());
                        continue;
                    }
                case 34: {
                        if (wireType !== 2)
                            break;
                        if (!(message.sourceIpXlated && message.sourceIpXlated.length))
                            message.sourceIpXlated = [];
                        message.sourceIpXlated.push(reader.stringVerify());
                        continue;
                    }
                case 2: {
                        if (wireType !== 2)
                            break;
                        if (!(message.sourcePod && message.sourcePod.length))
                            message.sourcePod = [];
                        message.sourcePod.push(reader.stringVerify());
                        continue;
                    }
                case 7: {
                        if (wireType !== 2)
                            break;
                        if (!(message.sourceFqdn && message.sourceFqdn.length))
                            message.sourceFqdn = [];
                        message.sourceFqdn.push(reader.stringVerify());
                        continue;
                    }
                case 10: {
                        if (wireType !== 2)
                            break;
                        if (!(message.sourceLabel && message.sourceLabel.length))
                            message.sourceLabel = [];
                        message.sourceLabel.push(reader.stringVerify());
                        continue;
                    }
                case 16: {
                        if (wireType !== 2)
                            break;
                        if (!(message.sourceService && message.sourceService.length))
                            message.sourceService = [];
                        message.sourceService.push(reader.stringVerify());
                        continue;
                    }
                case 26: {
                        if (wireType !== 2)
                            break;
                        if (!(message.sourceWorkload && message.sourceWorkload.length))
                            message.sourceWorkload = [];
                        message.sourceWorkload.push($root.flow.Workload.decode(reader, reader.size(), $undefined, _depth + 1));
                        continue;
                    }
                case 37: {
                        if (wireType !== 2)
                            break;
                        if (!(message.sourceClusterName && message.sourceClusterName.length))
                            message.sourceClusterName = [];
                        message.sourceClusterName.push(reader.stringVerify());
                        continue;
                    }
                case 3: {
                        if (wireType !== 2)
                            break;
                        if (!(message.destinationIp && message.destinationIp.length))
                            message.destinationIp = [];
                        message.destinationIp.push(reader.stringVerify());
                        continue;
                    }
                case 4: {
                        if (wireType !== 2)
                            break;
                        if (!(message.destinationPod && message.destinationPod.length))
                            message.destinationPod = [];
                        message.destinationPod.push(reader.stringVerify());
                        continue;
                    }
                case 8: {
                        if (wireType !== 2)
                            break;
                        if (!(message.destinationFqdn && message.destinationFqdn.length))
                            message.destinationFqdn = [];
                        message.destinationFqdn.push(reader.stringVerify());
                        continue;
                    }
                case 11: {
                        if (wireType !== 2)
                            break;
                        if (!(message.destinationLabel && message.destinationLabel.length))
                            message.destinationLabel = [];
                        message.destinationLabel.push(reader.stringVerify());
                        continue;
                    }
                case 17: {
                        if (wireType !== 2)
                            break;
                        if (!(message.destinationService && message.destinationService.length))
                            message.destinationService = [];
                        message.destinationService.push(reader.stringVerify());
                        continue;
                    }
                case 27: {
                        if (wireType !== 2)
                            break;
                        if (!(message.destinationWorkload && message.destinationWorkload.length))
                            message.destinationWorkload = [];
                        message.destinationWorkload.push($root.flow.Workload.decode(reader, reader.size(), $undefined, _depth + 1));
                        continue;
                    }
                case 38: {
                        if (wireType !== 2)
                            break;
                        if (!(message.destinationClusterName && message.destinationClusterName.length))
                            message.destinationClusterName = [];
                        message.destinationClusterName.push(reader.stringVerify());
                        continue;
                    }
                case 30: {
                        if (wireType === 2) {
                            if (!(message.trafficDirection && message.trafficDirection.length))
                                message.trafficDirection = [];
                            reader.int32s(message.trafficDirection);
                            continue;
                        }
                        if (wireType !== 0)
                            break;
                        if (!(message.trafficDirection && message.trafficDirection.length))
                            message.trafficDirection = [];
                        message.trafficDirection.push(reader.int32());
                        continue;
                    }
                case 5: {
                        if (wireType === 2) {
                            if (!(message.verdict && message.verdict.length))
                                message.verdict = [];
                            reader.int32s(message.verdict);
                            continue;
                        }
                        if (wireType !== 0)
                            break;
                        if (!(message.verdict && message.verdict.length))
                            message.verdict = [];
                        message.verdict.push(reader.int32());
                        continue;
                    }
                case 33: {
                        if (wireType === 2) {
                            if (!(message.dropReasonDesc && message.dropReasonDesc.length))
                                message.dropReasonDesc = [];
                            reader.int32s(message.dropReasonDesc);
                            continue;
                        }
                        if (wireType !== 0)
                            break;
                        if (!(message.dropReasonDesc && message.dropReasonDesc.length))
                            message.dropReasonDesc = [];
                        message.dropReasonDesc.push(reader.int32());
                        continue;
                    }
                case 35: {
                        if (wireType !== 2)
                            break;
                        if (!(message["interface"] && message["interface"].length))
                            message["interface"] = [];
                        message["interface"].push($root.flow.NetworkInterface.decode(reader, reader.size(), $undefined, _depth + 1));
                        continue;
                    }
                case 6: {
                        if (wireType !== 2)
                            break;
                        if (!(message.eventType && message.eventType.length))
                            message.eventType = [];
                        message.eventType.push($root.flow.EventTypeFilter.decode(reader, reader.size(), $undefined, _depth + 1));
                        continue;
                    }
                case 9: {
                        if (wireType !== 2)
                            break;
                        if (!(message.httpStatusCode && message.httpStatusCode.length))
                            message.httpStatusCode = [];
                        message.httpStatusCode.push(reader.stringVerify());
                        continue;
                    }
                case 12: {
                        if (wireType !== 2)
                            break;
                        if (!(message.protocol && message.protocol.length))
                            message.protocol = [];
                        message.protocol.push(reader.stringVerify());
                        continue;
                    }
                case 13: {
                        if (wireType !== 2)
                            break;
                        if (!(message.sourcePort && message.sourcePort.length))
                            message.sourcePort = [];
                        message.sourcePort.push(reader.stringVerify());
                        continue;
                    }
                case 14: {
                        if (wireType !== 2)
                            break;
                        if (!(message.destinationPort && message.destinationPort.length))
                            message.destinationPort = [];
                        message.destinationPort.push(reader.stringVerify());
                        continue;
                    }
                case 15: {
                        if (wireType === 2) {
                            if (!(message.reply && message.reply.length))
                                message.reply = [];
                            reader.bools(message.reply);
                            continue;
                        }
                        if (wireType !== 0)
                            break;
                        if (!(message.reply && message.reply.length))
                            message.reply = [];
                        message.reply.push(reader.bool());
                        continue;
                    }
                case 18: {
                        if (wireType !== 2)
                            break;
                        if (!(message.dnsQuery && message.dnsQuery.length))
                            message.dnsQuery = [];
                        message.dnsQuery.push(reader.stringVerify());
                        continue;
                    }
                case 19: {
                        if (wireType === 2) {
                            if (!(message.sourceIdentity && message.sourceIdentity.length))
                                message.sourceIdentity = [];
                            reader.uint32s(message.sourceIdentity);
                            continue;
                        }
                        if (wireType !== 0)
                            break;
                        if (!(message.sourceIdentity && message.sourceIdentity.length))
                            message.sourceIdentity = [];
                        message.sourceIdentity.push(reader.uint32());
                        continue;
                    }
                case 20: {
                        if (wireType === 2) {
                            if (!(message.destinationIdentity && message.destinationIdentity.length))
                                message.destinationIdentity = [];
                            reader.uint32s(message.destinationIdentity);
                            continue;
                        }
                        if (wireType !== 0)
                            break;
                        if (!(message.destinationIdentity && message.destinationIdentity.length))
                            message.destinationIdentity = [];
                        message.destinationIdentity.push(reader.uint32());
                        continue;
                    }
                case 21: {
                        if (wireType !== 2)
                            break;
                        if (!(message.httpMethod && message.httpMethod.length))
                            message.httpMethod = [];
                        message.httpMethod.push(reader.stringVerify());
                        continue;
                    }
                case 22: {
                        if (wireType !== 2)
                            break;
                        if (!(message.httpPath && message.httpPath.length))
                            message.httpPath = [];
                        message.httpPath.push(reader.stringVerify());
                        continue;
                    }
                case 31: {
                        if (wireType !== 2)
                            break;
                        if (!(message.httpUrl && message.httpUrl.length))
                            message.httpUrl = [];
                        message.httpUrl.push(reader.stringVerify());
                        continue;
                    }
                case 32: {
                        if (wireType !== 2)
                            break;
                        if (!(message.httpHeader && message.httpHeader.length))
                            message.httpHeader = [];
                        message.httpHeader.push($root.flow.HTTPHeader.decode(reader, reader.size(), $undefined, _depth + 1));
                        continue;
                    }
                case 23: {
                        if (wireType !== 2)
                            break;
                        if (!(message.tcpFlags && message.tcpFlags.length))
                            message.tcpFlags = [];
                        message.tcpFlags.push($root.flow.TCPFlags.decode(reader, reader.size(), $undefined, _depth + 1));
                        continue;
                    }
                case 24: {
                        if (wireType !== 2)
                            break;
                        if (!(message.nodeName && message.nodeName.length))
                            message.nodeName = [];
                        message.nodeName.push(reader.stringVerify());
                        continue;
                    }
                case 36: {
                        if (wireType !== 2)
                            break;
                        if (!(message.nodeLabels && message.nodeLabels.length))
                            message.nodeLabels = [];
                        message.nodeLabels.push(reader.stringVerify());
                        continue;
                    }
                case 25: {
                        if (wireType === 2) {
                            if (!(message.ipVersion && message.ipVersion.length))
                                message.ipVersion = [];
                            reader.int32s(message.ipVersion);
                            continue;
                        }
                        if (wireType !== 0)
                            break;
                        if (!(message.ipVersion && message.ipVersion.length))
                            message.ipVersion = [];
                        message.ipVersion.push(reader.int32());
                        continue;
                    }
                case 28: {
                        if (wireType !== 2)
                            break;
                        if (!(message.traceId && message.traceId.length))
                            message.traceId = [];
                        message.traceId.push(reader.stringVerify());
                        continue;
                    }
                case 39: {
                        if (wireType === 2) {
                            if (!(message.ipTraceId && message.ipTraceId.length))
                                message.ipTraceId = [];
                            reader.uint64s(message.ipTraceId);
                            continue;
                        }
                        if (wireType !== 0)
                            break;
                        if (!(message.ipTraceId && message.ipTraceId.length))
                            message.ipTraceId = [];
                        message.ipTraceId.push(reader.uint64());
                        continue;
                    }
                case 40: {
                        if (wireType === 2) {
                            if (!(message.encrypted && message.encrypted.length))
                                message.encrypted = [];
                            reader.bools(message.encrypted);
                            continue;
                        }
                        if (wireType !== 0)
                            break;
                        if (!(message.encrypted && message.encrypted.length))
                            message.encrypted = [];
                        message.encrypted.push(reader.bool());
                        continue;
                    }
                case 999: {
                        if (wireType !== 2)
                            break;
                        message.experimental = $root.flow.FlowFilter.Experimental.decode(reader, reader.size(), $undefined, _depth + 1, message.experimental);
                        continue;
                    }
                }
                reader.skipType(wireType, _depth, tag);
                if (!reader.discardUnknown) {
                    $util.makeProp(message, "$unknowns", false);
                    (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                }
            }
            if (length !== $undefined) {
                if (reader.pos !== end)
                    throw $RangeError("index out of range");
                reader.len = length;
            }
            if (_end !== $undefined)
                throw $Error("missing end group");
            return message;
        };

        FlowFilter.Experimental = (function() {

            const Experimental = function (properties) {
                this.celExpression = [];
                if (properties)
                    for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            };

            Experimental.prototype.celExpression = $util.emptyArray;

            Experimental.create = function(properties) {
                return new Experimental(properties);
            };

            Experimental.encode = function (message, writer, _depth) {
                if (!writer)
                    writer = $Writer.create();
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (message.celExpression != null && message.celExpression.length)
                    for (let i = 0; i < message.celExpression.length; ++i)
                        writer.uint32(10).string(message.celExpression[i]);
                if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                    for (let i = 0; i < message.$unknowns.length; ++i)
                        writer.raw(message.$unknowns[i]);
                return writer;
            };

            Experimental.decode = function (reader, length, _end, _depth, _target) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                let end, message;
                if (length === $undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw $RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = _target || new $root.flow.FlowFilter.Experimental();
                while (reader.pos < end) {
                    let start = reader.pos;
                    let tag = reader.tag();
                    if (tag === _end) {
                        _end = $undefined;
                        break;
                    }
                    let wireType = tag & 7;
                    switch (tag >>>= 3) {
                    case 1: {
                            if (wireType !== 2)
                                break;
                            if (!(message.celExpression && message.celExpression.length))
                                message.celExpression = [];
                            message.celExpression.push(reader.stringVerify());
                            continue;
                        }
                    }
                    reader.skipType(wireType, _depth, tag);
                    if (!reader.discardUnknown) {
                        $util.makeProp(message, "$unknowns", false);
                        (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                    }
                }
                if (length !== $undefined) {
                    if (reader.pos !== end)
                        throw $RangeError("index out of range");
                    reader.len = length;
                }
                if (_end !== $undefined)
                    throw $Error("missing end group");
                return message;
            };

            return Experimental;
        })();

        return FlowFilter;
    })();

    flow.EventType = (function() {
        const valuesById = $Object.create(null), values = $Object.create(valuesById);
        values[valuesById[0] = "UNKNOWN"] = 0;
        values[valuesById[9] = "EventSample"] = 9;
        values[valuesById[2] = "RecordLost"] = 2;
        return values;
    })();

    flow.DNS = (function() {

        const DNS = function (properties) {
            this.ips = [];
            this.cnames = [];
            this.qtypes = [];
            this.rrtypes = [];
            if (properties)
                for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                    if (properties[keys[i]] != null && keys[i] !== "__proto__")
                        this[keys[i]] = properties[keys[i]];
        };

        DNS.prototype.query = "";
        DNS.prototype.ips = $util.emptyArray;
        DNS.prototype.ttl = 0;
        DNS.prototype.cnames = $util.emptyArray;
        DNS.prototype.observationSource = "";
        DNS.prototype.rcode = 0;
        DNS.prototype.qtypes = $util.emptyArray;
        DNS.prototype.rrtypes = $util.emptyArray;

        DNS.create = function(properties) {
            return new DNS(properties);
        };

        DNS.encode = function (message, writer, _depth) {
            if (!writer)
                writer = $Writer.create();
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $util.recursionLimit)
                throw $Error("max depth exceeded");
            if (message.query != null && $Object.hasOwnProperty.call(message, "query") && message.query !== "")
                writer.uint32(10).string(message.query);
            if (message.ips != null && message.ips.length)
                for (let i = 0; i < message.ips.length; ++i)
                    writer.uint32(18).string(message.ips[i]);
            if (message.ttl != null && $Object.hasOwnProperty.call(message, "ttl") && message.ttl !== 0)
                writer.uint32(24).uint32(message.ttl);
            if (message.cnames != null && message.cnames.length)
                for (let i = 0; i < message.cnames.length; ++i)
                    writer.uint32(34).string(message.cnames[i]);
            if (message.observationSource != null && $Object.hasOwnProperty.call(message, "observationSource") && message.observationSource !== "")
                writer.uint32(42).string(message.observationSource);
            if (message.rcode != null && $Object.hasOwnProperty.call(message, "rcode") && message.rcode !== 0)
                writer.uint32(48).uint32(message.rcode);
            if (message.qtypes != null && message.qtypes.length)
                for (let i = 0; i < message.qtypes.length; ++i)
                    writer.uint32(58).string(message.qtypes[i]);
            if (message.rrtypes != null && message.rrtypes.length)
                for (let i = 0; i < message.rrtypes.length; ++i)
                    writer.uint32(66).string(message.rrtypes[i]);
            if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                for (let i = 0; i < message.$unknowns.length; ++i)
                    writer.raw(message.$unknowns[i]);
            return writer;
        };

        DNS.decode = function (reader, length, _end, _depth, _target) {
            if (!(reader instanceof $Reader))
                reader = $Reader.create(reader);
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $Reader.recursionLimit)
                throw $Error("max depth exceeded");
            let end, message, value;
            if (length === $undefined)
                end = reader.len;
            else {
                end = reader.pos + length;
                if (end > reader.len)
                    throw $RangeError("index out of range");
                length = reader.len;
                reader.len = end;
            }
            message = _target || new $root.flow.DNS();
            while (reader.pos < end) {
                let start = reader.pos;
                let tag = reader.tag();
                if (tag === _end) {
                    _end = $undefined;
                    break;
                }
                let wireType = tag & 7;
                switch (tag >>>= 3) {
                case 1: {
                        if (wireType !== 2)
                            break;
                        if ((value = reader.stringVerify()).length)
                            message.query = value;
                        else
                            delete message.query;
                        continue;
                    }
                case 2: {
                        if (wireType !== 2)
                            break;
                        if (!(message.ips && message.ips.length))
                            message.ips = [];
                        message.ips.push(reader.stringVerify());
                        continue;
                    }
                case 3: {
                        if (wireType !== 0)
                            break;
                        if (value = reader.uint32())
                            message.ttl = value;
                        else
                            delete message.ttl;
                        continue;
                    }
                case 4: {
                        if (wireType !== 2)
                            break;
                        if (!(message.cnames && message.cnames.length))
                            message.cnames = [];
                        message.cnames.push(reader.stringVerify());
                        continue;
                    }
                case 5: {
                        if (wireType !== 2)
                            break;
                        if ((value = reader.stringVerify()).length)
                            message.observationSource = value;
                        else
                            delete message.observationSource;
                        continue;
                    }
                case 6: {
                        if (wireType !== 0)
                            break;
                        if (value = reader.uint32())
                            message.rcode = value;
                        else
                            delete message.rcode;
                        continue;
                    }
                case 7: {
                        if (wireType !== 2)
                            break;
                        if (!(message.qtypes && message.qtypes.length))
                            message.qtypes = [];
                        message.qtypes.push(reader.stringVerify());
                        continue;
                    }
                case 8: {
                        if (wireType !== 2)
                            break;
                        if (!(message.rrtypes && message.rrtypes.length))
                            message.rrtypes = [];
                        message.rrtypes.push(reader.stringVerify());
                        continue;
                    }
                }
                reader.skipType(wireType, _depth, tag);
                if (!reader.discardUnknown) {
                    $util.makeProp(message, "$unknowns", false);
                    (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                }
            }
            if (length !== $undefined) {
                if (reader.pos !== end)
                    throw $RangeError("index out of range");
                reader.len = length;
            }
            if (_end !== $undefined)
                throw $Error("missing end group");
            return message;
        };

        return DNS;
    })();

    flow.HTTPHeader = (function() {

        const HTTPHeader = function (properties) {
            if (properties)
                for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                    if (properties[keys[i]] != null && keys[i] !== "__proto__")
                        this[keys[i]] = properties[keys[i]];
        };

        HTTPHeader.prototype.key = "";
        HTTPHeader.prototype.value = "";

        HTTPHeader.create = function(properties) {
            return new HTTPHeader(properties);
        };

        HTTPHeader.encode = function (message, writer, _depth) {
            if (!writer)
                writer = $Writer.create();
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $util.recursionLimit)
                throw $Error("max depth exceeded");
            if (message.key != null && $Object.hasOwnProperty.call(message, "key") && message.key !== "")
                writer.uint32(10).string(message.key);
            if (message.value != null && $Object.hasOwnProperty.call(message, "value") && message.value !== "")
                writer.uint32(18).string(message.value);
            if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                for (let i = 0; i < message.$unknowns.length; ++i)
                    writer.raw(message.$unknowns[i]);
            return writer;
        };

        HTTPHeader.decode = function (reader, length, _end, _depth, _target) {
            if (!(reader instanceof $Reader))
                reader = $Reader.create(reader);
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $Reader.recursionLimit)
                throw $Error("max depth exceeded");
            let end, message, value;
            if (length === $undefined)
                end = reader.len;
            else {
                end = reader.pos + length;
                if (end > reader.len)
                    throw $RangeError("index out of range");
                length = reader.len;
                reader.len = end;
            }
            message = _target || new $root.flow.HTTPHeader();
            while (reader.pos < end) {
                let start = reader.pos;
                let tag = reader.tag();
                if (tag === _end) {
                    _end = $undefined;
                    break;
                }
                let wireType = tag & 7;
                switch (tag >>>= 3) {
                case 1: {
                        if (wireType !== 2)
                            break;
                        if ((value = reader.stringVerify()).length)
                            message.key = value;
                        else
                            delete message.key;
                        continue;
                    }
                case 2: {
                        if (wireType !== 2)
                            break;
                        if ((value = reader.stringVerify()).length)
                            message.value = value;
                        else
                            delete message.value;
                        continue;
                    }
                }
                reader.skipType(wireType, _depth, tag);
                if (!reader.discardUnknown) {
                    $util.makeProp(message, "$unknowns", false);
                    (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                }
            }
            if (length !== $undefined) {
                if (reader.pos !== end)
                    throw $RangeError("index out of range");
                reader.len = length;
            }
            if (_end !== $undefined)
                throw $Error("missing end group");
            return message;
        };

        return HTTPHeader;
    })();

    flow.HTTP = (function() {

        const HTTP = function (properties) {
            this.headers = [];
            if (properties)
                for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                    if (properties[keys[i]] != null && keys[i] !== "__proto__")
                        this[keys[i]] = properties[keys[i]];
        };

        HTTP.prototype.code = 0;
        HTTP.prototype.method = "";
        HTTP.prototype.url = "";
        HTTP.prototype.protocol = "";
        HTTP.prototype.headers = $util.emptyArray;

        HTTP.create = function(properties) {
            return new HTTP(properties);
        };

        HTTP.encode = function (message, writer, _depth) {
            if (!writer)
                writer = $Writer.create();
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $util.recursionLimit)
                throw $Error("max depth exceeded");
            if (message.code != null && $Object.hasOwnProperty.call(message, "code") && message.code !== 0)
                writer.uint32(8).uint32(message.code);
            if (message.method != null && $Object.hasOwnProperty.call(message, "method") && message.method !== "")
                writer.uint32(18).string(message.method);
            if (message.url != null && $Object.hasOwnProperty.call(message, "url") && message.url !== "")
                writer.uint32(26).string(message.url);
            if (message.protocol != null && $Object.hasOwnProperty.call(message, "protocol") && message.protocol !== "")
                writer.uint32(34).string(message.protocol);
            if (message.headers != null && message.headers.length)
                for (let i = 0; i < message.headers.length; ++i)
                    $root.flow.HTTPHeader.encode(message.headers[i], writer.uint32(42).fork(), _depth + 1).ldelim();
            if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                for (let i = 0; i < message.$unknowns.length; ++i)
                    writer.raw(message.$unknowns[i]);
            return writer;
        };

        HTTP.decode = function (reader, length, _end, _depth, _target) {
            if (!(reader instanceof $Reader))
                reader = $Reader.create(reader);
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $Reader.recursionLimit)
                throw $Error("max depth exceeded");
            let end, message, value;
            if (length === $undefined)
                end = reader.len;
            else {
                end = reader.pos + length;
                if (end > reader.len)
                    throw $RangeError("index out of range");
                length = reader.len;
                reader.len = end;
            }
            message = _target || new $root.flow.HTTP();
            while (reader.pos < end) {
                let start = reader.pos;
                let tag = reader.tag();
                if (tag === _end) {
                    _end = $undefined;
                    break;
                }
                let wireType = tag & 7;
                switch (tag >>>= 3) {
                case 1: {
                        if (wireType !== 0)
                            break;
                        if (value = reader.uint32())
                            message.code = value;
                        else
                            delete message.code;
                        continue;
                    }
                case 2: {
                        if (wireType !== 2)
                            break;
                        if ((value = reader.stringVerify()).length)
                            message.method = value;
                        else
                            delete message.method;
                        continue;
                    }
                case 3: {
                        if (wireType !== 2)
                            break;
                        if ((value = reader.stringVerify()).length)
                            message.url = value;
                        else
                            delete message.url;
                        continue;
                    }
                case 4: {
                        if (wireType !== 2)
                            break;
                        if ((value = reader.stringVerify()).length)
                            message.protocol = value;
                        else
                            delete message.protocol;
                        continue;
                    }
                case 5: {
                        if (wireType !== 2)
                            break;
                        if (!(message.headers && message.headers.length))
                            message.headers = [];
                        message.headers.push($root.flow.HTTPHeader.decode(reader, reader.size(), $undefined, _depth + 1));
                        continue;
                    }
                }
                reader.skipType(wireType, _depth, tag);
                if (!reader.discardUnknown) {
                    $util.makeProp(message, "$unknowns", false);
                    (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                }
            }
            if (length !== $undefined) {
                if (reader.pos !== end)
                    throw $RangeError("index out of range");
                reader.len = length;
            }
            if (_end !== $undefined)
                throw $Error("missing end group");
            return message;
        };

        return HTTP;
    })();

    flow.Kafka = (function() {

        const Kafka = function (properties) {
            if (properties)
                for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                    if (properties[keys[i]] != null && keys[i] !== "__proto__")
                        this[keys[i]] = properties[keys[i]];
        };

        Kafka.prototype.errorCode = 0;
        Kafka.prototype.apiVersion = 0;
        Kafka.prototype.apiKey = "";
        Kafka.prototype.correlationId = 0;
        Kafka.prototype.topic = "";

        Kafka.create = function(properties) {
            return new Kafka(properties);
        };

        Kafka.encode = function (message, writer, _depth) {
            if (!writer)
                writer = $Writer.create();
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $util.recursionLimit)
                throw $Error("max depth exceeded");
            if (message.errorCode != null && $Object.hasOwnProperty.call(message, "errorCode") && message.errorCode !== 0)
                writer.uint32(8).int32(message.errorCode);
            if (message.apiVersion != null && $Object.hasOwnProperty.call(message, "apiVersion") && message.apiVersion !== 0)
                writer.uint32(16).int32(message.apiVersion);
            if (message.apiKey != null && $Object.hasOwnProperty.call(message, "apiKey") && message.apiKey !== "")
                writer.uint32(26).string(message.apiKey);
            if (message.correlationId != null && $Object.hasOwnProperty.call(message, "correlationId") && message.correlationId !== 0)
                writer.uint32(32).int32(message.correlationId);
            if (message.topic != null && $Object.hasOwnProperty.call(message, "topic") && message.topic !== "")
                writer.uint32(42).string(message.topic);
            if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                for (let i = 0; i < message.$unknowns.length; ++i)
                    writer.raw(message.$unknowns[i]);
            return writer;
        };

        Kafka.decode = function (reader, length, _end, _depth, _target) {
            if (!(reader instanceof $Reader))
                reader = $Reader.create(reader);
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $Reader.recursionLimit)
                throw $Error("max depth exceeded");
            let end, message, value;
            if (length === $undefined)
                end = reader.len;
            else {
                end = reader.pos + length;
                if (end > reader.len)
                    throw $RangeError("index out of range");
                length = reader.len;
                reader.len = end;
            }
            message = _target || new $root.flow.Kafka();
            while (reader.pos < end) {
                let start = reader.pos;
                let tag = reader.tag();
                if (tag === _end) {
                    _end = $undefined;
                    break;
                }
                let wireType = tag & 7;
                switch (tag >>>= 3) {
                case 1: {
                        if (wireType !== 0)
                            break;
                        if (value = reader.int32())
                            message.errorCode = value;
                        else
                            delete message.errorCode;
                        continue;
                    }
                case 2: {
                        if (wireType !== 0)
                            break;
                        if (value = reader.int32())
                            message.apiVersion = value;
                        else
                            delete message.apiVersion;
                        continue;
                    }
                case 3: {
                        if (wireType !== 2)
                            break;
                        if ((value = reader.stringVerify()).length)
                            message.apiKey = value;
                        else
                            delete message.apiKey;
                        continue;
                    }
                case 4: {
                        if (wireType !== 0)
                            break;
                        if (value = reader.int32())
                            message.correlationId = value;
                        else
                            delete message.correlationId;
                        continue;
                    }
                case 5: {
                        if (wireType !== 2)
                            break;
                        if ((value = reader.stringVerify()).length)
                            message.topic = value;
                        else
                            delete message.topic;
                        continue;
                    }
                }
                reader.skipType(wireType, _depth, tag);
                if (!reader.discardUnknown) {
                    $util.makeProp(message, "$unknowns", false);
                    (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                }
            }
            if (length !== $undefined) {
                if (reader.pos !== end)
                    throw $RangeError("index out of range");
                reader.len = length;
            }
            if (_end !== $undefined)
                throw $Error("missing end group");
            return message;
        };

        return Kafka;
    })();

    flow.Service = (function() {

        const Service = function (properties) {
            if (properties)
                for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                    if (properties[keys[i]] != null && keys[i] !== "__proto__")
                        this[keys[i]] = properties[keys[i]];
        };

        Service.prototype.name = "";
        Service.prototype.namespace = "";

        Service.create = function(properties) {
            return new Service(properties);
        };

        Service.encode = function (message, writer, _depth) {
            if (!writer)
                writer = $Writer.create();
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $util.recursionLimit)
                throw $Error("max depth exceeded");
            if (message.name != null && $Object.hasOwnProperty.call(message, "name") && message.name !== "")
                writer.uint32(10).string(message.name);
            if (message.namespace != null && $Object.hasOwnProperty.call(message, "namespace") && message.namespace !== "")
                writer.uint32(18).string(message.namespace);
            if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                for (let i = 0; i < message.$unknowns.length; ++i)
                    writer.raw(message.$unknowns[i]);
            return writer;
        };

        Service.decode = function (reader, length, _end, _depth, _target) {
            if (!(reader instanceof $Reader))
                reader = $Reader.create(reader);
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $Reader.recursionLimit)
                throw $Error("max depth exceeded");
            let end, message, value;
            if (length === $undefined)
                end = reader.len;
            else {
                end = reader.pos + length;
                if (end > reader.len)
                    throw $RangeError("index out of range");
                length = reader.len;
                reader.len = end;
            }
            message = _target || new $root.flow.Service();
            while (reader.pos < end) {
                let start = reader.pos;
                let tag = reader.tag();
                if (tag === _end) {
                    _end = $undefined;
                    break;
                }
                let wireType = tag & 7;
                switch (tag >>>= 3) {
                case 1: {
                        if (wireType !== 2)
                            break;
                        if ((value = reader.stringVerify()).length)
                            message.name = value;
                        else
                            delete message.name;
                        continue;
                    }
                case 2: {
                        if (wireType !== 2)
                            break;
                        if ((value = reader.stringVerify()).length)
                            message.namespace = value;
                        else
                            delete message.namespace;
                        continue;
                    }
                }
                reader.skipType(wireType, _depth, tag);
                if (!reader.discardUnknown) {
                    $util.makeProp(message, "$unknowns", false);
                    (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                }
            }
            if (length !== $undefined) {
                if (reader.pos !== end)
                    throw $RangeError("index out of range");
                reader.len = length;
            }
            if (_end !== $undefined)
                throw $Error("missing end group");
            return message;
        };

        return Service;
    })();

    flow.IPTraceID = (function() {

        const IPTraceID = function (properties) {
            if (properties)
                for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                    if (properties[keys[i]] != null && keys[i] !== "__proto__")
                        this[keys[i]] = properties[keys[i]];
        };

        IPTraceID.prototype.traceId = $util.Long ? $util.Long.fromBits(0,0,true) : 0;
        IPTraceID.prototype.ipOptionType = 0;

        IPTraceID.create = function(properties) {
            return new IPTraceID(properties);
        };

        IPTraceID.encode = function (message, writer, _depth) {
            if (!writer)
                writer = $Writer.create();
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $util.recursionLimit)
                throw $Error("max depth exceeded");
            if (message.traceId != null && $Object.hasOwnProperty.call(message, "traceId") && (typeof message.traceId === "object" ? message.traceId.low || message.traceId.high : message.traceId !== 0))
                writer.uint32(8).uint64(message.traceId);
            if (message.ipOptionType != null && $Object.hasOwnProperty.call(message, "ipOptionType") && message.ipOptionType !== 0)
                writer.uint32(16).uint32(message.ipOptionType);
            if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                for (let i = 0; i < message.$unknowns.length; ++i)
                    writer.raw(message.$unknowns[i]);
            return writer;
        };

        IPTraceID.decode = function (reader, length, _end, _depth, _target) {
            if (!(reader instanceof $Reader))
                reader = $Reader.create(reader);
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $Reader.recursionLimit)
                throw $Error("max depth exceeded");
            let end, message, value;
            if (length === $undefined)
                end = reader.len;
            else {
                end = reader.pos + length;
                if (end > reader.len)
                    throw $RangeError("index out of range");
                length = reader.len;
                reader.len = end;
            }
            message = _target || new $root.flow.IPTraceID();
            while (reader.pos < end) {
                let start = reader.pos;
                let tag = reader.tag();
                if (tag === _end) {
                    _end = $undefined;
                    break;
                }
                let wireType = tag & 7;
                switch (tag >>>= 3) {
                case 1: {
                        if (wireType !== 0)
                            break;
                        if (typeof (value = reader.uint64()) === "object" ? value.low || value.high : value !== 0)
                            message.traceId = value;
                        else
                            delete message.traceId;
                        continue;
                    }
                case 2: {
                        if (wireType !== 0)
                            break;
                        if (value = reader.uint32())
                            message.ipOptionType = value;
                        else
                            delete message.ipOptionType;
                        continue;
                    }
                }
                reader.skipType(wireType, _depth, tag);
                if (!reader.discardUnknown) {
                    $util.makeProp(message, "$unknowns", false);
                    (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                }
            }
            if (length !== $undefined) {
                if (reader.pos !== end)
                    throw $RangeError("index out of range");
                reader.len = length;
            }
            if (_end !== $undefined)
                throw $Error("missing end group");
            return message;
        };

        return IPTraceID;
    })();

    flow.LostEventSource = (function() {
        const valuesById = $Object.create(null), values = $Object.create(valuesById);
        values[valuesById[0] = "UNKNOWN_LOST_EVENT_SOURCE"] = 0;
        values[valuesById[1] = "PERF_EVENT_RING_BUFFER"] = 1;
        values[valuesById[2] = "OBSERVER_EVENTS_QUEUE"] = 2;
        values[valuesById[3] = "HUBBLE_RING_BUFFER"] = 3;
        return values;
    })();

    flow.LostEvent = (function() {

        const LostEvent = function (properties) {
            if (properties)
                for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                    if (properties[keys[i]] != null && keys[i] !== "__proto__")
                        this[keys[i]] = properties[keys[i]];
        };

        LostEvent.prototype.source = 0;
        LostEvent.prototype.numEventsLost = $util.Long ? $util.Long.fromBits(0,0,true) : 0;
        LostEvent.prototype.cpu = null;
        LostEvent.prototype.first = null;
        LostEvent.prototype.last = null;

        LostEvent.create = function(properties) {
            return new LostEvent(properties);
        };

        LostEvent.encode = function (message, writer, _depth) {
            if (!writer)
                writer = $Writer.create();
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $util.recursionLimit)
                throw $Error("max depth exceeded");
            if (message.source != null && $Object.hasOwnProperty.call(message, "source") && message.source !== 0)
                writer.uint32(8).int32(message.source);
            if (message.numEventsLost != null && $Object.hasOwnProperty.call(message, "numEventsLost") && (typeof message.numEventsLost === "object" ? message.numEventsLost.low || message.numEventsLost.high : message.numEventsLost !== 0))
                writer.uint32(16).uint64(message.numEventsLost);
            if (message.cpu != null && $Object.hasOwnProperty.call(message, "cpu"))
                $root.google.protobuf.Int32Value.encode(message.cpu, writer.uint32(26).fork(), _depth + 1).ldelim();
            if (message.first != null && $Object.hasOwnProperty.call(message, "first"))
                $root.google.protobuf.Timestamp.encode(message.first, writer.uint32(34).fork(), _depth + 1).ldelim();
            if (message.last != null && $Object.hasOwnProperty.call(message, "last"))
                $root.google.protobuf.Timestamp.encode(message.last, writer.uint32(42).fork(), _depth + 1).ldelim();
            if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                for (let i = 0; i < message.$unknowns.length; ++i)
                    writer.raw(message.$unknowns[i]);
            return writer;
        };

        LostEvent.decode = function (reader, length, _end, _depth, _target) {
            if (!(reader instanceof $Reader))
                reader = $Reader.create(reader);
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $Reader.recursionLimit)
                throw $Error("max depth exceeded");
            let end, message, value;
            if (length === $undefined)
                end = reader.len;
            else {
                end = reader.pos + length;
                if (end > reader.len)
                    throw $RangeError("index out of range");
                length = reader.len;
                reader.len = end;
            }
            message = _target || new $root.flow.LostEvent();
            while (reader.pos < end) {
                let start = reader.pos;
                let tag = reader.tag();
                if (tag === _end) {
                    _end = $undefined;
                    break;
                }
                let wireType = tag & 7;
                switch (tag >>>= 3) {
                case 1: {
                        if (wireType !== 0)
                            break;
                        if (value = reader.int32())
                            message.source = value;
                        else
                            delete message.source;
                        continue;
                    }
                case 2: {
                        if (wireType !== 0)
                            break;
                        if (typeof (value = reader.uint64()) === "object" ? value.low || value.high : value !== 0)
                            message.numEventsLost = value;
                        else
                            delete message.numEventsLost;
                        continue;
                    }
                case 3: {
                        if (wireType !== 2)
                            break;
                        message.cpu = $root.google.protobuf.Int32Value.decode(reader, reader.size(), $undefined, _depth + 1, message.cpu);
                        continue;
                    }
                case 4: {
                        if (wireType !== 2)
                            break;
                        message.first = $root.google.protobuf.Timestamp.decode(reader, reader.size(), $undefined, _depth + 1, message.first);
                        continue;
                    }
                case 5: {
                        if (wireType !== 2)
                            break;
                        message.last = $root.google.protobuf.Timestamp.decode(reader, reader.size(), $undefined, _depth + 1, message.last);
                        continue;
                    }
                }
                reader.skipType(wireType, _depth, tag);
                if (!reader.discardUnknown) {
                    $util.makeProp(message, "$unknowns", false);
                    (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                }
            }
            if (length !== $undefined) {
                if (reader.pos !== end)
                    throw $RangeError("index out of range");
                reader.len = length;
            }
            if (_end !== $undefined)
                throw $Error("missing end group");
            return message;
        };

        return LostEvent;
    })();

    flow.AgentEventType = (function() {
        const valuesById = $Object.create(null), values = $Object.create(valuesById);
        values[valuesById[0] = "AGENT_EVENT_UNKNOWN"] = 0;
        values[valuesById[2] = "AGENT_STARTED"] = 2;
        values[valuesById[3] = "POLICY_UPDATED"] = 3;
        values[valuesById[4] = "POLICY_DELETED"] = 4;
        values[valuesById[5] = "ENDPOINT_REGENERATE_SUCCESS"] = 5;
        values[valuesById[6] = "ENDPOINT_REGENERATE_FAILURE"] = 6;
        values[valuesById[7] = "ENDPOINT_CREATED"] = 7;
        values[valuesById[8] = "ENDPOINT_DELETED"] = 8;
        values[valuesById[9] = "IPCACHE_UPSERTED"] = 9;
        values[valuesById[10] = "IPCACHE_DELETED"] = 10;
        values[valuesById[11] = "SERVICE_UPSERTED"] = 11;
        values[valuesById[12] = "SERVICE_DELETED"] = 12;
        return values;
    })();

    flow.AgentEvent = (function() {

        const AgentEvent = function (properties) {
            if (properties)
                for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                    if (properties[keys[i]] != null && keys[i] !== "__proto__")
                        this[keys[i]] = properties[keys[i]];
        };

        AgentEvent.prototype.type = 0;
        AgentEvent.prototype.unknown = null;
        AgentEvent.prototype.agentStart = null;
        AgentEvent.prototype.policyUpdate = null;
        AgentEvent.prototype.endpointRegenerate = null;
        AgentEvent.prototype.endpointUpdate = null;
        AgentEvent.prototype.ipcacheUpdate = null;
        AgentEvent.prototype.serviceUpsert = null;
        AgentEvent.prototype.serviceDelete = null;

        let $oneOfFields;

        $Object.defineProperty(AgentEvent.prototype, "notification", {
            get: $util.oneOfGetter($oneOfFields = ["unknown", "agentStart", "policyUpdate", "endpointRegenerate", "endpointUpdate", "ipcacheUpdate", "serviceUpsert", "serviceDelete"]),
            set: $oneOfSetter($oneOfFields)
        });

        AgentEvent.create = function(properties) {
            return new AgentEvent(properties);
        };

        AgentEvent.encode = function (message, writer, _depth) {
            if (!writer)
                writer = $Writer.create();
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $util.recursionLimit)
                throw $Error("max depth exceeded");
            if (message.type != null && $Object.hasOwnProperty.call(message, "type") && message.type !== 0)
                writer.uint32(8).int32(message.type);
            if (message.unknown != null && $Object.hasOwnProperty.call(message, "unknown"))
                $root.flow.AgentEventUnknown.encode(message.unknown, writer.uint32(802).fork(), _depth + 1).ldelim();
            if (message.agentStart != null && $Object.hasOwnProperty.call(message, "agentStart"))
                $root.flow.TimeNotification.encode(message.agentStart, writer.uint32(810).fork(), _depth + 1).ldelim();
            if (message.policyUpdate != null && $Object.hasOwnProperty.call(message, "policyUpdate"))
                $root.flow.PolicyUpdateNotification.encode(message.policyUpdate, writer.uint32(818).fork(), _depth + 1).ldelim();
            if (message.endpointRegenerate != null && $Object.hasOwnProperty.call(message, "endpointRegenerate"))
                $root.flow.EndpointRegenNotification.encode(message.endpointRegenerate, writer.uint32(826).fork(), _depth + 1).ldelim();
            if (message.endpointUpdate != null && $Object.hasOwnProperty.call(message, "endpointUpdate"))
                $root.flow.EndpointUpdateNotification.encode(message.endpointUpdate, writer.uint32(834).fork(), _depth + 1).ldelim();
            if (message.ipcacheUpdate != null && $Object.hasOwnProperty.call(message, "ipcacheUpdate"))
                $root.flow.IPCacheNotification.encode(message.ipcacheUpdate, writer.uint32(842).fork(), _depth + 1).ldelim();
            if (message.serviceUpsert != null && $Object.hasOwnProperty.call(message, "serviceUpsert"))
                $root.flow.ServiceUpsertNotification.encode(message.serviceUpsert, writer.uint32(850).fork(), _depth + 1).ldelim();
            if (message.serviceDelete != null && $Object.hasOwnProperty.call(message, "serviceDelete"))
                $root.flow.ServiceDeleteNotification.encode(message.serviceDelete, writer.uint32(858).fork(), _depth + 1).ldelim();
            if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                for (let i = 0; i < message.$unknowns.length; ++i)
                    writer.raw(message.$unknowns[i]);
            return writer;
        };

        AgentEvent.decode = function (reader, length, _end, _depth, _target) {
            if (!(reader instanceof $Reader))
                reader = $Reader.create(reader);
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $Reader.recursionLimit)
                throw $Error("max depth exceeded");
            let end, message, value;
            if (length === $undefined)
                end = reader.len;
            else {
                end = reader.pos + length;
                if (end > reader.len)
                    throw $RangeError("index out of range");
                length = reader.len;
                reader.len = end;
            }
            message = _target || new $root.flow.AgentEvent();
            while (reader.pos < end) {
                let start = reader.pos;
                let tag = reader.tag();
                if (tag === _end) {
                    _end = $undefined;
                    break;
                }
                let wireType = tag & 7;
                switch (tag >>>= 3) {
                case 1: {
                        if (wireType !== 0)
                            break;
                        if (value = reader.int32())
                            message.type = value;
                        else
                            delete message.type;
                        continue;
                    }
                case 100: {
                        if (wireType !== 2)
                            break;
                        message.unknown = $root.flow.AgentEventUnknown.decode(reader, reader.size(), $undefined, _depth + 1, message.unknown);
                        message.notification = "unknown";
                        continue;
                    }
                case 101: {
                        if (wireType !== 2)
                            break;
                        message.agentStart = $root.flow.TimeNotification.decode(reader, reader.size(), $undefined, _depth + 1, message.agentStart);
                        message.notification = "agentStart";
                        continue;
                    }
                case 102: {
                        if (wireType !== 2)
                            break;
                        message.policyUpdate = $root.flow.PolicyUpdateNotification.decode(reader, reader.size(), $undefined, _depth + 1, message.policyUpdate);
                        message.notification = "policyUpdate";
                        continue;
                    }
                case 103: {
                        if (wireType !== 2)
                            break;
                        message.endpointRegenerate = $root.flow.EndpointRegenNotification.decode(reader, reader.size(), $undefined, _depth + 1, message.endpointRegenerate);
                        message.notification = "endpointRegenerate";
                        continue;
                    }
                case 104: {
                        if (wireType !== 2)
                            break;
                        message.endpointUpdate = $root.flow.EndpointUpdateNotification.decode(reader, reader.size(), $undefined, _depth + 1, message.endpointUpdate);
                        message.notification = "endpointUpdate";
                        continue;
                    }
                case 105: {
                        if (wireType !== 2)
                            break;
                        message.ipcacheUpdate = $root.flow.IPCacheNotification.decode(reader, reader.size(), $undefined, _depth + 1, message.ipcacheUpdate);
                        message.notification = "ipcacheUpdate";
                        continue;
                    }
                case 106: {
                        if (wireType !== 2)
                            break;
                        message.serviceUpsert = $root.flow.ServiceUpsertNotification.decode(reader, reader.size(), $undefined, _depth + 1, message.serviceUpsert);
                        message.notification = "serviceUpsert";
                        continue;
                    }
                case 107: {
                        if (wireType !== 2)
                            break;
                        message.serviceDelete = $root.flow.ServiceDeleteNotification.decode(reader, reader.size(), $undefined, _depth + 1, message.serviceDelete);
                        message.notification = "serviceDelete";
                        continue;
                    }
                }
                reader.skipType(wireType, _depth, tag);
                if (!reader.discardUnknown) {
                    $util.makeProp(message, "$unknowns", false);
                    (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                }
            }
            if (length !== $undefined) {
                if (reader.pos !== end)
                    throw $RangeError("index out of range");
                reader.len = length;
            }
            if (_end !== $undefined)
                throw $Error("missing end group");
            return message;
        };

        return AgentEvent;
    })();

    flow.AgentEventUnknown = (function() {

        const AgentEventUnknown = function (properties) {
            if (properties)
                for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                    if (properties[keys[i]] != null && keys[i] !== "__proto__")
                        this[keys[i]] = properties[keys[i]];
        };

        AgentEventUnknown.prototype.type = "";
        AgentEventUnknown.prototype.notification = "";

        AgentEventUnknown.create = function(properties) {
            return new AgentEventUnknown(properties);
        };

        AgentEventUnknown.encode = function (message, writer, _depth) {
            if (!writer)
                writer = $Writer.create();
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $util.recursionLimit)
                throw $Error("max depth exceeded");
            if (message.type != null && $Object.hasOwnProperty.call(message, "type") && message.type !== "")
                writer.uint32(10).string(message.type);
            if (message.notification != null && $Object.hasOwnProperty.call(message, "notification") && message.notification !== "")
                writer.uint32(18).string(message.notification);
            if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                for (let i = 0; i < message.$unknowns.length; ++i)
                    writer.raw(message.$unknowns[i]);
            return writer;
        };

        AgentEventUnknown.decode = function (reader, length, _end, _depth, _target) {
            if (!(reader instanceof $Reader))
                reader = $Reader.create(reader);
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $Reader.recursionLimit)
                throw $Error("max depth exceeded");
            let end, message, value;
            if (length === $undefined)
                end = reader.len;
            else {
                end = reader.pos + length;
                if (end > reader.len)
                    throw $RangeError("index out of range");
                length = reader.len;
                reader.len = end;
            }
            message = _target || new $root.flow.AgentEventUnknown();
            while (reader.pos < end) {
                let start = reader.pos;
                let tag = reader.tag();
                if (tag === _end) {
                    _end = $undefined;
                    break;
                }
                let wireType = tag & 7;
                switch (tag >>>= 3) {
                case 1: {
                        if (wireType !== 2)
                            break;
                        if ((value = reader.stringVerify()).length)
                            message.type = value;
                        else
                            delete message.type;
                        continue;
                    }
                case 2: {
                        if (wireType !== 2)
                            break;
                        if ((value = reader.stringVerify()).length)
                            message.notification = value;
                        else
                            delete message.notification;
                        continue;
                    }
                }
                reader.skipType(wireType, _depth, tag);
                if (!reader.discardUnknown) {
                    $util.makeProp(message, "$unknowns", false);
                    (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                }
            }
            if (length !== $undefined) {
                if (reader.pos !== end)
                    throw $RangeError("index out of range");
                reader.len = length;
            }
            if (_end !== $undefined)
                throw $Error("missing end group");
            return message;
        };

        return AgentEventUnknown;
    })();

    flow.TimeNotification = (function() {

        const TimeNotification = function (properties) {
            if (properties)
                for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                    if (properties[keys[i]] != null && keys[i] !== "__proto__")
                        this[keys[i]] = properties[keys[i]];
        };

        TimeNotification.prototype.time = null;

        TimeNotification.create = function(properties) {
            return new TimeNotification(properties);
        };

        TimeNotification.encode = function (message, writer, _depth) {
            if (!writer)
                writer = $Writer.create();
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $util.recursionLimit)
                throw $Error("max depth exceeded");
            if (message.time != null && $Object.hasOwnProperty.call(message, "time"))
                $root.google.protobuf.Timestamp.encode(message.time, writer.uint32(10).fork(), _depth + 1).ldelim();
            if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                for (let i = 0; i < message.$unknowns.length; ++i)
                    writer.raw(message.$unknowns[i]);
            return writer;
        };

        TimeNotification.decode = function (reader, length, _end, _depth, _target) {
            if (!(reader instanceof $Reader))
                reader = $Reader.create(reader);
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $Reader.recursionLimit)
                throw $Error("max depth exceeded");
            let end, message, value;
            if (length === $undefined)
                end = reader.len;
            else {
                end = reader.pos + length;
                if (end > reader.len)
                    throw $RangeError("index out of range");
                length = reader.len;
                reader.len = end;
            }
            message = _target || new $root.flow.TimeNotification();
            while (reader.pos < end) {
                let start = reader.pos;
                let tag = reader.tag();
                if (tag === _end) {
                    _end = $undefined;
                    break;
                }
                let wireType = tag & 7;
                switch (tag >>>= 3) {
                case 1: {
                        if (wireType !== 2)
                            break;
                        message.time = $root.google.protobuf.Timestamp.decode(reader, reader.size(), $undefined, _depth + 1, message.time);
                        continue;
                    }
                }
                reader.skipType(wireType, _depth, tag);
                if (!reader.discardUnknown) {
                    $util.makeProp(message, "$unknowns", false);
                    (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                }
            }
            if (length !== $undefined) {
                if (reader.pos !== end)
                    throw $RangeError("index out of range");
                reader.len = length;
            }
            if (_end !== $undefined)
                throw $Error("missing end group");
            return message;
        };

        return TimeNotification;
    })();

    flow.PolicyUpdateNotification = (function() {

        const PolicyUpdateNotification = function (properties) {
            this.labels = [];
            if (properties)
                for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                    if (properties[keys[i]] != null && keys[i] !== "__proto__")
                        this[keys[i]] = properties[keys[i]];
        };

        PolicyUpdateNotification.prototype.labels = $util.emptyArray;
        PolicyUpdateNotification.prototype.revision = $util.Long ? $util.Long.fromBits(0,0,true) : 0;
        PolicyUpdateNotification.prototype.ruleCount = $util.Long ? $util.Long.fromBits(0,0,false) : 0;

        PolicyUpdateNotification.create = function(properties) {
            return new PolicyUpdateNotification(properties);
        };

        PolicyUpdateNotification.encode = function (message, writer, _depth) {
            if (!writer)
                writer = $Writer.create();
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $util.recursionLimit)
                throw $Error("max depth exceeded");
            if (message.labels != null && message.labels.length)
                for (let i = 0; i < message.labels.length; ++i)
                    writer.uint32(10).string(message.labels[i]);
            if (message.revision != null && $Object.hasOwnProperty.call(message, "revision") && (typeof message.revision === "object" ? message.revision.low || message.revision.high : message.revision !== 0))
                writer.uint32(16).uint64(message.revision);
            if (message.ruleCount != null && $Object.hasOwnProperty.call(message, "ruleCount") && (typeof message.ruleCount === "object" ? message.ruleCount.low || message.ruleCount.high : message.ruleCount !== 0))
                writer.uint32(24).int64(message.ruleCount);
            if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                for (let i = 0; i < message.$unknowns.length; ++i)
                    writer.raw(message.$unknowns[i]);
            return writer;
        };

        PolicyUpdateNotification.decode = function (reader, length, _end, _depth, _target) {
            if (!(reader instanceof $Reader))
                reader = $Reader.create(reader);
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $Reader.recursionLimit)
                throw $Error("max depth exceeded");
            let end, message, value;
            if (length === $undefined)
                end = reader.len;
            else {
                end = reader.pos + length;
                if (end > reader.len)
                    throw $RangeError("index out of range");
                length = reader.len;
                reader.len = end;
            }
            message = _target || new $root.flow.PolicyUpdateNotification();
            while (reader.pos < end) {
                let start = reader.pos;
                let tag = reader.tag();
                if (tag === _end) {
                    _end = $undefined;
                    break;
                }
                let wireType = tag & 7;
                switch (tag >>>= 3) {
                case 1: {
                        if (wireType !== 2)
                            break;
                        if (!(message.labels && message.labels.length))
                            message.labels = [];
                        message.labels.push(reader.stringVerify());
                        continue;
                    }
                case 2: {
                        if (wireType !== 0)
                            break;
                        if (typeof (value = reader.uint64()) === "object" ? value.low || value.high : value !== 0)
                            message.revision = value;
                        else
                            delete message.revision;
                        continue;
                    }
                case 3: {
                        if (wireType !== 0)
                            break;
                        if (typeof (value = reader.int64()) === "object" ? value.low || value.high : value !== 0)
                            message.ruleCount = value;
                        else
                            delete message.ruleCount;
                        continue;
                    }
                }
                reader.skipType(wireType, _depth, tag);
                if (!reader.discardUnknown) {
                    $util.makeProp(message, "$unknowns", false);
                    (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                }
            }
            if (length !== $undefined) {
                if (reader.pos !== end)
                    throw $RangeError("index out of range");
                reader.len = length;
            }
            if (_end !== $undefined)
                throw $Error("missing end group");
            return message;
        };

        return PolicyUpdateNotification;
    })();

    flow.EndpointRegenNotification = (function() {

        const EndpointRegenNotification = function (properties) {
            this.labels = [];
            if (properties)
                for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                    if (properties[keys[i]] != null && keys[i] !== "__proto__")
                        this[keys[i]] = properties[keys[i]];
        };

        EndpointRegenNotification.prototype.id = $util.Long ? $util.Long.fromBits(0,0,true) : 0;
        EndpointRegenNotification.prototype.labels = $util.emptyArray;
        EndpointRegenNotification.prototype.error = "";

        EndpointRegenNotification.create = function(properties) {
            return new EndpointRegenNotification(properties);
        };

        EndpointRegenNotification.encode = function (message, writer, _depth) {
            if (!writer)
                writer = $Writer.create();
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $util.recursionLimit)
                throw $Error("max depth exceeded");
            if (message.id != null && $Object.hasOwnProperty.call(message, "id") && (typeof message.id === "object" ? message.id.low || message.id.high : message.id !== 0))
                writer.uint32(8).uint64(message.id);
            if (message.labels != null && message.labels.length)
                for (let i = 0; i < message.labels.length; ++i)
                    writer.uint32(18).string(message.labels[i]);
            if (message.error != null && $Object.hasOwnProperty.call(message, "error") && message.error !== "")
                writer.uint32(26).string(message.error);
            if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                for (let i = 0; i < message.$unknowns.length; ++i)
                    writer.raw(message.$unknowns[i]);
            return writer;
        };

        EndpointRegenNotification.decode = function (reader, length, _end, _depth, _target) {
            if (!(reader instanceof $Reader))
                reader = $Reader.create(reader);
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $Reader.recursionLimit)
                throw $Error("max depth exceeded");
            let end, message, value;
            if (length === $undefined)
                end = reader.len;
            else {
                end = reader.pos + length;
                if (end > reader.len)
                    throw $RangeError("index out of range");
                length = reader.len;
                reader.len = end;
            }
            message = _target || new $root.flow.EndpointRegenNotification();
            while (reader.pos < end) {
                let start = reader.pos;
                let tag = reader.tag();
                if (tag === _end) {
                    _end = $undefined;
                    break;
                }
                let wireType = tag & 7;
                switch (tag >>>= 3) {
                case 1: {
                        if (wireType !== 0)
                            break;
                        if (typeof (value = reader.uint64()) === "object" ? value.low || value.high : value !== 0)
                            message.id = value;
                        else
                            delete message.id;
                        continue;
                    }
                case 2: {
                        if (wireType !== 2)
                            break;
                        if (!(message.labels && message.labels.length))
                            message.labels = [];
                        message.labels.push(reader.stringVerify());
                        continue;
                    }
                case 3: {
                        if (wireType !== 2)
                            break;
                        if ((value = reader.stringVerify()).length)
                            message.error = value;
                        else
                            delete message.error;
                        continue;
                    }
                }
                reader.skipType(wireType, _depth, tag);
                if (!reader.discardUnknown) {
                    $util.makeProp(message, "$unknowns", false);
                    (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                }
            }
            if (length !== $undefined) {
                if (reader.pos !== end)
                    throw $RangeError("index out of range");
                reader.len = length;
            }
            if (_end !== $undefined)
                throw $Error("missing end group");
            return message;
        };

        return EndpointRegenNotification;
    })();

    flow.EndpointUpdateNotification = (function() {

        const EndpointUpdateNotification = function (properties) {
            this.labels = [];
            if (properties)
                for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                    if (properties[keys[i]] != null && keys[i] !== "__proto__")
                        this[keys[i]] = properties[keys[i]];
        };

        EndpointUpdateNotification.prototype.id = $util.Long ? $util.Long.fromBits(0,0,true) : 0;
        EndpointUpdateNotification.prototype.labels = $util.emptyArray;
        EndpointUpdateNotification.prototype.error = "";
        EndpointUpdateNotification.prototype.podName = "";
        EndpointUpdateNotification.prototype.namespace = "";

        EndpointUpdateNotification.create = function(properties) {
            return new EndpointUpdateNotification(properties);
        };

        EndpointUpdateNotification.encode = function (message, writer, _depth) {
            if (!writer)
                writer = $Writer.create();
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $util.recursionLimit)
                throw $Error("max depth exceeded");
            if (message.id != null && $Object.hasOwnProperty.call(message, "id") && (typeof message.id === "object" ? message.id.low || message.id.high : message.id !== 0))
                writer.uint32(8).uint64(message.id);
            if (message.labels != null && message.labels.length)
                for (let i = 0; i < message.labels.length; ++i)
                    writer.uint32(18).string(message.labels[i]);
            if (message.error != null && $Object.hasOwnProperty.call(message, "error") && message.error !== "")
                writer.uint32(26).string(message.error);
            if (message.podName != null && $Object.hasOwnProperty.call(message, "podName") && message.podName !== "")
                writer.uint32(34).string(message.podName);
            if (message.namespace != null && $Object.hasOwnProperty.call(message, "namespace") && message.namespace !== "")
                writer.uint32(42).string(message.namespace);
            if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                for (let i = 0; i < message.$unknowns.length; ++i)
                    writer.raw(message.$unknowns[i]);
            return writer;
        };

        EndpointUpdateNotification.decode = function (reader, length, _end, _depth, _target) {
            if (!(reader instanceof $Reader))
                reader = $Reader.create(reader);
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $Reader.recursionLimit)
                throw $Error("max depth exceeded");
            let end, message, value;
            if (length === $undefined)
                end = reader.len;
            else {
                end = reader.pos + length;
                if (end > reader.len)
                    throw $RangeError("index out of range");
                length = reader.len;
                reader.len = end;
            }
            message = _target || new $root.flow.EndpointUpdateNotification();
            while (reader.pos < end) {
                let start = reader.pos;
                let tag = reader.tag();
                if (tag === _end) {
                    _end = $undefined;
                    break;
                }
                let wireType = tag & 7;
                switch (tag >>>= 3) {
                case 1: {
                        if (wireType !== 0)
                            break;
                        if (typeof (value = reader.uint64()) === "object" ? value.low || value.high : value !== 0)
                            message.id = value;
                        else
                            delete message.id;
                        continue;
                    }
                case 2: {
                        if (wireType !== 2)
                            break;
                        if (!(message.labels && message.labels.length))
                            message.labels = [];
                        message.labels.push(reader.stringVerify());
                        continue;
                    }
                case 3: {
                        if (wireType !== 2)
                            break;
                        if ((value = reader.stringVerify()).length)
                            message.error = value;
                        else
                            delete message.error;
                        continue;
                    }
                case 4: {
                        if (wireType !== 2)
                            break;
                        if ((value = reader.stringVerify()).length)
                            message.podName = value;
                        else
                            delete message.podName;
                        continue;
                    }
                case 5: {
                        if (wireType !== 2)
                            break;
                        if ((value = reader.stringVerify()).length)
                            message.namespace = value;
                        else
                            delete message.namespace;
                        continue;
                    }
                }
                reader.skipType(wireType, _depth, tag);
                if (!reader.discardUnknown) {
                    $util.makeProp(message, "$unknowns", false);
                    (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                }
            }
            if (length !== $undefined) {
                if (reader.pos !== end)
                    throw $RangeError("index out of range");
                reader.len = length;
            }
            if (_end !== $undefined)
                throw $Error("missing end group");
            return message;
        };

        return EndpointUpdateNotification;
    })();

    flow.IPCacheNotification = (function() {

        const IPCacheNotification = function (properties) {
            if (properties)
                for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                    if (properties[keys[i]] != null && keys[i] !== "__proto__")
                        this[keys[i]] = properties[keys[i]];
        };

        IPCacheNotification.prototype.cidr = "";
        IPCacheNotification.prototype.identity = 0;
        IPCacheNotification.prototype.oldIdentity = null;
        IPCacheNotification.prototype.hostIp = "";
        IPCacheNotification.prototype.oldHostIp = "";
        IPCacheNotification.prototype.encryptKey = 0;
        IPCacheNotification.prototype.namespace = "";
        IPCacheNotification.prototype.podName = "";

        IPCacheNotification.create = function(properties) {
            return new IPCacheNotification(properties);
        };

        IPCacheNotification.encode = function (message, writer, _depth) {
            if (!writer)
                writer = $Writer.create();
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $util.recursionLimit)
                throw $Error("max depth exceeded");
            if (message.cidr != null && $Object.hasOwnProperty.call(message, "cidr") && message.cidr !== "")
                writer.uint32(10).string(message.cidr);
            if (message.identity != null && $Object.hasOwnProperty.call(message, "identity") && message.identity !== 0)
                writer.uint32(16).uint32(message.identity);
            if (message.oldIdentity != null && $Object.hasOwnProperty.call(message, "oldIdentity"))
                $root.google.protobuf.UInt32Value.encode(message.oldIdentity, writer.uint32(26).fork(), _depth + 1).ldelim();
            if (message.hostIp != null && $Object.hasOwnProperty.call(message, "hostIp") && message.hostIp !== "")
                writer.uint32(34).string(message.hostIp);
            if (message.oldHostIp != null && $Object.hasOwnProperty.call(message, "oldHostIp") && message.oldHostIp !== "")
                writer.uint32(42).string(message.oldHostIp);
            if (message.encryptKey != null && $Object.hasOwnProperty.call(message, "encryptKey") && message.encryptKey !== 0)
                writer.uint32(48).uint32(message.encryptKey);
            if (message.namespace != null && $Object.hasOwnProperty.call(message, "namespace") && message.namespace !== "")
                writer.uint32(58).string(message.namespace);
            if (message.podName != null && $Object.hasOwnProperty.call(message, "podName") && message.podName !== "")
                writer.uint32(66).string(message.podName);
            if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                for (let i = 0; i < message.$unknowns.length; ++i)
                    writer.raw(message.$unknowns[i]);
            return writer;
        };

        IPCacheNotification.decode = function (reader, length, _end, _depth, _target) {
            if (!(reader instanceof $Reader))
                reader = $Reader.create(reader);
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $Reader.recursionLimit)
                throw $Error("max depth exceeded");
            let end, message, value;
            if (length === $undefined)
                end = reader.len;
            else {
                end = reader.pos + length;
                if (end > reader.len)
                    throw $RangeError("index out of range");
                length = reader.len;
                reader.len = end;
            }
            message = _target || new $root.flow.IPCacheNotification();
            while (reader.pos < end) {
                let start = reader.pos;
                let tag = reader.tag();
                if (tag === _end) {
                    _end = $undefined;
                    break;
                }
                let wireType = tag & 7;
                switch (tag >>>= 3) {
                case 1: {
                        if (wireType !== 2)
                            break;
                        if ((value = reader.stringVerify()).length)
                            message.cidr = value;
                        else
                            delete message.cidr;
                        continue;
                    }
                case 2: {
                        if (wireType !== 0)
                            break;
                        if (value = reader.uint32())
                            message.identity = value;
                        else
                            delete message.identity;
                        continue;
                    }
                case 3: {
                        if (wireType !== 2)
                            break;
                        message.oldIdentity = $root.google.protobuf.UInt32Value.decode(reader, reader.size(), $undefined, _depth + 1, message.oldIdentity);
                        continue;
                    }
                case 4: {
                        if (wireType !== 2)
                            break;
                        if ((value = reader.stringVerify()).length)
                            message.hostIp = value;
                        else
                            delete message.hostIp;
                        continue;
                    }
                case 5: {
                        if (wireType !== 2)
                            break;
                        if ((value = reader.stringVerify()).length)
                            message.oldHostIp = value;
                        else
                            delete message.oldHostIp;
                        continue;
                    }
                case 6: {
                        if (wireType !== 0)
                            break;
                        if (value = reader.uint32())
                            message.encryptKey = value;
                        else
                            delete message.encryptKey;
                        continue;
                    }
                case 7: {
                        if (wireType !== 2)
                            break;
                        if ((value = reader.stringVerify()).length)
                            message.namespace = value;
                        else
                            delete message.namespace;
                        continue;
                    }
                case 8: {
                        if (wireType !== 2)
                            break;
                        if ((value = reader.stringVerify()).length)
                            message.podName = value;
                        else
                            delete message.podName;
                        continue;
                    }
                }
                reader.skipType(wireType, _depth, tag);
                if (!reader.discardUnknown) {
                    $util.makeProp(message, "$unknowns", false);
                    (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                }
            }
            if (length !== $undefined) {
                if (reader.pos !== end)
                    throw $RangeError("index out of range");
                reader.len = length;
            }
            if (_end !== $undefined)
                throw $Error("missing end group");
            return message;
        };

        return IPCacheNotification;
    })();

    flow.ServiceUpsertNotificationAddr = (function() {

        const ServiceUpsertNotificationAddr = function (properties) {
            if (properties)
                for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                    if (properties[keys[i]] != null && keys[i] !== "__proto__")
                        this[keys[i]] = properties[keys[i]];
        };

        ServiceUpsertNotificationAddr.prototype.ip = "";
        ServiceUpsertNotificationAddr.prototype.port = 0;

        ServiceUpsertNotificationAddr.create = function(properties) {
            return new ServiceUpsertNotificationAddr(properties);
        };

        ServiceUpsertNotificationAddr.encode = function (message, writer, _depth) {
            if (!writer)
                writer = $Writer.create();
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $util.recursionLimit)
                throw $Error("max depth exceeded");
            if (message.ip != null && $Object.hasOwnProperty.call(message, "ip") && message.ip !== "")
                writer.uint32(10).string(message.ip);
            if (message.port != null && $Object.hasOwnProperty.call(message, "port") && message.port !== 0)
                writer.uint32(16).uint32(message.port);
            if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                for (let i = 0; i < message.$unknowns.length; ++i)
                    writer.raw(message.$unknowns[i]);
            return writer;
        };

        ServiceUpsertNotificationAddr.decode = function (reader, length, _end, _depth, _target) {
            if (!(reader instanceof $Reader))
                reader = $Reader.create(reader);
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $Reader.recursionLimit)
                throw $Error("max depth exceeded");
            let end, message, value;
            if (length === $undefined)
                end = reader.len;
            else {
                end = reader.pos + length;
                if (end > reader.len)
                    throw $RangeError("index out of range");
                length = reader.len;
                reader.len = end;
            }
            message = _target || new $root.flow.ServiceUpsertNotificationAddr();
            while (reader.pos < end) {
                let start = reader.pos;
                let tag = reader.tag();
                if (tag === _end) {
                    _end = $undefined;
                    break;
                }
                let wireType = tag & 7;
                switch (tag >>>= 3) {
                case 1: {
                        if (wireType !== 2)
                            break;
                        if ((value = reader.stringVerify()).length)
                            message.ip = value;
                        else
                            delete message.ip;
                        continue;
                    }
                case 2: {
                        if (wireType !== 0)
                            break;
                        if (value = reader.uint32())
                            message.port = value;
                        else
                            delete message.port;
                        continue;
                    }
                }
                reader.skipType(wireType, _depth, tag);
                if (!reader.discardUnknown) {
                    $util.makeProp(message, "$unknowns", false);
                    (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                }
            }
            if (length !== $undefined) {
                if (reader.pos !== end)
                    throw $RangeError("index out of range");
                reader.len = length;
            }
            if (_end !== $undefined)
                throw $Error("missing end group");
            return message;
        };

        return ServiceUpsertNotificationAddr;
    })();

    flow.ServiceUpsertNotification = (function() {

        const ServiceUpsertNotification = function (properties) {
            this.backendAddresses = [];
            if (properties)
                for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                    if (properties[keys[i]] != null && keys[i] !== "__proto__")
                        this[keys[i]] = properties[keys[i]];
        };

        ServiceUpsertNotification.prototype.id = 0;
        ServiceUpsertNotification.prototype.frontendAddress = null;
        ServiceUpsertNotification.prototype.backendAddresses = $util.emptyArray;
        ServiceUpsertNotification.prototype.type = "";
        ServiceUpsertNotification.prototype.trafficPolicy = "";
        ServiceUpsertNotification.prototype.name = "";
        ServiceUpsertNotification.prototype.namespace = "";
        ServiceUpsertNotification.prototype.extTrafficPolicy = "";
        ServiceUpsertNotification.prototype.intTrafficPolicy = "";

        ServiceUpsertNotification.create = function(properties) {
            return new ServiceUpsertNotification(properties);
        };

        ServiceUpsertNotification.encode = function (message, writer, _depth) {
            if (!writer)
                writer = $Writer.create();
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $util.recursionLimit)
                throw $Error("max depth exceeded");
            if (message.id != null && $Object.hasOwnProperty.call(message, "id") && message.id !== 0)
                writer.uint32(8).uint32(message.id);
            if (message.frontendAddress != null && $Object.hasOwnProperty.call(message, "frontendAddress"))
                $root.flow.ServiceUpsertNotificationAddr.encode(message.frontendAddress, writer.uint32(18).fork(), _depth + 1).ldelim();
            if (message.backendAddresses != null && message.backendAddresses.length)
                for (let i = 0; i < message.backendAddresses.length; ++i)
                    $root.flow.ServiceUpsertNotificationAddr.encode(message.backendAddresses[i], writer.uint32(26).fork(), _depth + 1).ldelim();
            if (message.type != null && $Object.hasOwnProperty.call(message, "type") && message.type !== "")
                writer.uint32(34).string(message.type);
            if (message.trafficPolicy != null && $Object.hasOwnProperty.call(message, "trafficPolicy") && message.trafficPolicy !== "")
                writer.uint32(42).string(message.trafficPolicy);
            if (message.name != null && $Object.hasOwnProperty.call(message, "name") && message.name !== "")
                writer.uint32(50).string(message.name);
            if (message.namespace != null && $Object.hasOwnProperty.call(message, "namespace") && message.namespace !== "")
                writer.uint32(58).string(message.namespace);
            if (message.extTrafficPolicy != null && $Object.hasOwnProperty.call(message, "extTrafficPolicy") && message.extTrafficPolicy !== "")
                writer.uint32(66).string(message.extTrafficPolicy);
            if (message.intTrafficPolicy != null && $Object.hasOwnProperty.call(message, "intTrafficPolicy") && message.intTrafficPolicy !== "")
                writer.uint32(74).string(message.intTrafficPolicy);
            if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                for (let i = 0; i < message.$unknowns.length; ++i)
                    writer.raw(message.$unknowns[i]);
            return writer;
        };

        ServiceUpsertNotification.decode = function (reader, length, _end, _depth, _target) {
            if (!(reader instanceof $Reader))
                reader = $Reader.create(reader);
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $Reader.recursionLimit)
                throw $Error("max depth exceeded");
            let end, message, value;
            if (length === $undefined)
                end = reader.len;
            else {
                end = reader.pos + length;
                if (end > reader.len)
                    throw $RangeError("index out of range");
                length = reader.len;
                reader.len = end;
            }
            message = _target || new $root.flow.ServiceUpsertNotification();
            while (reader.pos < end) {
                let start = reader.pos;
                let tag = reader.tag();
                if (tag === _end) {
                    _end = $undefined;
                    break;
                }
                let wireType = tag & 7;
                switch (tag >>>= 3) {
                case 1: {
                        if (wireType !== 0)
                            break;
                        if (value = reader.uint32())
                            message.id = value;
                        else
                            delete message.id;
                        continue;
                    }
                case 2: {
                        if (wireType !== 2)
                            break;
                        message.frontendAddress = $root.flow.ServiceUpsertNotificationAddr.decode(reader, reader.size(), $undefined, _depth + 1, message.frontendAddress);
                        continue;
                    }
                case 3: {
                        if (wireType !== 2)
                            break;
                        if (!(message.backendAddresses && message.backendAddresses.length))
                            message.backendAddresses = [];
                        message.backendAddresses.push($root.flow.ServiceUpsertNotificationAddr.decode(reader, reader.size(), $undefined, _depth + 1));
                        continue;
                    }
                case 4: {
                        if (wireType !== 2)
                            break;
                        if ((value = reader.stringVerify()).length)
                            message.type = value;
                        else
                            delete message.type;
                        continue;
                    }
                case 5: {
                        if (wireType !== 2)
                            break;
                        if ((value = reader.stringVerify()).length)
                            message.trafficPolicy = value;
                        else
                            delete message.trafficPolicy;
                        continue;
                    }
                case 6: {
                        if (wireType !== 2)
                            break;
                        if ((value = reader.stringVerify()).length)
                            message.name = value;
                        else
                            delete message.name;
                        continue;
                    }
                case 7: {
                        if (wireType !== 2)
                            break;
                        if ((value = reader.stringVerify()).length)
                            message.namespace = value;
                        else
                            delete message.namespace;
                        continue;
                    }
                case 8: {
                        if (wireType !== 2)
                            break;
                        if ((value = reader.stringVerify()).length)
                            message.extTrafficPolicy = value;
                        else
                            delete message.extTrafficPolicy;
                        continue;
                    }
                case 9: {
                        if (wireType !== 2)
                            break;
                        if ((value = reader.stringVerify()).length)
                            message.intTrafficPolicy = value;
                        else
                            delete message.intTrafficPolicy;
                        continue;
                    }
                }
                reader.skipType(wireType, _depth, tag);
                if (!reader.discardUnknown) {
                    $util.makeProp(message, "$unknowns", false);
                    (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                }
            }
            if (length !== $undefined) {
                if (reader.pos !== end)
                    throw $RangeError("index out of range");
                reader.len = length;
            }
            if (_end !== $undefined)
                throw $Error("missing end group");
            return message;
        };

        return ServiceUpsertNotification;
    })();

    flow.ServiceDeleteNotification = (function() {

        const ServiceDeleteNotification = function (properties) {
            if (properties)
                for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                    if (properties[keys[i]] != null && keys[i] !== "__proto__")
                        this[keys[i]] = properties[keys[i]];
        };

        ServiceDeleteNotification.prototype.id = 0;

        ServiceDeleteNotification.create = function(properties) {
            return new ServiceDeleteNotification(properties);
        };

        ServiceDeleteNotification.encode = function (message, writer, _depth) {
            if (!writer)
                writer = $Writer.create();
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $util.recursionLimit)
                throw $Error("max depth exceeded");
            if (message.id != null && $Object.hasOwnProperty.call(message, "id") && message.id !== 0)
                writer.uint32(8).uint32(message.id);
            if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                for (let i = 0; i < message.$unknowns.length; ++i)
                    writer.raw(message.$unknowns[i]);
            return writer;
        };

        ServiceDeleteNotification.decode = function (reader, length, _end, _depth, _target) {
            if (!(reader instanceof $Reader))
                reader = $Reader.create(reader);
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $Reader.recursionLimit)
                throw $Error("max depth exceeded");
            let end, message, value;
            if (length === $undefined)
                end = reader.len;
            else {
                end = reader.pos + length;
                if (end > reader.len)
                    throw $RangeError("index out of range");
                length = reader.len;
                reader.len = end;
            }
            message = _target || new $root.flow.ServiceDeleteNotification();
            while (reader.pos < end) {
                let start = reader.pos;
                let tag = reader.tag();
                if (tag === _end) {
                    _end = $undefined;
                    break;
                }
                let wireType = tag & 7;
                switch (tag >>>= 3) {
                case 1: {
                        if (wireType !== 0)
                            break;
                        if (value = reader.uint32())
                            message.id = value;
                        else
                            delete message.id;
                        continue;
                    }
                }
                reader.skipType(wireType, _depth, tag);
                if (!reader.discardUnknown) {
                    $util.makeProp(message, "$unknowns", false);
                    (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                }
            }
            if (length !== $undefined) {
                if (reader.pos !== end)
                    throw $RangeError("index out of range");
                reader.len = length;
            }
            if (_end !== $undefined)
                throw $Error("missing end group");
            return message;
        };

        return ServiceDeleteNotification;
    })();

    flow.NetworkInterface = (function() {

        const NetworkInterface = function (properties) {
            if (properties)
                for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                    if (properties[keys[i]] != null && keys[i] !== "__proto__")
                        this[keys[i]] = properties[keys[i]];
        };

        NetworkInterface.prototype.index = 0;
        NetworkInterface.prototype.name = "";

        NetworkInterface.create = function(properties) {
            return new NetworkInterface(properties);
        };

        NetworkInterface.encode = function (message, writer, _depth) {
            if (!writer)
                writer = $Writer.create();
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $util.recursionLimit)
                throw $Error("max depth exceeded");
            if (message.index != null && $Object.hasOwnProperty.call(message, "index") && message.index !== 0)
                writer.uint32(8).uint32(message.index);
            if (message.name != null && $Object.hasOwnProperty.call(message, "name") && message.name !== "")
                writer.uint32(18).string(message.name);
            if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                for (let i = 0; i < message.$unknowns.length; ++i)
                    writer.raw(message.$unknowns[i]);
            return writer;
        };

        NetworkInterface.decode = function (reader, length, _end, _depth, _target) {
            if (!(reader instanceof $Reader))
                reader = $Reader.create(reader);
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $Reader.recursionLimit)
                throw $Error("max depth exceeded");
            let end, message, value;
            if (length === $undefined)
                end = reader.len;
            else {
                end = reader.pos + length;
                if (end > reader.len)
                    throw $RangeError("index out of range");
                length = reader.len;
                reader.len = end;
            }
            message = _target || new $root.flow.NetworkInterface();
            while (reader.pos < end) {
                let start = reader.pos;
                let tag = reader.tag();
                if (tag === _end) {
                    _end = $undefined;
                    break;
                }
                let wireType = tag & 7;
                switch (tag >>>= 3) {
                case 1: {
                        if (wireType !== 0)
                            break;
                        if (value = reader.uint32())
                            message.index = value;
                        else
                            delete message.index;
                        continue;
                    }
                case 2: {
                        if (wireType !== 2)
                            break;
                        if ((value = reader.stringVerify()).length)
                            message.name = value;
                        else
                            delete message.name;
                        continue;
                    }
                }
                reader.skipType(wireType, _depth, tag);
                if (!reader.discardUnknown) {
                    $util.makeProp(message, "$unknowns", false);
                    (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                }
            }
            if (length !== $undefined) {
                if (reader.pos !== end)
                    throw $RangeError("index out of range");
                reader.len = length;
            }
            if (_end !== $undefined)
                throw $Error("missing end group");
            return message;
        };

        return NetworkInterface;
    })();

    flow.SocketTranslationPoint = (function() {
        const valuesById = $Object.create(null), values = $Object.create(valuesById);
        values[valuesById[0] = "SOCK_XLATE_POINT_UNKNOWN"] = 0;
        values[valuesById[1] = "SOCK_XLATE_POINT_PRE_DIRECTION_FWD"] = 1;
        values[valuesById[2] = "SOCK_XLATE_POINT_POST_DIRECTION_FWD"] = 2;
        values[valuesById[3] = "SOCK_XLATE_POINT_PRE_DIRECTION_REV"] = 3;
        values[valuesById[4] = "SOCK_XLATE_POINT_POST_DIRECTION_REV"] = 4;
        return values;
    })();

    flow.DebugEvent = (function() {

        const DebugEvent = function (properties) {
            if (properties)
                for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                    if (properties[keys[i]] != null && keys[i] !== "__proto__")
                        this[keys[i]] = properties[keys[i]];
        };

        DebugEvent.prototype.type = 0;
        DebugEvent.prototype.source = null;
        DebugEvent.prototype.hash = null;
        DebugEvent.prototype.arg1 = null;
        DebugEvent.prototype.arg2 = null;
        DebugEvent.prototype.arg3 = null;
        DebugEvent.prototype.message = "";
        DebugEvent.prototype.cpu = null;

        DebugEvent.create = function(properties) {
            return new DebugEvent(properties);
        };

        DebugEvent.encode = function (message, writer, _depth) {
            if (!writer)
                writer = $Writer.create();
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $util.recursionLimit)
                throw $Error("max depth exceeded");
            if (message.type != null && $Object.hasOwnProperty.call(message, "type") && message.type !== 0)
                writer.uint32(8).int32(message.type);
            if (message.source != null && $Object.hasOwnProperty.call(message, "source"))
                $root.flow.Endpoint.encode(message.source, writer.uint32(18).fork(), _depth + 1).ldelim();
            if (message.hash != null && $Object.hasOwnProperty.call(message, "hash"))
                $root.google.protobuf.UInt32Value.encode(message.hash, writer.uint32(26).fork(), _depth + 1).ldelim();
            if (message.arg1 != null && $Object.hasOwnProperty.call(message, "arg1"))
                $root.google.protobuf.UInt32Value.encode(message.arg1, writer.uint32(34).fork(), _depth + 1).ldelim();
            if (message.arg2 != null && $Object.hasOwnProperty.call(message, "arg2"))
                $root.google.protobuf.UInt32Value.encode(message.arg2, writer.uint32(42).fork(), _depth + 1).ldelim();
            if (message.arg3 != null && $Object.hasOwnProperty.call(message, "arg3"))
                $root.google.protobuf.UInt32Value.encode(message.arg3, writer.uint32(50).fork(), _depth + 1).ldelim();
            if (message.message != null && $Object.hasOwnProperty.call(message, "message") && message.message !== "")
                writer.uint32(58).string(message.message);
            if (message.cpu != null && $Object.hasOwnProperty.call(message, "cpu"))
                $root.google.protobuf.Int32Value.encode(message.cpu, writer.uint32(66).fork(), _depth + 1).ldelim();
            if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                for (let i = 0; i < message.$unknowns.length; ++i)
                    writer.raw(message.$unknowns[i]);
            return writer;
        };

        DebugEvent.decode = function (reader, length, _end, _depth, _target) {
            if (!(reader instanceof $Reader))
                reader = $Reader.create(reader);
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $Reader.recursionLimit)
                throw $Error("max depth exceeded");
            let end, message, value;
            if (length === $undefined)
                end = reader.len;
            else {
                end = reader.pos + length;
                if (end > reader.len)
                    throw $RangeError("index out of range");
                length = reader.len;
                reader.len = end;
            }
            message = _target || new $root.flow.DebugEvent();
            while (reader.pos < end) {
                let start = reader.pos;
                let tag = reader.tag();
                if (tag === _end) {
                    _end = $undefined;
                    break;
                }
                let wireType = tag & 7;
                switch (tag >>>= 3) {
                case 1: {
                        if (wireType !== 0)
                            break;
                        if (value = reader.int32())
                            message.type = value;
                        else
                            delete message.type;
                        continue;
                    }
                case 2: {
                        if (wireType !== 2)
                            break;
                        message.source = $root.flow.Endpoint.decode(reader, reader.size(), $undefined, _depth + 1, message.source);
                        continue;
                    }
                case 3: {
                        if (wireType !== 2)
                            break;
                        message.hash = $root.google.protobuf.UInt32Value.decode(reader, reader.size(), $undefined, _depth + 1, message.hash);
                        continue;
                    }
                case 4: {
                        if (wireType !== 2)
                            break;
                        message.arg1 = $root.google.protobuf.UInt32Value.decode(reader, reader.size(), $undefined, _depth + 1, message.arg1);
                        continue;
                    }
                case 5: {
                        if (wireType !== 2)
                            break;
                        message.arg2 = $root.google.protobuf.UInt32Value.decode(reader, reader.size(), $undefined, _depth + 1, message.arg2);
                        continue;
                    }
                case 6: {
                        if (wireType !== 2)
                            break;
                        message.arg3 = $root.google.protobuf.UInt32Value.decode(reader, reader.size(), $undefined, _depth + 1, message.arg3);
                        continue;
                    }
                case 7: {
                        if (wireType !== 2)
                            break;
                        if ((value = reader.stringVerify()).length)
                            message.message = value;
                        else
                            delete message.message;
                        continue;
                    }
                case 8: {
                        if (wireType !== 2)
                            break;
                        message.cpu = $root.google.protobuf.Int32Value.decode(reader, reader.size(), $undefined, _depth + 1, message.cpu);
                        continue;
                    }
                }
                reader.skipType(wireType, _depth, tag);
                if (!reader.discardUnknown) {
                    $util.makeProp(message, "$unknowns", false);
                    (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                }
            }
            if (length !== $undefined) {
                if (reader.pos !== end)
                    throw $RangeError("index out of range");
                reader.len = length;
            }
            if (_end !== $undefined)
                throw $Error("missing end group");
            return message;
        };

        return DebugEvent;
    })();

    flow.DebugEventType = (function() {
        const valuesById = $Object.create(null), values = $Object.create(valuesById);
        values[valuesById[0] = "DBG_EVENT_UNKNOWN"] = 0;
        values[valuesById[1] = "DBG_GENERIC"] = 1;
        values[valuesById[2] = "DBG_LOCAL_DELIVERY"] = 2;
        values[valuesById[3] = "DBG_ENCAP"] = 3;
        values[valuesById[4] = "DBG_LXC_FOUND"] = 4;
        values[valuesById[5] = "DBG_POLICY_DENIED"] = 5;
        values[valuesById[6] = "DBG_CT_LOOKUP"] = 6;
        values[valuesById[7] = "DBG_CT_LOOKUP_REV"] = 7;
        values[valuesById[8] = "DBG_CT_MATCH"] = 8;
        values[valuesById[9] = "DBG_CT_CREATED"] = 9;
        values[valuesById[10] = "DBG_CT_CREATED2"] = 10;
        values[valuesById[11] = "DBG_ICMP6_HANDLE"] = 11;
        values[valuesById[12] = "DBG_ICMP6_REQUEST"] = 12;
        values[valuesById[13] = "DBG_ICMP6_NS"] = 13;
        values[valuesById[14] = "DBG_ICMP6_TIME_EXCEEDED"] = 14;
        values[valuesById[15] = "DBG_CT_VERDICT"] = 15;
        values[valuesById[16] = "DBG_DECAP"] = 16;
        values[valuesById[17] = "DBG_PORT_MAP"] = 17;
        values[valuesById[18] = "DBG_ERROR_RET"] = 18;
        values[valuesById[19] = "DBG_TO_HOST"] = 19;
        values[valuesById[20] = "DBG_TO_STACK"] = 20;
        values[valuesById[21] = "DBG_PKT_HASH"] = 21;
        values[valuesById[22] = "DBG_LB6_LOOKUP_FRONTEND"] = 22;
        values[valuesById[23] = "DBG_LB6_LOOKUP_FRONTEND_FAIL"] = 23;
        values[valuesById[24] = "DBG_LB6_LOOKUP_BACKEND_SLOT"] = 24;
        values[valuesById[25] = "DBG_LB6_LOOKUP_BACKEND_SLOT_SUCCESS"] = 25;
        values[valuesById[26] = "DBG_LB6_LOOKUP_BACKEND_SLOT_V2_FAIL"] = 26;
        values[valuesById[27] = "DBG_LB6_LOOKUP_BACKEND_FAIL"] = 27;
        values[valuesById[28] = "DBG_LB6_REVERSE_NAT_LOOKUP"] = 28;
        values[valuesById[29] = "DBG_LB6_REVERSE_NAT"] = 29;
        values[valuesById[30] = "DBG_LB4_LOOKUP_FRONTEND"] = 30;
        values[valuesById[31] = "DBG_LB4_LOOKUP_FRONTEND_FAIL"] = 31;
        values[valuesById[32] = "DBG_LB4_LOOKUP_BACKEND_SLOT"] = 32;
        values[valuesById[33] = "DBG_LB4_LOOKUP_BACKEND_SLOT_SUCCESS"] = 33;
        values[valuesById[34] = "DBG_LB4_LOOKUP_BACKEND_SLOT_V2_FAIL"] = 34;
        values[valuesById[35] = "DBG_LB4_LOOKUP_BACKEND_FAIL"] = 35;
        values[valuesById[36] = "DBG_LB4_REVERSE_NAT_LOOKUP"] = 36;
        values[valuesById[37] = "DBG_LB4_REVERSE_NAT"] = 37;
        values[valuesById[38] = "DBG_LB4_LOOPBACK_SNAT"] = 38;
        values[valuesById[39] = "DBG_LB4_LOOPBACK_SNAT_REV"] = 39;
        values[valuesById[40] = "DBG_CT_LOOKUP4"] = 40;
        values[valuesById[41] = "DBG_RR_BACKEND_SLOT_SEL"] = 41;
        values[valuesById[42] = "DBG_REV_PROXY_LOOKUP"] = 42;
        values[valuesById[43] = "DBG_REV_PROXY_FOUND"] = 43;
        values[valuesById[44] = "DBG_REV_PROXY_UPDATE"] = 44;
        values[valuesById[45] = "DBG_L4_POLICY"] = 45;
        values[valuesById[46] = "DBG_NETDEV_IN_CLUSTER"] = 46;
        values[valuesById[47] = "DBG_NETDEV_ENCAP4"] = 47;
        values[valuesById[48] = "DBG_CT_LOOKUP4_1"] = 48;
        values[valuesById[49] = "DBG_CT_LOOKUP4_2"] = 49;
        values[valuesById[50] = "DBG_CT_CREATED4"] = 50;
        values[valuesById[51] = "DBG_CT_LOOKUP6_1"] = 51;
        values[valuesById[52] = "DBG_CT_LOOKUP6_2"] = 52;
        values[valuesById[53] = "DBG_CT_CREATED6"] = 53;
        values[valuesById[54] = "DBG_SKIP_PROXY"] = 54;
        values[valuesById[55] = "DBG_L4_CREATE"] = 55;
        values[valuesById[56] = "DBG_IP_ID_MAP_FAILED4"] = 56;
        values[valuesById[57] = "DBG_IP_ID_MAP_FAILED6"] = 57;
        values[valuesById[58] = "DBG_IP_ID_MAP_SUCCEED4"] = 58;
        values[valuesById[59] = "DBG_IP_ID_MAP_SUCCEED6"] = 59;
        values[valuesById[60] = "DBG_LB_STALE_CT"] = 60;
        values[valuesById[61] = "DBG_INHERIT_IDENTITY"] = 61;
        values[valuesById[62] = "DBG_SK_LOOKUP4"] = 62;
        values[valuesById[63] = "DBG_SK_LOOKUP6"] = 63;
        values[valuesById[64] = "DBG_SK_ASSIGN"] = 64;
        values[valuesById[65] = "DBG_L7_LB"] = 65;
        values[valuesById[66] = "DBG_SKIP_POLICY"] = 66;
        values[valuesById[67] = "DBG_LB6_LOOPBACK_SNAT"] = 67;
        values[valuesById[68] = "DBG_LB6_LOOPBACK_SNAT_REV"] = 68;
        return values;
    })();

    flow.Aggregate = (function() {

        const Aggregate = function (properties) {
            if (properties)
                for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                    if (properties[keys[i]] != null && keys[i] !== "__proto__")
                        this[keys[i]] = properties[keys[i]];
        };

        Aggregate.prototype.ingressFlowCount = 0;
        Aggregate.prototype.egressFlowCount = 0;
        Aggregate.prototype.unknownDirectionFlowCount = 0;

        Aggregate.create = function(properties) {
            return new Aggregate(properties);
        };

        Aggregate.encode = function (message, writer, _depth) {
            if (!writer)
                writer = $Writer.create();
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $util.recursionLimit)
                throw $Error("max depth exceeded");
            if (message.ingressFlowCount != null && $Object.hasOwnProperty.call(message, "ingressFlowCount") && message.ingressFlowCount !== 0)
                writer.uint32(8).uint32(message.ingressFlowCount);
            if (message.egressFlowCount != null && $Object.hasOwnProperty.call(message, "egressFlowCount") && message.egressFlowCount !== 0)
                writer.uint32(16).uint32(message.egressFlowCount);
            if (message.unknownDirectionFlowCount != null && $Object.hasOwnProperty.call(message, "unknownDirectionFlowCount") && message.unknownDirectionFlowCount !== 0)
                writer.uint32(24).uint32(message.unknownDirectionFlowCount);
            if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                for (let i = 0; i < message.$unknowns.length; ++i)
                    writer.raw(message.$unknowns[i]);
            return writer;
        };

        Aggregate.decode = function (reader, length, _end, _depth, _target) {
            if (!(reader instanceof $Reader))
                reader = $Reader.create(reader);
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $Reader.recursionLimit)
                throw $Error("max depth exceeded");
            let end, message, value;
            if (length === $undefined)
                end = reader.len;
            else {
                end = reader.pos + length;
                if (end > reader.len)
                    throw $RangeError("index out of range");
                length = reader.len;
                reader.len = end;
            }
            message = _target || new $root.flow.Aggregate();
            while (reader.pos < end) {
                let start = reader.pos;
                let tag = reader.tag();
                if (tag === _end) {
                    _end = $undefined;
                    break;
                }
                let wireType = tag & 7;
                switch (tag >>>= 3) {
                case 1: {
                        if (wireType !== 0)
                            break;
                        if (value = reader.uint32())
                            message.ingressFlowCount = value;
                        else
                            delete message.ingressFlowCount;
                        continue;
                    }
                case 2: {
                        if (wireType !== 0)
                            break;
                        if (value = reader.uint32())
                            message.egressFlowCount = value;
                        else
                            delete message.egressFlowCount;
                        continue;
                    }
                case 3: {
                        if (wireType !== 0)
                            break;
                        if (value = reader.uint32())
                            message.unknownDirectionFlowCount = value;
                        else
                            delete message.unknownDirectionFlowCount;
                        continue;
                    }
                }
                reader.skipType(wireType, _depth, tag);
                if (!reader.discardUnknown) {
                    $util.makeProp(message, "$unknowns", false);
                    (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                }
            }
            if (length !== $undefined) {
                if (reader.pos !== end)
                    throw $RangeError("index out of range");
                reader.len = length;
            }
            if (_end !== $undefined)
                throw $Error("missing end group");
            return message;
        };

        return Aggregate;
    })();

    return flow;
})();

/** @type {typeof import("./hubble.js").observer} */
export const observer = $root.observer = (() => {

    const observer = {};

    observer.Observer = (function() {

        const Observer = function(rpcImpl, requestDelimited, responseDelimited) {
            $protobuf.rpc.Service.call(this, rpcImpl, requestDelimited, responseDelimited);
        };

        $Object.defineProperty(Observer.prototype = $Object.create($protobuf.rpc.Service.prototype), "constructor", { value: Observer, writable: true, enumerable: false, configurable: true });

        Observer.create = function(rpcImpl, requestDelimited, responseDelimited) {
            return new this(rpcImpl, requestDelimited, responseDelimited);
        };



        $Object.defineProperties(Observer.prototype.getFlows = function(request, callback) {
            return $protobuf.rpc.Service.prototype.rpcCall.call(this, Observer.prototype.getFlows, $root.observer.GetFlowsRequest, $root.observer.GetFlowsResponse, request, callback);
        }, {
            name: { value: "GetFlows" },
            path: { value: "/observer.Observer/GetFlows" },
            requestType: { value: "GetFlowsRequest" },
            responseType: { value: "GetFlowsResponse" },
            requestStream: { value: $undefined },
            responseStream: { value: true }
        });



        $Object.defineProperties(Observer.prototype.getAgentEvents = function(request, callback) {
            return $protobuf.rpc.Service.prototype.rpcCall.call(this, Observer.prototype.getAgentEvents, $root.observer.GetAgentEventsRequest, $root.observer.GetAgentEventsResponse, request, callback);
        }, {
            name: { value: "GetAgentEvents" },
            path: { value: "/observer.Observer/GetAgentEvents" },
            requestType: { value: "GetAgentEventsRequest" },
            responseType: { value: "GetAgentEventsResponse" },
            requestStream: { value: $undefined },
            responseStream: { value: true }
        });



        $Object.defineProperties(Observer.prototype.getDebugEvents = function(request, callback) {
            return $protobuf.rpc.Service.prototype.rpcCall.call(this, Observer.prototype.getDebugEvents, $root.observer.GetDebugEventsRequest, $root.observer.GetDebugEventsResponse, request, callback);
        }, {
            name: { value: "GetDebugEvents" },
            path: { value: "/observer.Observer/GetDebugEvents" },
            requestType: { value: "GetDebugEventsRequest" },
            responseType: { value: "GetDebugEventsResponse" },
            requestStream: { value: $undefined },
            responseStream: { value: true }
        });



        $Object.defineProperties(Observer.prototype.getNodes = function(request, callback) {
            return $protobuf.rpc.Service.prototype.rpcCall.call(this, Observer.prototype.getNodes, $root.observer.GetNodesRequest, $root.observer.GetNodesResponse, request, callback);
        }, {
            name: { value: "GetNodes" },
            path: { value: "/observer.Observer/GetNodes" },
            requestType: { value: "GetNodesRequest" },
            responseType: { value: "GetNodesResponse" },
            requestStream: { value: $undefined },
            responseStream: { value: $undefined }
        });



        $Object.defineProperties(Observer.prototype.getNamespaces = function(request, callback) {
            return $protobuf.rpc.Service.prototype.rpcCall.call(this, Observer.prototype.getNamespaces, $root.observer.GetNamespacesRequest, $root.observer.GetNamespacesResponse, request, callback);
        }, {
            name: { value: "GetNamespaces" },
            path: { value: "/observer.Observer/GetNamespaces" },
            requestType: { value: "GetNamespacesRequest" },
            responseType: { value: "GetNamespacesResponse" },
            requestStream: { value: $undefined },
            responseStream: { value: $undefined }
        });



        $Object.defineProperties(Observer.prototype.serverStatus = function(request, callback) {
            return $protobuf.rpc.Service.prototype.rpcCall.call(this, Observer.prototype.serverStatus, $root.observer.ServerStatusRequest, $root.observer.ServerStatusResponse, request, callback);
        }, {
            name: { value: "ServerStatus" },
            path: { value: "/observer.Observer/ServerStatus" },
            requestType: { value: "ServerStatusRequest" },
            responseType: { value: "ServerStatusResponse" },
            requestStream: { value: $undefined },
            responseStream: { value: $undefined }
        });

        return Observer;
    })();

    observer.ServerStatusRequest = (function() {

        const ServerStatusRequest = function (properties) {
            if (properties)
                for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                    if (properties[keys[i]] != null && keys[i] !== "__proto__")
                        this[keys[i]] = properties[keys[i]];
        };

        ServerStatusRequest.create = function(properties) {
            return new ServerStatusRequest(properties);
        };

        ServerStatusRequest.encode = function (message, writer, _depth) {
            if (!writer)
                writer = $Writer.create();
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $util.recursionLimit)
                throw $Error("max depth exceeded");
            if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                for (let i = 0; i < message.$unknowns.length; ++i)
                    writer.raw(message.$unknowns[i]);
            return writer;
        };

        ServerStatusRequest.decode = function (reader, length, _end, _depth, _target) {
            if (!(reader instanceof $Reader))
                reader = $Reader.create(reader);
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $Reader.recursionLimit)
                throw $Error("max depth exceeded");
            let end, message;
            if (length === $undefined)
                end = reader.len;
            else {
                end = reader.pos + length;
                if (end > reader.len)
                    throw $RangeError("index out of range");
                length = reader.len;
                reader.len = end;
            }
            message = _target || new $root.observer.ServerStatusRequest();
            while (reader.pos < end) {
                let start = reader.pos;
                let tag = reader.tag();
                if (tag === _end) {
                    _end = $undefined;
                    break;
                }
                reader.skipType(tag & 7, _depth, tag);
                if (!reader.discardUnknown) {
                    $util.makeProp(message, "$unknowns", false);
                    (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                }
            }
            if (length !== $undefined) {
                if (reader.pos !== end)
                    throw $RangeError("index out of range");
                reader.len = length;
            }
            if (_end !== $undefined)
                throw $Error("missing end group");
            return message;
        };

        return ServerStatusRequest;
    })();

    observer.ServerStatusResponse = (function() {

        const ServerStatusResponse = function (properties) {
            this.unavailableNodes = [];
            if (properties)
                for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                    if (properties[keys[i]] != null && keys[i] !== "__proto__")
                        this[keys[i]] = properties[keys[i]];
        };

        ServerStatusResponse.prototype.numFlows = $util.Long ? $util.Long.fromBits(0,0,true) : 0;
        ServerStatusResponse.prototype.maxFlows = $util.Long ? $util.Long.fromBits(0,0,true) : 0;
        ServerStatusResponse.prototype.seenFlows = $util.Long ? $util.Long.fromBits(0,0,true) : 0;
        ServerStatusResponse.prototype.uptimeNs = $util.Long ? $util.Long.fromBits(0,0,true) : 0;
        ServerStatusResponse.prototype.numConnectedNodes = null;
        ServerStatusResponse.prototype.numUnavailableNodes = null;
        ServerStatusResponse.prototype.unavailableNodes = $util.emptyArray;
        ServerStatusResponse.prototype.version = "";
        ServerStatusResponse.prototype.flowsRate = 0;

        ServerStatusResponse.create = function(properties) {
            return new ServerStatusResponse(properties);
        };

        ServerStatusResponse.encode = function (message, writer, _depth) {
            if (!writer)
                writer = $Writer.create();
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $util.recursionLimit)
                throw $Error("max depth exceeded");
            if (message.numFlows != null && $Object.hasOwnProperty.call(message, "numFlows") && (typeof message.numFlows === "object" ? message.numFlows.low || message.numFlows.high : message.numFlows !== 0))
                writer.uint32(8).uint64(message.numFlows);
            if (message.maxFlows != null && $Object.hasOwnProperty.call(message, "maxFlows") && (typeof message.maxFlows === "object" ? message.maxFlows.low || message.maxFlows.high : message.maxFlows !== 0))
                writer.uint32(16).uint64(message.maxFlows);
            if (message.seenFlows != null && $Object.hasOwnProperty.call(message, "seenFlows") && (typeof message.seenFlows === "object" ? message.seenFlows.low || message.seenFlows.high : message.seenFlows !== 0))
                writer.uint32(24).uint64(message.seenFlows);
            if (message.uptimeNs != null && $Object.hasOwnProperty.call(message, "uptimeNs") && (typeof message.uptimeNs === "object" ? message.uptimeNs.low || message.uptimeNs.high : message.uptimeNs !== 0))
                writer.uint32(32).uint64(message.uptimeNs);
            if (message.numConnectedNodes != null && $Object.hasOwnProperty.call(message, "numConnectedNodes"))
                $root.google.protobuf.UInt32Value.encode(message.numConnectedNodes, writer.uint32(42).fork(), _depth + 1).ldelim();
            if (message.numUnavailableNodes != null && $Object.hasOwnProperty.call(message, "numUnavailableNodes"))
                $root.google.protobuf.UInt32Value.encode(message.numUnavailableNodes, writer.uint32(50).fork(), _depth + 1).ldelim();
            if (message.unavailableNodes != null && message.unavailableNodes.length)
                for (let i = 0; i < message.unavailableNodes.length; ++i)
                    writer.uint32(58).string(message.unavailableNodes[i]);
            if (message.version != null && $Object.hasOwnProperty.call(message, "version") && message.version !== "")
                writer.uint32(66).string(message.version);
            if (message.flowsRate != null && $Object.hasOwnProperty.call(message, "flowsRate") && !$Object.is(message.flowsRate, 0))
                writer.uint32(73).double(message.flowsRate);
            if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                for (let i = 0; i < message.$unknowns.length; ++i)
                    writer.raw(message.$unknowns[i]);
            return writer;
        };

        ServerStatusResponse.decode = function (reader, length, _end, _depth, _target) {
            if (!(reader instanceof $Reader))
                reader = $Reader.create(reader);
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $Reader.recursionLimit)
                throw $Error("max depth exceeded");
            let end, message, value;
            if (length === $undefined)
                end = reader.len;
            else {
                end = reader.pos + length;
                if (end > reader.len)
                    throw $RangeError("index out of range");
                length = reader.len;
                reader.len = end;
            }
            message = _target || new $root.observer.ServerStatusResponse();
            while (reader.pos < end) {
                let start = reader.pos;
                let tag = reader.tag();
                if (tag === _end) {
                    _end = $undefined;
                    break;
                }
                let wireType = tag & 7;
                switch (tag >>>= 3) {
                case 1: {
                        if (wireType !== 0)
                            break;
                        if (typeof (value = reader.uint64()) === "object" ? value.low || value.high : value !== 0)
                            message.numFlows = value;
                        else
                            delete message.numFlows;
                        continue;
                    }
                case 2: {
                        if (wireType !== 0)
                            break;
                        if (typeof (value = reader.uint64()) === "object" ? value.low || value.high : value !== 0)
                            message.maxFlows = value;
                        else
                            delete message.maxFlows;
                        continue;
                    }
                case 3: {
                        if (wireType !== 0)
                            break;
                        if (typeof (value = reader.uint64()) === "object" ? value.low || value.high : value !== 0)
                            message.seenFlows = value;
                        else
                            delete message.seenFlows;
                        continue;
                    }
                case 4: {
                        if (wireType !== 0)
                            break;
                        if (typeof (value = reader.uint64()) === "object" ? value.low || value.high : value !== 0)
                            message.uptimeNs = value;
                        else
                            delete message.uptimeNs;
                        continue;
                    }
                case 5: {
                        if (wireType !== 2)
                            break;
                        message.numConnectedNodes = $root.google.protobuf.UInt32Value.decode(reader, reader.size(), $undefined, _depth + 1, message.numConnectedNodes);
                        continue;
                    }
                case 6: {
                        if (wireType !== 2)
                            break;
                        message.numUnavailableNodes = $root.google.protobuf.UInt32Value.decode(reader, reader.size(), $undefined, _depth + 1, message.numUnavailableNodes);
                        continue;
                    }
                case 7: {
                        if (wireType !== 2)
                            break;
                        if (!(message.unavailableNodes && message.unavailableNodes.length))
                            message.unavailableNodes = [];
                        message.unavailableNodes.push(reader.stringVerify());
                        continue;
                    }
                case 8: {
                        if (wireType !== 2)
                            break;
                        if ((value = reader.stringVerify()).length)
                            message.version = value;
                        else
                            delete message.version;
                        continue;
                    }
                case 9: {
                        if (wireType !== 1)
                            break;
                        if (!$Object.is(value = reader.double(), 0))
                            message.flowsRate = value;
                        else
                            delete message.flowsRate;
                        continue;
                    }
                }
                reader.skipType(wireType, _depth, tag);
                if (!reader.discardUnknown) {
                    $util.makeProp(message, "$unknowns", false);
                    (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                }
            }
            if (length !== $undefined) {
                if (reader.pos !== end)
                    throw $RangeError("index out of range");
                reader.len = length;
            }
            if (_end !== $undefined)
                throw $Error("missing end group");
            return message;
        };

        return ServerStatusResponse;
    })();

    observer.GetFlowsRequest = (function() {

        const GetFlowsRequest = function (properties) {
            this.blacklist = [];
            this.whitelist = [];
            if (properties)
                for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                    if (properties[keys[i]] != null && keys[i] !== "__proto__")
                        this[keys[i]] = properties[keys[i]];
        };

        GetFlowsRequest.prototype.number = $util.Long ? $util.Long.fromBits(0,0,true) : 0;
        GetFlowsRequest.prototype.first = false;
        GetFlowsRequest.prototype.follow = false;
        GetFlowsRequest.prototype.blacklist = $util.emptyArray;
        GetFlowsRequest.prototype.whitelist = $util.emptyArray;
        GetFlowsRequest.prototype.since = null;
        GetFlowsRequest.prototype.until = null;
        GetFlowsRequest.prototype.fieldMask = null;
        GetFlowsRequest.prototype.experimental = null;
        GetFlowsRequest.prototype.extensions = null;

        GetFlowsRequest.create = function(properties) {
            return new GetFlowsRequest(properties);
        };

        GetFlowsRequest.encode = function (message, writer, _depth) {
            if (!writer)
                writer = $Writer.create();
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $util.recursionLimit)
                throw $Error("max depth exceeded");
            if (message.number != null && $Object.hasOwnProperty.call(message, "number") && (typeof message.number === "object" ? message.number.low || message.number.high : message.number !== 0))
                writer.uint32(8).uint64(message.number);
            if (message.follow != null && $Object.hasOwnProperty.call(message, "follow") && message.follow !== false)
                writer.uint32(24).bool(message.follow);
            if (message.blacklist != null && message.blacklist.length)
                for (let i = 0; i < message.blacklist.length; ++i)
                    $root.flow.FlowFilter.encode(message.blacklist[i], writer.uint32(42).fork(), _depth + 1).ldelim();
            if (message.whitelist != null && message.whitelist.length)
                for (let i = 0; i < message.whitelist.length; ++i)
                    $root.flow.FlowFilter.encode(message.whitelist[i], writer.uint32(50).fork(), _depth + 1).ldelim();
            if (message.since != null && $Object.hasOwnProperty.call(message, "since"))
                $root.google.protobuf.Timestamp.encode(message.since, writer.uint32(58).fork(), _depth + 1).ldelim();
            if (message.until != null && $Object.hasOwnProperty.call(message, "until"))
                $root.google.protobuf.Timestamp.encode(message.until, writer.uint32(66).fork(), _depth + 1).ldelim();
            if (message.first != null && $Object.hasOwnProperty.call(message, "first") && message.first !== false)
                writer.uint32(72).bool(message.first);
            if (message.fieldMask != null && $Object.hasOwnProperty.call(message, "fieldMask"))
                $root.google.protobuf.FieldMask.encode(message.fieldMask, writer.uint32(82).fork(), _depth + 1).ldelim();
            if (message.experimental != null && $Object.hasOwnProperty.call(message, "experimental"))
                $root.observer.GetFlowsRequest.Experimental.encode(message.experimental, writer.uint32(7994).fork(), _depth + 1).ldelim();
            if (message.extensions != null && $Object.hasOwnProperty.call(message, "extensions"))
                $root.google.protobuf.Any.encode(message.extensions, writer.uint32(1200002).fork(), _depth + 1).ldelim();
            if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                for (let i = 0; i < message.$unknowns.length; ++i)
                    writer.raw(message.$unknowns[i]);
            return writer;
        };

        GetFlowsRequest.decode = function (reader, length, _end, _depth, _target) {
            if (!(reader instanceof $Reader))
                reader = $Reader.create(reader);
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $Reader.recursionLimit)
                throw $Error("max depth exceeded");
            let end, message, value;
            if (length === $undefined)
                end = reader.len;
            else {
                end = reader.pos + length;
                if (end > reader.len)
                    throw $RangeError("index out of range");
                length = reader.len;
                reader.len = end;
            }
            message = _target || new $root.observer.GetFlowsRequest();
            while (reader.pos < end) {
                let start = reader.pos;
                let tag = reader.tag();
                if (tag === _end) {
                    _end = $undefined;
                    break;
                }
                let wireType = tag & 7;
                switch (tag >>>= 3) {
                case 1: {
                        if (wireType !== 0)
                            break;
                        if (typeof (value = reader.uint64()) === "object" ? value.low || value.high : value !== 0)
                            message.number = value;
                        else
                            delete message.number;
                        continue;
                    }
                case 9: {
                        if (wireType !== 0)
                            break;
                        if (value = reader.bool())
                            message.first = value;
                        else
                            delete message.first;
                        continue;
                    }
                case 3: {
                        if (wireType !== 0)
                            break;
                        if (value = reader.bool())
                            message.follow = value;
                        else
                            delete message.follow;
                        continue;
                    }
                case 5: {
                        if (wireType !== 2)
                            break;
                        if (!(message.blacklist && message.blacklist.length))
                            message.blacklist = [];
                        message.blacklist.push($root.flow.FlowFilter.decode(reader, reader.size(), $undefined, _depth + 1));
                        continue;
                    }
                case 6: {
                        if (wireType !== 2)
                            break;
                        if (!(message.whitelist && message.whitelist.length))
                            message.whitelist = [];
                        message.whitelist.push($root.flow.FlowFilter.decode(reader, reader.size(), $undefined, _depth + 1));
                        continue;
                    }
                case 7: {
                        if (wireType !== 2)
                            break;
                        message.since = $root.google.protobuf.Timestamp.decode(reader, reader.size(), $undefined, _depth + 1, message.since);
                        continue;
                    }
                case 8: {
                        if (wireType !== 2)
                            break;
                        message.until = $root.google.protobuf.Timestamp.decode(reader, reader.size(), $undefined, _depth + 1, message.until);
                        continue;
                    }
                case 10: {
                        if (wireType !== 2)
                            break;
                        message.fieldMask = $root.google.protobuf.FieldMask.decode(reader, reader.size(), $undefined, _depth + 1, message.fieldMask);
                        continue;
                    }
                case 999: {
                        if (wireType !== 2)
                            break;
                        message.experimental = $root.observer.GetFlowsRequest.Experimental.decode(reader, reader.size(), $undefined, _depth + 1, message.experimental);
                        continue;
                    }
                case 150000: {
                        if (wireType !== 2)
                            break;
                        message.extensions = $root.google.protobuf.Any.decode(reader, reader.size(), $undefined, _depth + 1, message.extensions);
                        continue;
                    }
                }
                reader.skipType(wireType, _depth, tag);
                if (!reader.discardUnknown) {
                    $util.makeProp(message, "$unknowns", false);
                    (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                }
            }
            if (length !== $undefined) {
                if (reader.pos !== end)
                    throw $RangeError("index out of range");
                reader.len = length;
            }
            if (_end !== $undefined)
                throw $Error("missing end group");
            return message;
        };

        GetFlowsRequest.Experimental = (function() {

            const Experimental = function (properties) {
                if (properties)
                    for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            };

            Experimental.create = function(properties) {
                return new Experimental(properties);
            };

            Experimental.encode = function (message, writer, _depth) {
                if (!writer)
                    writer = $Writer.create();
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                    for (let i = 0; i < message.$unknowns.length; ++i)
                        writer.raw(message.$unknowns[i]);
                return writer;
            };

            Experimental.decode = function (reader, length, _end, _depth, _target) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                let end, message;
                if (length === $undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw $RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = _target || new $root.observer.GetFlowsRequest.Experimental();
                while (reader.pos < end) {
                    let start = reader.pos;
                    let tag = reader.tag();
                    if (tag === _end) {
                        _end = $undefined;
                        break;
                    }
                    reader.skipType(tag & 7, _depth, tag);
                    if (!reader.discardUnknown) {
                        $util.makeProp(message, "$unknowns", false);
                        (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                    }
                }
                if (length !== $undefined) {
                    if (reader.pos !== end)
                        throw $RangeError("index out of range");
                    reader.len = length;
                }
                if (_end !== $undefined)
                    throw $Error("missing end group");
                return message;
            };

            return Experimental;
        })();

        return GetFlowsRequest;
    })();

    observer.GetFlowsResponse = (function() {

        const GetFlowsResponse = function (properties) {
            if (properties)
                for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                    if (properties[keys[i]] != null && keys[i] !== "__proto__")
                        this[keys[i]] = properties[keys[i]];
        };

        GetFlowsResponse.prototype.flow = null;
        GetFlowsResponse.prototype.nodeStatus = null;
        GetFlowsResponse.prototype.lostEvents = null;
        GetFlowsResponse.prototype.nodeName = "";
        GetFlowsResponse.prototype.time = null;

        let $oneOfFields;

        $Object.defineProperty(GetFlowsResponse.prototype, "responseTypes", {
            get: $util.oneOfGetter($oneOfFields = ["flow", "nodeStatus", "lostEvents"]),
            set: $oneOfSetter($oneOfFields)
        });

        GetFlowsResponse.create = function(properties) {
            return new GetFlowsResponse(properties);
        };

        GetFlowsResponse.encode = function (message, writer, _depth) {
            if (!writer)
                writer = $Writer.create();
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $util.recursionLimit)
                throw $Error("max depth exceeded");
            if (message.flow != null && $Object.hasOwnProperty.call(message, "flow"))
                $root.flow.Flow.encode(message.flow, writer.uint32(10).fork(), _depth + 1).ldelim();
            if (message.nodeStatus != null && $Object.hasOwnProperty.call(message, "nodeStatus"))
                $root.relay.NodeStatusEvent.encode(message.nodeStatus, writer.uint32(18).fork(), _depth + 1).ldelim();
            if (message.lostEvents != null && $Object.hasOwnProperty.call(message, "lostEvents"))
                $root.flow.LostEvent.encode(message.lostEvents, writer.uint32(26).fork(), _depth + 1).ldelim();
            if (message.nodeName != null && $Object.hasOwnProperty.call(message, "nodeName") && message.nodeName !== "")
                writer.uint32(8002).string(message.nodeName);
            if (message.time != null && $Object.hasOwnProperty.call(message, "time"))
                $root.google.protobuf.Timestamp.encode(message.time, writer.uint32(8010).fork(), _depth + 1).ldelim();
            if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                for (let i = 0; i < message.$unknowns.length; ++i)
                    writer.raw(message.$unknowns[i]);
            return writer;
        };

        GetFlowsResponse.decode = function (reader, length, _end, _depth, _target) {
            if (!(reader instanceof $Reader))
                reader = $Reader.create(reader);
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $Reader.recursionLimit)
                throw $Error("max depth exceeded");
            let end, message, value;
            if (length === $undefined)
                end = reader.len;
            else {
                end = reader.pos + length;
                if (end > reader.len)
                    throw $RangeError("index out of range");
                length = reader.len;
                reader.len = end;
            }
            message = _target || new $root.observer.GetFlowsResponse();
            while (reader.pos < end) {
                let start = reader.pos;
                let tag = reader.tag();
                if (tag === _end) {
                    _end = $undefined;
                    break;
                }
                let wireType = tag & 7;
                switch (tag >>>= 3) {
                case 1: {
                        if (wireType !== 2)
                            break;
                        message.flow = $root.flow.Flow.decode(reader, reader.size(), $undefined, _depth + 1, message.flow);
                        message.responseTypes = "flow";
                        continue;
                    }
                case 2: {
                        if (wireType !== 2)
                            break;
                        message.nodeStatus = $root.relay.NodeStatusEvent.decode(reader, reader.size(), $undefined, _depth + 1, message.nodeStatus);
                        message.responseTypes = "nodeStatus";
                        continue;
                    }
                case 3: {
                        if (wireType !== 2)
                            break;
                        message.lostEvents = $root.flow.LostEvent.decode(reader, reader.size(), $undefined, _depth + 1, message.lostEvents);
                        message.responseTypes = "lostEvents";
                        continue;
                    }
                case 1000: {
                        if (wireType !== 2)
                            break;
                        if ((value = reader.stringVerify()).length)
                            message.nodeName = value;
                        else
                            delete message.nodeName;
                        continue;
                    }
                case 1001: {
                        if (wireType !== 2)
                            break;
                        message.time = $root.google.protobuf.Timestamp.decode(reader, reader.size(), $undefined, _depth + 1, message.time);
                        continue;
                    }
                }
                reader.skipType(wireType, _depth, tag);
                if (!reader.discardUnknown) {
                    $util.makeProp(message, "$unknowns", false);
                    (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                }
            }
            if (length !== $undefined) {
                if (reader.pos !== end)
                    throw $RangeError("index out of range");
                reader.len = length;
            }
            if (_end !== $undefined)
                throw $Error("missing end group");
            return message;
        };

        return GetFlowsResponse;
    })();

    observer.GetAgentEventsRequest = (function() {

        const GetAgentEventsRequest = function (properties) {
            if (properties)
                for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                    if (properties[keys[i]] != null && keys[i] !== "__proto__")
                        this[keys[i]] = properties[keys[i]];
        };

        GetAgentEventsRequest.prototype.number = $util.Long ? $util.Long.fromBits(0,0,true) : 0;
        GetAgentEventsRequest.prototype.first = false;
        GetAgentEventsRequest.prototype.follow = false;
        GetAgentEventsRequest.prototype.since = null;
        GetAgentEventsRequest.prototype.until = null;

        GetAgentEventsRequest.create = function(properties) {
            return new GetAgentEventsRequest(properties);
        };

        GetAgentEventsRequest.encode = function (message, writer, _depth) {
            if (!writer)
                writer = $Writer.create();
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $util.recursionLimit)
                throw $Error("max depth exceeded");
            if (message.number != null && $Object.hasOwnProperty.call(message, "number") && (typeof message.number === "object" ? message.number.low || message.number.high : message.number !== 0))
                writer.uint32(8).uint64(message.number);
            if (message.follow != null && $Object.hasOwnProperty.call(message, "follow") && message.follow !== false)
                writer.uint32(16).bool(message.follow);
            if (message.since != null && $Object.hasOwnProperty.call(message, "since"))
                $root.google.protobuf.Timestamp.encode(message.since, writer.uint32(58).fork(), _depth + 1).ldelim();
            if (message.until != null && $Object.hasOwnProperty.call(message, "until"))
                $root.google.protobuf.Timestamp.encode(message.until, writer.uint32(66).fork(), _depth + 1).ldelim();
            if (message.first != null && $Object.hasOwnProperty.call(message, "first") && message.first !== false)
                writer.uint32(72).bool(message.first);
            if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                for (let i = 0; i < message.$unknowns.length; ++i)
                    writer.raw(message.$unknowns[i]);
            return writer;
        };

        GetAgentEventsRequest.decode = function (reader, length, _end, _depth, _target) {
            if (!(reader instanceof $Reader))
                reader = $Reader.create(reader);
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $Reader.recursionLimit)
                throw $Error("max depth exceeded");
            let end, message, value;
            if (length === $undefined)
                end = reader.len;
            else {
                end = reader.pos + length;
                if (end > reader.len)
                    throw $RangeError("index out of range");
                length = reader.len;
                reader.len = end;
            }
            message = _target || new $root.observer.GetAgentEventsRequest();
            while (reader.pos < end) {
                let start = reader.pos;
                let tag = reader.tag();
                if (tag === _end) {
                    _end = $undefined;
                    break;
                }
                let wireType = tag & 7;
                switch (tag >>>= 3) {
                case 1: {
                        if (wireType !== 0)
                            break;
                        if (typeof (value = reader.uint64()) === "object" ? value.low || value.high : value !== 0)
                            message.number = value;
                        else
                            delete message.number;
                        continue;
                    }
                case 9: {
                        if (wireType !== 0)
                            break;
                        if (value = reader.bool())
                            message.first = value;
                        else
                            delete message.first;
                        continue;
                    }
                case 2: {
                        if (wireType !== 0)
                            break;
                        if (value = reader.bool())
                            message.follow = value;
                        else
                            delete message.follow;
                        continue;
                    }
                case 7: {
                        if (wireType !== 2)
                            break;
                        message.since = $root.google.protobuf.Timestamp.decode(reader, reader.size(), $undefined, _depth + 1, message.since);
                        continue;
                    }
                case 8: {
                        if (wireType !== 2)
                            break;
                        message.until = $root.google.protobuf.Timestamp.decode(reader, reader.size(), $undefined, _depth + 1, message.until);
                        continue;
                    }
                }
                reader.skipType(wireType, _depth, tag);
                if (!reader.discardUnknown) {
                    $util.makeProp(message, "$unknowns", false);
                    (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                }
            }
            if (length !== $undefined) {
                if (reader.pos !== end)
                    throw $RangeError("index out of range");
                reader.len = length;
            }
            if (_end !== $undefined)
                throw $Error("missing end group");
            return message;
        };

        return GetAgentEventsRequest;
    })();

    observer.GetAgentEventsResponse = (function() {

        const GetAgentEventsResponse = function (properties) {
            if (properties)
                for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                    if (properties[keys[i]] != null && keys[i] !== "__proto__")
                        this[keys[i]] = properties[keys[i]];
        };

        GetAgentEventsResponse.prototype.agentEvent = null;
        GetAgentEventsResponse.prototype.nodeName = "";
        GetAgentEventsResponse.prototype.time = null;

        GetAgentEventsResponse.create = function(properties) {
            return new GetAgentEventsResponse(properties);
        };

        GetAgentEventsResponse.encode = function (message, writer, _depth) {
            if (!writer)
                writer = $Writer.create();
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $util.recursionLimit)
                throw $Error("max depth exceeded");
            if (message.agentEvent != null && $Object.hasOwnProperty.call(message, "agentEvent"))
                $root.flow.AgentEvent.encode(message.agentEvent, writer.uint32(10).fork(), _depth + 1).ldelim();
            if (message.nodeName != null && $Object.hasOwnProperty.call(message, "nodeName") && message.nodeName !== "")
                writer.uint32(8002).string(message.nodeName);
            if (message.time != null && $Object.hasOwnProperty.call(message, "time"))
                $root.google.protobuf.Timestamp.encode(message.time, writer.uint32(8010).fork(), _depth + 1).ldelim();
            if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                for (let i = 0; i < message.$unknowns.length; ++i)
                    writer.raw(message.$unknowns[i]);
            return writer;
        };

        GetAgentEventsResponse.decode = function (reader, length, _end, _depth, _target) {
            if (!(reader instanceof $Reader))
                reader = $Reader.create(reader);
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $Reader.recursionLimit)
                throw $Error("max depth exceeded");
            let end, message, value;
            if (length === $undefined)
                end = reader.len;
            else {
                end = reader.pos + length;
                if (end > reader.len)
                    throw $RangeError("index out of range");
                length = reader.len;
                reader.len = end;
            }
            message = _target || new $root.observer.GetAgentEventsResponse();
            while (reader.pos < end) {
                let start = reader.pos;
                let tag = reader.tag();
                if (tag === _end) {
                    _end = $undefined;
                    break;
                }
                let wireType = tag & 7;
                switch (tag >>>= 3) {
                case 1: {
                        if (wireType !== 2)
                            break;
                        message.agentEvent = $root.flow.AgentEvent.decode(reader, reader.size(), $undefined, _depth + 1, message.agentEvent);
                        continue;
                    }
                case 1000: {
                        if (wireType !== 2)
                            break;
                        if ((value = reader.stringVerify()).length)
                            message.nodeName = value;
                        else
                            delete message.nodeName;
                        continue;
                    }
                case 1001: {
                        if (wireType !== 2)
                            break;
                        message.time = $root.google.protobuf.Timestamp.decode(reader, reader.size(), $undefined, _depth + 1, message.time);
                        continue;
                    }
                }
                reader.skipType(wireType, _depth, tag);
                if (!reader.discardUnknown) {
                    $util.makeProp(message, "$unknowns", false);
                    (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                }
            }
            if (length !== $undefined) {
                if (reader.pos !== end)
                    throw $RangeError("index out of range");
                reader.len = length;
            }
            if (_end !== $undefined)
                throw $Error("missing end group");
            return message;
        };

        return GetAgentEventsResponse;
    })();

    observer.GetDebugEventsRequest = (function() {

        const GetDebugEventsRequest = function (properties) {
            if (properties)
                for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                    if (properties[keys[i]] != null && keys[i] !== "__proto__")
                        this[keys[i]] = properties[keys[i]];
        };

        GetDebugEventsRequest.prototype.number = $util.Long ? $util.Long.fromBits(0,0,true) : 0;
        GetDebugEventsRequest.prototype.first = false;
        GetDebugEventsRequest.prototype.follow = false;
        GetDebugEventsRequest.prototype.since = null;
        GetDebugEventsRequest.prototype.until = null;

        GetDebugEventsRequest.create = function(properties) {
            return new GetDebugEventsRequest(properties);
        };

        GetDebugEventsRequest.encode = function (message, writer, _depth) {
            if (!writer)
                writer = $Writer.create();
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $util.recursionLimit)
                throw $Error("max depth exceeded");
            if (message.number != null && $Object.hasOwnProperty.call(message, "number") && (typeof message.number === "object" ? message.number.low || message.number.high : message.number !== 0))
                writer.uint32(8).uint64(message.number);
            if (message.follow != null && $Object.hasOwnProperty.call(message, "follow") && message.follow !== false)
                writer.uint32(16).bool(message.follow);
            if (message.since != null && $Object.hasOwnProperty.call(message, "since"))
                $root.google.protobuf.Timestamp.encode(message.since, writer.uint32(58).fork(), _depth + 1).ldelim();
            if (message.until != null && $Object.hasOwnProperty.call(message, "until"))
                $root.google.protobuf.Timestamp.encode(message.until, writer.uint32(66).fork(), _depth + 1).ldelim();
            if (message.first != null && $Object.hasOwnProperty.call(message, "first") && message.first !== false)
                writer.uint32(72).bool(message.first);
            if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                for (let i = 0; i < message.$unknowns.length; ++i)
                    writer.raw(message.$unknowns[i]);
            return writer;
        };

        GetDebugEventsRequest.decode = function (reader, length, _end, _depth, _target) {
            if (!(reader instanceof $Reader))
                reader = $Reader.create(reader);
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $Reader.recursionLimit)
                throw $Error("max depth exceeded");
            let end, message, value;
            if (length === $undefined)
                end = reader.len;
            else {
                end = reader.pos + length;
                if (end > reader.len)
                    throw $RangeError("index out of range");
                length = reader.len;
                reader.len = end;
            }
            message = _target || new $root.observer.GetDebugEventsRequest();
            while (reader.pos < end) {
                let start = reader.pos;
                let tag = reader.tag();
                if (tag === _end) {
                    _end = $undefined;
                    break;
                }
                let wireType = tag & 7;
                switch (tag >>>= 3) {
                case 1: {
                        if (wireType !== 0)
                            break;
                        if (typeof (value = reader.uint64()) === "object" ? value.low || value.high : value !== 0)
                            message.number = value;
                        else
                            delete message.number;
                        continue;
                    }
                case 9: {
                        if (wireType !== 0)
                            break;
                        if (value = reader.bool())
                            message.first = value;
                        else
                            delete message.first;
                        continue;
                    }
                case 2: {
                        if (wireType !== 0)
                            break;
                        if (value = reader.bool())
                            message.follow = value;
                        else
                            delete message.follow;
                        continue;
                    }
                case 7: {
                        if (wireType !== 2)
                            break;
                        message.since = $root.google.protobuf.Timestamp.decode(reader, reader.size(), $undefined, _depth + 1, message.since);
                        continue;
                    }
                case 8: {
                        if (wireType !== 2)
                            break;
                        message.until = $root.google.protobuf.Timestamp.decode(reader, reader.size(), $undefined, _depth + 1, message.until);
                        continue;
                    }
                }
                reader.skipType(wireType, _depth, tag);
                if (!reader.discardUnknown) {
                    $util.makeProp(message, "$unknowns", false);
                    (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                }
            }
            if (length !== $undefined) {
                if (reader.pos !== end)
                    throw $RangeError("index out of range");
                reader.len = length;
            }
            if (_end !== $undefined)
                throw $Error("missing end group");
            return message;
        };

        return GetDebugEventsRequest;
    })();

    observer.GetDebugEventsResponse = (function() {

        const GetDebugEventsResponse = function (properties) {
            if (properties)
                for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                    if (properties[keys[i]] != null && keys[i] !== "__proto__")
                        this[keys[i]] = properties[keys[i]];
        };

        GetDebugEventsResponse.prototype.debugEvent = null;
        GetDebugEventsResponse.prototype.nodeName = "";
        GetDebugEventsResponse.prototype.time = null;

        GetDebugEventsResponse.create = function(properties) {
            return new GetDebugEventsResponse(properties);
        };

        GetDebugEventsResponse.encode = function (message, writer, _depth) {
            if (!writer)
                writer = $Writer.create();
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $util.recursionLimit)
                throw $Error("max depth exceeded");
            if (message.debugEvent != null && $Object.hasOwnProperty.call(message, "debugEvent"))
                $root.flow.DebugEvent.encode(message.debugEvent, writer.uint32(10).fork(), _depth + 1).ldelim();
            if (message.nodeName != null && $Object.hasOwnProperty.call(message, "nodeName") && message.nodeName !== "")
                writer.uint32(8002).string(message.nodeName);
            if (message.time != null && $Object.hasOwnProperty.call(message, "time"))
                $root.google.protobuf.Timestamp.encode(message.time, writer.uint32(8010).fork(), _depth + 1).ldelim();
            if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                for (let i = 0; i < message.$unknowns.length; ++i)
                    writer.raw(message.$unknowns[i]);
            return writer;
        };

        GetDebugEventsResponse.decode = function (reader, length, _end, _depth, _target) {
            if (!(reader instanceof $Reader))
                reader = $Reader.create(reader);
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $Reader.recursionLimit)
                throw $Error("max depth exceeded");
            let end, message, value;
            if (length === $undefined)
                end = reader.len;
            else {
                end = reader.pos + length;
                if (end > reader.len)
                    throw $RangeError("index out of range");
                length = reader.len;
                reader.len = end;
            }
            message = _target || new $root.observer.GetDebugEventsResponse();
            while (reader.pos < end) {
                let start = reader.pos;
                let tag = reader.tag();
                if (tag === _end) {
                    _end = $undefined;
                    break;
                }
                let wireType = tag & 7;
                switch (tag >>>= 3) {
                case 1: {
                        if (wireType !== 2)
                            break;
                        message.debugEvent = $root.flow.DebugEvent.decode(reader, reader.size(), $undefined, _depth + 1, message.debugEvent);
                        continue;
                    }
                case 1000: {
                        if (wireType !== 2)
                            break;
                        if ((value = reader.stringVerify()).length)
                            message.nodeName = value;
                        else
                            delete message.nodeName;
                        continue;
                    }
                case 1001: {
                        if (wireType !== 2)
                            break;
                        message.time = $root.google.protobuf.Timestamp.decode(reader, reader.size(), $undefined, _depth + 1, message.time);
                        continue;
                    }
                }
                reader.skipType(wireType, _depth, tag);
                if (!reader.discardUnknown) {
                    $util.makeProp(message, "$unknowns", false);
                    (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                }
            }
            if (length !== $undefined) {
                if (reader.pos !== end)
                    throw $RangeError("index out of range");
                reader.len = length;
            }
            if (_end !== $undefined)
                throw $Error("missing end group");
            return message;
        };

        return GetDebugEventsResponse;
    })();

    observer.GetNodesRequest = (function() {

        const GetNodesRequest = function (properties) {
            if (properties)
                for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                    if (properties[keys[i]] != null && keys[i] !== "__proto__")
                        this[keys[i]] = properties[keys[i]];
        };

        GetNodesRequest.create = function(properties) {
            return new GetNodesRequest(properties);
        };

        GetNodesRequest.encode = function (message, writer, _depth) {
            if (!writer)
                writer = $Writer.create();
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $util.recursionLimit)
                throw $Error("max depth exceeded");
            if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                for (let i = 0; i < message.$unknowns.length; ++i)
                    writer.raw(message.$unknowns[i]);
            return writer;
        };

        GetNodesRequest.decode = function (reader, length, _end, _depth, _target) {
            if (!(reader instanceof $Reader))
                reader = $Reader.create(reader);
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $Reader.recursionLimit)
                throw $Error("max depth exceeded");
            let end, message;
            if (length === $undefined)
                end = reader.len;
            else {
                end = reader.pos + length;
                if (end > reader.len)
                    throw $RangeError("index out of range");
                length = reader.len;
                reader.len = end;
            }
            message = _target || new $root.observer.GetNodesRequest();
            while (reader.pos < end) {
                let start = reader.pos;
                let tag = reader.tag();
                if (tag === _end) {
                    _end = $undefined;
                    break;
                }
                reader.skipType(tag & 7, _depth, tag);
                if (!reader.discardUnknown) {
                    $util.makeProp(message, "$unknowns", false);
                    (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                }
            }
            if (length !== $undefined) {
                if (reader.pos !== end)
                    throw $RangeError("index out of range");
                reader.len = length;
            }
            if (_end !== $undefined)
                throw $Error("missing end group");
            return message;
        };

        return GetNodesRequest;
    })();

    observer.GetNodesResponse = (function() {

        const GetNodesResponse = function (properties) {
            this.nodes = [];
            if (properties)
                for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                    if (properties[keys[i]] != null && keys[i] !== "__proto__")
                        this[keys[i]] = properties[keys[i]];
        };

        GetNodesResponse.prototype.nodes = $util.emptyArray;

        GetNodesResponse.create = function(properties) {
            return new GetNodesResponse(properties);
        };

        GetNodesResponse.encode = function (message, writer, _depth) {
            if (!writer)
                writer = $Writer.create();
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $util.recursionLimit)
                throw $Error("max depth exceeded");
            if (message.nodes != null && message.nodes.length)
                for (let i = 0; i < message.nodes.length; ++i)
                    $root.observer.Node.encode(message.nodes[i], writer.uint32(10).fork(), _depth + 1).ldelim();
            if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                for (let i = 0; i < message.$unknowns.length; ++i)
                    writer.raw(message.$unknowns[i]);
            return writer;
        };

        GetNodesResponse.decode = function (reader, length, _end, _depth, _target) {
            if (!(reader instanceof $Reader))
                reader = $Reader.create(reader);
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $Reader.recursionLimit)
                throw $Error("max depth exceeded");
            let end, message;
            if (length === $undefined)
                end = reader.len;
            else {
                end = reader.pos + length;
                if (end > reader.len)
                    throw $RangeError("index out of range");
                length = reader.len;
                reader.len = end;
            }
            message = _target || new $root.observer.GetNodesResponse();
            while (reader.pos < end) {
                let start = reader.pos;
                let tag = reader.tag();
                if (tag === _end) {
                    _end = $undefined;
                    break;
                }
                let wireType = tag & 7;
                switch (tag >>>= 3) {
                case 1: {
                        if (wireType !== 2)
                            break;
                        if (!(message.nodes && message.nodes.length))
                            message.nodes = [];
                        message.nodes.push($root.observer.Node.decode(reader, reader.size(), $undefined, _depth + 1));
                        continue;
                    }
                }
                reader.skipType(wireType, _depth, tag);
                if (!reader.discardUnknown) {
                    $util.makeProp(message, "$unknowns", false);
                    (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                }
            }
            if (length !== $undefined) {
                if (reader.pos !== end)
                    throw $RangeError("index out of range");
                reader.len = length;
            }
            if (_end !== $undefined)
                throw $Error("missing end group");
            return message;
        };

        return GetNodesResponse;
    })();

    observer.Node = (function() {

        const Node = function (properties) {
            if (properties)
                for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                    if (properties[keys[i]] != null && keys[i] !== "__proto__")
                        this[keys[i]] = properties[keys[i]];
        };

        Node.prototype.name = "";
        Node.prototype.version = "";
        Node.prototype.address = "";
        Node.prototype.state = 0;
        Node.prototype.tls = null;
        Node.prototype.uptimeNs = $util.Long ? $util.Long.fromBits(0,0,true) : 0;
        Node.prototype.numFlows = $util.Long ? $util.Long.fromBits(0,0,true) : 0;
        Node.prototype.maxFlows = $util.Long ? $util.Long.fromBits(0,0,true) : 0;
        Node.prototype.seenFlows = $util.Long ? $util.Long.fromBits(0,0,true) : 0;

        Node.create = function(properties) {
            return new Node(properties);
        };

        Node.encode = function (message, writer, _depth) {
            if (!writer)
                writer = $Writer.create();
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $util.recursionLimit)
                throw $Error("max depth exceeded");
            if (message.name != null && $Object.hasOwnProperty.call(message, "name") && message.name !== "")
                writer.uint32(10).string(message.name);
            if (message.version != null && $Object.hasOwnProperty.call(message, "version") && message.version !== "")
                writer.uint32(18).string(message.version);
            if (message.address != null && $Object.hasOwnProperty.call(message, "address") && message.address !== "")
                writer.uint32(26).string(message.address);
            if (message.state != null && $Object.hasOwnProperty.call(message, "state") && message.state !== 0)
                writer.uint32(32).int32(message.state);
            if (message.tls != null && $Object.hasOwnProperty.call(message, "tls"))
                $root.observer.TLS.encode(message.tls, writer.uint32(42).fork(), _depth + 1).ldelim();
            if (message.uptimeNs != null && $Object.hasOwnProperty.call(message, "uptimeNs") && (typeof message.uptimeNs === "object" ? message.uptimeNs.low || message.uptimeNs.high : message.uptimeNs !== 0))
                writer.uint32(48).uint64(message.uptimeNs);
            if (message.numFlows != null && $Object.hasOwnProperty.call(message, "numFlows") && (typeof message.numFlows === "object" ? message.numFlows.low || message.numFlows.high : message.numFlows !== 0))
                writer.uint32(56).uint64(message.numFlows);
            if (message.maxFlows != null && $Object.hasOwnProperty.call(message, "maxFlows") && (typeof message.maxFlows === "object" ? message.maxFlows.low || message.maxFlows.high : message.maxFlows !== 0))
                writer.uint32(64).uint64(message.maxFlows);
            if (message.seenFlows != null && $Object.hasOwnProperty.call(message, "seenFlows") && (typeof message.seenFlows === "object" ? message.seenFlows.low || message.seenFlows.high : message.seenFlows !== 0))
                writer.uint32(72).uint64(message.seenFlows);
            if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                for (let i = 0; i < message.$unknowns.length; ++i)
                    writer.raw(message.$unknowns[i]);
            return writer;
        };

        Node.decode = function (reader, length, _end, _depth, _target) {
            if (!(reader instanceof $Reader))
                reader = $Reader.create(reader);
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $Reader.recursionLimit)
                throw $Error("max depth exceeded");
            let end, message, value;
            if (length === $undefined)
                end = reader.len;
            else {
                end = reader.pos + length;
                if (end > reader.len)
                    throw $RangeError("index out of range");
                length = reader.len;
                reader.len = end;
            }
            message = _target || new $root.observer.Node();
            while (reader.pos < end) {
                let start = reader.pos;
                let tag = reader.tag();
                if (tag === _end) {
                    _end = $undefined;
                    break;
                }
                let wireType = tag & 7;
                switch (tag >>>= 3) {
                case 1: {
                        if (wireType !== 2)
                            break;
                        if ((value = reader.stringVerify()).length)
                            message.name = value;
                        else
                            delete message.name;
                        continue;
                    }
                case 2: {
                        if (wireType !== 2)
                            break;
                        if ((value = reader.stringVerify()).length)
                            message.version = value;
                        else
                            delete message.version;
                        continue;
                    }
                case 3: {
                        if (wireType !== 2)
                            break;
                        if ((value = reader.stringVerify()).length)
                            message.address = value;
                        else
                            delete message.address;
                        continue;
                    }
                case 4: {
                        if (wireType !== 0)
                            break;
                        if (value = reader.int32())
                            message.state = value;
                        else
                            delete message.state;
                        continue;
                    }
                case 5: {
                        if (wireType !== 2)
                            break;
                        message.tls = $root.observer.TLS.decode(reader, reader.size(), $undefined, _depth + 1, message.tls);
                        continue;
                    }
                case 6: {
                        if (wireType !== 0)
                            break;
                        if (typeof (value = reader.uint64()) === "object" ? value.low || value.high : value !== 0)
                            message.uptimeNs = value;
                        else
                            delete message.uptimeNs;
                        continue;
                    }
                case 7: {
                        if (wireType !== 0)
                            break;
                        if (typeof (value = reader.uint64()) === "object" ? value.low || value.high : value !== 0)
                            message.numFlows = value;
                        else
                            delete message.numFlows;
                        continue;
                    }
                case 8: {
                        if (wireType !== 0)
                            break;
                        if (typeof (value = reader.uint64()) === "object" ? value.low || value.high : value !== 0)
                            message.maxFlows = value;
                        else
                            delete message.maxFlows;
                        continue;
                    }
                case 9: {
                        if (wireType !== 0)
                            break;
                        if (typeof (value = reader.uint64()) === "object" ? value.low || value.high : value !== 0)
                            message.seenFlows = value;
                        else
                            delete message.seenFlows;
                        continue;
                    }
                }
                reader.skipType(wireType, _depth, tag);
                if (!reader.discardUnknown) {
                    $util.makeProp(message, "$unknowns", false);
                    (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                }
            }
            if (length !== $undefined) {
                if (reader.pos !== end)
                    throw $RangeError("index out of range");
                reader.len = length;
            }
            if (_end !== $undefined)
                throw $Error("missing end group");
            return message;
        };

        return Node;
    })();

    observer.TLS = (function() {

        const TLS = function (properties) {
            if (properties)
                for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                    if (properties[keys[i]] != null && keys[i] !== "__proto__")
                        this[keys[i]] = properties[keys[i]];
        };

        TLS.prototype.enabled = false;
        TLS.prototype.serverName = "";

        TLS.create = function(properties) {
            return new TLS(properties);
        };

        TLS.encode = function (message, writer, _depth) {
            if (!writer)
                writer = $Writer.create();
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $util.recursionLimit)
                throw $Error("max depth exceeded");
            if (message.enabled != null && $Object.hasOwnProperty.call(message, "enabled") && message.enabled !== false)
                writer.uint32(8).bool(message.enabled);
            if (message.serverName != null && $Object.hasOwnProperty.call(message, "serverName") && message.serverName !== "")
                writer.uint32(18).string(message.serverName);
            if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                for (let i = 0; i < message.$unknowns.length; ++i)
                    writer.raw(message.$unknowns[i]);
            return writer;
        };

        TLS.decode = function (reader, length, _end, _depth, _target) {
            if (!(reader instanceof $Reader))
                reader = $Reader.create(reader);
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $Reader.recursionLimit)
                throw $Error("max depth exceeded");
            let end, message, value;
            if (length === $undefined)
                end = reader.len;
            else {
                end = reader.pos + length;
                if (end > reader.len)
                    throw $RangeError("index out of range");
                length = reader.len;
                reader.len = end;
            }
            message = _target || new $root.observer.TLS();
            while (reader.pos < end) {
                let start = reader.pos;
                let tag = reader.tag();
                if (tag === _end) {
                    _end = $undefined;
                    break;
                }
                let wireType = tag & 7;
                switch (tag >>>= 3) {
                case 1: {
                        if (wireType !== 0)
                            break;
                        if (value = reader.bool())
                            message.enabled = value;
                        else
                            delete message.enabled;
                        continue;
                    }
                case 2: {
                        if (wireType !== 2)
                            break;
                        if ((value = reader.stringVerify()).length)
                            message.serverName = value;
                        else
                            delete message.serverName;
                        continue;
                    }
                }
                reader.skipType(wireType, _depth, tag);
                if (!reader.discardUnknown) {
                    $util.makeProp(message, "$unknowns", false);
                    (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                }
            }
            if (length !== $undefined) {
                if (reader.pos !== end)
                    throw $RangeError("index out of range");
                reader.len = length;
            }
            if (_end !== $undefined)
                throw $Error("missing end group");
            return message;
        };

        return TLS;
    })();

    observer.GetNamespacesRequest = (function() {

        const GetNamespacesRequest = function (properties) {
            if (properties)
                for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                    if (properties[keys[i]] != null && keys[i] !== "__proto__")
                        this[keys[i]] = properties[keys[i]];
        };

        GetNamespacesRequest.create = function(properties) {
            return new GetNamespacesRequest(properties);
        };

        GetNamespacesRequest.encode = function (message, writer, _depth) {
            if (!writer)
                writer = $Writer.create();
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $util.recursionLimit)
                throw $Error("max depth exceeded");
            if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                for (let i = 0; i < message.$unknowns.length; ++i)
                    writer.raw(message.$unknowns[i]);
            return writer;
        };

        GetNamespacesRequest.decode = function (reader, length, _end, _depth, _target) {
            if (!(reader instanceof $Reader))
                reader = $Reader.create(reader);
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $Reader.recursionLimit)
                throw $Error("max depth exceeded");
            let end, message;
            if (length === $undefined)
                end = reader.len;
            else {
                end = reader.pos + length;
                if (end > reader.len)
                    throw $RangeError("index out of range");
                length = reader.len;
                reader.len = end;
            }
            message = _target || new $root.observer.GetNamespacesRequest();
            while (reader.pos < end) {
                let start = reader.pos;
                let tag = reader.tag();
                if (tag === _end) {
                    _end = $undefined;
                    break;
                }
                reader.skipType(tag & 7, _depth, tag);
                if (!reader.discardUnknown) {
                    $util.makeProp(message, "$unknowns", false);
                    (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                }
            }
            if (length !== $undefined) {
                if (reader.pos !== end)
                    throw $RangeError("index out of range");
                reader.len = length;
            }
            if (_end !== $undefined)
                throw $Error("missing end group");
            return message;
        };

        return GetNamespacesRequest;
    })();

    observer.GetNamespacesResponse = (function() {

        const GetNamespacesResponse = function (properties) {
            this.namespaces = [];
            if (properties)
                for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                    if (properties[keys[i]] != null && keys[i] !== "__proto__")
                        this[keys[i]] = properties[keys[i]];
        };

        GetNamespacesResponse.prototype.namespaces = $util.emptyArray;

        GetNamespacesResponse.create = function(properties) {
            return new GetNamespacesResponse(properties);
        };

        GetNamespacesResponse.encode = function (message, writer, _depth) {
            if (!writer)
                writer = $Writer.create();
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $util.recursionLimit)
                throw $Error("max depth exceeded");
            if (message.namespaces != null && message.namespaces.length)
                for (let i = 0; i < message.namespaces.length; ++i)
                    $root.observer.Namespace.encode(message.namespaces[i], writer.uint32(10).fork(), _depth + 1).ldelim();
            if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                for (let i = 0; i < message.$unknowns.length; ++i)
                    writer.raw(message.$unknowns[i]);
            return writer;
        };

        GetNamespacesResponse.decode = function (reader, length, _end, _depth, _target) {
            if (!(reader instanceof $Reader))
                reader = $Reader.create(reader);
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $Reader.recursionLimit)
                throw $Error("max depth exceeded");
            let end, message;
            if (length === $undefined)
                end = reader.len;
            else {
                end = reader.pos + length;
                if (end > reader.len)
                    throw $RangeError("index out of range");
                length = reader.len;
                reader.len = end;
            }
            message = _target || new $root.observer.GetNamespacesResponse();
            while (reader.pos < end) {
                let start = reader.pos;
                let tag = reader.tag();
                if (tag === _end) {
                    _end = $undefined;
                    break;
                }
                let wireType = tag & 7;
                switch (tag >>>= 3) {
                case 1: {
                        if (wireType !== 2)
                            break;
                        if (!(message.namespaces && message.namespaces.length))
                            message.namespaces = [];
                        message.namespaces.push($root.observer.Namespace.decode(reader, reader.size(), $undefined, _depth + 1));
                        continue;
                    }
                }
                reader.skipType(wireType, _depth, tag);
                if (!reader.discardUnknown) {
                    $util.makeProp(message, "$unknowns", false);
                    (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                }
            }
            if (length !== $undefined) {
                if (reader.pos !== end)
                    throw $RangeError("index out of range");
                reader.len = length;
            }
            if (_end !== $undefined)
                throw $Error("missing end group");
            return message;
        };

        return GetNamespacesResponse;
    })();

    observer.Namespace = (function() {

        const Namespace = function (properties) {
            if (properties)
                for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                    if (properties[keys[i]] != null && keys[i] !== "__proto__")
                        this[keys[i]] = properties[keys[i]];
        };

        Namespace.prototype.cluster = "";
        Namespace.prototype.namespace = "";

        Namespace.create = function(properties) {
            return new Namespace(properties);
        };

        Namespace.encode = function (message, writer, _depth) {
            if (!writer)
                writer = $Writer.create();
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $util.recursionLimit)
                throw $Error("max depth exceeded");
            if (message.cluster != null && $Object.hasOwnProperty.call(message, "cluster") && message.cluster !== "")
                writer.uint32(10).string(message.cluster);
            if (message.namespace != null && $Object.hasOwnProperty.call(message, "namespace") && message.namespace !== "")
                writer.uint32(18).string(message.namespace);
            if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                for (let i = 0; i < message.$unknowns.length; ++i)
                    writer.raw(message.$unknowns[i]);
            return writer;
        };

        Namespace.decode = function (reader, length, _end, _depth, _target) {
            if (!(reader instanceof $Reader))
                reader = $Reader.create(reader);
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $Reader.recursionLimit)
                throw $Error("max depth exceeded");
            let end, message, value;
            if (length === $undefined)
                end = reader.len;
            else {
                end = reader.pos + length;
                if (end > reader.len)
                    throw $RangeError("index out of range");
                length = reader.len;
                reader.len = end;
            }
            message = _target || new $root.observer.Namespace();
            while (reader.pos < end) {
                let start = reader.pos;
                let tag = reader.tag();
                if (tag === _end) {
                    _end = $undefined;
                    break;
                }
                let wireType = tag & 7;
                switch (tag >>>= 3) {
                case 1: {
                        if (wireType !== 2)
                            break;
                        if ((value = reader.stringVerify()).length)
                            message.cluster = value;
                        else
                            delete message.cluster;
                        continue;
                    }
                case 2: {
                        if (wireType !== 2)
                            break;
                        if ((value = reader.stringVerify()).length)
                            message.namespace = value;
                        else
                            delete message.namespace;
                        continue;
                    }
                }
                reader.skipType(wireType, _depth, tag);
                if (!reader.discardUnknown) {
                    $util.makeProp(message, "$unknowns", false);
                    (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                }
            }
            if (length !== $undefined) {
                if (reader.pos !== end)
                    throw $RangeError("index out of range");
                reader.len = length;
            }
            if (_end !== $undefined)
                throw $Error("missing end group");
            return message;
        };

        return Namespace;
    })();

    observer.ExportEvent = (function() {

        const ExportEvent = function (properties) {
            if (properties)
                for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                    if (properties[keys[i]] != null && keys[i] !== "__proto__")
                        this[keys[i]] = properties[keys[i]];
        };

        ExportEvent.prototype.flow = null;
        ExportEvent.prototype.nodeStatus = null;
        ExportEvent.prototype.lostEvents = null;
        ExportEvent.prototype.agentEvent = null;
        ExportEvent.prototype.debugEvent = null;
        ExportEvent.prototype.nodeName = "";
        ExportEvent.prototype.time = null;

        let $oneOfFields;

        $Object.defineProperty(ExportEvent.prototype, "responseTypes", {
            get: $util.oneOfGetter($oneOfFields = ["flow", "nodeStatus", "lostEvents", "agentEvent", "debugEvent"]),
            set: $oneOfSetter($oneOfFields)
        });

        ExportEvent.create = function(properties) {
            return new ExportEvent(properties);
        };

        ExportEvent.encode = function (message, writer, _depth) {
            if (!writer)
                writer = $Writer.create();
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $util.recursionLimit)
                throw $Error("max depth exceeded");
            if (message.flow != null && $Object.hasOwnProperty.call(message, "flow"))
                $root.flow.Flow.encode(message.flow, writer.uint32(10).fork(), _depth + 1).ldelim();
            if (message.nodeStatus != null && $Object.hasOwnProperty.call(message, "nodeStatus"))
                $root.relay.NodeStatusEvent.encode(message.nodeStatus, writer.uint32(18).fork(), _depth + 1).ldelim();
            if (message.lostEvents != null && $Object.hasOwnProperty.call(message, "lostEvents"))
                $root.flow.LostEvent.encode(message.lostEvents, writer.uint32(26).fork(), _depth + 1).ldelim();
            if (message.agentEvent != null && $Object.hasOwnProperty.call(message, "agentEvent"))
                $root.flow.AgentEvent.encode(message.agentEvent, writer.uint32(34).fork(), _depth + 1).ldelim();
            if (message.debugEvent != null && $Object.hasOwnProperty.call(message, "debugEvent"))
                $root.flow.DebugEvent.encode(message.debugEvent, writer.uint32(42).fork(), _depth + 1).ldelim();
            if (message.nodeName != null && $Object.hasOwnProperty.call(message, "nodeName") && message.nodeName !== "")
                writer.uint32(8002).string(message.nodeName);
            if (message.time != null && $Object.hasOwnProperty.call(message, "time"))
                $root.google.protobuf.Timestamp.encode(message.time, writer.uint32(8010).fork(), _depth + 1).ldelim();
            if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                for (let i = 0; i < message.$unknowns.length; ++i)
                    writer.raw(message.$unknowns[i]);
            return writer;
        };

        ExportEvent.decode = function (reader, length, _end, _depth, _target) {
            if (!(reader instanceof $Reader))
                reader = $Reader.create(reader);
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $Reader.recursionLimit)
                throw $Error("max depth exceeded");
            let end, message, value;
            if (length === $undefined)
                end = reader.len;
            else {
                end = reader.pos + length;
                if (end > reader.len)
                    throw $RangeError("index out of range");
                length = reader.len;
                reader.len = end;
            }
            message = _target || new $root.observer.ExportEvent();
            while (reader.pos < end) {
                let start = reader.pos;
                let tag = reader.tag();
                if (tag === _end) {
                    _end = $undefined;
                    break;
                }
                let wireType = tag & 7;
                switch (tag >>>= 3) {
                case 1: {
                        if (wireType !== 2)
                            break;
                        message.flow = $root.flow.Flow.decode(reader, reader.size(), $undefined, _depth + 1, message.flow);
                        message.responseTypes = "flow";
                        continue;
                    }
                case 2: {
                        if (wireType !== 2)
                            break;
                        message.nodeStatus = $root.relay.NodeStatusEvent.decode(reader, reader.size(), $undefined, _depth + 1, message.nodeStatus);
                        message.responseTypes = "nodeStatus";
                        continue;
                    }
                case 3: {
                        if (wireType !== 2)
                            break;
                        message.lostEvents = $root.flow.LostEvent.decode(reader, reader.size(), $undefined, _depth + 1, message.lostEvents);
                        message.responseTypes = "lostEvents";
                        continue;
                    }
                case 4: {
                        if (wireType !== 2)
                            break;
                        message.agentEvent = $root.flow.AgentEvent.decode(reader, reader.size(), $undefined, _depth + 1, message.agentEvent);
                        message.responseTypes = "agentEvent";
                        continue;
                    }
                case 5: {
                        if (wireType !== 2)
                            break;
                        message.debugEvent = $root.flow.DebugEvent.decode(reader, reader.size(), $undefined, _depth + 1, message.debugEvent);
                        message.responseTypes = "debugEvent";
                        continue;
                    }
                case 1000: {
                        if (wireType !== 2)
                            break;
                        if ((value = reader.stringVerify()).length)
                            message.nodeName = value;
                        else
                            delete message.nodeName;
                        continue;
                    }
                case 1001: {
                        if (wireType !== 2)
                            break;
                        message.time = $root.google.protobuf.Timestamp.decode(reader, reader.size(), $undefined, _depth + 1, message.time);
                        continue;
                    }
                }
                reader.skipType(wireType, _depth, tag);
                if (!reader.discardUnknown) {
                    $util.makeProp(message, "$unknowns", false);
                    (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                }
            }
            if (length !== $undefined) {
                if (reader.pos !== end)
                    throw $RangeError("index out of range");
                reader.len = length;
            }
            if (_end !== $undefined)
                throw $Error("missing end group");
            return message;
        };

        return ExportEvent;
    })();

    return observer;
})();

/** @type {typeof import("./hubble.js").google} */
export const google = $root.google = (() => {

    const google = {};

    google.protobuf = (function() {

        const protobuf = {};

        protobuf.Any = (function() {

            const Any = function (properties) {
                if (properties)
                    for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            };

            Any.prototype.type_url = "";
            Any.prototype.value = $util.newBuffer([]);

            Any.create = function(properties) {
                return new Any(properties);
            };

            Any.encode = function (message, writer, _depth) {
                if (!writer)
                    writer = $Writer.create();
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (message.type_url != null && $Object.hasOwnProperty.call(message, "type_url") && message.type_url !== "")
                    writer.uint32(10).string(message.type_url);
                if (message.value != null && $Object.hasOwnProperty.call(message, "value") && message.value.length)
                    writer.uint32(18).bytes(message.value);
                if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                    for (let i = 0; i < message.$unknowns.length; ++i)
                        writer.raw(message.$unknowns[i]);
                return writer;
            };

            Any.decode = function (reader, length, _end, _depth, _target) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                let end, message, value;
                if (length === $undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw $RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = _target || new $root.google.protobuf.Any();
                while (reader.pos < end) {
                    let start = reader.pos;
                    let tag = reader.tag();
                    if (tag === _end) {
                        _end = $undefined;
                        break;
                    }
                    let wireType = tag & 7;
                    switch (tag >>>= 3) {
                    case 1: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.type_url = value;
                            else
                                delete message.type_url;
                            continue;
                        }
                    case 2: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.bytes()).length)
                                message.value = value;
                            else
                                delete message.value;
                            continue;
                        }
                    }
                    reader.skipType(wireType, _depth, tag);
                    if (!reader.discardUnknown) {
                        $util.makeProp(message, "$unknowns", false);
                        (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                    }
                }
                if (length !== $undefined) {
                    if (reader.pos !== end)
                        throw $RangeError("index out of range");
                    reader.len = length;
                }
                if (_end !== $undefined)
                    throw $Error("missing end group");
                return message;
            };

            return Any;
        })();

        protobuf.Timestamp = (function() {

            const Timestamp = function (properties) {
                if (properties)
                    for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            };

            Timestamp.prototype.seconds = $util.Long ? $util.Long.fromBits(0,0,false) : 0;
            Timestamp.prototype.nanos = 0;

            Timestamp.create = function(properties) {
                return new Timestamp(properties);
            };

            Timestamp.encode = function (message, writer, _depth) {
                if (!writer)
                    writer = $Writer.create();
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (message.seconds != null && $Object.hasOwnProperty.call(message, "seconds") && (typeof message.seconds === "object" ? message.seconds.low || message.seconds.high : message.seconds !== 0))
                    writer.uint32(8).int64(message.seconds);
                if (message.nanos != null && $Object.hasOwnProperty.call(message, "nanos") && message.nanos !== 0)
                    writer.uint32(16).int32(message.nanos);
                if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                    for (let i = 0; i < message.$unknowns.length; ++i)
                        writer.raw(message.$unknowns[i]);
                return writer;
            };

            Timestamp.decode = function (reader, length, _end, _depth, _target) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                let end, message, value;
                if (length === $undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw $RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = _target || new $root.google.protobuf.Timestamp();
                while (reader.pos < end) {
                    let start = reader.pos;
                    let tag = reader.tag();
                    if (tag === _end) {
                        _end = $undefined;
                        break;
                    }
                    let wireType = tag & 7;
                    switch (tag >>>= 3) {
                    case 1: {
                            if (wireType !== 0)
                                break;
                            if (typeof (value = reader.int64()) === "object" ? value.low || value.high : value !== 0)
                                message.seconds = value;
                            else
                                delete message.seconds;
                            continue;
                        }
                    case 2: {
                            if (wireType !== 0)
                                break;
                            if (value = reader.int32())
                                message.nanos = value;
                            else
                                delete message.nanos;
                            continue;
                        }
                    }
                    reader.skipType(wireType, _depth, tag);
                    if (!reader.discardUnknown) {
                        $util.makeProp(message, "$unknowns", false);
                        (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                    }
                }
                if (length !== $undefined) {
                    if (reader.pos !== end)
                        throw $RangeError("index out of range");
                    reader.len = length;
                }
                if (_end !== $undefined)
                    throw $Error("missing end group");
                return message;
            };

            return Timestamp;
        })();

        protobuf.DoubleValue = (function() {

            const DoubleValue = function (properties) {
                if (properties)
                    for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            };

            DoubleValue.prototype.value = 0;

            DoubleValue.create = function(properties) {
                return new DoubleValue(properties);
            };

            DoubleValue.encode = function (message, writer, _depth) {
                if (!writer)
                    writer = $Writer.create();
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (message.value != null && $Object.hasOwnProperty.call(message, "value") && !$Object.is(message.value, 0))
                    writer.uint32(9).double(message.value);
                if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                    for (let i = 0; i < message.$unknowns.length; ++i)
                        writer.raw(message.$unknowns[i]);
                return writer;
            };

            DoubleValue.decode = function (reader, length, _end, _depth, _target) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                let end, message, value;
                if (length === $undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw $RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = _target || new $root.google.protobuf.DoubleValue();
                while (reader.pos < end) {
                    let start = reader.pos;
                    let tag = reader.tag();
                    if (tag === _end) {
                        _end = $undefined;
                        break;
                    }
                    let wireType = tag & 7;
                    switch (tag >>>= 3) {
                    case 1: {
                            if (wireType !== 1)
                                break;
                            if (!$Object.is(value = reader.double(), 0))
                                message.value = value;
                            else
                                delete message.value;
                            continue;
                        }
                    }
                    reader.skipType(wireType, _depth, tag);
                    if (!reader.discardUnknown) {
                        $util.makeProp(message, "$unknowns", false);
                        (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                    }
                }
                if (length !== $undefined) {
                    if (reader.pos !== end)
                        throw $RangeError("index out of range");
                    reader.len = length;
                }
                if (_end !== $undefined)
                    throw $Error("missing end group");
                return message;
            };

            return DoubleValue;
        })();

        protobuf.FloatValue = (function() {

            const FloatValue = function (properties) {
                if (properties)
                    for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            };

            FloatValue.prototype.value = 0;

            FloatValue.create = function(properties) {
                return new FloatValue(properties);
            };

            FloatValue.encode = function (message, writer, _depth) {
                if (!writer)
                    writer = $Writer.create();
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (message.value != null && $Object.hasOwnProperty.call(message, "value") && !$Object.is(message.value, 0))
                    writer.uint32(13).float(message.value);
                if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                    for (let i = 0; i < message.$unknowns.length; ++i)
                        writer.raw(message.$unknowns[i]);
                return writer;
            };

            FloatValue.decode = function (reader, length, _end, _depth, _target) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                let end, message, value;
                if (length === $undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw $RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = _target || new $root.google.protobuf.FloatValue();
                while (reader.pos < end) {
                    let start = reader.pos;
                    let tag = reader.tag();
                    if (tag === _end) {
                        _end = $undefined;
                        break;
                    }
                    let wireType = tag & 7;
                    switch (tag >>>= 3) {
                    case 1: {
                            if (wireType !== 5)
                                break;
                            if (!$Object.is(value = reader.float(), 0))
                                message.value = value;
                            else
                                delete message.value;
                            continue;
                        }
                    }
                    reader.skipType(wireType, _depth, tag);
                    if (!reader.discardUnknown) {
                        $util.makeProp(message, "$unknowns", false);
                        (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                    }
                }
                if (length !== $undefined) {
                    if (reader.pos !== end)
                        throw $RangeError("index out of range");
                    reader.len = length;
                }
                if (_end !== $undefined)
                    throw $Error("missing end group");
                return message;
            };

            return FloatValue;
        })();

        protobuf.Int64Value = (function() {

            const Int64Value = function (properties) {
                if (properties)
                    for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            };

            Int64Value.prototype.value = $util.Long ? $util.Long.fromBits(0,0,false) : 0;

            Int64Value.create = function(properties) {
                return new Int64Value(properties);
            };

            Int64Value.encode = function (message, writer, _depth) {
                if (!writer)
                    writer = $Writer.create();
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (message.value != null && $Object.hasOwnProperty.call(message, "value") && (typeof message.value === "object" ? message.value.low || message.value.high : message.value !== 0))
                    writer.uint32(8).int64(message.value);
                if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                    for (let i = 0; i < message.$unknowns.length; ++i)
                        writer.raw(message.$unknowns[i]);
                return writer;
            };

            Int64Value.decode = function (reader, length, _end, _depth, _target) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                let end, message, value;
                if (length === $undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw $RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = _target || new $root.google.protobuf.Int64Value();
                while (reader.pos < end) {
                    let start = reader.pos;
                    let tag = reader.tag();
                    if (tag === _end) {
                        _end = $undefined;
                        break;
                    }
                    let wireType = tag & 7;
                    switch (tag >>>= 3) {
                    case 1: {
                            if (wireType !== 0)
                                break;
                            if (typeof (value = reader.int64()) === "object" ? value.low || value.high : value !== 0)
                                message.value = value;
                            else
                                delete message.value;
                            continue;
                        }
                    }
                    reader.skipType(wireType, _depth, tag);
                    if (!reader.discardUnknown) {
                        $util.makeProp(message, "$unknowns", false);
                        (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                    }
                }
                if (length !== $undefined) {
                    if (reader.pos !== end)
                        throw $RangeError("index out of range");
                    reader.len = length;
                }
                if (_end !== $undefined)
                    throw $Error("missing end group");
                return message;
            };

            return Int64Value;
        })();

        protobuf.UInt64Value = (function() {

            const UInt64Value = function (properties) {
                if (properties)
                    for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            };

            UInt64Value.prototype.value = $util.Long ? $util.Long.fromBits(0,0,true) : 0;

            UInt64Value.create = function(properties) {
                return new UInt64Value(properties);
            };

            UInt64Value.encode = function (message, writer, _depth) {
                if (!writer)
                    writer = $Writer.create();
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (message.value != null && $Object.hasOwnProperty.call(message, "value") && (typeof message.value === "object" ? message.value.low || message.value.high : message.value !== 0))
                    writer.uint32(8).uint64(message.value);
                if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                    for (let i = 0; i < message.$unknowns.length; ++i)
                        writer.raw(message.$unknowns[i]);
                return writer;
            };

            UInt64Value.decode = function (reader, length, _end, _depth, _target) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                let end, message, value;
                if (length === $undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw $RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = _target || new $root.google.protobuf.UInt64Value();
                while (reader.pos < end) {
                    let start = reader.pos;
                    let tag = reader.tag();
                    if (tag === _end) {
                        _end = $undefined;
                        break;
                    }
                    let wireType = tag & 7;
                    switch (tag >>>= 3) {
                    case 1: {
                            if (wireType !== 0)
                                break;
                            if (typeof (value = reader.uint64()) === "object" ? value.low || value.high : value !== 0)
                                message.value = value;
                            else
                                delete message.value;
                            continue;
                        }
                    }
                    reader.skipType(wireType, _depth, tag);
                    if (!reader.discardUnknown) {
                        $util.makeProp(message, "$unknowns", false);
                        (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                    }
                }
                if (length !== $undefined) {
                    if (reader.pos !== end)
                        throw $RangeError("index out of range");
                    reader.len = length;
                }
                if (_end !== $undefined)
                    throw $Error("missing end group");
                return message;
            };

            return UInt64Value;
        })();

        protobuf.Int32Value = (function() {

            const Int32Value = function (properties) {
                if (properties)
                    for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            };

            Int32Value.prototype.value = 0;

            Int32Value.create = function(properties) {
                return new Int32Value(properties);
            };

            Int32Value.encode = function (message, writer, _depth) {
                if (!writer)
                    writer = $Writer.create();
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (message.value != null && $Object.hasOwnProperty.call(message, "value") && message.value !== 0)
                    writer.uint32(8).int32(message.value);
                if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                    for (let i = 0; i < message.$unknowns.length; ++i)
                        writer.raw(message.$unknowns[i]);
                return writer;
            };

            Int32Value.decode = function (reader, length, _end, _depth, _target) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                let end, message, value;
                if (length === $undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw $RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = _target || new $root.google.protobuf.Int32Value();
                while (reader.pos < end) {
                    let start = reader.pos;
                    let tag = reader.tag();
                    if (tag === _end) {
                        _end = $undefined;
                        break;
                    }
                    let wireType = tag & 7;
                    switch (tag >>>= 3) {
                    case 1: {
                            if (wireType !== 0)
                                break;
                            if (value = reader.int32())
                                message.value = value;
                            else
                                delete message.value;
                            continue;
                        }
                    }
                    reader.skipType(wireType, _depth, tag);
                    if (!reader.discardUnknown) {
                        $util.makeProp(message, "$unknowns", false);
                        (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                    }
                }
                if (length !== $undefined) {
                    if (reader.pos !== end)
                        throw $RangeError("index out of range");
                    reader.len = length;
                }
                if (_end !== $undefined)
                    throw $Error("missing end group");
                return message;
            };

            return Int32Value;
        })();

        protobuf.UInt32Value = (function() {

            const UInt32Value = function (properties) {
                if (properties)
                    for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            };

            UInt32Value.prototype.value = 0;

            UInt32Value.create = function(properties) {
                return new UInt32Value(properties);
            };

            UInt32Value.encode = function (message, writer, _depth) {
                if (!writer)
                    writer = $Writer.create();
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (message.value != null && $Object.hasOwnProperty.call(message, "value") && message.value !== 0)
                    writer.uint32(8).uint32(message.value);
                if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                    for (let i = 0; i < message.$unknowns.length; ++i)
                        writer.raw(message.$unknowns[i]);
                return writer;
            };

            UInt32Value.decode = function (reader, length, _end, _depth, _target) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                let end, message, value;
                if (length === $undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw $RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = _target || new $root.google.protobuf.UInt32Value();
                while (reader.pos < end) {
                    let start = reader.pos;
                    let tag = reader.tag();
                    if (tag === _end) {
                        _end = $undefined;
                        break;
                    }
                    let wireType = tag & 7;
                    switch (tag >>>= 3) {
                    case 1: {
                            if (wireType !== 0)
                                break;
                            if (value = reader.uint32())
                                message.value = value;
                            else
                                delete message.value;
                            continue;
                        }
                    }
                    reader.skipType(wireType, _depth, tag);
                    if (!reader.discardUnknown) {
                        $util.makeProp(message, "$unknowns", false);
                        (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                    }
                }
                if (length !== $undefined) {
                    if (reader.pos !== end)
                        throw $RangeError("index out of range");
                    reader.len = length;
                }
                if (_end !== $undefined)
                    throw $Error("missing end group");
                return message;
            };

            return UInt32Value;
        })();

        protobuf.BoolValue = (function() {

            const BoolValue = function (properties) {
                if (properties)
                    for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            };

            BoolValue.prototype.value = false;

            BoolValue.create = function(properties) {
                return new BoolValue(properties);
            };

            BoolValue.encode = function (message, writer, _depth) {
                if (!writer)
                    writer = $Writer.create();
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (message.value != null && $Object.hasOwnProperty.call(message, "value") && message.value !== false)
                    writer.uint32(8).bool(message.value);
                if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                    for (let i = 0; i < message.$unknowns.length; ++i)
                        writer.raw(message.$unknowns[i]);
                return writer;
            };

            BoolValue.decode = function (reader, length, _end, _depth, _target) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                let end, message, value;
                if (length === $undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw $RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = _target || new $root.google.protobuf.BoolValue();
                while (reader.pos < end) {
                    let start = reader.pos;
                    let tag = reader.tag();
                    if (tag === _end) {
                        _end = $undefined;
                        break;
                    }
                    let wireType = tag & 7;
                    switch (tag >>>= 3) {
                    case 1: {
                            if (wireType !== 0)
                                break;
                            if (value = reader.bool())
                                message.value = value;
                            else
                                delete message.value;
                            continue;
                        }
                    }
                    reader.skipType(wireType, _depth, tag);
                    if (!reader.discardUnknown) {
                        $util.makeProp(message, "$unknowns", false);
                        (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                    }
                }
                if (length !== $undefined) {
                    if (reader.pos !== end)
                        throw $RangeError("index out of range");
                    reader.len = length;
                }
                if (_end !== $undefined)
                    throw $Error("missing end group");
                return message;
            };

            return BoolValue;
        })();

        protobuf.StringValue = (function() {

            const StringValue = function (properties) {
                if (properties)
                    for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            };

            StringValue.prototype.value = "";

            StringValue.create = function(properties) {
                return new StringValue(properties);
            };

            StringValue.encode = function (message, writer, _depth) {
                if (!writer)
                    writer = $Writer.create();
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (message.value != null && $Object.hasOwnProperty.call(message, "value") && message.value !== "")
                    writer.uint32(10).string(message.value);
                if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                    for (let i = 0; i < message.$unknowns.length; ++i)
                        writer.raw(message.$unknowns[i]);
                return writer;
            };

            StringValue.decode = function (reader, length, _end, _depth, _target) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                let end, message, value;
                if (length === $undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw $RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = _target || new $root.google.protobuf.StringValue();
                while (reader.pos < end) {
                    let start = reader.pos;
                    let tag = reader.tag();
                    if (tag === _end) {
                        _end = $undefined;
                        break;
                    }
                    let wireType = tag & 7;
                    switch (tag >>>= 3) {
                    case 1: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.value = value;
                            else
                                delete message.value;
                            continue;
                        }
                    }
                    reader.skipType(wireType, _depth, tag);
                    if (!reader.discardUnknown) {
                        $util.makeProp(message, "$unknowns", false);
                        (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                    }
                }
                if (length !== $undefined) {
                    if (reader.pos !== end)
                        throw $RangeError("index out of range");
                    reader.len = length;
                }
                if (_end !== $undefined)
                    throw $Error("missing end group");
                return message;
            };

            return StringValue;
        })();

        protobuf.BytesValue = (function() {

            const BytesValue = function (properties) {
                if (properties)
                    for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            };

            BytesValue.prototype.value = $util.newBuffer([]);

            BytesValue.create = function(properties) {
                return new BytesValue(properties);
            };

            BytesValue.encode = function (message, writer, _depth) {
                if (!writer)
                    writer = $Writer.create();
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (message.value != null && $Object.hasOwnProperty.call(message, "value") && message.value.length)
                    writer.uint32(10).bytes(message.value);
                if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                    for (let i = 0; i < message.$unknowns.length; ++i)
                        writer.raw(message.$unknowns[i]);
                return writer;
            };

            BytesValue.decode = function (reader, length, _end, _depth, _target) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                let end, message, value;
                if (length === $undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw $RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = _target || new $root.google.protobuf.BytesValue();
                while (reader.pos < end) {
                    let start = reader.pos;
                    let tag = reader.tag();
                    if (tag === _end) {
                        _end = $undefined;
                        break;
                    }
                    let wireType = tag & 7;
                    switch (tag >>>= 3) {
                    case 1: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.bytes()).length)
                                message.value = value;
                            else
                                delete message.value;
                            continue;
                        }
                    }
                    reader.skipType(wireType, _depth, tag);
                    if (!reader.discardUnknown) {
                        $util.makeProp(message, "$unknowns", false);
                        (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                    }
                }
                if (length !== $undefined) {
                    if (reader.pos !== end)
                        throw $RangeError("index out of range");
                    reader.len = length;
                }
                if (_end !== $undefined)
                    throw $Error("missing end group");
                return message;
            };

            return BytesValue;
        })();

        protobuf.FieldMask = (function() {

            const FieldMask = function (properties) {
                this.paths = [];
                if (properties)
                    for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            };

            FieldMask.prototype.paths = $util.emptyArray;

            FieldMask.create = function(properties) {
                return new FieldMask(properties);
            };

            FieldMask.encode = function (message, writer, _depth) {
                if (!writer)
                    writer = $Writer.create();
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (message.paths != null && message.paths.length)
                    for (let i = 0; i < message.paths.length; ++i)
                        writer.uint32(10).string(message.paths[i]);
                if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                    for (let i = 0; i < message.$unknowns.length; ++i)
                        writer.raw(message.$unknowns[i]);
                return writer;
            };

            FieldMask.decode = function (reader, length, _end, _depth, _target) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                let end, message;
                if (length === $undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw $RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = _target || new $root.google.protobuf.FieldMask();
                while (reader.pos < end) {
                    let start = reader.pos;
                    let tag = reader.tag();
                    if (tag === _end) {
                        _end = $undefined;
                        break;
                    }
                    let wireType = tag & 7;
                    switch (tag >>>= 3) {
                    case 1: {
                            if (wireType !== 2)
                                break;
                            if (!(message.paths && message.paths.length))
                                message.paths = [];
                            message.paths.push(reader.stringVerify());
                            continue;
                        }
                    }
                    reader.skipType(wireType, _depth, tag);
                    if (!reader.discardUnknown) {
                        $util.makeProp(message, "$unknowns", false);
                        (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                    }
                }
                if (length !== $undefined) {
                    if (reader.pos !== end)
                        throw $RangeError("index out of range");
                    reader.len = length;
                }
                if (_end !== $undefined)
                    throw $Error("missing end group");
                return message;
            };

            return FieldMask;
        })();

        return protobuf;
    })();

    return google;
})();

/** @type {typeof import("./hubble.js").relay} */
export const relay = $root.relay = (() => {

    const relay = {};

    relay.NodeStatusEvent = (function() {

        const NodeStatusEvent = function (properties) {
            this.nodeNames = [];
            if (properties)
                for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                    if (properties[keys[i]] != null && keys[i] !== "__proto__")
                        this[keys[i]] = properties[keys[i]];
        };

        NodeStatusEvent.prototype.stateChange = 0;
        NodeStatusEvent.prototype.nodeNames = $util.emptyArray;
        NodeStatusEvent.prototype.message = "";

        NodeStatusEvent.create = function(properties) {
            return new NodeStatusEvent(properties);
        };

        NodeStatusEvent.encode = function (message, writer, _depth) {
            if (!writer)
                writer = $Writer.create();
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $util.recursionLimit)
                throw $Error("max depth exceeded");
            if (message.stateChange != null && $Object.hasOwnProperty.call(message, "stateChange") && message.stateChange !== 0)
                writer.uint32(8).int32(message.stateChange);
            if (message.nodeNames != null && message.nodeNames.length)
                for (let i = 0; i < message.nodeNames.length; ++i)
                    writer.uint32(18).string(message.nodeNames[i]);
            if (message.message != null && $Object.hasOwnProperty.call(message, "message") && message.message !== "")
                writer.uint32(26).string(message.message);
            if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                for (let i = 0; i < message.$unknowns.length; ++i)
                    writer.raw(message.$unknowns[i]);
            return writer;
        };

        NodeStatusEvent.decode = function (reader, length, _end, _depth, _target) {
            if (!(reader instanceof $Reader))
                reader = $Reader.create(reader);
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $Reader.recursionLimit)
                throw $Error("max depth exceeded");
            let end, message, value;
            if (length === $undefined)
                end = reader.len;
            else {
                end = reader.pos + length;
                if (end > reader.len)
                    throw $RangeError("index out of range");
                length = reader.len;
                reader.len = end;
            }
            message = _target || new $root.relay.NodeStatusEvent();
            while (reader.pos < end) {
                let start = reader.pos;
                let tag = reader.tag();
                if (tag === _end) {
                    _end = $undefined;
                    break;
                }
                let wireType = tag & 7;
                switch (tag >>>= 3) {
                case 1: {
                        if (wireType !== 0)
                            break;
                        if (value = reader.int32())
                            message.stateChange = value;
                        else
                            delete message.stateChange;
                        continue;
                    }
                case 2: {
                        if (wireType !== 2)
                            break;
                        if (!(message.nodeNames && message.nodeNames.length))
                            message.nodeNames = [];
                        message.nodeNames.push(reader.stringVerify());
                        continue;
                    }
                case 3: {
                        if (wireType !== 2)
                            break;
                        if ((value = reader.stringVerify()).length)
                            message.message = value;
                        else
                            delete message.message;
                        continue;
                    }
                }
                reader.skipType(wireType, _depth, tag);
                if (!reader.discardUnknown) {
                    $util.makeProp(message, "$unknowns", false);
                    (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                }
            }
            if (length !== $undefined) {
                if (reader.pos !== end)
                    throw $RangeError("index out of range");
                reader.len = length;
            }
            if (_end !== $undefined)
                throw $Error("missing end group");
            return message;
        };

        return NodeStatusEvent;
    })();

    relay.NodeState = (function() {
        const valuesById = $Object.create(null), values = $Object.create(valuesById);
        values[valuesById[0] = "UNKNOWN_NODE_STATE"] = 0;
        values[valuesById[1] = "NODE_CONNECTED"] = 1;
        values[valuesById[2] = "NODE_UNAVAILABLE"] = 2;
        values[valuesById[3] = "NODE_GONE"] = 3;
        values[valuesById[4] = "NODE_ERROR"] = 4;
        return values;
    })();

    return relay;
})();

/** @type {typeof import("./hubble.js").peer} */
export const peer = $root.peer = (() => {

    const peer = {};

    peer.Peer = (function() {

        const Peer = function(rpcImpl, requestDelimited, responseDelimited) {
            $protobuf.rpc.Service.call(this, rpcImpl, requestDelimited, responseDelimited);
        };

        $Object.defineProperty(Peer.prototype = $Object.create($protobuf.rpc.Service.prototype), "constructor", { value: Peer, writable: true, enumerable: false, configurable: true });

        Peer.create = function(rpcImpl, requestDelimited, responseDelimited) {
            return new this(rpcImpl, requestDelimited, responseDelimited);
        };



        $Object.defineProperties(Peer.prototype.notify = function(request, callback) {
            return $protobuf.rpc.Service.prototype.rpcCall.call(this, Peer.prototype.notify, $root.peer.NotifyRequest, $root.peer.ChangeNotification, request, callback);
        }, {
            name: { value: "Notify" },
            path: { value: "/peer.Peer/Notify" },
            requestType: { value: "NotifyRequest" },
            responseType: { value: "ChangeNotification" },
            requestStream: { value: $undefined },
            responseStream: { value: true }
        });

        return Peer;
    })();

    peer.NotifyRequest = (function() {

        const NotifyRequest = function (properties) {
            if (properties)
                for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                    if (properties[keys[i]] != null && keys[i] !== "__proto__")
                        this[keys[i]] = properties[keys[i]];
        };

        NotifyRequest.create = function(properties) {
            return new NotifyRequest(properties);
        };

        NotifyRequest.encode = function (message, writer, _depth) {
            if (!writer)
                writer = $Writer.create();
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $util.recursionLimit)
                throw $Error("max depth exceeded");
            if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                for (let i = 0; i < message.$unknowns.length; ++i)
                    writer.raw(message.$unknowns[i]);
            return writer;
        };

        NotifyRequest.decode = function (reader, length, _end, _depth, _target) {
            if (!(reader instanceof $Reader))
                reader = $Reader.create(reader);
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $Reader.recursionLimit)
                throw $Error("max depth exceeded");
            let end, message;
            if (length === $undefined)
                end = reader.len;
            else {
                end = reader.pos + length;
                if (end > reader.len)
                    throw $RangeError("index out of range");
                length = reader.len;
                reader.len = end;
            }
            message = _target || new $root.peer.NotifyRequest();
            while (reader.pos < end) {
                let start = reader.pos;
                let tag = reader.tag();
                if (tag === _end) {
                    _end = $undefined;
                    break;
                }
                reader.skipType(tag & 7, _depth, tag);
                if (!reader.discardUnknown) {
                    $util.makeProp(message, "$unknowns", false);
                    (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                }
            }
            if (length !== $undefined) {
                if (reader.pos !== end)
                    throw $RangeError("index out of range");
                reader.len = length;
            }
            if (_end !== $undefined)
                throw $Error("missing end group");
            return message;
        };

        return NotifyRequest;
    })();

    peer.ChangeNotification = (function() {

        const ChangeNotification = function (properties) {
            if (properties)
                for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                    if (properties[keys[i]] != null && keys[i] !== "__proto__")
                        this[keys[i]] = properties[keys[i]];
        };

        ChangeNotification.prototype.name = "";
        ChangeNotification.prototype.address = "";
        ChangeNotification.prototype.type = 0;
        ChangeNotification.prototype.tls = null;

        ChangeNotification.create = function(properties) {
            return new ChangeNotification(properties);
        };

        ChangeNotification.encode = function (message, writer, _depth) {
            if (!writer)
                writer = $Writer.create();
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $util.recursionLimit)
                throw $Error("max depth exceeded");
            if (message.name != null && $Object.hasOwnProperty.call(message, "name") && message.name !== "")
                writer.uint32(10).string(message.name);
            if (message.address != null && $Object.hasOwnProperty.call(message, "address") && message.address !== "")
                writer.uint32(18).string(message.address);
            if (message.type != null && $Object.hasOwnProperty.call(message, "type") && message.type !== 0)
                writer.uint32(24).int32(message.type);
            if (message.tls != null && $Object.hasOwnProperty.call(message, "tls"))
                $root.peer.TLS.encode(message.tls, writer.uint32(34).fork(), _depth + 1).ldelim();
            if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                for (let i = 0; i < message.$unknowns.length; ++i)
                    writer.raw(message.$unknowns[i]);
            return writer;
        };

        ChangeNotification.decode = function (reader, length, _end, _depth, _target) {
            if (!(reader instanceof $Reader))
                reader = $Reader.create(reader);
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $Reader.recursionLimit)
                throw $Error("max depth exceeded");
            let end, message, value;
            if (length === $undefined)
                end = reader.len;
            else {
                end = reader.pos + length;
                if (end > reader.len)
                    throw $RangeError("index out of range");
                length = reader.len;
                reader.len = end;
            }
            message = _target || new $root.peer.ChangeNotification();
            while (reader.pos < end) {
                let start = reader.pos;
                let tag = reader.tag();
                if (tag === _end) {
                    _end = $undefined;
                    break;
                }
                let wireType = tag & 7;
                switch (tag >>>= 3) {
                case 1: {
                        if (wireType !== 2)
                            break;
                        if ((value = reader.stringVerify()).length)
                            message.name = value;
                        else
                            delete message.name;
                        continue;
                    }
                case 2: {
                        if (wireType !== 2)
                            break;
                        if ((value = reader.stringVerify()).length)
                            message.address = value;
                        else
                            delete message.address;
                        continue;
                    }
                case 3: {
                        if (wireType !== 0)
                            break;
                        if (value = reader.int32())
                            message.type = value;
                        else
                            delete message.type;
                        continue;
                    }
                case 4: {
                        if (wireType !== 2)
                            break;
                        message.tls = $root.peer.TLS.decode(reader, reader.size(), $undefined, _depth + 1, message.tls);
                        continue;
                    }
                }
                reader.skipType(wireType, _depth, tag);
                if (!reader.discardUnknown) {
                    $util.makeProp(message, "$unknowns", false);
                    (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                }
            }
            if (length !== $undefined) {
                if (reader.pos !== end)
                    throw $RangeError("index out of range");
                reader.len = length;
            }
            if (_end !== $undefined)
                throw $Error("missing end group");
            return message;
        };

        return ChangeNotification;
    })();

    peer.ChangeNotificationType = (function() {
        const valuesById = $Object.create(null), values = $Object.create(valuesById);
        values[valuesById[0] = "UNKNOWN"] = 0;
        values[valuesById[1] = "PEER_ADDED"] = 1;
        values[valuesById[2] = "PEER_DELETED"] = 2;
        values[valuesById[3] = "PEER_UPDATED"] = 3;
        return values;
    })();

    peer.TLS = (function() {

        const TLS = function (properties) {
            if (properties)
                for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                    if (properties[keys[i]] != null && keys[i] !== "__proto__")
                        this[keys[i]] = properties[keys[i]];
        };

        TLS.prototype.serverName = "";

        TLS.create = function(properties) {
            return new TLS(properties);
        };

        TLS.encode = function (message, writer, _depth) {
            if (!writer)
                writer = $Writer.create();
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $util.recursionLimit)
                throw $Error("max depth exceeded");
            if (message.serverName != null && $Object.hasOwnProperty.call(message, "serverName") && message.serverName !== "")
                writer.uint32(10).string(message.serverName);
            if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                for (let i = 0; i < message.$unknowns.length; ++i)
                    writer.raw(message.$unknowns[i]);
            return writer;
        };

        TLS.decode = function (reader, length, _end, _depth, _target) {
            if (!(reader instanceof $Reader))
                reader = $Reader.create(reader);
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $Reader.recursionLimit)
                throw $Error("max depth exceeded");
            let end, message, value;
            if (length === $undefined)
                end = reader.len;
            else {
                end = reader.pos + length;
                if (end > reader.len)
                    throw $RangeError("index out of range");
                length = reader.len;
                reader.len = end;
            }
            message = _target || new $root.peer.TLS();
            while (reader.pos < end) {
                let start = reader.pos;
                let tag = reader.tag();
                if (tag === _end) {
                    _end = $undefined;
                    break;
                }
                let wireType = tag & 7;
                switch (tag >>>= 3) {
                case 1: {
                        if (wireType !== 2)
                            break;
                        if ((value = reader.stringVerify()).length)
                            message.serverName = value;
                        else
                            delete message.serverName;
                        continue;
                    }
                }
                reader.skipType(wireType, _depth, tag);
                if (!reader.discardUnknown) {
                    $util.makeProp(message, "$unknowns", false);
                    (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                }
            }
            if (length !== $undefined) {
                if (reader.pos !== end)
                    throw $RangeError("index out of range");
                reader.len = length;
            }
            if (_end !== $undefined)
                throw $Error("missing end group");
            return message;
        };

        return TLS;
    })();

    return peer;
})();

/** @type {typeof import("./hubble.js").grpc} */
export const grpc = $root.grpc = (() => {

    const grpc = {};

    grpc.health = (function() {

        const health = {};

        health.v1 = (function() {

            const v1 = {};

            v1.HealthCheckRequest = (function() {

                const HealthCheckRequest = function (properties) {
                    if (properties)
                        for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                            if (properties[keys[i]] != null && keys[i] !== "__proto__")
                                this[keys[i]] = properties[keys[i]];
                };

                HealthCheckRequest.prototype.service = "";

                HealthCheckRequest.create = function(properties) {
                    return new HealthCheckRequest(properties);
                };

                HealthCheckRequest.encode = function (message, writer, _depth) {
                    if (!writer)
                        writer = $Writer.create();
                    if (_depth === $undefined)
                        _depth = 0;
                    if (_depth > $util.recursionLimit)
                        throw $Error("max depth exceeded");
                    if (message.service != null && $Object.hasOwnProperty.call(message, "service") && message.service !== "")
                        writer.uint32(10).string(message.service);
                    if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                        for (let i = 0; i < message.$unknowns.length; ++i)
                            writer.raw(message.$unknowns[i]);
                    return writer;
                };

                HealthCheckRequest.decode = function (reader, length, _end, _depth, _target) {
                    if (!(reader instanceof $Reader))
                        reader = $Reader.create(reader);
                    if (_depth === $undefined)
                        _depth = 0;
                    if (_depth > $Reader.recursionLimit)
                        throw $Error("max depth exceeded");
                    let end, message, value;
                    if (length === $undefined)
                        end = reader.len;
                    else {
                        end = reader.pos + length;
                        if (end > reader.len)
                            throw $RangeError("index out of range");
                        length = reader.len;
                        reader.len = end;
                    }
                    message = _target || new $root.grpc.health.v1.HealthCheckRequest();
                    while (reader.pos < end) {
                        let start = reader.pos;
                        let tag = reader.tag();
                        if (tag === _end) {
                            _end = $undefined;
                            break;
                        }
                        let wireType = tag & 7;
                        switch (tag >>>= 3) {
                        case 1: {
                                if (wireType !== 2)
                                    break;
                                if ((value = reader.stringVerify()).length)
                                    message.service = value;
                                else
                                    delete message.service;
                                continue;
                            }
                        }
                        reader.skipType(wireType, _depth, tag);
                        if (!reader.discardUnknown) {
                            $util.makeProp(message, "$unknowns", false);
                            (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                        }
                    }
                    if (length !== $undefined) {
                        if (reader.pos !== end)
                            throw $RangeError("index out of range");
                        reader.len = length;
                    }
                    if (_end !== $undefined)
                        throw $Error("missing end group");
                    return message;
                };

                return HealthCheckRequest;
            })();

            v1.HealthCheckResponse = (function() {

                const HealthCheckResponse = function (properties) {
                    if (properties)
                        for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                            if (properties[keys[i]] != null && keys[i] !== "__proto__")
                                this[keys[i]] = properties[keys[i]];
                };

                HealthCheckResponse.prototype.status = 0;

                HealthCheckResponse.create = function(properties) {
                    return new HealthCheckResponse(properties);
                };

                HealthCheckResponse.encode = function (message, writer, _depth) {
                    if (!writer)
                        writer = $Writer.create();
                    if (_depth === $undefined)
                        _depth = 0;
                    if (_depth > $util.recursionLimit)
                        throw $Error("max depth exceeded");
                    if (message.status != null && $Object.hasOwnProperty.call(message, "status") && message.status !== 0)
                        writer.uint32(8).int32(message.status);
                    if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                        for (let i = 0; i < message.$unknowns.length; ++i)
                            writer.raw(message.$unknowns[i]);
                    return writer;
                };

                HealthCheckResponse.decode = function (reader, length, _end, _depth, _target) {
                    if (!(reader instanceof $Reader))
                        reader = $Reader.create(reader);
                    if (_depth === $undefined)
                        _depth = 0;
                    if (_depth > $Reader.recursionLimit)
                        throw $Error("max depth exceeded");
                    let end, message, value;
                    if (length === $undefined)
                        end = reader.len;
                    else {
                        end = reader.pos + length;
                        if (end > reader.len)
                            throw $RangeError("index out of range");
                        length = reader.len;
                        reader.len = end;
                    }
                    message = _target || new $root.grpc.health.v1.HealthCheckResponse();
                    while (reader.pos < end) {
                        let start = reader.pos;
                        let tag = reader.tag();
                        if (tag === _end) {
                            _end = $undefined;
                            break;
                        }
                        let wireType = tag & 7;
                        switch (tag >>>= 3) {
                        case 1: {
                                if (wireType !== 0)
                                    break;
                                if (value = reader.int32())
                                    message.status = value;
                                else
                                    delete message.status;
                                continue;
                            }
                        }
                        reader.skipType(wireType, _depth, tag);
                        if (!reader.discardUnknown) {
                            $util.makeProp(message, "$unknowns", false);
                            (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                        }
                    }
                    if (length !== $undefined) {
                        if (reader.pos !== end)
                            throw $RangeError("index out of range");
                        reader.len = length;
                    }
                    if (_end !== $undefined)
                        throw $Error("missing end group");
                    return message;
                };

                HealthCheckResponse.ServingStatus = (function() {
                    const valuesById = $Object.create(null), values = $Object.create(valuesById);
                    values[valuesById[0] = "UNKNOWN"] = 0;
                    values[valuesById[1] = "SERVING"] = 1;
                    values[valuesById[2] = "NOT_SERVING"] = 2;
                    values[valuesById[3] = "SERVICE_UNKNOWN"] = 3;
                    return values;
                })();

                return HealthCheckResponse;
            })();

            v1.Health = (function() {

                const Health = function(rpcImpl, requestDelimited, responseDelimited) {
                    $protobuf.rpc.Service.call(this, rpcImpl, requestDelimited, responseDelimited);
                };

                $Object.defineProperty(Health.prototype = $Object.create($protobuf.rpc.Service.prototype), "constructor", { value: Health, writable: true, enumerable: false, configurable: true });

                Health.create = function(rpcImpl, requestDelimited, responseDelimited) {
                    return new this(rpcImpl, requestDelimited, responseDelimited);
                };



                $Object.defineProperties(Health.prototype.check = function(request, callback) {
                    return $protobuf.rpc.Service.prototype.rpcCall.call(this, Health.prototype.check, $root.grpc.health.v1.HealthCheckRequest, $root.grpc.health.v1.HealthCheckResponse, request, callback);
                }, {
                    name: { value: "Check" },
                    path: { value: "/grpc.health.v1.Health/Check" },
                    requestType: { value: "HealthCheckRequest" },
                    responseType: { value: "HealthCheckResponse" },
                    requestStream: { value: $undefined },
                    responseStream: { value: $undefined }
                });



                $Object.defineProperties(Health.prototype.watch = function(request, callback) {
                    return $protobuf.rpc.Service.prototype.rpcCall.call(this, Health.prototype.watch, $root.grpc.health.v1.HealthCheckRequest, $root.grpc.health.v1.HealthCheckResponse, request, callback);
                }, {
                    name: { value: "Watch" },
                    path: { value: "/grpc.health.v1.Health/Watch" },
                    requestType: { value: "HealthCheckRequest" },
                    responseType: { value: "HealthCheckResponse" },
                    requestStream: { value: $undefined },
                    responseStream: { value: true }
                });

                return Health;
            })();

            return v1;
        })();

        return health;
    })();

    return grpc;
})();

export {
  $root as default
};
