import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { cli, exampleRunbook } from './cli.test-support';

// A host plugin as a plain module: no import of @incident-comms/core is needed.
const PLUGIN = `
export default {
  meta: { name: 'acme' },
  rules: [{
    id: 'acme/no-codename',
    defaultSeverity: 'error',
    docs: { description: 'Customers do not know the codename "Falcon".' },
    check(ctx) {
      const i = ctx.text.indexOf('Falcon');
      if (i >= 0) ctx.report({ start: i, end: i + 6, message: 'Say "the new checkout" instead of "Falcon".' });
    },
  }],
  configs: { recommended: { rules: { 'acme/no-codename': 'error' } } },
};
`;
const DRAFT =
  'Card payments on Falcon are failing for some customers. Orders may not complete. ' +
  'Our engineers are working on it now. Next update by 9:30 AM ET.';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'incident-comms-plugin-'));
  await writeFile(join(dir, 'acme-plugin.mjs'), PLUGIN);
  await writeFile(join(dir, 'draft.txt'), DRAFT);
  const base = await readFile(exampleRunbook, 'utf8');
  const withLint = base.replace(
    /^lint:\n/m,
    'lint:\n  plugins: [./acme-plugin.mjs]\n  extends: [acme/recommended]\n',
  );
  const runbook =
    withLint === base
      ? `${base}\nlint:\n  plugins: [./acme-plugin.mjs]\n  extends: [acme/recommended]\n`
      : withLint;
  await writeFile(join(dir, 'runbook.yaml'), runbook);
  await writeFile(
    join(dir, 'needs-plugin.yaml'),
    runbook.replace(
      '  plugins: [./acme-plugin.mjs]\n  extends: [acme/recommended]\n',
      '  rules:\n    beta/no-x: error\n',
    ),
  );
});

describe('incident-comms lint with a host plugin', () => {
  it('--plugin loads a plugin module and its rules show and fail the lint', async () => {
    const { code, stdout } = await cli([
      'lint',
      join(dir, 'draft.txt'),
      '--kind',
      'update',
      '--plugin',
      join(dir, 'acme-plugin.mjs'),
    ]);
    expect(stdout).toContain('acme/no-codename');
    expect(stdout).toContain('instead of "Falcon"');
    expect(code).toBe(1);
  });

  it("the runbook's lint.plugins are loaded relative to it, and SARIF lists the plugin rule", async () => {
    const { code, stdout } = await cli([
      'lint',
      join(dir, 'draft.txt'),
      '--kind',
      'update',
      '--runbook',
      join(dir, 'runbook.yaml'),
      '--format',
      'sarif',
    ]);
    const run = JSON.parse(stdout).runs[0];
    expect(run.results.map((r: { ruleId: string }) => r.ruleId)).toContain('acme/no-codename');
    expect(run.tool.driver.rules.map((r: { id: string }) => r.id)).toContain('acme/no-codename');
    expect(code).toBe(1);
  });

  it('a runbook that configures an unloaded plugin fails to load, naming the plugin', async () => {
    const { code, stderr } = await cli(['runbook', 'check', join(dir, 'needs-plugin.yaml')]);
    expect(code).not.toBe(0);
    expect(stderr).toMatch(/beta\/no-x.*plugin "beta" is not registered/);
  });
});
