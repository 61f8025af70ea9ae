/**
 * Throughput of the TIMEX3 extractor alone (recognisers + refiners +
 * normalisation, tense included) over the TempEval-3 text, tokenised
 * beforehand. Prints sentences per second (target: >= 5,000).
 *
 *   node --import tsx scripts/bench-time.ts [dataDir] [rounds]
 */
import { performance } from 'node:perf_hooks';
import { defaultDataDir, loadTimexCorpus } from '../src/eval/timex.js';
import type { Doc } from '../src/doc.js';
import { emptyDoc } from '../src/doc.js';
import { tokenize } from '../src/text/tokenize.js';
import { extractTimexes } from '../src/time/index.js';

const dataDir = process.argv[2] ?? defaultDataDir();
const rounds = Number(process.argv[3] ?? 5);
const eds = loadTimexCorpus('tempeval3', dataDir);
if (!eds.length) {
  console.error(`no TempEval-3 documents under ${dataDir}`);
  process.exit(1);
}
const docs: Doc[] = eds.map((ed) => {
  const d = emptyDoc({ id: ed.id, title: null, published: ed.dct, url: null, source: null, text: ed.text });
  return { ...d, ...tokenize(ed.text) };
});
const sentences = docs.reduce((a, d) => a + d.sentences.length, 0);
let timexes = 0;
for (const d of docs) timexes += extractTimexes(d).length; // warm-up
const t0 = performance.now();
for (let r = 0; r < rounds; r++) for (const d of docs) extractTimexes(d);
const ms = performance.now() - t0;
const perSec = (sentences * rounds) / (ms / 1000);
console.log(`docs ${docs.length}  sentences ${sentences}  timexes ${timexes}  rounds ${rounds}`);
console.log(`time ${ms.toFixed(0)} ms  ->  ${Math.round(perSec).toLocaleString('en-US')} sentences/s (${((docs.length * rounds) / (ms / 1000)).toFixed(0)} docs/s)`);
