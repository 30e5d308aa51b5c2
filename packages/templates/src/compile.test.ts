import { defineRunbook } from '@incident-comms/core';
import { describe, expect, it } from 'vitest';
import { runbookInput } from '../../core/test/support';
import {
  checkRunbookTemplates,
  checkTemplate,
  compileTemplate,
  declareVariables,
  render,
  renderTemplate,
  TemplateInvalidError,
  TemplateVariableError,
} from './index';

function problemsOf(body: string, id = 'update/customer'): string[] {
  return checkTemplate(id, { subject: 'Update', body }, { path: `templates.${id}` }).problems.map(
    (p) => p.message,
  );
}

function errorOf(fn: () => unknown): TemplateVariableError {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(TemplateVariableError);
    return error as TemplateVariableError;
  }
  throw new Error('expected a TemplateVariableError');
}

describe('compileTemplate', () => {
  it('collects variables with Mustache’s parser and derives which are required', () => {
    const template = compileTemplate('update/customer', {
      body: '{{symptomSentence}}{{#workaround}} {{workaround}}{{/workaround}} Next update by {{nextUpdateTime}}.',
    });
    expect(template.variables).toEqual([
      'statusLabel',
      'incidentTitle',
      'symptomSentence',
      'workaround',
      'nextUpdateTime',
    ]);
    expect(template.required).toEqual(['statusLabel', 'incidentTitle', 'symptomSentence', 'nextUpdateTime']);
    expect(template.source.subject).toBe('{{statusLabel}}: {{incidentTitle}}');
  });

  it('names a misspelt variable with its path and the likely intended name', () => {
    expect(problemsOf('Next update by {{nextUpdte}}.')).toEqual([
      'templates.update/customer.body: unknown variable "nextUpdte" (did you mean "nextUpdateTime"?)',
    ]);
  });

  it('reports every problem at once', () => {
    const problems = problemsOf('{{{symptom}}} {{> footer}} {{unknowns}} {{.}} {{#cause}}{{nope}}{{/cause}}');
    expect(problems).toHaveLength(5);
    expect(problems[0]).toMatch(/unescaped output is not allowed/);
    expect(problems[1]).toMatch(/no partials/);
    expect(problems[2]).toMatch(/list variable "unknowns" used as a section/);
    expect(problems[3]).toMatch(/\{\{\.\}\} only inside a section/);
    expect(problems[4]).toMatch(/unknown variable "nope"/);
  });

  it('reports Mustache syntax errors', () => {
    expect(problemsOf('{{#workaround}}unclosed')[0]).toMatch(
      /^templates\.update\/customer\.body: expected valid Mustache, got Unclosed section "workaround"/,
    );
  });

  it('rejects a variable that may be absent in this kind of message unless it sits in its own section', () => {
    expect(problemsOf('{{workaround}} Next update by {{nextUpdateTime}}.')).toEqual([
      'templates.update/customer.body: expected "workaround" only inside {{#workaround}}…{{/workaround}} (it may be absent in update messages), got "{{workaround}}"',
    ]);
    expect(problemsOf('Recovered. Next update by {{nextUpdateTime}}.', 'resolved/customer')[0]).toMatch(
      /"nextUpdateTime" only inside/,
    );
    expect(problemsOf('{{workaround}} Next update by {{nextUpdateTime}}.', 'workaround/customer')).toEqual(
      [],
    );
  });

  it('checks ids: kind-prefixed ids name an audience, and a third part an incident type', () => {
    expect(problemsOf('{{symptomSentence}}', 'update/custmer')[0]).toMatch(
      /an audience after the message kind/,
    );
    expect(problemsOf('{{symptomSentence}}', 'update/customer/Chekout')[0]).toMatch(/a template id/);
    expect(problemsOf('{{symptomSentence}}', 'notice/partners')).toEqual([]);
    // Which incident types exist is the runbook's to say: a misspelt one fails the runbook.
    expect(problemsOf('{{symptomSentence}}', 'update/customer/invoices-not-sending')).toEqual([]);
    expect(() =>
      defineRunbook(
        runbookInput({ templates: { 'update/customer/chekout': { body: '{{symptomSentence}}' } } }),
        { checks: [checkRunbookTemplates] },
      ),
    ).toThrow(
      /templates\.update\/customer\/chekout: expected an incident type the runbook defines \(one of sign-in, checkout/,
    );
  });

  it('checks a declared schema against what the template uses', () => {
    const { problems } = checkTemplate(
      'update/customer',
      { subject: 'Update', body: '{{symptomSentence}} Next update by {{nextUpdateTime}}.' },
      { variables: declareVariables('symptomSentence', 'nextUpdateTime?', 'affected') },
    );
    expect(problems.map((p) => p.message)).toEqual([
      'update/customer.variables.nextUpdateTime: expected required (it is used outside {{#nextUpdateTime}}…{{/nextUpdateTime}}), got optional',
      'update/customer.variables.affected: expected only variables the template uses, got an unused declaration',
    ]);
  });

  it('throws TemplateInvalidError with code template_invalid', () => {
    expect(() => compileTemplate('update/customer', { body: '{{nextUpdte}}' })).toThrow(TemplateInvalidError);
    expect(() => compileTemplate('update/customer', { body: '{{nextUpdte}}' })).toThrow(
      expect.objectContaining({ code: 'template_invalid' }),
    );
  });
});

describe('strict rendering', () => {
  const template = compileTemplate('notice/partners', {
    subject: '{{statusLabel}}: {{incidentTitle}}',
    body: '{{symptomSentence}}{{#workaround}} {{workaround}}{{/workaround}} Next update by {{nextUpdateTime}}.',
  });
  const vars = {
    statusLabel: 'Investigating',
    incidentTitle: 'Checkout failing',
    symptomSentence: 'Card payments fail.',
    nextUpdateTime: '9:30 AM ET',
  };

  it('renders every field, and leaves an absent optional section out', () => {
    expect(renderTemplate(template, vars)).toEqual({
      templateId: 'notice/partners',
      format: 'text',
      subject: 'Investigating: Checkout failing',
      title: 'Investigating: Checkout failing',
      body: 'Card payments fail. Next update by 9:30 AM ET.',
    });
    expect(renderTemplate(template, { ...vars, workaround: 'Pay by bank transfer.' }).body).toBe(
      'Card payments fail. Pay by bank transfer. Next update by 9:30 AM ET.',
    );
  });

  it('lists every missing variable, including one only the subject uses, and the template id', () => {
    const { statusLabel: _s, incidentTitle: _i, nextUpdateTime: _n, ...partial } = vars;
    const error = errorOf(() => renderTemplate(template, partial));
    expect(error.code).toBe('template_variable_missing');
    expect(error.templateId).toBe('notice/partners');
    expect(error.missing).toEqual(['statusLabel', 'incidentTitle', 'nextUpdateTime']);
    expect(error.message).toMatch(
      /Template notice\/partners cannot be rendered \(missing: statusLabel, incidentTitle, nextUpdateTime\)/,
    );
  });

  it('treats a misspelt name as missing plus unknown, and an extra name alone as unknown', () => {
    const { nextUpdateTime, ...rest } = vars;
    const misspelt = errorOf(() => renderTemplate(template, { ...rest, nextUpdte: nextUpdateTime }));
    expect(misspelt).toMatchObject({
      code: 'template_variable_missing',
      missing: ['nextUpdateTime'],
      unknown: ['nextUpdte'],
    });
    expect(misspelt.problems.map((p) => p.message)).toContain(
      'vars.nextUpdte: expected only variables the template uses (did you mean "nextUpdateTime"?), got an unknown variable',
    );
    const extra = errorOf(() => renderTemplate(template, { ...vars, affected: 'everyone' }));
    expect(extra).toMatchObject({ code: 'template_variable_unknown', missing: [], unknown: ['affected'] });
  });

  it('never renders an empty or wrongly typed value', () => {
    const empty = errorOf(() => renderTemplate(template, { ...vars, symptomSentence: '   ' }));
    expect(empty.code).toBe('template_variable_invalid');
    expect(empty.problems[0]!.path).toBe('vars.symptomSentence');
    const wrongType = errorOf(() => renderTemplate(template, { ...vars, workaround: ['a'] }));
    expect(wrongType.code).toBe('template_variable_invalid');
    expect(errorOf(() => renderTemplate(template, null)).code).toBe('template_variable_missing');
  });

  it('renders the default templates by id through the top-level render', () => {
    const result = render(
      'initial/sales-prospect',
      {
        statusLabel: 'Investigating',
        incidentTitle: 'Checkout failing',
        symptom: 'card payments at checkout are failing',
        teamAction: 'Engineers are working on it now.',
        nextUpdateTime: '9:30 AM ET',
        affectedFlow: 'checkout',
      },
      { format: 'slack' },
    );
    expect(result.body).toContain('If our demo depends on checkout, I will suggest a new time');
    expect(() => render('initial/nobody', {})).toThrow(
      expect.objectContaining({ code: 'template_not_found' }),
    );
  });
});
