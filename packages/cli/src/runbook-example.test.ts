/**
 * The commented `lint:` and `templates:` examples in packages/core/runbook.example.yaml are
 * valid: uncommented as the file tells a support lead to, the runbook passes `runbook check`
 * and the settings take effect.
 */
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseRunbook } from '@incident-comms/core';
import { beforeAll, describe, expect, it } from 'vitest';
import { cli, exampleRunbook } from './cli.test-support';

/** Removes the leading "# " from each commented section (`# lint:`, `# templates:` and their indented lines). */
function uncommentSections(yaml: string, sections: readonly string[]): string {
  let inSection = false;
  return yaml
    .split('\n')
    .map((line) => {
      if (sections.some((s) => line === `# ${s}:`)) inSection = true;
      else if (!(inSection && line.startsWith('#   '))) inSection = false;
      return inSection ? line.slice(2) : line;
    })
    .join('\n');
}

let dir: string;
let example: string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'incident-comms-cli-example-'));
  example = await readFile(exampleRunbook, 'utf8');
});

describe('runbook.example.yaml', () => {
  it('carries commented lint and templates examples', () => {
    expect(example).toMatch(/^# lint:$/m);
    expect(example).toMatch(/^# templates:$/m);
    expect(parseRunbook(example).lint).toBeUndefined();
  });

  it('uncommented, the examples pass runbook check and take effect', async () => {
    const file = join(dir, 'runbook.yaml');
    const text = uncommentSections(example, ['lint', 'templates']);
    await writeFile(file, text);
    const check = await cli(['runbook', 'check', file]);
    expect(check.stderr).toBe('');
    expect(check.code).toBe(0);
    const runbook = parseRunbook(text, file);
    expect(runbook.lint?.rules?.['no-dramatic-language']).toBe('error');
    expect(runbook.templates?.['update/customer']?.body).toContain('{{nextUpdateTime}}');

    const draft = join(dir, 'draft.txt');
    await writeFile(draft, 'We saw a minor blip with the PSP. Next update by 9:30 AM ET.');
    const lint = await cli(['lint', draft, '--kind', 'update', '--runbook', file, '--format', 'json']);
    const found = JSON.parse(lint.stdout)[0].diagnostics.map((d: { ruleId: string; severity: string }) => [
      d.ruleId,
      d.severity,
    ]);
    expect(found).toContainEqual(['no-vague-language', 'error']);
    expect(found).toContainEqual(['no-jargon', 'warning']);
  });

  it('the templates check covers the example: a misspelt variable in it fails', async () => {
    const file = join(dir, 'misspelt.yaml');
    await writeFile(
      file,
      uncommentSections(example, ['templates']).replace('{{nextUpdateTime}}', '{{nextUpdte}}'),
    );
    const { code, stderr } = await cli(['runbook', 'check', file]);
    expect(code).toBe(1);
    expect(stderr).toContain('templates.update/customer.body: unknown variable "nextUpdte"');
  });
});
