/** The `@example` blocks of the public lint API, run as written. */
import { describe, expect, it } from 'vitest';
import {
  applyFixes,
  countWords,
  detectTopics,
  findClockTimes,
  lintConfigSchema,
  lintMessage,
  lintRules,
  resolveFacts,
  resolveWrittenClockTime,
  splitSentences,
} from '../index';

describe('documented examples', () => {
  it('lintMessage', () => {
    expect(
      lintMessage('Checkout is failing for some customers. It should be fixed in 10 minutes.', {
        kind: 'update',
        audience: 'customer',
        facts: { scope: 'some' },
      }).map((d) => `${d.severity} ${d.ruleId}`),
    ).toEqual(['error next-update-time', 'error no-fix-time-promise']);
  });

  it('applyFixes', () => {
    const text = 'Checkout is failing for some customers!!! Next update by 9:30 AM ET.';
    expect(applyFixes(text, lintMessage(text, { kind: 'update', audience: 'customer' }))).toBe(
      'Checkout is failing for some customers. Next update by 9:30 AM ET.',
    );
  });

  it('detectTopics', () => {
    expect(
      detectTopics('We will add a service credit. It should be fixed in 10 minutes.').map((m) => m.topic),
    ).toEqual(['compensation', 'fixTime']);
  });

  it('resolveFacts', () => {
    expect(resolveFacts({ kind: 'resolved', audience: 'customer' }).recoveryConfirmed).toBe(true);
    expect(resolveFacts({ kind: 'update', audience: 'customer' }).scope).toBe('unknown');
    expect(() => resolveFacts({ kind: 'update', audience: 'customer', timeZone: 'Mars/Base' })).toThrow(
      expect.objectContaining({ code: 'lint_context_invalid' }),
    );
  });

  it('findClockTimes and resolveWrittenClockTime', () => {
    const [t] = findClockTimes('Next update by 9:30 AM ET.');
    expect(t).toMatchObject({ hour: 9, minute: 30, zoneLabel: 'ET' });
    expect(resolveWrittenClockTime(t!, { due: new Date('2026-03-03T14:15:00Z') })?.toISOString()).toBe(
      '2026-03-03T14:30:00.000Z',
    );
  });

  it('text helpers', () => {
    expect(splitSentences('We post by 9 a.m. If it fails, retry.').length).toBe(2);
    expect(countWords("Sign-in isn't working.")).toBe(3);
  });

  it('lintConfigSchema and lintRules', () => {
    expect(lintConfigSchema.safeParse({ rules: { 'no-jargon': 'off' } }).success).toBe(true);
    expect(lintConfigSchema.safeParse({ rules: { 'no-jargn': 'off' } }).success).toBe(false);
    expect(lintRules.map((r) => r.id)).toContain('no-jargon');
  });

  it('every built-in rule has docs and a stable id', () => {
    for (const rule of lintRules) {
      expect(rule.docs.description.length).toBeGreaterThan(20);
      expect(rule.docs.url).toBe(`docs/rules/${rule.id}.md`);
    }
  });
});
