/**
 * TIMEX3 evaluation against TempEval-3 (TBAQ-cleaned, TimeML) and MEANTIME
 * (English, intra-document annotation), in the manner of the TempEval-3 scorer.
 *
 * For each document the plain text is built exactly as the corpus has it
 * (TempEval-3: the text content of `<TEXT>`; MEANTIME, which only ships
 * tokens: tokens joined by single spaces — none before closing punctuation,
 * none after opening brackets and `$` — and sentences joined by a newline),
 * run through the real text stage ({@link tokenize}) and {@link extractTimexes}.
 *
 * Metrics (TempEval-3, UzZaman et al. 2013):
 * - strict span P/R/F1: exact character span;
 * - relaxed span P/R/F1: any overlap (one-to-one, greedy by largest overlap);
 * - type / value accuracy: attribute correct over relaxed-matched pairs;
 * - type / value F1: relaxed F1 × attribute accuracy (= F1 computed with
 *   attribute-correct matches as true positives, as in the TE3 scorer).
 *
 * MEANTIME annotates only the title, dateline and first few sentences of each
 * article: system timexes after the last sentence holding any markable are
 * not scored (`scoredEnd`).
 *
 * Gold: every TIMEX3 with a text span, excluding the DCT of TempEval-3 (in
 * `<DCT>`, outside `<TEXT>`). MEANTIME's DCT is a dateline inside the text
 * (sentence 1), so its CREATION_TIME timex counts as a normal gold timex;
 * empty (non-textual) TIMEX3s are ignored.
 *
 * Split: a document is `test` (held out: never inspected while tuning) when
 * FNV-1a-32 of its corpus-relative path (e.g. `TimeBank/wsj_0006.tml`,
 * `corpus_gm/1234_x.xml`), modulo 10, is below 3 (~30%); otherwise `dev`.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { DOMParser } from 'linkedom';
import type { Doc, Timex, TimexType } from '../doc.js';
import { emptyDoc } from '../doc.js';
import { SitrepError } from '../errors.js';
import { tokenize } from '../text/tokenize.js';
import { extractTimexes } from '../time/index.js';

export type TimexCorpus = 'tempeval3' | 'meantime';
export type TimexSplit = 'dev' | 'test';

/** One gold TIMEX3 (span into the document text). */
export interface GoldTimex {
  start: number;
  end: number;
  text: string;
  type: TimexType;
  value: string;
}

/** One evaluation document. */
export interface TimexEvalDoc {
  corpus: TimexCorpus;
  /** Corpus-relative path, e.g. `TimeBank/wsj_0006.tml`. */
  id: string;
  split: TimexSplit;
  text: string;
  dct: string | null;
  gold: GoldTimex[];
  /**
   * End of the annotated region (character offset): system timexes starting at
   * or after it are not scored. MEANTIME annotates only the title, the dateline
   * and the first sentences of each article; TempEval-3 annotates all text.
   */
  scoredEnd?: number;
}

export interface PRF {
  p: number;
  r: number;
  f1: number;
}

/** Scores for one (corpus, split) section, in percent (0-100). */
export interface TimexScores {
  docs: number;
  sentences: number;
  gold: number;
  system: number;
  strictMatches: number;
  relaxedMatches: number;
  typeCorrect: number;
  valueCorrect: number;
  strict: PRF;
  relaxed: PRF;
  typeAccuracy: number;
  valueAccuracy: number;
  typeF1: number;
  valueF1: number;
}

export interface TimexError {
  doc: string;
  kind: 'missed' | 'spurious' | 'type' | 'value' | 'span';
  gold?: { text: string; type: string; value: string };
  system?: { text: string; type: string; value: string; rule: string };
  context: string;
}

export interface TimexEvalSection {
  corpus: TimexCorpus;
  split: TimexSplit | 'all';
  scores: TimexScores;
}

export interface TimexEvalReport {
  dataDir: string;
  split: TimexSplit | 'all';
  corpus: TimexCorpus | 'all';
  splitRule: string;
  /** One section per corpus and split asked for, plus per-corpus `all` when split is `all`. */
  sections: TimexEvalSection[];
  /** Micro-average over every document evaluated. */
  overall: TimexScores;
  /** Mismatches (only when `details` was asked for). */
  errors?: TimexError[];
}

export interface EvalTimexOptions {
  /** Folder holding `tempeval3/` and `meantime_en/`; default `$SITREP_DATA_DIR` or `<repo>/../shared/data`. */
  dataDir?: string;
  split?: TimexSplit | 'all';
  corpus?: TimexCorpus | 'all';
  /** Evaluate at most this many documents per corpus (after the split filter; in path order). */
  limit?: number;
  /** Collect mismatches in `report.errors`. */
  details?: boolean;
}

export const SPLIT_RULE = 'test iff fnv1a32(corpus-relative path) % 10 < 3 (~30% held out); dev otherwise';

/** FNV-1a 32-bit hash of a string (UTF-16 code units). */
export function fnv1a32(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h >>> 0;
}

/** The documented held-out split of a document id. */
export function splitOf(id: string): TimexSplit {
  return fnv1a32(id) % 10 < 3 ? 'test' : 'dev';
}

/** Default data folder. */
export function defaultDataDir(): string {
  if (process.env.SITREP_DATA_DIR) return process.env.SITREP_DATA_DIR;
  const here = path.dirname(fileURLToPath(import.meta.url));
  return path.resolve(here, '../../../shared/data');
}

const TYPES = new Set(['DATE', 'TIME', 'DURATION', 'SET']);
function asType(t: string | null): TimexType {
  const u = (t ?? '').toUpperCase();
  return (TYPES.has(u) ? u : 'DATE') as TimexType;
}

function listFiles(dir: string, ext: string): string[] {
  const out: string[] = [];
  const walk = (d: string): void => {
    for (const e of fs.readdirSync(d, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
      const p = path.join(d, e.name);
      if (e.isDirectory()) walk(p);
      else if (e.isFile() && e.name.endsWith(ext)) out.push(p);
    }
  };
  if (fs.existsSync(dir)) walk(dir);
  return out;
}

/** Parse one TimeML (.tml) document. */
export function parseTimeML(xml: string, id: string): TimexEvalDoc {
  const d = new DOMParser().parseFromString(xml, 'text/xml');
  const dctEl = d.querySelector('DCT TIMEX3');
  let dct: string | null = null;
  const dv = dctEl?.getAttribute('value') ?? '';
  const m = /^(\d{4})-?(\d{2})-?(\d{2})/.exec(dv);
  if (m) dct = `${m[1]}-${m[2]}-${m[3]}`;
  const textEl = d.querySelector('TEXT');
  const gold: GoldTimex[] = [];
  let text = '';
  const walk = (node: any): void => {
    for (const child of Array.from(node.childNodes as ArrayLike<any>)) {
      if (child.nodeType === 3) text += child.textContent ?? '';
      else if (child.nodeType === 1) {
        const start = text.length;
        walk(child);
        if (String(child.tagName).toUpperCase() === 'TIMEX3') {
          const end = text.length;
          if (end > start) {
            gold.push({ start, end, text: text.slice(start, end), type: asType(child.getAttribute('type')), value: child.getAttribute('value') ?? '' });
          }
        }
      }
    }
  };
  if (textEl) walk(textEl);
  return { corpus: 'tempeval3', id, split: splitOf(id), text, dct, gold };
}

const NO_SPACE_BEFORE = /^(?:[,.;:!?%)\]}]|'s|'S|n't|'re|'ve|'ll|'d|'m|''|')$/;
const NO_SPACE_AFTER = /^(?:[([{$]|``)$/;

/** Parse one MEANTIME document (tokens + TIMEX3 markables anchored on tokens). */
export function parseMeantime(xml: string, id: string): TimexEvalDoc {
  const d = new DOMParser().parseFromString(xml, 'text/xml');
  const tokEls = Array.from(d.querySelectorAll('token') as ArrayLike<any>);
  const spans = new Map<string, [number, number]>();
  let text = '';
  let prevSent: string | null = null;
  let prevTok = '';
  const sentEnd = new Map<string, number>();
  const tokSent = new Map<string, number>();
  for (const el of tokEls) {
    const sent = el.getAttribute('sentence') ?? '';
    tokSent.set(el.getAttribute('t_id') ?? '', +sent);
    const word: string = el.textContent ?? '';
    if (prevSent !== null) {
      if (sent !== prevSent) text += '\n';
      else if (!NO_SPACE_BEFORE.test(word) && !NO_SPACE_AFTER.test(prevTok)) text += ' ';
    }
    spans.set(el.getAttribute('t_id') ?? '', [text.length, text.length + word.length]);
    text += word;
    sentEnd.set(sent, text.length);
    prevSent = sent;
    prevTok = word;
  }
  let dct: string | null = null;
  const gold: GoldTimex[] = [];
  for (const tx of Array.from(d.querySelectorAll('Markables > TIMEX3') as ArrayLike<any>)) {
    const anchors = Array.from(tx.querySelectorAll('token_anchor') as ArrayLike<any>)
      .map((a) => spans.get(a.getAttribute('t_id') ?? ''))
      .filter((s): s is [number, number] => !!s);
    const value = tx.getAttribute('value') ?? '';
    if (tx.getAttribute('functionInDocument') === 'CREATION_TIME') {
      const mm = /^(\d{4})-(\d{2})-(\d{2})/.exec(value);
      if (mm) dct = mm[0];
    }
    if (!anchors.length) continue;
    const start = Math.min(...anchors.map((a) => a[0]));
    const end = Math.max(...anchors.map((a) => a[1]));
    gold.push({ start, end, text: text.slice(start, end), type: asType(tx.getAttribute('type')), value });
  }
  gold.sort((a, b) => a.start - b.start || a.end - b.end);
  // the annotated region: up to the last sentence holding any markable (entity, event, timex)
  let maxSent = 0;
  for (const a of Array.from(d.querySelectorAll('Markables token_anchor') as ArrayLike<any>)) {
    const s = tokSent.get(a.getAttribute('t_id') ?? '');
    if (s !== undefined && s > maxSent) maxSent = s;
  }
  const scoredEnd = sentEnd.get(String(maxSent)) ?? text.length;
  return { corpus: 'meantime', id, split: splitOf(id), text, dct, gold, scoredEnd };
}

/** Load the evaluation documents of a corpus (all splits). */
export function loadTimexCorpus(corpus: TimexCorpus, dataDir = defaultDataDir()): TimexEvalDoc[] {
  if (corpus === 'tempeval3') {
    const root = path.join(dataDir, 'tempeval3', 'TBAQ-cleaned');
    return listFiles(root, '.tml').map((f) => parseTimeML(fs.readFileSync(f, 'utf8'), path.relative(root, f).split(path.sep).join('/')));
  }
  const root = path.join(dataDir, 'meantime_en', 'intra-doc_annotation');
  return listFiles(root, '.xml').map((f) => parseMeantime(fs.readFileSync(f, 'utf8'), path.relative(root, f).split(path.sep).join('/')));
}

/** Run the real text stage and the extractor on one evaluation document. */
export function runDoc(ed: TimexEvalDoc): { doc: Doc; timexes: Timex[] } {
  const doc = emptyDoc({ id: `eval:${ed.corpus}:${ed.id}`, title: null, published: ed.dct, url: null, source: ed.corpus, text: ed.text });
  const { tokens, sentences } = tokenize(ed.text);
  const full: Doc = { ...doc, tokens, sentences };
  return { doc: full, timexes: extractTimexes(full) };
}

interface Counts {
  docs: number;
  sentences: number;
  gold: number;
  system: number;
  strict: number;
  relaxed: number;
  type: number;
  value: number;
}

function zero(): Counts {
  return { docs: 0, sentences: 0, gold: 0, system: 0, strict: 0, relaxed: 0, type: 0, value: 0 };
}

function add(a: Counts, b: Counts): void {
  a.docs += b.docs;
  a.sentences += b.sentences;
  a.gold += b.gold;
  a.system += b.system;
  a.strict += b.strict;
  a.relaxed += b.relaxed;
  a.type += b.type;
  a.value += b.value;
}

function context(text: string, start: number, end: number): string {
  const a = Math.max(0, start - 60);
  const b = Math.min(text.length, end + 60);
  return (text.slice(a, start) + '[' + text.slice(start, end) + ']' + text.slice(end, b)).replace(/\s+/g, ' ');
}

/** Normalise a value for comparison (TE3 compares strings; we only trim). */
function normValue(v: string): string {
  return v.trim();
}

/** Score one document: one-to-one relaxed alignment (largest overlap first). */
export function scoreDoc(ed: TimexEvalDoc, allSys: readonly Timex[], errors?: TimexError[]): Counts {
  const sys = ed.scoredEnd === undefined ? allSys : allSys.filter((t) => t.start < ed.scoredEnd!);
  const c = zero();
  c.docs = 1;
  c.gold = ed.gold.length;
  c.system = sys.length;
  const pairs: Array<{ g: number; s: number; ov: number }> = [];
  ed.gold.forEach((g, gi) => {
    sys.forEach((s, si) => {
      const ov = Math.min(g.end, s.end) - Math.max(g.start, s.start);
      if (ov > 0) pairs.push({ g: gi, s: si, ov });
    });
  });
  pairs.sort((a, b) => b.ov - a.ov || a.g - b.g || a.s - b.s);
  const gUsed = new Map<number, number>();
  const sUsed = new Set<number>();
  for (const p of pairs) {
    if (gUsed.has(p.g) || sUsed.has(p.s)) continue;
    gUsed.set(p.g, p.s);
    sUsed.add(p.s);
  }
  for (const [gi, si] of gUsed) {
    const g = ed.gold[gi];
    const s = sys[si];
    c.relaxed++;
    if (g.start === s.start && g.end === s.end) c.strict++;
    else errors?.push({ doc: ed.id, kind: 'span', gold: { text: g.text, type: g.type, value: g.value }, system: { text: s.text, type: s.type, value: s.value, rule: s.rule }, context: context(ed.text, g.start, g.end) });
    if (g.type === s.type) c.type++;
    else errors?.push({ doc: ed.id, kind: 'type', gold: { text: g.text, type: g.type, value: g.value }, system: { text: s.text, type: s.type, value: s.value, rule: s.rule }, context: context(ed.text, g.start, g.end) });
    if (normValue(g.value) === normValue(s.value)) c.value++;
    else errors?.push({ doc: ed.id, kind: 'value', gold: { text: g.text, type: g.type, value: g.value }, system: { text: s.text, type: s.type, value: s.value, rule: s.rule }, context: context(ed.text, g.start, g.end) });
  }
  if (errors) {
    ed.gold.forEach((g, gi) => {
      if (!gUsed.has(gi)) errors.push({ doc: ed.id, kind: 'missed', gold: { text: g.text, type: g.type, value: g.value }, context: context(ed.text, g.start, g.end) });
    });
    sys.forEach((s, si) => {
      if (!sUsed.has(si)) errors.push({ doc: ed.id, kind: 'spurious', system: { text: s.text, type: s.type, value: s.value, rule: s.rule }, context: context(ed.text, s.start, s.end) });
    });
  }
  return c;
}

function pct(n: number, d: number): number {
  return d > 0 ? (100 * n) / d : 0;
}

function prf(tp: number, sys: number, gold: number): PRF {
  const p = pct(tp, sys);
  const r = pct(tp, gold);
  return { p, r, f1: p + r > 0 ? (2 * p * r) / (p + r) : 0 };
}

function toScores(c: Counts): TimexScores {
  return {
    docs: c.docs,
    sentences: c.sentences,
    gold: c.gold,
    system: c.system,
    strictMatches: c.strict,
    relaxedMatches: c.relaxed,
    typeCorrect: c.type,
    valueCorrect: c.value,
    strict: prf(c.strict, c.system, c.gold),
    relaxed: prf(c.relaxed, c.system, c.gold),
    typeAccuracy: pct(c.type, c.relaxed),
    valueAccuracy: pct(c.value, c.relaxed),
    typeF1: prf(c.type, c.system, c.gold).f1,
    valueF1: prf(c.value, c.system, c.gold).f1,
  };
}

/**
 * Evaluate the TIMEX3 extractor.
 * @throws SitrepError `data_missing` when no document of the asked corpora is found.
 */
export async function evalTimex(opts: EvalTimexOptions = {}): Promise<TimexEvalReport> {
  const dataDir = opts.dataDir ?? defaultDataDir();
  const split = opts.split ?? 'dev';
  const corpus = opts.corpus ?? 'all';
  const corpora: TimexCorpus[] = corpus === 'all' ? ['tempeval3', 'meantime'] : [corpus];
  const sections: TimexEvalSection[] = [];
  const overall = zero();
  const errors: TimexError[] | undefined = opts.details ? [] : undefined;
  let found = 0;
  for (const cp of corpora) {
    let docs = loadTimexCorpus(cp, dataDir);
    found += docs.length;
    if (split !== 'all') docs = docs.filter((d) => d.split === split);
    if (opts.limit !== undefined) docs = docs.slice(0, opts.limit);
    const bySplit: Record<TimexSplit, Counts> = { dev: zero(), test: zero() };
    for (const ed of docs) {
      const { doc, timexes } = runDoc(ed);
      const c = scoreDoc(ed, timexes, errors);
      c.sentences = doc.sentences.length;
      add(bySplit[ed.split], c);
      add(overall, c);
      // yield to the event loop between documents
      await Promise.resolve();
    }
    const splits: TimexSplit[] = split === 'all' ? ['dev', 'test'] : [split];
    for (const s of splits) sections.push({ corpus: cp, split: s, scores: toScores(bySplit[s]) });
    if (split === 'all') {
      const both = zero();
      add(both, bySplit.dev);
      add(both, bySplit.test);
      sections.push({ corpus: cp, split: 'all', scores: toScores(both) });
    }
  }
  if (found === 0) {
    throw new SitrepError('data_missing', `no TempEval-3 / MEANTIME documents under ${dataDir}`, dataDir);
  }
  return { dataDir, split, corpus, splitRule: SPLIT_RULE, sections, overall: toScores(overall), ...(errors ? { errors } : {}) };
}

function f(n: number): string {
  return n.toFixed(1).padStart(6);
}

/** A plain-text table of a report. */
export function formatTimexReport(r: TimexEvalReport): string {
  const lines: string[] = [];
  lines.push(`TIMEX3 evaluation (split: ${r.split}; ${r.splitRule})`);
  lines.push(`data: ${r.dataDir}`);
  lines.push('');
  const head = 'corpus     split  docs  gold   sys | strict P     R     F1 | relaxed P    R     F1 | type acc | value acc value F1';
  lines.push(head);
  lines.push('-'.repeat(head.length));
  const row = (name: string, split: string, s: TimexScores): string =>
    `${name.padEnd(10)} ${split.padEnd(5)} ${String(s.docs).padStart(5)} ${String(s.gold).padStart(5)} ${String(s.system).padStart(5)} | ${f(s.strict.p)}${f(s.strict.r)}${f(s.strict.f1)} | ${f(s.relaxed.p)}${f(s.relaxed.r)}${f(s.relaxed.f1)} |  ${f(s.typeAccuracy)}  |  ${f(s.valueAccuracy)}   ${f(s.valueF1)}`;
  for (const s of r.sections) lines.push(row(s.corpus, s.split, s.scores));
  lines.push(row('overall', r.split, r.overall));
  return lines.join('\n');
}

/**
 * Mismatches as tab-separated lines: kind, doc id, gold text/type/value,
 * system text/type/value/rule, context (the gold span, else the system span,
 * in brackets with 60 characters either side). `kinds` keeps only those kinds
 * (`missed`, `spurious`, `span`, `type`, `value`); all when omitted.
 */
export function formatTimexErrors(errors: readonly TimexError[], kinds?: readonly string[]): string {
  const keep = kinds && kinds.length ? new Set(kinds) : null;
  const lines = ['kind\tdoc\tgold text\tgold type\tgold value\tsys text\tsys type\tsys value\trule\tcontext'];
  for (const e of errors) {
    if (keep && !keep.has(e.kind)) continue;
    const g = e.gold;
    const s = e.system;
    lines.push([e.kind, e.doc, g?.text ?? '', g?.type ?? '', g?.value ?? '', s?.text ?? '', s?.type ?? '', s?.value ?? '', s?.rule ?? '', e.context].map((x) => x.replace(/[\t\n]/g, ' ')).join('\t'));
  }
  return lines.join('\n');
}
