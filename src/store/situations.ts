/**
 * Cross-document merging, run inside the transaction that stores a document:
 *
 * 1. Near-duplicates: the new document's word 5-gram shingles are compared
 *    (MinHash + LSH candidates, then exact Jaccard) with stored documents; at
 *    Jaccard >= 0.8 the new document is recorded as a duplicate of the most
 *    similar one (of that one's original when it is itself a duplicate).
 *    The first stored copy is the original.
 * 2. Situation events: each coded event of the new document joins an
 *    existing situation event, or starts one. An event joins a situation when
 *    - the sorted set of its actor codes is the same (`actor_key`, codes
 *      joined by `+`), and so is the set of its recipient codes (`recipient_key`),
 *      and at least one of the two sets is non-empty;
 *    - its CAMEO root (family) is the same;
 *    - its date is compatible: the calendar range of its TIMEX3 value
 *      (`2025-07` covers July) overlaps the situation's matching range, the
 *      intersection of the ranges of the events it holds. A date that was
 *      defaulted to the publication date (no time expression) stands for
 *      "on or up to 7 days before" that date;
 *    - the location countries agree when both are stated.
 *    Among several candidates the oldest situation (lowest id) wins.
 *    Coded events without a date range, or without any actor/recipient code,
 *    get a situation of their own. Uncoded events get none.
 * 3. Each touched situation's summary is recomputed from its mentions:
 *    `mentions` (events), `sources` (distinct documents, a near-duplicate
 *    counting as its original), the earliest report (publication date, then
 *    document id), the most frequent CAMEO code (ties: the lowest) with its
 *    QuadClass and PLOVER type, the mean Goldstein, and the most precise
 *    stated date.
 *
 * Results depend on ingest order only where an event could join several
 * situations; {@link rebuildSituations} recomputes everything in a fixed
 * order (publication date, then document id).
 */
import type Database from 'better-sqlite3';
import { DateTime } from 'luxon';
import { timexRange, type DayRange } from './dates.js';
import { bandKeys, DUPLICATE_THRESHOLD, jaccard, minhash, shingles } from './neardup.js';

type Row = Record<string, unknown>;
type Db = Database.Database;

/** Days before the publication date that a defaulted event date may stand for. */
export const DEFAULTED_DATE_SLACK_DAYS = 7;

/** The calendar range used to match an event date (see the module comment). */
export function matchRange(date: string | null, defaulted: boolean): DayRange | null {
  const r = timexRange(date);
  if (!r) return null;
  if (!defaulted) return r;
  const from = DateTime.fromISO(r.from, { zone: 'utc' }).minus({ days: DEFAULTED_DATE_SLACK_DAYS }).toISODate() as string;
  return { from, to: r.to };
}

/** Sorted distinct codes joined by `+` (`''` when none). */
export function codeKey(codes: Array<string | null>): string {
  return [...new Set(codes.filter((c): c is string => !!c))].sort().join('+');
}

const stmtCache = new WeakMap<Db, Map<string, Database.Statement>>();
function stmt(db: Db, sql: string): Database.Statement {
  let m = stmtCache.get(db);
  if (!m) stmtCache.set(db, (m = new Map()));
  let s = m.get(sql);
  if (!s) m.set(sql, (s = db.prepare(sql)));
  return s;
}

/**
 * Find the original of a near-duplicate and record the new document's LSH bands.
 * @returns the original's id and the Jaccard similarity, or null.
 */
export function recordNearDuplicate(db: Db, docId: string, text: string): { originalId: string; similarity: number } | null {
  const sh = shingles(text);
  const sig = minhash(sh);
  if (!sig) return null;
  const keys = bandKeys(sig);
  const cands = new Set<string>();
  const find = stmt(db, 'SELECT doc_id FROM doc_lsh WHERE band = ? AND hash = ?');
  keys.forEach((h, b) => {
    for (const r of find.all(b, h) as Row[]) cands.add(String(r.doc_id));
  });
  let best: { id: string; sim: number } | null = null;
  const textOf = stmt(db, 'SELECT text FROM documents WHERE id = ?');
  for (const id of [...cands].sort()) {
    if (id === docId) continue;
    const r = textOf.get(id) as Row | undefined;
    if (!r) continue;
    const sim = jaccard(sh, shingles(String(r.text)));
    if (sim >= DUPLICATE_THRESHOLD && (!best || sim > best.sim)) best = { id, sim };
  }
  const ins = stmt(db, 'INSERT OR IGNORE INTO doc_lsh (band, hash, doc_id) VALUES (?, ?, ?)');
  keys.forEach((h, b) => ins.run(b, h, docId));
  if (!best) return null;
  const orig = stmt(db, 'SELECT original_id FROM doc_duplicates WHERE doc_id = ?').get(best.id) as Row | undefined;
  const originalId = orig ? String(orig.original_id) : best.id;
  const similarity = Math.round(best.sim * 1000) / 1000;
  stmt(db, 'INSERT INTO doc_duplicates (doc_id, original_id, similarity) VALUES (?, ?, ?)').run(docId, originalId, similarity);
  return { originalId, similarity };
}

/** Attach every coded event of a stored document to a situation event, then refresh the touched situations. */
export function mergeDocumentEvents(db: Db, docId: string): void {
  const dup = stmt(db, 'SELECT original_id FROM doc_duplicates WHERE doc_id = ?').get(docId) as Row | undefined;
  const sourceDoc = dup ? String(dup.original_id) : docId;
  const events = stmt(
    db,
    `SELECT id, root, date, date_defaulted, location_country FROM events
     WHERE doc_id = ? AND status = 'coded' AND root IS NOT NULL ORDER BY idx`,
  ).all(docId) as Row[];
  if (!events.length) return;
  const parts = stmt(db, 'SELECT role, code FROM event_participants WHERE event_id = ? ORDER BY role, idx');
  const candidate = stmt(
    db,
    `SELECT id, match_from, match_to, location_country FROM situation_events
     WHERE actor_key = ? AND recipient_key = ? AND root = ? AND match_from IS NOT NULL
       AND match_from <= ? AND match_to >= ?
       AND (location_country IS NULL OR ? IS NULL OR location_country = ?)
     ORDER BY id LIMIT 1`,
  );
  const create = stmt(
    db,
    `INSERT INTO situation_events (actor_key, recipient_key, root, match_from, match_to, location_country, sources, mentions)
     VALUES (?, ?, ?, ?, ?, ?, 0, 0)`,
  );
  const narrow = stmt(
    db,
    'UPDATE situation_events SET match_from = ?, match_to = ?, location_country = COALESCE(location_country, ?) WHERE id = ?',
  );
  const link = stmt(db, 'INSERT INTO situation_mentions (event_id, situation_id, doc_id, source_doc) VALUES (?, ?, ?, ?)');
  const touched = new Set<number>();
  for (const e of events) {
    const ps = parts.all(e.id) as Row[];
    const actorKey = codeKey(ps.filter((p) => p.role === 'actor').map((p) => p.code as string | null));
    const recipientKey = codeKey(ps.filter((p) => p.role === 'recipient').map((p) => p.code as string | null));
    const range = matchRange(e.date as string | null, e.date_defaulted === 1);
    const loc = (e.location_country as string | null) ?? null;
    let sid: number | null = null;
    if (range && (actorKey || recipientKey)) {
      const c = candidate.get(actorKey, recipientKey, e.root, range.to, range.from, loc, loc) as Row | undefined;
      if (c) {
        sid = Number(c.id);
        const from = String(c.match_from) > range.from ? String(c.match_from) : range.from;
        const to = String(c.match_to) < range.to ? String(c.match_to) : range.to;
        narrow.run(from, to, loc, sid);
      }
    }
    if (sid === null) {
      // events that cannot be matched (no range, no codes) get a situation that nothing else joins
      const mergeable = range && (actorKey || recipientKey);
      sid = Number(create.run(actorKey, recipientKey, e.root, mergeable ? range.from : null, mergeable ? range.to : null, loc).lastInsertRowid);
    }
    link.run(e.id, sid, docId, sourceDoc);
    touched.add(sid);
  }
  for (const sid of touched) refreshSituation(db, sid);
}

/** Recompute a situation's summary columns from its mentions. */
export function refreshSituation(db: Db, sid: number): void {
  const rows = stmt(
    db,
    `SELECT e.cameo, e.quad_class, e.goldstein, e.plover_event, e.date, e.date_from, e.date_to, e.date_defaulted,
            m.source_doc, m.doc_id, d.published
     FROM situation_mentions m JOIN events e ON e.id = m.event_id JOIN documents d ON d.id = m.doc_id
     WHERE m.situation_id = ?`,
  ).all(sid) as Row[];
  if (!rows.length) {
    stmt(db, 'DELETE FROM situation_events WHERE id = ?').run(sid);
    return;
  }
  const sources = new Set(rows.map((r) => String(r.source_doc))).size;
  const counts = new Map<string, number>();
  for (const r of rows) if (r.cameo !== null) counts.set(String(r.cameo), (counts.get(String(r.cameo)) ?? 0) + 1);
  let cameo: string | null = null;
  for (const [c, n] of counts) if (cameo === null || n > counts.get(cameo)! || (n === counts.get(cameo)! && c < cameo)) cameo = c;
  const rep = rows.find((r) => r.cameo === cameo) ?? rows[0];
  const gs = rows.filter((r) => r.goldstein !== null).map((r) => Number(r.goldstein));
  const goldstein = gs.length ? Math.round((gs.reduce((a, b) => a + b, 0) / gs.length) * 100) / 100 : null;
  const byDoc = (a: Row, b: Row): number => {
    const pa = a.published as string | null;
    const pb = b.published as string | null;
    if (pa !== pb) return pa === null ? 1 : pb === null ? -1 : pa < pb ? -1 : 1;
    return String(a.doc_id) < String(b.doc_id) ? -1 : String(a.doc_id) > String(b.doc_id) ? 1 : 0;
  };
  const first = [...rows].sort(byDoc)[0];
  // the most precise date: stated before defaulted, then the shortest range, then the earliest report
  const span = (r: Row): number => (r.date_from === null ? Infinity : Date.parse(String(r.date_to)) - Date.parse(String(r.date_from)));
  const dated = rows.filter((r) => r.date !== null);
  const best = [...dated].sort((a, b) => Number(a.date_defaulted) - Number(b.date_defaulted) || span(a) - span(b) || byDoc(a, b))[0];
  stmt(
    db,
    `UPDATE situation_events SET cameo = ?, quad_class = ?, plover_event = ?, goldstein = ?, date = ?, date_from = ?, date_to = ?,
       sources = ?, mentions = ?, first_doc_id = ?, first_published = ? WHERE id = ?`,
  ).run(
    cameo, rep.quad_class ?? null, rep.plover_event ?? null, goldstein,
    best?.date ?? null, best?.date_from ?? null, best?.date_to ?? null,
    sources, rows.length, first.doc_id, first.published ?? null, sid,
  );
}

/**
 * Recompute near-duplicates and situations for the whole store, documents in
 * publication-date order (undated last), then id. Call inside a transaction.
 */
export function rebuildSituations(db: Db): void {
  db.exec('DELETE FROM situation_mentions; DELETE FROM situation_events; DELETE FROM doc_duplicates; DELETE FROM doc_lsh;');
  const docs = db.prepare('SELECT id, text FROM documents ORDER BY published IS NULL, published, id').all() as Row[];
  for (const d of docs) {
    recordNearDuplicate(db, String(d.id), String(d.text));
    mergeDocumentEvents(db, String(d.id));
  }
}
