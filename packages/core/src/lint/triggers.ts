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
  /** One scan finds every stem: longest first, so "cannot" is found where "can" also fits. */
  readonly scan: RegExp;
  /** Stem → gates it opens; a stem also opens the gates of every shorter stem it starts with. */
  readonly opens: ReadonlyMap<string, readonly number[]>;
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
  // Longest first; at equal length a whole word before a prefix ("data$" before "data").
  list.sort(
    (a, b) =>
      b.word.length - a.word.length ||
      Number(b.whole) - Number(a.whole) ||
      (a.word < b.word ? -1 : a.word > b.word ? 1 : 0),
  );
  const source = list
    .map((e) => e.word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&') + (e.whole ? '\\b' : ''))
    .join('|');
  return { scan: new RegExp(`\\b(?:${source})`, 'gi'), opens };
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
  const { scan, opens } = trigger;
  scan.lastIndex = 0;
  for (let m = scan.exec(text); m !== null; m = scan.exec(text)) {
    const list = opens.get(m[0]) ?? opens.get(m[0].toLowerCase());
    if (list !== undefined) for (let i = 0; i < list.length; i++) open[list[i]!] = 1;
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
