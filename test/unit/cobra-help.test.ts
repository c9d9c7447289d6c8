import assert from 'node:assert/strict'
import {test} from 'node:test'
import {flagUsages, namePadding, renderHelp, type HelpPage} from '../../src/cli/cobra-help.js'

test('flagUsages: sorted by name, usage at the longest head + 2, newlines indented to it, defaults appended', () => {
  const text = flagUsages([
    {name: 'timeout', varname: 'duration', usage: 'dialing timeout', defaultText: '5s'},
    {name: 'output', shorthand: 'o', varname: 'string', usage: 'one of:\n json\n table', defaultText: '"table"'},
    {name: 'debug', shorthand: 'D', varname: '', usage: 'Enable debug messages'},
    {name: 'ipv4', shorthand: '4', varname: 'filter[=v4]', usage: 'Show only IPv4 flows'},
  ])
  assert.equal(text, [
    '  -D, --debug              Enable debug messages',
    '  -4, --ipv4 filter[=v4]   Show only IPv4 flows',
    '  -o, --output string      one of:',
    '                            json',
    '                            table (default "table")',
    '      --timeout duration   dialing timeout (default 5s)',
    ''].join('\n'))
})

test('hubble template: usage lines, aliases, examples, commands, one section per flag set, Get help, footer', () => {
  const page: HelpPage = {
    style: 'hubble', path: 'cmd', text: 'Do foo with bar and pay attention to baz and more.\n\n', useLine: 'cmd [flags]',
    names: ['cmd', 'and', 'conquer'], example: 'I\'m afraid this is not a good an example.',
    subcommands: [{name: 'subcmd', short: ''}], namePadding: namePadding(['subcmd']),
    sections: [{title: 'Bar', flags: [{name: 'baz', varname: 'string', usage: 'baz usage'}]}, {title: 'Empty', flags: []},
      {title: 'Global', flags: [{name: 'debug', shorthand: 'D', varname: '', usage: 'Enable debug messages'}]}],
  }
  assert.equal(renderHelp(page), `Do foo with bar and pay attention to baz and more.

Usage:
  cmd [flags]
  cmd [command]

Aliases:
  cmd, and, conquer

Examples:
I'm afraid this is not a good an example.

Available Commands:
  subcmd      

Bar Flags:
      --baz string   baz usage

Global Flags:
  -D, --debug   Enable debug messages

Get help:
  -h, --help\tHelp for any command or subcommand

Use "cmd [command] --help" for more information about a command.
`)
})

test('cobra template: Flags and Global Flags trimmed, no footer for a leaf, names padded to the longest sibling', () => {
  const usage = 'multi-line\nusage\n'
  const page: HelpPage = {
    style: 'cobra', path: 'cilium bpf ct list', text: 'List connection tracking entries', useLine: 'cilium bpf ct list [flags]',
    names: ['list'], subcommands: [],
    sections: [{title: '', flags: [{name: 'help', shorthand: 'h', varname: '', usage: 'help for list'},
      {name: 'output', shorthand: 'o', varname: 'string', usage}]},
    {title: 'Global', flags: [{name: 'debug', shorthand: 'D', varname: '', usage: 'Enable debug messages'}]}],
  }
  assert.equal(renderHelp(page), `List connection tracking entries

Usage:
  cilium bpf ct list [flags]

Flags:
  -h, --help            help for list
  -o, --output string   multi-line
                        usage

Global Flags:
  -D, --debug   Enable debug messages
`)
  const group: HelpPage = {style: 'cobra', path: 'cilium bpf', text: 'Direct access to local BPF maps', names: ['bpf'],
    subcommands: [{name: 'ct', short: 'Connection tracking tables'}, {name: 'policy', short: 'Manage policy related BPF maps'}],
    namePadding: namePadding(['ct', 'policy', 'ipcache-long-name']), sections: []}
  assert.match(renderHelp(group), /^Usage:\n {2}cilium bpf \[command\]\n\nAvailable Commands:\n {2}ct {16}Connection tracking tables\n/m)
  assert.match(renderHelp(group), /\n\nUse "cilium bpf \[command\] --help" for more information about a command\.\n$/)
})

test('helpFlag: an oclif flag as pflag names its type and default', async () => {
  const {helpFlag} = await import('../../src/cli/help.js')
  const names = (f: Parameters<typeof helpFlag>[0]) => [helpFlag(f).varname, helpFlag(f).defaultText]
  assert.deepEqual(names({name: 'output', type: 'option', default: 'table'}), ['string', '"table"'])
  assert.deepEqual(names({name: 'ip-translation', type: 'boolean', default: true}), ['', 'true'])
  assert.deepEqual(names({name: 'numeric', type: 'boolean', default: false}), ['', undefined])
  assert.deepEqual(names({name: 'tls-ca-cert-files', type: 'option', multiple: true, delimiter: ','}), ['strings', undefined])
  assert.deepEqual(names({name: 'allowlist', type: 'option', multiple: true}), ['stringArray', undefined])
  assert.deepEqual(names({name: 'last', type: 'option', helpValue: 'uint', default: 20}), ['uint', '20'])
  assert.deepEqual(names({name: 'host', type: 'option', helpValue: '<uri>'}), ['string', undefined])
  assert.deepEqual(names({name: 'ipv4', type: 'boolean', helpValue: 'filter[=v4]'}), ['filter[=v4]', undefined])
})
