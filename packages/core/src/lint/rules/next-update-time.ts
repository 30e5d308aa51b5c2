/**
 * @module lint/rules/next-update-time
 * Every unresolved customer-facing message gives a clock time, with a zone, for the next update.
 */
import { CUSTOMER_FACING_AUDIENCES } from '../../vocabulary';
import {
  type ClockMention,
  type DayMention,
  findClockTimes,
  findDayWord,
  findRelativeTime,
  formatClock,
  labelMatchesZone,
  preferredStyle,
  type RelativeTimeMention,
  resolveClockTimeOnDay,
  resolveWrittenClockTime,
  wallClock,
  zoneForMention,
  zoneLabelFor,
} from '../clock';
import type { RuleContext } from '../define-rule';
import { defineRule } from '../define-rule';
import { eachMatch, NEXT_UPDATE, VAGUE_WHEN } from '../phrases';
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
        checkClock(ctx, { ...c, start: s.start + c.start, end: s.start + c.end }, findDayWord(sentence));
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

/** `at` as a clock time in `timeZone` with its label; in UTC when the zone has no common label. */
function clockIn(at: Date, timeZone: string, style: '12h' | '24h' | undefined, dotted: boolean): string {
  const zone = zoneLabelFor(timeZone, at) === undefined ? 'UTC' : timeZone;
  return formatClock(at, zone, zoneLabelFor(zone, at), style ?? preferredStyle(zone), dotted);
}

const WEEKDAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

/**
 * The day to write after a clock time for `at`, as the reader in `timeZone` counts days from
 * `now`: nothing for today, ` tomorrow`, ` yesterday`, or ` on Friday` within the week.
 */
function dayPhrase(at: Date, now: Date | undefined, timeZone: string): string {
  if (now === undefined) return '';
  const a = wallClock(at, timeZone);
  const n = wallClock(now, timeZone);
  const day = Date.UTC(a.year, a.month - 1, a.day);
  const days = Math.round((day - Date.UTC(n.year, n.month - 1, n.day)) / 86_400_000);
  if (days === 0) return '';
  if (days === 1) return ' tomorrow';
  if (days === -1) return ' yesterday';
  return ` on ${WEEKDAYS[new Date(day).getUTCDay()]}`;
}

function suggestedLine(ctx: RuleContext): string {
  const due = ctx.facts.nextUpdateDue;
  if (due === undefined) return 'Next update by <time> <zone>.';
  const zone = ctx.timeZone ?? 'UTC';
  return `Next update by ${clockIn(due, zone, undefined, false)}${dayPhrase(due, ctx.facts.now, zone)}.`;
}

function checkClock(ctx: RuleContext, clock: ClockMention, day: DayMention | undefined): void {
  const { facts, timeZone } = ctx;
  const due = facts.nextUpdateDue;
  const reference = due ?? facts.now;
  const zone = zoneForMention(clock, timeZone);
  const instant =
    zone === undefined
      ? undefined
      : resolveWrittenClockTime(clock, day, {
          now: ctx.facts.now,
          due: ctx.facts.nextUpdateDue,
          timeZone: ctx.timeZone,
        });
  const at = instant ?? reference ?? new Date(0);
  // Keep the writer's 12/24-hour style within their zone; a converted time uses the audience's.
  const sameFamily =
    clock.zoneLabel === undefined ||
    timeZone === undefined ||
    labelMatchesZone(clock.zoneLabel, timeZone, at);
  const style = clock.style === 'word' || !sameFamily ? undefined : clock.style;
  // Corrections are written in the audience's zone when known, else in the writer's zone.
  const rewrite = (at: Date): string | undefined => {
    if (timeZone !== undefined) return clockIn(at, timeZone, style, clock.dotted);
    if (zone !== undefined)
      return formatClock(at, zone, clock.zoneLabel, style ?? preferredStyle(zone), clock.dotted);
    return undefined;
  };

  if (instant !== undefined && due !== undefined && Math.abs(instant.getTime() - due.getTime()) >= MINUTE) {
    const time = rewrite(due);
    const readerZone = timeZone ?? zone ?? 'UTC';
    const dueDay = dayPhrase(due, facts.now, readerZone);
    // Without a day word the time alone says the day (a "tomorrow" is added when due then);
    // with one, replacing the time fixes it only when the day word already names the due day.
    let replacement: string | undefined;
    if (time !== undefined && day === undefined) replacement = `${time}${dueDay}`;
    else if (time !== undefined && day !== undefined && facts.now !== undefined) {
      const [again] = findClockTimes(time);
      const reread = again && resolveClockTimeOnDay(again, day, facts.now, timeZone, timeZone);
      if (reread !== undefined && Math.abs(reread.getTime() - due.getTime()) < MINUTE) replacement = time;
    }
    const written = day === undefined ? clock.text : `${clock.text} (${day.text})`;
    ctx.report({
      start: clock.start,
      end: clock.end,
      message: `The next update is scheduled for ${time === undefined ? due.toISOString() : `${time}${dueDay}`}, not ${written}; use the scheduled time.`,
      ...(replacement === undefined ? {} : { fix: { start: clock.start, end: clock.end, replacement } }),
    });
    return;
  }
  if (instant !== undefined && facts.now !== undefined && instant.getTime() <= facts.now.getTime()) {
    ctx.report({
      start: clock.start,
      end: clock.end,
      message:
        day === undefined
          ? `${clock.text} has already passed; give a future time for the next update (add "tomorrow" if you mean tomorrow).`
          : `${clock.text} ${day.text} has already passed; give a future time for the next update.`,
    });
    return;
  }
  if (clock.zoneLabel === undefined) {
    const label = timeZone === undefined ? undefined : zoneLabelFor(timeZone, at);
    ctx.report({
      start: clock.start,
      end: clock.end,
      severity: 'warning',
      message: `Add a zone label to ${clock.text} so every reader gets the same time${label === undefined ? '' : ` (${label})`}.`,
      ...(label === undefined ? {} : { fix: { start: clock.end, end: clock.end, replacement: ` ${label}` } }),
    });
    return;
  }
  if (timeZone === undefined || sameFamily) return;
  const label = zoneLabelFor(timeZone, at);
  if (label === undefined) return; // The audience's zone has no common label: any labelled time is clear.
  const replacement = instant === undefined ? undefined : rewrite(instant);
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
  const replacement =
    at === undefined
      ? undefined
      : `${rel.preposition === 'in' ? 'at' : 'by'} ${clockIn(at, timeZone ?? 'UTC', undefined, false)}${dayPhrase(at, facts.now, timeZone ?? 'UTC')}`;
  ctx.report({
    start: rel.start,
    end: rel.end,
    severity: 'warning',
    message:
      'A relative time drifts as the message is forwarded; state the clock time of the next update with a zone.',
    ...(replacement === undefined ? {} : { fix: { start: rel.start, end: rel.end, replacement } }),
  });
}
