/**
 * `examples/incident-log.sample.json` is a log the library itself writes (built through the
 * reducer, approval requests and `publish`), and the README's `review` and `lint --incident`
 * commands work on it out of the box.
 * Regenerate after a deliberate change: `UPDATE_SAMPLE_LOG=1 npx vitest run packages/cli/src/sample-log.test.ts`.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { eventSchema, type IncidentEventInput, replay, statusUpdateSchema } from '@incident-comms/core';
import { loadRunbook } from '@incident-comms/core/node';
import { describe, expect, it } from 'vitest';
import { cli, exampleRunbook, sampleLog } from './cli.test-support';
import { buildSampleIncidentLog } from './sample-log.test-support';

describe('examples/incident-log.sample.json', () => {
  it('is exactly what core writes for the sample checkout incident', async () => {
    const built = buildSampleIncidentLog(await loadRunbook(exampleRunbook));
    if (process.env.UPDATE_SAMPLE_LOG) await writeFile(sampleLog, `${JSON.stringify(built, null, 2)}\n`);
    const shipped = JSON.parse(await readFile(sampleLog, 'utf8')) as IncidentEventInput[];
    expect(shipped).toEqual(built);
  });

  it('is a valid log with the events a support lead expects', async () => {
    const events = JSON.parse(await readFile(sampleLog, 'utf8')) as unknown[];
    for (const event of events) expect(eventSchema.safeParse(event).success).toBe(true);
    const types = events.map((e) => (e as { type: string }).type);
    for (const type of [
      'declared',
      'roles.assigned',
      'facts.confirmed',
      'draft.created',
      'approval.requested',
      'approval.granted',
      'update.published',
      'recovery.confirmed',
    ])
      expect(types).toContain(type);
    expect(types.filter((t) => t === 'question.logged')).toHaveLength(3);
    const state = replay(events as IncidentEventInput[]);
    expect(state.status).toBe('resolved');
    expect(state.updates.map((u) => u.status)).toEqual(['investigating', 'resolved']);
    for (const update of state.updates) expect(statusUpdateSchema.safeParse(update).success).toBe(true);
  });

  it('incident-comms review works on it with the example runbook', async () => {
    const { code, stdout, stderr } = await cli(['review', sampleLog, '--runbook', exampleRunbook]);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    expect(stdout).toMatch(/^# Review: Card payments failing at checkout/);
    expect(stdout).toContain('double charges');
  });

  it('incident-comms lint --incident checks a draft against its confirmed facts', async () => {
    const argv = (kind: string) => [
      'lint',
      '--kind',
      kind,
      '--incident',
      sampleLog,
      '--runbook',
      exampleRunbook,
      '--now',
      '2026-03-03T14:40:00Z',
      '--format',
      'json',
    ];
    // Recovery is confirmed in the log, so a resolved message may say it works again.
    const resolved = await cli(
      argv('resolved'),
      'Card payments at checkout have worked normally again since 9:29 AM ET. If a payment failed earlier today, you can place the order again now.',
    );
    expect(resolved.stderr).toBe('');
    expect(JSON.parse(resolved.stdout)[0].diagnostics).toEqual([]);
    expect(resolved.code).toBe(0);
    const guess = await cli(
      argv('update'),
      'It was probably our payment provider. Everything should be back in 10 minutes.',
    );
    expect(guess.code).toBe(1);
    const rules = JSON.parse(guess.stdout)[0].diagnostics.map((d: { ruleId: string }) => d.ruleId);
    expect(rules).toEqual(expect.arrayContaining(['no-cause-speculation', 'no-fix-time-promise']));
  });
});
