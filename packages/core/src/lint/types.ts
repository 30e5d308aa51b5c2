/**
 * @module lint/types
 * Data shapes of the message linter: the context a draft is linted in, the facts it is
 * checked against, and the diagnostics it answers with.
 */
import type { Audience, MessageKind, Scope, TopicId } from '../vocabulary';
import type { LintConfig } from './config';

/** Severity of a diagnostic. `error` blocks sending; `warning` asks for a second look. */
export type LintSeverity = 'error' | 'warning';

/** A rule's configured level: a severity, or `off` to silence the rule. */
export type RuleLevel = LintSeverity | 'off';

/**
 * A safe rewrite: replace `text.slice(start, end)` with `replacement`.
 * Offsets are UTF-16 code units into the linted text, like `String.prototype.slice`.
 */
export interface Fix {
  start: number;
  end: number;
  replacement: string;
}

/**
 * One finding in a draft, shaped like a code linter's result so any formatter can print it.
 *
 * @example
 * const d: Diagnostic = {
 *   ruleId: 'no-fix-time-promise', severity: 'error',
 *   message: 'Do not promise a fix time the incident lead has not approved; give the next update time instead.',
 *   start: 35, end: 63, line: 1, column: 36,
 * };
 */
export interface Diagnostic {
  /** The rule that reported it, e.g. `next-update-time`. */
  ruleId: string;
  severity: LintSeverity;
  /** Plain words: what is wrong and what to write instead. */
  message: string;
  /** UTF-16 offset of the first flagged character. */
  start: number;
  /** UTF-16 offset just after the last flagged character. */
  end: number;
  /** 1-based line of `start`. */
  line: number;
  /** 1-based column of `start` (UTF-16 code units). */
  column: number;
  /** Optional replacement wording to consider; never applied automatically. */
  suggestion?: string;
  /** Optional safe rewrite; applying it must not create a diagnostic from another rule. */
  fix?: Fix;
}

/**
 * What the incident lead has confirmed, in the plain shape the fixtures and the CLI use.
 * Anything absent counts as not confirmed (scope `unknown`).
 *
 * @example
 * const facts: LintFacts = { scope: 'some', causeConfirmed: false, workaround: true };
 */
export interface LintFacts {
  /** The cause has been confirmed; naming it is then allowed. */
  causeConfirmed?: boolean;
  /** Recovery is confirmed and the customer-facing symptom was checked. */
  recoveryConfirmed?: boolean;
  /** How many customers are affected, as confirmed. */
  scope?: Scope;
  /** An approved fix-time promise (ISO-8601 UTC instant with `Z`); only this time may be promised. */
  approvedFixTime?: string;
  /** A workaround is confirmed. */
  workaround?: boolean;
  /** The named approver approved a credit, refund, discount or SLA remedy. */
  compensationApproved?: boolean;
  /**
   * Newest facts version, counted as the incident log counts it (`IncidentState.factsVersion`):
   * 0 at declaration, one more for each confirmed change of facts, scope or recovery. A
   * non-negative integer; compared with `LintContext.basedOnVersion`.
   */
  version?: number;
}

/**
 * Everything a draft is linted against. Only `kind` and `audience` are required; without
 * facts the linter assumes nothing is confirmed, except that `kind: 'resolved'` counts as
 * recovery confirmed.
 *
 * @example
 * const context: LintContext = {
 *   kind: 'update', audience: 'customer',
 *   facts: { scope: 'some' },
 *   now: '2026-03-03T14:15:00Z', timeZone: 'America/New_York',
 *   nextUpdateDue: '2026-03-03T14:30:00Z',
 * };
 */
export interface LintContext {
  kind: MessageKind;
  audience: Audience;
  /** Confirmed facts; see {@link LintFacts}. */
  facts?: LintFacts;
  /** ISO-8601 UTC instant (with `Z`) the next update is scheduled for. */
  nextUpdateDue?: string;
  /**
   * Current instant: an ISO-8601 UTC string with `Z` (a zone-less time is refused) or a Date.
   * The linter never reads the wall clock.
   */
  now?: string | Date;
  /** The audience's IANA time zone; clock times without a label are read in it. */
  timeZone?: string;
  /**
   * The facts version the draft was written against (`Draft.basedOnFactsVersion`; 0-based like
   * {@link LintFacts.version}); see the `stale-facts` rule.
   */
  basedOnVersion?: number;
  /** Parsed lint section of the runbook (`lintConfigSchema`). */
  config?: LintConfig;
}

/**
 * The facts after defaults are applied: what rules actually read. Produced in one place,
 * `resolveFacts`, so a future incident `state` only changes that function.
 */
export interface ResolvedFacts {
  causeConfirmed: boolean;
  recoveryConfirmed: boolean;
  scope: Scope;
  /** Approved fix-time promise, or `undefined` when none is approved. */
  approvedFixTime: Date | undefined;
  workaround: boolean;
  compensationApproved: boolean;
  /** Newest facts version (0-based, as in the incident log), when known. */
  version: number | undefined;
  /** Scheduled next update, when known. */
  nextUpdateDue: Date | undefined;
  /** Current instant, when known. */
  now: Date | undefined;
}

/** One passage of a draft that touches an approval topic. Offsets are UTF-16 into the text. */
export interface TopicMatch {
  topic: TopicId;
  start: number;
  end: number;
  /** The matched text, e.g. `service credit` or `fixed in about 10 minutes`. */
  text: string;
}
