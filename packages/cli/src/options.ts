/**
 * @module options
 * Up-front checks of option values (`--now`, `--next-update`, `--time-zone`, `--facts`), so a bad
 * value is a usage error (exit 2, with a pointer to `--help`) instead of a failure deep inside.
 */
import {
  instantSchema,
  isValidTimeZone,
  LintContextError,
  type LintFacts,
  resolveFacts,
} from '@incident-comms/core';
import { InvalidArgumentError } from 'commander';

/**
 * Commander argument parser for an ISO-8601 UTC instant such as `2026-03-03T14:15:00Z`.
 *
 * @param value - the option's value as typed.
 * @returns the value unchanged when valid.
 * @throws {InvalidArgumentError} (exit 2) for anything else, e.g. `yesterday` or a local time.
 * @example
 * parseInstantOption('2026-03-03T14:15:00Z'); // '2026-03-03T14:15:00Z'
 */
export function parseInstantOption(value: string): string {
  if (!instantSchema.safeParse(value).success) {
    throw new InvalidArgumentError(
      `Expected an ISO-8601 UTC instant like 2026-03-03T14:15:00Z, got ${JSON.stringify(value)}.`,
    );
  }
  return value;
}

/**
 * Commander argument parser for an IANA time zone name such as `America/New_York`.
 *
 * @param value - the option's value as typed.
 * @returns the value unchanged when it is a zone this runtime knows (core's `isValidTimeZone`).
 * @throws {InvalidArgumentError} (exit 2) for `Eastern`, `EST`, offsets and unknown names.
 * @example
 * parseTimeZoneOption('Europe/Berlin'); // 'Europe/Berlin'
 */
export function parseTimeZoneOption(value: string): string {
  if (!isValidTimeZone(value)) {
    throw new InvalidArgumentError(
      `Expected an IANA time zone such as America/New_York or Europe/Berlin, got ${JSON.stringify(value)}.`,
    );
  }
  return value;
}

/**
 * Commander argument parser for `--facts`: a JSON object whose fields are the lint facts
 * (checked here, so a bad field is a usage error naming its path, e.g. `facts.scope`).
 *
 * @param value - the option's value as typed, e.g. `{"scope":"some"}`.
 * @returns the parsed object.
 * @throws {InvalidArgumentError} (exit 2) when the value is not JSON, not a JSON object, or a
 *   field is unknown or of the wrong type (each named by path with what was expected).
 * @example
 * parseFactsOption('{"scope":"some","causeConfirmed":false}').scope; // 'some'
 */
export function parseFactsOption(value: string): LintFacts {
  let data: unknown;
  try {
    data = JSON.parse(value);
  } catch {
    throw new InvalidArgumentError(
      `Expected a JSON object such as '{"scope":"some"}', got ${JSON.stringify(value)} (not valid JSON).`,
    );
  }
  if (data === null || typeof data !== 'object' || Array.isArray(data)) {
    throw new InvalidArgumentError(
      `Expected a JSON object such as '{"scope":"some"}', got ${Array.isArray(data) ? 'a list' : JSON.stringify(data)}.`,
    );
  }
  try {
    resolveFacts({ kind: 'update', audience: 'customer', facts: data as LintFacts });
  } catch (error) {
    if (error instanceof LintContextError) throw new InvalidArgumentError(error.message);
    throw error;
  }
  return data as LintFacts;
}
