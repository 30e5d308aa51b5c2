import {
  AUDIENCES,
  audienceTimeZone,
  INCIDENT_TYPES,
  type IncidentType,
  lintMessage,
  MESSAGE_KINDS,
  type MessageKind,
  SEVERITIES,
  type Severity,
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
import { exampleRunbook, FACTS_BY_TYPE, realisticUpdate } from './realistic-updates.test-support';
import { sampleFactsFor } from './sample-updates';

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

  /** Facts an update may or may not carry; each default template must read well either way. */
  interface FactCombination {
    workaround: boolean;
    customerAction: boolean;
    cause: boolean;
    unknowns: 0 | 1 | 3;
  }
  const COMBINATIONS: FactCombination[] = [true, false].flatMap((workaround) =>
    [true, false].flatMap((customerAction) =>
      [true, false].flatMap((cause) =>
        ([0, 1, 3] as const).map((unknowns) => ({ workaround, customerAction, cause, unknowns })),
      ),
    ),
  );
  // Only checkout's facts carry a customer action; these give every type one of similar length.
  const CUSTOMER_ACTIONS: Record<IncidentType, string> = {
    'sign-in': 'Please do not reset your password while we work on this; it will not help.',
    checkout: FACTS_BY_TYPE.checkout.customerAction!,
    'data-delayed': 'Please do not enter missing orders again, or they will appear twice in reports.',
    timeouts: 'If a save timed out, please check the record before you save it a second time.',
    'sync-stopped': 'Please do not disconnect and reconnect your calendar while we work on this.',
  };
  const MORE_UNKNOWNS = ['which regions see the problem', 'how many orders were affected'];

  function variant(
    type: IncidentType,
    severity: Severity,
    kind: MessageKind,
    combination: FactCombination,
  ): StatusUpdate {
    const {
      workaround: _w,
      customerAction: _c,
      cause: _k,
      ...base
    } = realisticUpdate(type, severity, kind, runbook);
    const facts = sampleFactsFor(type, runbook);
    const unknowns = [...facts.unknowns, ...MORE_UNKNOWNS].slice(0, combination.unknowns);
    return {
      ...base,
      unknowns,
      // A workaround message always has one; a resolved version carries neither workaround nor
      // customer action (realisticUpdate drops them too).
      ...((combination.workaround && kind !== 'resolved') || kind === 'workaround'
        ? { workaround: facts.workaround }
        : {}),
      ...(combination.customerAction && kind !== 'resolved'
        ? { customerAction: CUSTOMER_ACTIONS[type] }
        : {}),
      ...(combination.cause ? { cause: facts.cause } : {}),
    };
  }

  const cases = templates.flatMap((template) =>
    INCIDENT_TYPES.flatMap((type) =>
      COMBINATIONS.map((combination, i) => ({
        template,
        type,
        combination,
        severity: SEVERITIES[i % SEVERITIES.length]!,
      })),
    ),
  );
  // Errors block a draft; these warnings mean our own default text is too long to skim.
  const LENGTH_RULES = new Set(['message-length', 'sentence-length']);

  it(`pass the linter with no errors and no length warnings, with and without workaround, customer action, cause and unknowns (${cases.length} renders)`, () => {
    const failures: string[] = [];
    for (const { template, type, severity, combination } of cases) {
      const update = variant(type, severity, template.kind!, combination);
      const text = render(template.id, varsFor(template, update)).body;
      const findings = lintMessage(text, {
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
      }).filter((d) => d.severity === 'error' || LENGTH_RULES.has(d.ruleId));
      for (const d of findings) {
        failures.push(
          `${template.id} ${type} ${severity} ${JSON.stringify(combination)}: ${d.severity} ${d.ruleId} "${text.slice(d.start, d.end)}" ${d.message}`,
        );
      }
    }
    expect(failures).toEqual([]);
  });

  it('the combinations reach every optional fact of the customer templates', () => {
    // Guards the test above: the longest customer update really carries workaround and action.
    const update = variant('checkout', 'SEV1', 'update', COMBINATIONS[0]!);
    const text = render('update/customer', varsFor(set.get('update/customer'), update)).body;
    expect(text).toContain(FACTS_BY_TYPE.checkout.workaround);
    expect(text).toContain(FACTS_BY_TYPE.checkout.customerAction!);
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
