/**
 * The README's usage example really runs: the code block equals examples/src/readme-example.ts,
 * and that file, run against the built packages as a user would, runs a small incident on the
 * desk end to end and delivers the approved update to a real SMTP server on loopback.
 */
import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { type SmtpTestServer, startSmtpTestServer } from '@incident-comms/channel-email/testing';
import { simpleParser } from 'mailparser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const examples = fileURLToPath(new URL('.', import.meta.url));
const root = fileURLToPath(new URL('..', import.meta.url));

let smtp: SmtpTestServer;
beforeAll(async () => {
  smtp = await startSmtpTestServer();
});
afterAll(async () => {
  await smtp.close();
});

describe('README usage example', () => {
  const readme = readFileSync(`${root}/README.md`, 'utf8');
  const block = /<!-- readme-example: [^>]*-->\n```ts\n([\s\S]*?)```/.exec(readme)?.[1];

  it('is the same code as examples/src/readme-example.ts and at most 25 lines', () => {
    expect(block).toBeDefined();
    expect(readFileSync(`${examples}/src/readme-example.ts`, 'utf8')).toBe(block);
    expect(block!.trim().split('\n').length).toBeLessThanOrEqual(25);
  });

  it('declares, confirms, drafts, approves, publishes to email on a local SMTP server and resolves', async () => {
    const { stdout } = await promisify(execFile)(`${root}/node_modules/.bin/tsx`, ['src/readme-example.ts'], {
      cwd: examples,
      encoding: 'utf8',
      env: { ...process.env, SMTP_PORT: String(smtp.port) },
    });
    expect(stdout).toMatch(/^sent 1: /m);
    expect(stdout).toMatch(/^status: resolved$/m);
    expect(smtp.messages).toHaveLength(1);
    const mail = smtp.messages[0]!;
    expect(mail.to).toEqual(['ana@example.com']);
    const parsed = await simpleParser(mail.raw);
    // What arrived is the approved customer message the script printed, with its next-update time.
    const printed = /^sent 1: (.*)$/m.exec(stdout)![1]!;
    expect(parsed.text?.trim()).toBe(printed.trim());
    expect(parsed.text).toMatch(/card payments fail at checkout/);
    // The example runs on the real clock: near midnight the next update reads "by tomorrow 12:15 AM ET".
    expect(parsed.text).toMatch(
      /Next update by (?:[A-Za-z]+,? (?:[A-Z][a-z]{2} \d{1,2}, )?)?\d{1,2}:\d{2} [AP]M [A-Z]+/,
    );
  });
});

describe('core README minimal flow', () => {
  const readme = readFileSync(`${root}/packages/core/README.md`, 'utf8');
  const block = /<!-- core-minimal-flow: [^>]*-->\n```ts\n([\s\S]*?)```/.exec(readme)?.[1];

  it('is the same code as examples/src/core-minimal-flow.ts, 15 to 25 lines', () => {
    expect(block).toBeDefined();
    expect(readFileSync(`${examples}/src/core-minimal-flow.ts`, 'utf8')).toBe(block);
    const lines = block!.trim().split('\n').length;
    expect(lines).toBeGreaterThanOrEqual(15);
    expect(lines).toBeLessThanOrEqual(25);
  });

  it('publishes the first update to the host channel and reminds the owner on the simulated clock', async () => {
    const { stdout } = await promisify(execFile)(
      `${root}/node_modules/.bin/tsx`,
      ['src/core-minimal-flow.ts'],
      {
        cwd: examples,
        encoding: 'utf8',
      },
    );
    expect(stdout).toMatch(/^to #incidents: .*Checkout failing/m);
    expect(stdout).toMatch(/Next update by 9:25 AM ET/);
    expect(stdout).toMatch(/^reminder for Dana Ruiz: next update due at 2026-03-03T14:25:00(\.000)?Z$/m);
  });
});
