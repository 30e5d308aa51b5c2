/**
 * @module time/zone-label
 * The zone label printed after a clock time ("ET", "EDT", "CET", "SAST", "UTC+5:45"). Names come
 * from the platform's CLDR data (the `Intl` call behind date-fns-tz's `zzz` token, with the
 * formatter cached and the locale fixed) and, where CLDR has only an offset, from the small
 * table in `zone-names`; no daylight-saving rule is written here.
 */
import { problem, ValidationError } from '../errors';
import { type InstantInput, toEpochMs } from './instant';
import { assertTimeZone, isUsTimeZone, offsetMinutesAt } from './time-zone';
import { CONVENTIONAL_ABBREVIATIONS } from './zone-names';

/**
 * `generic`: the label that does not change with daylight saving ("ET", "PT"), where one exists;
 * `specific`: the label of the offset in force ("EDT", "EST", "CEST").
 */
export type ZoneLabelKind = 'generic' | 'specific';

/** Options of {@link zoneLabel}. */
export interface ZoneLabelOptions {
  /** Defaults to `generic` for US zones and `specific` elsewhere (as in `formatUpdateTime`). */
  label?: ZoneLabelKind;
}

/**
 * English locales asked in turn for a short zone name. CLDR marks abbreviations as "commonly
 * used" per locale: en-US knows EST/PST/AKST/HST, en-GB knows CET/CEST/BST/WET/EET, en-IN knows
 * IST, en-AU knows AEST/NZST. Across all IANA zones this order yields no abbreviation that stands
 * for two different offsets at once (checked in zone-label.test.ts).
 */
const ABBREVIATION_LOCALES = ['en-US', 'en-GB', 'en-IN', 'en-AU'] as const;

/** A real abbreviation, as opposed to the platform's "GMT+5:45" fallback. */
const ABBREVIATION = /^[A-Z]{2,5}$/;

const zoneNameFormats = new Map<string, Intl.DateTimeFormat>();

/**
 * The platform's zone name in one locale. date-fns-tz's `zzz` makes the same `Intl` call but
 * builds a new formatter each time (about 50 µs) and falls back to the server's locale, so the
 * formatter is cached here and the locale is always explicit.
 */
function platformZoneName(
  epochMs: number,
  timeZone: string,
  locale: string,
  timeZoneName: 'short' | 'shortGeneric',
): string | undefined {
  const key = `${locale}|${timeZoneName}|${timeZone}`;
  let format = zoneNameFormats.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat(locale, { timeZone, timeZoneName });
    zoneNameFormats.set(key, format);
  }
  const name = format.formatToParts(epochMs).find((part) => part.type === 'timeZoneName')?.value;
  return name !== undefined && ABBREVIATION.test(name) ? name : undefined;
}

function genericName(epochMs: number, timeZone: string): string | undefined {
  return platformZoneName(epochMs, timeZone, 'en-US', 'shortGeneric');
}

/**
 * "UTC+5:45", "UTC-3", or "UTC" for a zero offset: hours without padding, minutes only when
 * not zero. Written with an ASCII hyphen-minus (SMS and plain-text mail keep it); the reader
 * also takes "−" and "–".
 */
export function offsetLabel(offsetMinutes: number): string {
  if (offsetMinutes === 0) return 'UTC';
  const sign = offsetMinutes < 0 ? '-' : '+';
  const abs = Math.abs(offsetMinutes);
  const minutes = abs % 60;
  return `UTC${sign}${Math.floor(abs / 60)}${minutes === 0 ? '' : `:${String(minutes).padStart(2, '0')}`}`;
}

/** The smallest offset of the instant's year (January or July): the zone's standard time. */
function standardOffset(epochMs: number, timeZone: string): number {
  const year = new Date(epochMs).getUTCFullYear();
  return Math.min(
    offsetMinutesAt(Date.UTC(year, 0, 1), timeZone),
    offsetMinutesAt(Date.UTC(year, 6, 1), timeZone),
  );
}

function conventionalName(epochMs: number, timeZone: string): string | undefined {
  const names = CONVENTIONAL_ABBREVIATIONS[timeZone];
  if (names === undefined) return undefined;
  const [standard, daylight] = names;
  if (daylight === undefined) return standard;
  return offsetMinutesAt(epochMs, timeZone) > standardOffset(epochMs, timeZone) ? daylight : standard;
}

function specificName(epochMs: number, timeZone: string): string {
  const conventional = conventionalName(epochMs, timeZone);
  if (conventional !== undefined) return conventional;
  for (const locale of ABBREVIATION_LOCALES) {
    const name = platformZoneName(epochMs, timeZone, locale, 'short');
    if (name !== undefined) return name;
  }
  return offsetLabel(offsetMinutesAt(epochMs, timeZone));
}

const DAY_MS = 24 * 60 * 60_000;

/**
 * The other instant that shows the same wall-clock time in this zone, if any: during the
 * repeated hour after clocks go back, 1:30 AM happens twice. Offsets are probed a day either
 * side, so a zone that changes offset twice within one day is not detected (none does).
 *
 * @internal
 */
export function repeatedWallTimeTwin(epochMs: number, timeZone: string): number | undefined {
  const offset = offsetMinutesAt(epochMs, timeZone);
  const wall = epochMs + offset * 60_000;
  for (const probe of [epochMs - DAY_MS, epochMs + DAY_MS]) {
    const other = offsetMinutesAt(probe, timeZone);
    if (other === offset) continue;
    const candidate = wall - other * 60_000;
    if (offsetMinutesAt(candidate, timeZone) === other) return candidate;
  }
  return undefined;
}

/**
 * The label for an already-validated zone.
 *
 * Rule for repeated wall times: when the local time occurs twice (the hour after clocks go
 * back), a generic label would make two instants read the same ("1:30 AM ET"), so the specific
 * label is used instead ("1:30 AM EDT" / "1:30 AM EST"); if even those coincide, the UTC offset.
 *
 * @internal
 */
export function resolveZoneLabel(epochMs: number, timeZone: string, kind: ZoneLabelKind): string {
  const twin = repeatedWallTimeTwin(epochMs, timeZone);
  const [specific, generic] = labelsAt(epochMs, timeZone) as [string, string?];
  if (twin === undefined) return (kind === 'generic' ? generic : undefined) ?? specific;
  return specific === labelsAt(twin, timeZone)[0]
    ? offsetLabel(offsetMinutesAt(epochMs, timeZone))
    : specific;
}

const LABEL_KINDS: readonly ZoneLabelKind[] = ['generic', 'specific'];

/**
 * Checks a `label` option handed in from untyped code (a runbook, a host's JavaScript).
 *
 * @throws {ValidationError} `input_invalid` naming `path`.
 * @internal
 */
export function checkLabelKind(value: unknown, path: string): ZoneLabelKind | undefined {
  if (value === undefined || LABEL_KINDS.includes(value as ZoneLabelKind))
    return value as ZoneLabelKind | undefined;
  throw new ValidationError(path, [problem(path, '"generic" or "specific"', JSON.stringify(value))]);
}

/** The default label kind for readers in a zone: generic for US zones, specific elsewhere. @internal */
export function defaultLabelKind(timeZone: string): ZoneLabelKind {
  return isUsTimeZone(timeZone) ? 'generic' : 'specific';
}

/**
 * Every label the writer may print for this zone at this instant, ignoring the repeated-hour
 * rule: the specific label and, where one exists, the generic one. The reader uses it to tell
 * whether a written label names the reader's own zone.
 *
 * @internal
 */
export function labelsAt(epochMs: number, timeZone: string): readonly string[] {
  // A zone's labels change only with its offset: one lookup per zone, year and offset.
  const key = `${timeZone}|${new Date(epochMs).getUTCFullYear()}|${offsetMinutesAt(epochMs, timeZone)}`;
  let labels = labelCache.get(key);
  if (labels === undefined) {
    const specific = specificName(epochMs, timeZone);
    const generic = genericName(epochMs, timeZone);
    labels = generic === undefined || generic === specific ? [specific] : [specific, generic];
    if (labelCache.size >= 10_000) labelCache.clear();
    labelCache.set(key, labels);
  }
  return labels;
}

const labelCache = new Map<string, readonly string[]>();

/**
 * The zone label a reader in `timeZone` sees after a clock time at `instant`: the same label
 * `formatUpdateTime` prints. Practice: every update gives the next update time with a zone
 * ("Next update by 2:30 PM ET"), so readers in other places can convert it.
 *
 * - `generic` (default for US zones): "ET", "CT", "MT", "PT", "AKT"; zones without daylight
 *   saving keep their one name ("MST" for Phoenix, "HST" for Honolulu). Where no short generic
 *   name exists, the specific label is used.
 * - `specific` (default elsewhere): "EDT", "CET", "CEST", "BST", "IST", "NZST", else the offset
 *   "UTC+5:45". A zero offset without a name reads "UTC".
 * - During a repeated hour the label is always specific, so the two 1:30 AM instants of
 *   2026-11-01 in New York read "EDT" and "EST".
 *
 * @param instant - ISO-8601 instant with `Z` or an offset, or a `Date`.
 * @param timeZone - IANA zone name of the reader, e.g. `America/New_York`.
 * @param options - `label`: `generic` or `specific`.
 * @returns the label, e.g. `"ET"`.
 * @throws {TimeZoneInvalidError} `time_zone_invalid` when `timeZone` is not an IANA zone.
 * @throws {ValidationError} `input_invalid` when `instant` or `options.label` cannot be read.
 * @example
 * zoneLabel('2026-07-01T12:00:00Z', 'America/New_York'); // 'ET'
 * zoneLabel('2026-07-01T12:00:00Z', 'America/New_York', { label: 'specific' }); // 'EDT'
 * zoneLabel('2026-07-01T12:00:00Z', 'Asia/Kathmandu'); // 'UTC+5:45'
 */
export function zoneLabel(instant: InstantInput, timeZone: string, options: ZoneLabelOptions = {}): string {
  const epochMs = toEpochMs(instant);
  assertTimeZone(timeZone);
  const kind = checkLabelKind(options.label, 'options.label') ?? defaultLabelKind(timeZone);
  return resolveZoneLabel(epochMs, timeZone, kind);
}
