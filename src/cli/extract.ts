/**
 * `sitrep extract INPUT... [--published YYYY-MM-DD] [--format json|jsonl|text]`
 */
import { Command } from 'commander';
import { readInputs, toDocumentMeta, type ArticleResult } from '../ingest/index.js';
import { analyze, docToJson } from '../analyze.js';
import { asSitrepError, SitrepError } from '../errors.js';
import type { Doc } from '../doc.js';
import { formatSummary } from './format.js';
import { choice, dateOption } from './main.js';
import { loadCameo } from '../data/load.js';
import { toGdeltRows, toPlover } from '../events/formats.js';

/** Outcome of analysing one input article. */
export type Extracted = { ok: true; doc: Doc; origin: string } | { ok: false; origin: string; error: SitrepError };

/**
 * Read and analyse articles in input order; a failing article becomes an
 * `{ok:false}` item and never stops the batch.
 */
export async function* extractAll(inputs: string[], opts: { published?: string }): AsyncGenerator<Extracted> {
  for await (const r of readInputs(inputs, { published: opts.published }) as AsyncGenerator<ArticleResult>) {
    if (!r.ok) {
      yield { ok: false, origin: r.origin, error: r.error };
      continue;
    }
    try {
      yield { ok: true, doc: analyze(toDocumentMeta(r.article)), origin: r.article.origin };
    } catch (e) {
      const err = asSitrepError(e, r.article.origin);
      if (err.code === 'data_missing') throw err; // the whole run cannot work
      yield { ok: false, origin: r.article.origin, error: err };
    }
  }
}

/** "origin: message" without repeating the origin when the message already names it. */
export function describeFailure(x: { origin: string; error: SitrepError }): string {
  return `sitrep: ${x.error.code}: ${x.error.message.includes(x.origin) ? x.error.message : `${x.origin}: ${x.error.message}`}`;
}

/** CAMEO code -> its codebook name (for text output). */
export function cameoName(code: string): string | undefined {
  return loadCameo().codes[code]?.name;
}

export function extractCommand(): Command {
  return new Command('extract')
    .description('Extract actors, events, dates, quotes and quantities from articles (files, folders, URLs, JSON Lines, or - for stdin)')
    .argument('<input...>', 'plain-text or HTML file, folder, http(s) URL, .jsonl file, or - for standard input')
    .option('--published <date>', 'publication date (YYYY-MM-DD) used as the reference for relative dates')
    .addOption(choice('--format <format>', 'output format: json (one document), jsonl (one document a line), text (summary), plover (PLOVER JSON Lines, one event a line), gdelt (GDELT 2.0 event rows, tab-separated)', ['json', 'jsonl', 'text', 'plover', 'gdelt'], 'json'))
    .option('--tokens', 'include tokens in JSON output')
    .action(async (inputs: string[], o: { published?: string; format: string; tokens?: boolean }) => {
      if (o.published !== undefined) dateOption(o.published, '--published');
      const out = process.stdout;
      const docs: Extracted[] = [];
      let failures = 0;
      for await (const x of extractAll(inputs, o)) {
        if (!x.ok) failures++;
        if (o.format === 'jsonl') {
          out.write(JSON.stringify(x.ok ? docToJson(x.doc, { tokens: o.tokens }) : { origin: x.origin, error: x.error.toJSON() }) + '\n');
        } else if (o.format === 'plover' || o.format === 'gdelt') {
          if (!x.ok) process.stderr.write(describeFailure(x) + '\n');
          else if (o.format === 'plover') for (const r of toPlover(x.doc)) out.write(JSON.stringify(r) + '\n');
          else for (const r of toGdeltRows(x.doc)) out.write(r.join('\t') + '\n');
        } else if (o.format === 'text') {
          if (x.ok) out.write(formatSummary(x.doc, cameoName) + '\n\n');
          else process.stderr.write(describeFailure(x) + '\n');
        } else docs.push(x);
      }
      if (o.format === 'json') {
        for (const x of docs) if (!x.ok) process.stderr.write(describeFailure(x) + '\n');
        const ok = docs.filter((x): x is Extract<Extracted, { ok: true }> => x.ok).map((x) => docToJson(x.doc, { tokens: o.tokens }));
        if (ok.length === 1 && docs.length === 1) out.write(JSON.stringify(ok[0], null, 2) + '\n');
        else if (ok.length > 0) out.write(JSON.stringify(ok, null, 2) + '\n');
      }
      if (failures > 0) process.exitCode = 1;
    });
}
