/**
 * @module drill/answer-words
 * How a drill reads an answer's words: does it name the symptom, does it repeat a confirmed phrase.
 */

// Words too common in incident messages to show that an answer names the symptom.
const GENERIC = new Set(
  (
    'customers customer users cannot failing failed failure failures error errors issue issues problem problems ' +
    'working their about after while still other being there these those which would could should right again ' +
    'times some currently affected seeing'
  ).split(' '),
);

/** True when `message` names one of `keywords` (phrases as written; single words by their stem). */
export function mentionsAny(message: string, keywords: readonly string[]): boolean {
  const norm = ` ${message.toLowerCase().replace(/[-‐‑]/g, ' ')} `;
  return keywords.some((keyword) => {
    const k = keyword.toLowerCase().replace(/[-‐‑]/g, ' ').trim();
    if (k === '') return false;
    if (k.includes(' ')) return norm.includes(k);
    const stem = k.length > 5 ? k.slice(0, -2) : k;
    return new RegExp(`[^\\p{L}\\p{N}]${stem.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`, 'u').test(norm);
  });
}

export const contentWords = (phrase: string) =>
  (phrase.toLowerCase().match(/[\p{L}]+/gu) ?? []).filter((w) => w.length >= 5 && !GENERIC.has(w));

/**
 * True when `message` contains at least `share` of the words (4+ letters) of `phrase`, not
 * counting words in `ignore` (e.g. the symptom's own words, which every answer repeats).
 */
export function sharesMostWords(
  message: string,
  phrase: string,
  share: number,
  ignore: readonly string[] = [],
): boolean {
  const skip = new Set(ignore.flatMap((w) => w.toLowerCase().match(/[\p{L}]+/gu) ?? []));
  const words = [...new Set(phrase.toLowerCase().match(/[\p{L}]{4,}/gu) ?? [])].filter((w) => !skip.has(w));
  if (words.length === 0) return true;
  const found = words.filter((w) => mentionsAny(message, [w])).length;
  return found / words.length >= share;
}

export const quote = (s: string) => `"${s.length > 120 ? `${s.slice(0, 117)}...` : s}"`;
