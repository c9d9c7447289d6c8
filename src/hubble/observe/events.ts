/**
 * `hubble observe agent-events` / `debug-events`: the selector flags as for flows (no
 * filters: GetAgentEvents and GetDebugEvents take none), a request, and an EventPrinter.
 */
import {ValidationError} from '../../errors.js'
import {EventPrinter} from '../printer/events.js'
import {outputMode, timeFormat} from '../printer/index.js'
import type {observer} from '../proto/index.js'
import {legacyJsonOutput, uint64} from './run.js'
import {buildSelector, type SelectorFlags} from './selectors.js'

export interface EventsOptions {
  kind: 'agent' | 'debug'
  output: string
  timeFormat: string
  printNodeName: boolean
  selector: SelectorFlags
  env: NodeJS.ProcessEnv
  write: (text: string) => void
  /** Streams the responses of a request from a server. */
  events: (request: observer.IGetAgentEventsRequest) => AsyncIterable<observer.IGetAgentEventsResponse & observer.IGetDebugEventsResponse>
}

/** The request both RPCs take: number/first/follow/since/until, as GetFlows without filters. */
export function eventsRequest(flags: SelectorFlags, now: Date = new Date()): observer.IGetAgentEventsRequest {
  const s = buildSelector(flags, now)
  const req: observer.IGetAgentEventsRequest = {number: uint64(s.number), first: s.first, follow: s.follow}
  if (s.since) req.since = s.since
  if (s.until) req.until = s.until
  return req
}

export async function runEvents(o: EventsOptions): Promise<void> {
  const mode = outputMode(o.output)
  if (!mode) throw new ValidationError(`invalid output format: ${o.output}`)
  if (mode === 'table' && o.selector.follow) throw new ValidationError('table output format is not compatible with follow mode')
  const request = eventsRequest(o.selector)
  const printer = new EventPrinter({mode, timeFormat: timeFormat(o.timeFormat), nodeName: o.printNodeName,
    legacyJson: mode === 'json' && legacyJsonOutput(o.env)}, o.write)
  for await (const res of o.events(request)) {
    if (o.kind === 'agent') printer.agent(res)
    else printer.debug(res)
  }
  printer.close(o.kind)
}
