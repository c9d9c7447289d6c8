/**
 * The policy repository as the agent keeps it: sanitized rules, each named by its labels, and
 * a revision that starts at 1 and grows by one on every add, replace or delete
 * (research/cilium.md §4.7, §5.4 step 8). Adding is all-or-nothing: one invalid rule and
 * nothing changes, the revision included.
 */
import {type Label, containsLabels, hasLabel, parseLabel} from '../identity/labels.js'
import {CiliumkitError, ValidationError} from '../errors.js'
import {decodeRule} from './decode.js'
import {type PolicyIssue, issueText, parsePolicyText} from './parse.js'
import type {Rule, RuleLabel, SourcedRule} from './types.js'
import {type ValidateOptions, sanitizeRule, validateRule} from './validate.js'

/** Rules that failed validation, with every issue found. Nothing was applied. */
export class PolicyValidationError extends ValidationError {
  constructor(readonly issues: PolicyIssue[]) {
    super(issues.map(issueText).join('\n'))
  }
}

/** No rule matched the labels of a get or delete (the API's 404). */
export class PolicyNotFoundError extends CiliumkitError {}

/** Parse + validate + sanitize one file's text: the rules that would be imported, and every issue. */
export function checkPolicyText(text: string, file: string, opts: ValidateOptions = {}): {rules: SourcedRule[]; issues: PolicyIssue[]} {
  const parsed = parsePolicyText(text, file)
  const checked = checkRules(parsed.rules, opts)
  return {rules: checked.rules, issues: [...parsed.issues, ...checked.issues]}
}

/** Validates rules (all of them, every error) and returns them sanitized. */
export function checkRules(rules: readonly SourcedRule[], opts: ValidateOptions = {}): {rules: SourcedRule[]; issues: PolicyIssue[]} {
  const issues: PolicyIssue[] = []
  const out: SourcedRule[] = []
  for (const r of rules) {
    const errs = validateRule(r.rule, opts)
    for (const message of errs) issues.push({...r.origin, message})
    if (errs.length === 0) out.push({rule: sanitizeRule(r.rule), origin: r.origin})
  }
  return {rules: out, issues}
}

const ruleLabelsOf = (r: Rule): Label[] => (r.labels ?? []).map((l) => ({key: l.key, value: l.value, source: l.source}))

/** Parses `source:key=value` filter strings into rule labels (a missing source matches every source). */
export function parseLabelFilter(texts: readonly string[]): Label[] {
  return texts.map((t) => parseLabel(t))
}

/** The rule label objects the API prints, from `source:key=value` strings. */
export function toRuleLabels(labels: readonly Label[]): RuleLabel[] {
  return labels.map((l) => ({key: l.key, value: l.value, source: l.source}))
}

export interface AddOptions {
  /** Replace existing rules that carry the same labels as an added rule (`--replace`). */
  replace?: boolean
  /** Replace existing rules that carry all of these labels (`--replace-with-labels`). */
  replaceWithLabels?: Label[]
}

export class PolicyRepository {
  private rules: Rule[] = []
  private rev = 1

  constructor(readonly validateOptions: ValidateOptions = {}) {}

  get revision(): number { return this.rev }

  /** The rules in import order (sanitized). */
  list(): readonly Rule[] { return this.rules }

  /**
   * Decodes and validates every rule (untyped JSON, as the API receives it), then adds them all
   * (or none), bumping the revision once. Throws PolicyValidationError listing every issue.
   */
  add(rules: readonly unknown[], opts: AddOptions = {}): number {
    const issues: PolicyIssue[] = []
    const decoded: SourcedRule[] = []
    for (const [index, input] of rules.entries()) {
      // Decoding checks the types and puts fields in the order `policy get` prints them.
      const {rule, errors} = decodeRule(input)
      const origin = {file: 'policy', document: 0, index, name: 'rules'}
      for (const message of errors) issues.push({file: 'policy', index, message})
      if (errors.length === 0) decoded.push({rule, origin})
    }
    const checked = checkRules(decoded, this.validateOptions)
    issues.push(...checked.issues.map(({file, index, message}) => ({file, index, message})))
    if (issues.length > 0) throw new PolicyValidationError(issues.sort((a, b) => (a.index ?? 0) - (b.index ?? 0)))
    return this.commit(checked.rules.map((r) => r.rule), opts)
  }

  /**
   * Adds rules that parsePolicyText already decoded: validates every one, then adds them all
   * (or none), bumping the revision once. Throws PolicyValidationError listing every issue.
   */
  addParsed(rules: readonly SourcedRule[], opts: AddOptions = {}): number {
    const {rules: checked, issues} = checkRules(rules, this.validateOptions)
    if (issues.length > 0) throw new PolicyValidationError(issues)
    return this.commit(checked.map((r) => r.rule), opts)
  }

  private commit(sanitized: Rule[], opts: AddOptions): number {
    let kept = this.rules
    if (opts.replace) {
      const named = sanitized.map(ruleLabelsOf).filter((ls) => ls.length > 0)
      kept = kept.filter((r) => !named.some((ls) => sameLabels(ruleLabelsOf(r), ls)))
    }
    if (opts.replaceWithLabels?.length) {
      const want = opts.replaceWithLabels
      kept = kept.filter((r) => !containsLabels(ruleLabelsOf(r), want))
    }
    this.rules = [...kept, ...sanitized]
    return ++this.rev
  }

  /** Rules whose labels contain all of `labels` (all rules for none). Throws PolicyNotFoundError when labels match nothing. */
  get(labels: readonly Label[] = []): Rule[] {
    const found = this.rules.filter((r) => containsLabels(ruleLabelsOf(r), labels))
    if (labels.length > 0 && found.length === 0) throw new PolicyNotFoundError('policy not found')
    return found
  }

  /**
   * Deletes the rules whose labels contain all of `labels` (every rule for none) and returns
   * the new revision. Throws PolicyNotFoundError when labels are given and match nothing.
   */
  delete(labels: readonly Label[] = []): {revision: number; deleted: number} {
    const keep = this.rules.filter((r) => labels.length > 0 && !containsLabels(ruleLabelsOf(r), labels))
    const deleted = this.rules.length - keep.length
    if (labels.length > 0 && deleted === 0) throw new PolicyNotFoundError('policy not found')
    this.rules = keep
    return {revision: ++this.rev, deleted}
  }

  /** Restores a saved state (agent restart): the rules as stored and the revision they had. */
  restore(rules: readonly Rule[], revision: number): void {
    this.rules = [...rules]
    this.rev = revision
  }
}

function sameLabels(a: readonly Label[], b: readonly Label[]): boolean {
  return a.length === b.length && a.every((l) => hasLabel(b, l))
}

/** The rules as the API's `Policy.policy` string carries them: a JSON array, two-space indent. */
export function rulesJson(rules: readonly Rule[]): string {
  return JSON.stringify(rules, null, 2)
}
