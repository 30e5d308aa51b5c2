/**
 * Fuzzing the public boundaries with fixed seeds: whatever a host, a runbook author or an
 * attacker hands in, the only errors are typed `IncidentCommsError`s (never a TypeError,
 * RangeError or the yaml package's ReferenceError). Each property runs 10,000 cases; the
 * counts of accepted and refused inputs are printed so a run can be read at a glance.
 */
import {
  applyEvent,
  IncidentCommsError,
  type IncidentEventInput,
  type IncidentState,
  lintMessage,
  parseRunbook,
  replay,
} from '@incident-comms/core';
import { compileTemplate, renderTemplate, TEMPLATE_FORMATS } from '@incident-comms/templates';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkoutStart, runbookInput, t } from '../../packages/core/test/support';

const RUNS = 10_000;

/** Mostly `valid`, sometimes `odd`: deep enough to reach the rules, wide enough to hit the edges. */
const mostly = <T, U>(valid: fc.Arbitrary<T>, odd: fc.Arbitrary<U>) =>
  fc.oneof({ arbitrary: valid, weight: 5 }, { arbitrary: odd, weight: 1 });

/** Runs `attempt`, counting outcomes; any error that is not typed fails the property. */
function typedOnly(counts: { ok: number; refused: number }, attempt: () => unknown): void {
  try {
    attempt();
    counts.ok++;
  } catch (error) {
    if (!(error instanceof IncidentCommsError)) throw error;
    expect(typeof error.code).toBe('string');
    counts.refused++;
  }
}

// Text that hits the edges: control characters, zero-width and bidi marks, look-alike letters,
// astral characters, lone surrogates, YAML and Mustache syntax, and long runs.
const nasty = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.string({ unit: 'grapheme', maxLength: 40 }),
  fc.constantFrom(
    '',
    ' ',
    '\u0000',
    '\u200B',
    '\u202E',
    'm\u0430ya',
    '\uFF4D\uFF41\uFF59\uFF41',
    '\uD800',
    '*a',
    '&a [*a, *a]',
    '!foo x',
    '{{title}}',
    '{{{raw}}}',
    '<!channel>',
    '9999-12-31T23:59:59Z',
    '0000-01-01T00:00:00Z',
    'javascript:alert(1)',
    'x'.repeat(5_000),
  ),
);

describe('fuzz: parseRunbook', () => {
  it(`refuses any YAML with a typed error (${RUNS} cases)`, () => {
    const counts = { ok: 0, refused: 0 };
    const yamlish = fc.oneof(
      { arbitrary: fc.constant(JSON.stringify(runbookInput())), weight: 1 },
      fc
        .array(
          fc.oneof(
            nasty,
            fc.constantFrom(':', '- ', '\n', '  ', '[', ']', '{', '}', '&a ', '*a', '!!js/x ', '<<: *a'),
          ),
          { maxLength: 30 },
        )
        .map((parts) => parts.join('')),
      // A valid runbook with one value replaced by something odd.
      fc
        .tuple(
          fc.constantFrom(
            'name',
            'sourceOfTruth',
            'cadence',
            'approvals',
            'timeZones',
            'admin',
            'highImpact',
          ),
          fc.jsonValue(),
        )
        .map(([key, value]) => JSON.stringify({ ...runbookInput(), [key]: value })),
    );
    fc.assert(
      fc.property(yamlish, (text) => typedOnly(counts, () => parseRunbook(text))),
      { numRuns: RUNS, seed: 15_001 },
    );
    console.log(`parseRunbook fuzz: ${counts.ok} accepted, ${counts.refused} refused with a typed error`);
    expect(counts.ok + counts.refused).toBe(RUNS);
  }, 300_000);
});

describe('fuzz: applyEvent', () => {
  const TYPES = [
    'declared',
    'roles.assigned',
    'availability.changed',
    'facts.confirmed',
    'severity.set',
    'scope.changed',
    'workaround.found',
    'recovery.started',
    'recovery.confirmed',
    'draft.created',
    'approval.requested',
    'approval.granted',
    'approval.denied',
    'publish.blocked',
    'update.published',
    'note.released',
    'question.logged',
    'checkpoint.held',
    'resolved',
    'closed',
  ] as const;
  const PEOPLE = [
    'dana',
    'sam',
    'lee',
    'ola',
    'maya',
    'raj',
    'priya',
    'tom',
    'ada',
    'Maya',
    ' maya',
    'maya\u0000',
  ];
  const field = fc.oneof(nasty, fc.constantFrom(...PEOPLE), fc.jsonValue(), fc.constant(undefined));
  const event = fc.record(
    {
      type: fc.constantFrom(...TYPES),
      at: fc.oneof(
        fc.integer({ min: 0, max: 120 }).map((m) => t(m)),
        nasty,
      ),
      actor: fc.oneof(fc.constantFrom(...PEOPLE), nasty),
      personId: fc.constantFrom(...PEOPLE),
      available: fc.boolean(),
      draftId: fc.constantFrom('d1', 'd2', ' d1'),
      revision: fc.integer({ min: 0, max: 3 }),
      gate: fc.constantFrom('facts', 'compensation', 'resolution', 'security', 'x'),
      role: fc.constantFrom('approver', 'incidentLead', 'sales', 'communicationOwner'),
      severity: fc.constantFrom('SEV1', 'SEV2', 'SEV9'),
      scope: fc.constantFrom('some', 'all', 'lots'),
      override: fc.option(nasty, { nil: undefined }),
      draft: fc.record({
        id: fc.constantFrom('d1', 'd2'),
        kind: fc.constantFrom('update', 'initial'),
        status: fc.constantFrom('investigating', 'resolved'),
        text: nasty,
        basedOnFactsVersion: fc.integer({ min: 0, max: 2 }),
      }),
      facts: fc.dictionary(fc.constantFrom('symptom', 'customerAction', 'scope', 'cause', 'nope'), field),
      extra: fc.constantFrom('shaped', 'shaped', 'shaped', 'raw'),
    },
    { requiredKeys: ['type', 'at', 'actor', 'extra'] },
  );
  const start = replay(checkoutStart());
  // The keys each type has (anything else is refused by the strict schemas, which is too easy).
  const KEYS: Record<string, string[]> = {
    'roles.assigned': [],
    'availability.changed': ['personId', 'available'],
    'facts.confirmed': ['facts'],
    'severity.set': ['severity'],
    'scope.changed': ['scope'],
    'workaround.found': [],
    'recovery.started': [],
    'recovery.confirmed': [],
    'draft.created': ['draft'],
    'approval.requested': ['draftId', 'revision', 'gate', 'role'],
    'approval.granted': ['draftId', 'revision', 'gate'],
    'approval.denied': ['draftId', 'revision', 'gate'],
    'question.logged': [],
    'checkpoint.held': [],
    resolved: [],
    closed: [],
  };
  const EXTRA: Record<string, Record<string, unknown>> = {
    'workaround.found': { workaround: 'Pay by bank transfer.' },
    'recovery.confirmed': { customerCheck: 'placed a real order' },
    'approval.denied': { reason: 'not this wording' },
    'question.logged': { question: 'Was I charged twice?', topic: 'billing', from: 'customer' },
    'roles.assigned': { roles: {} },
  };
  const shaped = (e: Record<string, unknown>): Record<string, unknown> => {
    const type = e.type as string;
    const keep = ['type', 'at', 'actor', 'override', ...(KEYS[type] ?? Object.keys(e))];
    const out = Object.fromEntries(Object.entries(e).filter(([k, v]) => keep.includes(k) && v !== undefined));
    return e.extra === 'raw' ? e : { ...EXTRA[type], ...out };
  };

  it(`folds any event into a state or refuses it typed, never half-applied (${RUNS} cases)`, () => {
    const counts = { ok: 0, refused: 0 };
    fc.assert(
      fc.property(fc.array(event.map(shaped), { minLength: 1, maxLength: 6 }), (events) => {
        let state: IncidentState = start;
        for (const e of events) {
          const before = JSON.stringify(state);
          try {
            state = applyEvent(state, e as unknown as IncidentEventInput);
            counts.ok++;
          } catch (error) {
            if (!(error instanceof IncidentCommsError)) throw error;
            expect(JSON.stringify(state)).toBe(before);
            counts.refused++;
          }
        }
      }),
      { numRuns: RUNS, seed: 15_002 },
    );
    console.log(
      `applyEvent fuzz: ${counts.ok} events accepted, ${counts.refused} refused with a typed error`,
    );
    expect(counts.refused).toBeGreaterThan(0);
  }, 300_000);
});

describe('fuzz: lintMessage', () => {
  const context = fc.record(
    {
      kind: mostly(fc.constantFrom('initial', 'update', 'workaround', 'resolved'), nasty),
      audience: mostly(fc.constantFrom('customer', 'support-reply', 'internal'), nasty),
      now: mostly(
        fc.integer({ min: Date.UTC(2000, 0, 1), max: Date.UTC(9000, 0, 1) }).map((ms) => new Date(ms)),
        fc.oneof(
          fc.integer({ min: -8.64e15, max: 8.64e15 }).map((ms) => new Date(ms)),
          fc.date({ noInvalidDate: false }),
          nasty,
          fc.constantFrom('9999-12-31T23:59:00Z', '2026-03-03T14:15:00Z'),
        ),
      ),
      timeZone: mostly(
        fc.constantFrom('America/New_York', 'UTC', 'Asia/Kolkata', 'Australia/Lord_Howe'),
        nasty,
      ),
      nextUpdateDue: mostly(
        fc.integer({ min: Date.UTC(2000, 0, 1), max: Date.UTC(9000, 0, 1) }).map((ms) => new Date(ms)),
        fc.oneof(fc.date({ noInvalidDate: false }), nasty),
      ),
    },
    { requiredKeys: ['kind', 'audience'] },
  );
  const text = fc.oneof(
    nasty,
    fc.constantFrom(
      'We will refund you. It will be fixed by 5 PM ET. Next update at 9:30 AM ET.',
      'Checkout is down for everyone!!! Probably the database. Next update in 30 minutes.',
    ),
    fc.string({ unit: 'grapheme', maxLength: 400 }),
  );

  it(`lints random Unicode in random contexts, refusing only with typed errors (${RUNS} cases)`, () => {
    const counts = { ok: 0, refused: 0 };
    fc.assert(
      fc.property(text, context, (message, ctx) =>
        typedOnly(counts, () => lintMessage(message, ctx as never)),
      ),
      { numRuns: RUNS, seed: 15_003 },
    );
    console.log(`lintMessage fuzz: ${counts.ok} linted, ${counts.refused} refused with a typed error`);
    expect(counts.ok).toBeGreaterThan(0);
  }, 300_000);
});

describe('fuzz: template rendering', () => {
  const template = compileTemplate('update/customer', {
    subject: '{{statusLabel}}: {{incidentTitle}}',
    body: 'The problem affecting {{affectedFlow}} is ongoing: {{symptom}}.\n{{#unknowns}}- {{.}}\n{{/unknowns}}{{#nextUpdateTime}}Next update by {{nextUpdateTime}}.{{/nextUpdateTime}}',
  });
  const vars = fc.record(
    {
      statusLabel: mostly(fc.string({ unit: 'grapheme', minLength: 1, maxLength: 20 }), nasty),
      incidentTitle: mostly(fc.string({ unit: 'grapheme', minLength: 1, maxLength: 40 }), nasty),
      affectedFlow: mostly(fc.string({ unit: 'grapheme', minLength: 1, maxLength: 20 }), nasty),
      symptom: mostly(fc.string({ unit: 'grapheme', minLength: 1, maxLength: 60 }), nasty),
      unknowns: mostly(
        fc.array(fc.string({ unit: 'grapheme', minLength: 1, maxLength: 20 }), { maxLength: 3 }),
        nasty,
      ),
      nextUpdateTime: fc.option(mostly(fc.constantFrom('9:30 AM ET'), nasty), { nil: undefined }),
      extra: fc.option(nasty, { nil: undefined, freq: 10 }),
    },
    { requiredKeys: ['statusLabel', 'incidentTitle', 'affectedFlow', 'symptom', 'unknowns'] },
  );

  it(`renders any variables in every format or refuses them typed (${RUNS} cases)`, () => {
    const counts = { ok: 0, refused: 0 };
    fc.assert(
      fc.property(vars, (v) =>
        typedOnly(counts, () => {
          for (const format of TEMPLATE_FORMATS) {
            const out = renderTemplate(template, v, format);
            // Nothing renders as a gap: every accepted value is visible in the text.
            if (format === 'text') expect(out.body).not.toMatch(/affecting {2}|: \.$/m);
          }
        }),
      ),
      { numRuns: RUNS, seed: 15_004 },
    );
    console.log(`template fuzz: ${counts.ok} rendered, ${counts.refused} refused with a typed error`);
    expect(counts.ok).toBeGreaterThan(0);
  }, 300_000);
});
