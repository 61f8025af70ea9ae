/**
 * Helpers shared by the data build scripts: where the shared reference data
 * is, and deterministic JSON (sorted keys, so the same input gives the same bytes).
 */
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The project root (the folder holding package.json). */
export const PROJECT_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');

/**
 * The shared data directory ($SITREP_SHARED, default `../shared`, or its `data/`
 * folder), recognised by holding `probe` (e.g. `countries`).
 * @throws Error naming the folder looked in when it is absent.
 */
export function findSharedData(probe: string): string {
  const base = resolve(PROJECT_ROOT, process.env.SITREP_SHARED ?? '../shared');
  for (const cand of [join(base, 'data'), base]) {
    if (existsSync(join(cand, probe))) return cand;
  }
  throw new Error(`shared data not found under ${base} (set SITREP_SHARED)`);
}

/** A copy of `v` with object keys sorted (recursively) and undefined values dropped. */
export function sortKeys(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(sortKeys);
  if (v && typeof v === 'object') {
    const o: Record<string, unknown> = {};
    for (const k of Object.keys(v as object).sort()) {
      const x = (v as Record<string, unknown>)[k];
      if (x !== undefined) o[k] = sortKeys(x);
    }
    return o;
  }
  return v;
}

/** JSON with sorted keys. */
export const stable = (v: unknown): string => JSON.stringify(sortKeys(v));
