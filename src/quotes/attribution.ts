/**
 * Attribution relations (PARC / PolNeAR sense): source, cue, content.
 *
 * Rule-based, from tokens + POS tags + quotation marks only (no parser):
 *  1. quoted regions are found in the raw text ({@link findQuoteRegions});
 *  2. cue candidates are found outside quotes: cue verbs from `cues.json`
 *     (with their verb group: auxiliaries, negation, adverbs, particles,
 *     "in a statement"), phrases ("according to X"), "In a poll, ...",
 *     "X: ..." headlines;
 *  3. each cue gets a source (subject NP to its left, inverted NP to its
 *     right, or the main-clause subject for ", saying ...") and content
 *     (the clause to the right, or the clause/quote to the left for
 *     sentence-final attribution);
 *  4. cues inside another relation's content are dropped (only outermost
 *     attributions are kept, as PolNeAR annotates);
 *  5. quoted regions not yet covered continue the previous direct quote's
 *     relation, or become bare quotes (cue and speaker null), or — short
 *     phrases right after a subject — partial quotes.
 *
 * Speakers link to `doc.entities` (and their actor codes) via {@link linkSpeaker}.
 */
import type { Attribution, Doc, Quote, Sentence, TextSpan, Token } from '../doc.js';
import { sentenceAt } from '../doc.js';
import type { Component } from '../pipeline.js';
import { cueLexicon } from './lexicon.js';
import type { QuoteRegion } from './marks.js';
import { findQuoteRegions } from './marks.js';
import type { Speaker, TokRange } from './speaker.js';
import { isTemporalWord, linkSpeaker, npLeft, npRight } from './speaker.js';

/** A content piece: a character span; `direct` when it is (exactly) a quoted region. */
interface Piece {
  start: number;
  end: number;
  direct: boolean;
  region?: QuoteRegion;
}

/** An attribution relation found in the document (internal form). */
export interface Relation {
  /** Cue token range, or a character span for punctuation cues. */
  cue: TextSpan | null;
  cueTok: TokRange | null;
  source: TokRange | null;
  speaker: Speaker | null;
  pieces: Piece[];
  sentence: number;
  rule: string;
}

interface Ctx {
  doc: Readonly<Doc>;
  text: string;
  tokens: Token[];
  regions: QuoteRegion[];
  /** For each token, index of the quote region containing it (marks included), or -1. */
  tokRegion: Int32Array;
  /** The sentences attribution works on: `doc.sentences` with false breaks repaired ({@link attributionSentences}). */
  sents: Sentence[];
}

const NEG_OR_ADV_BLOCK = new Set(['however', 'so', 'when', 'where', 'why', 'how', 'there', 'here', 'instead', 'meanwhile', 'yet', 'too', 'as']);
/** Words after which a cue verb in -ing is a participial cue whose source is the main-clause subject (", saying ..."). */
const PARTICIPLE_LEAD = new Set([',', 'and', 'by', 'before', 'after', 'while', 'in', 'when', 'since', 'without', 'also']);
const STATEMENT_LEAD = new Set(['in', 'during', 'on', 'via', 'through']);

/**
 * Copy of the tokens with a POS repair: wink-nlp tags many capitalised surnames as VERB
 * ("Lynch calls", "Dr. Ward stated"). A capitalised VERB/ADJ that is not sentence-initial, or is
 * sentence-initial and directly followed by a verb, becomes PROPN (not in Title Case lines).
 */
export function repairPos(doc: Readonly<Doc>): Token[] {
  const toks = doc.tokens.map((t) => ({ ...t }));
  for (const s of doc.sentences) {
    const words = toks.slice(s.tokenStart + 1, s.tokenEnd).filter((t) => /^\p{L}/u.test(t.text) && t.pos !== 'PROPN');
    const caps = words.filter((t) => /^\p{Lu}/u.test(t.text)).length;
    if (words.length >= 3 && caps / words.length > 0.5) continue; // Title Case headline
    for (let i = s.tokenStart; i < s.tokenEnd; i++) {
      const t = toks[i];
      if (t.pos !== 'VERB' && t.pos !== 'ADJ' && t.pos !== 'NOUN') continue;
      if (!/^\p{Lu}\p{Ll}/u.test(t.text)) continue;
      const next = toks[i + 1];
      const prev = toks[i - 1];
      const initial = i === s.tokenStart || (prev && /^[“"‘'(—-]$/.test(prev.text));
      if (initial) {
        if (t.pos === 'VERB' && next && next.sentence === t.sentence && (next.pos === 'VERB' || next.pos === 'AUX')) t.pos = 'PROPN';
        // a first name read as a verb: "Grant Young, a strategist, said", "Josh Baird said"
        else if (t.pos === 'VERB' && next && next.sentence === t.sentence && next.pos === 'PROPN' && /^\p{Lu}\p{Ll}/u.test(next.text)) {
          let k = i + 1;
          while (k < s.tokenEnd && toks[k].pos === 'PROPN') k++;
          const after = toks[k];
          if (after && (after.text === ',' || ((after.pos === 'VERB' || after.pos === 'AUX') && k === i + 2))) t.pos = 'PROPN';
        }
      } else if (t.pos === 'VERB' || (prev && prev.pos === 'PROPN')) {
        t.pos = 'PROPN';
      }
    }
  }
  return toks;
}

/**
 * `doc.sentences` with false sentence breaks joined: a sentence whose first word starts in lower
 * case continues the previous one (a break after an abbreviation or an exclamation inside a quote:
 * "Sen. Jane Roe (D-Vt.) | said ...", "She shouted “Go!” | and left."). Same shape as `doc.sentences`.
 */
export function attributionSentences(doc: Readonly<Doc>): Sentence[] {
  const out: Sentence[] = [];
  for (const s of doc.sentences) {
    let k = s.tokenStart;
    while (k < s.tokenEnd && !/\p{L}/u.test(doc.tokens[k].text)) k++;
    const prev = out[out.length - 1];
    if (prev && k < s.tokenEnd && /^\p{Ll}/u.test(doc.tokens[k].text)) {
      out[out.length - 1] = { ...prev, end: s.end, tokenEnd: s.tokenEnd };
    } else out.push(s);
  }
  return out;
}

function buildCtx(doc: Readonly<Doc>): Ctx {
  const text = doc.document.text;
  const regions = findQuoteRegions(text);
  const tokRegion = new Int32Array(doc.tokens.length).fill(-1);
  let r = 0;
  for (let i = 0; i < doc.tokens.length; i++) {
    const t = doc.tokens[i];
    while (r < regions.length && regions[r].end <= t.start) r++;
    if (r < regions.length && t.start >= regions[r].start && t.end <= regions[r].end) tokRegion[i] = r;
  }
  return { doc, text, tokens: repairPos(doc), regions, tokRegion, sents: attributionSentences(doc) };
}

function span(ctx: Ctx, s: number, e: number): TextSpan {
  const start = ctx.tokens[s].start;
  const end = ctx.tokens[e - 1].end;
  return { start, end, text: ctx.text.slice(start, end) };
}

function isPunct(t: Token | undefined): boolean {
  return !!t && (t.pos === 'PUNCT' || /^[\p{P}\p{S}]+$/u.test(t.text));
}

function isQuoteMark(t: Token | undefined): boolean {
  return !!t && /^[“”"‘’'«»]+$/.test(t.text);
}

function isOpeningMark(ctx: Ctx, i: number): boolean {
  const r = ctx.tokRegion[i];
  return r >= 0 && ctx.tokens[i].start === ctx.regions[r].start;
}

function isClosingMark(ctx: Ctx, i: number): boolean {
  const r = ctx.tokRegion[i];
  return r >= 0 && ctx.tokens[i].end === ctx.regions[r].end && !ctx.regions[r].unclosed;
}

// ---------------------------------------------------------------------------
// cue candidates

interface CueCand {
  /** core cue token(s) */
  core: TokRange;
  /** full cue (verb group) */
  group: TokRange;
  kind: 'verb' | 'phrase-after' | 'phrase' | 'in-artifact' | 'colon' | 'participle';
  lemma: string;
  cls: 'speech' | 'clause';
  passive: boolean;
}

function matchWords(tokens: Token[], i: number, end: number, words: string[]): boolean {
  if (i + words.length > end) return false;
  for (let k = 0; k < words.length; k++) if (tokens[i + k].lower !== words[k]) return false;
  return true;
}

const SAY_FORMS = new Set(['said', 'says', 'say', 'told', 'tells', 'saying']);
/** Speech cues that, after "and", usually share the subject of the previous cue. */
const COORD_SPEECH = new Set(['say', 'add', 'note', 'tell', 'announce', 'insist', 'argue', 'warn', 'predict', 'explain', 'declare', 'acknowledge', 'suggest', 'state', 'claim', 'vow', 'promise', 'pledge', 'urge', 'call', 'deny', 'admit', 'stress', 'reiterate', 'accuse', 'criticize', 'praise', 'dismiss', 'reject', 'ask', 'question', 'recall', 'describe', 'cite']);

function findCues(ctx: Ctx, si: number): CueCand[] {
  const lex = cueLexicon();
  const { tokens } = ctx;
  const sent = ctx.sents[si];
  const out: CueCand[] = [];
  const used = new Set<number>();
  for (let i = sent.tokenStart; i < sent.tokenEnd; i++) {
    if (ctx.tokRegion[i] >= 0 || used.has(i)) continue;
    const t = tokens[i];
    // multi-word phrases
    let matched = false;
    for (const ph of lex.phrases) {
      if (matchWords(tokens, i, sent.tokenEnd, ph.words)) {
        if (ph.weak && !(i > sent.tokenStart && tokens[i - 1].text === ',') && i !== sent.tokenStart) continue;
        const e = i + ph.words.length;
        for (let k = i; k < e; k++) used.add(k);
        out.push({ core: { s: i, e }, group: { s: i, e }, kind: ph.sourceAfter ? 'phrase-after' : 'phrase', lemma: ph.words.join(' '), cls: 'speech', passive: ph.words[0] === 'was' });
        matched = true;
        break;
      }
    }
    if (matched) continue;
    // "In a new poll, ..." / "In a statement, X said" is handled by the verb; here: artifact as source
    if (i === sent.tokenStart && (t.lower === 'in' || t.lower === 'per')) {
      const np = npRight(tokens, i + 1, sent.tokenEnd);
      if (np && np.e < sent.tokenEnd && tokens[np.e].text === ',') {
        const words = tokens.slice(np.s, np.e).map((x) => x.lower);
        if (words.some((w) => lex.artifactNouns.has(w))) {
          out.push({ core: { s: i, e: i + 1 }, group: { s: i, e: i + 1 }, kind: 'in-artifact', lemma: 'in', cls: 'speech', passive: false });
          continue;
        }
      }
    }
    const isVerb = t.pos === 'VERB' || SAY_FORMS.has(t.lower);
    if (!isVerb) continue;
    const cls = lex.verbs.get(t.lemma) ?? (SAY_FORMS.has(t.lower) ? 'speech' : undefined);
    if (!cls) continue;
    // adjectival participle before a noun: "the stated goal", "so-called"
    const prev = tokens[i - 1];
    const next = tokens[i + 1];
    if (prev && (prev.lower === 'so-' || prev.text === '-' || prev.lower === 'so')) continue;
    if (/^so-called$/i.test(t.text)) continue;
    if (prev && (prev.pos === 'DET' || prev.pos === 'NUM' || prev.pos === 'ADJ') && next && (next.pos === 'NOUN' || next.pos === 'PROPN' || next.pos === 'NUM' || next.pos === 'ADJ') && t.lower.endsWith('ed')) continue;
    // "Asked about X, Trump said ...": a sentence-initial participle is not the cue
    // (but "Stated Stone: ..." / "Added Smith, ..." is an inverted cue: a name follows)
    if ((i === sent.tokenStart || (i === sent.tokenStart + 1 && isQuoteMark(tokens[sent.tokenStart]))) && /ed$/.test(t.lower) && t.lower !== 'said' && !(i === sent.tokenStart && next && next.pos === 'PROPN')) continue;
    // "speaking on condition of anonymity", "talking anonymously": the terms of the attribution, not a cue
    if ((t.lemma === 'speak' || t.lemma === 'talk') && next && (next.lower === 'anonymously' || (next.lower === 'on' && /^(the )?condition\b/.test(ctx.text.slice(next.end + 1, next.end + 15))))) continue;
    // verb group to the left: auxiliaries, negation, adverbs
    let gs = i;
    let passive = false;
    for (let k = i - 1; k >= sent.tokenStart && k >= i - 4; k--) {
      const p = tokens[k];
      if (ctx.tokRegion[k] >= 0) break;
      const sinceAfterAux = p.lower === 'since' && k - 1 >= sent.tokenStart && tokens[k - 1].pos === 'AUX';
      if (p.pos === 'AUX' || sinceAfterAux || (p.pos === 'PART' && (p.lower === 'not' || p.lower === "n't" || p.lower === 'n’t')) || (p.pos === 'ADV' && !NEG_OR_ADV_BLOCK.has(p.lower) && !/^[A-Z]/.test(p.text) && p.lower !== 'as')) {
        if (p.pos === 'AUX' && p.lemma === 'be' && /(ed|en|wn)$/.test(t.lower) && t.lower !== 'said') passive = true;
        if (p.pos === 'AUX' && p.lemma === 'be' && (t.lower === 'said' || t.lower === 'told' || t.lower === 'asked' || t.lower === 'expected' || t.lower === 'known' || t.lower === 'reported')) passive = true;
        gs = k;
        continue;
      }
      break;
    }
    // participial ", saying ..." keeps the group to itself
    let kind: CueCand['kind'] = 'verb';
    const lead = tokens[gs - 1];
    if (/ing$/.test(t.lower) && gs > sent.tokenStart && lead && PARTICIPLE_LEAD.has(lead.lower) && tokens.slice(gs, i).every((x) => x.pos === 'ADV')) kind = 'participle';
    // "X issued a statement (Tuesday) saying ...": an -ing cue after a statement noun that is the object of a
    // finite verb; its source is the subject of that verb (not the statement)
    else if (/ing$/.test(t.lower) && gs === i && lead && statementObjectBefore(ctx, sent, i)) kind = 'participle';
    // group to the right: particles, "in a statement"
    let ge = i + 1;
    const parts = lex.particles.get(t.lemma);
    if (parts && ge < sent.tokenEnd && parts.has(tokens[ge].lower)) ge++;
    if (ge < sent.tokenEnd && tokens[ge].lower === 'in' && !(ctx.tokRegion[ge] >= 0)) {
      // said in a statement / in an interview with CNN / in a tweet
      let k = ge + 1;
      if (k < sent.tokenEnd && (tokens[k].pos === 'DET' || tokens[k].pos === 'PRON')) k++;
      let j = k;
      while (j < sent.tokenEnd && j < k + 3 && (tokens[j].pos === 'ADJ' || tokens[j].pos === 'NOUN' || tokens[j].pos === 'PROPN')) j++;
      const phrase = tokens.slice(k, j).map((x) => x.lower);
      const last = phrase[phrase.length - 1];
      const last2 = phrase.slice(-2).join(' ');
      if (j > k && (lex.statementNouns.has(last) || lex.statementNouns.has(last2))) ge = j;
    }
    out.push({ core: { s: i, e: i + 1 }, group: { s: gs, e: ge }, kind, lemma: t.lemma, cls, passive });
  }
  // "X: ..." — headline or lead-in colon: short NP before a colon at sentence start
  const colonAt = findSourceColon(ctx, sent);
  if (colonAt >= 0) {
    out.push({ core: { s: colonAt, e: colonAt + 1 }, group: { s: colonAt, e: colonAt + 1 }, kind: 'colon', lemma: ':', cls: 'speech', passive: false });
  }
  out.sort((a, b) => a.group.s - b.group.s);
  return out;
}

/** Does a statement noun ("a statement", "a press release", "an email Tuesday") end just before token `i`, after a finite verb? */
function statementObjectBefore(ctx: Ctx, sent: Sentence, i: number): boolean {
  const { tokens } = ctx;
  const lex = cueLexicon();
  let k = i - 1;
  while (k > sent.tokenStart && k >= i - 3 && (isTemporalWord(tokens[k].lower) || tokens[k].pos === 'PROPN')) k--;
  const head = tokens[k];
  if (!head || head.pos !== 'NOUN') return false;
  const w = head.lower.replace(/s$/, '');
  const w2 = `${tokens[k - 1]?.lower ?? ''} ${w}`;
  if (!lex.statementNouns.has(w) && !lex.statementNouns.has(w2)) return false;
  for (let j = k - 1; j >= sent.tokenStart && j >= k - 5; j--) {
    if (ctx.tokRegion[j] >= 0) return false;
    if (tokens[j].pos === 'VERB') return true;
    if (!['DET', 'ADJ', 'NOUN', 'PROPN', 'NUM', 'PRON', 'ADV', 'PART'].includes(tokens[j].pos)) return false;
  }
  return false;
}

/** Index of a colon in "Name: content" (sentence starts with a short proper-noun NP and a colon), else -1. */
function findSourceColon(ctx: Ctx, sent: Sentence): number {
  const { tokens } = ctx;
  for (let i = sent.tokenStart + 1; i < Math.min(sent.tokenEnd - 1, sent.tokenStart + 7); i++) {
    if (tokens[i].text !== ':') continue;
    if (ctx.tokRegion[i] >= 0) return -1;
    const np = npLeft(tokens, sent.tokenStart, i);
    if (!np || np.s !== sent.tokenStart) return -1;
    const hasPropn = tokens.slice(np.s, np.e).some((t) => t.pos === 'PROPN');
    if (!hasPropn) return -1;
    // column labels, not sources: "The Latest: ...", "Editor's note: ...", "UPDATE: ..."
    const label = tokens.slice(np.s, np.e).map((t) => t.lower).join(' ');
    if (/^(the latest|editor\s?\S*s note|update|updated|breaking|watch|read more|related|correction|note|photos?|video|live|analysis|opinion|exclusive)$/.test(label)) return -1;
    return i;
  }
  return -1;
}

// ---------------------------------------------------------------------------
// sources and contents

/** Skip adjuncts (temporal PPs, "in a statement", short parentheticals) leftward from `end`; returns the new end. */
function skipLeftAdjuncts(ctx: Ctx, min: number, end: number): number {
  const { tokens } = ctx;
  const lex = cueLexicon();
  let e = end;
  for (let guard = 0; guard < 4; guard++) {
    const before = e;
    // bare temporal: "Tuesday", "last week", "on Monday", "earlier this month"
    let k = e - 1;
    while (k >= min && k >= e - 4 && (isTemporalWord(tokens[k].lower) || (tokens[k].pos === 'NUM' && k > min && isTemporalWord(tokens[k - 1].lower)) || ((tokens[k].lower === 'last' || tokens[k].lower === 'this' || tokens[k].lower === 'next' || tokens[k].lower === 'early' || tokens[k].lower === 'late' || tokens[k].lower === 'the') && k + 1 < e && isTemporalWord(tokens[k + 1].lower)))) k--;
    if (k < e - 1) {
      if (k >= min && tokens[k].pos === 'ADP') k--;
      e = k + 1;
    }
    // "both", "all", "each", "still", "further" between subject and verb
    while (e - 1 >= min && /^(both|all|each|still|further|jointly|together|themselves|himself|herself|itself)$/.test(tokens[e - 1].lower)) e--;
    // discourse adverbs: "X however said", "X, though, said"
    if (e - 1 > min && lex.subjectVerbAdverbs.has(tokens[e - 1].lower) && ctx.tokRegion[e - 1] < 0) e--;
    else if (e - 3 > min && tokens[e - 1].text === ',' && tokens[e - 3].text === ',' && lex.subjectVerbAdverbs.has(tokens[e - 2].lower)) e -= 3;
    // ", in a statement," / ", in an interview with CNN,"
    if (e - 1 >= min && tokens[e - 1].text === ',') {
      let j = e - 2;
      while (j >= min && j >= e - 16 && tokens[j].text !== ',') j--;
      if (j >= min && tokens[j].text === ',' && j + 1 < e - 1 && (tokens[j + 1].pos === 'ADP' || tokens[j + 1].pos === 'ADV' || isTemporalWord(tokens[j + 1].lower)) && tokens[j + 1].lower !== 'of') {
        e = j;
      }
    }
    // "in a statement" directly before the verb
    if (e - 1 >= min) {
      let j = e - 1;
      while (j >= min && j >= e - 5 && tokens[j].pos !== 'ADP') j--;
      if (j >= min && STATEMENT_LEAD.has(tokens[j].lower) && j < e - 1) {
        const last = tokens[e - 1].lower;
        if (lex.statementNouns.has(last)) e = j;
      }
    }
    if (e === before) break;
  }
  return e;
}

/** Skip a relative clause "NP, who ..., cue" leftward: returns the end of NP, or -1. */
function skipRelativeClause(ctx: Ctx, min: number, end: number): number {
  const { tokens } = ctx;
  if (end - 1 < min || tokens[end - 1].text !== ',') return -1;
  for (let j = end - 2; j >= min + 1 && j >= end - 25; j--) {
    const t = tokens[j];
    if (ctx.tokRegion[j] >= 0) continue;
    if ((t.lower === 'who' || t.lower === 'which' || t.lower === 'whose') && tokens[j - 1].text === ',') return j - 1;
    if (t.pos === 'VERB' && cueLexicon().verbs.has(t.lemma) && t.lower !== 'is') continue;
  }
  return -1;
}


/** Find the source NP to the left of the cue group (subject position). */
function sourceLeft(ctx: Ctx, sent: Sentence, cue: CueCand, min: number): TokRange | null {
  return sourceLeftOf(ctx, cue.group.s, min);
}

/** Can the token before index `s` precede a subject (sentence or clause start)? */
function subjectBoundary(ctx: Ctx, min: number, s: number): boolean {
  const b = s - 1;
  if (b < min) return true;
  const t = ctx.tokens[b];
  return t.text === ',' || t.text === ';' || t.text === ':' || t.text === '—' || t.pos === 'CCONJ' || t.pos === 'SCONJ' || isQuoteMark(t);
}

/**
 * A source NP ending at `end` that {@link npLeft} does not build: a pronoun or quantifier from
 * `subjectPronouns` ("It said", "Many argue"), "most of them", or a head with a survey participle
 * ("those surveyed", "voters polled").
 */
function pronounSubject(ctx: Ctx, min: number, end: number): TokRange | null {
  const { tokens } = ctx;
  const lex = cueLexicon();
  const i = end - 1;
  if (i < min || ctx.tokRegion[i] >= 0) return null;
  const t = tokens[i];
  // expletive "it" ("It is expected that ...", "It was reported that ...") is no source
  const expletive = (t.lower === 'it' || t.lower === 'this') && end < tokens.length && (tokens[end].lemma === 'be' || tokens[end].lower === "'s" || tokens[end].lower === '’s');
  if (lex.subjectPronouns.has(t.lower) && !expletive && t.pos !== 'VERB' && t.pos !== 'AUX' && subjectBoundary(ctx, min, i)) return { s: i, e: end };
  // "most of them", "some of those"
  if (i - 2 >= min && t.pos === 'PRON' && tokens[i - 1].lower === 'of' && lex.subjectPronouns.has(tokens[i - 2].lower) && subjectBoundary(ctx, min, i - 2)) return { s: i - 2, e: end };
  if (lex.surveyParticiples.has(t.lower) && i - 1 >= min) {
    const p = tokens[i - 1];
    if (lex.subjectPronouns.has(p.lower) && subjectBoundary(ctx, min, i - 1)) return { s: i - 1, e: end };
    const np = npLeft(tokens, min, i);
    if (np && ctx.tokRegion[np.s] < 0) return { s: np.s, e: end };
  }
  return null;
}

function sourceLeftOf(ctx: Ctx, groupStart: number, min: number): TokRange | null {
  const { tokens } = ctx;
  let e = skipLeftAdjuncts(ctx, min, groupStart);
  let np = npLeft(tokens, min, e);
  if (!np) np = pronounSubject(ctx, min, e);
  if (!np) {
    const rel = skipRelativeClause(ctx, min, e);
    if (rel >= 0) np = npLeft(tokens, min, rel);
    if (np) return np;
    // "NP, appositive or relative clause, said": "The head of the group, Mike Murphy, said",
    // "Eaton, a Republican who voted for Clinton, said", "Graham, who is running, said"
    // 'Jo Roe, host of the show “Morning Call,” said': the comma inside the closing quotation mark delimits
    if (e - 2 > min && isClosingMark(ctx, e - 1) && tokens[e - 2].text === ',') e = e - 1;
    if (e - 1 > min && (tokens[e - 1].text === ',' || tokens[e - 1].text === '—' || tokens[e - 1].text === '--')) {
      const delim = tokens[e - 1].text;
      // "..., Gov. John Kasich (R-OH), said": a stray comma after an NP that follows a boundary
      const np0 = npLeft(tokens, min, e - 1);
      if (np0 && delim === ',') {
        const b0 = np0.s - 1;
        if (b0 < min || tokens[b0].text === ',' || isClosingMark(ctx, b0)) {
          if (!(b0 >= min && tokens[b0].text === ',' && b0 - 1 >= min && npLeft(tokens, min, b0))) return np0;
        }
      }
      // the NP before the first delimiter that follows a clause boundary (up to three delimiters back:
      // "Sen. X, facing a challenge in Iowa, a swing state, said")
      let j = e - 1;
      for (let tries = 0; tries < 3; tries++) {
        j--;
        while (j > min && j >= e - 30 && !(tokens[j].text === delim && ctx.tokRegion[j] < 0)) j--;
        if (!(j > min && tokens[j].text === delim && j + 1 < e - 1)) break;
        let np1 = npLeft(tokens, min, j);
        const c = tokens[j + 1];
        if (!np1) continue;
        // "Six newspapers in New Jersey, including ...": the NP goes on left over an inner preposition
        if (np1.s - 1 > min && tokens[np1.s - 1].pos === 'ADP' && /^(in|of|for|from|at|with)$/.test(tokens[np1.s - 1].lower)) {
          const head = npLeft(tokens, min, np1.s - 1);
          if (head && ctx.tokRegion[head.s] < 0) np1 = { s: head.s, e: np1.e };
        }
        const b = np1.s - 1;
        const boundary = b < min || tokens[b].text === ',' || isQuoteMark(tokens[b]) || tokens[b].pos === 'SCONJ' || tokens[b].pos === 'CCONJ' || tokens[b].text === '—' || tokens[b].text === ':' || (tokens[b].pos === 'ADV' && (b - 1 < min || tokens[b - 1].text === ','));
        if (!boundary) continue;
        if (c.lower === 'who' || c.lower === 'which' || c.lower === 'whose') return np1;
        // participial modifier: "Sanders, celebrating a victory in Vermont, is pledging"
        if (c.pos === 'VERB' && /(ing|ed)$/.test(c.lower) && c.lower !== 'including') return np1;
        if (c.lower === 'including' || delim !== ',') return { s: np1.s, e: e - 1 };
        // "Tester, himself up for reelection, said"
        if (/^(himself|herself|themselves|itself)$/.test(c.lower)) return np1;
        if (c.pos === 'DET' || c.pos === 'ADJ' || c.pos === 'NOUN' || c.pos === 'PROPN' || c.pos === 'NUM' || (c.pos === 'PRON' && /^(his|her|their|its)$/.test(c.lower))) {
          const chunk = tokens.slice(j + 1, e - 1);
          const finite = chunk.some((t, k) => (t.pos === 'AUX' || (t.pos === 'VERB' && !/(ing|ed|en)$/.test(t.lower))) && ctx.tokRegion[j + 1 + k] < 0);
          if (!finite || chunk.some((t) => t.lower === 'who')) return { s: np1.s, e: e - 1 };
        }
        break;
      }
    }
    return null;
  }
  // the NP must not be inside a quote
  if (ctx.tokRegion[np.s] >= 0) return null;
  // appositive: "John Smith, a spokesman for X, said" / "Smith, 45, said"
  if (np.s - 1 > min && tokens[np.s - 1].text === ',' && (tokens[np.s].pos === 'DET' || tokens[np.s].pos === 'NUM' || tokens[np.s].pos === 'ADJ' || tokens[np.s].pos === 'NOUN')) {
    const np1 = npLeft(tokens, min, np.s - 1);
    if (np1 && tokens.slice(np1.s, np1.e).some((t) => t.pos === 'PROPN')) {
      const b = np1.s - 1;
      if (b < min || tokens[b].text === ',' || isQuoteMark(tokens[b]) || tokens[b].pos === 'SCONJ' || tokens[b].pos === 'CCONJ') {
        // content to the left ends with a comma or quote: this is "..., NP1, NP2, said" — keep both
        return { s: np1.s, e: np.e };
      }
    }
  }
  // a title before the name: '"...," another friend, Mariam Emara, told CNN' / '..., the party's leader, Jo Roe said'
  if (np.s - 1 > min && tokens[np.s - 1].text === ',' && tokens.slice(np.s, np.e).every((t) => t.pos === 'PROPN' || t.pos === 'PUNCT')) {
    const np1 = npLeft(tokens, min, np.s - 1);
    if (np1 && (tokens[np1.s].pos === 'DET' || tokens[np1.s].pos === 'ADJ' || tokens[np1.s].pos === 'PRON') && tokens[np1.e - 1].pos === 'NOUN' && !tokens.slice(np1.s, np1.e).some((t) => isTemporalWord(t.lower))) {
      const b = np1.s - 1;
      if (b >= min && (tokens[b].text === ',' || isClosingMark(ctx, b))) return { s: np1.s, e: np.e };
    }
  }
  return np;
}

/**
 * Subject of the clause that governs a participial, infinitive or coordinated cue at `i`
 * ("Smith criticized the plan, saying ...", "He left and said ..."): the source of an earlier
 * relation whose cue is the governing verb, or the NP before that verb. The governing verb is the
 * first main verb of the sentence, or with `nearest` (coordinated verb phrases) the closest verb to
 * the left, outside earlier contents, that has a subject.
 */
function mainSubject(ctx: Ctx, sent: Sentence, i: number, rels: Relation[], nearest = false): TokRange | null {
  const { tokens } = ctx;
  // skip introductory adjunct clauses: "After saying ..., the man ..." / "On Tuesday, even as X fell, he ..."
  let start = sent.tokenStart;
  for (let guard = 0; guard < 3; guard++) {
    const t0 = tokens[start];
    if (!(t0 && (t0.pos === 'ADP' || t0.pos === 'SCONJ' || t0.pos === 'ADV' || (t0.pos === 'VERB' && /(ing|ed)$/.test(t0.lower))))) break;
    let next = -1;
    for (let k = start; k < i; k++) {
      if (tokens[k].text !== ',') continue;
      if (ctx.tokRegion[k] < 0) { next = k + 1; break; }
      if (isClosingMark(ctx, k + 1)) { next = k + 2; break; } // 'On ABC's “This Week,” he said'
    }
    if (next < 0) break;
    start = next;
  }
  const inContent = (k: number) => rels.some((r) => r.pieces.some((p) => p.start <= tokens[k].start && tokens[k].end <= p.end));
  const order: number[] = [];
  if (nearest) for (let k = i - 1; k >= start; k--) order.push(k);
  else for (let k = start; k < i; k++) order.push(k);
  for (const k of order) {
    if (ctx.tokRegion[k] >= 0 || (nearest && inContent(k))) continue;
    const t = tokens[k];
    // an auxiliary is the main verb unless a verb follows it (over adverbs and negation): "are more likely to say", "has to remind"
    let n = k + 1;
    while (n < i && (tokens[n].pos === 'ADV' || (tokens[n].pos === 'PART' && tokens[n].lower !== 'to'))) n++;
    const isMain = t.pos === 'VERB' || (t.pos === 'AUX' && n < i && tokens[n].pos !== 'VERB' && tokens[n].pos !== 'AUX');
    if (!isMain) continue;
    const prevRel = rels.find((r) => r.cueTok && r.cueTok.s <= k && k < r.cueTok.e);
    if (prevRel) {
      if (prevRel.source || !nearest) return prevRel.source;
      continue;
    }
    let gs = k;
    while (gs - 1 >= start && (tokens[gs - 1].pos === 'AUX' || tokens[gs - 1].pos === 'ADV' || tokens[gs - 1].pos === 'PART') && ctx.tokRegion[gs - 1] < 0) gs--;
    const np = sourceLeftOf(ctx, gs, start);
    if (!nearest || np) return np;
  }
  return null;
}


/** Skip a recipient NP after a recipient verb ("told reporters", "told CNN on Monday"). */
function skipRecipient(ctx: Ctx, start: number, max: number): number {
  const { tokens } = ctx;
  const np = npRight(tokens, start, max);
  if (!np) return start;
  let e = np.e;
  // "on Monday", "last week", "in an interview"
  for (let guard = 0; guard < 3 && e < max; guard++) {
    const t = tokens[e];
    if (isTemporalWord(t.lower)) {
      e++;
      continue;
    }
    if ((t.pos === 'ADP' || t.lower === 'last' || t.lower === 'this') && e + 1 < max) {
      let k = e + 1;
      while (k < max && k < e + 5 && (tokens[k].pos === 'DET' || tokens[k].pos === 'ADJ' || tokens[k].pos === 'NOUN' || tokens[k].pos === 'PROPN' || tokens[k].pos === 'NUM')) k++;
      const words = tokens.slice(e + 1, k).map((x) => x.lower);
      if (k > e + 1 && (words.some(isTemporalWord) || cueLexicon().statementNouns.has(words[words.length - 1]))) {
        e = k;
        continue;
      }
    }
    break;
  }
  // only a recipient if what follows looks like the start of content
  if (e >= max) return start;
  const t = tokens[e];
  if (t.lower === 'that' || t.text === ',' || t.text === ':' || t.lower === 'to' || t.lower === 'about' || t.lower === 'of' || t.lower === 'whether' || t.lower === 'if' || t.lower === 'how' || t.lower === 'why' || t.lower === 'what' || isOpeningMark(ctx, e) || t.pos === 'PRON' || t.pos === 'DET' || t.pos === 'PROPN' || t.pos === 'NOUN') return e;
  return start;
}

/** Trim punctuation and spaces at the edges of a char span. */
function trimSpan(text: string, start: number, end: number): { start: number; end: number } {
  while (start < end && /[\s,;:.\u2014\u2013-]/.test(text[start])) start++;
  while (end > start && /[\s,;:\u2014\u2013-]/.test(text[end - 1])) end--;
  // a final period that ends the sentence is not content (but keep ?/! and closing quotes)
  if (end > start && text[end - 1] === '.' && !/\b(?:[A-Z]|Mr|Mrs|Ms|Dr|Jr|Sr|St|U\.S|Inc|Co|Corp)\.$/.test(text.slice(Math.max(start, end - 5), end))) end--;
  while (end > start && /[\s,;:]/.test(text[end - 1])) end--;
  return { start, end };
}

/** Content piece(s) for a char span, aligned to quote regions it touches. */
function makePieces(ctx: Ctx, start: number, end: number): Piece[] {
  const t = trimSpan(ctx.text, start, end);
  if (t.end <= t.start) return [];
  let { start: s, end: e } = t;
  // extend to cover quote regions that straddle the edges
  for (const r of ctx.regions) {
    if (r.start < e && r.end > s) {
      if (r.start < s) s = r.start;
      if (r.end > e) e = r.end;
    }
  }
  const exact = ctx.regions.find((r) => r.start === s && (r.end === e || trimSpan(ctx.text, r.end, e).start >= e));
  if (exact) return [{ start: exact.start, end: exact.end, direct: true, region: exact }];
  return [{ start: s, end: e, direct: false }];
}

/** End of the sentence for content purposes, extended to the end of a quote region that starts inside it. */
function sentenceContentEnd(ctx: Ctx, si: number): number {
  return ctx.sents[si].end;
}

/** Is the rest of the sentence after token `i` only punctuation or adjuncts (a sentence-final attribution)? */
function restIsTrivial(ctx: Ctx, i: number, end: number): boolean {
  const { tokens } = ctx;
  for (let k = i; k < end; k++) {
    const t = tokens[k];
    if (isPunct(t) && !isOpeningMark(ctx, k)) continue;
    if (isTemporalWord(t.lower) || t.pos === 'ADP' || t.pos === 'DET' || t.pos === 'NUM' || t.lower === 'last' || t.lower === 'this') {
      // allow only short temporal/statement adjuncts
      const words = tokens.slice(k, end).filter((x) => !isPunct(x));
      if (words.length <= 6 && words.some((x) => isTemporalWord(x.lower) || cueLexicon().statementNouns.has(x.lower) || x.pos === 'PROPN' || x.pos === 'NOUN')) {
        // "in an interview with CNN" / "on Tuesday" / "during a rally in Iowa"
        if (words.every((x) => x.pos !== 'VERB' && x.pos !== 'AUX' && x.lower !== 'that')) return true;
      }
      return false;
    }
    return false;
  }
  return true;
}

/** Build relations for one sentence. */
function sentenceRelations(ctx: Ctx, si: number): Relation[] {
  const { tokens, text } = ctx;
  const sent = ctx.sents[si];
  const cues = findCues(ctx, si);
  const rels: Relation[] = [];
  if (!cues.length) return rels;
  const lex = cueLexicon();
  // the start of the clause that a cue's left search may use: after the previous cue's group
  for (let ci = 0; ci < cues.length; ci++) {
    const cue = cues[ci];
    const next = cues[ci + 1];
    const prevCue = cues[ci - 1];
    let source: TokRange | null = null;
    let leftContent: { start: number; end: number } | null = null;
    let rightStart = cue.group.e;
    let rule = 'attr:' + cue.kind;
    const minLeft = prevCue ? prevCue.group.e : sent.tokenStart;
    // content to the left of a sentence-final cue starts at the sentence start (the final attribution is the outer one)
    const leftStartTok = prevCue && prevCue.kind === 'colon' ? prevCue.group.e : sent.tokenStart;

    if (cue.kind === 'colon') {
      source = npLeft(tokens, sent.tokenStart, cue.core.s);
      rightStart = cue.group.e;
    } else if (cue.kind === 'phrase-after' || cue.kind === 'in-artifact') {
      // "according to X, content" / "content, according to X" / "In a poll, content"
      const np = npRight(tokens, cue.group.e, sent.tokenEnd, { appositive: false });
      if (np) {
        source = np;
        let e = np.e;
        // "according to a poll released Monday by X" — stop at the comma
        if (e < sent.tokenEnd && tokens[e].text !== ',' && !isPunct(tokens[e])) {
          let k = e;
          while (k < sent.tokenEnd && tokens[k].text !== ',' && k < e + 8) k++;
          if (k < sent.tokenEnd && tokens[k].text === ',' && cue.group.s === sent.tokenStart) e = k;
        }
        if (cue.group.s === sent.tokenStart || (cue.group.s === sent.tokenStart + 1 && tokens[sent.tokenStart].pos === 'CCONJ')) {
          rightStart = e;
        } else {
          leftContent = { start: tokens[leftStartTok].start, end: tokens[cue.group.s].start };
          rightStart = -1;
        }
      } else continue;
    } else if (cue.kind === 'participle') {
      // ", saying ...": source is the main-clause subject (source of the previous relation, or the first NP)
      source = mainSubject(ctx, sent, cue.group.s, rels);
      rule = 'attr:participle';
    } else {
      // verb cues
      const afterGroup = cue.group.e;
      const leftBoundary = cue.group.s;
      const beforeTok = tokens[leftBoundary - 1];
      // inverted: '"...," said X' / '..., said X.'
      const invertedCtx = beforeTok && (beforeTok.text === ',' || isClosingMark(ctx, leftBoundary - 1) || (isQuoteMark(beforeTok) && leftBoundary - 2 >= sent.tokenStart && tokens[leftBoundary - 2].text === ','));
      const afterIsContent = afterGroup < sent.tokenEnd && (tokens[afterGroup].lower === 'that' || tokens[afterGroup].text === ':' || isOpeningMark(ctx, afterGroup) || (tokens[afterGroup].text === ',' && afterGroup + 1 < sent.tokenEnd && isOpeningMark(ctx, afterGroup + 1)));
      if (cue.passive) {
        // "was asked", "is expected": source only as a by-phrase
        if (afterGroup < sent.tokenEnd && tokens[afterGroup].lower === 'by') {
          const np = npRight(tokens, afterGroup + 1, sent.tokenEnd);
          if (np) {
            source = np;
            rightStart = np.e;
          }
        }
        // "She is determined to ...", "He is convinced that ...": the subject holds the attitude
        // (but not in "X is expected / intended / planned to ...": whoever expects it is unstated)
        if (!source && /^(assure|determine|commit|convince|resolve|inclined)$/.test(cue.lemma)) source = sourceLeft(ctx, sent, cue, minLeft);
        rule = 'attr:passive';
      } else {
        // 1. subject to the left, possibly a sentence-final attribution: '"...," X said.' / '..., X said.'
        source = sourceLeft(ctx, sent, cue, minLeft);
        // an earlier cue inside a parenthetical does not bound the subject: "X, whose bid was seen as ..., said"
        if (!source && prevCue && minLeft > sent.tokenStart) {
          const alt = sourceLeftOf(ctx, cue.group.s, sent.tokenStart);
          if (alt && alt.e <= prevCue.group.s && tokens[alt.e]?.text === ',') source = alt;
        }
        if (source) {
          const b = source.s - 1;
          // the quote closed at the end of the previous sentence: '"... emails." Trump said.'
          const prevClose = source.s === sent.tokenStart && b >= 0 && isClosingMark(ctx, b);
          const finalCtx = (b >= sent.tokenStart || prevClose) && (tokens[b].text === ',' || isClosingMark(ctx, b) || (isQuoteMark(tokens[b]) && b - 1 >= sent.tokenStart && tokens[b - 1].text === ',') || tokens[b].text === '—' || tokens[b].text === '--');
          const quoteBefore = isClosingMark(ctx, b) || (b - 1 >= 0 && isClosingMark(ctx, b - 1)) || ctx.tokRegion[b] >= 0;
          const hasLeft = b > minLeft || quoteBefore;
          const restNoClause = !tokens.slice(cue.group.e, sent.tokenEnd).some((t, k) => (t.pos === 'VERB' || t.pos === 'AUX') && ctx.tokRegion[cue.group.e + k] < 0);
          // the rest after a recipient ("..., X told CNN.") may be trivial too
          let restFrom = cue.group.e;
          if (lex.recipientVerbs.has(cue.lemma)) {
            const rec = npRight(tokens, restFrom, sent.tokenEnd);
            if (rec) restFrom = rec.e;
          }
          if (finalCtx && hasLeft && (restIsTrivial(ctx, restFrom, sent.tokenEnd) || (quoteBefore && !afterIsContent && (!prevClose || restNoClause)))) {
            leftContent = { start: Math.min(tokens[leftStartTok].start, tokens[b].start), end: tokens[b].end };
            rule = 'attr:final';
            if (!afterIsContent) rightStart = -1;
          } else if (finalCtx && hasLeft && quoteBefore && afterGroup < sent.tokenEnd && (tokens[afterGroup].text === ',' || tokens[afterGroup].text === ':') && (isOpeningMark(ctx, afterGroup + 1) || ctx.tokRegion[b] >= 0)) {
            // '"Q1," X said, "Q2."' — content on both sides
            leftContent = { start: Math.min(tokens[leftStartTok].start, tokens[b].start), end: tokens[b].end };
            rule = 'attr:final-split';
          } else if (finalCtx && hasLeft && !quoteBefore && afterGroup < sent.tokenEnd && tokens[afterGroup].text === ',' && tokens.slice(leftStartTok, b).some((t) => t.pos === 'VERB')) {
            // 'X met Y on Monday, the ministry said, days before ...': a parenthetical attribution whose
            // content is the clause before it; what follows the second comma is the writer's
            leftContent = { start: tokens[leftStartTok].start, end: tokens[b].start };
            rule = 'attr:parenthetical';
            rightStart = -1;
          }
        }
        // 2. inverted: '"...," said X' / '..., said X.'
        if ((!source || rule === 'attr:verb') && invertedCtx && (cue.lemma !== 'add' || (afterGroup < sent.tokenEnd && tokens[afterGroup].pos === 'PROPN')) && cue.group.e === cue.core.e) {
          const np = npRight(tokens, afterGroup, sent.tokenEnd, { appositive: true });
          if (np && (restIsTrivial(ctx, np.e, sent.tokenEnd) || (np.e < sent.tokenEnd && tokens[np.e].text === ','))) {
            source = np;
            leftContent = { start: Math.min(tokens[leftStartTok].start, tokens[leftBoundary - 1].start), end: tokens[leftBoundary - 1].end };
            rightStart = np.e;
            rule = 'attr:inverted';
          }
        }
        // 2b. sentence-initial inverted cue: 'Said Jane Roe, who ..., "..."' / 'Stated Roe: "..."'
        if (!source && cue.group.s === sent.tokenStart && /^\p{Lu}/u.test(tokens[cue.core.s].text) && !cue.passive) {
          const np = npRight(tokens, afterGroup, sent.tokenEnd, { appositive: true });
          if (np && np.e < sent.tokenEnd && (tokens[np.e].text === ',' || tokens[np.e].text === ':')) {
            // content: after the colon, or from the first quotation mark (past a relative clause), else after the comma
            let k = np.e;
            if (tokens[k].text === ',') {
              let q = k + 1;
              while (q < sent.tokenEnd && q < k + 25 && !isOpeningMark(ctx, q)) q++;
              if (q < sent.tokenEnd && isOpeningMark(ctx, q)) k = q - 1;
            }
            source = np;
            rightStart = k + 1;
            rule = 'attr:inverted';
          }
        }
        // 3. infinitive or catenative cue: "went to Twitter to applaud", "are more likely to say", "have begun urging"
        if (!source) {
          const p = tokens[cue.group.s - 1];
          if (p && cue.group.s - 1 >= sent.tokenStart && ((p.lower === 'to' && p.pos === 'PART') || (p.pos === 'VERB' && /ing$/.test(cue.core && tokens[cue.core.s].lower)))) {
            source = mainSubject(ctx, sent, cue.group.s - 1, rels);
            if (source) rule = 'attr:infinitive';
          }
        }
        // 4. coordinated verb phrase: "He left the stage and said ..."
        if (!source) {
          const b = skipLeftAdjuncts(ctx, minLeft, cue.group.s) - 1;
          if (b >= sent.tokenStart && (tokens[b].lower === 'and' || tokens[b].lower === 'but' || tokens[b].lower === 'or')) {
            source = mainSubject(ctx, sent, b, rels, true);
            if (source) rule = 'attr:coordinated';
          }
        }
      }
    }

    // right-hand content
    const pieces: Piece[] = [];
    if (leftContent) {
      let ls = leftContent.start;
      // a left quote that starts in an earlier sentence: take the whole quote
      for (const r of ctx.regions) {
        if (r.end >= leftContent.end - 2 && r.end <= leftContent.end + 1 && r.start < ls) ls = r.start;
      }
      pieces.push(...makePieces(ctx, ls, leftContent.end));
    }
    if (rule === 'attr:inverted' && rightStart >= 0) {
      // '"Q1," said X, "Q2."': more content only when a quote (or colon) follows
      let k = rightStart;
      while (k < sent.tokenEnd && (tokens[k].text === ',' || tokens[k].text === ':')) k++;
      if (!(k < sent.tokenEnd && isOpeningMark(ctx, k))) rightStart = -1;
    }
    if (rightStart >= 0 && rightStart < sent.tokenEnd) {
      let s = rightStart;
      // skip recipient ("told reporters that")
      if (lex.recipientVerbs.has(cue.lemma) && cue.kind !== 'phrase' && !cue.passive) s = skipRecipient(ctx, s, sent.tokenEnd);
      while (s < sent.tokenEnd && (tokens[s].text === ',' || tokens[s].text === ':' || tokens[s].text === '—')) s++;
      // "said on Tuesday that ...", "said in an interview with CNN that ...": adjuncts before "that"
      for (let k = s; k < Math.min(sent.tokenEnd, s + 9); k++) {
        const x = tokens[k];
        if (x.lower === 'that' && k > s) {
          s = k;
          break;
        }
        if (ctx.tokRegion[k] >= 0 || x.pos === 'VERB' || x.pos === 'AUX' || x.pos === 'PRON' || x.pos === 'SCONJ' || x.text === ':' || isOpeningMark(ctx, k)) break;
        if (k === s && x.pos !== 'ADP' && !isTemporalWord(x.lower) && x.lower !== 'last' && x.lower !== 'this' && x.text !== ',') break;
      }
      // end: the sentence end, or just before a later cue that is not nested in this content:
      // a coordinated cue ("announced X and said Y"), a participle (", saying ..."), or a
      // sentence-final attribution (", X said." / ", according to X.")
      let endTok = sent.tokenEnd;
      const thisForm = tokens[cue.core.s].lower;
      for (let cj = ci + 1; cj < cues.length; cj++) {
        const nx = cues[cj];
        if (nx.group.s <= s) continue;
        if (ctx.tokRegion[nx.group.s] >= 0) continue;
        const k = nx.group.s;
        const p = tokens[k - 1];
        const nForm = tokens[nx.core.s].lower;
        const sameForm = (/ed$/.test(thisForm) && /ed$/.test(nForm)) || (/s$/.test(thisForm) && /s$/.test(nForm)) || (SAY_FORMS.has(thisForm) && /(ed|s)$/.test(nForm));
        if (p && (p.lower === 'and' || p.lower === 'but') && (k - 2 < s || tokens[k - 2].text === ',' || !tokens.slice(s, k - 1).some((x) => x.pos === 'VERB') || (nx.kind === 'verb' && sameForm && COORD_SPEECH.has(nx.lemma)))) {
          endTok = tokens[k - 2]?.text === ',' && k - 2 >= s ? k - 2 : k - 1;
          break;
        }
        if (nx.kind === 'participle') {
          endTok = p && p.text === ',' ? k - 1 : k;
          break;
        }
        if (p && p.text === ',' && (nx.kind === 'verb' || nx.kind === 'phrase-after')) {
          if (nx.kind === 'phrase-after') {
            endTok = k - 1;
            break;
          }
          // "... content, X said" handled by the final cue itself: stop before its source
          const src = sourceLeft(ctx, sent, nx, s);
          if (src && tokens[src.s - 1]?.text === ',' && restIsTrivial(ctx, nx.group.e, sent.tokenEnd)) {
            endTok = src.s - 1;
            break;
          }
        }
      }
      // a content that opens with a quotation is that quotation ('told Der Spiegel "..." while police said ...')
      if (isOpeningMark(ctx, s) && endTok === sent.tokenEnd) {
        const reg = ctx.regions[ctx.tokRegion[s]];
        let k = s;
        while (k < sent.tokenEnd && tokens[k].end <= reg.end) k++;
        if (k < sent.tokenEnd && tokens[k].text === ',' && k + 1 < sent.tokenEnd && (tokens[k + 1].pos === 'SCONJ' || tokens[k + 1].pos === 'CCONJ')) endTok = k;
      }
      // a concessive clause after a comma is the author's, not the source's
      for (let k = s + 1; k < endTok - 1; k++) {
        if (tokens[k].text === ',' && ctx.tokRegion[k] < 0 && /^(though|although|whereas|while)$/.test(tokens[k + 1].lower)) {
          endTok = k;
          break;
        }
      }
      if (s < endTok) {
        const startChar = tokens[s].start;
        let endChar = endTok < sent.tokenEnd ? tokens[endTok].start : sentenceContentEnd(ctx, si);
        // quote that opens in the content and runs past the sentence end
        for (const r of ctx.regions) if (r.start >= startChar && r.start < endChar && r.end > endChar && endTok === sent.tokenEnd) endChar = r.end;
        // strict clause requirement for weak verbs
        const first = tokens[s];
        const verbBeforeBreak = (from: number) => {
          for (let k = from; k < Math.min(endTok, from + 7); k++) {
            const x = tokens[k];
            if (x.pos === 'VERB' || x.pos === 'AUX') return true;
            if (x.text === ',' || x.pos === 'SCONJ' || x.pos === 'CCONJ') return false;
          }
          return false;
        };
        const clauseLike = first.lower === 'that' || first.lower === 'to' || first.lower === 'whether' || first.lower === 'if' || first.lower === 'how' || first.lower === 'why' || first.lower === 'what' || first.lower === 'who' || first.lower === 'when' || isOpeningMark(ctx, s) || tokens[s - 1]?.text === ':' || tokens[s - 1]?.text === ',' || (first.pos === 'PRON' && verbBeforeBreak(s)) || ((first.pos === 'DET' || first.pos === 'PROPN' || first.pos === 'NOUN' || first.pos === 'ADJ' || first.pos === 'NUM') && verbBeforeBreak(s));
        if (cue.cls === 'speech' || clauseLike || (cue.kind !== 'verb' && cue.kind !== 'participle') || pieces.length) {
          pieces.push(...makePieces(ctx, startChar, endChar));
        }
      }
    }
    // "Cruz continued:" + a quoted paragraph
    const lastTok = tokens[sent.tokenEnd - 1];
    if (lastTok.text === ':' && (!next || next.group.s < cue.group.s) && cue.group.e <= sent.tokenEnd) {
      const reg = ctx.regions.find((r) => r.start >= lastTok.end && /^\s*$/.test(text.slice(lastTok.end, r.start)));
      if (reg) pieces.push({ start: reg.start, end: reg.end, direct: true, region: reg });
    }
    if (!pieces.length) continue;
    if (cue.kind === 'verb' && cue.cls === 'clause' && !source && !leftContent && !cue.passive) {
      // a bare belief/desire verb with no subject found is too unreliable
      continue;
    }
    const cueSpan = span(ctx, cue.group.s, cue.group.e);
    const rel: Relation = { cue: cueSpan, cueTok: cue.group, source, speaker: null, pieces, sentence: tokens[cue.core.s].sentence, rule };
    rels.push(rel);
  }
  return rels;
}

// ---------------------------------------------------------------------------
// document level

function overlaps(a: { start: number; end: number }, b: { start: number; end: number }): boolean {
  return a.start < b.end && b.start < a.end;
}

const analysisCache = new WeakMap<object, Relation[]>();
const NEAR_SENTENCES = 3;

/** All attribution relations in the document (cached per Doc object). */
export function findRelations(doc: Readonly<Doc>): Relation[] {
  const hit = analysisCache.get(doc);
  if (hit) return hit;
  const ctx = buildCtx(doc);
  let rels: Relation[] = [];
  for (let si = 0; si < ctx.sents.length; si++) rels.push(...sentenceRelations(ctx, si));
  // keep only outermost: drop a relation whose cue lies inside another relation's content
  rels = rels.filter((r) => {
    if (!r.cue) return true;
    return !rels.some((o) => o !== r && o.pieces.some((p) => p.start <= r.cue!.start && r.cue!.end <= p.end) && !r.pieces.some((p) => o.cue && p.start <= o.cue.start && o.cue.end <= p.end && p.start < r.cue!.start));
  });
  // mutual containment left: prefer the one whose content comes first (sentence-final attribution is outer)
  rels = rels.filter((r) => !rels.some((o) => o !== r && r.cue && o.cue && o.pieces.some((p) => p.start <= r.cue!.start && r.cue!.end <= p.end) && r.pieces.some((p) => p.start <= o.cue!.start && o.cue!.end <= p.end) && o.pieces[0].start < r.pieces[0].start));
  // a cue's content must not swallow another relation's source/cue (shared sentence)
  // quoted regions not covered by any content
  const covered = (r: QuoteRegion) => rels.some((x) => x.pieces.some((p) => overlaps(p, r)));
  const extra: Relation[] = [];
  const relsSorted = [...rels].sort((a, b) => a.pieces[0].start - b.pieces[0].start);
  for (const reg of ctx.regions) {
    if (covered(reg)) continue;
    const inner = doc.document.text.slice(reg.innerStart, reg.innerEnd);
    const words = inner.split(/\s+/).filter(Boolean).length;
    const si = sentenceAt(doc, reg.innerStart) >= 0 ? sentenceAt(doc, reg.innerStart) : sentenceAt(doc, reg.start);
    if (si < 0) continue;
    const sent = doc.sentences[si];
    const fullSentence = reg.start <= sent.start + 2;
    if (fullSentence && (words >= 5 || (words >= 2 && /[.!?…][’'"]?\s*$/.test(inner)))) {
      // continuation of the previous direct quote (same paragraph run)
      const prev = [...relsSorted, ...extra].filter((r) => r.pieces.some((p) => p.end <= reg.start)).sort((a, b) => b.pieces[b.pieces.length - 1].end - a.pieces[a.pieces.length - 1].end)[0];
      const prevEnd = prev ? Math.max(...prev.pieces.map((p) => p.end)) : -1;
      let ok = false;
      if (prev && prev.pieces.some((p) => p.direct || ctx.regions.some((r) => r.end === p.end || r.end === p.end + 1))) {
        // every sentence between the previous content and this quote must belong to that relation (its source + cue)
        const from = sentenceAt(doc, Math.max(0, prevEnd - 1));
        const own = new Set<number>([prev.sentence, ...(prev.cue ? [sentenceAt(doc, prev.cue.start)] : [])]);
        ok = si - from <= 2;
        for (let k = from + 1; k < si && ok; k++) if (!own.has(k)) ok = false;
        // not after a sentence that has text of its own after the cue: a new paragraph of narration
        if (ok && from !== si) {
          const gap = doc.document.text.slice(prevEnd, reg.start);
          if ((gap.match(/\n\s*\n|\n/g) ?? []).length > 2) ok = false;
        }
      }
      if (prev && ok) {
        const piece: Piece = { start: reg.start, end: reg.end, direct: true, region: reg };
        extra.push({ cue: prev.cue, cueTok: prev.cueTok, source: prev.source, speaker: null, pieces: [piece], sentence: si, rule: 'quote:continuation' });
        continue;
      }
      // a stand-alone quoted paragraph shortly after a quoted speaker: that speaker goes on
      const recent = [...rels, ...extra]
        .filter((r) => r.source && r.cue && r.cue.end <= reg.start && r.pieces.some((p) => p.direct || ctx.regions.some((x) => x.end === p.end || x.end === p.end + 1)))
        .sort((a, b) => b.cue!.start - a.cue!.start)[0];
      if (recent && si - sentenceAt(doc, recent.cue!.start) <= NEAR_SENTENCES) {
        extra.push({ cue: recent.cue, cueTok: recent.cueTok, source: recent.source, speaker: null, pieces: [{ start: reg.start, end: reg.end, direct: true, region: reg }], sentence: si, rule: 'quote:continuation-near' });
        continue;
      }
      extra.push({ cue: null, cueTok: null, source: null, speaker: null, pieces: [{ start: reg.start, end: reg.end, direct: true, region: reg }], sentence: si, rule: 'quote:bare' });
      continue;
    }
    // partial quote: subject NP right before a quoted verb phrase ("Putin "shared information" with Kim")
    const ti = ctx.tokens.findIndex((t) => t.start >= reg.innerStart);
    if (ti > sent.tokenStart && ti < sent.tokenEnd && ctx.tokens[ti].pos === 'VERB') {
      const mark = ti - 1;
      const np = npLeft(ctx.tokens, sent.tokenStart, mark);
      if (np && ctx.tokRegion[np.s] < 0) {
        const cueTok = ctx.tokens[ti];
        extra.push({
          cue: { start: cueTok.start, end: cueTok.end, text: cueTok.text },
          cueTok: { s: ti, e: ti + 1 },
          source: np,
          speaker: null,
          pieces: [{ start: reg.start, end: reg.end, direct: true, region: reg }],
          sentence: si,
          rule: 'quote:partial',
        });
      }
    }
  }
  rels.push(...extra);
  rels.sort((a, b) => a.pieces[0].start - b.pieces[0].start);
  for (const r of rels) r.speaker = r.source ? linkSpeaker(doc, ctx.tokens, r.source) : null;
  analysisCache.set(doc, rels);
  return rels;
}

/** Quote text span for a piece: without the enclosing quotation marks (and a trailing comma inside them). */
function pieceSpan(text: string, p: Piece): { start: number; end: number } {
  if (p.region) {
    let s = p.region.innerStart;
    let e = p.region.innerEnd;
    while (s < e && /\s/.test(text[s])) s++;
    while (e > s && /[\s,]/.test(text[e - 1])) e--;
    return { start: s, end: e };
  }
  let s = p.start;
  let e = p.end;
  // drop a leading complementizer
  const m = /^(?:that)\s+/i.exec(text.slice(s, e));
  if (m) s += m[0].length;
  return { start: s, end: e };
}

/**
 * Direct and indirect quotes of a document, one per content piece
 * (a quote split by its attribution, '"A," he said, "B."', yields two quotes sharing the cue).
 */
export function extractQuotes(doc: Readonly<Doc>): Quote[] {
  const text = doc.document.text;
  const out: Quote[] = [];
  for (const r of findRelations(doc)) {
    for (const p of r.pieces) {
      const { start, end } = pieceSpan(text, p);
      if (end <= start) continue;
      const sentence = sentenceAt(doc, start);
      out.push({
        text: text.slice(start, end),
        start,
        end,
        direct: p.direct,
        speaker: r.speaker ? { ...r.speaker } : null,
        cue: r.cue ? { ...r.cue } : null,
        sentence: sentence >= 0 ? sentence : r.sentence,
        rule: 'quotes:' + r.rule,
      });
    }
  }
  return out;
}

/**
 * Who reports the fact at `target` (e.g. an event trigger) in sentence `sentenceIndex`: the
 * source and cue of the innermost attribution whose content contains the span, else null
 * (also null when the span is the cue itself). Used by the event coder and for quantities.
 */
export function findAttribution(doc: Readonly<Doc>, sentenceIndex: number, target: { start: number; end: number }): Attribution | null {
  void sentenceIndex; // contents may start in an earlier sentence (multi-sentence quotes): search by offset
  const rels = findRelations(doc);
  let best: Relation | null = null;
  for (const r of rels) {
    if (!r.cue) continue;
    if (r.cue.start <= target.start && target.end <= r.cue.end) continue; // the trigger is the cue itself
    if (!r.pieces.some((p) => p.start <= target.start && target.end <= p.end)) continue;
    const len = Math.min(...r.pieces.map((p) => p.end - p.start));
    if (!best || len < Math.min(...best.pieces.map((p) => p.end - p.start))) best = r;
  }
  if (!best) return null;
  return { source: best.speaker ? { ...best.speaker } : null, cue: { ...best.cue! } };
}

/** Pipeline component: assigns `quotes`. */
export const quotesComponent: Component = {
  name: 'quotes',
  requires: ['tokens', 'sentences', 'entities'],
  assigns: ['quotes'],
  run: (doc) => ({ quotes: extractQuotes(doc) }),
};
