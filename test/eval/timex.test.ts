import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { TimexError } from '../../src/eval/timex.js';
import { defaultDataDir, evalTimex, formatTimexErrors, formatTimexReport, fnv1a32, parseTimeML, runDoc, scoreDoc, splitOf } from '../../src/eval/timex.js';

const dataDir = defaultDataDir();
const haveTE3 = fs.existsSync(path.join(dataDir, 'tempeval3', 'TBAQ-cleaned'));
const haveMeantime = fs.existsSync(path.join(dataDir, 'meantime_en', 'intra-doc_annotation'));

describe('timex eval helpers', () => {
  it('split is a deterministic hash of the path', () => {
    expect(fnv1a32('')).toBe(0x811c9dc5);
    expect(splitOf('TimeBank/wsj_0006.tml')).toBe(splitOf('TimeBank/wsj_0006.tml'));
    const ids = Array.from({ length: 1000 }, (_, i) => `doc${i}.tml`);
    const test = ids.filter((i) => splitOf(i) === 'test').length;
    expect(test).toBeGreaterThan(230);
    expect(test).toBeLessThan(370);
  });
  it('reports missing data as data_missing', async () => {
    await expect(evalTimex({ dataDir: '/nonexistent/sitrep-data' })).rejects.toMatchObject({ code: 'data_missing' });
  });
  it('parses TimeML text and gold spans', () => {
    const xml = `<?xml version="1.0" ?><TimeML><DOCID>x</DOCID><DCT><TIMEX3 tid="t0" type="DATE" value="2025-08-13" functionInDocument="CREATION_TIME">20250813</TIMEX3></DCT><TEXT>
The envoy arrived <TIMEX3 tid="t1" type="DATE" value="2025-08-12">yesterday</TIMEX3> for <TIMEX3 tid="t2" type="DURATION" value="P2D">two days</TIMEX3>.
</TEXT></TimeML>`;
    const d = parseTimeML(xml, 'x.tml');
    expect(d.dct).toBe('2025-08-13');
    expect(d.gold.map((g) => [d.text.slice(g.start, g.end), g.type, g.value])).toEqual([
      ['yesterday', 'DATE', '2025-08-12'],
      ['two days', 'DURATION', 'P2D'],
    ]);
  });
  it('lists missed and spurious timexes with doc id, text, values and rule', () => {
    // gold marks a phrase the extractor does not know (missed) and leaves "Friday" out (spurious)
    const xml = `<?xml version="1.0" ?><TimeML><DOCID>y</DOCID><DCT><TIMEX3 tid="t0" type="DATE" value="2025-08-13" functionInDocument="CREATION_TIME">20250813</TIMEX3></DCT><TEXT>
The port reopened <TIMEX3 tid="t1" type="DATE" value="2025-W32">the previous fortnight-ish</TIMEX3> and the ferry sailed Friday.
</TEXT></TimeML>`;
    const d = parseTimeML(xml, 'y.tml');
    const errors: TimexError[] = [];
    scoreDoc(d, runDoc(d).timexes, errors);
    const out = formatTimexErrors(errors, ['missed', 'spurious']).split('\n');
    expect(out[0].split('\t')[0]).toBe('kind');
    expect(out.slice(1).map((l) => l.split('\t').slice(0, 8))).toEqual([
      ['missed', 'y.tml', 'the previous fortnight-ish', 'DATE', '2025-W32', '', '', ''],
      ['spurious', 'y.tml', '', '', '', 'Friday', 'DATE', '2025-08-08'],
    ]);
    expect(formatTimexErrors(errors, ['value']).split('\n')).toHaveLength(1);
  });
});

describe.skipIf(!haveTE3)('timex eval on TempEval-3', () => {
  it('reports per corpus and split with value F1 above the floor', async () => {
    const r = await evalTimex({ dataDir, corpus: 'tempeval3', split: 'dev', limit: 25 });
    expect(r.sections).toHaveLength(1);
    const s = r.sections[0].scores;
    expect(s.docs).toBe(25);
    expect(s.gold).toBeGreaterThan(50);
    for (const k of ['strict', 'relaxed'] as const) {
      expect(s[k].f1).toBeGreaterThan(0);
      expect(s[k].p).toBeLessThanOrEqual(100);
    }
    // measured on these 25 dev documents: relaxed F1 95.6, value F1 76.8; floors = measured - ~5
    expect(s.relaxed.f1).toBeGreaterThan(FLOOR_RELAXED);
    expect(s.valueF1).toBeGreaterThan(FLOOR_VALUE);
    expect(formatTimexReport(r)).toMatch(/tempeval3\s+dev/);
  });
});

describe.skipIf(!haveMeantime)('timex eval on MEANTIME', () => {
  it('scores only the annotated region and reports value F1', async () => {
    const r = await evalTimex({ dataDir, corpus: 'meantime', split: 'dev', limit: 15 });
    const s = r.sections[0].scores;
    expect(s.docs).toBe(15);
    expect(s.valueF1).toBeGreaterThan(FLOOR_MEANTIME_VALUE);
  });
});

if (!haveTE3) console.warn(`[timex eval test] skipped: no TempEval-3 data under ${dataDir}`);

const FLOOR_RELAXED = 90;
const FLOOR_VALUE = 71;
// measured on these 15 dev documents: value F1 82.5
const FLOOR_MEANTIME_VALUE = 75;
