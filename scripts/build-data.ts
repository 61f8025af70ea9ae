/**
 * Build every file in `data/` from the shared reference data, in order:
 *
 * 1. `scripts/data/build-geo.ts`          -> countries.json, places.json, leaders.json
 * 2. `scripts/data/build-cameo.ts`        -> cameo.json
 * 3. `scripts/data/build-dictionaries.ts` -> (if that script exists)
 *
 * Each step runs as a child process (`node --import tsx <script>`), so each script stays runnable
 * on its own. Env: `SITREP_SHARED` (default `../shared` relative to the project root) is passed on.
 *
 * Run: `npm run build:data`
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const STEPS = ['scripts/data/build-geo.ts', 'scripts/data/build-cameo.ts', 'scripts/data/build-dictionaries.ts'];
const OPTIONAL = new Set(['scripts/data/build-dictionaries.ts']);

for (const step of STEPS) {
  const path = join(ROOT, step);
  if (!existsSync(path)) {
    if (OPTIONAL.has(step)) {
      console.log(`skip ${step} (not present)`);
      continue;
    }
    console.error(`missing ${step}`);
    process.exit(1);
  }
  console.log(`run ${step}`);
  const t0 = Date.now();
  const r = spawnSync(process.execPath, ['--import', 'tsx', path], { cwd: ROOT, stdio: 'inherit', env: process.env });
  if (r.status !== 0) {
    console.error(`${step} failed (exit ${r.status ?? r.signal})`);
    process.exit(r.status ?? 1);
  }
  console.log(`done ${step} in ${((Date.now() - t0) / 1000).toFixed(1)}s`);
}
