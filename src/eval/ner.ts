/**
 * NER evaluation on CoNLL-2003 test (testb) and CoNLL++ from RAW text.
 *
 * Each CoNLL document becomes plain text (a sentence per line, tokens joined
 * by single spaces); the text goes through the pipeline's text stage
 * (tokenize) and the recognizer; predicted character spans are compared with
 * the gold spans conlleval-style (exact span and type). sitrep's labels are
 * mapped onto CoNLL's: GPE/LOC -> LOC, NORP/MISC -> MISC.
 *
 * When the `compromise` package is installed, its people / places /
 * organizations are scored the same way on the same text, as a side-by-side
 * baseline (it has no MISC).
 */
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { emptyDoc, type Doc, type NerLabel } from '../doc.js';
import { readConll, type ConllDoc } from '../entities/ner/conll.js';
import { loadNerModel, recognize } from '../entities/ner/index.js';
import { SpanScorer, type LabelScore, type SpanScore, type TypedSpan } from '../entities/ner/score.js';
import { tokenize } from '../text/tokenize.js';

export type NerCorpus = 'conll2003' | 'conllpp';

export interface NerCorpusReport {
  corpus: NerCorpus;
  file: string;
  docs: number;
  conllTokens: number;
  /** sitrep's recognizer. */
  sitrep: SpanScore;
  /** compromise (people/places/organizations), when installed. */
  compromise: SpanScore | null;
  /** Seconds spent in tokenize + recognize. */
  seconds: number;
}

export interface NerEvalReport {
  dataDir: string;
  corpora: NerCorpusReport[];
}

export interface NerEvalOptions {
  /** The shared data folder (holding conll2003/ and conllpp/). */
  dataDir?: string;
  corpus?: NerCorpus | 'all';
  /** Score only the first N documents of each corpus. */
  maxDocs?: number;
  /** Also score compromise when it is installed (default true). */
  compromise?: boolean;
}

const DEFAULT_DATA = resolve(fileURLToPath(new URL('../../', import.meta.url)), '..', 'shared', 'data');

const FILES: Record<NerCorpus, string> = {
  conll2003: join('conll2003', 'test.txt'),
  conllpp: join('conllpp', 'conllpp_test.txt'),
};

/** sitrep label -> CoNLL label. */
export function toConllLabel(l: NerLabel): string {
  return l === 'GPE' || l === 'LOC' ? 'LOC' : l === 'NORP' || l === 'MISC' ? 'MISC' : l;
}

/** Predicted CoNLL-typed spans of sitrep on one raw document. */
export function sitrepSpans(text: string): TypedSpan[] {
  const { tokens, sentences } = tokenize(text);
  const doc: Doc = { ...emptyDoc({ id: 'eval', title: null, published: null, url: null, source: null, text }), tokens, sentences };
  return recognize(doc).map((e) => ({ start: e.start, end: e.end, type: toConllLabel(e.label) }));
}

type Compromise = (text: string) => any;

async function loadCompromise(): Promise<Compromise | null> {
  try {
    const name = 'compromise';
    const m = (await import(name)) as { default?: Compromise };
    return (m.default ?? (m as unknown as Compromise)) as Compromise;
  } catch {
    return null;
  }
}

const TRIM_RE = /^[\s"'`.,:;!?()[\]{}-]+|[\s"'`.,:;!?()[\]{}-]+$/g;

/** compromise's spans on one document (people -> PER, places -> LOC, organizations -> ORG). */
function compromiseSpans(nlp: Compromise, text: string): TypedSpan[] {
  const out: TypedSpan[] = [];
  const seen = new Set<string>();
  let lineStart = 0;
  for (const line of text.split('\n')) {
    const d = nlp(line);
    for (const [method, type] of [
      ['people', 'PER'],
      ['places', 'LOC'],
      ['organizations', 'ORG'],
    ] as const) {
      const items = d[method]().json({ offset: true }) as { offset?: { start: number; length: number } }[];
      for (const it of items) {
        if (!it.offset) continue;
        let s = it.offset.start;
        let e = s + it.offset.length;
        const raw = line.slice(s, e);
        const lead = raw.length - raw.replace(/^[\s"'`.,:;!?()[\]{}-]+/, '').length;
        const trimmed = raw.replace(TRIM_RE, '');
        if (!trimmed) continue;
        s += lead;
        e = s + trimmed.length;
        // keep "U.S." style final periods that belong to the token
        if (line[e] === '.' && /\.[A-Za-z]$/.test(line.slice(s, e))) e++;
        const key = `${lineStart + s}:${lineStart + e}`;
        if (seen.has(key)) continue;
        seen.add(key);
        out.push({ start: lineStart + s, end: lineStart + e, type });
      }
    }
    lineStart += line.length + 1;
  }
  return out;
}

/** Score sitrep (and compromise) on CoNLL-2003 test and/or CoNLL++. */
export async function evalNer(opts: NerEvalOptions = {}): Promise<NerEvalReport> {
  const dataDir = resolve(opts.dataDir ?? process.env.SITREP_DATA ?? DEFAULT_DATA);
  const which: NerCorpus[] = !opts.corpus || opts.corpus === 'all' ? ['conll2003', 'conllpp'] : [opts.corpus];
  const nlp = opts.compromise === false ? null : await loadCompromise();
  loadNerModel();
  const corpora: NerCorpusReport[] = [];
  for (const corpus of which) {
    const file = join(dataDir, FILES[corpus]);
    if (!existsSync(file)) throw new Error(`evalNer: ${file} not found`);
    let docs: ConllDoc[] = readConll(file);
    if (opts.maxDocs !== undefined) docs = docs.slice(0, opts.maxDocs);
    const sys = new SpanScorer();
    const cmp = nlp ? new SpanScorer() : null;
    let secs = 0;
    for (const d of docs) {
      const t0 = performance.now();
      const pred = sitrepSpans(d.text);
      secs += (performance.now() - t0) / 1000;
      sys.add(d.gold, pred);
      if (nlp && cmp) cmp.add(d.gold, compromiseSpans(nlp, d.text));
    }
    corpora.push({
      corpus,
      file,
      docs: docs.length,
      conllTokens: docs.reduce((a, d) => a + d.conllTokens, 0),
      sitrep: sys.result(),
      compromise: cmp ? cmp.result() : null,
      seconds: secs,
    });
  }
  return { dataDir, corpora };
}

const pct = (x: number) => (100 * x).toFixed(2).padStart(6);

function row(name: string, s: LabelScore): string {
  return `  ${name.padEnd(10)} ${pct(s.precision)} ${pct(s.recall)} ${pct(s.f1)}  ${String(s.tp + s.fn).padStart(6)} ${String(s.tp + s.fp).padStart(6)}`;
}

/** Human-readable report. */
export function formatNerReport(r: NerEvalReport): string {
  const lines: string[] = [];
  for (const c of r.corpora) {
    lines.push(`NER ${c.corpus} (${c.file}): ${c.docs} docs, ${c.conllTokens} tokens, raw text -> tokenize + recognize in ${c.seconds.toFixed(1)} s`);
    lines.push(`  ${'label'.padEnd(10)} ${'P'.padStart(6)} ${'R'.padStart(6)} ${'F1'.padStart(6)}  ${'gold'.padStart(6)} ${'pred'.padStart(6)}`);
    for (const l of ['PER', 'ORG', 'LOC', 'MISC']) {
      const s = c.sitrep.labels[l];
      if (s) lines.push(row(l, s));
    }
    lines.push(row('micro', c.sitrep.micro));
    if (c.compromise) {
      lines.push(`  compromise (people/places/organizations; no MISC):`);
      for (const l of ['PER', 'ORG', 'LOC']) {
        const s = c.compromise.labels[l];
        if (s) lines.push(row(l, s));
      }
      lines.push(row('micro', c.compromise.micro));
    }
  }
  return lines.join('\n');
}
