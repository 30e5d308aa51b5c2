import { describe, expect, it } from 'vitest';
import { runbookInput, testRunbook } from '../../test/support';
import { RunbookError } from '../errors';
import { roleAssignmentsFromRunbook } from '../incident/roles';
import { detectTopics } from '../lint/topics';
import { audienceSegments } from './segments';
import { approvalTopics, runbookRoleIds, topicRoles } from './topics';

const person = (id: string) => ({ id, name: id.charAt(0).toUpperCase() + id.slice(1), contact: `@${id}` });
const legalReviewer = { primary: person('lena'), backup: person('omar') };

function withExtras(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  const base = runbookInput();
  return {
    ...base,
    roles: { ...(base.roles as object), legalReviewer },
    topics: {
      regulator: {
        role: 'legalReviewer',
        phrases: ['regulator', 'ombudsman'],
        reason: 'It mentions a regulator',
      },
    },
    ...overrides,
  };
}

function problemPaths(input: Record<string, unknown>): string[] {
  try {
    testRunbook(input);
  } catch (error) {
    expect(error).toBeInstanceOf(RunbookError);
    return (error as RunbookError).problems.map((p) => p.path);
  }
  throw new Error('expected a RunbookError');
}

describe('runbook topics and extra roles', () => {
  it('declares an extra role and a custom topic that the linter detects', () => {
    const rb = testRunbook(withExtras());
    expect(runbookRoleIds(rb).at(-1)).toBe('legalReviewer');
    expect(roleAssignmentsFromRunbook(rb).legalReviewer?.primary).toEqual({ id: 'lena', name: 'Lena' });
    const regulator = approvalTopics(rb).find((t) => t.id === 'regulator');
    expect(regulator).toMatchObject({
      role: 'legalReviewer',
      builtIn: false,
      reason: 'It mentions a regulator',
    });
    expect(topicRoles(rb)).toMatchObject({ regulator: 'legalReviewer', compensation: 'approver' });
    // Through the one detector, with the runbook's lint settings.
    expect(
      detectTopics('We have informed the Regulator about the delay.', rb.lint).map((m) => [m.topic, m.text]),
    ).toEqual([['regulator', 'Regulator']]);
    // Words in quotes are someone else's, for custom topics as for built-in ones.
    expect(detectTopics('A customer wrote "regulator" in the subject.', rb.lint)).toEqual([]);
  });

  it('routes a built-in topic to an extra role and adds phrases to it', () => {
    const rb = testRunbook(
      withExtras({ topics: { legal: { role: 'legalReviewer', phrases: ['tribunal'] } } }),
    );
    expect(topicRoles(rb).legal).toBe('legalReviewer');
    expect(detectTopics('The tribunal asked for records.', rb.lint).map((m) => m.topic)).toEqual(['legal']);
  });

  it.each([
    [
      'a topic naming an unknown role',
      { topics: { regulator: { role: 'legalReviwer', phrases: ['regulator'] } } },
      'topics.regulator.role',
    ],
    ['an approval naming an unknown role', { approvals: { legal: 'counsel' } }, 'approvals.legal'],
    [
      'a custom topic without a role',
      { topics: { regulator: { phrases: ['regulator'] } } },
      'topics.regulator.role',
    ],
    [
      'a custom topic without phrases',
      { topics: { regulator: { role: 'legalReviewer' } } },
      'topics.regulator.phrases',
    ],
    [
      'a phrase in two topics',
      {
        topics: {
          regulator: { role: 'legalReviewer', phrases: ['watchdog'] },
          audit: { role: 'approver', phrases: ['Watchdog'] },
        },
      },
      'topics.audit.phrases.0',
    ],
    [
      'lint phrases for an undeclared topic',
      { lint: { topics: { invoices: ['invoice'] } } },
      'lint.topics.invoices',
    ],
    [
      'a role id that is not camelCase',
      { roles: { ...(runbookInput().roles as object), 'legal-reviewer': legalReviewer } },
      'roles.legal-reviewer',
    ],
    [
      'a topic id that is not camelCase',
      { topics: { 'Regulator!': { role: 'approver', phrases: ['x'] } } },
      'topics.Regulator!',
    ],
    [
      'approvals and topics disagreeing',
      { approvals: { legal: 'approver' }, topics: { legal: { role: 'legalReviewer' } } },
      'topics.legal.role',
    ],
    [
      'an extra role whose backup is the primary',
      {
        roles: {
          ...(runbookInput().roles as object),
          legalReviewer: { primary: person('lena'), backup: person('lena') },
        },
      },
      'roles.legalReviewer.backup.id',
    ],
  ])('refuses %s, naming the path', (_what, overrides, path) => {
    expect(problemPaths(withExtras(overrides))).toContain(path);
  });
});

describe('runbook audience segments', () => {
  it('resolves each segment zone: its own, else the audience zone, else the default', () => {
    const rb = testRunbook({
      timeZones: { default: 'UTC', audiences: { customer: 'America/New_York' } },
      audiences: {
        'customer-london': { audience: 'customer', name: 'London customers', timeZone: 'Europe/London' },
        'customer-us': { audience: 'customer' },
        'acme-corp': { audience: 'cs-account', timeZone: 'America/Chicago' },
      },
    });
    expect(audienceSegments(rb).map((s) => [s.id, s.audience, s.timeZone])).toEqual([
      ['customer-london', 'customer', 'Europe/London'],
      ['customer-us', 'customer', 'America/New_York'],
      ['acme-corp', 'cs-account', 'America/Chicago'],
    ]);
    expect(audienceSegments(rb, 'cs-account').map((s) => s.id)).toEqual(['acme-corp']);
  });

  it.each([
    [
      'a segment of an unknown audience',
      { audiences: { 'customer-us': { audience: 'customers' } } },
      'audiences.customer-us.audience',
    ],
    [
      'a bad zone name',
      { audiences: { 'customer-us': { audience: 'customer', timeZone: 'America/Chicgo' } } },
      'audiences.customer-us.timeZone',
    ],
    [
      'a segment id that is a built-in audience',
      { audiences: { internal: { audience: 'customer' } } },
      'audiences.internal',
    ],
    [
      'a segment id that is not kebab-case',
      { audiences: { Customer_US: { audience: 'customer' } } },
      'audiences.Customer_US',
    ],
    [
      'a segment template of an unknown kind',
      {
        audiences: { 'customer-us': { audience: 'customer' } },
        templates: { 'updates/customer-us': { body: 'x' } },
      },
      'templates.updates/customer-us',
    ],
  ])('refuses %s, naming the path', (_what, overrides, path) => {
    expect(problemPaths(runbookInput(overrides))).toContain(path);
  });
});
