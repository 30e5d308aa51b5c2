/**
 * @module release/release
 * The release: what one approval covers. Every audience's message (subject and body, per
 * audience time zone) for one status-update version or one side note, and the content hash
 * approvals bind to. Delivery sends exactly these messages and nothing else.
 */
import { sha256 } from '@noble/hashes/sha2';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils';
import { z } from 'zod';
import { problem, problemsFromZod, ValidationError } from '../errors';
import { segmentIdSchema } from '../runbook/segments';
import { AUDIENCES, type Audience, MESSAGE_KINDS, STATUSES } from '../vocabulary';

// Message text is kept byte for byte (no trimming): what is approved is what is delivered.
const verbatim = z
  .string()
  .refine((s) => s.trim().length > 0, 'expected a non-empty text')
  .refine((s) => s.length <= 20_000, 'expected at most 20,000 characters');
const oneLine = verbatim.refine((s) => !/[\r\n\u2028\u2029]/.test(s), 'expected one line (no line breaks)');

/**
 * One message of a release: the words one audience (in one time zone) receives. `subject` is
 * the one-line subject (email subject, Slack status line); `text` the plain-text body,
 * unescaped (channels escape it for their format, they never reword it). `timeZone` is the
 * IANA zone its times are written in. `templateId` says which template rendered it and
 * `edited` whether the communication owner changed the rendered words; neither is part of the
 * content hash.
 */
export const releaseMessageSchema = z
  .object({
    audience: z.enum(AUDIENCES),
    /** IANA zone the message's times are written in, e.g. `America/New_York`. */
    timeZone: z.string().min(1),
    /**
     * The runbook segment of the audience it is for (e.g. `customer-us`, with its own zone and
     * templates); absent for the audience as a whole. Part of the content hash.
     */
    segment: segmentIdSchema.optional(),
    subject: oneLine,
    text: verbatim,
    /** The template that rendered it, e.g. `update/customer` (absent for hand-written notes). */
    templateId: z.string().min(1).optional(),
    /** True when the communication owner edited the rendered subject or text. */
    edited: z.boolean().optional(),
  })
  .strict();

/** One audience's message in a release (see {@link releaseMessageSchema}). */
export type ReleaseMessage = z.output<typeof releaseMessageSchema>;

/**
 * The message set of a release: at most one message per audience, segment and time zone, at
 * least one.
 */
export const releaseMessagesSchema = z
  .array(releaseMessageSchema)
  .min(1, 'expected at least one message')
  .superRefine((messages, ctx) => {
    const seen = new Set<string>();
    messages.forEach((m, i) => {
      const who = m.segment === undefined ? m.audience : `${m.audience} (${m.segment})`;
      const key = `${who} ${m.timeZone}`;
      if (seen.has(key)) {
        ctx.addIssue({
          code: 'custom',
          path: [i, 'timeZone'],
          message: `expected one message per audience, segment and time zone (${who} in ${m.timeZone} twice)`,
        });
      }
      seen.add(key);
    });
  });

/** What a content hash covers besides the messages: the kind and status the release states. */
export const releaseHeaderSchema = z.object({
  kind: z.enum(MESSAGE_KINDS),
  status: z.enum(STATUSES),
});

/** A content hash: `sha256:` and 64 lowercase hex digits. */
export const releaseHashSchema = z.string().regex(/^sha256:[0-9a-f]{64}$/, 'expected sha256:<64 hex digits>');

/**
 * A release as approved and recorded in the log (`update.published` / `note.released`): the
 * exact messages and the hash every approval of it names.
 */
export const recordedReleaseSchema = z
  .object({
    hash: releaseHashSchema,
    messages: releaseMessagesSchema,
  })
  .strict();

/** The release recorded on `update.published` / `note.released` (see {@link recordedReleaseSchema}). */
export type RecordedRelease = z.output<typeof recordedReleaseSchema>;

/** The fields a release hash is computed from. */
export interface ReleaseContent {
  kind: (typeof MESSAGE_KINDS)[number];
  status: (typeof STATUSES)[number];
  messages: readonly ReleaseMessage[];
}

/**
 * Stable JSON: object keys sorted (code-point order), no whitespace, `undefined` fields left
 * out, arrays in their order. The same value always gives the same string, whatever order its
 * keys were built in.
 *
 * @example
 * canonicalJson({ b: 1, a: [2, { d: 'x', c: null }] }); // '{"a":[2,{"c":null,"d":"x"}],"b":1}'
 */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') {
    const out = JSON.stringify(value);
    if (out === undefined) throw new TypeError(`canonicalJson: cannot serialise ${typeof value}`);
    return out;
  }
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  const entries = Object.keys(value)
    .filter((k) => (value as Record<string, unknown>)[k] !== undefined)
    .sort()
    .map((k) => `${JSON.stringify(k)}:${canonicalJson((value as Record<string, unknown>)[k])}`);
  return `{${entries.join(',')}}`;
}

const AUDIENCE_ORDER = new Map<Audience, number>(AUDIENCES.map((a, i) => [a, i]));

const byCodePoint = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/**
 * The messages in release order: `AUDIENCES` order, then segment (the audience as a whole
 * first, then segment ids in code-point order), then time zone (code-point order). The hash
 * and every listing use this order, so two sets with the same messages are the same release.
 */
export function sortReleaseMessages<
  T extends Pick<ReleaseMessage, 'audience' | 'timeZone'> & { segment?: string | undefined },
>(messages: readonly T[]): T[] {
  return [...messages].sort(
    (a, b) =>
      AUDIENCE_ORDER.get(a.audience)! - AUDIENCE_ORDER.get(b.audience)! ||
      byCodePoint(a.segment ?? '', b.segment ?? '') ||
      byCodePoint(a.timeZone, b.timeZone),
  );
}

/**
 * Whether a message is the one for `target`: same audience, same segment (none for the
 * audience as a whole) and, when `target` names one, the same zone.
 *
 * @example
 * isMessageFor({ audience: 'customer', segment: 'customer-us', timeZone: 'America/Chicago' },
 *   { audience: 'customer', segment: 'customer-us' }); // true
 */
export function isMessageFor(
  message: Pick<ReleaseMessage, 'audience' | 'timeZone'> & { segment?: string | undefined },
  target: { audience: string; segment?: string | undefined; timeZone?: string | undefined },
): boolean {
  return (
    message.audience === target.audience &&
    message.segment === target.segment &&
    (target.timeZone === undefined || message.timeZone === target.timeZone)
  );
}

/**
 * The content hash of a release: SHA-256 over the canonical JSON ({@link canonicalJson}) of
 * its kind, status and messages (each message's audience, segment, time zone, subject and text, in
 * release order). Any change to any byte of any message, to the audiences or to the zones
 * gives another hash; the template id and the `edited` flag do not count. Approvals record
 * it, and delivery refuses a message set whose hash is not the approved one.
 *
 * @param release - kind, status and messages (validated here).
 * @returns `sha256:` followed by 64 lowercase hex digits.
 * @throws {ValidationError} `input_invalid` naming the bad path (e.g. `release.messages.0.subject`).
 * @example
 * releaseHash({ kind: 'update', status: 'identified', messages: [
 *   { audience: 'customer', timeZone: 'UTC', subject: 'Identified: checkout', text: 'Next update by 2:45 PM UTC.' },
 * ] }); // 'sha256:…'
 */
export function releaseHash(release: ReleaseContent): string {
  const header = releaseHeaderSchema.safeParse(release);
  const messages = releaseMessagesSchema.safeParse(release?.messages);
  if (!header.success || !messages.success) {
    const problems = [
      ...(header.success ? [] : problemsFromZod(header.error, release, 'release')),
      ...(messages.success ? [] : problemsFromZod(messages.error, release?.messages, 'release.messages')),
    ];
    throw new ValidationError('release', problems.length > 0 ? problems : [problem('release', 'a release')]);
  }
  const content = {
    kind: header.data.kind,
    status: header.data.status,
    messages: sortReleaseMessages(messages.data).map((m) => ({
      audience: m.audience,
      segment: m.segment,
      timeZone: m.timeZone,
      subject: m.subject,
      text: m.text,
    })),
  };
  return `sha256:${bytesToHex(sha256(utf8ToBytes(canonicalJson(content))))}`;
}

/** A leftover template placeholder (`{{` or `}}`) in a subject or text. */
export const PLACEHOLDER_PATTERN = /\{\{|\}\}/;

/**
 * The first leftover placeholder in a message (`{{` or `}}` in its subject or text), or
 * undefined. Delivery refuses such a message and the release lint reports it.
 *
 * @example
 * leftoverPlaceholder({ subject: 'Update', text: 'Next update by {{nextUpdateTime}}.' }); // { field: 'text', index: 15 }
 */
export function leftoverPlaceholder(
  message: Pick<ReleaseMessage, 'subject' | 'text'>,
): { field: 'subject' | 'text'; index: number } | undefined {
  for (const field of ['subject', 'text'] as const) {
    const match = PLACEHOLDER_PATTERN.exec(message[field]);
    if (match) return { field, index: match.index };
  }
  return undefined;
}
