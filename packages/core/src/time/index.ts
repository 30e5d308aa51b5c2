/**
 * @module time
 * Time zones and clock times for readers, both directions: the one place that writes an update
 * time for a reader (`formatUpdateTime`, `zoneLabel`) and the one place that reads a written
 * time back (`findClockTimes`, `readClockTime`, `readUpdateTime`).
 */
export { type CeilToMinutesOptions, ceilToMinutes } from './ceil-to-minutes';
export { TimeZoneInvalidError } from './errors';
export { type ClockMention, type DayMention, findClockTimes, findDayWord } from './find-clock-times';
export { type FormatUpdateTimeOptions, formatUpdateTime, type UpdateTimeStyle } from './format-update-time';
export type { InstantInput } from './instant';
export {
  type ClockReading,
  type ClockTimeReference,
  type LabelDoubt,
  RECENTLY_PASSED_MINUTES,
  readClockTime,
  readUpdateTime,
  resolveWrittenClockTime,
} from './read-clock-time';
export { isValidTimeZone } from './time-zone';
export { type ZoneLabelKind, type ZoneLabelOptions, zoneLabel } from './zone-label';
export { LABEL_MEANINGS, type LabelMeaning } from './zone-names';
