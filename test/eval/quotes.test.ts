import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { articleSplit, defaultPolnearDir, evalQuotes, formatQuotesReport, loadPolnear, parseAnn, scoreDoc } from '../../src/eval/quotes.js';
import type { Quote } from '../../src/doc.js';

const dir = defaultPolnearDir();
const haveData = existsSync(join(dir, 'data'));
if (!haveData) console.warn(`[quotes eval] PolNeAR not found at ${dir} (set POLNEAR_DIR): skipping the PolNeAR evaluation test`);

describe('quotes eval: scoring', () => {
  it('parses brat attribution relations with discontinuous spans', () => {
    const ann = ['T1\tSource 0 4\tAnna', 'T2\tCue 5 9\tsaid', 'T3\tContent 10 14;20 24\tthis ... that', 'T4\tAttribution 5 9\tsaid', 'E1\tAttribution:T4 Content:T3 Cue:T2 Source:T1', 'T5\tCue 30 35\tnoted', 'T6\tContent 36 40\tmore', 'E2\tAttribution:T5 Content:T6 Cue:T5'].join('\n');
    const rels = parseAnn(ann);
    expect(rels).toHaveLength(2);
    expect(rels[0].content).toEqual([[10, 14], [20, 24]]);
    expect(rels[0].source).toEqual([[0, 4]]);
    expect(rels[1].source).toBeNull();
  });

  it('scores overlap and exact matches and source accuracy', () => {
    const text = 'Anna said “the bridge is closed,” and left.';
    const gold = [{ content: [[10, 33]] as Array<[number, number]>, cue: [[5, 9]] as Array<[number, number]>, source: [[0, 4]] as Array<[number, number]> }];
    const q: Quote = { text: 'the bridge is closed', start: 11, end: 31, direct: true, speaker: { text: 'Anna', start: 0, end: 4, code: null, country: null }, cue: { text: 'said', start: 5, end: 9 }, sentence: 0, rule: 'test' };
    const s = scoreDoc(text, gold, [q]);
    expect(s.tpOverlap).toBe(1);
    expect(s.tpExact).toBe(1);
    expect(s.cueTpExact).toBe(1);
    expect(s.sourceOk).toBe(1);
  });

  it('pairs a nested predicted relation with the gold relation that shares its cue', () => {
    const text = 'Anna said Ben thinks the bridge is closed.';
    const sp = (a: string): Array<[number, number]> => [[text.indexOf(a), text.indexOf(a) + a.length]];
    // gold: outer (Anna said [Ben thinks the bridge is closed]) listed first, inner (Ben thinks [the bridge is closed])
    const gold = [
      { content: sp('Ben thinks the bridge is closed'), cue: sp('said'), source: sp('Anna') },
      { content: sp('the bridge is closed'), cue: sp('thinks'), source: sp('Ben') },
    ];
    const c = sp('the bridge is closed')[0];
    const q: Quote = { text: 'the bridge is closed', start: c[0], end: c[1], direct: false, speaker: { text: 'Ben', start: 10, end: 13, code: null, country: null }, cue: { text: 'thinks', start: 14, end: 20 }, sentence: 0, rule: 'test' };
    const s = scoreDoc(text, gold, [q]);
    expect(s.pairs).toEqual([[1, 0]]);
    expect(s.sourceOk).toBe(1);
    expect(s.sameRelation).toBe(1);
  });

  it('has a deterministic split of about 30% test', () => {
    expect(articleSplit('politico_2016-01-01_example')).toBe(articleSplit('politico_2016-01-01_example'));
    if (!haveData) return;
    const all = loadPolnear(dir, 'all');
    const test = all.filter((a) => articleSplit(a.stem) === 'test').length;
    expect(test / all.length).toBeGreaterThan(0.25);
    expect(test / all.length).toBeLessThan(0.35);
  });
});

describe.skipIf(!haveData)('quotes eval on PolNeAR (held-out test split)', () => {
  it('stays above the measured floors', async () => {
    const r = await evalQuotes({ dataDir: dir, split: 'test' });
    console.log(formatQuotesReport(r));
    expect(r.articles).toBeGreaterThan(200);
    // measured on the full test split (249 articles): content overlap F1 73.8 (P 88.7, R 63.1),
    // exact F1 47.1, cue overlap F1 69.5, source accuracy 85.7% (content-matched) and 93.4%
    // (matched by content and cue); floors = measured minus a margin
    expect(r.contentOverlap.f1).toBeGreaterThan(0.71);
    expect(r.contentOverlap.p).toBeGreaterThan(0.86);
    expect(r.contentExact.f1).toBeGreaterThan(0.44);
    expect(r.cueOverlap.f1).toBeGreaterThan(0.66);
    expect(r.sourceAccuracy).toBeGreaterThan(0.83);
    expect(r.sourceAccuracySameCue).toBeGreaterThan(0.9);
  });
});
