/**
 * CoNLL-2003 reader and the mapping between CoNLL's tokens and sitrep's raw
 * text: each document becomes one string (a sentence per line, its tokens
 * joined by single spaces), gold entities become character spans into it, and
 * the text is tokenized by the project's own tokenizer (wink-nlp), so that the
 * recognizer is trained and scored on exactly what it sees at run time.
 */
import { readFileSync } from 'node:fs';
import type { Sentence, Token } from '../../doc.js';
import { tokenize } from '../../text/tokenize.js';

/** CoNLL's four entity types. */
export type ConllType = 'PER' | 'ORG' | 'LOC' | 'MISC';
export const CONLL_TYPES: readonly ConllType[] = ['PER', 'ORG', 'LOC', 'MISC'];

/** A gold entity as a character span into {@link ConllDoc.text}. */
export interface GoldSpan {
  start: number;
  end: number;
  type: ConllType;
}

/** One CoNLL document as raw text plus gold spans. */
export interface ConllDoc {
  text: string;
  gold: GoldSpan[];
  /** Number of CoNLL tokens (for reporting). */
  conllTokens: number;
}

/** A CoNLL document tokenized by the project tokenizer. */
export interface TokenizedConllDoc extends ConllDoc {
  tokens: Token[];
  sentences: Sentence[];
}

/** Parse a CoNLL-2003 file (IOB1 or IOB2) into documents of raw text with gold spans. */
export function readConll(path: string): ConllDoc[] {
  return parseConll(readFileSync(path, 'utf8'));
}

/** Parse CoNLL-2003 column text; see {@link readConll}. */
export function parseConll(content: string): ConllDoc[] {
  const docs: ConllDoc[] = [];
  let lines: string[] = [];
  let gold: GoldSpan[] = [];
  let offset = 0; // offset of the current line in the document text
  let sent: { w: string; tag: string }[] = [];
  let nTok = 0;
  const flushSentence = () => {
    if (!sent.length) return;
    let pos = 0;
    let cur: GoldSpan | null = null;
    let prevType = 'O';
    const parts: string[] = [];
    for (let i = 0; i < sent.length; i++) {
      const { w, tag } = sent[i];
      const start = offset + pos;
      const end = start + w.length;
      const type = tag === 'O' ? 'O' : tag.slice(2);
      const begins = tag.startsWith('B-') || (tag.startsWith('I-') && prevType !== type);
      if (tag === 'O' || begins) {
        if (cur) gold.push(cur);
        cur = null;
      }
      if (tag !== 'O') {
        if (!cur) cur = { start, end, type: type as ConllType };
        else cur.end = end;
      }
      prevType = type;
      parts.push(w);
      pos += w.length + 1;
    }
    if (cur) gold.push(cur);
    const line = parts.join(' ');
    lines.push(line);
    offset += line.length + 1;
    nTok += sent.length;
    sent = [];
  };
  const flushDoc = () => {
    flushSentence();
    if (lines.length) docs.push({ text: lines.join('\n'), gold, conllTokens: nTok });
    lines = [];
    gold = [];
    offset = 0;
    nTok = 0;
  };
  for (const raw of content.split('\n')) {
    const l = raw.trimEnd();
    if (!l) {
      flushSentence();
      continue;
    }
    const cols = l.split(' ');
    if (cols[0] === '-DOCSTART-') {
      flushDoc();
      continue;
    }
    sent.push({ w: cols[0], tag: cols[cols.length - 1] });
  }
  flushDoc();
  return docs;
}

/** Tokenize a CoNLL document with the project tokenizer. */
export function tokenizeConllDoc(d: ConllDoc): TokenizedConllDoc {
  const { tokens, sentences } = tokenize(d.text);
  return { ...d, tokens, sentences };
}

/**
 * Gold entity type of each token (index into `types`, -1 for O) and whether
 * the token begins an entity: a token belongs to the gold span it overlaps.
 */
export function projectGold(doc: TokenizedConllDoc): { type: Int8Array; begin: Uint8Array } {
  const n = doc.tokens.length;
  const type = new Int8Array(n).fill(-1);
  const begin = new Uint8Array(n);
  const spans = [...doc.gold].sort((a, b) => a.start - b.start);
  let j = 0;
  for (let i = 0; i < n; i++) {
    const t = doc.tokens[i];
    while (j < spans.length && spans[j].end <= t.start) j++;
    if (j < spans.length && spans[j].start < t.end) {
      type[i] = CONLL_TYPES.indexOf(spans[j].type);
      begin[i] = i === 0 || type[i - 1] !== type[i] || doc.tokens[i - 1].end <= spans[j].start ? 1 : 0;
    }
  }
  return { type, begin };
}
