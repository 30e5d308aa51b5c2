/**
 * @module http/page
 * The source-of-truth page as server-rendered HTML, readable without JavaScript: open
 * incidents first, each with its latest approved version in plain words, the next update,
 * its owner and backup, every audience's approved wording, the team playbooks, questions since
 * the last checkpoint and the version history. Every value is escaped by Hono's `html` tag;
 * the only script and style are the page's own files (the CSP allows nothing else).
 */
import type { PersonRef } from '@incident-comms/core';
import { html, raw } from 'hono/html';
import type { HtmlEscapedString } from 'hono/utils/html';
import type { IncidentPage } from './page-model';

type Html = HtmlEscapedString | Promise<HtmlEscapedString>;

const who = (p: PersonRef | undefined) => p?.name ?? 'nobody (ask the incident lead)';
const time = (iso: string, words: string) => html`<time datetime="${iso}">${words}</time>`;

const SALES_WORDS: Record<string, string> = {
  reschedule: 'Reschedule',
  'pause-promise': 'Pause promises',
  continue: 'Keep',
};

function plainWords(page: IncidentPage): Html {
  const u = page.current;
  if (!u) {
    return html`<p class="note">No approved update yet. Do not describe the incident to customers; ask
      ${who(page.owner)} (communication owner).</p>`;
  }
  const action = u.customerAction ?? u.workaround ?? 'Nothing for now; we will update them.';
  return html`<dl class="facts">
    <dt>What is broken</dt><dd>${u.symptom}</dd>
    <dt>Who is affected</dt><dd>${u.affected}</dd>
    <dt>What customers should do</dt><dd>${action}</dd>
    <dt>How serious</dt><dd>${page.severity.words}</dd>
    <dt>What the team is doing</dt><dd>${u.teamAction}</dd>
  </dl>
  <p class="meta">Approved version ${u.version}, published ${time(u.publishedAt, u.publishedAt)}.</p>`;
}

function nextUpdate(page: IncidentPage): Html {
  const next = page.next;
  const owner = html`Owner: <strong>${who(page.owner)}</strong>; backup: ${who(page.backup)}.`;
  if (!next) return html`<p class="next">No further update is scheduled. ${owner}</p>`;
  return html`<p class="next" data-next-update>
    Next update by <strong>${time(next.at, next.utc)}</strong>
    <span class="zone">(customers' time: <strong>${next.customers}</strong>, ${next.customersZone})</span>
    <span class="local" data-local-time="${next.at}" hidden></span>.
    ${owner}</p>`;
}

function wording(page: IncidentPage): Html {
  if (page.wording.length === 0) return html`<p>Nothing approved yet.</p>`;
  return html`${page.wording.map((w) => {
    const id = `msg-${page.id}-${w.audience}`;
    return html`<div class="wording" data-audience="${w.audience}">
      <h4 id="${id}-label">${w.label}</h4>
      <p class="subject">${w.subject}</p>
      <pre id="${id}" tabindex="0" aria-labelledby="${id}-label">${w.text}</pre>
      <button type="button" class="copy" data-copy="${id}" hidden>Copy ${w.label.toLowerCase()}</button>
    </div>`;
  })}`;
}

function support(page: IncidentPage): Html {
  const to = who(page.support.escalateTo);
  const reassure = page.support.approvedReply
    ? html`<li><strong>Reassure</strong> with the approved support reply above when the customer reports the
        symptom it describes.</li>`
    : html`<li><strong>No approved reply yet</strong>: tell the customer the team is looking into it and that an
        update follows; do not describe the cause or a fix time.</li>`;
  return html`<ul>${reassure}
    <li><strong>Escalate to ${to}</strong> (communication owner) when the customer reports a symptom the update
      does not cover, is a high-impact account, still sees the problem after we said it is fixed, or asks about
      security, data, legal terms, refunds or their contract. Never forward them to engineers.</li>
  </ul>`;
}

function sales(page: IncidentPage): Html {
  if (page.sales.length === 0) return html`<p>No demos or deals listed for this incident.</p>`;
  return html`<ul class="sales">${page.sales.map(
    (s) => html`<li data-action="${s.action}"><strong>${SALES_WORDS[s.action] ?? s.action}</strong>:
      ${s.name ?? s.itemId} (${s.kind}, ${time(s.at, s.at)}${s.owner ? html`, ${s.owner.name}` : ''}).
      <span class="reason">${s.reason}</span></li>`,
  )}</ul>`;
}

function outreach(page: IncidentPage): Html {
  if (page.outreach.length === 0) return html`<p>No accounts to contact for this incident.</p>`;
  return html`<ol>${page.outreach.map(
    (o) => html`<li><strong>${o.name}</strong>: thread owner ${who(o.owner)}. ${o.reason}</li>`,
  )}</ol>`;
}

function questions(page: IncidentPage): Html {
  if (page.questions.length === 0) return html`<p>No new questions since the last checkpoint.</p>`;
  return html`<ul>${page.questions.map(
    (q) => html`<li>${time(q.at, q.at)}, from ${q.from} (${q.topic}): ${q.question}</li>`,
  )}</ul>`;
}

function history(page: IncidentPage): Html {
  if (page.history.length === 0) return html`<p>No version published yet.</p>`;
  return html`<ol reversed>${page.history.map(
    (u, i) => html`<li>Version ${u.version} (${u.status}), ${time(u.publishedAt, u.publishedAt)}
      ${i === 0 ? html`<strong>current</strong>` : html`<em>superseded</em>`}: ${u.text}</li>`,
  )}</ol>`;
}

function section(id: string, title: string, body: Html): Html {
  return html`<section aria-labelledby="${id}"><h3 id="${id}">${title}</h3>${body}</section>`;
}

function incident(page: IncidentPage): Html {
  const s = (part: string) => `${part}-${page.id}`;
  return html`<article class="incident ${page.open ? 'open' : 'resolved'}" id="incident-${page.id}"
    aria-labelledby="${s('title')}">
    <h2 id="${s('title')}">${page.title}</h2>
    <p class="badges"><span class="badge sev">${page.severity.level}</span>
      <span class="badge">${page.status}</span></p>
    <nav class="jump" aria-label="${page.title}: sections">
      <a href="#${s('wording')}">Wording</a> <a href="#${s('support')}">Support</a>
      <a href="#${s('sales')}">Sales</a> <a href="#${s('cs')}">Customer success</a>
      <a href="#${s('history')}">History</a></nav>
    ${plainWords(page)}
    ${nextUpdate(page)}
    ${section(s('wording'), 'Approved wording', wording(page))}
    ${section(s('support'), 'Support: right now', support(page))}
    ${section(s('sales'), 'Sales: demos and deals', sales(page))}
    ${section(s('cs'), 'Customer success: outreach', outreach(page))}
    ${section(s('questions'), 'Questions since the last checkpoint', questions(page))}
    ${section(s('history'), 'Version history', history(page))}
  </article>`;
}

/** The page's URLs, under the handler's base path. */
export interface PageLinks {
  css: string;
  js: string;
  revision: string;
  atom: string;
  json: string;
}

/**
 * Renders the whole page: open incidents first, then resolved ones. `revision` is the change
 * counter the page's script polls to refresh itself.
 *
 * @example
 * await renderPage([page], { css: '/assets/page.css', … }, 3); // '<!doctype html>…'
 */
export async function renderPage(pages: readonly IncidentPage[], links: PageLinks, revision: number) {
  const open = pages.filter((p) => p.open);
  const closed = pages.filter((p) => !p.open);
  const body =
    await html`${open.length === 0 ? html`<p class="calm">No open incidents.</p>` : open.map(incident)}
    ${closed.length > 0 ? html`<h2 class="resolved-heading">Resolved</h2>${closed.map(incident)}` : ''}`;
  return html`<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Incident status: the one place to look</title>
<link rel="stylesheet" href="${links.css}">
<link rel="alternate" type="application/atom+xml" title="Customer updates (Atom)" href="${links.atom}">
<link rel="alternate" type="application/feed+json" title="Customer updates (JSON Feed)" href="${links.json}">
<script src="${links.js}" defer></script>
</head>
<body>
<header><h1>Incident status</h1>
<p>The latest approved wording for every team. Copy it as it is; ask the communication owner before saying
anything else.</p></header>
<main id="incidents" data-revision="${revision}" data-revision-url="${links.revision}">
${raw(body)}
</main>
<p class="live" role="status" aria-live="polite" data-live></p>
</body>
</html>`;
}
