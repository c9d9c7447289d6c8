import * as $protobuf from "protobufjs";
import Long = require("long");

export namespace flow {

    interface IFlow extends flow.Flow.$Properties {
    }

    class Flow {
        constructor(properties?: flow.Flow.$Properties);
        $unknowns?: Uint8Array[];
        time?: (google.protobuf.Timestamp.$Properties|null);
        uuid: string;
        emitter?: (flow.Emitter.$Properties|null);
        verdict: flow.Verdict;
        dropReason: number;
        authType: flow.AuthType;
        ethernet?: (flow.Ethernet.$Properties|null);
        IP?: (flow.IP.$Properties|null);
        l4?: (flow.Layer4.$Properties|null);
        tunnel?: (flow.Tunnel.$Properties|null);
        source?: (flow.Endpoint.$Properties|null);
        destination?: (flow.Endpoint.$Properties|null);
        Type: flow.FlowType;
        nodeName: string;
        nodeLabels: string[];
        sourceNames: string[];
        destinationNames: string[];
        l7?: (flow.Layer7.$Properties|null);
        reply: boolean;
        eventType?: (flow.CiliumEventType.$Properties|null);
        sourceService?: (flow.Service.$Properties|null);
        destinationService?: (flow.Service.$Properties|null);
        trafficDirection: flow.TrafficDirection;
        policyMatchType: number;
        traceObservationPoint: flow.TraceObservationPoint;
        traceReason: flow.TraceReason;
        file?: (flow.FileInfo.$Properties|null);
        ipTraceId?: (flow.IPTraceID.$Properties|null);
        dropReasonDesc: flow.DropReason;
        isReply?: (google.protobuf.BoolValue.$Properties|null);
        debugCapturePoint: flow.DebugCapturePoint;
        interface?: (flow.NetworkInterface.$Properties|null);
        proxyPort: number;
        traceContext?: (flow.TraceContext.$Properties|null);
        sockXlatePoint: flow.SocketTranslationPoint;
        socketCookie: (number|Long);
        cgroupId: (number|Long);
        Summary: string;
        extensions?: (google.protobuf.Any.$Properties|null);
        egressAllowedBy: flow.Policy.$Properties[];
        ingressAllowedBy: flow.Policy.$Properties[];
        egressDeniedBy: flow.Policy.$Properties[];
        ingressDeniedBy: flow.Policy.$Properties[];
        policyLog: string[];
        aggregate?: (flow.Aggregate.$Properties|null);
        static create(properties: flow.Flow.$Shape): flow.Flow & flow.Flow.$Shape;
        static create(properties?: flow.Flow.$Properties): flow.Flow;
        static encode(message: flow.Flow.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
        static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): flow.Flow & flow.Flow.$Shape;
    }

    namespace Flow {
        interface $Properties {
            time?: (google.protobuf.Timestamp.$Properties|null);
            uuid?: (string|null);
            emitter?: (flow.Emitter.$Properties|null);
            verdict?: (flow.Verdict|null);
            dropReason?: (number|null);
            authType?: (flow.AuthType|null);
            ethernet?: (flow.Ethernet.$Properties|null);
            IP?: (flow.IP.$Properties|null);
            l4?: (flow.Layer4.$Properties|null);
            tunnel?: (flow.Tunnel.$Properties|null);
            source?: (flow.Endpoint.$Properties|null);
            destination?: (flow.Endpoint.$Properties|null);
            Type?: (flow.FlowType|null);
            nodeName?: (string|null);
            nodeLabels?: (string[]|null);
            sourceNames?: (string[]|null);
            destinationNames?: (string[]|null);
            l7?: (flow.Layer7.$Properties|null);
            reply?: (boolean|null);
            eventType?: (flow.CiliumEventType.$Properties|null);
            sourceService?: (flow.Service.$Properties|null);
            destinationService?: (flow.Service.$Properties|null);
            trafficDirection?: (flow.TrafficDirection|null);
            policyMatchType?: (number|null);
            traceObservationPoint?: (flow.TraceObservationPoint|null);
            traceReason?: (flow.TraceReason|null);
            file?: (flow.FileInfo.$Properties|null);
            ipTraceId?: (flow.IPTraceID.$Properties|null);
            dropReasonDesc?: (flow.DropReason|null);
            isReply?: (google.protobuf.BoolValue.$Properties|null);
            debugCapturePoint?: (flow.DebugCapturePoint|null);
            "interface"?: (flow.NetworkInterface.$Properties|null);
            proxyPort?: (number|null);
            traceContext?: (flow.TraceContext.$Properties|null);
            sockXlatePoint?: (flow.SocketTranslationPoint|null);
            socketCookie?: (number|Long|null);
            cgroupId?: (number|Long|null);
            Summary?: (string|null);
            extensions?: (google.protobuf.Any.$Properties|null);
            egressAllowedBy?: (flow.Policy.$Properties[]|null);
            ingressAllowedBy?: (flow.Policy.$Properties[]|null);
            egressDeniedBy?: (flow.Policy.$Properties[]|null);
            ingressDeniedBy?: (flow.Policy.$Properties[]|null);
            policyLog?: (string[]|null);
            aggregate?: (flow.Aggregate.$Properties|null);
            $unknowns?: Uint8Array[];
        }
        type $Shape = {
          time?: google.protobuf.Timestamp.$Shape|null;
          uuid?: string|null;
          emitter?: flow.Emitter.$Shape|null;
          verdict?: flow.Verdict|null;
          dropReason?: number|null;
          authType?: flow.AuthType|null;
          ethernet?: flow.Ethernet.$Shape|null;
          IP?: flow.IP.$Shape|null;
          l4?: flow.Layer4.$Shape|null;
          tunnel?: flow.Tunnel.$Shape|null;
          source?: flow.Endpoint.$Shape|null;
          destination?: flow.Endpoint.$Shape|null;
          Type?: flow.FlowType|null;
          nodeName?: string|null;
          nodeLabels?: string[]|null;
          sourceNames?: string[]|null;
          destinationNames?: string[]|null;
          l7?: flow.Layer7.$Shape|null;
          reply?: boolean|null;
          eventType?: flow.CiliumEventType.$Shape|null;
          sourceService?: flow.Service.$Shape|null;
          destinationService?: flow.Service.$Shape|null;
          trafficDirection?: flow.TrafficDirection|null;
          policyMatchType?: number|null;
          traceObservationPoint?: flow.TraceObservationPoint|null;
          traceReason?: flow.TraceReason|null;
          file?: flow.FileInfo.$Shape|null;
          ipTraceId?: flow.IPTraceID.$Shape|null;
          dropReasonDesc?: flow.DropReason|null;
          isReply?: google.protobuf.BoolValue.$Shape|null;
          debugCapturePoint?: flow.DebugCapturePoint|null;
          "interface"?: flow.NetworkInterface.$Shape|null;
          proxyPort?: number|null;
          traceContext?: flow.TraceContext.$Shape|null;
          sockXlatePoint?: flow.SocketTranslationPoint|null;
          socketCookie?: number|Long|null;
          cgroupId?: number|Long|null;
          Summary?: string|null;
          extensions?: google.protobuf.Any.$Shape|null;
          egressAllowedBy?: flow.Policy.$Shape[]|null;
          ingressAllowedBy?: flow.Policy.$Shape[]|null;
          egressDeniedBy?: flow.Policy.$Shape[]|null;
          ingressDeniedBy?: flow.Policy.$Shape[]|null;
          policyLog?: string[]|null;
          aggregate?: flow.Aggregate.$Shape|null;
          $unknowns?: Uint8Array[];
        };
    }

    interface IEmitter extends flow.Emitter.$Properties {
    }

    class Emitter {
        constructor(properties?: flow.Emitter.$Properties);
        $unknowns?: Uint8Array[];
        name: string;
        version: string;
        static create(properties: flow.Emitter.$Shape): flow.Emitter & flow.Emitter.$Shape;
        static create(properties?: flow.Emitter.$Properties): flow.Emitter;
        static encode(message: flow.Emitter.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
        static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): flow.Emitter & flow.Emitter.$Shape;
    }

    namespace Emitter {
        interface $Properties {
            name?: (string|null);
            version?: (string|null);
            $unknowns?: Uint8Array[];
        }
        type $Shape = flow.Emitter.$Properties;
    }

    enum FlowType {
        UNKNOWN_TYPE = 0,
        L3_L4 = 1,
        L7 = 2,
        SOCK = 3
    }

    enum AuthType {
        DISABLED = 0,
        SPIRE = 1,
        TEST_ALWAYS_FAIL = 2
    }

    enum TraceObservationPoint {
        UNKNOWN_POINT = 0,
        TO_PROXY = 1,
        TO_HOST = 2,
        TO_STACK = 3,
        TO_OVERLAY = 4,
        TO_ENDPOINT = 101,
        FROM_ENDPOINT = 5,
        FROM_PROXY = 6,
        FROM_HOST = 7,
        FROM_STACK = 8,
        FROM_OVERLAY = 9,
        FROM_NETWORK = 10,
        TO_NETWORK = 11,
        FROM_CRYPTO = 12,
        TO_CRYPTO = 13
    }

    enum TraceReason {
        TRACE_REASON_UNKNOWN = 0,
        NEW = 1,
        ESTABLISHED = 2,
        REPLY = 3,
        RELATED = 4,
        REOPENED = 5,
        SRV6_ENCAP = 6,
        SRV6_DECAP = 7,
        ENCRYPT_OVERLAY = 8
    }

    interface IFileInfo extends flow.FileInfo.$Properties {
    }

    class FileInfo {
        constructor(properties?: flow.FileInfo.$Properties);
        $unknowns?: Uint8Array[];
        name: string;
        line: number;
        static create(properties: flow.FileInfo.$Shape): flow.FileInfo & flow.FileInfo.$Shape;
        static create(properties?: flow.FileInfo.$Properties): flow.FileInfo;
        static encode(message: flow.FileInfo.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
        static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): flow.FileInfo & flow.FileInfo.$Shape;
    }

    namespace FileInfo {
        interface $Properties {
            name?: (string|null);
            line?: (number|null);
            $unknowns?: Uint8Array[];
        }
        type $Shape = flow.FileInfo.$Properties;
    }

    interface ILayer4 extends flow.Layer4.$Properties {
    }

    class Layer4 {
        constructor(properties?: flow.Layer4.$Properties);
        $unknowns?: Uint8Array[];
        TCP?: (flow.TCP.$Properties|null);
        UDP?: (flow.UDP.$Properties|null);
        ICMPv4?: (flow.ICMPv4.$Properties|null);
        ICMPv6?: (flow.ICMPv6.$Properties|null);
        SCTP?: (flow.SCTP.$Properties|null);
        VRRP?: (flow.VRRP.$Properties|null);
        IGMP?: (flow.IGMP.$Properties|null);
        protocol?: ("TCP"|"UDP"|"ICMPv4"|"ICMPv6"|"SCTP"|"VRRP"|"IGMP");
        static create(properties: flow.Layer4.$Shape): flow.Layer4 & flow.Layer4.$Shape;
        static create(properties?: flow.Layer4.$Properties): flow.Layer4;
        static encode(message: flow.Layer4.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
        static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): flow.Layer4 & flow.Layer4.$Shape;
    }

    namespace Layer4 {
        interface $Properties {
            TCP?: (flow.TCP.$Properties|null);
            UDP?: (flow.UDP.$Properties|null);
            ICMPv4?: (flow.ICMPv4.$Properties|null);
            ICMPv6?: (flow.ICMPv6.$Properties|null);
            SCTP?: (flow.SCTP.$Properties|null);
            VRRP?: (flow.VRRP.$Properties|null);
            IGMP?: (flow.IGMP.$Properties|null);
            protocol?: ("TCP"|"UDP"|"ICMPv4"|"ICMPv6"|"SCTP"|"VRRP"|"IGMP");
            $unknowns?: Uint8Array[];
        }
        type $Shape = {
          TCP?: flow.TCP.$Shape|null;
          UDP?: flow.UDP.$Shape|null;
          ICMPv4?: flow.ICMPv4.$Shape|null;
          ICMPv6?: flow.ICMPv6.$Shape|null;
          SCTP?: flow.SCTP.$Shape|null;
          VRRP?: flow.VRRP.$Shape|null;
          IGMP?: flow.IGMP.$Shape|null;
          $unknowns?: Uint8Array[];
        } & (
          ({ protocol?: undefined; TCP?: null; UDP?: null; ICMPv4?: null; ICMPv6?: null; SCTP?: null; VRRP?: null; IGMP?: null }|{ protocol?: "TCP"; TCP: flow.TCP.$Shape; UDP?: null; ICMPv4?: null; ICMPv6?: null; SCTP?: null; VRRP?: null; IGMP?: null }|{ protocol?: "UDP"; TCP?: null; UDP: flow.UDP.$Shape; ICMPv4?: null; ICMPv6?: null; SCTP?: null; VRRP?: null; IGMP?: null }|{ protocol?: "ICMPv4"; TCP?: null; UDP?: null; ICMPv4: flow.ICMPv4.$Shape; ICMPv6?: null; SCTP?: null; VRRP?: null; IGMP?: null }|{ protocol?: "ICMPv6"; TCP?: null; UDP?: null; ICMPv4?: null; ICMPv6: flow.ICMPv6.$Shape; SCTP?: null; VRRP?: null; IGMP?: null }|{ protocol?: "SCTP"; TCP?: null; UDP?: null; ICMPv4?: null; ICMPv6?: null; SCTP: flow.SCTP.$Shape; VRRP?: null; IGMP?: null }|{ protocol?: "VRRP"; TCP?: null; UDP?: null; ICMPv4?: null; ICMPv6?: null; SCTP?: null; VRRP: flow.VRRP.$Shape; IGMP?: null }|{ protocol?: "IGMP"; TCP?: null; UDP?: null; ICMPv4?: null; ICMPv6?: null; SCTP?: null; VRRP?: null; IGMP: flow.IGMP.$Shape })
        );
    }

    enum L7FlowType {
        UNKNOWN_L7_TYPE = 0,
        REQUEST = 1,
        RESPONSE = 2,
        SAMPLE = 3
    }

    interface ILayer7 extends flow.Layer7.$Properties {
    }

    class Layer7 {
        constructor(properties?: flow.Layer7.$Properties);
        $unknowns?: Uint8Array[];
        type: flow.L7FlowType;
        latencyNs: (number|Long);
        dns?: (flow.DNS.$Properties|null);
        http?: (flow.HTTP.$Properties|null);
        kafka?: (flow.Kafka.$Properties|null);
        record?: ("dns"|"http"|"kafka");
        static create(properties: flow.Layer7.$Shape): flow.Layer7 & flow.Layer7.$Shape;
        static create(properties?: flow.Layer7.$Properties): flow.Layer7;
        static encode(message: flow.Layer7.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
        static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): flow.Layer7 & flow.Layer7.$Shape;
    }

    namespace Layer7 {
        interface $Properties {
            type?: (flow.L7FlowType|null);
            latencyNs?: (number|Long|null);
            dns?: (flow.DNS.$Properties|null);
            http?: (flow.HTTP.$Properties|null);
            kafka?: (flow.Kafka.$Properties|null);
            record?: ("dns"|"http"|"kafka");
            $unknowns?: Uint8Array[];
        }
        type $Shape = {
          type?: flow.L7FlowType|null;
          latencyNs?: number|Long|null;
          dns?: flow.DNS.$Shape|null;
          http?: flow.HTTP.$Shape|null;
          kafka?: flow.Kafka.$Shape|null;
          $unknowns?: Uint8Array[];
        } & (
          ({ record?: undefined; dns?: null; http?: null; kafka?: null }|{ record?: "dns"; dns: flow.DNS.$Shape; http?: null; kafka?: null }|{ record?: "http"; dns?: null; http: flow.HTTP.$Shape; kafka?: null }|{ record?: "kafka"; dns?: null; http?: null; kafka: flow.Kafka.$Shape })
        );
    }

    interface ITraceContext extends flow.TraceContext.$Properties {
    }

    class TraceContext {
        constructor(properties?: flow.TraceContext.$Properties);
        $unknowns?: Uint8Array[];
        parent?: (flow.TraceParent.$Properties|null);
        static create(properties: flow.TraceContext.$Shape): flow.TraceContext & flow.TraceContext.$Shape;
        static create(properties?: flow.TraceContext.$Properties): flow.TraceContext;
        static encode(message: flow.TraceContext.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
        static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): flow.TraceContext & flow.TraceContext.$Shape;
    }

    namespace TraceContext {
        interface $Properties {
            parent?: (flow.TraceParent.$Properties|null);
            $unknowns?: Uint8Array[];
        }
        type $Shape = flow.TraceContext.$Properties;
    }

    interface ITraceParent extends flow.TraceParent.$Properties {
    }

    class TraceParent {
        constructor(properties?: flow.TraceParent.$Properties);
        $unknowns?: Uint8Array[];
        traceId: string;
        static create(properties: flow.TraceParent.$Shape): flow.TraceParent & flow.TraceParent.$Shape;
        static create(properties?: flow.TraceParent.$Properties): flow.TraceParent;
        static encode(message: flow.TraceParent.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
        static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): flow.TraceParent & flow.TraceParent.$Shape;
    }

    namespace TraceParent {
        interface $Properties {
            traceId?: (string|null);
            $unknowns?: Uint8Array[];
        }
        type $Shape = flow.TraceParent.$Properties;
    }

    interface IEndpoint extends flow.Endpoint.$Properties {
    }

    class Endpoint {
        constructor(properties?: flow.Endpoint.$Properties);
        $unknowns?: Uint8Array[];
        ID: number;
        identity: number;
        clusterName: string;
        namespace: string;
        labels: string[];
        podName: string;
        workloads: flow.Workload.$Properties[];
        static create(properties: flow.Endpoint.$Shape): flow.Endpoint & flow.Endpoint.$Shape;
        static create(properties?: flow.Endpoint.$Properties): flow.Endpoint;
        static encode(message: flow.Endpoint.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
        static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): flow.Endpoint & flow.Endpoint.$Shape;
    }

    namespace Endpoint {
        interface $Properties {
            ID?: (number|null);
            identity?: (number|null);
            clusterName?: (string|null);
            namespace?: (string|null);
            labels?: (string[]|null);
            podName?: (string|null);
            workloads?: (flow.Workload.$Properties[]|null);
            $unknowns?: Uint8Array[];
        }
        type $Shape = flow.Endpoint.$Properties;
    }

    interface IWorkload extends flow.Workload.$Properties {
    }

    class Workload {
        constructor(properties?: flow.Workload.$Properties);
        $unknowns?: Uint8Array[];
        name: string;
        kind: string;
        static create(properties: flow.Workload.$Shape): flow.Workload & flow.Workload.$Shape;
        static create(properties?: flow.Workload.$Properties): flow.Workload;
        static encode(message: flow.Workload.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
        static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): flow.Workload & flow.Workload.$Shape;
    }

    namespace Workload {
        interface $Properties {
            name?: (string|null);
            kind?: (string|null);
            $unknowns?: Uint8Array[];
        }
        type $Shape = flow.Workload.$Properties;
    }

    interface ITCP extends flow.TCP.$Properties {
    }

    class TCP {
        constructor(properties?: flow.TCP.$Properties);
        $unknowns?: Uint8Array[];
        sourcePort: number;
        destinationPort: number;
        flags?: (flow.TCPFlags.$Properties|null);
        static create(properties: flow.TCP.$Shape): flow.TCP & flow.TCP.$Shape;
        static create(properties?: flow.TCP.$Properties): flow.TCP;
        static encode(message: flow.TCP.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
        static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): flow.TCP & flow.TCP.$Shape;
    }

    namespace TCP {
        interface $Properties {
            sourcePort?: (number|null);
            destinationPort?: (number|null);
            flags?: (flow.TCPFlags.$Properties|null);
            $unknowns?: Uint8Array[];
        }
        type $Shape = flow.TCP.$Properties;
    }

    interface IIP extends flow.IP.$Properties {
    }

    class IP {
        constructor(properties?: flow.IP.$Properties);
        $unknowns?: Uint8Array[];
        source: string;
        sourceXlated: string;
        destination: string;
        ipVersion: flow.IPVersion;
        encrypted: boolean;
        static create(properties: flow.IP.$Shape): flow.IP & flow.IP.$Shape;
        static create(properties?: flow.IP.$Properties): flow.IP;
        static encode(message: flow.IP.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
        static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): flow.IP & flow.IP.$Shape;
    }

    namespace IP {
        interface $Properties {
            source?: (string|null);
            sourceXlated?: (string|null);
            destination?: (string|null);
            ipVersion?: (flow.IPVersion|null);
            encrypted?: (boolean|null);
            $unknowns?: Uint8Array[];
        }
        type $Shape = flow.IP.$Properties;
    }

    interface IEthernet extends flow.Ethernet.$Properties {
    }

    class Ethernet {
        constructor(properties?: flow.Ethernet.$Properties);
        $unknowns?: Uint8Array[];
        source: string;
        destination: string;
        static create(properties: flow.Ethernet.$Shape): flow.Ethernet & flow.Ethernet.$Shape;
        static create(properties?: flow.Ethernet.$Properties): flow.Ethernet;
        static encode(message: flow.Ethernet.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
        static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): flow.Ethernet & flow.Ethernet.$Shape;
    }

    namespace Ethernet {
        interface $Properties {
            source?: (string|null);
            destination?: (string|null);
            $unknowns?: Uint8Array[];
        }
        type $Shape = flow.Ethernet.$Properties;
    }

    interface ITCPFlags extends flow.TCPFlags.$Properties {
    }

    class TCPFlags {
        constructor(properties?: flow.TCPFlags.$Properties);
        $unknowns?: Uint8Array[];
        FIN: boolean;
        SYN: boolean;
        RST: boolean;
        PSH: boolean;
        ACK: boolean;
        URG: boolean;
        ECE: boolean;
        CWR: boolean;
        NS: boolean;
        static create(properties: flow.TCPFlags.$Shape): flow.TCPFlags & flow.TCPFlags.$Shape;
        static create(properties?: flow.TCPFlags.$Properties): flow.TCPFlags;
        static encode(message: flow.TCPFlags.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
        static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): flow.TCPFlags & flow.TCPFlags.$Shape;
    }

    namespace TCPFlags {
        interface $Properties {
            FIN?: (boolean|null);
            SYN?: (boolean|null);
            RST?: (boolean|null);
            PSH?: (boolean|null);
            ACK?: (boolean|null);
            URG?: (boolean|null);
            ECE?: (boolean|null);
            CWR?: (boolean|null);
            NS?: (boolean|null);
            $unknowns?: Uint8Array[];
        }
        type $Shape = flow.TCPFlags.$Properties;
    }

    interface IUDP extends flow.UDP.$Properties {
    }

    class UDP {
        constructor(properties?: flow.UDP.$Properties);
        $unknowns?: Uint8Array[];
        sourcePort: number;
        destinationPort: number;
        static create(properties: flow.UDP.$Shape): flow.UDP & flow.UDP.$Shape;
        static create(properties?: flow.UDP.$Properties): flow.UDP;
        static encode(message: flow.UDP.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
        static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): flow.UDP & flow.UDP.$Shape;
    }

    namespace UDP {
        interface $Properties {
            sourcePort?: (number|null);
            destinationPort?: (number|null);
            $unknowns?: Uint8Array[];
        }
        type $Shape = flow.UDP.$Properties;
    }

    interface ISCTP extends flow.SCTP.$Properties {
    }

    class SCTP {
        constructor(properties?: flow.SCTP.$Properties);
        $unknowns?: Uint8Array[];
        sourcePort: number;
        destinationPort: number;
        static create(properties: flow.SCTP.$Shape): flow.SCTP & flow.SCTP.$Shape;
        static create(properties?: flow.SCTP.$Properties): flow.SCTP;
        static encode(message: flow.SCTP.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
        static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): flow.SCTP & flow.SCTP.$Shape;
    }

    namespace SCTP {
        interface $Properties {
            sourcePort?: (number|null);
            destinationPort?: (number|null);
            $unknowns?: Uint8Array[];
        }
        type $Shape = flow.SCTP.$Properties;
    }

    interface IICMPv4 extends flow.ICMPv4.$Properties {
    }

    class ICMPv4 {
        constructor(properties?: flow.ICMPv4.$Properties);
        $unknowns?: Uint8Array[];
        type: number;
        code: number;
        static create(properties: flow.ICMPv4.$Shape): flow.ICMPv4 & flow.ICMPv4.$Shape;
        static create(properties?: flow.ICMPv4.$Properties): flow.ICMPv4;
        static encode(message: flow.ICMPv4.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
        static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): flow.ICMPv4 & flow.ICMPv4.$Shape;
    }

    namespace ICMPv4 {
        interface $Properties {
            type?: (number|null);
            code?: (number|null);
            $unknowns?: Uint8Array[];
        }
        type $Shape = flow.ICMPv4.$Properties;
    }

    interface IICMPv6 extends flow.ICMPv6.$Properties {
    }

    class ICMPv6 {
        constructor(properties?: flow.ICMPv6.$Properties);
        $unknowns?: Uint8Array[];
        type: number;
        code: number;
        static create(properties: flow.ICMPv6.$Shape): flow.ICMPv6 & flow.ICMPv6.$Shape;
        static create(properties?: flow.ICMPv6.$Properties): flow.ICMPv6;
        static encode(message: flow.ICMPv6.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
        static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): flow.ICMPv6 & flow.ICMPv6.$Shape;
    }

    namespace ICMPv6 {
        interface $Properties {
            type?: (number|null);
            code?: (number|null);
            $unknowns?: Uint8Array[];
        }
        type $Shape = flow.ICMPv6.$Properties;
    }

    interface IVRRP extends flow.VRRP.$Properties {
    }

    class VRRP {
        constructor(properties?: flow.VRRP.$Properties);
        $unknowns?: Uint8Array[];
        type: number;
        vrid: number;
        priority: number;
        static create(properties: flow.VRRP.$Shape): flow.VRRP & flow.VRRP.$Shape;
        static create(properties?: flow.VRRP.$Properties): flow.VRRP;
        static encode(message: flow.VRRP.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
        static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): flow.VRRP & flow.VRRP.$Shape;
    }

    namespace VRRP {
        interface $Properties {
            type?: (number|null);
            vrid?: (number|null);
            priority?: (number|null);
            $unknowns?: Uint8Array[];
        }
        type $Shape = flow.VRRP.$Properties;
    }

    interface IIGMP extends flow.IGMP.$Properties {
    }

    class IGMP {
        constructor(properties?: flow.IGMP.$Properties);
        $unknowns?: Uint8Array[];
        type: number;
        groupAddress: string;
        static create(properties: flow.IGMP.$Shape): flow.IGMP & flow.IGMP.$Shape;
        static create(properties?: flow.IGMP.$Properties): flow.IGMP;
        static encode(message: flow.IGMP.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
        static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): flow.IGMP & flow.IGMP.$Shape;
    }

    namespace IGMP {
        interface $Properties {
            type?: (number|null);
            groupAddress?: (string|null);
            $unknowns?: Uint8Array[];
        }
        type $Shape = flow.IGMP.$Properties;
    }

    enum IPVersion {
        IP_NOT_USED = 0,
        IPv4 = 1,
        IPv6 = 2
    }

    interface ITunnel extends flow.Tunnel.$Properties {
    }

    class Tunnel {
        constructor(properties?: flow.Tunnel.$Properties);
        $unknowns?: Uint8Array[];
        protocol: flow.Tunnel.Protocol;
        IP?: (flow.IP.$Properties|null);
        l4?: (flow.Layer4.$Properties|null);
        vni: number;
        static create(properties: flow.Tunnel.$Shape): flow.Tunnel & flow.Tunnel.$Shape;
        static create(properties?: flow.Tunnel.$Properties): flow.Tunnel;
        static encode(message: flow.Tunnel.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
        static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): flow.Tunnel & flow.Tunnel.$Shape;
    }

    namespace Tunnel {
        interface $Properties {
            protocol?: (flow.Tunnel.Protocol|null);
            IP?: (flow.IP.$Properties|null);
            l4?: (flow.Layer4.$Properties|null);
            vni?: (number|null);
            $unknowns?: Uint8Array[];
        }
        type $Shape = {
          protocol?: flow.Tunnel.Protocol|null;
          IP?: flow.IP.$Shape|null;
          l4?: flow.Layer4.$Shape|null;
          vni?: number|null;
          $unknowns?: Uint8Array[];
        };

        enum Protocol {
            UNKNOWN = 0,
            VXLAN = 1,
            GENEVE = 2
        }
    }

    enum Verdict {
        VERDICT_UNKNOWN = 0,
        FORWARDED = 1,
        DROPPED = 2,
        ERROR = 3,
        AUDIT = 4,
        REDIRECTED = 5,
        TRACED = 6,
        TRANSLATED = 7
    }

    enum DropReason {
        DROP_REASON_UNKNOWN = 0,
        INVALID_SOURCE_MAC = 130,
        INVALID_DESTINATION_MAC = 131,
        INVALID_SOURCE_IP = 132,
        POLICY_DENIED = 133,
        INVALID_PACKET_DROPPED = 134,
        CT_TRUNCATED_OR_INVALID_HEADER = 135,
        CT_MISSING_TCP_ACK_FLAG = 136,
        CT_UNKNOWN_L4_PROTOCOL = 137,
        CT_CANNOT_CREATE_ENTRY_FROM_PACKET = 138,
        UNSUPPORTED_L3_PROTOCOL = 139,
        MISSED_TAIL_CALL = 140,
        ERROR_WRITING_TO_PACKET = 141,
        UNKNOWN_L4_PROTOCOL = 142,
        UNKNOWN_ICMPV4_CODE = 143,
        UNKNOWN_ICMPV4_TYPE = 144,
        UNKNOWN_ICMPV6_CODE = 145,
        UNKNOWN_ICMPV6_TYPE = 146,
        ERROR_RETRIEVING_TUNNEL_KEY = 147,
        ERROR_RETRIEVING_TUNNEL_OPTIONS = 148,
        INVALID_GENEVE_OPTION = 149,
        UNKNOWN_L3_TARGET_ADDRESS = 150,
        STALE_OR_UNROUTABLE_IP = 151,
        NO_MATCHING_LOCAL_CONTAINER_FOUND = 152,
        ERROR_WHILE_CORRECTING_L3_CHECKSUM = 153,
        ERROR_WHILE_CORRECTING_L4_CHECKSUM = 154,
        CT_MAP_INSERTION_FAILED = 155,
        INVALID_IPV6_EXTENSION_HEADER = 156,
        IP_FRAGMENTATION_NOT_SUPPORTED = 157,
        SERVICE_BACKEND_NOT_FOUND = 158,
        NO_TUNNEL_OR_ENCAPSULATION_ENDPOINT = 160,
        FAILED_TO_INSERT_INTO_PROXYMAP = 161,
        REACHED_EDT_RATE_LIMITING_DROP_HORIZON = 162,
        UNKNOWN_CONNECTION_TRACKING_STATE = 163,
        LOCAL_HOST_IS_UNREACHABLE = 164,
        NO_CONFIGURATION_AVAILABLE_TO_PERFORM_POLICY_DECISION = 165,
        UNSUPPORTED_L2_PROTOCOL = 166,
        NO_MAPPING_FOR_NAT_MASQUERADE = 167,
        UNSUPPORTED_PROTOCOL_FOR_NAT_MASQUERADE = 168,
        FIB_LOOKUP_FAILED = 169,
        ENCAPSULATION_TRAFFIC_IS_PROHIBITED = 170,
        INVALID_IDENTITY = 171,
        UNKNOWN_SENDER = 172,
        NAT_NOT_NEEDED = 173,
        IS_A_CLUSTERIP = 174,
        FIRST_LOGICAL_DATAGRAM_FRAGMENT_NOT_FOUND = 175,
        FORBIDDEN_ICMPV6_MESSAGE = 176,
        DENIED_BY_LB_SRC_RANGE_CHECK = 177,
        SOCKET_LOOKUP_FAILED = 178,
        SOCKET_ASSIGN_FAILED = 179,
        PROXY_REDIRECTION_NOT_SUPPORTED_FOR_PROTOCOL = 180,
        POLICY_DENY = 181,
        VLAN_FILTERED = 182,
        INVALID_VNI = 183,
        INVALID_TC_BUFFER = 184,
        NO_SID = 185,
        MISSING_SRV6_STATE = 186,
        NAT46 = 187,
        NAT64 = 188,
        AUTH_REQUIRED = 189,
        CT_NO_MAP_FOUND = 190,
        SNAT_NO_MAP_FOUND = 191,
        INVALID_CLUSTER_ID = 192,
        UNSUPPORTED_PROTOCOL_FOR_DSR_ENCAP = 193,
        NO_EGRESS_GATEWAY = 194,
        UNENCRYPTED_TRAFFIC = 195,
        TTL_EXCEEDED = 196,
        NO_NODE_ID = 197,
        DROP_RATE_LIMITED = 198,
        IGMP_HANDLED = 199,
        IGMP_SUBSCRIBED = 200,
        MULTICAST_HANDLED = 201,
        DROP_HOST_NOT_READY = 202,
        DROP_EP_NOT_READY = 203,
        DROP_NO_EGRESS_IP = 204,
        DROP_PUNT_PROXY = 205
    }

    enum TrafficDirection {
        TRAFFIC_DIRECTION_UNKNOWN = 0,
        INGRESS = 1,
        EGRESS = 2
    }

    enum DebugCapturePoint {
        DBG_CAPTURE_POINT_UNKNOWN = 0,
        DBG_CAPTURE_DELIVERY = 4,
        DBG_CAPTURE_FROM_LB = 5,
        DBG_CAPTURE_AFTER_V46 = 6,
        DBG_CAPTURE_AFTER_V64 = 7,
        DBG_CAPTURE_PROXY_PRE = 8,
        DBG_CAPTURE_PROXY_POST = 9,
        DBG_CAPTURE_SNAT_PRE = 10,
        DBG_CAPTURE_SNAT_POST = 11
    }

    interface IPolicy extends flow.Policy.$Properties {
    }

    class Policy {
        constructor(properties?: flow.Policy.$Properties);
        $unknowns?: Uint8Array[];
        name: string;
        namespace: string;
        labels: string[];
        revision: (number|Long);
        kind: string;
        static create(properties: flow.Policy.$Shape): flow.Policy & flow.Policy.$Shape;
        static create(properties?: flow.Policy.$Properties): flow.Policy;
        static encode(message: flow.Policy.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
        static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): flow.Policy & flow.Policy.$Shape;
    }

    namespace Policy {
        interface $Properties {
            name?: (string|null);
            namespace?: (string|null);
            labels?: (string[]|null);
            revision?: (number|Long|null);
            kind?: (string|null);
            $unknowns?: Uint8Array[];
        }
        type $Shape = flow.Policy.$Properties;
    }

    interface IEventTypeFilter extends flow.EventTypeFilter.$Properties {
    }

    class EventTypeFilter {
        constructor(properties?: flow.EventTypeFilter.$Properties);
        $unknowns?: Uint8Array[];
        type: number;
        matchSubType: boolean;
        subType: number;
        static create(properties: flow.EventTypeFilter.$Shape): flow.EventTypeFilter & flow.EventTypeFilter.$Shape;
        static create(properties?: flow.EventTypeFilter.$Properties): flow.EventTypeFilter;
        static encode(message: flow.EventTypeFilter.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
        static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): flow.EventTypeFilter & flow.EventTypeFilter.$Shape;
    }

    namespace EventTypeFilter {
        interface $Properties {
            type?: (number|null);
            matchSubType?: (boolean|null);
            subType?: (number|null);
            $unknowns?: Uint8Array[];
        }
        type $Shape = flow.EventTypeFilter.$Properties;
    }

    interface ICiliumEventType extends flow.CiliumEventType.$Properties {
    }

    class CiliumEventType {
        constructor(properties?: flow.CiliumEventType.$Properties);
        $unknowns?: Uint8Array[];
        type: number;
        subType: number;
        static create(properties: flow.CiliumEventType.$Shape): flow.CiliumEventType & flow.CiliumEventType.$Shape;
        static create(properties?: flow.CiliumEventType.$Properties): flow.CiliumEventType;
        static encode(message: flow.CiliumEventType.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
        static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): flow.CiliumEventType & flow.CiliumEventType.$Shape;
    }

    namespace CiliumEventType {
        interface $Properties {
            type?: (number|null);
            subType?: (number|null);
            $unknowns?: Uint8Array[];
        }
        type $Shape = flow.CiliumEventType.$Properties;
    }

    interface IFlowFilter extends flow.FlowFilter.$Properties {
    }

    class FlowFilter {
        constructor(properties?: flow.FlowFilter.$Properties);
        $unknowns?: Uint8Array[];
        uuid: string[];
        sourceIp: string[];
        sourceIpXlated: string[];
        sourcePod: string[];
        sourceFqdn: string[];
        sourceLabel: string[];
        sourceService: string[];
        sourceWorkload: flow.Workload.$Properties[];
        sourceClusterName: string[];
        destinationIp: string[];
        destinationPod: string[];
        destinationFqdn: string[];
        destinationLabel: string[];
        destinationService: string[];
        destinationWorkload: flow.Workload.$Properties[];
        destinationClusterName: string[];
        trafficDirection: flow.TrafficDirection[];
        verdict: flow.Verdict[];
        dropReasonDesc: flow.DropReason[];
        interface: flow.NetworkInterface.$Properties[];
        eventType: flow.EventTypeFilter.$Properties[];
        httpStatusCode: string[];
        protocol: string[];
        sourcePort: string[];
        destinationPort: string[];
        reply: boolean[];
        dnsQuery: string[];
        sourceIdentity: number[];
        destinationIdentity: number[];
        httpMethod: string[];
        httpPath: string[];
        httpUrl: string[];
        httpHeader: flow.HTTPHeader.$Properties[];
        tcpFlags: flow.TCPFlags.$Properties[];
        nodeName: string[];
        nodeLabels: string[];
        ipVersion: flow.IPVersion[];
        traceId: string[];
        ipTraceId: (number|Long)[];
        encrypted: boolean[];
        experimental?: (flow.FlowFilter.Experimental.$Properties|null);
        static create(properties: flow.FlowFilter.$Shape): flow.FlowFilter & flow.FlowFilter.$Shape;
        static create(properties?: flow.FlowFilter.$Properties): flow.FlowFilter;
        static encode(message: flow.FlowFilter.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
        static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): flow.FlowFilter & flow.FlowFilter.$Shape;
    }

    namespace FlowFilter {
        interface $Properties {
            uuid?: (string[]|null);
            sourceIp?: (string[]|null);
            sourceIpXlated?: (string[]|null);
            sourcePod?: (string[]|null);
            sourceFqdn?: (string[]|null);
            sourceLabel?: (string[]|null);
            sourceService?: (string[]|null);
            sourceWorkload?: (flow.Workload.$Properties[]|null);
            sourceClusterName?: (string[]|null);
            destinationIp?: (string[]|null);
            destinationPod?: (string[]|null);
            destinationFqdn?: (string[]|null);
            destinationLabel?: (string[]|null);
            destinationService?: (string[]|null);
            destinationWorkload?: (flow.Workload.$Properties[]|null);
            destinationClusterName?: (string[]|null);
            trafficDirection?: (flow.TrafficDirection[]|null);
            verdict?: (flow.Verdict[]|null);
            dropReasonDesc?: (flow.DropReason[]|null);
            "interface"?: (flow.NetworkInterface.$Properties[]|null);
            eventType?: (flow.EventTypeFilter.$Properties[]|null);
            httpStatusCode?: (string[]|null);
            protocol?: (string[]|null);
            sourcePort?: (string[]|null);
            destinationPort?: (string[]|null);
            reply?: (boolean[]|null);
            dnsQuery?: (string[]|null);
            sourceIdentity?: (number[]|null);
            destinationIdentity?: (number[]|null);
            httpMethod?: (string[]|null);
            httpPath?: (string[]|null);
            httpUrl?: (string[]|null);
            httpHeader?: (flow.HTTPHeader.$Properties[]|null);
            tcpFlags?: (flow.TCPFlags.$Properties[]|null);
            nodeName?: (string[]|null);
            nodeLabels?: (string[]|null);
            ipVersion?: (flow.IPVersion[]|null);
            traceId?: (string[]|null);
            ipTraceId?: ((number|Long)[]|null);
            encrypted?: (boolean[]|null);
            experimental?: (flow.FlowFilter.Experimental.$Properties|null);
            $unknowns?: Uint8Array[];
        }
        type $Shape = flow.FlowFilter.$Properties;

        interface IExperimental extends flow.FlowFilter.Experimental.$Properties {
        }

        class Experimental {
            constructor(properties?: flow.FlowFilter.Experimental.$Properties);
            $unknowns?: Uint8Array[];
            celExpression: string[];
            static create(properties: flow.FlowFilter.Experimental.$Shape): flow.FlowFilter.Experimental & flow.FlowFilter.Experimental.$Shape;
            static create(properties?: flow.FlowFilter.Experimental.$Properties): flow.FlowFilter.Experimental;
            static encode(message: flow.FlowFilter.Experimental.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): flow.FlowFilter.Experimental & flow.FlowFilter.Experimental.$Shape;
        }

        namespace Experimental {
            interface $Properties {
                celExpression?: (string[]|null);
                $unknowns?: Uint8Array[];
            }
            type $Shape = flow.FlowFilter.Experimental.$Properties;
        }
    }

    enum EventType {
        UNKNOWN = 0,
        EventSample = 9,
        RecordLost = 2
    }

    interface IDNS extends flow.DNS.$Properties {
    }

    class DNS {
        constructor(properties?: flow.DNS.$Properties);
        $unknowns?: Uint8Array[];
        query: string;
        ips: string[];
        ttl: number;
        cnames: string[];
        observationSource: string;
        rcode: number;
        qtypes: string[];
        rrtypes: string[];
        static create(properties: flow.DNS.$Shape): flow.DNS & flow.DNS.$Shape;
        static create(properties?: flow.DNS.$Properties): flow.DNS;
        static encode(message: flow.DNS.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
        static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): flow.DNS & flow.DNS.$Shape;
    }

    namespace DNS {
        interface $Properties {
            query?: (string|null);
            ips?: (string[]|null);
            ttl?: (number|null);
            cnames?: (string[]|null);
            observationSource?: (string|null);
            rcode?: (number|null);
            qtypes?: (string[]|null);
            rrtypes?: (string[]|null);
            $unknowns?: Uint8Array[];
        }
        type $Shape = flow.DNS.$Properties;
    }

    interface IHTTPHeader extends flow.HTTPHeader.$Properties {
    }

    class HTTPHeader {
        constructor(properties?: flow.HTTPHeader.$Properties);
        $unknowns?: Uint8Array[];
        key: string;
        value: string;
        static create(properties: flow.HTTPHeader.$Shape): flow.HTTPHeader & flow.HTTPHeader.$Shape;
        static create(properties?: flow.HTTPHeader.$Properties): flow.HTTPHeader;
        static encode(message: flow.HTTPHeader.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
        static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): flow.HTTPHeader & flow.HTTPHeader.$Shape;
    }

    namespace HTTPHeader {
        interface $Properties {
            key?: (string|null);
            value?: (string|null);
            $unknowns?: Uint8Array[];
        }
        type $Shape = flow.HTTPHeader.$Properties;
    }

    interface IHTTP extends flow.HTTP.$Properties {
    }

    class HTTP {
        constructor(properties?: flow.HTTP.$Properties);
        $unknowns?: Uint8Array[];
        code: number;
        method: string;
        url: string;
        protocol: string;
        headers: flow.HTTPHeader.$Properties[];
        static create(properties: flow.HTTP.$Shape): flow.HTTP & flow.HTTP.$Shape;
        static create(properties?: flow.HTTP.$Properties): flow.HTTP;
        static encode(message: flow.HTTP.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
        static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): flow.HTTP & flow.HTTP.$Shape;
    }

    namespace HTTP {
        interface $Properties {
            code?: (number|null);
            method?: (string|null);
            url?: (string|null);
            protocol?: (string|null);
            headers?: (flow.HTTPHeader.$Properties[]|null);
            $unknowns?: Uint8Array[];
        }
        type $Shape = flow.HTTP.$Properties;
    }

    interface IKafka extends flow.Kafka.$Properties {
    }

    class Kafka {
        constructor(properties?: flow.Kafka.$Properties);
        $unknowns?: Uint8Array[];
        errorCode: number;
        apiVersion: number;
        apiKey: string;
        correlationId: number;
        topic: string;
        static create(properties: flow.Kafka.$Shape): flow.Kafka & flow.Kafka.$Shape;
        static create(properties?: flow.Kafka.$Properties): flow.Kafka;
        static encode(message: flow.Kafka.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
        static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): flow.Kafka & flow.Kafka.$Shape;
    }

    namespace Kafka {
        interface $Properties {
            errorCode?: (number|null);
            apiVersion?: (number|null);
            apiKey?: (string|null);
            correlationId?: (number|null);
            topic?: (string|null);
            $unknowns?: Uint8Array[];
        }
        type $Shape = flow.Kafka.$Properties;
    }

    interface IService extends flow.Service.$Properties {
    }

    class Service {
        constructor(properties?: flow.Service.$Properties);
        $unknowns?: Uint8Array[];
        name: string;
        namespace: string;
        static create(properties: flow.Service.$Shape): flow.Service & flow.Service.$Shape;
        static create(properties?: flow.Service.$Properties): flow.Service;
        static encode(message: flow.Service.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
        static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): flow.Service & flow.Service.$Shape;
    }

    namespace Service {
        interface $Properties {
            name?: (string|null);
            namespace?: (string|null);
            $unknowns?: Uint8Array[];
        }
        type $Shape = flow.Service.$Properties;
    }

    interface IIPTraceID extends flow.IPTraceID.$Properties {
    }

    class IPTraceID {
        constructor(properties?: flow.IPTraceID.$Properties);
        $unknowns?: Uint8Array[];
        traceId: (number|Long);
        ipOptionType: number;
        static create(properties: flow.IPTraceID.$Shape): flow.IPTraceID & flow.IPTraceID.$Shape;
        static create(properties?: flow.IPTraceID.$Properties): flow.IPTraceID;
        static encode(message: flow.IPTraceID.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
        static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): flow.IPTraceID & flow.IPTraceID.$Shape;
    }

    namespace IPTraceID {
        interface $Properties {
            traceId?: (number|Long|null);
            ipOptionType?: (number|null);
            $unknowns?: Uint8Array[];
        }
        type $Shape = flow.IPTraceID.$Properties;
    }

    enum LostEventSource {
        UNKNOWN_LOST_EVENT_SOURCE = 0,
        PERF_EVENT_RING_BUFFER = 1,
        OBSERVER_EVENTS_QUEUE = 2,
        HUBBLE_RING_BUFFER = 3
    }

    interface ILostEvent extends flow.LostEvent.$Properties {
    }

    class LostEvent {
        constructor(properties?: flow.LostEvent.$Properties);
        $unknowns?: Uint8Array[];
        source: flow.LostEventSource;
        numEventsLost: (number|Long);
        cpu?: (google.protobuf.Int32Value.$Properties|null);
        first?: (google.protobuf.Timestamp.$Properties|null);
        last?: (google.protobuf.Timestamp.$Properties|null);
        static create(properties: flow.LostEvent.$Shape): flow.LostEvent & flow.LostEvent.$Shape;
        static create(properties?: flow.LostEvent.$Properties): flow.LostEvent;
        static encode(message: flow.LostEvent.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
        static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): flow.LostEvent & flow.LostEvent.$Shape;
    }

    namespace LostEvent {
        interface $Properties {
            source?: (flow.LostEventSource|null);
            numEventsLost?: (number|Long|null);
            cpu?: (google.protobuf.Int32Value.$Properties|null);
            first?: (google.protobuf.Timestamp.$Properties|null);
            last?: (google.protobuf.Timestamp.$Properties|null);
            $unknowns?: Uint8Array[];
        }
        type $Shape = flow.LostEvent.$Properties;
    }

    enum AgentEventType {
        AGENT_EVENT_UNKNOWN = 0,
        AGENT_STARTED = 2,
        POLICY_UPDATED = 3,
        POLICY_DELETED = 4,
        ENDPOINT_REGENERATE_SUCCESS = 5,
        ENDPOINT_REGENERATE_FAILURE = 6,
        ENDPOINT_CREATED = 7,
        ENDPOINT_DELETED = 8,
        IPCACHE_UPSERTED = 9,
        IPCACHE_DELETED = 10,
        SERVICE_UPSERTED = 11,
        SERVICE_DELETED = 12
    }

    interface IAgentEvent extends flow.AgentEvent.$Properties {
    }

    class AgentEvent {
        constructor(properties?: flow.AgentEvent.$Properties);
        $unknowns?: Uint8Array[];
        type: flow.AgentEventType;
        unknown?: (flow.AgentEventUnknown.$Properties|null);
        agentStart?: (flow.TimeNotification.$Properties|null);
        policyUpdate?: (flow.PolicyUpdateNotification.$Properties|null);
        endpointRegenerate?: (flow.EndpointRegenNotification.$Properties|null);
        endpointUpdate?: (flow.EndpointUpdateNotification.$Properties|null);
        ipcacheUpdate?: (flow.IPCacheNotification.$Properties|null);
        serviceUpsert?: (flow.ServiceUpsertNotification.$Properties|null);
        serviceDelete?: (flow.ServiceDeleteNotification.$Properties|null);
        notification?: ("unknown"|"agentStart"|"policyUpdate"|"endpointRegenerate"|"endpointUpdate"|"ipcacheUpdate"|"serviceUpsert"|"serviceDelete");
        static create(properties: flow.AgentEvent.$Shape): flow.AgentEvent & flow.AgentEvent.$Shape;
        static create(properties?: flow.AgentEvent.$Properties): flow.AgentEvent;
        static encode(message: flow.AgentEvent.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
        static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): flow.AgentEvent & flow.AgentEvent.$Shape;
    }

    namespace AgentEvent {
        interface $Properties {
            type?: (flow.AgentEventType|null);
            unknown?: (flow.AgentEventUnknown.$Properties|null);
            agentStart?: (flow.TimeNotification.$Properties|null);
            policyUpdate?: (flow.PolicyUpdateNotification.$Properties|null);
            endpointRegenerate?: (flow.EndpointRegenNotification.$Properties|null);
            endpointUpdate?: (flow.EndpointUpdateNotification.$Properties|null);
            ipcacheUpdate?: (flow.IPCacheNotification.$Properties|null);
            serviceUpsert?: (flow.ServiceUpsertNotification.$Properties|null);
            serviceDelete?: (flow.ServiceDeleteNotification.$Properties|null);
            notification?: ("unknown"|"agentStart"|"policyUpdate"|"endpointRegenerate"|"endpointUpdate"|"ipcacheUpdate"|"serviceUpsert"|"serviceDelete");
            $unknowns?: Uint8Array[];
        }
        type $Shape = {
          type?: flow.AgentEventType|null;
          unknown?: flow.AgentEventUnknown.$Shape|null;
          agentStart?: flow.TimeNotification.$Shape|null;
          policyUpdate?: flow.PolicyUpdateNotification.$Shape|null;
          endpointRegenerate?: flow.EndpointRegenNotification.$Shape|null;
          endpointUpdate?: flow.EndpointUpdateNotification.$Shape|null;
          ipcacheUpdate?: flow.IPCacheNotification.$Shape|null;
          serviceUpsert?: flow.ServiceUpsertNotification.$Shape|null;
          serviceDelete?: flow.ServiceDeleteNotification.$Shape|null;
          $unknowns?: Uint8Array[];
        } & (
          ({ notification?: undefined; unknown?: null; agentStart?: null; policyUpdate?: null; endpointRegenerate?: null; endpointUpdate?: null; ipcacheUpdate?: null; serviceUpsert?: null; serviceDelete?: null }|{ notification?: "unknown"; unknown: flow.AgentEventUnknown.$Shape; agentStart?: null; policyUpdate?: null; endpointRegenerate?: null; endpointUpdate?: null; ipcacheUpdate?: null; serviceUpsert?: null; serviceDelete?: null }|{ notification?: "agentStart"; unknown?: null; agentStart: flow.TimeNotification.$Shape; policyUpdate?: null; endpointRegenerate?: null; endpointUpdate?: null; ipcacheUpdate?: null; serviceUpsert?: null; serviceDelete?: null }|{ notification?: "policyUpdate"; unknown?: null; agentStart?: null; policyUpdate: flow.PolicyUpdateNotification.$Shape; endpointRegenerate?: null; endpointUpdate?: null; ipcacheUpdate?: null; serviceUpsert?: null; serviceDelete?: null }|{ notification?: "endpointRegenerate"; unknown?: null; agentStart?: null; policyUpdate?: null; endpointRegenerate: flow.EndpointRegenNotification.$Shape; endpointUpdate?: null; ipcacheUpdate?: null; serviceUpsert?: null; serviceDelete?: null }|{ notification?: "endpointUpdate"; unknown?: null; agentStart?: null; policyUpdate?: null; endpointRegenerate?: null; endpointUpdate: flow.EndpointUpdateNotification.$Shape; ipcacheUpdate?: null; serviceUpsert?: null; serviceDelete?: null }|{ notification?: "ipcacheUpdate"; unknown?: null; agentStart?: null; policyUpdate?: null; endpointRegenerate?: null; endpointUpdate?: null; ipcacheUpdate: flow.IPCacheNotification.$Shape; serviceUpsert?: null; serviceDelete?: null }|{ notification?: "serviceUpsert"; unknown?: null; agentStart?: null; policyUpdate?: null; endpointRegenerate?: null; endpointUpdate?: null; ipcacheUpdate?: null; serviceUpsert: flow.ServiceUpsertNotification.$Shape; serviceDelete?: null }|{ notification?: "serviceDelete"; unknown?: null; agentStart?: null; policyUpdate?: null; endpointRegenerate?: null; endpointUpdate?: null; ipcacheUpdate?: null; serviceUpsert?: null; serviceDelete: flow.ServiceDeleteNotification.$Shape })
        );
    }

    interface IAgentEventUnknown extends flow.AgentEventUnknown.$Properties {
    }

    class AgentEventUnknown {
        constructor(properties?: flow.AgentEventUnknown.$Properties);
        $unknowns?: Uint8Array[];
        type: string;
        notification: string;
        static create(properties: flow.AgentEventUnknown.$Shape): flow.AgentEventUnknown & flow.AgentEventUnknown.$Shape;
        static create(properties?: flow.AgentEventUnknown.$Properties): flow.AgentEventUnknown;
        static encode(message: flow.AgentEventUnknown.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
        static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): flow.AgentEventUnknown & flow.AgentEventUnknown.$Shape;
    }

    namespace AgentEventUnknown {
        interface $Properties {
            type?: (string|null);
            notification?: (string|null);
            $unknowns?: Uint8Array[];
        }
        type $Shape = flow.AgentEventUnknown.$Properties;
    }

    interface ITimeNotification extends flow.TimeNotification.$Properties {
    }

    class TimeNotification {
        constructor(properties?: flow.TimeNotification.$Properties);
        $unknowns?: Uint8Array[];
        time?: (google.protobuf.Timestamp.$Properties|null);
        static create(properties: flow.TimeNotification.$Shape): flow.TimeNotification & flow.TimeNotification.$Shape;
        static create(properties?: flow.TimeNotification.$Properties): flow.TimeNotification;
        static encode(message: flow.TimeNotification.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
        static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): flow.TimeNotification & flow.TimeNotification.$Shape;
    }

    namespace TimeNotification {
        interface $Properties {
            time?: (google.protobuf.Timestamp.$Properties|null);
            $unknowns?: Uint8Array[];
        }
        type $Shape = flow.TimeNotification.$Properties;
    }

    interface IPolicyUpdateNotification extends flow.PolicyUpdateNotification.$Properties {
    }

    class PolicyUpdateNotification {
        constructor(properties?: flow.PolicyUpdateNotification.$Properties);
        $unknowns?: Uint8Array[];
        labels: string[];
        revision: (number|Long);
        ruleCount: (number|Long);
        static create(properties: flow.PolicyUpdateNotification.$Shape): flow.PolicyUpdateNotification & flow.PolicyUpdateNotification.$Shape;
        static create(properties?: flow.PolicyUpdateNotification.$Properties): flow.PolicyUpdateNotification;
        static encode(message: flow.PolicyUpdateNotification.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
        static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): flow.PolicyUpdateNotification & flow.PolicyUpdateNotification.$Shape;
    }

    namespace PolicyUpdateNotification {
        interface $Properties {
            labels?: (string[]|null);
            revision?: (number|Long|null);
            ruleCount?: (number|Long|null);
            $unknowns?: Uint8Array[];
        }
        type $Shape = flow.PolicyUpdateNotification.$Properties;
    }

    interface IEndpointRegenNotification extends flow.EndpointRegenNotification.$Properties {
    }

    class EndpointRegenNotification {
        constructor(properties?: flow.EndpointRegenNotification.$Properties);
        $unknowns?: Uint8Array[];
        id: (number|Long);
        labels: string[];
        error: string;
        static create(properties: flow.EndpointRegenNotification.$Shape): flow.EndpointRegenNotification & flow.EndpointRegenNotification.$Shape;
        static create(properties?: flow.EndpointRegenNotification.$Properties): flow.EndpointRegenNotification;
        static encode(message: flow.EndpointRegenNotification.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
        static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): flow.EndpointRegenNotification & flow.EndpointRegenNotification.$Shape;
    }

    namespace EndpointRegenNotification {
        interface $Properties {
            id?: (number|Long|null);
            labels?: (string[]|null);
            error?: (string|null);
            $unknowns?: Uint8Array[];
        }
        type $Shape = flow.EndpointRegenNotification.$Properties;
    }

    interface IEndpointUpdateNotification extends flow.EndpointUpdateNotification.$Properties {
    }

    class EndpointUpdateNotification {
        constructor(properties?: flow.EndpointUpdateNotification.$Properties);
        $unknowns?: Uint8Array[];
        id: (number|Long);
        labels: string[];
        error: string;
        podName: string;
        namespace: string;
        static create(properties: flow.EndpointUpdateNotification.$Shape): flow.EndpointUpdateNotification & flow.EndpointUpdateNotification.$Shape;
        static create(properties?: flow.EndpointUpdateNotification.$Properties): flow.EndpointUpdateNotification;
        static encode(message: flow.EndpointUpdateNotification.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
        static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): flow.EndpointUpdateNotification & flow.EndpointUpdateNotification.$Shape;
    }

    namespace EndpointUpdateNotification {
        interface $Properties {
            id?: (number|Long|null);
            labels?: (string[]|null);
            error?: (string|null);
            podName?: (string|null);
            namespace?: (string|null);
            $unknowns?: Uint8Array[];
        }
        type $Shape = flow.EndpointUpdateNotification.$Properties;
    }

    interface IIPCacheNotification extends flow.IPCacheNotification.$Properties {
    }

    class IPCacheNotification {
        constructor(properties?: flow.IPCacheNotification.$Properties);
        $unknowns?: Uint8Array[];
        cidr: string;
        identity: number;
        oldIdentity?: (google.protobuf.UInt32Value.$Properties|null);
        hostIp: string;
        oldHostIp: string;
        encryptKey: number;
        namespace: string;
        podName: string;
        static create(properties: flow.IPCacheNotification.$Shape): flow.IPCacheNotification & flow.IPCacheNotification.$Shape;
        static create(properties?: flow.IPCacheNotification.$Properties): flow.IPCacheNotification;
        static encode(message: flow.IPCacheNotification.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
        static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): flow.IPCacheNotification & flow.IPCacheNotification.$Shape;
    }

    namespace IPCacheNotification {
        interface $Properties {
            cidr?: (string|null);
            identity?: (number|null);
            oldIdentity?: (google.protobuf.UInt32Value.$Properties|null);
            hostIp?: (string|null);
            oldHostIp?: (string|null);
            encryptKey?: (number|null);
            namespace?: (string|null);
            podName?: (string|null);
            $unknowns?: Uint8Array[];
        }
        type $Shape = flow.IPCacheNotification.$Properties;
    }

    interface IServiceUpsertNotificationAddr extends flow.ServiceUpsertNotificationAddr.$Properties {
    }

    class ServiceUpsertNotificationAddr {
        constructor(properties?: flow.ServiceUpsertNotificationAddr.$Properties);
        $unknowns?: Uint8Array[];
        ip: string;
        port: number;
        static create(properties: flow.ServiceUpsertNotificationAddr.$Shape): flow.ServiceUpsertNotificationAddr & flow.ServiceUpsertNotificationAddr.$Shape;
        static create(properties?: flow.ServiceUpsertNotificationAddr.$Properties): flow.ServiceUpsertNotificationAddr;
        static encode(message: flow.ServiceUpsertNotificationAddr.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
        static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): flow.ServiceUpsertNotificationAddr & flow.ServiceUpsertNotificationAddr.$Shape;
    }

    namespace ServiceUpsertNotificationAddr {
        interface $Properties {
            ip?: (string|null);
            port?: (number|null);
            $unknowns?: Uint8Array[];
        }
        type $Shape = flow.ServiceUpsertNotificationAddr.$Properties;
    }

    interface IServiceUpsertNotification extends flow.ServiceUpsertNotification.$Properties {
    }

    class ServiceUpsertNotification {
        constructor(properties?: flow.ServiceUpsertNotification.$Properties);
        $unknowns?: Uint8Array[];
        id: number;
        frontendAddress?: (flow.ServiceUpsertNotificationAddr.$Properties|null);
        backendAddresses: flow.ServiceUpsertNotificationAddr.$Properties[];
        type: string;
        trafficPolicy: string;
        name: string;
        namespace: string;
        extTrafficPolicy: string;
        intTrafficPolicy: string;
        static create(properties: flow.ServiceUpsertNotification.$Shape): flow.ServiceUpsertNotification & flow.ServiceUpsertNotification.$Shape;
        static create(properties?: flow.ServiceUpsertNotification.$Properties): flow.ServiceUpsertNotification;
        static encode(message: flow.ServiceUpsertNotification.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
        static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): flow.ServiceUpsertNotification & flow.ServiceUpsertNotification.$Shape;
    }

    namespace ServiceUpsertNotification {
        interface $Properties {
            id?: (number|null);
            frontendAddress?: (flow.ServiceUpsertNotificationAddr.$Properties|null);
            backendAddresses?: (flow.ServiceUpsertNotificationAddr.$Properties[]|null);
            type?: (string|null);
            trafficPolicy?: (string|null);
            name?: (string|null);
            namespace?: (string|null);
            extTrafficPolicy?: (string|null);
            intTrafficPolicy?: (string|null);
            $unknowns?: Uint8Array[];
        }
        type $Shape = flow.ServiceUpsertNotification.$Properties;
    }

    interface IServiceDeleteNotification extends flow.ServiceDeleteNotification.$Properties {
    }

    class ServiceDeleteNotification {
        constructor(properties?: flow.ServiceDeleteNotification.$Properties);
        $unknowns?: Uint8Array[];
        id: number;
        static create(properties: flow.ServiceDeleteNotification.$Shape): flow.ServiceDeleteNotification & flow.ServiceDeleteNotification.$Shape;
        static create(properties?: flow.ServiceDeleteNotification.$Properties): flow.ServiceDeleteNotification;
        static encode(message: flow.ServiceDeleteNotification.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
        static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): flow.ServiceDeleteNotification & flow.ServiceDeleteNotification.$Shape;
    }

    namespace ServiceDeleteNotification {
        interface $Properties {
            id?: (number|null);
            $unknowns?: Uint8Array[];
        }
        type $Shape = flow.ServiceDeleteNotification.$Properties;
    }

    interface INetworkInterface extends flow.NetworkInterface.$Properties {
    }

    class NetworkInterface {
        constructor(properties?: flow.NetworkInterface.$Properties);
        $unknowns?: Uint8Array[];
        index: number;
        name: string;
        static create(properties: flow.NetworkInterface.$Shape): flow.NetworkInterface & flow.NetworkInterface.$Shape;
        static create(properties?: flow.NetworkInterface.$Properties): flow.NetworkInterface;
        static encode(message: flow.NetworkInterface.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
        static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): flow.NetworkInterface & flow.NetworkInterface.$Shape;
    }

    namespace NetworkInterface {
        interface $Properties {
            index?: (number|null);
            name?: (string|null);
            $unknowns?: Uint8Array[];
        }
        type $Shape = flow.NetworkInterface.$Properties;
    }

    enum SocketTranslationPoint {
        SOCK_XLATE_POINT_UNKNOWN = 0,
        SOCK_XLATE_POINT_PRE_DIRECTION_FWD = 1,
        SOCK_XLATE_POINT_POST_DIRECTION_FWD = 2,
        SOCK_XLATE_POINT_PRE_DIRECTION_REV = 3,
        SOCK_XLATE_POINT_POST_DIRECTION_REV = 4
    }

    interface IDebugEvent extends flow.DebugEvent.$Properties {
    }

    class DebugEvent {
        constructor(properties?: flow.DebugEvent.$Properties);
        $unknowns?: Uint8Array[];
        type: flow.DebugEventType;
        source?: (flow.Endpoint.$Properties|null);
        hash?: (google.protobuf.UInt32Value.$Properties|null);
        arg1?: (google.protobuf.UInt32Value.$Properties|null);
        arg2?: (google.protobuf.UInt32Value.$Properties|null);
        arg3?: (google.protobuf.UInt32Value.$Properties|null);
        message: string;
        cpu?: (google.protobuf.Int32Value.$Properties|null);
        static create(properties: flow.DebugEvent.$Shape): flow.DebugEvent & flow.DebugEvent.$Shape;
        static create(properties?: flow.DebugEvent.$Properties): flow.DebugEvent;
        static encode(message: flow.DebugEvent.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
        static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): flow.DebugEvent & flow.DebugEvent.$Shape;
    }

    namespace DebugEvent {
        interface $Properties {
            type?: (flow.DebugEventType|null);
            source?: (flow.Endpoint.$Properties|null);
            hash?: (google.protobuf.UInt32Value.$Properties|null);
            arg1?: (google.protobuf.UInt32Value.$Properties|null);
            arg2?: (google.protobuf.UInt32Value.$Properties|null);
            arg3?: (google.protobuf.UInt32Value.$Properties|null);
            message?: (string|null);
            cpu?: (google.protobuf.Int32Value.$Properties|null);
            $unknowns?: Uint8Array[];
        }
        type $Shape = flow.DebugEvent.$Properties;
    }

    enum DebugEventType {
        DBG_EVENT_UNKNOWN = 0,
        DBG_GENERIC = 1,
        DBG_LOCAL_DELIVERY = 2,
        DBG_ENCAP = 3,
        DBG_LXC_FOUND = 4,
        DBG_POLICY_DENIED = 5,
        DBG_CT_LOOKUP = 6,
        DBG_CT_LOOKUP_REV = 7,
        DBG_CT_MATCH = 8,
        DBG_CT_CREATED = 9,
        DBG_CT_CREATED2 = 10,
        DBG_ICMP6_HANDLE = 11,
        DBG_ICMP6_REQUEST = 12,
        DBG_ICMP6_NS = 13,
        DBG_ICMP6_TIME_EXCEEDED = 14,
        DBG_CT_VERDICT = 15,
        DBG_DECAP = 16,
        DBG_PORT_MAP = 17,
        DBG_ERROR_RET = 18,
        DBG_TO_HOST = 19,
        DBG_TO_STACK = 20,
        DBG_PKT_HASH = 21,
        DBG_LB6_LOOKUP_FRONTEND = 22,
        DBG_LB6_LOOKUP_FRONTEND_FAIL = 23,
        DBG_LB6_LOOKUP_BACKEND_SLOT = 24,
        DBG_LB6_LOOKUP_BACKEND_SLOT_SUCCESS = 25,
        DBG_LB6_LOOKUP_BACKEND_SLOT_V2_FAIL = 26,
        DBG_LB6_LOOKUP_BACKEND_FAIL = 27,
        DBG_LB6_REVERSE_NAT_LOOKUP = 28,
        DBG_LB6_REVERSE_NAT = 29,
        DBG_LB4_LOOKUP_FRONTEND = 30,
        DBG_LB4_LOOKUP_FRONTEND_FAIL = 31,
        DBG_LB4_LOOKUP_BACKEND_SLOT = 32,
        DBG_LB4_LOOKUP_BACKEND_SLOT_SUCCESS = 33,
        DBG_LB4_LOOKUP_BACKEND_SLOT_V2_FAIL = 34,
        DBG_LB4_LOOKUP_BACKEND_FAIL = 35,
        DBG_LB4_REVERSE_NAT_LOOKUP = 36,
        DBG_LB4_REVERSE_NAT = 37,
        DBG_LB4_LOOPBACK_SNAT = 38,
        DBG_LB4_LOOPBACK_SNAT_REV = 39,
        DBG_CT_LOOKUP4 = 40,
        DBG_RR_BACKEND_SLOT_SEL = 41,
        DBG_REV_PROXY_LOOKUP = 42,
        DBG_REV_PROXY_FOUND = 43,
        DBG_REV_PROXY_UPDATE = 44,
        DBG_L4_POLICY = 45,
        DBG_NETDEV_IN_CLUSTER = 46,
        DBG_NETDEV_ENCAP4 = 47,
        DBG_CT_LOOKUP4_1 = 48,
        DBG_CT_LOOKUP4_2 = 49,
        DBG_CT_CREATED4 = 50,
        DBG_CT_LOOKUP6_1 = 51,
        DBG_CT_LOOKUP6_2 = 52,
        DBG_CT_CREATED6 = 53,
        DBG_SKIP_PROXY = 54,
        DBG_L4_CREATE = 55,
        DBG_IP_ID_MAP_FAILED4 = 56,
        DBG_IP_ID_MAP_FAILED6 = 57,
        DBG_IP_ID_MAP_SUCCEED4 = 58,
        DBG_IP_ID_MAP_SUCCEED6 = 59,
        DBG_LB_STALE_CT = 60,
        DBG_INHERIT_IDENTITY = 61,
        DBG_SK_LOOKUP4 = 62,
        DBG_SK_LOOKUP6 = 63,
        DBG_SK_ASSIGN = 64,
        DBG_L7_LB = 65,
        DBG_SKIP_POLICY = 66,
        DBG_LB6_LOOPBACK_SNAT = 67,
        DBG_LB6_LOOPBACK_SNAT_REV = 68
    }

    interface IAggregate extends flow.Aggregate.$Properties {
    }

    class Aggregate {
        constructor(properties?: flow.Aggregate.$Properties);
        $unknowns?: Uint8Array[];
        ingressFlowCount: number;
        egressFlowCount: number;
        unknownDirectionFlowCount: number;
        static create(properties: flow.Aggregate.$Shape): flow.Aggregate & flow.Aggregate.$Shape;
        static create(properties?: flow.Aggregate.$Properties): flow.Aggregate;
        static encode(message: flow.Aggregate.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
        static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): flow.Aggregate & flow.Aggregate.$Shape;
    }

    namespace Aggregate {
        interface $Properties {
            ingressFlowCount?: (number|null);
            egressFlowCount?: (number|null);
            unknownDirectionFlowCount?: (number|null);
            $unknowns?: Uint8Array[];
        }
        type $Shape = flow.Aggregate.$Properties;
    }
}

export namespace observer {

    class Observer extends $protobuf.rpc.Service {
        constructor(rpcImpl: $protobuf.RPCImpl, requestDelimited?: boolean, responseDelimited?: boolean);
        static create(rpcImpl: $protobuf.RPCImpl, requestDelimited?: boolean, responseDelimited?: boolean): Observer;
        getFlows: observer.Observer.GetFlows;
        getAgentEvents: observer.Observer.GetAgentEvents;
        getDebugEvents: observer.Observer.GetDebugEvents;
        getNodes: observer.Observer.GetNodes;
        getNamespaces: observer.Observer.GetNamespaces;
        serverStatus: observer.Observer.ServerStatus;
    }

    namespace Observer {
        type GetFlowsCallback = (error: (Error|null), response?: observer.GetFlowsResponse) => void;
        type GetFlows = {
          (request: observer.IGetFlowsRequest, callback: observer.Observer.GetFlowsCallback): void;
          (request: observer.IGetFlowsRequest): Promise<observer.GetFlowsResponse>;
          readonly name: "GetFlows";
          readonly path: "/observer.Observer/GetFlows";
          readonly requestType: "GetFlowsRequest";
          readonly responseType: "GetFlowsResponse";
          readonly requestStream: undefined;
          readonly responseStream: true;
        };
        type GetAgentEventsCallback = (error: (Error|null), response?: observer.GetAgentEventsResponse) => void;
        type GetAgentEvents = {
          (request: observer.IGetAgentEventsRequest, callback: observer.Observer.GetAgentEventsCallback): void;
          (request: observer.IGetAgentEventsRequest): Promise<observer.GetAgentEventsResponse>;
          readonly name: "GetAgentEvents";
          readonly path: "/observer.Observer/GetAgentEvents";
          readonly requestType: "GetAgentEventsRequest";
          readonly responseType: "GetAgentEventsResponse";
          readonly requestStream: undefined;
          readonly responseStream: true;
        };
        type GetDebugEventsCallback = (error: (Error|null), response?: observer.GetDebugEventsResponse) => void;
        type GetDebugEvents = {
          (request: observer.IGetDebugEventsRequest, callback: observer.Observer.GetDebugEventsCallback): void;
          (request: observer.IGetDebugEventsRequest): Promise<observer.GetDebugEventsResponse>;
          readonly name: "GetDebugEvents";
          readonly path: "/observer.Observer/GetDebugEvents";
          readonly requestType: "GetDebugEventsRequest";
          readonly responseType: "GetDebugEventsResponse";
          readonly requestStream: undefined;
          readonly responseStream: true;
        };
        type GetNodesCallback = (error: (Error|null), response?: observer.GetNodesResponse) => void;
        type GetNodes = {
          (request: observer.IGetNodesRequest, callback: observer.Observer.GetNodesCallback): void;
          (request: observer.IGetNodesRequest): Promise<observer.GetNodesResponse>;
          readonly name: "GetNodes";
          readonly path: "/observer.Observer/GetNodes";
          readonly requestType: "GetNodesRequest";
          readonly responseType: "GetNodesResponse";
          readonly requestStream: undefined;
          readonly responseStream: undefined;
        };
        type GetNamespacesCallback = (error: (Error|null), response?: observer.GetNamespacesResponse) => void;
        type GetNamespaces = {
          (request: observer.IGetNamespacesRequest, callback: observer.Observer.GetNamespacesCallback): void;
          (request: observer.IGetNamespacesRequest): Promise<observer.GetNamespacesResponse>;
          readonly name: "GetNamespaces";
          readonly path: "/observer.Observer/GetNamespaces";
          readonly requestType: "GetNamespacesRequest";
          readonly responseType: "GetNamespacesResponse";
          readonly requestStream: undefined;
          readonly responseStream: undefined;
        };
        type ServerStatusCallback = (error: (Error|null), response?: observer.ServerStatusResponse) => void;
        type ServerStatus = {
          (request: observer.IServerStatusRequest, callback: observer.Observer.ServerStatusCallback): void;
          (request: observer.IServerStatusRequest): Promise<observer.ServerStatusResponse>;
          readonly name: "ServerStatus";
          readonly path: "/observer.Observer/ServerStatus";
          readonly requestType: "ServerStatusRequest";
          readonly responseType: "ServerStatusResponse";
          readonly requestStream: undefined;
          readonly responseStream: undefined;
        };
    }

    interface IServerStatusRequest extends observer.ServerStatusRequest.$Properties {
    }

    class ServerStatusRequest {
        constructor(properties?: observer.ServerStatusRequest.$Properties);
        $unknowns?: Uint8Array[];
        static create(properties: observer.ServerStatusRequest.$Shape): observer.ServerStatusRequest & observer.ServerStatusRequest.$Shape;
        static create(properties?: observer.ServerStatusRequest.$Properties): observer.ServerStatusRequest;
        static encode(message: observer.ServerStatusRequest.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
        static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): observer.ServerStatusRequest & observer.ServerStatusRequest.$Shape;
    }

    namespace ServerStatusRequest {
        interface $Properties {
            $unknowns?: Uint8Array[];
        }
        type $Shape = observer.ServerStatusRequest.$Properties;
    }

    interface IServerStatusResponse extends observer.ServerStatusResponse.$Properties {
    }

    class ServerStatusResponse {
        constructor(properties?: observer.ServerStatusResponse.$Properties);
        $unknowns?: Uint8Array[];
        numFlows: (number|Long);
        maxFlows: (number|Long);
        seenFlows: (number|Long);
        uptimeNs: (number|Long);
        numConnectedNodes?: (google.protobuf.UInt32Value.$Properties|null);
        numUnavailableNodes?: (google.protobuf.UInt32Value.$Properties|null);
        unavailableNodes: string[];
        version: string;
        flowsRate: number;
        static create(properties: observer.ServerStatusResponse.$Shape): observer.ServerStatusResponse & observer.ServerStatusResponse.$Shape;
        static create(properties?: observer.ServerStatusResponse.$Properties): observer.ServerStatusResponse;
        static encode(message: observer.ServerStatusResponse.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
        static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): observer.ServerStatusResponse & observer.ServerStatusResponse.$Shape;
    }

    namespace ServerStatusResponse {
        interface $Properties {
            numFlows?: (number|Long|null);
            maxFlows?: (number|Long|null);
            seenFlows?: (number|Long|null);
            uptimeNs?: (number|Long|null);
            numConnectedNodes?: (google.protobuf.UInt32Value.$Properties|null);
            numUnavailableNodes?: (google.protobuf.UInt32Value.$Properties|null);
            unavailableNodes?: (string[]|null);
            version?: (string|null);
            flowsRate?: (number|null);
            $unknowns?: Uint8Array[];
        }
        type $Shape = observer.ServerStatusResponse.$Properties;
    }

    interface IGetFlowsRequest extends observer.GetFlowsRequest.$Properties {
    }

    class GetFlowsRequest {
        constructor(properties?: observer.GetFlowsRequest.$Properties);
        $unknowns?: Uint8Array[];
        number: (number|Long);
        first: boolean;
        follow: boolean;
        blacklist: flow.FlowFilter.$Properties[];
        whitelist: flow.FlowFilter.$Properties[];
        since?: (google.protobuf.Timestamp.$Properties|null);
        until?: (google.protobuf.Timestamp.$Properties|null);
        fieldMask?: (google.protobuf.FieldMask.$Properties|null);
        experimental?: (observer.GetFlowsRequest.Experimental.$Properties|null);
        extensions?: (google.protobuf.Any.$Properties|null);
        static create(properties: observer.GetFlowsRequest.$Shape): observer.GetFlowsRequest & observer.GetFlowsRequest.$Shape;
        static create(properties?: observer.GetFlowsRequest.$Properties): observer.GetFlowsRequest;
        static encode(message: observer.GetFlowsRequest.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
        static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): observer.GetFlowsRequest & observer.GetFlowsRequest.$Shape;
    }

    namespace GetFlowsRequest {
        interface $Properties {
            number?: (number|Long|null);
            first?: (boolean|null);
            follow?: (boolean|null);
            blacklist?: (flow.FlowFilter.$Properties[]|null);
            whitelist?: (flow.FlowFilter.$Properties[]|null);
            since?: (google.protobuf.Timestamp.$Properties|null);
            until?: (google.protobuf.Timestamp.$Properties|null);
            fieldMask?: (google.protobuf.FieldMask.$Properties|null);
            experimental?: (observer.GetFlowsRequest.Experimental.$Properties|null);
            extensions?: (google.protobuf.Any.$Properties|null);
            $unknowns?: Uint8Array[];
        }
        type $Shape = observer.GetFlowsRequest.$Properties;

        interface IExperimental extends observer.GetFlowsRequest.Experimental.$Properties {
        }

        class Experimental {
            constructor(properties?: observer.GetFlowsRequest.Experimental.$Properties);
            $unknowns?: Uint8Array[];
            static create(properties: observer.GetFlowsRequest.Experimental.$Shape): observer.GetFlowsRequest.Experimental & observer.GetFlowsRequest.Experimental.$Shape;
            static create(properties?: observer.GetFlowsRequest.Experimental.$Properties): observer.GetFlowsRequest.Experimental;
            static encode(message: observer.GetFlowsRequest.Experimental.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): observer.GetFlowsRequest.Experimental & observer.GetFlowsRequest.Experimental.$Shape;
        }

        namespace Experimental {
            interface $Properties {
                $unknowns?: Uint8Array[];
            }
            type $Shape = observer.GetFlowsRequest.Experimental.$Properties;
        }
    }

    interface IGetFlowsResponse extends observer.GetFlowsResponse.$Properties {
    }

    class GetFlowsResponse {
        constructor(properties?: observer.GetFlowsResponse.$Properties);
        $unknowns?: Uint8Array[];
        flow?: (flow.Flow.$Properties|null);
        nodeStatus?: (relay.NodeStatusEvent.$Properties|null);
        lostEvents?: (flow.LostEvent.$Properties|null);
        nodeName: string;
        time?: (google.protobuf.Timestamp.$Properties|null);
        responseTypes?: ("flow"|"nodeStatus"|"lostEvents");
        static create(properties: observer.GetFlowsResponse.$Shape): observer.GetFlowsResponse & observer.GetFlowsResponse.$Shape;
        static create(properties?: observer.GetFlowsResponse.$Properties): observer.GetFlowsResponse;
        static encode(message: observer.GetFlowsResponse.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
        static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): observer.GetFlowsResponse & observer.GetFlowsResponse.$Shape;
    }

    namespace GetFlowsResponse {
        interface $Properties {
            flow?: (flow.Flow.$Properties|null);
            nodeStatus?: (relay.NodeStatusEvent.$Properties|null);
            lostEvents?: (flow.LostEvent.$Properties|null);
            nodeName?: (string|null);
            time?: (google.protobuf.Timestamp.$Properties|null);
            responseTypes?: ("flow"|"nodeStatus"|"lostEvents");
            $unknowns?: Uint8Array[];
        }
        type $Shape = {
          flow?: flow.Flow.$Shape|null;
          nodeStatus?: relay.NodeStatusEvent.$Shape|null;
          lostEvents?: flow.LostEvent.$Shape|null;
          nodeName?: string|null;
          time?: google.protobuf.Timestamp.$Shape|null;
          $unknowns?: Uint8Array[];
        } & (
          ({ responseTypes?: undefined; flow?: null; nodeStatus?: null; lostEvents?: null }|{ responseTypes?: "flow"; flow: flow.Flow.$Shape; nodeStatus?: null; lostEvents?: null }|{ responseTypes?: "nodeStatus"; flow?: null; nodeStatus: relay.NodeStatusEvent.$Shape; lostEvents?: null }|{ responseTypes?: "lostEvents"; flow?: null; nodeStatus?: null; lostEvents: flow.LostEvent.$Shape })
        );
    }

    interface IGetAgentEventsRequest extends observer.GetAgentEventsRequest.$Properties {
    }

    class GetAgentEventsRequest {
        constructor(properties?: observer.GetAgentEventsRequest.$Properties);
        $unknowns?: Uint8Array[];
        number: (number|Long);
        first: boolean;
        follow: boolean;
        since?: (google.protobuf.Timestamp.$Properties|null);
        until?: (google.protobuf.Timestamp.$Properties|null);
        static create(properties: observer.GetAgentEventsRequest.$Shape): observer.GetAgentEventsRequest & observer.GetAgentEventsRequest.$Shape;
        static create(properties?: observer.GetAgentEventsRequest.$Properties): observer.GetAgentEventsRequest;
        static encode(message: observer.GetAgentEventsRequest.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
        static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): observer.GetAgentEventsRequest & observer.GetAgentEventsRequest.$Shape;
    }

    namespace GetAgentEventsRequest {
        interface $Properties {
            number?: (number|Long|null);
            first?: (boolean|null);
            follow?: (boolean|null);
            since?: (google.protobuf.Timestamp.$Properties|null);
            until?: (google.protobuf.Timestamp.$Properties|null);
            $unknowns?: Uint8Array[];
        }
        type $Shape = observer.GetAgentEventsRequest.$Properties;
    }

    interface IGetAgentEventsResponse extends observer.GetAgentEventsResponse.$Properties {
    }

    class GetAgentEventsResponse {
        constructor(properties?: observer.GetAgentEventsResponse.$Properties);
        $unknowns?: Uint8Array[];
        agentEvent?: (flow.AgentEvent.$Properties|null);
        nodeName: string;
        time?: (google.protobuf.Timestamp.$Properties|null);
        static create(properties: observer.GetAgentEventsResponse.$Shape): observer.GetAgentEventsResponse & observer.GetAgentEventsResponse.$Shape;
        static create(properties?: observer.GetAgentEventsResponse.$Properties): observer.GetAgentEventsResponse;
        static encode(message: observer.GetAgentEventsResponse.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
        static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): observer.GetAgentEventsResponse & observer.GetAgentEventsResponse.$Shape;
    }

    namespace GetAgentEventsResponse {
        interface $Properties {
            agentEvent?: (flow.AgentEvent.$Properties|null);
            nodeName?: (string|null);
            time?: (google.protobuf.Timestamp.$Properties|null);
            $unknowns?: Uint8Array[];
        }
        type $Shape = {
          agentEvent?: flow.AgentEvent.$Shape|null;
          nodeName?: string|null;
          time?: google.protobuf.Timestamp.$Shape|null;
          $unknowns?: Uint8Array[];
        };
    }

    interface IGetDebugEventsRequest extends observer.GetDebugEventsRequest.$Properties {
    }

    class GetDebugEventsRequest {
        constructor(properties?: observer.GetDebugEventsRequest.$Properties);
        $unknowns?: Uint8Array[];
        number: (number|Long);
        first: boolean;
        follow: boolean;
        since?: (google.protobuf.Timestamp.$Properties|null);
        until?: (google.protobuf.Timestamp.$Properties|null);
        static create(properties: observer.GetDebugEventsRequest.$Shape): observer.GetDebugEventsRequest & observer.GetDebugEventsRequest.$Shape;
        static create(properties?: observer.GetDebugEventsRequest.$Properties): observer.GetDebugEventsRequest;
        static encode(message: observer.GetDebugEventsRequest.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
        static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): observer.GetDebugEventsRequest & observer.GetDebugEventsRequest.$Shape;
    }

    namespace GetDebugEventsRequest {
        interface $Properties {
            number?: (number|Long|null);
            first?: (boolean|null);
            follow?: (boolean|null);
            since?: (google.protobuf.Timestamp.$Properties|null);
            until?: (google.protobuf.Timestamp.$Properties|null);
            $unknowns?: Uint8Array[];
        }
        type $Shape = observer.GetDebugEventsRequest.$Properties;
    }

    interface IGetDebugEventsResponse extends observer.GetDebugEventsResponse.$Properties {
    }

    class GetDebugEventsResponse {
        constructor(properties?: observer.GetDebugEventsResponse.$Properties);
        $unknowns?: Uint8Array[];
        debugEvent?: (flow.DebugEvent.$Properties|null);
        nodeName: string;
        time?: (google.protobuf.Timestamp.$Properties|null);
        static create(properties: observer.GetDebugEventsResponse.$Shape): observer.GetDebugEventsResponse & observer.GetDebugEventsResponse.$Shape;
        static create(properties?: observer.GetDebugEventsResponse.$Properties): observer.GetDebugEventsResponse;
        static encode(message: observer.GetDebugEventsResponse.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
        static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): observer.GetDebugEventsResponse & observer.GetDebugEventsResponse.$Shape;
    }

    namespace GetDebugEventsResponse {
        interface $Properties {
            debugEvent?: (flow.DebugEvent.$Properties|null);
            nodeName?: (string|null);
            time?: (google.protobuf.Timestamp.$Properties|null);
            $unknowns?: Uint8Array[];
        }
        type $Shape = observer.GetDebugEventsResponse.$Properties;
    }

    interface IGetNodesRequest extends observer.GetNodesRequest.$Properties {
    }

    class GetNodesRequest {
        constructor(properties?: observer.GetNodesRequest.$Properties);
        $unknowns?: Uint8Array[];
        static create(properties: observer.GetNodesRequest.$Shape): observer.GetNodesRequest & observer.GetNodesRequest.$Shape;
        static create(properties?: observer.GetNodesRequest.$Properties): observer.GetNodesRequest;
        static encode(message: observer.GetNodesRequest.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
        static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): observer.GetNodesRequest & observer.GetNodesRequest.$Shape;
    }

    namespace GetNodesRequest {
        interface $Properties {
            $unknowns?: Uint8Array[];
        }
        type $Shape = observer.GetNodesRequest.$Properties;
    }

    interface IGetNodesResponse extends observer.GetNodesResponse.$Properties {
    }

    class GetNodesResponse {
        constructor(properties?: observer.GetNodesResponse.$Properties);
        $unknowns?: Uint8Array[];
        nodes: observer.Node.$Properties[];
        static create(properties: observer.GetNodesResponse.$Shape): observer.GetNodesResponse & observer.GetNodesResponse.$Shape;
        static create(properties?: observer.GetNodesResponse.$Properties): observer.GetNodesResponse;
        static encode(message: observer.GetNodesResponse.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
        static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): observer.GetNodesResponse & observer.GetNodesResponse.$Shape;
    }

    namespace GetNodesResponse {
        interface $Properties {
            nodes?: (observer.Node.$Properties[]|null);
            $unknowns?: Uint8Array[];
        }
        type $Shape = observer.GetNodesResponse.$Properties;
    }

    interface INode extends observer.Node.$Properties {
    }

    class Node {
        constructor(properties?: observer.Node.$Properties);
        $unknowns?: Uint8Array[];
        name: string;
        version: string;
        address: string;
        state: relay.NodeState;
        tls?: (observer.TLS.$Properties|null);
        uptimeNs: (number|Long);
        numFlows: (number|Long);
        maxFlows: (number|Long);
        seenFlows: (number|Long);
        static create(properties: observer.Node.$Shape): observer.Node & observer.Node.$Shape;
        static create(properties?: observer.Node.$Properties): observer.Node;
        static encode(message: observer.Node.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
        static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): observer.Node & observer.Node.$Shape;
    }

    namespace Node {
        interface $Properties {
            name?: (string|null);
            version?: (string|null);
            address?: (string|null);
            state?: (relay.NodeState|null);
            tls?: (observer.TLS.$Properties|null);
            uptimeNs?: (number|Long|null);
            numFlows?: (number|Long|null);
            maxFlows?: (number|Long|null);
            seenFlows?: (number|Long|null);
            $unknowns?: Uint8Array[];
        }
        type $Shape = observer.Node.$Properties;
    }

    interface ITLS extends observer.TLS.$Properties {
    }

    class TLS {
        constructor(properties?: observer.TLS.$Properties);
        $unknowns?: Uint8Array[];
        enabled: boolean;
        serverName: string;
        static create(properties: observer.TLS.$Shape): observer.TLS & observer.TLS.$Shape;
        static create(properties?: observer.TLS.$Properties): observer.TLS;
        static encode(message: observer.TLS.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
        static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): observer.TLS & observer.TLS.$Shape;
    }

    namespace TLS {
        interface $Properties {
            enabled?: (boolean|null);
            serverName?: (string|null);
            $unknowns?: Uint8Array[];
        }
        type $Shape = observer.TLS.$Properties;
    }

    interface IGetNamespacesRequest extends observer.GetNamespacesRequest.$Properties {
    }

    class GetNamespacesRequest {
        constructor(properties?: observer.GetNamespacesRequest.$Properties);
        $unknowns?: Uint8Array[];
        static create(properties: observer.GetNamespacesRequest.$Shape): observer.GetNamespacesRequest & observer.GetNamespacesRequest.$Shape;
        static create(properties?: observer.GetNamespacesRequest.$Properties): observer.GetNamespacesRequest;
        static encode(message: observer.GetNamespacesRequest.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
        static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): observer.GetNamespacesRequest & observer.GetNamespacesRequest.$Shape;
    }

    namespace GetNamespacesRequest {
        interface $Properties {
            $unknowns?: Uint8Array[];
        }
        type $Shape = observer.GetNamespacesRequest.$Properties;
    }

    interface IGetNamespacesResponse extends observer.GetNamespacesResponse.$Properties {
    }

    class GetNamespacesResponse {
        constructor(properties?: observer.GetNamespacesResponse.$Properties);
        $unknowns?: Uint8Array[];
        namespaces: observer.Namespace.$Properties[];
        static create(properties: observer.GetNamespacesResponse.$Shape): observer.GetNamespacesResponse & observer.GetNamespacesResponse.$Shape;
        static create(properties?: observer.GetNamespacesResponse.$Properties): observer.GetNamespacesResponse;
        static encode(message: observer.GetNamespacesResponse.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
        static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): observer.GetNamespacesResponse & observer.GetNamespacesResponse.$Shape;
    }

    namespace GetNamespacesResponse {
        interface $Properties {
            namespaces?: (observer.Namespace.$Properties[]|null);
            $unknowns?: Uint8Array[];
        }
        type $Shape = observer.GetNamespacesResponse.$Properties;
    }

    interface INamespace extends observer.Namespace.$Properties {
    }

    class Namespace {
        constructor(properties?: observer.Namespace.$Properties);
        $unknowns?: Uint8Array[];
        cluster: string;
        namespace: string;
        static create(properties: observer.Namespace.$Shape): observer.Namespace & observer.Namespace.$Shape;
        static create(properties?: observer.Namespace.$Properties): observer.Namespace;
        static encode(message: observer.Namespace.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
        static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): observer.Namespace & observer.Namespace.$Shape;
    }

    namespace Namespace {
        interface $Properties {
            cluster?: (string|null);
            namespace?: (string|null);
            $unknowns?: Uint8Array[];
        }
        type $Shape = observer.Namespace.$Properties;
    }

    interface IExportEvent extends observer.ExportEvent.$Properties {
    }

    class ExportEvent {
        constructor(properties?: observer.ExportEvent.$Properties);
        $unknowns?: Uint8Array[];
        flow?: (flow.Flow.$Properties|null);
        nodeStatus?: (relay.NodeStatusEvent.$Properties|null);
        lostEvents?: (flow.LostEvent.$Properties|null);
        agentEvent?: (flow.AgentEvent.$Properties|null);
        debugEvent?: (flow.DebugEvent.$Properties|null);
        nodeName: string;
        time?: (google.protobuf.Timestamp.$Properties|null);
        responseTypes?: ("flow"|"nodeStatus"|"lostEvents"|"agentEvent"|"debugEvent");
        static create(properties: observer.ExportEvent.$Shape): observer.ExportEvent & observer.ExportEvent.$Shape;
        static create(properties?: observer.ExportEvent.$Properties): observer.ExportEvent;
        static encode(message: observer.ExportEvent.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
        static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): observer.ExportEvent & observer.ExportEvent.$Shape;
    }

    namespace ExportEvent {
        interface $Properties {
            flow?: (flow.Flow.$Properties|null);
            nodeStatus?: (relay.NodeStatusEvent.$Properties|null);
            lostEvents?: (flow.LostEvent.$Properties|null);
            agentEvent?: (flow.AgentEvent.$Properties|null);
            debugEvent?: (flow.DebugEvent.$Properties|null);
            nodeName?: (string|null);
            time?: (google.protobuf.Timestamp.$Properties|null);
            responseTypes?: ("flow"|"nodeStatus"|"lostEvents"|"agentEvent"|"debugEvent");
            $unknowns?: Uint8Array[];
        }
        type $Shape = {
          flow?: flow.Flow.$Shape|null;
          nodeStatus?: relay.NodeStatusEvent.$Shape|null;
          lostEvents?: flow.LostEvent.$Shape|null;
          agentEvent?: flow.AgentEvent.$Shape|null;
          debugEvent?: flow.DebugEvent.$Shape|null;
          nodeName?: string|null;
          time?: google.protobuf.Timestamp.$Shape|null;
          $unknowns?: Uint8Array[];
        } & (
          ({ responseTypes?: undefined; flow?: null; nodeStatus?: null; lostEvents?: null; agentEvent?: null; debugEvent?: null }|{ responseTypes?: "flow"; flow: flow.Flow.$Shape; nodeStatus?: null; lostEvents?: null; agentEvent?: null; debugEvent?: null }|{ responseTypes?: "nodeStatus"; flow?: null; nodeStatus: relay.NodeStatusEvent.$Shape; lostEvents?: null; agentEvent?: null; debugEvent?: null }|{ responseTypes?: "lostEvents"; flow?: null; nodeStatus?: null; lostEvents: flow.LostEvent.$Shape; agentEvent?: null; debugEvent?: null }|{ responseTypes?: "agentEvent"; flow?: null; nodeStatus?: null; lostEvents?: null; agentEvent: flow.AgentEvent.$Shape; debugEvent?: null }|{ responseTypes?: "debugEvent"; flow?: null; nodeStatus?: null; lostEvents?: null; agentEvent?: null; debugEvent: flow.DebugEvent.$Shape })
        );
    }
}

export namespace google {

    namespace protobuf {

        interface IAny extends google.protobuf.Any.$Properties {
        }

        class Any {
            constructor(properties?: google.protobuf.Any.$Properties);
            $unknowns?: Uint8Array[];
            type_url: string;
            value: Uint8Array;
            static create(properties: google.protobuf.Any.$Shape): google.protobuf.Any & google.protobuf.Any.$Shape;
            static create(properties?: google.protobuf.Any.$Properties): google.protobuf.Any;
            static encode(message: google.protobuf.Any.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): google.protobuf.Any & google.protobuf.Any.$Shape;
        }

        namespace Any {
            interface $Properties {
                type_url?: (string|null);
                value?: (Uint8Array|null);
                $unknowns?: Uint8Array[];
            }
            type $Shape = google.protobuf.Any.$Properties;
        }

        interface ITimestamp extends google.protobuf.Timestamp.$Properties {
        }

        class Timestamp {
            constructor(properties?: google.protobuf.Timestamp.$Properties);
            $unknowns?: Uint8Array[];
            seconds: (number|Long);
            nanos: number;
            static create(properties: google.protobuf.Timestamp.$Shape): google.protobuf.Timestamp & google.protobuf.Timestamp.$Shape;
            static create(properties?: google.protobuf.Timestamp.$Properties): google.protobuf.Timestamp;
            static encode(message: google.protobuf.Timestamp.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): google.protobuf.Timestamp & google.protobuf.Timestamp.$Shape;
        }

        namespace Timestamp {
            interface $Properties {
                seconds?: (number|Long|null);
                nanos?: (number|null);
                $unknowns?: Uint8Array[];
            }
            type $Shape = google.protobuf.Timestamp.$Properties;
        }

        interface IDoubleValue extends google.protobuf.DoubleValue.$Properties {
        }

        class DoubleValue {
            constructor(properties?: google.protobuf.DoubleValue.$Properties);
            $unknowns?: Uint8Array[];
            value: number;
            static create(properties: google.protobuf.DoubleValue.$Shape): google.protobuf.DoubleValue & google.protobuf.DoubleValue.$Shape;
            static create(properties?: google.protobuf.DoubleValue.$Properties): google.protobuf.DoubleValue;
            static encode(message: google.protobuf.DoubleValue.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): google.protobuf.DoubleValue & google.protobuf.DoubleValue.$Shape;
        }

        namespace DoubleValue {
            interface $Properties {
                value?: (number|null);
                $unknowns?: Uint8Array[];
            }
            type $Shape = google.protobuf.DoubleValue.$Properties;
        }

        interface IFloatValue extends google.protobuf.FloatValue.$Properties {
        }

        class FloatValue {
            constructor(properties?: google.protobuf.FloatValue.$Properties);
            $unknowns?: Uint8Array[];
            value: number;
            static create(properties: google.protobuf.FloatValue.$Shape): google.protobuf.FloatValue & google.protobuf.FloatValue.$Shape;
            static create(properties?: google.protobuf.FloatValue.$Properties): google.protobuf.FloatValue;
            static encode(message: google.protobuf.FloatValue.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): google.protobuf.FloatValue & google.protobuf.FloatValue.$Shape;
        }

        namespace FloatValue {
            interface $Properties {
                value?: (number|null);
                $unknowns?: Uint8Array[];
            }
            type $Shape = google.protobuf.FloatValue.$Properties;
        }

        interface IInt64Value extends google.protobuf.Int64Value.$Properties {
        }

        class Int64Value {
            constructor(properties?: google.protobuf.Int64Value.$Properties);
            $unknowns?: Uint8Array[];
            value: (number|Long);
            static create(properties: google.protobuf.Int64Value.$Shape): google.protobuf.Int64Value & google.protobuf.Int64Value.$Shape;
            static create(properties?: google.protobuf.Int64Value.$Properties): google.protobuf.Int64Value;
            static encode(message: google.protobuf.Int64Value.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): google.protobuf.Int64Value & google.protobuf.Int64Value.$Shape;
        }

        namespace Int64Value {
            interface $Properties {
                value?: (number|Long|null);
                $unknowns?: Uint8Array[];
            }
            type $Shape = google.protobuf.Int64Value.$Properties;
        }

        interface IUInt64Value extends google.protobuf.UInt64Value.$Properties {
        }

        class UInt64Value {
            constructor(properties?: google.protobuf.UInt64Value.$Properties);
            $unknowns?: Uint8Array[];
            value: (number|Long);
            static create(properties: google.protobuf.UInt64Value.$Shape): google.protobuf.UInt64Value & google.protobuf.UInt64Value.$Shape;
            static create(properties?: google.protobuf.UInt64Value.$Properties): google.protobuf.UInt64Value;
            static encode(message: google.protobuf.UInt64Value.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): google.protobuf.UInt64Value & google.protobuf.UInt64Value.$Shape;
        }

        namespace UInt64Value {
            interface $Properties {
                value?: (number|Long|null);
                $unknowns?: Uint8Array[];
            }
            type $Shape = google.protobuf.UInt64Value.$Properties;
        }

        interface IInt32Value extends google.protobuf.Int32Value.$Properties {
        }

        class Int32Value {
            constructor(properties?: google.protobuf.Int32Value.$Properties);
            $unknowns?: Uint8Array[];
            value: number;
            static create(properties: google.protobuf.Int32Value.$Shape): google.protobuf.Int32Value & google.protobuf.Int32Value.$Shape;
            static create(properties?: google.protobuf.Int32Value.$Properties): google.protobuf.Int32Value;
            static encode(message: google.protobuf.Int32Value.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): google.protobuf.Int32Value & google.protobuf.Int32Value.$Shape;
        }

        namespace Int32Value {
            interface $Properties {
                value?: (number|null);
                $unknowns?: Uint8Array[];
            }
            type $Shape = google.protobuf.Int32Value.$Properties;
        }

        interface IUInt32Value extends google.protobuf.UInt32Value.$Properties {
        }

        class UInt32Value {
            constructor(properties?: google.protobuf.UInt32Value.$Properties);
            $unknowns?: Uint8Array[];
            value: number;
            static create(properties: google.protobuf.UInt32Value.$Shape): google.protobuf.UInt32Value & google.protobuf.UInt32Value.$Shape;
            static create(properties?: google.protobuf.UInt32Value.$Properties): google.protobuf.UInt32Value;
            static encode(message: google.protobuf.UInt32Value.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): google.protobuf.UInt32Value & google.protobuf.UInt32Value.$Shape;
        }

        namespace UInt32Value {
            interface $Properties {
                value?: (number|null);
                $unknowns?: Uint8Array[];
            }
            type $Shape = google.protobuf.UInt32Value.$Properties;
        }

        interface IBoolValue extends google.protobuf.BoolValue.$Properties {
        }

        class BoolValue {
            constructor(properties?: google.protobuf.BoolValue.$Properties);
            $unknowns?: Uint8Array[];
            value: boolean;
            static create(properties: google.protobuf.BoolValue.$Shape): google.protobuf.BoolValue & google.protobuf.BoolValue.$Shape;
            static create(properties?: google.protobuf.BoolValue.$Properties): google.protobuf.BoolValue;
            static encode(message: google.protobuf.BoolValue.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): google.protobuf.BoolValue & google.protobuf.BoolValue.$Shape;
        }

        namespace BoolValue {
            interface $Properties {
                value?: (boolean|null);
                $unknowns?: Uint8Array[];
            }
            type $Shape = google.protobuf.BoolValue.$Properties;
        }

        interface IStringValue extends google.protobuf.StringValue.$Properties {
        }

        class StringValue {
            constructor(properties?: google.protobuf.StringValue.$Properties);
            $unknowns?: Uint8Array[];
            value: string;
            static create(properties: google.protobuf.StringValue.$Shape): google.protobuf.StringValue & google.protobuf.StringValue.$Shape;
            static create(properties?: google.protobuf.StringValue.$Properties): google.protobuf.StringValue;
            static encode(message: google.protobuf.StringValue.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): google.protobuf.StringValue & google.protobuf.StringValue.$Shape;
        }

        namespace StringValue {
            interface $Properties {
                value?: (string|null);
                $unknowns?: Uint8Array[];
            }
            type $Shape = google.protobuf.StringValue.$Properties;
        }

        interface IBytesValue extends google.protobuf.BytesValue.$Properties {
        }

        class BytesValue {
            constructor(properties?: google.protobuf.BytesValue.$Properties);
            $unknowns?: Uint8Array[];
            value: Uint8Array;
            static create(properties: google.protobuf.BytesValue.$Shape): google.protobuf.BytesValue & google.protobuf.BytesValue.$Shape;
            static create(properties?: google.protobuf.BytesValue.$Properties): google.protobuf.BytesValue;
            static encode(message: google.protobuf.BytesValue.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): google.protobuf.BytesValue & google.protobuf.BytesValue.$Shape;
        }

        namespace BytesValue {
            interface $Properties {
                value?: (Uint8Array|null);
                $unknowns?: Uint8Array[];
            }
            type $Shape = google.protobuf.BytesValue.$Properties;
        }

        interface IFieldMask extends google.protobuf.FieldMask.$Properties {
        }

        class FieldMask {
            constructor(properties?: google.protobuf.FieldMask.$Properties);
            $unknowns?: Uint8Array[];
            paths: string[];
            static create(properties: google.protobuf.FieldMask.$Shape): google.protobuf.FieldMask & google.protobuf.FieldMask.$Shape;
            static create(properties?: google.protobuf.FieldMask.$Properties): google.protobuf.FieldMask;
            static encode(message: google.protobuf.FieldMask.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): google.protobuf.FieldMask & google.protobuf.FieldMask.$Shape;
        }

        namespace FieldMask {
            interface $Properties {
                paths?: (string[]|null);
                $unknowns?: Uint8Array[];
            }
            type $Shape = google.protobuf.FieldMask.$Properties;
        }
    }
}

export namespace relay {

    interface INodeStatusEvent extends relay.NodeStatusEvent.$Properties {
    }

    class NodeStatusEvent {
        constructor(properties?: relay.NodeStatusEvent.$Properties);
        $unknowns?: Uint8Array[];
        stateChange: relay.NodeState;
        nodeNames: string[];
        message: string;
        static create(properties: relay.NodeStatusEvent.$Shape): relay.NodeStatusEvent & relay.NodeStatusEvent.$Shape;
        static create(properties?: relay.NodeStatusEvent.$Properties): relay.NodeStatusEvent;
        static encode(message: relay.NodeStatusEvent.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
        static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): relay.NodeStatusEvent & relay.NodeStatusEvent.$Shape;
    }

    namespace NodeStatusEvent {
        interface $Properties {
            stateChange?: (relay.NodeState|null);
            nodeNames?: (string[]|null);
            message?: (string|null);
            $unknowns?: Uint8Array[];
        }
        type $Shape = relay.NodeStatusEvent.$Properties;
    }

    enum NodeState {
        UNKNOWN_NODE_STATE = 0,
        NODE_CONNECTED = 1,
        NODE_UNAVAILABLE = 2,
        NODE_GONE = 3,
        NODE_ERROR = 4
    }
}

export namespace peer {

    class Peer extends $protobuf.rpc.Service {
        constructor(rpcImpl: $protobuf.RPCImpl, requestDelimited?: boolean, responseDelimited?: boolean);
        static create(rpcImpl: $protobuf.RPCImpl, requestDelimited?: boolean, responseDelimited?: boolean): Peer;
        notify: peer.Peer.Notify;
    }

    namespace Peer {
        type NotifyCallback = (error: (Error|null), response?: peer.ChangeNotification) => void;
        type Notify = {
          (request: peer.INotifyRequest, callback: peer.Peer.NotifyCallback): void;
          (request: peer.INotifyRequest): Promise<peer.ChangeNotification>;
          readonly name: "Notify";
          readonly path: "/peer.Peer/Notify";
          readonly requestType: "NotifyRequest";
          readonly responseType: "ChangeNotification";
          readonly requestStream: undefined;
          readonly responseStream: true;
        };
    }

    interface INotifyRequest extends peer.NotifyRequest.$Properties {
    }

    class NotifyRequest {
        constructor(properties?: peer.NotifyRequest.$Properties);
        $unknowns?: Uint8Array[];
        static create(properties: peer.NotifyRequest.$Shape): peer.NotifyRequest & peer.NotifyRequest.$Shape;
        static create(properties?: peer.NotifyRequest.$Properties): peer.NotifyRequest;
        static encode(message: peer.NotifyRequest.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
        static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): peer.NotifyRequest & peer.NotifyRequest.$Shape;
    }

    namespace NotifyRequest {
        interface $Properties {
            $unknowns?: Uint8Array[];
        }
        type $Shape = peer.NotifyRequest.$Properties;
    }

    interface IChangeNotification extends peer.ChangeNotification.$Properties {
    }

    class ChangeNotification {
        constructor(properties?: peer.ChangeNotification.$Properties);
        $unknowns?: Uint8Array[];
        name: string;
        address: string;
        type: peer.ChangeNotificationType;
        tls?: (peer.TLS.$Properties|null);
        static create(properties: peer.ChangeNotification.$Shape): peer.ChangeNotification & peer.ChangeNotification.$Shape;
        static create(properties?: peer.ChangeNotification.$Properties): peer.ChangeNotification;
        static encode(message: peer.ChangeNotification.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
        static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): peer.ChangeNotification & peer.ChangeNotification.$Shape;
    }

    namespace ChangeNotification {
        interface $Properties {
            name?: (string|null);
            address?: (string|null);
            type?: (peer.ChangeNotificationType|null);
            tls?: (peer.TLS.$Properties|null);
            $unknowns?: Uint8Array[];
        }
        type $Shape = peer.ChangeNotification.$Properties;
    }

    enum ChangeNotificationType {
        UNKNOWN = 0,
        PEER_ADDED = 1,
        PEER_DELETED = 2,
        PEER_UPDATED = 3
    }

    interface ITLS extends peer.TLS.$Properties {
    }

    class TLS {
        constructor(properties?: peer.TLS.$Properties);
        $unknowns?: Uint8Array[];
        serverName: string;
        static create(properties: peer.TLS.$Shape): peer.TLS & peer.TLS.$Shape;
        static create(properties?: peer.TLS.$Properties): peer.TLS;
        static encode(message: peer.TLS.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
        static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): peer.TLS & peer.TLS.$Shape;
    }

    namespace TLS {
        interface $Properties {
            serverName?: (string|null);
            $unknowns?: Uint8Array[];
        }
        type $Shape = peer.TLS.$Properties;
    }
}

export namespace grpc {

    namespace health {

        namespace v1 {

            interface IHealthCheckRequest extends grpc.health.v1.HealthCheckRequest.$Properties {
            }

            class HealthCheckRequest {
                constructor(properties?: grpc.health.v1.HealthCheckRequest.$Properties);
                $unknowns?: Uint8Array[];
                service: string;
                static create(properties: grpc.health.v1.HealthCheckRequest.$Shape): grpc.health.v1.HealthCheckRequest & grpc.health.v1.HealthCheckRequest.$Shape;
                static create(properties?: grpc.health.v1.HealthCheckRequest.$Properties): grpc.health.v1.HealthCheckRequest;
                static encode(message: grpc.health.v1.HealthCheckRequest.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
                static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): grpc.health.v1.HealthCheckRequest & grpc.health.v1.HealthCheckRequest.$Shape;
            }

            namespace HealthCheckRequest {
                interface $Properties {
                    service?: (string|null);
                    $unknowns?: Uint8Array[];
                }
                type $Shape = grpc.health.v1.HealthCheckRequest.$Properties;
            }

            interface IHealthCheckResponse extends grpc.health.v1.HealthCheckResponse.$Properties {
            }

            class HealthCheckResponse {
                constructor(properties?: grpc.health.v1.HealthCheckResponse.$Properties);
                $unknowns?: Uint8Array[];
                status: grpc.health.v1.HealthCheckResponse.ServingStatus;
                static create(properties: grpc.health.v1.HealthCheckResponse.$Shape): grpc.health.v1.HealthCheckResponse & grpc.health.v1.HealthCheckResponse.$Shape;
                static create(properties?: grpc.health.v1.HealthCheckResponse.$Properties): grpc.health.v1.HealthCheckResponse;
                static encode(message: grpc.health.v1.HealthCheckResponse.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
                static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): grpc.health.v1.HealthCheckResponse & grpc.health.v1.HealthCheckResponse.$Shape;
            }

            namespace HealthCheckResponse {
                interface $Properties {
                    status?: (grpc.health.v1.HealthCheckResponse.ServingStatus|null);
                    $unknowns?: Uint8Array[];
                }
                type $Shape = grpc.health.v1.HealthCheckResponse.$Properties;

                enum ServingStatus {
                    UNKNOWN = 0,
                    SERVING = 1,
                    NOT_SERVING = 2,
                    SERVICE_UNKNOWN = 3
                }
            }

            class Health extends $protobuf.rpc.Service {
                constructor(rpcImpl: $protobuf.RPCImpl, requestDelimited?: boolean, responseDelimited?: boolean);
                static create(rpcImpl: $protobuf.RPCImpl, requestDelimited?: boolean, responseDelimited?: boolean): Health;
                check: grpc.health.v1.Health.Check;
                watch: grpc.health.v1.Health.Watch;
            }

            namespace Health {
                type CheckCallback = (error: (Error|null), response?: grpc.health.v1.HealthCheckResponse) => void;
                type Check = {
                  (request: grpc.health.v1.IHealthCheckRequest, callback: grpc.health.v1.Health.CheckCallback): void;
                  (request: grpc.health.v1.IHealthCheckRequest): Promise<grpc.health.v1.HealthCheckResponse>;
                  readonly name: "Check";
                  readonly path: "/grpc.health.v1.Health/Check";
                  readonly requestType: "HealthCheckRequest";
                  readonly responseType: "HealthCheckResponse";
                  readonly requestStream: undefined;
                  readonly responseStream: undefined;
                };
                type WatchCallback = (error: (Error|null), response?: grpc.health.v1.HealthCheckResponse) => void;
                type Watch = {
                  (request: grpc.health.v1.IHealthCheckRequest, callback: grpc.health.v1.Health.WatchCallback): void;
                  (request: grpc.health.v1.IHealthCheckRequest): Promise<grpc.health.v1.HealthCheckResponse>;
                  readonly name: "Watch";
                  readonly path: "/grpc.health.v1.Health/Watch";
                  readonly requestType: "HealthCheckRequest";
                  readonly responseType: "HealthCheckResponse";
                  readonly requestStream: undefined;
                  readonly responseStream: true;
                };
            }
        }
    }
}
