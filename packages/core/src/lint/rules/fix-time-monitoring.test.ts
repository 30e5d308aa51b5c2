import { describe, expect, it } from 'vitest';
import { lintMessage } from '../lint-message';
import type { LintContext } from '../types';

// Watching a fix for a stated period is what the runbook asks for after a fix, and no promise
// of when anything is fixed. Fault: the time was taken as a fix time unless the watching verb
// stood right before it ("keep monitoring for the next hour"), so "We will keep monitoring the
// fix over the next few hours" or "In the next hour we will be watching the recovery" were
// reported. A fix time with watching elsewhere in the sentence is still a promise. Every
// phrasing below was written for this table.

const update: LintContext = { kind: 'update', audience: 'customer' };
const fires = (text: string) => lintMessage(text, update).some((d) => d.ruleId === 'no-fix-time-promise');

// Watching verbs, as said after "we will".
const WATCHING = [
  'monitor',
  'keep monitoring',
  'be monitoring',
  'continue monitoring',
  'watch',
  'keep watching',
  'continue to watch',
  'keep an eye on',
  'keep a close watch on',
  'observe',
  'track',
  'keep track of',
];
const WATCHED = ['the fix', 'the recovery', 'the restored service', 'the checkout fix'];
// How long the team watches, after the watched thing ...
const PERIODS = [
  'over the next few hours',
  'for the next 30 minutes',
  'through the evening',
  'until end of day',
  'for another hour',
  'over the next two hours',
  'during the next hour',
];
// ... or before the whole clause.
const LEAD_PERIODS = [
  'In the next hour',
  'Over the next two hours',
  'For the next 30 minutes,',
  'Until end of day,',
  'Through the evening',
  'Within the next hour',
];

const cross = <T, U>(xs: T[], ys: U[]): [T, U][] => xs.flatMap((x) => ys.map((y): [T, U] => [x, y]));

const WATCHING_SENTENCES = [
  ...cross(WATCHING, WATCHED).flatMap(([verb, thing]) => [
    ...PERIODS.map((p) => `We will ${verb} ${thing} ${p}.`),
    ...PERIODS.map((p) => `Engineers will ${verb} ${thing} closely ${p} before we call this resolved.`),
    ...LEAD_PERIODS.map((l) => `${l} we will ${verb} ${thing}.`),
    ...LEAD_PERIODS.map((l) => `${l} our team will ${verb} ${thing} closely.`),
  ]),
  ...cross(WATCHED, PERIODS).flatMap(([thing, p]) => [
    `We are monitoring ${thing} and will stay on it ${p}.`,
    `${thing[0]!.toUpperCase()}${thing.slice(1)} will be closely monitored ${p}.`,
    `${thing[0]!.toUpperCase()}${thing.slice(1)} is being watched ${p}.`,
  ]),
];

// Real fix times in the same sentence as watching: the claim is not what is watched, or a
// claim of its own stands between the watched thing and the time.
const CLAIMS = [
  'the fix should be live',
  'the fix will be deployed',
  'service should be fully restored',
  'we expect the recovery to be complete',
];
const DEADLINES = ['within the hour', 'by 4 PM', 'by noon', 'in the next two hours', 'by end of day'];
const lead = (s: string) => `${s[0]!.toUpperCase()}${s.slice(1)}`;

const PROMISE_SENTENCES = [
  ...cross(CLAIMS, DEADLINES).flatMap(([claim, time]) => [
    `${lead(claim)} ${time}, and we will keep monitoring.`,
    `${lead(claim)} ${time} and we will watch it closely afterwards.`,
    `Monitoring shows progress; ${claim} ${time}.`,
    `${lead(time)} ${claim} and we will monitor it afterwards.`,
    `We are keeping an eye on things, and ${claim} ${time}.`,
  ]),
  ...cross(
    WATCHING.filter((v) => !v.startsWith('be ')),
    DEADLINES,
  ).flatMap(([verb, time]) => [
    `We will ${verb} the fix and expect it ${time}.`,
    `We will ${verb} the fix, which should be live ${time}.`,
    `We will ${verb} the rollout and will ship the fix ${time}.`,
    `We will ${verb} the patch and expect the fix to be deployed ${time}.`,
    `We will ${verb} the fix as it takes effect ${time}.`,
    `${lead(time)} we will ${verb} the fix as it rolls out.`,
  ]),
];

describe('no-fix-time-promise: a time that belongs to watching the fix', () => {
  it('does not report how long the team watches a fix or a recovery', () => {
    const reported = WATCHING_SENTENCES.filter(fires);
    expect(WATCHING_SENTENCES.length).toBeGreaterThan(700);
    expect(reported).toEqual([]);
  });

  it('still reports a fix time beside watching', () => {
    const missed = PROMISE_SENTENCES.filter((s) => !fires(s));
    expect(PROMISE_SENTENCES.length).toBeGreaterThan(200);
    expect(missed).toEqual([]);
  });

  it('reads "on track" as progress, not watching', () => {
    expect(fires('The fix is on track to be live within the hour.')).toBe(true);
    expect(fires('We are on track with the fix and expect it by noon.')).toBe(true);
  });
});
