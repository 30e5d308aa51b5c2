/**
 * @module runbook-page/render-runbook
 * `renderRunbook` prints the one page a new support rep reads: Markdown and a standalone,
 * responsive HTML page (inline CSS, every runbook value escaped).
 */
import type { Runbook } from '../runbook/define';
import { escapeHtml as h, escapeMarkdown as md } from '../text/escape';
import {
  buildRunbookPage,
  type PageLine,
  type PagePerson,
  RUNBOOK_PAGE_SECTIONS,
  type RunbookPageModel,
  type RunbookPageSectionId,
} from './page-model';

/** The rendered one-page runbook. */
export interface RenderedRunbook {
  /** GitHub-flavoured Markdown. */
  markdown: string;
  /** A complete HTML document with inline CSS and no external resources. */
  html: string;
}

const titleOf = (id: RunbookPageSectionId) => RUNBOOK_PAGE_SECTIONS.find((s) => s.id === id)!.title;
const INTRO = 'Read this before your first incident. It takes two minutes.';

/** Only web and mail links become links; anything else (e.g. `javascript:`) stays plain text. */
const safeUrl = (url: string | undefined) => (url && /^(https?:|mailto:)/i.test(url) ? url : undefined);

const mdPerson = (p: PagePerson) => `${md(p.name)} (${md(p.contact)})`;

/**
 * A Markdown code span for a literal value: no escaping inside (it would show), a fence longer
 * than any backtick run in the value, and padding when the value starts or ends with one.
 */
function mdCode(value: string): string {
  const clean = value.replace(/\s*[\r\n]+\s*/g, ' ');
  const longest = Math.max(0, ...(clean.match(/`+/g) ?? []).map((run) => run.length));
  const fence = '`'.repeat(longest + 1);
  const pad = clean.startsWith('`') || clean.endsWith('`') ? ' ' : '';
  return `${fence}${pad}${clean}${pad}${fence}`;
}

const mdLine = (line: PageLine) =>
  line.map((part) => (typeof part === 'string' ? md(part) : mdCode(part.code))).join('');
const htmlLine = (line: PageLine) =>
  line.map((part) => (typeof part === 'string' ? h(part) : `<code>${h(part.code)}</code>`)).join('');

/** Items that each start with a capital, joined into one phrase: `A; b; c`. */
const joinPhrases = (items: readonly string[]) =>
  items.map((item, i) => (i === 0 ? item : item.charAt(0).toLowerCase() + item.slice(1))).join('; ');

function toMarkdown(page: RunbookPageModel): string {
  const out: string[] = [`# ${md(page.title)}`, '', INTRO, ''];
  const section = (id: RunbookPageSectionId) => out.push(`## ${titleOf(id)}`, '');

  section('latest-status');
  const url = safeUrl(page.sourceOfTruth.url);
  const where = url
    ? `[${md(page.sourceOfTruth.name)}](<${url.replace(/[<>\s]/g, encodeURIComponent)}>)`
    : md(page.sourceOfTruth.name);
  out.push(
    `Read it in **${where}**. Only the approved status there is true: copy from it, not from chat.`,
    '',
    'Customers usually report one of these:',
    '',
  );
  for (const s of page.customerSymptoms) out.push(`- **${md(s.name)}:** ${md(s.symptom)}`);
  out.push('');

  section('owners');
  out.push('| Role | Job | Primary | Backup |', '|---|---|---|---|');
  for (const o of page.owners) {
    out.push(`| ${o.label} | ${o.job} | ${mdPerson(o.primary)} | ${mdPerson(o.backup)} |`);
  }
  out.push('', 'If the primary does not answer, the backup acts. No need to wait.', '');

  section('severity');
  for (const s of page.severities) {
    out.push(`- **${md(s.severity)} ${md(s.label)}:** ${md(s.impact)} ${md(s.speed)}`);
  }
  out.push('', 'Unsure? Pick the more serious level; the incident lead can lower it.', '');

  section('rhythm');
  for (const line of page.rhythm) out.push(`- ${mdLine(line)}`);
  out.push('');

  section('approvals');
  out.push('| Who | Approves | Primary | Backup |', '|---|---|---|---|');
  for (const a of page.approvals) {
    out.push(`| ${a.role} | ${md(joinPhrases(a.what))} | ${mdPerson(a.primary)} | ${mdPerson(a.backup)} |`);
  }
  out.push('');

  section('never');
  for (const line of page.never) out.push(`- ${md(line)}`);
  out.push('');

  section('templates');
  for (const t of page.templates) out.push(`- **${t.title}** (\`${t.kind}\`): ${md(t.line)}`);
  if (page.customTemplates.length > 0) {
    out.push(`- Custom in this runbook: ${page.customTemplates.map((id) => `\`${id}\``).join(', ')}`);
  }
  out.push('');

  section('checklist');
  for (const line of page.checklist) out.push(`- [ ] ${md(line)}`);
  out.push('');
  return out.join('\n');
}

const STYLE = `
:root{color-scheme:light;--ink:#1d2330;--muted:#5a6275;--line:#d9dde6;--soft:#f4f6fa;--accent:#0b5cad;--warn:#a1260d;--warn-soft:#fdf1ee}
*{box-sizing:border-box}
html{-webkit-text-size-adjust:100%}
body{margin:0;font:16px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,"Helvetica Neue",Arial,sans-serif;color:var(--ink);background:#fff;overflow-wrap:anywhere}
main{max-width:52rem;margin:0 auto;padding:1.25rem 1rem 3rem}
h1{font-size:1.6rem;line-height:1.2;margin:0 0 .25rem}
h2{font-size:1.15rem;margin:2rem 0 .6rem;padding-bottom:.25rem;border-bottom:2px solid var(--line)}
p{margin:.4rem 0}
ul{padding-left:1.2rem;margin:.4rem 0}
li{margin:.25rem 0}
.intro{color:var(--muted);margin-bottom:1rem}
.truth{background:var(--soft);border-left:4px solid var(--accent);padding:.75rem 1rem;border-radius:.4rem}
.truth strong{font-size:1.05rem}
.cards{display:grid;grid-template-columns:repeat(auto-fill,minmax(15rem,1fr));gap:.75rem;padding:0;margin:.5rem 0;list-style:none}
.card{border:1px solid var(--line);border-radius:.5rem;padding:.65rem .8rem;margin:0;background:#fff}
.card h3{font-size:1rem;margin:0 0 .25rem}
.card p{font-size:.95rem}
.who{color:var(--muted);font-size:.9rem}
.who b{color:var(--ink);font-weight:600}
.sev{display:inline-block;font-weight:700;font-size:.8rem;padding:.05rem .45rem;border-radius:.3rem;background:var(--ink);color:#fff;margin-right:.35rem;vertical-align:.1em}
.sev-high{background:#a1260d}.sev-mid{background:#a35c00}.sev-low{background:#3f6212}
.never{background:var(--warn-soft);border:1px solid #f3c7bd;border-radius:.5rem;padding:.6rem 1rem .6rem 2rem}
.never li::marker{color:var(--warn)}
.check{list-style:none;padding:0}
.check li{display:flex;gap:.6rem;align-items:flex-start;padding:.45rem .6rem;border:1px solid var(--line);border-radius:.4rem;margin:.4rem 0}
.check li::before{content:"";flex:0 0 1.1rem;height:1.1rem;margin-top:.2rem;border:2px solid var(--accent);border-radius:.2rem}
code{font:.85em ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;background:var(--soft);padding:.05rem .3rem;border-radius:.25rem}
a{color:var(--accent)}
@media (min-width:48rem){main{padding:2rem 1.5rem 4rem}h1{font-size:2rem}}
@media print{main{max-width:none;padding:0}.card,.check li{break-inside:avoid}}
`.trim();

const htmlPerson = (role: string, p: PagePerson) =>
  `<span class="who">${role}: <b>${h(p.name)}</b> ${h(p.contact)}</span>`;

function toHtml(page: RunbookPageModel): string {
  const section = (id: RunbookPageSectionId, body: string) =>
    `<section id="${id}" aria-labelledby="${id}-title"><h2 id="${id}-title">${h(titleOf(id))}</h2>\n${body}\n</section>`;
  const list = (items: string[], cls = '') =>
    `<ul${cls ? ` class="${cls}"` : ''}>${items.map((i) => `<li>${h(i)}</li>`).join('')}</ul>`;

  const url = safeUrl(page.sourceOfTruth.url);
  const truthName = url
    ? `<a href="${h(url)}">${h(page.sourceOfTruth.name)}</a>`
    : h(page.sourceOfTruth.name);
  const body = [
    `<header><h1>${h(page.title)}</h1><p class="intro">${h(INTRO)}</p></header>`,
    section(
      'latest-status',
      `<p class="truth">Read it in <strong>${truthName}</strong>. Only the approved status there is true: copy from it, not from chat.</p>` +
        '<p>Customers usually report one of these:</p>' +
        `<ul>${page.customerSymptoms.map((s) => `<li><b>${h(s.name)}:</b> ${h(s.symptom)}</li>`).join('')}</ul>`,
    ),
    section(
      'owners',
      `<ul class="cards">${page.owners
        .map(
          (o) =>
            `<li class="card"><h3>${h(o.label)}</h3><p>${h(o.job)}</p><p>${htmlPerson('Primary', o.primary)}<br>${htmlPerson('Backup', o.backup)}</p></li>`,
        )
        .join('')}</ul><p>If the primary does not answer, the backup acts. No need to wait.</p>`,
    ),
    section(
      'severity',
      `<ul class="cards">${page.severities
        .map(
          (s) =>
            `<li class="card"><h3><span class="sev sev-${s.tone}">${h(s.severity)}</span>${h(s.label)}</h3><p>${h(s.impact)}</p><p class="who">${h(s.speed)}</p></li>`,
        )
        .join('')}</ul><p>Unsure? Pick the more serious level; the incident lead can lower it.</p>`,
    ),
    section('rhythm', `<ul>${page.rhythm.map((line) => `<li>${htmlLine(line)}</li>`).join('')}</ul>`),
    section(
      'approvals',
      `<ul class="cards">${page.approvals
        .map(
          (a) =>
            `<li class="card"><h3>${h(a.role)}</h3><ul>${a.what.map((w) => `<li>${h(w)}</li>`).join('')}</ul><p>${htmlPerson('Primary', a.primary)}<br>${htmlPerson('Backup', a.backup)}</p></li>`,
        )
        .join('')}</ul>`,
    ),
    section('never', list(page.never, 'never')),
    section(
      'templates',
      `<ul>${page.templates
        .map((t) => `<li><b>${h(t.title)}</b> (<code>${t.kind}</code>): ${h(t.line)}</li>`)
        .join('')}${
        page.customTemplates.length > 0
          ? `<li>Custom in this runbook: ${page.customTemplates.map((id) => `<code>${h(id)}</code>`).join(', ')}</li>`
          : ''
      }</ul>`,
    ),
    section('checklist', list(page.checklist, 'check')),
  ].join('\n');
  return [
    '<!doctype html>',
    '<html lang="en">',
    '<head>',
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${h(page.title)}</title>`,
    `<style>${STYLE}</style>`,
    '</head>',
    `<body><main>\n${body}\n</main></body>`,
    '</html>',
    '',
  ].join('\n');
}

/**
 * Renders the one-page runbook a new support rep reads in two minutes (practice: "hand the
 * runbook to a new support rep"; "one page, a few templates, clear owners, a short checklist"):
 * where the latest status lives, who owns what (with backups), severities in plain words, the
 * update rhythm, what needs approval and by whom, the banned moves, the four templates and the
 * two-minute pre-send check.
 *
 * @param runbook - a validated runbook (`defineRunbook`/`loadRunbook`).
 * @returns `{ markdown, html }`: GitHub-flavoured Markdown and a standalone HTML document
 *   (inline CSS, responsive down to phone width, no external resources). Every runbook value is
 *   escaped for its format.
 * @example
 * const { markdown, html } = renderRunbook(runbook);
 * markdown.startsWith('# Acme support runbook'); // true
 */
export function renderRunbook(runbook: Runbook): RenderedRunbook {
  const page = buildRunbookPage(runbook);
  return { markdown: toMarkdown(page), html: toHtml(page) };
}
