/**
 * Every runbook the CLI loads goes through the templates package's check: a broken custom
 * template fails `runbook check` (and every command that takes `--runbook`) with its path named.
 */
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { cli, exampleRunbook, sampleLog, scenario } from './cli.test-support';

let dir: string;
let base: string;

/** The example runbook with one `templates:` section appended. */
async function runbookWithTemplate(name: string, id: string, body: string): Promise<string> {
  const file = join(dir, `${name}.yaml`);
  await writeFile(file, `${base}\ntemplates:\n  ${id}:\n    body: ${JSON.stringify(body)}\n`);
  return file;
}

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'incident-comms-cli-templates-'));
  base = await readFile(exampleRunbook, 'utf8');
});

describe('runbook check with custom templates', () => {
  it.each([
    [
      'misspelt variable',
      'update/customer',
      'Hi {{nextUpdte}}',
      'templates.update/customer.body: unknown variable "nextUpdte" (did you mean "nextUpdateTime"?)',
    ],
    [
      'unclosed section',
      'initial/customer',
      'Hello {{#unclosed}} there',
      'templates.initial/customer.body: expected valid Mustache, got Unclosed section "unclosed"',
    ],
  ])('refuses a %s with its path (exit 1)', async (name, id, body, expected) => {
    const file = await runbookWithTemplate(name.replace(/ /g, '-'), id, body);
    const { code, stdout, stderr } = await cli(['runbook', 'check', file]);
    expect(code).toBe(1);
    expect(stdout).toBe('');
    expect(stderr).toContain(`Invalid runbook ${file}:`);
    expect(stderr).toContain(expected);
    expect(stderr).not.toMatch(/\n\s+at /);
  });

  it('accepts a custom template that compiles', async () => {
    const file = await runbookWithTemplate(
      'good',
      'update/customer',
      '{{symptom}}. {{teamAction}} Next update by {{nextUpdateTime}}.',
    );
    const { code, stdout } = await cli(['runbook', 'check', file]);
    expect(stdout).toContain(': ok.');
    expect(code).toBe(0);
  });

  it.each([
    ['lint', (rb: string) => ['lint', '-', '--kind', 'update', '--runbook', rb]],
    ['review', (rb: string) => ['review', sampleLog, '--runbook', rb]],
    ['drill', (rb: string) => ['drill', scenario, '--runbook', rb]],
    ['runbook render', (rb: string) => ['runbook', 'render', rb]],
  ])('%s refuses the runbook too', async (_name, argv) => {
    const file = await runbookWithTemplate('broken-for-commands', 'update/customer', 'Hi {{nextUpdte}}');
    const { code, stderr } = await cli(argv(file), 'Checkout is slow for some customers.');
    expect(code).toBe(1);
    expect(stderr).toContain('templates.update/customer.body: unknown variable "nextUpdte"');
  });
});
