/**
 * @module release/draft
 * Building a release draft: the communication owner's edits to single messages, and the
 * `draft.created` payload that records the whole set for approval.
 */
import { problem, problemsFromZod, ValidationError } from '../errors';
import type { Draft } from '../incident/events';
import type { Audience } from '../vocabulary';
import { isMessageFor, type ReleaseMessage, releaseMessagesSchema, sortReleaseMessages } from './release';

/** One edit to one message of a release: which message, and its new subject and/or text. */
export interface ReleaseEdit {
  audience: Audience;
  /** Which segment's message (e.g. `customer-us`); absent for the audience as a whole. */
  segment?: string | undefined;
  /** Which zone's message, when the audience has several. */
  timeZone?: string;
  subject?: string;
  text?: string;
}

/**
 * The release with one message reworded: the message of `edit.audience` (in `edit.timeZone`
 * when the audience has several) gets the new subject and/or text, byte for byte, and is
 * marked `edited`. The other messages are unchanged. Recording the result is a new draft
 * revision, so every approval is asked again.
 *
 * @param messages - the release's messages (e.g. from `renderRelease`).
 * @param edit - audience (and zone), new `subject` and/or `text`.
 * @returns a new list in release order; the input is untouched.
 * @throws {ValidationError} `input_invalid` when no message matches (or several do and no
 *   zone is named), or the edited set is not a valid release (e.g. a subject with a line break).
 * @example
 * const edited = editReleaseMessage(messages, { audience: 'customer',
 *   text: 'No invoices were lost; queued invoices go out once sending recovers. Next update by 9:45 AM ET.' });
 */
export function editReleaseMessage(messages: readonly ReleaseMessage[], edit: ReleaseEdit): ReleaseMessage[] {
  const matches = messages.filter((m) => isMessageFor(m, edit));
  if (matches.length !== 1) {
    const zones = messages
      .filter((m) => isMessageFor(m, { ...edit, timeZone: undefined }))
      .map((m) => m.timeZone);
    throw new ValidationError('release edit', [
      problem(
        matches.length === 0 ? 'edit.audience' : 'edit.timeZone',
        zones.length === 0
          ? `an audience of the release (${[...new Set(messages.map((m) => m.audience))].join(', ')})`
          : `one of the zones of ${edit.audience}: ${zones.join(', ')}`,
        JSON.stringify(matches.length === 0 ? (edit.timeZone ?? edit.audience) : edit.timeZone),
      ),
    ]);
  }
  const target = matches[0]!;
  const next = messages.map((m) =>
    m === target ? { ...m, subject: edit.subject ?? m.subject, text: edit.text ?? m.text, edited: true } : m,
  );
  const parsed = releaseMessagesSchema.safeParse(next);
  if (!parsed.success) {
    throw new ValidationError('release edit', problemsFromZod(parsed.error, next, 'messages'));
  }
  return sortReleaseMessages(parsed.data);
}

/**
 * The draft that records a release for approval (`draft.created`): the outline's id, kind,
 * status, audience and facts version, with `messages` and `text` set to the outline
 * audience's message (the first in release order when it has several zones).
 *
 * @param outline - the draft's fields without its wording (`text` is replaced).
 * @param messages - every message of the release.
 * @throws {ValidationError} `input_invalid` when the release has no message for the outline's audience.
 * @example
 * const draft = releaseDraft({ id: 'update-v2', kind: 'update', audience: 'customer',
 *   status: 'identified', basedOnFactsVersion: state.factsVersion }, messages);
 * state = applyEvent(state, { type: 'draft.created', at: now, actor: 'dana', draft });
 */
export function releaseDraft(
  outline: Omit<Draft, 'text' | 'messages' | 'audience'> & { audience?: Audience; text?: string },
  messages: readonly ReleaseMessage[],
): Draft {
  const audience = outline.audience ?? 'customer';
  const sorted = sortReleaseMessages(messages);
  // The audience's (or segment's) message, the hand-edited one first when it has several zones.
  const mine = sorted.filter((m) => isMessageFor(m, { audience, segment: outline.segment }));
  const own = mine.find((m) => m.edited) ?? mine[0] ?? sorted.find((m) => m.audience === audience);
  if (!own) {
    throw new ValidationError('release draft', [
      problem('messages', `a message for the draft's audience (${audience})`, 'none'),
    ]);
  }
  const { text: _placeholder, ...fields } = outline;
  return { ...fields, audience, text: own.text, messages: sorted };
}
