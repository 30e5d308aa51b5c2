/**
 * @module text/closest
 * "Did you mean" hints: the known name nearest a misspelt one by edit distance.
 */

/**
 * The candidate closest to `wanted` by Levenshtein distance (case-insensitive), when it is near
 * enough to be a typo: at most a third of the longer name's length, and at least 2 edits allowed.
 * Ties go to the earlier candidate.
 *
 * @param wanted the name as typed
 * @param candidates the names that exist
 * @returns the nearest candidate, or `undefined` when none is close
 * @example
 * closestName('no-fix-time-promis', ['no-jargon', 'no-fix-time-promise']); // 'no-fix-time-promise'
 * closestName('banana', ['no-jargon']); // undefined
 */
export function closestName(wanted: string, candidates: Iterable<string>): string | undefined {
  const w = wanted.toLowerCase();
  let best: string | undefined;
  let bestScore = Number.POSITIVE_INFINITY;
  for (const candidate of candidates) {
    const c = candidate.toLowerCase();
    const limit = Math.max(2, Math.floor(Math.max(w.length, c.length) / 3));
    if (Math.abs(w.length - c.length) > limit) continue;
    const score = editDistance(w, c);
    if (score <= limit && score < bestScore) {
      best = candidate;
      bestScore = score;
    }
  }
  return best;
}

/**
 * Levenshtein distance: the fewest single-character insertions, deletions and substitutions
 * that turn `a` into `b`. Used for "did you mean" hints on misspelt names.
 * @example
 * editDistance('nextUpdte', 'nextUpdate'); // 1
 */
export function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      current[j] = Math.min(
        (previous[j] as number) + 1,
        (current[j - 1] as number) + 1,
        (previous[j - 1] as number) + cost,
      );
    }
    previous = current;
  }
  return previous[b.length] as number;
}
