import type { Doc, Timex } from '../../src/doc.js';
import { emptyDoc } from '../../src/doc.js';
import { tokenize } from '../../src/text/tokenize.js';
import { extractTimexes } from '../../src/time/index.js';

/** Build a tokenised Doc around `text` with DCT `published`. */
export function makeDoc(text: string, published: string | null = '2025-08-13'): Doc {
  const doc = emptyDoc({ id: 'test', title: null, published, url: null, source: null, text });
  const { tokens, sentences } = tokenize(text);
  return { ...doc, tokens, sentences };
}

/** Extract timexes from `text`. */
export function tx(text: string, published: string | null = '2025-08-13'): Timex[] {
  return extractTimexes(makeDoc(text, published));
}

/** The single timex whose text is `span` (throws if absent). */
export function find(list: Timex[], span: string): Timex {
  const t = list.find((x) => x.text === span);
  if (!t) throw new Error(`no timex "${span}" in ${JSON.stringify(list.map((x) => [x.text, x.value]))}`);
  return t;
}
