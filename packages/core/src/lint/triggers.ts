/**
 * @module lint/triggers
 * Trigger words for phrase families: one scan of a draft tells which families can match at
 * all, so the linter skips the long patterns of families whose words are absent.
 */

/**
 * A gate: a phrase pattern plus the word starts (stems) that every one of its matches
 * contains at an ASCII word boundary. Stems are lower case; matching ignores case.
 */
interface Gate {
  readonly pattern: RegExp;
  readonly stems: readonly string[];
}

const gates: Gate[] = [];
const gateIndex = new Map<RegExp, number>();

/**
 * Registers the trigger stems of a phrase pattern and returns the pattern unchanged. Every
 * match of `pattern` must contain one of the stems as the start of a word (after an ASCII
 * `\b`), or the pattern would be skipped on drafts it matches; `triggers.test.ts` checks this
 * for every gated pattern. A stem ending in `$` must be a whole word (`data$` is found in
 * "no data lost", not in "database"). The index is built on the first lint call, not at import.
 *
 * @param pattern a phrase pattern from `phrases.ts`
 * @param stems space-separated lower-case word starts, e.g. `'refund reimburs credit data$'`
 * @returns `pattern`
 * @example
 * export const DRAMATIC = gate(/\b(?:catastroph\w*|meltdown)\b/gi, 'catastroph meltdown');
 */
export function gate<R extends RegExp>(pattern: R, stems: string): R {
  gateIndex.set(pattern, gates.length);
  gates.push({ pattern, stems: stems.split(' ').filter((s) => s !== '') });
  trigger = undefined;
  return pattern;
}

interface TriggerIndex {
  /**
   * A trie of the stems over lower-case ASCII letters and digits: the child of node `n` for
   * symbol `s` is `next[n * SYMBOLS + s]` (0 = none; node 0 is the root).
   */
  readonly next: Int32Array;
  /** Per node: {@link PREFIX} when a stem ends there, {@link WHOLE} when a whole-word stem does. */
  readonly ends: Uint8Array;
  /** Per node where a stem ends: the gates it opens (with those of every shorter stem it starts with). */
  readonly opens: ReadonlyArray<readonly number[] | undefined>;
}

/** Trie symbols: `a`–`z` then `0`–`9` (stems are lower-case ASCII words; matching ignores case). */
const SYMBOLS = 36;
const PREFIX = 1;
const WHOLE = 2;

function symbolOf(code: number): number {
  if (code >= 97 && code <= 122) return code - 97;
  if (code >= 65 && code <= 90) return code - 65;
  if (code >= 48 && code <= 57) return code - 22;
  return -1;
}

// A word character for `\b` (ASCII letters, digits and `_`), as in a non-Unicode RegExp.
function isWordCode(code: number): boolean {
  return (
    (code >= 97 && code <= 122) || (code >= 65 && code <= 90) || (code >= 48 && code <= 57) || code === 95
  );
}

let trigger: TriggerIndex | undefined;

function buildIndex(): TriggerIndex {
  // stem text → { gates, whole word? }; "data$" and "data" are two entries.
  const entries = new Map<string, { word: string; whole: boolean; gates: Set<number> }>();
  gates.forEach((g, i) => {
    for (const stem of g.stems) {
      let e = entries.get(stem);
      if (e === undefined) {
        const whole = stem.endsWith('$');
        e = { word: whole ? stem.slice(0, -1) : stem, whole, gates: new Set() };
        entries.set(stem, e);
      }
      e.gates.add(i);
    }
  });
  const list = [...entries.values()];
  const prefixGates = new Map<string, Set<number>>();
  for (const e of list) if (!e.whole) prefixGates.set(e.word, e.gates);
  const opens = new Map<string, number[]>();
  for (const e of list) {
    // The scan reports the longest stem at a position; the prefix stems it starts with are
    // there too, so their gates open with it.
    const all = new Set(e.gates);
    for (let k = 1; k <= e.word.length; k++) {
      const shorter = prefixGates.get(e.word.slice(0, k));
      if (shorter !== undefined) for (const i of shorter) all.add(i);
    }
    for (const i of opens.get(e.word) ?? []) all.add(i);
    opens.set(e.word, [...all]);
  }
  // The trie: one path per stem word; a node where a stem ends records how it may end and
  // the gates the word opens.
  const next: number[] = new Array<number>(SYMBOLS).fill(0);
  const ends: number[] = [0];
  const nodeOpens: (readonly number[] | undefined)[] = [undefined];
  for (const e of list) {
    let node = 0;
    for (let k = 0; k < e.word.length; k++) {
      const slot = node * SYMBOLS + symbolOf(e.word.charCodeAt(k));
      if (next[slot] === 0) {
        next[slot] = ends.length;
        ends.push(0);
        nodeOpens.push(undefined);
        for (let s = 0; s < SYMBOLS; s++) next.push(0);
      }
      node = next[slot]!;
    }
    ends[node]! |= e.whole ? WHOLE : PREFIX;
    nodeOpens[node] = opens.get(e.word);
  }
  return { next: Int32Array.from(next), ends: Uint8Array.from(ends), opens: nodeOpens };
}

/**
 * Which gated patterns can match `text`: one flag per registered gate (1 = may match).
 *
 * @example
 * const open = openGates('Checkout is down.'); // Uint8Array, one entry per gate
 */
export function openGates(text: string): Uint8Array {
  trigger ??= buildIndex();
  const open = new Uint8Array(gates.length);
  const { next, ends, opens } = trigger;
  const n = text.length;
  // One pass over the word starts (a word character after a non-word one, RegExp `\b`): the
  // longest stem there is taken and the scan resumes after it, as a global RegExp of the stems
  // ordered longest first would. A char loop over a trie: several times faster than that RegExp.
  let i = 0;
  while (i < n) {
    if (!isWordCode(text.charCodeAt(i)) || (i > 0 && isWordCode(text.charCodeAt(i - 1)))) {
      i++;
      continue;
    }
    let node = 0;
    let best = -1;
    let length = 0;
    for (let k = i; k < n; k++) {
      const symbol = symbolOf(text.charCodeAt(k));
      if (symbol < 0) break;
      node = next[node * SYMBOLS + symbol]!;
      if (node === 0) break;
      const end = ends[node]!;
      if (
        (end & PREFIX) !== 0 ||
        ((end & WHOLE) !== 0 && (k + 1 === n || !isWordCode(text.charCodeAt(k + 1))))
      ) {
        best = node;
        length = k + 1 - i;
      }
    }
    if (best < 0) {
      i++;
      continue;
    }
    const list = opens[best];
    if (list !== undefined) for (let g = 0; g < list.length; g++) open[list[g]!] = 1;
    i += length;
  }
  return open;
}

/** The gate number of a pattern, or `undefined` when the pattern is not gated (always scanned). */
export function gateOf(pattern: RegExp): number | undefined {
  return gateIndex.get(pattern);
}

/** Every gated pattern with its stems (for tests that check the stems cover each pattern). */
export function gatedPatterns(): ReadonlyArray<{ pattern: RegExp; stems: readonly string[] }> {
  return gates;
}
