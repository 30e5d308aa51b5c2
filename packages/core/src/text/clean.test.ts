import { describe, expect, it } from 'vitest';
import { cleanText, oneLine } from './index';

describe('cleanText', () => {
  it('normalises line ends and drops control characters, keeping tabs and line breaks (JSDoc example)', () => {
    expect(cleanText('a\r\nb\u0007c')).toBe('a\nbc');
    expect(cleanText('a\rb\tc\u2028d\u007f')).toBe('a\nb\tcd');
  });
});

describe('oneLine', () => {
  it('folds any line break into one space so no header line can be added (JSDoc example)', () => {
    expect(oneLine('Checkout\r\nBcc: x@evil.example')).toBe('Checkout Bcc: x@evil.example');
  });

  it('treats Unicode line separators as breaks, tabs as spaces, and drops other controls', () => {
    expect(oneLine(' a\r\nb\u2028c\t')).toBe('a b c');
    expect(oneLine('a \n\n  b\u0000c\u2029\u2029d')).toBe('a bc d');
    expect(oneLine('one  two\t\tthree')).toBe('one two three');
  });

  it('never returns CR, LF or a control character, whatever the input', () => {
    const nasty = Array.from({ length: 0x30 }, (_, i) => String.fromCharCode(i)).join('x');
    // biome-ignore lint/suspicious/noControlCharactersInRegex: asserting control characters are gone
    expect(oneLine(`${nasty}\u2028\u2029\u007f`)).not.toMatch(/[\u0000-\u001f\u007f\u2028\u2029]/);
  });
});
