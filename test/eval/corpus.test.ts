/** The pipeline runs without failure over real corpora and finds events in political news. */
import { describe, expect, it } from 'vitest';
import { resolve } from 'node:path';
import { HAS_SHARED, SHARED, SKIP_SHARED_MSG } from '../helpers.js';
import { meantimeArticles, reutersArticles, runCorpus, voaArticles } from '../../src/eval/corpus.js';

if (!HAS_SHARED) console.warn(SKIP_SHARED_MSG);
const DATA = resolve(SHARED, 'data');

describe.skipIf(!HAS_SHARED)('corpus runs', () => {
  it('codes events in most Voice of America political stories, with no failure', async () => {
    const r = await runCorpus('voa', voaArticles(DATA));
    expect(r.failures).toEqual([]);
    expect(r.documents).toBe(89);
    expect(r.withEvents / r.documents).toBeGreaterThan(0.85);
  });

  it('runs over every MEANTIME article without failure', async () => {
    const r = await runCorpus('meantime', meantimeArticles(DATA));
    expect(r.failures).toEqual([]);
    expect(r.documents).toBe(96);
  });

  it('runs over a sample of Reuters-21578 (one story in 40) without failure', async () => {
    const r = await runCorpus('reuters', reutersArticles(DATA, 40));
    expect(r.failures).toEqual([]);
    expect(r.documents).toBeGreaterThan(450);
    expect(r.sentences).toBeGreaterThan(3000);
  });
});
