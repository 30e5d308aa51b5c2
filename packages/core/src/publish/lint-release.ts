/**
 * @module publish/lint-release
 * Lints every message of a release, subjects included, each with its own audience's context:
 * the one place a release's wording is checked before approval and again at publish.
 */
import type { LintConfig } from '../lint/config';
import { lintMessage } from '../lint/lint-message';
import type { Diagnostic, LintContext } from '../lint/types';
import type { ReleaseMessage } from '../release/release';
import { type Audience, CUSTOMER_FACING_AUDIENCES } from '../vocabulary';

/** One lint finding in one message of a release. */
export interface ReleaseDiagnostic extends Diagnostic {
  audience: Audience;
  /** The runbook segment of the message, when it is a segment's (e.g. `customer-us`). */
  segment?: string | undefined;
  /** The zone of the message (an audience may have one message per zone). */
  timeZone: string;
  /** Which part of the message: the one-line `subject` or the `text`. */
  field: 'subject' | 'text';
}

// Rules about a whole message (its length, its next-update line, its owner, its impact
// sentence) say nothing about a one-line subject; everything else applies to subjects too.
const WHOLE_MESSAGE_RULES = [
  'next-update-time',
  'owner-named',
  'message-length',
  'sentence-length',
  'plain-impact',
  'stale-facts',
] as const;
const subjectConfigs = new WeakMap<object, LintConfig>();
const NO_CONFIG = {};

function subjectConfig(config: LintConfig | undefined): LintConfig {
  const key = config ?? NO_CONFIG;
  let out = subjectConfigs.get(key);
  if (!out) {
    const off = Object.fromEntries(WHOLE_MESSAGE_RULES.map((id) => [id, 'off' as const]));
    out = { ...config, rules: { ...config?.rules, ...off } };
    subjectConfigs.set(key, out);
  }
  return out;
}

const CUSTOMER_FACING = new Set<Audience>(CUSTOMER_FACING_AUDIENCES);

/**
 * Lints each message of a release: its text with the full context, its subject with the
 * rules that apply to one line. `contextFor` gives each message's context (its audience, its
 * zone, the facts, the next-update time). In a customer-facing subject, internal jargon (a
 * severity code such as "SEV1", an internal ticket word) is an error, not a warning: the
 * subject is the one line every reader sees.
 *
 * Practice: every audience's message is checked, not just the customer's; "avoid internal
 * jargon" most of all where customers read first.
 *
 * @param messages - the release's messages.
 * @param contextFor - the lint context of one message (usually `draftLintContext` with the
 *   message's audience and zone).
 * @returns every diagnostic, tagged with audience, zone and field, in release order.
 * @throws {LintConfigError} `lint_config_invalid` when a context's config is invalid.
 * @example
 * const found = lintReleaseMessages(draft.messages, (m) => ({ kind: 'update', audience: m.audience, timeZone: m.timeZone }));
 * found.filter((d) => d.severity === 'error').map((d) => `${d.audience} ${d.field} ${d.ruleId}`);
 */
export function lintReleaseMessages(
  messages: readonly ReleaseMessage[],
  contextFor: (message: ReleaseMessage) => LintContext,
): ReleaseDiagnostic[] {
  const found: ReleaseDiagnostic[] = [];
  for (const message of messages) {
    const context = contextFor(message);
    const tag = {
      audience: message.audience,
      ...(message.segment === undefined ? {} : { segment: message.segment }),
      timeZone: message.timeZone,
    };
    for (const d of lintMessage(message.text, context)) found.push({ ...d, ...tag, field: 'text' });
    const subjectContext: LintContext = { ...context, config: subjectConfig(context.config) };
    delete subjectContext.nextUpdateDue;
    for (const d of lintMessage(message.subject, subjectContext)) {
      const severity =
        d.ruleId === 'no-jargon' && d.severity === 'warning' && CUSTOMER_FACING.has(message.audience)
          ? 'error'
          : d.severity;
      found.push({ ...d, severity, ...tag, field: 'subject' });
    }
  }
  return found;
}
