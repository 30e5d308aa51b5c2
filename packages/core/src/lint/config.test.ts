import { describe, expect, it } from 'vitest';
import { IncidentCommsError } from '../errors';
import { lintConfigSchema, parseLintConfig } from './config';
import { LintConfigError } from './errors';
import { lintMessage } from './lint-message';

function problems(input: unknown) {
  try {
    parseLintConfig(input);
  } catch (e) {
    if (e instanceof LintConfigError) return { code: e.code, paths: e.problems.map((p) => p.path.join('.')) };
    throw e;
  }
  return undefined;
}

describe('lint config', () => {
  it('accepts levels, options, phrases and a jargon map', () => {
    const config = parseLintConfig({
      rules: {
        'no-jargon': 'off',
        'sentence-length': ['warning', { maxWords: 25 }],
        'message-length': ['error'],
      },
      phrases: { 'no-vague-language': ['minor blip'] },
      jargon: { 'edge proxies': 'our network' },
    });
    expect(config.rules?.['sentence-length']).toEqual(['warning', { maxWords: 25 }]);
  });

  it('names the path of a misspelt rule id', () => {
    expect(problems({ rules: { 'no-jargn': 'off' } })).toEqual({
      code: 'lint_config_invalid',
      paths: ['rules.no-jargn'],
    });
    expect(() => parseLintConfig({ rules: { 'no-jargn': 'off' } })).toThrow(/no-jargn/);
  });

  it('names the path of a misspelt option, a bad option value and a bad level', () => {
    expect(problems({ rules: { 'sentence-length': ['warning', { maxWord: 25 }] } })?.paths).toEqual([
      'rules.sentence-length.1',
    ]);
    expect(() => parseLintConfig({ rules: { 'sentence-length': ['warning', { maxWord: 25 }] } })).toThrow(
      /maxWord/,
    );
    expect(problems({ rules: { 'sentence-length': ['warning', { maxWords: -1 }] } })?.paths).toEqual([
      'rules.sentence-length.1.maxWords',
    ]);
    expect(problems({ rules: { 'no-jargon': 'loud' } })?.paths[0]).toMatch(/^rules\.no-jargon/);
  });

  it('says what a bad level should be, in plain words (never zod\'s "Invalid input")', () => {
    expect(() => parseLintConfig({ rules: { 'no-jargon': 'maybe' } })).toThrow(
      'Invalid lint configuration: rules.no-jargon: expected one of "off", "warning", "error", got "maybe"',
    );
    try {
      parseLintConfig({ rules: { 'sentence-length': ['warning', { maxWords: 'ten' }] } });
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(IncidentCommsError);
      const [p] = (e as LintConfigError).problems;
      expect(p).toMatchObject({ path: ['rules', 'sentence-length', 1, 'maxWords'], received: '"ten"' });
      expect(p!.expected).not.toMatch(/Invalid/);
    }
  });

  it('rejects phrases for rules that take none, and unknown sections', () => {
    expect(problems({ phrases: { 'stale-facts': ['x'] } })?.paths).toEqual(['phrases.stale-facts']);
    expect(problems({ rule: {} })?.paths).toEqual(['']);
  });

  it('is a zod schema the runbook schema can embed', () => {
    expect(lintConfigSchema.safeParse({ rules: { 'owner-named': 'warning' } }).success).toBe(true);
  });

  it('is validated when handed to lintMessage unparsed', () => {
    expect(() =>
      lintMessage('Hi', { kind: 'update', audience: 'customer', config: { rules: { 'no-jargn': 'off' } } }),
    ).toThrow(LintConfigError);
  });

  it('honours configured levels: off silences, a level overrides every report of the rule', () => {
    const text = 'We are seeing 5xx errors on the auth pods. Next update at 14:30 UTC.';
    const base = { kind: 'update', audience: 'customer' } as const;
    expect(
      lintMessage(text, { ...base, config: { rules: { 'no-jargon': 'off' } } }).some(
        (d) => d.ruleId === 'no-jargon',
      ),
    ).toBe(false);
    const errors = lintMessage(text, { ...base, config: { rules: { 'no-jargon': 'error' } } }).filter(
      (d) => d.ruleId === 'no-jargon',
    );
    expect(errors.length).toBe(3);
    expect(errors.every((d) => d.severity === 'error')).toBe(true);
  });
});
