/**
 * @module text/id
 * The zod schema of an id (a person, an incident, a draft): compared exactly as given, so an id
 * that could look like another one once trimmed or rendered is refused at the boundary.
 */
import { z } from 'zod';

// Control characters (Cc) and invisible format characters (Cf: zero-width space and joiners,
// bidi overrides, the BOM) anywhere; whitespace (incl. U+00A0, U+3000) at either end.
const INVISIBLE = /[\p{Cc}\p{Cf}\u2028\u2029]/u;
const EDGE_SPACE = /^\s|\s$/u;

/**
 * Names every plain object already answers to (`__proto__`, `constructor`, `toString`,
 * `hasOwnProperty`, …). An id, role, topic, gate or segment is a key of the incident's records,
 * so one of these would read a built-in instead of a record: they are refused at the boundary.
 */
const BUILT_IN_KEYS: ReadonlySet<string> = new Set(Object.getOwnPropertyNames(Object.prototype));

/** What a record key must not be, in the words a problem uses. */
export const NOT_BUILT_IN_EXPECTED =
  'a name that is not a built-in object property ("__proto__", "constructor", "toString", …)';

/**
 * True when `value` names a property every plain object has (`constructor`, `__proto__`, …).
 *
 * @example
 * isBuiltInKey('constructor'); // true
 * isBuiltInKey('approver'); // false
 */
export function isBuiltInKey(value: string): boolean {
  return BUILT_IN_KEYS.has(value);
}

/**
 * `schema`, refusing the names of built-in object properties with a problem that says so.
 *
 * @example
 * const gate = notBuiltInKey(z.string());
 * gate.safeParse('constructor').success; // false
 */
export function notBuiltInKey<T extends z.ZodType<string>>(schema: T) {
  return schema.refine((value) => !isBuiltInKey(value), { error: `expected ${NOT_BUILT_IN_EXPECTED}` });
}

/** What an id must be, in the words a problem uses. */
export const ID_EXPECTED =
  'an id with no surrounding whitespace and no control or invisible characters (ids are compared exactly)';

/**
 * True when `value` is usable as an id: non-empty, no whitespace at either end, no control or
 * invisible format characters anywhere (NUL, zero-width space, bidi marks).
 *
 * @example
 * isExactId('maya'); // true
 * isExactId(' maya'); // false
 * isExactId('ma\u200Bya'); // false
 */
export function isExactId(value: string): boolean {
  return value.length > 0 && !EDGE_SPACE.test(value) && !INVISIBLE.test(value);
}

/**
 * An id field: kept exactly as given (never trimmed, never case-folded); empty text, surrounding
 * whitespace and control or invisible characters are refused, so `" maya"`, `"maya\u0000"` and
 * `"ma\u200Bya"` never decide as `maya`. Look-alikes that are visible (`Maya`, Cyrillic `mаya`,
 * full-width `ｍａｙａ`) parse, and are simply other people: nothing folds them onto `maya`. The
 * names of built-in object properties (`constructor`, `__proto__`) are refused too.
 *
 * @example
 * idSchema.parse('maya'); // 'maya'
 * idSchema.safeParse(' maya').success; // false
 * @internal
 */
export const idSchema = notBuiltInKey(z.string().refine(isExactId, { error: `expected ${ID_EXPECTED}` }));

/** What an incident type id must be, in the words a problem uses. */
export const INCIDENT_TYPE_ID_EXPECTED =
  'an incident type id in lowercase letters, digits and dashes, such as "invoices-not-sending"';

/**
 * An incident type id (`sign-in`, `invoices-not-sending`): lowercase kebab-case, so it can name
 * a template (`resolved/customer/invoices-not-sending`). Whether the runbook defines it is
 * checked where the runbook is known.
 *
 * @example
 * incidentTypeIdSchema.parse('invoices-not-sending'); // 'invoices-not-sending'
 * incidentTypeIdSchema.safeParse('Invoices').success; // false
 */
export const incidentTypeIdSchema = notBuiltInKey(
  z
    .string({ error: `expected ${INCIDENT_TYPE_ID_EXPECTED}` })
    .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, `expected ${INCIDENT_TYPE_ID_EXPECTED}`)
    .max(64, 'expected an incident type id of at most 64 characters'),
);
