/**
 * The field tables of every message we know (generated from proto/ as descriptor.js), and the
 * protobuf well-known types that protojson prints in a special form.
 */
import {descriptor, type FieldDescriptor} from '../proto/generated/descriptor.js'

export type {FieldDescriptor}
export const messages = descriptor.messages
export const enums = descriptor.enums

/** Wrapper messages print as their bare `value` (protojson), whatever the value. */
export const wrapperScalar: Record<string, string> = {
  'google.protobuf.DoubleValue': 'double',
  'google.protobuf.FloatValue': 'float',
  'google.protobuf.Int64Value': 'int64',
  'google.protobuf.UInt64Value': 'uint64',
  'google.protobuf.Int32Value': 'int32',
  'google.protobuf.UInt32Value': 'uint32',
  'google.protobuf.BoolValue': 'bool',
  'google.protobuf.StringValue': 'string',
  'google.protobuf.BytesValue': 'bytes',
}

export const TIMESTAMP = 'google.protobuf.Timestamp'
export const ANY = 'google.protobuf.Any'
export const FIELD_MASK = 'google.protobuf.FieldMask'

export const is64Bit = (type: string): boolean =>
  type === 'int64' || type === 'uint64' || type === 'sint64' || type === 'fixed64' || type === 'sfixed64'

/** Value name by number, per enum; protojson prints an unknown number as the number. */
export const enumNames: Record<string, Record<number, string>> = Object.fromEntries(
  Object.entries(enums).map(([name, values]) => {
    const byNumber: Record<number, string> = {}
    // The first name wins for an aliased number, as in protobuf-go.
    for (const [value, n] of Object.entries(values)) if (!(n in byNumber)) byNumber[n] = value
    return [name, byNumber]
  }))
