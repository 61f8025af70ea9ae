import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SitrepError } from '../../src/errors.js';
import { MIGRATIONS, Store, timexRange } from '../../src/store/index.js';
import { baseDoc, docA, docB, docC, event, TEXT_C } from './fixtures.js';

let dir: string;
let file: string;
let store: Store;

beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'sitrep-store-'));
  file = path.join(dir, 'sitrep.db');
  store = Store.open(file);
});
afterEach(() => {
  store.close();
  rmSync(dir, { recursive: true, force: true });
});

const ids = (rows: { docId: string; idx: number }[]): string[] => rows.map((r) => `${r.docId.slice(7, 8)}${r.idx}`);

describe('open and migrations', () => {
  it('records every migration once, in WAL mode with foreign keys', () => {
    expect(store.appliedMigrations()).toEqual(MIGRATIONS.map((_, i) => i + 1));
    store.close();
    store = Store.open(file); // reopening applies nothing new
    expect(store.appliedMigrations()).toEqual(MIGRATIONS.map((_, i) => i + 1));
    const raw = new Database(file, { readonly: true });
    expect(raw.pragma('journal_mode', { simple: true })).toBe('wal');
    expect((raw.prepare('SELECT COUNT(*) AS n FROM schema_migrations').get() as { n: number }).n).toBe(MIGRATIONS.length);
    raw.close();
  });

  it('a missing folder is store_failed naming the file', () => {
    const bad = path.join(dir, 'no', 'such', 'x.db');
    expect(() => Store.open(bad)).toThrowError(SitrepError);
    try {
      Store.open(bad);
    } catch (e) {
      expect((e as SitrepError).code).toBe('store_failed');
      expect((e as SitrepError).message).toContain(bad);
    }
  });

  it('a file that is not a database is store_failed', () => {
    const junk = path.join(dir, 'junk.db');
    writeFileSync(junk, 'this is not sqlite, just some text that is long enough to matter\n'.repeat(10));
    expect(() => Store.open(junk)).toThrow(expect.objectContaining({ code: 'store_failed' }));
  });

  it('a store from a newer sitrep is refused', () => {
    store.close();
    const raw = new Database(file);
    raw.prepare('INSERT INTO schema_migrations (version) VALUES (?)').run(MIGRATIONS.length + 1);
    raw.close();
    expect(() => Store.open(file)).toThrow(expect.objectContaining({ code: 'store_failed' }));
    // let afterEach close something valid
    const r2 = new Database(file);
    r2.prepare('DELETE FROM schema_migrations WHERE version > ?').run(MIGRATIONS.length);
    r2.close();
    store = Store.open(file);
  });

  it('readonly open of a missing store fails, of an existing one works', () => {
    expect(() => Store.open(path.join(dir, 'absent.db'), { readonly: true })).toThrow(expect.objectContaining({ code: 'store_failed' }));
    store.putDocument(docA());
    const ro = Store.open(file, { readonly: true });
    expect(ro.stats().documents).toBe(1);
    ro.close();
  });
});

describe('putDocument / getDocument', () => {
  it('round-trips a Doc (tokens omitted) and is idempotent', () => {
    const a = docA();
    expect(store.putDocument(a)).toEqual({ stored: true });
    expect(store.hasDocument(a.document.id)).toBe(true);
    const before = store.stats();
    expect(before).toEqual({ documents: 1, events: 2, entities: 4 });
    // second put: a no-op, even with different content under the same id
    const changed = docA();
    changed.document.title = 'Changed';
    changed.events = [];
    expect(store.putDocument(changed)).toEqual({ stored: false });
    expect(store.stats()).toEqual(before);
    const back = store.getDocument(a.document.id);
    expect(back).toEqual({ ...a, tokens: [] });
    // absent optional fields stay absent
    expect(back!.entities[2]).not.toHaveProperty('actor');
    expect(back!.entities[0]).not.toHaveProperty('corefOf');
    expect(back!.events[1].plover).toEqual({ event: 'ASSAULT', mode: 'aerial' });
    expect(back!.quantities[0]).not.toHaveProperty('min');
  });

  it('getDocument of an unknown id is null; hasDocument false', () => {
    expect(store.getDocument('sha256:0000000000000000')).toBeNull();
    expect(store.hasDocument('sha256:0000000000000000')).toBe(false);
  });

  it('a failing insert mid-document leaves no partial rows and earlier docs intact', () => {
    store.putDocument(docA());
    const bad = docB();
    // a new actor (SYL) that only this document introduces
    bad.entities.push({ text: 'Syldavia', start: 25, end: 33, label: 'GPE', actor: { code: 'SYL', country: 'SYL', sector: null, name: 'Syldavia' }, sentence: 0, rule: 'ner:gazetteer' });
    // the second event violates the status CHECK constraint, after the document row, entities,
    // actors and a first event with participants were written
    bad.events[1] = { ...bad.events[1], status: 'bogus' as 'coded' };
    expect(() => store.putDocument(bad)).toThrow(expect.objectContaining({ code: 'store_failed' }));
    expect(store.hasDocument(bad.document.id)).toBe(false);
    expect(store.stats()).toEqual({ documents: 1, events: 2, entities: 4 });
    const raw = new Database(file, { readonly: true });
    const count = (sql: string): number => (raw.prepare(sql).get() as { n: number }).n;
    const B = "'sha256:bbbbbbbbbbbbbbbb'";
    expect(count(`SELECT COUNT(*) AS n FROM documents WHERE id = ${B}`)).toBe(0);
    for (const t of ['sentences', 'entities', 'mentions', 'timexes', 'events', 'quotes', 'quantities']) {
      expect(count(`SELECT COUNT(*) AS n FROM ${t} WHERE doc_id = ${B}`), t).toBe(0);
    }
    expect(count('SELECT COUNT(*) AS n FROM event_participants WHERE event_id NOT IN (SELECT id FROM events)')).toBe(0);
    expect(raw.prepare('SELECT code FROM actors ORDER BY code').all()).toEqual([{ code: 'BOR' }, { code: 'RUR' }, { code: 'RURMIL' }]);
    raw.close();
    // the fixed document then stores fine, and the earlier one is unchanged
    expect(store.putDocument(docB())).toEqual({ stored: true });
    expect(store.getDocument(docA().document.id)).toEqual({ ...docA(), tokens: [] });
  });

  it('an exception thrown inside the transaction rolls the document back', () => {
    const d = docC();
    // a getter that throws while the events are being written
    Object.defineProperty(d.events[0], 'confidence', { get: () => { throw new Error('boom'); } });
    expect(() => store.putDocument(d)).toThrow(expect.objectContaining({ code: 'store_failed' }));
    expect(store.stats()).toEqual({ documents: 0, events: 0, entities: 0 });
    expect(store.putDocument(docC())).toEqual({ stored: true });
  });

  it('a document without id is invalid_argument', () => {
    const d = baseDoc('', 'Some text.', null);
    expect(() => store.putDocument(d)).toThrow(expect.objectContaining({ code: 'invalid_argument' }));
  });

  it('a document written by another connection is seen (same file)', () => {
    const other = Store.open(file);
    other.putDocument(docC());
    other.close();
    expect(store.hasDocument(docC().document.id)).toBe(true);
  });
});

describe('queryEvents', () => {
  beforeEach(() => {
    // insertion order differs from sort order on purpose
    store.putDocument(docB());
    store.putDocument(docC());
    store.putDocument(docA());
  });

  it('returns all events sorted by date, doc id, idx', () => {
    const rows = store.queryEvents();
    // A0 2025-03-03, C0 2025-W10 (2025-03-03..09), A1 2025-03-04, B0 2025-07, B1 PAST_REF (no range)
    expect(ids(rows)).toEqual(['a0', 'c0', 'a1', 'b0', 'b1']);
    expect(rows[0]).toMatchObject({ docId: 'sha256:aaaaaaaaaaaaaaaa', idx: 0, published: '2025-03-04', cameo: '040' });
    expect(rows[0].actor[0].code).toBe('RUR');
    expect(rows[0].recipient[0].code).toBe('BOR');
  });

  it('filters by actor code prefix (case-insensitive) and recipient', () => {
    expect(ids(store.queryEvents({ actor: 'RUR' }))).toEqual(['a0', 'c0', 'a1']);
    expect(ids(store.queryEvents({ actor: 'rurmil' }))).toEqual(['a1']);
    expect(ids(store.queryEvents({ actor: 'RURGOV' }))).toEqual(['c0']);
    expect(ids(store.queryEvents({ actor: 'SYL' }))).toEqual(['b1']);
    expect(ids(store.queryEvents({ recipient: 'SYL' }))).toEqual(['c0', 'b0']);
    expect(ids(store.queryEvents({ actor: 'RUR', recipient: 'SYL' }))).toEqual(['c0']); // dyad
    expect(ids(store.queryEvents({ actor: 'XYZ' }))).toEqual([]);
  });

  it('filters by CAMEO code prefix', () => {
    expect(ids(store.queryEvents({ code: '04' }))).toEqual(['a0', 'c0']);
    expect(ids(store.queryEvents({ code: '042' }))).toEqual(['c0']);
    expect(ids(store.queryEvents({ code: '1' }))).toEqual(['a1']);
    expect(ids(store.queryEvents({ code: '0' }))).toEqual(['a0', 'c0', 'b0']);
  });

  it('filters by date range, partial values by overlap', () => {
    expect(ids(store.queryEvents({ from: '2025-03-04', to: '2025-03-04' }))).toEqual(['c0', 'a1']); // the week covers the 4th
    expect(ids(store.queryEvents({ from: '2025-03-05' }))).toEqual(['c0', 'b0']);
    expect(ids(store.queryEvents({ to: '2025-03-03' }))).toEqual(['a0', 'c0']);
    expect(ids(store.queryEvents({ from: '2025-07-15', to: '2025-07-20' }))).toEqual(['b0']); // 2025-07 covers July
    expect(ids(store.queryEvents({ from: '2025-07', to: '2025-07' }))).toEqual(['b0']);
    expect(ids(store.queryEvents({ from: '2025' }))).toEqual(['a0', 'c0', 'a1', 'b0']); // PAST_REF never matches
    expect(ids(store.queryEvents({ from: '2026-01-01' }))).toEqual([]);
  });

  it('limit and offset page over the sorted list', () => {
    expect(ids(store.queryEvents({ limit: 2 }))).toEqual(['a0', 'c0']);
    expect(ids(store.queryEvents({ limit: 2, offset: 2 }))).toEqual(['a1', 'b0']);
    expect(ids(store.queryEvents({ offset: 4 }))).toEqual(['b1']);
    expect(ids(store.queryEvents({ doc: 'sha256:bbbbbbbbbbbbbbbb' }))).toEqual(['b0', 'b1']);
  });

  it('validates arguments', () => {
    const code = (f: () => unknown): string | undefined => {
      try {
        f();
      } catch (e) {
        return (e as SitrepError).code;
      }
      return undefined;
    };
    expect(code(() => store.queryEvents({ from: '2025-02-30' }))).toBe('invalid_date');
    expect(code(() => store.queryEvents({ to: '03/04/2025' }))).toBe('invalid_date');
    expect(code(() => store.queryEvents({ from: '2025-13' }))).toBe('invalid_date');
    expect(code(() => store.queryEvents({ limit: 0 }))).toBe('invalid_argument');
    expect(code(() => store.queryEvents({ limit: 1.5 }))).toBe('invalid_argument');
    expect(code(() => store.queryEvents({ limit: Number.NaN }))).toBe('invalid_argument');
    expect(code(() => store.queryEvents({ offset: -1 }))).toBe('invalid_argument');
    expect(code(() => store.queryEvents({ code: '04a' }))).toBe('invalid_argument');
    expect(code(() => store.queryEvents({ actor: "RUS' OR 1=1" }))).toBe('invalid_argument');
    expect(code(() => store.queryEvents({ from: '2025-05', to: '2025-04' }))).toBe('invalid_argument');
  });
});

describe('listActors and stats', () => {
  it('counts events per code as actor or recipient, sorted by count then code', () => {
    store.putDocument(docA());
    store.putDocument(docB());
    store.putDocument(docC());
    const extra = baseDoc('sha256:dddddddddddddddd', TEXT_C, '2025-03-12');
    extra.entities = [
      { text: 'Syldavia', start: TEXT_C.indexOf('Syldavia'), end: TEXT_C.indexOf('Syldavia') + 8, label: 'GPE', actor: { code: 'SYL', country: 'SYL', sector: null, name: 'Syldavia' }, sentence: 0, rule: 'ner:gazetteer' },
    ];
    extra.events = [event(TEXT_C, 'visited', { cameo: '042', root: '04' })]; // no participants
    store.putDocument(extra);
    expect(store.listActors()).toEqual([
      { code: 'SYL', name: 'Syldavia', country: 'SYL', sector: null, events: 2 },
      { code: 'BOR', name: 'Borduria', country: 'BOR', sector: null, events: 2 },
      { code: 'RUR', name: 'Ruritania', country: 'RUR', sector: null, events: 1 },
      { code: 'RURGOV', name: null, country: 'RUR', sector: 'GOV', events: 1 },
      { code: 'RURMIL', name: 'Ruritanian army', country: 'RUR', sector: 'MIL', events: 1 },
      { code: 'SYLREB', name: null, country: 'SYL', sector: 'REB', events: 1 },
    ].sort((a, b) => b.events - a.events || (a.code < b.code ? -1 : 1)));
    expect(store.stats()).toEqual({ documents: 4, events: 6, entities: 6 });
  });
});

describe('timexRange', () => {
  it('maps TIMEX3 values to calendar ranges', () => {
    expect(timexRange('2025-08-12')).toEqual({ from: '2025-08-12', to: '2025-08-12' });
    expect(timexRange('2025-08-12T14:00')).toEqual({ from: '2025-08-12', to: '2025-08-12' });
    expect(timexRange('2024-02')).toEqual({ from: '2024-02-01', to: '2024-02-29' });
    expect(timexRange('2025')).toEqual({ from: '2025-01-01', to: '2025-12-31' });
    expect(timexRange('2025-W01')).toEqual({ from: '2024-12-30', to: '2025-01-05' });
    expect(timexRange('2025-W33-2')).toEqual({ from: '2025-08-12', to: '2025-08-12' });
    expect(timexRange('2025-Q3')).toEqual({ from: '2025-07-01', to: '2025-09-30' });
    expect(timexRange('2025-H1')).toEqual({ from: '2025-01-01', to: '2025-06-30' });
    expect(timexRange('2024-WI')).toEqual({ from: '2024-12-01', to: '2025-02-28' });
    expect(timexRange('202X')).toEqual({ from: '2020-01-01', to: '2029-12-31' });
    for (const v of ['XXXX-08-12', 'PAST_REF', 'P3D', '2025-02-30', '', null]) expect(timexRange(v)).toBeNull();
  });
});
