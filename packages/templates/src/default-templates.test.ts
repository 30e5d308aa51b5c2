import {
  AUDIENCES,
  audienceTimeZone,
  INCIDENT_TYPES,
  lintMessage,
  MESSAGE_KINDS,
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
  TemplateVariableError,
} from './index';
import { exampleRunbook, realisticUpdate } from './realistic-updates.test-support';

const runbook = exampleRunbook();
const set = createTemplateSet(runbook);
const templates = DEFAULT_TEMPLATES.map((d) => set.get(d.id));

function varsFor(template: CompiledTemplate, update: StatusUpdate): Record<string, unknown> {
  const all = buildTemplateVariables(update, template.audience!, runbook, {
    incidentId: 'inc-1',
  }) as unknown as Record<string, unknown>;
  return Object.fromEntries(template.variables.filter((n) => all[n] !== undefined).map((n) => [n, all[n]]));
}

describe('default templates', () => {
  it('cover every kind for customer, support-reply and internal, and initial/update/resolved for the others', () => {
    for (const audience of AUDIENCES) {
      const kinds = ['customer', 'support-reply', 'internal'].includes(audience)
        ? MESSAGE_KINDS
        : (['initial', 'update', 'resolved'] as const);
      for (const kind of kinds) expect(set.has(`${kind}/${audience}`), `${kind}/${audience}`).toBe(true);
      // Every kind resolves to a template for every audience (workaround falls back to update).
      for (const kind of MESSAGE_KINDS)
        expect(set.resolve(kind, audience, 'checkout').audience).toBe(audience);
    }
  });

  it('declare exactly the variables they use', () => {
    // createTemplateSet checks declarations against use; this asserts the declarations are there.
    for (const definition of DEFAULT_TEMPLATES) {
      expect(Object.keys(definition.variables.shape).sort()).toEqual(
        [...set.get(definition.id).variables].sort(),
      );
    }
  });

  const cases = templates.flatMap((template) =>
    INCIDENT_TYPES.flatMap((type) => SEVERITIES.map((severity) => ({ template, type, severity }))),
  );

  it(`pass the linter with zero errors for every incident type and severity (${cases.length} renders)`, () => {
    const failures: string[] = [];
    for (const { template, type, severity } of cases) {
      const update = realisticUpdate(type, severity, template.kind!, runbook);
      const text = render(template.id, varsFor(template, update)).body;
      const errors = lintMessage(text, {
        kind: template.kind!,
        audience: template.audience!,
        facts: {
          scope: update.scope,
          causeConfirmed: update.cause !== undefined,
          recoveryConfirmed: template.kind === 'resolved',
          workaround: update.workaround !== undefined,
        },
        now: update.publishedAt,
        timeZone: audienceTimeZone(runbook, template.audience!),
        ...(update.nextUpdateAt ? { nextUpdateDue: update.nextUpdateAt } : {}),
      }).filter((d) => d.severity === 'error');
      for (const e of errors) {
        failures.push(
          `${template.id} ${type} ${severity}: ${e.ruleId} "${text.slice(e.start, e.end)}" ${e.message}`,
        );
      }
    }
    expect(failures).toEqual([]);
  });

  it('refuses to render any of them with a variable missing, naming it and the template', () => {
    for (const template of templates) {
      const update = realisticUpdate('checkout', 'SEV1', template.kind!, runbook);
      const vars = varsFor(template, update);
      const dropped = template.required[template.required.length - 1]!;
      delete vars[dropped];
      let caught: unknown;
      try {
        render(template.id, vars);
      } catch (error) {
        caught = error;
      }
      expect(caught, template.id).toBeInstanceOf(TemplateVariableError);
      expect(caught).toMatchObject({
        code: 'template_variable_missing',
        templateId: template.id,
        missing: [dropped],
      });
      expect((caught as Error).message).toContain(template.id);
    }
  });
});
