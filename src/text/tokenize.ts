/**
 * Tokens, sentences, POS tags and lemmas from wink-nlp with its
 * wink-eng-lite-web-model (MIT). The model is loaded once per process.
 *
 * Offsets are UTF-16 code units into `doc.document.text`; wink-nlp is
 * lossless (preceding spaces + token values rebuild the text), which this
 * module relies on and checks.
 */
import winkNLP from 'wink-nlp';
import model from 'wink-eng-lite-web-model';
import type { Sentence, Token } from '../doc.js';

type Wink = ReturnType<typeof winkNLP>;
let nlp: Wink | null = null;

function getNlp(): Wink {
  if (!nlp) nlp = winkNLP(model, ['sbd', 'pos']);
  return nlp;
}

/**
 * Longest run of non-space characters handed to wink-nlp as one piece. Its
 * tokenizer takes time quadratic in the length of a single "word" (100,000
 * characters without a space: minutes), so longer runs (base64 blobs, rows of
 * dashes) are cut every MAX_RUN characters.
 */
export const MAX_RUN = 256;
const LONG_RUN = new RegExp(`\\S{${MAX_RUN + 1},}`, 'g');

/**
 * `block` with the character after every MAX_RUN non-space characters of a
 * longer run replaced by a space: the same length, so wink-nlp's offsets stay
 * offsets into `block`. The replaced characters belong to no token.
 */
function breakLongRuns(block: string): string {
  if (block.length <= MAX_RUN) return block;
  return block.replace(LONG_RUN, (run) => {
    let out = '';
    for (let i = 0; i < run.length; i += MAX_RUN + 1) out += run.slice(i, i + MAX_RUN) + (i + MAX_RUN < run.length ? ' ' : '');
    return out;
  });
}

/** Result of {@link tokenize}. */
export interface Tokenized {
  tokens: Token[];
  sentences: Sentence[];
}

const LOWER_START = /^\p{Ll}/u;
/** Closing quotes and brackets after which a lower-case start continues the sentence. */
const CLOSER = new Set(['”', '"', '’', "'", ')', ']', '»']);

/**
 * Split `text` into sentences and tokens.
 * Line breaks of two or more newlines (paragraphs) and a single newline after a
 * line that has no final punctuation (a headline) always end a sentence.
 * A sentence that wink-nlp starts in lower case right after a closing quote
 * or bracket ("“Enough!” the minister said", "Ann Ray (D-Vt.) said") is
 * joined to the previous one. Whitespace tokens are dropped. A run of more than {@link MAX_RUN} characters
 * without a space is cut into pieces of MAX_RUN (one character between pieces
 * is left out of every token). Pure: same text, same output.
 */
export function tokenize(text: string): Tokenized {
  const n = getNlp();
  const its = n.its;
  const tokens: Token[] = [];
  const sentences: Sentence[] = [];
  // wink-nlp's sentence splitter ignores single newlines; we process line blocks separately
  // so that paragraphs and headlines never merge with the next sentence.
  const blockRe = /[^\n]+/g;
  let m: RegExpExecArray | null;
  while ((m = blockRe.exec(text)) !== null) {
    const block = m[0];
    const base = m.index;
    if (!block.trim()) continue;
    const wdoc = n.readDoc(breakLongRuns(block));
    const values = wdoc.tokens().out(its.value) as string[];
    const spaces = wdoc.tokens().out(its.precedingSpaces as never) as unknown as string[];
    const pos = wdoc.tokens().out(its.pos) as string[];
    const lemma = wdoc.tokens().out(its.lemma as never) as string[];
    const starts: number[] = new Array(values.length);
    let off = 0;
    for (let i = 0; i < values.length; i++) {
      off += spaces[i].length;
      starts[i] = off;
      off += values[i].length;
    }
    const localIndex: number[] = new Array(values.length).fill(-1);
    const blockSentences = sentences.length;
    wdoc.sentences().each((s: any) => {
      const toks = s.tokens();
      const first = toks.itemAt(0).index();
      const last = toks.itemAt(toks.length() - 1).index();
      // a "sentence" that starts in lower case right after a closing quote or bracket continues
      // the previous one: “We will not yield!” the minister said; Sen. Ann Ray (D-Vt.) said
      let firstWord = first;
      while (firstWord <= last && (pos[firstWord] === 'SPACE' || !values[firstWord].trim())) firstWord++;
      const prev = sentences.length > blockSentences ? sentences[sentences.length - 1] : null;
      const join = prev !== null && firstWord <= last && LOWER_START.test(values[firstWord]) && CLOSER.has(tokens[prev.tokenEnd - 1].text);
      const sentIdx = join ? sentences.length - 1 : sentences.length;
      const tokenStart = tokens.length;
      for (let i = first; i <= last; i++) {
        if (pos[i] === 'SPACE' || !values[i].trim()) continue;
        const start = base + starts[i];
        // wink-nlp normally keeps values verbatim; guard against any normalisation.
        const surface = text.slice(start, start + values[i].length);
        localIndex[i] = tokens.length;
        tokens.push({
          text: surface,
          start,
          end: start + surface.length,
          pos: pos[i],
          lemma: (lemma[i] || surface).toLowerCase(),
          lower: surface.toLowerCase(),
          sentence: sentIdx,
        });
      }
      if (join && prev && tokens.length > tokenStart) {
        prev.end = tokens[tokens.length - 1].end;
        prev.tokenEnd = tokens.length;
      } else if (tokens.length > tokenStart) {
        sentences.push({
          start: tokens[tokenStart].start,
          end: tokens[tokens.length - 1].end,
          tokenStart,
          tokenEnd: tokens.length,
        });
      }
    });
  }
  return { tokens, sentences };
}
