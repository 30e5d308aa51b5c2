import { describe, expect, it } from 'vitest';
import { testRunbook } from '../../test/support';
import { ValidationError } from '../errors';
import { type DrillResponse, parseDrillScenario, runDrill, scenarioInstant } from './index';

/** Checkout fails at 14:10 UTC (SEV1, every 15 minutes); recovery starts at 30 and is confirmed at 40. */
const scenario = parseDrillScenario({
  id: 'unit-checkout',
  title: 'Checkout failing',
  briefing: 'Card payments fail.',
  startsAt: '2026-03-03T14:10:00Z',
  keywords: ['checkout', 'card payments'],
  timeline: [
    { at: 0, type: 'declared', title: 'Card payments failing', incidentType: 'checkout', severity: 'SEV1' },
    {
      at: 2,
      type: 'facts.confirmed',
      facts: { symptom: 'card payments at checkout are failing', scope: 'some' },
    },
    { at: 30, type: 'recovery.started' },
    { at: 40, type: 'recovery.confirmed', customerCheck: 'placed a real card order' },
  ],
  prompts: [
    {
      id: 'internal',
      at: 3,
      role: 'communicationOwner',
      audience: 'internal',
      kind: 'update',
      instructions: 'Update.',
    },
    {
      id: 'monitoring',
      at: 32,
      role: 'communicationOwner',
      audience: 'internal',
      kind: 'update',
      instructions: 'Update.',
    },
    {
      id: 'resolved',
      at: 35,
      role: 'communicationOwner',
      audience: 'customer',
      kind: 'resolved',
      instructions: 'Close.',
      respondWithinMinutes: 30,
    },
  ],
});
const runbook = testRunbook();
const at = (minute: number) => scenarioInstant(scenario.startsAt, minute);
const internal = (text: string, minute = 5, extra: Partial<DrillResponse> = {}): DrillResponse => ({
  promptId: 'internal',
  participant: 'Dana',
  sentAt: at(minute),
  text,
  ...extra,
});
const GOOD_INTERNAL =
  'Card payments at checkout are failing for some customers. The cause is not confirmed yet. Dana owns the next update, due at 14:30 UTC.';
const criterion = (result: ReturnType<typeof runDrill>, name: string, index = 0) =>
  result.responses[index]!.criteria.find((c) => c.criterion === name);

describe('runDrill scoring in the repeated hour (New York, 2026-11-01)', () => {
  // Declared at 1:35 AM EDT; an answer sent at 05:45Z (1:45 AM EDT) is due 15 minutes later, at
  // 06:00Z: the second 1:00 AM of the night, 1:00 AM EST.
  const fallBack = parseDrillScenario({ ...scenario, startsAt: '2026-11-01T05:35:00Z' });
  const eastern = testRunbook({ timeZones: { default: 'America/New_York' } });
  const answer = (time: string) =>
    runDrill(
      fallBack,
      [
        {
          promptId: 'internal',
          participant: 'Dana',
          sentAt: scenarioInstant(fallBack.startsAt, 10),
          text: `Card payments at checkout are failing for some customers. The cause is not confirmed yet. Dana owns the next update, due at ${time}.`,
        },
      ],
      eastern,
    );

  it('scores a correct "1:00 AM EST" in full', () => {
    const result = answer('1:00 AM EST');
    expect(result.responses[0]).toMatchObject({ score: 100, expectedNextUpdateAt: '2026-11-01T06:00:00Z' });
    expect(criterion(result, 'nextUpdate')).toMatchObject({ points: 20, passed: true });
  });

  it('scores the first 1:00 AM ("1:00 AM EDT", already passed) as a wrong time', () => {
    const result = answer('1:00 AM EDT');
    expect(criterion(result, 'nextUpdate')).toMatchObject({ points: 0, passed: false });
    expect(criterion(result, 'nextUpdate')?.fixes.join(' ')).toContain('1:00 AM EST');
  });
});

describe('runDrill scoring', () => {
  it('gives 100 to a correct, on-time answer and says the rhythm it expected', () => {
    const result = runDrill(scenario, [internal(GOOD_INTERNAL)], runbook);
    expect(result.responses[0]).toMatchObject({
      score: 100,
      points: 100,
      max: 100,
      expectedNextUpdateAt: '2026-03-03T14:30:00Z',
    });
    expect(result.participants).toEqual([{ participant: 'Dana', score: 100, responses: 1, fixes: [] }]);
  });

  it('takes 15 lint points per error, with the flagged words and the rule', () => {
    const result = runDrill(
      scenario,
      [
        internal(
          GOOD_INTERNAL.replace(
            'The cause is not confirmed yet.',
            'It is probably caused by the card processor.',
          ),
        ),
      ],
      runbook,
    );
    expect(criterion(result, 'lint')).toMatchObject({ points: 25, max: 40, passed: false });
    expect(criterion(result, 'lint')?.fixes[0]).toMatch(/^"probably".*\(no-cause-speculation\)$/);
    expect(result.responses[0]?.score).toBe(85);
  });

  it('wants the symptom named', () => {
    const result = runDrill(
      scenario,
      [
        internal(
          'Something is wrong for some customers. The cause is not confirmed yet. Dana owns the next update, due at 14:30 UTC.',
        ),
      ],
      runbook,
    );
    expect(criterion(result, 'consistency')).toMatchObject({ points: 10, passed: false });
    expect(criterion(result, 'consistency')?.fixes).toEqual([
      'Say what is broken in customers\' words, e.g. "card payments at checkout are failing".',
    ]);
  });

  it('wants the next update on the rhythm from when the answer was sent, in the text and the form', () => {
    const late = runDrill(scenario, [internal(GOOD_INTERNAL, 7)], runbook); // 14:17 + 15 = 14:32 -> 14:35
    expect(late.responses[0]?.expectedNextUpdateAt).toBe('2026-03-03T14:35:00Z');
    expect(criterion(late, 'nextUpdate')?.fixes[0]).toMatch(
      /^The next update should be 14:35 UTC .*you wrote "14:30 UTC"\.$/,
    );
    const form = runDrill(
      scenario,
      [internal(GOOD_INTERNAL, 5, { nextUpdateAt: '2026-03-03T14:40:00Z' })],
      runbook,
    );
    expect(criterion(form, 'nextUpdate')?.fixes).toEqual([
      'The next update you set was 14:40 UTC; the rhythm says 14:30 UTC (every 15 minutes for SEV1 while investigating, from when you sent it, on a 5-minute mark).',
    ]);
    const right = runDrill(
      scenario,
      [internal(GOOD_INTERNAL, 5, { nextUpdateAt: '2026-03-03T14:30:00Z' })],
      runbook,
    );
    expect(criterion(right, 'nextUpdate')?.passed).toBe(true);
  });

  it('uses the slower monitoring rhythm once recovery has started', () => {
    const result = runDrill(
      scenario,
      [
        {
          promptId: 'monitoring',
          participant: 'Dana',
          sentAt: at(33),
          text: 'Card payments at checkout are recovering while we watch the fix. Dana owns the next update, due at 15:15 UTC.',
        },
      ],
      runbook,
    );
    expect(result.responses[0]?.expectedNextUpdateAt).toBe('2026-03-03T15:15:00Z'); // 14:43 + 30 -> 15:15
    expect(criterion(result, 'nextUpdate')?.passed).toBe(true);
  });

  it('judges the facts of the moment the answer was sent', () => {
    const text =
      'Card payments at checkout are fixed. You do not need to do anything. We will share a summary by 17:00 UTC.';
    const early = runDrill(
      scenario,
      [{ promptId: 'resolved', participant: 'Dana', sentAt: at(36), text }],
      runbook,
    );
    expect(early.responses[0]?.diagnostics.map((d) => d.ruleId)).toContain('no-premature-resolution');
    const after = runDrill(
      scenario,
      [{ promptId: 'resolved', participant: 'Dana', sentAt: at(41), text }],
      runbook,
    );
    expect(after.responses[0]?.diagnostics.map((d) => d.ruleId)).not.toContain('no-premature-resolution');
    // A resolved note promises no next update: 80 points available, scaled to 100.
    expect(after.responses[0]).toMatchObject({ max: 80, score: 100 });
  });

  it('scores lateness and answers sent before the prompt', () => {
    const result = runDrill(scenario, [internal(GOOD_INTERNAL, 14), internal(GOOD_INTERNAL, 2)], runbook);
    expect(criterion(result, 'onTime', 0)?.fixes).toEqual([
      'Sent at 14:24 UTC, 1 minute after the window closed (10 minutes from 14:13 UTC): a short note on time beats a perfect one late.',
    ]);
    expect(criterion(result, 'onTime', 1)?.fixes[0]).toMatch(/before the prompt appeared at 14:13 UTC/);
  });

  it('sums each participant over their answers and lists prompts nobody answered', () => {
    const result = runDrill(
      scenario,
      [
        internal(GOOD_INTERNAL),
        {
          ...internal(
            GOOD_INTERNAL.replace(
              ' The cause is not confirmed yet.',
              ' It is probably caused by the card processor.',
            ),
          ),
          participant: 'Ben',
        },
      ],
      runbook,
    );
    expect(result.participants.map((p) => [p.participant, p.score, p.responses])).toEqual([
      ['Ben', 85, 1],
      ['Dana', 100, 1],
    ]);
    expect(result.missedPrompts.map((p) => p.promptId)).toEqual(['monitoring', 'resolved']);
    expect(result.fixes).toEqual([
      'Nobody answered "monitoring" (for the communication owner, at 14:42 UTC): make sure every role has someone practising it.',
      'Nobody answered "resolved" (for the communication owner, at 14:45 UTC): make sure every role has someone practising it.',
      '1 of 2 answers had wording the linter flags (guesses, promises, vague or dramatic words): run drafts through the pre-send check.',
    ]);
  });

  it("gives the team's advice in the scenario's zone, not the runbook's default", () => {
    const eastern = parseDrillScenario({ ...scenario, timeZone: 'America/New_York' });
    const result = runDrill(eastern, [internal(GOOD_INTERNAL, 20)], runbook);
    expect(result.fixes[0]).toBe(
      'Nobody answered "monitoring" (for the communication owner, at 9:42 AM ET): make sure every role has someone practising it.',
    );
    const late = result.responses[0]!.criteria.find((c) => c.criterion === 'onTime')!;
    expect(late.fixes[0]).toMatch(
      /^Sent at 9:30 AM ET, 7 minutes after the window closed \(10 minutes from 9:13 AM ET\)/,
    );
  });

  it("without a scenario zone, uses the runbook's customer zone for the team's advice", () => {
    const customerEastern = testRunbook({ timeZones: { audiences: { customer: 'America/New_York' } } });
    const result = runDrill(scenario, [], customerEastern);
    expect(result.fixes[0]).toContain('(for the communication owner, at 9:13 AM ET)');
  });

  it('rejects malformed answers with path-named problems and scores nothing', () => {
    const error = (() => {
      try {
        runDrill(
          scenario,
          [
            internal(GOOD_INTERNAL),
            { ...internal(GOOD_INTERNAL), promptId: 'nope' },
            { ...internal(GOOD_INTERNAL), sentAt: '2026-03-03 14:20' },
            { ...internal(GOOD_INTERNAL), sentAt: '2026-03-03T13:00:00Z' },
          ],
          runbook,
        );
      } catch (e) {
        return e as ValidationError;
      }
    })();
    expect(error).toBeInstanceOf(ValidationError);
    expect(error?.problems.map((p) => p.path)).toEqual([
      'responses.1.promptId',
      'responses.2.sentAt',
      'responses.3.sentAt',
    ]);
  });
});
