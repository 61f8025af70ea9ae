/**
 * `npm run bench`: throughput and memory of the sitrep pipeline on
 * Reuters-21578 (../shared/data/reuters21578), one core, printed as figures.
 *
 *   npm run bench -- --stories 3000     (default 2000 stories; 0 = all 19,043)
 *
 * Prints documents/s, sentences/s, tokens/s for the whole pipeline, time per
 * component, peak resident memory, and model/lexicon load time.
 *
 * The stories are read from the SGML (linkedom) in this process and handed
 * as JSON Lines to a child process, scripts/bench-pipeline.mjs, that runs the
 * pipeline as `sitrep` runs it: the JavaScript build in dist/ (rebuilt here
 * when src/ is newer, see scripts/build.mjs), with the V8 flags of bin/sitrep.mjs. So
 * the peak memory printed is the pipeline's own (models, lexicons,
 * documents), not the SGML reader's or tsx's.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { readReuters } from '../src/eval/reuters.js';
import { V8_FLAGS } from '../bin/flags.mjs';
import { distIsFresh } from '../bin/runtime.mjs';

const { values } = parseArgs({ options: { stories: { type: 'string', default: '2000' }, data: { type: 'string' } } });
const root = fileURLToPath(new URL('../', import.meta.url));

const dir = resolve(values.data ?? resolve(root, '..', 'shared', 'data'), 'reuters21578');
if (!existsSync(dir)) {
  console.error(`bench: ${dir} not found (pass --data DIR)`);
  process.exit(1);
}
const tmp = mkdtempSync(join(tmpdir(), 'sitrep-bench-'));
try {
  const file = join(tmp, 'stories.jsonl');
  writeFileSync(file, readReuters(dir, Number(values.stories) || Infinity).map((s) => JSON.stringify(s)).join('\n') + '\n');
  // rebuild only when src/ changed: a rebuild replaces dist/ under any sitrep process running from it
  const built = distIsFresh(root, {}) || spawnSync(process.execPath, [join(root, 'scripts', 'build.mjs')], { stdio: ['ignore', 'ignore', 'inherit'], cwd: root }).status === 0;
  if (!built) {
    console.error('bench: the build of dist/ failed (see above)');
    process.exitCode = 1;
  } else {
    const r = spawnSync(process.execPath, [...V8_FLAGS, join(root, 'scripts', 'bench-pipeline.mjs'), file], { stdio: 'inherit', cwd: root });
    process.exitCode = r.status ?? 1;
  }
} finally {
  rmSync(tmp, { recursive: true, force: true });
}
