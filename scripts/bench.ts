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
 * as JSON Lines to a child process that runs the pipeline, so the peak
 * memory printed is the pipeline's own (models, lexicons, documents), not the
 * SGML reader's.
 */
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { readReuters, type ReutersStory } from '../src/eval/reuters.js';
import { COMPONENTS } from '../src/components.js';
import { emptyDoc, type Doc } from '../src/doc.js';
import { documentId } from '../src/ingest/index.js';

const { values } = parseArgs({ options: { stories: { type: 'string', default: '2000' }, data: { type: 'string' }, 'stories-file': { type: 'string' } } });
const root = fileURLToPath(new URL('../', import.meta.url));

if (!values['stories-file']) {
  // parent: read the SGML, hand the stories to a child that runs the pipeline
  const dir = resolve(values.data ?? resolve(root, '..', 'shared', 'data'), 'reuters21578');
  if (!existsSync(dir)) {
    console.error(`bench: ${dir} not found (pass --data DIR)`);
    process.exit(1);
  }
  const tmp = mkdtempSync(join(tmpdir(), 'sitrep-bench-'));
  try {
    const file = join(tmp, 'stories.jsonl');
    writeFileSync(file, readReuters(dir, Number(values.stories) || Infinity).map((s) => JSON.stringify(s)).join('\n') + '\n');
    const self = fileURLToPath(import.meta.url);
    const r = spawnSync(process.execPath, [...process.execArgv, self, '--stories-file', file], { stdio: 'inherit', cwd: root });
    process.exitCode = r.status ?? 1;
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
  process.exit();
}
const stories: ReutersStory[] = readFileSync(values['stories-file'], 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l));

const perComponent = new Map<string, number>();
// warm-up: loads models and lexicons once, timed separately
let t = performance.now();
{
  let doc: Doc = emptyDoc({ id: 'warm', title: null, published: '1987-03-01', url: null, source: null, text: 'The minister said on Monday that talks with France would resume.' });
  for (const c of COMPONENTS) doc = { ...doc, ...c.run(doc) };
}
const loadMs = performance.now() - t;

let sentences = 0;
let tokens = 0;
let events = 0;
const start = performance.now();
for (const s of stories) {
  let doc: Doc = emptyDoc({ id: documentId(s.text, s.title), title: s.title, published: s.published, url: null, source: null, text: s.text });
  for (const c of COMPONENTS) {
    t = performance.now();
    doc = { ...doc, ...c.run(doc) };
    perComponent.set(c.name, (perComponent.get(c.name) ?? 0) + performance.now() - t);
  }
  sentences += doc.sentences.length;
  tokens += doc.tokens.length;
  events += doc.events.length;
}
const sec = (performance.now() - start) / 1000;
const rssMb = process.resourceUsage().maxRSS / 1024;
const f = (n: number) => Math.round(n).toLocaleString('en-US');
console.log(`bench: Reuters-21578, ${stories.length} stories, ${f(sentences)} sentences, ${f(tokens)} tokens, ${f(events)} events`);
console.log(`pipeline: ${f(stories.length / sec)} documents/s, ${f(sentences / sec)} sentences/s, ${f(tokens / sec)} tokens/s (one core, ${sec.toFixed(1)} s)`);
console.log(`load (models and lexicons, first document): ${f(loadMs)} ms`);
for (const [name, ms] of perComponent) console.log(`  ${name.padEnd(12)} ${f(ms)} ms  ${f(sentences / (ms / 1000))} sentences/s  ${f(tokens / (ms / 1000))} tokens/s`);
console.log(`peak memory (max RSS): ${f(rssMb)} MB`);
