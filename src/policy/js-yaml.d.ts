// The part of js-yaml 4 (no bundled types) that the policy parser uses.
declare module 'js-yaml' {
  export interface LoadOptions {
    filename?: string
    schema?: unknown
    json?: boolean
  }
  export class YAMLException extends Error {
    reason: string
    mark?: {line: number; column: number}
  }
  export const CORE_SCHEMA: unknown
  export function loadAll(str: string, iterator?: null, options?: LoadOptions): unknown[]
  const jsyaml: {loadAll: typeof loadAll; CORE_SCHEMA: unknown; YAMLException: typeof YAMLException}
  export default jsyaml
}
