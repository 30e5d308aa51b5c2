import { describe, expect, it } from 'vitest';
import { countWords, splitSentences, TextDocument } from './text';

const sentences = (text: string) => splitSentences(text).map((s) => text.slice(s.start, s.end));

describe('text', () => {
  it('splits sentences but not at a.m., e.g., decimals or URLs', () => {
    expect(sentences('We post by 9:30 a.m. ET. See status.example.com for 2.5 more. Done!')).toEqual([
      'We post by 9:30 a.m. ET.',
      'See status.example.com for 2.5 more.',
      'Done!',
    ]);
    expect(sentences('We post by 9 a.m. If it fails, retry.')).toEqual([
      'We post by 9 a.m.',
      'If it fails, retry.',
    ]);
    expect(sentences('Line one\nLine two')).toEqual(['Line one', 'Line two']);
  });

  it('counts words with inner apostrophes and hyphens as one', () => {
    expect(countWords("Sign-in isn't working — try again.")).toBe(5);
  });

  it('knows negation, hypotheticals, quotes and past incidents', () => {
    const doc = new TextDocument(
      'We have not confirmed the cause. Once it is fixed we will say so. You said "it is fixed". Last week\'s outage, which was resolved on Thursday, is unrelated.',
    );
    const at = (s: string) => doc.text.indexOf(s);
    expect(doc.isNegated(at('confirmed'))).toBe(true);
    expect(doc.isHypothetical(at('fixed we'))).toBe(true);
    expect(doc.isQuoted(at('it is fixed"'), at('it is fixed"') + 11)).toBe(true);
    expect(doc.isAboutPastIncident(at('resolved'))).toBe(true);
    expect(new TextDocument('The issue from yesterday is now resolved.').isAboutPastIncident(30)).toBe(false);
  });

  it('gives 1-based lines and columns', () => {
    const doc = new TextDocument('one\ntwo three');
    expect(doc.lineColumn(8)).toEqual({ line: 2, column: 5 });
  });
});
