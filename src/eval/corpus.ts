/**
 * Robustness runs: the whole pipeline over real corpora (Reuters-21578,
 * MEANTIME, Voice of America 2019-2025), counting failures and how many
 * stories yield events. Used by `scripts/corpus-run.ts` and the tests.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { analyze } from '../analyze.js';
import { documentId, normalizeDate } from '../ingest/index.js';
import { asSitrepError } from '../errors.js';
import { readReuters } from './reuters.js';
import { loadTimexCorpus } from './timex.js';
import { yieldToLoop } from './yield.js';

/** One article of a corpus run. */
export interface CorpusArticle {
  id: string;
  title: string | null;
  published: string | null;
  text: string;
}

/** Outcome of a corpus run. */
export interface CorpusReport {
  corpus: string;
  documents: number;
  sentences: number;
  events: number;
  /** Documents with at least one event. */
  withEvents: number;
  /** Documents whose analysis threw, with the error. */
  failures: Array<{ id: string; code: string; message: string }>;
  seconds: number;
}

/** Analyse every article; a failure is recorded, never thrown. */
export async function runCorpus(corpus: string, articles: CorpusArticle[]): Promise<CorpusReport> {
  const r: CorpusReport = { corpus, documents: 0, sentences: 0, events: 0, withEvents: 0, failures: [], seconds: 0 };
  const t0 = performance.now();
  for (const a of articles) {
    await yieldToLoop();
    r.documents++;
    try {
      const doc = analyze({ id: documentId(a.text, a.title), title: a.title, published: a.published, url: null, source: null, text: a.text });
      r.sentences += doc.sentences.length;
      r.events += doc.events.length;
      if (doc.events.length > 0) r.withEvents++;
    } catch (e) {
      const err = asSitrepError(e, a.id);
      r.failures.push({ id: a.id, code: err.code, message: err.message });
    }
  }
  r.seconds = (performance.now() - t0) / 1000;
  return r;
}

/** Voice of America stories (`voa_news/voa_stories.jsonl`, public domain). */
export function voaArticles(dataDir: string): CorpusArticle[] {
  return readFileSync(join(dataDir, 'voa_news', 'voa_stories.jsonl'), 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => {
      const o = JSON.parse(l) as { id: string; title?: string; published?: string; text: string };
      return { id: `voa-${o.id}`, title: o.title ?? null, published: o.published ? normalizeDate(o.published, `voa ${o.id}`) : null, text: o.text };
    });
}

/** MEANTIME English Wikinews articles (CC BY 4.0), text as the annotation files give it. */
export function meantimeArticles(dataDir: string): CorpusArticle[] {
  return loadTimexCorpus('meantime', dataDir).map((d) => ({ id: d.id, title: null, published: d.dct, text: d.text }));
}

/** Reuters-21578 stories with a body (`every`: keep one story in N). */
export function reutersArticles(dataDir: string, every = 1): CorpusArticle[] {
  return readReuters(join(dataDir, 'reuters21578')).filter((_, i) => i % every === 0);
}

/** One line per corpus: documents, failures, events, share with events, speed. */
export function formatCorpusReport(r: CorpusReport): string {
  const pct = r.documents ? ((100 * r.withEvents) / r.documents).toFixed(1) : '0';
  return `${r.corpus}: ${r.documents} documents, ${r.failures.length} failures, ${r.sentences} sentences, ${r.events} events, ${pct}% of documents with events, ${(r.sentences / r.seconds).toFixed(0)} sentences/s`;
}
