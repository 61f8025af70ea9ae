/**
 * Evaluation of attribution extraction (quotes) on PolNeAR.
 *
 * Data: `shared/data/polnear` (brat standoff `.ann` + `.txt`; Source, Cue and
 * Content spans tied by `E` attribution lines; spans may be discontinuous).
 * Where an article has several annotators' files, the first file in sorted
 * order is the gold.
 *
 * Split (deterministic, documented): an article is in `test` when the first 8 hex
 * digits of SHA-1(file stem), as an integer, mod 100 is < 30 (about 30% of the
 * articles); otherwise in `dev`. Rules are tuned on `dev` only.
 *
 * Metrics (a relation = one gold `E` line; a predicted relation = the quotes that
 * share one cue span, or a single cue-less quote):
 *  - content P/R/F1 with overlap: a predicted and a gold relation match when their
 *    contents share at least one letter/digit; matching is one-to-one and greedy:
 *    first among pairs whose cues also overlap (the same relation; PolNeAR's nested
 *    relations have overlapping contents), then among the rest, each by overlap size;
 *  - content P/R/F1 exact: same contents compared as sets of letter/digit positions,
 *    after dropping quotation marks, edge punctuation and a leading complementizer
 *    "that" (PolNeAR includes quotation marks and "that" in contents; sitrep's quotes
 *    exclude them);
 *  - cue P/R/F1: cue spans, exact (letter/digit positions equal) and overlap;
 *  - source accuracy on overlap-matched relations: correct when both have no source,
 *    or the predicted speaker mention shares a letter/digit with the gold source;
 *    also reported with exact spans, and on the subset of matched pairs whose cues
 *    also overlap (the same attribution relation was found: "given the relation,
 *    is the speaker right?").
 */
import { SitrepError } from '../errors.js';
import { yieldToLoop } from './yield.js';
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { COMPONENTS } from '../components.js';
import type { Doc, DocumentMeta, Entity, Layer, Quote } from '../doc.js';
import type { Component } from '../pipeline.js';
import { runPipeline } from '../pipeline.js';
import { quotesComponent } from '../quotes/attribution.js';
import { fallbackEntitiesComponent, fallbackMentionsComponent, fallbackTimexesComponent } from '../quotes/fallback.js';

export type Split = 'dev' | 'test' | 'all';

export interface GoldRelation {
  content: Array<[number, number]>;
  cue: Array<[number, number]> | null;
  source: Array<[number, number]> | null;
}

export interface PolnearArticle {
  stem: string;
  compartment: string;
  text: string;
  relations: GoldRelation[];
}

export interface PRF {
  tp: number;
  pred: number;
  gold: number;
  p: number;
  r: number;
  f1: number;
}

export interface QuotesEvalReport {
  dataDir: string;
  split: Split;
  articles: number;
  goldRelations: number;
  predRelations: number;
  contentOverlap: PRF;
  contentExact: PRF;
  cueExact: PRF;
  cueOverlap: PRF;
  /** Source accuracy on overlap-matched relations (span overlap). */
  sourceAccuracy: number;
  sourceAccuracyExact: number;
  /** Source accuracy on relations matched by content and by cue (both overlap): the same relation found. */
  sourceAccuracySameCue: number;
  sameCueMatched: number;
  matched: number;
  /** Precision by extraction rule: [matched, predicted]. */
  byRule: Record<string, [number, number]>;
  seconds: number;
}

/** The split an article belongs to (see module doc). */
export function articleSplit(stem: string): 'dev' | 'test' {
  const h = parseInt(createHash('sha1').update(stem).digest('hex').slice(0, 8), 16);
  return h % 100 < 30 ? 'test' : 'dev';
}

/** Default location of the PolNeAR copy: $POLNEAR_DIR, else `shared/data/polnear` beside the repo. */
export function defaultPolnearDir(): string {
  if (process.env.POLNEAR_DIR) return process.env.POLNEAR_DIR;
  const here = dirname(fileURLToPath(import.meta.url));
  const candidates = [resolve(here, '../../../shared/data/polnear'), resolve(here, '../../shared/data/polnear')];
  return candidates.find((c) => existsSync(join(c, 'data'))) ?? candidates[0];
}

function parseSpans(s: string): Array<[number, number]> {
  return s.split(';').map((p) => {
    const [a, b] = p.trim().split(/\s+/).map(Number);
    return [a, b] as [number, number];
  });
}

/** Parse one brat `.ann` file into attribution relations. */
export function parseAnn(ann: string): GoldRelation[] {
  const spans = new Map<string, { label: string; spans: Array<[number, number]> }>();
  const events: Array<Record<string, string>> = [];
  for (const line of ann.split('\n')) {
    const parts = line.split('\t');
    if (parts.length < 2) continue;
    if (/^T\d+$/.test(parts[0])) {
      const m = /^(\S+) (.+)$/.exec(parts[1]);
      if (!m) continue;
      spans.set(parts[0], { label: m[1], spans: parseSpans(m[2]) });
    } else if (/^E\d+$/.test(parts[0])) {
      const args: Record<string, string> = {};
      for (const a of parts[1].trim().split(/\s+/).slice(1)) {
        const [k, v] = a.split(':');
        if (k && v) args[k] = v;
      }
      events.push(args);
    }
  }
  const out: GoldRelation[] = [];
  for (const e of events) {
    const content = e.Content ? spans.get(e.Content) : undefined;
    if (!content) continue;
    const cue = e.Cue ? spans.get(e.Cue) : undefined;
    const src = e.Source ? spans.get(e.Source) : undefined;
    out.push({ content: content.spans, cue: cue ? cue.spans : null, source: src ? src.spans : null });
  }
  return out;
}

/** Load PolNeAR articles (all compartments present), optionally only one split. */
export function loadPolnear(dataDir: string, split: Split = 'all', limit?: number): PolnearArticle[] {
  const out: PolnearArticle[] = [];
  const root = join(dataDir, 'data');
  if (!existsSync(root)) return out;
  for (const comp of readdirSync(root).sort()) {
    const attDir = join(root, comp, 'attributions');
    const txtDir = join(root, comp, 'text');
    if (!existsSync(attDir) || !existsSync(txtDir)) continue;
    const seen = new Set<string>();
    for (const f of readdirSync(attDir).sort()) {
      if (!f.endsWith('.ann')) continue;
      const stem = basename(f, '.ann').replace(/_[0-9a-f]{4}$/, '');
      if (seen.has(stem)) continue;
      seen.add(stem);
      if (split !== 'all' && articleSplit(stem) !== split) continue;
      const txtPath = join(txtDir, stem + '.txt');
      if (!existsSync(txtPath)) continue;
      out.push({ stem, compartment: comp, text: readFileSync(txtPath, 'utf8'), relations: parseAnn(readFileSync(join(attDir, f), 'utf8')) });
    }
  }
  out.sort((a, b) => a.stem.localeCompare(b.stem));
  return limit !== undefined ? out.slice(0, limit) : out;
}

const BASE_LAYERS = new Set<Layer>(['tokens', 'sentences', 'entities', 'mentions', 'timexes']);

/** The pipeline used for evaluation: the project's components that build tokens/entities/mentions/timexes, fallbacks where missing, then quotes. */
export function evalPipeline(extra: Component[] = [quotesComponent]): Component[] {
  const list: Component[] = [];
  const have = new Set<Layer>();
  const wanted = new Set<Layer>(['tokens', 'sentences', 'entities', 'mentions', ...extra.flatMap((c) => c.requires)]);
  for (const c of COMPONENTS) {
    if (!c.assigns.every((a) => BASE_LAYERS.has(a) && wanted.has(a))) continue;
    if (!c.requires.every((r) => have.has(r))) continue;
    list.push(c);
    for (const a of c.assigns) have.add(a);
  }
  if (!have.has('entities')) list.push(fallbackEntitiesComponent);
  if (!have.has('timexes') && wanted.has('timexes')) list.push(fallbackTimexesComponent);
  if (!have.has('mentions')) list.push(fallbackMentionsComponent);
  return [...list, ...extra];
}

/** Run the extraction pipeline over an article text. */
export function annotate(text: string, stem = 'doc', list: Component[] = evalPipeline()): Doc {
  const meta: DocumentMeta = { id: 'polnear:' + stem, title: null, published: null, url: null, source: 'polnear', text };
  return runPipeline(meta, list);
}

// ---------------------------------------------------------------------------
// scoring

const ALNUM = /[\p{L}\p{N}]/u;

function charSet(text: string, spans: Array<[number, number]>, dropThat = false): Set<number> {
  const s = new Set<number>();
  const sorted = [...spans].sort((a, b) => a[0] - b[0]);
  for (const [a, b] of sorted) for (let i = a; i < b; i++) if (ALNUM.test(text[i] ?? '')) s.add(i);
  if (dropThat && sorted.length) {
    let i = sorted[0][0];
    while (i < sorted[0][1] && !ALNUM.test(text[i])) i++;
    if (/^that\b/i.test(text.slice(i, i + 5))) for (let k = i; k < i + 4; k++) s.delete(k);
  }
  return s;
}

function interSize(a: Set<number>, b: Set<number>): number {
  let n = 0;
  const [x, y] = a.size < b.size ? [a, b] : [b, a];
  for (const v of x) if (y.has(v)) n++;
  return n;
}

function setEq(a: Set<number>, b: Set<number>): boolean {
  return a.size === b.size && interSize(a, b) === a.size;
}

interface PredRelation {
  content: Array<[number, number]>;
  cue: [number, number] | null;
  source: [number, number] | null;
  rule: string;
}

/** Group quotes into predicted relations: quotes sharing one cue span are one relation. */
export function groupQuotes(quotes: Quote[]): PredRelation[] {
  const byCue = new Map<string, PredRelation>();
  const out: PredRelation[] = [];
  for (const q of quotes) {
    const key = q.cue ? `${q.cue.start}:${q.cue.end}` : null;
    const existing = key ? byCue.get(key) : undefined;
    if (existing) {
      existing.content.push([q.start, q.end]);
      continue;
    }
    const rel: PredRelation = { content: [[q.start, q.end]], cue: q.cue ? [q.cue.start, q.cue.end] : null, source: q.speaker ? [q.speaker.start, q.speaker.end] : null, rule: q.rule };
    if (key) byCue.set(key, rel);
    out.push(rel);
  }
  return out;
}

export interface DocScore {
  gold: number;
  pred: number;
  tpOverlap: number;
  tpExact: number;
  cuePred: number;
  cueGold: number;
  cueTpExact: number;
  cueTpOverlap: number;
  matched: number;
  sourceOk: number;
  sourceExact: number;
  /** Overlap-matched pairs whose cues also overlap (the same attribution relation). */
  sameRelation: number;
  sameRelationSourceOk: number;
  byRule: Record<string, [number, number]>;
  /** Pairs (gold index, pred index) matched by overlap. */
  pairs: Array<[number, number]>;
  preds: PredRelation[];
}

function greedyMatch(n: number, m: number, score: (i: number, j: number) => number): Array<[number, number]> {
  const cand: Array<[number, number, number]> = [];
  for (let i = 0; i < n; i++) for (let j = 0; j < m; j++) {
    const s = score(i, j);
    if (s > 0) cand.push([s, i, j]);
  }
  cand.sort((a, b) => b[0] - a[0]);
  const ui = new Set<number>();
  const uj = new Set<number>();
  const out: Array<[number, number]> = [];
  for (const [, i, j] of cand) {
    if (ui.has(i) || uj.has(j)) continue;
    ui.add(i);
    uj.add(j);
    out.push([i, j]);
  }
  return out;
}

/** Added to a pair's content overlap when the cues also overlap, so that such pairs are matched first. */
const CUE_FIRST = 1e7;

/** Score one article's predicted quotes against its gold relations. */
export function scoreDoc(text: string, gold: GoldRelation[], quotes: Quote[]): DocScore {
  const preds = groupQuotes(quotes);
  const gC = gold.map((g) => charSet(text, g.content));
  const pC = preds.map((p) => charSet(text, p.content));
  const gCx = gold.map((g) => charSet(text, g.content, true));
  const pCx = preds.map((p) => charSet(text, p.content, true));
  // a predicted relation pairs first with a gold relation whose cue it shares (the same attribution
  // relation; matters for nested relations, whose contents overlap), then by content overlap alone
  const gCueSet = gold.map((g) => (g.cue ? charSet(text, g.cue) : null));
  const pCueSet = preds.map((p) => (p.cue ? charSet(text, [p.cue]) : null));
  const cueAgree = (i: number, j: number) => {
    const a = gCueSet[i];
    const b = pCueSet[j];
    return a !== null && b !== null && interSize(a, b) > 0;
  };
  const pairs = greedyMatch(gold.length, preds.length, (i, j) => {
    const o = interSize(gC[i], pC[j]);
    return o > 0 ? o + (cueAgree(i, j) ? CUE_FIRST : 0) : 0;
  });
  const exactPairs = greedyMatch(gold.length, preds.length, (i, j) => (setEq(gCx[i], pCx[j]) && gCx[i].size > 0 ? 1 : 0));
  let sourceOk = 0;
  let sourceExact = 0;
  let sameRelation = 0;
  let sameRelationSourceOk = 0;
  for (const [i, j] of pairs) {
    const gs = gold[i].source;
    const ps = preds[j].source;
    let ok = false;
    if (!gs && !ps) {
      ok = true;
      sourceExact++;
    } else if (gs && ps) {
      const a = charSet(text, gs);
      const b = charSet(text, [ps]);
      if (interSize(a, b) > 0) ok = true;
      if (setEq(a, b)) sourceExact++;
    }
    if (ok) sourceOk++;
    const gc = gold[i].cue;
    const pc = preds[j].cue;
    if (gc && pc && interSize(charSet(text, gc), charSet(text, [pc])) > 0) {
      sameRelation++;
      if (ok) sameRelationSourceOk++;
    }
  }
  const gCue = gold.filter((g) => g.cue).map((g) => charSet(text, g.cue!));
  const pCueRel = preds.filter((p) => p.cue);
  const pCue = pCueRel.map((p) => charSet(text, [p.cue!]));
  const cueOv = greedyMatch(gCue.length, pCue.length, (i, j) => interSize(gCue[i], pCue[j]));
  const cueEx = greedyMatch(gCue.length, pCue.length, (i, j) => (setEq(gCue[i], pCue[j]) && gCue[i].size > 0 ? 1 : 0));
  const byRule: Record<string, [number, number]> = {};
  const matchedPred = new Set(pairs.map((p) => p[1]));
  preds.forEach((p, j) => {
    const r = (byRule[p.rule] ??= [0, 0]);
    r[1]++;
    if (matchedPred.has(j)) r[0]++;
  });
  return {
    gold: gold.length,
    pred: preds.length,
    tpOverlap: pairs.length,
    tpExact: exactPairs.length,
    cuePred: pCue.length,
    cueGold: gCue.length,
    cueTpExact: cueEx.length,
    cueTpOverlap: cueOv.length,
    matched: pairs.length,
    sourceOk,
    sourceExact,
    sameRelation,
    sameRelationSourceOk,
    byRule,
    pairs,
    preds,
  };
}

function prf(tp: number, pred: number, gold: number): PRF {
  const p = pred ? tp / pred : 0;
  const r = gold ? tp / gold : 0;
  return { tp, pred, gold, p, r, f1: p + r ? (2 * p * r) / (p + r) : 0 };
}

/** Evaluate quote/attribution extraction on PolNeAR. */
export async function evalQuotes(opts: { dataDir?: string; split?: Split; limit?: number } = {}): Promise<QuotesEvalReport> {
  // accept either the PolNeAR folder itself or the shared data folder that holds it
  const given = opts.dataDir;
  const dataDir = given === undefined ? defaultPolnearDir() : existsSync(join(given, 'polnear', 'data')) ? join(given, 'polnear') : given;
  if (!existsSync(join(dataDir, 'data'))) throw new SitrepError('input_not_found', `no PolNeAR data under ${dataDir} (expected ${join(dataDir, 'data')})`, dataDir);
  const split = opts.split ?? 'test';
  const t0 = Date.now();
  const articles = loadPolnear(dataDir, split, opts.limit);
  const list = evalPipeline();
  const tot = { gold: 0, pred: 0, tpO: 0, tpE: 0, cP: 0, cG: 0, cE: 0, cO: 0, m: 0, sOk: 0, sEx: 0, sr: 0, srOk: 0 };
  const byRule: Record<string, [number, number]> = {};
  for (const a of articles) {
    await yieldToLoop();
    const doc = annotate(a.text, a.stem, list);
    const s = scoreDoc(a.text, a.relations, doc.quotes);
    tot.gold += s.gold;
    tot.pred += s.pred;
    tot.tpO += s.tpOverlap;
    tot.tpE += s.tpExact;
    tot.cP += s.cuePred;
    tot.cG += s.cueGold;
    tot.cE += s.cueTpExact;
    tot.cO += s.cueTpOverlap;
    tot.m += s.matched;
    tot.sOk += s.sourceOk;
    tot.sEx += s.sourceExact;
    tot.sr += s.sameRelation;
    tot.srOk += s.sameRelationSourceOk;
    for (const [k, [a1, b1]] of Object.entries(s.byRule)) {
      const r = (byRule[k] ??= [0, 0]);
      r[0] += a1;
      r[1] += b1;
    }
  }
  return {
    dataDir,
    split,
    articles: articles.length,
    goldRelations: tot.gold,
    predRelations: tot.pred,
    contentOverlap: prf(tot.tpO, tot.pred, tot.gold),
    contentExact: prf(tot.tpE, tot.pred, tot.gold),
    cueExact: prf(tot.cE, tot.cP, tot.cG),
    cueOverlap: prf(tot.cO, tot.cP, tot.cG),
    sourceAccuracy: tot.m ? tot.sOk / tot.m : 0,
    sourceAccuracyExact: tot.m ? tot.sEx / tot.m : 0,
    sourceAccuracySameCue: tot.sr ? tot.srOk / tot.sr : 0,
    sameCueMatched: tot.sr,
    matched: tot.m,
    byRule,
    seconds: (Date.now() - t0) / 1000,
  };
}

const pct = (x: number) => (100 * x).toFixed(1);

/** Plain-text report. */
export function formatQuotesReport(r: QuotesEvalReport): string {
  const line = (name: string, m: PRF) => `${name.padEnd(18)} P ${pct(m.p).padStart(5)}  R ${pct(m.r).padStart(5)}  F1 ${pct(m.f1).padStart(5)}  (tp ${m.tp}, pred ${m.pred}, gold ${m.gold})`;
  const rules = Object.entries(r.byRule)
    .sort((a, b) => b[1][1] - a[1][1])
    .map(([k, [m, n]]) => `  ${k.padEnd(34)} ${String(n).padStart(6)} predicted, precision ${pct(n ? m / n : 0)}`);
  return [
    `PolNeAR quotes/attribution — split ${r.split}: ${r.articles} articles, ${r.goldRelations} gold relations, ${r.predRelations} predicted (${r.seconds.toFixed(1)} s)`,
    line('content overlap', r.contentOverlap),
    line('content exact', r.contentExact),
    line('cue exact', r.cueExact),
    line('cue overlap', r.cueOverlap),
    `source accuracy    ${pct(r.sourceAccuracy)}% overlap, ${pct(r.sourceAccuracyExact)}% exact (on ${r.matched} content-matched relations)`,
    `source accuracy    ${pct(r.sourceAccuracySameCue)}% overlap on ${r.sameCueMatched} relations matched by content and cue`,
    'by rule:',
    ...rules,
  ].join('\n');
}

/** Entities a caller may pass through unchanged (re-exported type for scripts). */
export type { Entity };
