import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runbookInput, testRunbook } from '../../test/support';
import { loadRunbook } from '../entries/node';
import { RunbookError } from '../errors';
import { defineRunbook, parseRunbook } from './index';

function problemsOf(fn: () => unknown): string[] {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(RunbookError);
    expect((error as RunbookError).code).toBe('runbook_invalid');
    return (error as RunbookError).problems.map((p) => p.message);
  }
  throw new Error('expected a RunbookError');
}

describe('defineRunbook', () => {
  it('fills the practice defaults when only people are named', () => {
    const rb = testRunbook();
    expect(rb.cadence.minutes).toEqual({ SEV1: 15, SEV2: 30, SEV3: 60 });
    expect(rb.cadence.checkpointMinutes).toBe(30);
    expect(rb.cadence.roundToMinutes).toBe(5);
    expect(rb.approvals.compensation).toBe('approver');
    expect(rb.approvals.fixTime).toBe('incidentLead');
    expect(Object.keys(rb.incidentTypes)).toEqual([
      'sign-in',
      'checkout',
      'data-delayed',
      'timeouts',
      'sync-stopped',
    ]);
    expect(rb.severities.SEV2!.customerImpact).toMatch(/some work/);
    expect(rb.timeZones.default).toBe('UTC');
    expect(rb.productAreas).toContain('checkout');
  });

  it('keeps partial overrides and defaults side by side', () => {
    const rb = testRunbook({
      cadence: { minutes: { SEV3: 120 } },
      timeZones: { audiences: { customer: 'America/New_York' } },
    });
    expect(rb.cadence.minutes).toEqual({ SEV1: 15, SEV2: 30, SEV3: 120 });
    expect(rb.timeZones).toEqual({ default: 'UTC', audiences: { customer: 'America/New_York' } });
  });

  it('is immutable', () => {
    const rb = testRunbook();
    expect(Object.isFrozen(rb.cadence.minutes)).toBe(true);
  });

  it('lists every problem at once, each with path, expected and found', () => {
    const input = runbookInput({
      cadence: { minutes: { SEV1: -5 } },
      timeZones: { audiences: { 'sales-renewal': 'Eastern' } },
    });
    const roles = input.roles as Record<string, Record<string, unknown>>;
    delete roles.approver!.backup;
    const problems = problemsOf(() => defineRunbook(input));
    expect(problems).toContain('roles.approver.backup: required');
    expect(problems).toContain('cadence.minutes.SEV1: expected a positive number of minutes, got -5');
    expect(
      problems.some((p) => p.startsWith('timeZones.audiences.sales-renewal: expected an IANA time zone')),
    ).toBe(true);
  });

  it('names an unknown IANA time zone with the value found', () => {
    const problems = problemsOf(() =>
      defineRunbook(runbookInput({ timeZones: { audiences: { customer: 'Eastern' } } })),
    );
    expect(problems).toEqual([
      'timeZones.audiences.customer: expected an IANA time zone such as "America/New_York", got "Eastern"',
    ]);
  });

  it('refuses a rounding boundary that cannot give clean times (7 minutes does not divide a day)', () => {
    const problems = problemsOf(() => defineRunbook(runbookInput({ cadence: { roundToMinutes: 7 } })));
    expect(problems).toEqual([
      'cadence.roundToMinutes: expected a whole number of minutes that divides a day (1, 5, 10, 15, 30, 60…), got 7',
    ]);
  });

  it('reports a value that breaks several checks once, in the most specific words (roundToMinutes: 0)', () => {
    const problems = problemsOf(() => defineRunbook(runbookInput({ cadence: { roundToMinutes: 0 } })));
    expect(problems).toEqual([
      'cadence.roundToMinutes: expected a whole number of minutes that divides a day (1, 5, 10, 15, 30, 60…), got 0',
    ]);
  });

  it('says what a lint level should be instead of zod\'s "Invalid input"', () => {
    const problems = problemsOf(() =>
      defineRunbook(runbookInput({ lint: { rules: { 'no-jargon': 'maybe' } } })),
    );
    expect(problems).toEqual([
      'lint.rules.no-jargon: expected one of "off", "warning", "error", got "maybe"',
    ]);
  });

  it('rejects a misspelt key instead of ignoring it', () => {
    const problems = problemsOf(() => defineRunbook(runbookInput({ cadance: {} })));
    expect(problems[0]).toMatch(/cadance/);
  });

  it('checks semantics: primary and backup differ, approval roles exist, rhythm order', () => {
    const input = runbookInput({
      approvals: { legal: 'lawyer' },
      cadence: { minutes: { SEV1: 45, SEV2: 30 } },
    });
    const problems = problemsOf(() => defineRunbook(input));
    expect(problems.some((p) => p.startsWith('approvals.legal'))).toBe(true);
    const ok = runbookInput({ cadence: { minutes: { SEV1: 45, SEV2: 30 } } });
    (ok.roles as Record<string, { primary: unknown; backup: unknown }>).sales!.backup = (
      ok.roles as Record<string, { primary: unknown }>
    ).sales!.primary;
    const semantic = problemsOf(() => defineRunbook(ok));
    expect(semantic).toContain(
      'roles.sales.backup.id: expected a different person than the primary (priya), got "priya"',
    );
    expect(semantic).toContain(
      'cadence.minutes.SEV1: expected at most 30 minutes (SEV1 must not be updated less often than SEV2), got 45',
    );
  });
});

describe('parseRunbook / loadRunbook', () => {
  it('loads the shipped example YAML', async () => {
    const rb = await loadRunbook(new URL('../../runbook.example.yaml', import.meta.url));
    expect(rb.roles.communicationOwner.primary.name).toBe('Dana Ruiz');
    expect(rb.timeZones.audiences.customer).toBe('America/New_York');
  });

  it('reads JSON as well', () => {
    expect(parseRunbook(JSON.stringify(runbookInput())).roles.sales.primary.id).toBe('priya');
  });

  it('reports YAML syntax errors with a line number', () => {
    const problems = problemsOf(() => parseRunbook('roles:\n  sales: [unclosed\n', 'bad.yaml'));
    expect(problems[0]).toMatch(/^line \d+, column \d+/);
  });

  it('names the file in the error', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'rb-'));
    const file = join(dir, 'runbook.yaml');
    await writeFile(file, 'roles: {}\n');
    await expect(loadRunbook(file)).rejects.toThrow(file);
    await expect(loadRunbook(join(dir, 'missing.yaml'))).rejects.toMatchObject({
      code: 'runbook_unreadable',
    });
  });
});

describe('the lint section', () => {
  it('is validated at load time: a misspelt rule id fails with its path', () => {
    const problems = problemsOf(() =>
      defineRunbook(runbookInput({ lint: { rules: { 'no-jargn': 'off' } } })),
    );
    expect(problems.join('\n')).toMatch(/lint\.rules/);
    expect(problems.join('\n')).toMatch(/no-jargn/);
  });

  it('keeps a valid configuration', () => {
    const rb = testRunbook({
      lint: { rules: { 'no-jargon': 'off' }, jargon: { 'edge proxies': 'our network' } },
    });
    expect(rb.lint?.rules?.['no-jargon']).toBe('off');
  });
});

describe('the shipped example runbook', () => {
  it('keeps the full source-of-truth name (a "#" in YAML needs quotes)', async () => {
    const rb = await loadRunbook(new URL('../../runbook.example.yaml', import.meta.url));
    expect(rb.sourceOfTruth.name).toBe('the pinned incident summary in #incident-status');
  });
});

describe('sourceOfTruth.url', () => {
  it.each([
    'javascript:alert(1)',
    'JavaScript:alert(1)',
    'data:text/html,<script>alert(1)</script>',
    'file:///etc/passwd',
    'ftp://status.example.com',
    'vbscript:msgbox(1)',
    'https://',
    'not a url',
  ])('refuses %s with the path and the allowed schemes', (url) => {
    const attempt = () => testRunbook({ sourceOfTruth: { name: 'Status page', url } });
    expect(attempt).toThrow(RunbookError);
    try {
      attempt();
    } catch (error) {
      expect((error as RunbookError).problems[0]).toMatchObject({
        path: 'sourceOfTruth.url',
        expected: 'an http(s) URL such as https://status.example.com',
      });
    }
  });

  it.each(['https://status.example.com', 'http://intranet.example.com/incidents?id=1'])(
    'accepts %s',
    (url) => {
      expect(testRunbook({ sourceOfTruth: { name: 'Status page', url } }).sourceOfTruth.url).toBe(url);
    },
  );
});
