#!/usr/bin/env node
// Regenerates src/hubble/proto/generated/ from proto/ (npm run gen:proto). The output is
// committed; test/unit/hubble-proto.test.ts runs this script into a temp dir and diffs.
//
// Choices (README "Hubble wire codec" says why):
// - protobufjs static code, ES module, camelCase member names, enums as numbers;
// - no verify/convert/delimited/typeurl functions and no comments in the runtime file
//   (smaller, faster import); the .d.ts is made from a commented build of the same code;
// - descriptor.js: the field tables (proto names, JSON names, declaration order, kinds) the
//   JSON codec compiles its encoder and parser from.
import {execFileSync} from 'node:child_process'
import {mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {dirname, join, resolve} from 'node:path'
import {fileURLToPath} from 'node:url'

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..')
const outDir = resolve(process.argv[2] ?? join(root, 'src/hubble/proto/generated'))
const protos = ['flow/flow.proto', 'observer/observer.proto', 'peer/peer.proto', 'relay/relay.proto',
  'grpc/health/v1/health.proto']
const bin = (name) => join(root, 'node_modules/.bin', name)
const pbjsArgs = ['-t', 'static-module', '-w', 'es6', '--no-verify', '--no-convert', '--no-delimited',
  '--no-typeurl', '-p', join(root, 'proto'), ...protos.map((p) => join(root, 'proto', p))]

// protobufjs names members like this (util.camelCase): only "_" + lower-case letter joins.
function memberName(protoName) {
  return protoName[0] + protoName.slice(1).replace(/_([a-z])/g, (_, c) => c.toUpperCase())
}

// protoc's json_name: drop every "_" and upper-case the letter after it.
function jsonName(protoName) {
  return protoName.replace(/_+([a-zA-Z0-9]?)/g, (_, c) => c.toUpperCase())
}

// One line per field and per enum keeps the file short and its diffs readable.
function formatDescriptor({messages, enums}) {
  const block = (entries) => entries.map(([k, v]) => `    ${JSON.stringify(k)}: ${v}`).join(',\n')
  return `{\n  messages: {\n${block(Object.entries(messages).map(([name, fields]) =>
    [name, fields.length === 0 ? '[]' : `[\n${fields.map((f) => `      ${JSON.stringify(f)},\n`).join('')}    ]`]))},\n  },\n`
    + `  enums: {\n${block(Object.entries(enums).map(([name, values]) => [name, JSON.stringify(values)]))},\n  },\n}`
}

const scalars = new Set(['double', 'float', 'int32', 'uint32', 'sint32', 'fixed32', 'sfixed32', 'int64',
  'uint64', 'sint64', 'fixed64', 'sfixed64', 'bool', 'string', 'bytes'])

// Turns pbjs's nested JSON into {messages: {fullName: {fields: [...]}}, enums: {fullName: {NAME: n}}}
// with every type reference resolved to a full name.
function flatten(tree) {
  const messages = {}, enums = {}
  const walk = (node, prefix) => {
    for (const [name, child] of Object.entries(node.nested ?? {})) {
      const full = prefix ? `${prefix}.${name}` : name
      if (child.values) enums[full] = child.values
      else if (child.fields) messages[full] = {fields: child.fields, oneofs: child.oneofs ?? {}, scope: full}
      walk(child, full)
    }
  }
  walk(tree, '')
  const resolveType = (type, scope) => {
    if (scalars.has(type)) return type
    const parts = scope.split('.')
    for (let i = parts.length; i >= 0; i--) {
      const candidate = [...parts.slice(0, i), type].join('.')
      if (messages[candidate] || enums[candidate]) return candidate
    }
    throw new Error(`unresolved type ${type} in ${scope}`)
  }
  const out = {messages: {}, enums}
  for (const [full, m] of Object.entries(messages)) {
    const oneofOf = {}
    for (const [oneof, {oneof: members}] of Object.entries(m.oneofs)) for (const f of members) oneofOf[f] = oneof
    out.messages[full] = Object.entries(m.fields).map(([name, f]) => {
      const type = resolveType(f.type, full)
      return {name, json: jsonName(name), member: memberName(name), id: f.id, type,
        kind: scalars.has(type) ? 'scalar' : enums[type] ? 'enum' : 'message',
        repeated: f.rule === 'repeated', ...(oneofOf[name] ? {oneof: memberName(oneofOf[name])} : {})}
    })
  }
  return out
}

const scratch = mkdtempSync(join(tmpdir(), 'gen-proto-'))
try {
  mkdirSync(outDir, {recursive: true})
  const commented = join(scratch, 'hubble.js')
  execFileSync(bin('pbjs'), [...pbjsArgs, '-o', commented])
  execFileSync(bin('pbts'), ['--no-comments', commented, '-o', join(outDir, 'hubble.d.ts')])
  const runtime = join(outDir, 'hubble.js')
  execFileSync(bin('pbjs'), [...pbjsArgs, '--no-comments', '-o', runtime])
  // tsc compiles this file (allowJs) and cannot infer declarations for pbjs's constructor
  // functions; point each namespace at its hubble.d.ts type instead.
  // protobufjs's oneof setter `delete`s every other member of the oneof, present or not, each
  // time decode sets one (Layer4.TCP, GetFlowsResponse.flow): a `delete` turns the message into
  // a slow dictionary-mode object. Ours deletes only members that are there (same meaning).
  writeFileSync(runtime, readFileSync(runtime, 'utf8').replace(/^export const (\w+) = \$root/gm,
    '/** @type {typeof import("./hubble.js").$1} */\nexport const $1 = $root')
    .replace(/^(const \$Reader = .*)$/m, '$1\nconst $oneOfSetter = (fields) => function (name) { for (const f of fields) if (f !== name && $Object.prototype.hasOwnProperty.call(this, f)) delete this[f]; };')
    .replaceAll('$util.oneOfSetter(', '$oneOfSetter('))

  const json = JSON.parse(execFileSync(bin('pbjs'), ['-t', 'json', '--keep-case', '-p', join(root, 'proto'),
    ...protos.map((p) => join(root, 'proto', p))], {maxBuffer: 64 << 20}).toString())
  writeFileSync(join(outDir, 'descriptor.js'), '// Generated by scripts/gen-proto.js from proto/. Do not edit.\n'
    + `export const descriptor = ${formatDescriptor(flatten(json))}\n`)
  writeFileSync(join(outDir, 'descriptor.d.ts'), readFileSync(join(root, 'scripts/descriptor.d.ts.in')))
} finally {
  rmSync(scratch, {recursive: true, force: true})
}
