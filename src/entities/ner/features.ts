/**
 * Feature extraction for the named-entity recognizer. The same code runs at
 * training time (on CoNLL documents tokenized by the project tokenizer) and at
 * inference time (on `doc.tokens`), so features are computed identically.
 *
 * Two kinds of features:
 * - static features of a token, computed from the text, the document, word
 *   clusters and gazetteers ({@link staticFeatures});
 * - second-stage features from a first-stage prediction over the whole
 *   document: neighbouring predicted tags, the labels that other mentions
 *   of the same word received in the document, and the labels it received in
 *   the other kind of line (prose vs headline / table row)
 *   ({@link stage2Features}).
 *
 * Static features include the layout of table rows (sports results: the
 * row's token-class template and the token's capitalised run in it) and
 * context aggregation over the other mentions of a capitalised word in the
 * document (their neighbouring words, whether they sit in table rows or
 * headlines).
 */
import type { Sentence, Token } from '../../doc.js';
import type { Gazetteer } from './gazetteer.js';

/** Lexical resources consulted by the features. */
export interface FeatureResources {
  /** Word -> cluster bit path (hierarchical clustering of unlabelled news). */
  clusters: Map<string, string>;
  gazetteer: Gazetteer;
}

/** Minimal token view the features need. */
export type FeatToken = Pick<Token, 'text' | 'pos' | 'lower' | 'sentence'>;

/** Per-document precomputed context. */
interface DocContext {
  tokens: readonly FeatToken[];
  sentences: readonly Pick<Sentence, 'tokenStart' | 'tokenEnd'>[];
  capsLine: Uint8Array; // per sentence
  numLine: Uint8Array; // per sentence: a table row (many numbers)
  /** First word of the document when it opens with a capitals line ("SOCCER", "TENNIS"), else ''. */
  topic: string;
  lowerSeen: Set<string>; // lower forms seen written in lower case
  capSeen: Set<string>; // lower forms seen capitalized (mixed case) in a non-initial, non-caps-line position
  shapes: string[];
  cluster: (string | undefined)[];
  gaz: string[][];
  /** Per token in a table row: line template, index and BILOU position of its capitalised run ('' elsewhere). */
  lineTok: string[];
  /** Per capitalised token: aggregated contexts of the other mentions of the word in the document. */
  agg: (string[] | undefined)[];
}

/** Feature groups (kept as switches for ablations: table-row layout, context aggregation, line-kind stage-2 features). */
const X_TAB = true;
const X_AGG = true;
const X_S2X = true;

const UPPER = /^[A-Z]/;
const HAS_LOWER = /[a-z]/;
const HAS_UPPER = /[A-Z]/;
const HAS_LETTER = /[A-Za-z]/;
const DIGIT = /^[\d.,:/-]*\d[\d.,:/-]*$/;

/** Word shape with runs collapsed: "McDonald's" -> "XxXx'x", "1996-08-22" -> "d-d-d". */
export function shape(w: string): string {
  let out = '';
  let last = '';
  for (let i = 0; i < w.length && out.length < 12; i++) {
    const c = w.charCodeAt(i);
    let s: string;
    if (c >= 65 && c <= 90) s = 'X';
    else if (c >= 97 && c <= 122) s = 'x';
    else if (c >= 48 && c <= 57) s = 'd';
    else if (c > 127) s = /\p{Lu}/u.test(w[i]) ? 'X' : /\p{L}/u.test(w[i]) ? 'x' : 'o';
    else s = w[i];
    if (s !== last) out += s;
    last = s;
  }
  return out;
}

function isAllCaps(w: string): boolean {
  return HAS_UPPER.test(w) && !HAS_LOWER.test(w);
}

function titleCase(w: string): string {
  return w.charAt(0) + w.slice(1).toLowerCase();
}

/** Cluster path of a word, trying case variants (headlines are in capitals). */
export function clusterOf(clusters: Map<string, string>, w: string, lower: string, caps: boolean): string | undefined {
  if (caps && isAllCaps(w)) {
    return clusters.get(titleCase(w)) ?? clusters.get(lower) ?? clusters.get(w);
  }
  return clusters.get(w) ?? clusters.get(lower) ?? (isAllCaps(w) ? clusters.get(titleCase(w)) : undefined);
}

function buildContext(
  tokens: readonly FeatToken[],
  sentences: readonly Pick<Sentence, 'tokenStart' | 'tokenEnd'>[],
  res: FeatureResources,
): DocContext {
  const capsLine = new Uint8Array(sentences.length);
  const numLine = new Uint8Array(sentences.length);
  for (let s = 0; s < sentences.length; s++) {
    let caps = 0;
    let low = 0;
    for (let i = sentences[s].tokenStart; i < sentences[s].tokenEnd; i++) {
      const w = tokens[i].text;
      if (HAS_LOWER.test(w)) low++;
      else if (HAS_UPPER.test(w) && w.length > 1) caps++;
    }
    capsLine[s] = caps > 0 && caps >= low * 3 ? 1 : 0;
    let nums = 0;
    for (let i = sentences[s].tokenStart; i < sentences[s].tokenEnd; i++) if (DIGIT.test(tokens[i].text)) nums++;
    numLine[s] = nums >= 2 && nums * 3 >= sentences[s].tokenEnd - sentences[s].tokenStart ? 1 : 0;
  }
  let topic = '';
  if (sentences.length && capsLine[0]) {
    const t0 = tokens[sentences[0].tokenStart];
    if (t0 && HAS_UPPER.test(t0.text) && t0.text.length > 1) topic = t0.lower;
  }
  const lowerSeen = new Set<string>();
  const capSeen = new Set<string>();
  for (let s = 0; s < sentences.length; s++) {
    if (capsLine[s]) continue;
    for (let i = sentences[s].tokenStart; i < sentences[s].tokenEnd; i++) {
      const t = tokens[i];
      if (!HAS_LETTER.test(t.text)) continue;
      if (!HAS_UPPER.test(t.text)) lowerSeen.add(t.lower);
      else if (i > sentences[s].tokenStart && UPPER.test(t.text) && HAS_LOWER.test(t.text)) capSeen.add(t.lower);
    }
  }
  const shapes = tokens.map((t) => shape(t.text));
  const cluster = tokens.map((t) => clusterOf(res.clusters, t.text, t.lower, capsLine[t.sentence] === 1));
  const gaz = res.gazetteer.tag(tokens);
  const lineTok: string[] = new Array(tokens.length).fill('');
  if (X_TAB) for (let s = 0; s < sentences.length; s++) if (numLine[s]) lineTemplate(tokens, sentences[s].tokenStart, sentences[s].tokenEnd, lineTok);
  const agg: (string[] | undefined)[] = new Array(tokens.length).fill(undefined);
  if (X_AGG) aggregate(tokens, sentences, capsLine, numLine, agg);
  return { tokens, sentences, capsLine, numLine, topic, lowerSeen, capSeen, shapes, cluster, gaz, lineTok, agg };
}

function tokClass(w: string): string {
  if (DIGIT.test(w)) return 'd';
  const c = w.charCodeAt(0);
  if ((c >= 65 && c <= 90) || (c > 127 && /\p{Lu}/u.test(w[0]))) return 'C';
  if (HAS_LETTER.test(w) || c > 127) return 'w';
  return '(),:-'.includes(w) ? w : 'p';
}

/** Fill `out` for the tokens of a table row [a, b): "template#run#pos" for tokens of capitalised runs. */
function lineTemplate(tokens: readonly FeatToken[], a: number, b: number, out: string[]): void {
  let tpl = '';
  let last = '';
  const cls: string[] = [];
  for (let i = a; i < b; i++) {
    const c = tokClass(tokens[i].text);
    cls.push(c);
    if (c !== last && tpl.length < 10) tpl += c;
    last = c;
  }
  let run = -1;
  for (let i = a; i < b; i++) {
    if (cls[i - a] !== 'C') continue;
    const first = i === a || cls[i - a - 1] !== 'C';
    if (first) run++;
    const lastC = i + 1 === b || cls[i + 1 - a] !== 'C';
    const pos = first && lastC ? 'U' : first ? 'B' : lastC ? 'L' : 'I';
    out[i] = tpl + '#' + (run > 3 ? 3 : run) + pos;
  }
}

/** Context aggregation over the other mentions of each capitalised word in the document. */
function aggregate(
  tokens: readonly FeatToken[],
  sentences: readonly Pick<Sentence, 'tokenStart' | 'tokenEnd'>[],
  capsLine: Uint8Array,
  numLine: Uint8Array,
  out: (string[] | undefined)[],
): void {
  const occ = new Map<string, number[]>();
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    if (!UPPER.test(t.text) || t.text.length < 2) continue;
    let l = occ.get(t.lower);
    if (!l) occ.set(t.lower, (l = []));
    if (l.length < 12) l.push(i);
  }
  for (const l of occ.values()) {
    if (l.length < 2) continue;
    // the context of each mention, computed once
    const ctxOf = l.map((j) => {
      const s = tokens[j].sentence;
      if (capsLine[s]) return ['C'];
      const { tokenStart: a, tokenEnd: b } = sentences[s];
      const v = ['<' + (j > a ? tokens[j - 1].lower : '^'), '>' + (j + 1 < b ? tokens[j + 1].lower : '$')];
      if (numLine[s]) v.push('N');
      if (j === a) v.push('F');
      return v;
    });
    if (l.length === 2) {
      out[l[0]] = ctxOf[1];
      out[l[1]] = ctxOf[0];
      continue;
    }
    for (let x = 0; x < l.length; x++) {
      const vals = new Set<string>();
      for (let y = 0; y < l.length; y++) if (y !== x) for (const v of ctxOf[y]) vals.add(v);
      out[l[x]] = [...vals];
    }
  }
}

/** Static feature templates (ids into {@link ST_NAMES}). */
export const ST = {
  'w': 0,
  'l': 1,
  'len': 2,
  'b': 3,
  'l-1': 4,
  'l+1': 5,
  'l-2': 6,
  'l+2': 7,
  'l-1l': 8,
  'll+1': 9,
  'l-2-1': 10,
  'l+1+2': 11,
  'sh': 12,
  'sh-1': 13,
  'sh+1': 14,
  'sh-1,0': 15,
  'sh0,+1': 16,
  'sh-1,0,+1': 17,
  'pos': 18,
  'pos-1': 19,
  'pos+1': 20,
  'pos-1,0': 21,
  'pos0,+1': 22,
  'pos,sh': 23,
  'cc': 24,
  'ccl': 25,
  'dLow': 26,
  'dCap': 27,
  'dNone': 28,
  'tsh': 29,
  'c4': 30,
  'c6': 31,
  'c10': 32,
  'c': 33,
  'c4-': 34,
  'c8-': 35,
  'c4+': 36,
  'c8+': 37,
  'g': 38,
  'gsh': 39,
  'tg': 40,
  'gcc': 41,
  'g-1': 42,
  'g+1': 43,
  'p1': 44,
  'p2': 45,
  'p3': 46,
  'p4': 47,
  's1': 48,
  's2': 49,
  's3': 50,
  's4': 51,
  'lt': 52,
  'ltt': 53,
  'ltsh': 54,
  'ag': 55,
  'agsh': 56,
} as const;
export const ST_NAMES: readonly string[] = Object.keys(ST);

/** Second-stage feature templates (ids into {@link S2_NAMES}). */
export const S2T = {
  's1': 0,
  's1-1': 1,
  's1+1': 2,
  's1-2': 3,
  's1+2': 4,
  's1-1,+1': 5,
  'dm': 6,
  'dh': 7,
  'de': 8,
  'dmU': 9,
  'dmM': 10,
  's1L': 11,
  'dmL': 12,
} as const;
export const S2_NAMES: readonly string[] = Object.keys(S2T);

/**
 * Receives features as (template, value) pairs; `start` announces the token
 * they belong to. `add2` is a pair feature (value `v1 SEP v2`); `word` emits
 * the word-intrinsic features of a token (see {@link emitWordFeatures}), which
 * a sink may cache per word.
 */
export interface FeatureSink {
  start(token: number): void;
  add(template: number, value: string): void;
  add2(template: number, v1: string, v2: string): void;
  word(w: string, lw: string): void;
}

/** Separator of the two values of a pair feature. */
export const PAIR_SEP = '\u0001';

/** Features that depend on the word alone: identity, lower case, affixes, length. */
export function emitWordFeatures(w: string, lw: string, f: FeatureSink): void {
  f.add(ST['w'], w);
  f.add(ST['l'], lw);
  const n = w.length;
  for (let k = 1; k <= 4 && k <= n; k++) {
    f.add(PRE[k], w.slice(0, k));
    f.add(SUF[k], lw.slice(n - k));
  }
  f.add(ST['len'], LEN[n > 8 ? 9 : n]);
}


/** Visit the static features of every token of a document. */
export function visitStaticFeatures(
  tokens: readonly FeatToken[],
  sentences: readonly Pick<Sentence, 'tokenStart' | 'tokenEnd'>[],
  res: FeatureResources,
  sink: FeatureSink,
): void {
  const ctx = buildContext(tokens, sentences, res);
  for (let s = 0; s < sentences.length; s++) {
    const { tokenStart: a, tokenEnd: b } = sentences[s];
    const caps = ctx.capsLine[s] === 1;
    const num = ctx.numLine[s] === 1;
    for (let i = a; i < b; i++) {
      sink.start(i);
      tokenFeatures(ctx, i, a, b, caps, num, sink);
    }
  }
}

/** Collects feature strings per token. */
class StringSink implements FeatureSink {
  cur: string[] = [];
  constructor(
    readonly out: string[][],
    readonly names: readonly string[],
  ) {}
  start(i: number): void {
    this.cur = this.out[i] = [];
  }
  add(t: number, v: string): void {
    this.cur.push(this.names[t] + '=' + v);
  }
  add2(t: number, v1: string, v2: string): void {
    this.cur.push(this.names[t] + '=' + v1 + PAIR_SEP + v2);
  }
  word(w: string, lw: string): void {
    emitWordFeatures(w, lw, this);
  }
}

/**
 * Static features of every token of a document (one string list per token).
 * Tokens must carry `sentence` indices into `sentences`.
 */
export function staticFeatures(
  tokens: readonly FeatToken[],
  sentences: readonly Pick<Sentence, 'tokenStart' | 'tokenEnd'>[],
  res: FeatureResources,
): string[][] {
  const out: string[][] = new Array(tokens.length);
  for (let i = 0; i < tokens.length; i++) out[i] = [];
  visitStaticFeatures(tokens, sentences, res, new StringSink(out, ST_NAMES));
  return out;
}

const prefixCache = new Map<string, string[]>();
/** Cluster path prefixes of lengths 4, 6, 8, 10 (cached: the strings are reused, so their hashes are too). */
function clusterPrefixes(c: string): string[] {
  let p = prefixCache.get(c);
  if (!p) {
    p = [c.slice(0, 4), c.slice(0, 6), c.slice(0, 8), c.slice(0, 10)];
    if (prefixCache.size < 200000) prefixCache.set(c, p);
  }
  return p;
}

function lowAt(ctx: DocContext, a: number, b: number, k: number): string {
  return k < a ? (k === a - 1 ? '<s>' : '<s2>') : k >= b ? (k === b ? '</s>' : '</s2>') : ctx.tokens[k].lower;
}

function shapeAt(ctx: DocContext, a: number, b: number, k: number): string {
  return k < a ? '<s>' : k >= b ? '</s>' : ctx.shapes[k];
}

function posAt(ctx: DocContext, a: number, b: number, k: number): string {
  return k < a ? '<s>' : k >= b ? '</s>' : ctx.tokens[k].pos;
}

const CCTX = ['', 'F', 'C', 'CF', 'N', 'NF', 'CN', 'CNF'];

function tokenFeatures(ctx: DocContext, i: number, a: number, b: number, caps: boolean, num: boolean, f: FeatureSink): void {
  const t = ctx.tokens[i];
  const w = t.text;
  const lw = t.lower;
  const sh = ctx.shapes[i];
  const cap = UPPER.test(w);
  const allCaps = isAllCaps(w);
  const first = i === a;
  f.add(ST['b'], '');
  f.word(w, lw);
  const lm1 = lowAt(ctx, a, b, i - 1);
  const lp1 = lowAt(ctx, a, b, i + 1);
  const lm2 = lowAt(ctx, a, b, i - 2);
  const lp2 = lowAt(ctx, a, b, i + 2);
  f.add(ST['l-1'], lm1);
  f.add(ST['l+1'], lp1);
  f.add(ST['l-2'], lm2);
  f.add(ST['l+2'], lp2);
  f.add2(ST['l-1l'], lm1, lw);
  f.add2(ST['ll+1'], lw, lp1);
  f.add2(ST['l-2-1'], lm2, lm1);
  f.add2(ST['l+1+2'], lp1, lp2);
  const shm1 = shapeAt(ctx, a, b, i - 1);
  const shp1 = shapeAt(ctx, a, b, i + 1);
  f.add(ST['sh'], sh);
  f.add(ST['sh-1'], shm1);
  f.add(ST['sh+1'], shp1);
  f.add2(ST['sh-1,0'], shm1, sh);
  f.add2(ST['sh0,+1'], sh, shp1);
  f.add(ST['sh-1,0,+1'], shm1 + '|' + sh + '|' + shp1);
  const p = t.pos;
  const pm1 = posAt(ctx, a, b, i - 1);
  const pp1 = posAt(ctx, a, b, i + 1);
  f.add(ST['pos'], p);
  f.add(ST['pos-1'], pm1);
  f.add(ST['pos+1'], pp1);
  f.add2(ST['pos-1,0'], pm1, p);
  f.add2(ST['pos0,+1'], p, pp1);
  f.add2(ST['pos,sh'], p, sh);
  // capitalisation and layout in context: C = capitals line, N = table row, F = sentence-initial
  const cctx = CCTX[(first ? 1 : 0) + (caps ? 2 : 0) + (num ? 4 : 0)];
  if (cctx) {
    f.add2(ST['cc'], cctx, sh);
    f.add2(ST['ccl'], cctx, lw);
  }
  if (cap || allCaps) {
    const lo = ctx.lowerSeen.has(lw);
    const ca = ctx.capSeen.has(lw);
    if (lo) f.add(ST['dLow'], cctx);
    if (ca) f.add(ST['dCap'], cctx);
    if (!lo && !ca) f.add(ST['dNone'], cctx);
  }
  // document topic (sports desk etc.) with the word's shape
  if (ctx.topic && (cap || allCaps)) f.add2(ST['tsh'], ctx.topic, sh);
  // word clusters
  const c = ctx.cluster[i];
  if (c !== undefined) {
    const cp = clusterPrefixes(c);
    f.add(ST['c4'], cp[0]);
    f.add(ST['c6'], cp[1]);
    f.add(ST['c10'], cp[3]);
    f.add(ST['c'], c);
  } else f.add(ST['c'], 'none');
  if (i > a) {
    const ck = ctx.cluster[i - 1];
    if (ck !== undefined) {
      const cp = clusterPrefixes(ck);
      f.add(ST['c4-'], cp[0]);
      f.add(ST['c8-'], cp[2]);
    }
  } else f.add(ST['c4-'], '<>');
  if (i + 1 < b) {
    const ck = ctx.cluster[i + 1];
    if (ck !== undefined) {
      const cp = clusterPrefixes(ck);
      f.add(ST['c4+'], cp[0]);
      f.add(ST['c8+'], cp[2]);
    }
  } else f.add(ST['c4+'], '<>');
  // gazetteers
  for (const g of ctx.gaz[i]) {
    f.add(ST['g'], g);
    f.add2(ST['gsh'], g, sh);
    if (ctx.topic) f.add2(ST['tg'], ctx.topic, g);
    if (cctx) f.add2(ST['gcc'], g, cctx);
  }
  if (i > a) for (const g of ctx.gaz[i - 1]) f.add(ST['g-1'], g);
  if (i + 1 < b) for (const g of ctx.gaz[i + 1]) f.add(ST['g+1'], g);
  // table rows: the row's layout and the token's place in it
  const lt = ctx.lineTok[i];
  if (lt) {
    f.add(ST['lt'], lt);
    if (ctx.topic) f.add2(ST['ltt'], ctx.topic, lt);
    f.add2(ST['ltsh'], lt, sh);
  }
  // other mentions of the word in the document
  const ag = ctx.agg[i];
  if (ag) {
    for (const v of ag) {
      f.add(ST['ag'], v);
      if (v.length === 1) f.add2(ST['agsh'], v, sh);
    }
  }
}

const PRE = [-1, ST.p1, ST.p2, ST.p3, ST.p4];
const SUF = [-1, ST.s1, ST.s2, ST.s3, ST.s4];
const LEN = ['0', '1', '2', '3', '4', '5', '6', '7', '8', '9'];

/** BILOU tag names by index: 0 = O, then B/I/L/U for each type. */
export function tagNames(types: readonly string[]): string[] {
  const out = ['O'];
  for (const t of types) out.push('B-' + t, 'I-' + t, 'L-' + t, 'U-' + t);
  return out;
}

/** Entity type index of a tag index (-1 for O). */
export function tagType(tag: number): number {
  return tag === 0 ? -1 : (tag - 1) >> 2;
}

/**
 * Visit the second-stage features of every token, from a first-stage
 * tagging of the whole document (tag indices into `names`).
 */
export function visitStage2Features(
  tokens: readonly FeatToken[],
  sentences: readonly Pick<Sentence, 'tokenStart' | 'tokenEnd'>[],
  tags: ArrayLike<number>,
  names: readonly string[],
  types: readonly string[],
  sink: FeatureSink,
): void {
  const n = tokens.length;
  // line kind per sentence: C = capitals line, N = table row, P = prose
  const kind: string[] = [];
  if (X_S2X) {
    for (const s of sentences) {
      let caps = 0;
      let low = 0;
      let nums = 0;
      for (let i = s.tokenStart; i < s.tokenEnd; i++) {
        const w = tokens[i].text;
        if (HAS_LOWER.test(w)) low++;
        else if (HAS_UPPER.test(w) && w.length > 1) caps++;
        if (DIGIT.test(w)) nums++;
      }
      kind.push(caps > 0 && caps >= low * 3 ? 'C' : nums >= 2 && nums * 3 >= s.tokenEnd - s.tokenStart ? 'N' : 'P');
    }
  }
  // per word: type counts of mentions by line kind (prose / other)
  const byWordL = new Map<string, number[]>();
  // type counts of other mentions of the same (capitalised) word in the document
  const byWord = new Map<string, number[]>();
  const nt = types.length;
  for (let i = 0; i < n; i++) {
    const w = tokens[i].text;
    if (!HAS_UPPER.test(w.charAt(0))) continue;
    let c = byWord.get(tokens[i].lower);
    if (!c) byWord.set(tokens[i].lower, (c = new Array(nt + 1).fill(0)));
    c[tagType(tags[i]) + 1]++;
    if (X_S2X) {
      let cl = byWordL.get(tokens[i].lower);
      if (!cl) byWordL.set(tokens[i].lower, (cl = new Array(2 * (nt + 1)).fill(0)));
      cl[(kind[tokens[i].sentence] === 'P' ? 0 : nt + 1) + tagType(tags[i]) + 1]++;
    }
  }
  // entity spans from the first stage: for each word, the type and role in the longest entity that contains it
  const inEnt = new Map<string, string>();
  const entLen = new Map<string, number>();
  for (let s = 0; s < sentences.length; s++) {
    let st = -1;
    for (let i = sentences[s].tokenStart; i < sentences[s].tokenEnd; i++) {
      const nm = names[tags[i]];
      if (nm.startsWith('B-') || nm.startsWith('U-')) st = i;
      if ((nm.startsWith('L-') || nm.startsWith('U-')) && st >= 0) {
        const len = i - st + 1;
        const ty = nm.slice(2);
        for (let k = st; k <= i; k++) {
          const key = tokens[k].lower;
          if (!HAS_UPPER.test(tokens[k].text)) continue;
          const role = len === 1 ? 'U' : k === st ? 'B' : k === i ? 'L' : 'I';
          if ((entLen.get(key) ?? 0) < len) {
            entLen.set(key, len);
            inEnt.set(key, ty + ':' + role);
          }
        }
        st = -1;
      }
    }
  }
  for (let s = 0; s < sentences.length; s++) {
    const { tokenStart: a, tokenEnd: b } = sentences[s];
    const tg = (k: number) => (k < a ? '<s>' : k >= b ? '</s>' : names[tags[k]]);
    for (let i = a; i < b; i++) {
      sink.start(i);
      const tm1 = tg(i - 1);
      const tp1 = tg(i + 1);
      sink.add(S2T['s1'], tg(i));
      sink.add(S2T['s1-1'], tm1);
      sink.add(S2T['s1+1'], tp1);
      sink.add(S2T['s1-2'], tg(i - 2));
      sink.add(S2T['s1+2'], tg(i + 2));
      sink.add2(S2T['s1-1,+1'], tm1, tp1);
      if (X_S2X) {
        const kd = kind[s];
        sink.add2(S2T['s1L'], kd, tg(i));
        const cl = byWordL.get(tokens[i].lower);
        if (cl && HAS_UPPER.test(tokens[i].text.charAt(0))) {
          // majority type of the mentions in the other kind of line (prose vs headline/table)
          const off = kd === 'P' ? nt + 1 : 0;
          let best = -1;
          let bestN = 0;
          for (let k = 0; k <= nt; k++) if (cl[off + k] > bestN) { bestN = cl[off + k]; best = k; }
          if (best >= 0) sink.add2(S2T['dmL'], kd, best === 0 ? 'O' : types[best - 1]);
        }
      }
      const c = byWord.get(tokens[i].lower);
      if (c && HAS_UPPER.test(tokens[i].text.charAt(0))) {
        // counts excluding this token
        const own = tagType(tags[i]) + 1;
        let best = -1;
        let bestN = 0;
        let total = 0;
        for (let k = 0; k <= nt; k++) {
          const v = c[k] - (k === own ? 1 : 0);
          total += v;
          if (v > bestN) {
            bestN = v;
            best = k;
          }
        }
        if (total > 0) {
          const lab = best === 0 ? 'O' : types[best - 1];
          sink.add(S2T['dm'], lab);
          sink.add(bestN === total ? S2T.dmU : S2T.dmM, lab);
          for (let k = 1; k <= nt; k++) {
            const v = c[k] - (k === own ? 1 : 0);
            if (v > 0) sink.add(S2T['dh'], types[k - 1]);
          }
        }
      }
      const e = inEnt.get(tokens[i].lower);
      if (e && HAS_UPPER.test(tokens[i].text)) {
        sink.add(S2T['de'], e);
        sink.add(S2T['de'], e.slice(0, e.indexOf(':')));
      }
    }
  }
}

/** Second-stage features of every token (one string list per token); see {@link visitStage2Features}. */
export function stage2Features(
  tokens: readonly FeatToken[],
  sentences: readonly Pick<Sentence, 'tokenStart' | 'tokenEnd'>[],
  tags: ArrayLike<number>,
  names: readonly string[],
  types: readonly string[],
): string[][] {
  const out: string[][] = new Array(tokens.length);
  for (let i = 0; i < tokens.length; i++) out[i] = [];
  visitStage2Features(tokens, sentences, tags, names, types, new StringSink(out, S2_NAMES));
  return out;
}
