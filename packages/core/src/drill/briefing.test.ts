import { describe, expect, it } from 'vitest';
import { testRunbook } from '../../test/support';
import { DrillScenarioError } from './errors';
import { drillBriefing, drillTimeZone, parseDrillScenario } from './index';

const input = {
  id: 'brief-checkout',
  title: 'Checkout failing',
  briefing: 'Card payments fail on a Tuesday morning.',
  startsAt: '2026-03-03T14:10:00Z',
  timeline: [
    { at: 0, type: 'declared', title: 'Card payments failing', incidentType: 'checkout', severity: 'SEV1' },
  ],
  prompts: [
    {
      id: 'first-customer-update',
      title: 'First customer update',
      at: 4,
      role: 'communicationOwner',
      audience: 'customer',
      kind: 'initial',
      instructions: 'Send the first note to customers.',
    },
    {
      id: 'sales-note',
      at: 20,
      role: 'sales',
      audience: 'sales-active-deal',
      kind: 'update',
      instructions: 'Tell a prospect about the demo.',
      respondWithinMinutes: 15,
    },
  ],
};

describe('drillTimeZone', () => {
  it("takes the scenario's zone, else the runbook's customer zone, else its default", () => {
    const runbook = testRunbook({
      timeZones: { default: 'UTC', audiences: { customer: 'Europe/Berlin' } },
    });
    expect(drillTimeZone({ timeZone: 'America/New_York' }, runbook)).toBe('America/New_York');
    expect(drillTimeZone({}, runbook)).toBe('Europe/Berlin');
    expect(drillTimeZone({}, testRunbook({ timeZones: { default: 'Asia/Tokyo' } }))).toBe('Asia/Tokyo');
  });

  it('refuses a zone that is not an IANA name, naming the path', () => {
    const error = (() => {
      try {
        parseDrillScenario({ ...input, timeZone: 'Eastern' });
      } catch (e) {
        return e as DrillScenarioError;
      }
    })();
    expect(error).toBeInstanceOf(DrillScenarioError);
    expect(error?.problems.map((p) => p.path)).toEqual(['timeZone']);
  });
});

describe('drillBriefing', () => {
  const scenario = parseDrillScenario({ ...input, timeZone: 'America/New_York' });
  const briefing = drillBriefing(scenario, testRunbook());

  it("gives each prompt's clock time and answer-by time in the drill's zone", () => {
    expect(briefing.timeZone).toBe('America/New_York');
    expect(briefing.startsAt).toBe('9:10 AM ET');
    expect(briefing.prompts.map((p) => [p.id, p.minute, p.at, p.clockTime, p.answerBy, p.roleWords])).toEqual(
      [
        [
          'first-customer-update',
          4,
          '2026-03-03T14:14:00Z',
          '9:14 AM ET',
          '9:24 AM ET',
          'the communication owner',
        ],
        ['sales-note', 20, '2026-03-03T14:30:00Z', '9:30 AM ET', '9:45 AM ET', 'sales'],
      ],
    );
  });

  it('prints clock times and plain role words, never a bare minute or a role id', () => {
    expect(briefing.text).toContain(
      'The drill starts at 9:10 AM ET (minute 0). Every time below is in America/New_York.',
    );
    expect(briefing.text).toContain(
      '9:14 AM ET (minute 4), for the communication owner: First customer update (first-customer-update; customer, initial). Answer by 9:24 AM ET.',
    );
    expect(briefing.text).not.toContain('communicationOwner');
  });

  it("follows the runbook's customer zone when the scenario names none", () => {
    const berlin = drillBriefing(
      parseDrillScenario(input),
      testRunbook({ timeZones: { audiences: { customer: 'Europe/Berlin' } } }),
    );
    expect(berlin.prompts[0]?.clockTime).toBe('15:14 CET');
  });
});
