/**
 * `-o dict`: one `KEY: value` block per record, keys right-aligned to 11 characters,
 * records separated by a line of 12 dashes. No identities, no arrows, no swapping.
 */
import type {flow, GetFlowsResponse} from '../proto/index.js'
import {flowType, summaryText, verdictText} from './format.js'
import {TextPrinter} from './text.js'

const separator = '------------\n'

export class DictPrinter extends TextPrinter {
  protected writeFlow(f: flow.IFlow): Promise<void> | undefined {
    const [src, dst] = this.hostNames(f)
    let s = this.line !== 0 ? separator : ''
    s += `  TIMESTAMP: ${this.time(f.time)}\n`
    if (this.opts.nodeName) s += `       NODE: ${f.nodeName ?? ''}\n`
    s += `     SOURCE: ${src}\nDESTINATION: ${dst}\n       TYPE: ${flowType(f)}\n    VERDICT: ${
      verdictText(f, this.c, this.opts.policyNames)}\n    SUMMARY: ${summaryText(f, this.c)}\n`
    return this.emit(s)
  }

  protected writeLostEvent(res: GetFlowsResponse, e: flow.ILostEvent): Promise<void> | undefined {
    let s = this.line !== 0 ? separator : ''
    s += `  TIMESTAMP: ${this.time(res.time)}\n`
    if (this.opts.nodeName) s += `       NODE: ${res.nodeName || '-'}\n`
    s += `     SOURCE: ${this.lostSource(e)}\n       TYPE: EVENTS LOST\n    VERDICT: -\n    SUMMARY: ${this.lostSummary(e, ' - ')}\n`
    return this.emit(s)
  }
}
