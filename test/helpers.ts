/** Shared test helpers: locating ../shared and building docs from text. */
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { analyze } from '../src/analyze.js';
import { documentId } from '../src/ingest/index.js';
import type { Doc } from '../src/doc.js';

/** `../shared` beside the project root (absent on machines without the gold data). */
export const SHARED = resolve(fileURLToPath(new URL('../', import.meta.url)), '..', 'shared');
export const HAS_SHARED = existsSync(resolve(SHARED, 'data'));
export const SKIP_SHARED_MSG = `../shared is absent (looked in ${SHARED}): tests that need the gold data are skipped`;

/** Analyse a text with the default pipeline. */
export function analyzeText(text: string, published: string | null = null, title: string | null = null): Doc {
  return analyze({ id: documentId(text, title), title, published, url: null, source: null, text });
}

/** Read a file under ../shared. */
export function readShared(rel: string): string {
  return readFileSync(resolve(SHARED, rel), 'utf8');
}
