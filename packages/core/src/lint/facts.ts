/**
 * @module lint/facts
 * Turns a lint context into the facts rules read, with the linter's defaults. The one place
 * an incident `state` will plug in later.
 */
import { assertLintContext } from './context';
import type { LintContext, ResolvedFacts } from './types';

type InstantField = string | Date | undefined;

// What a resolution was computed from: every field of the context and of its facts, with Dates
// read as epoch milliseconds, so a context object mutated after a call is validated again.
interface Resolution {
  kind: unknown;
  audience: unknown;
  facts: unknown;
  now: unknown;
  nextUpdateDue: unknown;
  timeZone: unknown;
  basedOnVersion: unknown;
  config: unknown;
  causeConfirmed: unknown;
  recoveryConfirmed: unknown;
  scope: unknown;
  approvedFixTime: unknown;
  workaround: unknown;
  compensationApproved: unknown;
  version: unknown;
  resolved: ResolvedFacts;
}

// Validated contexts, by object: linting many drafts with one context validates it once.
const resolutions = new WeakMap<object, Resolution>();

const stamp = (value: unknown): unknown => (value instanceof Date ? value.getTime() : value);

function unchanged(r: Resolution, c: LintContext): boolean {
  const f = c.facts;
  return (
    r.kind === c.kind &&
    r.audience === c.audience &&
    r.facts === f &&
    r.now === stamp(c.now) &&
    r.nextUpdateDue === stamp(c.nextUpdateDue) &&
    r.timeZone === c.timeZone &&
    r.basedOnVersion === c.basedOnVersion &&
    r.config === c.config &&
    (f === undefined ||
      (r.causeConfirmed === f.causeConfirmed &&
        r.recoveryConfirmed === f.recoveryConfirmed &&
        r.scope === f.scope &&
        r.approvedFixTime === stamp(f.approvedFixTime) &&
        r.workaround === f.workaround &&
        r.compensationApproved === f.compensationApproved &&
        r.version === f.version))
  );
}

const toDate = (value: InstantField): Date | undefined =>
  value === undefined ? undefined : new Date(value instanceof Date ? value.getTime() : value);

/**
 * Validates a lint context and resolves the facts rules read. Without facts nothing is
 * confirmed and scope is `unknown`, except that `kind: 'resolved'` counts as recovery
 * confirmed unless `facts.recoveryConfirmed` says `false`.
 *
 * Validation is strict (`lintContextSchema`): facts are typed (`causeConfirmed`,
 * `recoveryConfirmed`, `workaround`, `compensationApproved` are booleans; `scope` one of
 * SCOPES; `version` an integer from 0), unknown keys are refused, and instants (`now`,
 * `nextUpdateDue`, `facts.approvedFixTime`) are ISO-8601 UTC strings with `Z` or Dates, never a
 * zone-less time the server would read in its own zone. A context object is validated once
 * and its resolution reused while none of its fields change.
 *
 * Practice: the linter checks a draft against what the incident lead has confirmed, never
 * against what the writer believes.
 *
 * @param context - see {@link LintContext}.
 * @returns the resolved facts (frozen; shared by every call with the same unchanged context).
 * @throws {LintContextError} (`lint_context_invalid`) for a missing context, an unknown kind,
 *   audience, key or IANA time zone, a mistyped fact, an instant without a zone, or a facts
 *   version (`facts.version`, `basedOnVersion`) that is not an integer from 0; each problem
 *   names its path, what was expected and what was found.
 * @example
 * resolveFacts({ kind: 'resolved', audience: 'customer' }).recoveryConfirmed; // true
 * resolveFacts({ kind: 'update', audience: 'customer' }).scope; // 'unknown'
 */
export function resolveFacts(context: LintContext): ResolvedFacts {
  const known = typeof context === 'object' && context !== null ? resolutions.get(context) : undefined;
  if (known !== undefined && unchanged(known, context)) return known.resolved;
  assertLintContext(context);
  const facts = context.facts ?? {};
  const resolved: ResolvedFacts = Object.freeze({
    causeConfirmed: facts.causeConfirmed === true,
    recoveryConfirmed: facts.recoveryConfirmed ?? context.kind === 'resolved',
    scope: facts.scope ?? 'unknown',
    approvedFixTime: toDate(facts.approvedFixTime),
    workaround: facts.workaround === true,
    compensationApproved: facts.compensationApproved === true,
    version: facts.version,
    nextUpdateDue: toDate(context.nextUpdateDue),
    now: toDate(context.now),
  });
  const f = context.facts;
  resolutions.set(context, {
    kind: context.kind,
    audience: context.audience,
    facts: f,
    now: stamp(context.now),
    nextUpdateDue: stamp(context.nextUpdateDue),
    timeZone: context.timeZone,
    basedOnVersion: context.basedOnVersion,
    config: context.config,
    causeConfirmed: f?.causeConfirmed,
    recoveryConfirmed: f?.recoveryConfirmed,
    scope: f?.scope,
    approvedFixTime: stamp(f?.approvedFixTime),
    workaround: f?.workaround,
    compensationApproved: f?.compensationApproved,
    version: f?.version,
    resolved,
  });
  return resolved;
}
