/**
 * Benchmark the named-entity recognizer alone (one core): model load time and
 * tokens per second of `recognize` on pre-tokenized news text.
 *
 *   node --import tsx scripts/bench-ner.ts [--data DIR] [--seconds 5]
 *
 * Text: the CoNLL-2003 test documents as raw text when the shared data is
 * there, otherwise a built-in sample repeated.
 */
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { emptyDoc, type Doc } from '../src/doc.js';
import { readConll } from '../src/entities/ner/conll.js';
import { DEFAULT_NER_MODEL, recognize } from '../src/entities/ner/index.js';
import { readQuantizedModel, NerTagger } from '../src/entities/ner/model.js';
import { tokenize } from '../src/text/tokenize.js';
import { readFileSync } from 'node:fs';

const ROOT = resolve(fileURLToPath(new URL('..', import.meta.url)));
const { values: args } = parseArgs({
  options: {
    data: { type: 'string', default: process.env.SITREP_DATA ?? resolve(ROOT, '..', 'shared', 'data') },
    seconds: { type: 'string', default: '5' },
    model: { type: 'string', default: process.env.SITREP_NER_MODEL ?? DEFAULT_NER_MODEL },
  },
});

const SAMPLE = [
  'Russian President Vladimir Putin spoke with Emmanuel Macron in Paris on Monday.',
  'The European Union said on Tuesday it would send observers to Georgia after talks in Brussels.',
  'Shares of General Motors rose 3 percent in New York as the United Auto Workers union ended its strike.',
].join('\n');

function texts(): string[] {
  const f = join(args.data!, 'conll2003', 'test.txt');
  if (existsSync(f)) return readConll(f).map((d) => d.text);
  return Array.from({ length: 200 }, () => SAMPLE);
}

const cpuMs = (u: NodeJS.CpuUsage) => (u.user + u.system) / 1000;
const t0 = performance.now();
const c0 = process.cpuUsage();
const bytes = readFileSync(args.model!);
const tagger = new NerTagger(readQuantizedModel(bytes));
const loadMs = performance.now() - t0;
const loadCpu = cpuMs(process.cpuUsage(c0));
console.log(
  `model ${args.model}: ${(bytes.length / 1e6).toFixed(2)} MB, loaded in ${loadMs.toFixed(0)} ms wall / ${loadCpu.toFixed(0)} ms CPU (${tagger.nFeatures} features)`,
);

const docs: Doc[] = texts().map((text) => {
  const { tokens, sentences } = tokenize(text);
  return { ...emptyDoc({ id: 'bench', title: null, published: null, url: null, source: null, text }), tokens, sentences };
});
const nTok = docs.reduce((a, d) => a + d.tokens.length, 0);
// warm-up
for (const d of docs.slice(0, 20)) recognize(d, tagger);
const limit = Number(args.seconds) * 1000;
let tokens = 0;
let passes = 0;
const start = performance.now();
const c1 = process.cpuUsage();
while (performance.now() - start < limit) {
  for (const d of docs) {
    recognize(d, tagger);
    tokens += d.tokens.length;
  }
  passes++;
}
const secs = (performance.now() - start) / 1000;
const cpu = cpuMs(process.cpuUsage(c1)) / 1000;
const fmt = (x: number) => Math.round(x).toLocaleString('en-US');
console.log(`recognize: ${docs.length} docs, ${nTok} tokens x ${passes} passes in ${secs.toFixed(1)} s wall, ${cpu.toFixed(1)} s CPU`);
console.log(`  ${fmt(tokens / secs)} tokens/s wall clock, ${fmt(tokens / cpu)} tokens/s per CPU second (one core; the CPU figure holds on a busy machine)`);
