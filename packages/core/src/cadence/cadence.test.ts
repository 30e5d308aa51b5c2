import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { publishEvents, resolveEvents } from '../../test/cadence';
import { checkoutStart, t, testRunbook } from '../../test/support';
import { ValidationError } from '../errors';
import { applyEvent, type IncidentEventInput, type IncidentState, replay } from '../incident/index';
import { cadenceFor, checkpointDue, isOverdue, nextUpdateDue, planNextUpdateAt } from './index';

const runbook = testRunbook();

const apply = (state: IncidentState, ...events: IncidentEventInput[]): IncidentState =>
  events.reduce<IncidentState>((s, e) => applyEvent(s, e), state);

/** The checkout incident (SEV1, declared 14:10Z) after `publishEvents` at `minutes`. */
const publishedAt = (state: IncidentState, minutes: number, status?: 'identified' | 'monitoring') =>
  apply(state, ...publishEvents(state, runbook, t(minutes), status ? { status } : {}));

const setSeverity = (state: IncidentState, minutes: number, severity: 'SEV1' | 'SEV2' | 'SEV3') =>
  apply(state, { type: 'severity.set', at: t(minutes), actor: 'lee', severity });

/** The checkout incident at 14:15Z: declared, roles assigned, first facts confirmed (scope: some). */
const declared = (severity: 'SEV1' | 'SEV2' | 'SEV3' = 'SEV1'): IncidentState => {
  const [first, ...rest] = checkoutStart();
  return replay([{ ...first, severity } as IncidentEventInput, ...rest]);
};

/** Declared and roles assigned only: no checkpoint trigger pending yet. */
const quiet = (): IncidentState => replay(checkoutStart().slice(0, 2));

describe('cadenceFor', () => {
  it('follows the practice: 15 / 30 / 60 minutes by severity', () => {
    expect(cadenceFor(runbook, 'SEV1', 'investigating')).toBe(15);
    expect(cadenceFor(runbook, 'SEV2', 'identified')).toBe(30);
    expect(cadenceFor(runbook, 'SEV3', 'investigating')).toBe(60);
  });

  it('uses the slower monitoring rhythm once a fix is out, and none after resolution', () => {
    expect(cadenceFor(runbook, 'SEV1', 'monitoring')).toBe(30);
    expect(cadenceFor(runbook, 'SEV2', 'monitoring')).toBe(60);
    expect(cadenceFor(runbook, 'SEV1', 'resolved')).toBeNull();
  });

  it('reads the rhythm from the runbook', () => {
    const custom = testRunbook({ cadence: { minutes: { SEV1: 10 }, monitoringMinutes: { SEV1: 20 } } });
    expect(cadenceFor(custom, 'SEV1', 'identified')).toBe(10);
    expect(cadenceFor(custom, 'SEV1', 'monitoring')).toBe(20);
    expect(cadenceFor(custom, 'SEV2', 'identified')).toBe(30);
  });
});

describe('planNextUpdateAt', () => {
  it('promises a clean time: a SEV1 update at 9:14:47 ET promises 9:30, not 9:29:47', () => {
    expect(planNextUpdateAt(runbook, 'SEV1', 'investigating', '2026-03-03T14:14:47Z')).toBe(
      '2026-03-03T14:30:00Z',
    );
    expect(planNextUpdateAt(runbook, 'SEV1', 'investigating', '2026-03-03T14:15:00Z')).toBe(
      '2026-03-03T14:30:00Z',
    );
  });

  it('rounds up, never down, to the runbook boundary', () => {
    expect(planNextUpdateAt(runbook, 'SEV2', 'identified', '2026-03-03T14:11:00Z')).toBe(
      '2026-03-03T14:45:00Z',
    );
    const quarterHours = testRunbook({ cadence: { roundToMinutes: 15 } });
    expect(planNextUpdateAt(quarterHours, 'SEV1', 'identified', '2026-03-03T14:16:00Z')).toBe(
      '2026-03-03T14:45:00Z',
    );
  });

  it('uses the monitoring rhythm and promises nothing after resolution', () => {
    expect(planNextUpdateAt(runbook, 'SEV1', 'monitoring', '2026-03-03T14:50:00Z')).toBe(
      '2026-03-03T15:20:00Z',
    );
    expect(planNextUpdateAt(runbook, 'SEV1', 'resolved', '2026-03-03T14:50:00Z')).toBeUndefined();
  });

  it('is never earlier than the cadence and lands on a boundary less than one step later', () => {
    const start = Date.UTC(2026, 0, 1);
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 365 * 24 * 3600 }),
        fc.constantFrom('SEV1', 'SEV2', 'SEV3' as const),
        fc.constantFrom(1, 5, 10, 15, 30),
        (seconds, severity, round) => {
          const rb = round === 5 ? runbook : testRunbook({ cadence: { roundToMinutes: round } });
          const at = new Date(start + seconds * 1000).toISOString().replace('.000Z', 'Z');
          const planned = Date.parse(planNextUpdateAt(rb, severity, 'investigating', at)!);
          const earliest = start + seconds * 1000 + rb.cadence.minutes[severity]! * 60_000;
          expect(planned).toBeGreaterThanOrEqual(earliest);
          expect(planned - earliest).toBeLessThan(round * 60_000);
          expect(planned % (round * 60_000)).toBe(0);
        },
      ),
    );
  });

  it('rejects an instant that is not ISO-8601 UTC, naming the argument', () => {
    expect(() => planNextUpdateAt(runbook, 'SEV1', 'identified', '3 March 9:15')).toThrow(ValidationError);
    const thrown = (() => {
      try {
        planNextUpdateAt(runbook, 'SEV1', 'identified', '2026-03-03 14:15');
      } catch (error) {
        return error;
      }
    })();
    expect(thrown).toMatchObject({ code: 'input_invalid', problems: [{ path: 'publishedAt' }] });
  });
});

describe('nextUpdateDue', () => {
  it('before the first update, targets declaration plus the first-update target', () => {
    expect(nextUpdateDue(declared(), runbook, t(3))).toBe(t(15));
    const late = replay([{ ...checkoutStart()[0]!, at: '2026-03-03T14:11:30Z' }]);
    expect(nextUpdateDue(late, runbook, '2026-03-03T14:12:00Z')).toBe('2026-03-03T14:30:00Z');
  });

  it('after a publication, is the time that update promised', () => {
    const state = publishedAt(declared(), 12);
    expect(state.updates[0]?.nextUpdateAt).toBe(t(30));
    expect(nextUpdateDue(state, runbook, t(13))).toBe(t(30));
    const monitoring = publishedAt(state, 28, 'monitoring');
    expect(nextUpdateDue(monitoring, runbook, t(29))).toBe(t(60));
  });

  it('falls back to publishedAt plus the cadence when an update promised no time', () => {
    const state = declared();
    const events = publishEvents(state, runbook, t(12));
    const published = events.at(-1) as Extract<IncidentEventInput, { type: 'update.published' }>;
    const { nextUpdateAt: _omitted, ...update } = published.update;
    const after = apply(state, ...events.slice(0, -1), { ...published, update });
    expect(nextUpdateDue(after, runbook, t(13))).toBe(t(30));
  });

  it('re-plans at once when severity is raised after the last publication', () => {
    const sev3 = publishedAt(declared('SEV3'), 10);
    expect(nextUpdateDue(sev3, runbook, t(11))).toBe(t(70));
    const raised = setSeverity(sev3, 21, 'SEV1');
    // 14:31 + 15 = 14:46, rounded up to 14:50; earlier than the 15:20 promised.
    expect(nextUpdateDue(raised, runbook, t(21))).toBe(t(40));
  });

  it('keeps a time already promised when severity is lowered', () => {
    const sev1 = publishedAt(declared('SEV1'), 10);
    const lowered = setSeverity(sev1, 12, 'SEV3');
    expect(nextUpdateDue(lowered, runbook, t(12))).toBe(t(25));
  });

  it('brings the first update forward when severity is raised before it', () => {
    const state = setSeverity(declared('SEV3'), 6, 'SEV1');
    expect(nextUpdateDue(state, runbook, t(6))).toBe(t(15));
    const slowFirst = testRunbook({ cadence: { firstUpdateTargetMinutes: 60 } });
    // 14:16 + 15 = 14:31, rounded up to 14:35, before the 15:10 target.
    expect(nextUpdateDue(state, slowFirst, t(6))).toBe(t(25));
  });

  it('ignores a severity change that a later publication already took into account', () => {
    const state = publishedAt(setSeverity(declared('SEV3'), 6, 'SEV1'), 8);
    expect(nextUpdateDue(state, runbook, t(9))).toBe(t(25));
  });

  it('is null once resolved', () => {
    const state = apply(publishedAt(declared(), 12), ...resolveEvents(t(40)));
    expect(nextUpdateDue(state, runbook, t(41))).toBeNull();
  });

  it('rejects a `now` that is not an ISO-8601 UTC instant', () => {
    expect(() => nextUpdateDue(declared(), runbook, 'soon')).toThrow(ValidationError);
  });
});

describe('isOverdue', () => {
  const state = publishedAt(declared(), 12); // due 14:40Z

  it('is on time before the due instant', () => {
    expect(isOverdue(state, runbook, t(29))).toEqual({ overdue: false, minutesLate: 0, dueAt: t(30) });
  });

  it('is overdue from the due instant, counting whole minutes late', () => {
    expect(isOverdue(state, runbook, t(30))).toEqual({ overdue: true, minutesLate: 0, dueAt: t(30) });
    expect(isOverdue(state, runbook, '2026-03-03T14:47:30Z')).toEqual({
      overdue: true,
      minutesLate: 7,
      dueAt: t(30),
    });
  });

  it('is on time again once a new update is published', () => {
    const later = publishedAt(state, 33);
    expect(isOverdue(later, runbook, t(34))).toEqual({ overdue: false, minutesLate: 0, dueAt: t(50) });
  });

  it('is never overdue after resolution', () => {
    const resolved = apply(state, ...resolveEvents(t(29)));
    expect(isOverdue(resolved, runbook, t(90))).toEqual({ overdue: false, minutesLate: 0, dueAt: null });
  });
});

describe('checkpointDue', () => {
  it('is due every 30 minutes after the declaration', () => {
    expect(checkpointDue(quiet(), runbook, t(29))).toEqual({ due: false, dueAt: t(30), reasons: [] });
    expect(checkpointDue(quiet(), runbook, t(31))).toEqual({
      due: true,
      dueAt: t(30),
      reasons: [{ reason: 'interval', at: t(30) }],
    });
  });

  it('counts the interval from the last checkpoint held', () => {
    const held = apply(quiet(), { type: 'checkpoint.held', at: t(32), actor: 'dana' });
    expect(checkpointDue(held, runbook, t(33))).toEqual({ due: false, dueAt: t(62), reasons: [] });
    const custom = testRunbook({ cadence: { checkpointMinutes: 20 } });
    expect(checkpointDue(held, custom, t(52)).due).toBe(true);
  });

  it('is due at once when a workaround is found, and the checkpoint clears it', () => {
    const found = apply(quiet(), {
      type: 'workaround.found',
      at: t(12),
      actor: 'lee',
      workaround: 'Pay by bank transfer from the order page.',
    });
    expect(checkpointDue(found, runbook, t(12))).toEqual({
      due: true,
      dueAt: t(12),
      reasons: [{ reason: 'workaround-found', at: t(12) }],
    });
    const held = apply(found, { type: 'checkpoint.held', at: t(14), actor: 'dana' });
    expect(checkpointDue(held, runbook, t(14))).toEqual({ due: false, dueAt: t(44), reasons: [] });
  });

  it('lists every pending reason: scope change, recovery started, and the interval once reached', () => {
    const state = apply(
      quiet(),
      { type: 'scope.changed', at: t(20), actor: 'lee', scope: 'many' },
      { type: 'recovery.started', at: t(25), actor: 'alex' },
    );
    expect(checkpointDue(state, runbook, t(31))).toEqual({
      due: true,
      dueAt: t(20),
      reasons: [
        { reason: 'interval', at: t(30) },
        { reason: 'scope-changed', at: t(20) },
        { reason: 'recovery-started', at: t(25) },
      ],
    });
  });

  it('is never due after resolution', () => {
    const resolved = apply(quiet(), ...resolveEvents(t(20)));
    expect(checkpointDue(resolved, runbook, t(90))).toEqual({ due: false, dueAt: null, reasons: [] });
  });
});
