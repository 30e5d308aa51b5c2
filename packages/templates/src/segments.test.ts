/**
 * Audience segments: one release holds one message per segment and zone, each written in that
 * segment's zone with its own template when it has one, and each passes the linter in its own
 * zone (a Chicago message saying "CT" is right for Chicago).
 */
import { lintReleaseMessages, MESSAGE_KINDS, type ReleaseMessage, releaseHash } from '@incident-comms/core';
import { describe, expect, it } from 'vitest';
import { checkRunbookTemplates, renderMessage, renderRelease } from './index';
import { exampleRunbook, realisticUpdate } from './realistic-updates.test-support';

const runbook = exampleRunbook({
  audiences: {
    'customer-london': { audience: 'customer', name: 'London customers', timeZone: 'Europe/London' },
    'customer-chicago': { audience: 'customer', name: 'Chicago customers', timeZone: 'America/Chicago' },
  },
  templates: {
    'update/customer-chicago': {
      subject: '{{statusLabel}}: {{incidentTitle}}',
      body: '{{symptomSentence}} {{teamAction}} Our Chicago team will write again by {{nextUpdateTime}}.',
    },
  },
});

const ZONE_LABELS: Record<string, RegExp> = {
  'customer-london': /\b\d{1,2}:\d{2} (?:GMT|BST)\b/,
  'customer-chicago': /\b\d{1,2}:\d{2} [AP]M CT\b/,
};

describe('segments in a release', () => {
  it.each(MESSAGE_KINDS.filter((k) => k !== 'resolved'))(
    'writes each segment of a %s in its own zone',
    (kind) => {
      const update = realisticUpdate('checkout', 'SEV1', kind, runbook);
      const messages = renderRelease(update, runbook, { incidentId: 'inc-1', audiences: ['customer'] });
      expect(messages.map((m) => [m.segment ?? '-', m.timeZone])).toEqual([
        ['-', 'America/New_York'],
        ['customer-chicago', 'America/Chicago'],
        ['customer-london', 'Europe/London'],
      ]);
      for (const m of messages.filter((x) => x.segment)) expect(m.text).toMatch(ZONE_LABELS[m.segment!]!);
      // Every message is linted in its own zone: no "this audience reads …" error anywhere.
      const errors = lintReleaseMessages(messages, (m) => ({
        kind,
        audience: m.audience,
        timeZone: m.timeZone,
        now: update.publishedAt,
        ...(update.nextUpdateAt ? { nextUpdateDue: update.nextUpdateAt } : {}),
      })).filter((d) => d.severity === 'error');
      expect(errors).toEqual([]);
    },
  );

  it("uses a segment's own template first, the audience's otherwise", () => {
    const update = realisticUpdate('checkout', 'SEV1', 'update', runbook);
    const chicago = renderMessage(update, 'customer', runbook, {
      incidentId: 'inc-1',
      segment: 'customer-chicago',
    });
    const london = renderMessage(update, 'customer', runbook, {
      incidentId: 'inc-1',
      segment: 'customer-london',
    });
    expect(chicago).toMatchObject({ templateId: 'update/customer-chicago', segment: 'customer-chicago' });
    expect(chicago.text).toContain('Our Chicago team will write again by');
    expect(london).toMatchObject({
      templateId: 'update/customer',
      segment: 'customer-london',
      timeZone: 'Europe/London',
    });
    expect(() =>
      renderMessage(update, 'support-reply', runbook, { incidentId: 'inc-1', segment: 'customer-chicago' }),
    ).toThrow(expect.objectContaining({ code: 'input_invalid' }));
  });

  it('renders extra targets once and binds every segment message into the hash', () => {
    const update = realisticUpdate('checkout', 'SEV2', 'update', runbook);
    const messages = renderRelease(update, runbook, {
      incidentId: 'inc-1',
      audiences: ['customer'],
      targets: [
        { audience: 'customer', segment: 'customer-chicago', timeZone: 'America/Denver' },
        { audience: 'customer', segment: 'customer-chicago', timeZone: 'America/Chicago' },
      ],
    });
    expect(messages.filter((m) => m.segment === 'customer-chicago').map((m) => m.timeZone)).toEqual([
      'America/Chicago',
      'America/Denver',
    ]);
    const content = (ms: ReleaseMessage[]) => ({
      kind: 'update' as const,
      status: update.status,
      messages: ms,
    });
    const hash = releaseHash(content(messages));
    // Moving a message to another segment, or dropping the segment, is another release.
    const moved = messages.map((m) =>
      m.segment === 'customer-london' ? { ...m, segment: 'customer-paris' } : m,
    );
    expect(releaseHash(content(moved))).not.toBe(hash);
    expect(releaseHash(content([...messages].reverse()))).toBe(hash);
  });
});

describe("a segment's template is checked when the runbook loads", () => {
  it('refuses one that would promise a fix time, naming the template', () => {
    const promising = exampleRunbook({
      audiences: { 'customer-chicago': { audience: 'customer', timeZone: 'America/Chicago' } },
      templates: {
        'update/customer-chicago': {
          body: '{{symptomSentence}} It will be fixed within 10 minutes. Next update by {{nextUpdateTime}}.',
        },
      },
    });
    expect(checkRunbookTemplates(promising).map((p) => p.message)).toEqual([
      expect.stringMatching(/^templates\.update\/customer-chicago\.body: .*no-fix-time-promise/),
    ]);
    // The segment's own zone is the one its times are checked in: a clean one passes.
    expect(checkRunbookTemplates(runbook)).toEqual([]);
  });
});
