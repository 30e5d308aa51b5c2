import { describe, expect, it } from 'vitest';
import { lintMessage } from '../lint-message';
import { RuleTester } from '../rule-tester';
import type { LintContext } from '../types';
import { noFixTimePromise } from './no-fix-time-promise';

// A promised fix time placed before its claim ("By noon the fix should be live.") is the same
// promise as the time placed after it ("The fix should be live by noon."). Fault: when the time
// came first, the promise word after the nearest recovery word ("the fix" ... "should be live")
// was not read, so deadlines were missed; and an update time or a past fact after the time
// ("Within the hour, we will post an update on the fix", "Within the hour, the fix was live")
// was reported. Every phrasing below was written for this table.

const update: LintContext = { kind: 'update', audience: 'customer' };
const fires = (text: string) => lintMessage(text, update).some((d) => d.ruleId === 'no-fix-time-promise');

const DEADLINES = ['By {T}', 'By {T},', 'Before {T}', 'No later than {T},', 'By around {T}'];
const TIMES = [
  // numeric
  '4:30 PM',
  '16:30 UTC',
  '5 pm ET',
  // spelled out
  'noon',
  'half past four',
  "five o'clock",
  'midday',
  // day parts
  'end of day',
  'tomorrow morning',
];
// relative: a span that only ever points forward
const SPANS = [
  'Within the hour,',
  'Within 30 minutes',
  'In the next two hours,',
  'In about twenty minutes,',
  'Over the next few hours',
  'In half an hour,',
  'Within a couple of hours,',
];
const LEAD_INS = [...DEADLINES.flatMap((lead) => TIMES.map((time) => lead.replace('{T}', time))), ...SPANS];

// Claims in the future: will, should, expect, are confident, is expected, aim.
const PROMISES = [
  'the fix should be live',
  'the fix will go live',
  'service should be fully restored',
  'everything will be back to normal',
  'we expect this resolved',
  'the patch will be deployed',
  'we are confident checkout will be working again',
  'we are confident the fix will be live',
  'a fix is expected to be in place',
  'a resolution is expected',
  'our engineers expect the patch to be rolled out',
  'we aim to have the fix live',
];
// Facts about the past: had, was, had been.
const PAST_FACTS = [
  'the issue had been resolved for most customers',
  'we had identified the cause',
  'the fix was live',
  'the patch was deployed',
  'service had been restored',
  'everything was back to normal',
  'a fix was in place',
  'the fix had gone live in every region',
  'a resolution was found',
];
// A time for the next update is the practice, not a fix promise, even when it names the fix.
const NEXT_UPDATES = [
  'we will post another update',
  'we will share our next update',
  'we will post an update on the fix',
  'we will share more about the fix',
  'we will let you know whether the fix is live',
  'we will confirm whether service is restored',
  'we will update you on the recovery',
  'expect our next update on the patch',
];

const sentences = (claims: string[]) =>
  LEAD_INS.flatMap((lead) => claims.map((claim) => `${lead} ${claim}.`));

describe('no-fix-time-promise: a fix time placed before its claim', () => {
  it.each(PROMISES)('reports every lead-in before: %s', (claim) => {
    expect(sentences([claim]).filter((text) => !fires(text))).toEqual([]);
  });
  it.each(PAST_FACTS)('reports no lead-in before a past fact: %s', (claim) => {
    expect(sentences([claim]).filter(fires)).toEqual([]);
  });
  it.each(NEXT_UPDATES)('reports no lead-in before a next-update promise: %s', (claim) => {
    expect(sentences([claim]).filter(fires)).toEqual([]);
  });
  it('reports the whole promise, from the time to its claim', () => {
    const text = 'By noon the fix should be live.';
    const found = lintMessage(text, update).filter((d) => d.ruleId === 'no-fix-time-promise');
    expect(found.map((d) => text.slice(d.start, d.end))).toEqual(['By noon the fix should be live']);
  });
});

// A time that opens a later clause belongs to the claim after it, not to an earlier claim.
describe('no-fix-time-promise: a fix time opening a clause after an earlier claim', () => {
  const EARLIER = [
    'Checkout was restored at 9 AM;',
    'The fix was deployed at 9 AM, and',
    'Sign-in recovered earlier and',
  ];
  const LATER = ['by noon', 'within the hour', 'before end of day', 'by half past four'];
  const frames = (claims: string[]) =>
    EARLIER.flatMap((first) => LATER.flatMap((time) => claims.map((claim) => `${first} ${time} ${claim}.`)));
  it('reports a promise after the time', () => {
    const promises = [
      'card payments should be back too',
      'everything will be back to normal',
      'exports should resume',
    ];
    expect(frames(promises).filter((text) => !fires(text))).toEqual([]);
  });
  it('reports no past fact or update time after the time', () => {
    const clean = [
      'card payments were back too',
      'we will post an update on card payments',
      'exports had resumed',
    ];
    expect(frames(clean).filter(fires)).toEqual([]);
  });
});

const t = new RuleTester({ describe, it, context: { facts: { scope: 'some' } } });
const approvedAt11 = { facts: { approvedFixTime: '2026-05-12T11:00:00Z' }, timeZone: 'UTC' };

t.run(noFixTimePromise, {
  valid: [
    { text: 'By 11:00 UTC the fix should be live.', context: approvedAt11 },
    { text: 'By 11 AM, service should be fully restored.', context: approvedAt11 },
    {
      text: 'Within 45 minutes the patch will be deployed.',
      context: { ...approvedAt11, now: '2026-05-12T10:15:00Z' },
    },
  ],
  invalid: [
    {
      text: 'By 10:30 UTC the fix should be live.',
      context: approvedAt11,
      errors: [{ message: /does not match/ }],
    },
    {
      text: 'Within the hour the fix should be live.',
      context: { ...approvedAt11, now: '2026-05-12T08:00:00Z' },
      errors: [{ message: /does not match/ }],
    },
  ],
});
