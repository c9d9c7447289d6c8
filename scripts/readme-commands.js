#!/usr/bin/env node
// Writes the command reference of README.md (between the `commands` markers) from the
// two oclif manifests, so the reference cannot drift from the commands. `--check` only
// reports whether README.md is up to date (exit 1 if not).
import {readFileSync, writeFileSync} from 'node:fs'
import {fileURLToPath} from 'node:url'

const root = fileURLToPath(new URL('..', import.meta.url))
const begin = '<!-- commands -->'
const end = '<!-- commandsstop -->'

function reference(bin, manifestPath) {
  const {commands} = JSON.parse(readFileSync(manifestPath, 'utf8'))
  const rows = Object.values(commands).filter((c) => !c.hidden).map((c) => {
    const id = c.id.replaceAll(':', ' ')
    const args = Object.values(c.args).map((a) => (a.required ? `${a.name.toUpperCase()}` : `[${a.name.toUpperCase()}]`))
    const summary = (c.summary ?? c.description ?? '').split('\n')[0].replaceAll('|', '\\|')
    return `| \`${[bin, id, ...args].join(' ')}\` | ${summary} |`
  }).sort()
  return [`### \`${bin}\``, '', '| command | what it does |', '|---|---|', ...rows, ''].join('\n')
}

const text = [begin, '',
  reference('cilium', `${root}/oclif.manifest.json`),
  'Every `cilium hubble X` command is also `hubble X`:', '',
  reference('hubble', `${root}/hubble-root/oclif.manifest.json`),
  'Run any command with `--help` for its flags and examples.', '', end].join('\n')
const readme = readFileSync(`${root}/README.md`, 'utf8')
const at = readme.indexOf(begin)
const stop = readme.indexOf(end)
if (at < 0 || stop < 0) throw new Error('README.md: command reference markers not found')
const updated = readme.slice(0, at) + text + readme.slice(stop + end.length)
if (process.argv.includes('--check')) {
  if (updated !== readme) {
    console.error('README.md: the command reference is out of date; run `node scripts/readme-commands.js`')
    process.exit(1)
  }
} else writeFileSync(`${root}/README.md`, updated)
