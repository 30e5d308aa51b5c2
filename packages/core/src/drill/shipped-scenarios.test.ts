/**
 * The three shipped drill scenarios (packages/core/scenarios/*.yaml), each run with good
 * answers (full marks) and bad ones that must lose points for the right reasons.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseRunbook } from '../runbook/index';
import {
  type DrillCriterion,
  type DrillResponse,
  type DrillResult,
  drillBriefing,
  loadDrillScenario,
  runDrill,
  scenarioInstant,
} from './index';

const SCENARIOS = new URL('../../scenarios/', import.meta.url);
/** The example runbook: customers read Eastern time, account notes Berlin time, everyone else UTC. */
const runbook = parseRunbook(readFileSync(new URL('../../runbook.example.yaml', import.meta.url), 'utf8'));
const load = (name: string) =>
  loadDrillScenario(readFileSync(new URL(`${name}.yaml`, SCENARIOS), 'utf8'), `${name}.yaml`);

type Answer = Omit<DrillResponse, 'sentAt'> & { minute: number };
function drill(name: string, answers: Answer[]): DrillResult {
  const scenario = load(name);
  return runDrill(
    scenario,
    answers.map(({ minute, ...a }) => ({ ...a, sentAt: scenarioInstant(scenario.startsAt, minute) })),
    runbook,
  );
}

/** One answer's failed criteria and the lint rules that fired, for precise expectations. */
function verdict(result: DrillResult, promptId: string, participant: string) {
  const answer = result.responses.find((r) => r.promptId === promptId && r.participant === participant);
  if (!answer) throw new Error(`no answer to ${promptId} by ${participant}`);
  const failed = answer.criteria.filter((c) => !c.passed).map((c) => c.criterion);
  return {
    score: answer.score,
    failed: failed.sort() as DrillCriterion[],
    rules: [...new Set(answer.diagnostics.map((d) => d.ruleId))].sort(),
    fixes: answer.criteria.flatMap((c) => c.fixes),
  };
}

function expectFullMarks(result: DrillResult) {
  for (const r of result.responses) {
    expect({ prompt: r.promptId, score: r.score, fixes: r.criteria.flatMap((c) => c.fixes) }).toEqual({
      prompt: r.promptId,
      score: 100,
      fixes: [],
    });
  }
  expect(result.participants.every((p) => p.score === 100 && p.fixes.length === 0)).toBe(true);
  expect(result.missedPrompts).toEqual([]);
  expect(result.fixes).toEqual([]);
}

it('ships exactly the three scenarios, each loading cleanly', () => {
  const files = readdirSync(SCENARIOS)
    .filter((f) => f.endsWith('.yaml'))
    .sort();
  expect(files).toEqual(['checkout-payment-failure.yaml', 'delayed-data-sync.yaml', 'sign-in-failure.yaml']);
  for (const file of files) expect(load(file.replace('.yaml', '')).prompts.length).toBeGreaterThanOrEqual(4);
});

describe('the shipped scenarios are told in Eastern time', () => {
  it.each(['checkout-payment-failure', 'sign-in-failure', 'delayed-data-sync'])(
    '%s: every prompt has a clock time in ET',
    (name) => {
      const briefing = drillBriefing(load(name), runbook);
      expect(briefing.timeZone).toBe('America/New_York');
      for (const prompt of briefing.prompts) expect(prompt.clockTime).toMatch(/^\d{1,2}:\d{2} [AP]M ET$/);
    },
  );
});

describe('checkout-payment-failure', () => {
  const good: Answer[] = [
    {
      promptId: 'first-customer-update',
      participant: 'Dana',
      minute: 7,
      text:
        'Card payments at checkout are failing for some customers. Your order may not complete and you may see a payment error. ' +
        'Our engineers are working on the payment service now. If a payment fails, try it once more at most, then wait for our next update. ' +
        'Next update by 9:35 AM ET.',
    },
    {
      promptId: 'internal-update',
      participant: 'Dana',
      minute: 10,
      text:
        'Card payments at checkout are failing for some customers paying by card. We do not know yet whether our payment service ' +
        'or the card processor is at fault. Engineers are working on the payment service. Dana owns the next update, due at 14:35 UTC.',
    },
    {
      promptId: 'sales-prospect-reply',
      participant: 'Priya',
      minute: 14,
      text:
        'We have an active issue this morning: card payments at checkout are failing for some customers. The team is working on it now ' +
        'and the next update is at 14:40 UTC. Your trial setup does not depend on checkout, and I will send you that update as soon as it is posted.',
    },
    {
      promptId: 'workaround-update',
      participant: 'Dana',
      minute: 28,
      text:
        'Card payments at checkout are still failing for many customers in every region. You can complete your order by paying with ' +
        'bank transfer at checkout, which is working. Our engineers are working on the payment service. Next update by 9:55 AM ET.',
    },
    {
      promptId: 'resolved-note',
      participant: 'Dana',
      minute: 53,
      text:
        'Card payments at checkout are working again. Between 9:10 AM and 10:00 AM ET, many card payments failed and some orders did ' +
        'not complete. Service recovered at 10:00 AM ET and we confirmed card orders complete end to end. You do not need to do anything; ' +
        'if a failed payment left a pending charge, it will drop off. We will share a fuller summary by 2:00 PM ET.',
    },
  ];

  it('gives full marks to calm, specific, on-time answers', () => {
    expectFullMarks(drill('checkout-payment-failure', good));
  });

  it('takes points from guesses, promises, vague words, overstated scope, "soon" and lateness', () => {
    const result = drill('checkout-payment-failure', [
      ...good,
      {
        promptId: 'first-customer-update',
        participant: 'Sam',
        minute: 19,
        text:
          'We are aware of a situation affecting all customers. It is probably caused by our payment provider and should be ' +
          'fixed in 10 minutes. We will update you soon.',
      },
    ]);
    const sam = verdict(result, 'first-customer-update', 'Sam');
    expect(sam.failed).toEqual(['consistency', 'lint', 'nextUpdate', 'onTime']);
    expect(sam.rules).toEqual(
      expect.arrayContaining([
        'next-update-time',
        'no-cause-speculation',
        'no-fix-time-promise',
        'no-vague-language',
        'scope-accuracy',
      ]),
    );
    expect(sam.score).toBeLessThan(20);
    expect(sam.fixes.join('\n')).toMatch(/after the window closed/);
    expect(result.participants.find((p) => p.participant === 'Sam')?.fixes[0]).toMatch(
      /^First customer update: /,
    );
    expect(result.participants.find((p) => p.participant === 'Dana')?.score).toBe(100);
  });

  it('catches a missing workaround, a time in the wrong zone and an early "fixed" with a credit', () => {
    const result = drill('checkout-payment-failure', [
      {
        promptId: 'sales-prospect-reply',
        participant: 'Ben',
        minute: 14,
        text: 'Card payments at checkout are failing for some customers right now. The team is on it and the next update is at 9:40 AM ET.',
      },
      {
        promptId: 'workaround-update',
        participant: 'Sam',
        minute: 28,
        text:
          'Card payments at checkout are still failing for many customers. Our engineers are working on the payment service. ' +
          'Next update by 9:55 AM ET.',
      },
      {
        promptId: 'resolved-note',
        participant: 'Sam',
        minute: 45,
        text:
          'Card payments at checkout are fixed and everything is back to normal. We will credit every affected account ' +
          'with 10% off next month. You do not need to do anything.',
      },
    ]);
    const ben = verdict(result, 'sales-prospect-reply', 'Ben');
    expect(ben.failed).toEqual(['nextUpdate']);
    expect(ben.fixes[0]).toMatch(/UTC/);
    const workaround = verdict(result, 'workaround-update', 'Sam');
    expect(workaround.failed).toEqual(['consistency']);
    expect(workaround.fixes).toEqual([
      'Give the confirmed workaround: "Paying by bank transfer at checkout still works.".',
    ]);
    const resolved = verdict(result, 'resolved-note', 'Sam');
    expect(resolved.failed).toEqual(['lint', 'onTime']);
    expect(resolved.rules).toEqual(
      expect.arrayContaining(['no-compensation-offer', 'no-premature-resolution']),
    );
    expect(resolved.fixes.join('\n')).toMatch(/before the prompt appeared/);
    expect(result.missedPrompts.map((p) => p.promptId)).toEqual(['first-customer-update', 'internal-update']);
    expect(result.fixes[0]).toMatch(/^Nobody answered "First customer update"/);
  });
});

describe('sign-in-failure', () => {
  const good: Answer[] = [
    {
      promptId: 'first-customer-update',
      participant: 'Dana',
      minute: 6,
      text:
        'Some customers who use single sign-on cannot sign in and are sent back to the sign-in page. Engineers are checking the ' +
        'sign-in service now. If you are already signed in, stay signed in until our next update. Next update by 9:45 AM ET.',
    },
    {
      promptId: 'support-chat-reply',
      participant: 'Tom',
      minute: 12,
      text:
        'Thanks for your patience. Some customers who use single sign-on cannot sign in right now, and our engineers are checking ' +
        'the sign-in service. If you are already signed in, please stay signed in until our next update. ' +
        'We will post the next update by 9:50 AM ET.',
    },
    {
      promptId: 'renewal-reply',
      participant: 'Priya',
      minute: 17,
      text:
        'We are handling a sign-in issue: some customers who use single sign-on cannot sign in. Engineers are working on it now, ' +
        'and the next update is due at 13:55 UTC. I will send you that update, and once the incident is over I can share the ' +
        'incident notes for your review.',
    },
    {
      promptId: 'internal-update-after-escalation',
      participant: 'Dana',
      minute: 22,
      text:
        'Now SEV1: most customers cannot sign in, with single sign-on or a password. We do not know yet why sign-in requests ' +
        'are refused. Engineers are checking the sign-in service. Dana owns the next update, due at 13:45 UTC.',
    },
    {
      promptId: 'resolved-note',
      participant: 'Dana',
      minute: 51,
      text:
        'Sign-in is working again. From 9:05 AM to 9:53 AM ET many customers could not sign in, first with single sign-on and ' +
        'then with a password too. We confirmed both ways of signing in work from a fresh browser. You do not need to reset your ' +
        'password or do anything else. We will share a fuller summary by 3:00 PM ET.',
    },
  ];

  it('gives full marks to calm, specific, on-time answers', () => {
    expectFullMarks(drill('sign-in-failure', good));
  });

  it('takes points for "completely down", missing advice, a guessed cause, a fix time and jargon', () => {
    const result = drill('sign-in-failure', [
      {
        promptId: 'first-customer-update',
        participant: 'Sam',
        minute: 6,
        text: 'Login is completely down for all customers. Engineers are checking the sign-in service. Next update by 9:45 AM ET.',
      },
      {
        promptId: 'support-chat-reply',
        participant: 'Ines',
        minute: 12,
        text:
          'We suspect the SSO provider is returning 5xx errors. Some customers cannot sign in, and it should be fixed within the hour. ' +
          'If you are already signed in, stay signed in. Next update by 9:50 AM ET.',
      },
    ]);
    const first = verdict(result, 'first-customer-update', 'Sam');
    expect(first.failed).toEqual(['consistency']);
    expect(first.rules).toContain('scope-accuracy');
    expect(first.fixes.some((f) => f.startsWith('Tell customers what to do now, as confirmed:'))).toBe(true);
    const chat = verdict(result, 'support-chat-reply', 'Ines');
    expect(chat.failed).toEqual(['lint']);
    expect(chat.rules).toEqual(
      expect.arrayContaining(['no-cause-speculation', 'no-fix-time-promise', 'no-jargon']),
    );
  });

  it('expects the faster SEV1 rhythm once severity is raised', () => {
    const result = drill('sign-in-failure', [
      {
        promptId: 'internal-update-after-escalation',
        participant: 'Sam',
        minute: 22,
        // 13:27 UTC + 30 minutes (the old SEV2 rhythm) instead of + 15 (SEV1).
        text:
          'Now SEV1: most customers cannot sign in, with single sign-on or a password. We do not know yet why sign-in requests ' +
          'are refused. Sam owns the next update, due at 14:00 UTC.',
      },
    ]);
    const sam = verdict(result, 'internal-update-after-escalation', 'Sam');
    expect(sam.failed).toEqual(['nextUpdate']);
    expect(sam.fixes[0]).toMatch(
      /^The next update should be 13:45 UTC \(every 15 minutes for SEV1 while investigating/,
    );
    expect(sam.fixes[0]).toContain('you wrote "14:00 UTC"');
    expect(result.missedPrompts).toHaveLength(4);
  });
});

describe('delayed-data-sync', () => {
  const good: Answer[] = [
    {
      promptId: 'first-customer-update',
      participant: 'Dana',
      minute: 10,
      text:
        'New orders are missing from reports and dashboards while processing catches up. Your orders themselves are saved, so no ' +
        'action is needed. Engineers are speeding up the processing of the backlog. Next update by 9:10 AM ET.',
    },
    {
      promptId: 'account-note',
      participant: 'Zoe',
      minute: 20,
      text:
        'Hi Ana, a quick note from your account team. New orders since early this morning are missing from reports and dashboards ' +
        'because processing fell behind; the orders themselves are saved. Engineers are speeding up the backlog, and the next ' +
        'update is due at 15:20 CEST. No action is needed on your side; reply here and I will help with your month-end numbers.',
    },
    {
      promptId: 'workaround-reply',
      participant: 'Tom',
      minute: 35,
      text:
        "You cannot see today's orders in reports and dashboards yet, but they are saved. You can get them now with the export " +
        "on the Orders page, which includes every order, including today's. We will post the next update by 9:35 AM ET.",
    },
    {
      promptId: 'resolved-note',
      participant: 'Dana',
      minute: 95,
      text:
        'Reports and dashboards are up to date again. From early this morning until 9:30 AM ET, new orders were missing from ' +
        'reports while processing caught up; no orders were lost. We checked that a new order appears in the sales report within ' +
        'a minute. You do not need to do anything. We will share a fuller summary by 2:00 PM ET.',
    },
  ];

  it('gives full marks to calm, specific, on-time answers', () => {
    expectFullMarks(drill('delayed-data-sync', good));
  });

  it('takes points for vague apologies, credits, minimising, a wrong time and lateness', () => {
    const result = drill('delayed-data-sync', [
      {
        promptId: 'first-customer-update',
        participant: 'Sam',
        minute: 10,
        text: 'We are aware of a situation and apologize for any inconvenience this may cause. We will share more as we learn more.',
      },
      {
        promptId: 'account-note',
        participant: 'Kai',
        minute: 20,
        text:
          'Hi Ana, only a small number of customers have reports missing new orders, and we will credit your account for the ' +
          'trouble. Engineers are on it; next update at 15:20 CEST.',
      },
      {
        promptId: 'workaround-reply',
        participant: 'Ines',
        minute: 35,
        nextUpdateAt: '2026-05-06T13:00:00Z',
        text: "You cannot see today's orders in reports and dashboards yet, but they are saved. We will post the next update by 9:35 AM ET.",
      },
      { promptId: 'resolved-note', participant: 'Sam', minute: 115, text: good[3]!.text },
    ]);
    const first = verdict(result, 'first-customer-update', 'Sam');
    expect(first.failed).toEqual(['consistency', 'lint', 'nextUpdate']);
    expect(first.rules).toEqual(
      expect.arrayContaining(['next-update-time', 'no-boilerplate-apology', 'no-vague-language']),
    );
    const note = verdict(result, 'account-note', 'Kai');
    expect(note.failed).toEqual(['consistency', 'lint']);
    expect(note.rules).toEqual(expect.arrayContaining(['no-compensation-offer', 'scope-accuracy']));
    const reply = verdict(result, 'workaround-reply', 'Ines');
    expect(reply.failed).toEqual(['consistency', 'nextUpdate']);
    expect(reply.fixes).toContain(
      'Give the confirmed workaround: "The export on the Orders page includes every order, including today\'s.".',
    );
    expect(
      reply.fixes.some((f) =>
        f.startsWith('The next update you set was 9:00 AM ET; the rhythm says 9:35 AM ET'),
      ),
    ).toBe(true);
    const late = verdict(result, 'resolved-note', 'Sam');
    expect(late).toMatchObject({ failed: ['onTime'], score: 75 });
    // Ines: lint 40 + consistency 13 (2 of 3 checks) + next update 0 + on time 20 = 73 of 100.
    expect(result.participants.map((p) => [p.participant, p.score])).toEqual([
      ['Ines', 73],
      ['Kai', expect.any(Number)],
      ['Sam', expect.any(Number)],
    ]);
  });
});
