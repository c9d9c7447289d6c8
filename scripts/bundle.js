#!/usr/bin/env node
// Bundles each bin with every command and @oclif/core into one ESM file (plus lazily
// loaded chunks for what commands import with `await import()`), so a start-up reads
// a few files instead of hundreds. oclif finds the commands through its "explicit"
// strategy: the bundle exports COMMANDS, a map from command id to class.
import {readdirSync, rmSync} from 'node:fs'
import {join, relative, sep} from 'node:path'
import {fileURLToPath} from 'node:url'
import {build} from 'esbuild'

const root = fileURLToPath(new URL('..', import.meta.url))
const commandsDir = join(root, 'src', 'commands')

function commandFiles(dir) {
  return readdirSync(dir, {withFileTypes: true}).flatMap((e) =>
    e.isDirectory() ? commandFiles(join(dir, e.name)) : e.name.endsWith('.ts') && !e.name.endsWith('.d.ts') ? [join(dir, e.name)] : [])
}

/** `import` lines and the COMMANDS map for the commands under `prefix` (ids relative to it). */
function commandsModule(prefix) {
  const base = join(commandsDir, ...prefix)
  const files = commandFiles(base).sort()
  const lines = files.map((f, i) => `import c${i} from ${JSON.stringify(f)}`)
  const entries = files.map((f, i) => `  ${JSON.stringify(relative(base, f).slice(0, -3).split(sep).join(':'))}: c${i},`)
  return `${lines.join('\n')}\nexport const COMMANDS = {\n${entries.join('\n')}\n}\nexport {Config, flush, handle, run} from '@oclif/core'\nexport {default as HELP} from ${JSON.stringify(join(root, 'src', 'cli', 'help.ts'))}\n`
}

const virtualCommands = {
  name: 'commands',
  setup(b) {
    b.onResolve({filter: /^ck-commands:/}, (args) => ({path: args.path, namespace: 'ck-commands'}))
    b.onLoad({filter: /.*/, namespace: 'ck-commands'}, (args) => ({
      contents: commandsModule(args.path === 'ck-commands:hubble' ? ['hubble'] : []),
      resolveDir: root, loader: 'ts'}))
  },
}

// Chunk names carry content hashes: start from an empty directory so old ones do not pile up.
rmSync(join(root, 'dist', 'bundle'), {recursive: true, force: true})
await build({
  entryPoints: {cilium: 'ck-commands:cilium', hubble: 'ck-commands:hubble'},
  bundle: true, splitting: true, format: 'esm', platform: 'node', target: 'node20',
  outdir: join(root, 'dist', 'bundle'), plugins: [virtualCommands],
  // oclif's ts-path pulls in typescript only for ts-node setups; we ship JS.
  external: ['typescript', '*.node'],
  // Some bundled CommonJS code calls require/__dirname; give the ESM bundle both.
  banner: {js: "import {createRequire as __ckRequire} from 'node:module'; import {fileURLToPath as __ckPath} from 'node:url'; const require = __ckRequire(import.meta.url); const __filename = __ckPath(import.meta.url); const __dirname = __ckPath(new URL('.', import.meta.url));"},
  logLevel: 'warning', legalComments: 'none', minifySyntax: true,
})
