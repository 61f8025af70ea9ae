/**
 * `npm run build` (also run by `npm install` / `npm ci` as `prepare`):
 * transpiles src/**\/*.ts to JavaScript in dist/ with esbuild, one file per
 * module in the same folder layout (so paths such as `../../data/` resolve
 * the same), and copies the other files of src/ (the UI, cues.json) beside
 * them. Types are not checked here (`npm run typecheck` does that).
 *
 * bin/sitrep.mjs runs dist/ when it is at least as new as every file of
 * src/, and src/ through tsx otherwise, so an edit to src/ is never run
 * stale. Running plain JavaScript saves tsx's loader thread and its
 * transpiling at every start (about 20-40 MB of resident memory and a few
 * hundred ms).
 *
 *   node scripts/build.mjs [--out DIR]
 *
 * Plain JavaScript on purpose: it runs before tsx is needed. Exits 1 with a
 * message naming the file when esbuild fails.
 */
import { cpSync, mkdirSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const SRC = join(ROOT, 'src');
// --out DIR: another output folder (tests); it must sit beside src/ for the data paths to resolve
const { values } = parseArgs({ options: { out: { type: 'string' } } });
const DIST = values.out ? resolve(values.out) : join(ROOT, 'dist');

/** Every file under `dir`, sorted (so the build is the same on every machine). */
function walk(dir) {
  const out = [];
  for (const name of readdirSync(dir).sort()) {
    const full = join(dir, name);
    if (statSync(full).isDirectory()) out.push(...walk(full));
    else out.push(full);
  }
  return out;
}

const files = walk(SRC);
const ts = files.filter((f) => f.endsWith('.ts') && !f.endsWith('.d.ts'));
const other = files.filter((f) => !f.endsWith('.ts'));
rmSync(DIST, { recursive: true, force: true });
try {
  await build({
    entryPoints: ts,
    outdir: DIST,
    outbase: SRC,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    bundle: false,
    sourcemap: 'linked',
    logLevel: 'error',
  });
} catch (err) {
  console.error(`build: esbuild could not transpile src/: ${err.message}`);
  process.exit(1);
}
for (const f of other) {
  const to = join(DIST, relative(SRC, f));
  mkdirSync(join(to, '..'), { recursive: true });
  cpSync(f, to);
}
// written last: its time marks the build as complete
writeFileSync(join(DIST, 'BUILD.json'), JSON.stringify({ modules: ts.length, files: other.length }) + '\n');
console.log(`build: ${ts.length} modules and ${other.length} other files from src/ into ${relative(ROOT, DIST) || DIST}/`);
