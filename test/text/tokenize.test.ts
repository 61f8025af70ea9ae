import { describe, expect, it } from 'vitest';
import { MAX_RUN, tokenize } from '../../src/text/tokenize.js';

describe('tokenize', () => {
  it('gives tokens whose offsets slice the text, and ends a sentence at a headline line', () => {
    const text = 'Talks resume in Geneva\nThe envoys met on Monday. They spoke again.';
    const { tokens, sentences } = tokenize(text);
    for (const t of tokens) expect(text.slice(t.start, t.end)).toBe(t.text);
    expect(sentences.map((s) => text.slice(s.start, s.end))).toEqual(['Talks resume in Geneva', 'The envoys met on Monday.', 'They spoke again.']);
  });

  it('continues a sentence that starts in lower case after a closing quote or bracket', () => {
    const text = '“We will not yield!” the envoy said on Monday. Sen. Ann Ray (D-Vt.) said talks would go on. “Why now?” They left.';
    const { sentences } = tokenize(text);
    expect(sentences.map((s) => text.slice(s.start, s.end))).toEqual([
      '“We will not yield!” the envoy said on Monday.',
      'Sen. Ann Ray (D-Vt.) said talks would go on.',
      '“Why now?”',
      'They left.',
    ]);
    const { tokens } = tokenize(text);
    expect(tokens.find((t) => t.text === 'envoy')!.sentence).toBe(0);
  });

  it('cuts runs longer than MAX_RUN without spaces and keeps the words around them', () => {
    const n = MAX_RUN * 40 + 7;
    const text = 'Envoys met on Monday. ' + 'x'.repeat(n) + ' The talks ended.';
    const { tokens } = tokenize(text);
    for (const t of tokens) expect(text.slice(t.start, t.end)).toBe(t.text);
    const long = tokens.filter((t) => /^x+$/.test(t.text));
    // pieces of MAX_RUN characters, one character left out between two pieces
    expect(long.length).toBe(Math.ceil(n / (MAX_RUN + 1)));
    expect(long.reduce((a, t) => a + t.text.length, 0)).toBe(n - (long.length - 1));
    expect(Math.max(...long.map((t) => t.text.length))).toBe(MAX_RUN);
    expect(tokens.map((t) => t.text)).toEqual(expect.arrayContaining(['Envoys', 'Monday', 'talks', 'ended']));
  });
});
