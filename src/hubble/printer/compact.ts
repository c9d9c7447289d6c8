/**
 * `-o compact`: one line per flow,
 * `<ts>[ [node]]: <src> <srcIdentity> <arrow> <dst> <dstIdentity> <TYPE> <VERDICT> (<SUMMARY>)`.
 * A reply (`is_reply` true) swaps the sides so the initiator stays on the left; an
 * unknown direction prints `<>`.
 */
import type {flow, GetFlowsResponse} from '../proto/index.js'
import {flowType, identityText, summaryText, verdictText} from './format.js'
import {TextPrinter} from './text.js'

export class CompactPrinter extends TextPrinter {
  protected writeFlow(f: flow.IFlow): Promise<void> | undefined {
    let [src, dst] = this.hostNames(f)
    let srcId = identityText(f.source?.identity, this.c)
    let dstId = identityText(f.destination?.identity, this.c)
    let arrow = '->'
    const reply = f.isReply
    if (reply == null) arrow = '<>'
    else if (reply.value) {
      [src, dst] = [dst, src];
      [srcId, dstId] = [dstId, srcId]
      arrow = '<-'
    }
    const node = this.opts.nodeName ? ` [${f.nodeName ?? ''}]` : ''
    return this.emit(`${this.time(f.time)}${node}: ${src} ${srcId} ${arrow} ${dst} ${dstId} ${flowType(f)} ${
      verdictText(f, this.c, this.opts.policyNames)} (${summaryText(f, this.c)})\n`)
  }

  protected writeLostEvent(res: GetFlowsResponse, e: flow.ILostEvent): Promise<void> | undefined {
    return this.emit(`${this.time(res.time)} EVENTS LOST: ${this.lostSource(e)} ${this.lostSummary(e, ' ')}\n`)
  }
}
