// The real hubble's configuration keys, apart from the config logic so that shell
// completion can offer them without loading a YAML parser.
export type ConfigValueType = 'string' | 'bool' | 'duration' | 'stringSlice' | 'uint16'
export type ConfigValue = string | boolean | number | string[]

export interface ConfigKeySpec {
  type: ConfigValueType
  default: ConfigValue
}

/** The keys the real hubble binds to flags, in its alphabetical order (`config view` prints them so). */
export const hubbleConfigKeys: Readonly<Record<string, ConfigKeySpec>> = {
  'basic-auth-password': {type: 'string', default: ''},
  'basic-auth-username': {type: 'string', default: ''},
  config: {type: 'string', default: ''},
  debug: {type: 'bool', default: false},
  'kube-context': {type: 'string', default: ''},
  'kube-namespace': {type: 'string', default: 'kube-system'},
  kubeconfig: {type: 'string', default: ''},
  'port-forward': {type: 'bool', default: false},
  'port-forward-port': {type: 'uint16', default: 4245},
  'request-timeout': {type: 'duration', default: '12s'},
  server: {type: 'string', default: 'localhost:4245'},
  timeout: {type: 'duration', default: '5s'},
  tls: {type: 'bool', default: false},
  'tls-allow-insecure': {type: 'bool', default: false},
  'tls-ca-cert-files': {type: 'stringSlice', default: []},
  'tls-client-cert-file': {type: 'string', default: ''},
  'tls-client-key-file': {type: 'string', default: ''},
  'tls-server-name': {type: 'string', default: ''},
}

export const hubbleConfigKeyNames: readonly string[] = Object.keys(hubbleConfigKeys)
