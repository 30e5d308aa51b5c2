import { parseRunbook, RunbookError } from '@incident-comms/core';
import { describe, expect, it } from 'vitest';
import { runbookInput } from '../../core/test/support';
import { checkRunbookTemplates, createTemplateSet, renderMessage, TemplateInvalidError } from './index';
import { exampleRunbook, realisticUpdate } from './realistic-updates.test-support';

// The roles as JSON (a subset of YAML), then a templates section as a support lead writes it.
const ROLES_YAML = `roles: ${JSON.stringify(runbookInput().roles)}\n`;

function runbookProblems(templatesYaml: string): string[] {
  try {
    parseRunbook(`${ROLES_YAML}${templatesYaml}`, {
      source: 'runbook.yaml',
      checks: [checkRunbookTemplates],
    });
  } catch (error) {
    expect(error).toBeInstanceOf(RunbookError);
    return (error as RunbookError).problems.map((p) => p.message);
  }
  throw new Error('expected the runbook to be rejected');
}

describe('runbook templates', () => {
  it('fail at load time with path-named problems when broken', () => {
    const yaml = [
      'templates:',
      '  update/customer:',
      '    body: "Checkout is failing. Next update by {{nextUpdte}}."',
      '  resolved/customer:',
      '    subject: "Recovered: {{incidentTitel}}"',
      '    body: "Service recovered at {{recoveredTime}}."',
    ].join('\n');
    expect(runbookProblems(yaml)).toEqual([
      'templates.update/customer.body: unknown variable "nextUpdte" (did you mean "nextUpdateTime"?)',
      'templates.resolved/customer.subject: unknown variable "incidentTitel" (did you mean "incidentTitle"?)',
    ]);
  });

  it('override a default template and keep its subject', () => {
    const runbook = exampleRunbook({
      templates: {
        'update/customer': {
          body: '{{symptomSentence}} {{teamAction}} We will write again by {{nextUpdateTime}}.',
          description: 'Shorter house style',
        },
      },
    });
    const message = renderMessage(
      realisticUpdate('checkout', 'SEV1', 'update', runbook),
      'customer',
      runbook,
      {
        incidentId: 'i',
      },
    );
    expect(message.text).toBe(
      'Card payments at checkout are failing. Engineers are working on the payment service now. We will write again by 9:45 AM ET.',
    );
    expect(message.subject).toBe('Identified: Card payments failing at checkout');
  });

  it('add incident-type variants that win over the general template', () => {
    const runbook = exampleRunbook({
      templates: {
        'initial/sales-prospect/checkout': {
          subject: 'About today’s payment problem',
          body: 'Card checkout is failing right now. Our live demo uses checkout, so I will send you a new time. Next update by {{nextUpdateTime}}.',
        },
      },
    });
    const checkout = renderMessage(
      realisticUpdate('checkout', 'SEV1', 'initial', runbook),
      'sales-prospect',
      runbook,
      {
        incidentId: 'i',
      },
    );
    expect(checkout.templateId).toBe('initial/sales-prospect/checkout');
    expect(checkout.subject).toBe('About today’s payment problem');
    const signIn = renderMessage(
      realisticUpdate('sign-in', 'SEV1', 'initial', runbook),
      'sales-prospect',
      runbook,
      {
        incidentId: 'i',
      },
    );
    expect(signIn.templateId).toBe('initial/sales-prospect');
  });

  it('add new templates a host renders by id', () => {
    const runbook = exampleRunbook({
      templates: { 'status-page/banner': { body: '{{incidentTitle}}: {{symptomSentence}}' } },
    });
    const set = createTemplateSet(runbook);
    expect(set.ids).toContain('status-page/banner');
    expect(
      set.render('status-page/banner', {
        statusLabel: 'Investigating',
        incidentTitle: 'Checkout',
        symptomSentence: 'Payments fail.',
      }).body,
    ).toBe('Checkout: Payments fail.');
  });

  it('are checked the same way outside defineRunbook', () => {
    const broken = { templates: { 'update/customer': { body: '{{{symptom}}}' } } };
    expect(checkRunbookTemplates(broken)).toHaveLength(1);
    expect(() => createTemplateSet(broken)).toThrow(TemplateInvalidError);
    expect(checkRunbookTemplates({ templates: {} })).toEqual([]);
  });
});
