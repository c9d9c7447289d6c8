/**
 * What `hubble observe` does when its stdout fails: src/lib/stdout.ts's guardOutput, shared
 * with the `cilium bpf` listings. A closed pipe (`hubble observe | head`) ends the command
 * quietly with exit 0; any other write error ends it with one line and exit 1.
 */
import {guardOutput} from '../../lib/stdout.js'

/**
 * A stream to stdout as both observe commands run it: Ctrl-C ends it cleanly (exit 0), and so,
 * quietly, does a closed pipe (`| head`), through guardOutput. `work` stops when `signal` aborts.
 */
export async function streamToStdout(work: (signal: AbortSignal) => Promise<void>): Promise<'done' | 'closed'> {
  const stop = new AbortController()
  const onSignal = (): void => stop.abort()
  process.once('SIGINT', onSignal)
  try {
    return await guardOutput(process.stdout, stop, () => work(stop.signal))
  } finally {
    process.off('SIGINT', onSignal)
  }
}
