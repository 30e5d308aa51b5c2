import {
  AUDIENCES,
  defineRunbook,
  INCIDENT_TYPES,
  lintReleaseMessages,
  MESSAGE_KINDS,
  RunbookError,
  SEVERITIES,
} from '@incident-comms/core';
import { describe, expect, it } from 'vitest';
import { runbookInput } from '../../core/test/support';
import { checkRunbookTemplates } from './index';
import { exampleRunbook } from './realistic-updates.test-support';
import { renderMessage } from './render-message';
import { sampleStatusUpdate } from './sample-updates';

function loadError(templates: Record<string, unknown>): RunbookError {
  try {
    defineRunbook(runbookInput({ templates }), { checks: [checkRunbookTemplates] });
  } catch (error) {
    if (error instanceof RunbookError) return error;
    throw error;
  }
  throw new Error('the runbook loaded');
}

describe('template overrides are linted when the runbook loads', () => {
  it('refuses a custom template that guesses a cause, promises a fix time and dramatises', () => {
    const error = loadError({
      'update/customer': {
        body: 'It was probably our database provider. {{symptomSentence}} This will be fixed in 10 minutes, nothing to worry about!!! Next update by {{nextUpdateTime}}.',
      },
    });
    const messages = error.problems.map((p) => p.message);
    const paths = new Set(error.problems.map((p) => p.path));
    expect(paths).toEqual(new Set(['templates.update/customer.body']));
    for (const [rule, words] of [
      ['no-cause-speculation', 'probably'],
      ['no-fix-time-promise', 'fixed in 10 minutes'],
    ] as const) {
      expect(
        messages.some((m) => m.includes('template update/customer') && m.includes(rule) && m.includes(words)),
        `${rule}: ${messages.join('\n')}`,
      ).toBe(true);
    }
  });

  it('refuses a severity code in a customer subject, for every customer-facing audience', () => {
    for (const audience of AUDIENCES.filter((a) => a !== 'internal')) {
      const error = loadError({
        [`initial/${audience}`]: {
          subject: '[{{severity}}] {{statusLabel}}: {{incidentTitle}}',
          body: '{{symptomSentence}} Next update by {{nextUpdateTime}}.',
        },
      });
      expect(
        error.problems.some(
          (p) => p.path === `templates.initial/${audience}.subject` && /SEV1/.test(p.message),
        ),
        audience,
      ).toBe(true);
    }
  });

  it('names the incident type when only one type breaks a rule', () => {
    const error = loadError({
      'update/customer/sign-in': {
        body: '{{symptomSentence}} It should be fixed in 10 minutes. Next update by {{nextUpdateTime}}.',
      },
    });
    expect(error.problems.length).toBeGreaterThan(0);
    expect(error.problems.every((p) => p.message.includes('sign-in update'))).toBe(true);
  });

  it('accepts clean overrides and the example runbooks', () => {
    expect(() =>
      defineRunbook(
        runbookInput({
          templates: {
            'update/customer': {
              body: '{{symptomSentence}} {{teamAction}} Next update by {{nextUpdateTime}}.',
            },
          },
        }),
        { checks: [checkRunbookTemplates] },
      ),
    ).not.toThrow();
  });

  it('finds no lint error in any default template, for every incident type, kind, severity and audience', () => {
    const runbook = exampleRunbook();
    const errors: string[] = [];
    for (const type of INCIDENT_TYPES)
      for (const kind of MESSAGE_KINDS)
        for (const severity of SEVERITIES)
          for (const audience of AUDIENCES) {
            const update = sampleStatusUpdate(type, severity, kind, runbook);
            const m = renderMessage(update, audience, runbook, { incidentId: 'inc-1' });
            const found = lintReleaseMessages(
              [{ audience, timeZone: m.timeZone, subject: m.subject, text: m.text }],
              () => ({
                kind,
                audience,
                facts: {
                  causeConfirmed: update.cause !== undefined,
                  recoveryConfirmed: kind === 'resolved',
                  scope: update.scope,
                  workaround: update.workaround !== undefined,
                  version: update.factsVersion,
                },
                now: update.publishedAt,
                timeZone: m.timeZone,
                ...(update.nextUpdateAt ? { nextUpdateDue: update.nextUpdateAt } : {}),
              }),
            );
            for (const d of found.filter((x) => x.severity === 'error'))
              errors.push(`${m.templateId} ${type} ${severity} ${d.field} ${d.ruleId}: ${d.message}`);
          }
    expect(errors).toEqual([]);
  });
});
