import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { readInputs, type ArticleResult, type ReadOptions } from '../../src/ingest/index.js';

/** A temp folder with helpers to write files into it; call `cleanup()` when done. */
export function tempDir(): { dir: string; write: (rel: string, content: string | Uint8Array) => string; cleanup: () => void } {
  const dir = mkdtempSync(path.join(tmpdir(), 'sitrep-ingest-'));
  return {
    dir,
    write(rel, content) {
      const full = path.join(dir, rel);
      mkdirSync(path.dirname(full), { recursive: true });
      writeFileSync(full, content);
      return full;
    },
    cleanup: () => rmSync(dir, { recursive: true, force: true }),
  };
}

/** Collect every result of readInputs. */
export async function collect(inputs: string[], opts: ReadOptions = {}): Promise<ArticleResult[]> {
  const out: ArticleResult[] = [];
  for await (const r of readInputs(inputs, opts)) out.push(r);
  return out;
}

/** The article of an ok result, failing the test otherwise. */
export function ok(r: ArticleResult | undefined) {
  if (!r || !r.ok) throw new Error(`expected an article, got ${JSON.stringify(r && !r.ok ? r.error : r)}`);
  return r.article;
}

/** The error of a failed result, failing the test otherwise. */
export function err(r: ArticleResult | undefined) {
  if (!r || r.ok) throw new Error(`expected an error, got ${JSON.stringify(r)}`);
  return r;
}
