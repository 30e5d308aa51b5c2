/**
 * @module lint/rules/next-update-time
 * Every unresolved customer-facing message gives a clock time, with a zone, for the next update.
 */

import {
  type ClockMention,
  findClockTimes,
  formatUpdateTime,
  readClockTime,
  type UpdateTimeStyle,
  zoneLabel,
} from '../../time/index';
import { labelFitsZone, labelZone } from '../../time/read-clock-time';
import { CUSTOMER_FACING_AUDIENCES } from '../../vocabulary';
import type { RuleContext } from '../define-rule';
import { defineRule } from '../define-rule';
import { eachMatch, NEXT_UPDATE, VAGUE_WHEN } from '../phrases';
import { findRelativeTime, type RelativeTimeMention } from '../relative-time';
import type { Span } from '../text';

const MINUTE = 60_000;

/** `next-update-time`: see the rule's `docs.description`. */
export const nextUpdateTime = defineRule({
  id: 'next-update-time',
  defaultSeverity: 'error',
  docs: {
    description:
      'Unresolved customer-facing messages state a clock time with a zone for the next update; with a schedule it matches the due time and is in the future.',
  },
  appliesTo: { kinds: ['initial', 'update', 'workaround'], audiences: CUSTOMER_FACING_AUDIENCES },
  check(ctx) {
    const { doc, text } = ctx;
    const sentences: Span[] = [];
    eachMatch(NEXT_UPDATE, text, (m) => {
      const s = doc.sentenceAt(m.index);
      if (sentences[sentences.length - 1] !== s && !doc.isQuoted(m.index, m.index + m[0].length))
        sentences.push(s);
    });
    let vague: Span | undefined;
    let sawTime = false;
    for (const s of sentences) {
      const sentence = text.slice(s.start, s.end);
      const clocks = findClockTimes(sentence);
      if (clocks.length > 0) {
        sawTime = true;
        const c = clocks[clocks.length - 1]!;
        const day = c.day && { ...c.day, start: s.start + c.day.start, end: s.start + c.day.end };
        checkClock(ctx, { ...c, start: s.start + c.start, end: s.start + c.end, ...(day ? { day } : {}) });
        continue;
      }
      const relative = findRelativeTime(text.slice(s.start, s.end));
      if (relative !== undefined) {
        sawTime = true;
        reportRelative(ctx, { ...relative, start: s.start + relative.start, end: s.start + relative.end });
        continue;
      }
      if (vague === undefined) {
        const w = VAGUE_WHEN.exec(text.slice(s.start, s.end));
        vague = w === null ? s : { start: s.start + w.index, end: s.start + w.index + w[0].length };
      }
    }
    if (sawTime) return;
    // A missing statement belongs to the whole message, not to any one sentence.
    const span = vague ?? { start: 0, end: text.length };
    ctx.report({
      start: span.start,
      end: span.end,
      message:
        vague === undefined
          ? 'Say when the next update will arrive, as a clock time with a zone.'
          : `"${text.slice(span.start, span.end)}" is not a time: give a clock time with a zone for the next update.`,
      suggestion: suggestedLine(ctx),
    });
  },
});

/**
 * `at` written for a reader in `timeZone` by the time module, with the day when it is not the
 * reader's today (seen from `now`); in the writer's 12/24-hour `style` and dotted "a.m." when given.
 */
function written(
  at: Date,
  timeZone: string,
  now: Date | undefined,
  style?: UpdateTimeStyle,
  dotted = false,
): string {
  const text = formatUpdateTime(at, timeZone, {
    ...(now === undefined ? {} : { relativeTo: now }),
    ...(style === undefined ? {} : { style }),
  });
  return dotted ? text.replace(/\b([AP])M\b/, (_, m: string) => `${m.toLowerCase()}.m.`) : text;
}

function suggestedLine(ctx: RuleContext): string {
  const due = ctx.facts.nextUpdateDue;
  if (due === undefined) return 'Next update by <time> <zone>.';
  return `Next update by ${written(due, ctx.timeZone ?? 'UTC', ctx.facts.now)}.`;
}

function checkClock(ctx: RuleContext, clock: ClockMention): void {
  const { facts, timeZone } = ctx;
  const due = facts.nextUpdateDue;
  const reading = readClockTime(clock, { now: facts.now, due, timeZone });
  const instant = reading?.at;
  const at = instant ?? due ?? facts.now ?? new Date(0);
  // Keep the writer's 12/24-hour style within their zone; a converted time uses the audience's.
  const sameFamily =
    clock.zoneLabel === undefined || timeZone === undefined || labelFitsZone(clock, timeZone, at);
  const style = clock.style === 'word' || !sameFamily ? undefined : clock.style === '12h' ? 'us' : '24h';
  // Corrections are written in the audience's zone when known, else in the label's zone.
  const zone = timeZone ?? labelZone(clock);
  const dayInSpan = clock.day === undefined || (clock.day.start >= clock.start && clock.day.end <= clock.end);

  if (instant !== undefined && due !== undefined && Math.abs(instant.getTime() - due.getTime()) >= MINUTE) {
    const time = zone === undefined ? undefined : written(due, zone, facts.now, style, clock.dotted);
    // A day written apart from the time stays; replacing the time fixes it only when that day
    // already names the due day.
    let replacement: string | undefined;
    if (time !== undefined && dayInSpan) replacement = time;
    else if (zone !== undefined && clock.day !== undefined) {
      const bare = written(due, zone, undefined, style, clock.dotted);
      const [again] = findClockTimes(bare);
      const reread = again && readClockTime({ ...again, day: clock.day }, { now: facts.now, timeZone });
      if (reread !== undefined && Math.abs(reread.at.getTime() - due.getTime()) < MINUTE) replacement = bare;
    }
    const shown = dayInSpan ? clock.text : `${clock.text} (${clock.day!.text})`;
    ctx.report({
      start: clock.start,
      end: clock.end,
      message: `The next update is scheduled for ${time ?? due.toISOString()}, not ${shown}; use the scheduled time.`,
      ...(replacement === undefined ? {} : { fix: { start: clock.start, end: clock.end, replacement } }),
    });
    return;
  }
  if (instant !== undefined && facts.now !== undefined && instant.getTime() <= facts.now.getTime()) {
    ctx.report({
      start: clock.start,
      end: clock.end,
      message:
        clock.day === undefined
          ? `${clock.text} has already passed; give a future time for the next update (add "tomorrow" if you mean tomorrow).`
          : `${dayInSpan ? clock.text : `${clock.text} ${clock.day.text}`} has already passed; give a future time for the next update.`,
    });
    return;
  }
  if (clock.zoneLabel === undefined) {
    const label = timeZone === undefined ? undefined : zoneLabel(at, timeZone);
    ctx.report({
      start: clock.start,
      end: clock.end,
      severity: 'warning',
      message: `Add a zone label to ${clock.text} so every reader gets the same time${label === undefined ? '' : ` (${label})`}.`,
      ...(label === undefined ? {} : { fix: { start: clock.end, end: clock.end, replacement: ` ${label}` } }),
    });
    return;
  }
  const doubt = reading?.doubt;
  if (doubt !== undefined && instant !== undefined && zone !== undefined) {
    const replacement = dayInSpan ? written(instant, zone, facts.now, style, clock.dotted) : undefined;
    ctx.report({
      start: clock.start,
      end: clock.end,
      severity: 'warning',
      message:
        doubt.kind === 'repeated-hour'
          ? `${clock.text} happens twice when clocks go back; write ${doubt.specific} (or ${doubt.other} for the other one).`
          : `${clock.zoneLabel} names more than one zone; it was read as ${doubt.readAs}: use the reader's label or an offset.`,
      ...(replacement === undefined ? {} : { fix: { start: clock.start, end: clock.end, replacement } }),
    });
    return;
  }
  if (timeZone === undefined || sameFamily) return;
  const label = zoneLabel(at, timeZone);
  if (/^UTC[+-]/.test(label)) return; // The audience's zone has no abbreviation: any labelled time is clear.
  const replacement = instant === undefined || !dayInSpan ? undefined : written(instant, timeZone, facts.now);
  ctx.report({
    start: clock.start,
    end: clock.end,
    severity: 'warning',
    message: `This audience reads ${label}; state the next update time in ${label}.`,
    ...(replacement === undefined ? {} : { fix: { start: clock.start, end: clock.end, replacement } }),
  });
}

function reportRelative(ctx: RuleContext, rel: RelativeTimeMention): void {
  const { facts, timeZone } = ctx;
  const at =
    facts.nextUpdateDue ??
    (facts.now === undefined ? undefined : new Date(facts.now.getTime() + rel.minutes * MINUTE));
  const time = at === undefined ? undefined : written(at, timeZone ?? 'UTC', facts.now);
  // "at 10:30 UTC", but "by tomorrow 00:15 CET": "at" does not go before a day.
  const preposition = rel.preposition === 'in' && time !== undefined && /^\d/.test(time) ? 'at' : 'by';
  const replacement = time === undefined ? undefined : `${preposition} ${time}`;
  ctx.report({
    start: rel.start,
    end: rel.end,
    severity: 'warning',
    message:
      'A relative time drifts as the message is forwarded; state the clock time of the next update with a zone.',
    ...(replacement === undefined ? {} : { fix: { start: rel.start, end: rel.end, replacement } }),
  });
}
