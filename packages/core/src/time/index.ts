/**
 * @module time
 * Time zones and clock times for readers: the one place that formats an update time.
 */
export { type CeilToMinutesOptions, ceilToMinutes } from './ceil-to-minutes';
export { TimeZoneInvalidError } from './errors';
export { type FormatUpdateTimeOptions, formatUpdateTime, type UpdateTimeStyle } from './format-update-time';
export type { InstantInput } from './instant';
export { isValidTimeZone } from './time-zone';
export { type ZoneLabelKind, type ZoneLabelOptions, zoneLabel } from './zone-label';
