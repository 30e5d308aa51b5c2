/**
 * Regression (issue 17): importing `@incident-comms/templates` once registered its runbook check
 * in a global list inside core, so whether `loadRunbook` rejected a misspelt template variable
 * depended on what had been imported before. Checks are now passed by the caller: a loader runs
 * exactly the checks it is given, in any import order and in a fresh module graph.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { runbookInput } from '../../packages/core/test/support';

const ROLES_YAML = `roles: ${JSON.stringify(runbookInput().roles)}\n`;
const MISSPELT = `${ROLES_YAML}templates:\n  update/customer:\n    body: "Checkout is failing. Next update by {{nextUpdte}}."\n`;
const file = join(mkdtempSync(join(tmpdir(), 'explicit-checks-')), 'runbook.yaml');
writeFileSync(file, MISSPELT);

type Core = typeof import('@incident-comms/core');
type CoreNode = typeof import('@incident-comms/core/node');
type Templates = typeof import('@incident-comms/templates');

/** Imports core, its node entry and templates in the given order, in a fresh module graph. */
async function importInOrder(order: ReadonlyArray<'core' | 'node' | 'templates'>) {
  vi.resetModules();
  const loaded: { core?: Core; node?: CoreNode; templates?: Templates } = {};
  for (const name of order) {
    if (name === 'core') loaded.core = await import('@incident-comms/core');
    if (name === 'node') loaded.node = await import('@incident-comms/core/node');
    if (name === 'templates') loaded.templates = await import('@incident-comms/templates');
  }
  return loaded as Required<typeof loaded>;
}

const ORDERS = [
  ['templates', 'core', 'node'],
  ['core', 'node', 'templates'],
  ['node', 'templates', 'core'],
] as const;

/** What each loader says about the misspelt runbook: accepted, or the problems' messages. */
async function verdicts({ core, node, templates }: Awaited<ReturnType<typeof importInOrder>>) {
  const checks = [templates.checkRunbookTemplates];
  const outcome = async (load: () => unknown) => {
    try {
      await load();
      return 'accepted';
    } catch (error) {
      expect(error).toBeInstanceOf(core.RunbookError);
      return (error as InstanceType<Core['RunbookError']>).problems.map((p) => p.message);
    }
  };
  return {
    parseBare: await outcome(() => core.parseRunbook(MISSPELT)),
    loadBare: await outcome(() => node.loadRunbook(file)),
    parseChecked: await outcome(() => core.parseRunbook(MISSPELT, { checks })),
    loadChecked: await outcome(() => node.loadRunbook(file, { checks })),
  };
}

describe('explicit runbook checks', () => {
  it('run exactly the checks passed, whatever the import order', async () => {
    const seen = [];
    for (const order of ORDERS) seen.push(await verdicts(await importInOrder(order)));
    const problem = [
      'templates.update/customer.body: unknown variable "nextUpdte" (did you mean "nextUpdateTime"?)',
    ];
    for (const v of seen) {
      expect(v.parseBare).toBe('accepted');
      expect(v.loadBare).toBe('accepted');
      expect(v.parseChecked).toEqual(problem);
      expect(v.loadChecked).toEqual(problem);
    }
  });

  it("join the runbook's own problems in one error, and a clean runbook passes them", async () => {
    const { core, templates } = await importInOrder(['core', 'templates']);
    const checks = [templates.checkRunbookTemplates];
    // The runbook's own problem (one id under two names) and a template check's problem. (The
    // severity ladder is different: sibling checks render with it, so they wait until it holds.)
    const roles = runbookInput().roles as Record<string, { primary: object; backup: object }>;
    const twoNames = {
      ...roles,
      support: { ...roles.support!, backup: { ...roles.approver!.primary, name: 'Not Maya' } },
    };
    const broken = MISSPELT.replace(ROLES_YAML, `roles: ${JSON.stringify(twoNames)}\n`);
    const error = (() => {
      try {
        core.parseRunbook(broken, { source: 'runbook.yaml', checks });
      } catch (e) {
        return e as InstanceType<Core['RunbookError']>;
      }
      throw new Error('expected the runbook to be rejected');
    })();
    expect(error.message).toContain('Invalid runbook runbook.yaml:');
    expect(error.problems.map((p) => p.path)).toEqual(
      expect.arrayContaining(['roles.support.backup.name', 'templates.update/customer.body']),
    );
    expect(() => core.parseRunbook(ROLES_YAML, { checks })).not.toThrow();
  });
});
