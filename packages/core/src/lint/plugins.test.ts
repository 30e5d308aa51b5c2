import { describe, expect, it } from 'vitest';
import { checkoutState, draftCreated, granted, NORMAL_UPDATE, t } from '../../test/approvals';
import { testRunbook } from '../../test/support';
import { requestApprovals, requiredApprovals } from '../approvals/index';
import { RunbookError, ValidationError } from '../errors';
import { applyEvent, type IncidentEventInput, type IncidentState } from '../incident/index';
import { preSendCheck } from '../pre-send/index';
import { publish } from '../publish/index';
import { parseLintConfig } from './config';
import { defineRule } from './define-rule';
import { LintConfigError } from './errors';
import { lintMessage } from './lint-message';
import { activeLintRules, definePlugin, type LintPlugin, registerLintPlugin } from './plugins';
import { detectTopics } from './topics';

// A host's plugin: a codename customers do not know, and a plain-object rule (no defineRule).
const noCodename = defineRule({
  id: 'acme/no-codename',
  defaultSeverity: 'error',
  docs: { description: 'Customers do not know the codename "Falcon".' },
  acceptsPhrases: true,
  check(ctx) {
    const re = /\bFalcon\b/g;
    for (let m = re.exec(ctx.text); m !== null; m = re.exec(ctx.text))
      ctx.report({
        start: m.index,
        end: m.index + m[0].length,
        message: 'Say "the new checkout" instead of "Falcon".',
      });
  },
});
const acme: LintPlugin = definePlugin({
  meta: { name: 'acme' },
  rules: [
    noCodename,
    {
      id: 'acme/no-ticket-ids',
      defaultSeverity: 'warning',
      docs: { description: 'No internal ticket ids.' },
      check(ctx) {
        const m = /\bINC-\d+\b/.exec(ctx.text);
        if (m)
          ctx.report({ start: m.index, end: m.index + m[0].length, message: 'Drop the internal ticket id.' });
      },
    },
  ],
  configs: {
    strict: { rules: { 'acme/no-codename': 'error', 'acme/no-ticket-ids': 'error', 'no-jargon': 'error' } },
    loop: { extends: ['acme/loop'] },
    datasafety: { topics: { dataLoss: ['mixed up between accounts'] } },
  },
});
registerLintPlugin(acme);

const base = { kind: 'update', audience: 'customer' } as const;
const TEXT = 'Checkout is failing for some customers on Falcon (INC-42). Next update by 9:30 AM ET.';
const ids = (config: unknown) =>
  lintMessage(TEXT, { ...base, config: config as never })
    .filter((d) => d.ruleId.startsWith('acme/'))
    .map((d) => `${d.severity} ${d.ruleId}`);

describe('lint plugins', () => {
  it('plugin rules join the active rules but stay off until a config turns them on', () => {
    expect(activeLintRules().map((r) => r.id)).toEqual(
      expect.arrayContaining(['acme/no-codename', 'acme/no-ticket-ids']),
    );
    expect(ids(undefined)).toEqual([]);
    expect(ids({ rules: { 'acme/no-codename': 'error' } })).toEqual(['error acme/no-codename']);
    expect(ids({ rules: { 'acme/no-ticket-ids': 'warning' } })).toEqual(['warning acme/no-ticket-ids']);
  });

  it('a runbook extends a shareable config; its own settings win', () => {
    expect(ids({ extends: ['acme/strict'] })).toEqual(['error acme/no-codename', 'error acme/no-ticket-ids']);
    expect(ids({ extends: ['acme/strict'], rules: { 'acme/no-ticket-ids': 'off' } })).toEqual([
      'error acme/no-codename',
    ]);
  });

  it('an unregistered plugin is a load error naming the plugin to register, in a rule id or an extends', () => {
    for (const input of [{ rules: { 'nope/no-x': 'error' } }, { extends: ['nope/strict'] }]) {
      let error: unknown;
      try {
        parseLintConfig(input);
      } catch (e) {
        error = e;
      }
      expect(error).toBeInstanceOf(LintConfigError);
      expect((error as Error).message).toMatch(
        /plugin "nope" is not registered; register it with registerLintPlugin/,
      );
    }
    expect(() => testRunbook({ lint: { rules: { 'nope/no-x': 'error' } } })).toThrow(RunbookError);
    expect(() => testRunbook({ lint: { rules: { 'nope/no-x': 'error' } } })).toThrow(
      /lint\.rules\.nope\/no-x.*plugin "nope"/,
    );
    expect(() => parseLintConfig({ rules: { 'acme/no-such': 'error' } })).toThrow(/none of its rules/);
    expect(() => parseLintConfig({ extends: ['acme/none'] })).toThrow(/none of its configs/);
  });

  it('a config that extends itself is refused, naming the cycle', () => {
    expect(() => lintMessage(TEXT, { ...base, config: { extends: ['acme/loop'] } })).toThrow(/cycle/);
  });

  it('a second plugin under a taken name, and malformed plugins, are refused', () => {
    expect(() => registerLintPlugin({ meta: { name: 'acme' } })).toThrow(ValidationError);
    expect(() => definePlugin({ meta: { name: 'Acme Corp' } })).toThrow(/meta\.name/);
    expect(() => definePlugin({ meta: { name: 'beta' }, rules: [noCodename] })).toThrow(/rules\.0\.id/);
    expect(() => registerLintPlugin(acme)).not.toThrow(); // the same plugin again is a no-op
  });

  it('plugin rules take runbook phrases and options like built-in rules', () => {
    expect(() => parseLintConfig({ phrases: { 'acme/no-codename': ['Osprey'] } })).not.toThrow();
    expect(() => parseLintConfig({ phrases: { 'acme/no-ticket-ids': ['x'] } })).toThrow(/takes none/);
  });
});

const apply = (state: IncidentState, events: readonly IncidentEventInput[]) =>
  events.reduce(applyEvent, state);

describe('plugins and topic phrases everywhere a draft is checked', () => {
  const runbook = testRunbook({
    timeZones: { default: 'America/New_York' },
    lint: { extends: ['acme/datasafety'], rules: { 'acme/no-codename': 'error' } },
  });
  const text = `${NORMAL_UPDATE} The Falcon team is on it.`;
  function approved(body: string): IncidentState {
    let s = applyEvent(checkoutState(), draftCreated('d1', t(8), body));
    s = apply(s, requestApprovals(s.drafts.d1!, s, runbook, t(8), 'dana'));
    return applyEvent(s, granted('d1', s.drafts.d1!.revision, 'facts', 'lee', t(8)));
  }

  it('a host plugin rule blocks publish, with its rule id', () => {
    const state = approved(text);
    const outcome = publish(state, state.drafts.d1!, runbook, t(10));
    expect(outcome.ok).toBe(false);
    if (outcome.ok) return;
    expect(outcome.reasons.map((r) => [r.code, r.ruleId])).toEqual([['lint-error', 'acme/no-codename']]);
  });

  it('preSendCheck names the plugin finding', () => {
    const state = approved(text);
    const names = preSendCheck(state.drafts.d1!, state, runbook, t(10)).find(
      (i) => i.id === 'names-and-areas',
    );
    expect(names?.ok).toBe(false);
    expect(names?.detail).toContain('instead of "Falcon"');
  });

  it('extra topic phrases from an extended config add the approval gate and count for lint', () => {
    const body = `${NORMAL_UPDATE} Some receipts were mixed up between accounts.`;
    expect(detectTopics(body).map((m) => m.topic)).not.toContain('dataLoss');
    expect(detectTopics(body, runbook.lint).map((m) => m.topic)).toContain('dataLoss');
    const state = approved(body);
    expect(requiredApprovals(state.drafts.d1!, state, runbook).map((g) => g.id)).toContain('dataLoss');
  });
});
