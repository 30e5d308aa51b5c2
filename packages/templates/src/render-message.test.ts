import {
  AUDIENCES,
  CUSTOMER_FACING_AUDIENCES,
  MESSAGE_KINDS,
  SEVERITIES,
  ValidationError,
} from '@incident-comms/core';
import { describe, expect, it } from 'vitest';
import { t } from '../../core/test/support';
import { buildTemplateVariables, renderAll, renderMessage, TemplateVariableError } from './index';
import { exampleRunbook, FACTS_BY_TYPE, realisticUpdate } from './realistic-updates.test-support';

const runbook = exampleRunbook({ sourceOfTruth: { name: 'the pinned summary in #incident-status' } });

describe('renderAll', () => {
  it.each(MESSAGE_KINDS)('renders one full %s set for a SEV1 checkout incident (snapshot)', (kind) => {
    const update = realisticUpdate('checkout', 'SEV1', kind, runbook);
    const messages = renderAll(update, runbook, {
      incidentId: 'inc-checkout',
      followUpAt: '2026-03-04T21:00:00Z',
    });
    expect(messages.map((m) => m.audience)).toEqual([...AUDIENCES]);
    expect(messages).toMatchSnapshot();
  });

  it('gives customer-facing audiences a subject in plain words: no severity code, no UTC time', () => {
    // The email channel sends `subject` as it is, so this is what customers see in their inbox.
    for (const severity of SEVERITIES) {
      for (const kind of MESSAGE_KINDS) {
        const update = realisticUpdate('checkout', severity, kind, runbook);
        const messages = renderAll(update, runbook, {
          incidentId: 'inc-checkout',
          audiences: CUSTOMER_FACING_AUDIENCES,
        });
        for (const m of messages) {
          expect(m.subject, `${kind}/${m.audience}`).not.toMatch(/SEV\d|UTC|\d{1,2}:\d{2}/);
          expect(m.subject).toContain(FACTS_BY_TYPE.checkout.title);
        }
      }
    }
  });

  it('gives every audience the same facts from one version, each in its own time zone', () => {
    const update = realisticUpdate('checkout', 'SEV1', 'update', runbook);
    const messages = renderAll(update, runbook, { incidentId: 'inc-checkout' });
    for (const m of messages) {
      expect(m).toMatchObject({
        incidentId: 'inc-checkout',
        version: 2,
        severity: 'SEV1',
        status: 'identified',
      });
      expect(m.nextUpdateAt).toBe(t(35));
      expect(m.text.toLowerCase()).toContain(FACTS_BY_TYPE.checkout.symptom);
      expect(m.text).toContain('Engineers are working on the payment service now.');
    }
    const byAudience = Object.fromEntries(messages.map((m) => [m.audience, m.text]));
    // 14:45 UTC is 9:45 AM in New York and 15:45 in Berlin on 2026-03-03.
    expect(byAudience.customer).toContain('Next update by 9:45 AM ET.');
    expect(byAudience['cs-account']).toContain('We will send you the next update by 15:45 CET;');
    expect(byAudience.internal).toContain('Next update by 14:45 UTC, owned by Dana.');
    expect(byAudience.internal).toContain('- whether the payment provider or our app is at fault');
  });

  it('states the next update time on the reader’s own calendar day', () => {
    // Published 23:30 UTC, next update 00:15 UTC: already tomorrow in Berlin, still today in New York.
    const update = {
      ...realisticUpdate('sign-in', 'SEV1', 'update', runbook),
      publishedAt: '2026-03-03T22:30:00Z',
      nextUpdateAt: '2026-03-03T23:15:00Z',
    };
    const [customer, cs] = renderAll(update, runbook, {
      incidentId: 'i',
      audiences: ['customer', 'cs-account'],
    });
    expect(customer!.text).toContain('Next update by 6:15 PM ET.');
    expect(cs!.text).toContain('the next update by tomorrow 00:15 CET;');
  });

  it('uses the update template, with the workaround, for audiences without a workaround template', () => {
    const update = realisticUpdate('checkout', 'SEV2', 'workaround', runbook);
    const messages = renderAll(update, runbook, { incidentId: 'i' });
    const ids = Object.fromEntries(messages.map((m) => [m.audience, m.templateId]));
    expect(ids.customer).toBe('workaround/customer');
    expect(ids['sales-renewal']).toBe('update/sales-renewal');
    // A prospect is not using the product yet, so their note leaves the workaround out.
    for (const m of messages.filter((m) => m.audience !== 'sales-prospect')) {
      expect(m.text, m.audience).toContain(FACTS_BY_TYPE.checkout.workaround);
    }
  });

  it('closes with what customers saw, when service recovered, what to do and the follow-up time', () => {
    const update = realisticUpdate('checkout', 'SEV1', 'resolved', runbook);
    const customer = renderMessage(update, 'customer', runbook, {
      incidentId: 'i',
      followUpAt: '2026-03-04T21:00:00Z',
    });
    expect(customer.subject).toBe('Resolved: Card payments failing at checkout');
    expect(customer.text).toBe(
      'The problem where card payments at checkout are failing is resolved, and service has worked normally since 9:25 AM ET. ' +
        'Before then, customers paying by card may have seen payment errors and orders that did not complete. ' +
        'If an order did not go through, you can place it again now; nothing else is needed. ' +
        'We will send a fuller summary of what happened by tomorrow 4:00 PM ET.',
    );
    expect(customer.nextUpdateAt).toBeUndefined();
  });

  it('refuses a resolved version without a recovery time instead of leaving a gap', () => {
    const { recoveredAt: _, ...update } = realisticUpdate('checkout', 'SEV1', 'resolved', runbook);
    expect(() => renderMessage(update, 'customer', runbook, { incidentId: 'i' })).toThrow(
      expect.objectContaining({
        code: 'template_variable_missing',
        templateId: 'resolved/customer',
        missing: ['recoveredTime'],
      }),
    );
    expect(() => renderMessage(update, 'customer', runbook, { incidentId: 'i' })).toThrow(
      TemplateVariableError,
    );
  });

  it('validates its inputs at the boundary', () => {
    const update = realisticUpdate('checkout', 'SEV1', 'update', runbook);
    expect(() => renderAll({ ...update, publishedAt: 'yesterday' }, runbook, { incidentId: 'i' })).toThrow(
      ValidationError,
    );
    expect(() => renderAll(update, runbook, { incidentId: ' ' })).toThrow(/options.incidentId/);
  });
});

describe('buildTemplateVariables', () => {
  it('turns facts into phrases and sentences without changing their words', () => {
    const update = {
      ...realisticUpdate('timeouts', 'SEV2', 'update', runbook),
      symptom: 'saving and searching in the app time out.',
      teamAction: 'engineers are adding capacity now',
    };
    const vars = buildTemplateVariables(update, 'customer', runbook, { incidentId: 'i' });
    expect(vars.symptom).toBe('saving and searching in the app time out');
    expect(vars.symptomSentence).toBe('Saving and searching in the app time out.');
    expect(vars.teamAction).toBe('Engineers are adding capacity now.');
    expect(vars.impact).toBe(runbook.incidentTypes.timeouts!.customerImpact);
    expect(vars.severityLabel).toBe('Major');
    expect(vars.statusLabel).toBe('Identified');
  });
});
