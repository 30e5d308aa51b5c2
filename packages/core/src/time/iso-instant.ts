/**
 * @module time/iso-instant
 * The one formatter of computed instants in the log's style: ISO-8601 UTC without a `.000`
 * fraction (`2026-03-03T14:30:00Z`).
 */

/**
 * Formats an instant as ISO-8601 UTC text the way the incident log writes it: whole seconds
 * without a fraction (`…:00Z`), a real fraction kept (`…:05.300Z`).
 *
 * @param instant - a `Date` or epoch milliseconds (a valid one; an invalid `Date` throws).
 * @returns ISO-8601 UTC text, e.g. `2026-03-03T14:30:00Z`.
 * @throws {RangeError} for an invalid `Date` or a non-finite number (as `toISOString` does).
 * @example
 * toIsoInstant(Date.UTC(2026, 2, 3, 14, 30)); // '2026-03-03T14:30:00Z'
 * toIsoInstant(new Date('2026-03-03T14:30:05.300Z')); // '2026-03-03T14:30:05.300Z'
 * @internal
 */
export function toIsoInstant(instant: Date | number): string {
  return new Date(instant).toISOString().replace('.000Z', 'Z');
}
