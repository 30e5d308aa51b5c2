/**
 * Every default template, rendered for readers in zones whose clock times the old reader got
 * wrong (offset-only zones, Southern-hemisphere daylight time, Irish time, the US repeated
 * hour), around the November 2026 fall-back in New York: the text the library writes passes the
 * linter with no error, as publishing requires.
 */
import {
  audienceTimeZone,
  INCIDENT_TYPES,
  lintMessage,
  SEVERITIES,
  type StatusUpdate,
} from '@incident-comms/core';
import { describe, expect, it } from 'vitest';
import {
  buildTemplateVariables,
  type CompiledTemplate,
  createTemplateSet,
  DEFAULT_TEMPLATES,
  render,
} from './index';
import { exampleRunbook, realisticUpdate } from './realistic-updates.test-support';

const ZONES = [
  'Africa/Johannesburg',
  'America/Sao_Paulo',
  'Asia/Kathmandu',
  'Pacific/Auckland',
  'Europe/Dublin',
  'America/New_York',
];

// New York's clocks go back at 06:00Z on 2026-11-01: 1:00-1:59 AM happens at 05:xxZ (EDT) and
// again at 06:xxZ (EST). Published before, inside both passes of and after that hour.
const PUBLISHED = ['04:40', '05:10', '05:35', '05:50', '06:05', '06:20', '06:45', '07:10'].map(
  (hhmm) => `2026-11-01T${hhmm}:00Z`,
);

const MINUTE = 60_000;

const EXPECTED_LABELS: Record<string, string[]> = {
  'Africa/Johannesburg': ['SAST'],
  'America/Sao_Paulo': ['BRT'],
  'Asia/Kathmandu': ['UTC+5:45'],
  'Pacific/Auckland': ['NZDT'],
  'Europe/Dublin': ['GMT'],
  'America/New_York': ['EDT', 'EST', 'ET'],
};

describe.each(ZONES)('default templates for readers in %s across the 2026 fall-back', (zone) => {
  const runbook = exampleRunbook({ timeZones: { default: zone } });
  const set = createTemplateSet(runbook);
  const templates = DEFAULT_TEMPLATES.map((d) => set.get(d.id));

  function varsFor(template: CompiledTemplate, update: StatusUpdate): Record<string, unknown> {
    const all = buildTemplateVariables(update, template.audience!, runbook, {
      incidentId: 'inc-1',
    }) as unknown as Record<string, unknown>;
    return Object.fromEntries(template.variables.filter((n) => all[n] !== undefined).map((n) => [n, all[n]]));
  }

  it('render with no lint error', () => {
    const failures: string[] = [];
    const labels = new Set<string>();
    for (const template of templates) {
      PUBLISHED.forEach((publishedAt, i) => {
        const type = INCIDENT_TYPES[i % INCIDENT_TYPES.length]!;
        const severity = SEVERITIES[i % SEVERITIES.length]!;
        const base = realisticUpdate(type, severity, template.kind!, runbook);
        const every = runbook.cadence.minutes[severity]!;
        const update: StatusUpdate = {
          ...base,
          publishedAt,
          ...(base.nextUpdateAt === undefined
            ? { recoveredAt: new Date(Date.parse(publishedAt) - 5 * MINUTE).toISOString() }
            : { nextUpdateAt: new Date(Date.parse(publishedAt) + every * MINUTE).toISOString() }),
        };
        const text = render(template.id, varsFor(template, update)).body;
        for (const m of text.matchAll(/\d (?:[AP]M )?(UTC[+-][\d:]+|[A-Z]{2,5})\b/g)) labels.add(m[1]!);
        expect(audienceTimeZone(runbook, template.audience!)).toBe(zone);
        const errors = lintMessage(text, {
          kind: template.kind!,
          audience: template.audience!,
          facts: {
            scope: update.scope,
            causeConfirmed: update.cause !== undefined,
            recoveryConfirmed: template.kind === 'resolved',
            workaround: update.workaround !== undefined,
          },
          now: publishedAt,
          timeZone: zone,
          ...(update.nextUpdateAt ? { nextUpdateDue: update.nextUpdateAt } : {}),
        }).filter((d) => d.severity === 'error' || d.ruleId === 'next-update-time');
        for (const d of errors)
          failures.push(
            `${template.id} at ${publishedAt}: ${d.ruleId} "${text.slice(d.start, d.end)}" ${d.message}`,
          );
      });
    }
    expect(failures).toEqual([]);
    // The times were written with the labels readers of this zone know (facts may quote others).
    expect([...labels]).toEqual(expect.arrayContaining(EXPECTED_LABELS[zone]!));
  });
});
