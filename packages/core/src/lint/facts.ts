/**
 * @module lint/facts
 * Turns a lint context into the facts rules read, with the linter's defaults. The one place
 * an incident `state` will plug in later.
 */
import { AUDIENCES, MESSAGE_KINDS } from '../vocabulary';
import { isKnownTimeZone } from './clock';
import { LintContextError, type LintProblem } from './errors';
import type { LintContext, ResolvedFacts } from './types';

const KINDS = new Set<string>(MESSAGE_KINDS);
const AUDIENCE_SET = new Set<string>(AUDIENCES);
const knownZones = new Map<string, boolean>();

function instant(value: string | Date | undefined, path: string, problems: LintProblem[]): Date | undefined {
  if (value === undefined) return undefined;
  const d = value instanceof Date ? value : new Date(value);
  if (Number.isNaN(d.getTime())) {
    problems.push({
      path: [path],
      message: `expected an ISO-8601 instant, got ${JSON.stringify(String(value))}`,
    });
    return undefined;
  }
  return d;
}

function version(value: number | undefined, path: string, problems: LintProblem[]): void {
  if (value === undefined || (Number.isInteger(value) && value >= 0)) return;
  problems.push({
    path: path.split('.'),
    message: `expected a facts version (an integer from 0, as the incident log counts), got ${JSON.stringify(value)}`,
  });
}

/**
 * Validates a lint context and resolves the facts rules read. Without facts nothing is
 * confirmed and scope is `unknown`, except that `kind: 'resolved'` counts as recovery
 * confirmed unless `facts.recoveryConfirmed` says `false`.
 *
 * Practice: the linter checks a draft against what the incident lead has confirmed, never
 * against what the writer believes.
 *
 * @throws {LintContextError} (`lint_context_invalid`) for an unknown kind, audience or
 *   time zone, an unparseable instant, or a facts version (`facts.version`,
 *   `basedOnVersion`) that is not an integer from 0; each problem names its path.
 * @example
 * resolveFacts({ kind: 'resolved', audience: 'customer' }).recoveryConfirmed; // true
 * resolveFacts({ kind: 'update', audience: 'customer' }).scope; // 'unknown'
 */
export function resolveFacts(context: LintContext): ResolvedFacts {
  const problems: LintProblem[] = [];
  if (!KINDS.has(context.kind)) {
    problems.push({
      path: ['kind'],
      message: `expected one of ${MESSAGE_KINDS.join(', ')}, got ${JSON.stringify(context.kind)}`,
    });
  }
  if (!AUDIENCE_SET.has(context.audience)) {
    problems.push({
      path: ['audience'],
      message: `expected one of ${AUDIENCES.join(', ')}, got ${JSON.stringify(context.audience)}`,
    });
  }
  if (context.timeZone !== undefined) {
    let known = knownZones.get(context.timeZone);
    if (known === undefined) {
      known = isKnownTimeZone(context.timeZone);
      knownZones.set(context.timeZone, known);
    }
    if (!known) {
      problems.push({
        path: ['timeZone'],
        message: `expected an IANA time zone, got ${JSON.stringify(context.timeZone)}`,
      });
    }
  }
  const facts = context.facts ?? {};
  // Facts versions count as the incident log does: 0 at declaration, then 1, 2, ...
  version(facts.version, 'facts.version', problems);
  version(context.basedOnVersion, 'basedOnVersion', problems);
  const now = instant(context.now, 'now', problems);
  const nextUpdateDue = instant(context.nextUpdateDue, 'nextUpdateDue', problems);
  const approvedFixTime = instant(facts.approvedFixTime, 'facts.approvedFixTime', problems);
  if (problems.length > 0) throw new LintContextError(problems);
  return {
    causeConfirmed: facts.causeConfirmed === true,
    recoveryConfirmed: facts.recoveryConfirmed ?? context.kind === 'resolved',
    scope: facts.scope ?? 'unknown',
    approvedFixTime,
    workaround: facts.workaround === true,
    compensationApproved: facts.compensationApproved === true,
    version: facts.version,
    nextUpdateDue,
    now,
  };
}
