import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { MIGRATIONS, Store } from '../../src/store/index.js';
import { bandKeys, jaccard, minhash, shingles } from '../../src/store/neardup.js';
import { codeKey, matchRange } from '../../src/store/situations.js';
import { allDocs, docV, docW, docX, docY, docZ, TEXT_X, TEXT_Z, X_ID, Y_ID, Z_ID } from '../server/fixtures.js';

let dir: string;
let file: string;
let store: Store;

beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'sitrep-merge-'));
  file = path.join(dir, 'm.db');
  store = Store.open(file);
});
afterEach(() => {
  store.close();
  rmSync(dir, { recursive: true, force: true });
});

/** situations as [cameo, date, location, sources, mention doc ids] */
const summary = (s: Store) =>
  s
    .searchSituations({ sort: '-sources', limit: 100 })
    .items.map((x) => [x.cameo, x.date, x.location, x.sources, x.mentions.map((m) => m.docId.slice(7, 8))])
    .sort((a, b) => (b[3] as number) - (a[3] as number) || (JSON.stringify(a) < JSON.stringify(b) ? -1 : 1));

describe('near-duplicates', () => {
  it('shingles, Jaccard and MinHash bands', () => {
    expect(jaccard(shingles(TEXT_X), shingles(TEXT_X))).toBe(1);
    expect(jaccard(shingles(TEXT_X), shingles(TEXT_Z))).toBeGreaterThan(0.8);
    expect(shingles('too short to shingle')).toEqual(new Set());
    expect(minhash(new Set())).toBeNull();
    const a = bandKeys(minhash(shingles(TEXT_X))!);
    const b = bandKeys(minhash(shingles(TEXT_Z))!);
    expect(a.filter((k, i) => k === b[i]).length).toBeGreaterThan(0); // shares a band: a candidate
    expect(bandKeys(minhash(shingles(TEXT_X))!)).toEqual(a); // deterministic
  });

  it('a wire copy points to the first stored copy; a copy of a copy to the same original', () => {
    store.putDocument(docX());
    store.putDocument(docZ());
    const copy2 = docZ();
    copy2.document.id = 'sha256:3333333333333334';
    copy2.document.text = copy2.document.text.replace('river crossing', 'river ford');
    store.putDocument(copy2);
    expect(store.documentSummary(Z_ID)).toMatchObject({ duplicateOf: X_ID });
    expect(store.documentSummary(copy2.document.id)).toMatchObject({ duplicateOf: X_ID });
    expect(store.documentSummary(X_ID)!.duplicates).toEqual([Z_ID, copy2.document.id]);
    // different articles are not duplicates
    store.putDocument(docY());
    expect(store.documentSummary(Y_ID)!.duplicateOf).toBeNull();
  });
});

describe('situation events', () => {
  it('helpers: code keys and date matching ranges', () => {
    expect(codeKey(['RUSGOV', null, 'UKR', 'RUSGOV'])).toBe('RUSGOV+UKR');
    expect(codeKey([])).toBe('');
    expect(matchRange('2025-03-03', false)).toEqual({ from: '2025-03-03', to: '2025-03-03' });
    expect(matchRange('2025-03-10', true)).toEqual({ from: '2025-03-03', to: '2025-03-10' });
    expect(matchRange('PAST_REF', false)).toBeNull();
  });

  it('merges same actors, family, compatible date and place; keeps the rest apart', () => {
    for (const d of allDocs()) store.putDocument(d);
    expect(summary(store)).toEqual([
      ['111', '2025-03-03', 'BOR', 2, ['1', '2', '3']],
      ['043', '2025-03-03', null, 1, ['1']],
      ['111', '2025-03-03', 'SYL', 1, ['5']],
      ['111', '2025-05', null, 1, ['4']],
    ]);
  });

  it('a month-level report joins a day-level one and a defaulted date stands for the week before', () => {
    store.putDocument(docX());
    const month = docW();
    month.document.id = 'sha256:6666666666666666';
    month.events[0].date = '2025-03';
    store.putDocument(month);
    const late = docY();
    late.document.id = 'sha256:7777777777777777';
    late.events[0].date = '2025-03-08';
    late.events[0].dateDefaulted = true; // reported on the 8th without a date: may be the 3rd
    store.putDocument(late);
    const s = store.searchSituations({ code: '11' }).items;
    expect(s).toHaveLength(1);
    expect(s[0]).toMatchObject({ date: '2025-03-03', sources: 3, mentionCount: 3 });
  });

  it('events without codes or dates are not merged; uncoded events get no situation', () => {
    const a = docY();
    a.events[0].actor[0].code = null;
    a.events[0].recipient[0].code = null;
    const b = docY();
    b.document.id = 'sha256:8888888888888888';
    b.document.text = b.document.text.replace('Monday', 'Sunday');
    b.events[0].actor[0].code = null;
    b.events[0].recipient[0].code = null;
    const c = docV();
    c.events[0].date = null;
    const d = docX();
    d.events[1] = { ...d.events[1], status: 'uncoded', cameo: null, root: null, quadClass: null, goldstein: null, plover: null };
    for (const x of [a, b, c, d]) store.putDocument(x);
    const all = store.searchSituations({ limit: 100 }).items;
    expect(all.map((s) => s.mentionCount)).toEqual([1, 1, 1, 1]);
    expect(store.searchEvents({ doc: X_ID }).items.map((e) => e.situationId === null)).toEqual([false, true]);
  });

  it('is idempotent and transactional: a failed document leaves no merge rows', () => {
    store.putDocument(docX());
    const before = summary(store);
    store.putDocument(docX());
    expect(summary(store)).toEqual(before);
    const bad = docY();
    bad.events.push({ ...bad.events[0], status: 'bogus' as 'coded' });
    expect(() => store.putDocument(bad)).toThrow(expect.objectContaining({ code: 'store_failed' }));
    expect(summary(store)).toEqual(before);
    const raw = new Database(file, { readonly: true });
    const n = (sql: string) => (raw.prepare(sql).get() as { n: number }).n;
    expect(n(`SELECT COUNT(*) AS n FROM situation_mentions WHERE doc_id = '${Y_ID}'`)).toBe(0);
    expect(n(`SELECT COUNT(*) AS n FROM doc_lsh WHERE doc_id = '${Y_ID}'`)).toBe(0);
    expect(n('SELECT COUNT(*) AS n FROM situation_events WHERE id NOT IN (SELECT situation_id FROM situation_mentions)')).toBe(0);
    raw.close();
    store.putDocument(docY());
    expect(summary(store)[0]).toEqual(['111', '2025-03-03', 'BOR', 2, ['1', '2']]);
  });

  it('rebuildMerges gives the same picture in publication order', () => {
    for (const d of allDocs()) store.putDocument(d);
    const before = summary(store);
    store.rebuildMerges();
    expect(summary(store)).toEqual(before);
    expect(store.documentSummary(Z_ID)!.duplicateOf).toBe(X_ID);
  });

  it('migration 3 computes the merges of documents stored before it', () => {
    for (const d of allDocs()) store.putDocument(d);
    const before = summary(store);
    store.close();
    // turn the file back into a version-2 store
    const raw = new Database(file);
    raw.exec(`
      DROP TABLE situation_mentions; DROP TABLE situation_events; DROP TABLE doc_lsh; DROP TABLE doc_duplicates;
      DROP INDEX events_sort; DROP INDEX events_plover; DROP INDEX events_cameo_sort; DROP INDEX events_goldstein; DROP INDEX events_id_sort; DROP INDEX documents_sort;
      ALTER TABLE quantities DROP COLUMN event_idx; ALTER TABLE quantities DROP COLUMN event_rule;
      DROP TABLE event_keys; DROP INDEX events_root_sort; DROP INDEX events_quad_sort; DROP INDEX events_quad_goldstein; ALTER TABLE events DROP COLUMN api_json;
      DELETE FROM schema_migrations WHERE version >= 3;`);
    raw.close();
    store = Store.open(file);
    expect(store.appliedMigrations()).toEqual(MIGRATIONS.map((_, i) => i + 1));
    expect(summary(store)).toEqual(before);
  });
});
