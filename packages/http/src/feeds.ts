/**
 * @module http/feeds
 * Atom and JSON Feed of the approved customer versions: each entry is the customer message of
 * one published version, exactly as approved, with an id that never changes
 * (`urn:incident-comms:<incident>:v<version>`), so readers never see an entry twice.
 */
import type { IncidentState } from '@incident-comms/core';
import { html } from 'hono/html';

/** One feed entry: the customer message of one published version. */
export interface FeedEntry {
  id: string;
  incidentId: string;
  version: number;
  title: string;
  text: string;
  published: string;
}

/**
 * The customer versions of every incident, newest first.
 *
 * @example
 * feedEntries([state])[0]?.id; // 'urn:incident-comms:inc-1:v2'
 */
export function feedEntries(states: readonly IncidentState[]): FeedEntry[] {
  return states
    .flatMap((state) =>
      state.releases
        .filter((r) => r.noteId === undefined)
        .flatMap((release) => {
          const message = release.messages.find((m) => m.audience === 'customer');
          if (!message) return [];
          return [
            {
              id: `urn:incident-comms:${encodeURIComponent(state.id)}:v${release.version}`,
              incidentId: state.id,
              version: release.version,
              title: message.subject,
              text: message.text,
              published: release.publishedAt,
            },
          ];
        }),
    )
    .sort((a, b) =>
      a.published === b.published ? b.version - a.version : a.published < b.published ? 1 : -1,
    );
}

/** Feed-level facts: its title, its own URL and the page URL. */
export interface FeedInfo {
  title: string;
  self: string;
  page: string;
}

/**
 * The entries as an Atom 1.0 document (RFC 4287); every value is XML-escaped.
 *
 * @example
 * await atomFeed(entries, { title: 'Status', self: 'https://x/feed.atom', page: 'https://x/' });
 */
export async function atomFeed(entries: readonly FeedEntry[], info: FeedInfo): Promise<string> {
  const updated = entries[0]?.published ?? '1970-01-01T00:00:00Z';
  const doc = await html`<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom">
<title>${info.title}</title>
<id>urn:incident-comms:feed</id>
<link rel="self" type="application/atom+xml" href="${info.self}"/>
<link rel="alternate" type="text/html" href="${info.page}"/>
<updated>${updated}</updated>
<author><name>${info.title}</name></author>
${entries.map(
  (e) => html`<entry>
<id>${e.id}</id>
<title>${e.title}</title>
<published>${e.published}</published>
<updated>${e.published}</updated>
<content type="text">${e.text}</content>
</entry>
`,
)}</feed>
`;
  return doc.toString();
}

/**
 * The entries as a JSON Feed 1.1 document.
 *
 * @example
 * jsonFeed(entries, info).items[0]?.id; // 'urn:incident-comms:inc-1:v2'
 */
export function jsonFeed(entries: readonly FeedEntry[], info: FeedInfo) {
  return {
    version: 'https://jsonfeed.org/version/1.1',
    title: info.title,
    home_page_url: info.page,
    feed_url: info.self,
    items: entries.map((e) => ({
      id: e.id,
      title: e.title,
      content_text: e.text,
      date_published: e.published,
      _incident: { id: e.incidentId, version: e.version },
    })),
  };
}
