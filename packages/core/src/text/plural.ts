/**
 * @module text/plural
 * A count with its noun in the right number, for generated English ("1 draft", "3 minutes").
 */

/**
 * Writes `n` followed by `one` when `n` is 1, else by `many` (default: `one` + `s`).
 *
 * @param n - the count, written as given (callers round minutes first).
 * @param one - the singular noun phrase.
 * @param many - the plural, when it is not just `one` + `s`.
 * @example
 * plural(1, 'draft'); // '1 draft'
 * plural(3, 'minute'); // '3 minutes'
 * plural(2, 'person', 'people'); // '2 people'
 * @internal
 */
export function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}
