/**
 * @module template-lint
 * Lints a runbook's template overrides when the runbook loads: each override is rendered with
 * realistic facts for every incident type it applies to, and its subject and body are linted
 * in its audience's context. A template that guesses a cause or promises a fix time fails the
 * runbook, not a live incident.
 */
import {
  AUDIENCES,
  type Audience,
  audienceTimeZone,
  type IncidentType,
  type LintContext,
  lintReleaseMessages,
  MESSAGE_KINDS,
  type MessageKind,
  type Problem,
  problem,
  type Runbook,
  type StatusUpdate,
} from '@incident-comms/core';
import { renderMessage } from './render-message';
import { sampleStatusUpdate } from './sample-updates';
import type { TemplateSet } from './template-set';

/**
 * The kind, audience (and runbook segment) and incident types an override id
 * (`kind/audience[/incidentType]` or `kind/segment[/incidentType]`) applies to.
 */
function scopeOf(
  id: string,
  runbook: Runbook,
): { kind: MessageKind; audience: Audience; segment?: string; types: IncidentType[] } | undefined {
  const [kind, target, type, ...rest] = id.split('/');
  const types = Object.keys(runbook.incidentTypes);
  if (rest.length > 0 || !MESSAGE_KINDS.includes(kind as MessageKind)) return undefined;
  const segment = target !== undefined && Object.hasOwn(runbook.audiences, target) ? target : undefined;
  const audience = segment === undefined ? target : runbook.audiences[segment]!.audience;
  if (!AUDIENCES.includes(audience as Audience)) return undefined;
  if (type !== undefined && !types.includes(type)) return undefined;
  return {
    kind: kind as MessageKind,
    audience: audience as Audience,
    ...(segment === undefined ? {} : { segment }),
    types: type === undefined ? types : [type],
  };
}

/**
 * Lint errors in a runbook's template overrides, as runbook problems: every override whose id
 * names a message (`kind/audience` or `kind/audience/incidentType`) is rendered with
 * {@link sampleStatusUpdate} facts for each incident type it applies to (an update both with
 * and without a confirmed cause), and its subject and
 * body are linted with the audience's context (the facts that version states, its next-update
 * time, the audience's zone, the runbook's lint settings). Each error is one problem at
 * `templates.<id>.subject` or `templates.<id>.body`, naming the template, the rule and the
 * offending words. Ids that name no message (a host's own template) are not rendered here.
 *
 * Practice: lock message patterns in before anything breaks; a template is a message sent
 * many times, so it meets the same bar as one.
 *
 * @param runbook - the runbook being loaded (its `templates` overrides).
 * @param set - the compiled template set of that runbook.
 * @returns problems, empty when every override renders clean.
 * @example
 * lintTemplateOverrides(runbook, createTemplateSet(runbook))[0]?.message;
 * // 'templates.update/customer.body: template update/customer breaks no-fix-time-promise …'
 */
export function lintTemplateOverrides(runbook: Runbook, set: TemplateSet): Problem[] {
  const problems: Problem[] = [];
  const seen = new Set<string>();
  for (const id of Object.keys(runbook.templates ?? {})) {
    const scope = scopeOf(id, runbook);
    if (!scope) continue;
    const variants = scope.types.flatMap(
      (incidentType): Array<{ incidentType: IncidentType; update: StatusUpdate }> => {
        const update = sampleStatusUpdate(incidentType, runbook.severityLadder[0]!.id, scope.kind, runbook);
        // An update often goes out before the cause is confirmed: lint that version too.
        const { cause: _cause, ...unconfirmed } = update;
        return update.cause && scope.kind !== 'resolved'
          ? [
              { incidentType, update },
              { incidentType, update: unconfirmed },
            ]
          : [{ incidentType, update }];
      },
    );
    for (const { incidentType, update } of variants) {
      const rendered = renderMessage(update, scope.audience, runbook, {
        incidentId: 'inc-sample',
        templates: set,
        segment: scope.segment,
      });
      if (rendered.templateId !== id) continue;
      const context: LintContext = {
        kind: scope.kind,
        audience: scope.audience,
        facts: {
          causeConfirmed: update.cause !== undefined,
          recoveryConfirmed: update.status === 'resolved',
          scope: update.scope,
          workaround: update.workaround !== undefined,
          compensationApproved: false,
          version: update.factsVersion,
        },
        now: update.publishedAt,
        timeZone: audienceTimeZone(runbook, scope.audience, scope.segment),
        ...(update.nextUpdateAt ? { nextUpdateDue: update.nextUpdateAt } : {}),
        ...(runbook.lint ? { config: runbook.lint } : {}),
      };
      const message = {
        audience: scope.audience,
        timeZone: context.timeZone!,
        subject: rendered.subject,
        text: rendered.text,
      };
      for (const d of lintReleaseMessages([message], () => context)) {
        if (d.severity !== 'error') continue;
        const words = message[d.field].slice(d.start, d.end);
        const field = d.field === 'subject' ? 'subject' : 'body';
        const key = `${id} ${field} ${d.ruleId} ${words}`;
        if (seen.has(key)) continue;
        seen.add(key);
        problems.push(
          problem(
            `templates.${id}.${field}`,
            `a ${field} without ${d.ruleId} errors; template ${id} rendered for a ${incidentType} ${scope.kind} breaks ${d.ruleId} with "${words}": ${d.message}`,
          ),
        );
      }
    }
  }
  return problems;
}
