// The choices of the shared output flags, apart from the renderers so that declaring
// a flag loads no table or YAML library.
export type OutputFormat = 'table' | 'json' | 'yaml'
export const outputFormats: readonly OutputFormat[] = ['table', 'json', 'yaml']

export type ColorMode = 'auto' | 'always' | 'never'
export const colorModes: readonly ColorMode[] = ['auto', 'always', 'never']
