import { AUDIENCES, defineRunbook, MESSAGE_KINDS, type Runbook } from '@incident-comms/core';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { runbookInput } from '../../core/test/support';
import { checkRunbookTemplates, renderAll, sampleStatusUpdate } from './index';

const INVOICES = {
  name: 'Invoices not sending',
  symptom: 'invoices are not being sent',
  productArea: 'invoicing',
  customerImpact: 'Invoices you issue stay unsent, and your customers do not receive them.',
  phrases: {
    affectedFlow: 'sending invoices',
    experienced: 'invoices that stayed unsent',
    afterRecovery: 'Invoices that were held have now been sent; you do not need to send them again.',
  },
};

const invoicing = (extra: Record<string, unknown> = {}): Runbook =>
  defineRunbook(runbookInput({ incidentTypes: { 'invoices-not-sending': INVOICES }, ...extra }), {
    checks: [checkRunbookTemplates],
  });

/** Every audience's message of every kind for one incident type, as `renderAll` releases them. */
function everyMessage(runbook: Runbook, incidentType: string, severity = runbook.severityLadder[0]!.id) {
  return MESSAGE_KINDS.flatMap((kind) =>
    renderAll(sampleStatusUpdate(incidentType, severity, kind, runbook), runbook, {
      incidentId: 'inc-1',
    }),
  );
}

describe('a runbook-defined incident type', () => {
  it("renders its symptom in every audience's message of every kind, resolved included", () => {
    const messages = everyMessage(invoicing(), 'invoices-not-sending');
    expect(messages).toHaveLength(MESSAGE_KINDS.length * AUDIENCES.length);
    for (const m of messages) {
      expect(m.text.toLowerCase(), `${m.kind}/${m.audience}`).toContain('invoices are not being sent');
    }
  });

  it("words the resolved messages from its own phrases, never another type's", () => {
    const resolved = everyMessage(invoicing(), 'invoices-not-sending').filter((m) => m.kind === 'resolved');
    const customer = resolved.find((m) => m.audience === 'customer')!;
    expect(customer.text).toContain('may have seen invoices that stayed unsent');
    expect(customer.text).toContain('Invoices that were held have now been sent');
    for (const m of resolved) expect(m.text).not.toMatch(/checkout|sign in|syncs/i);
  });

  it('derives missing phrases from its own definition', () => {
    const { phrases: _phrases, ...bare } = INVOICES;
    const rb = defineRunbook(runbookInput({ incidentTypes: { 'invoices-not-sending': bare } }));
    expect(rb.incidentTypes['invoices-not-sending']!.phrases).toEqual({
      affectedFlow: 'invoicing',
      experienced: 'problems with invoicing',
      afterRecovery: expect.stringContaining('You do not need to do anything'),
    });
    const prospect = everyMessage(rb, 'invoices-not-sending').find(
      (m) => m.kind === 'initial' && m.audience === 'sales-prospect',
    )!;
    expect(prospect.text).toContain('If our demo depends on invoicing');
  });

  it('replaces a renamed default type whole: its new words go out, the old ones never', () => {
    const rb = defineRunbook(
      runbookInput({
        incidentTypes: {
          'sync-stopped': {
            name: 'Bank feed stopped',
            symptom: 'bank feeds have stopped updating',
            productArea: 'bank feeds',
            customerImpact: 'New bank transactions do not appear.',
          },
        },
      }),
    );
    for (const m of everyMessage(rb, 'sync-stopped')) {
      expect(m.text, `${m.kind}/${m.audience}`).not.toMatch(/email and integration syncs|calendar/i);
      expect(m.text.toLowerCase()).toContain('bank feeds have stopped updating');
    }
  });

  it('takes a template override for its own id and refuses one for an id nobody defined', () => {
    const rb = invoicing({
      templates: {
        'resolved/customer/invoices-not-sending': {
          body: 'Invoices are going out again since {{recoveredTime}}. {{afterRecovery}}',
        },
      },
    });
    const customer = everyMessage(rb, 'invoices-not-sending').find(
      (m) => m.kind === 'resolved' && m.audience === 'customer',
    )!;
    expect(customer.templateId).toBe('resolved/customer/invoices-not-sending');
    expect(() =>
      invoicing({ templates: { 'resolved/customer/invoices-not-sent': { body: '{{afterRecovery}}' } } }),
    ).toThrow(
      /templates\.resolved\/customer\/invoices-not-sent: expected an incident type the runbook defines/,
    );
  });

  it('names the symptom in every message for any type id and symptom a runbook may write', () => {
    const word = fc.stringMatching(/^[a-z]{3,9}$/);
    fc.assert(
      fc.property(
        fc.array(word, { minLength: 1, maxLength: 3 }).map((w) => w.join('-')),
        fc.array(word, { minLength: 3, maxLength: 7 }).map((w) => w.join(' ')),
        word,
        (id, symptom, area) => {
          const rb = defineRunbook(
            runbookInput({
              incidentTypes: {
                [id]: {
                  name: `Problem ${id}`,
                  symptom,
                  productArea: area,
                  customerImpact: `Customers see ${symptom}.`,
                },
              },
            }),
          );
          for (const m of everyMessage(rb, id)) expect(m.text.toLowerCase()).toContain(symptom);
        },
      ),
      { seed: 1907, numRuns: 15 },
    );
  });

  it('refuses an unknown key in a definition and a malformed id, with the path', () => {
    expect(() =>
      defineRunbook(
        runbookInput({ incidentTypes: { 'invoices-not-sending': { ...INVOICES, colour: 'red' } } }),
      ),
    ).toThrow(/incidentTypes\.invoices-not-sending: .*colour/);
    expect(() =>
      defineRunbook(runbookInput({ incidentTypes: { 'Invoices Not Sending': INVOICES } })),
    ).toThrow(/incidentTypes/);
    expect(() =>
      defineRunbook(
        runbookInput({ incidentTypes: { 'invoices-not-sending': { ...INVOICES, symptom: '' } } }),
      ),
    ).toThrow(/incidentTypes\.invoices-not-sending\.symptom/);
  });
});
