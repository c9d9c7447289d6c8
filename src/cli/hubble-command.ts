import {Flags} from '@oclif/core'
import {resolveHubbleSettings, type HubbleSettings} from '../hubble/config.js'
import {BaseCommand} from './base-command.js'

/** The parent of every hubble command: adds the real hubble's global --config flag. */
export abstract class HubbleCommand extends BaseCommand {
  static override baseFlags = {
    ...BaseCommand.baseFlags,
    config: Flags.string({description: 'Optional config file (default "$HOME/.config/hubble/config.yaml")',
      helpGroup: 'GLOBAL'}),
  }

  /** The connection settings: flag > HUBBLE_* env > config file > default. */
  protected hubbleSettings(flags: ServerFlagValues & {config?: string}): Promise<HubbleSettings> {
    return resolveHubbleSettings({configFlag: flags.config, flags: {
      server: flags.server, tls: flags.tls, 'tls-allow-insecure': flags['tls-allow-insecure'],
      'tls-ca-cert-files': flags['tls-ca-cert-files'], 'tls-client-cert-file': flags['tls-client-cert-file'],
      'tls-client-key-file': flags['tls-client-key-file'], 'tls-server-name': flags['tls-server-name'],
      'basic-auth-username': flags['basic-auth-username'], 'basic-auth-password': flags['basic-auth-password'],
      timeout: flags.timeout, 'request-timeout': flags['request-timeout'],
    }})
  }
}

export interface ServerFlagValues {
  server?: string
  tls?: boolean
  'tls-allow-insecure'?: boolean
  'tls-ca-cert-files'?: string[]
  'tls-client-cert-file'?: string
  'tls-client-key-file'?: string
  'tls-server-name'?: string
  'basic-auth-username'?: string
  'basic-auth-password'?: string
  timeout?: string
  'request-timeout'?: string
}

// No oclif defaults here: an unset flag must stay undefined so env and file can apply.
const server = 'Server'
/** The real hubble's "Server Flags" for every command that talks to a Hubble server. */
export const serverFlags = {
  server: Flags.string({description: 'Address of a Hubble server. Ignored when --input-file or --port-forward is provided. (default "localhost:4245")', helpGroup: server}),
  tls: Flags.boolean({description: 'Specify that TLS must be used when establishing a connection to a Hubble server.\r\nBy default, TLS is only enabled if the server address starts with \'tls://\'.', helpGroup: server, allowNo: false}),
  'tls-allow-insecure': Flags.boolean({description: 'Allows the client to skip verifying the server\'s certificate chain and host name.\r\nThis option is NOT recommended as, in this mode, TLS is susceptible to machine-in-the-middle attacks.\r\nSee also the \'tls-server-name\' option which allows setting the server name.', helpGroup: server}),
  'tls-ca-cert-files': Flags.string({description: 'Paths to custom Certificate Authority (CA) certificate files.The files must contain PEM encoded data.', helpGroup: server, multiple: true, delimiter: ','}),
  'tls-client-cert-file': Flags.string({description: 'Path to the public key file for the client certificate to connect to a Hubble server (implies TLS).\r\nThe file must contain PEM encoded data.', helpGroup: server}),
  'tls-client-key-file': Flags.string({description: 'Path to the private key file for the client certificate to connect a Hubble server (implies TLS).\r\nThe file must contain PEM encoded data.', helpGroup: server}),
  'tls-server-name': Flags.string({description: 'Specify a server name to verify the hostname on the returned certificate (eg: \'instance.hubble-relay.cilium.io\').', helpGroup: server}),
  'basic-auth-username': Flags.string({description: 'Specify a username for basic auth', helpGroup: server}),
  'basic-auth-password': Flags.string({description: 'Specify a password for basic auth', helpGroup: server}),
  timeout: Flags.string({description: 'Hubble server dialing timeout (default 5s)', helpGroup: server, helpValue: 'duration'}),
  'request-timeout': Flags.string({description: 'Unary Request timeout. Only applies to non-streaming RPCs (ServerStatus, ListNodes, ListNamespaces). (default 12s)', helpGroup: server,
    helpValue: 'duration'}),
}
