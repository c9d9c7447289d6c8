/**
 * Hubble's wire types: protobufjs static code generated from proto/ (npm run gen:proto).
 *
 * In memory (what decode returns and what every module passes around):
 * - member names are protobufjs camelCase of the proto names (`source_port` -> `sourcePort`;
 *   `IP`, `Type`, `Summary`, `ID`, `ipVersion` stay as written);
 * - enums are numbers (`flow.Verdict.DROPPED`);
 * - 64-bit integers are `number` while exact (|v| <= 2^53 - 1) and a `Long` beyond, so
 *   nothing is rounded; compare with `String(v)` or convert with {@link int64ToNumber};
 * - wrappers are messages (`isReply: {value: true}`; absent = null/undefined = unknown);
 * - a Timestamp is `{seconds, nanos}`.
 * Code that reads flows should accept the `$Properties` shapes (`flow.IFlow` is the same type):
 * decoded messages and the JSON parser's plain objects both satisfy them.
 */
import $protobuf from 'protobufjs/minimal.js'
import type LongType from 'long'

export {flow, google, grpc, observer, peer, relay} from './generated/hubble.js'
import type {flow, google, observer} from './generated/hubble.js'

export type Flow = flow.Flow.$Properties
export type FlowFilter = flow.FlowFilter.$Properties
export type LostEvent = flow.LostEvent.$Properties
export type GetFlowsRequest = observer.GetFlowsRequest.$Properties
export type GetFlowsResponse = observer.GetFlowsResponse.$Properties
export type ServerStatusResponse = observer.ServerStatusResponse.$Properties
export type Timestamp = google.protobuf.Timestamp.$Properties
export type Int64 = number | LongType

/** The Long class protobufjs uses (exact 64-bit values beyond 2^53). */
export const Long = $protobuf.util.Long as unknown as typeof LongType

// protobufjs decodes every 64-bit field into a Long when `long` is installed (it is: protobufjs
// depends on it). Most values are small (a Timestamp's seconds, latencies, counters), and a Long per
// field costs an allocation and makes every caller convert; so keep a number whenever it is exact.
// This copy of protobufjs is ours alone (@grpc/grpc-js's proto-loader brings its own 7.x).
const longBits = ($protobuf.util.LongBits as unknown as {prototype: {toLong(unsigned: boolean): Int64,
  toNumber(unsigned: boolean): number, hi: number, lo: number}}).prototype
const toLong = longBits.toLong
longBits.toLong = function exactNumberOrLong(this: typeof longBits, unsigned: boolean): Int64 {
  const hi = unsigned ? this.hi >>> 0 : this.hi | 0
  return (hi <= 0x1fffff && hi >= (unsigned ? 0 : -0x1fffff)) ? this.toNumber(unsigned) : toLong.call(this, unsigned)
}

/** A 64-bit field as a number (rounded beyond 2^53; use String(v) where exactness matters). */
export function int64ToNumber(v: Int64 | null | undefined): number {
  if (v === null || v === undefined) return 0
  return typeof v === 'number' ? v : v.toNumber()
}
