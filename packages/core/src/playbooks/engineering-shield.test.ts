import { describe, expect, it } from 'vitest';
import { apply, checkoutWithUpdate } from '../../test/playbooks-support';
import { t, testRunbook } from '../../test/support';
import { ValidationError } from '../errors';
import type { IncidentEventInput } from '../incident/index';
import { engineeringShield } from './engineering-shield';

const runbook = testRunbook();
const ask = (minutes: number, question: string, topic: string, by = 'tom'): IncidentEventInput => ({
  type: 'question.logged',
  at: t(minutes),
  actor: by,
  question,
  topic,
  from: by === 'tom' ? 'support-reply' : 'sales-active-deal',
});
const checkpoint = (minutes: number): IncidentEventInput => ({
  type: 'checkpoint.held',
  at: t(minutes),
  actor: 'dana',
});

describe('engineeringShield in the checkout example', () => {
  // Facts (scope: some) confirmed at 9:15 bring the first checkpoint forward; it is held at 9:21.
  const asked = apply(
    checkoutWithUpdate(),
    ask(9, 'Was I charged twice?', 'billing'),
    ask(10, 'Is our data safe?', 'data-safety', 'priya'),
    checkpoint(11),
    ask(12, 'Will I be billed again?', 'billing'),
    ask(13, 'Any ETA?', 'timing'),
    ask(14, 'Charged twice?', 'billing'),
  );

  it.each([
    [
      'before the first checkpoint: the scope change makes it due now',
      apply(checkoutWithUpdate(), ask(9, 'Was I charged twice?', 'billing')),
      t(10),
      { checkpointDueNow: true, nextCheckpointAt: t(5), newQuestionCount: 1 },
    ],
    [
      'after a checkpoint: the next is 30 minutes later',
      asked,
      t(20),
      { checkpointDueNow: false, nextCheckpointAt: t(41), lastCheckpointAt: t(11), newQuestionCount: 3 },
    ],
    ['at the 30-minute mark', asked, t(41), { checkpointDueNow: true, nextCheckpointAt: t(41) }],
  ] as const)('%s', (_, state, now, expected) => {
    expect(engineeringShield(state, runbook, now)).toMatchObject(expected);
  });

  it('batches only the questions asked since the last checkpoint, by topic, most asked first', () => {
    const shield = engineeringShield(asked, runbook, t(20));
    expect(shield.batches.map((b) => [b.topic, b.count])).toEqual([
      ['billing', 2],
      ['timing', 1],
    ]);
    expect(shield.batches[0]?.questions.map((q) => q.question)).toEqual([
      'Will I be billed again?',
      'Charged twice?',
    ]);
  });

  it('raises a symptom the incident does not cover as a new symptom, apart from the topic counts', () => {
    const signIn = 'Our shoppers cannot pay by card, and a few say they cannot sign in to their accounts.';
    const reported = apply(
      asked,
      ask(16, signIn, 'sign-in'),
      ask(17, 'Card payment declined again', 'billing'),
    );
    const shield = engineeringShield(reported, runbook, t(20));
    expect(shield.newSymptoms).toEqual([
      {
        type: 'sign-in',
        name: runbook.incidentTypes['sign-in']!.name,
        questions: [expect.objectContaining({ question: signIn })],
      },
    ]);
    // Checkout is the incident's own symptom: reported again, it is not new.
    expect(shield.newSymptoms.map((s) => s.type)).not.toContain('checkout');
    // Once the checkpoint has been held, the report is no longer new.
    const held = apply(reported, checkpoint(21));
    expect(engineeringShield(held, runbook, t(22)).newSymptoms).toEqual([]);
  });

  it('reports no new symptom when the questions only repeat the known one', () => {
    expect(engineeringShield(asked, runbook, t(20)).newSymptoms).toEqual([]);
  });

  it('routes questions to the communication owner, or the backup while the owner is out', () => {
    expect(engineeringShield(asked, runbook, t(20)).routeTo).toEqual({ id: 'dana', name: 'Dana' });
    const out = apply(asked, {
      type: 'availability.changed',
      at: t(15),
      actor: 'lee',
      personId: 'dana',
      available: false,
    });
    expect(engineeringShield(out, runbook, t(20)).routeTo).toEqual({ id: 'sam', name: 'Sam' });
  });

  it('brings the checkpoint forward when a workaround is found', () => {
    const workaround = apply(asked, {
      type: 'workaround.found',
      at: t(18),
      actor: 'lee',
      workaround: 'Customers can pay by bank transfer from the order page.',
    });
    expect(engineeringShield(workaround, runbook, t(19))).toMatchObject({
      checkpointDueNow: true,
      nextCheckpointAt: t(18),
      dueReasons: [{ reason: 'workaround-found', at: t(18) }],
    });
  });

  it('reads the checkpoint interval from the runbook', () => {
    const hourly = testRunbook({ cadence: { checkpointMinutes: 60 } });
    expect(engineeringShield(asked, hourly, t(20)).nextCheckpointAt).toBe(t(71));
  });

  it('rejects a `now` that is not an ISO-8601 UTC instant', () => {
    expect(() => engineeringShield(asked, runbook, 'now')).toThrow(ValidationError);
  });
});
