/**
 * `npm run corpus`: runs the pipeline over all of Reuters-21578, MEANTIME and
 * the VOA stories in ../shared/data, and prints failures and event yield.
 *   npm run corpus -- --data DIR --every N   (Reuters: one story in N; default 1 = all)
 */
import { parseArgs } from 'node:util';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { formatCorpusReport, meantimeArticles, reutersArticles, runCorpus, voaArticles } from '../src/eval/corpus.js';

const { values } = parseArgs({ options: { data: { type: 'string' }, every: { type: 'string', default: '1' } } });
const dataDir = resolve(values.data ?? resolve(fileURLToPath(new URL('../', import.meta.url)), '..', 'shared', 'data'));
let failed = 0;
for (const [name, load] of [
  ['voa_news', () => voaArticles(dataDir)],
  ['meantime_en', () => meantimeArticles(dataDir)],
  ['reuters21578', () => reutersArticles(dataDir, Number(values.every) || 1)],
] as const) {
  const r = await runCorpus(name, load());
  console.log(formatCorpusReport(r));
  for (const f of r.failures.slice(0, 20)) console.log(`  failed ${f.id}: ${f.code}: ${f.message}`);
  failed += r.failures.length;
}
process.exitCode = failed ? 1 : 0;
