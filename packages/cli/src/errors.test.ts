/**
 * How the CLI reports bad input: bad option values are usage errors (exit 2, with a pointer to
 * `--help`); unreadable or unwritable files and library errors print one plain message (exit 1);
 * errors found in a log or a responses file name that file. Never a stack trace.
 */
import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { cli, exampleRunbook, sampleLog, scenario } from './cli.test-support';

let dir: string;
let draft: string;
const STACK = /\n\s+at /;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'incident-comms-cli-errors-'));
  draft = join(dir, 'draft.txt');
  await writeFile(draft, 'Card payments at checkout are failing for some customers.');
});

describe('bad option values are usage errors (exit 2)', () => {
  it.each([
    ['--now', 'yesterday', 'Expected an ISO-8601 UTC instant like 2026-03-03T14:15:00Z, got "yesterday"'],
    ['--now', '2026-03-03T09:15:00-05:00', 'Expected an ISO-8601 UTC instant'],
    ['--next-update', 'garbage', 'Expected an ISO-8601 UTC instant like 2026-03-03T14:15:00Z, got "garbage"'],
    [
      '--time-zone',
      'Eastern',
      'Expected an IANA time zone such as America/New_York or Europe/Berlin, got "Eastern"',
    ],
    ['--time-zone', 'EST', 'got "EST"'],
    [
      '--facts',
      '{scope: some}',
      'Expected a JSON object such as \'{"scope":"some"}\', got "{scope: some}" (not valid JSON)',
    ],
    ['--facts', '["some"]', 'Expected a JSON object such as \'{"scope":"some"}\', got a list'],
    ['--facts', '42', 'got 42'],
  ])('lint %s %s', async (option, value, expected) => {
    const { code, stdout, stderr } = await cli(['lint', draft, '--kind', 'update', option, value]);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toContain(`option '${option} `);
    expect(stderr).toContain(expected);
    expect(stderr).toContain('(run "incident-comms lint --help" for usage)');
    expect(stderr).not.toMatch(STACK);
  });

  it('accepts the same options with good values', async () => {
    const { code, stderr } = await cli([
      'lint',
      draft,
      '--kind',
      'update',
      '--now',
      '2026-03-03T14:15:00Z',
      '--next-update',
      '2026-03-03T14:30:00.000Z',
      '--time-zone',
      'Europe/Berlin',
      '--facts',
      '{"scope":"some"}',
      '--format',
      'json',
    ]);
    expect(stderr).toBe('');
    expect([0, 1]).toContain(code);
  });

  it.each([
    ['{"version":-1}', /facts\.version: expected a facts version/],
    [
      '{"scope":42,"causeConfirmed":"yes"}',
      /facts\.causeConfirmed: expected true or false, got "yes".*facts\.scope: expected one of/,
    ],
    ['{"scop":"some"}', /facts: expected no unknown keys, got "scop"/],
    ['{"scope":"most"}', /facts\.scope: expected one of .*, got "most"/],
  ])('--facts %s is a usage error naming the field (exit 2)', async (facts, message) => {
    const { code, stderr } = await cli(['lint', draft, '--kind', 'update', '--facts', facts]);
    expect(code).toBe(2);
    expect(stderr).toMatch(message);
    expect(stderr).not.toMatch(STACK);
  });

  it.each([
    ['./nope.mjs', /^Cannot load lint plugin \.\/nope\.mjs: file not found/],
    ['../missing/plugin.js', /^Cannot load lint plugin \.\.\/missing\/plugin\.js: file not found/],
    ['@acme/not-installed-plugin', /^Cannot load lint plugin @acme\/not-installed-plugin: package not found/],
  ])('--plugin %s that does not exist is named as the user gave it (exit 1)', async (plugin, message) => {
    const { code, stderr } = await cli(['lint', draft, '--kind', 'update', '--plugin', plugin]);
    expect(code).toBe(1);
    expect(stderr).toMatch(message);
    expect(stderr).not.toMatch(/chunk-|dist\//);
  });

  it('--incident without --runbook is a usage error', async () => {
    const { code, stderr } = await cli(['lint', draft, '--kind', 'update', '--incident', sampleLog]);
    expect(code).toBe(2);
    expect(stderr).toContain('--incident needs --runbook');
    expect(stderr).toContain('(run "incident-comms lint --help" for usage)');
  });

  it('an unknown option points to the help of the command that was run', async () => {
    const { code, stderr } = await cli(['runbook', 'render', exampleRunbook, '--pdf']);
    expect(code).toBe(2);
    expect(stderr).toContain("unknown option '--pdf'");
    expect(stderr).toContain('(run "incident-comms runbook render --help" for usage)');
  });
});

describe('file system errors print one plain line (exit 1)', () => {
  it('a missing input file', async () => {
    const missing = join(dir, 'nope.txt');
    for (const argv of [
      ['lint', missing, '--kind', 'update'],
      ['runbook', 'check', missing],
      ['review', missing, '--runbook', exampleRunbook],
      ['drill', scenario, '--runbook', missing],
    ]) {
      const { code, stderr } = await cli(argv);
      expect(code).toBe(1);
      expect(stderr).toBe(`Cannot read ${missing}: no such file\n`);
    }
  });

  it('a directory where a file was expected', async () => {
    const { code, stderr } = await cli(['lint', dir, '--kind', 'update']);
    expect(code).toBe(1);
    expect(stderr).toBe(`Cannot read ${dir}: it is a directory\n`);
  });

  it('runbook render -o into a missing directory, or onto a directory', async () => {
    const out = join(dir, 'nonexistent', 'dir', 'x.html');
    const missing = await cli(['runbook', 'render', exampleRunbook, '--html', '-o', out]);
    expect(missing.code).toBe(1);
    expect(missing.stdout).toBe('');
    expect(missing.stderr).toBe(`Cannot write ${out}: no such directory\n`);
    const folder = join(dir, 'a-folder');
    await mkdir(folder);
    const onto = await cli(['runbook', 'render', exampleRunbook, '-o', folder]);
    expect(onto.code).toBe(1);
    expect(onto.stderr).toBe(`Cannot write ${folder}: it is a directory\n`);
  });
});

describe('errors found in a log or responses file name the file', () => {
  const declared = {
    type: 'declared',
    at: '2026-03-03T14:10:00Z',
    actor: 'dana',
    incidentId: 'inc-1',
    title: 'Card payments failing',
    incidentType: 'checkout',
    severity: 'SEV1',
  };

  it.each([
    ['a malformed event', [declared, { type: 'facts.confirmed', actor: 'lee', facts: {} }]],
    [
      'an event the practice refuses',
      [
        declared,
        {
          type: 'recovery.confirmed',
          at: '2026-03-03T14:09:00Z',
          actor: 'lee',
          customerCheck: 'placed an order',
        },
      ],
    ],
  ])('review and lint --incident with %s', async (_name, events) => {
    const log = join(dir, `log-${_name.replace(/ /g, '-')}.json`);
    await writeFile(log, JSON.stringify(events));
    const review = await cli(['review', log, '--runbook', exampleRunbook]);
    expect(review.code).toBe(1);
    expect(review.stderr.startsWith(`${log}: `)).toBe(true);
    expect(review.stderr).not.toMatch(STACK);
    const lint = await cli([
      'lint',
      draft,
      '--kind',
      'update',
      '--incident',
      log,
      '--runbook',
      exampleRunbook,
    ]);
    expect(lint.code).toBe(1);
    expect(lint.stderr.startsWith(`${log}: `)).toBe(true);
    expect(lint.stderr).toBe(review.stderr);
  });

  it('a log that is not JSON names the file and the line', async () => {
    const log = join(dir, 'not-json.jsonl');
    await writeFile(log, `${JSON.stringify(declared)}\n{"type": "question.logged",\n`);
    const { code, stderr } = await cli(['review', log, '--runbook', exampleRunbook]);
    expect(code).toBe(1);
    expect(stderr).toMatch(
      new RegExp(`^${log.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:2: expected one JSON event per line`),
    );
  });

  it('drill responses with a bad field name the responses file and the path', async () => {
    const responses = join(dir, 'responses.json');
    await writeFile(
      responses,
      JSON.stringify([
        { promptId: 'first-customer-update', participant: 'Ana', sentAt: 'soon', text: 'Hi.' },
      ]),
    );
    const { code, stderr } = await cli([
      'drill',
      scenario,
      '--runbook',
      exampleRunbook,
      '--responses',
      responses,
    ]);
    expect(code).toBe(1);
    expect(stderr.startsWith(`${responses}: `)).toBe(true);
    expect(stderr).toContain('responses.0.sentAt');
    const notJson = join(dir, 'responses.txt');
    await writeFile(notJson, 'Ana said hi');
    const bad = await cli(['drill', scenario, '--runbook', exampleRunbook, '--responses', notJson]);
    expect(bad.code).toBe(1);
    expect(bad.stderr.startsWith(`${notJson}: expected JSON`)).toBe(true);
  });
});
