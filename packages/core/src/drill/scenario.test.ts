import { describe, expect, it } from 'vitest';
import { testRunbook } from '../../test/support';
import { replay } from '../incident/index';
import { DrillScenarioError, loadDrillScenario, parseDrillScenario, scenarioEvents } from './index';

const minimal = () => ({
  id: 'tiny-sign-in',
  title: 'Sign-in failing',
  briefing: 'Customers cannot sign in.',
  startsAt: '2026-03-03T14:10:00Z',
  timeline: [
    { at: 0, type: 'alert', note: 'Chat fills up.' },
    { at: 0, type: 'declared', title: 'Sign-in failing', incidentType: 'sign-in', severity: 'SEV2' },
    { at: 3, type: 'facts.confirmed', facts: { symptom: 'customers cannot sign in', scope: 'some' } },
    { at: 4, type: 'question.logged', question: 'Is my data safe?', topic: 'security' },
    { at: 20, type: 'recovery.started' },
  ],
  prompts: [
    {
      id: 'first-update',
      at: 2,
      role: 'communicationOwner',
      audience: 'customer',
      kind: 'initial',
      instructions: 'Send the first note.',
    },
  ],
});

function problemsOf(run: () => unknown) {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(DrillScenarioError);
    expect((error as DrillScenarioError).code).toBe('drill_scenario_invalid');
    return (error as DrillScenarioError).problems;
  }
  throw new Error('expected the scenario to be rejected');
}

describe('parseDrillScenario', () => {
  it('accepts a scenario and fills the defaults', () => {
    const scenario = parseDrillScenario(minimal());
    expect(scenario.prompts[0]?.respondWithinMinutes).toBe(10);
    expect(scenario.keywords).toEqual([]);
    expect(scenario.timeline[3]).toMatchObject({ type: 'question.logged', from: 'support-reply' });
  });

  it('names every schema problem with its path at once', () => {
    const input = minimal();
    const bad = {
      ...input,
      startsAt: '2026-03-03 09:10',
      prompts: [{ ...input.prompts[0]!, audience: 'press', at: -5 }],
      timeline: [...input.timeline, { at: 30, type: 'rumour' }],
    };
    const paths = problemsOf(() => parseDrillScenario(bad)).map((p) => p.path);
    expect(paths).toEqual(
      expect.arrayContaining(['startsAt', 'prompts.0.audience', 'prompts.0.at', 'timeline.5.type']),
    );
  });

  it('wants the timeline in order, one declaration first and unique prompt ids', () => {
    const input = minimal();
    const swapped = {
      ...input,
      timeline: [input.timeline[0]!, input.timeline[1]!, input.timeline[4]!, input.timeline[2]!],
    };
    expect(problemsOf(() => parseDrillScenario(swapped)).map((p) => p.message)).toEqual([
      'timeline.3.at: expected at least 20 (the timeline runs in order), got 3',
    ]);
    const undeclared = { ...input, timeline: [input.timeline[0]!, input.timeline[2]!] };
    expect(problemsOf(() => parseDrillScenario(undeclared))[0]?.path).toBe('timeline.1.type');
    const twice = { ...input, prompts: [input.prompts[0]!, { ...input.prompts[0]! }] };
    expect(problemsOf(() => parseDrillScenario(twice))[0]?.path).toBe('prompts.1.id');
  });

  it('rejects a timeline that breaks the practice, naming the event', () => {
    const input = minimal();
    const bySales = {
      ...input,
      timeline: [...input.timeline.slice(0, 2), { ...input.timeline[2]!, by: 'sales' }],
    };
    const [p] = problemsOf(() => parseDrillScenario(bySales));
    expect(p?.path).toBe('timeline.2');
    expect(p?.expected).toContain('facts-confirmed-by-incident-lead');
  });
});

describe('loadDrillScenario', () => {
  it('reads YAML', () => {
    const yaml = [
      'id: tiny',
      'title: Tiny',
      'briefing: Checkout fails.',
      'startsAt: 2026-03-03T14:10:00Z',
      'timeline:',
      '  - { at: 0, type: declared, title: Checkout failing, incidentType: checkout, severity: SEV1 }',
      'prompts:',
      '  - { id: first, at: 1, role: support, audience: support-reply, kind: initial, instructions: Reply. }',
    ].join('\n');
    expect(loadDrillScenario(yaml).prompts[0]?.role).toBe('support');
  });

  it('reports YAML syntax errors with line and column', () => {
    const [p] = problemsOf(() => loadDrillScenario('id: tiny\ntitle: [unclosed\n', 'tiny.yaml'));
    expect(p?.path).toMatch(/^line \d+, column \d+$/);
  });
});

describe('scenarioEvents', () => {
  it('turns the timeline into incident events played by the runbook people', () => {
    const events = scenarioEvents(parseDrillScenario(minimal()), testRunbook());
    expect(events.map((e) => [e.type, e.actor])).toEqual([
      ['declared', 'dana'],
      ['roles.assigned', 'dana'],
      ['facts.confirmed', 'lee'],
      ['question.logged', 'tom'],
      ['recovery.started', 'alex'],
    ]);
    expect(events[2]?.at).toBe('2026-03-03T14:13:00Z');
    const state = replay(events);
    expect(state.facts.symptom?.value).toBe('customers cannot sign in');
    expect(state.recovery.startedAt).toBe('2026-03-03T14:30:00Z');
  });
});
