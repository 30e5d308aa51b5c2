import { describe, expect, it } from 'vitest';
import { RuleTester, RuleTesterError } from '../entries/testing';
import { IncidentCommsError } from '../errors';
import { defineRule } from './define-rule';
import { RuleReportError } from './errors';
import { lintMessage } from './lint-message';
import { lintRules } from './rules/index';

const noCodename = defineRule({
  id: 'acme/no-codename',
  defaultSeverity: 'error',
  docs: { description: 'Customers do not know the codename "Falcon".' },
  check(ctx) {
    const i = ctx.text.indexOf('Falcon');
    if (i >= 0 && !ctx.facts.recoveryConfirmed) {
      ctx.report({
        start: i,
        end: i + 6,
        message: 'Say "the new checkout".',
        fix: { start: i, end: i + 6, replacement: 'the new checkout' },
      });
    }
  },
});

describe('RuleTester', () => {
  it('passes silently when every case matches', () => {
    new RuleTester().run(noCodename, {
      valid: ['The new checkout is failing.', { text: 'Falcon is fine.', context: { kind: 'resolved' } }],
      invalid: [
        {
          text: 'Falcon is failing.',
          errors: [{ text: 'Falcon', severity: 'error', line: 1, column: 1 }],
          output: 'the new checkout is failing.',
        },
      ],
    });
  });

  it('throws a readable error listing every mismatch', () => {
    const run = () =>
      new RuleTester().run(noCodename, {
        valid: ['Falcon is failing.'],
        invalid: [
          { text: 'All good.', errors: 1 },
          { text: 'Falcon down.', errors: [{ severity: 'warning' }] },
        ],
      });
    expect(run).toThrow(RuleTesterError);
    try {
      run();
    } catch (e) {
      const err = e as RuleTesterError;
      expect(err.code).toBe('rule_test_failed');
      expect(err.failures).toEqual([
        'valid[0] Falcon is failing.: expected no diagnostics, got error "Falcon" (Say "the new checkout".)',
        'invalid[0] All good.: expected 1 diagnostic(s), got 0: none',
        'invalid[1] Falcon down.: diagnostic 0: expected severity "warning", got "error"',
      ]);
    }
  });

  it('rejects options a rule does not take', () => {
    expect(() =>
      new RuleTester().run(noCodename, { valid: [{ text: 'x', options: {} }], invalid: [] }),
    ).toThrow(
      expect.objectContaining({
        code: 'input_invalid',
        problems: [expect.objectContaining({ path: 'options' })],
      }),
    );
  });

  it('lets hosts run their rules beside the built-ins, configured by id', () => {
    const rules = [...lintRules, noCodename];
    const ds = lintMessage(
      'Falcon is failing for some customers. Next update at 14:30 UTC.',
      {
        kind: 'update',
        audience: 'customer',
        config: { rules: { 'acme/no-codename': 'warning' } },
      },
      rules,
    );
    expect(ds.map((d) => [d.ruleId, d.severity])).toEqual([['acme/no-codename', 'warning']]);
  });

  it('refuses a rule id that is not kebab-case', () => {
    expect(() =>
      defineRule({ id: 'NoCodename', defaultSeverity: 'error', docs: { description: '' }, check() {} }),
    ).toThrow(
      expect.objectContaining({
        code: 'input_invalid',
        message: expect.stringContaining('id: expected a kebab-case rule id'),
      }),
    );
  });

  it('a rule reporting outside the text throws the typed RuleReportError naming the rule', () => {
    const sloppy = defineRule({
      id: 'acme/sloppy',
      defaultSeverity: 'error',
      docs: { description: 'Reports past the end.' },
      check(ctx) {
        ctx.report({ start: 0, end: ctx.text.length + 5, message: 'x' });
      },
    });
    try {
      lintMessage('Hi', { kind: 'update', audience: 'customer' }, [sloppy]);
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(RuleReportError);
      expect(e).toBeInstanceOf(IncidentCommsError);
      expect(e).toMatchObject({ code: 'rule_report_invalid', ruleId: 'acme/sloppy' });
    }
  });

  it('RuleTesterError is an IncidentCommsError with a stable code', () => {
    const error = new RuleTesterError('acme/x', ['case: failed']);
    expect(error).toBeInstanceOf(IncidentCommsError);
    expect(error.code).toBe('rule_test_failed');
    expect(error.name).toBe('RuleTesterError');
  });
});
