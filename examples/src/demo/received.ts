/**
 * @module demo/received
 * What the local SMTP server and Slack stub received, parsed, and printed at the end of the
 * demo as proof that the published versions (and nothing else) arrived.
 */
import { simpleParser } from 'mailparser';
import type { DemoDelivery } from './delivery';
import { type Timeline, wrapText } from './timeline';
import type { ReceivedEmail, ReceivedSlackPost, ScenarioOutcome } from './types';

const wrap = (text: string, width = 88) => wrapText(text, width);

/** Every email the loopback SMTP server received, parsed (empty when mail went to a real server). */
export async function receivedEmails(delivery: DemoDelivery): Promise<ReceivedEmail[]> {
  if (!delivery.smtp) return [];
  return Promise.all(
    delivery.smtp.messages.map(async (m) => {
      const parsed = await simpleParser(m.raw);
      return {
        to: m.to,
        subject: parsed.subject ?? '',
        text: parsed.text ?? '',
        html: typeof parsed.html === 'string' ? parsed.html : '',
        inReplyTo: parsed.inReplyTo,
      };
    }),
  );
}

/** Every chat.postMessage the Slack stub received (empty when posting to real Slack). */
export function receivedSlackPosts(delivery: DemoDelivery): ReceivedSlackPost[] {
  if (!delivery.slackStub) return [];
  return delivery.slackStub.posts().map((call) => {
    const blocks = Array.isArray(call.args.blocks)
      ? (call.args.blocks as Array<Record<string, unknown>>)
      : [];
    const texts = blocks.flatMap((b) => {
      const t = b.text as { text?: unknown } | undefined;
      const elements = Array.isArray(b.elements) ? (b.elements as Array<{ text?: unknown }>) : [];
      return [t?.text, ...elements.map((e) => e.text)].filter((x): x is string => typeof x === 'string');
    });
    return {
      channel: String(call.args.channel ?? ''),
      text: String(call.args.text ?? ''),
      blocksText: texts.join('\n'),
      threadTs: typeof call.args.thread_ts === 'string' ? call.args.thread_ts : undefined,
    };
  });
}

/** Prints what the servers received: per group of recipients, a count and a sample. */
export function printReceived(
  timeline: Timeline,
  delivery: DemoDelivery,
  emails: readonly ReceivedEmail[],
  posts: readonly ReceivedSlackPost[],
  outcome: Pick<ScenarioOutcome, 'accountEmails' | 'creditNote'>,
): void {
  timeline.heading('What the servers received');
  if (delivery.smtp) {
    const accounts = new Set(outcome.accountEmails);
    const isNote = (e: ReceivedEmail) =>
      outcome.creditNote !== undefined && e.text.trim() === outcome.creditNote.text.trim();
    const groups = [
      {
        name: 'customers (customer audience)',
        pick: (e: ReceivedEmail) => !e.to.some((t) => accounts.has(t)),
      },
      {
        name: 'campaign accounts, status updates (cs-account audience)',
        pick: (e: ReceivedEmail) => e.to.some((t) => accounts.has(t)) && !isNote(e),
      },
      { name: 'campaign accounts, approved credit note', pick: isNote },
    ];
    timeline.block(`SMTP server on 127.0.0.1:${delivery.smtp.port}: ${emails.length} emails`, [], 2);
    for (const group of groups) {
      const got = emails.filter(group.pick);
      const recipients = new Set(got.flatMap((e) => e.to));
      const sample = got[got.length - 1];
      timeline.block(
        `${group.name}: ${got.length} emails to ${recipients.size} recipients`,
        [
          ...(sample
            ? [
                `sample, to ${sample.to.join(', ')}:`,
                `Subject: ${sample.subject}`,
                ...wrap(sample.text.trim(), 100),
              ]
            : []),
        ],
        4,
      );
    }
  } else timeline.block('Email went out through SMTP_URL; nothing was captured locally.', [], 2);

  if (delivery.slackStub) {
    const channels = [...new Set(posts.map((p) => p.channel))];
    timeline.block(
      `Slack Web API stub: ${posts.length} chat.postMessage calls, the internal summary (ET) in every team channel`,
      [],
      2,
    );
    for (const channel of channels) {
      const got = posts.filter((p) => p.channel === channel);
      const replies = got.filter((p) => p.threadTs !== undefined).length;
      timeline.block(
        `${delivery.recipientName('slack', channel)} (${channel}): ${got.length} posts, ${replies} of them replies in the incident thread`,
        [],
        4,
      );
    }
    const sample = posts[0];
    if (sample) {
      timeline.block(
        'first post (plain-text fallback; the Block Kit blocks carry the same text):',
        wrap(sample.text, 100),
        4,
      );
    }
  } else timeline.block('Slack messages went to the real workspace; nothing was captured locally.', [], 2);
}
