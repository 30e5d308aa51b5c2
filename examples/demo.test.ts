/**
 * `npm run demo`, run non-interactively: what the loopback SMTP server and Slack stub received
 * must be exactly the published versions, each carrying the same facts and the promised next
 * update in the reader's zone, on the SEV1 rhythm, and nothing that was blocked.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { formatUpdateTime } from '@incident-comms/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type DemoResult, runDemo } from './src/demo/run-demo';
import {
  ALERT_AT,
  CUSTOMER_EMAILS,
  FIRST_FACTS,
  FOLLOW_UP_AT,
  RISKY_DRAFTS,
  SLACK_ROUTES,
} from './src/demo/scenario';

const MINUTE = 60_000;
const ZONES = { customer: 'America/New_York', 'cs-account': 'Europe/Berlin' } as const;

let result: DemoResult;
let outputDir: string;

beforeAll(async () => {
  outputDir = await mkdtemp(join(tmpdir(), 'demo-test-'));
  // env: {} keeps a developer's SLACK_TOKEN / SMTP_URL from sending anything real.
  result = await runDemo({ quiet: true, outputDir, env: {} });
}, 60_000);

afterAll(async () => {
  await rm(outputDir, { recursive: true, force: true });
});

/** Messages to one recipient, in arrival order (one per published version, in version order). */
const emailsTo = (address: string) =>
  result.emails.filter((e) => e.to.includes(address) && e.text.trim() !== result.creditNote?.text.trim());

const everything = () => [
  ...result.emails.flatMap((e) => [e.subject, e.text, e.html]),
  ...result.slackPosts.flatMap((p) => [p.text, p.blocksText]),
];

describe('the checkout-outage demo', () => {
  it('runs through the incident desk alone, in short files', () => {
    const dir = new URL('./src/demo/', import.meta.url);
    // Appending events, deciding a publish or touching the outbox by hand would bypass the desk.
    const bypass =
      /(?<![.\w])(applyEvent|replay|parseEvent|publish|publishUpdate|createCoordinator|requestApprovals|previewStatusUpdate|renderAll|renderMessage)\(|\.(dispatch|enqueue|begin|complete|append)\(/;
    const files = readdirSync(dir).filter((f) => f.endsWith('.ts'));
    expect(files).toContain('steps.ts');
    for (const file of files) {
      const source = readFileSync(new URL(file, dir), 'utf8');
      expect(source, file).not.toMatch(bypass);
      expect(source.split('\n').length, file).toBeLessThanOrEqual(300);
    }
  });

  it('delivered on loopback, with one message per published version and recipient', () => {
    expect(result.mode).toEqual({ email: 'loopback', slack: 'loopback' });
    const versions = result.published.length;
    expect(versions).toBeGreaterThanOrEqual(5);
    expect(result.accountEmails.length).toBeGreaterThan(0);
    const credit = result.creditNote?.recipients.length ?? 0;
    expect(result.emails).toHaveLength(
      versions * (CUSTOMER_EMAILS.length + result.accountEmails.length) + credit,
    );
    for (const address of [...CUSTOMER_EMAILS, ...result.accountEmails]) {
      expect(emailsTo(address), address).toHaveLength(versions);
    }
    expect(result.slackPosts).toHaveLength(versions * SLACK_ROUTES.length);
    for (const route of SLACK_ROUTES) {
      const posts = result.slackPosts.filter((p) => p.channel === route.channel);
      expect(posts, route.name).toHaveLength(versions);
      // The first version starts the thread; the later ones reply in it.
      expect(posts.slice(1).every((p) => p.threadTs !== undefined)).toBe(true);
    }
    for (const report of result.deliveries) expect(report.totals).toMatchObject({ failed: 0, unknown: 0 });
  });

  it('sent the first update within 15 minutes of the alert', () => {
    const first = result.published[0]!;
    expect(Date.parse(first.publishedAt) - Date.parse(ALERT_AT)).toBeLessThanOrEqual(15 * MINUTE);
  });

  it('promised each next update on the SEV1 rhythm (15 minutes, rounded up to 5) and kept it', () => {
    const open = result.published.filter((u) => u.status !== 'resolved');
    expect(open.length).toBe(result.published.length - 1);
    for (const update of open) {
      const expected = Math.ceil((Date.parse(update.publishedAt) + 15 * MINUTE) / (5 * MINUTE)) * 5 * MINUTE;
      expect(Date.parse(update.nextUpdateAt!), `version ${update.version}`).toBe(expected);
    }
    for (const [i, update] of result.published.slice(1).entries()) {
      expect(Date.parse(update.publishedAt)).toBeLessThanOrEqual(
        Date.parse(result.published[i]!.nextUpdateAt!),
      );
    }
  });

  it('gave every audience the same facts and the next update time in its own zone', () => {
    const check = (texts: string[], audience: keyof typeof ZONES) => {
      expect(texts).toHaveLength(result.published.length);
      result.published.forEach((update, i) => {
        const text = texts[i]!;
        expect(text, `v${update.version}`).toContain(FIRST_FACTS.affected!);
        if (update.status === 'resolved') return;
        expect(text, `v${update.version}`).toContain(FIRST_FACTS.symptom);
        const time = formatUpdateTime(update.nextUpdateAt!, ZONES[audience], {
          relativeTo: update.publishedAt,
        });
        expect(text, `v${update.version} ${audience}`).toContain(time);
      });
    };
    for (const address of CUSTOMER_EMAILS)
      check(
        emailsTo(address).map((e) => e.text),
        'customer',
      );
    for (const address of result.accountEmails)
      check(
        emailsTo(address).map((e) => e.text),
        'cs-account',
      );
    // Slack channels are internal: each gets the internal summary in the team's zone (ET).
    for (const route of SLACK_ROUTES) {
      expect(route.audience).toBe('internal');
      const texts = result.slackPosts.filter((p) => p.channel === route.channel).map((p) => p.blocksText);
      result.published.forEach((update, i) => {
        if (!update.nextUpdateAt) return;
        const time = formatUpdateTime(update.nextUpdateAt, ZONES.customer, {
          relativeTo: update.publishedAt,
        });
        expect(texts[i], `${route.name} v${update.version}`).toContain(time);
        expect(texts[i], route.name).not.toMatch(/CET|I will send it to you/);
      });
    }
    // The two zones really differ for this scenario: 9:35 AM ET is 15:35 CET.
    expect(emailsTo(CUSTOMER_EMAILS[0])[0]!.text).toContain('Next update by 9:35 AM ET');
    expect(emailsTo(result.accountEmails[0]!)[0]!.text).toContain('15:35 CET');
  });

  it('blocked the fix-time promise and the guessed cause, and delivered neither', () => {
    expect(result.blocked.map((b) => b.draftId)).toEqual(RISKY_DRAFTS.map((d) => d.id));
    const rules = (id: string) => result.blocked.find((b) => b.draftId === id)!.reasons;
    expect(rules('sales-bluefin-note')).toContain('no-fix-time-promise');
    expect(rules('support-macro-guess')).toContain('no-cause-speculation');
    expect(result.events.filter((e) => e.type === 'publish.blocked')).toHaveLength(RISKY_DRAFTS.length);
    const delivered = everything().join('\n');
    for (const draft of RISKY_DRAFTS) expect(delivered).not.toContain(draft.text);
    expect(delivered).not.toMatch(/fixed in 10 minutes/i);
    expect(delivered).not.toMatch(/looks like our payment provider/i);
  });

  it('held the credit offer for the approver and sent it only to the listed accounts', () => {
    const note = result.creditNote!;
    expect(note.approvals).toEqual(
      expect.arrayContaining([
        { gate: 'compensation', by: 'maya' },
        { gate: 'facts', by: 'lee' },
      ]),
    );
    const got = result.emails.filter((e) => e.text.trim() === note.text.trim());
    expect(got.flatMap((e) => e.to).sort()).toEqual([...result.accountEmails].sort());
    expect(result.slackPosts.some((p) => p.text.includes('credit to your next invoice'))).toBe(false);
    // It is not a status version: support replies and sales talking points never carry it.
    expect(result.published.some((u) => u.text.includes('credit to your next invoice'))).toBe(false);
    // The log records the release, and the review lists it from there: sent, to 3 accounts.
    const released = result.events.filter((e) => e.type === 'note.released');
    expect(released).toHaveLength(1);
    expect(result.review.versions.sideNotes).toEqual([
      expect.objectContaining({
        draftId: 'credit-campaign-accounts',
        audience: 'cs-account',
        recipients: 3,
        channel: 'account-note',
        at: note.releasedAt,
        byName: 'Zoe Martin',
      }),
    ]);
    expect(result.accountEmails).toHaveLength(3);
    expect(result.review.versions.approvedNotSent).toEqual([]);
    expect(result.review.versions.abandonedDrafts).not.toContain('credit-campaign-accounts');
    expect(result.reviewMarkdown).toMatch(
      /side notes released outside the status versions: credit-campaign-accounts \(3 recipients, /,
    );
    expect(result.review.timeline.map((e) => e.what)).toContain(
      'Zoe Martin sent draft credit-campaign-accounts as a side note to 3 recipients (cs-account, by account-note): not a status version',
    );
  });

  it('delivered the resolved message with the follow-up time and ended resolved', () => {
    const last = result.published[result.published.length - 1]!;
    expect(last).toMatchObject({ status: 'resolved', kind: 'resolved' });
    expect(result.state.status).toBe('resolved');
    const followUp = formatUpdateTime(FOLLOW_UP_AT, ZONES.customer);
    for (const address of CUSTOMER_EMAILS) {
      const final = emailsTo(address).at(-1)!;
      expect(final.subject).toMatch(/^Resolved/);
      expect(final.text).toContain(followUp);
    }
    expect(result.state.recovery.confirmed?.customerCheck).toMatch(/real card order/);
  });

  it('wrote the transcript and the review', () => {
    expect(existsSync(result.files.transcript)).toBe(true);
    expect(readFileSync(result.files.review, 'utf8')).toBe(result.reviewMarkdown);
    expect(result.reviewMarkdown).toMatch(/First customer update/);
    expect(result.review.firstUpdate?.withinTarget).toBe(true);
    expect(result.review.onTimeShare).toBe(1);
    const transcript = readFileSync(result.files.transcript, 'utf8');
    expect(transcript).toMatch(/no-fix-time-promise/);
    expect(transcript).toContain(
      'Priya Nair may not decide the compensation approval: only the named approver (Maya Chen) may.',
    );
  });

  it('writes Markdown that renders cleanly: numbered lists, a real role table, no ids for people', () => {
    const transcript = readFileSync(result.files.transcript, 'utf8');
    expect(transcript).not.toMatch(/^\s*- \d+\. /m);
    expect(transcript).toMatch(/^ {2}1\. Harbor & Vine: /m);
    expect(transcript).toMatch(
      /^\| role \| primary \| backup \|\n\|( --- \|){3}\n\| communication owner \| Dana Ruiz \| Sam Ito \|$/m,
    );
    const people = ['lee', 'maya', 'priya', 'dana', 'tom', 'zoe'];
    for (const text of [transcript, result.reviewMarkdown]) {
      expect(text).not.toMatch(new RegExp(`\\((${people.join('|')})\\)|by (${people.join('|')})\\b`));
      expect(text).not.toMatch(/communicationOwner|incidentLead|customerSuccess|NotAuthorizedError/);
    }
  });

  it('logs the escalated sign-in report under sign-in and raises it at the next checkpoint as a new symptom', () => {
    const escalated = result.state.questions.find((q) => q.question.includes('cannot sign in'))!;
    expect(escalated.topic).toBe('sign-in');
    const checkpoint = result.events.find((e) => e.type === 'checkpoint.held' && e.at > escalated.at) as
      | { note?: string }
      | undefined;
    expect(checkpoint?.note).toMatch(/^new symptom to check: sign-in failures/);
  });

  it('moves the status to identified once the incident lead confirms the cause, and labels kinds by what they say', () => {
    const causeAt = result.events.find((e) => e.type === 'facts.confirmed' && 'cause' in e.facts)!.at;
    for (const update of result.published) {
      if (update.status === 'resolved') continue;
      expect(update.status, `v${update.version}`).toBe(
        update.publishedAt > causeAt ? 'identified' : 'investigating',
      );
    }
    // Only the version that first gives the workaround is a workaround message.
    expect(result.published.map((u) => u.kind)).toEqual([
      'initial',
      'update',
      'workaround',
      'update',
      'update',
      'resolved',
    ]);
  });
});

describe('Teams and the signed webhook', () => {
  it('get every published version; the receiver verifies each signature and refuses a tampered body', () => {
    expect(result.peers.teamsCards).toBe(result.published.length);
    expect(result.peers.webhooksVerified).toBeGreaterThanOrEqual(result.published.length);
    expect(result.peers.tamper).toEqual({ status: 401, code: 'webhook_signature_invalid' });
  });
});

describe('deliveries.jsonl', () => {
  const lines = () =>
    readFileSync(result.files.deliveries, 'utf8')
      .split('\n')
      .filter((l) => l !== '')
      .map((l) => JSON.parse(l) as Record<string, unknown>);

  it('has one line per delivery sent, each naming its approved release', () => {
    const sent = result.deliveries.reduce((n, d) => n + d.totals.sent, 0);
    const creditSent = result.creditNote?.recipients.length ?? 0;
    expect(lines()).toHaveLength(sent + creditSent);
    for (const line of lines()) {
      expect(Object.keys(line).sort()).toEqual(
        [
          'approvedHash',
          'audience',
          'channel',
          'incidentId',
          'recipient',
          'text',
          line.noteId === undefined ? 'version' : 'noteId',
        ].sort(),
      );
    }
  });

  it('every line is a message of the approved release with that hash, for that version or note', () => {
    const releases = result.state.releases;
    for (const line of lines()) {
      const release = releases.find((r) => r.hash === line.approvedHash);
      expect(release, JSON.stringify(line)).toBeDefined();
      expect(line.incidentId).toBe(release!.incidentId);
      if (line.noteId === undefined) expect(line.version).toBe(release!.version);
      else expect(line.noteId).toBe(release!.noteId);
      expect(release!.approvals.length).toBeGreaterThan(0);
      expect(release!.approvals.every((a) => a.releaseHash === release!.hash)).toBe(true);
      expect(
        release!.messages.some((m) => m.audience === line.audience && m.text === line.text),
        JSON.stringify(line),
      ).toBe(true);
    }
  });

  it('what the SMTP server received is, byte for byte, the line written for that recipient', () => {
    const byRecipient = new Map<string, string[]>();
    for (const line of lines().filter((l) => l.channel !== 'slack')) {
      const list = byRecipient.get(line.recipient as string) ?? [];
      list.push(line.text as string);
      byRecipient.set(line.recipient as string, list);
    }
    for (const email of result.emails) {
      for (const to of email.to) {
        // mailparser ends the text part with the line break the MIME body ends with.
        expect(byRecipient.get(to), to).toContain(email.text.replace(/\n$/, ''));
      }
    }
  });
});
