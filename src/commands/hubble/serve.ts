import {Flags} from '@oclif/core'
import {HubbleCommand} from '../../cli/hubble-command.js'

export default class HubbleServe extends HubbleCommand {
  static override summary = 'Serve a saved flow log over the Hubble API'
  static override description = 'Reads flows saved with `hubble observe -o jsonpb` (for example exported from a real cluster) into a '
    + 'Hubble server, so `hubble observe`, `status` and `list` can query them. With --follow-file, lines appended to the '
    + 'file are served as they come. Runs until interrupted.'
  static override examples = [
    '<%= config.bin %> <%= command.id %> --input-file flows.json --listen-address unix:///tmp/hubble.sock',
    '<%= config.bin %> <%= command.id %> --input-file flows.json --follow-file --listen-address 127.0.0.1:4245',
  ]
  static override flags = {
    'input-file': Flags.string({description: 'Saved flows, one `-o jsonpb` line each', required: true}),
    'follow-file': Flags.boolean({description: 'Keep reading lines appended to the input file (like tail -f)'}),
    'listen-address': Flags.string({description: 'Where to serve: host:port or unix:///path', default: 'localhost:4245'}),
    'event-buffer-capacity': Flags.integer({description: 'Flows kept in the ring buffer (a power of two minus one)', default: 4095, min: 1}),
    'node-name': Flags.string({description: 'Node name reported by the server (default: the host name)'}),
    'tls-cert-file': Flags.string({description: 'Serve TLS with this PEM certificate (needs --tls-key-file)', dependsOn: ['tls-key-file']}),
    'tls-key-file': Flags.string({description: 'PEM private key of --tls-cert-file', dependsOn: ['tls-cert-file']}),
    'tls-client-ca-files': Flags.string({description: 'Require client certificates signed by these PEM CAs (mTLS)', multiple: true, delimiter: ',', dependsOn: ['tls-cert-file']}),
  }

  async run(): Promise<void> {
    const {flags} = await this.parse(HubbleServe)
    const [{readFileSync}, {hostname}, {createHubbleServer}, {feedFlowLog}, {formatWarning}] = await Promise.all([
      import('node:fs'), import('node:os'), import('../../hubble/server/index.js'), import('../../hubble/serve.js'),
      import('../../hubble/observe/input-file.js')])
    const tls = flags['tls-cert-file'] ? {
      cert: readFileSync(flags['tls-cert-file']), key: readFileSync(flags['tls-key-file']!),
      clientCa: flags['tls-client-ca-files'] ? Buffer.concat(flags['tls-client-ca-files'].map((f) => readFileSync(f))) : undefined,
    } : undefined
    const {observer, server} = createHubbleServer({nodeName: flags['node-name'] ?? hostname(), version: `ciliumkit v${this.config.version}`,
      capacity: flags['event-buffer-capacity'], tls})
    const ac = new AbortController()
    const stop = () => ac.abort()
    process.once('SIGINT', stop)
    process.once('SIGTERM', stop)
    const warn = (w: Parameters<typeof formatWarning>[0]) => { process.stderr.write(formatWarning(w)) }
    try {
      await feedFlowLog(observer, flags['input-file'], {follow: flags['follow-file'], signal: ac.signal, onWarning: warn,
        onEndOfFile: async (count) => {
          const address = await server.listen(flags['listen-address'])
          process.stderr.write(`Serving ${count} flows from ${flags['input-file']} on ${address}\n`)
        }})
      await new Promise<void>((resolve) => ac.signal.aborted ? resolve() : ac.signal.addEventListener('abort', () => resolve(), {once: true}))
    } finally {
      await server.close()
    }
  }
}
