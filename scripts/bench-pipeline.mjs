/**
 * The measured half of `npm run bench` (see scripts/bench.ts): runs every
 * pipeline component, from the JavaScript build in dist/, over the stories of
 * a JSON Lines file, and prints throughput per component and peak memory.
 *
 *   node scripts/bench-pipeline.mjs stories.jsonl     (one {title, published, text} per line)
 */
import { readFileSync } from 'node:fs';
import { COMPONENTS } from '../dist/components.js';
import { emptyDoc } from '../dist/doc.js';
import { documentId } from '../dist/ingest/index.js';

const stories = readFileSync(process.argv[2], 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l));

const perComponent = new Map();
// warm-up: loads models and lexicons once, timed separately
let t = performance.now();
{
  let doc = emptyDoc({ id: 'warm', title: null, published: '1987-03-01', url: null, source: null, text: 'The minister said on Monday that talks with France would resume.' });
  for (const c of COMPONENTS) doc = { ...doc, ...c.run(doc) };
}
const loadMs = performance.now() - t;

let sentences = 0;
let tokens = 0;
let events = 0;
const start = performance.now();
for (const s of stories) {
  let doc = emptyDoc({ id: documentId(s.text, s.title), title: s.title, published: s.published, url: null, source: null, text: s.text });
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
const f = (n) => Math.round(n).toLocaleString('en-US');
console.log(`bench: Reuters-21578, ${stories.length} stories, ${f(sentences)} sentences, ${f(tokens)} tokens, ${f(events)} events`);
console.log(`pipeline: ${f(stories.length / sec)} documents/s, ${f(sentences / sec)} sentences/s, ${f(tokens / sec)} tokens/s (one core, ${sec.toFixed(1)} s)`);
console.log(`load (models and lexicons, first document): ${f(loadMs)} ms`);
for (const [name, ms] of perComponent) console.log(`  ${name.padEnd(12)} ${f(ms)} ms  ${f(sentences / (ms / 1000))} sentences/s  ${f(tokens / (ms / 1000))} tokens/s`);
console.log(`peak memory (max RSS): ${f(rssMb)} MB`);
