/**
 * @module text/article
 * Choosing "a" or "an" for generated English phrases ("an enterprise contract", "an 8-minute
 * mark"), by how the next word is said rather than how it is spelled.
 */

// Words spelled with a vowel that start with a consonant sound ("a unit", "a one-off").
const CONSONANT_SOUND = /^(?:uni|use|usu|uti|ura|ure|uro|ubi|uku|eu|ewe|one\b|once\b)/i;
// Words spelled with a consonant that start with a vowel sound ("an hour", "an honest").
const VOWEL_SOUND = /^(?:hour|honest|honou?r|heir)/i;
// Letters whose spoken name starts with a vowel sound (for acronyms said letter by letter).
const VOWEL_LETTER_NAMES = new Set('AEFHILMNORSX');

function startsWithVowelSound(word: string): boolean {
  if (/^\d/.test(word)) {
    // Numbers are said aloud: 8, 80, 800… ("eight…"), 11 and 18 ("eleven", "eighteen"), and
    // 11 000 or 18 000 ("eleven thousand") start with a vowel sound.
    const digits = /^\d+/.exec(word)![0];
    if (digits.startsWith('8')) return true;
    return /^1[18]/.test(digits) && digits.length % 3 === 2;
  }
  // An acronym said letter by letter: "an SLA", "an HTTP error", "a UI".
  if (/^[A-Z]{2,5}\b/.test(word) && !/^[A-Z][a-z]/.test(word)) {
    return VOWEL_LETTER_NAMES.has(word[0]!);
  }
  if (VOWEL_SOUND.test(word)) return true;
  if (CONSONANT_SOUND.test(word)) return false;
  return /^[aeiou]/i.test(word);
}

/**
 * The indefinite article for a phrase: `an` when its first word starts with a vowel sound,
 * else `a`. Handles numbers said aloud (`an 8-minute`, `an 18-minute`, `a 15-minute`),
 * acronyms said letter by letter (`an SLA`, `a UI`), silent `h` (`an hour`) and `u`/`eu`/`one`
 * said with a consonant (`a unit`, `a user`). A heuristic for product text, not a dictionary.
 *
 * @param phrase - the words that follow the article (leading spaces and quotes are skipped).
 * @returns `'a'` or `'an'`.
 * @example
 * indefiniteArticle('enterprise contract'); // 'an'
 * indefiniteArticle('5-minute mark'); // 'a'
 */
export function indefiniteArticle(phrase: string): 'a' | 'an' {
  const word = phrase.replace(/^[\s"'“‘(]+/, '');
  return startsWithVowelSound(word) ? 'an' : 'a';
}

/**
 * The phrase with its indefinite article in front ({@link indefiniteArticle}).
 *
 * @param phrase - e.g. `enterprise contract`.
 * @returns e.g. `an enterprise contract`.
 * @example
 * withIndefiniteArticle('enterprise contract'); // 'an enterprise contract'
 * withIndefiniteArticle('8-minute mark'); // 'an 8-minute mark'
 */
export function withIndefiniteArticle(phrase: string): string {
  return `${indefiniteArticle(phrase)} ${phrase}`;
}
