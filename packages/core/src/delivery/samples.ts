/**
 * @module delivery/samples
 * Sample approved messages and releases for channel and store tests: well-formed ones the
 * conformance cases render and send, and a hostile one for escaping checks.
 */
import type { ApprovedRelease } from '../incident/state';
import type { ApprovedMessage } from '../message';
import { releaseHash, sortReleaseMessages } from '../release/release';

/** A well-formed approved message the cases render and send. */
export function sampleMessage(overrides: Partial<ApprovedMessage> = {}): ApprovedMessage {
  return {
    incidentId: 'inc-conformance',
    incidentTitle: 'Card payments failing at checkout',
    version: 1,
    kind: 'initial',
    audience: 'customer',
    severity: 'SEV2',
    status: 'investigating',
    publishedAt: '2026-03-03T14:05:00.000Z',
    nextUpdateAt: '2026-03-03T14:35:00.000Z',
    subject: 'Investigating: card payments failing at checkout',
    text: 'Some card payments fail at checkout. We are investigating.\nNext update by 14:35 UTC.',
    ...overrides,
  };
}

/**
 * An approved release holding `messages` (one incident and version; default one
 * {@link sampleMessage}), with its content hash and one granted approval naming it: the input
 * `publishUpdate` takes, for tests of channels and outboxes. A host's code gets releases from
 * `approvedRelease(state, ref)`, after the log recorded the approvals.
 *
 * @example
 * await publishUpdate({ release: sampleRelease([sampleMessage()]), routes, channels, outbox });
 */
export function sampleRelease(
  messages: readonly ApprovedMessage[] = [sampleMessage()],
  options: { noteId?: string } = {},
): ApprovedRelease {
  const first = messages[0];
  if (!first) throw new Error('conformance: sampleRelease needs at least one message');
  const content = {
    kind: first.kind,
    status: first.status,
    messages: messages.map((m) => ({
      audience: m.audience,
      timeZone: m.timeZone ?? 'UTC',
      subject: m.subject,
      text: m.text,
    })),
  };
  const hash = releaseHash(content);
  return {
    incidentId: first.incidentId,
    incidentTitle: first.incidentTitle,
    version: first.version,
    ...(options.noteId === undefined ? {} : { noteId: options.noteId }),
    draftId: `draft-v${first.version}`,
    draftRevision: 1,
    kind: first.kind,
    status: first.status,
    severity: first.severity,
    publishedAt: first.publishedAt,
    ...(first.nextUpdateAt === undefined ? {} : { nextUpdateAt: first.nextUpdateAt }),
    hash,
    messages: sortReleaseMessages(content.messages),
    approvals: [
      { gate: 'facts', role: 'incidentLead', by: 'test-lead', at: first.publishedAt, releaseHash: hash },
    ],
  };
}

/**
 * A message whose user-supplied fields try to inject Slack mentions and links, HTML and
 * (in the title) nothing dangerous for single-line fields; the subject's CR/LF case is separate.
 */
export function hostileMessage(): ApprovedMessage {
  return sampleMessage({
    incidentTitle: 'Checkout <!channel> & <script>alert(1)</script>',
    text: 'Hi <!here> @channel <@U123ABC> see <http://evil.example|your bank> & <b>bold</b> <script>x()</script>',
  });
}
