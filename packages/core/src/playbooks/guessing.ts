/**
 * @module playbooks/guessing
 * What the playbooks ask the message linter: does wording claim a fix, and did a published
 * update guess (a cause, a fix time, "resolved", a scope) beyond the confirmed facts.
 */
import type { IncidentState, StatusUpdate } from '../incident/index';
import { type Diagnostic, type LintFacts, lintMessage, lintRules, parseLintConfig } from '../lint/index';
import type { Runbook } from '../runbook/define';

/** Lint rules whose errors mean a message guessed beyond the confirmed facts. */
export const GUESSING_RULES = [
  'no-cause-speculation',
  'no-fix-time-promise',
  'no-premature-resolution',
  'scope-accuracy',
] as const;

// One frozen list, so the linter compiles it once.
const RESOLUTION_RULE = Object.freeze(lintRules.filter((r) => r.id === 'no-premature-resolution'));

/**
 * Whether wording claims the problem is fixed or over while recovery is unconfirmed, as the
 * linter's `no-premature-resolution` rule reads it (quotes, negations and forecasts do not count).
 *
 * @param text - any message text.
 * @example
 * claimsFixed('Checkout is fixed.'); // true
 * claimsFixed('We are working on a fix.'); // false
 */
export function claimsFixed(text: string): boolean {
  return (
    lintMessage(
      text,
      { kind: 'update', audience: 'internal', facts: { recoveryConfirmed: false } },
      RESOLUTION_RULE,
    ).length > 0
  );
}

// Parsed once per runbook (runbooks are immutable).
const lintConfigs = new WeakMap<Runbook, ReturnType<typeof parseLintConfig>>();
function lintConfigOf(runbook: Runbook) {
  if (runbook.lint === undefined) return undefined;
  let config = lintConfigs.get(runbook);
  if (config === undefined) {
    config = parseLintConfig(runbook.lint);
    lintConfigs.set(runbook, config);
  }
  return config;
}

const confirmedBy = (at: string | undefined, publishedAt: string) => at !== undefined && at <= publishedAt;

/**
 * The guesses in one published status update: errors of the {@link GUESSING_RULES}, linting its
 * text against what the incident lead had confirmed when it was published (cause, recovery,
 * approved fix time; the scope of the current facts for the current facts version, else the
 * scope the update states) and the runbook's lint settings.
 *
 * @param update - a published status update of `state`.
 * @returns the linter's diagnostics (severity `error`), sorted by position.
 * @throws {LintConfigError} `lint_config_invalid` when the runbook's `lint` section is invalid.
 * @example
 * guessesIn(currentStatusUpdate(state)!, state, runbook).map((d) => d.ruleId); // ['no-cause-speculation']
 */
export function guessesIn(update: StatusUpdate, state: IncidentState, runbook: Runbook): Diagnostic[] {
  const { facts, recovery } = state;
  const lintFacts: LintFacts = {
    causeConfirmed: confirmedBy(facts.cause?.at, update.publishedAt),
    recoveryConfirmed: confirmedBy(recovery.confirmed?.at, update.publishedAt),
    scope: update.factsVersion === state.factsVersion ? facts.scope.value : update.scope,
    ...(facts.approvedFixTime && confirmedBy(facts.approvedFixTime.at, update.publishedAt)
      ? { approvedFixTime: facts.approvedFixTime.value }
      : {}),
  };
  const config = lintConfigOf(runbook);
  return lintMessage(update.text, {
    kind: update.kind,
    audience: state.drafts[update.draftId]?.audience ?? 'customer',
    facts: lintFacts,
    ...(config ? { config } : {}),
  }).filter((d) => d.severity === 'error' && (GUESSING_RULES as readonly string[]).includes(d.ruleId));
}
