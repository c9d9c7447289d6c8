/**
 * Reading a monitor socket: connects to the unix socket (ours or a real Cilium agent's) and
 * yields its payloads until the agent closes the stream or `signal` aborts.
 */
import {connect, type Socket} from 'node:net'
import {ConnectionError} from '../errors.js'
import {type Payload, PayloadDecoder} from './payload.js'

/** Connects to the monitor socket; throws ConnectionError naming the path when nothing serves it. */
export function openMonitor(path: string): Promise<Socket> {
  return new Promise((resolve, reject) => {
    const s = connect({path})
    s.once('connect', () => {
      s.off('error', onError)
      resolve(s)
    })
    const onError = (err: NodeJS.ErrnoException) => {
      s.destroy()
      reject(new ConnectionError(`Cannot find or open a supported node-monitor socket. ${path}: ${err.code === 'ENOENT' ? 'no such file' : err.message}`,
        'is the agent running? start it with `cilium agent`, or pass --monitor-socket'))
    }
    s.once('error', onError)
  })
}

/**
 * The payloads of a connected socket, in order. Ends when the peer closes the stream (a
 * decoding error or a stream ending inside a message throws) or when `signal` aborts.
 */
export async function* readPayloads(socket: Socket, signal?: AbortSignal): AsyncGenerator<Payload> {
  const decoder = new PayloadDecoder()
  const onAbort = () => socket.destroy()
  signal?.addEventListener('abort', onAbort, {once: true})
  try {
    for await (const chunk of socket) {
      yield* decoder.push(chunk as Buffer)
    }
  } catch (err) {
    if (!signal?.aborted) throw err
  } finally {
    signal?.removeEventListener('abort', onAbort)
    socket.destroy()
  }
}
