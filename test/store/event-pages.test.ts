/**
 * Pages of Store.searchEvents / searchEventsJson (the HTTP API's events) over the query indexes of migration 4:
 * actor-code keys (event_keys), the rendered events.api_json, and the date-order seeks. Each page is checked
 * against a reference computed here from the unfiltered list, so the keyed and the generic query paths must agree.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Doc, DocEvent } from '../../src/doc.js';
import { rng } from '../../src/entities/ner/perceptron.js';
import { MIGRATIONS, Store, type EventHit, type EventSearch } from '../../src/store/index.js';
import { actorKeys } from '../../src/store/migrations.js';
import { baseDoc, event, part } from './fixtures.js';

let dir: string;
let file: string;
let store: Store;

beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'sitrep-pages-'));
  file = path.join(dir, 'p.db');
  store = Store.open(file);
});
afterEach(() => {
  store.close();
  rmSync(dir, { recursive: true, force: true });
});

// Invented sentence, written for these tests; participants point at its words.
const TEXT = 'Ruritanian officials and Bordurian envoys met Syldavian rebels near the river while observers from the league waited.';
const ACTORS: Array<[string, string | null]> = [
  ['Ruritanian', 'RUR'], ['Ruritanian', 'RURGOV'], ['Ruritanian', 'RURMIL'], ['Ruritanian', 'RURMILREB'], ['Bordurian', 'BOR'],
  ['Bordurian', 'BORGOV'], ['Syldavian', 'SYL'], ['Syldavian', 'SYLREB'], ['league', 'IGOLEA'], ['observers', 'XY'], ['rebels', null],
];
const DATES: Array<string | null> = ['2025-03-04', '2025-03-10', '2025-03', '2025-W12', '2025', '2024-12-31', 'PAST_REF', null, '2025-07-15', '2025-07'];
const CODES: Array<[string, 1 | 2 | 3 | 4, number, string]> = [
  ['040', 1, 1, 'CONSULT'], ['042', 1, 1.9, 'CONSULT'], ['111', 3, -2, 'ACCUSE'], ['190', 4, -10, 'ASSAULT'], ['0311', 2, 5.2, 'AID'],
];

/** Deterministic documents: 14 reports of 5 events, actors and recipients of several code lengths, every kind of date. */
function docs(): Doc[] {
  const r = rng(11);
  const pick = <T>(xs: T[]): T => xs[Math.floor(r() * xs.length)];
  const out: Doc[] = [];
  for (let d = 0; d < 14; d++) {
    const doc = baseDoc(`sha256:${d.toString(16).padStart(16, '0')}`, TEXT, d % 5 === 4 ? null : `2025-0${1 + (d % 7)}-1${d % 10}`, `Report ${d}`);
    for (let i = 0; i < 5; i++) {
      const [cameo, quadClass, goldstein, plover] = pick(CODES);
      const p = () => { const [w, c] = pick(ACTORS); return part(TEXT, w, c, c?.slice(0, 3) ?? null, c ? c.slice(3) || null : null); };
      const actor = r() < 0.15 ? [] : r() < 0.3 ? [p(), p()] : [p()]; // two actors may share a key (RUR and RURGOV)
      const recipient = r() < 0.2 ? [] : [p()];
      const over: Partial<DocEvent> = { cameo, root: cameo.slice(0, 2), quadClass, goldstein, plover: { event: plover, mode: null }, actor, recipient, date: pick(DATES), confidence: Math.round(r() * 100) / 100 };
      if (r() < 0.1) Object.assign(over, { status: 'uncoded', cameo: null, root: null, quadClass: null, goldstein: null, plover: null });
      doc.events.push(event(TEXT, 'met', over));
    }
    out.push(doc);
  }
  return out;
}

/** The reference page: the unfiltered list (generic path, sorted by date) filtered and paged here. */
function reference(all: EventHit[], q: EventSearch): { total: number; items: EventHit[] } {
  const has = (ps: EventHit['actor'], prefix: string) => ps.some((p) => p.code?.startsWith(prefix.toUpperCase()));
  let list = all.filter((e) =>
    (q.actor === undefined || has(e.actor, q.actor)) &&
    (q.recipient === undefined || has(e.recipient, q.recipient)) &&
    (q.code === undefined || (e.cameo ?? '').startsWith(q.code)) &&
    (q.quadClass === undefined || e.quadClass === q.quadClass) &&
    (q.plover === undefined || e.plover?.event === q.plover.toUpperCase()) &&
    (q.doc === undefined || e.docId === q.doc) &&
    (q.from === undefined || (e.dateTo !== null && e.dateTo >= q.from)) &&
    (q.to === undefined || (e.dateFrom !== null && e.dateFrom <= q.to)));
  if (q.sort === '-date') list = [...list].reverse(); // documented as the exact reverse order
  const offset = q.offset ?? 0;
  return { total: list.length, items: list.slice(offset, offset + (q.limit ?? 50)) };
}

const QUERIES: EventSearch[] = [
  { actor: 'RUR' }, { actor: 'rurgov' }, { actor: 'RURMIL' }, { actor: 'RURMILREB' }, { actor: 'R' }, { actor: 'RURM' }, { actor: 'XY' },
  { recipient: 'SYL', sort: '-date' }, { recipient: 'IGO' }, { actor: 'RUR', recipient: 'SYL' }, { actor: 'RURGOV', recipient: 'BOR', sort: '-date' },
  { actor: 'RUR', recipient: 'SY' }, { actor: 'BO', recipient: 'RUR' }, { actor: 'RUR', code: '04' }, { actor: 'RUR', code: '1' },
  { actor: 'RUR', from: '2025-03-05' }, { actor: 'RUR', to: '2025-03-31', sort: '-date' }, { recipient: 'SYL', from: '2025-03-01', to: '2025-03-31' },
  { actor: 'RUR', quadClass: 1, limit: 3, offset: 2 }, { actor: 'RUR', recipient: 'SYL', limit: 2, offset: 1 }, { actor: 'SYL', offset: 500 },
  { code: '04' }, { code: '04', from: '2025-03-05' }, { code: '031' }, { from: '2025-03-01', to: '2025-03-31' }, { to: '2025-01-31', sort: '-date' },
  { quadClass: 4 }, { quadClass: 1, from: '2025-02-01', sort: '-date', limit: 4 },
  { actor: 'RUR', plover: 'accuse' }, { recipient: 'BOR', plover: 'ASSAULT', sort: '-date' }, { actor: 'RUR', doc: 'sha256:0000000000000003' },
  { actor: 'RUR', recipient: 'SYL', code: '04', from: '2025-03-01' },
];

describe('event pages', () => {
  it('keyed, dyad and date-seek pages equal the reference, and the JSON text is JSON.stringify of the page', () => {
    store.putDocuments(docs());
    const all = store.searchEvents({ limit: 1000 }).items;
    expect(all.length).toBe(70);
    expect(all.filter((e) => e.dateFrom === null).length).toBeGreaterThan(5); // undated and PAST_REF events are in
    for (const q of QUERIES) {
      const page = store.searchEvents(q);
      const ref = reference(all, q);
      expect({ q, total: page.total, items: page.items }).toEqual({ q, ...ref });
      expect(store.searchEventsJson(q)).toBe(JSON.stringify(page));
    }
    // the checks are not vacuous: several filters match many events, a dyad matches some
    expect(store.searchEvents({ actor: 'RUR' }).total).toBeGreaterThan(15);
    expect(store.searchEvents({ actor: 'RUR', recipient: 'SYL' }).total).toBeGreaterThan(1);
  });

  it('events without rendered JSON are rendered when listed', () => {
    store.putDocuments(docs());
    const q: EventSearch = { actor: 'RUR', limit: 10 };
    const expected = JSON.stringify(store.searchEvents(q));
    const raw = new Database(file);
    expect(raw.prepare('UPDATE events SET api_json = NULL WHERE id % 2 = 0').run().changes).toBe(35); // every other event
    raw.close();
    expect(store.searchEventsJson(q)).toBe(expected);
  });

  it('an event with two actors sharing a key is listed once', () => {
    const d = baseDoc('sha256:00000000000000aa', TEXT, '2025-03-04');
    d.events.push(event(TEXT, 'met', { actor: [part(TEXT, 'Ruritanian', 'RUR', 'RUR', null), part(TEXT, 'Ruritanian', 'RURGOV', 'RUR', 'GOV')], date: '2025-03-04' }));
    store.putDocument(d);
    expect(store.searchEvents({ actor: 'RUR' }).total).toBe(1);
    expect(store.searchEvents({ actor: 'RURGOV' }).total).toBe(1);
    expect(store.searchEvents({ actor: 'RUR' }).items[0].actor.map((p) => p.code)).toEqual(['RUR', 'RURGOV']);
  });

  it('actor keys are the prefixes at 3-character blocks', () => {
    expect(actorKeys('USAGOVMIL')).toEqual(['USA', 'USAGOV', 'USAGOVMIL']);
    expect(actorKeys('USAGO')).toEqual(['USA']);
    expect(actorKeys('XY')).toEqual([]);
  });

  it('migration 4 builds the keys, indexes and rendered JSON of events stored before it; pages are unchanged', () => {
    store.putDocuments(docs());
    const before = QUERIES.map((q) => store.searchEventsJson(q));
    const keys = (db: Database.Database) => db.prepare('SELECT role, key, event_id FROM event_keys ORDER BY role, key, event_id').all();
    store.close();
    let raw = new Database(file);
    const keysAtIngest = keys(raw);
    expect(keysAtIngest.length).toBeGreaterThan(100);
    // turn the file back into a version-3 store
    raw.exec(`DROP TABLE event_keys; DROP INDEX events_root_sort; DROP INDEX events_quad_sort; DROP INDEX events_quad_goldstein;
      ALTER TABLE events DROP COLUMN api_json;
      ALTER TABLE quantities DROP COLUMN event_idx; ALTER TABLE quantities DROP COLUMN event_rule; DELETE FROM schema_migrations WHERE version >= 4;`);
    raw.close();
    store = Store.open(file);
    expect(store.appliedMigrations()).toEqual(MIGRATIONS.map((_, i) => i + 1));
    raw = new Database(file, { readonly: true });
    const names = (raw.prepare("SELECT name FROM sqlite_master WHERE type IN ('table', 'index')").pluck().all() as string[]);
    expect(names).toEqual(expect.arrayContaining(['event_keys', 'events_root_sort', 'events_quad_sort', 'events_quad_goldstein']));
    expect(keys(raw)).toEqual(keysAtIngest); // the SQL of the migration gives the keys that ingest writes
    expect(raw.prepare('SELECT COUNT(*) FROM events WHERE api_json IS NULL').pluck().get()).toBe(0);
    raw.close();
    expect(QUERIES.map((q) => store.searchEventsJson(q))).toEqual(before);
  });
});
