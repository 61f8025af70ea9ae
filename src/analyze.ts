/**
 * The main job for one article: metadata in, annotated {@link Doc} out.
 */
import type { Doc, DocumentMeta } from './doc.js';
import { COMPONENTS } from './components.js';
import { runPipeline } from './pipeline.js';

/**
 * Run the default pipeline over a document.
 * @param meta document metadata with the plain text (offsets are UTF-16 code units into `meta.text`)
 * @returns the annotated document; deterministic for the same input
 * @throws SitrepError `data_missing` when a project data file is absent
 */
export function analyze(meta: DocumentMeta): Doc {
  return runPipeline(meta, COMPONENTS);
}

/** The JSON form of a document: the contract printed by `sitrep extract --format json` (tokens omitted). */
export function docToJson(doc: Doc, opts: { tokens?: boolean } = {}): Record<string, unknown> {
  const { tokens, ...rest } = doc;
  return opts.tokens ? { ...rest, tokens } : { ...rest, sentences: doc.sentences.map((s) => ({ start: s.start, end: s.end })) };
}
