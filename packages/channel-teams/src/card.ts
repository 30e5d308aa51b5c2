/**
 * @module channel-teams/card
 * Pure rendering of an approved message into the body a Teams Workflows webhook takes: one
 * Adaptive Card (status, severity, update number, next update time, then the approved text),
 * a plain-text fallback, and trimming under the size limit with a link to the source of truth.
 */
import { type ApprovedMessage, type RenderContext, STATUS_LABELS } from '@incident-comms/core';
import { cardLine, cardParagraphs } from './escape';

/** Teams refuses messages over about 28 KB; the rendered JSON body is kept under this many UTF-8 bytes. */
export const TEAMS_PAYLOAD_LIMIT = 28_000;
/** Adaptive Card schema version sent; Teams renders 1.5 on desktop, web and mobile. */
export const ADAPTIVE_CARD_VERSION = '1.5';
/** Length the card's plain-text `fallbackText` is cut to. */
const FALLBACK_LIMIT = 1_000;
/** Characters of the incident title shown; the title is one line, this keeps the header small. */
const TITLE_LIMIT = 300;

/** The parts of an Adaptive Card this channel writes (plain JSON). */
export type CardElement =
  | {
      type: 'TextBlock';
      text: string;
      wrap: true;
      size?: 'Medium';
      weight?: 'Bolder';
      isSubtle?: true;
      spacing?: 'Small' | 'Medium';
    }
  | {
      type: 'RichTextBlock';
      inlines: Array<{ type: 'TextRun'; text: string; weight?: 'Bolder'; size?: 'Medium'; italic?: true }>;
    }
  | { type: 'FactSet'; facts: Array<{ title: string; value: string }> }
  | { type: 'Container'; style: 'attention' | 'warning' | 'good'; bleed: true; items: CardElement[] };

/** The Adaptive Card. */
export interface AdaptiveCard {
  type: 'AdaptiveCard';
  $schema: 'http://adaptivecards.io/schemas/adaptive-card.json';
  version: typeof ADAPTIVE_CARD_VERSION;
  fallbackText: string;
  msteams: { width: 'Full' };
  body: CardElement[];
  actions?: Array<{ type: 'Action.OpenUrl'; title: string; url: string }>;
}

/** The JSON a Workflows "When a Teams webhook request is received" trigger takes. */
export interface TeamsWebhookBody {
  type: 'message';
  attachments: [
    { contentType: 'application/vnd.microsoft.card.adaptive'; contentUrl: null; content: AdaptiveCard },
  ];
}

/** The Teams channel's payload: which webhook, the body, and whether it was trimmed to fit. */
export interface TeamsPayload {
  /** Webhook name (a key of the channel's `webhooks` option). */
  webhook: string;
  body: TeamsWebhookBody;
  /** Paragraphs or characters of the approved text left out to stay under the size limit. */
  trimmed: boolean;
}

/** Where the full, latest text lives (the runbook's `sourceOfTruth`). */
export interface SourceOfTruth {
  readonly name: string;
  /** `https:` URL; the card links it and keeps links to its origin clickable. */
  readonly url?: string | undefined;
}

/** Options of {@link renderTeamsMessage}. */
export interface TeamsRenderOptions {
  readonly sourceOfTruth: SourceOfTruth;
  /** Body size limit in UTF-8 bytes. Default {@link TEAMS_PAYLOAD_LIMIT}. */
  readonly maxBytes?: number | undefined;
}

const STYLE = {
  investigating: 'attention',
  identified: 'warning',
  monitoring: 'warning',
  resolved: 'good',
} as const;
const RFC3339 = /^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2})(?:\.\d+)?Z$/;

/** `{{DATE}} {{TIME}}` so every reader sees the time in their own zone; nothing for a malformed instant. */
function readerTime(iso: string | undefined): string | undefined {
  const m = iso === undefined ? null : RFC3339.exec(iso);
  return m ? `{{DATE(${m[1]}Z, SHORT)}} {{TIME(${m[1]}Z)}}` : undefined;
}

const bytes = (value: unknown) => new TextEncoder().encode(JSON.stringify(value)).length;

function cutAtWord(text: string, chars: number): string {
  if (text.length <= chars) return text;
  const cut = text.slice(0, chars);
  const space = cut.search(/\s\S*$/);
  return `${(space > chars / 2 ? cut.slice(0, space) : cut).trimEnd()} …`;
}

/**
 * Renders one approved message as a Workflows webhook body. Pure. Every user-supplied string
 * goes into a `TextRun` (shown without Markdown) after `cardLine`/`cardParagraphs` escaping.
 * When the body would exceed `maxBytes`, the approved text is cut at a word (never reworded)
 * and a note points to the source of truth, linked by an `Action.OpenUrl` when it has a URL.
 *
 * @param webhook - the webhook name the route named.
 * @example
 * const payload = renderTeamsMessage(message, 'eng-incidents', { idempotencyKey: 'k' }, {
 *   sourceOfTruth: { name: 'the status page', url: 'https://status.example.com' },
 * });
 */
export function renderTeamsMessage(
  message: ApprovedMessage,
  webhook: string,
  _context: RenderContext,
  options: TeamsRenderOptions,
): TeamsPayload {
  const maxBytes = options.maxBytes ?? TEAMS_PAYLOAD_LIMIT;
  const source = options.sourceOfTruth;
  const origins = source.url ? [new URL(source.url).origin] : [];
  const title = cutAtWord(cardLine(message.incidentTitle, origins), TITLE_LIMIT);
  const status = STATUS_LABELS[message.status];
  const next = readerTime(message.nextUpdateAt);
  const facts = [
    { title: 'Status', value: status },
    { title: 'Severity', value: message.severity },
    { title: 'Update', value: `${message.version} (${message.kind})` },
    ...(next ? [{ title: 'Next update', value: next }] : []),
  ];
  const header: CardElement = {
    type: 'Container',
    style: STYLE[message.status],
    bleed: true,
    items: [
      {
        type: 'RichTextBlock',
        inlines: [
          {
            type: 'TextRun',
            text: `${message.severity} · ${status} — ${title}`,
            weight: 'Bolder',
            size: 'Medium',
          },
        ],
      },
    ],
  };
  const paragraphs = cardParagraphs(message.text, origins);
  const fallbackHead = `${message.severity} ${status}: ${title} (update ${message.version})`;
  const actions = source.url
    ? [{ type: 'Action.OpenUrl' as const, title: `Open ${cardLine(source.name, [])}`, url: source.url }]
    : undefined;

  const build = (kept: string[], trimmed: boolean): TeamsWebhookBody => {
    const body: CardElement[] = [
      header,
      { type: 'FactSet', facts },
      ...kept.map((p): CardElement => ({ type: 'RichTextBlock', inlines: [{ type: 'TextRun', text: p }] })),
    ];
    if (trimmed) {
      body.push({
        type: 'RichTextBlock',
        inlines: [
          {
            type: 'TextRun',
            text: `This update is longer than Teams allows. Read it in full on ${cardLine(source.name, [])}.`,
            italic: true,
          },
        ],
      });
    }
    const content: AdaptiveCard = {
      type: 'AdaptiveCard',
      $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
      version: ADAPTIVE_CARD_VERSION,
      fallbackText: `${fallbackHead}\n\n${kept.join('\n\n')}`.slice(0, FALLBACK_LIMIT),
      msteams: { width: 'Full' },
      body,
      ...(actions ? { actions } : {}),
    };
    return {
      type: 'message',
      attachments: [{ contentType: 'application/vnd.microsoft.card.adaptive', contentUrl: null, content }],
    };
  };

  const full = build(paragraphs, false);
  if (bytes(full) <= maxBytes) return { webhook, body: full, trimmed: false };
  // Keep the longest prefix of the approved text (in characters, cut at a word) that fits.
  const joined = paragraphs.join('\n\n');
  let low = 0;
  let high = joined.length;
  const withChars = (n: number) => build(n === 0 ? [] : cutAtWord(joined, n).split('\n\n'), true);
  while (low < high) {
    const mid = Math.ceil((low + high) / 2);
    if (bytes(withChars(mid)) <= maxBytes) low = mid;
    else high = mid - 1;
  }
  return { webhook, body: withChars(low), trimmed: true };
}
