import { existsSync } from 'node:fs';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { RULE_DOCS_URL } from '@incident-comms/core';
import { beforeAll, describe, expect, it } from 'vitest';
import { cli, exampleRunbook, scenario } from './cli.test-support';
import { formatSarif } from './formatters/sarif';

let dir: string;
const BAD = 'Checkout is fixed and should be back in 10 minutes. We suspect our payment provider.';
const GOOD =
  'Card payments at checkout are failing for some customers. Orders may not complete and you may see a payment error. ' +
  'Our engineers are working on it now. Next update by 9:30 AM ET.';

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'incident-comms-cli-'));
  await writeFile(join(dir, 'bad.txt'), BAD);
  await writeFile(join(dir, 'good.txt'), GOOD);
});

describe('incident-comms lint', () => {
  it('prints ESLint-style diagnostics and exits 1 on errors', async () => {
    const { code, stdout } = await cli([
      'lint',
      join(dir, 'bad.txt'),
      '--kind',
      'update',
      '--facts',
      '{"scope":"some"}',
    ]);
    expect(code).toBe(1);
    expect(stdout.split('\n')[0]).toBe(join(dir, 'bad.txt'));
    expect(stdout).toMatch(/^ {2}1:\d+ +error +.+ {2}no-premature-resolution$/m);
    expect(stdout).toMatch(/no-fix-time-promise$/m);
    expect(stdout).toMatch(/no-cause-speculation$/m);
    expect(stdout).toMatch(/^✖ \d+ problems \(\d+ errors, \d+ warnings?\)$/m);
  });

  it('exits 0 with no output for a clean draft', async () => {
    const { code, stdout } = await cli([
      'lint',
      join(dir, 'good.txt'),
      '--kind',
      'initial',
      '--facts',
      '{"scope":"some"}',
      '--now',
      '2026-03-03T14:15:00Z',
      '--time-zone',
      'America/New_York',
      '--next-update',
      '2026-03-03T14:30:00Z',
    ]);
    expect(stdout).toBe('');
    expect(code).toBe(0);
  });

  it('reads standard input for -', async () => {
    const { code, stdout } = await cli(['lint', '-', '--kind', 'update', '--format', 'json'], BAD);
    expect(code).toBe(1);
    const [result] = JSON.parse(stdout);
    expect(result.file).toBe('<stdin>');
    expect(result.errorCount).toBeGreaterThan(0);
    expect(result.diagnostics[0]).toMatchObject({
      ruleId: expect.any(String),
      line: 1,
      column: expect.any(Number),
    });
  });

  it('writes SARIF 2.1.0 that code-scanning UIs read', async () => {
    const { stdout } = await cli(['lint', join(dir, 'bad.txt'), '--kind', 'update', '--format', 'sarif']);
    const sarif = JSON.parse(stdout);
    expect(sarif.version).toBe('2.1.0');
    const run = sarif.runs[0];
    expect(run.tool.driver.name).toBe('incident-comms');
    expect(run.tool.driver.rules.map((r: { id: string }) => r.id)).toContain('no-fix-time-promise');
    const result = run.results.find((r: { ruleId: string }) => r.ruleId === 'no-fix-time-promise');
    expect(result.level).toBe('error');
    expect(run.tool.driver.rules[result.ruleIndex].id).toBe('no-fix-time-promise');
    const region = result.locations[0].physicalLocation.region;
    expect(region.startLine).toBe(1);
    expect(BAD.slice(region.startColumn - 1, region.endColumn - 1)).toBe(region.snippet.text);
  });

  it('SARIF links no made-up sites: every helpUri is the rule page in the repository', async () => {
    const { stdout } = await cli(['lint', join(dir, 'bad.txt'), '--kind', 'update', '--format', 'sarif']);
    const driver = JSON.parse(stdout).runs[0].tool.driver;
    expect(driver).not.toHaveProperty('informationUri');
    expect(stdout).not.toContain('incident-comms.dev');
    const repoRoot = fileURLToPath(new URL('../../..', import.meta.url));
    for (const rule of driver.rules) {
      expect(rule.helpUri).toBe(`${RULE_DOCS_URL}/${rule.id}.md`);
      expect(existsSync(join(repoRoot, rule.helpUri))).toBe(true);
    }
  });

  it('formatSarif links a real home page and rule docs when given', () => {
    const sarif = JSON.parse(
      formatSarif(
        [],
        [
          { id: 'a', description: 'A', helpUri: 'https://docs.acme.example/a' },
          { id: 'b', description: 'B' },
        ],
        '1.0.0',
        { informationUri: 'https://acme.example/incident-comms' },
      ),
    );
    const driver = sarif.runs[0].tool.driver;
    expect(driver.informationUri).toBe('https://acme.example/incident-comms');
    expect(driver.rules[0].helpUri).toBe('https://docs.acme.example/a');
    expect(driver.rules[1]).not.toHaveProperty('helpUri');
  });

  it('lints against an incident log: "fixed" is fine once recovery is confirmed', async () => {
    const log = [
      {
        type: 'declared',
        at: '2026-03-03T14:10:00Z',
        actor: 'dana',
        incidentId: 'inc-1',
        title: 'Card payments failing',
        incidentType: 'checkout',
        severity: 'SEV1',
      },
      {
        type: 'roles.assigned',
        at: '2026-03-03T14:10:00Z',
        actor: 'dana',
        roles: {
          incidentLead: { primary: { id: 'lee', name: 'Lee Park' }, backup: { id: 'ola', name: 'Ola Berg' } },
        },
      },
      {
        type: 'facts.confirmed',
        at: '2026-03-03T14:15:00Z',
        actor: 'lee',
        facts: { scope: 'some', symptom: 'card payments fail' },
      },
    ];
    const logFile = join(dir, 'log.json');
    await writeFile(logFile, JSON.stringify(log));
    const draft = join(dir, 'fixed.txt');
    await writeFile(draft, 'Checkout is fixed. Card payments work again for everyone.');
    const before = await cli([
      'lint',
      draft,
      '--kind',
      'resolved',
      '--incident',
      logFile,
      '--runbook',
      exampleRunbook,
      '--now',
      '2026-03-03T14:40:00Z',
      '--format',
      'json',
    ]);
    expect(JSON.parse(before.stdout)[0].diagnostics.map((d: { ruleId: string }) => d.ruleId)).toContain(
      'no-premature-resolution',
    );
    await writeFile(
      logFile,
      JSON.stringify([
        ...log,
        {
          type: 'recovery.confirmed',
          at: '2026-03-03T14:35:00Z',
          actor: 'lee',
          customerCheck: 'placed a real card order',
        },
      ]),
    );
    const after = await cli([
      'lint',
      draft,
      '--kind',
      'resolved',
      '--incident',
      logFile,
      '--runbook',
      exampleRunbook,
      '--now',
      '2026-03-03T14:40:00Z',
      '--format',
      'json',
    ]);
    expect(JSON.parse(after.stdout)[0].diagnostics.map((d: { ruleId: string }) => d.ruleId)).not.toContain(
      'no-premature-resolution',
    );
  });

  it('refuses a bad kind with usage help (exit 2) and a missing file with a clear message (exit 1)', async () => {
    const usage = await cli(['lint', join(dir, 'bad.txt'), '--kind', 'later']);
    expect(usage.code).toBe(2);
    expect(usage.stderr).toMatch(/Allowed choices are initial, update, workaround, resolved/);
    const missing = await cli(['lint', join(dir, 'nope.txt'), '--kind', 'update']);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toBe(`Cannot read ${join(dir, 'nope.txt')}: no such file\n`);
  });
});

describe('incident-comms runbook', () => {
  it('check says ok for the shipped example', async () => {
    const { code, stdout } = await cli(['runbook', 'check', exampleRunbook]);
    expect(code).toBe(0);
    expect(stdout).toMatch(
      /: ok\. "Acme support runbook": 7 roles, 14 people; updates every 15\/30\/60 minutes/,
    );
  });

  it('check lists every problem with its path, without a stack trace', async () => {
    const file = join(dir, 'bad-runbook.yaml');
    await writeFile(
      file,
      'roles:\n  sales: {}\ncadence:\n  minutes: { SEV1: -5 }\ntimeZones:\n  default: Eastern\n',
    );
    const { code, stderr } = await cli(['runbook', 'check', file]);
    expect(code).toBe(1);
    expect(stderr).toContain(`Invalid runbook ${file}:`);
    expect(stderr).toContain('cadence.minutes.SEV1: expected a positive number of minutes, got -5');
    expect(stderr).toContain(
      'timeZones.default: expected an IANA time zone such as "America/New_York", got "Eastern"',
    );
    expect(stderr).toContain('roles.communicationOwner: required');
    expect(stderr).not.toMatch(/\n\s+at /);
  });

  it('render prints the one-page runbook as Markdown, or writes HTML', async () => {
    const md = await cli(['runbook', 'render', exampleRunbook]);
    expect(md.code).toBe(0);
    expect(md.stdout).toContain('Dana Ruiz');
    const out = join(dir, 'runbook.html');
    const html = await cli(['runbook', 'render', exampleRunbook, '--html', '-o', out]);
    expect(html.stdout).toBe(`wrote ${out}\n`);
  });
});

describe('incident-comms drill and review', () => {
  it('drill without responses prints the briefing and prompts', async () => {
    const { code, stdout } = await cli(['drill', scenario, '--runbook', exampleRunbook]);
    expect(code).toBe(0);
    expect(stdout).toMatch(/^Card payments fail at checkout/);
    expect(stdout).toContain(
      '9:15 AM ET (minute 5), for the communication owner: First customer update (first-customer-update; customer, initial). Answer by 9:25 AM ET.',
    );
  });

  it('drill scores responses; a guessed cause loses points for that reason', async () => {
    const responses = join(dir, 'responses.json');
    await writeFile(
      responses,
      JSON.stringify([
        { promptId: 'first-customer-update', participant: 'Ana', sentAt: '2026-03-03T14:17:00Z', text: GOOD },
        {
          promptId: 'first-customer-update',
          participant: 'Bo',
          sentAt: '2026-03-03T14:17:00Z',
          text: 'Payments are failing, probably because our card processor is down. It should be fixed in 10 minutes.',
        },
      ]),
    );
    const { stdout } = await cli([
      'drill',
      scenario,
      '--runbook',
      exampleRunbook,
      '--responses',
      responses,
      '--json',
    ]);
    const result = JSON.parse(stdout);
    const score = (name: string) =>
      result.participants.find((p: { participant: string }) => p.participant === name).score;
    expect(score('Ana')).toBeGreaterThan(score('Bo'));
    const text = await cli(['drill', scenario, '--runbook', exampleRunbook, '--responses', responses]);
    expect(text.stdout).toMatch(/^Bo: \d+\/100/m);
  });

  it('review prints the Markdown report from a log', async () => {
    const logFile = join(dir, 'review-log.jsonl');
    const events = [
      {
        type: 'declared',
        at: '2026-03-03T14:10:00Z',
        actor: 'dana',
        incidentId: 'inc-1',
        title: 'Card payments failing',
        incidentType: 'checkout',
        severity: 'SEV1',
      },
      {
        type: 'question.logged',
        at: '2026-03-03T14:12:00Z',
        actor: 'tom',
        question: 'Was I charged twice?',
        topic: 'double charges',
        from: 'customer',
      },
    ];
    await writeFile(logFile, events.map((e) => JSON.stringify(e)).join('\n'));
    const { code, stdout } = await cli(['review', logFile, '--runbook', exampleRunbook]);
    expect(code).toBe(0);
    expect(stdout).toMatch(/^# Review: Card payments failing/);
    expect(stdout).toContain('double charges');
  });
});

describe('help', () => {
  it.each([
    [[]],
    [['lint']],
    [['runbook']],
    [['runbook', 'check']],
    [['runbook', 'render']],
    [['drill']],
    [['review']],
  ])('--help works for %j', async (path) => {
    const { code, stdout } = await cli([...path, '--help']);
    expect(code).toBe(0);
    expect(stdout).toMatch(/^Usage: incident-comms/);
  });
});
