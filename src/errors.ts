/**
 * The error hierarchy of ciliumkit. Every error a user can cause or fix is a
 * CiliumkitError: the CLI prints it as one line (plus its hint) and exits with
 * its code. Anything else is our bug and keeps its stack.
 *
 * Exit codes: 0 ok, 1 runtime failure, 2 usage error.
 */
export class CiliumkitError extends Error {
  readonly exitCode: number = 1
  constructor(message: string, readonly hint?: string, options?: ErrorOptions) {
    super(message, options)
    this.name = new.target.name
  }
}

/** Bad flags, arguments or input the user typed: exit 2. */
export class UsageError extends CiliumkitError {
  override readonly exitCode: number = 2
}

/** Input that parsed but is not valid (a bad config value, a bad policy rule). */
export class ValidationError extends CiliumkitError {}

/** A server (agent REST API, Hubble gRPC) could not be reached or answered with an error. */
export class ConnectionError extends CiliumkitError {}

/** A kernel operation failed (bpf(2), netlink, mounts). */
export class KernelError extends CiliumkitError {}

/** A capability that a later issue builds; says so plainly instead of printing fake output. */
export class NotBuiltError extends CiliumkitError {
  constructor(what: string, issue: number) {
    super(`${what} is not built yet`, `it is tracked in issue #${issue}`)
  }
}

/** A usage error's exit code: the real hubble exits 1 on every error; cilium keeps 2 for usage. */
export function usageExitCode(bin: string): number {
  return bin === 'hubble' ? 1 : 2
}

/** The one line a user sees for an error, without the stack. */
export function errorLine(err: CiliumkitError): string {
  return err.hint ? `${err.message} (${err.hint})` : err.message
}
