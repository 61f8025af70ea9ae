import { describe, expect, it } from 'vitest';
import { findQuoteRegions } from '../../src/quotes/marks.js';

const inner = (text: string) => findQuoteRegions(text).map((r) => text.slice(r.innerStart, r.innerEnd));

describe('findQuoteRegions', () => {
  it('pairs straight, curly, single and guillemet quotes', () => {
    expect(inner('He said "go now" and «stay out».')).toEqual(['go now', 'stay out']);
    expect(inner('She wrote “we leave at six” in a note.')).toEqual(['we leave at six']);
    expect(inner("Mayor: 'We will rebuild the dam'")).toEqual(['We will rebuild the dam']);
  });

  it('does not take apostrophes for quotes', () => {
    expect(inner('The farmers’ union said it won’t strike; Kyiv’s mayor agreed.')).toEqual([]);
    expect(inner("The voters' mood isn't clear.")).toEqual([]);
  });

  it('returns only the outer region of nested quotes', () => {
    expect(inner('“They shouted ‘stop the trucks’ at us,” he said.')).toEqual(['They shouted ‘stop the trucks’ at us,']);
  });

  it('joins paragraphs when the closing mark is omitted and the next paragraph reopens', () => {
    const text = '“First part of the speech.\n\n“Second part,” she said.';
    const rs = findQuoteRegions(text);
    expect(rs).toHaveLength(1);
    expect(rs[0].multiParagraph).toBe(true);
    expect(text.slice(rs[0].start, rs[0].end)).toBe(text.slice(0, text.indexOf(',”') + 2));
  });

  it('closes an unclosed quote at the paragraph end when the next paragraph does not reopen', () => {
    const text = '“The road is cut\n\nLater the convoy left.';
    const rs = findQuoteRegions(text);
    expect(rs).toHaveLength(1);
    expect(rs[0].unclosed).toBe(true);
    expect(text.slice(rs[0].innerStart, rs[0].innerEnd)).toBe('The road is cut');
  });
});
