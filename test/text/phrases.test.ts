import { describe, expect, it } from 'vitest';
import { PhraseLexicon } from '../../src/text/phrases.js';
import { tokenize } from '../../src/text/tokenize.js';

describe('PhraseLexicon', () => {
  const lex = new PhraseLexicon<string>(7);
  lex.add('New York', 'city');
  lex.add('New York Stock Exchange', 'exchange');
  lex.add('Kim Jong-un', 'leader');
  lex.add('Port Louis', 'capital');

  const scan = (text: string) => {
    const { tokens } = tokenize(text);
    return lex.scan(tokens, 0, tokens.length).map((m) => [tokens.slice(m.tokenStart, m.tokenEnd).map((t) => t.text).join(' '), m.values[0]]);
  };

  it('finds the longest phrase, also where its shorter prefixes are not phrases', () => {
    expect(scan('Shares fell on the New York Stock Exchange today.')).toEqual([['New York Stock Exchange', 'exchange']]);
    expect(scan('Kim Jong-un met envoys in New York.')).toEqual([
      ['Kim Jong - un', 'leader'],
      ['New York', 'city'],
    ]);
  });

  it('falls back to the longest phrase that matched when a longer one breaks off', () => {
    expect(scan('The New York Stock market rose.')).toEqual([['New York', 'city']]);
    expect(scan('The Port of Louis is closed; Port Louis is not.')).toEqual([['Port Louis', 'capital']]);
  });

  it('sees phrases added after the first match', () => {
    const l = new PhraseLexicon<number>(4);
    l.add('Gaza City', 1);
    const { tokens } = tokenize('Gaza City Council met.');
    expect(l.matchAt(tokens, 0, tokens.length)?.tokenEnd).toBe(2);
    l.add('Gaza City Council', 2);
    expect(l.matchAt(tokens, 0, tokens.length)?.tokenEnd).toBe(3);
  });
});
