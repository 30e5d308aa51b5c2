/**
 * @module lint/fold
 * Folds a draft to the letters the rules match on: fullwidth forms to ASCII, Cyrillic and Greek
 * look-alikes inside Latin words to Latin, invisible characters out; keeps a map back to the
 * original positions so every diagnostic points at what the writer typed.
 */

/** A draft folded for matching, with the way back to the original's positions. */
export interface FoldedText {
  /** The text the rules read. */
  readonly text: string;
  /**
   * `toOriginal[i]` is the original UTF-16 position of folded position `i` (one more entry, for
   * the end of the text). `undefined` when the fold kept every position (the common case).
   */
  readonly toOriginal: Int32Array | undefined;
}

// Anything the fold may change: invisibles, Greek/Cyrillic, the ideographic space, fullwidth ASCII.
const NEEDS_FOLD = /[\u00AD\u180E\u200B\u200C\u2060\uFEFF\u0370-\u052F\u3000\uFF01-\uFF5E]|\u200D|\u034F/;
// A word, counting the invisibles inside it ("prob\u00ADably" is one word).
const WORD = /(?:[\p{L}\p{M}\u00AD\u180E\u200B\u200C\u2060\uFEFF]|\u200D)+/gu;

// Cyrillic and Greek letters drawn like a Latin letter in common fonts, and that letter.
const LOOKALIKES: Record<string, string> = {
  // Cyrillic lower case
  а: 'a',
  е: 'e',
  о: 'o',
  р: 'p',
  с: 'c',
  у: 'y',
  х: 'x',
  і: 'i',
  ј: 'j',
  ѕ: 's',
  ԁ: 'd',
  ԛ: 'q',
  ԝ: 'w',
  һ: 'h',
  ӏ: 'l',
  // Cyrillic upper case
  А: 'A',
  В: 'B',
  Е: 'E',
  К: 'K',
  М: 'M',
  Н: 'H',
  О: 'O',
  Р: 'P',
  С: 'C',
  Т: 'T',
  Х: 'X',
  У: 'Y',
  І: 'I',
  Ј: 'J',
  Ѕ: 'S',
  // Greek lower case
  ο: 'o',
  ν: 'v',
  ι: 'i',
  κ: 'k',
  ρ: 'p',
  υ: 'u',
  α: 'a',
  // Greek upper case
  Α: 'A',
  Β: 'B',
  Ε: 'E',
  Ζ: 'Z',
  Η: 'H',
  Ι: 'I',
  Κ: 'K',
  Μ: 'M',
  Ν: 'N',
  Ο: 'O',
  Ρ: 'P',
  Τ: 'T',
  Υ: 'Y',
  Χ: 'X',
};

function isInvisible(c: number): boolean {
  return (
    c === 0x00ad ||
    c === 0x034f ||
    c === 0x180e ||
    (c >= 0x200b && c <= 0x200d) ||
    c === 0x2060 ||
    c === 0xfeff
  );
}

function isGreekOrCyrillic(c: number): boolean {
  return c >= 0x0370 && c <= 0x052f;
}

// A word is folded only when every Greek/Cyrillic letter in it has a Latin look-alike: a genuine
// Russian or Greek word ("скоро", "σήμερα") keeps its letters.
function foldsLookalikes(word: string): boolean {
  for (const ch of word) {
    if (isGreekOrCyrillic(ch.charCodeAt(0)) && LOOKALIKES[ch] === undefined) return false;
  }
  return true;
}

/**
 * Folds `text` for matching. Fullwidth ASCII (U+FF01–FF5E) and the ideographic space become
 * ASCII; a Cyrillic/Greek look-alike becomes its Latin letter when every Greek/Cyrillic letter of
 * its word has one ("prоbably" with a Cyrillic о reads "probably"); soft hyphens, zero-width
 * characters and the BOM are dropped. Each kept character folds to exactly one code unit, so
 * `toOriginal` maps every folded position back.
 *
 * @param text the draft as written
 * @returns the folded text and, when characters were dropped or folded, the position map
 * @example
 * foldForMatching('fixed by ３pm').text; // 'fixed by 3pm'
 * foldForMatching('prob\u00ADably').text; // 'probably'
 */
export function foldForMatching(text: string): FoldedText {
  if (!NEEDS_FOLD.test(text)) return { text, toOriginal: undefined };
  const foldWord = new Uint8Array(text.length);
  for (const m of text.matchAll(WORD)) {
    if (foldsLookalikes(m[0])) foldWord.fill(1, m.index, m.index + m[0].length);
  }
  const map = new Int32Array(text.length + 1);
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (isInvisible(c)) continue;
    let folded: string = text[i] as string;
    if (c >= 0xff01 && c <= 0xff5e) folded = String.fromCharCode(c - 0xfee0);
    else if (c === 0x3000) folded = ' ';
    else if (foldWord[i] === 1 && isGreekOrCyrillic(c)) folded = LOOKALIKES[folded] ?? folded;
    map[out.length] = i;
    out += folded;
  }
  map[out.length] = text.length;
  return { text: out, toOriginal: map.subarray(0, out.length + 1) };
}

/**
 * Maps a half-open folded span back to the original text: the start to where its first
 * character was written, the end to just after its last one.
 *
 * @example
 * const f = foldForMatching('a\u200Bb');
 * originalSpan(f, 0, 2); // { start: 0, end: 3 }
 */
export function originalSpan(folded: FoldedText, start: number, end: number): { start: number; end: number } {
  const map = folded.toOriginal;
  if (map === undefined) return { start, end };
  const s = map[start] as number;
  return { start: s, end: end > start ? (map[end - 1] as number) + 1 : s };
}
