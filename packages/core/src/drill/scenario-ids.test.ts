import { describe, expect, it } from 'vitest';
import { testRunbook } from '../../test/support';
import { DrillScenarioError } from './errors';
import { parseDrillScenario, runDrill } from './index';

const level = (id: string, cadenceMinutes: number, when?: unknown[]) => ({
  id,
  label: id,
  customerImpact: `Impact at ${id}.`,
  responseSpeed: `Every ${cadenceMinutes} minutes.`,
  cadenceMinutes,
  ...(when ? { when } : {}),
});

const invoicing = testRunbook({
  severities: [
    level('P1', 10, [{ customersAtLeast: 'many' }]),
    level('P2', 30, [{ noWorkaround: true }]),
    level('P3', 60),
  ],
  incidentTypes: {
    'invoices-not-sending': {
      name: 'Invoices not sending',
      symptom: 'invoices are not being sent',
      productArea: 'invoicing',
      customerImpact: 'Invoices stay unsent.',
    },
  },
});

// A scenario in the invoicing company's own words: its ladder and its incident type.
const scenario = parseDrillScenario({
  id: 'invoices',
  title: 'Invoices stuck',
  briefing: 'Invoices are not going out.',
  startsAt: '2026-03-03T14:10:00Z',
  timeline: [
    {
      at: 0,
      type: 'declared',
      title: 'Invoices not sending',
      incidentType: 'invoices-not-sending',
      severity: 'P2',
    },
    { at: 2, type: 'facts.confirmed', facts: { symptom: 'invoices are not being sent', scope: 'some' } },
    { at: 5, type: 'severity.set', severity: 'P1' },
  ],
  prompts: [
    {
      id: 'first',
      at: 6,
      role: 'communicationOwner',
      audience: 'customer',
      kind: 'initial',
      instructions: 'Send the first customer note.',
    },
  ],
});

describe('a drill on a runbook with its own ladder and incident types', () => {
  it('loads a scenario that names them, and runs it on the runbook that defines them', () => {
    const result = runDrill(
      scenario,
      [
        {
          promptId: 'first',
          participant: 'Tom',
          sentAt: '2026-03-03T14:12:00Z',
          text: 'We are investigating a problem where invoices are not being sent. Next update by 9:25 AM ET.',
        },
      ],
      invoicing,
    );
    expect(result.participants.map((p) => p.participant)).toEqual(['Tom']);
  });

  it('refuses to run it on a runbook without them, naming each path', () => {
    try {
      runDrill(scenario, [], testRunbook());
      throw new Error('expected a DrillScenarioError');
    } catch (error) {
      expect(error).toBeInstanceOf(DrillScenarioError);
      expect((error as DrillScenarioError).problems.map((p) => p.path)).toEqual([
        'timeline.0.severity',
        'timeline.0.incidentType',
        'timeline.2.severity',
      ]);
      expect((error as DrillScenarioError).message).toContain(
        "a severity on the runbook's ladder (SEV1, SEV2, SEV3)",
      );
    }
  });
});
