import { describe, expect, it } from 'vitest';
import { indefiniteArticle, withIndefiniteArticle } from './index';

describe('indefiniteArticle', () => {
  it('follows the JSDoc examples', () => {
    expect(indefiniteArticle('enterprise contract')).toBe('an');
    expect(indefiniteArticle('5-minute mark')).toBe('a');
    expect(withIndefiniteArticle('enterprise contract')).toBe('an enterprise contract');
    expect(withIndefiniteArticle('8-minute mark')).toBe('an 8-minute mark');
  });

  it.each([
    ['enterprise', 'an'],
    ['Enterprise', 'an'],
    ['internal message', 'an'],
    ['active launch', 'an'],
    ['order', 'an'],
    ['upgrade', 'an'],
    ['premium', 'a'],
    ['Gold', 'a'],
    ['customer message', 'a'],
    ['sales-renewal message', 'a'],
    ['hour', 'an'],
    ['honest answer', 'an'],
    ['high-impact account', 'a'],
    ['unit', 'a'],
    ['user', 'a'],
    ['usual delay', 'a'],
    ['European account', 'a'],
    ['one-off credit', 'a'],
    ['SLA breach', 'an'],
    ['HTTP error', 'an'],
    ['SEV1 incident', 'a'], // said "sev one", not letter by letter
    ['UI change', 'a'],
    ['VIP account', 'a'],
    ['"enterprise" tier', 'an'],
  ] as const)('%s takes "%s"', (phrase, article) => {
    expect(indefiniteArticle(phrase)).toBe(article);
  });

  it.each([
    ['1-minute', 'a'],
    ['5-minute', 'a'],
    ['8-minute', 'an'],
    ['10-minute', 'a'],
    ['11-minute', 'an'],
    ['18-minute', 'an'],
    ['15-minute', 'a'],
    ['80-minute', 'an'],
    ['180-minute', 'a'],
    ['800-minute', 'an'],
    ['1440-minute', 'a'],
    ['11000-order', 'an'],
    ['110-order', 'a'],
  ] as const)('numbers are read aloud: %s takes "%s"', (phrase, article) => {
    expect(indefiniteArticle(phrase)).toBe(article);
  });
});
