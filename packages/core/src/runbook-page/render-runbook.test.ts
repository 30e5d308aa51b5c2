import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { runbookInput, testRunbook } from '../../test/support';
import { parseRunbook } from '../runbook/index';
import { ROLES } from '../vocabulary';
import { RUNBOOK_PAGE_SECTIONS, renderRunbook } from './index';

/** Words a reader reads: tokens with a letter or digit (Markdown punctuation does not count). */
const words = (text: string) => text.split(/\s+/).filter((w) => /[\p{L}\p{N}]/u.test(w)).length;
/** Visible text of the HTML page, without the style sheet and tags. */
const visibleText = (html: string) =>
  html
    .replace(/<style>[\s\S]*?<\/style>/, ' ')
    .replace(/<title>[\s\S]*?<\/title>/, ' ')
    .replace(/<[^>]+>/g, ' ');

const exampleRunbook = async () =>
  parseRunbook(await readFile(new URL('../../runbook.example.yaml', import.meta.url), 'utf8'));

describe('renderRunbook', () => {
  const { markdown, html } = renderRunbook(testRunbook());

  it('has every section, in reading order, in both formats', () => {
    const headings = markdown.split('\n').filter((l) => l.startsWith('## '));
    expect(headings).toEqual(RUNBOOK_PAGE_SECTIONS.map((s) => `## ${s.title}`));
    const ids = [...html.matchAll(/<section id="([a-z-]+)"/g)].map((m) => m[1]);
    expect(ids).toEqual(RUNBOOK_PAGE_SECTIONS.map((s) => s.id));
  });

  it('stays short enough to scan in two minutes (at most 700 words)', async () => {
    const example = renderRunbook(await exampleRunbook());
    for (const page of [markdown, visibleText(html), example.markdown, visibleText(example.html)]) {
      expect(words(page)).toBeLessThanOrEqual(700);
    }
  });

  it('names a primary and a backup for every role', () => {
    const input = runbookInput();
    for (const role of ROLES) {
      const { primary, backup } = (
        input.roles as Record<string, { primary: { name: string }; backup: { name: string } }>
      )[role]!;
      const row = markdown.split('\n').find((l) => l.includes(`| ${primary.name} (`));
      expect(row, role).toContain(`| ${backup.name} (`);
    }
  });

  it('says who approves what, following the runbook routing', () => {
    const routed = renderRunbook(testRunbook({ approvals: { compensation: 'customerSuccess' } })).markdown;
    expect(routed).toContain(
      '| Customer success | Refunds, credits or discounts | Zoe (@zoe) | Kai (@kai) |',
    );
    expect(routed).not.toMatch(/\| Approver \|[^|]*Refunds/);
    expect(markdown).toMatch(
      /\| Approver \| [^|]*refunds, credits or discounts[^|]* \| Maya \(@maya\) \| Raj \(@raj\) \|/,
    );
    expect(markdown).toMatch(
      /\| Incident lead \| A promised fix or recovery time; the facts in every regular update; saying "resolved"[^|]* \| Lee \(@lee\) \| Ola \(@ola\) \|/,
    );
  });

  it('joins what a role approves into one phrase: no capital after a semicolon', () => {
    const rows = markdown.split('\n').filter((l) => /^\| (Approver|Incident lead) \| [^|]*;/.test(l));
    expect(rows).toHaveLength(2);
    for (const row of rows) expect(row.split('|')[2]).not.toMatch(/; [A-Z][a-z]/);
    // The HTML lists each item on its own line, capitalised.
    expect(html).toContain('<li>The facts in every regular update</li>');
  });

  it('prints time zone names as code, with no Markdown escaping inside or in the HTML', () => {
    const zoned = renderRunbook(
      testRunbook({
        timeZones: { default: 'America/New_York', audiences: { 'cs-account': 'Europe/Berlin' } },
      }),
    );
    expect(zoned.markdown).toContain('zone (`America/New_York`, `Europe/Berlin`), on a 5-minute mark.');
    expect(zoned.markdown).not.toContain('\\_');
    expect(zoned.html).toContain('zone (<code>America/New_York</code>, <code>Europe/Berlin</code>)');
    expect(zoned.html).not.toContain('\\');
  });

  it('lists the banned moves', () => {
    const never = markdown.split('## Never do this')[1]!.split('## ')[0]!;
    expect(never).toMatch(/Name a cause before Lee \(incident lead\) confirms it/);
    expect(never).toMatch(/Promise a fix or recovery time nobody approved/);
    expect(never).toMatch(/"fixed".*before recovery is confirmed/);
    expect(never).toMatch(/credits, refunds or discounts without the approver/);
  });

  it('prints severities, rhythm and the source of truth from the runbook', () => {
    const custom = renderRunbook(
      testRunbook({
        severities: { SEV2: { label: 'Serious', customerImpact: 'Exports fail.', responseSpeed: 'Fast.' } },
        cadence: { minutes: { SEV1: 10 } },
        sourceOfTruth: { name: 'Status page', url: 'https://status.example.com/incidents' },
      }),
    );
    expect(custom.markdown).toContain('- **SEV2 Serious:** Exports fail. Fast.');
    expect(custom.markdown).toContain('Then every 10 min (SEV1), 30 min (SEV2), 1 h (SEV3).');
    expect(custom.markdown).toContain('[Status page](<https://status.example.com/incidents>)');
    expect(custom.html).toContain('<a href="https://status.example.com/incidents">Status page</a>');
  });

  it('lists the four message kinds and any custom templates', () => {
    for (const kind of ['initial', 'update', 'workaround', 'resolved'])
      expect(markdown).toContain(`(\`${kind}\`)`);
    const custom = renderRunbook(testRunbook({ templates: { 'update/partner': { body: 'Hi {{name}}' } } }));
    expect(custom.markdown).toContain('Custom in this runbook: `update/partner`');
  });

  it('names the rounding mark with the right article (a 5-minute, an 8-minute mark)', () => {
    expect(markdown).toContain('on a 5-minute mark.');
    const eight = renderRunbook(testRunbook({ cadence: { roundToMinutes: 8 } })).markdown;
    expect(eight).toContain('on an 8-minute mark.');
  });

  it('has the five-point pre-send checklist', () => {
    expect(markdown.match(/^- \[ \] /gm)).toHaveLength(5);
  });

  it('is a standalone, responsive HTML document', () => {
    expect(html.startsWith('<!doctype html>')).toBe(true);
    expect(html).toContain('<meta name="viewport" content="width=device-width, initial-scale=1">');
    expect(html).toContain('<style>');
    expect(html).not.toMatch(/<script|<link|<img|src=|@import|url\(/i);
  });

  it('escapes every runbook value in both formats', () => {
    const input = runbookInput({
      name: 'Ops <script>alert(1)</script>',
      sourceOfTruth: { name: 'the *pinned* note | here', url: 'https://status.example.com/?q="><b>' },
    });
    // A javascript: URL never gets this far: the runbook refuses any scheme but http(s).
    expect(() =>
      testRunbook(runbookInput({ sourceOfTruth: { name: 'x', url: 'javascript:alert(1)' } })),
    ).toThrow(expect.objectContaining({ code: 'runbook_invalid' }));
    (input.roles as Record<string, { primary: Record<string, string> }>).support!.primary = {
      id: 'tom',
      name: 'Tom <img src=x onerror=alert(1)>',
      contact: '@tom"',
    };
    const page = renderRunbook(testRunbook(input));
    expect(page.html).not.toContain('<script>alert(1)');
    expect(page.html).not.toContain('<img');
    expect(page.html).toContain('Tom &lt;img src=x onerror=alert(1)&gt;');
    expect(page.html).toContain('@tom&quot;');
    expect(page.html).not.toContain('"><b>');
    expect(page.markdown).toContain('# Ops \\<script\\>alert(1)\\</script\\>');
    expect(page.markdown).toContain(
      'Read it in **[the \\*pinned\\* note \\| here](<https://status.example.com/?q=',
    );
    expect(page.markdown).not.toContain('<b>');
  });
});

describe('renderRunbook with the runbook’s own roles, topics and segments', () => {
  const base = runbookInput();
  const rb = testRunbook({
    roles: {
      ...(base.roles as object),
      legalReviewer: {
        primary: { id: 'lena', name: 'Lena Fischer', contact: '@lena' },
        backup: { id: 'omar', name: 'Omar Diallo', contact: '@omar' },
      },
    },
    topics: {
      regulator: { role: 'legalReviewer', phrases: ['regulator'], reason: 'It mentions a regulator' },
    },
    audiences: { 'customer-chicago': { audience: 'customer', timeZone: 'America/Chicago' } },
  });
  const { markdown } = renderRunbook(rb);

  it('lists the extra role with its people and what it signs off', () => {
    expect(markdown).toMatch(/Legal reviewer[^\n]*Lena Fischer/);
    expect(markdown).toMatch(/Omar Diallo/);
    expect(markdown).toMatch(/Anything that mentions a regulator/);
  });

  it("names each segment's zone among the zones messages are written in", () => {
    expect(markdown).toContain('America/Chicago');
  });
});
